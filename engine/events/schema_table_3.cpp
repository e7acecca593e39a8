// Event table, ids 340..453 (extracted once from the public scap format facts;
// maintained by hand from now on).
// Each event: name, category, flags and params (name, type, print format, flag names or dirfd).
#include "engine/events/schema_tables.h"

#include "engine/events/flag_names.h"

namespace saker::events::detail {
namespace {

using T = ParamType;
using F = PrintFormat;
using namespace flag_tables;


constexpr ParamInfo kP341[] = {
    {"res", T::Errno, F::Dec, {}},
    {"fd", T::Fd, F::Dec, {}},
    {"to_submit", T::Uint32, F::Dec, {}},
    {"min_complete", T::Uint32, F::Dec, {}},
    {"flags", T::Flags32, F::Hex, kIoUringEnterFlags},
    {"sig", T::Sigset, F::Dec, {}},
};
constexpr ParamInfo kP343[] = {
    {"res", T::Errno, F::Dec, {}},
    {"fd", T::Fd, F::Dec, {}},
    {"opcode", T::Enumflags16, F::Dec, kIoUringRegisterOpcodes},
    {"arg", T::Uint64, F::Hex, {}},
    {"nr_args", T::Uint32, F::Dec, {}},
};
constexpr ParamInfo kP345[] = {
    {"res", T::Errno, F::Dec, {}},
    {"addr", T::Uint64, F::Hex, {}},
    {"len", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP347[] = {
    {"res", T::Errno, F::Dec, {}},
    {"addr", T::Uint64, F::Hex, {}},
    {"len", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP349[] = {
    {"res", T::Errno, F::Dec, {}},
    {"flags", T::Flags32, F::Hex, kMlockallFlags},
};
constexpr ParamInfo kP351[] = {{"res", T::Errno, F::Dec, {}}};
constexpr ParamInfo kP353[] = {
    {"res", T::Errno, F::Dec, {}},
    {"cap_inheritable", T::Uint64, F::Hex, {}},
    {"cap_permitted", T::Uint64, F::Hex, {}},
    {"cap_effective", T::Uint64, F::Hex, {}},
};
constexpr ParamInfo kP354[] = {
    {"uid", T::Uint32, F::Dec, {}},
    {"gid", T::Uint32, F::Dec, {}},
    {"name", T::Charbuf, F::NA, {}},
    {"home", T::Charbuf, F::NA, {}},
    {"shell", T::Charbuf, F::NA, {}},
    {"container_id", T::Charbuf, F::NA, {}},
};
constexpr ParamInfo kP356[] = {
    {"uid", T::Uint32, F::Dec, {}},
    {"gid", T::Uint32, F::Dec, {}},
    {"name", T::Charbuf, F::NA, {}},
    {"home", T::Charbuf, F::NA, {}},
    {"shell", T::Charbuf, F::NA, {}},
    {"container_id", T::Charbuf, F::NA, {}},
};
constexpr ParamInfo kP358[] = {
    {"gid", T::Uint32, F::Dec, {}},
    {"name", T::Charbuf, F::NA, {}},
    {"container_id", T::Charbuf, F::NA, {}},
};
constexpr ParamInfo kP360[] = {
    {"gid", T::Uint32, F::Dec, {}},
    {"name", T::Charbuf, F::NA, {}},
    {"container_id", T::Charbuf, F::NA, {}},
};
constexpr ParamInfo kP362[] = {{"fd", T::Fd, F::Dec, {}}};
constexpr ParamInfo kP363[] = {
    {"res", T::Fd, F::Dec, {}},
    {"oldfd", T::Fd, F::Dec, {}},
    {"newfd", T::Fd, F::Dec, {}},
};
constexpr ParamInfo kP364[] = {{"fd", T::Fd, F::Dec, {}}};
constexpr ParamInfo kP365[] = {
    {"res", T::Fd, F::Dec, {}},
    {"oldfd", T::Fd, F::Dec, {}},
    {"newfd", T::Fd, F::Dec, {}},
    {"flags", T::Flags32, F::Hex, kFileFlags},
};
constexpr ParamInfo kP366[] = {{"fd", T::Fd, F::Dec, {}}};
constexpr ParamInfo kP367[] = {
    {"res", T::Fd, F::Dec, {}},
    {"oldfd", T::Fd, F::Dec, {}},
};
constexpr ParamInfo kP368[] = {{"cmd", T::Int64, F::Dec, {}}};
constexpr ParamInfo kP369[] = {
    {"fd", T::Fd, F::Dec, {}},
    {"cmd", T::Enumflags32, F::Dec, kBpfCommands},
};
constexpr ParamInfo kP371[] = {
    {"res", T::Errno, F::Dec, {}},
    {"addr", T::Uint64, F::Hex, {}},
    {"len", T::Uint64, F::Dec, {}},
    {"flags", T::Flags32, F::Hex, kMlock2Flags},
};
constexpr ParamInfo kP373[] = {
    {"res", T::Errno, F::Dec, {}},
    {"fd", T::Fd, F::Dec, {}},
    {"cmd", T::Enumflags32, F::Dec, kFsconfigCmds},
    {"key", T::Charbuf, F::NA, {}},
    {"value_bytebuf", T::Bytebuf, F::NA, {}},
    {"value_charbuf", T::Charbuf, F::NA, {}},
    {"aux", T::Int32, F::Dec, {}},
};
constexpr ParamInfo kP374[] = {{"size", T::Int32, F::Dec, {}}};
constexpr ParamInfo kP375[] = {
    {"res", T::Errno, F::Dec, {}},
    {"size", T::Int32, F::Dec, {}},
};
constexpr ParamInfo kP376[] = {{"flags", T::Flags32, F::Hex, kEpollCreate1Flags}};
constexpr ParamInfo kP377[] = {
    {"res", T::Errno, F::Dec, {}},
    {"flags", T::Flags32, F::Hex, kEpollCreate1Flags},
};
constexpr ParamInfo kP379[] = {
    {"res", T::Errno, F::Dec, {}},
    {"path", T::Fspath, F::NA, {}},
    {"uid", T::Uint32, F::Dec, {}},
    {"gid", T::Uint32, F::Dec, {}},
};
constexpr ParamInfo kP381[] = {
    {"res", T::Errno, F::Dec, {}},
    {"path", T::Fspath, F::NA, {}},
    {"uid", T::Uint32, F::Dec, {}},
    {"gid", T::Uint32, F::Dec, {}},
};
constexpr ParamInfo kP383[] = {
    {"res", T::Errno, F::Dec, {}},
    {"fd", T::Fd, F::Dec, {}},
    {"uid", T::Uint32, F::Dec, {}},
    {"gid", T::Uint32, F::Dec, {}},
};
constexpr ParamInfo kP385[] = {
    {"res", T::Errno, F::Dec, {}},
    {"dirfd", T::Fd, F::Dec, {}},
    {"pathname", T::Fsrelpath, F::NA, {}, 1},
    {"uid", T::Uint32, F::Dec, {}},
    {"gid", T::Uint32, F::Dec, {}},
    {"flags", T::Flags32, F::Hex, kFchownatFlags},
};
constexpr ParamInfo kP387[] = {
    {"res", T::Errno, F::Dec, {}},
    {"name", T::Fspath, F::NA, {}},
};
constexpr ParamInfo kP388[] = {{"flags", T::Int32, F::Hex, {}}};
constexpr ParamInfo kP389[] = {
    {"fd", T::Fd, F::Dec, {}},
    {"tuple", T::Socktuple, F::NA, {}},
    {"queuepct", T::Uint8, F::Dec, {}},
    {"queuelen", T::Uint32, F::Dec, {}},
    {"queuemax", T::Uint32, F::Dec, {}},
    {"flags", T::Int32, F::Hex, {}},
};
constexpr ParamInfo kP390[] = {{"flags", T::Flags32, F::Hex, kUmountFlags}};
constexpr ParamInfo kP391[] = {
    {"res", T::Errno, F::Dec, {}},
    {"name", T::Fspath, F::NA, {}},
    {"flags", T::Flags32, F::Hex, kUmountFlags},
};
constexpr ParamInfo kP393[] = {
    {"res", T::Errno, F::Dec, {}},
    {"fd1", T::Fd, F::Dec, {}},
    {"fd2", T::Fd, F::Dec, {}},
    {"ino", T::Uint64, F::Dec, {}},
    {"flags", T::Flags32, F::Hex, kFileFlags},
};
constexpr ParamInfo kP395[] = {
    {"res", T::Fd, F::Dec, {}},
    {"flags", T::Flags16, F::Hex, kFileFlags},
};
constexpr ParamInfo kP396[] = {{"initval", T::Uint64, F::Dec, {}}};
constexpr ParamInfo kP397[] = {
    {"res", T::Fd, F::Dec, {}},
    {"flags", T::Flags16, F::Hex, kFileFlags},
    {"initval", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP398[] = {
    {"fd", T::Fd, F::Dec, {}},
    {"mask", T::Uint32, F::Hex, {}},
};
constexpr ParamInfo kP399[] = {
    {"res", T::Fd, F::Dec, {}},
    {"flags", T::Flags16, F::Hex, kFileFlags},
    {"fd", T::Fd, F::Dec, {}},
    {"mask", T::Uint32, F::Hex, {}},
};
constexpr ParamInfo kP401[] = {
    {"res", T::Errno, F::Dec, {}},
    {"option", T::Enumflags32, F::Dec, kPrctlOptions},
    {"arg2_str", T::Charbuf, F::NA, {}},
    {"arg2_int", T::Int64, F::Dec, {}},
};
constexpr ParamInfo kP402[] = {
    {"plugin_id", T::Uint32, F::Dec, {}},
    {"name", T::Charbuf, F::NA, {}},
    {"data", T::Bytebuf, F::NA, {}},
};
constexpr ParamInfo kP405[] = {
    {"fd", T::Fd, F::Dec, {}},
    {"name", T::Charbuf, F::NA, {}},
    {"flags", T::Flags32, F::Hex, kMemfdCreateFlags},
};
constexpr ParamInfo kP407[] = {
    {"fd", T::Fd, F::Dec, {}},
    {"pid_fd", T::Fd, F::Dec, {}},
    {"target_fd", T::Fd, F::Dec, {}},
    {"flags", T::Uint32, F::Hex, {}},
};
constexpr ParamInfo kP409[] = {
    {"fd", T::Fd, F::Dec, {}},
    {"pid", T::Pid, F::Dec, {}},
    {"flags", T::Flags32, F::Hex, kPidfdOpenFlags},
};
constexpr ParamInfo kP411[] = {
    {"res", T::Errno, F::Dec, {}},
    {"img", T::Bytebuf, F::NA, {}},
    {"length", T::Uint64, F::Dec, {}},
    {"uargs", T::Charbuf, F::NA, {}},
};
constexpr ParamInfo kP413[] = {
    {"res", T::Errno, F::Dec, {}},
    {"fd", T::Fd, F::Dec, {}},
    {"uargs", T::Charbuf, F::NA, {}},
    {"flags", T::Flags32, F::Hex, kFinitModuleFlags},
};
constexpr ParamInfo kP415[] = {
    {"res", T::Errno, F::Dec, {}},
    {"path", T::Fspath, F::NA, {}},
    {"mode", T::Mode, F::Oct, kMknodMode},
    {"dev", T::Uint32, F::Dec, {}},
};
constexpr ParamInfo kP417[] = {
    {"res", T::Errno, F::Dec, {}},
    {"dirfd", T::Fd, F::Dec, {}},
    {"path", T::Fsrelpath, F::NA, {}, 1},
    {"mode", T::Mode, F::Oct, kMknodMode},
    {"dev", T::Uint32, F::Dec, {}},
};
constexpr ParamInfo kP419[] = {
    {"res", T::Errno, F::Dec, {}},
    {"dirfd", T::Fd, F::Dec, {}},
    {"path", T::Fsrelpath, F::NA, {}, 1},
    {"flags", T::Flags32, F::Hex, kNewfstatatFlags},
};
constexpr ParamInfo kP421[] = {
    {"res", T::Int64, F::Dec, {}},
    {"pid", T::Pid, F::Dec, {}},
    {"data", T::Bytebuf, F::NA, {}},
};
constexpr ParamInfo kP423[] = {
    {"res", T::Int64, F::Dec, {}},
    {"pid", T::Pid, F::Dec, {}},
    {"data", T::Bytebuf, F::NA, {}},
};
constexpr ParamInfo kP425[] = {
    {"res", T::Errno, F::Dec, {}},
    {"name", T::Charbuf, F::NA, {}},
    {"flags", T::Flags32, F::Hex, kDeleteModuleFlags},
};
constexpr ParamInfo kP427[] = {
    {"res", T::Errno, F::Dec, {}},
    {"ruid", T::Uid, F::Dec, {}},
    {"euid", T::Uid, F::Dec, {}},
};
constexpr ParamInfo kP429[] = {
    {"res", T::Errno, F::Dec, {}},
    {"rgid", T::Uid, F::Dec, {}},
    {"egid", T::Uid, F::Dec, {}},
};
constexpr ParamInfo kP430[] = {
    {"ppid", T::Pid32, F::Dec, {}},
    {"pgid", T::Pid32, F::Dec, {}},
    {"vpgid", T::Pid32, F::Dec, {}},
    {"sid", T::Pid32, F::Dec, {}},
    {"comm", T::Charbuf, F::NA, {}},
    {"argv", T::Charbufarray, F::NA, {}},
    {"exepath", T::Fspath, F::NA, {}},
    {"flags", T::Flags32, F::Hex, kExecveFlags},
    {"env", T::Charbufarray, F::NA, {}},
    {"cwd", T::Charbuf, F::NA, {}},
    {"fdlimit", T::Uint64, F::Dec, {}},
    {"euid", T::Uid, F::Dec, {}},
    {"egid", T::Gid, F::Dec, {}},
    {"cap_permitted", T::Uint64, F::Hex, {}},
    {"cap_effective", T::Uint64, F::Hex, {}},
    {"cap_inheritable", T::Uint64, F::Hex, {}},
    {"exe_ino_num", T::Uint64, F::Dec, {}},
    {"exe_ino_ctime", T::Abstime, F::Dec, {}},
    {"exe_ino_mtime", T::Abstime, F::Dec, {}},
    {"vm_size", T::Uint32, F::Dec, {}},
    {"vm_rss", T::Uint32, F::Dec, {}},
    {"vm_swap", T::Uint32, F::Dec, {}},
    {"pgft_maj", T::Uint64, F::Dec, {}},
    {"pgft_min", T::Uint64, F::Dec, {}},
    {"vtgid", T::Pid32, F::Dec, {}},
    {"vpid", T::Pid32, F::Dec, {}},
    {"pidns_init_start_ts", T::Uint64, F::Dec, {}},
    {"cgroups", T::Charbufarray, F::NA, {}},
    {"root", T::Fspath, F::NA, {}},
    {"start_time", T::Abstime, F::Dec, {}},
    {"tty", T::Uint32, F::Dec, {}},
    {"loginuid", T::Uid, F::Dec, {}},
};
constexpr ParamInfo kP432[] = {
    {"fd", T::Fd32, F::Dec, {}},
    {"path", T::Fspath, F::NA, {}},
    {"ino_num", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP434[] = {
    {"fd", T::Fd32, F::Dec, {}},
    {"path", T::Fspath, F::NA, {}},
    {"ino_num", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP436[] = {
    {"fd", T::Fd32, F::Dec, {}},
    {"path", T::Fspath, F::NA, {}},
    {"flags", T::Flags32, F::Hex, kFileFlags},
    {"mnt_id", T::Uint32, F::Dec, {}},
    {"ino_num", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP438[] = {
    {"fd", T::Fd32, F::Dec, {}},
    {"path", T::Fspath, F::NA, {}},
    {"ino_num", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP440[] = {
    {"fd", T::Fd32, F::Dec, {}},
    {"sk_type", T::Uint16, F::Dec, {}},
    {"sk_proto", T::Uint16, F::Dec, {}},
    {"local_ip", T::Ipv4addr, F::Hex, {}},
    {"local_port", T::Port, F::Hex, {}},
    {"remote_ip", T::Ipv4addr, F::Hex, {}},
    {"remote_port", T::Port, F::Hex, {}},
    {"ino_num", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP442[] = {
    {"fd", T::Fd32, F::Dec, {}},
    {"sk_type", T::Uint16, F::Dec, {}},
    {"sk_proto", T::Uint16, F::Dec, {}},
    {"local_ip", T::Ipv6addr, F::Hex, {}},
    {"local_port", T::Port, F::Hex, {}},
    {"remote_ip", T::Ipv6addr, F::Hex, {}},
    {"remote_port", T::Port, F::Hex, {}},
    {"ino_num", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP444[] = {
    {"fd", T::Fd32, F::Dec, {}},
    {"sk_type", T::Uint16, F::Dec, {}},
    {"sk_proto", T::Uint16, F::Dec, {}},
    {"sk_pointer", T::Uint64, F::NA, {}},
    {"sun_path", T::Fspath, F::NA, {}},
    {"ino_num", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP446[] = {
    {"fd", T::Fd32, F::Dec, {}},
    {"sk_type", T::Uint16, F::Dec, {}},
    {"sk_proto", T::Uint16, F::Dec, {}},
    {"ino_num", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP448[] = {
    {"fd", T::Fd32, F::Dec, {}},
    {"fd_type", T::Flags8, F::Dec, kAnonInodeFdTypes},
    {"path", T::Fspath, F::NA, {}},
    {"ino_num", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP451[] = {
    {"res", T::Errno, F::Dec, {}},
    {"first", T::Uint32, F::Dec, {}},
    {"last", T::Uint32, F::Dec, {}},
    {"flags", T::Flags32, F::Hex, kCloseRangeFlags},
};
constexpr ParamInfo kP453[] = {
    {"res", T::Errno, F::Dec, {}},
    {"operation", T::Enumflags32, F::Dec, kKeyctlOperations},
    {"arg2", T::Dyn, F::Dec, {}, -1, kKeyctlDynamicParam},
    {"arg3", T::Dyn, F::Dec, {}, -1, kKeyctlDynamicParam},
    {"arg4", T::Dyn, F::Dec, {}, -1, kKeyctlDynamicParam},
    {"arg5", T::Dyn, F::Dec, {}, -1, kKeyctlDynamicParam},
};

}  // namespace

constinit const EventInfo kEventsPart3[114] = {
    /* 340 PPME_SYSCALL_IO_URING_ENTER_E */ {"io_uring_enter", EC_IO_OTHER | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 341 PPME_SYSCALL_IO_URING_ENTER_X */ {"io_uring_enter", EC_IO_OTHER | EC_SYSCALL, EF_USES_FD, kP341},
    /* 342 PPME_SYSCALL_IO_URING_REGISTER_E */ {"io_uring_register", EC_IO_OTHER | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 343 PPME_SYSCALL_IO_URING_REGISTER_X */ {"io_uring_register", EC_IO_OTHER | EC_SYSCALL, EF_USES_FD, kP343},
    /* 344 PPME_SYSCALL_MLOCK_E */ {"mlock", EC_MEMORY | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 345 PPME_SYSCALL_MLOCK_X */ {"mlock", EC_MEMORY | EC_SYSCALL, EF_NONE, kP345},
    /* 346 PPME_SYSCALL_MUNLOCK_E */ {"munlock", EC_MEMORY | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 347 PPME_SYSCALL_MUNLOCK_X */ {"munlock", EC_MEMORY | EC_SYSCALL, EF_NONE, kP347},
    /* 348 PPME_SYSCALL_MLOCKALL_E */ {"mlockall", EC_MEMORY | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 349 PPME_SYSCALL_MLOCKALL_X */ {"mlockall", EC_MEMORY | EC_SYSCALL, EF_NONE, kP349},
    /* 350 PPME_SYSCALL_MUNLOCKALL_E */ {"munlockall", EC_MEMORY | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 351 PPME_SYSCALL_MUNLOCKALL_X */ {"munlockall", EC_MEMORY | EC_SYSCALL, EF_NONE, kP351},
    /* 352 PPME_SYSCALL_CAPSET_E */ {"capset", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE, kNoParams},
    /* 353 PPME_SYSCALL_CAPSET_X */ {"capset", EC_PROCESS | EC_SYSCALL, EF_MODIFIES_STATE, kP353},
    /* 354 PPME_USER_ADDED_E */ {"useradded", EC_PROCESS | EC_METAEVENT, EF_MODIFIES_STATE, kP354},
    /* 355 PPME_USER_ADDED_X */ {"NA", EC_UNKNOWN, EF_UNUSED, kNoParams},
    /* 356 PPME_USER_DELETED_E */ {"userdeleted", EC_PROCESS | EC_METAEVENT, EF_MODIFIES_STATE, kP356},
    /* 357 PPME_USER_DELETED_X */ {"NA", EC_UNKNOWN, EF_UNUSED, kNoParams},
    /* 358 PPME_GROUP_ADDED_E */ {"groupadded", EC_PROCESS | EC_METAEVENT, EF_MODIFIES_STATE, kP358},
    /* 359 PPME_GROUP_ADDED_X */ {"NA", EC_UNKNOWN, EF_UNUSED, kNoParams},
    /* 360 PPME_GROUP_DELETED_E */ {"groupdeleted", EC_PROCESS | EC_METAEVENT, EF_MODIFIES_STATE, kP360},
    /* 361 PPME_GROUP_DELETED_X */ {"NA", EC_UNKNOWN, EF_UNUSED, kNoParams},
    /* 362 PPME_SYSCALL_DUP2_E */ {"dup2", EC_IO_OTHER | EC_SYSCALL, EF_OLD_VERSION | EF_CREATES_FD | EF_USES_FD | EF_MODIFIES_STATE, kP362},
    /* 363 PPME_SYSCALL_DUP2_X */ {"dup2", EC_IO_OTHER | EC_SYSCALL, EF_CREATES_FD | EF_USES_FD | EF_MODIFIES_STATE, kP363},
    /* 364 PPME_SYSCALL_DUP3_E */ {"dup3", EC_IO_OTHER | EC_SYSCALL, EF_OLD_VERSION | EF_CREATES_FD | EF_USES_FD | EF_MODIFIES_STATE, kP364},
    /* 365 PPME_SYSCALL_DUP3_X */ {"dup3", EC_IO_OTHER | EC_SYSCALL, EF_CREATES_FD | EF_USES_FD | EF_MODIFIES_STATE, kP365},
    /* 366 PPME_SYSCALL_DUP_1_E */ {"dup", EC_IO_OTHER | EC_SYSCALL, EF_OLD_VERSION | EF_CREATES_FD | EF_USES_FD | EF_MODIFIES_STATE, kP366},
    /* 367 PPME_SYSCALL_DUP_1_X */ {"dup", EC_IO_OTHER | EC_SYSCALL, EF_CREATES_FD | EF_USES_FD | EF_MODIFIES_STATE, kP367},
    /* 368 PPME_SYSCALL_BPF_2_E */ {"bpf", EC_OTHER | EC_SYSCALL, EF_OLD_VERSION | EF_CREATES_FD, kP368},
    /* 369 PPME_SYSCALL_BPF_2_X */ {"bpf", EC_OTHER | EC_SYSCALL, EF_CREATES_FD, kP369},
    /* 370 PPME_SYSCALL_MLOCK2_E */ {"mlock2", EC_MEMORY | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 371 PPME_SYSCALL_MLOCK2_X */ {"mlock2", EC_MEMORY | EC_SYSCALL, EF_NONE, kP371},
    /* 372 PPME_SYSCALL_FSCONFIG_E */ {"fsconfig", EC_SYSTEM | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 373 PPME_SYSCALL_FSCONFIG_X */ {"fsconfig", EC_SYSTEM | EC_SYSCALL, EF_USES_FD, kP373},
    /* 374 PPME_SYSCALL_EPOLL_CREATE_E */ {"epoll_create", EC_WAIT | EC_SYSCALL, EF_OLD_VERSION | EF_CREATES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP374},
    /* 375 PPME_SYSCALL_EPOLL_CREATE_X */ {"epoll_create", EC_WAIT | EC_SYSCALL, EF_CREATES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP375},
    /* 376 PPME_SYSCALL_EPOLL_CREATE1_E */ {"epoll_create1", EC_WAIT | EC_SYSCALL, EF_OLD_VERSION | EF_CREATES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP376},
    /* 377 PPME_SYSCALL_EPOLL_CREATE1_X */ {"epoll_create1", EC_WAIT | EC_SYSCALL, EF_CREATES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP377},
    /* 378 PPME_SYSCALL_CHOWN_E */ {"chown", EC_FILE | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 379 PPME_SYSCALL_CHOWN_X */ {"chown", EC_FILE | EC_SYSCALL, EF_NONE, kP379},
    /* 380 PPME_SYSCALL_LCHOWN_E */ {"lchown", EC_FILE | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 381 PPME_SYSCALL_LCHOWN_X */ {"lchown", EC_FILE | EC_SYSCALL, EF_NONE, kP381},
    /* 382 PPME_SYSCALL_FCHOWN_E */ {"fchown", EC_FILE | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 383 PPME_SYSCALL_FCHOWN_X */ {"fchown", EC_FILE | EC_SYSCALL, EF_USES_FD, kP383},
    /* 384 PPME_SYSCALL_FCHOWNAT_E */ {"fchownat", EC_FILE | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 385 PPME_SYSCALL_FCHOWNAT_X */ {"fchownat", EC_FILE | EC_SYSCALL, EF_USES_FD, kP385},
    /* 386 PPME_SYSCALL_UMOUNT_1_E */ {"umount", EC_FILE | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE, kNoParams},
    /* 387 PPME_SYSCALL_UMOUNT_1_X */ {"umount", EC_FILE | EC_SYSCALL, EF_MODIFIES_STATE, kP387},
    /* 388 PPME_SOCKET_ACCEPT4_6_E */ {"accept4", EC_NET | EC_SYSCALL, EF_OLD_VERSION | EF_CREATES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP388},
    /* 389 PPME_SOCKET_ACCEPT4_6_X */ {"accept4", EC_NET | EC_SYSCALL, EF_CREATES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP389},
    /* 390 PPME_SYSCALL_UMOUNT2_E */ {"umount2", EC_FILE | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP390},
    /* 391 PPME_SYSCALL_UMOUNT2_X */ {"umount2", EC_FILE | EC_SYSCALL, EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP391},
    /* 392 PPME_SYSCALL_PIPE2_E */ {"pipe2", EC_IPC | EC_SYSCALL, EF_OLD_VERSION | EF_CREATES_FD | EF_MODIFIES_STATE, kNoParams},
    /* 393 PPME_SYSCALL_PIPE2_X */ {"pipe2", EC_IPC | EC_SYSCALL, EF_CREATES_FD | EF_MODIFIES_STATE, kP393},
    /* 394 PPME_SYSCALL_INOTIFY_INIT1_E */ {"inotify_init1", EC_IPC | EC_SYSCALL, EF_OLD_VERSION | EF_CREATES_FD | EF_MODIFIES_STATE, kNoParams},
    /* 395 PPME_SYSCALL_INOTIFY_INIT1_X */ {"inotify_init1", EC_IPC | EC_SYSCALL, EF_CREATES_FD | EF_MODIFIES_STATE, kP395},
    /* 396 PPME_SYSCALL_EVENTFD2_E */ {"eventfd2", EC_IPC | EC_SYSCALL, EF_OLD_VERSION | EF_CREATES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP396},
    /* 397 PPME_SYSCALL_EVENTFD2_X */ {"eventfd2", EC_IPC | EC_SYSCALL, EF_CREATES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP397},
    /* 398 PPME_SYSCALL_SIGNALFD4_E */ {"signalfd4", EC_SIGNAL | EC_SYSCALL, EF_OLD_VERSION | EF_CREATES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP398},
    /* 399 PPME_SYSCALL_SIGNALFD4_X */ {"signalfd4", EC_SIGNAL | EC_SYSCALL, EF_CREATES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP399},
    /* 400 PPME_SYSCALL_PRCTL_E */ {"prctl", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE, kNoParams},
    /* 401 PPME_SYSCALL_PRCTL_X */ {"prctl", EC_PROCESS | EC_SYSCALL, EF_MODIFIES_STATE, kP401},
    /* 402 PPME_ASYNCEVENT_E */ {"asyncevent", EC_OTHER | EC_METAEVENT, EF_LARGE_PAYLOAD, kP402},
    /* 403 PPME_ASYNCEVENT_X */ {"NA", EC_UNKNOWN, EF_UNUSED, kNoParams},
    /* 404 PPME_SYSCALL_MEMFD_CREATE_E */ {"memfd_create", EC_MEMORY | EC_SYSCALL, EF_OLD_VERSION | EF_CREATES_FD | EF_MODIFIES_STATE, kNoParams},
    /* 405 PPME_SYSCALL_MEMFD_CREATE_X */ {"memfd_create", EC_MEMORY | EC_SYSCALL, EF_CREATES_FD | EF_MODIFIES_STATE, kP405},
    /* 406 PPME_SYSCALL_PIDFD_GETFD_E */ {"pidfd_getfd", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_CREATES_FD | EF_MODIFIES_STATE, kNoParams},
    /* 407 PPME_SYSCALL_PIDFD_GETFD_X */ {"pidfd_getfd", EC_PROCESS | EC_SYSCALL, EF_CREATES_FD | EF_MODIFIES_STATE, kP407},
    /* 408 PPME_SYSCALL_PIDFD_OPEN_E */ {"pidfd_open", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_CREATES_FD | EF_MODIFIES_STATE, kNoParams},
    /* 409 PPME_SYSCALL_PIDFD_OPEN_X */ {"pidfd_open", EC_PROCESS | EC_SYSCALL, EF_CREATES_FD | EF_MODIFIES_STATE, kP409},
    /* 410 PPME_SYSCALL_INIT_MODULE_E */ {"init_module", EC_OTHER | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 411 PPME_SYSCALL_INIT_MODULE_X */ {"init_module", EC_OTHER | EC_SYSCALL, EF_NONE, kP411},
    /* 412 PPME_SYSCALL_FINIT_MODULE_E */ {"finit_module", EC_OTHER | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 413 PPME_SYSCALL_FINIT_MODULE_X */ {"finit_module", EC_OTHER | EC_SYSCALL, EF_USES_FD | EF_READS_FROM_FD, kP413},
    /* 414 PPME_SYSCALL_MKNOD_E */ {"mknod", EC_OTHER | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 415 PPME_SYSCALL_MKNOD_X */ {"mknod", EC_OTHER | EC_SYSCALL, EF_NONE, kP415},
    /* 416 PPME_SYSCALL_MKNODAT_E */ {"mknodat", EC_OTHER | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 417 PPME_SYSCALL_MKNODAT_X */ {"mknodat", EC_OTHER | EC_SYSCALL, EF_USES_FD, kP417},
    /* 418 PPME_SYSCALL_NEWFSTATAT_E */ {"newfstatat", EC_FILE | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 419 PPME_SYSCALL_NEWFSTATAT_X */ {"newfstatat", EC_FILE | EC_SYSCALL, EF_USES_FD, kP419},
    /* 420 PPME_SYSCALL_PROCESS_VM_READV_E */ {"process_vm_readv", EC_SYSCALL | EC_IPC, EF_OLD_VERSION, kNoParams},
    /* 421 PPME_SYSCALL_PROCESS_VM_READV_X */ {"process_vm_readv", EC_SYSCALL | EC_IPC, EF_NONE, kP421},
    /* 422 PPME_SYSCALL_PROCESS_VM_WRITEV_E */ {"process_vm_writev", EC_SYSCALL | EC_IPC, EF_OLD_VERSION, kNoParams},
    /* 423 PPME_SYSCALL_PROCESS_VM_WRITEV_X */ {"process_vm_writev", EC_SYSCALL | EC_IPC, EF_NONE, kP423},
    /* 424 PPME_SYSCALL_DELETE_MODULE_E */ {"delete_module", EC_OTHER | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 425 PPME_SYSCALL_DELETE_MODULE_X */ {"delete_module", EC_OTHER | EC_SYSCALL, EF_NONE, kP425},
    /* 426 PPME_SYSCALL_SETREUID_E */ {"setreuid", EC_USER | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE, kNoParams},
    /* 427 PPME_SYSCALL_SETREUID_X */ {"setreuid", EC_USER | EC_SYSCALL, EF_MODIFIES_STATE, kP427},
    /* 428 PPME_SYSCALL_SETREGID_E */ {"setregid", EC_USER | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 429 PPME_SYSCALL_SETREGID_X */ {"setregid", EC_USER | EC_SYSCALL, EF_MODIFIES_STATE, kP429},
    /* 430 PPME_ITER_TASK_E */ {"task", EC_ITER | EC_PROCESS, EF_MODIFIES_STATE, kP430},
    /* 431 PPME_ITER_TASK_X */ {"NA", EC_UNKNOWN, EF_UNUSED, kNoParams},
    /* 432 PPME_ITER_TASK_FILE_PIPE_E */ {"task_file_pipe", EC_ITER | EC_FILE, EF_MODIFIES_STATE, kP432},
    /* 433 PPME_ITER_TASK_FILE_PIPE_X */ {"NA", EC_UNKNOWN, EF_UNUSED, kNoParams},
    /* 434 PPME_ITER_TASK_FILE_MEMFD_E */ {"task_file_memfd", EC_ITER | EC_FILE, EF_MODIFIES_STATE, kP434},
    /* 435 PPME_ITER_TASK_FILE_MEMFD_X */ {"NA", EC_UNKNOWN, EF_UNUSED, kNoParams},
    /* 436 PPME_ITER_TASK_FILE_REGULAR_E */ {"task_file_regular", EC_ITER | EC_FILE, EF_MODIFIES_STATE, kP436},
    /* 437 PPME_ITER_TASK_FILE_REGULAR_X */ {"NA", EC_UNKNOWN, EF_UNUSED, kNoParams},
    /* 438 PPME_ITER_TASK_FILE_DIRECTORY_E */ {"task_file_directory", EC_ITER | EC_FILE, EF_MODIFIES_STATE, kP438},
    /* 439 PPME_ITER_TASK_FILE_DIRECTORY_X */ {"NA", EC_UNKNOWN, EF_UNUSED, kNoParams},
    /* 440 PPME_ITER_TASK_FILE_SOCKET_INET_E */ {"task_file_socket_inet", EC_ITER | EC_FILE, EF_MODIFIES_STATE, kP440},
    /* 441 PPME_ITER_TASK_FILE_SOCKET_INET_X */ {"NA", EC_UNKNOWN, EF_UNUSED, kNoParams},
    /* 442 PPME_ITER_TASK_FILE_SOCKET_INET6_E */ {"task_file_socket_inet6", EC_ITER | EC_FILE, EF_MODIFIES_STATE, kP442},
    /* 443 PPME_ITER_TASK_FILE_SOCKET_INET6_X */ {"NA", EC_UNKNOWN, EF_UNUSED, kNoParams},
    /* 444 PPME_ITER_TASK_FILE_SOCKET_UNIX_E */ {"task_file_socket_unix", EC_ITER | EC_FILE, EF_MODIFIES_STATE, kP444},
    /* 445 PPME_ITER_TASK_FILE_SOCKET_UNIX_X */ {"NA", EC_UNKNOWN, EF_UNUSED, kNoParams},
    /* 446 PPME_ITER_TASK_FILE_SOCKET_NETLINK_E */ {"task_file_socket_netlink", EC_ITER | EC_FILE, EF_MODIFIES_STATE, kP446},
    /* 447 PPME_ITER_TASK_FILE_SOCKET_NETLINK_X */ {"NA", EC_UNKNOWN, EF_UNUSED, kNoParams},
    /* 448 PPME_ITER_TASK_FILE_ANON_INODE_E */ {"task_file_anon_inode", EC_ITER | EC_FILE, EF_MODIFIES_STATE, kP448},
    /* 449 PPME_ITER_TASK_FILE_ANON_INODE_X */ {"NA", EC_UNKNOWN, EF_UNUSED, kNoParams},
    /* 450 PPME_SYSCALL_CLOSE_RANGE_E */ {"NA", EC_UNKNOWN, EF_UNUSED, kNoParams},
    /* 451 PPME_SYSCALL_CLOSE_RANGE_X */ {"close_range", EC_IO_OTHER | EC_SYSCALL, EF_MODIFIES_STATE, kP451},
    /* 452 PPME_SYSCALL_KEYCTL_E */ {"NA", EC_UNKNOWN, EF_UNUSED, kNoParams},
    /* 453 PPME_SYSCALL_KEYCTL_X */ {"keyctl", EC_OTHER | EC_SYSCALL, EF_NONE, kP453},
};

}  // namespace saker::events::detail
