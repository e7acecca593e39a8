#include "engine/sources/drop_monitor.h"

#include <algorithm>
#include <chrono>
#include <limits>

namespace saker::sources {

namespace {

constexpr uint64_t kIntervalNs = 1000000000ull;

// The bucket runs on the source's clock (event time for a replay), not on this machine's.
output::TokenBucket::Clock::time_point as_time_point(uint64_t ns) {
  return output::TokenBucket::Clock::time_point(std::chrono::nanoseconds(ns));
}

}  // namespace

DropMonitor::DropMonitor(DropPolicy policy, DropSinks sinks) : policy_(policy), sinks_(std::move(sinks)) {
  if (policy_.simulate_drops) policy_.threshold = 0;  // as Falco: every simulated drop acts
}

bool DropMonitor::on_event(uint64_t now_ns, const DropCounters& totals, std::string_view detail) {
  if (next_check_ns_ == 0) {
    next_check_ns_ = now_ns + kIntervalNs;
    last_ = totals;
    return !exit_requested_;
  }
  if (now_ns <= next_check_ns_) return !exit_requested_;
  next_check_ns_ = now_ns + kIntervalNs;
  DropCounters delta;
  delta.events = totals.events - std::min(totals.events, last_.events);
  delta.drops = totals.drops - std::min(totals.drops, last_.drops);
  last_ = totals;
  check(now_ns, delta, detail);
  return !exit_requested_;
}

void DropMonitor::check(uint64_t now_ns, const DropCounters& delta_in, std::string_view detail) {
  DropCounters delta = delta_in;
  drops_seen_ += delta.drops;
  if (policy_.simulate_drops) {
    log(DropSinks::Level::kInfo, "Simulating syscall event drop");
    ++delta.drops;
  }
  if (delta.drops == 0) return;
  // No events at all in the interval while some were lost: every event was lost.
  const double ratio = delta.events == 0 ? std::numeric_limits<double>::infinity()
                                         : static_cast<double>(delta.drops) / static_cast<double>(delta.events);
  if (!(ratio > policy_.threshold)) return;
  ++occurrences_;
  if (!bucket_) bucket_.emplace(policy_.rate, policy_.max_burst, as_time_point(now_ns));
  if (!bucket_->claim(as_time_point(now_ns))) {
    log(DropSinks::Level::kDebug, "Syscall event drop but token bucket depleted, skipping actions");
    return;
  }
  ++actions_;
  // Falco's wording, so that tools matching its drop alert match ours.
  std::string msg = "Falco internal: syscall event drop. " + std::to_string(delta.drops) +
                    " system calls dropped in last second.";
  std::string full = msg + " (n_evts=" + std::to_string(delta.events) + " n_drops=" + std::to_string(delta.drops);
  if (!detail.empty()) {
    full += ' ';
    full += detail;
  }
  full += ')';
  if (policy_.log) log(DropSinks::Level::kDebug, full);
  if (policy_.alert && sinks_.alert) sinks_.alert(full, now_ns);
  if (policy_.exit) {
    log(DropSinks::Level::kCritical, msg);
    log(DropSinks::Level::kCritical, "Exiting.");
    exit_requested_ = true;
  }
}

void DropMonitor::print_stats(std::FILE* out) const {
  std::fprintf(out,
               "Syscall event drop monitoring:\n   - event drop detected: %llu occurrences\n"
               "   - num times actions taken: %llu\n",
               static_cast<unsigned long long>(occurrences_), static_cast<unsigned long long>(actions_));
}

void DropMonitor::log(DropSinks::Level level, std::string_view msg) const {
  if (sinks_.log) {
    sinks_.log(level, msg);
    return;
  }
  // Without a logger only what the user asked for is printed (not the informational lines).
  if (level == DropSinks::Level::kInfo) return;
  std::fprintf(stderr, "saker: %.*s\n", static_cast<int>(msg.size()), msg.data());
}

}  // namespace saker::sources
