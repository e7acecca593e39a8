#include "engine/output/alert_format.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <ctime>
#include <strings.h>
#include <vector>

namespace saker::output {

namespace {

constexpr std::string_view kPriorityNames[] = {"Emergency", "Alert",  "Critical",      "Error",
                                               "Warning",   "Notice", "Informational", "Debug"};

void append_digits(unsigned value, int width, std::string& out) {
  char buf[16];
  int n = width;
  for (int k = n - 1; k >= 0; --k) {
    buf[k] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  out.append(buf, static_cast<std::size_t>(n));
}

void append_hms_ns(const std::tm& tm, std::uint64_t ns, std::string& out) {
  append_digits(static_cast<unsigned>(tm.tm_hour), 2, out);
  out += ':';
  append_digits(static_cast<unsigned>(tm.tm_min), 2, out);
  out += ':';
  append_digits(static_cast<unsigned>(tm.tm_sec), 2, out);
  out += '.';
  append_digits(static_cast<unsigned>(ns % 1000000000ull), 9, out);
}

void append_utc_datetime(std::uint64_t ns, std::string& out) {
  std::time_t secs = static_cast<std::time_t>(ns / 1000000000ull);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  append_digits(static_cast<unsigned>(tm.tm_year + 1900), 4, out);
  out += '-';
  append_digits(static_cast<unsigned>(tm.tm_mon + 1), 2, out);
  out += '-';
  append_digits(static_cast<unsigned>(tm.tm_mday), 2, out);
  out += 'T';
  append_hms_ns(tm, ns, out);
}

}  // namespace

std::string_view priority_name(Priority p) {
  auto i = static_cast<std::size_t>(p);
  return i < std::size(kPriorityNames) ? kPriorityNames[i] : std::string_view("Debug");
}

std::optional<Priority> parse_priority(std::string_view text) {
  for (std::size_t i = 0; i < std::size(kPriorityNames); ++i) {
    const auto& n = kPriorityNames[i];
    if (n.size() == text.size() && strncasecmp(n.data(), text.data(), n.size()) == 0) {
      return static_cast<Priority>(i);
    }
  }
  if (text.size() == 4 && strncasecmp(text.data(), "info", 4) == 0) return Priority::Informational;
  return std::nullopt;
}

void append_time_local(std::uint64_t ns, std::string& out) {
  std::time_t secs = static_cast<std::time_t>(ns / 1000000000ull);
  std::tm tm{};
  localtime_r(&secs, &tm);
  append_hms_ns(tm, ns, out);
}

void append_time_iso8601(std::uint64_t ns, std::string& out) {
  append_utc_datetime(ns, out);
  out += "+0000";
}

void append_time_rfc3339(std::uint64_t ns, std::string& out) {
  append_utc_datetime(ns, out);
  out += 'Z';
}

void append_json_string(std::string_view s, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  std::size_t run = 0;  // start of the current run of bytes needing no escape
  for (std::size_t k = 0; k < s.size(); ++k) {
    const auto c = static_cast<unsigned char>(s[k]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, k - run);
    run = k + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 15];
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

void append_json_value(const FieldValue& v, std::string& out) {
  char buf[64];
  struct Visitor {
    std::string& out;
    char* buf;
    void operator()(std::monostate) const { out += "null"; }
    void operator()(const std::string& s) const { append_json_string(s, out); }
    void operator()(std::int64_t x) const { out.append(buf, std::to_chars(buf, buf + 64, x).ptr); }
    void operator()(std::uint64_t x) const { out.append(buf, std::to_chars(buf, buf + 64, x).ptr); }
    void operator()(bool b) const { out += b ? "true" : "false"; }
    void operator()(double d) const {
      if (!std::isfinite(d)) {
        out += "null";
        return;
      }
      out.append(buf, std::to_chars(buf, buf + 64, d).ptr);
    }
  };
  std::visit(Visitor{out, buf}, v);
}

void AlertFormatter::text_line(const Alert& a, std::string& out) const {
  if (opt_.time_format_iso_8601) {
    append_time_iso8601(a.time_ns, out);
  } else {
    append_time_local(a.time_ns, out);
  }
  out += ": ";
  out += priority_name(a.priority);
  out += ' ';
  out += a.message;
}

void AlertFormatter::json(const Alert& a, std::string& out) const {
  // Falco writes the properties in alphabetical order and splices output_fields in at the end.
  out += "{\"hostname\":";
  append_json_string(a.hostname.empty() ? opt_.hostname : a.hostname, out);
  if (opt_.include_message) {
    out += ",\"message\":";
    append_json_string(a.message, out);
  }
  if (opt_.include_output) {
    out += ",\"output\":\"";
    // The text line, escaped in place: render it after the quote, then escape the tail.
    const std::size_t start = out.size();
    text_line(a, out);
    std::string_view raw(out.data() + start, out.size() - start);
    bool clean = std::all_of(raw.begin(), raw.end(), [](char ch) {
      auto c = static_cast<unsigned char>(ch);
      return c >= 0x20 && c != '"' && c != '\\';
    });
    if (!clean) {
      std::string line(raw);
      out.resize(start - 1);
      append_json_string(line, out);
    } else {
      out += '"';
    }
  }
  out += ",\"priority\":";
  append_json_string(priority_name(a.priority), out);
  out += ",\"rule\":";
  append_json_string(a.rule, out);
  out += ",\"source\":";
  append_json_string(a.source, out);
  if (opt_.include_tags) {
    out += ",\"tags\":[";
    for (std::size_t k = 0; k < a.tags.size(); ++k) {
      if (k != 0) out += ',';
      append_json_string(a.tags[k], out);
    }
    out += ']';
  }
  out += ",\"time\":";
  out += '"';
  append_time_rfc3339(a.time_ns, out);
  out += '"';
  if (opt_.include_output_fields) {
    // Sorted by name, unique, with the time field of the text line (its raw value, a number).
    thread_local std::vector<const OutputField*> sorted;
    sorted.clear();
    for (const OutputField& f : a.fields) sorted.push_back(&f);
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const OutputField* x, const OutputField* y) { return x->name < y->name; });
    const std::string_view tf = time_field();
    bool time_done = false;
    out += ", \"output_fields\": {";
    bool first = true;
    auto emit_time = [&] {
      if (!first) out += ',';
      first = false;
      append_json_string(tf, out);
      out += ':';
      append_json_value(FieldValue(a.time_ns), out);
      time_done = true;
    };
    const std::string* prev = nullptr;
    for (const OutputField* f : sorted) {
      if (prev != nullptr && *prev == f->name) continue;
      prev = &f->name;
      if (!time_done) {
        if (f->name == tf) {
          time_done = true;  // the rule's own reference wins; same value
        } else if (tf < f->name) {
          emit_time();
        }
      }
      if (!first) out += ',';
      first = false;
      append_json_string(f->name, out);
      out += ':';
      append_json_value(f->value, out);
    }
    if (!time_done) emit_time();
    out += '}';
  }
  out += '}';
}

}  // namespace saker::output
