// Field class `proc` (Falco's "process" class, proc.* part): the catalog and the binding of
// arguments; the extractors (over the state engine's thread table) are in proc_extractors.cpp.
// Ancestor fields with an index (proc.aname[2]) walk the parent chain that many levels; without
// an index they yield the list of every ancestor (a filter matches if any does; output prints
// them space-separated).
#include "engine/fields/classes.h"
#include "engine/fields/proc_field.h"

namespace saker::fields {
namespace {

using T = FieldType;
using PF = PrintFormat;
using Arg = ArgSyntax;

constexpr FieldInfo kFields[] = {
    {"proc.exe", T::Charbuf, PF::NA, kNone, Arg::None, "argv[0]",
     "argv[0] of the process: usually the program name, but the caller may set any string, so it "
     "can differ from the last part of proc.exepath. Saker takes it from the execve/clone exit "
     "event, which the tracer fills from /proc/PID while the thread is stopped (or from the "
     "/proc scan at start-up or attach). Capped at 4096 bytes."},
    {"proc.pexe", T::Charbuf, PF::NA, kNone, Arg::None, "Parent argv[0]",
     "proc.exe of the parent process."},
    {"proc.aexe", T::Charbuf, PF::NA, kArgAllowed | kNoRhs | kNoTransformer, Arg::Index,
     "Ancestor argv[0]",
     "proc.exe of an ancestor. With an index N it looks N generations up (0 is the process "
     "itself, 1 its parent); without one, a filter matches when any ancestor does and output "
     "lists every ancestor's value, space-separated."},
    {"proc.exepath", T::Charbuf, PF::NA, kNone, Arg::None, "Executable Path",
     "Canonical path of the program file the process runs (symlinks resolved). The tracer reads "
     "it with readlink(/proc/PID/exe) at exec."},
    {"proc.pexepath", T::Charbuf, PF::NA, kNone, Arg::None, "Parent Executable Path",
     "proc.exepath of the parent process."},
    {"proc.aexepath", T::Charbuf, PF::NA, kArgAllowed | kNoRhs | kNoTransformer, Arg::Index,
     "Ancestor Executable Path",
     "proc.exepath of an ancestor. With an index N it looks N generations up (0 is the process "
     "itself, 1 its parent); without one, a filter matches when any ancestor does and output "
     "lists every ancestor's value, space-separated."},
    {"proc.name", T::Charbuf, PF::NA, kNone, Arg::None, "Name",
     "Short command name of the process (the kernel's comm, at most 15 characters plus NUL; the "
     "kernel does the cutting). Programs can rename themselves, so it need not match the file "
     "name. Saker takes it from the execve/clone exit event, which the tracer fills from "
     "/proc/PID while the thread is stopped (or from the /proc scan at start-up or attach)."},
    {"proc.pname", T::Charbuf, PF::NA, kNone, Arg::None, "Parent Name",
     "proc.name of the parent process."},
    {"proc.aname", T::Charbuf, PF::NA, kArgAllowed | kNoRhs | kNoTransformer, Arg::Index,
     "Ancestor Name",
     "proc.name of an ancestor. With an index N it looks N generations up (0 is the process "
     "itself, 1 its parent); without one, a filter matches when any ancestor does and output "
     "lists every ancestor's value, space-separated."},
    {"proc.args", T::Charbuf, PF::NA, kArgAllowed, Arg::Index, "Arguments",
     "Command-line arguments after argv[0], joined by spaces (at most 4096 bytes, read from "
     "/proc/PID/cmdline by the tracer). proc.args[N] picks one, counting from 0 at the first "
     "argument after argv[0]."},
    {"proc.aargs", T::Charbuf, PF::NA, kArgAllowed, Arg::Index, "Ancestor Arguments",
     "proc.args of an ancestor. With an index N it looks N generations up (0 is the process "
     "itself, 1 its parent); without one, a filter matches when any ancestor does and output "
     "lists every ancestor's value, space-separated."},
    {"proc.cmdline", T::Charbuf, PF::NA, kNone, Arg::None, "Command Line",
     "proc.name followed by proc.args, as one string."},
    {"proc.pcmdline", T::Charbuf, PF::NA, kNone, Arg::None, "Parent Command Line",
     "proc.cmdline of the parent process."},
    {"proc.acmdline", T::Charbuf, PF::NA, kArgAllowed | kNoRhs | kNoTransformer, Arg::Index,
     "Ancestor Command Line",
     "proc.cmdline of an ancestor. With an index N it looks N generations up (0 is the process "
     "itself, 1 its parent); without one, a filter matches when any ancestor does and output "
     "lists every ancestor's value, space-separated."},
    {"proc.cmdnargs", T::Uint64, PF::Dec, kNone, Arg::None, "Argument Count",
     "How many entries proc.args holds."},
    {"proc.cmdlenargs", T::Uint64, PF::Dec, kNone, Arg::None,
     "Argument Length",
     "Sum of the lengths of the proc.args entries, separators not counted."},
    {"proc.exeline", T::Charbuf, PF::NA, kNone, Arg::None, "Executable Command Line",
     "proc.exe followed by proc.args, as one string."},
    {"proc.env", T::Charbuf, PF::NA, kArgAllowed, Arg::IndexOrKey, "Environment",
     "Environment of the process as NAME=value entries separated by spaces (read by the tracer "
     "from /proc/PID/environ, capped at 4096 bytes). proc.env[NAME] yields the value of one "
     "variable."},
    {"proc.aenv", T::Charbuf, PF::NA, kArgAllowed | kNoRhs | kNoTransformer, Arg::IndexOrKey,
     "Ancestor Environment",
     "Experimental, may change. Without an argument a filter matches when any ancestor's "
     "proc.env does; proc.aenv[N] is the proc.env N generations up; proc.aenv[NAME] is the value "
     "of NAME in the nearest ancestor that sets it, looking at most 20 generations up."},
    {"proc.cwd", T::Charbuf, PF::NA, kNone, Arg::None, "Current Working Directory",
     "Working directory of the thread, kept up to date from chdir and fchdir events."},
    {"proc.loginshellid", T::Int64, PF::Id, kNone, Arg::None, "Login Shell ID",
     "Pid of the eldest process in the lineage whose name ends in 'sh' (a shell), if any. Events "
     "of one interactive session share it."},
    {"proc.tty", T::Uint32, PF::Id, kNone, Arg::None, "TTY",
     "Device number of the controlling terminal; 0 when the process has none."},
    {"proc.pid", T::Int64, PF::Id, kNone, Arg::None, "PID",
     "Process id (thread group id) in the host pid namespace."},
    {"proc.ppid", T::Int64, PF::Id, kNone, Arg::None, "Parent PID",
     "Host pid of the parent process."},
    {"proc.apid", T::Int64, PF::Id, kArgAllowed | kNoRhs | kNoTransformer, Arg::Index,
     "Ancestor PID",
     "Pid of an ancestor. With an index N it looks N generations up (0 is the process itself, 1 "
     "its parent); without one, a filter matches when any ancestor does and output lists every "
     "ancestor's value, space-separated."},
    {"proc.vpid", T::Int64, PF::Id, kNone, Arg::None, "Virtual PID",
     "Process id as the process itself sees it, in its innermost pid namespace (a container's); "
     "equal to proc.pid on the host."},
    {"proc.pvpid", T::Int64, PF::Id, kNone, Arg::None, "Parent Virtual PID",
     "proc.vpid of the parent process."},
    {"proc.sid", T::Int64, PF::Id, kNone, Arg::None, "Session ID",
     "Id of the session the process belongs to."},
    {"proc.sname", T::Charbuf, PF::NA, kNone, Arg::None, "Session Leader Name",
     "proc.name of the session leader: the process whose pid is proc.sid, or failing that the "
     "eldest ancestor still in the same session."},
    {"proc.sid.exe", T::Charbuf, PF::NA, kNone, Arg::None, "Session Leader argv[0]",
     "proc.exe of the session leader, found as for proc.sname."},
    {"proc.sid.exepath", T::Charbuf, PF::NA, kNone, Arg::None, "Session Leader Executable Path",
     "proc.exepath of the session leader, found as for proc.sname."},
    {"proc.vpgid", T::Int64, PF::Id, kNone, Arg::None, "Virtual Process Group ID",
     "Process group id as seen in the process's own pid namespace."},
    {"proc.vpgid.name", T::Charbuf, PF::NA, kNone, Arg::None, "Virtual Group Leader Name",
     "proc.name of the process group leader in namespace terms: the process whose vpid is "
     "proc.vpgid, or failing that the eldest ancestor in the same group. See "
     "proc.is_vpgid_leader."},
    {"proc.vpgid.exe", T::Charbuf, PF::NA, kNone, Arg::None, "Virtual Group Leader argv[0]",
     "proc.exe of the group leader found as for proc.vpgid.name."},
    {"proc.vpgid.exepath", T::Charbuf, PF::NA, kNone, Arg::None, "Group Leader Executable Path",
     "proc.exepath of the group leader found as for proc.vpgid.name."},
    {"proc.pgid", T::Int64, PF::Id, kNone, Arg::None, "Process Group ID",
     "Process group id in the host pid namespace."},
    {"proc.pgid.name", T::Charbuf, PF::NA, kNone, Arg::None, "Group Leader Name",
     "proc.name of the process group leader in host terms: the process whose pid is proc.pgid, "
     "or failing that the eldest ancestor in the same group. See proc.is_pgid_leader."},
    {"proc.pgid.exe", T::Charbuf, PF::NA, kNone, Arg::None, "Group Leader argv[0]",
     "proc.exe of the group leader found as for proc.pgid.name."},
    {"proc.pgid.exepath", T::Charbuf, PF::NA, kNone, Arg::None, "Group Leader Executable Path",
     "proc.exepath of the group leader found as for proc.pgid.name."},
    {"proc.duration", T::Reltime, PF::Dec, kNone, Arg::None, "Process Duration",
     "Age of the process at this event, in nanoseconds."},
    {"proc.ppid.duration", T::Reltime, PF::Dec, kNone, Arg::None, "Parent Process Duration",
     "Age of the parent process at this event, in nanoseconds."},
    {"proc.pid.ts", T::Reltime, PF::Dec, kNone, Arg::None, "Process Start Time",
     "When the process was created, in nanoseconds since the Unix epoch."},
    {"proc.ppid.ts", T::Reltime, PF::Dec, kNone, Arg::None, "Parent Start Time",
     "When the parent process was created, in nanoseconds since the Unix epoch."},
    {"proc.is_exe_writable", T::Bool, PF::NA, kNone, Arg::None, "Executable Writable",
     "True when the program file could be written by the process's own effective user or group "
     "(always for root); the tracer checks the file's mode and owner at exec."},
    {"proc.is_exe_upper_layer", T::Bool, PF::NA, kNone, Arg::None,
     "Executable in Upper Layer",
     "True when the program file sits in the writable upper layer of an overlayfs (a file added "
     "or changed in a container). Only set from trace files that carry it; the ptrace tracer "
     "cannot tell, so it is false for live events."},
    {"proc.is_exe_lower_layer", T::Bool, PF::NA, kNone, Arg::None,
     "Executable in Lower Layer",
     "True when the program file comes from a read-only lower layer of an overlayfs (the image). "
     "Only set from trace files that carry it; false for live events."},
    {"proc.is_exe_from_memfd", T::Bool, PF::NA, kNone, Arg::None,
     "Executable from memfd",
     "True when the program runs from an anonymous memfd_create() file that exists only in "
     "memory, a common trick of fileless malware. The tracer sees it as an exe path starting "
     "with /memfd:."},
    {"proc.is_sid_leader", T::Bool, PF::NA, kNone, Arg::None, "Session Leader",
     "True when the process leads its session (proc.sid equals proc.vpid; on the host vpid is "
     "the pid)."},
    {"proc.is_vpgid_leader", T::Bool, PF::NA, kNone, Arg::None,
     "Group Leader (virtual)",
     "True when the process leads its process group in its own pid namespace (proc.vpgid equals "
     "proc.vpid). A command typed at a shell usually leads its group, while helpers it spawns in "
     "the same group do not."},
    {"proc.is_pgid_leader", T::Bool, PF::NA, kNone, Arg::None, "Group Leader",
     "True when the process leads its process group in host terms (proc.pgid equals proc.pid). A "
     "command typed at a shell usually leads its group, while helpers it spawns in the same "
     "group do not."},
    {"proc.exe_ino", T::Int64, PF::Dec, kNone, Arg::None, "Executable Inode",
     "Inode number of the program file, comparable with fd.ino."},
    {"proc.exe_ino.ctime", T::Abstime, PF::Dec, kNone, Arg::None,
     "Executable ctime",
     "Inode change time (ctime) of the program file, in nanoseconds since the epoch; it moves on "
     "writes and on owner, mode or link changes. The tracer stats /proc/PID/exe at exec."},
    {"proc.exe_ino.mtime", T::Abstime, PF::Dec, kNone, Arg::None,
     "Executable mtime",
     "Content modification time (mtime) of the program file, in nanoseconds since the epoch. "
     "Owner or mode changes do not move it; use proc.exe_ino.ctime for those."},
    {"proc.exe_ino.ctime_duration_proc_start", T::Abstime, PF::Dec, kNone, Arg::None,
     "Executable ctime to Start",
     "Nanoseconds from the program file's last ctime to the start of this process: small values "
     "mean a freshly written or modified binary."},
    {"proc.exe_ino.ctime_duration_pidns_start", T::Abstime, PF::Dec, kNone, Arg::None,
     "Namespace Start to Executable ctime",
     "Nanoseconds from the start of the process's pid namespace to the program file's ctime, "
     "when the file changed after the namespace began."},
    {"proc.pidns_init_start_ts", T::Uint64, PF::Dec, kNone, Arg::None, "Pid Namespace Start Time",
     "When the process's pid namespace (container or host) began, in nanoseconds since the "
     "epoch. The tracer cannot see this from outside the namespace, so Saker uses the boot time."},
    {"proc.fdopencount", T::Uint64, PF::Dec, kNone, Arg::None, "Open FDs",
     "How many fds of the process the state engine currently tracks as open."},
    {"proc.fdlimit", T::Int64, PF::Dec, kNone, Arg::None, "FD Limit",
     "Soft limit on open fds (RLIMIT_NOFILE) of the process, from /proc/PID/limits; -1 while the "
     "process is known only from its events."},
    {"proc.fdusage", T::Double, PF::NA, kNone, Arg::None, "FD Usage",
     "proc.fdopencount divided by proc.fdlimit."},
    {"proc.vmsize", T::Uint64, PF::Dec, kNone, Arg::None, "VM Size",
     "Virtual memory size of the process in kB, as of its last clone or execve (VmSize in "
     "/proc/PID/status)."},
    {"proc.vmrss", T::Uint64, PF::Dec, kNone, Arg::None, "VM RSS",
     "Resident memory of the process in kB, as of its last clone or execve (VmRSS)."},
    {"proc.vmswap", T::Uint64, PF::Dec, kNone, Arg::None, "VM Swap",
     "Swapped-out memory of the process in kB, as of its last clone or execve (VmSwap)."},
    {"proc.nthreads", T::Uint64, PF::Dec, kNone, Arg::None, "Threads",
     "Live threads of the process, its main thread included (a thread whose exit is being "
     "handled still counts). If the main thread already exited this equals proc.nchilds."},
    {"proc.nchilds", T::Uint64, PF::Dec, kNone, Arg::None, "Other Threads",
     "Live threads of the process other than its main thread; 0 when the event comes from a "
     "non-main thread."},
    {"proc.stdin.type", T::Charbuf, PF::NA, kNone, Arg::None, "Stdin Type",
     "fd.type of fd 0 (standard input) of the process."},
    {"proc.stdout.type", T::Charbuf, PF::NA, kNone, Arg::None, "Stdout Type",
     "fd.type of fd 1 (standard output) of the process."},
    {"proc.stderr.type", T::Charbuf, PF::NA, kNone, Arg::None, "Stderr Type",
     "fd.type of fd 2 (standard error) of the process."},
    {"proc.stdin.name", T::Charbuf, PF::NA, kNone, Arg::None, "Stdin Name",
     "fd.name of fd 0 (standard input) of the process."},
    {"proc.stdout.name", T::Charbuf, PF::NA, kNone, Arg::None, "Stdout Name",
     "fd.name of fd 1 (standard output) of the process."},
    {"proc.stderr.name", T::Charbuf, PF::NA, kNone, Arg::None, "Stderr Name",
     "fd.name of fd 2 (standard error) of the process."},
};

using namespace proc_detail;

bool is_ancestor_list_field(std::string_view n) {
  return n == "proc.aexe" || n == "proc.aexepath" || n == "proc.aname" || n == "proc.aargs" ||
         n == "proc.acmdline" || n == "proc.aenv" || n == "proc.apid";
}

std::unique_ptr<BoundField> bind_proc(const BindRequest& req, std::string& error) {
  (void)error;
  ProcFn fn = proc_extractor(req.info.name);
  if (fn == nullptr) return nullptr;
  auto f = std::make_unique<ProcField>(req.info, fn);
  if (req.arg.present()) {
    if (req.arg.is_index) {
      f->index = static_cast<int32_t>(req.arg.index);
    } else {
      f->key.assign(req.arg.text);  // proc.env[NAME], proc.aenv[NAME]
    }
  } else if (is_ancestor_list_field(req.info.name)) {
    f->set_list(true, /*space_separated=*/true, /*any_of=*/true);
  }
  return f;
}

}  // namespace

const FieldClass& proc_class() {
  static constexpr FieldClass c{
      "proc",  "process",
      "",      "The process and thread that made the syscall, from the state engine.",
      kFields, bind_proc};
  return c;
}

}  // namespace saker::fields
