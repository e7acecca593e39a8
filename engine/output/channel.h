#pragma once
// An output channel: one destination for alerts (stdout, a file, syslog, a program, HTTP, gRPC).
// Channels are driven by the dispatcher's single worker thread only; they need no locking of
// their own. A write that fails is retried by the dispatcher (write again, or flush again), and
// given up after a bound: the channel then discards what it holds and says how many alerts that
// was, so that every alert is either delivered or counted as dropped.
#include <cstddef>
#include <string>
#include <string_view>

#include "engine/common/status.h"
#include "engine/output/alert.h"

namespace saker::output {

// An alert with its renderings, computed once by the dispatcher for all channels.
struct RenderedAlert {
  const Alert* alert = nullptr;
  std::string_view line;  // what json_output selects: the text line or the JSON document
  std::string_view text;  // the text line "TIME: Priority message"
  std::string_view json;  // the JSON document (empty unless some channel wants it)
};

class Channel {
 public:
  virtual ~Channel() = default;

  virtual std::string_view name() const = 0;
  // Whether write() needs RenderedAlert::json even when json_output is off (HTTP).
  virtual bool wants_json() const { return false; }

  // Takes one alert. An error means the alert was not taken; the dispatcher may call write()
  // again for the same alert. A buffering channel may only queue it here.
  virtual Status write(const RenderedAlert& a) = 0;
  // After a failed write() or flush(): whether trying again can help (false for an HTTP 4xx).
  virtual bool retryable() const { return true; }
  // Pushes out what write() queued. An error leaves it queued for another flush().
  virtual Status flush() { return Status::Ok(); }
  // Alerts taken by write() but not yet out (lost if discard() is called).
  virtual std::size_t pending() const { return 0; }
  // Gives up on everything pending; returns how many alerts that was.
  virtual std::size_t discard() { return 0; }
  // Close and open again (SIGUSR1: log rotation, restart a program).
  virtual void reopen() {}
};

}  // namespace saker::output
