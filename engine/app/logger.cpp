#include "engine/app/logger.h"

#include <syslog.h>

#include <cstdio>
#include <ctime>
#include <string>

namespace saker {

Logger& logger() {
  static Logger instance;
  return instance;
}

std::optional<LogLevel> parse_log_level(std::string_view name) {
  static constexpr std::pair<std::string_view, LogLevel> kNames[] = {
      {"emergency", LogLevel::kEmergency}, {"alert", LogLevel::kAlert},     {"critical", LogLevel::kCritical},
      {"error", LogLevel::kError},         {"warning", LogLevel::kWarning}, {"notice", LogLevel::kNotice},
      {"info", LogLevel::kInformational},  {"debug", LogLevel::kDebug}};
  for (const auto& [n, l] : kNames)
    if (n == name) return l;
  return std::nullopt;
}

void Logger::set_syslog(bool on) {
  std::lock_guard<std::mutex> lock(mu_);
  syslog_ = on;
  if (on && !syslog_open_) {
    ::openlog("saker", LOG_PID, LOG_USER);
    syslog_open_ = true;
  }
}

void Logger::set_sink(Sink sink) {
  std::lock_guard<std::mutex> lock(mu_);
  sink_ = std::move(sink);
}

void Logger::configure(const config::Config& c) {
  set_level(c.log_level);
  set_stderr(c.log_stderr);
  set_syslog(c.log_syslog);
  set_iso8601(c.time_format_iso_8601);
}

void Logger::log(LogLevel l, std::string_view msg) {
  if (!enabled(l)) return;
  std::string text(msg);
  while (!text.empty() && text.back() == '\n') text.pop_back();
  std::lock_guard<std::mutex> lock(mu_);
  if (sink_) {
    sink_(l, text);
    return;
  }
  if (syslog_) ::syslog(static_cast<int>(l), "%s", text.c_str());
  if (stderr_) {
    const std::time_t now = std::time(nullptr);
    char stamp[64] = {0};
    std::tm tm{};
    if (iso8601_) {
      ::gmtime_r(&now, &tm);
      std::strftime(stamp, sizeof stamp, "%FT%T%z", &tm);
    } else {
      ::localtime_r(&now, &tm);
      std::strftime(stamp, sizeof stamp, "%a %b %d %H:%M:%S %Y", &tm);
    }
    std::fprintf(stderr, "%s: %s\n", stamp, text.c_str());
  }
}

}  // namespace saker
