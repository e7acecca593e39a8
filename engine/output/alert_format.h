#pragma once
// Turning an Alert into the bytes channels send: Falco's text line and Falco's JSON document.
#include <cstdint>
#include <string>
#include <string_view>

#include "engine/output/alert.h"

namespace saker::output {

struct FormatOptions {
  bool json_output = false;
  bool time_format_iso_8601 = false;
  bool include_output = true;         // json_include_output_property
  bool include_tags = true;           // json_include_tags_property
  bool include_message = false;       // json_include_message_property
  bool include_output_fields = true;  // json_include_output_fields_property
  std::string hostname;               // used when an alert has none
};

// "16:17:57.881781397" in local time (Falco's %evt.time).
void append_time_local(std::uint64_t ns, std::string& out);
// "2016-08-04T16:17:57.881781397+0000", UTC (Falco's %evt.time.iso8601).
void append_time_iso8601(std::uint64_t ns, std::string& out);
// "2016-08-04T16:17:57.881781397Z" (the JSON "time" property).
void append_time_rfc3339(std::uint64_t ns, std::string& out);
// A JSON string literal with quotes; control characters escaped as \u00XX.
void append_json_string(std::string_view s, std::string& out);
void append_json_value(const FieldValue& v, std::string& out);

class AlertFormatter {
 public:
  explicit AlertFormatter(FormatOptions options) : opt_(std::move(options)) {}

  // "TIME: Priority message" (no newline), TIME as time_format_iso_8601 selects.
  void text_line(const Alert& a, std::string& out) const;
  // One JSON object (no newline), Falco's property order and switches.
  void json(const Alert& a, std::string& out) const;
  // text_line or json, as json_output selects.
  void line(const Alert& a, std::string& out) const {
    opt_.json_output ? json(a, out) : text_line(a, out);
  }
  // The name of the time field the text line starts with: "evt.time" or "evt.time.iso8601".
  std::string_view time_field() const { return opt_.time_format_iso_8601 ? "evt.time.iso8601" : "evt.time"; }
  const FormatOptions& options() const { return opt_; }

 private:
  FormatOptions opt_;
};

}  // namespace saker::output
