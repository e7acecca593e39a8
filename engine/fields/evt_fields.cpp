// Field classes `evt` (All event types) and `evt` (Syscall events only): the catalog and the
// binding of arguments (evt.arg.NAME, evt.arg[N], evt.rawarg.NAME, evt.type.is.X). The
// extractors are in evt_extractors.cpp.
#include "engine/fields/classes.h"
#include "engine/fields/evt_field.h"

namespace saker::fields {
namespace {

using T = FieldType;
using PF = PrintFormat;
using Arg = ArgSyntax;

constexpr FieldInfo kGenericFields[] = {
    {"evt.num", T::Uint64, PF::Id, kNone, Arg::None, "Event Number",
     "Position of the event in the live stream or trace file (its sequence number)."},
    {"evt.time", T::Charbuf, PF::NA, kNone, Arg::None, "Time",
     "Wall-clock time of the event as hh:mm:ss.nnnnnnnnn (local time, with nanoseconds)."},
    {"evt.time.s", T::Charbuf, PF::NA, kNone, Arg::None, "Time (s)",
     "Wall-clock time of the event as hh:mm:ss, nanoseconds dropped."},
    {"evt.time.iso8601", T::Charbuf, PF::NA, kNone, Arg::None, "ISO 8601 Time",
     "Event time in ISO 8601 form, UTC, with nanoseconds and a zone suffix."},
    {"evt.datetime", T::Charbuf, PF::NA, kNone, Arg::None, "Datetime",
     "Date and wall-clock time of the event, with nanoseconds."},
    {"evt.datetime.s", T::Charbuf, PF::NA, kNone, Arg::None, "Datetime (s)",
     "Date and wall-clock time of the event, whole seconds only."},
    {"evt.rawtime", T::Abstime, PF::Dec, kNone, Arg::None, "Absolute Time",
     "Event timestamp in nanoseconds since the Unix epoch, as the tracer stamped it."},
    {"evt.rawtime.s", T::Abstime, PF::Dec, kNone, Arg::None, "Absolute Time (s)",
     "Seconds part of evt.rawtime (whole seconds since the Unix epoch)."},
    {"evt.rawtime.ns", T::Abstime, PF::PaddedDec10, kNone, Arg::None, "Absolute Time (ns)",
     "Sub-second part of evt.rawtime, in nanoseconds."},
    {"evt.reltime", T::Reltime, PF::PaddedDec10, kNone, Arg::None, "Relative Time",
     "Nanoseconds elapsed since the first event of the stream or trace file."},
    {"evt.reltime.s", T::Reltime, PF::Dec, kNone, Arg::None, "Relative Time (s)",
     "Whole seconds elapsed since the first event of the stream or trace file."},
    {"evt.reltime.ns", T::Reltime, PF::PaddedDec10, kNone, Arg::None, "Relative Time (ns)",
     "Sub-second part of evt.reltime, in nanoseconds."},
    {"evt.pluginname", T::Charbuf, PF::NA, kNone, Arg::None, "Plugin Name",
     "Name of the plugin behind a plugin event source. Saker loads no plugins, so this is never "
     "set."},
    {"evt.plugininfo", T::Charbuf, PF::NA, kNone, Arg::None, "Plugin Info",
     "Plugin-rendered summary of a plugin event. Saker loads no plugins, so this is never set."},
    {"evt.source", T::Charbuf, PF::NA, kNone, Arg::None, "Event Source",
     "Event source the event belongs to; always 'syscall' in Saker."},
    {"evt.is_async", T::Bool, PF::NA, kNone, Arg::None, "Async",
     "Whether the event was injected asynchronously rather than produced by a syscall; always "
     "false in Saker."},
    {"evt.asynctype", T::Charbuf, PF::NA, kNone, Arg::None, "Async Type",
     "Kind of an asynchronous event (such as 'container'). Saker emits no asynchronous events, "
     "so this is never set."},
    {"evt.hostname", T::Charbuf, PF::NA, kNone, Arg::None, "Hostname",
     "Name of the machine running the engine: the hostname configuration key, else "
     "$FALCO_HOSTNAME, else gethostname(). In a Kubernetes DaemonSet, setting FALCO_HOSTNAME "
     "from spec.nodeName makes it name the node."},
};

constexpr FieldInfo kSyscallFields[] = {
    {"evt.latency", T::Reltime, PF::Dec, kDeprecated, Arg::None, "Latency",
     "Time from a syscall's enter event to its exit event, in nanoseconds; 0 on enter events."},
    {"evt.latency.s", T::Reltime, PF::Dec, kDeprecated, Arg::None, "Latency (s)",
     "Whole seconds of evt.latency."},
    {"evt.latency.ns", T::Reltime, PF::PaddedDec10, kDeprecated, Arg::None, "Latency (ns)",
     "Sub-second part of evt.latency, in nanoseconds."},
    {"evt.latency.quantized", T::Uint64, PF::Dec, kHidden | kDeprecated, Arg::None,
     "Quantized Latency",
     "Base-10 logarithm of evt.latency, for histograms. Not computed by Saker (always empty)."},
    {"evt.latency.human", T::Charbuf, PF::NA, kDeprecated, Arg::None, "Latency (text)",
     "evt.latency written with a unit, such as 10.3ms. Not computed by Saker (always empty)."},
    {"evt.deltatime", T::Reltime, PF::Dec, kNone, Arg::None, "Delta",
     "Nanoseconds since the previous event this field was evaluated on."},
    {"evt.deltatime.s", T::Reltime, PF::Dec, kNone, Arg::None, "Delta (s)",
     "Whole seconds of evt.deltatime."},
    {"evt.deltatime.ns", T::Reltime, PF::PaddedDec10, kNone, Arg::None, "Delta (ns)",
     "Sub-second part of evt.deltatime, in nanoseconds."},
    {"evt.outputtime", T::Charbuf, PF::NA, kPrintOnly, Arg::None, "Output Time",
     "Timestamp in the style chosen for output (-t; %evt.time by default). Not computed by Saker "
     "(always empty)."},
    {"evt.dir", T::Charbuf, PF::Dir, kDeprecated, Arg::None, "Direction",
     "'>' on a syscall's enter event, '<' on its exit event."},
    {"evt.type", T::Charbuf, PF::NA, kNone, Arg::None, "Type",
     "Event name, such as 'openat' or 'execve'."},
    {"evt.type.is", T::Uint32, PF::NA, kArgRequired, Arg::DotKey, "Type Is",
     "Takes an event name as suffix: evt.type.is.openat yields 1 on openat events and 0 on all "
     "others."},
    {"syscall.type", T::Charbuf, PF::NA, kNone, Arg::None, "Syscall Type",
     "Name of the syscall behind the event, such as 'openat'; empty on events that are not "
     "syscalls (internal or scheduler events). Prefer it to evt.type when only real syscalls "
     "must match."},
    {"evt.category", T::Charbuf, PF::NA, kNone, Arg::None, "Category",
     "Broad class of the event, such as 'file' (open, close), 'net' (socket, bind) or 'memory' "
     "(brk, mmap). Read and write calls are classed by the kind of fd they use."},
    {"evt.cpu", T::Int16, PF::Id, kNone, Arg::None, "CPU",
     "CPU the event was recorded on, when the source tells (trace files do); the ptrace tracer "
     "does not, so it is empty for live events."},
    {"evt.args", T::Charbuf, PF::NA, kNone, Arg::None, "Arguments",
     "Every parameter of the event rendered as name=value pairs on one line."},
    {"evt.arg", T::Charbuf, PF::NA, kArgRequired, Arg::Param, "Argument",
     "One event parameter, chosen by name (evt.arg.fd) or by position (evt.arg[0]), rendered as "
     "text: fds and pids get their names, flags their symbols, errors their codes where known."},
    {"evt.rawarg", T::Dyn, PF::NA, kArgRequired | kNoRhs | kNoTransformer, Arg::Param,
     "Raw Argument",
     "One event parameter by name (evt.rawarg.res), as its raw typed value without rendering, so "
     "numbers compare as numbers."},
    {"evt.info", T::Charbuf, PF::NA, kNone, Arg::None, "Information",
     "Same text as evt.args."},
    {"evt.buffer", T::Bytebuf, PF::NA, kNone, Arg::None, "Buffer",
     "Data carried by I/O events such as read or recvfrom. Filter on it with 'contains' to look "
     "inside the bytes read or written."},
    {"evt.buflen", T::Uint64, PF::Dec, kNone, Arg::None, "Buffer Length",
     "Size in bytes of the data of an I/O event (read, recvfrom and the like)."},
    {"evt.res", T::Charbuf, PF::Dec, kNone, Arg::None, "Result",
     "Outcome of the syscall as text: an errno name such as 'ENOENT' when it failed, 'SUCCESS' "
     "otherwise."},
    {"evt.rawres", T::Int64, PF::Dec, kNone, Arg::None, "Raw Result",
     "Outcome of the syscall as a signed number (-2 for ENOENT), handy for range tests."},
    {"evt.failed", T::Bool, PF::NA, kNone, Arg::None, "Failed",
     "True when the syscall returned an error."},
    {"evt.is_io", T::Bool, PF::NA, kNone, Arg::None, "Is I/O",
     "True on events that move data through an fd (read, write, send, recvfrom and relatives)."},
    {"evt.is_io_read", T::Bool, PF::NA, kNone, Arg::None, "Is Read",
     "True on events that take data in through an fd (read, recv, recvfrom and relatives)."},
    {"evt.is_io_write", T::Bool, PF::NA, kNone, Arg::None, "Is Write",
     "True on events that send data out through an fd (write, send and relatives)."},
    {"evt.io_dir", T::Charbuf, PF::NA, kNone, Arg::None, "I/O Direction",
     "'r' on events that take data in through an fd, 'w' on events that send data out."},
    {"evt.is_wait", T::Bool, PF::NA, kNone, Arg::None, "Is Wait",
     "True on events that block the thread on purpose, such as nanosleep, select or poll."},
    {"evt.wait_latency", T::Reltime, PF::Dec, kDeprecated, Arg::None, "Wait Latency",
     "Time a blocking call (nanosleep, select, poll) spent waiting, in nanoseconds. Not computed "
     "by Saker (always empty)."},
    {"evt.is_syslog", T::Bool, PF::NA, kNone, Arg::None, "Is Syslog",
     "True when the event writes to an fd whose name contains /dev/log."},
    {"evt.count", T::Uint32, PF::Dec, kNone, Arg::None, "Count",
     "Constant 1 on every event, for summing."},
    {"evt.count.error", T::Uint32, PF::Dec, kNone, Arg::None, "Error Count",
     "1 when the syscall failed, else 0."},
    {"evt.count.error.file", T::Uint32, PF::Dec, kNone, Arg::None, "File Error Count",
     "1 when a file-category syscall failed, else 0."},
    {"evt.count.error.net", T::Uint32, PF::Dec, kNone, Arg::None, "Network Error Count",
     "1 when a network-category syscall failed, else 0."},
    {"evt.count.error.memory", T::Uint32, PF::Dec, kNone, Arg::None, "Memory Error Count",
     "1 when a memory-category syscall failed, else 0."},
    {"evt.count.error.other", T::Uint32, PF::Dec, kNone, Arg::None, "Other Error Count",
     "1 when a syscall outside the file, network and memory categories failed. Not computed by "
     "Saker (always empty)."},
    {"evt.count.exit", T::Uint32, PF::Dec, kNone, Arg::None, "Exit Count",
     "1 on exit events, else 0."},
    {"evt.count.procinfo", T::Uint32, PF::Dec, kHidden, Arg::None, "Procinfo Count",
     "1 on procinfo events of a process's main thread. Not computed by Saker (always empty)."},
    {"evt.count.threadinfo", T::Uint32, PF::Dec, kHidden, Arg::None, "Thread Info Count",
     "1 on any procinfo event. Not computed by Saker (always empty)."},
    {"evt.around", T::Uint64, PF::Dec, kFilterOnly | kArgRequired | kNoRhs | kNoTransformer,
     Arg::Index, "Around Interval",
     "Written evt.around[T]=D with T an evt.rawtime value and D milliseconds: keeps events less "
     "than D ms before or after T. Not computed by Saker (never matches)."},
    {"evt.abspath", T::Charbuf, PF::NA, kArgRequired, Arg::DotKey, "Absolute Path",
     "Full path joined from a dirfd and a relative name, for *at calls (openat, mkdirat, "
     "unlinkat, fchmodat, fchownat, renameat, linkat, symlinkat) and open_by_handle_at. Calls "
     "naming two paths take evt.abspath.src or evt.abspath.dst."},
    {"evt.buflen.in", T::Uint64, PF::Dec, kHidden, Arg::None, "Input Buffer Length",
     "Like evt.buflen, but set only on events that take data in. Not computed by Saker (always "
     "empty)."},
    {"evt.buflen.out", T::Uint64, PF::Dec, kHidden, Arg::None, "Output Buffer Length",
     "Like evt.buflen, but set only on events that send data out. Not computed by Saker (always "
     "empty)."},
    {"evt.buflen.file", T::Uint64, PF::Dec, kHidden, Arg::None, "File Buffer Length",
     "Like evt.buflen, but set only on file I/O. Not computed by Saker (always empty)."},
    {"evt.buflen.file.in", T::Uint64, PF::Dec, kHidden, Arg::None, "File Input Buffer Length",
     "Like evt.buflen, but set only on file reads. Not computed by Saker (always empty)."},
    {"evt.buflen.file.out", T::Uint64, PF::Dec, kHidden, Arg::None, "File Output Buffer Length",
     "Like evt.buflen, but set only on file writes. Not computed by Saker (always empty)."},
    {"evt.buflen.net", T::Uint64, PF::Dec, kHidden, Arg::None, "Network Buffer Length",
     "Like evt.buflen, but set only on socket I/O. Not computed by Saker (always empty)."},
    {"evt.buflen.net.in", T::Uint64, PF::Dec, kHidden, Arg::None, "Network Input Buffer Length",
     "Like evt.buflen, but set only on socket receives. Not computed by Saker (always empty)."},
    {"evt.buflen.net.out", T::Uint64, PF::Dec, kHidden, Arg::None, "Network Output Buffer Length",
     "Like evt.buflen, but set only on socket sends. Not computed by Saker (always empty)."},
    {"evt.is_open_read", T::Bool, PF::NA, kNone, Arg::None, "Opened for Read",
     "True on open, openat, openat2 and open_by_handle_at events whose access mode includes "
     "reading."},
    {"evt.is_open_write", T::Bool, PF::NA, kNone, Arg::None, "Opened for Write",
     "True on open, openat, openat2 and open_by_handle_at events whose access mode includes "
     "writing."},
    {"evt.infra.docker.name", T::Charbuf, PF::NA, kHidden, Arg::None, "Docker Name",
     "Name of a Docker infrastructure event. Saker does not watch Docker events, so this is "
     "never set."},
    {"evt.infra.docker.container.id", T::Charbuf, PF::NA, kHidden, Arg::None, "Docker ID",
     "Container id of a Docker infrastructure event. Never set in Saker."},
    {"evt.infra.docker.container.name", T::Charbuf, PF::NA, kHidden, Arg::None, "Container Name",
     "Container name of a Docker infrastructure event. Never set in Saker."},
    {"evt.infra.docker.container.image", T::Charbuf, PF::NA, kHidden, Arg::None, "Container Image",
     "Container image of a Docker infrastructure event. Never set in Saker."},
    {"evt.is_open_exec", T::Bool, PF::NA, kNone, Arg::None, "Created Executable",
     "True on open-family and creat events that ask to create a file (O_CREAT or O_TMPFILE) with "
     "an execute bit in its mode."},
    {"evt.is_open_create", T::Bool, PF::NA, kNone, Arg::None, "Created",
     "True on open, openat, openat2 and open_by_handle_at events that really created a new file "
     "(the driver's created flag, or a successful O_TMPFILE open)."},
};

using namespace evt_detail;

// The schema type of the first param called `name` (as sysdig types evt.rawarg.NAME).
const events::ParamInfo* first_param_named(std::string_view name) {
  const uint16_t n = events::event_type_count();
  for (uint16_t t = 0; t < n; ++t) {
    const events::EventInfo* info = events::event_info(t);
    if (info == nullptr) continue;
    for (const events::ParamInfo& p : info->params) {
      if (name == p.name) return &p;
    }
  }
  return nullptr;
}

std::unique_ptr<BoundField> bind_evt(const BindRequest& req, std::string& error) {
  EvtFn fn = evt_extractor(req.info.name);
  if (fn == nullptr) return nullptr;  // catalog only
  auto f = std::make_unique<EvtField>(req.info, fn);
  std::string_view name = req.info.name;
  const FieldArg& arg = req.arg;

  if (name == "evt.arg" || name == "evt.rawarg") {
    if (arg.form == FieldArg::Form::Bracket) {
      if (name == "evt.rawarg") {
        error = "field 'evt.rawarg' takes a param name (evt.rawarg.NAME), not an index";
        return nullptr;
      }
      f->argid = static_cast<int32_t>(arg.index);
    } else {
      const events::ParamInfo* p = first_param_named(arg.text);
      if (p == nullptr) {
        error = "field '" + std::string(name) + "': unknown event argument '" +
                std::string(arg.text) + "'";
        return nullptr;
      }
      f->param = std::make_unique<ParamIndex>(arg.text);
      if (name == "evt.rawarg") {
        f->set_type(p->type, p->fmt);
        f->render_as = EvtField::Render::RawArg;
      }
    }
  } else if (name == "evt.type.is") {
    if (arg.is_index) {
      f->type_is[0] = static_cast<uint16_t>(arg.index);
    } else {
      uint16_t ids[2];
      if (events::event_types_named(arg.text, ids) == 0) {
        error = "field 'evt.type.is': unknown event type '" + std::string(arg.text) + "'";
        return nullptr;
      }
      f->type_is[0] = ids[0];
      f->type_is[1] = static_cast<uint16_t>(ids[0] + 1);
    }
  } else if (name == "evt.abspath") {
    // evt.abspath (0), evt.abspath.src (1), evt.abspath.dst (2).
    if (arg.present()) {
      if (arg.text == "src") {
        f->argid = 1;
      } else if (arg.text == "dst") {
        f->argid = 2;
      } else {
        error = "field 'evt.abspath': unknown argument '" + std::string(arg.text) +
                "' (expected evt.abspath, evt.abspath.src or evt.abspath.dst)";
        return nullptr;
      }
    } else {
      f->argid = 0;
    }
  } else if (name == "evt.buffer") {
    f->render_as = EvtField::Render::Buffer;
  } else if (name.starts_with("evt.time") || name.starts_with("evt.datetime")) {
    f->tz_offset = local_utc_offset();
  }
  return f;
}

}  // namespace

const FieldClass& evt_generic_class() {
  static constexpr FieldClass c{
      "evt",          "evt",   "All event types",
      "Fields available on every event, whatever its type or source.",
      kGenericFields, bind_evt};
  return c;
}

const FieldClass& evt_class() {
  static constexpr FieldClass c{
      "evt",
      "evt",
      "Syscall events only",
      "Fields that only syscall events carry. Single parameters of a syscall are reached by "
      "name or position through evt.arg (evt.arg.filename, evt.arg[1]).",
      kSyscallFields,
      bind_evt};
  return c;
}

}  // namespace saker::fields
