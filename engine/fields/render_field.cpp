#include "engine/fields/render_field.h"

#include <arpa/inet.h>

#include <cinttypes>
#include <cstdio>

namespace saker::fields {
namespace {

using T = FieldType;
using PF = PrintFormat;

void append_fmt(std::string& out, const char* fmt, auto v) {
  char buf[64];
  int n = std::snprintf(buf, sizeof buf, fmt, v);
  if (n > 0) out.append(buf, static_cast<size_t>(n) < sizeof buf ? n : sizeof buf - 1);
}

// Signed integer types (sysdig: INT8..INT64, PID, ERRNO, FD).
void append_signed(std::string& out, int64_t v, T type, PF fmt) {
  const bool wide = type == T::Int64 || type == T::Pid || type == T::Errno || type == T::Fd;
  if (fmt == PF::NA && !wide) {
    out += "<NA>";  // sysdig has no format for narrow integers without a print format
    return;
  }
  switch (fmt) {
    case PF::Oct:
      append_fmt(out, "%" PRIo64, static_cast<uint64_t>(v));
      return;
    case PF::Hex:
      // Printed at the width of the type, as sysdig casts before printing.
      if (type == T::Int8)
        append_fmt(out, "%" PRIX8, static_cast<uint8_t>(v));
      else if (type == T::Int16)
        append_fmt(out, "%" PRIX16, static_cast<uint16_t>(v));
      else if (type == T::Int32)
        append_fmt(out, "%" PRIX32, static_cast<uint32_t>(v));
      else
        append_fmt(out, "%" PRIX64, static_cast<uint64_t>(v));
      return;
    case PF::PaddedDec10:
      if (wide) {
        append_fmt(out, "%09" PRId64, v);
        return;
      }
      break;
    default:
      break;
  }
  append_fmt(out, "%" PRId64, v);
}

// Unsigned types. Like sysdig, the 8/16/32-bit types print decimal even with PF_HEX.
void append_unsigned(std::string& out, uint64_t v, T type, PF fmt) {
  const bool wide = type == T::Uint64 || type == T::Reltime || type == T::Abstime;
  if (fmt == PF::NA) {
    out += "<NA>";  // as sysdig: unsigned values need a print format
    return;
  }
  switch (fmt) {
    case PF::Oct:
      append_fmt(out, "%" PRIo64, v);
      return;
    case PF::Hex:
      if (wide)
        append_fmt(out, "%" PRIX64, v);
      else
        append_fmt(out, "%" PRIu64, v);
      return;
    case PF::PaddedDec10:
      if (wide) {
        append_fmt(out, "%09" PRIu64, v);
        return;
      }
      break;
    default:
      break;
  }
  append_fmt(out, "%" PRIu64, v);
}

void append_ip(std::string& out, const IpAddr& ip) {
  char buf[INET6_ADDRSTRLEN];
  if (ip.family == 4) {
    append_fmt(out, "%s", inet_ntop(AF_INET, ip.bytes.data(), buf, sizeof buf));
  } else if (ip.family == 6) {
    const char* s = inet_ntop(AF_INET6, ip.bytes.data(), buf, sizeof buf);
    out += s ? s : "<NA>";
  } else {
    out += "<NA>";
  }
}

void append_scalar(const FieldValue& v, T type, PF fmt, std::string& out) {
  switch (v.kind) {
    case FieldValue::Kind::None:
      out += "<NA>";
      return;
    case FieldValue::Kind::Int:
      append_signed(out, v.i, type, fmt);
      return;
    case FieldValue::Kind::Uint:
      append_unsigned(out, v.u, type, fmt);
      return;
    case FieldValue::Kind::Double:
      append_fmt(out, "%.1f", v.d);
      return;
    case FieldValue::Kind::Bool:
      out += v.b ? "true" : "false";
      return;
    case FieldValue::Kind::String: {
      // sysdig handles strings as C strings: they end at the first NUL.
      std::string_view s = v.str;
      size_t nul = s.find('\0');
      out.append(nul == std::string_view::npos ? s : s.substr(0, nul));
      return;
    }
    case FieldValue::Kind::Ip:
      append_ip(out, v.ip);
      return;
    case FieldValue::Kind::List:
      return;
  }
}

}  // namespace

void append_value(const FieldValue& v, FieldType type, PrintFormat fmt, std::string& out,
                  bool space_separated_list) {
  if (v.kind != FieldValue::Kind::List) {
    append_scalar(v, type, fmt, out);
    return;
  }
  if (space_separated_list) {
    bool first = true;
    for (const FieldValue& e : v.items) {
      if (!first) out += ' ';
      first = false;
      append_scalar(e, type, fmt, out);
    }
    return;
  }
  out += '(';
  bool first = true;
  for (const FieldValue& e : v.items) {
    if (!first) out += ',';
    first = false;
    append_scalar(e, type, fmt, out);
  }
  out += ')';
}

bool BoundField::render(const EvalContext& ctx, std::string& out) const {
  FieldValue v;
  if (!extract(ctx, v) || !v.present()) {
    out += "<NA>";
    return false;
  }
  append_value(v, type(), format(), out, list_space_separated());
  return true;
}

bool render_field(const BoundField& field, const EvalContext& ctx, std::string& out) {
  return field.render(ctx, out);
}

}  // namespace saker::fields
