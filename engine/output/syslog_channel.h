#pragma once
// Sends each alert as one RFC 3164 datagram, "<PRI>Mmm dd hh:mm:ss ident[pid]: line", to a unix
// datagram socket (/dev/log by default, any path for tests). Facility LOG_USER; the severity is
// the priority (Falco's priorities are the syslog severities).
#include <chrono>

#include "engine/output/channel.h"
#include "engine/output/output_config.h"

namespace saker::output {

class SyslogChannel final : public Channel {
 public:
  SyslogChannel(SyslogOutputConfig cfg, std::chrono::milliseconds timeout);
  ~SyslogChannel() override;
  std::string_view name() const override { return "syslog"; }
  Status write(const RenderedAlert& a) override;
  void reopen() override { close(); }

 private:
  Status connect();
  void close();
  SyslogOutputConfig cfg_;
  int timeout_ms_;
  int fd_ = -1;
  std::string msg_;  // reused
};

}  // namespace saker::output
