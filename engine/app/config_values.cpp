#include "engine/app/config_values.h"

#include <cctype>
#include <charconv>
#include <cstdlib>

namespace saker::config {

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::optional<bool> parse_bool(std::string_view s) {
  const std::string l = ascii_lower(s);
  if (l == "true" || l == "yes" || l == "on" || l == "y") return true;
  if (l == "false" || l == "no" || l == "off" || l == "n") return false;
  return std::nullopt;
}

std::optional<int64_t> parse_int(std::string_view s) {
  if (s.empty()) return std::nullopt;
  bool neg = false;
  if (s[0] == '+' || s[0] == '-') {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  int base = 10;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    base = 16;
    s.remove_prefix(2);
  }
  if (s.empty()) return std::nullopt;
  uint64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v, base);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  if (v > static_cast<uint64_t>(INT64_MAX) + (neg ? 1 : 0)) return std::nullopt;
  return neg ? static_cast<int64_t>(0 - v) : static_cast<int64_t>(v);
}

std::optional<double> parse_double(std::string_view s) {
  if (s.empty()) return std::nullopt;
  std::string str(s);
  char* end = nullptr;
  double v = std::strtod(str.c_str(), &end);
  if (end != str.c_str() + str.size()) return std::nullopt;
  // strtod also takes "inf", "nan" and hex floats; YAML numbers here are plain decimals.
  for (char c : str) {
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+' || c == 'e' ||
          c == 'E'))
      return std::nullopt;
  }
  return v;
}

std::optional<uint64_t> parse_duration_ms(std::string_view s) {
  std::string t;
  for (char c : s) if (!std::isspace(static_cast<unsigned char>(c))) t += c;
  if (t.empty()) return std::nullopt;
  if (auto plain = parse_int(t)) {
    if (*plain < 0) return std::nullopt;
    return static_cast<uint64_t>(*plain);
  }
  uint64_t total = 0;
  size_t i = 0;
  while (i < t.size()) {
    size_t start = i;
    while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
    if (i == start) return std::nullopt;
    uint64_t n = std::stoull(t.substr(start, i - start));
    size_t ustart = i;
    while (i < t.size() && std::isalpha(static_cast<unsigned char>(t[i]))) ++i;
    std::string unit = t.substr(ustart, i - ustart);
    uint64_t mult;
    if (unit == "ms") mult = 1;
    else if (unit == "s") mult = 1000;
    else if (unit == "m") mult = 60ull * 1000;
    else if (unit == "h") mult = 3600ull * 1000;
    else if (unit == "d") mult = 86400ull * 1000;
    else if (unit == "w") mult = 7ull * 86400 * 1000;
    else if (unit == "y") mult = 365ull * 86400 * 1000;
    else return std::nullopt;
    total += n * mult;
  }
  return total;
}

std::optional<uint64_t> parse_byte_size(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  if (i == 0) return std::nullopt;
  uint64_t n = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + i, n);
  if (ec != std::errc()) return std::nullopt;
  const std::string unit = ascii_lower(s.substr(i));
  uint64_t mult;
  if (unit.empty() || unit == "b") mult = 1;
  else if (unit == "k" || unit == "kb" || unit == "kib") mult = 1ull << 10;
  else if (unit == "m" || unit == "mb" || unit == "mib") mult = 1ull << 20;
  else if (unit == "g" || unit == "gb" || unit == "gib") mult = 1ull << 30;
  else return std::nullopt;
  return n * mult;
}

std::optional<uint32_t> parse_file_mode(std::string_view s) {
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'o' || s[1] == 'O')) s.remove_prefix(2);
  if (s.empty() || s.size() > 5) return std::nullopt;
  uint32_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v, 8);
  if (ec != std::errc() || p != s.data() + s.size() || v > 07777) return std::nullopt;
  return v;
}

}  // namespace saker::config
