// Event table, ids 120..239 (extracted once from the public scap format facts;
// maintained by hand from now on).
// Each event: name, category, flags and params (name, type, print format, flag names or dirfd).
#include "engine/events/schema_tables.h"

#include "engine/events/flag_names.h"

namespace saker::events::detail {
namespace {

using T = ParamType;
using F = PrintFormat;
using namespace flag_tables;


constexpr ParamInfo kP120[] = {
    {"fd", T::Fd, F::Dec, {}},
    {"pos", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP121[] = {
    {"res", T::Errno, F::Dec, {}},
    {"size", T::Uint32, F::Dec, {}},
    {"data", T::Bytebuf, F::NA, {}},
    {"fd", T::Fd, F::Dec, {}},
    {"pos", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP122[] = {
    {"fd", T::Fd, F::Dec, {}},
    {"size", T::Uint32, F::Dec, {}},
    {"pos", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP123[] = {
    {"res", T::Errno, F::Dec, {}},
    {"data", T::Bytebuf, F::NA, {}},
    {"fd", T::Fd, F::Dec, {}},
    {"size", T::Uint32, F::Dec, {}},
    {"pos", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP124[] = {{"fd", T::Fd, F::Dec, {}}};
constexpr ParamInfo kP125[] = {{"res", T::Fd, F::Dec, {}}};
constexpr ParamInfo kP126[] = {
    {"fd", T::Fd, F::Dec, {}},
    {"mask", T::Uint32, F::Hex, {}},
    {"flags", T::Flags8, F::Hex, {}},
};
constexpr ParamInfo kP127[] = {
    {"res", T::Fd, F::Dec, {}},
    {"fd", T::Fd, F::Dec, {}},
    {"mask", T::Uint32, F::Hex, {}},
    {"flags", T::Uint8, F::Hex, {}},
};
constexpr ParamInfo kP128[] = {
    {"pid", T::Pid, F::Dec, {}},
    {"sig", T::Sigtype, F::Dec, {}},
};
constexpr ParamInfo kP129[] = {
    {"res", T::Errno, F::Dec, {}},
    {"pid", T::Pid, F::Dec, {}},
    {"sig", T::Sigtype, F::Dec, {}},
};
constexpr ParamInfo kP130[] = {
    {"tid", T::Pid, F::Dec, {}},
    {"sig", T::Sigtype, F::Dec, {}},
};
constexpr ParamInfo kP131[] = {
    {"res", T::Errno, F::Dec, {}},
    {"tid", T::Pid, F::Dec, {}},
    {"sig", T::Sigtype, F::Dec, {}},
};
constexpr ParamInfo kP132[] = {
    {"pid", T::Pid, F::Dec, {}},
    {"tid", T::Pid, F::Dec, {}},
    {"sig", T::Sigtype, F::Dec, {}},
};
constexpr ParamInfo kP133[] = {
    {"res", T::Errno, F::Dec, {}},
    {"pid", T::Pid, F::Dec, {}},
    {"tid", T::Pid, F::Dec, {}},
    {"sig", T::Sigtype, F::Dec, {}},
};
constexpr ParamInfo kP134[] = {{"interval", T::Reltime, F::Dec, {}}};
constexpr ParamInfo kP135[] = {
    {"res", T::Errno, F::Dec, {}},
    {"interval", T::Reltime, F::Dec, {}},
};
constexpr ParamInfo kP136[] = {
    {"clockid", T::Uint8, F::Dec, {}},
    {"flags", T::Flags8, F::Hex, {}},
};
constexpr ParamInfo kP137[] = {
    {"res", T::Fd, F::Dec, {}},
    {"clockid", T::Uint8, F::Dec, {}},
    {"flags", T::Uint8, F::Hex, {}},
};
constexpr ParamInfo kP138[] = {{"flags", T::Flags8, F::Hex, {}}};
constexpr ParamInfo kP139[] = {
    {"res", T::Fd, F::Dec, {}},
    {"flags", T::Uint8, F::Hex, {}},
};
constexpr ParamInfo kP140[] = {{"resource", T::Flags8, F::Dec, kRlimitResources}};
constexpr ParamInfo kP141[] = {
    {"res", T::Errno, F::Dec, {}},
    {"cur", T::Int64, F::Dec, {}},
    {"max", T::Int64, F::Dec, {}},
    {"resource", T::Enumflags8, F::Dec, kRlimitResources},
};
constexpr ParamInfo kP142[] = {{"resource", T::Flags8, F::Dec, kRlimitResources}};
constexpr ParamInfo kP143[] = {
    {"res", T::Errno, F::Dec, {}},
    {"cur", T::Int64, F::Dec, {}},
    {"max", T::Int64, F::Dec, {}},
    {"resource", T::Enumflags8, F::Dec, kRlimitResources},
};
constexpr ParamInfo kP144[] = {
    {"pid", T::Pid, F::Dec, {}},
    {"resource", T::Flags8, F::Dec, kRlimitResources},
};
constexpr ParamInfo kP145[] = {
    {"res", T::Errno, F::Dec, {}},
    {"newcur", T::Int64, F::Dec, {}},
    {"newmax", T::Int64, F::Dec, {}},
    {"oldcur", T::Int64, F::Dec, {}},
    {"oldmax", T::Int64, F::Dec, {}},
    {"pid", T::Int64, F::Dec, {}},
    {"resource", T::Enumflags8, F::Dec, kRlimitResources},
};
constexpr ParamInfo kP146[] = {{"next", T::Pid, F::Dec, {}}};
constexpr ParamInfo kP148[] = {{"ratio", T::Uint32, F::Dec, {}}};
constexpr ParamInfo kP149[] = {{"ratio", T::Uint32, F::Dec, {}}};
constexpr ParamInfo kP150[] = {
    {"fd", T::Fd, F::Dec, {}},
    {"cmd", T::Flags8, F::Dec, kFcntlCommands},
};
constexpr ParamInfo kP151[] = {
    {"res", T::Fd, F::Dec, {}},
    {"fd", T::Fd, F::Dec, {}},
    {"cmd", T::Enumflags8, F::Dec, kFcntlCommands},
    {"arg", T::Uint64, F::Hex, {}},
};
constexpr ParamInfo kP152[] = {
    {"next", T::Pid, F::Dec, {}},
    {"pgft_maj", T::Uint64, F::Dec, {}},
    {"pgft_min", T::Uint64, F::Dec, {}},
    {"vm_size", T::Uint32, F::Dec, {}},
    {"vm_rss", T::Uint32, F::Dec, {}},
    {"vm_swap", T::Uint32, F::Dec, {}},
};
constexpr ParamInfo kP155[] = {
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
};
constexpr ParamInfo kP157[] = {
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
    {"flags", T::Flags32, F::Hex, kCloneFlags},
    {"uid", T::Uint32, F::Dec, {}},
    {"gid", T::Uint32, F::Dec, {}},
};
constexpr ParamInfo kP158[] = {{"addr", T::Uint64, F::Hex, {}}};
constexpr ParamInfo kP159[] = {
    {"res", T::Uint64, F::Hex, {}},
    {"vm_size", T::Uint32, F::Dec, {}},
    {"vm_rss", T::Uint32, F::Dec, {}},
    {"vm_swap", T::Uint32, F::Dec, {}},
    {"addr", T::Uint64, F::Hex, {}},
};
constexpr ParamInfo kP160[] = {
    {"addr", T::Uint64, F::Hex, {}},
    {"length", T::Uint64, F::Dec, {}},
    {"prot", T::Flags32, F::Hex, kProtFlags},
    {"flags", T::Flags32, F::Hex, kMmapFlags},
    {"fd", T::Fd, F::Dec, {}},
    {"offset", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP161[] = {
    {"res", T::Uint64, F::Hex, {}},
    {"vm_size", T::Uint32, F::Dec, {}},
    {"vm_rss", T::Uint32, F::Dec, {}},
    {"vm_swap", T::Uint32, F::Dec, {}},
    {"addr", T::Uint64, F::Hex, {}},
    {"length", T::Uint64, F::Dec, {}},
    {"prot", T::Flags32, F::Hex, kProtFlags},
    {"flags", T::Flags32, F::Hex, kMmapFlags},
    {"fd", T::Fd, F::Dec, {}},
    {"offset", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP162[] = {
    {"addr", T::Uint64, F::Hex, {}},
    {"length", T::Uint64, F::Dec, {}},
    {"prot", T::Flags32, F::Hex, kProtFlags},
    {"flags", T::Flags32, F::Hex, kMmapFlags},
    {"fd", T::Fd, F::Dec, {}},
    {"pgoffset", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP163[] = {
    {"res", T::Uint64, F::Hex, {}},
    {"vm_size", T::Uint32, F::Dec, {}},
    {"vm_rss", T::Uint32, F::Dec, {}},
    {"vm_swap", T::Uint32, F::Dec, {}},
    {"addr", T::Uint64, F::Hex, {}},
    {"length", T::Uint64, F::Dec, {}},
    {"prot", T::Flags32, F::Hex, kProtFlags},
    {"flags", T::Flags32, F::Hex, kMmapFlags},
    {"fd", T::Fd, F::Dec, {}},
    {"pgoffset", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP164[] = {
    {"addr", T::Uint64, F::Hex, {}},
    {"length", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP165[] = {
    {"res", T::Errno, F::Dec, {}},
    {"vm_size", T::Uint32, F::Dec, {}},
    {"vm_rss", T::Uint32, F::Dec, {}},
    {"vm_swap", T::Uint32, F::Dec, {}},
    {"addr", T::Uint64, F::Hex, {}},
    {"length", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP166[] = {
    {"fd_in", T::Fd, F::Dec, {}},
    {"fd_out", T::Fd, F::Dec, {}},
    {"size", T::Uint64, F::Dec, {}},
    {"flags", T::Flags32, F::Hex, kSpliceFlags},
};
constexpr ParamInfo kP167[] = {
    {"res", T::Errno, F::Dec, {}},
    {"fd_in", T::Fd, F::Dec, {}},
    {"fd_out", T::Fd, F::Dec, {}},
    {"size", T::Uint64, F::Dec, {}},
    {"flags", T::Flags32, F::Hex, kSpliceFlags},
};
constexpr ParamInfo kP168[] = {
    {"request", T::Flags16, F::Dec, kPtraceRequests},
    {"pid", T::Pid, F::Dec, {}},
};
constexpr ParamInfo kP169[] = {
    {"res", T::Errno, F::Dec, {}},
    {"addr", T::Dyn, F::Hex, {}, -1, kPtraceDynamicParam},
    {"data", T::Dyn, F::Hex, {}, -1, kPtraceDynamicParam},
    {"request", T::Enumflags16, F::Dec, kPtraceRequests},
    {"pid", T::Pid, F::Dec, {}},
};
constexpr ParamInfo kP170[] = {
    {"fd", T::Fd, F::Dec, {}},
    {"request", T::Uint64, F::Hex, {}},
    {"argument", T::Uint64, F::Hex, {}},
};
constexpr ParamInfo kP171[] = {
    {"res", T::Errno, F::Dec, {}},
    {"fd", T::Fd, F::Dec, {}},
    {"request", T::Uint64, F::Hex, {}},
    {"argument", T::Uint64, F::Hex, {}},
};
constexpr ParamInfo kP173[] = {
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
    {"env", T::Bytebuf, F::NA, {}},
};
constexpr ParamInfo kP175[] = {
    {"res", T::Errno, F::Dec, {}},
    {"oldpath", T::Fspath, F::NA, {}},
    {"newpath", T::Fspath, F::NA, {}},
};
constexpr ParamInfo kP177[] = {
    {"res", T::Errno, F::Dec, {}},
    {"olddirfd", T::Fd, F::Dec, {}},
    {"oldpath", T::Fsrelpath, F::NA, {}, 1},
    {"newdirfd", T::Fd, F::Dec, {}},
    {"newpath", T::Fsrelpath, F::NA, {}, 3},
};
constexpr ParamInfo kP179[] = {
    {"res", T::Errno, F::Dec, {}},
    {"target", T::Charbuf, F::NA, {}},
    {"linkpath", T::Fspath, F::NA, {}},
};
constexpr ParamInfo kP181[] = {
    {"res", T::Errno, F::Dec, {}},
    {"target", T::Charbuf, F::NA, {}},
    {"linkdirfd", T::Fd, F::Dec, {}},
    {"linkpath", T::Fsrelpath, F::NA, {}, 2},
};
constexpr ParamInfo kP183[] = {
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
    {"flags", T::Flags32, F::Hex, kCloneFlags},
    {"uid", T::Uint32, F::Dec, {}},
    {"gid", T::Uint32, F::Dec, {}},
};
constexpr ParamInfo kP185[] = {
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
    {"flags", T::Flags32, F::Hex, kCloneFlags},
    {"uid", T::Uint32, F::Dec, {}},
    {"gid", T::Uint32, F::Dec, {}},
};
constexpr ParamInfo kP186[] = {
    {"status", T::Errno, F::Dec, {}},
    {"ret", T::Errno, F::Dec, {}},
    {"sig", T::Sigtype, F::Dec, {}},
    {"core", T::Uint8, F::Dec, {}},
    {"reaper_tid", T::Pid, F::Dec, {}},
};
constexpr ParamInfo kP188[] = {
    {"out_fd", T::Fd, F::Dec, {}},
    {"in_fd", T::Fd, F::Dec, {}},
    {"offset", T::Uint64, F::Dec, {}},
    {"size", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP189[] = {
    {"res", T::Errno, F::Dec, {}},
    {"offset", T::Uint64, F::Dec, {}},
    {"out_fd", T::Fd, F::Dec, {}},
    {"in_fd", T::Fd, F::Dec, {}},
    {"size", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP190[] = {
    {"cmd", T::Flags16, F::Dec, kQuotactlCmds},
    {"type", T::Flags8, F::Dec, kQuotactlTypes},
    {"id", T::Uint32, F::Dec, {}},
    {"quota_fmt", T::Flags8, F::Dec, kQuotactlQuotaFmts},
};
constexpr ParamInfo kP191[] = {
    {"res", T::Errno, F::Dec, {}},
    {"special", T::Charbuf, F::NA, {}},
    {"quotafilepath", T::Charbuf, F::NA, {}},
    {"dqb_bhardlimit", T::Uint64, F::Dec, {}},
    {"dqb_bsoftlimit", T::Uint64, F::Dec, {}},
    {"dqb_curspace", T::Uint64, F::Dec, {}},
    {"dqb_ihardlimit", T::Uint64, F::Dec, {}},
    {"dqb_isoftlimit", T::Uint64, F::Dec, {}},
    {"dqb_btime", T::Reltime, F::Dec, {}},
    {"dqb_itime", T::Reltime, F::Dec, {}},
    {"dqi_bgrace", T::Reltime, F::Dec, {}},
    {"dqi_igrace", T::Reltime, F::Dec, {}},
    {"dqi_flags", T::Flags8, F::Dec, kQuotactlDqiFlags},
    {"quota_fmt_out", T::Flags8, F::Dec, kQuotactlQuotaFmts},
    {"cmd", T::Flags16, F::Dec, kQuotactlCmds},
    {"type", T::Flags8, F::Dec, kQuotactlTypes},
    {"id", T::Uint32, F::Dec, {}},
    {"quota_fmt", T::Flags8, F::Dec, kQuotactlQuotaFmts},
};
constexpr ParamInfo kP192[] = {
    {"ruid", T::Uid, F::Dec, {}},
    {"euid", T::Uid, F::Dec, {}},
    {"suid", T::Uid, F::Dec, {}},
};
constexpr ParamInfo kP193[] = {
    {"res", T::Errno, F::Dec, {}},
    {"ruid", T::Uid, F::Dec, {}},
    {"euid", T::Uid, F::Dec, {}},
    {"suid", T::Uid, F::Dec, {}},
};
constexpr ParamInfo kP194[] = {
    {"rgid", T::Gid, F::Dec, {}},
    {"egid", T::Gid, F::Dec, {}},
    {"sgid", T::Gid, F::Dec, {}},
};
constexpr ParamInfo kP195[] = {
    {"res", T::Errno, F::Dec, {}},
    {"rgid", T::Gid, F::Dec, {}},
    {"egid", T::Gid, F::Dec, {}},
    {"sgid", T::Gid, F::Dec, {}},
};
constexpr ParamInfo kP196[] = {
    {"event_type", T::Uint32, F::Dec, {}},
    {"event_data", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP198[] = {{"uid", T::Uid, F::Dec, {}}};
constexpr ParamInfo kP199[] = {
    {"res", T::Errno, F::Dec, {}},
    {"uid", T::Uid, F::Dec, {}},
};
constexpr ParamInfo kP200[] = {{"gid", T::Gid, F::Dec, {}}};
constexpr ParamInfo kP201[] = {
    {"res", T::Errno, F::Dec, {}},
    {"gid", T::Gid, F::Dec, {}},
};
constexpr ParamInfo kP203[] = {{"uid", T::Uid, F::Dec, {}}};
constexpr ParamInfo kP205[] = {{"euid", T::Uid, F::Dec, {}}};
constexpr ParamInfo kP207[] = {{"gid", T::Gid, F::Dec, {}}};
constexpr ParamInfo kP209[] = {{"egid", T::Gid, F::Dec, {}}};
constexpr ParamInfo kP211[] = {
    {"res", T::Errno, F::Dec, {}},
    {"ruid", T::Uid, F::Dec, {}},
    {"euid", T::Uid, F::Dec, {}},
    {"suid", T::Uid, F::Dec, {}},
};
constexpr ParamInfo kP213[] = {
    {"res", T::Errno, F::Dec, {}},
    {"rgid", T::Gid, F::Dec, {}},
    {"egid", T::Gid, F::Dec, {}},
    {"sgid", T::Gid, F::Dec, {}},
};
constexpr ParamInfo kP215[] = {
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
    {"env", T::Bytebuf, F::NA, {}},
};
constexpr ParamInfo kP217[] = {
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
    {"flags", T::Flags32, F::Hex, kCloneFlags},
    {"uid", T::Uint32, F::Dec, {}},
    {"gid", T::Uint32, F::Dec, {}},
};
constexpr ParamInfo kP219[] = {
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
    {"flags", T::Flags32, F::Hex, kCloneFlags},
    {"uid", T::Uint32, F::Dec, {}},
    {"gid", T::Uint32, F::Dec, {}},
};
constexpr ParamInfo kP221[] = {
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
    {"flags", T::Flags32, F::Hex, kCloneFlags},
    {"uid", T::Uint32, F::Dec, {}},
    {"gid", T::Uint32, F::Dec, {}},
};
constexpr ParamInfo kP223[] = {
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
constexpr ParamInfo kP225[] = {
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
constexpr ParamInfo kP227[] = {
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
constexpr ParamInfo kP228[] = {
    {"id", T::Charbuf, F::NA, {}},
    {"type", T::Uint32, F::Dec, {}},
    {"name", T::Charbuf, F::NA, {}},
    {"image", T::Charbuf, F::NA, {}},
};
constexpr ParamInfo kP231[] = {
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
};
constexpr ParamInfo kP232[] = {
    {"spid", T::Pid, F::Dec, {}},
    {"dpid", T::Pid, F::Dec, {}},
    {"sig", T::Sigtype, F::Dec, {}},
};
constexpr ParamInfo kP234[] = {
    {"cpu_usr", T::Uint64, F::Dec, {}},
    {"cpu_sys", T::Uint64, F::Dec, {}},
};
constexpr ParamInfo kP236[] = {{"fd", T::Fd, F::NA, {}}};
constexpr ParamInfo kP237[] = {
    {"res", T::Errno, F::Dec, {}},
    {"fd", T::Fd, F::NA, {}},
};
constexpr ParamInfo kP238[] = {{"fd", T::Fd, F::NA, {}}};
constexpr ParamInfo kP239[] = {
    {"res", T::Errno, F::Dec, {}},
    {"fd", T::Fd, F::NA, {}},
};

}  // namespace

constinit const EventInfo kEventsPart1[120] = {
    /* 120 PPME_SYSCALL_PREADV_E */ {"preadv", EC_IO_READ | EC_SYSCALL, EF_OLD_VERSION | EF_USES_FD | EF_READS_FROM_FD | EF_CONVERTER_MANAGED, kP120},
    /* 121 PPME_SYSCALL_PREADV_X */ {"preadv", EC_IO_READ | EC_SYSCALL, EF_USES_FD | EF_READS_FROM_FD | EF_CONVERTER_MANAGED, kP121},
    /* 122 PPME_SYSCALL_PWRITEV_E */ {"pwritev", EC_IO_WRITE | EC_SYSCALL, EF_OLD_VERSION | EF_USES_FD | EF_WRITES_TO_FD | EF_CONVERTER_MANAGED, kP122},
    /* 123 PPME_SYSCALL_PWRITEV_X */ {"pwritev", EC_IO_WRITE | EC_SYSCALL, EF_USES_FD | EF_WRITES_TO_FD | EF_CONVERTER_MANAGED, kP123},
    /* 124 PPME_SYSCALL_DUP_E */ {"dup", EC_IO_OTHER | EC_SYSCALL, EF_OLD_VERSION | EF_CREATES_FD | EF_USES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP124},
    /* 125 PPME_SYSCALL_DUP_X */ {"dup", EC_IO_OTHER | EC_SYSCALL, EF_OLD_VERSION | EF_CREATES_FD | EF_USES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP125},
    /* 126 PPME_SYSCALL_SIGNALFD_E */ {"signalfd", EC_SIGNAL | EC_SYSCALL, EF_OLD_VERSION | EF_CREATES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP126},
    /* 127 PPME_SYSCALL_SIGNALFD_X */ {"signalfd", EC_SIGNAL | EC_SYSCALL, EF_CREATES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP127},
    /* 128 PPME_SYSCALL_KILL_E */ {"kill", EC_SIGNAL | EC_SYSCALL, EF_OLD_VERSION | EF_CONVERTER_MANAGED, kP128},
    /* 129 PPME_SYSCALL_KILL_X */ {"kill", EC_SIGNAL | EC_SYSCALL, EF_CONVERTER_MANAGED, kP129},
    /* 130 PPME_SYSCALL_TKILL_E */ {"tkill", EC_SIGNAL | EC_SYSCALL, EF_OLD_VERSION | EF_CONVERTER_MANAGED, kP130},
    /* 131 PPME_SYSCALL_TKILL_X */ {"tkill", EC_SIGNAL | EC_SYSCALL, EF_CONVERTER_MANAGED, kP131},
    /* 132 PPME_SYSCALL_TGKILL_E */ {"tgkill", EC_SIGNAL | EC_SYSCALL, EF_OLD_VERSION | EF_CONVERTER_MANAGED, kP132},
    /* 133 PPME_SYSCALL_TGKILL_X */ {"tgkill", EC_SIGNAL | EC_SYSCALL, EF_CONVERTER_MANAGED, kP133},
    /* 134 PPME_SYSCALL_NANOSLEEP_E */ {"nanosleep", EC_SLEEP | EC_SYSCALL, EF_OLD_VERSION | EF_WAITS | EF_CONVERTER_MANAGED, kP134},
    /* 135 PPME_SYSCALL_NANOSLEEP_X */ {"nanosleep", EC_SLEEP | EC_SYSCALL, EF_WAITS | EF_CONVERTER_MANAGED, kP135},
    /* 136 PPME_SYSCALL_TIMERFD_CREATE_E */ {"timerfd_create", EC_TIME | EC_SYSCALL, EF_OLD_VERSION | EF_CREATES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP136},
    /* 137 PPME_SYSCALL_TIMERFD_CREATE_X */ {"timerfd_create", EC_TIME | EC_SYSCALL, EF_CREATES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP137},
    /* 138 PPME_SYSCALL_INOTIFY_INIT_E */ {"inotify_init", EC_IPC | EC_SYSCALL, EF_OLD_VERSION | EF_CREATES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP138},
    /* 139 PPME_SYSCALL_INOTIFY_INIT_X */ {"inotify_init", EC_IPC | EC_SYSCALL, EF_CREATES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP139},
    /* 140 PPME_SYSCALL_GETRLIMIT_E */ {"getrlimit", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_CONVERTER_MANAGED, kP140},
    /* 141 PPME_SYSCALL_GETRLIMIT_X */ {"getrlimit", EC_PROCESS | EC_SYSCALL, EF_CONVERTER_MANAGED, kP141},
    /* 142 PPME_SYSCALL_SETRLIMIT_E */ {"setrlimit", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_CONVERTER_MANAGED, kP142},
    /* 143 PPME_SYSCALL_SETRLIMIT_X */ {"setrlimit", EC_PROCESS | EC_SYSCALL, EF_CONVERTER_MANAGED, kP143},
    /* 144 PPME_SYSCALL_PRLIMIT_E */ {"prlimit", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_CONVERTER_MANAGED, kP144},
    /* 145 PPME_SYSCALL_PRLIMIT_X */ {"prlimit", EC_PROCESS | EC_SYSCALL, EF_CONVERTER_MANAGED, kP145},
    /* 146 PPME_SCHEDSWITCH_1_E */ {"switch", EC_SCHEDULER | EC_TRACEPOINT, EF_OLD_VERSION | EF_SKIPPARSERESET | EF_CONVERTER_MANAGED, kP146},
    /* 147 PPME_SCHEDSWITCH_1_X */ {"NA2", EC_SCHEDULER, EF_UNUSED, kNoParams},
    /* 148 PPME_DROP_E */ {"drop", EC_INTERNAL | EC_METAEVENT, EF_SKIPPARSERESET, kP148},
    /* 149 PPME_DROP_X */ {"drop", EC_INTERNAL | EC_METAEVENT, EF_SKIPPARSERESET, kP149},
    /* 150 PPME_SYSCALL_FCNTL_E */ {"fcntl", EC_IO_OTHER | EC_SYSCALL, EF_OLD_VERSION | EF_USES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP150},
    /* 151 PPME_SYSCALL_FCNTL_X */ {"fcntl", EC_IO_OTHER | EC_SYSCALL, EF_USES_FD | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP151},
    /* 152 PPME_SCHEDSWITCH_6_E */ {"switch", EC_SCHEDULER | EC_TRACEPOINT, EF_NONE, kP152},
    /* 153 PPME_SCHEDSWITCH_6_X */ {"NA2", EC_SCHEDULER, EF_UNUSED, kNoParams},
    /* 154 PPME_SYSCALL_EXECVE_13_E */ {"execve", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kNoParams},
    /* 155 PPME_SYSCALL_EXECVE_13_X */ {"execve", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP155},
    /* 156 PPME_SYSCALL_CLONE_16_E */ {"clone", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE, kNoParams},
    /* 157 PPME_SYSCALL_CLONE_16_X */ {"clone", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP157},
    /* 158 PPME_SYSCALL_BRK_4_E */ {"brk", EC_MEMORY | EC_SYSCALL, EF_OLD_VERSION | EF_CONVERTER_MANAGED, kP158},
    /* 159 PPME_SYSCALL_BRK_4_X */ {"brk", EC_MEMORY | EC_SYSCALL, EF_CONVERTER_MANAGED, kP159},
    /* 160 PPME_SYSCALL_MMAP_E */ {"mmap", EC_MEMORY | EC_SYSCALL, EF_OLD_VERSION | EF_USES_FD | EF_CONVERTER_MANAGED, kP160},
    /* 161 PPME_SYSCALL_MMAP_X */ {"mmap", EC_MEMORY | EC_SYSCALL, EF_USES_FD | EF_CONVERTER_MANAGED, kP161},
    /* 162 PPME_SYSCALL_MMAP2_E */ {"mmap2", EC_MEMORY | EC_SYSCALL, EF_OLD_VERSION | EF_USES_FD | EF_CONVERTER_MANAGED, kP162},
    /* 163 PPME_SYSCALL_MMAP2_X */ {"mmap2", EC_MEMORY | EC_SYSCALL, EF_USES_FD | EF_CONVERTER_MANAGED, kP163},
    /* 164 PPME_SYSCALL_MUNMAP_E */ {"munmap", EC_MEMORY | EC_SYSCALL, EF_OLD_VERSION | EF_CONVERTER_MANAGED, kP164},
    /* 165 PPME_SYSCALL_MUNMAP_X */ {"munmap", EC_MEMORY | EC_SYSCALL, EF_CONVERTER_MANAGED, kP165},
    /* 166 PPME_SYSCALL_SPLICE_E */ {"splice", EC_IO_OTHER | EC_SYSCALL, EF_OLD_VERSION | EF_USES_FD | EF_CONVERTER_MANAGED, kP166},
    /* 167 PPME_SYSCALL_SPLICE_X */ {"splice", EC_IO_OTHER | EC_SYSCALL, EF_USES_FD | EF_CONVERTER_MANAGED, kP167},
    /* 168 PPME_SYSCALL_PTRACE_E */ {"ptrace", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_CONVERTER_MANAGED, kP168},
    /* 169 PPME_SYSCALL_PTRACE_X */ {"ptrace", EC_PROCESS | EC_SYSCALL, EF_CONVERTER_MANAGED, kP169},
    /* 170 PPME_SYSCALL_IOCTL_3_E */ {"ioctl", EC_IO_OTHER | EC_SYSCALL, EF_OLD_VERSION | EF_USES_FD | EF_CONVERTER_MANAGED, kP170},
    /* 171 PPME_SYSCALL_IOCTL_3_X */ {"ioctl", EC_IO_OTHER | EC_SYSCALL, EF_USES_FD | EF_CONVERTER_MANAGED, kP171},
    /* 172 PPME_SYSCALL_EXECVE_14_E */ {"execve", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kNoParams},
    /* 173 PPME_SYSCALL_EXECVE_14_X */ {"execve", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP173},
    /* 174 PPME_SYSCALL_RENAME_E */ {"rename", EC_FILE | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 175 PPME_SYSCALL_RENAME_X */ {"rename", EC_FILE | EC_SYSCALL, EF_NONE, kP175},
    /* 176 PPME_SYSCALL_RENAMEAT_E */ {"renameat", EC_FILE | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 177 PPME_SYSCALL_RENAMEAT_X */ {"renameat", EC_FILE | EC_SYSCALL, EF_NONE, kP177},
    /* 178 PPME_SYSCALL_SYMLINK_E */ {"symlink", EC_FILE | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 179 PPME_SYSCALL_SYMLINK_X */ {"symlink", EC_FILE | EC_SYSCALL, EF_NONE, kP179},
    /* 180 PPME_SYSCALL_SYMLINKAT_E */ {"symlinkat", EC_FILE | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 181 PPME_SYSCALL_SYMLINKAT_X */ {"symlinkat", EC_FILE | EC_SYSCALL, EF_USES_FD, kP181},
    /* 182 PPME_SYSCALL_FORK_E */ {"fork", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE, kNoParams},
    /* 183 PPME_SYSCALL_FORK_X */ {"fork", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP183},
    /* 184 PPME_SYSCALL_VFORK_E */ {"vfork", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE, kNoParams},
    /* 185 PPME_SYSCALL_VFORK_X */ {"vfork", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP185},
    /* 186 PPME_PROCEXIT_1_E */ {"procexit", EC_PROCESS | EC_TRACEPOINT, EF_MODIFIES_STATE, kP186},
    /* 187 PPME_PROCEXIT_1_X */ {"NA1", EC_PROCESS, EF_UNUSED, kNoParams},
    /* 188 PPME_SYSCALL_SENDFILE_E */ {"sendfile", EC_IO_WRITE | EC_SYSCALL, EF_OLD_VERSION | EF_USES_FD | EF_CONVERTER_MANAGED, kP188},
    /* 189 PPME_SYSCALL_SENDFILE_X */ {"sendfile", EC_IO_WRITE | EC_SYSCALL, EF_USES_FD | EF_CONVERTER_MANAGED, kP189},
    /* 190 PPME_SYSCALL_QUOTACTL_E */ {"quotactl", EC_USER | EC_SYSCALL, EF_OLD_VERSION | EF_CONVERTER_MANAGED, kP190},
    /* 191 PPME_SYSCALL_QUOTACTL_X */ {"quotactl", EC_USER | EC_SYSCALL, EF_CONVERTER_MANAGED, kP191},
    /* 192 PPME_SYSCALL_SETRESUID_E */ {"setresuid", EC_USER | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP192},
    /* 193 PPME_SYSCALL_SETRESUID_X */ {"setresuid", EC_USER | EC_SYSCALL, EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP193},
    /* 194 PPME_SYSCALL_SETRESGID_E */ {"setresgid", EC_USER | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP194},
    /* 195 PPME_SYSCALL_SETRESGID_X */ {"setresgid", EC_USER | EC_SYSCALL, EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP195},
    /* 196 PPME_SCAPEVENT_E */ {"sysdigevent", EC_INTERNAL | EC_METAEVENT, EF_SKIPPARSERESET, kP196},
    /* 197 PPME_SCAPEVENT_X */ {"sysdigevent", EC_INTERNAL, EF_UNUSED, kNoParams},
    /* 198 PPME_SYSCALL_SETUID_E */ {"setuid", EC_USER | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP198},
    /* 199 PPME_SYSCALL_SETUID_X */ {"setuid", EC_USER | EC_SYSCALL, EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP199},
    /* 200 PPME_SYSCALL_SETGID_E */ {"setgid", EC_USER | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP200},
    /* 201 PPME_SYSCALL_SETGID_X */ {"setgid", EC_USER | EC_SYSCALL, EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP201},
    /* 202 PPME_SYSCALL_GETUID_E */ {"getuid", EC_USER | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 203 PPME_SYSCALL_GETUID_X */ {"getuid", EC_USER | EC_SYSCALL, EF_NONE, kP203},
    /* 204 PPME_SYSCALL_GETEUID_E */ {"geteuid", EC_USER | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 205 PPME_SYSCALL_GETEUID_X */ {"geteuid", EC_USER | EC_SYSCALL, EF_NONE, kP205},
    /* 206 PPME_SYSCALL_GETGID_E */ {"getgid", EC_USER | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 207 PPME_SYSCALL_GETGID_X */ {"getgid", EC_USER | EC_SYSCALL, EF_NONE, kP207},
    /* 208 PPME_SYSCALL_GETEGID_E */ {"getegid", EC_USER | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 209 PPME_SYSCALL_GETEGID_X */ {"getegid", EC_USER | EC_SYSCALL, EF_NONE, kP209},
    /* 210 PPME_SYSCALL_GETRESUID_E */ {"getresuid", EC_USER | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 211 PPME_SYSCALL_GETRESUID_X */ {"getresuid", EC_USER | EC_SYSCALL, EF_NONE, kP211},
    /* 212 PPME_SYSCALL_GETRESGID_E */ {"getresgid", EC_USER | EC_SYSCALL, EF_OLD_VERSION, kNoParams},
    /* 213 PPME_SYSCALL_GETRESGID_X */ {"getresgid", EC_USER | EC_SYSCALL, EF_NONE, kP213},
    /* 214 PPME_SYSCALL_EXECVE_15_E */ {"execve", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kNoParams},
    /* 215 PPME_SYSCALL_EXECVE_15_X */ {"execve", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP215},
    /* 216 PPME_SYSCALL_CLONE_17_E */ {"clone", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE, kNoParams},
    /* 217 PPME_SYSCALL_CLONE_17_X */ {"clone", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP217},
    /* 218 PPME_SYSCALL_FORK_17_E */ {"fork", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE, kNoParams},
    /* 219 PPME_SYSCALL_FORK_17_X */ {"fork", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP219},
    /* 220 PPME_SYSCALL_VFORK_17_E */ {"vfork", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE, kNoParams},
    /* 221 PPME_SYSCALL_VFORK_17_X */ {"vfork", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP221},
    /* 222 PPME_SYSCALL_CLONE_20_E */ {"clone", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE, kNoParams},
    /* 223 PPME_SYSCALL_CLONE_20_X */ {"clone", EC_PROCESS | EC_SYSCALL, EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP223},
    /* 224 PPME_SYSCALL_FORK_20_E */ {"fork", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE, kNoParams},
    /* 225 PPME_SYSCALL_FORK_20_X */ {"fork", EC_PROCESS | EC_SYSCALL, EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP225},
    /* 226 PPME_SYSCALL_VFORK_20_E */ {"vfork", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE, kNoParams},
    /* 227 PPME_SYSCALL_VFORK_20_X */ {"vfork", EC_PROCESS | EC_SYSCALL, EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP227},
    /* 228 PPME_CONTAINER_E */ {"container", EC_INTERNAL | EC_METAEVENT, EF_OLD_VERSION | EF_SKIPPARSERESET | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP228},
    /* 229 PPME_CONTAINER_X */ {"container", EC_INTERNAL, EF_UNUSED, kNoParams},
    /* 230 PPME_SYSCALL_EXECVE_16_E */ {"execve", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kNoParams},
    /* 231 PPME_SYSCALL_EXECVE_16_X */ {"execve", EC_PROCESS | EC_SYSCALL, EF_OLD_VERSION | EF_MODIFIES_STATE | EF_CONVERTER_MANAGED, kP231},
    /* 232 PPME_SIGNALDELIVER_E */ {"signaldeliver", EC_SIGNAL | EC_TRACEPOINT, EF_NONE, kP232},
    /* 233 PPME_SIGNALDELIVER_X */ {"signaldeliver", EC_SIGNAL, EF_UNUSED, kNoParams},
    /* 234 PPME_PROCINFO_E */ {"procinfo", EC_INTERNAL | EC_METAEVENT, EF_SKIPPARSERESET, kP234},
    /* 235 PPME_PROCINFO_X */ {"NA2", EC_INTERNAL, EF_UNUSED, kNoParams},
    /* 236 PPME_SYSCALL_GETDENTS_E */ {"getdents", EC_FILE | EC_SYSCALL, EF_OLD_VERSION | EF_USES_FD | EF_CONVERTER_MANAGED, kP236},
    /* 237 PPME_SYSCALL_GETDENTS_X */ {"getdents", EC_FILE | EC_SYSCALL, EF_USES_FD | EF_CONVERTER_MANAGED, kP237},
    /* 238 PPME_SYSCALL_GETDENTS64_E */ {"getdents64", EC_FILE | EC_SYSCALL, EF_OLD_VERSION | EF_USES_FD | EF_CONVERTER_MANAGED, kP238},
    /* 239 PPME_SYSCALL_GETDENTS64_X */ {"getdents64", EC_FILE | EC_SYSCALL, EF_USES_FD | EF_CONVERTER_MANAGED, kP239},
};

}  // namespace saker::events::detail
