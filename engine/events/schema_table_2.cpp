// Event table, ids 240..339 (extracted once from the public scap format facts;
// maintained by hand from now on).
// Each event: name, category, flags and params (name, type, print format, flag names or dirfd).
#include "engine/events/schema_tables.h"

#include "engine/events/flag_names.h"

namespace saker::events::detail {
namespace {

using T = ParamType;
using F = PrintFormat;
using namespace flag_tables;


constexpr ParamInfo kP240[] = {
    {"fd", T::Fd, F::NA, {}},
    {"nstype", T::Flags32, F::Hex, kCloneFlags},
};
constexpr ParamInfo kP241[] = {
    {"res", T::Errno, F::Dec, {}},
    {"fd", T::Fd, F::NA, {}},
    {"nstype", T::Flags32, F::Hex, kCloneFlags},
};
constexpr ParamInfo kP242[] = {
    {"fd", T::Fd, F::NA, {}},
    {"operation", T::Flags32, F::Hex, kFlockFlags},
};
constexpr ParamInfo kP243[] = {
    {"res", T::Errno, F::Dec, {}},
    {"fd", T::Fd, F::NA, {}},
    {"operation", T::Flags32, F::Hex, kFlockFlags},
};
constexpr ParamInfo kP244[] = {
    {"cpu", T::Uint32, F::Dec, {}},
    {"action", T::Uint32, F::Dec, {}},
};
constexpr ParamInfo kP247[] = {
    {"fd", T::Fd, F::Dec, {}},
    {"tuple", T::Socktuple, F::NA, {}},
    {"queuepct", T::Uint8, F::Dec, {}},
    {"queuelen", T::Uint32, F::Dec, {}},
    {"queuemax", T::Uint32, F::Dec, {}},
};
constexpr ParamInfo kP248[] = {{"flags", T::Int32, F::Hex, {}}};
constexpr ParamInfo kP249[] = {
    {"fd", T::Fd, F::Dec, {}},
    {"tuple", T::Socktuple, F::NA, {}},
    {"queuepct", T::Uint8, F::Dec, {}},
    {"queuelen", T::Uint32, F::Dec, {}},
    {"queuemax", T::Uint32, F::Dec, {}},
};
constexpr ParamInfo kP250[] = {{"semid", T::Int32, F::Dec, {}}};
constexpr ParamInfo kP251[] = {
    {"res", T::Errno, F::Dec, {}},
    {"nsops", T::Uint32, F::Dec, {}},
    {"sem_num_0", T::Uint16, F::Dec, {}},
    {"sem_op_0", T::Int16, F::Dec, {}},
    {"sem_flg_0", T::Flags16, F::Hex, kSemopFlags},
    {"sem_num_1", T::Uint16, F::Dec, {}},
    {"sem_op_1", T::Int16, F::Dec, {}},
    {"sem_flg_1", T::Flags16, F::Hex, kSemopFlags},
    {"semid", T::Int32, F::Dec, {}},
};
constexpr ParamInfo kP252[] = {
    {"semid", T::Int32, F::Dec, {}},
    {"semnum", T::Int32, F::Dec, {}},
    {"cmd", T::Flags16, F::Hex, kSemctlCommands},
    {"val", T::Int32, F::Dec, {}},
};
constexpr ParamInfo kP253[] = {
    {"res", T::Errno, F::Dec, {}},
    {"semid", T::Int32, F::Dec, {}},
    {"semnum", T::Int32, F::Dec, {}},
    {"cmd", T::Flags16, F::Hex, kSemctlCommands},
    {"val", T::Int32, F::Dec, {}},
};
constexpr ParamInfo kP254[] = {
    {"fds", T::Fdlist, F::Dec, {}},
    {"timeout", T::Reltime, F::Dec, {}},
    {"sigmask", T::Sigset, F::Dec, {}},
};
constexpr ParamInfo kP255[] = {
    {"res", T::Errno, F::Dec, {}},
    {"fds", T::Fdlist, F::Dec, {}},
    {"timeout", T::Reltime, F::Dec, {}},
    {"sigmask", T::Sigset, F::Dec, {}},
};
constexpr ParamInfo kP256[] = {{"flags", T::Flags32, F::Hex, kMountFlags}};
constexpr ParamInfo kP257[] = {
    {"res", T::Errno, F::Dec, {}},
    {"dev", T::Charbuf, F::NA, {}},
    {"dir", T::Fspath, F::NA, {}},
    {"type", T::Charbuf, F::NA, {}},
    {"flags", T::Flags32, F::Hex, kMountFlags},
};
constexpr ParamInfo kP258[] = {{"flags", T::Flags32, F::Hex, kUmountFlags}};
constexpr ParamInfo kP259[] = {
    {"res", T::Errno, F::Dec, {}},
    {"name", T::Fspath, F::NA, {}},
};
constexpr ParamInfo kP260[] = {{"json", T::Charbuf, F::NA, {}}};
constexpr ParamInfo kP262[] = {
    {"key", T::Int32, F::Hex, {}},
    {"nsems", T::Int32, F::Dec, {}},
    {"semflg", T::Flags32, F::Hex, kSemgetFlags},
};
constexpr ParamInfo kP263[] = {
    {"res", T::Errno, F::Dec, {}},
    {"key", T::Int32, F::Hex, {}},
    {"nsems", T::Int32, F::Dec, {}},
    {"semflg", T::Flags32, F::Hex, kSemgetFlags},
};
constexpr ParamInfo kP264[] = {{"mode", T::Flags32, F::Hex, kAccessFlags}};
constexpr ParamInfo kP265[] = {
    {"res", T::Errno, F::Dec, {}},
    {"name", T::Fspath, F::NA, {}},
    {"mode", T::Flags32, F::Hex, kAccessFlags},
};
constexpr ParamInfo kP267[] = {
    {"res", T::Errno, F::Dec, {}},
    {"path", T::Fspath, F::NA, {}},
};
constexpr ParamInfo kP268[] = {
    {"id", T::Int64, F::Dec, {}},
    {"tags", T::Charbufarray, F::NA, {}},
    {"args", T::CharbufPairArray, F::NA, {}},
};
constexpr ParamInfo kP269[] = {
    {"id", T::Int64, F::Dec, {}},
    {"tags", T::Charbufarray, F::NA, {}},
    {"args", T::CharbufPairArray, F::NA, {}},
};
constexpr ParamInfo kP270[] = {{"json", T::Charbuf, F::NA, {}}};
constexpr ParamInfo kP272[] = {{"json", T::Charbuf, F::NA, {}}};
constexpr ParamInfo kP275[] = {{"res", T::Pid, F::Dec, {}}};
constexpr ParamInfo kP276[] = {{"mode", T::Uint32, F::Hex, {}}};
constexpr ParamInfo kP277[] = {
    {"res", T::Errno, F::Dec, {}},
    {"path", T::Fspath, F::NA, {}},
    {"mode", T::Uint32, F::Hex, {}},
};
constexpr ParamInfo kP279[] = {
    {"res", T::Errno, F::Dec, {}},
    {"path", T::Fspath, F::NA, {}},
};
constexpr ParamInfo kP280[] = {
    {"id", T::Charbuf, F::Dec, {}},
    {"desc", T::Charbuf, F::NA, {}},
};
constexpr ParamInfo kP283[] = {
    {"res", T::Errno, F::Dec, {}},
    {"exe", T::Charbuf, F::NA, {}},
    {"args", T::Bytebuf, F::NA, {}},
    {"tid", T::Pid, F::Dec, {}},
    {"pid", T::Pid, F::Dec, {}},
    {"ptid", T::Pid, F::Dec, {}},
    {"cwd", T::Charbuf, F::NA, {}},
    {"fdlimit", T::Uint64, F::Dec, {}},
    {"pgft_maj", T::Uint64, F::Dec, {}},
    {"pgft_min", T::Uint64, F::Dec, {}},
    {"vm_size", T::Uint32, F::Dec, {}},
    {"vm_rss", T::Uint32, F::Dec, {}},
    {"vm_swap", T::Uint32, F::Dec, {}},
    {"comm", T::Charbuf, F::NA, {}},
    {"cgroups", T::Bytebuf, F::NA, {}},
    {"env", T::Bytebuf, F::NA, {}},
    {"tty", T::Int32, F::Dec, {}},
};
constexpr ParamInfo kP284[] = {{"flags", T::Flags32, F::Hex, kCloneFlags}};
constexpr ParamInfo kP285[] = {
    {"res", T::Errno, F::Dec, {}},
    {"flags", T::Flags32, F::Hex, kCloneFlags},
};
constexpr ParamInfo kP286[] = {
    {"source", T::Charbuf, F::Dec, {}},
    {"name", T::Charbuf, F::NA, {}},
    {"description", T::Charbuf, F::NA, {}},
    {"scope", T::Charbuf, F::NA, {}},
};
constexpr ParamInfo kP288[] = {{"filename", T::Fspath, F::NA, {}}};
constexpr ParamInfo kP289[] = {
    {"res", T::Errno, F::Dec, {}},
    {"exe", T::Charbuf, F::NA, {}},
    {"args", T::Bytebuf, F::NA, {}},
    {"tid", T::Pid, F::Dec, {}},
    {"pid", T::Pid, F::Dec, {}},
    {"ptid", T::Pid, F::Dec, {}},
    {"cwd", T::Charbuf, F::NA, {}},
    {"fdlimit", T::Uint64, F::Dec, {}},
    {"pgft_maj", T::Uint64, F::Dec, {}},
    {"pgft_min", T::Uint64, F::Dec, {}},
    {"vm_size", T::Uint32, F::Dec, {}},
    {"vm_rss", T::Uint32, F::Dec, {}},
    {"vm_swap", T::Uint32, F::Dec, {}},
    {"comm", T::Charbuf, F::NA, {}},
    {"cgroups", T::Bytebuf, F::NA, {}},
    {"env", T::Bytebuf, F::NA, {}},
    {"tty", T::Int32, F::Dec, {}},
};
constexpr ParamInfo kP290[] = {
    {"addr", T::Uint64, F::Hex, {}},
    {"ip", T::Uint64, F::Hex, {}},
    {"error", T::Flags32, F::Hex, kPfFlags},
};
constexpr ParamInfo kP292[] = {{"filename", T::Fspath, F::NA, {}}};
constexpr ParamInfo kP293[] = {
    {"res", T::Errno, F::Dec, {}},
    {"exe", T::Charbuf, F::NA, {}},
    {"args", T::Bytebuf, F::NA, {}},
    {"tid", T::Pid, F::Dec, {}},
    {"pid", T::Pid, F::Dec, {}},
    {"ptid", T::Pid, F::Dec, {}},
    {"cwd", T::Charbuf, F::NA, {}},
    {"fdlimit", T::Uint64, F::Dec, {}},
    {"pgft_maj", T::Uint64, F::Dec, {}},
    {"pgft_min", T::Uint64, F::Dec, {}},
    {"vm_size", T::Uint32, F::Dec, {}},
    {"vm_rss", T::Uint32, F::Dec, {}},
    {"vm_swap", T::Uint32, F::Dec, {}},
    {"comm", T::Charbuf, F::NA, {}},
    {"cgroups", T::Bytebuf, F::NA, {}},
    {"env", T::Bytebuf, F::NA, {}},
    {"tty", T::Int32, F::Dec, {}},
    {"pgid", T::Pid, F::Dec, {}},
    {"loginuid", T::Int32, F::Dec, {}},
    {"flags", T::Flags32, F::Hex, kExecveFlags},
    {"cap_inheritable", T::Uint64, F::Hex, {}},
    {"cap_permitted", T::Uint64, F::Hex, {}},
    {"cap_effective", T::Uint64, F::Hex, {}},
    {"exe_ino", T::Uint64, F::Dec, {}},
    {"exe_ino_ctime", T::Abstime, F::Dec, {}},
    {"exe_ino_mtime", T::Abstime, F::Dec, {}},
    {"uid", T::Uid, F::Dec, {}},
    {"trusted_exepath", T::Fspath, F::NA, {}},
    {"pgid", T::Pid, F::NA, {}},
    {"gid", T::Gid, F::Dec, {}},
    {"filename", T::Fspath, F::NA, {}},
};
constexpr ParamInfo kP294[] = {
    {"pid", T::Pid, F::Dec, {}},
    {"pgid", T::Pid, F::Dec, {}},
};
constexpr ParamInfo kP295[] = {
    {"res", T::Pid, F::Dec, {}},
    {"pid", T::Pid, F::Dec, {}},
    {"pgid", T::Pid, F::Dec, {}},
};
constexpr ParamInfo kP296[] = {{"cmd", T::Int64, F::Dec, {}}};
constexpr ParamInfo kP297[] = {{"res_or_fd", T::Dyn, F::Dec, {}, -1, kBpfDynamicParam}};
constexpr ParamInfo kP298[] = {
    {"op", T::Uint64, F::Dec, {}},
    {"flags", T::Uint64, F::Hex, {}},
};
constexpr ParamInfo kP299[] = {
    {"res", T::Errno, F::Dec, {}},
    {"op", T::Uint64, F::Dec, {}},
    {"flags", T::Uint64, F::Hex, {}},
};
constexpr ParamInfo kP301[] = {
    {"res", T::Errno, F::Dec, {}},
    {"path", T::Fspath, F::NA, {}},
};
constexpr ParamInfo kP303[] = {
    {"res", T::Errno, F::Dec, {}},
    {"dirfd", T::Fd, F::Dec, {}},
    {"name", T::Fsrelpath, F::NA, {}, 1},
    {"flags", T::Flags32, F::Hex, kUnlinkatFlags},
};
constexpr ParamInfo kP305[] = {
    {"res", T::Errno, F::Dec, {}},
    {"dirfd", T::Fd, F::Dec, {}},
    {"path", T::Fsrelpath, F::NA, {}, 1},
    {"mode", T::Uint32, F::Hex, {}},
};
constexpr ParamInfo kP306[] = {
    {"dirfd", T::Fd, F::Dec, {}},
    {"name", T::Fsrelpath, F::NA, {}, 0},
    {"flags", T::Flags32, F::Hex, kFileFlags},
    {"mode", T::Uint32, F::Oct, {}},
};
constexpr ParamInfo kP307[] = {
    {"fd", T::Fd, F::Dec, {}},
    {"dirfd", T::Fd, F::Dec, {}},
    {"name", T::Fsrelpath, F::NA, {}, 1},
    {"flags", T::Flags32, F::Hex, kFileFlags},
    {"mode", T::Uint32, F::Oct, {}},
    {"dev", T::Uint32, F::Hex, {}},
    {"ino", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP309[] = {
    {"res", T::Errno, F::Dec, {}},
    {"oldpath", T::Fspath, F::NA, {}},
    {"newpath", T::Fspath, F::NA, {}},
};
constexpr ParamInfo kP311[] = {
    {"res", T::Errno, F::Dec, {}},
    {"olddir", T::Fd, F::Dec, {}},
    {"oldpath", T::Fsrelpath, F::NA, {}, 1},
    {"newdir", T::Fd, F::Dec, {}},
    {"newpath", T::Fsrelpath, F::NA, {}, 3},
    {"flags", T::Flags32, F::Hex, kLinkatFlags},
};
constexpr ParamInfo kP313[] = {
    {"res", T::Errno, F::Dec, {}},
    {"dirfd", T::Fd, F::Dec, {}},
    {"filename", T::Fsrelpath, F::NA, {}, 1},
    {"mode", T::Mode, F::Oct, kChmodMode},
};
constexpr ParamInfo kP315[] = {
    {"res", T::Errno, F::Dec, {}},
    {"filename", T::Fspath, F::NA, {}},
    {"mode", T::Mode, F::Oct, kChmodMode},
};
constexpr ParamInfo kP317[] = {
    {"res", T::Errno, F::Dec, {}},
    {"fd", T::Fd, F::Dec, {}},
    {"mode", T::Mode, F::Oct, kChmodMode},
};
constexpr ParamInfo kP319[] = {
    {"res", T::Errno, F::Dec, {}},
    {"olddirfd", T::Fd, F::Dec, {}},
    {"oldpath", T::Fsrelpath, F::NA, {}, 1},
    {"newdirfd", T::Fd, F::Dec, {}},
    {"newpath", T::Fsrelpath, F::NA, {}, 3},
    {"flags", T::Flags32, F::Hex, kRenameat2Flags},
};
constexpr ParamInfo kP321[] = {
    {"res", T::Errno, F::Dec, {}},
    {"flags", T::Flags32, F::Hex, kFileFlags},
};
constexpr ParamInfo kP322[] = {
    {"plugin ID", T::Uint32, F::Dec, {}},
    {"event_data", T::Bytebuf, F::NA, {}},
};
constexpr ParamInfo kP324[] = {{"json", T::Charbuf, F::NA, {}}};
constexpr ParamInfo kP326[] = {
    {"dirfd", T::Fd, F::Dec, {}},
    {"name", T::Fsrelpath, F::NA, {}, 0},
    {"flags", T::Flags32, F::Hex, kFileFlags},
    {"mode", T::Uint32, F::Oct, {}},
    {"resolve", T::Flags32, F::Hex, kOpenat2Flags},
};
constexpr ParamInfo kP327[] = {
    {"fd", T::Fd, F::Dec, {}},
    {"dirfd", T::Fd, F::Dec, {}},
    {"name", T::Fsrelpath, F::NA, {}, 1},
    {"flags", T::Flags32, F::Hex, kFileFlags},
    {"mode", T::Uint32, F::Oct, {}},
    {"resolve", T::Flags32, F::Hex, kOpenat2Flags},
    {"dev", T::Uint32, F::Hex, {}},
    {"ino", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP328[] = {
    {"addr", T::Uint64, F::Hex, {}},
    {"length", T::Uint64, F::Dec, {}},
    {"prot", T::Flags32, F::Hex, kProtFlags},
};
constexpr ParamInfo kP329[] = {
    {"res", T::Errno, F::Dec, {}},
    {"addr", T::Uint64, F::Hex, {}},
    {"length", T::Uint64, F::Dec, {}},
    {"prot", T::Flags32, F::Hex, kProtFlags},
};
constexpr ParamInfo kP330[] = {
    {"dirfd", T::Fd, F::Dec, {}},
    {"pathname", T::Fsrelpath, F::NA, {}, 0},
    {"flags", T::Flags32, F::Hex, kExecveatFlags},
};
constexpr ParamInfo kP331[] = {
    {"res", T::Errno, F::Dec, {}},
    {"exe", T::Charbuf, F::NA, {}},
    {"args", T::Bytebuf, F::NA, {}},
    {"tid", T::Pid, F::Dec, {}},
    {"pid", T::Pid, F::Dec, {}},
    {"ptid", T::Pid, F::Dec, {}},
    {"cwd", T::Charbuf, F::NA, {}},
    {"fdlimit", T::Uint64, F::Dec, {}},
    {"pgft_maj", T::Uint64, F::Dec, {}},
    {"pgft_min", T::Uint64, F::Dec, {}},
    {"vm_size", T::Uint32, F::Dec, {}},
    {"vm_rss", T::Uint32, F::Dec, {}},
    {"vm_swap", T::Uint32, F::Dec, {}},
    {"comm", T::Charbuf, F::NA, {}},
    {"cgroups", T::Bytebuf, F::NA, {}},
    {"env", T::Bytebuf, F::NA, {}},
    {"tty", T::Int32, F::Dec, {}},
    {"pgid", T::Pid, F::Dec, {}},
    {"loginuid", T::Int32, F::Dec, {}},
    {"flags", T::Flags32, F::Hex, kExecveFlags},
    {"cap_inheritable", T::Uint64, F::Hex, {}},
    {"cap_permitted", T::Uint64, F::Hex, {}},
    {"cap_effective", T::Uint64, F::Hex, {}},
    {"exe_ino", T::Uint64, F::Dec, {}},
    {"exe_ino_ctime", T::Abstime, F::Dec, {}},
    {"exe_ino_mtime", T::Abstime, F::Dec, {}},
    {"uid", T::Uid, F::Dec, {}},
    {"trusted_exepath", T::Fspath, F::NA, {}},
    {"pgid", T::Pid, F::NA, {}},
    {"gid", T::Gid, F::Dec, {}},
};
constexpr ParamInfo kP332[] = {
    {"fdin", T::Fd, F::Dec, {}},
    {"offin", T::Uint64, F::Dec, {}},
    {"len", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP333[] = {
    {"res", T::Errno, F::Dec, {}},
    {"fdout", T::Fd, F::Dec, {}},
    {"offout", T::Uint64, F::Dec, {}},
    {"fdin", T::Fd, F::Dec, {}},
    {"offin", T::Uint64, F::Dec, {}},
    {"len", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP335[] = {
    {"res", T::Pid, F::Dec, {}},
    {"exe", T::Charbuf, F::NA, {}},
    {"args", T::Bytebuf, F::NA, {}},
    {"tid", T::Pid, F::Dec, {}},
    {"pid", T::Pid, F::Dec, {}},
    {"ptid", T::Pid, F::Dec, {}},
    {"cwd", T::Charbuf, F::NA, {}},
    {"fdlimit", T::Int64, F::Dec, {}},
    {"pgft_maj", T::Uint64, F::Dec, {}},
    {"pgft_min", T::Uint64, F::Dec, {}},
    {"vm_size", T::Uint32, F::Dec, {}},
    {"vm_rss", T::Uint32, F::Dec, {}},
    {"vm_swap", T::Uint32, F::Dec, {}},
    {"comm", T::Charbuf, F::NA, {}},
    {"cgroups", T::Bytebuf, F::NA, {}},
    {"flags", T::Flags32, F::Hex, kCloneFlags},
    {"uid", T::Uint32, F::Dec, {}},
    {"gid", T::Uint32, F::Dec, {}},
    {"vtid", T::Pid, F::Dec, {}},
    {"vpid", T::Pid, F::Dec, {}},
    {"pidns_init_start_ts", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP337[] = {
    {"fd", T::Fd, F::Dec, {}},
    {"mountfd", T::Fd, F::Dec, {}},
    {"flags", T::Flags32, F::Hex, kFileFlags},
    {"path", T::Fspath, F::NA, {}},
    {"dev", T::Uint32, F::Hex, {}},
    {"ino", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP339[] = {
    {"res", T::Errno, F::Dec, {}},
    {"entries", T::Uint32, F::Dec, {}},
    {"sq_entries", T::Uint32, F::Dec, {}},
    {"cq_entries", T::Uint32, F::Dec, {}},
    {"flags", T::Flags32, F::Hex, kIoUringSetupFlags},
    {"sq_thread_cpu", T::Uint32, F::Dec, {}},
    {"sq_thread_idle", T::Uint32, F::Dec, {}},
    {"features", T::Flags32, F::Hex, kIoUringSetupFeats},
};

}  // namespace

constinit const EventInfo kEventsPart2[100] = {
    /* 240 PPME_SYSCALL_SETNS_E */ {"setns", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_USES_FD | EF_CONVERTER_MANAGED, kP240},
    /* 241 PPME_SYSCALL_SETNS_X */ {"setns", EC_PROCESS | EC_SYSCALL, EF_USES_FD | EF_CONVERTER_MANAGED, kP241},
    /* 242 PPME_SYSCALL_FLOCK_E */ {"flock", EC_FILE | EC_SYSCALL, EF_OLD_VERSION | EF_USES_FD | EF_CONVERTER_MANAGED, kP242},
    /* 243 PPME_SYSCALL_FLOCK_X */ {"flock", EC_FILE | EC_SYSCALL, EF_USES_FD | EF_CONVERTER_MANAGED, kP243},
    /* 244 PPME_CPU_HOTPLUG_E */ {"cpu_hotplug", EC_SYSTEM | EC_METAEVENT, EF_SKIPPARSERESET | EF_MODIFIES_STATE, kP244},
    /* 245 PPME_CPU_HOTPLUG_X */ {"NA2", EC_SYSTEM, EF_UNUSED, kNoParams},
    /* 246 PPME_SOCKET_ACCEPT_5_E */ {"accept", EC_NET | EC_SYSCALL, EF_OLD_VERSION | EF_CREATES_FD | EF_MODIFIES_STATE, kNoParams},
    /* 247 PPME_SOCKET_ACCEPT_5_X */ {"accept", EC_NET | EC_SYSCALL, EF_CREATES_FD | EF_MODIFIES_STATE, kP247},
    /* 248 PPME_SOCKET_ACCEPT4_5_E */ {"accept", EC_NET | EC_SYSCALL, EF_OLD_VERSION | EF_CREATES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP248},
    /* 249 PPME_SOCKET_ACCEPT4_5_X */ {"accept", EC_NET | EC_SYSCALL, EF_OLD_VERSION | EF_CREATES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP249},
    /* 250 PPME_SYSCALL_SEMOP_E */ {"semop", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_CONVERTER_MANAGED, kP250},
    /* 251 PPME_SYSCALL_SEMOP_X */ {"semop", EC_PROCESS | EC_SYSCALL, EF_CONVERTER_MANAGED, kP251},
    /* 252 PPME_SYSCALL_SEMCTL_E */ {"semctl", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_CONVERTER_MANAGED, kP252},
    /* 253 PPME_SYSCALL_SEMCTL_X */ {"semctl", EC_PROCESS | EC_SYSCALL, EF_CONVERTER_MANAGED, kP253},
    /* 254 PPME_SYSCALL_PPOLL_E */ {"ppoll", EC_WAIT | EC_SYSCALL, EF_OLD_VERSION | EF_WAITS | EF_CONVERTER_MANAGED, kP254},
    /* 255 PPME_SYSCALL_PPOLL_X */ {"ppoll", EC_WAIT | EC_SYSCALL, EF_WAITS | EF_CONVERTER_MANAGED, kP255},
    /* 256 PPME_SYSCALL_MOUNT_E */ {"mount", EC_FILE | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP256},
    /* 257 PPME_SYSCALL_MOUNT_X */ {"mount", EC_FILE | EC_SYSCALL, EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP257},
    /* 258 PPME_SYSCALL_UMOUNT_E */ {"umount", EC_FILE | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE, kP258},
    /* 259 PPME_SYSCALL_UMOUNT_X */ {"umount", EC_FILE | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP259},
    /* 260 PPME_K8S_E */ {"k8s", EC_INTERNAL | EC_METAEVENT, EF_OLD_VERSION | EF_SKIPPARSERESET | EF_MODIFIES_STATE, kP260},
    /* 261 PPME_K8S_X */ {"NA3", EC_SYSTEM, EF_UNUSED, kNoParams},
    /* 262 PPME_SYSCALL_SEMGET_E */ {"semget", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_CONVERTER_MANAGED, kP262},
    /* 263 PPME_SYSCALL_SEMGET_X */ {"semget", EC_PROCESS | EC_SYSCALL, EF_CONVERTER_MANAGED, kP263},
    /* 264 PPME_SYSCALL_ACCESS_E */ {"access", EC_FILE | EC_SYSCALL, EF_OLD_VERSION | EF_CONVERTER_MANAGED, kP264},
    /* 265 PPME_SYSCALL_ACCESS_X */ {"access", EC_FILE | EC_SYSCALL, EF_CONVERTER_MANAGED, kP265},
    /* 266 PPME_SYSCALL_CHROOT_E */ {"chroot", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE, kNoParams},
    /* 267 PPME_SYSCALL_CHROOT_X */ {"chroot", EC_PROCESS | EC_SYSCALL, EF_MODIFIES_STATE, kP267},
    /* 268 PPME_TRACER_E */ {"tracer", EC_OTHER | EC_METAEVENT, EF_OLD_VERSION, kP268},
    /* 269 PPME_TRACER_X */ {"tracer", EC_OTHER, EF_UNUSED, kP269},
    /* 270 PPME_MESOS_E */ {"mesos", EC_INTERNAL | EC_METAEVENT, EF_OLD_VERSION | EF_SKIPPARSERESET | EF_MODIFIES_STATE, kP270},
    /* 271 PPME_MESOS_X */ {"NA4", EC_SYSTEM, EF_UNUSED, kNoParams},
    /* 272 PPME_CONTAINER_JSON_E */ {"container", EC_PROCESS | EC_METAEVENT, EF_OLD_VERSION | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP272},
    /* 273 PPME_CONTAINER_JSON_X */ {"container", EC_PROCESS, EF_UNUSED, kNoParams},
    /* 274 PPME_SYSCALL_SETSID_E */ {"setsid", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE, kNoParams},
    /* 275 PPME_SYSCALL_SETSID_X */ {"setsid", EC_PROCESS | EC_SYSCALL, EF_MODIFIES_STATE, kP275},
    /* 276 PPME_SYSCALL_MKDIR_2_E */ {"mkdir", EC_FILE | EC_SYSCALL, EF_OLD_VERSION | EF_CONVERTER_MANAGED, kP276},
    /* 277 PPME_SYSCALL_MKDIR_2_X */ {"mkdir", EC_FILE | EC_SYSCALL, EF_CONVERTER_MANAGED, kP277},
    /* 278 PPME_SYSCALL_RMDIR_2_E */ {"rmdir", EC_FILE | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 279 PPME_SYSCALL_RMDIR_2_X */ {"rmdir", EC_FILE | EC_SYSCALL, EF_NONE, kP279},
    /* 280 PPME_NOTIFICATION_E */ {"notification", EC_OTHER | EC_METAEVENT, EF_SKIPPARSERESET, kP280},
    /* 281 PPME_NOTIFICATION_X */ {"NA4", EC_SYSTEM, EF_UNUSED, kNoParams},
    /* 282 PPME_SYSCALL_EXECVE_17_E */ {"execve", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kNoParams},
    /* 283 PPME_SYSCALL_EXECVE_17_X */ {"execve", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP283},
    /* 284 PPME_SYSCALL_UNSHARE_E */ {"unshare", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_CONVERTER_MANAGED, kP284},
    /* 285 PPME_SYSCALL_UNSHARE_X */ {"unshare", EC_PROCESS | EC_SYSCALL, EF_CONVERTER_MANAGED, kP285},
    /* 286 PPME_INFRASTRUCTURE_EVENT_E */ {"infra", EC_INTERNAL | EC_METAEVENT, EF_SKIPPARSERESET, kP286},
    /* 287 PPME_INFRASTRUCTURE_EVENT_X */ {"NA4", EC_SYSTEM, EF_UNUSED, kNoParams},
    /* 288 PPME_SYSCALL_EXECVE_18_E */ {"execve", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP288},
    /* 289 PPME_SYSCALL_EXECVE_18_X */ {"execve", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP289},
    /* 290 PPME_PAGE_FAULT_E */ {"page_fault", EC_OTHER | EC_TRACEPOINT, EF_SKIPPARSERESET, kP290},
    /* 291 PPME_PAGE_FAULT_X */ {"NA5", EC_OTHER, EF_UNUSED, kNoParams},
    /* 292 PPME_SYSCALL_EXECVE_19_E */ {"execve", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP292},
    /* 293 PPME_SYSCALL_EXECVE_19_X */ {"execve", EC_PROCESS | EC_SYSCALL, EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP293},
    /* 294 PPME_SYSCALL_SETPGID_E */ {"setpgid", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_CONVERTER_MANAGED, kP294},
    /* 295 PPME_SYSCALL_SETPGID_X */ {"setpgid", EC_PROCESS | EC_SYSCALL, EF_CONVERTER_MANAGED, kP295},
    /* 296 PPME_SYSCALL_BPF_E */ {"bpf", EC_OTHER | EC_SYSCALL, EF_OLD_VERSION | EF_CREATES_FD | EF_CONVERTER_MANAGED, kP296},
    /* 297 PPME_SYSCALL_BPF_X */ {"bpf", EC_OTHER | EC_SYSCALL, EF_OLD_VERSION | EF_CREATES_FD | EF_CONVERTER_MANAGED, kP297},
    /* 298 PPME_SYSCALL_SECCOMP_E */ {"seccomp", EC_OTHER | EC_SYSCALL, EF_OLD_VERSION | EF_CONVERTER_MANAGED, kP298},
    /* 299 PPME_SYSCALL_SECCOMP_X */ {"seccomp", EC_OTHER | EC_SYSCALL, EF_CONVERTER_MANAGED, kP299},
    /* 300 PPME_SYSCALL_UNLINK_2_E */ {"unlink", EC_FILE | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 301 PPME_SYSCALL_UNLINK_2_X */ {"unlink", EC_FILE | EC_SYSCALL, EF_NONE, kP301},
    /* 302 PPME_SYSCALL_UNLINKAT_2_E */ {"unlinkat", EC_FILE | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 303 PPME_SYSCALL_UNLINKAT_2_X */ {"unlinkat", EC_FILE | EC_SYSCALL, EF_USES_FD, kP303},
    /* 304 PPME_SYSCALL_MKDIRAT_E */ {"mkdirat", EC_FILE | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 305 PPME_SYSCALL_MKDIRAT_X */ {"mkdirat", EC_FILE | EC_SYSCALL, EF_USES_FD, kP305},
    /* 306 PPME_SYSCALL_OPENAT_2_E */ {"openat", EC_FILE | EC_SYSCALL, EF_CREATES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP306},
    /* 307 PPME_SYSCALL_OPENAT_2_X */ {"openat", EC_FILE | EC_SYSCALL, EF_CREATES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP307},
    /* 308 PPME_SYSCALL_LINK_2_E */ {"link", EC_FILE | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 309 PPME_SYSCALL_LINK_2_X */ {"link", EC_FILE | EC_SYSCALL, EF_NONE, kP309},
    /* 310 PPME_SYSCALL_LINKAT_2_E */ {"linkat", EC_FILE | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 311 PPME_SYSCALL_LINKAT_2_X */ {"linkat", EC_FILE | EC_SYSCALL, EF_NONE, kP311},
    /* 312 PPME_SYSCALL_FCHMODAT_E */ {"fchmodat", EC_FILE | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 313 PPME_SYSCALL_FCHMODAT_X */ {"fchmodat", EC_FILE | EC_SYSCALL, EF_USES_FD, kP313},
    /* 314 PPME_SYSCALL_CHMOD_E */ {"chmod", EC_FILE | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 315 PPME_SYSCALL_CHMOD_X */ {"chmod", EC_FILE | EC_SYSCALL, EF_NONE, kP315},
    /* 316 PPME_SYSCALL_FCHMOD_E */ {"fchmod", EC_FILE | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 317 PPME_SYSCALL_FCHMOD_X */ {"fchmod", EC_FILE | EC_SYSCALL, EF_USES_FD, kP317},
    /* 318 PPME_SYSCALL_RENAMEAT2_E */ {"renameat2", EC_FILE | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 319 PPME_SYSCALL_RENAMEAT2_X */ {"renameat2", EC_FILE | EC_SYSCALL, EF_NONE, kP319},
    /* 320 PPME_SYSCALL_USERFAULTFD_E */ {"userfaultfd", EC_FILE | EC_SYSCALL, EF_OLD_VERSION | EF_CREATES_FD | EF_MODIFIES_STATE, kNoParams},
    /* 321 PPME_SYSCALL_USERFAULTFD_X */ {"userfaultfd", EC_FILE | EC_SYSCALL, EF_CREATES_FD | EF_MODIFIES_STATE, kP321},
    /* 322 PPME_PLUGINEVENT_E */ {"pluginevent", EC_OTHER | EC_PLUGIN, EF_LARGE_PAYLOAD, kP322},
    /* 323 PPME_PLUGINEVENT_X */ {"pluginevent", EC_OTHER, EF_UNUSED, kNoParams},
    /* 324 PPME_CONTAINER_JSON_2_E */ {"container", EC_PROCESS | EC_METAEVENT, EF_MODIFIES_STATE | EF_LARGE_PAYLOAD, kP324},
    /* 325 PPME_CONTAINER_JSON_2_X */ {"container", EC_PROCESS, EF_UNUSED, kNoParams},
    /* 326 PPME_SYSCALL_OPENAT2_E */ {"openat2", EC_FILE | EC_SYSCALL, EF_CREATES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP326},
    /* 327 PPME_SYSCALL_OPENAT2_X */ {"openat2", EC_FILE | EC_SYSCALL, EF_CREATES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP327},
    /* 328 PPME_SYSCALL_MPROTECT_E */ {"mprotect", EC_MEMORY | EC_SYSCALL, EF_OLD_VERSION | EF_CONVERTER_MANAGED, kP328},
    /* 329 PPME_SYSCALL_MPROTECT_X */ {"mprotect", EC_MEMORY | EC_SYSCALL, EF_CONVERTER_MANAGED, kP329},
    /* 330 PPME_SYSCALL_EXECVEAT_E */ {"execveat", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP330},
    /* 331 PPME_SYSCALL_EXECVEAT_X */ {"execveat", EC_PROCESS | EC_SYSCALL, EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP331},
    /* 332 PPME_SYSCALL_COPY_FILE_RANGE_E */ {"copy_file_range", EC_FILE | EC_SYSCALL, EF_OLD_VERSION | EF_USES_FD | EF_READS_FROM_FD | EF_WRITES_TO_FD | EF_CONVERTER_MANAGED, kP332},
    /* 333 PPME_SYSCALL_COPY_FILE_RANGE_X */ {"copy_file_range", EC_FILE | EC_SYSCALL, EF_USES_FD | EF_READS_FROM_FD | EF_WRITES_TO_FD | EF_CONVERTER_MANAGED, kP333},
    /* 334 PPME_SYSCALL_CLONE3_E */ {"clone3", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE, kNoParams},
    /* 335 PPME_SYSCALL_CLONE3_X */ {"clone3", EC_PROCESS | EC_SYSCALL, EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP335},
    /* 336 PPME_SYSCALL_OPEN_BY_HANDLE_AT_E */ {"open_by_handle_at", EC_FILE | EC_SYSCALL, EF_OLD_VERSION | EF_CREATES_FD | EF_MODIFIES_STATE, kNoParams},
    /* 337 PPME_SYSCALL_OPEN_BY_HANDLE_AT_X */ {"open_by_handle_at", EC_FILE | EC_SYSCALL, EF_CREATES_FD | EF_MODIFIES_STATE, kP337},
    /* 338 PPME_SYSCALL_IO_URING_SETUP_E */ {"io_uring_setup", EC_IO_OTHER | EC_SYSCALL, EF_OLD_VERSION | EF_CREATES_FD | EF_MODIFIES_STATE, kNoParams},
    /* 339 PPME_SYSCALL_IO_URING_SETUP_X */ {"io_uring_setup", EC_IO_OTHER | EC_SYSCALL, EF_CREATES_FD | EF_MODIFIES_STATE, kP339},
};

}  // namespace saker::events::detail
