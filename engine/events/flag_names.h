#pragma once
// Name tables of the scap format: flag and enum names for Flags*/Enumflags*/Mode params
// (evaluated in table order when rendering, which is why the order below matters), plus errno,
// signal and syscall names. Values are the PPM_* values of ppm_flags.h. Where the newest format
// added names that sysdig 0.29 did not know, the 0.29 table is kept so rendering stays identical.
#include <cstdint>
#include <string_view>

#include "engine/events/schema.h"

namespace saker::events::flag_tables {

inline constexpr NameValue kAccessFlags[] = {
    {"F_OK", 0u}, {"R_OK", 4u}, {"W_OK", 2u}, {"X_OK", 1u},
};
inline constexpr NameValue kAnonInodeFdTypes[] = {
    {"ANON_INODE_FD_TYPE_UNKNOWN", 0u}, {"ANON_INODE_FD_TYPE_EVENTFD", 1u},
    {"ANON_INODE_FD_TYPE_EVENTPOLL", 2u}, {"ANON_INODE_FD_TYPE_INOTIFY", 3u},
    {"ANON_INODE_FD_TYPE_SIGNALFD", 4u}, {"ANON_INODE_FD_TYPE_TIMERFD", 5u},
    {"ANON_INODE_FD_TYPE_IO_URING", 6u}, {"ANON_INODE_FD_TYPE_USERFAULTFD", 7u},
    {"ANON_INODE_FD_TYPE_PIDFD", 8u}, {"ANON_INODE_FD_TYPE_BPF_MAP", 9u},
    {"ANON_INODE_FD_TYPE_BPF_PROG", 10u}, {"ANON_INODE_FD_TYPE_BPF_LINK", 11u},
    {"ANON_INODE_FD_TYPE_BPF_ITER", 12u}, {"ANON_INODE_FD_TYPE_PERF_EVENT", 13u},
};
inline constexpr NameValue kBpfCommands[] = {
    {"BPF_MAP_CREATE", 0u}, {"BPF_MAP_LOOKUP_ELEM", 1u}, {"BPF_MAP_UPDATE_ELEM", 2u},
    {"BPF_MAP_DELETE_ELEM", 3u}, {"BPF_MAP_GET_NEXT_KEY", 4u}, {"BPF_PROG_LOAD", 5u},
    {"BPF_OBJ_PIN", 6u}, {"BPF_OBJ_GET", 7u}, {"BPF_PROG_ATTACH", 8u}, {"BPF_PROG_DETACH", 9u},
    {"BPF_PROG_TEST_RUN", 10u}, {"BPF_PROG_RUN", 10u}, {"BPF_PROG_GET_NEXT_ID", 11u},
    {"BPF_MAP_GET_NEXT_ID", 12u}, {"BPF_PROG_GET_FD_BY_ID", 13u}, {"BPF_MAP_GET_FD_BY_ID", 14u},
    {"BPF_OBJ_GET_INFO_BY_FD", 15u}, {"BPF_PROG_QUERY", 16u}, {"BPF_RAW_TRACEPOINT_OPEN", 17u},
    {"BPF_BTF_LOAD", 18u}, {"BPF_BTF_GET_FD_BY_ID", 19u}, {"BPF_TASK_FD_QUERY", 20u},
    {"BPF_MAP_LOOKUP_AND_DELETE_ELEM", 21u}, {"BPF_MAP_FREEZE", 22u}, {"BPF_BTF_GET_NEXT_ID", 23u},
    {"BPF_MAP_LOOKUP_BATCH", 24u}, {"BPF_MAP_LOOKUP_AND_DELETE_BATCH", 25u},
    {"BPF_MAP_UPDATE_BATCH", 26u}, {"BPF_MAP_DELETE_BATCH", 27u}, {"BPF_LINK_CREATE", 28u},
    {"BPF_LINK_UPDATE", 29u}, {"BPF_LINK_GET_FD_BY_ID", 30u}, {"BPF_LINK_GET_NEXT_ID", 31u},
    {"BPF_ENABLE_STATS", 32u}, {"BPF_ITER_CREATE", 33u}, {"BPF_LINK_DETACH", 34u},
    {"BPF_PROG_BIND_MAP", 35u},
};
inline constexpr NameValue kChmodMode[] = {
    {"S_IXOTH", 1u}, {"S_IWOTH", 2u}, {"S_IROTH", 4u}, {"S_IXGRP", 8u}, {"S_IWGRP", 16u},
    {"S_IRGRP", 32u}, {"S_IXUSR", 64u}, {"S_IWUSR", 128u}, {"S_IRUSR", 256u}, {"S_ISVTX", 512u},
    {"S_ISGID", 0x400u}, {"S_ISUID", 0x800u},
};
inline constexpr NameValue kCloneFlags[] = {
    {"CLONE_FILES", 1u}, {"CLONE_FS", 2u}, {"CLONE_IO", 4u}, {"CLONE_NEWIPC", 8u},
    {"CLONE_NEWNET", 16u}, {"CLONE_NEWNS", 32u}, {"CLONE_NEWPID", 64u}, {"CLONE_NEWUTS", 128u},
    {"CLONE_PARENT", 256u}, {"CLONE_PARENT_SETTID", 512u}, {"CLONE_PTRACE", 0x400u},
    {"CLONE_SIGHAND", 0x800u}, {"CLONE_SYSVSEM", 0x1000u}, {"CLONE_THREAD", 0x2000u},
    {"CLONE_UNTRACED", 0x4000u}, {"CLONE_VM", 0x8000u}, {"CLONE_INVERTED", 0x10000u},
    {"NAME_CHANGED", 0x20000u}, {"CLOSED", 0x40000u}, {"CLONE_NEWUSER", 0x100000u},
    {"CLONE_CHILD_CLEARTID", 0x800000u}, {"CLONE_CHILD_SETTID", 0x1000000u},
    {"CLONE_SETTLS", 0x2000000u}, {"CLONE_STOPPED", 0x4000000u}, {"CLONE_VFORK", 0x8000000u},
    {"CLONE_NEWCGROUP", 0x10000000u},
};
inline constexpr NameValue kCloseRangeFlags[] = {
    {"CLOSE_RANGE_UNSHARE", 2u}, {"CLOSE_RANGE_CLOEXEC", 4u},
};
inline constexpr NameValue kCreatFlags[] = {
    {"FD_UPPER_LAYER_CREAT", 1u}, {"FD_LOWER_LAYER_CREAT", 2u},
};
inline constexpr NameValue kDeleteModuleFlags[] = {
    {"O_NONBLOCK", 2u}, {"O_TRUNC", 1u},
};
inline constexpr NameValue kEpollCreate1Flags[] = {
    {"EPOLL_CLOEXEC", 1u},
};
inline constexpr NameValue kExecveFlags[] = {
    {"EXE_WRITABLE", 1u},
};
inline constexpr NameValue kExecveatFlags[] = {
    {"AT_EMPTY_PATH", 1u}, {"AT_SYMLINK_NOFOLLOW", 2u},
};
inline constexpr NameValue kFchownatFlags[] = {
    {"AT_SYMLINK_NOFOLLOW", 0x400u}, {"AT_EMPTY_PATH", 0x1000u},
};
inline constexpr NameValue kFcntlCommands[] = {
    {"F_GETPIPE_SZ", 29u}, {"F_SETPIPE_SZ", 28u}, {"F_NOTIFY", 27u}, {"F_DUPFD_CLOEXEC", 26u},
    {"F_CANCELLK", 25u}, {"F_GETLEASE", 24u}, {"F_SETLEASE", 23u}, {"F_GETOWN_EX", 22u},
    {"F_SETOWN_EX", 21u}, {"F_SETLKW64", 19u}, {"F_SETLK64", 18u}, {"F_GETLK64", 17u},
    {"F_GETSIG", 15u}, {"F_SETSIG", 13u}, {"F_GETOWN", 12u}, {"F_SETOWN", 10u}, {"F_SETLKW", 9u},
    {"F_SETLK", 8u}, {"F_GETLK", 6u}, {"F_SETFL", 5u}, {"F_GETFL", 4u}, {"F_SETFD", 3u},
    {"F_GETFD", 2u}, {"F_DUPFD", 1u}, {"F_OFD_GETLK", 30u}, {"F_OFD_SETLK", 31u},
    {"F_OFD_SETLKW", 32u}, {"UNKNOWN", 0u},
};
inline constexpr NameValue kFileFlags[] = {
    {"O_LARGEFILE", 0x800u}, {"O_DIRECTORY", 0x400u}, {"O_DIRECT", 512u}, {"O_TRUNC", 256u},
    {"O_SYNC", 128u}, {"O_NONBLOCK", 64u}, {"O_EXCL", 32u}, {"O_DSYNC", 16u}, {"O_APPEND", 8u},
    {"O_CREAT", 4u}, {"O_RDWR", 3u}, {"O_WRONLY", 2u}, {"O_RDONLY", 1u}, {"O_CLOEXEC", 0x1000u},
    {"O_NONE", 0u}, {"O_TMPFILE", 0x2000u},
};
inline constexpr NameValue kFinitModuleFlags[] = {
    {"MODULE_INIT_IGNORE_MODVERSIONS", 1u}, {"MODULE_INIT_IGNORE_VERMAGIC", 2u},
    {"MODULE_INIT_COMPRESSED_FILE", 4u},
};
inline constexpr NameValue kFlockFlags[] = {
    {"LOCK_SH", 1u}, {"LOCK_EX", 2u}, {"LOCK_NB", 4u}, {"LOCK_UN", 8u}, {"LOCK_NONE", 0u},
};
inline constexpr NameValue kFsconfigCmds[] = {
    {"FSCONFIG_SET_FLAG", 0u}, {"FSCONFIG_SET_STRING", 1u}, {"FSCONFIG_SET_BINARY", 2u},
    {"FSCONFIG_SET_PATH", 3u}, {"FSCONFIG_SET_PATH_EMPTY", 4u}, {"FSCONFIG_SET_FD", 5u},
    {"FSCONFIG_CMD_CREATE", 6u}, {"FSCONFIG_CMD_RECONFIGURE", 7u},
};
inline constexpr NameValue kFutexOperations[] = {
    {"FUTEX_CLOCK_REALTIME", 256u}, {"FUTEX_PRIVATE_FLAG", 128u}, {"FUTEX_CMP_REQUEUE_PI", 12u},
    {"FUTEX_WAIT_REQUEUE_PI", 11u}, {"FUTEX_WAKE_BITSET", 10u}, {"FUTEX_WAIT_BITSET", 9u},
    {"FUTEX_TRYLOCK_PI", 8u}, {"FUTEX_UNLOCK_PI", 7u}, {"FUTEX_LOCK_PI", 6u},
    {"FUTEX_WAKE_OP", 5u}, {"FUTEX_CMP_REQUEUE", 4u}, {"FUTEX_REQUEUE", 3u}, {"FUTEX_FD", 2u},
    {"FUTEX_WAKE", 1u}, {"FUTEX_WAIT", 0u},
};
inline constexpr NameValue kIoUringEnterFlags[] = {
    {"IORING_ENTER_GETEVENTS", 1u}, {"IORING_ENTER_SQ_WAKEUP", 2u}, {"IORING_ENTER_SQ_WAIT", 4u},
    {"IORING_ENTER_EXT_ARG", 8u},
};
inline constexpr NameValue kIoUringRegisterOpcodes[] = {
    {"IORING_REGISTER_BUFFERS", 0u}, {"IORING_UNREGISTER_BUFFERS", 1u},
    {"IORING_REGISTER_FILES", 2u}, {"IORING_UNREGISTER_FILES", 3u},
    {"IORING_REGISTER_EVENTFD", 4u}, {"IORING_UNREGISTER_EVENTFD", 5u},
    {"IORING_REGISTER_FILES_UPDATE", 6u}, {"IORING_REGISTER_EVENTFD_ASYNC", 7u},
    {"IORING_REGISTER_PROBE", 8u}, {"IORING_REGISTER_PERSONALITY", 9u},
    {"IORING_UNREGISTER_PERSONALITY", 10u}, {"IORING_REGISTER_RESTRICTIONS", 11u},
    {"IORING_REGISTER_ENABLE_RINGS", 12u}, {"IORING_REGISTER_FILES2", 13u},
    {"IORING_REGISTER_FILES_UPDATE2", 14u}, {"IORING_REGISTER_BUFFERS2", 15u},
    {"IORING_REGISTER_BUFFERS_UPDATE", 16u}, {"IORING_REGISTER_IOWQ_AFF", 17u},
    {"IORING_UNREGISTER_IOWQ_AFF", 18u}, {"IORING_REGISTER_IOWQ_MAX_WORKERS", 19u},
    {"IORING_REGISTER_RING_FDS", 20u}, {"IORING_UNREGISTER_RING_FDS", 21u},
};
inline constexpr NameValue kIoUringSetupFeats[] = {
    {"IORING_FEAT_SINGLE_MMAP", 1u}, {"IORING_FEAT_NODROP", 2u}, {"IORING_FEAT_SUBMIT_STABLE", 4u},
    {"IORING_FEAT_RW_CUR_POS", 8u}, {"IORING_FEAT_CUR_PERSONALITY", 16u},
    {"IORING_FEAT_FAST_POLL", 32u}, {"IORING_FEAT_POLL_32BITS", 64u},
    {"IORING_FEAT_SQPOLL_NONFIXED", 128u}, {"IORING_FEAT_ENTER_EXT_ARG", 256u},
    {"IORING_FEAT_NATIVE_WORKERS", 512u}, {"IORING_FEAT_RSRC_TAGS", 0x400u},
};
inline constexpr NameValue kIoUringSetupFlags[] = {
    {"IORING_SETUP_IOPOLL", 1u}, {"IORING_SETUP_SQPOLL", 2u}, {"IORING_SQ_NEED_WAKEUP", 4u},
    {"IORING_SETUP_SQ_AFF", 8u}, {"IORING_SETUP_CQSIZE", 16u}, {"IORING_SETUP_CLAMP", 32u},
    {"IORING_SETUP_ATTACH_RW", 64u}, {"IORING_SETUP_R_DISABLED", 128u},
};
inline constexpr NameValue kKeyctlOperations[] = {
    {"KEYCTL_GET_KEYRING_ID", 0u}, {"KEYCTL_JOIN_SESSION_KEYRING", 1u}, {"KEYCTL_UPDATE", 2u},
    {"KEYCTL_REVOKE", 3u}, {"KEYCTL_CHOWN", 4u}, {"KEYCTL_SETPERM", 5u}, {"KEYCTL_DESCRIBE", 6u},
    {"KEYCTL_CLEAR", 7u}, {"KEYCTL_LINK", 8u}, {"KEYCTL_UNLINK", 9u}, {"KEYCTL_SEARCH", 10u},
    {"KEYCTL_READ", 11u}, {"KEYCTL_INSTANTIATE", 12u}, {"KEYCTL_NEGATE", 13u},
    {"KEYCTL_SET_REQKEY_KEYRING", 14u}, {"KEYCTL_SET_TIMEOUT", 15u},
    {"KEYCTL_ASSUME_AUTHORITY", 16u}, {"KEYCTL_GET_SECURITY", 17u},
    {"KEYCTL_SESSION_TO_PARENT", 18u}, {"KEYCTL_REJECT", 19u}, {"KEYCTL_INSTANTIATE_IOV", 20u},
    {"KEYCTL_INVALIDATE", 21u}, {"KEYCTL_GET_PERSISTENT", 22u}, {"KEYCTL_DH_COMPUTE", 23u},
    {"KEYCTL_PKEY_QUERY", 24u}, {"KEYCTL_PKEY_ENCRYPT", 25u}, {"KEYCTL_PKEY_DECRYPT", 26u},
    {"KEYCTL_PKEY_SIGN", 27u}, {"KEYCTL_PKEY_VERIFY", 28u}, {"KEYCTL_RESTRICT_KEYRING", 29u},
    {"KEYCTL_MOVE", 30u}, {"KEYCTL_CAPABILITIES", 31u}, {"KEYCTL_WATCH_KEY", 32u},
};
inline constexpr NameValue kLinkatFlags[] = {
    {"AT_SYMLINK_FOLLOW", 0x400u}, {"AT_EMPTY_PATH", 0x1000u},
};
inline constexpr NameValue kLseekWhence[] = {
    {"SEEK_END", 2u}, {"SEEK_CUR", 1u}, {"SEEK_SET", 0u},
};
inline constexpr NameValue kMemfdCreateFlags[] = {
    {"MFD_CLOEXEC", 1u}, {"MFD_ALLOW_SEALING", 2u}, {"MFD_HUGETLB", 4u},
};
inline constexpr NameValue kMknodMode[] = {
    {"S_IXOTH", 1u}, {"S_IWOTH", 2u}, {"S_IROTH", 4u}, {"S_IXGRP", 8u}, {"S_IWGRP", 16u},
    {"S_IRGRP", 32u}, {"S_IXUSR", 64u}, {"S_IWUSR", 128u}, {"S_IRUSR", 256u}, {"S_ISVTX", 512u},
    {"S_ISGID", 0x400u}, {"S_ISUID", 0x800u}, {"S_IFREG", 0x8000u}, {"S_IFCHR", 0x2000u},
    {"S_IFBLK", 0x6000u}, {"S_IFIFO", 0x1000u}, {"S_IFSOCK", 0xc000u},
};
inline constexpr NameValue kMlock2Flags[] = {
    {"MLOCK_ONFAULT", 1u},
};
inline constexpr NameValue kMlockallFlags[] = {
    {"MCL_CURRENT", 1u}, {"MCL_FUTURE", 2u}, {"MCL_ONFAULT", 4u},
};
inline constexpr NameValue kMmapFlags[] = {
    {"MAP_SHARED", 1u}, {"MAP_PRIVATE", 2u}, {"MAP_FIXED", 4u}, {"MAP_ANONYMOUS", 8u},
    {"MAP_32BIT", 16u}, {"MAP_RENAME", 32u}, {"MAP_NORESERVE", 64u}, {"MAP_POPULATE", 128u},
    {"MAP_NONBLOCK", 256u}, {"MAP_GROWSDOWN", 512u}, {"MAP_DENYWRITE", 0x400u},
    {"MAP_EXECUTABLE", 0x800u}, {"MAP_INHERIT", 0x1000u}, {"MAP_FILE", 0x2000u},
    {"MAP_LOCKED", 0x4000u},
};
inline constexpr NameValue kMountFlags[] = {
    {"RDONLY", 1u}, {"NOSUID", 2u}, {"NODEV", 4u}, {"NOEXEC", 8u}, {"SYNCHRONOUS", 16u},
    {"REMOUNT", 32u}, {"MANDLOCK", 64u}, {"DIRSYNC", 128u}, {"NOATIME", 0x400u},
    {"NODIRATIME", 0x800u}, {"BIND", 0x1000u}, {"MOVE", 0x2000u}, {"REC", 0x4000u},
    {"SILENT", 0x8000u}, {"POSIXACL", 0x10000u}, {"UNBINDABLE", 0x20000u}, {"PRIVATE", 0x40000u},
    {"SLAVE", 0x80000u}, {"SHARED", 0x100000u}, {"RELATIME", 0x200000u}, {"KERNMOUNT", 0x400000u},
    {"I_VERSION", 0x800000u}, {"STRICTATIME", 0x1000000u}, {"LAZYTIME", 0x2000000u},
    {"NOSEC", 0x10000000u}, {"BORN", 0x20000000u}, {"ACTIVE", 0x40000000u},
    {"NOUSER", 0x80000000u},
};
inline constexpr NameValue kNewfstatatFlags[] = {
    {"AT_EMPTY_PATH", 0x1000u}, {"AT_NO_AUTOMOUNT", 0x800u}, {"AT_SYMLINK_NOFOLLOW", 256u},
};
inline constexpr NameValue kOpenat2Flags[] = {
    {"RESOLVE_BENEATH", 1u}, {"RESOLVE_IN_ROOT", 2u}, {"RESOLVE_NO_MAGICLINKS", 4u},
    {"RESOLVE_NO_SYMLINKS", 8u}, {"RESOLVE_NO_XDEV", 16u}, {"RESOLVE_CACHED", 32u},
};
inline constexpr NameValue kPfFlags[] = {
    {"PROTECTION_VIOLATION", 1u}, {"PAGE_NOT_PRESENT", 2u}, {"WRITE_ACCESS", 4u},
    {"READ_ACCESS", 8u}, {"USER_FAULT", 16u}, {"SUPERVISOR_FAULT", 32u}, {"RESERVED_PAGE", 64u},
    {"INSTRUCTION_FETCH", 128u},
};
inline constexpr NameValue kPidfdOpenFlags[] = {
    {"PIDFD_NONBLOCK", 1u},
};
inline constexpr NameValue kPollFlags[] = {
    {"POLLIN", 1u}, {"POLLPRI", 2u}, {"POLLOUT", 4u}, {"POLLRDHUP", 8u}, {"POLLERR", 16u},
    {"POLLHUP", 32u}, {"POLLNVAL", 64u}, {"POLLRDNORM", 128u}, {"POLLRDBAND", 256u},
    {"POLLWRNORM", 512u}, {"POLLWRBAND", 0x400u},
};
inline constexpr NameValue kPrctlOptions[] = {
    {"PR_GET_DUMPABLE", 3u}, {"PR_SET_DUMPABLE", 4u}, {"PR_GET_KEEPCAPS", 7u},
    {"PR_SET_KEEPCAPS", 8u}, {"PR_SET_NAME", 15u}, {"PR_GET_NAME", 16u}, {"PR_GET_SECCOMP", 21u},
    {"PR_SET_SECCOMP", 22u}, {"PR_CAPBSET_READ", 23u}, {"PR_CAPBSET_DROP", 24u},
    {"PR_GET_SECUREBITS", 27u}, {"PR_SET_SECUREBITS", 28u}, {"PR_MCE_KILL", 33u},
    {"PR_MCE_KILL", 33u}, {"PR_SET_MM", 35u}, {"PR_SET_CHILD_SUBREAPER", 36u},
    {"PR_GET_CHILD_SUBREAPER", 37u}, {"PR_SET_NO_NEW_PRIVS", 38u}, {"PR_GET_NO_NEW_PRIVS", 39u},
    {"PR_GET_TID_ADDRESS", 40u}, {"PR_SET_THP_DISABLE", 41u}, {"PR_GET_THP_DISABLE", 42u},
    {"PR_CAP_AMBIENT", 47u},
};
inline constexpr NameValue kProtFlags[] = {
    {"PROT_READ", 1u}, {"PROT_WRITE", 2u}, {"PROT_EXEC", 4u}, {"PROT_SEM", 8u},
    {"PROT_GROWSDOWN", 16u}, {"PROT_GROWSUP", 32u}, {"PROT_SAO", 64u}, {"PROT_NONE", 0u},
};
inline constexpr NameValue kPtraceRequests[] = {
    {"PTRACE_SINGLEBLOCK", 38u}, {"PTRACE_SYSEMU_SINGLESTEP", 37u}, {"PTRACE_SYSEMU", 36u},
    {"PTRACE_ARCH_PRCTL", 35u}, {"PTRACE_SET_THREAD_AREA", 34u}, {"PTRACE_GET_THREAD_AREA", 33u},
    {"PTRACE_OLDSETOPTIONS", 32u}, {"PTRACE_SETFPXREGS", 31u}, {"PTRACE_GETFPXREGS", 30u},
    {"PTRACE_SETFPREGS", 29u}, {"PTRACE_GETFPREGS", 28u}, {"PTRACE_SETREGS", 27u},
    {"PTRACE_GETREGS", 26u}, {"PTRACE_SETSIGMASK", 25u}, {"PTRACE_GETSIGMASK", 24u},
    {"PTRACE_PEEKSIGINFO", 23u}, {"PTRACE_LISTEN", 22u}, {"PTRACE_INTERRUPT", 21u},
    {"PTRACE_SEIZE", 20u}, {"PTRACE_SETREGSET", 19u}, {"PTRACE_GETREGSET", 18u},
    {"PTRACE_SETSIGINFO", 17u}, {"PTRACE_GETSIGINFO", 16u}, {"PTRACE_GETEVENTMSG", 15u},
    {"PTRACE_SETOPTIONS", 14u}, {"PTRACE_SYSCALL", 13u}, {"PTRACE_DETACH", 12u},
    {"PTRACE_ATTACH", 11u}, {"PTRACE_SINGLESTEP", 10u}, {"PTRACE_KILL", 9u}, {"PTRACE_CONT", 8u},
    {"PTRACE_POKEUSR", 7u}, {"PTRACE_POKEDATA", 6u}, {"PTRACE_POKETEXT", 5u},
    {"PTRACE_PEEKUSR", 4u}, {"PTRACE_PEEKDATA", 3u}, {"PTRACE_PEEKTEXT", 2u},
    {"PTRACE_TRACEME", 1u}, {"PTRACE_UNKNOWN", 0u},
};
inline constexpr NameValue kQuotactlCmds[] = {
    {"Q_QUOTAON", 1u}, {"Q_QUOTAOFF", 2u}, {"Q_GETFMT", 4u}, {"Q_GETINFO", 8u}, {"Q_SETINFO", 16u},
    {"Q_GETQUOTA", 32u}, {"Q_SETQUOTA", 64u}, {"Q_SYNC", 128u}, {"Q_XQUOTAON", 256u},
    {"Q_XQUOTAOFF", 512u}, {"Q_XGETQUOTA", 0x400u}, {"Q_XSETQLIM", 0x800u},
    {"Q_XGETQSTAT", 0x1000u}, {"Q_XQUOTARM", 0x2000u}, {"Q_XQUOTASYNC", 0x4000u},
};
inline constexpr NameValue kQuotactlDqiFlags[] = {
    {"DQF_NONE", 1u}, {"V1_DQF_RSQUASH", 2u},
};
inline constexpr NameValue kQuotactlQuotaFmts[] = {
    {"QFMT_NOT_USED", 1u}, {"QFMT_VFS_OLD", 2u}, {"QFMT_VFS_V0", 4u}, {"QFMT_VFS_V1", 8u},
};
inline constexpr NameValue kQuotactlTypes[] = {
    {"USRQUOTA", 1u}, {"GRPQUOTA", 2u},
};
inline constexpr NameValue kRenameat2Flags[] = {
    {"RENAME_NOREPLACE", 1u}, {"RENAME_EXCHANGE", 2u}, {"RENAME_WHITEOUT", 4u},
};
inline constexpr NameValue kRlimitResources[] = {
    {"RLIMIT_UNKNOWN", 255u}, {"RLIMIT_RTTIME", 15u}, {"RLIMIT_RTPRIO", 14u}, {"RLIMIT_NICE", 13u},
    {"RLIMIT_MSGQUEUE", 12u}, {"RLIMIT_SIGPENDING", 11u}, {"RLIMIT_LOCKS", 10u}, {"RLIMIT_AS", 9u},
    {"RLIMIT_MEMLOCK", 8u}, {"RLIMIT_NOFILE", 7u}, {"RLIMIT_NPROC", 6u}, {"RLIMIT_RSS", 5u},
    {"RLIMIT_CORE", 4u}, {"RLIMIT_STACK", 3u}, {"RLIMIT_DATA", 2u}, {"RLIMIT_FSIZE", 1u},
    {"RLIMIT_CPU", 0u},
};
inline constexpr NameValue kSemctlCommands[] = {
    {"IPC_STAT", 1u}, {"IPC_SET", 2u}, {"IPC_RMID", 4u}, {"IPC_INFO", 8u}, {"SEM_INFO", 16u},
    {"SEM_STAT", 32u}, {"GETALL", 64u}, {"GETNCNT", 128u}, {"GETPID", 256u}, {"GETVAL", 512u},
    {"GETZCNT", 0x400u}, {"SETALL", 0x800u}, {"SETVAL", 0x1000u},
};
inline constexpr NameValue kSemgetFlags[] = {
    {"IPC_EXCL", 0x4000u}, {"IPC_CREAT", 0x2000u},
};
inline constexpr NameValue kSemopFlags[] = {
    {"IPC_NOWAIT", 1u}, {"SEM_UNDO", 2u},
};
inline constexpr NameValue kShutdownHow[] = {
    {"SHUT_RDWR", 2u}, {"SHUT_WR", 1u}, {"SHUT_RD", 0u},
};
inline constexpr NameValue kSocketFamilies[] = {
    {"AF_NFC", 39u}, {"AF_ALG", 38u}, {"AF_CAIF", 37u}, {"AF_IEEE802154", 36u}, {"AF_PHONET", 35u},
    {"AF_ISDN", 34u}, {"AF_RXRPC", 33u}, {"AF_IUCV", 32u}, {"AF_BLUETOOTH", 31u}, {"AF_TIPC", 30u},
    {"AF_CAN", 29u}, {"AF_LLC", 26u}, {"AF_WANPIPE", 25u}, {"AF_PPPOX", 24u}, {"AF_IRDA", 23u},
    {"AF_SNA", 22u}, {"AF_RDS", 21u}, {"AF_ATMSVC", 20u}, {"AF_ECONET", 19u}, {"AF_ASH", 18u},
    {"AF_PACKET", 17u}, {"AF_ROUTE", 16u}, {"AF_NETLINK", 16u}, {"AF_KEY", 15u},
    {"AF_SECURITY", 14u}, {"AF_NETBEUI", 13u}, {"AF_DECnet", 12u}, {"AF_ROSE", 11u},
    {"AF_INET6", 10u}, {"AF_X25", 9u}, {"AF_ATMPVC", 8u}, {"AF_BRIDGE", 7u}, {"AF_NETROM", 6u},
    {"AF_APPLETALK", 5u}, {"AF_IPX", 4u}, {"AF_AX25", 3u}, {"AF_INET", 2u}, {"AF_LOCAL", 1u},
    {"AF_UNIX", 1u}, {"AF_UNSPEC", 0u},
};
inline constexpr NameValue kSockoptLevels[] = {
    {"SOL_SOCKET", 1u}, {"SOL_TCP", 2u}, {"UNKNOWN", 0u},
};
inline constexpr NameValue kSockoptOptions[] = {
    {"SO_COOKIE", 53u}, {"SO_MEMINFO", 52u}, {"SO_PEERGROUPS", 51u}, {"SO_ATTACH_BPF", 50u},
    {"SO_INCOMING_CPU", 49u}, {"SO_BPF_EXTENSIONS", 48u}, {"SO_MAX_PACING_RATE", 47u},
    {"SO_BUSY_POLL", 46u}, {"SO_SELECT_ERR_QUEUE", 45u}, {"SO_LOCK_FILTER", 44u},
    {"SO_NOFCS", 43u}, {"SO_PEEK_OFF", 42u}, {"SO_WIFI_STATUS", 41u}, {"SO_RXQ_OVFL", 40u},
    {"SO_DOMAIN", 39u}, {"SO_PROTOCOL", 38u}, {"SO_TIMESTAMPING", 37u}, {"SO_MARK", 36u},
    {"SO_TIMESTAMPNS", 35u}, {"SO_PASSSEC", 34u}, {"SO_PEERSEC", 31u}, {"SO_ACCEPTCONN", 30u},
    {"SO_TIMESTAMP", 29u}, {"SO_PEERNAME", 28u}, {"SO_DETACH_FILTER", 27u},
    {"SO_ATTACH_FILTER", 26u}, {"SO_BINDTODEVICE", 25u}, {"SO_SECURITY_ENCRYPTION_NETWORK", 24u},
    {"SO_SECURITY_ENCRYPTION_TRANSPORT", 23u}, {"SO_SECURITY_AUTHENTICATION", 22u},
    {"SO_SNDTIMEO", 21u}, {"SO_RCVTIMEO", 20u}, {"SO_SNDLOWAT", 19u}, {"SO_RCVLOWAT", 18u},
    {"SO_PEERCRED", 17u}, {"SO_PASSCRED", 16u}, {"SO_REUSEPORT", 15u}, {"SO_BSDCOMPAT", 14u},
    {"SO_LINGER", 13u}, {"SO_PRIORITY", 12u}, {"SO_NO_CHECK", 11u}, {"SO_OOBINLINE", 10u},
    {"SO_KEEPALIVE", 9u}, {"SO_RCVBUFFORCE", 33u}, {"SO_SNDBUFFORCE", 32u}, {"SO_RCVBUF", 8u},
    {"SO_SNDBUF", 7u}, {"SO_BROADCAST", 6u}, {"SO_DONTROUTE", 5u}, {"SO_ERROR", 4u},
    {"SO_TYPE", 3u}, {"SO_REUSEADDR", 2u}, {"SO_DEBUG", 1u}, {"UNKNOWN", 0u},
};
inline constexpr NameValue kSpliceFlags[] = {
    {"SPLICE_F_MOVE", 1u}, {"SPLICE_F_NONBLOCK", 2u}, {"SPLICE_F_MORE", 4u}, {"SPLICE_F_GIFT", 8u},
};
inline constexpr NameValue kUmountFlags[] = {
    {"FORCE", 1u}, {"DETACH", 2u}, {"EXPIRE", 4u}, {"NOFOLLOW", 8u},
};
inline constexpr NameValue kUnlinkatFlags[] = {
    {"AT_REMOVEDIR", 512u},
};

}  // namespace saker::events::flag_tables

namespace saker::events {

// Name of a negated errno value as sysdig prints it ("ENOENT" for -2); empty when unknown.
std::string_view errno_name(int64_t res);
// Name of a signal number ("SIGCHLD"); empty when unknown.
std::string_view signal_name(uint32_t sig);
// Name of a PPM_SC_* syscall code (the ID param of generic events); "<unknown>" when out of range.
std::string_view syscall_name(uint16_t ppm_sc);
// Number of known PPM_SC_* syscall codes.
uint16_t syscall_code_count();

}  // namespace saker::events
