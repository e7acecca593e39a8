#include "engine/events/syscall_map.h"

#include <array>
#include <string>
#include <unordered_map>

#include "engine/events/event_types.h"
#include "engine/events/flag_names.h"
#include "engine/events/schema.h"

namespace saker::events {
namespace {

// x86_64 syscall names by number (holes are "").
constexpr const char* kNative[] = {
    "read", "write", "open", "close", "stat", "fstat", "lstat", "poll", "lseek", "mmap",
    "mprotect", "munmap", "brk", "rt_sigaction", "rt_sigprocmask", "rt_sigreturn", "ioctl",
    "pread64", "pwrite64", "readv", "writev", "access", "pipe", "select", "sched_yield", "mremap",
    "msync", "mincore", "madvise", "shmget", "shmat", "shmctl", "dup", "dup2", "pause",
    "nanosleep", "getitimer", "alarm", "setitimer", "getpid", "sendfile", "socket", "connect",
    "accept", "sendto", "recvfrom", "sendmsg", "recvmsg", "shutdown", "bind", "listen",
    "getsockname", "getpeername", "socketpair", "setsockopt", "getsockopt", "clone", "fork",
    "vfork", "execve", "exit", "wait4", "kill", "uname", "semget", "semop", "semctl", "shmdt",
    "msgget", "msgsnd", "msgrcv", "msgctl", "fcntl", "flock", "fsync", "fdatasync", "truncate",
    "ftruncate", "getdents", "getcwd", "chdir", "fchdir", "rename", "mkdir", "rmdir", "creat",
    "link", "unlink", "symlink", "readlink", "chmod", "fchmod", "chown", "fchown", "lchown",
    "umask", "gettimeofday", "getrlimit", "getrusage", "sysinfo", "times", "ptrace", "getuid",
    "syslog", "getgid", "setuid", "setgid", "geteuid", "getegid", "setpgid", "getppid", "getpgrp",
    "setsid", "setreuid", "setregid", "getgroups", "setgroups", "setresuid", "getresuid",
    "setresgid", "getresgid", "getpgid", "setfsuid", "setfsgid", "getsid", "capget", "capset",
    "rt_sigpending", "rt_sigtimedwait", "rt_sigqueueinfo", "rt_sigsuspend", "sigaltstack",
    "utime", "mknod", "uselib", "personality", "ustat", "statfs", "fstatfs", "sysfs",
    "getpriority", "setpriority", "sched_setparam", "sched_getparam", "sched_setscheduler",
    "sched_getscheduler", "sched_get_priority_max", "sched_get_priority_min",
    "sched_rr_get_interval", "mlock", "munlock", "mlockall", "munlockall", "vhangup",
    "modify_ldt", "pivot_root", "_sysctl", "prctl", "arch_prctl", "adjtimex", "setrlimit",
    "chroot", "sync", "acct", "settimeofday", "mount", "umount2", "swapon", "swapoff", "reboot",
    "sethostname", "setdomainname", "iopl", "ioperm", "create_module", "init_module",
    "delete_module", "get_kernel_syms", "query_module", "quotactl", "nfsservctl", "getpmsg",
    "putpmsg", "afs_syscall", "tuxcall", "security", "gettid", "readahead", "setxattr",
    "lsetxattr", "fsetxattr", "getxattr", "lgetxattr", "fgetxattr", "listxattr", "llistxattr",
    "flistxattr", "removexattr", "lremovexattr", "fremovexattr", "tkill", "time", "futex",
    "sched_setaffinity", "sched_getaffinity", "set_thread_area", "io_setup", "io_destroy",
    "io_getevents", "io_submit", "io_cancel", "get_thread_area", "lookup_dcookie", "epoll_create",
    "epoll_ctl_old", "epoll_wait_old", "remap_file_pages", "getdents64", "set_tid_address",
    "restart_syscall", "semtimedop", "fadvise64", "timer_create", "timer_settime",
    "timer_gettime", "timer_getoverrun", "timer_delete", "clock_settime", "clock_gettime",
    "clock_getres", "clock_nanosleep", "exit_group", "epoll_wait", "epoll_ctl", "tgkill",
    "utimes", "vserver", "mbind", "set_mempolicy", "get_mempolicy", "mq_open", "mq_unlink",
    "mq_timedsend", "mq_timedreceive", "mq_notify", "mq_getsetattr", "kexec_load", "waitid",
    "add_key", "request_key", "keyctl", "ioprio_set", "ioprio_get", "inotify_init",
    "inotify_add_watch", "inotify_rm_watch", "migrate_pages", "openat", "mkdirat", "mknodat",
    "fchownat", "futimesat", "newfstatat", "unlinkat", "renameat", "linkat", "symlinkat",
    "readlinkat", "fchmodat", "faccessat", "pselect6", "ppoll", "unshare", "set_robust_list",
    "get_robust_list", "splice", "tee", "sync_file_range", "vmsplice", "move_pages", "utimensat",
    "epoll_pwait", "signalfd", "timerfd_create", "eventfd", "fallocate", "timerfd_settime",
    "timerfd_gettime", "accept4", "signalfd4", "eventfd2", "epoll_create1", "dup3", "pipe2",
    "inotify_init1", "preadv", "pwritev", "rt_tgsigqueueinfo", "perf_event_open", "recvmmsg",
    "fanotify_init", "fanotify_mark", "prlimit64", "name_to_handle_at", "open_by_handle_at",
    "clock_adjtime", "syncfs", "sendmmsg", "setns", "getcpu", "process_vm_readv",
    "process_vm_writev", "kcmp", "finit_module", "sched_setattr", "sched_getattr", "renameat2",
    "seccomp", "getrandom", "memfd_create", "kexec_file_load", "bpf", "execveat", "userfaultfd",
    "membarrier", "mlock2", "copy_file_range", "preadv2", "pwritev2", "pkey_mprotect",
    "pkey_alloc", "pkey_free", "statx", "io_pgetevents", "rseq", "", "", "", "", "", "", "", "",
    "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
    "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
    "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
    "", "", "", "", "", "", "", "", "", "", "", "", "pidfd_send_signal", "io_uring_setup",
    "io_uring_enter", "io_uring_register", "open_tree", "move_mount", "fsopen", "fsconfig",
    "fsmount", "fspick", "pidfd_open", "clone3", "close_range", "openat2", "pidfd_getfd",
    "faccessat2", "process_madvise", "epoll_pwait2", "mount_setattr", "quotactl_fd",
    "landlock_create_ruleset", "landlock_add_rule", "landlock_restrict_self", "memfd_secret",
    "process_mrelease", "futex_waitv", "set_mempolicy_home_node",
    "cachestat", "fchmodat2", "map_shadow_stack", "futex_wake", "futex_wait", "futex_requeue",
    "statmount", "listmount", "lsm_get_self_attr", "lsm_set_self_attr", "lsm_list_modules",
    "mseal", "setxattrat", "getxattrat", "listxattrat", "removexattrat", "open_tree_attr",
};
constexpr uint32_t kNativeCount = sizeof(kNative) / sizeof(kNative[0]);

struct Row {
  const char* name;
  uint16_t enter;
  uint16_t exit;
};

// The syscalls with events of their own, with their newest event pair.
constexpr Row kRows[] = {
    {"open", PPME_SYSCALL_OPEN_E, PPME_SYSCALL_OPEN_X},
    {"openat", PPME_SYSCALL_OPENAT_2_E, PPME_SYSCALL_OPENAT_2_X},
    {"openat2", PPME_SYSCALL_OPENAT2_E, PPME_SYSCALL_OPENAT2_X},
    {"creat", PPME_SYSCALL_CREAT_E, PPME_SYSCALL_CREAT_X},
    {"connect", PPME_SOCKET_CONNECT_E, PPME_SOCKET_CONNECT_X},
    {"close", kNoEvent, PPME_SYSCALL_CLOSE_X},
    {"close_range", kNoEvent, PPME_SYSCALL_CLOSE_RANGE_X},
    {"unlink", kNoEvent, PPME_SYSCALL_UNLINK_2_X},
    {"unlinkat", kNoEvent, PPME_SYSCALL_UNLINKAT_2_X},
    {"rename", kNoEvent, PPME_SYSCALL_RENAME_X},
    {"renameat", kNoEvent, PPME_SYSCALL_RENAMEAT_X},
    {"renameat2", kNoEvent, PPME_SYSCALL_RENAMEAT2_X},
    {"mkdir", kNoEvent, PPME_SYSCALL_MKDIR_2_X},
    {"mkdirat", kNoEvent, PPME_SYSCALL_MKDIRAT_X},
    {"rmdir", kNoEvent, PPME_SYSCALL_RMDIR_2_X},
    {"link", kNoEvent, PPME_SYSCALL_LINK_2_X},
    {"linkat", kNoEvent, PPME_SYSCALL_LINKAT_2_X},
    {"symlink", kNoEvent, PPME_SYSCALL_SYMLINK_X},
    {"symlinkat", kNoEvent, PPME_SYSCALL_SYMLINKAT_X},
    {"chmod", kNoEvent, PPME_SYSCALL_CHMOD_X},
    {"fchmod", kNoEvent, PPME_SYSCALL_FCHMOD_X},
    {"fchmodat", kNoEvent, PPME_SYSCALL_FCHMODAT_X},
    {"chown", kNoEvent, PPME_SYSCALL_CHOWN_X},
    {"lchown", kNoEvent, PPME_SYSCALL_LCHOWN_X},
    {"fchown", kNoEvent, PPME_SYSCALL_FCHOWN_X},
    {"fchownat", kNoEvent, PPME_SYSCALL_FCHOWNAT_X},
    {"mount", kNoEvent, PPME_SYSCALL_MOUNT_X},
    {"umount2", kNoEvent, PPME_SYSCALL_UMOUNT2_X},
    {"chdir", kNoEvent, PPME_SYSCALL_CHDIR_X},
    {"fchdir", kNoEvent, PPME_SYSCALL_FCHDIR_X},
    {"chroot", kNoEvent, PPME_SYSCALL_CHROOT_X},
    {"dup", kNoEvent, PPME_SYSCALL_DUP_1_X},
    {"dup2", kNoEvent, PPME_SYSCALL_DUP2_X},
    {"dup3", kNoEvent, PPME_SYSCALL_DUP3_X},
    {"fcntl", kNoEvent, PPME_SYSCALL_FCNTL_X},
    {"pipe", kNoEvent, PPME_SYSCALL_PIPE_X},
    {"pipe2", kNoEvent, PPME_SYSCALL_PIPE2_X},
    {"memfd_create", kNoEvent, PPME_SYSCALL_MEMFD_CREATE_X},
    {"eventfd", kNoEvent, PPME_SYSCALL_EVENTFD_X},
    {"eventfd2", kNoEvent, PPME_SYSCALL_EVENTFD2_X},
    {"signalfd", kNoEvent, PPME_SYSCALL_SIGNALFD_X},
    {"signalfd4", kNoEvent, PPME_SYSCALL_SIGNALFD4_X},
    {"timerfd_create", kNoEvent, PPME_SYSCALL_TIMERFD_CREATE_X},
    {"inotify_init", kNoEvent, PPME_SYSCALL_INOTIFY_INIT_X},
    {"inotify_init1", kNoEvent, PPME_SYSCALL_INOTIFY_INIT1_X},
    {"epoll_create", kNoEvent, PPME_SYSCALL_EPOLL_CREATE_X},
    {"epoll_create1", kNoEvent, PPME_SYSCALL_EPOLL_CREATE1_X},
    {"userfaultfd", kNoEvent, PPME_SYSCALL_USERFAULTFD_X},
    {"open_by_handle_at", kNoEvent, PPME_SYSCALL_OPEN_BY_HANDLE_AT_X},
    {"mknod", kNoEvent, PPME_SYSCALL_MKNOD_X},
    {"mknodat", kNoEvent, PPME_SYSCALL_MKNODAT_X},
    {"execve", kNoEvent, PPME_SYSCALL_EXECVE_19_X},
    {"execveat", kNoEvent, PPME_SYSCALL_EXECVEAT_X},
    {"clone", kNoEvent, PPME_SYSCALL_CLONE_20_X},
    {"clone3", kNoEvent, PPME_SYSCALL_CLONE3_X},
    {"fork", kNoEvent, PPME_SYSCALL_FORK_20_X},
    {"vfork", kNoEvent, PPME_SYSCALL_VFORK_20_X},
    {"setuid", kNoEvent, PPME_SYSCALL_SETUID_X},
    {"setgid", kNoEvent, PPME_SYSCALL_SETGID_X},
    {"setresuid", kNoEvent, PPME_SYSCALL_SETRESUID_X},
    {"setresgid", kNoEvent, PPME_SYSCALL_SETRESGID_X},
    {"setreuid", kNoEvent, PPME_SYSCALL_SETREUID_X},
    {"setregid", kNoEvent, PPME_SYSCALL_SETREGID_X},
    {"setsid", kNoEvent, PPME_SYSCALL_SETSID_X},
    {"setpgid", kNoEvent, PPME_SYSCALL_SETPGID_X},
    {"prctl", kNoEvent, PPME_SYSCALL_PRCTL_X},
    {"capset", kNoEvent, PPME_SYSCALL_CAPSET_X},
    {"ptrace", kNoEvent, PPME_SYSCALL_PTRACE_X},
    {"kill", kNoEvent, PPME_SYSCALL_KILL_X},
    {"tkill", kNoEvent, PPME_SYSCALL_TKILL_X},
    {"tgkill", kNoEvent, PPME_SYSCALL_TGKILL_X},
    {"unshare", kNoEvent, PPME_SYSCALL_UNSHARE_X},
    {"setns", kNoEvent, PPME_SYSCALL_SETNS_X},
    {"seccomp", kNoEvent, PPME_SYSCALL_SECCOMP_X},
    {"bpf", kNoEvent, PPME_SYSCALL_BPF_2_X},
    {"init_module", kNoEvent, PPME_SYSCALL_INIT_MODULE_X},
    {"finit_module", kNoEvent, PPME_SYSCALL_FINIT_MODULE_X},
    {"delete_module", kNoEvent, PPME_SYSCALL_DELETE_MODULE_X},
    {"io_uring_setup", kNoEvent, PPME_SYSCALL_IO_URING_SETUP_X},
    {"io_uring_enter", kNoEvent, PPME_SYSCALL_IO_URING_ENTER_X},
    {"io_uring_register", kNoEvent, PPME_SYSCALL_IO_URING_REGISTER_X},
    {"mprotect", kNoEvent, PPME_SYSCALL_MPROTECT_X},
    {"pidfd_open", kNoEvent, PPME_SYSCALL_PIDFD_OPEN_X},
    {"pidfd_getfd", kNoEvent, PPME_SYSCALL_PIDFD_GETFD_X},
    {"process_vm_writev", kNoEvent, PPME_SYSCALL_PROCESS_VM_WRITEV_X},
    {"socket", kNoEvent, PPME_SOCKET_SOCKET_X},
    {"socketpair", kNoEvent, PPME_SOCKET_SOCKETPAIR_X},
    {"bind", kNoEvent, PPME_SOCKET_BIND_X},
    {"listen", kNoEvent, PPME_SOCKET_LISTEN_X},
    {"accept", kNoEvent, PPME_SOCKET_ACCEPT_5_X},
    {"accept4", kNoEvent, PPME_SOCKET_ACCEPT4_6_X},
    {"sendto", kNoEvent, PPME_SOCKET_SENDTO_X},
    {"recvfrom", kNoEvent, PPME_SOCKET_RECVFROM_X},
    {"sendmsg", kNoEvent, PPME_SOCKET_SENDMSG_X},
    {"recvmsg", kNoEvent, PPME_SOCKET_RECVMSG_X},
    {"shutdown", kNoEvent, PPME_SOCKET_SHUTDOWN_X},
};

constexpr const char* kStateTracking[] = {
    "execve", "execveat", "clone", "clone3", "fork", "vfork", "open", "openat", "openat2",
    "creat", "open_by_handle_at", "close", "close_range", "dup", "dup2", "dup3", "fcntl", "pipe",
    "pipe2", "eventfd", "eventfd2", "signalfd", "signalfd4", "timerfd_create", "inotify_init",
    "inotify_init1", "epoll_create", "epoll_create1", "memfd_create", "userfaultfd", "bpf",
    "io_uring_setup", "pidfd_open", "pidfd_getfd", "socket", "socketpair", "connect", "accept",
    "accept4", "bind", "chdir", "fchdir", "chroot", "setuid", "setgid", "setreuid", "setregid",
    "setresuid", "setresgid", "setsid", "setpgid", "capset", "prctl",
};

struct Tables {
  std::array<SyscallEvents, kNativeCount> events{};
  std::array<uint16_t, kNativeCount> ppm_sc{};
  std::unordered_map<std::string, int32_t> by_name;
  std::array<uint32_t, sizeof(kStateTracking) / sizeof(kStateTracking[0])> state{};

  Tables() {
    for (uint32_t nr = 0; nr < kNativeCount; ++nr) {
      if (kNative[nr][0] != 0) by_name.emplace(kNative[nr], static_cast<int32_t>(nr));
      events[nr] = SyscallEvents{kNoEvent, PPME_GENERIC_X, false};
    }
    for (const Row& r : kRows) {
      auto it = by_name.find(r.name);
      if (it == by_name.end()) continue;
      events[it->second] = SyscallEvents{r.enter, r.exit, true};
    }
    std::unordered_map<std::string_view, uint16_t> sc;
    for (uint16_t i = 1; i < syscall_code_count(); ++i) sc.emplace(syscall_name(i), i);
    for (uint32_t nr = 0; nr < kNativeCount; ++nr) {
      std::string_view n = kNative[nr];
      auto it = sc.find(n);
      if (it == sc.end() && n == "pread64") it = sc.find("pread");
      if (it == sc.end() && n == "pwrite64") it = sc.find("pwrite");
      ppm_sc[nr] = it == sc.end() ? 0 : it->second;
    }
    size_t i = 0;
    for (const char* n : kStateTracking) state[i++] = static_cast<uint32_t>(by_name.at(n));
  }
};

const Tables& tables() {
  static const Tables t;
  return t;
}

}  // namespace

uint32_t native_syscall_count() { return kNativeCount; }

std::string_view native_syscall_name(uint32_t nr) {
  return nr < kNativeCount ? std::string_view(kNative[nr]) : std::string_view();
}

int32_t native_syscall_nr(std::string_view name) {
  const auto& m = tables().by_name;
  auto it = m.find(std::string(name));
  return it == m.end() ? -1 : it->second;
}

SyscallEvents syscall_events(uint32_t native_nr) {
  if (native_nr >= kNativeCount) return SyscallEvents{kNoEvent, PPME_GENERIC_X, false};
  return tables().events[native_nr];
}

uint16_t ppm_sc_of_native(uint32_t native_nr) {
  return native_nr < kNativeCount ? tables().ppm_sc[native_nr] : 0;
}

size_t syscalls_of_event_name(std::string_view name, std::span<uint32_t> out) {
  size_t n = 0;
  if (name.empty() || name == "syscall") return 0;
  const auto& t = tables();
  for (uint32_t nr = 0; nr < kNativeCount; ++nr) {
    const SyscallEvents& e = t.events[nr];
    if (!e.specific) continue;
    const EventInfo* info = event_info(e.exit);
    if (info == nullptr || name != info->name) continue;
    if (n < out.size()) out[n] = nr;
    ++n;
  }
  return out.empty() ? n : (n < out.size() ? n : out.size());
}

size_t syscalls_of_event_type(uint16_t type, std::span<uint32_t> out) {
  const EventInfo* info = event_info(type);
  if (info == nullptr) return 0;
  return syscalls_of_event_name(info->name, out);
}

std::span<const uint32_t> state_tracking_syscalls() { return tables().state; }

bool syscall_needs_exit(uint32_t native_nr) {
  const std::string_view n = native_syscall_name(native_nr);
  return !(n == "exit" || n == "exit_group");
}

}  // namespace saker::events
