#pragma once
// Saker's own log (not rule alerts): levels, stderr and syslog as Falco's log_level, log_stderr
// and log_syslog define them. Lines on stderr carry a timestamp ("Thu Aug  4 16:17:57 2016: ..."
// or ISO 8601 with time_format_iso_8601); syslog gets the bare message at the matching severity.
//
// One process-wide instance, configurable and replaceable: tests install a capture sink.
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "engine/app/config.h"

namespace saker {

using config::LogLevel;

class Logger {
 public:
  using Sink = std::function<void(LogLevel, std::string_view)>;

  void set_level(LogLevel l) { level_ = l; }
  void set_stderr(bool on) { stderr_ = on; }
  void set_syslog(bool on);
  void set_iso8601(bool on) { iso8601_ = on; }
  // Replaces stderr/syslog with `sink` (tests); an empty function restores them.
  void set_sink(Sink sink);
  // Applies log_level, log_stderr, log_syslog and time_format_iso_8601.
  void configure(const config::Config& c);

  LogLevel level() const { return level_; }
  bool enabled(LogLevel l) const { return static_cast<int>(l) <= static_cast<int>(level_); }
  void log(LogLevel l, std::string_view msg);

 private:
  std::mutex mu_;
  LogLevel level_ = LogLevel::kInformational;
  bool stderr_ = true;
  bool syslog_ = false;
  bool syslog_open_ = false;
  bool iso8601_ = false;
  Sink sink_;
};

Logger& logger();

// Parses a log_level name, one of the eight syslog severities (debug ... emergency).
std::optional<LogLevel> parse_log_level(std::string_view name);

inline void log_error(std::string_view m) { logger().log(LogLevel::kError, m); }
inline void log_warning(std::string_view m) { logger().log(LogLevel::kWarning, m); }
inline void log_notice(std::string_view m) { logger().log(LogLevel::kNotice, m); }
inline void log_info(std::string_view m) { logger().log(LogLevel::kInformational, m); }
inline void log_debug(std::string_view m) { logger().log(LogLevel::kDebug, m); }

}  // namespace saker
