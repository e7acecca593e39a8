// Field class `thread` (Falco's "process" class, thread.* part): facts of the thread itself
// rather than its process (id, capabilities, cgroups, page faults).
#include "engine/fields/bound_field.h"
#include "engine/fields/classes.h"
#include "engine/state/state.h"

namespace saker::fields {
namespace {

using T = FieldType;
using PF = PrintFormat;
using Arg = ArgSyntax;

constexpr FieldInfo kFields[] = {
    {"thread.cap_permitted", T::Charbuf, PF::NA, kNone, Arg::None, "Permitted Capabilities",
     "Permitted capability set of the thread (the most it may make effective). Listed as "
     "space-separated CAP_* names; the tracer reads it from /proc/PID/status at clone and "
     "execve."},
    {"thread.cap_inheritable", T::Charbuf, PF::NA, kNone, Arg::None, "Inheritable Capabilities",
     "Inheritable capability set of the thread (what may pass across execve). Listed as "
     "space-separated CAP_* names; the tracer reads it from /proc/PID/status at clone and "
     "execve."},
    {"thread.cap_effective", T::Charbuf, PF::NA, kNone, Arg::None, "Effective Capabilities",
     "Effective capability set of the thread (what the kernel checks). Listed as space-separated "
     "CAP_* names; the tracer reads it from /proc/PID/status at clone and execve."},
    {"thread.pfmajor", T::Uint64, PF::Dec, kNone, Arg::None, "Major Page Faults",
     "Page faults of the thread that needed disk I/O since it started, as read from /proc at its "
     "last clone or execve."},
    {"thread.pfminor", T::Uint64, PF::Dec, kNone, Arg::None, "Minor Page Faults",
     "Page faults of the thread served without disk I/O since it started, as read from /proc at "
     "its last clone or execve."},
    {"thread.tid", T::Int64, PF::Id, kNone, Arg::None, "TID",
     "Host thread id of the thread that made the syscall."},
    {"thread.ismain", T::Bool, PF::NA, kNone, Arg::None, "Main Thread",
     "True when the thread is the main thread of its process (tid equals pid)."},
    {"thread.vtid", T::Int64, PF::Id, kNone, Arg::None, "Virtual TID",
     "Thread id in the thread's innermost pid namespace (a container's); equal to thread.tid on "
     "the host."},
    {"thread.nametid", T::Charbuf, PF::NA, kHidden, Arg::None, "Name and TID",
     "proc.name with the thread id appended, which tells apart the threads and successive "
     "programs (execve) of one pid."},
    {"thread.exectime", T::Reltime, PF::Dec, kNone, Arg::None, "Scheduled Thread CPU Time",
     "CPU time the previously scheduled thread used, in nanoseconds, from context-switch events. "
     "Saker sees no scheduler events, so this is never set."},
    {"thread.totexectime", T::Reltime, PF::Dec, kNone, Arg::None, "Current Thread CPU Time",
     "CPU time the current thread has used since capture start, in nanoseconds, from "
     "context-switch events. Never set in Saker."},
    {"thread.cgroups", T::Charbuf, PF::NA, kNone, Arg::None, "Cgroups",
     "Every cgroup of the thread as space-separated subsystem=path pairs (from "
     "/proc/PID/cgroup)."},
    {"thread.cgroup", T::Charbuf, PF::NA, kArgRequired, Arg::DotKey, "Cgroup",
     "Cgroup path of the thread for one subsystem named after the dot, as in "
     "thread.cgroup.cpuacct."},
    {"thread.cpu", T::Double, PF::NA, kNone, Arg::None, "Thread CPU",
     "Share of a CPU the thread used over the last second. Needs periodic sampling, which Saker "
     "does not do: never set."},
    {"thread.cpu.user", T::Double, PF::NA, kNone, Arg::None, "Thread User CPU",
     "Share of a CPU the thread used in user mode over the last second. Never set in Saker."},
    {"thread.cpu.system", T::Double, PF::NA, kNone, Arg::None, "Thread System CPU",
     "Share of a CPU the thread used in kernel mode over the last second. Never set in Saker."},
    {"thread.vmsize", T::Uint64, PF::Dec, kNone, Arg::None, "Thread VM Size (kB)",
     "On the main thread, the process's virtual memory size in kB. Non-main threads yield 0. "
     "Sampled at the thread's last clone or execve."},
    {"thread.vmrss", T::Uint64, PF::Dec, kNone, Arg::None, "Thread VM RSS (kB)",
     "On the main thread, the process's resident memory in kB. Non-main threads yield 0. Sampled "
     "at the thread's last clone or execve."},
    {"thread.vmsize.b", T::Uint64, PF::Dec, kHidden, Arg::None, "Thread VM Size (b)",
     "thread.vmsize in bytes instead of kB. Non-main threads yield 0. Sampled at the thread's "
     "last clone or execve."},
    {"thread.vmrss.b", T::Uint64, PF::Dec, kHidden, Arg::None, "Thread VM RSS (b)",
     "thread.vmrss in bytes instead of kB. Non-main threads yield 0. Sampled at the thread's "
     "last clone or execve."},
};

using state::ThreadInfo;

// Linux capability names by bit number, as Falco prints capability sets.
constexpr std::string_view kCapabilities[] = {
    "CAP_CHOWN",
    "CAP_DAC_OVERRIDE",
    "CAP_DAC_READ_SEARCH",
    "CAP_FOWNER",
    "CAP_FSETID",
    "CAP_KILL",
    "CAP_SETGID",
    "CAP_SETUID",
    "CAP_SETPCAP",
    "CAP_LINUX_IMMUTABLE",
    "CAP_NET_BIND_SERVICE",
    "CAP_NET_BROADCAST",
    "CAP_NET_ADMIN",
    "CAP_NET_RAW",
    "CAP_IPC_LOCK",
    "CAP_IPC_OWNER",
    "CAP_SYS_MODULE",
    "CAP_SYS_RAWIO",
    "CAP_SYS_CHROOT",
    "CAP_SYS_PTRACE",
    "CAP_SYS_PACCT",
    "CAP_SYS_ADMIN",
    "CAP_SYS_BOOT",
    "CAP_SYS_NICE",
    "CAP_SYS_RESOURCE",
    "CAP_SYS_TIME",
    "CAP_SYS_TTY_CONFIG",
    "CAP_MKNOD",
    "CAP_LEASE",
    "CAP_AUDIT_WRITE",
    "CAP_AUDIT_CONTROL",
    "CAP_SETFCAP",
    "CAP_MAC_OVERRIDE",
    "CAP_MAC_ADMIN",
    "CAP_SYSLOG",
    "CAP_WAKE_ALARM",
    "CAP_BLOCK_SUSPEND",
    "CAP_AUDIT_READ",
    "CAP_PERFMON",
    "CAP_BPF",
    "CAP_CHECKPOINT_RESTORE",
};

class ThreadField;
using ThreadFn = bool (*)(const ThreadField& f, const EvalContext& ctx, const ThreadInfo& t,
                          FieldValue& out);

class ThreadField final : public BoundField {
 public:
  ThreadField(const FieldInfo& info, ThreadFn fn) : BoundField(info), fn_(fn) {}
  bool extract(const EvalContext& ctx, FieldValue& out) const override {
    out.clear();
    if (ctx.evt == nullptr) return false;
    if (ctx.thread == nullptr) {
      // thread.tid comes from the event itself.
      if (std::string_view(info().name) != "thread.tid") return false;
      out.set_int(static_cast<int64_t>(ctx.evt->tid()));
      return true;
    }
    return fn_(*this, ctx, *ctx.thread, out) && out.present();
  }
  std::string& buf() const { return scratch(); }
  std::string key;  // thread.cgroup.SUBSYS

 private:
  ThreadFn fn_;
};

#define THREAD_FN(name)                                                                   \
  bool name([[maybe_unused]] const ThreadField& f, [[maybe_unused]] const EvalContext& c, \
            [[maybe_unused]] const ThreadInfo& t, FieldValue& o)

bool caps(const ThreadField& f, uint64_t set, FieldValue& o) {
  std::string& s = f.buf();
  s.clear();
  for (size_t i = 0; i < std::size(kCapabilities); ++i) {
    if (set & (uint64_t{1} << i)) {
      if (!s.empty()) s += ' ';
      s += kCapabilities[i];
    }
  }
  o.set_str(s);
  return true;
}

THREAD_FN(x_cap_permitted) { return caps(f, t.cap_permitted, o); }
THREAD_FN(x_cap_inheritable) { return caps(f, t.cap_inheritable, o); }
THREAD_FN(x_cap_effective) { return caps(f, t.cap_effective, o); }
THREAD_FN(x_pfmajor) {
  o.set_uint(t.pfmajor);
  return true;
}
THREAD_FN(x_pfminor) {
  o.set_uint(t.pfminor);
  return true;
}
THREAD_FN(x_tid) {
  o.set_int(static_cast<int64_t>(c.evt->tid()));
  return true;
}
THREAD_FN(x_ismain) {
  o.set_bool(t.is_leader());
  return true;
}
THREAD_FN(x_vtid) {
  if (t.vtid == -1) return false;
  o.set_int(t.vtid);
  return true;
}
THREAD_FN(x_nametid) {
  std::string& s = f.buf();
  s.assign(t.comm);
  s += std::to_string(c.evt->tid());
  o.set_str(s);
  return true;
}
THREAD_FN(x_cgroups) {
  const size_t n = std::min(t.cgroups_subsys.size(), t.cgroups_path.size());
  if (n == 0) return false;
  std::string& s = f.buf();
  s.clear();
  for (size_t i = 0; i < n; ++i) {
    if (i) s += ' ';
    s += t.cgroups_subsys[i];
    s += '=';
    s += t.cgroups_path[i];
  }
  o.set_str(s);
  return true;
}
THREAD_FN(x_cgroup) {
  const size_t n = std::min(t.cgroups_subsys.size(), t.cgroups_path.size());
  for (size_t i = 0; i < n; ++i) {
    if (t.cgroups_subsys[i] == f.key) {
      o.set_str(t.cgroups_path[i]);
      return true;
    }
  }
  return false;
}
const ThreadInfo& main_of(const EvalContext& c, const ThreadInfo& t) {
  return *c.state->leader_of(t);
}
THREAD_FN(x_vmsize) {
  o.set_uint(t.is_leader() ? main_of(c, t).vmsize_kb : 0);
  return true;
}
THREAD_FN(x_vmrss) {
  o.set_uint(t.is_leader() ? main_of(c, t).vmrss_kb : 0);
  return true;
}
THREAD_FN(x_vmsize_b) {
  o.set_uint(t.is_leader() ? uint64_t{main_of(c, t).vmsize_kb} * 1024 : 0);
  return true;
}
THREAD_FN(x_vmrss_b) {
  o.set_uint(t.is_leader() ? uint64_t{main_of(c, t).vmrss_kb} * 1024 : 0);
  return true;
}

#undef THREAD_FN

struct Extractor {
  std::string_view name;
  ThreadFn fn;
};

constexpr Extractor kExtractors[] = {
    {"thread.cap_permitted", x_cap_permitted},
    {"thread.cap_inheritable", x_cap_inheritable},
    {"thread.cap_effective", x_cap_effective},
    {"thread.pfmajor", x_pfmajor},
    {"thread.pfminor", x_pfminor},
    {"thread.tid", x_tid},
    {"thread.ismain", x_ismain},
    {"thread.vtid", x_vtid},
    {"thread.nametid", x_nametid},
    {"thread.cgroups", x_cgroups},
    {"thread.cgroup", x_cgroup},
    {"thread.vmsize", x_vmsize},
    {"thread.vmrss", x_vmrss},
    {"thread.vmsize.b", x_vmsize_b},
    {"thread.vmrss.b", x_vmrss_b},
};

std::unique_ptr<BoundField> bind_thread(const BindRequest& req, std::string& error) {
  (void)error;
  for (const Extractor& e : kExtractors) {
    if (e.name == req.info.name) {
      auto f = std::make_unique<ThreadField>(req.info, e.fn);
      if (req.arg.present()) f->key.assign(req.arg.text);
      return f;
    }
  }
  return nullptr;
}

}  // namespace

const FieldClass& thread_class() {
  static constexpr FieldClass c{
      "thread", "process",
      "",       "The process and thread that made the syscall, from the state engine.",
      kFields,  bind_thread};
  return c;
}

}  // namespace saker::fields
