// Event table, ids 0..119 (extracted once from the public scap format facts;
// maintained by hand from now on).
// Each event: name, category, flags and params (name, type, print format, flag names or dirfd).
#include "engine/events/schema_tables.h"

#include "engine/events/flag_names.h"

namespace saker::events::detail {
namespace {

using T = ParamType;
using F = PrintFormat;
using namespace flag_tables;


constexpr ParamInfo kP0[] = {
    {"ID", T::Syscallid, F::Dec, {}},
    {"nativeID", T::Uint16, F::Dec, {}},
};
constexpr ParamInfo kP1[] = {
    {"ID", T::Syscallid, F::Dec, {}},
    {"nativeID", T::Uint16, F::Dec, {}},
};
constexpr ParamInfo kP2[] = {
    {"name", T::Fspath, F::NA, {}},
    {"flags", T::Flags32, F::Hex, kFileFlags},
    {"mode", T::Uint32, F::Oct, {}},
};
constexpr ParamInfo kP3[] = {
    {"fd", T::Fd, F::Dec, {}},
    {"name", T::Fspath, F::NA, {}},
    {"flags", T::Flags32, F::Hex, kFileFlags},
    {"mode", T::Uint32, F::Oct, {}},
    {"dev", T::Uint32, F::Hex, {}},
    {"ino", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP4[] = {{"fd", T::Fd, F::Dec, {}}};
constexpr ParamInfo kP5[] = {
    {"res", T::Errno, F::Dec, {}},
    {"fd", T::Fd, F::Dec, {}},
};
constexpr ParamInfo kP6[] = {
    {"fd", T::Fd, F::Dec, {}},
    {"size", T::Uint32, F::Dec, {}},
};
constexpr ParamInfo kP7[] = {
    {"res", T::Errno, F::Dec, {}},
    {"data", T::Bytebuf, F::NA, {}},
    {"fd", T::Fd, F::Dec, {}},
    {"size", T::Uint32, F::Dec, {}},
};
constexpr ParamInfo kP8[] = {
    {"fd", T::Fd, F::Dec, {}},
    {"size", T::Uint32, F::Dec, {}},
};
constexpr ParamInfo kP9[] = {
    {"res", T::Errno, F::Dec, {}},
    {"data", T::Bytebuf, F::NA, {}},
    {"fd", T::Fd, F::Dec, {}},
    {"size", T::Uint32, F::Dec, {}},
};
constexpr ParamInfo kP10[] = {{"size", T::Uint32, F::Dec, {}}};
constexpr ParamInfo kP11[] = {{"res", T::Uint64, F::Hex, {}}};
constexpr ParamInfo kP13[] = {
    {"res", T::Errno, F::Dec, {}},
    {"exe", T::Charbuf, F::NA, {}},
    {"args", T::Bytebuf, F::NA, {}},
    {"tid", T::Pid, F::Dec, {}},
    {"pid", T::Pid, F::Dec, {}},
    {"ptid", T::Pid, F::Dec, {}},
    {"cwd", T::Charbuf, F::NA, {}},
    {"fdlimit", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP15[] = {
    {"res", T::Pid, F::Dec, {}},
    {"exe", T::Charbuf, F::NA, {}},
    {"args", T::Bytebuf, F::NA, {}},
    {"tid", T::Pid, F::Dec, {}},
    {"pid", T::Pid, F::Dec, {}},
    {"ptid", T::Pid, F::Dec, {}},
    {"cwd", T::Charbuf, F::NA, {}},
    {"fdlimit", T::Int64, F::Dec, {}},
    {"flags", T::Flags32, F::Hex, kCloneFlags},
    {"uid", T::Uint32, F::Dec, {}},
    {"gid", T::Uint32, F::Dec, {}},
};
constexpr ParamInfo kP18[] = {
    {"domain", T::Flags32, F::Dec, kSocketFamilies},
    {"type", T::Uint32, F::Dec, {}},
    {"proto", T::Uint32, F::Dec, {}},
};
constexpr ParamInfo kP19[] = {
    {"fd", T::Fd, F::Dec, {}},
    {"domain", T::Enumflags32, F::Dec, kSocketFamilies},
    {"type", T::Uint32, F::Dec, {}},
    {"proto", T::Uint32, F::Dec, {}},
    {"flags", T::Flags32, F::Hex, kFileFlags},
};
constexpr ParamInfo kP20[] = {{"fd", T::Fd, F::Dec, {}}};
constexpr ParamInfo kP21[] = {
    {"res", T::Errno, F::Dec, {}},
    {"addr", T::Sockaddr, F::NA, {}},
    {"fd", T::Fd, F::Dec, {}},
};
constexpr ParamInfo kP22[] = {
    {"fd", T::Fd, F::Dec, {}},
    {"addr", T::Sockaddr, F::NA, {}},
};
constexpr ParamInfo kP23[] = {
    {"res", T::Errno, F::Dec, {}},
    {"tuple", T::Socktuple, F::NA, {}},
    {"fd", T::Fd, F::Dec, {}},
    {"addr", T::Sockaddr, F::NA, {}},
};
constexpr ParamInfo kP24[] = {
    {"fd", T::Fd, F::Dec, {}},
    {"backlog", T::Uint32, F::Dec, {}},
};
constexpr ParamInfo kP25[] = {
    {"res", T::Errno, F::Dec, {}},
    {"fd", T::Fd, F::Dec, {}},
    {"backlog", T::Int32, F::Dec, {}},
};
constexpr ParamInfo kP27[] = {
    {"fd", T::Fd, F::Dec, {}},
    {"tuple", T::Socktuple, F::NA, {}},
    {"queuepct", T::Uint8, F::Dec, {}},
};
constexpr ParamInfo kP28[] = {
    {"fd", T::Fd, F::Dec, {}},
    {"size", T::Uint32, F::Dec, {}},
};
constexpr ParamInfo kP29[] = {
    {"res", T::Errno, F::Dec, {}},
    {"data", T::Bytebuf, F::NA, {}},
    {"fd", T::Fd, F::Dec, {}},
    {"size", T::Uint32, F::Dec, {}},
    {"tuple", T::Socktuple, F::NA, {}},
};
constexpr ParamInfo kP30[] = {
    {"fd", T::Fd, F::Dec, {}},
    {"size", T::Uint32, F::Dec, {}},
    {"tuple", T::Socktuple, F::NA, {}},
};
constexpr ParamInfo kP31[] = {
    {"res", T::Errno, F::Dec, {}},
    {"data", T::Bytebuf, F::NA, {}},
    {"fd", T::Fd, F::Dec, {}},
    {"size", T::Uint32, F::Dec, {}},
    {"tuple", T::Socktuple, F::NA, {}},
};
constexpr ParamInfo kP32[] = {
    {"fd", T::Fd, F::Dec, {}},
    {"size", T::Uint32, F::Dec, {}},
};
constexpr ParamInfo kP33[] = {
    {"res", T::Errno, F::Dec, {}},
    {"data", T::Bytebuf, F::NA, {}},
    {"fd", T::Fd, F::Dec, {}},
    {"size", T::Uint32, F::Dec, {}},
    {"tuple", T::Socktuple, F::NA, {}},
};
constexpr ParamInfo kP34[] = {
    {"fd", T::Fd, F::Dec, {}},
    {"size", T::Uint32, F::Dec, {}},
};
constexpr ParamInfo kP35[] = {
    {"res", T::Errno, F::Dec, {}},
    {"data", T::Bytebuf, F::NA, {}},
    {"tuple", T::Socktuple, F::NA, {}},
    {"fd", T::Fd, F::Dec, {}},
    {"size", T::Uint32, F::Dec, {}},
};
constexpr ParamInfo kP36[] = {
    {"fd", T::Fd, F::Dec, {}},
    {"how", T::Flags8, F::Hex, kShutdownHow},
};
constexpr ParamInfo kP37[] = {
    {"res", T::Errno, F::Dec, {}},
    {"fd", T::Fd, F::Dec, {}},
    {"how", T::Enumflags8, F::Hex, kShutdownHow},
};
constexpr ParamInfo kP42[] = {
    {"domain", T::Flags32, F::Dec, kSocketFamilies},
    {"type", T::Uint32, F::Dec, {}},
    {"proto", T::Uint32, F::Dec, {}},
};
constexpr ParamInfo kP43[] = {
    {"res", T::Errno, F::Dec, {}},
    {"fd1", T::Fd, F::Dec, {}},
    {"fd2", T::Fd, F::Dec, {}},
    {"source", T::Uint64, F::Hex, {}},
    {"peer", T::Uint64, F::Hex, {}},
    {"domain", T::Enumflags32, F::Dec, kSocketFamilies},
    {"type", T::Uint32, F::Dec, {}},
    {"proto", T::Uint32, F::Dec, {}},
};
constexpr ParamInfo kP45[] = {
    {"res", T::Errno, F::Dec, {}},
    {"fd", T::Fd, F::Dec, {}},
    {"level", T::Flags8, F::Dec, kSockoptLevels},
    {"optname", T::Flags8, F::Dec, kSockoptOptions},
    {"val", T::Dyn, F::Dec, {}, -1, kSockoptDynamicParam},
    {"optlen", T::Uint32, F::Dec, {}},
};
constexpr ParamInfo kP47[] = {
    {"res", T::Errno, F::Dec, {}},
    {"fd", T::Fd, F::Dec, {}},
    {"level", T::Flags8, F::Dec, kSockoptLevels},
    {"optname", T::Flags8, F::Dec, kSockoptOptions},
    {"val", T::Dyn, F::Dec, {}, -1, kSockoptDynamicParam},
    {"optlen", T::Uint32, F::Dec, {}},
};
constexpr ParamInfo kP48[] = {
    {"fd", T::Fd, F::Dec, {}},
    {"size", T::Uint32, F::Dec, {}},
    {"tuple", T::Socktuple, F::NA, {}},
};
constexpr ParamInfo kP49[] = {
    {"res", T::Errno, F::Dec, {}},
    {"data", T::Bytebuf, F::NA, {}},
    {"fd", T::Fd, F::Dec, {}},
    {"size", T::Uint32, F::Dec, {}},
    {"tuple", T::Socktuple, F::NA, {}},
};
constexpr ParamInfo kP51[] = {
    {"res", T::Errno, F::Dec, {}},
    {"fd", T::Fd, F::Dec, {}},
    {"size", T::Uint32, F::Dec, {}},
    {"data", T::Bytebuf, F::NA, {}},
    {"tuple", T::Socktuple, F::NA, {}},
};
constexpr ParamInfo kP52[] = {{"fd", T::Fd, F::Dec, {}}};
constexpr ParamInfo kP53[] = {
    {"res", T::Errno, F::Dec, {}},
    {"size", T::Uint32, F::Dec, {}},
    {"data", T::Bytebuf, F::NA, {}},
    {"tuple", T::Socktuple, F::NA, {}},
    {"msgcontrol", T::Bytebuf, F::NA, {}},
    {"fd", T::Fd, F::Dec, {}},
};
constexpr ParamInfo kP55[] = {
    {"res", T::Errno, F::Dec, {}},
    {"fd", T::Fd, F::Dec, {}},
    {"size", T::Uint32, F::Dec, {}},
    {"data", T::Bytebuf, F::NA, {}},
    {"tuple", T::Socktuple, F::NA, {}},
    {"msgcontrol", T::Bytebuf, F::NA, {}},
};
constexpr ParamInfo kP56[] = {{"flags", T::Int32, F::Hex, {}}};
constexpr ParamInfo kP57[] = {
    {"fd", T::Fd, F::Dec, {}},
    {"tuple", T::Socktuple, F::NA, {}},
    {"queuepct", T::Uint8, F::Dec, {}},
};
constexpr ParamInfo kP58[] = {
    {"name", T::Fspath, F::NA, {}},
    {"mode", T::Uint32, F::Oct, {}},
};
constexpr ParamInfo kP59[] = {
    {"fd", T::Fd, F::Dec, {}},
    {"name", T::Fspath, F::NA, {}},
    {"mode", T::Uint32, F::Oct, {}},
    {"dev", T::Uint32, F::Hex, {}},
    {"ino", T::Uint64, F::Dec, {}},
    {"creat_flags", T::Flags16, F::Hex, kCreatFlags},
};
constexpr ParamInfo kP61[] = {
    {"res", T::Errno, F::Dec, {}},
    {"fd1", T::Fd, F::Dec, {}},
    {"fd2", T::Fd, F::Dec, {}},
    {"ino", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP62[] = {
    {"initval", T::Uint64, F::Dec, {}},
    {"flags", T::Flags32, F::Hex, {}},
};
constexpr ParamInfo kP63[] = {
    {"res", T::Fd, F::Dec, {}},
    {"initval", T::Uint64, F::Dec, {}},
    {"flags", T::Uint32, F::Hex, {}},
};
constexpr ParamInfo kP64[] = {
    {"addr", T::Uint64, F::Hex, {}},
    {"op", T::Flags16, F::Hex, kFutexOperations},
    {"val", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP65[] = {
    {"res", T::Errno, F::Dec, {}},
    {"addr", T::Uint64, F::Hex, {}},
    {"op", T::Flags16, F::Hex, kFutexOperations},
    {"val", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP67[] = {
    {"res", T::Errno, F::Dec, {}},
    {"path", T::Fspath, F::NA, {}},
};
constexpr ParamInfo kP69[] = {
    {"res", T::Errno, F::Dec, {}},
    {"path", T::Fspath, F::NA, {}},
};
constexpr ParamInfo kP70[] = {{"fd", T::Fd, F::NA, {}}};
constexpr ParamInfo kP71[] = {
    {"res", T::Errno, F::Dec, {}},
    {"fd", T::Fd, F::NA, {}},
};
constexpr ParamInfo kP73[] = {
    {"res", T::Errno, F::Dec, {}},
    {"path", T::Fspath, F::NA, {}},
};
constexpr ParamInfo kP75[] = {
    {"res", T::Errno, F::Dec, {}},
    {"path", T::Fspath, F::NA, {}},
};
constexpr ParamInfo kP76[] = {{"fd", T::Fd, F::NA, {}}};
constexpr ParamInfo kP77[] = {{"res", T::Errno, F::Dec, {}}};
constexpr ParamInfo kP78[] = {{"maxevents", T::Errno, F::Dec, {}}};
constexpr ParamInfo kP79[] = {
    {"res", T::Errno, F::Dec, {}},
    {"maxevents", T::Errno, F::Dec, {}},
};
constexpr ParamInfo kP80[] = {
    {"fds", T::Fdlist, F::Dec, {}},
    {"timeout", T::Int64, F::Dec, {}},
};
constexpr ParamInfo kP81[] = {
    {"res", T::Errno, F::Dec, {}},
    {"fds", T::Fdlist, F::Dec, {}},
    {"timeout", T::Int64, F::Dec, {}},
};
constexpr ParamInfo kP83[] = {{"res", T::Errno, F::Dec, {}}};
constexpr ParamInfo kP85[] = {{"res", T::Errno, F::Dec, {}}};
constexpr ParamInfo kP86[] = {
    {"fd", T::Fd, F::Dec, {}},
    {"offset", T::Uint64, F::Dec, {}},
    {"whence", T::Flags8, F::Dec, kLseekWhence},
};
constexpr ParamInfo kP87[] = {
    {"res", T::Errno, F::Dec, {}},
    {"fd", T::Fd, F::Dec, {}},
    {"offset", T::Uint64, F::Dec, {}},
    {"whence", T::Enumflags8, F::Dec, kLseekWhence},
};
constexpr ParamInfo kP88[] = {
    {"fd", T::Fd, F::Dec, {}},
    {"offset", T::Uint64, F::Dec, {}},
    {"whence", T::Flags8, F::Dec, kLseekWhence},
};
constexpr ParamInfo kP89[] = {
    {"res", T::Errno, F::Dec, {}},
    {"fd", T::Fd, F::Dec, {}},
    {"offset", T::Uint64, F::Dec, {}},
    {"whence", T::Enumflags8, F::Dec, kLseekWhence},
};
constexpr ParamInfo kP90[] = {
    {"fd", T::Fd, F::Dec, {}},
    {"request", T::Uint64, F::Hex, {}},
};
constexpr ParamInfo kP91[] = {{"res", T::Errno, F::Dec, {}}};
constexpr ParamInfo kP93[] = {
    {"res", T::Errno, F::Dec, {}},
    {"path", T::Charbuf, F::NA, {}},
};
constexpr ParamInfo kP95[] = {
    {"res", T::Errno, F::Dec, {}},
    {"path", T::Charbuf, F::NA, {}},
};
constexpr ParamInfo kP96[] = {{"fd", T::Fd, F::NA, {}}};
constexpr ParamInfo kP97[] = {
    {"res", T::Errno, F::Dec, {}},
    {"fd", T::Fd, F::NA, {}},
};
constexpr ParamInfo kP98[] = {
    {"path", T::Fspath, F::NA, {}},
    {"mode", T::Uint32, F::Hex, {}},
};
constexpr ParamInfo kP99[] = {{"res", T::Errno, F::Dec, {}}};
constexpr ParamInfo kP100[] = {{"path", T::Fspath, F::NA, {}}};
constexpr ParamInfo kP101[] = {{"res", T::Errno, F::Dec, {}}};
constexpr ParamInfo kP102[] = {
    {"dirfd", T::Fd, F::Dec, {}},
    {"name", T::Charbuf, F::NA, {}},
    {"flags", T::Flags32, F::Hex, kFileFlags},
    {"mode", T::Uint32, F::Oct, {}},
};
constexpr ParamInfo kP103[] = {{"fd", T::Fd, F::Dec, {}}};
constexpr ParamInfo kP104[] = {
    {"oldpath", T::Fspath, F::NA, {}},
    {"newpath", T::Fspath, F::NA, {}},
};
constexpr ParamInfo kP105[] = {{"res", T::Errno, F::Dec, {}}};
constexpr ParamInfo kP106[] = {
    {"olddir", T::Fd, F::Dec, {}},
    {"oldpath", T::Charbuf, F::NA, {}},
    {"newdir", T::Fd, F::Dec, {}},
    {"newpath", T::Charbuf, F::NA, {}},
};
constexpr ParamInfo kP107[] = {{"res", T::Errno, F::Dec, {}}};
constexpr ParamInfo kP108[] = {{"path", T::Fspath, F::NA, {}}};
constexpr ParamInfo kP109[] = {{"res", T::Errno, F::Dec, {}}};
constexpr ParamInfo kP110[] = {
    {"dirfd", T::Fd, F::Dec, {}},
    {"name", T::Charbuf, F::NA, {}},
};
constexpr ParamInfo kP111[] = {{"res", T::Errno, F::Dec, {}}};
constexpr ParamInfo kP112[] = {
    {"fd", T::Fd, F::Dec, {}},
    {"size", T::Uint32, F::Dec, {}},
    {"pos", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP113[] = {
    {"res", T::Errno, F::Dec, {}},
    {"data", T::Bytebuf, F::NA, {}},
    {"fd", T::Fd, F::Dec, {}},
    {"size", T::Uint32, F::Dec, {}},
    {"pos", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP114[] = {
    {"fd", T::Fd, F::Dec, {}},
    {"size", T::Uint32, F::Dec, {}},
    {"pos", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP115[] = {
    {"res", T::Errno, F::Dec, {}},
    {"data", T::Bytebuf, F::NA, {}},
    {"fd", T::Fd, F::Dec, {}},
    {"size", T::Uint32, F::Dec, {}},
    {"pos", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP116[] = {{"fd", T::Fd, F::Dec, {}}};
constexpr ParamInfo kP117[] = {
    {"res", T::Errno, F::Dec, {}},
    {"size", T::Uint32, F::Dec, {}},
    {"data", T::Bytebuf, F::NA, {}},
    {"fd", T::Fd, F::Dec, {}},
};
constexpr ParamInfo kP118[] = {
    {"fd", T::Fd, F::Dec, {}},
    {"size", T::Uint32, F::Dec, {}},
};
constexpr ParamInfo kP119[] = {
    {"res", T::Errno, F::Dec, {}},
    {"data", T::Bytebuf, F::NA, {}},
    {"fd", T::Fd, F::Dec, {}},
    {"size", T::Uint32, F::Dec, {}},
};

}  // namespace

constinit const EventInfo kEventsPart0[120] = {
    /* 0 PPME_GENERIC_E */ {"syscall", EC_OTHER | EC_SYSCALL, EF_OLD_VERSION | EF_CONVERTER_MANAGED, kP0},
    /* 1 PPME_GENERIC_X */ {"syscall", EC_OTHER | EC_SYSCALL, EF_CONVERTER_MANAGED, kP1},
    /* 2 PPME_SYSCALL_OPEN_E */ {"open", EC_FILE | EC_SYSCALL, EF_CREATES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP2},
    /* 3 PPME_SYSCALL_OPEN_X */ {"open", EC_FILE | EC_SYSCALL, EF_CREATES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP3},
    /* 4 PPME_SYSCALL_CLOSE_E */ {"close", EC_IO_OTHER | EC_SYSCALL, EF_OLD_VERSION | EF_DESTROYS_FD | EF_USES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP4},
    /* 5 PPME_SYSCALL_CLOSE_X */ {"close", EC_IO_OTHER | EC_SYSCALL, EF_DESTROYS_FD | EF_USES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP5},
    /* 6 PPME_SYSCALL_READ_E */ {"read", EC_IO_READ | EC_SYSCALL, EF_OLD_VERSION | EF_USES_FD | EF_READS_FROM_FD | EF_CONVERTER_MANAGED, kP6},
    /* 7 PPME_SYSCALL_READ_X */ {"read", EC_IO_READ | EC_SYSCALL, EF_USES_FD | EF_READS_FROM_FD | EF_CONVERTER_MANAGED, kP7},
    /* 8 PPME_SYSCALL_WRITE_E */ {"write", EC_IO_WRITE | EC_SYSCALL, EF_OLD_VERSION | EF_USES_FD | EF_WRITES_TO_FD | EF_CONVERTER_MANAGED, kP8},
    /* 9 PPME_SYSCALL_WRITE_X */ {"write", EC_IO_WRITE | EC_SYSCALL, EF_USES_FD | EF_WRITES_TO_FD | EF_CONVERTER_MANAGED, kP9},
    /* 10 PPME_SYSCALL_BRK_1_E */ {"brk", EC_MEMORY | EC_SYSCALL, EF_OLD_VERSION | EF_CONVERTER_MANAGED, kP10},
    /* 11 PPME_SYSCALL_BRK_1_X */ {"brk", EC_MEMORY | EC_SYSCALL, EF_OLD_VERSION | EF_CONVERTER_MANAGED, kP11},
    /* 12 PPME_SYSCALL_EXECVE_8_E */ {"execve", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kNoParams},
    /* 13 PPME_SYSCALL_EXECVE_8_X */ {"execve", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP13},
    /* 14 PPME_SYSCALL_CLONE_11_E */ {"clone", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE, kNoParams},
    /* 15 PPME_SYSCALL_CLONE_11_X */ {"clone", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP15},
    /* 16 PPME_PROCEXIT_E */ {"procexit", EC_PROCESS | EC_TRACEPOINT, EF_OLD_VERSION | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kNoParams},
    /* 17 PPME_PROCEXIT_X */ {"NA1", EC_PROCESS, EF_UNUSED, kNoParams},
    /* 18 PPME_SOCKET_SOCKET_E */ {"socket", EC_NET | EC_SYSCALL, EF_OLD_VERSION | EF_CREATES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP18},
    /* 19 PPME_SOCKET_SOCKET_X */ {"socket", EC_NET | EC_SYSCALL, EF_CREATES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP19},
    /* 20 PPME_SOCKET_BIND_E */ {"bind", EC_NET | EC_SYSCALL, EF_OLD_VERSION | EF_USES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP20},
    /* 21 PPME_SOCKET_BIND_X */ {"bind", EC_NET | EC_SYSCALL, EF_USES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP21},
    /* 22 PPME_SOCKET_CONNECT_E */ {"connect", EC_NET | EC_SYSCALL, EF_USES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP22},
    /* 23 PPME_SOCKET_CONNECT_X */ {"connect", EC_NET | EC_SYSCALL, EF_USES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP23},
    /* 24 PPME_SOCKET_LISTEN_E */ {"listen", EC_NET | EC_SYSCALL, EF_OLD_VERSION | EF_USES_FD | EF_CONVERTER_MANAGED, kP24},
    /* 25 PPME_SOCKET_LISTEN_X */ {"listen", EC_NET | EC_SYSCALL, EF_USES_FD | EF_CONVERTER_MANAGED, kP25},
    /* 26 PPME_SOCKET_ACCEPT_E */ {"accept", EC_NET | EC_SYSCALL, EF_OLD_VERSION | EF_CREATES_FD | EF_MODIFIES_STATE, kNoParams},
    /* 27 PPME_SOCKET_ACCEPT_X */ {"accept", EC_NET | EC_SYSCALL, EF_OLD_VERSION | EF_CREATES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP27},
    /* 28 PPME_SOCKET_SEND_E */ {"send", EC_IO_WRITE | EC_SYSCALL, EF_OLD_VERSION | EF_USES_FD | EF_WRITES_TO_FD | EF_CONVERTER_MANAGED, kP28},
    /* 29 PPME_SOCKET_SEND_X */ {"send", EC_IO_WRITE | EC_SYSCALL, EF_USES_FD | EF_WRITES_TO_FD | EF_CONVERTER_MANAGED, kP29},
    /* 30 PPME_SOCKET_SENDTO_E */ {"sendto", EC_IO_WRITE | EC_SYSCALL, EF_OLD_VERSION | EF_USES_FD | EF_WRITES_TO_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP30},
    /* 31 PPME_SOCKET_SENDTO_X */ {"sendto", EC_IO_WRITE | EC_SYSCALL, EF_USES_FD | EF_WRITES_TO_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP31},
    /* 32 PPME_SOCKET_RECV_E */ {"recv", EC_IO_READ | EC_SYSCALL, EF_OLD_VERSION | EF_USES_FD | EF_READS_FROM_FD | EF_CONVERTER_MANAGED, kP32},
    /* 33 PPME_SOCKET_RECV_X */ {"recv", EC_IO_READ | EC_SYSCALL, EF_USES_FD | EF_READS_FROM_FD | EF_CONVERTER_MANAGED, kP33},
    /* 34 PPME_SOCKET_RECVFROM_E */ {"recvfrom", EC_IO_READ | EC_SYSCALL, EF_OLD_VERSION | EF_USES_FD | EF_READS_FROM_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP34},
    /* 35 PPME_SOCKET_RECVFROM_X */ {"recvfrom", EC_IO_READ | EC_SYSCALL, EF_USES_FD | EF_READS_FROM_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP35},
    /* 36 PPME_SOCKET_SHUTDOWN_E */ {"shutdown", EC_NET | EC_SYSCALL, EF_OLD_VERSION | EF_USES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP36},
    /* 37 PPME_SOCKET_SHUTDOWN_X */ {"shutdown", EC_NET | EC_SYSCALL, EF_USES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP37},
    /* 38 PPME_SOCKET_GETSOCKNAME_E */ {"getsockname", EC_NET | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 39 PPME_SOCKET_GETSOCKNAME_X */ {"getsockname", EC_NET | EC_SYSCALL, EF_NONE, kNoParams},
    /* 40 PPME_SOCKET_GETPEERNAME_E */ {"getpeername", EC_NET | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 41 PPME_SOCKET_GETPEERNAME_X */ {"getpeername", EC_NET | EC_SYSCALL, EF_NONE, kNoParams},
    /* 42 PPME_SOCKET_SOCKETPAIR_E */ {"socketpair", EC_IPC | EC_SYSCALL, EF_OLD_VERSION | EF_CREATES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP42},
    /* 43 PPME_SOCKET_SOCKETPAIR_X */ {"socketpair", EC_IPC | EC_SYSCALL, EF_CREATES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP43},
    /* 44 PPME_SOCKET_SETSOCKOPT_E */ {"setsockopt", EC_NET | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 45 PPME_SOCKET_SETSOCKOPT_X */ {"setsockopt", EC_NET | EC_SYSCALL, EF_USES_FD, kP45},
    /* 46 PPME_SOCKET_GETSOCKOPT_E */ {"getsockopt", EC_NET | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE, kNoParams},
    /* 47 PPME_SOCKET_GETSOCKOPT_X */ {"getsockopt", EC_NET | EC_SYSCALL, EF_USES_FD | EF_MODIFIES_STATE, kP47},
    /* 48 PPME_SOCKET_SENDMSG_E */ {"sendmsg", EC_IO_WRITE | EC_SYSCALL, EF_OLD_VERSION | EF_USES_FD | EF_WRITES_TO_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP48},
    /* 49 PPME_SOCKET_SENDMSG_X */ {"sendmsg", EC_IO_WRITE | EC_SYSCALL, EF_USES_FD | EF_WRITES_TO_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP49},
    /* 50 PPME_SOCKET_SENDMMSG_E */ {"sendmmsg", EC_IO_WRITE | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 51 PPME_SOCKET_SENDMMSG_X */ {"sendmmsg", EC_IO_WRITE | EC_SYSCALL, EF_USES_FD | EF_WRITES_TO_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP51},
    /* 52 PPME_SOCKET_RECVMSG_E */ {"recvmsg", EC_IO_READ | EC_SYSCALL, EF_OLD_VERSION | EF_USES_FD | EF_READS_FROM_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP52},
    /* 53 PPME_SOCKET_RECVMSG_X */ {"recvmsg", EC_IO_READ | EC_SYSCALL, EF_USES_FD | EF_READS_FROM_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP53},
    /* 54 PPME_SOCKET_RECVMMSG_E */ {"recvmmsg", EC_IO_READ | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 55 PPME_SOCKET_RECVMMSG_X */ {"recvmmsg", EC_IO_READ | EC_SYSCALL, EF_USES_FD | EF_READS_FROM_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP55},
    /* 56 PPME_SOCKET_ACCEPT4_E */ {"accept", EC_NET | EC_SYSCALL, EF_OLD_VERSION | EF_CREATES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP56},
    /* 57 PPME_SOCKET_ACCEPT4_X */ {"accept", EC_NET | EC_SYSCALL, EF_OLD_VERSION | EF_CREATES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP57},
    /* 58 PPME_SYSCALL_CREAT_E */ {"creat", EC_FILE | EC_SYSCALL, EF_CREATES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP58},
    /* 59 PPME_SYSCALL_CREAT_X */ {"creat", EC_FILE | EC_SYSCALL, EF_CREATES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP59},
    /* 60 PPME_SYSCALL_PIPE_E */ {"pipe", EC_IPC | EC_SYSCALL, EF_OLD_VERSION | EF_CREATES_FD | EF_MODIFIES_STATE, kNoParams},
    /* 61 PPME_SYSCALL_PIPE_X */ {"pipe", EC_IPC | EC_SYSCALL, EF_CREATES_FD | EF_MODIFIES_STATE, kP61},
    /* 62 PPME_SYSCALL_EVENTFD_E */ {"eventfd", EC_IPC | EC_SYSCALL, EF_OLD_VERSION | EF_CREATES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP62},
    /* 63 PPME_SYSCALL_EVENTFD_X */ {"eventfd", EC_IPC | EC_SYSCALL, EF_CREATES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP63},
    /* 64 PPME_SYSCALL_FUTEX_E */ {"futex", EC_IPC | EC_SYSCALL, EF_OLD_VERSION | EF_CONVERTER_MANAGED, kP64},
    /* 65 PPME_SYSCALL_FUTEX_X */ {"futex", EC_IPC | EC_SYSCALL, EF_CONVERTER_MANAGED, kP65},
    /* 66 PPME_SYSCALL_STAT_E */ {"stat", EC_FILE | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 67 PPME_SYSCALL_STAT_X */ {"stat", EC_FILE | EC_SYSCALL, EF_NONE, kP67},
    /* 68 PPME_SYSCALL_LSTAT_E */ {"lstat", EC_FILE | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 69 PPME_SYSCALL_LSTAT_X */ {"lstat", EC_FILE | EC_SYSCALL, EF_NONE, kP69},
    /* 70 PPME_SYSCALL_FSTAT_E */ {"fstat", EC_FILE | EC_SYSCALL, EF_OLD_VERSION | EF_USES_FD | EF_CONVERTER_MANAGED, kP70},
    /* 71 PPME_SYSCALL_FSTAT_X */ {"fstat", EC_FILE | EC_SYSCALL, EF_USES_FD | EF_CONVERTER_MANAGED, kP71},
    /* 72 PPME_SYSCALL_STAT64_E */ {"stat64", EC_FILE | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 73 PPME_SYSCALL_STAT64_X */ {"stat64", EC_FILE | EC_SYSCALL, EF_NONE, kP73},
    /* 74 PPME_SYSCALL_LSTAT64_E */ {"lstat64", EC_FILE | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 75 PPME_SYSCALL_LSTAT64_X */ {"lstat64", EC_FILE | EC_SYSCALL, EF_NONE, kP75},
    /* 76 PPME_SYSCALL_FSTAT64_E */ {"fstat64", EC_FILE | EC_SYSCALL, EF_OLD_VERSION | EF_USES_FD, kP76},
    /* 77 PPME_SYSCALL_FSTAT64_X */ {"fstat64", EC_FILE | EC_SYSCALL, EF_NONE, kP77},
    /* 78 PPME_SYSCALL_EPOLLWAIT_E */ {"epoll_wait", EC_WAIT | EC_SYSCALL, EF_OLD_VERSION | EF_WAITS | EF_CONVERTER_MANAGED, kP78},
    /* 79 PPME_SYSCALL_EPOLLWAIT_X */ {"epoll_wait", EC_WAIT | EC_SYSCALL, EF_WAITS | EF_CONVERTER_MANAGED, kP79},
    /* 80 PPME_SYSCALL_POLL_E */ {"poll", EC_WAIT | EC_SYSCALL, EF_OLD_VERSION | EF_WAITS | EF_CONVERTER_MANAGED, kP80},
    /* 81 PPME_SYSCALL_POLL_X */ {"poll", EC_WAIT | EC_SYSCALL, EF_WAITS | EF_CONVERTER_MANAGED, kP81},
    /* 82 PPME_SYSCALL_SELECT_E */ {"select", EC_WAIT | EC_SYSCALL, EF_OLD_VERSION | EF_WAITS, kNoParams},
    /* 83 PPME_SYSCALL_SELECT_X */ {"select", EC_WAIT | EC_SYSCALL, EF_WAITS, kP83},
    /* 84 PPME_SYSCALL_NEWSELECT_E */ {"select", EC_WAIT | EC_SYSCALL, EF_OLD_VERSION | EF_WAITS, kNoParams},
    /* 85 PPME_SYSCALL_NEWSELECT_X */ {"select", EC_WAIT | EC_SYSCALL, EF_OLD_VERSION | EF_WAITS | EF_CONVERTER_MANAGED, kP85},
    /* 86 PPME_SYSCALL_LSEEK_E */ {"lseek", EC_FILE | EC_SYSCALL, EF_OLD_VERSION | EF_USES_FD | EF_CONVERTER_MANAGED, kP86},
    /* 87 PPME_SYSCALL_LSEEK_X */ {"lseek", EC_FILE | EC_SYSCALL, EF_USES_FD | EF_CONVERTER_MANAGED, kP87},
    /* 88 PPME_SYSCALL_LLSEEK_E */ {"llseek", EC_FILE | EC_SYSCALL, EF_OLD_VERSION | EF_USES_FD | EF_CONVERTER_MANAGED, kP88},
    /* 89 PPME_SYSCALL_LLSEEK_X */ {"llseek", EC_FILE | EC_SYSCALL, EF_USES_FD | EF_CONVERTER_MANAGED, kP89},
    /* 90 PPME_SYSCALL_IOCTL_2_E */ {"ioctl", EC_IO_OTHER | EC_SYSCALL, EF_OLD_VERSION | EF_USES_FD | EF_CONVERTER_MANAGED, kP90},
    /* 91 PPME_SYSCALL_IOCTL_2_X */ {"ioctl", EC_IO_OTHER | EC_SYSCALL, EF_OLD_VERSION | EF_USES_FD | EF_CONVERTER_MANAGED, kP91},
    /* 92 PPME_SYSCALL_GETCWD_E */ {"getcwd", EC_FILE | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 93 PPME_SYSCALL_GETCWD_X */ {"getcwd", EC_FILE | EC_SYSCALL, EF_NONE, kP93},
    /* 94 PPME_SYSCALL_CHDIR_E */ {"chdir", EC_FILE | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE, kNoParams},
    /* 95 PPME_SYSCALL_CHDIR_X */ {"chdir", EC_FILE | EC_SYSCALL, EF_MODIFIES_STATE, kP95},
    /* 96 PPME_SYSCALL_FCHDIR_E */ {"fchdir", EC_FILE | EC_SYSCALL, EF_OLD_VERSION | EF_USES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP96},
    /* 97 PPME_SYSCALL_FCHDIR_X */ {"fchdir", EC_FILE | EC_SYSCALL, EF_USES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP97},
    /* 98 PPME_SYSCALL_MKDIR_E */ {"mkdir", EC_FILE | EC_SYSCALL, EF_OLD_VERSION | EF_CONVERTER_MANAGED, kP98},
    /* 99 PPME_SYSCALL_MKDIR_X */ {"mkdir", EC_FILE | EC_SYSCALL, EF_OLD_VERSION | EF_CONVERTER_MANAGED, kP99},
    /* 100 PPME_SYSCALL_RMDIR_E */ {"rmdir", EC_FILE | EC_SYSCALL, EF_OLD_VERSION | EF_CONVERTER_MANAGED, kP100},
    /* 101 PPME_SYSCALL_RMDIR_X */ {"rmdir", EC_FILE | EC_SYSCALL, EF_OLD_VERSION | EF_CONVERTER_MANAGED, kP101},
    /* 102 PPME_SYSCALL_OPENAT_E */ {"openat", EC_FILE | EC_SYSCALL, EF_OLD_VERSION | EF_CREATES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP102},
    /* 103 PPME_SYSCALL_OPENAT_X */ {"openat", EC_FILE | EC_SYSCALL, EF_OLD_VERSION | EF_CREATES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP103},
    /* 104 PPME_SYSCALL_LINK_E */ {"link", EC_FILE | EC_SYSCALL, EF_OLD_VERSION | EF_CONVERTER_MANAGED, kP104},
    /* 105 PPME_SYSCALL_LINK_X */ {"link", EC_FILE | EC_SYSCALL, EF_OLD_VERSION | EF_CONVERTER_MANAGED, kP105},
    /* 106 PPME_SYSCALL_LINKAT_E */ {"linkat", EC_FILE | EC_SYSCALL, EF_OLD_VERSION | EF_CONVERTER_MANAGED, kP106},
    /* 107 PPME_SYSCALL_LINKAT_X */ {"linkat", EC_FILE | EC_SYSCALL, EF_OLD_VERSION | EF_CONVERTER_MANAGED, kP107},
    /* 108 PPME_SYSCALL_UNLINK_E */ {"unlink", EC_FILE | EC_SYSCALL, EF_OLD_VERSION | EF_CONVERTER_MANAGED, kP108},
    /* 109 PPME_SYSCALL_UNLINK_X */ {"unlink", EC_FILE | EC_SYSCALL, EF_OLD_VERSION | EF_CONVERTER_MANAGED, kP109},
    /* 110 PPME_SYSCALL_UNLINKAT_E */ {"unlinkat", EC_FILE | EC_SYSCALL, EF_OLD_VERSION | EF_CONVERTER_MANAGED, kP110},
    /* 111 PPME_SYSCALL_UNLINKAT_X */ {"unlinkat", EC_FILE | EC_SYSCALL, EF_OLD_VERSION | EF_CONVERTER_MANAGED, kP111},
    /* 112 PPME_SYSCALL_PREAD_E */ {"pread", EC_IO_READ | EC_SYSCALL, EF_OLD_VERSION | EF_USES_FD | EF_READS_FROM_FD | EF_CONVERTER_MANAGED, kP112},
    /* 113 PPME_SYSCALL_PREAD_X */ {"pread", EC_IO_READ | EC_SYSCALL, EF_USES_FD | EF_READS_FROM_FD | EF_CONVERTER_MANAGED, kP113},
    /* 114 PPME_SYSCALL_PWRITE_E */ {"pwrite", EC_IO_WRITE | EC_SYSCALL, EF_OLD_VERSION | EF_USES_FD | EF_WRITES_TO_FD | EF_CONVERTER_MANAGED, kP114},
    /* 115 PPME_SYSCALL_PWRITE_X */ {"pwrite", EC_IO_WRITE | EC_SYSCALL, EF_USES_FD | EF_WRITES_TO_FD | EF_CONVERTER_MANAGED, kP115},
    /* 116 PPME_SYSCALL_READV_E */ {"readv", EC_IO_READ | EC_SYSCALL, EF_OLD_VERSION | EF_USES_FD | EF_READS_FROM_FD | EF_CONVERTER_MANAGED, kP116},
    /* 117 PPME_SYSCALL_READV_X */ {"readv", EC_IO_READ | EC_SYSCALL, EF_USES_FD | EF_READS_FROM_FD | EF_CONVERTER_MANAGED, kP117},
    /* 118 PPME_SYSCALL_WRITEV_E */ {"writev", EC_IO_WRITE | EC_SYSCALL, EF_OLD_VERSION | EF_USES_FD | EF_WRITES_TO_FD | EF_CONVERTER_MANAGED, kP118},
    /* 119 PPME_SYSCALL_WRITEV_X */ {"writev", EC_IO_WRITE | EC_SYSCALL, EF_USES_FD | EF_WRITES_TO_FD | EF_CONVERTER_MANAGED, kP119},
};

}  // namespace saker::events::detail
