#include "tracer/syscall_set.h"

#include <seccomp.h>

#include <cstdlib>
#include <map>
#include <set>
#include <utility>

#include "tracer/arch.h"

namespace saker::tracer {

SyscallSet SyscallSet::defaults() {
  SyscallSet s;
  s.names = {
      // processes. Not exit/exit_group: they produce no event (a thread's end is procexit, from
      // its death report). Not the fork family: its successful calls are reported from ptrace's
      // fork/vfork/clone event stops; only a failed fork needs them here (--syscalls clone,...).
      "execve", "execveat",
      "setuid", "setgid", "setreuid", "setregid", "setresuid", "setresgid", "setfsuid",
      "setfsgid", "capset", "setns", "unshare", "chroot", "chdir", "fchdir", "kill", "tgkill",
      // files and fd table
      "open", "openat", "openat2", "creat", "open_by_handle_at", "close", "close_range", "dup",
      "dup2", "dup3", "fcntl", "pipe", "pipe2", "eventfd", "eventfd2", "signalfd", "signalfd4",
      "timerfd_create", "inotify_init", "inotify_init1", "memfd_create", "userfaultfd",
      "rename", "renameat", "renameat2", "unlink", "unlinkat", "mkdir", "mkdirat", "rmdir",
      "link", "linkat", "symlink", "symlinkat", "chmod", "fchmod", "fchmodat", "chown",
      "fchown", "fchownat", "lchown", "mount", "umount2", "mknod", "mknodat",
      // network
      "socket", "socketpair", "connect", "accept", "accept4", "bind", "listen",
      // kernel surface
      "bpf", "init_module", "finit_module", "delete_module", "ptrace",
      "kexec_load", "pivot_root", "quotactl",
  };
  return s;
}

const std::vector<std::string>& SyscallSet::always() {
  static const std::vector<std::string> v = {
      "execve", "execveat", "ptrace", "seccomp", "prctl",
      "io_uring_setup", "io_uring_register", "process_vm_writev",
  };
  return v;
}

SyscallSet SyscallSet::parse(std::string_view list) {
  SyscallSet s;
  while (!list.empty()) {
    size_t comma = list.find(',');
    std::string_view item = list.substr(0, comma);
    if (item == "all") {
      s.all = true;
    } else if (!item.empty()) {
      s.names.emplace_back(item);
    }
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return s;
}

void SyscallSet::add(const SyscallSet& other) {
  all = all || other.all;
  std::set<std::string> seen(names.begin(), names.end());
  for (const auto& n : other.names) {
    if (seen.insert(n).second) names.push_back(n);
  }
}

SyscallMatcher::SyscallMatcher(const SyscallSet& set) : all_(set.all) {
  native_.assign(1024, false);
  i386_.assign(1024, false);
  x32_.assign(1024, false);
  auto mark = [](std::vector<bool>& table, int nr) {
    if (nr >= 0 && static_cast<size_t>(nr) < table.size()) table[nr] = true;
  };
  for (const auto& name : set.names) {
    int n64 = seccomp_syscall_resolve_name_arch(SCMP_ARCH_X86_64, name.c_str());
    int n32 = seccomp_syscall_resolve_name_arch(SCMP_ARCH_X86, name.c_str());
    int nx32 = seccomp_syscall_resolve_name_arch(SCMP_ARCH_X32, name.c_str());
    if (nx32 >= 0) nx32 &= ~static_cast<int>(kX32SyscallBit);
    if (name == "prctl") {
      prctl_native_ = n64;
      prctl_i386_ = n32;
    }
    mark(native_, n64);
    mark(i386_, n32);
    mark(x32_, nx32);
  }
}

bool SyscallMatcher::matches(uint32_t audit_arch, int64_t nr, uint64_t arg0) const {
  if (all_) return true;
  if (nr < 0) return false;
  const std::vector<bool>* table = &native_;
  int64_t prctl = prctl_native_;
  if (audit_arch == kAuditArchI386) {
    table = &i386_;
    prctl = prctl_i386_;
  } else if (static_cast<uint64_t>(nr) & kX32SyscallBit) {
    table = &x32_;
    nr &= ~static_cast<int64_t>(kX32SyscallBit);
  }
  if (static_cast<size_t>(nr) >= table->size() || !(*table)[nr]) return false;
  if (nr == prctl && table != &x32_) return arg0 == kPrSetSeccomp;
  return true;
}

const std::string& syscall_name(uint32_t audit_arch, int64_t nr) {
  static std::map<std::pair<uint32_t, int64_t>, std::string> cache;
  const uint32_t token = arch_scmp_token(audit_arch, nr);
  auto key = std::make_pair(token, nr);
  auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  std::string name;
  if (nr >= 0 && nr <= 0x7fffffff) {
    char* s = seccomp_syscall_resolve_num_arch(token, static_cast<int>(nr));
    if (s != nullptr) {
      name = s;
      std::free(s);
    }
  }
  if (name.empty()) name = "syscall_" + std::to_string(nr);
  return cache.emplace(key, std::move(name)).first->second;
}

}  // namespace saker::tracer
