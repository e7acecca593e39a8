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
    {"evt.num", T::Uint64, PF::Id, kNone, Arg::None, "Event Number", "event number."},
    {"evt.time", T::Charbuf, PF::NA, kNone, Arg::None, "Time",
     "event timestamp as a time string that includes the nanosecond part."},
    {"evt.time.s", T::Charbuf, PF::NA, kNone, Arg::None, "Time (s)",
     "event timestamp as a time string with no nanoseconds."},
    {"evt.time.iso8601", T::Charbuf, PF::NA, kNone, Arg::None, "ISO 8601 Time",
     "event timestamp in ISO 8601 format, including nanoseconds and time zone offset (in UTC)."},
    {"evt.datetime", T::Charbuf, PF::NA, kNone, Arg::None, "Datetime",
     "event timestamp as a time string that includes the date."},
    {"evt.datetime.s", T::Charbuf, PF::NA, kNone, Arg::None, "Datetime (s)",
     "event timestamp as a datetime string with no nanoseconds."},
    {"evt.rawtime", T::Abstime, PF::Dec, kNone, Arg::None, "Absolute Time",
     "absolute event timestamp, i.e. nanoseconds from epoch."},
    {"evt.rawtime.s", T::Abstime, PF::Dec, kNone, Arg::None, "Absolute Time (s)",
     "integer part of the event timestamp (e.g. seconds since epoch)."},
    {"evt.rawtime.ns", T::Abstime, PF::PaddedDec10, kNone, Arg::None, "Absolute Time (ns)",
     "fractional part of the absolute event timestamp."},
    {"evt.reltime", T::Reltime, PF::PaddedDec10, kNone, Arg::None, "Relative Time",
     "number of nanoseconds from the beginning of the capture."},
    {"evt.reltime.s", T::Reltime, PF::Dec, kNone, Arg::None, "Relative Time (s)",
     "number of seconds from the beginning of the capture."},
    {"evt.reltime.ns", T::Reltime, PF::PaddedDec10, kNone, Arg::None, "Relative Time (ns)",
     "fractional part (in ns) of the time from the beginning of the capture."},
    {"evt.pluginname", T::Charbuf, PF::NA, kNone, Arg::None, "Plugin Name",
     "if the event comes from a plugin-defined event source, the name of the plugin that "
     "generated it. The plugin must be currently loaded."},
    {"evt.plugininfo", T::Charbuf, PF::NA, kNone, Arg::None, "Plugin Info",
     "if the event comes from a plugin-defined event source, a summary of the event as "
     "formatted by the plugin. The plugin must be currently loaded."},
    {"evt.source", T::Charbuf, PF::NA, kNone, Arg::None, "Event Source",
     "the name of the source that produced the event."},
    {"evt.is_async", T::Bool, PF::NA, kNone, Arg::None, "Async Event",
     "'true' for asynchronous events, 'false' otherwise."},
    {"evt.asynctype", T::Charbuf, PF::NA, kNone, Arg::None, "Async-Event Type",
     "If the event is asynchronous, the type of the event (e.g. 'container')."},
    {"evt.hostname", T::Charbuf, PF::NA, kNone, Arg::None, "Hostname",
     "The hostname of the underlying host can be customized by setting an environment variable"
     " (e.g. FALCO_HOSTNAME for the Falco agent). This is valuable in Kubernetes setups, where"
     " the hostname can match the pod name particularly in DaemonSet deployments. To achieve "
     "this, assign Kubernetes' spec.nodeName to the environment variable. Notably, "
     "spec.nodeName generally includes the cluster name."},
};

constexpr FieldInfo kSyscallFields[] = {
    {"evt.latency", T::Reltime, PF::Dec, kDeprecated, Arg::None, "Latency",
     "delta between an exit event and the correspondent enter event, in nanoseconds."},
    {"evt.latency.s", T::Reltime, PF::Dec, kDeprecated, Arg::None, "Latency (s)",
     "integer part of the event latency delta."},
    {"evt.latency.ns", T::Reltime, PF::PaddedDec10, kDeprecated, Arg::None, "Latency (ns)",
     "fractional part of the event latency delta."},
    {"evt.latency.quantized", T::Uint64, PF::Dec, kHidden | kDeprecated, Arg::None,
     "Quantized Latency",
     "10-base log of the delta between an exit event and the correspondent enter event."},
    {"evt.latency.human", T::Charbuf, PF::NA, kDeprecated, Arg::None, "Human-Readable Latency",
     "delta between an exit event and the correspondent enter event, as a human readable "
     "string (e.g. 10.3ms)."},
    {"evt.deltatime", T::Reltime, PF::Dec, kNone, Arg::None, "Delta",
     "delta between this event and the previous event, in nanoseconds."},
    {"evt.deltatime.s", T::Reltime, PF::Dec, kNone, Arg::None, "Delta (s)",
     "integer part of the delta between this event and the previous event."},
    {"evt.deltatime.ns", T::Reltime, PF::PaddedDec10, kNone, Arg::None, "Delta (ns)",
     "fractional part of the delta between this event and the previous event."},
    {"evt.outputtime", T::Charbuf, PF::NA, kPrintOnly, Arg::None, "Output Time",
     "this depends on -t param, default is %evt.time ('h')."},
    {"evt.dir", T::Charbuf, PF::Dir, kDeprecated, Arg::None, "Direction",
     "event direction can be either '>' for enter events or '<' for exit events."},
    {"evt.type", T::Charbuf, PF::NA, kNone, Arg::None, "Type",
     "The name of the event (e.g. 'open')."},
    {"evt.type.is", T::Uint32, PF::NA, kArgRequired, Arg::DotKey, "Type Is",
     "allows one to specify an event type, and returns 1 for events that are of that type. For"
     " example, evt.type.is.open returns 1 for open events, 0 for any other event."},
    {"syscall.type", T::Charbuf, PF::NA, kNone, Arg::None, "Syscall Type",
     "For system call events, the name of the system call (e.g. 'open'). Unset for other "
     "events (e.g. switch or internal events). Use this field instead of evt.type if you need "
     "to make sure that the filtered/printed value is actually a system call."},
    {"evt.category", T::Charbuf, PF::NA, kNone, Arg::None, "Category",
     "The event category. Example values are 'file' (for file operations like open and close),"
     " 'net' (for network operations like socket and bind), memory (for things like brk or "
     "mmap), and so on."},
    {"evt.cpu", T::Int16, PF::Id, kNone, Arg::None, "CPU Number",
     "number of the CPU where this event happened."},
    {"evt.args", T::Charbuf, PF::NA, kNone, Arg::None, "Arguments",
     "all the event arguments, aggregated into a single string."},
    {"evt.arg", T::Charbuf, PF::NA, kArgRequired, Arg::Param, "Argument",
     "one of the event arguments specified by name or by number. Some events (e.g. return "
     "codes or FDs) will be converted into a text representation when possible. E.g. "
     "'evt.arg.fd' or 'evt.arg[0]'."},
    {"evt.rawarg", T::Dyn, PF::NA, kArgRequired | kNoRhs | kNoTransformer, Arg::Param,
     "Raw Argument", "one of the event arguments specified by name. E.g. 'evt.rawarg.fd'."},
    {"evt.info", T::Charbuf, PF::NA, kNone, Arg::None, "Information",
     "Currently, this field returns the same value as 'evt.args'."},
    {"evt.buffer", T::Bytebuf, PF::NA, kNone, Arg::None, "Buffer",
     "the binary data buffer for events that have one, like read(), recvfrom(), etc. Use this "
     "field in filters with 'contains' to search into I/O data buffers."},
    {"evt.buflen", T::Uint64, PF::Dec, kNone, Arg::None, "Buffer Length",
     "the length of the binary data buffer for events that have one, like read(), recvfrom(), "
     "etc."},
    {"evt.res", T::Charbuf, PF::Dec, kNone, Arg::None, "Return Value",
     "event return value, as a string. If the event failed, the result is an error code string"
     " (e.g. 'ENOENT'), otherwise the result is the string 'SUCCESS'."},
    {"evt.rawres", T::Int64, PF::Dec, kNone, Arg::None, "Raw Return Value",
     "event return value, as a number (e.g. -2). Useful for range comparisons."},
    {"evt.failed", T::Bool, PF::NA, kNone, Arg::None, "Failed",
     "'true' for events that returned an error status."},
    {"evt.is_io", T::Bool, PF::NA, kNone, Arg::None, "Is I/O",
     "'true' for events that read or write to FDs, like read(), send, recvfrom(), etc."},
    {"evt.is_io_read", T::Bool, PF::NA, kNone, Arg::None, "Is Read",
     "'true' for events that read from FDs, like read(), recv(), recvfrom(), etc."},
    {"evt.is_io_write", T::Bool, PF::NA, kNone, Arg::None, "Is Write",
     "'true' for events that write to FDs, like write(), send(), etc."},
    {"evt.io_dir", T::Charbuf, PF::NA, kNone, Arg::None, "I/O Direction",
     "'r' for events that read from FDs, like read(); 'w' for events that write to FDs, like "
     "write()."},
    {"evt.is_wait", T::Bool, PF::NA, kNone, Arg::None, "Is Wait",
     "'true' for events that make the thread wait, e.g. sleep(), select(), poll()."},
    {"evt.wait_latency", T::Reltime, PF::Dec, kDeprecated, Arg::None, "Wait Latency",
     "for events that make the thread wait (e.g. sleep(), select(), poll()), this is the time "
     "spent waiting for the event to return, in nanoseconds."},
    {"evt.is_syslog", T::Bool, PF::NA, kNone, Arg::None, "Is Syslog",
     "'true' for events that are writes to /dev/log."},
    {"evt.count", T::Uint32, PF::Dec, kNone, Arg::None, "Count",
     "This filter field always returns 1."},
    {"evt.count.error", T::Uint32, PF::Dec, kNone, Arg::None, "Error Count",
     "This filter field returns 1 for events that returned with an error."},
    {"evt.count.error.file", T::Uint32, PF::Dec, kNone, Arg::None, "File Error Count",
     "This filter field returns 1 for events that returned with an error and are related to "
     "file I/O."},
    {"evt.count.error.net", T::Uint32, PF::Dec, kNone, Arg::None, "Network Error Count",
     "This filter field returns 1 for events that returned with an error and are related to "
     "network I/O."},
    {"evt.count.error.memory", T::Uint32, PF::Dec, kNone, Arg::None, "Memory Error Count",
     "This filter field returns 1 for events that returned with an error and are related to "
     "memory allocation."},
    {"evt.count.error.other", T::Uint32, PF::Dec, kNone, Arg::None, "Other Error Count",
     "This filter field returns 1 for events that returned with an error and are related to "
     "none of the previous categories."},
    {"evt.count.exit", T::Uint32, PF::Dec, kNone, Arg::None, "Exit Count",
     "This filter field returns 1 for exit events."},
    {"evt.count.procinfo", T::Uint32, PF::Dec, kHidden, Arg::None, "Procinfo Count",
     "This filter field returns 1 for procinfo events generated by process main threads."},
    {"evt.count.threadinfo", T::Uint32, PF::Dec, kHidden, Arg::None, "Thread Info Count",
     "This filter field returns 1 for procinfo events."},
    {"evt.around", T::Uint64, PF::Dec, kFilterOnly | kArgRequired | kNoRhs | kNoTransformer,
     Arg::Index, "Around Interval",
     "Accepts the event if it's around the specified time interval. The syntax is "
     "evt.around[T]=D, where T is the value returned by %evt.rawtime for the event and D is a "
     "delta in milliseconds. For example, evt.around[1404996934793590564]=1000 will return the"
     " events with timestamp with one second before the timestamp and one second after it, for"
     " a total of two seconds of capture."},
    {"evt.abspath", T::Charbuf, PF::NA, kArgRequired, Arg::DotKey, "Absolute Path",
     "Absolute path calculated from dirfd and name during syscalls like renameat and "
     "symlinkat. Use 'evt.abspath.src' or 'evt.abspath.dst' for syscalls that support multiple"
     " paths."},
    {"evt.buflen.in", T::Uint64, PF::Dec, kHidden, Arg::None, "Input Buffer Length",
     "the length of the binary data buffer, but only for input I/O events."},
    {"evt.buflen.out", T::Uint64, PF::Dec, kHidden, Arg::None, "Output Buffer Length",
     "the length of the binary data buffer, but only for output I/O events."},
    {"evt.buflen.file", T::Uint64, PF::Dec, kHidden, Arg::None, "File Buffer Length",
     "the length of the binary data buffer, but only for file I/O events."},
    {"evt.buflen.file.in", T::Uint64, PF::Dec, kHidden, Arg::None, "File Input Buffer Length",
     "the length of the binary data buffer, but only for input file I/O events."},
    {"evt.buflen.file.out", T::Uint64, PF::Dec, kHidden, Arg::None, "File Output Buffer Length",
     "the length of the binary data buffer, but only for output file I/O events."},
    {"evt.buflen.net", T::Uint64, PF::Dec, kHidden, Arg::None, "Network Buffer Length",
     "the length of the binary data buffer, but only for network I/O events."},
    {"evt.buflen.net.in", T::Uint64, PF::Dec, kHidden, Arg::None, "Network Input Buffer Length",
     "the length of the binary data buffer, but only for input network I/O events."},
    {"evt.buflen.net.out", T::Uint64, PF::Dec, kHidden, Arg::None, "Network Output Buffer Length",
     "the length of the binary data buffer, but only for output network I/O events."},
    {"evt.is_open_read", T::Bool, PF::NA, kNone, Arg::None, "Is Opened For Reading",
     "'true' for open/openat/openat2/open_by_handle_at events where the path was opened for "
     "reading"},
    {"evt.is_open_write", T::Bool, PF::NA, kNone, Arg::None, "Is Opened For Writing",
     "'true' for open/openat/openat2/open_by_handle_at events where the path was opened for "
     "writing"},
    {"evt.infra.docker.name", T::Charbuf, PF::NA, kHidden, Arg::None, "Docker Name",
     "for docker infrastructure events, the name of the event."},
    {"evt.infra.docker.container.id", T::Charbuf, PF::NA, kHidden, Arg::None, "Docker ID",
     "for docker infrastructure events, the id of the impacted container."},
    {"evt.infra.docker.container.name", T::Charbuf, PF::NA, kHidden, Arg::None, "Container Name",
     "for docker infrastructure events, the name of the impacted container."},
    {"evt.infra.docker.container.image", T::Charbuf, PF::NA, kHidden, Arg::None, "Container Image",
     "for docker infrastructure events, the image name of the impacted container."},
    {"evt.is_open_exec", T::Bool, PF::NA, kNone, Arg::None, "Is Created With Execute Permissions",
     "'true' for open/openat/openat2/open_by_handle_at or creat events where a file is created"
     " with execute permissions"},
    {"evt.is_open_create", T::Bool, PF::NA, kNone, Arg::None, "Is Created",
     "'true' for for open/openat/openat2/open_by_handle_at events where a file is created."},
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
      "evt",          "evt",   "All event types", "These fields can be used for all event types",
      kGenericFields, bind_evt};
  return c;
}

const FieldClass& evt_class() {
  static constexpr FieldClass c{
      "evt",
      "evt",
      "Syscall events only",
      "Event fields applicable to syscall events. Note that for most events you can access the "
      "individual arguments/parameters of each syscall via evt.arg, e.g. evt.arg.filename.",
      kSyscallFields,
      bind_evt};
  return c;
}

}  // namespace saker::fields
