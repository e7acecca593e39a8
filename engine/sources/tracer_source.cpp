#include "engine/sources/tracer_source.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include "engine/core/pipeline.h"
#include "engine/events/event.h"
#include "engine/events/syscall_map.h"
#include "engine/state/proc_scan.h"

namespace saker::sources {

namespace {

// Events handled per pump() call: bounds the time between the caller's signal / exit checks.
constexpr size_t kBatch = 4096;
constexpr auto kDropInterval = std::chrono::seconds(1);
// Ancestors followed when seeding a tracer's parent chain (pid 1 ends it much earlier).
constexpr int kMaxAncestors = 64;

}  // namespace

DropSinks alerting_through(core::Pipeline& pipeline, DropSinks sinks) {
  if (!sinks.alert) {
    sinks.alert = [&pipeline](std::string_view msg, uint64_t time_ns) {
      pipeline.internal_alert(output::Priority::Debug, msg, time_ns);
    };
  }
  return sinks;
}

TracerSource::TracerSource(core::Pipeline& pipeline, TracerSourceOptions options)
    : pipeline_(pipeline),
      opts_(std::move(options)),
      drop_monitor_(opts_.drops, alerting_through(pipeline, opts_.drop_sinks)) {}

std::vector<uint32_t> TracerSource::syscalls_for(const filter::EventTypeSet& types) {
  std::vector<uint32_t> out;
  uint32_t buf[64];
  for (uint16_t type : types.ids()) {
    const size_t total = events::syscalls_of_event_type(type, {});
    if (total <= std::size(buf)) {
      const size_t n = events::syscalls_of_event_type(type, buf);
      out.insert(out.end(), buf, buf + n);
    } else {
      std::vector<uint32_t> big(total);
      const size_t n = events::syscalls_of_event_type(type, big);
      out.insert(out.end(), big.begin(), big.begin() + static_cast<ptrdiff_t>(n));
    }
  }
  // State needs every successful fork, and a tracer reports those from ptrace's fork events
  // without stopping at the syscall: the fork family stops only when a rule asks for it (then a
  // failed fork is an event too).
  for (uint32_t nr : events::state_tracking_syscalls()) {
    const std::string_view name = events::native_syscall_name(nr);
    if (name != "clone" && name != "clone3" && name != "fork" && name != "vfork") out.push_back(nr);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Status TracerSource::listen() {
  if (!opts_.server.all_syscalls) opts_.server.syscalls = syscalls_for(pipeline_.event_types());
  next_drop_check_ = std::chrono::steady_clock::now() + kDropInterval;
  return server_.listen(opts_.server);
}

size_t TracerSource::pump(int timeout_ms) {
  size_t n = 0;
  events::EventView ev;
  int wait = timeout_ms;
  while (n < kBatch) {
    std::span<const uint8_t> bytes = server_.next(wait);
    // A tracer that completed its handshake is seeded before any of its events is processed:
    // its first event can only be ready after its Welcome, which bumps the connection count.
    if (server_.total_connections() != connections_) on_new_tracers();
    if (bytes.empty()) break;
    wait = 0;
    if (events::EventView::parse(bytes, ev)) {
      if (tap_) tap_(ev);
      // Tracers have no notion of a CPU: the stream id keeps events of one tracer together.
      pipeline_.process(ev, 0);
      ++stats_.events;
    }
    ++n;
  }
  server_.release();
  if (opts_.verbose) {
    for (const auto& line : server_.take_log()) std::fprintf(stderr, "saker: %s\n", line.c_str());
  } else {
    (void)server_.take_log();
  }
  if (std::chrono::steady_clock::now() >= next_drop_check_) check_drops(false);
  return n;
}

void TracerSource::finish() {
  server_.release();
  check_drops(true);
}

void TracerSource::on_new_tracers() {
  connections_ = server_.total_connections();
  for (const TracerStreamStats& st : server_.stats()) {
    if (!st.connected || seen_.count(st.stream_id)) continue;
    seen_.emplace(st.stream_id, StreamSeen{});
    ++stats_.tracers;
    seed_tracer(st.tracer_pid, st.target_pid);
  }
}

void TracerSource::seed_tracer(int64_t tracer_pid, int64_t target_pid) {
  state::ProcScan scan;
  state::State& state = pipeline_.state();
  // Tracers run on this host (or in a container sharing its view of /proc): user and group
  // names come from its /etc, re-read at each hello so accounts added meanwhile are known.
  (void)state.users().load_from_root("/");
  // The parent chain first (root first, so that each links to its parent), then the tracer's
  // tree and the attached tree.
  std::vector<scap::ProcessInfo> chain;
  for (int64_t pid = tracer_pid; pid > 0 && chain.size() < kMaxAncestors;) {
    scap::ProcessInfo p;
    if (!scan.read_thread(pid, pid, p)) break;
    const int64_t parent = static_cast<int64_t>(p.ptid);
    chain.push_back(std::move(p));
    if (parent == pid) break;
    pid = parent;
  }
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    state.seed_process(*it);
    scap::FdList fds;
    scan.read_fds(static_cast<int64_t>(it->pid), fds);
    state.seed_fds(fds);
    seeded_.entries.push_back(*it);
    seeded_fds_.push_back(std::move(fds));
  }
  (void)scan.scan_tree(state, tracer_pid);
  if (target_pid > 0) (void)scan.scan_tree(state, target_pid);
}

void TracerSource::check_drops(bool final) {
  next_drop_check_ = std::chrono::steady_clock::now() + kDropInterval;
  // Summed over the tracers (one policy for the engine, as one driver for Falco); the tracers
  // that lost events are named in the message.
  DropCounters delta;
  std::string who;
  for (const TracerStreamStats& st : server_.stats()) {
    StreamSeen& seen = seen_[st.stream_id];
    const uint64_t drops = st.dropped_events - std::min(st.dropped_events, seen.dropped);
    const uint64_t evts = st.events - std::min(st.events, seen.events);
    seen.dropped = st.dropped_events;
    seen.events = st.events;
    delta.events += evts + drops;
    delta.drops += drops;
    if (drops != 0) who += (who.empty() ? "tracer_pid=" : ",") + std::to_string(st.tracer_pid);
  }
  stats_.dropped += delta.drops;
  // The wall clock: tracer streams can be idle for long, and the policy's rate is in seconds.
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  drop_monitor_.check(static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(now).count()),
                      delta, who);
  stats_.drop_actions = drop_monitor_.actions_taken();
  (void)final;
}

}  // namespace saker::sources
