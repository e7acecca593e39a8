#pragma once
// The value an alert is while it travels from the rules engine to the output channels. It owns its
// strings: the event it came from is gone by the time a channel sees it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace saker::output {

// Falco's priorities, most severe first. The numeric values equal the syslog severities
// (LOG_EMERG .. LOG_DEBUG) and falco.schema.priority.
enum class Priority : std::uint8_t {
  Emergency = 0,
  Alert = 1,
  Critical = 2,
  Error = 3,
  Warning = 4,
  Notice = 5,
  Informational = 6,
  Debug = 7,
};

// "Emergency" .. "Debug", as Falco prints them.
std::string_view priority_name(Priority p);
// Case-insensitive; accepts "info" for Informational, as Falco's rule loader does.
std::optional<Priority> parse_priority(std::string_view text);

// A typed output field value: null (missing), string, signed, unsigned, bool or double.
using FieldValue = std::variant<std::monostate, std::string, std::int64_t, std::uint64_t, bool, double>;

struct OutputField {
  std::string name;    // as written in the format, e.g. "proc.aname[2]"
  FieldValue value;    // typed value for JSON output_fields; monostate when missing
  std::string text;    // rendered text (gRPC output_fields); "<NA>" when missing
};

struct Alert {
  std::uint64_t time_ns = 0;  // event time, ns since the epoch
  Priority priority = Priority::Debug;
  std::string rule;
  std::string source = "syscall";
  std::vector<std::string> tags;
  std::string message;  // the rule output with fields substituted, without time and priority
  std::vector<OutputField> fields;  // the fields of the output format, in format order
  std::string hostname;             // empty: the dispatcher's hostname
};

}  // namespace saker::output
