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
    {"proc.exe", T::Charbuf, PF::NA, kNone, Arg::None, "First Argument",
     "The first command-line argument (i.e., argv[0]), typically the executable name or a "
     "custom string as specified by the user. It is primarily obtained from syscall arguments,"
     " truncated after 4096 bytes, or, as a fallback, by reading /proc/PID/cmdline, in which "
     "case it may be truncated after 1024 bytes. This field may differ from the last component"
     " of proc.exepath, reflecting how command invocation and execution paths can vary."},
    {"proc.pexe", T::Charbuf, PF::NA, kNone, Arg::None, "Parent First Argument",
     "The proc.exe (first command line argument argv[0]) of the parent process."},
    {"proc.aexe", T::Charbuf, PF::NA, kArgAllowed | kNoRhs | kNoTransformer, Arg::Index,
     "Ancestor First Argument",
     "The proc.exe (first command line argument argv[0]) for a specific process ancestor. You "
     "can access different levels of ancestors by using indices. For example, proc.aexe[1] "
     "retrieves the proc.exe of the parent process, proc.aexe[2] retrieves the proc.exe of the"
     " grandparent process, and so on. The current process's proc.exe line can be obtained "
     "using proc.aexe[0]. When used without any arguments in filters, proc.aexe matches any of"
     " the process ancestors. For instance, you can use `proc.aexe endswith java` to match any"
     " process ancestor whose proc.exe ends with the term `java`. In output, proc.aexe without"
     " arguments returns the space-separated list of proc.exe values of all ancestors."},
    {"proc.exepath", T::Charbuf, PF::NA, kNone, Arg::None, "Process Executable Path",
     "The full executable path of a process, resolving to the canonical path for symlinks. "
     "This is primarily obtained from the kernel, or as a fallback, by reading /proc/PID/exe "
     "(in the latter case, the path is truncated after 1024 bytes). For the modern eBPF "
     "driver,due to verifier limits, path components may be truncated to 96."},
    {"proc.pexepath", T::Charbuf, PF::NA, kNone, Arg::None, "Parent Process Executable Path",
     "The proc.exepath (full executable path) of the parent process."},
    {"proc.aexepath", T::Charbuf, PF::NA, kArgAllowed | kNoRhs | kNoTransformer, Arg::Index,
     "Ancestor Executable Path",
     "The proc.exepath (full executable path) for a specific process ancestor. You can access "
     "different levels of ancestors by using indices. For example, proc.aexepath[1] retrieves "
     "the proc.exepath of the parent process, proc.aexepath[2] retrieves the proc.exepath of "
     "the grandparent process, and so on. The current process's proc.exepath line can be "
     "obtained using proc.aexepath[0]. When used without any arguments in filters, "
     "proc.aexepath matches any of the process ancestors. For instance, you can use "
     "`proc.aexepath endswith java` to match any process ancestor whose path ends with the "
     "term `java`. In output, proc.aexepath without arguments returns the space-separated list"
     " of proc.exepath values of all ancestors."},
    {"proc.name", T::Charbuf, PF::NA, kNone, Arg::None, "Name",
     "The process name (truncated after 16 characters) generating the event (task->comm). "
     "Truncation is determined by kernel settings and not by Falco. This field is collected "
     "from the syscalls args or, as a fallback, extracted from /proc/PID/comm. The name of the"
     " process and the name of the executable file on disk (if applicable) can be different if"
     " a process is given a custom name which is often the case for example for java "
     "applications."},
    {"proc.pname", T::Charbuf, PF::NA, kNone, Arg::None, "Parent Name",
     "The proc.name (truncated after 16 characters) of the parent process."},
    {"proc.aname", T::Charbuf, PF::NA, kArgAllowed | kNoRhs | kNoTransformer, Arg::Index,
     "Ancestor Name",
     "The proc.name (truncated after 16 characters) for a specific process ancestor. You can "
     "access different levels of ancestors by using indices. For example, proc.aname[1] "
     "retrieves the proc.name of the parent process, proc.aname[2] retrieves the proc.name of "
     "the grandparent process, and so on. The current process's proc.name line can be obtained"
     " using proc.aname[0]. When used without any arguments in filters, proc.aname matches any"
     " of the process ancestors. For instance, you can use `proc.aname=bash` to match any "
     "process ancestor whose name is `bash`. In output, proc.aname without arguments returns "
     "the space-separated list of proc.name values of all ancestors."},
    {"proc.args", T::Charbuf, PF::NA, kArgAllowed, Arg::Index, "Arguments",
     "The arguments passed on the command line when starting the process generating the event "
     "excluding argv[0] (truncated after 4096 bytes). This field is collected from the system "
     "call arguments, or as a fallback, extracted from /proc/PID/cmdline, can be accessed by "
     "specifying proc.args[INDEX], e.g., proc.args[0] or proc.args[1]. The indexing is "
     "zero-based, meaning proc.args[0] refers to the first command-line argument passed, "
     "rather than argv[0]."},
    {"proc.aargs", T::Charbuf, PF::NA, kArgAllowed, Arg::Index, "Ancestor Arguments",
     "The arguments passed on the command line when starting the process generating the event "
     "for a specific process ancestor. You can access different levels of ancestors by using "
     "indices. For example, proc.aargs[1] retrieves the arguments passed on the command line "
     "of the parent process, proc.aargs[2] retrieves the proc.args of the grandparent process,"
     " and so on. The current process's arguments passed on the command line can be obtained "
     "using proc.aargs[0]. When used without any arguments in filters, proc.aargs matches any "
     "of the process ancestors. For instance, you can use `proc.aargs contains base64` to "
     "match any process ancestor whose arguments contain the term base64. In output, "
     "proc.aargs without arguments returns the space-separated list of proc.args values of all"
     " ancestors."},
    {"proc.cmdline", T::Charbuf, PF::NA, kNone, Arg::None, "Command Line",
     "The concatenation of `proc.name + proc.args` (truncated after 4096 bytes) when starting "
     "the process generating the event."},
    {"proc.pcmdline", T::Charbuf, PF::NA, kNone, Arg::None, "Parent Command Line",
     "The proc.cmdline (full command line (proc.name + proc.args)) of the parent process."},
    {"proc.acmdline", T::Charbuf, PF::NA, kArgAllowed | kNoRhs | kNoTransformer, Arg::Index,
     "Ancestor Command Line",
     "The full command line (proc.name + proc.args) for a specific process ancestor. You can "
     "access different levels of ancestors by using indices. For example, proc.acmdline[1] "
     "retrieves the full command line of the parent process, proc.acmdline[2] retrieves the "
     "proc.cmdline of the grandparent process, and so on. The current process's full command "
     "line can be obtained using proc.acmdline[0]. When used without any arguments in filters,"
     " proc.acmdline matches any of the process ancestors. For instance, you can use "
     "`proc.acmdline contains base64` to match any process ancestor whose command line "
     "contains the term base64. In output, proc.acmdline without arguments returns the "
     "space-separated list of proc.cmdline values of all ancestors."},
    {"proc.cmdnargs", T::Uint64, PF::Dec, kNone, Arg::None, "Number of Command Line args",
     "The number of command line args (proc.args)."},
    {"proc.cmdlenargs", T::Uint64, PF::Dec, kNone, Arg::None,
     "Total Count of Characters in Command Line args",
     "The total count of characters / length of the command line args (proc.args) combined "
     "excluding whitespaces between args."},
    {"proc.exeline", T::Charbuf, PF::NA, kNone, Arg::None, "Executable Command Line",
     "The full command line, with exe as first argument (proc.exe + proc.args) when starting "
     "the process generating the event."},
    {"proc.env", T::Charbuf, PF::NA, kArgAllowed, Arg::IndexOrKey, "Environment",
     "The environment variables of the process generating the event as concatenated string "
     "'ENV_NAME=value ENV_NAME1=value1'. Can also be used to extract the value of a known env "
     "variable, e.g. proc.env[ENV_NAME]."},
    {"proc.aenv", T::Charbuf, PF::NA, kArgAllowed | kNoRhs | kNoTransformer, Arg::IndexOrKey,
     "Ancestor Environment",
     "[EXPERIMENTAL] This field can be used in three flavors: (1) as a filter checking all "
     "parents, e.g. 'proc.aenv contains xyz', which is similar to the familiar 'proc.aname "
     "contains xyz' approach, (2) checking the `proc.env` of a specified level of the parent, "
     "e.g. 'proc.aenv[2]', which is similar to the familiar 'proc.aname[2]' approach, or (3) "
     "checking the first matched value of a known ENV_NAME in the parent lineage, such as "
     "'proc.aenv[ENV_NAME]' (across a max of 20 ancestor levels). This field may be deprecated"
     " or undergo breaking changes in future releases. Please use it with caution."},
    {"proc.cwd", T::Charbuf, PF::NA, kNone, Arg::None, "Current Working Directory",
     "The current working directory of the event."},
    {"proc.loginshellid", T::Int64, PF::Id, kNone, Arg::None, "Login Shell ID",
     "The pid of the oldest shell among the ancestors of the current process, if there is one."
     " This field can be used to separate different user sessions."},
    {"proc.tty", T::Uint32, PF::Id, kNone, Arg::None, "Process TTY",
     "The controlling terminal of the process. 0 for processes without a terminal."},
    {"proc.pid", T::Int64, PF::Id, kNone, Arg::None, "Process ID",
     "The id of the process generating the event."},
    {"proc.ppid", T::Int64, PF::Id, kNone, Arg::None, "Parent Process ID",
     "The pid of the parent of the process generating the event."},
    {"proc.apid", T::Int64, PF::Id, kArgAllowed | kNoRhs | kNoTransformer, Arg::Index,
     "Ancestor Process ID",
     "The pid for a specific process ancestor. You can access different levels of ancestors by"
     " using indices. For example, proc.apid[1] retrieves the pid of the parent process, "
     "proc.apid[2] retrieves the pid of the grandparent process, and so on. The current "
     "process's pid can be obtained using proc.apid[0]. When used without any arguments in "
     "filters, proc.apid matches any of the process ancestors. For instance, you can use "
     "`proc.apid=1337` to match any process ancestor whose pid is equal to 1337. In output, "
     "proc.apid without arguments defaults to proc.apid[0] (the current process's pid)."},
    {"proc.vpid", T::Int64, PF::Id, kNone, Arg::None, "Virtual Process ID",
     "The id of the process generating the event as seen from its current PID namespace."},
    {"proc.pvpid", T::Int64, PF::Id, kNone, Arg::None, "Parent Virtual Process ID",
     "The id of the parent process generating the event as seen from its current PID "
     "namespace."},
    {"proc.sid", T::Int64, PF::Id, kNone, Arg::None, "Process Session ID",
     "The session id of the process generating the event."},
    {"proc.sname", T::Charbuf, PF::NA, kNone, Arg::None, "Process Session Name",
     "The name of the current process's session leader. This is either the process with "
     "pid=proc.sid or the eldest ancestor that has the same sid as the current process."},
    {"proc.sid.exe", T::Charbuf, PF::NA, kNone, Arg::None, "Process Session First Argument",
     "The first command line argument argv[0] (usually the executable name or a custom one) of"
     " the current process's session leader. This is either the process with pid=proc.sid or "
     "the eldest ancestor that has the same sid as the current process."},
    {"proc.sid.exepath", T::Charbuf, PF::NA, kNone, Arg::None, "Process Session Executable Path",
     "The full executable path of the current process's session leader. This is either the "
     "process with pid=proc.sid or the eldest ancestor that has the same sid as the current "
     "process."},
    {"proc.vpgid", T::Int64, PF::Id, kNone, Arg::None, "Process Virtual Group ID",
     "The process group id of the process generating the event, as seen from its current PID "
     "namespace."},
    {"proc.vpgid.name", T::Charbuf, PF::NA, kNone, Arg::None, "Process Group Name",
     "The name of the current process's process group leader. This is either the process with "
     "proc.vpgid == proc.vpid or the eldest ancestor that has the same vpgid as the current "
     "process. The description of `proc.is_vpgid_leader` offers additional insights."},
    {"proc.vpgid.exe", T::Charbuf, PF::NA, kNone, Arg::None, "Process Group First Argument",
     "The first command line argument argv[0] (usually the executable name or a custom one) of"
     " the current process's process group leader. This is either the process with proc.vpgid "
     "== proc.vpid or the eldest ancestor that has the same vpgid as the current process. The "
     "description of `proc.is_vpgid_leader` offers additional insights."},
    {"proc.vpgid.exepath", T::Charbuf, PF::NA, kNone, Arg::None, "Process Group Executable Path",
     "The full executable path of the current process's process group leader. This is either "
     "the process with proc.vpgid == proc.vpid or the eldest ancestor that has the same vpgid "
     "as the current process. The description of `proc.is_vpgid_leader` offers additional "
     "insights."},
    {"proc.pgid", T::Int64, PF::Id, kNone, Arg::None, "Process Group ID",
     "The process group id of the process generating the event, as seen from host PID "
     "namespace."},
    {"proc.pgid.name", T::Charbuf, PF::NA, kNone, Arg::None, "Process Group Name",
     "The name of the current process's process group leader. This is either the process with "
     "proc.pgid == proc.pid or the eldest ancestor that has the same pgid as the current "
     "process. The description of `proc.is_pgid_leader` offers additional insights."},
    {"proc.pgid.exe", T::Charbuf, PF::NA, kNone, Arg::None, "Process Group First Argument",
     "The first command line argument argv[0] (usually the executable name or a custom one) of"
     " the current process's process group leader. This is either the process with proc.pgid "
     "== proc.pid or the eldest ancestor that has the same pgid as the current process. The "
     "description of `proc.is_pgid_leader` offers additional insights."},
    {"proc.pgid.exepath", T::Charbuf, PF::NA, kNone, Arg::None, "Process Group Executable Path",
     "The full executable path of the current process's process group leader. This is either "
     "the process with proc.pgid == proc.pid or the eldest ancestor that has the same pgid as "
     "the current process. The description of `proc.is_pgid_leader` offers additional "
     "insights."},
    {"proc.duration", T::Reltime, PF::Dec, kNone, Arg::None, "Process Duration",
     "Number of nanoseconds since the process started."},
    {"proc.ppid.duration", T::Reltime, PF::Dec, kNone, Arg::None, "Parent Process Duration",
     "Number of nanoseconds since the parent process started."},
    {"proc.pid.ts", T::Reltime, PF::Dec, kNone, Arg::None, "Process start ts",
     "Start of process as epoch timestamp in nanoseconds."},
    {"proc.ppid.ts", T::Reltime, PF::Dec, kNone, Arg::None, "Parent Process start ts",
     "Start of parent process as epoch timestamp in nanoseconds."},
    {"proc.is_exe_writable", T::Bool, PF::NA, kNone, Arg::None, "Process Executable Is Writable",
     "'true' if this process' executable file is writable by the same user that spawned the "
     "process."},
    {"proc.is_exe_upper_layer", T::Bool, PF::NA, kNone, Arg::None,
     "Process Executable Is In Upper Layer",
     "'true' if this process' executable file is in upper layer in overlayfs. This field value"
     " can only be trusted if the underlying kernel version is greater or equal than 3.18.0, "
     "since overlayfs was introduced at that time."},
    {"proc.is_exe_lower_layer", T::Bool, PF::NA, kNone, Arg::None,
     "Process Executable Is In Lower Layer",
     "'true' if this process' executable file is in lower layer in overlayfs. This field value"
     " can only be trusted if the underlying kernel version is greater or equal than 3.18.0, "
     "since overlayfs was introduced at that time."},
    {"proc.is_exe_from_memfd", T::Bool, PF::NA, kNone, Arg::None,
     "Process Executable Is Stored In Memfd",
     "'true' if the executable file of the current process is an anonymous file created using "
     "memfd_create() and is being executed by referencing its file descriptor (fd). This type "
     "of file exists only in memory and not on disk. Relevant to detect malicious in-memory "
     "code injection. Requires kernel version greater or equal to 3.17.0."},
    {"proc.is_sid_leader", T::Bool, PF::NA, kNone, Arg::None, "Process Is Process Session Leader",
     "'true' if this process is the leader of the process session, proc.sid == proc.vpid. For "
     "host processes vpid reflects pid."},
    {"proc.is_vpgid_leader", T::Bool, PF::NA, kNone, Arg::None,
     "Process Is Virtual Process Group Leader",
     "'true' if this process is the leader of the virtual process group, proc.vpgid == "
     "proc.vpid. For host processes vpgid and vpid reflect pgid and pid. Can help to "
     "distinguish if the process was 'directly' executed for instance in a tty (similar to "
     "bash history logging, `is_vpgid_leader` would be 'true') or executed as descendent "
     "process in the same process group which for example is the case when subprocesses are "
     "spawned from a script (`is_vpgid_leader` would be 'false')."},
    {"proc.is_pgid_leader", T::Bool, PF::NA, kNone, Arg::None, "Process Is Process Group Leader",
     "'true' if this process is the leader of the process group, proc.pgid == proc.pid. Can "
     "help to distinguish if the process was 'directly' executed for instance in a tty "
     "(similar to bash history logging, `is_pgid_leader` would be 'true') or executed as "
     "descendent process in the same process group which for example is the case when "
     "subprocesses are spawned from a script (`is_pgid_leader` would be 'false')."},
    {"proc.exe_ino", T::Int64, PF::Dec, kNone, Arg::None, "Inode number of executable file on disk",
     "The inode number of the executable file on disk. Can be correlated with fd.ino."},
    {"proc.exe_ino.ctime", T::Abstime, PF::Dec, kNone, Arg::None,
     "Last status change time (ctime) of executable file",
     "Last status change time of executable file (inode->ctime) as epoch timestamp in "
     "nanoseconds. Time is changed by writing or by setting inode information e.g. owner, "
     "group, link count, mode etc."},
    {"proc.exe_ino.mtime", T::Abstime, PF::Dec, kNone, Arg::None,
     "Last modification time (mtime) of executable file",
     "Last modification time of executable file (inode->mtime) as epoch timestamp in "
     "nanoseconds. Time is changed by file modifications, e.g. by mknod, truncate, utime, "
     "write of more than zero bytes etc. For tracking changes in owner, group, link count or "
     "mode, use proc.exe_ino.ctime instead."},
    {"proc.exe_ino.ctime_duration_proc_start", T::Abstime, PF::Dec, kNone, Arg::None,
     "Number of nanoseconds between ctime exe file and proc clone ts",
     "Number of nanoseconds between modifying status of executable image and spawning a new "
     "process using the changed executable image."},
    {"proc.exe_ino.ctime_duration_pidns_start", T::Abstime, PF::Dec, kNone, Arg::None,
     "Number of nanoseconds between pidns start ts and ctime exe file",
     "Number of nanoseconds between PID namespace start ts and ctime exe file if PID namespace"
     " start predates ctime."},
    {"proc.pidns_init_start_ts", T::Uint64, PF::Dec, kNone, Arg::None, "Start ts of pid namespace",
     "Start of PID namespace (container or non container pid namespace) as epoch timestamp in "
     "nanoseconds."},
    {"proc.fdopencount", T::Uint64, PF::Dec, kNone, Arg::None, "FD Count",
     "Number of open FDs for the process"},
    {"proc.fdlimit", T::Int64, PF::Dec, kNone, Arg::None, "FD Limit",
     "Maximum number of FDs the process can open."},
    {"proc.fdusage", T::Double, PF::NA, kNone, Arg::None, "FD Usage",
     "The ratio between open FDs and maximum available FDs for the process."},
    {"proc.vmsize", T::Uint64, PF::Dec, kNone, Arg::None, "VM Size",
     "Total virtual memory for the process (as kb)."},
    {"proc.vmrss", T::Uint64, PF::Dec, kNone, Arg::None, "VM RSS",
     "Resident non-swapped memory for the process (as kb)."},
    {"proc.vmswap", T::Uint64, PF::Dec, kNone, Arg::None, "VM Swap",
     "Swapped memory for the process (as kb)."},
    {"proc.nthreads", T::Uint64, PF::Dec, kNone, Arg::None, "Threads",
     "The number of alive threads that the process generating the event currently has, "
     "including the leader thread. Please note that the leader thread may not be here, in that"
     " case 'proc.nthreads' and 'proc.nchilds' are equal"},
    {"proc.nchilds", T::Uint64, PF::Dec, kNone, Arg::None, "Children",
     "The number of alive not leader threads that the process generating the event currently "
     "has. This excludes the leader thread."},
    {"proc.stdin.type", T::Charbuf, PF::NA, kNone, Arg::None, "Standard Input fd type",
     "The type of file descriptor 0, corresponding to stdin, of the process generating the "
     "event."},
    {"proc.stdout.type", T::Charbuf, PF::NA, kNone, Arg::None, "Standard Output fd type",
     "The type of file descriptor 1, corresponding to stdout, of the process generating the "
     "event."},
    {"proc.stderr.type", T::Charbuf, PF::NA, kNone, Arg::None, "Standard Error fd type",
     "The type of file descriptor 2, corresponding to stderr, of the process generating the "
     "event."},
    {"proc.stdin.name", T::Charbuf, PF::NA, kNone, Arg::None, "Standard Input fd name",
     "The name of the file descriptor 0, corresponding to stdin, of the process generating the"
     " event."},
    {"proc.stdout.name", T::Charbuf, PF::NA, kNone, Arg::None, "Standard Output fd name",
     "The name of the file descriptor 1, corresponding to stdout, of the process generating "
     "the event."},
    {"proc.stderr.name", T::Charbuf, PF::NA, kNone, Arg::None, "Standard Error fd name",
     "The name of the file descriptor 2, corresponding to stderr, of the process generating "
     "the event."},
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
      "",      "Additional information about the process and thread executing the syscall event.",
      kFields, bind_proc};
  return c;
}

}  // namespace saker::fields
