// Process syscalls: execve/execveat, the clone family (parent and child sides), credentials,
// sessions, prctl, capset, ptrace, signals, namespaces, seccomp, bpf, kernel modules, io_uring,
// mprotect, pidfds, process_vm_writev; and procexit (a thread's death).
#include <sys/prctl.h>
#include <sys/wait.h>

#include <string_view>
#include <vector>

#include "engine/events/ppm_flags.h"
#include "engine/events/syscall_map.h"
#include "tracer/encode/encode.h"
#include "tracer/encode/ppm_convert.h"
#include "tracer/tracee_memory.h"

namespace saker::tracer::encode {
namespace {

// argv / envp from tracee memory (a failed execve: the old image is still there), as
// NUL-terminated strings back to back, capped like the drivers cap them.
void read_string_array(Ctx& c, uint64_t addr, size_t max_bytes, std::string* out,
                       std::string* first = nullptr) {
  out->clear();
  if (first != nullptr) first->clear();
  static thread_local std::vector<uint64_t> ptrs;
  if (addr == 0 || !TraceeMemory::read_pointer_array(c.tid, addr, c.ptr_size, 1024, &ptrs)) return;
  std::string& s = c.h.str[3];
  bool is_first = true;
  for (uint64_t p : ptrs) {
    if (!TraceeMemory::read_string(c.tid, p, 4096, &s)) break;
    if (is_first && first != nullptr) {
      first->assign(s);
      is_first = false;
      continue;
    }
    is_first = false;
    if (out->size() + s.size() + 1 > max_bytes) break;
    out->append(s).push_back('\0');
  }
}

// The common tail of execve and execveat exits (params 1..29 / 1..30).
void execve_common(Ctx& c, bool with_filename) {
  ProcFacts& f = c.h.facts;
  c.h.proc.read(c.tid, c.tgid, ProcReader::kExecve, &f);
  if (c.ret != 0) {
    // Failed: the old image is still there; exe and args from the syscall's own argv.
    read_string_array(c, c.arg(with_filename ? 1 : 2), ProcReader::kMaxArgs, &f.args, &f.exe);
    read_string_array(c, c.arg(with_filename ? 2 : 3), ProcReader::kMaxEnv, &f.env);
  }
  c.b.add_i64(c.ret);
  c.b.add_str_trunc(f.exe);
  c.b.add_bytes(f.args);
  c.b.add_i64(f.tid);
  c.b.add_i64(f.pid);
  c.b.add_i64(f.ptid);
  c.b.add_str_trunc(f.cwd);
  c.b.add_u64(static_cast<uint64_t>(f.fdlimit));
  c.b.add_u64(f.pgft_maj);
  c.b.add_u64(f.pgft_min);
  c.b.add_u32(f.vm_size_kb);
  c.b.add_u32(f.vm_rss_kb);
  c.b.add_u32(f.vm_swap_kb);
  c.b.add_str_trunc(f.comm);
  c.b.add_bytes(f.cgroups);
  c.b.add_bytes(f.env);
  c.b.add_u32(f.tty);
  c.b.add_i64(f.vpgid);
  c.b.add_u32(f.loginuid);
  c.b.add_u32(f.exe_flags);
  c.b.add_u64(f.cap_inheritable);
  c.b.add_u64(f.cap_permitted);
  c.b.add_u64(f.cap_effective);
  c.b.add_u64(f.exe_ino);
  c.b.add_u64(f.exe_ctime_ns);
  c.b.add_u64(f.exe_mtime_ns);
  c.b.add_u32(f.uid);
  if (f.exepath.empty()) c.b.add_empty(); else c.b.add_str_trunc(f.exepath);
  c.b.add_i64(f.pgid);
  c.b.add_u32(f.gid);
}

// execve: the filename is read at the entry (after a good exec the old memory is gone).
void execve_e(Ctx& c) {
  if (c.read_str(c.arg(0), 0)) c.pend.path = c.h.str[0]; else c.pend.path.clear();
}
void execve_x(Ctx& c) {
  execve_common(c, true);
  if (c.pend.path.empty()) c.b.add_empty(); else c.b.add_str_trunc(c.pend.path);
}
void execveat_x(Ctx& c) { execve_common(c, false); }

void clone_x(Ctx& c) {
  // The clone flags: clone's first argument; clone3's struct clone_args starts with them;
  // fork is SIGCHLD only, vfork CLONE_VM | CLONE_VFORK.
  static const int32_t kClone = events::native_syscall_nr("clone");
  static const int32_t kClone3 = events::native_syscall_nr("clone3");
  static const int32_t kVfork = events::native_syscall_nr("vfork");
  uint64_t flags = 0;
  const int32_t nr = static_cast<int32_t>(c.nr);
  if (nr == kClone) {
    flags = c.arg(0);
  } else if (nr == kClone3) {
    TraceeMemory::read(c.tid, c.arg(0), &flags, sizeof(flags));
  } else if (nr == kVfork) {
    flags = 0x00004000 | 0x00000100;  // CLONE_VFORK | CLONE_VM
  }
  encode_clone_exit(c, c.ret, flags, false);
}

// ---- credentials, sessions ---------------------------------------------------------------------

void res_u32(Ctx& c) { c.b.add_i64(c.ret); c.b.add_u32(static_cast<uint32_t>(c.arg(0))); }
void res_u32x2(Ctx& c) { res_u32(c); c.b.add_u32(static_cast<uint32_t>(c.arg(1))); }
void res_u32x3(Ctx& c) { res_u32x2(c); c.b.add_u32(static_cast<uint32_t>(c.arg(2))); }
void setsid_x(Ctx& c) { c.b.add_i64(c.ret); }
void setpgid_x(Ctx& c) { c.b.add_i64(c.ret); c.b.add_i64(c.sarg(0)); c.b.add_i64(c.sarg(1)); }

void prctl_x(Ctx& c) {
  const uint64_t option = c.arg(0);
  c.b.add_i64(c.ret);
  c.b.add_u32(static_cast<uint32_t>(option));
  if (option == PR_SET_NAME || option == PR_GET_NAME) {
    c.add_str_at(c.arg(1));
    c.b.add_i64(0);
  } else if (option == PR_GET_CHILD_SUBREAPER) {
    int32_t v = 0;
    TraceeMemory::read(c.tid, c.arg(1), &v, sizeof(v));
    c.b.add_empty();
    c.b.add_i64(v);
  } else {
    c.b.add_empty();
    c.b.add_i64(c.sarg(1));
  }
}

void capset_x(Ctx& c) {
  ProcFacts& f = c.h.facts;
  c.h.proc.read(c.tid, c.tgid, ProcReader::kStatus, &f);
  c.b.add_i64(c.ret);
  c.b.add_u64(f.cap_inheritable);
  c.b.add_u64(f.cap_permitted);
  c.b.add_u64(f.cap_effective);
}

void ptrace_x(Ctx& c) {
  c.b.add_i64(c.ret);
  const uint64_t addr = c.arg(2), data = c.arg(3);
  c.b.add_dyn(static_cast<uint8_t>(events::PPM_PTRACE_IDX_UINT64),
              {reinterpret_cast<const uint8_t*>(&addr), 8});
  c.b.add_dyn(static_cast<uint8_t>(events::PPM_PTRACE_IDX_UINT64),
              {reinterpret_cast<const uint8_t*>(&data), 8});
  c.b.add_u16(static_cast<uint16_t>(ptrace_request_to_ppm(c.arg(0))));
  c.b.add_i64(c.sarg(1));
}

void kill_x(Ctx& c) { c.b.add_i64(c.ret); c.b.add_i64(c.sarg(0)); c.b.add_u8(static_cast<uint8_t>(c.arg(1))); }
void tgkill_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.b.add_i64(c.sarg(0));
  c.b.add_i64(c.sarg(1));
  c.b.add_u8(static_cast<uint8_t>(c.arg(2)));
}
void unshare_x(Ctx& c) { c.b.add_i64(c.ret); c.b.add_u32(clone_flags_to_ppm(c.arg(0))); }
void setns_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.b.add_i64(c.fd_arg(0));
  c.b.add_u32(clone_flags_to_ppm(c.arg(1)));
}
void seccomp_x(Ctx& c) { c.b.add_i64(c.ret); c.b.add_u64(c.arg(0)); c.b.add_u64(c.arg(1)); }
void bpf_x(Ctx& c) { c.b.add_i64(c.ret); c.b.add_u32(static_cast<uint32_t>(c.arg(0))); }

void init_module_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.add_data(c.arg(0), c.arg(1));
  c.b.add_u64(c.arg(1));
  c.add_str_at(c.arg(2));
}
void finit_module_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.b.add_i64(c.fd_arg(0));
  c.add_str_at(c.arg(1));
  c.b.add_u32(finit_module_flags_to_ppm(c.arg(2)));
}
void delete_module_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.add_str_at(c.arg(0));
  c.b.add_u32(delete_module_flags_to_ppm(c.arg(1)));
}

void io_uring_setup_x(Ctx& c) {
  // struct io_uring_params: sq_entries, cq_entries, flags, sq_thread_cpu, sq_thread_idle,
  // features (u32 each), filled by the kernel on success.
  uint32_t p[6] = {};
  TraceeMemory::read(c.tid, c.arg(1), p, sizeof(p));
  c.b.add_i64(c.ret);
  c.b.add_u32(static_cast<uint32_t>(c.arg(0)));
  c.b.add_u32(p[0]);
  c.b.add_u32(p[1]);
  c.b.add_u32(io_uring_setup_flags_to_ppm(p[2]));
  c.b.add_u32(p[3]);
  c.b.add_u32(p[4]);
  c.b.add_u32(io_uring_features_to_ppm(p[5]));
}
void io_uring_enter_x(Ctx& c) {
  uint32_t sig = 0;
  if (c.arg(4) != 0) TraceeMemory::read(c.tid, c.arg(4), &sig, sizeof(sig));
  c.b.add_i64(c.ret);
  c.b.add_i64(c.fd_arg(0));
  c.b.add_u32(static_cast<uint32_t>(c.arg(1)));
  c.b.add_u32(static_cast<uint32_t>(c.arg(2)));
  c.b.add_u32(io_uring_enter_flags_to_ppm(c.arg(3)));
  c.b.add_u32(sig);
}
void io_uring_register_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.b.add_i64(c.fd_arg(0));
  c.b.add_u16(static_cast<uint16_t>(c.arg(1)));
  c.b.add_u64(c.arg(2));
  c.b.add_u32(static_cast<uint32_t>(c.arg(3)));
}
void mprotect_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.b.add_u64(c.arg(0));
  c.b.add_u64(c.arg(1));
  c.b.add_u32(prot_to_ppm(c.arg(2)));
}
void pidfd_open_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.b.add_i64(c.sarg(0));
  c.b.add_u32(pidfd_open_flags_to_ppm(c.arg(1)));
}
void pidfd_getfd_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.b.add_i64(c.fd_arg(0));
  c.b.add_i64(c.fd_arg(1));
  c.b.add_u32(static_cast<uint32_t>(c.arg(2)));
}
void process_vm_writev_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.b.add_i64(c.sarg(0));
  // The first local iovec's bytes, up to the snap length.
  uint64_t iov[2] = {0, 0};
  if (c.ptr_size == 8) {
    TraceeMemory::read(c.tid, c.arg(1), iov, sizeof(iov));
  } else {
    uint32_t iov32[2] = {0, 0};
    TraceeMemory::read(c.tid, c.arg(1), iov32, sizeof(iov32));
    iov[0] = iov32[0];
    iov[1] = iov32[1];
  }
  c.add_data(iov[0], c.ret > 0 && static_cast<uint64_t>(c.ret) < iov[1] ? c.ret : iov[1]);
}

}  // namespace

void encode_clone_exit(Ctx& c, int64_t res, uint64_t native_flags, bool in_child) {
  ProcFacts& f = c.h.facts;
  if (!c.facts_ready) c.h.proc.read(c.tid, c.tgid, ProcReader::kClone, &f);
  uint32_t flags = clone_flags_to_ppm(native_flags);
  if (in_child && f.vpid != f.pid) flags |= events::PPM_CL_CHILD_IN_PIDNS;
  c.b.add_i64(res);
  c.b.add_str_trunc(f.exe);
  c.b.add_bytes(f.args);
  c.b.add_i64(f.tid);
  c.b.add_i64(f.pid);
  c.b.add_i64(f.ptid);
  c.b.add_str_trunc(f.cwd);
  c.b.add_i64(f.fdlimit);
  c.b.add_u64(f.pgft_maj);
  c.b.add_u64(f.pgft_min);
  c.b.add_u32(f.vm_size_kb);
  c.b.add_u32(f.vm_rss_kb);
  c.b.add_u32(f.vm_swap_kb);
  c.b.add_str_trunc(f.comm);
  c.b.add_bytes(f.cgroups);
  c.b.add_u32(flags);
  c.b.add_u32(f.uid);
  c.b.add_u32(f.gid);
  c.b.add_i64(f.vtid);
  c.b.add_i64(f.vpid);
  c.b.add_u64(0);  // pidns_init_start_ts: not visible from outside the namespace
}

void encode_procexit(events::EventBuilder& b, int status) {
  b.add_i64(status);
  b.add_i64(WEXITSTATUS(status));
  b.add_u8(WIFSIGNALED(status) ? static_cast<uint8_t>(WTERMSIG(status)) : 0);
  b.add_u8(WCOREDUMP(status) ? 1 : 0);
  b.add_i64(0);  // reaper_tid: left to the engine (it finds the reaper itself)
}

const NamedEncoder kProcessEncoders[] = {
    {"execve", execve_e, execve_x},
    {"execveat", nullptr, execveat_x},
    {"clone", nullptr, clone_x},
    {"clone3", nullptr, clone_x},
    {"fork", nullptr, clone_x},
    {"vfork", nullptr, clone_x},
    {"setuid", nullptr, res_u32},
    {"setgid", nullptr, res_u32},
    {"setresuid", nullptr, res_u32x3},
    {"setresgid", nullptr, res_u32x3},
    {"setreuid", nullptr, res_u32x2},
    {"setregid", nullptr, res_u32x2},
    {"setsid", nullptr, setsid_x},
    {"setpgid", nullptr, setpgid_x},
    {"prctl", nullptr, prctl_x},
    {"capset", nullptr, capset_x},
    {"ptrace", nullptr, ptrace_x},
    {"kill", nullptr, kill_x},
    {"tkill", nullptr, kill_x},
    {"tgkill", nullptr, tgkill_x},
    {"unshare", nullptr, unshare_x},
    {"setns", nullptr, setns_x},
    {"seccomp", nullptr, seccomp_x},
    {"bpf", nullptr, bpf_x},
    {"init_module", nullptr, init_module_x},
    {"finit_module", nullptr, finit_module_x},
    {"delete_module", nullptr, delete_module_x},
    {"io_uring_setup", nullptr, io_uring_setup_x},
    {"io_uring_enter", nullptr, io_uring_enter_x},
    {"io_uring_register", nullptr, io_uring_register_x},
    {"mprotect", nullptr, mprotect_x},
    {"pidfd_open", nullptr, pidfd_open_x},
    {"pidfd_getfd", nullptr, pidfd_getfd_x},
    {"process_vm_writev", nullptr, process_vm_writev_x},
};
const size_t kProcessEncodersCount = sizeof(kProcessEncoders) / sizeof(kProcessEncoders[0]);

}  // namespace saker::tracer::encode
