#pragma once
// Falco's `syscall_event_drops` policy, independent of where events come from (tracer rings, the
// eBPF probe's per-CPU counters, a replayed file): once per second of the source's clock the
// new drops are compared with the new events; when drops / events is above `threshold`, the
// configured actions (log, alert, exit) run, at most as often as a token bucket (rate, max_burst)
// allows. `simulate_drops` adds one drop to every check and sets the threshold to 0, so the
// actions can be tested without losing anything (Falco's legacy tests do it on a replay).
//
//   DropMonitor mon(policy, sinks);
//   for each event: if (!mon.on_event(ev.ts(), source_totals)) stop();   // exit action
//   at the end:    mon.print_stats(stderr);
//
// Counts are those Falco prints at the end ("event drop detected: N occurrences", "num times
// actions taken: M"), so a source's summary reads the same in every mode.
#include <cstdint>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "engine/output/rate_limiter.h"

namespace saker::sources {

struct DropPolicy {
  double threshold = 0.1;  // drops / events over the interval must exceed this
  bool log = true;         // the message in the log (Falco: debug level)
  bool alert = true;       // an internal alert through the outputs (priority Debug)
  bool exit = false;       // stop the engine (exit status 1)
  double rate = 0.03333;   // actions per second
  double max_burst = 1;
  bool simulate_drops = false;
};

// Cumulative counters of a source; the monitor takes differences.
struct DropCounters {
  uint64_t events = 0;  // events the source handled or lost (drops included, as scap's n_evts)
  uint64_t drops = 0;
};

// Where the actions go. Unset members fall back to stderr (log, exit) or nothing (alert).
struct DropSinks {
  enum class Level { kInfo, kDebug, kCritical };
  std::function<void(Level, std::string_view)> log;
  std::function<void(std::string_view message, uint64_t time_ns)> alert;
};

class DropMonitor {
 public:
  explicit DropMonitor(DropPolicy policy = {}, DropSinks sinks = {});

  // With each event (or, for sources that can be idle, with the wall clock): checks once a
  // second of `now_ns`. `detail` (optional) is appended to the message, e.g. which tracer.
  // Returns false once the exit action ran.
  bool on_event(uint64_t now_ns, const DropCounters& totals, std::string_view detail = {});

  // Evaluates one interval's difference right away (a source's final check).
  void check(uint64_t now_ns, const DropCounters& delta, std::string_view detail = {});

  uint64_t occurrences() const { return occurrences_; }
  uint64_t actions_taken() const { return actions_; }
  uint64_t drops_seen() const { return drops_seen_; }
  bool exit_requested() const { return exit_requested_; }
  const DropPolicy& policy() const { return policy_; }

  // Falco's end-of-run lines ("Syscall event drop monitoring:" ...).
  void print_stats(std::FILE* out) const;

 private:
  void log(DropSinks::Level level, std::string_view msg) const;

  DropPolicy policy_;
  DropSinks sinks_;
  std::optional<output::TokenBucket> bucket_;  // created at the first check, on the source's clock
  DropCounters last_{};
  uint64_t next_check_ns_ = 0;
  uint64_t occurrences_ = 0;
  uint64_t actions_ = 0;
  uint64_t drops_seen_ = 0;
  bool exit_requested_ = false;
};

}  // namespace saker::sources
