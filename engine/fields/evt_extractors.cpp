// The per-event extractors of the evt class (catalog and binding: evt_fields.cpp). They need
// only the event (and its enter event), the schema and the param renderer; fd-dependent ones
// (evt.category of I/O events, evt.is_syslog, evt.buflen) also read ctx.fd.
#include <cstring>
#include <ctime>

#include "engine/events/event_types.h"
#include "engine/events/flag_names.h"
#include "engine/events/ppm_flags.h"
#include "engine/events/render.h"
#include "engine/fields/evt_field.h"
#include "engine/fields/render_field.h"
#include "engine/fields/syscall_categories.h"
#include "engine/state/fd_info.h"
#include "engine/state/path.h"
#include "engine/state/state.h"
#include "engine/state/thread_info.h"

namespace saker::fields::evt_detail {

const ParamIndex& res_param() {
  static const ParamIndex p("res");
  return p;
}
const ParamIndex& fd_param() {
  static const ParamIndex p("fd");
  return p;
}
const ParamIndex& data_param() {
  static const ParamIndex p("data");
  return p;
}

// sysdig's return value of an event: the "res" param, or for the exit of a syscall that creates
// an fd, its "fd" param. -1 when neither.
int32_t result_index(const EventView& ev) {
  int32_t i = res_param().in(ev);
  if (i >= 0) return i;
  if (!ev.is_enter() && ev.info() && (ev.info()->flags & events::EF_CREATES_FD)) {
    return fd_param().in(ev);
  }
  return -1;
}

bool result_value(const EventView& ev, int64_t& res) {
  int32_t i = result_index(ev);
  return i >= 0 && ev.param_i64(static_cast<uint32_t>(i), res);
}

uint32_t category_of(const EventView& ev) { return ev.info() ? ev.info()->category : 0u; }
uint32_t flags_of(const EventView& ev) { return ev.info() ? ev.info()->flags : 0u; }

bool is_generic(const EventView& ev) {
  return ev.type() == events::PPME_GENERIC_E || ev.type() == events::PPME_GENERIC_X;
}

std::string_view type_name(const EventView& ev) {
  if (is_generic(ev)) {
    uint64_t id = 0;
    if (!ev.param_u64(0, id)) return {};
    return events::syscall_name(static_cast<uint16_t>(id));
  }
  return ev.info() ? std::string_view(ev.info()->name) : std::string_view();
}

namespace {
bool raw_param(const EventView& ev, uint32_t i, FieldValue& o);
}  // namespace

bool EvtField::render(const EvalContext& ctx, std::string& out) const {
  if (render_as == Render::Default || ctx.evt == nullptr) return BoundField::render(ctx, out);
  bool ok = false;
  if (render_as == Render::RawArg) {
    // As sysdig: the value is printed with the type and format the field was bound with (those
    // of the first param of that name in the table), whatever this event's param type is.
    int32_t i = param_in(*ctx.evt);
    FieldValue v;
    if (i >= 0 && raw_param(*ctx.evt, static_cast<uint32_t>(i), v)) {
      using PT = events::ParamType;
      const PT t = type();
      const bool is_signed = t == PT::Int8 || t == PT::Int16 || t == PT::Int32 || t == PT::Int64 ||
                             t == PT::Errno || t == PT::Fd || t == PT::Pid || t == PT::Fd32 ||
                             t == PT::Pid32;
      if (v.kind == FieldValue::Kind::Uint && is_signed) v.set_int(static_cast<int64_t>(v.u));
      if (v.kind == FieldValue::Kind::Int && !is_signed) v.set_uint(static_cast<uint64_t>(v.i));
      append_value(v, t, format(), out);
      return true;
    }
  } else {
    int32_t i = data_param().in(*ctx.evt);
    if (i >= 0) {
      size_t before = out.size();
      ok = events::render_arg(*ctx.evt, static_cast<uint32_t>(i), ctx.resolver, out);
      if (!ok) out.resize(before);
    }
  }
  if (!ok) out += "<NA>";
  return ok;
}

namespace {

// ---- time ----------------------------------------------------------------------------------

constexpr uint64_t kSecond = 1000000000ull;

// sysdig's ts_to_string: [YYYY-MM-DD ]HH:MM:SS[.nnnnnnnnn] in local time.
bool time_string(const EvtField& f, uint64_t ts, bool date, bool ns, FieldValue& out) {
  std::string& s = f.buf();
  s.clear();
  const int64_t sec = static_cast<int64_t>(ts / kSecond) + f.tz_offset;
  const uint64_t nsec = ts % kSecond;
  const int64_t day_s = ((sec % 86400) + 86400) % 86400;
  char b[64];
  int n = 0;
  if (date) {
    time_t day = static_cast<time_t>(sec - day_s);
    struct tm tm;
    if (gmtime_r(&day, &tm) == nullptr) {
      n = std::snprintf(b, sizeof b, "<date error> ");
    } else {
      n = std::snprintf(b, sizeof b, "%04d-%02d-%02d ", tm.tm_year + 1900, tm.tm_mon + 1,
                        tm.tm_mday);
    }
    s.append(b, n);
  }
  if (ns) {
    n = std::snprintf(b, sizeof b, "%02d:%02d:%02d.%09u", static_cast<int>(day_s / 3600),
                      static_cast<int>((day_s % 3600) / 60), static_cast<int>(day_s % 60),
                      static_cast<unsigned>(nsec));
  } else {
    n = std::snprintf(b, sizeof b, "%02d:%02d:%02d", static_cast<int>(day_s / 3600),
                      static_cast<int>((day_s % 3600) / 60), static_cast<int>(day_s % 60));
  }
  s.append(b, n);
  out.set_str(s);
  return true;
}

bool x_time(const EvtField& f, const EvalContext& c, FieldValue& o) {
  return time_string(f, c.evt->ts(), false, true, o);
}
bool x_time_s(const EvtField& f, const EvalContext& c, FieldValue& o) {
  return time_string(f, c.evt->ts(), false, false, o);
}
bool x_datetime(const EvtField& f, const EvalContext& c, FieldValue& o) {
  return time_string(f, c.evt->ts(), true, true, o);
}
bool x_datetime_s(const EvtField& f, const EvalContext& c, FieldValue& o) {
  return time_string(f, c.evt->ts(), true, false, o);
}
bool x_time_iso8601(const EvtField& f, const EvalContext& c, FieldValue& o) {
  const uint64_t ts = c.evt->ts();
  time_t sec = static_cast<time_t>(ts / kSecond);
  struct tm tm;
  if (gmtime_r(&sec, &tm) == nullptr) return false;
  char b[96];
  size_t n = strftime(b, sizeof b, "%FT%T", &tm);
  n += std::snprintf(b + n, sizeof b - n, ".%09u", static_cast<unsigned>(ts % kSecond));
  n += strftime(b + n, sizeof b - n, "%z", &tm);
  f.buf().assign(b, n);
  o.set_str(f.buf());
  return true;
}
bool x_rawtime(const EvtField&, const EvalContext& c, FieldValue& o) {
  o.set_uint(c.evt->ts());
  return true;
}
bool x_rawtime_s(const EvtField&, const EvalContext& c, FieldValue& o) {
  o.set_uint(c.evt->ts() / kSecond);
  return true;
}
bool x_rawtime_ns(const EvtField&, const EvalContext& c, FieldValue& o) {
  o.set_uint(c.evt->ts() % kSecond);
  return true;
}
uint64_t reltime(const EvalContext& c) {
  return c.evt->ts() >= c.first_ts ? c.evt->ts() - c.first_ts : 0;
}
bool x_reltime(const EvtField&, const EvalContext& c, FieldValue& o) {
  o.set_uint(reltime(c));
  return true;
}
bool x_reltime_s(const EvtField&, const EvalContext& c, FieldValue& o) {
  o.set_uint(reltime(c) / kSecond);
  return true;
}
bool x_reltime_ns(const EvtField&, const EvalContext& c, FieldValue& o) {
  o.set_uint(reltime(c) % kSecond);
  return true;
}
bool x_num(const EvtField&, const EvalContext& c, FieldValue& o) {
  o.set_uint(c.evt_num);
  return true;
}
bool x_source(const EvtField&, const EvalContext&, FieldValue& o) {
  o.set_str("syscall");
  return true;
}
bool x_is_async(const EvtField&, const EvalContext&, FieldValue& o) {
  o.set_bool(false);
  return true;
}
bool x_hostname(const EvtField&, const EvalContext& c, FieldValue& o) {
  if (c.hostname.empty()) return false;
  o.set_str(c.hostname);
  return true;
}

// Latency: exit timestamp minus its enter's (ctx.enter, or the enter the state engine kept for
// the thread); 0 for enter events and unknown pairs.
uint64_t latency(const EvalContext& c) {
  if (c.evt->is_enter()) return 0;
  uint64_t enter_ts = 0;
  if (c.enter != nullptr) {
    enter_ts = c.enter->ts();
  } else if (c.thread != nullptr && c.thread->last_enter_type + 1 == c.evt->type() &&
             c.thread->last_enter.size() >= 8) {
    // The state engine consumes (invalidates) the enter at its exit but keeps its bytes.
    std::memcpy(&enter_ts, c.thread->last_enter.data(), 8);  // EventHeader::ts comes first
  }
  if (enter_ts == 0 || enter_ts > c.evt->ts()) return 0;
  return c.evt->ts() - enter_ts;
}
bool x_latency(const EvtField&, const EvalContext& c, FieldValue& o) {
  if (category_of(*c.evt) & events::EC_INTERNAL) return false;
  o.set_uint(latency(c));
  return true;
}
bool x_latency_s(const EvtField&, const EvalContext& c, FieldValue& o) {
  if (category_of(*c.evt) & events::EC_INTERNAL) return false;
  o.set_uint(latency(c) / kSecond);
  return true;
}
bool x_latency_ns(const EvtField&, const EvalContext& c, FieldValue& o) {
  if (category_of(*c.evt) & events::EC_INTERNAL) return false;
  o.set_uint(latency(c) % kSecond);
  return true;
}
// As sysdig: the time since the previous event this field was evaluated on (0 the first time).
uint64_t delta(const EvtField& f, const EvalContext& c) {
  const uint64_t ts = c.evt->ts();
  const uint64_t d = (f.last_ts == 0 || f.last_ts > ts) ? 0 : ts - f.last_ts;
  f.last_ts = ts;
  return d;
}
bool x_delta(const EvtField& f, const EvalContext& c, FieldValue& o) {
  o.set_uint(delta(f, c));
  return true;
}
bool x_delta_s(const EvtField& f, const EvalContext& c, FieldValue& o) {
  o.set_uint(delta(f, c) / kSecond);
  return true;
}
bool x_delta_ns(const EvtField& f, const EvalContext& c, FieldValue& o) {
  o.set_uint(delta(f, c) % kSecond);
  return true;
}

// ---- type, direction, category --------------------------------------------------------------

bool x_dir(const EvtField&, const EvalContext& c, FieldValue& o) {
  o.set_str(c.evt->is_enter() ? ">" : "<");
  return true;
}
bool x_type(const EvtField&, const EvalContext& c, FieldValue& o) {
  std::string_view n = type_name(*c.evt);
  if (n.empty()) return false;
  o.set_str(n);
  return true;
}
bool x_type_is(const EvtField& f, const EvalContext& c, FieldValue& o) {
  o.set_uint(c.evt->type() == f.type_is[0] || c.evt->type() == f.type_is[1] ? 1 : 0);
  return true;
}
bool x_syscall_type(const EvtField& f, const EvalContext& c, FieldValue& o) {
  // As sysdig: not for context switches, nor for events flagged internal / skip-parse-reset
  // (the two flags share bit 8).
  if (c.evt->type() == events::PPME_SCHEDSWITCH_6_E ||
      (flags_of(*c.evt) & (uint32_t{events::EC_INTERNAL} | uint32_t{events::EF_SKIPPARSERESET}))) {
    return false;
  }
  return x_type(f, c, o);
}
bool x_category(const EvtField&, const EvalContext& c, FieldValue& o) {
  using namespace events;
  // Generic events take the category of their syscall (the schema says EC_OTHER for all).
  uint32_t cat =
      is_generic(*c.evt) ? generic_syscall_category(type_name(*c.evt)) : category_of(*c.evt);
  // Categories carry source bits since 2023 (EC_SYSCALL ...); sysdig 0.29 had none.
  cat &= ~(EC_SYSCALL | EC_TRACEPOINT | EC_PLUGIN | EC_METAEVENT | EC_ITER);
  const char* s = "unknown";
  switch (cat) {
    case EC_UNKNOWN:
      s = "unknown";
      break;
    case EC_OTHER:
      s = "other";
      break;
    case EC_FILE:
      s = "file";
      break;
    case EC_NET:
      s = "net";
      break;
    case EC_IPC:
      s = "IPC";
      break;
    case EC_MEMORY:
      s = "memory";
      break;
    case EC_PROCESS:
      s = "process";
      break;
    case EC_SLEEP:
      s = "sleep";
      break;
    case EC_SYSTEM:
      s = "system";
      break;
    case EC_SIGNAL:
      s = "signal";
      break;
    case EC_USER:
      s = "user";
      break;
    case EC_TIME:
      s = "time";
      break;
    case EC_PROCESSING:
      s = "processing";
      break;
    case EC_IO_READ:
    case EC_IO_WRITE:
    case EC_IO_OTHER: {
      // I/O events take their subcategory from the fd.
      using state::FdType;
      if (c.fd == nullptr) break;
      switch (c.fd->type) {
        case FdType::File:
        case FdType::FileV2:
        case FdType::Directory:
          s = "file";
          break;
        case FdType::Ipv4Sock:
        case FdType::Ipv6Sock:
        case FdType::Ipv4ServSock:
        case FdType::Ipv6ServSock:
          s = "net";
          break;
        case FdType::Fifo:
        case FdType::UnixSock:
        case FdType::Event:
        case FdType::Signalfd:
        case FdType::Inotify:
          s = "ipc";
          break;
        default:
          s = "unknown";
          break;
      }
      break;
    }
    case EC_WAIT:
      s = "wait";
      break;
    case EC_SCHEDULER:
      s = "scheduler";
      break;
    default:
      break;
  }
  o.set_str(s);
  return true;
}
bool x_cpu(const EvtField&, const EvalContext& c, FieldValue& o) {
  if (c.cpu < 0) return false;
  o.set_int(c.cpu);
  return true;
}

// ---- params -------------------------------------------------------------------------------

bool x_args(const EvtField& f, const EvalContext& c, FieldValue& o) {
  std::string& s = f.buf();
  s.clear();
  if (!is_generic(*c.evt)) events::render_args(*c.evt, c.resolver, s);
  o.set_str(s);
  return true;
}
bool x_arg(const EvtField& f, const EvalContext& c, FieldValue& o) {
  int32_t i = f.param_in(*c.evt);
  if (i < 0) return false;
  std::string& s = f.buf();
  s.clear();
  if (!events::render_arg(*c.evt, static_cast<uint32_t>(i), c.resolver, s)) return false;
  o.set_str(s);
  return true;
}

// The raw value of param i, typed by the param's own schema type.
bool raw_param(const EventView& ev, uint32_t i, FieldValue& o) {
  const events::EventInfo* info = ev.info();
  if (info == nullptr || i >= info->params.size() || i >= ev.nparams()) return false;
  using PT = events::ParamType;
  switch (info->params[i].type) {
    case PT::Int8:
    case PT::Int16:
    case PT::Int32:
    case PT::Int64:
    case PT::Errno:
    case PT::Fd:
    case PT::Pid:
    case PT::Fd32:
    case PT::Pid32: {
      int64_t v;
      if (!ev.param_i64(i, v)) return false;
      o.set_int(v);
      return true;
    }
    case PT::Charbuf:
    case PT::Fspath:
    case PT::Fsrelpath:
    case PT::Bytebuf:
    case PT::Charbufarray:
    case PT::CharbufPairArray:
    case PT::Sockaddr:
    case PT::Socktuple:
    case PT::Fdlist:
    case PT::Dyn:
    case PT::Sigset: {
      auto p = ev.param(i);
      std::string_view s(reinterpret_cast<const char*>(p.data()), p.size());
      if (info->params[i].type != PT::Bytebuf) {
        while (!s.empty() && s.back() == '\0') s.remove_suffix(1);
      }
      o.set_str(s);
      return true;
    }
    case PT::Ipv4addr: {
      auto p = ev.param(i);
      if (p.size() != 4) return false;
      uint32_t a;
      std::memcpy(&a, p.data(), 4);
      o.set_ip(IpAddr::v4(a));
      return true;
    }
    case PT::Ipv6addr: {
      auto p = ev.param(i);
      if (p.size() != 16) return false;
      o.set_ip(IpAddr::v6(p.data()));
      return true;
    }
    case PT::Double: {
      auto p = ev.param(i);
      if (p.size() != sizeof(double)) return false;
      double d;
      std::memcpy(&d, p.data(), sizeof d);
      o.set_double(d);
      return true;
    }
    case PT::Bool: {
      uint64_t v;
      if (!ev.param_u64(i, v)) return false;
      o.set_bool(v != 0);
      return true;
    }
    default: {
      uint64_t v;
      if (!ev.param_u64(i, v)) return false;
      o.set_uint(v);
      return true;
    }
  }
}

bool x_rawarg(const EvtField& f, const EvalContext& c, FieldValue& o) {
  int32_t i = f.param_in(*c.evt);
  return i >= 0 && raw_param(*c.evt, static_cast<uint32_t>(i), o);
}
bool x_buffer(const EvtField&, const EvalContext& c, FieldValue& o) {
  int32_t i = data_param().in(*c.evt);
  if (i < 0) return false;
  auto p = c.evt->param(static_cast<uint32_t>(i));
  o.set_str(std::string_view(reinterpret_cast<const char*>(p.data()), p.size()));
  return true;
}
bool x_buflen(const EvtField&, const EvalContext& c, FieldValue& o) {
  if (c.fd == nullptr || !(category_of(*c.evt) & events::EC_IO_READ) || c.evt->is_enter()) {
    return false;
  }
  int64_t res;
  if (!c.evt->param_i64(0, res) || res < 0) return false;
  o.set_uint(static_cast<uint64_t>(res));
  return true;
}

// ---- result -------------------------------------------------------------------------------

bool x_res(const EvtField& f, const EvalContext& c, FieldValue& o) {
  int32_t i = result_index(*c.evt);
  int64_t res;
  if (i < 0 || !c.evt->param_i64(static_cast<uint32_t>(i), res)) return false;
  if (res >= 0) {
    o.set_str("SUCCESS");
    return true;
  }
  std::string_view name = events::errno_name(res);
  std::string& s = f.buf();
  if (!name.empty()) {
    s.assign(name);
  } else {
    s.clear();
    if (!events::render_arg(*c.evt, static_cast<uint32_t>(i), c.resolver, s)) return false;
  }
  o.set_str(s);
  return true;
}
bool x_rawres(const EvtField&, const EvalContext& c, FieldValue& o) {
  int64_t res;
  if (!result_value(*c.evt, res)) return false;
  o.set_int(res);
  return true;
}
bool x_failed(const EvtField&, const EvalContext& c, FieldValue& o) {
  int64_t res;
  o.set_bool(result_value(*c.evt, res) && res < 0);
  return true;
}
bool x_count_error(const EvtField&, const EvalContext& c, FieldValue& o) {
  int64_t res;
  if (!result_value(*c.evt, res) || res >= 0) return false;
  o.set_uint(1);
  return true;
}
bool x_count_error_file(const EvtField& f, const EvalContext& c, FieldValue& o) {
  using namespace events;
  if (c.fd != nullptr) {
    if (!c.fd->is_file() && c.fd->type != state::FdType::Directory) return false;
  } else {
    const uint16_t t = c.evt->type();
    if (t != PPME_SYSCALL_OPEN_X && t != PPME_SYSCALL_CREAT_X && t != PPME_SYSCALL_OPENAT_X &&
        t != PPME_SYSCALL_OPENAT_2_X && t != PPME_SYSCALL_OPENAT2_X) {
      return false;
    }
  }
  return x_count_error(f, c, o);
}
bool x_count_error_net(const EvtField& f, const EvalContext& c, FieldValue& o) {
  using namespace events;
  if (c.fd != nullptr) {
    if (!c.fd->is_inet() && c.fd->type != state::FdType::UnixSock) return false;
  } else {
    const uint16_t t = c.evt->type();
    if (t != PPME_SOCKET_ACCEPT_X && t != PPME_SOCKET_ACCEPT_5_X && t != PPME_SOCKET_ACCEPT4_X &&
        t != PPME_SOCKET_ACCEPT4_5_X && t != PPME_SOCKET_CONNECT_X) {
      return false;
    }
  }
  return x_count_error(f, c, o);
}
bool x_count_error_memory(const EvtField& f, const EvalContext& c, FieldValue& o) {
  uint32_t cat = category_of(*c.evt) & 0xffu & ~events::EC_WAIT & ~events::EC_SCHEDULER;
  if (cat != events::EC_MEMORY) return false;
  return x_count_error(f, c, o);
}
bool x_count(const EvtField&, const EvalContext&, FieldValue& o) {
  o.set_uint(1);
  return true;
}
bool x_count_exit(const EvtField&, const EvalContext& c, FieldValue& o) {
  if (c.evt->is_enter()) return false;
  o.set_uint(1);
  return true;
}

// ---- I/O and open flags --------------------------------------------------------------------

bool x_is_io(const EvtField&, const EvalContext& c, FieldValue& o) {
  o.set_bool(flags_of(*c.evt) & (events::EF_READS_FROM_FD | events::EF_WRITES_TO_FD));
  return true;
}
bool x_is_io_read(const EvtField&, const EvalContext& c, FieldValue& o) {
  o.set_bool(flags_of(*c.evt) & events::EF_READS_FROM_FD);
  return true;
}
bool x_is_io_write(const EvtField&, const EvalContext& c, FieldValue& o) {
  o.set_bool(flags_of(*c.evt) & events::EF_WRITES_TO_FD);
  return true;
}
bool x_io_dir(const EvtField&, const EvalContext& c, FieldValue& o) {
  const uint32_t fl = flags_of(*c.evt);
  if (fl & events::EF_WRITES_TO_FD) {
    o.set_str("write");
  } else if (fl & events::EF_READS_FROM_FD) {
    o.set_str("read");
  } else {
    return false;
  }
  return true;
}
bool x_is_wait(const EvtField&, const EvalContext& c, FieldValue& o) {
  o.set_bool(flags_of(*c.evt) & events::EF_WAITS);
  return true;
}
bool x_is_syslog(const EvtField&, const EvalContext& c, FieldValue& o) {
  o.set_bool((flags_of(*c.evt) & events::EF_WRITES_TO_FD) && c.fd != nullptr &&
             c.fd->name.find("/dev/log") != std::string::npos);
  return true;
}

enum class OpenCheck { Read, Write, Exec, Create };

// sysdig's evt.is_open_*: the flags (and mode) params of open, openat (both layouts), openat2,
// open_by_handle_at; creat only for exec.
bool open_check(const EvalContext& c, OpenCheck what) {
  using namespace events;
  const EventView& ev = *c.evt;
  const uint16_t t = ev.type();
  constexpr uint32_t kExecMask = PPM_S_IXUSR | PPM_S_IXGRP | PPM_S_IXOTH;
  uint64_t v = 0;
  if (t == PPME_SYSCALL_OPEN_X || t == PPME_SYSCALL_OPENAT_E || t == PPME_SYSCALL_OPENAT_2_X ||
      t == PPME_SYSCALL_OPENAT2_X || t == PPME_SYSCALL_OPEN_BY_HANDLE_AT_X) {
    const bool new_layout = t == PPME_SYSCALL_OPENAT_2_X || t == PPME_SYSCALL_OPENAT2_X;
    const uint32_t fi = new_layout ? 3 : 2;
    const uint32_t flags = ev.param_u64(fi, v) ? static_cast<uint32_t>(v) : 0;
    switch (what) {
      case OpenCheck::Read:
        return flags & PPM_O_RDONLY;
      case OpenCheck::Write:
        return flags & PPM_O_WRONLY;
      case OpenCheck::Create: {
        if (flags & PPM_O_F_CREATED) return true;
        int64_t res;
        return (flags & PPM_O_TMPFILE) && !ev.is_enter() && ev.param_i64(0, res) && res >= 0;
      }
      case OpenCheck::Exec:
        if ((flags & (PPM_O_TMPFILE | PPM_O_CREAT)) && t != PPME_SYSCALL_OPEN_BY_HANDLE_AT_X &&
            ev.param_u64(fi + 1, v)) {
          return v & kExecMask;
        }
        return false;
    }
  } else if (what == OpenCheck::Exec && t == PPME_SYSCALL_CREAT_X) {
    return ev.param_u64(2, v) && (v & kExecMask);
  }
  return false;
}
bool x_is_open_read(const EvtField&, const EvalContext& c, FieldValue& o) {
  o.set_bool(open_check(c, OpenCheck::Read));
  return true;
}
bool x_is_open_write(const EvtField&, const EvalContext& c, FieldValue& o) {
  o.set_bool(open_check(c, OpenCheck::Write));
  return true;
}
bool x_is_open_exec(const EvtField&, const EvalContext& c, FieldValue& o) {
  o.set_bool(open_check(c, OpenCheck::Exec));
  return true;
}
bool x_is_open_create(const EvtField&, const EvalContext& c, FieldValue& o) {
  o.set_bool(open_check(c, OpenCheck::Create));
  return true;
}

// ---- evt.abspath ------------------------------------------------------------------------------

int32_t param_named(const EventView& ev, std::string_view name) {
  const events::EventInfo* info = ev.info();
  if (info == nullptr) return -1;
  for (size_t i = 0; i < info->params.size() && i < ev.nparams(); ++i) {
    if (name == info->params[i].name) return static_cast<int32_t>(i);
  }
  return -1;
}

// The absolute path of the *at syscalls: dirfd (or the cwd) joined with the path param.
// argid: 0 evt.abspath, 1 evt.abspath.src, 2 evt.abspath.dst.
bool x_abspath(const EvtField& f, const EvalContext& c, FieldValue& o) {
  using namespace events;
  if (c.thread == nullptr || c.state == nullptr) return false;
  const EventView& ev = *c.evt;
  const uint16_t t = ev.type();
  const char* dirfd_name = nullptr;
  const char* path_name = nullptr;
  const bool src = f.argid == 0 || f.argid == 1;
  if (t == PPME_SYSCALL_RENAMEAT_X || t == PPME_SYSCALL_RENAMEAT2_X) {
    dirfd_name = src ? "olddirfd" : "newdirfd";
    path_name = src ? "oldpath" : "newpath";
  } else if (t == PPME_SYSCALL_LINKAT_2_X) {
    dirfd_name = src ? "olddir" : "newdir";
    path_name = src ? "oldpath" : "newpath";
  } else if (t == PPME_SYSCALL_SYMLINKAT_X) {
    dirfd_name = "linkdirfd";
    path_name = "linkpath";
  } else if (t == PPME_SYSCALL_OPENAT_2_X || t == PPME_SYSCALL_OPENAT2_X ||
             t == PPME_SYSCALL_UNLINKAT_2_X) {
    dirfd_name = "dirfd";
    path_name = "name";
  } else if (t == PPME_SYSCALL_MKDIRAT_X) {
    dirfd_name = "dirfd";
    path_name = "path";
  } else if (t == PPME_SYSCALL_FCHMODAT_X) {
    dirfd_name = "dirfd";
    path_name = "filename";
  } else if (t == PPME_SYSCALL_FCHOWNAT_X) {
    dirfd_name = "dirfd";
    path_name = "pathname";
  } else if (t == PPME_SYSCALL_OPEN_BY_HANDLE_AT_X) {
    int64_t fd = 0;
    if (!ev.param_i64(0, fd) || fd <= 0) return false;
    state::resolve_path(f.buf(), "", ev.param_str(3));
    o.set_str(f.buf());
    return true;
  } else {
    return false;
  }
  const int32_t di = param_named(ev, dirfd_name);
  const int32_t pi = param_named(ev, path_name);
  if (di < 0 || pi < 0) return false;
  int64_t dirfd = 0;
  const std::string_view path = ev.param_str(static_cast<uint32_t>(pi));
  if (!ev.param_i64(static_cast<uint32_t>(di), dirfd) || path.empty()) return false;
  std::string_view dir;
  if (path[0] == '/') {
    dir = {};
  } else if (dirfd == PPM_AT_FDCWD) {
    dir = c.state->cwd_of(*c.thread);
  } else if (const state::FdInfo* d = c.state->lookup_fd(static_cast<int64_t>(ev.tid()), dirfd)) {
    if (!d->name.empty() && d->name.back() == '/') {
      dir = d->name;
    } else {
      f.dir_buf.clear();
      f.dir_buf.append(d->name);
      f.dir_buf.push_back('/');
      dir = f.dir_buf;
    }
  } else {
    dir = "<UNKNOWN>/";
  }
  state::resolve_path(f.buf(), dir, path);
  o.set_str(f.buf());
  return true;
}

// ---- binding -------------------------------------------------------------------------------

struct Extractor {
  std::string_view name;
  EvtFn fn;
};

constexpr Extractor kExtractors[] = {
    {"evt.num", x_num},
    {"evt.time", x_time},
    {"evt.time.s", x_time_s},
    {"evt.time.iso8601", x_time_iso8601},
    {"evt.datetime", x_datetime},
    {"evt.datetime.s", x_datetime_s},
    {"evt.rawtime", x_rawtime},
    {"evt.rawtime.s", x_rawtime_s},
    {"evt.rawtime.ns", x_rawtime_ns},
    {"evt.reltime", x_reltime},
    {"evt.reltime.s", x_reltime_s},
    {"evt.reltime.ns", x_reltime_ns},
    {"evt.source", x_source},
    {"evt.is_async", x_is_async},
    {"evt.hostname", x_hostname},
    {"evt.latency", x_latency},
    {"evt.latency.s", x_latency_s},
    {"evt.latency.ns", x_latency_ns},
    {"evt.deltatime", x_delta},
    {"evt.deltatime.s", x_delta_s},
    {"evt.deltatime.ns", x_delta_ns},
    {"evt.dir", x_dir},
    {"evt.type", x_type},
    {"evt.type.is", x_type_is},
    {"syscall.type", x_syscall_type},
    {"evt.category", x_category},
    {"evt.cpu", x_cpu},
    {"evt.args", x_args},
    {"evt.info", x_args},
    {"evt.arg", x_arg},
    {"evt.rawarg", x_rawarg},
    {"evt.buffer", x_buffer},
    {"evt.buflen", x_buflen},
    {"evt.res", x_res},
    {"evt.rawres", x_rawres},
    {"evt.failed", x_failed},
    {"evt.is_io", x_is_io},
    {"evt.is_io_read", x_is_io_read},
    {"evt.is_io_write", x_is_io_write},
    {"evt.io_dir", x_io_dir},
    {"evt.is_wait", x_is_wait},
    {"evt.is_syslog", x_is_syslog},
    {"evt.count", x_count},
    {"evt.count.error", x_count_error},
    {"evt.count.error.file", x_count_error_file},
    {"evt.count.error.net", x_count_error_net},
    {"evt.count.error.memory", x_count_error_memory},
    {"evt.count.exit", x_count_exit},
    {"evt.is_open_read", x_is_open_read},
    {"evt.is_open_write", x_is_open_write},
    {"evt.is_open_exec", x_is_open_exec},
    {"evt.is_open_create", x_is_open_create},
    {"evt.abspath", x_abspath},
};

}  // namespace

int64_t local_utc_offset() {
  time_t now = time(nullptr);
  struct tm lt;
  if (localtime_r(&now, &lt) == nullptr) return 0;
  return lt.tm_gmtoff;
}

EvtFn evt_extractor(std::string_view name) {
  for (const Extractor& e : kExtractors) {
    if (e.name == name) return e.fn;
  }
  return nullptr;
}

}  // namespace saker::fields::evt_detail
