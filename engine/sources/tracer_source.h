#pragma once
// Userspace mode's event source: the TracerServer's merged tracer streams fed into the Pipeline.
//
//   TracerSource src(pipeline, options);
//   src.listen();                      // syscall set from pipeline.event_types() + state's set
//   while (!stop) src.pump(100);       // events -> state -> rules -> alerts; drop accounting
//   src.finish();                      // last drop check, then src.stats()
//
// Seeding: when a tracer says hello, the tracer process, its descendants and its ancestors are
// read from /proc (and the attached tree for `saker-trace -p`), so the workload's parent chain
// is known before its first event, whether the engine scanned all of /proc at start (-u) or not
// (`saker trace`). Both modes thus see the same proc.pname / proc.aname values.
//
// Drops: every tracer's ring counts the events it could not take. Once a second of wall-clock
// time (and at finish()) the new drops summed over the tracers go to the DropMonitor
// (drop_monitor.h), which applies Falco's syscall_event_drops policy as for a driver.
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/common/status.h"
#include "engine/events/event.h"
#include "engine/events/scap_blocks.h"
#include "engine/filter/evttypes.h"
#include "engine/sources/drop_monitor.h"
#include "engine/sources/tracer_server.h"

namespace saker::core {
class Pipeline;
}

namespace saker::sources {

// `sinks` with the alert action, when unset, going to the pipeline's internal alerts.
DropSinks alerting_through(core::Pipeline& pipeline, DropSinks sinks);

struct TracerSourceOptions {
  TracerServerOptions server;  // its `syscalls` are computed by listen() unless all_syscalls
  DropPolicy drops;
  DropSinks drop_sinks;  // log lines; the alert action goes to the pipeline's outputs
  bool verbose = false;  // print the server's log lines (connections, hang-ups)
};

struct TracerSourceStats {
  uint64_t events = 0;        // events fed to the pipeline
  uint64_t dropped = 0;       // events tracers dropped (sum over every stream seen)
  uint64_t drop_actions = 0;  // times the drop actions ran
  uint64_t tracers = 0;       // tracers that completed a handshake
};

class TracerSource {
 public:
  TracerSource(core::Pipeline& pipeline, TracerSourceOptions options);

  // The native syscalls a tracer must stop on for these event types, plus the state-tracking
  // set; sorted, unique.
  static std::vector<uint32_t> syscalls_for(const filter::EventTypeSet& types);

  // Computes the syscall set from the pipeline's rules and listens on the socket.
  Status listen();

  // Waits up to timeout_ms for events and processes what is ready (at most a batch, so the
  // caller's stop checks run regularly). Returns the number of events processed.
  size_t pump(int timeout_ms);
  // Final drop accounting (call once no more events will be read).
  void finish();

  // Called with every event before the pipeline sees it (`-w`: the capture writer).
  void set_tap(std::function<void(const events::EventView&)> tap) { tap_ = std::move(tap); }
  // The processes and fds seeded from /proc so far (parent chains of the tracers), as the
  // state blocks a capture file starts with.
  const scap::ProcessList& seeded_processes() const { return seeded_; }
  const std::vector<scap::FdList>& seeded_fds() const { return seeded_fds_; }

  size_t connected_tracers() const { return server_.connected_tracers(); }
  bool exit_requested() const { return drop_monitor_.exit_requested(); }
  const DropMonitor& drop_monitor() const { return drop_monitor_; }
  const TracerSourceStats& stats() const { return stats_; }
  std::vector<TracerStreamStats> streams() const { return server_.stats(); }
  const std::vector<uint32_t>& syscalls() const { return opts_.server.syscalls; }

 private:
  void on_new_tracers();
  void seed_tracer(int64_t tracer_pid, int64_t target_pid);
  void check_drops(bool final);

  struct StreamSeen {
    uint64_t events = 0;
    uint64_t dropped = 0;
  };

  core::Pipeline& pipeline_;
  TracerSourceOptions opts_;
  TracerServer server_;
  TracerSourceStats stats_;
  DropMonitor drop_monitor_;
  std::unordered_map<uint32_t, StreamSeen> seen_;  // by stream id
  uint64_t connections_ = 0;
  std::chrono::steady_clock::time_point next_drop_check_{};
  std::function<void(const events::EventView&)> tap_;
  scap::ProcessList seeded_;
  std::vector<scap::FdList> seeded_fds_;
};

}  // namespace saker::sources
