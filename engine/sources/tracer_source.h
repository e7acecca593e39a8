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
// Drops: every tracer's ring counts the events it could not take. Once a second (and at
// finish()) each tracer's new drops are compared with its new events; when the ratio is above
// `drop_threshold`, the configured actions run (log, alert, exit), at most as often as the
// token bucket (rate, max_burst) allows, as Falco's syscall_event_drops does for a driver.
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
#include "engine/output/rate_limiter.h"
#include "engine/sources/tracer_server.h"

namespace saker::core {
class Pipeline;
}

namespace saker::sources {

struct DropPolicy {
  double threshold = 0.1;  // drops / (events + drops) over the interval must exceed this
  bool log = true;         // a line on stderr
  bool alert = true;       // an internal alert through the pipeline's outputs
  bool exit = false;       // stop the engine (exit_requested())
  double rate = 0.03333;   // actions per second
  double max_burst = 1;
};

struct TracerSourceOptions {
  TracerServerOptions server;  // its `syscalls` are computed by listen() unless all_syscalls
  DropPolicy drops;
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
  bool exit_requested() const { return exit_requested_; }
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
  output::TokenBucket drop_bucket_;
  std::unordered_map<uint32_t, StreamSeen> seen_;  // by stream id
  uint64_t connections_ = 0;
  std::chrono::steady_clock::time_point next_drop_check_{};
  bool exit_requested_ = false;
  std::function<void(const events::EventView&)> tap_;
  scap::ProcessList seeded_;
  std::vector<scap::FdList> seeded_fds_;
};

}  // namespace saker::sources
