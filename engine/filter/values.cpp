#include "engine/filter/values.h"

#include <arpa/inet.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace saker::filter {

namespace {
int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool parse_unsigned_digits(std::string_view s, uint64_t* out) {
  if (s.empty()) return false;
  uint64_t base = 10;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    base = 16;
    s.remove_prefix(2);
  }
  uint64_t v = 0;
  for (char c : s) {
    int d = hexval(c);
    if (d < 0 || static_cast<uint64_t>(d) >= base) return false;
    if (v > (UINT64_MAX - static_cast<uint64_t>(d)) / base) return false;
    v = v * base + static_cast<uint64_t>(d);
  }
  *out = v;
  return true;
}
}  // namespace

bool parse_uint64(std::string_view s, uint64_t* out) {
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  return parse_unsigned_digits(s, out);
}

bool parse_int64(std::string_view s, int64_t* out) {
  bool neg = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  uint64_t v;
  if (!parse_unsigned_digits(s, &v)) return false;
  if (neg) {
    if (v > static_cast<uint64_t>(INT64_MAX) + 1) return false;
    *out = v == static_cast<uint64_t>(INT64_MAX) + 1 ? INT64_MIN : -static_cast<int64_t>(v);
  } else {
    if (v > static_cast<uint64_t>(INT64_MAX)) return false;
    *out = static_cast<int64_t>(v);
  }
  return true;
}

bool parse_double(std::string_view s, double* out) {
  if (s.empty() || s.size() > 64) return false;
  char buf[65];
  std::memcpy(buf, s.data(), s.size());
  buf[s.size()] = '\0';
  char* end = nullptr;
  errno = 0;
  double v = std::strtod(buf, &end);
  if (end != buf + s.size() || errno == ERANGE) return false;
  *out = v;
  return true;
}

bool parse_bool(std::string_view s, bool* out) {
  if (s == "true") {
    *out = true;
    return true;
  }
  if (s == "false") {
    *out = false;
    return true;
  }
  return false;
}

bool parse_ipaddr(std::string_view s, uint8_t addr[16], uint8_t* len) {
  if (s.empty() || s.size() > 45) return false;
  char buf[46];
  std::memcpy(buf, s.data(), s.size());
  buf[s.size()] = '\0';
  std::memset(addr, 0, 16);
  if (inet_pton(AF_INET, buf, addr) == 1) {
    *len = 4;
    return true;
  }
  if (inet_pton(AF_INET6, buf, addr) == 1) {
    *len = 16;
    return true;
  }
  return false;
}

bool parse_ipnet(std::string_view s, uint8_t addr[16], uint8_t* len, uint8_t* prefix) {
  size_t slash = s.find('/');
  if (!parse_ipaddr(s.substr(0, slash), addr, len)) return false;
  if (slash == std::string_view::npos) {
    *prefix = static_cast<uint8_t>(*len * 8);
    return true;
  }
  uint64_t p;
  std::string_view digits = s.substr(slash + 1);
  if (digits.empty() || digits.size() > 3 || !parse_unsigned_digits(digits, &p) || (digits[0] == '0' && digits.size() > 1)) {
    return false;
  }
  if (p > static_cast<uint64_t>(*len) * 8) return false;
  *prefix = static_cast<uint8_t>(p);
  return true;
}

bool parse_hex_bytes(std::string_view s, std::string* out) {
  if (s.size() % 2 != 0 || s.empty()) return false;
  out->clear();
  for (size_t i = 0; i < s.size(); i += 2) {
    int hi = hexval(s[i]), lo = hexval(s[i + 1]);
    if (hi < 0 || lo < 0) return false;
    *out += static_cast<char>(hi * 16 + lo);
  }
  return true;
}

bool validate_constant(FieldType type, CmpOp op, std::string_view text, std::string* why) {
  if (op == CmpOp::BContains || op == CmpOp::BStartsWith) {
    std::string bytes;
    if (!parse_hex_bytes(text, &bytes)) {
      *why = "bcontains and bstartswith operator support hex strings only";
      return false;
    }
    return true;
  }
  switch (type) {
    case FieldType::Int64: {
      int64_t v;
      if (parse_int64(text, &v)) return true;
      *why = "expected a signed integer";
      return false;
    }
    case FieldType::Uint64:
    case FieldType::RelTime:
    case FieldType::AbsTime: {
      uint64_t v;
      if (parse_uint64(text, &v)) return true;
      // Falco's number parser wraps negative values around for unsigned fields.
      int64_t s;
      if (parse_int64(text, &s)) return true;
      *why = "expected an unsigned integer";
      return false;
    }
    case FieldType::Port: {
      uint64_t v;
      if (parse_uint64(text, &v) && v <= 65535) return true;
      *why = "expected a port number (0-65535)";
      return false;
    }
    case FieldType::Double: {
      double v;
      if (parse_double(text, &v)) return true;
      *why = "expected a number";
      return false;
    }
    case FieldType::Bool: {
      bool v;
      if (parse_bool(text, &v)) return true;
      *why = "expected 'true' or 'false'";
      return false;
    }
    case FieldType::IpAddr: {
      uint8_t a[16], len, prefix;
      // Address fields also accept networks (an address matches a network containing it).
      if (parse_ipnet(text, a, &len, &prefix)) return true;
      *why = "expected an IP address";
      return false;
    }
    case FieldType::IpNet: {
      uint8_t a[16], len, prefix;
      if (parse_ipnet(text, a, &len, &prefix)) return true;
      *why = "expected an IP network (CIDR)";
      return false;
    }
    case FieldType::String:
    case FieldType::FsPath:
    case FieldType::Bytes:
      return true;
  }
  return true;
}

}  // namespace saker::filter
