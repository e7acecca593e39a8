#pragma once
// The output stage: a queue that push() fills without ever waiting, and one worker thread that
// renders each alert once and fans it out to the channels.
//
// Guarantees:
//  - push() never blocks on a channel: with a full queue (outputs_queue.capacity) or over the
//    rate limit (outputs.rate/max_burst) the alert is counted as dropped or throttled and
//    push() returns at once. Drops are announced by an internal alert ("Falco internal: ...").
//  - A channel that takes longer than output_timeout is reported ("output channel X blocked
//    for N ms") by a watchdog while it blocks; every channel operation is itself bounded.
//  - A failing channel is retried max_retries times, then the alert is counted as dropped for
//    that channel. Every alert is delivered or counted; stats() and summary() show the counts.
//  - request_reopen() (SIGUSR1) and reconfigure() (SIGHUP) act between two alerts: nothing
//    queued is lost or delivered twice.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "engine/common/status.h"
#include "engine/output/alert.h"
#include "engine/output/alert_format.h"
#include "engine/output/alert_queue.h"
#include "engine/output/channel.h"
#include "engine/output/output_config.h"
#include "engine/output/rate_limiter.h"

namespace saker::output {

struct ChannelStats {
  std::string name;
  std::uint64_t delivered = 0;  // alerts out of the channel
  std::uint64_t dropped = 0;    // alerts given up after retries
  std::uint64_t retries = 0;
  std::uint64_t errors = 0;     // failed attempts
  std::uint64_t blocked = 0;    // operations that exceeded output_timeout
  std::string last_error;
};

struct OutputStats {
  std::uint64_t pushed = 0;         // push() calls
  std::uint64_t queued = 0;         // accepted into the queue
  std::uint64_t queue_dropped = 0;  // queue full
  std::uint64_t throttled = 0;      // over the rate limit
  std::uint64_t processed = 0;      // taken from the queue and fanned out
  std::uint64_t queue_depth = 0;
  std::uint64_t queue_high_water = 0;
  std::vector<ChannelStats> channels;
};

enum class PushResult { Queued, QueueFull, Throttled };

// Builds the channels a config enables (stdout, file, syslog, program, http, grpc).
Status make_channels(const OutputsConfig& cfg, std::vector<std::unique_ptr<Channel>>* out);
// cfg.hostname, else $FALCO_HOSTNAME, else gethostname().
std::string resolve_hostname(const OutputsConfig& cfg);
FormatOptions format_options(const OutputsConfig& cfg);

class Outputs {
 public:
  using InternalHandler = std::function<void(Priority, std::string_view message)>;

  // Builds the channels from cfg and starts the worker.
  static std::unique_ptr<Outputs> create(const OutputsConfig& cfg, std::string* error);
  // With channels built by the caller (tests, embedding).
  Outputs(const OutputsConfig& cfg, std::vector<std::unique_ptr<Channel>> channels);
  // Delivers what is queued (giving up, counted, after a bound of a few output_timeouts), then
  // stops the worker.
  ~Outputs();
  Outputs(const Outputs&) = delete;
  Outputs& operator=(const Outputs&) = delete;

  // Queues one alert for delivery. Never waits for a channel.
  PushResult push(Alert alert);

  // Async-signal-safe (an atomic store and a futex wake): every channel is reopened before the
  // next alert.
  void request_reopen() noexcept {
    reopen_requested_.store(true);
    queue_.wake();
  }
  // Applies a new config between two alerts: new format options, limits and channels (built
  // by the worker after the old ones are flushed and closed). Queued alerts stay queued.
  void reconfigure(const OutputsConfig& cfg);
  // Same with caller-built channels.
  void reconfigure(const OutputsConfig& cfg, std::vector<std::unique_ptr<Channel>> channels);

  // Waits until everything queued so far went through every channel (and was flushed).
  // Returns false if `max` passed first.
  bool drain(std::chrono::milliseconds max);

  // Called (from the worker or the watchdog thread) for internal messages: drops, blocked
  // channels, channel errors. The default writes to stderr.
  void set_internal_handler(InternalHandler h);

  OutputStats stats() const;
  // Human-readable counts, one line per channel (for the end-of-run summary).
  std::string summary() const;

 private:
  struct ChannelCounters {
    std::atomic<std::uint64_t> delivered{0}, dropped{0}, retries{0}, errors{0}, blocked{0};
    std::mutex mu;
    std::string last_error;
    // Drop messages are rate limited (worker only): at most one a second, with a count.
    std::chrono::steady_clock::time_point last_drop_report{};
    std::uint64_t unreported_drops = 0;
  };
  struct Slot {
    std::unique_ptr<Channel> channel;
    ChannelCounters* counters;
    // After an alert was dropped (every retry failed), the channel gets one attempt per alert,
    // without retries or back-off sleeps, until this time or its next success: a dead channel
    // (no /dev/log, receiver gone) must not slow delivery to the others to a few alerts/s.
    std::chrono::steady_clock::time_point no_retries_until{};
  };
  struct Reconfig {
    OutputsConfig cfg;
    bool build;  // build channels from cfg (else use `channels`)
    std::vector<std::unique_ptr<Channel>> channels;
  };

  void worker();
  void watchdog();
  void deliver(const Alert& a);
  void flush_all();
  bool run_op(Slot& s, const std::function<Status()>& op, bool count_alert);
  void apply(Reconfig& r);
  void install(std::vector<std::unique_ptr<Channel>> channels);
  void report(Priority p, std::string message);
  void report_drops(Slot& s, std::uint64_t n);
  void announce_drops();
  ChannelCounters* counters_for(std::string_view name);

  // Settings and channels: the worker's alone (apply() runs on it, or before it starts).
  OutputsConfig cfg_;
  std::unique_ptr<AlertFormatter> formatter_;
  std::string hostname_;
  std::vector<Slot> slots_;
  std::string text_, json_;  // reused render buffers

  // Queue: producers touch only queue_, limiter_ (under limiter_mu_, when a rate is set) and the
  // counters.
  AlertQueue queue_;
  std::atomic<bool> rate_limited_{false};
  std::mutex limiter_mu_;
  TokenBucket limiter_;

  // Control, between callers and the worker (never taken by push()).
  mutable std::mutex ctl_mu_;
  std::condition_variable ctl_cv_;  // drain() waits for progress
  std::optional<Reconfig> reconfig_;
  std::atomic<bool> reconfig_pending_{false};
  std::atomic<bool> stop_requested_{false};
  std::atomic<std::uint64_t> flushed_upto_{0};  // processed_ when the worker last went idle, flushed

  std::atomic<std::uint64_t> pushed_{0}, queued_{0}, queue_dropped_{0}, throttled_{0}, processed_{0};
  std::uint64_t announced_drops_ = 0;
  std::chrono::steady_clock::time_point last_announce_{};
  std::atomic<bool> reopen_requested_{false};

  // The operation in progress, for the watchdog.
  std::atomic<std::uint64_t> op_seq_{0};
  std::atomic<std::int64_t> op_start_ns_{0};  // 0: no operation
  std::atomic<ChannelCounters*> op_counters_{nullptr};
  std::mutex op_name_mu_;
  std::string op_name_;
  std::atomic<std::uint64_t> op_reported_seq_{0};
  std::atomic<std::uint32_t> timeout_ms_{2000};

  mutable std::mutex stats_mu_;
  std::map<std::string, std::unique_ptr<ChannelCounters>, std::less<>> counters_;
  std::vector<std::string> order_;  // channel names in first-seen order

  std::mutex handler_mu_;
  InternalHandler handler_;

  std::mutex wd_mu_;
  std::condition_variable wd_cv_;
  bool wd_stop_ = false;
  std::thread worker_;
  std::thread watchdog_;
};

}  // namespace saker::output
