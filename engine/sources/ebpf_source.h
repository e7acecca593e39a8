#pragma once
// eBPF mode's event source: the CO-RE probe's (bpf/probe.h) events fed into the Pipeline.
//
//   auto probe = bpf::Probe::open(&why);  // loads + attaches, or says why not
//   EbpfSource src(pipeline, options, std::move(probe));
//   src.start();                       // selection from the rules, then the /proc scan
//   while (!stop) src.pump(100);       // events -> state -> rules -> alerts; drop accounting
//   src.reprogram();                   // after a rules reload: the new rules' syscalls
//   src.finish();                      // last drop check, then src.stats()
//
// No gap at startup: the probe is attached and its selection programmed *before* /proc is
// scanned, and nothing is read from the ring buffers until the scan is done. A process that
// starts during the scan is either seen by the scan or has its clone/exec events waiting in the
// buffers (usually both: applying its events after the scan only refreshes what the scan read).
// The reverse order (scan, then attach) would lose whatever started in between. The buffers must
// hold what the host does during the scan; what they cannot hold is counted as drops.
//
// Selection: the native syscalls of the rules' event types plus the state-tracking set, shaped
// by base_syscalls (syscall_selection.h), or everything with `all`; every other syscall is
// dropped in the probe's first instructions.
//
// Drops: the probe's per-CPU counters (ring full, failed reads), summed, are compared with its
// event count once a second by the DropMonitor (Falco's syscall_event_drops policy).
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "bpf/probe.h"
#include "engine/common/status.h"
#include "engine/events/event.h"
#include "engine/sources/drop_monitor.h"
#include "engine/sources/syscall_selection.h"
#include "engine/state/proc_scan.h"

namespace saker::core {
class Pipeline;
}

namespace saker::sources {

struct EbpfSourceOptions {
  bool all_syscalls = false;  // -A / base_syscalls.all
  BaseSyscallsSpec base_syscalls;
  DropPolicy drops;
  DropSinks drop_sinks;  // log lines; the alert action goes to the pipeline's outputs
  bool keep_snapshot = false;  // keep what the /proc scan read (for -w's state blocks)
};

struct EbpfSourceStats {
  uint64_t events = 0;       // events fed to the pipeline
  uint64_t unparsable = 0;   // records the probe gave that are not a valid scap event
  uint64_t reprograms = 0;   // selections programmed (start + reloads)
};

class EbpfSource {
 public:
  // `probe`: opened (loaded and attached) by the caller, which decides what to do when it
  // cannot be (engine.kind=auto falls back to userspace mode).
  EbpfSource(core::Pipeline& pipeline, EbpfSourceOptions options, std::unique_ptr<bpf::Probe> probe);

  // Programs the selection, then scans /proc (see the header comment for the order).
  Status start();
  // Programs the selection for the pipeline's current rules (call after a reload).
  Status reprogram();

  // Waits up to timeout_ms for events and processes what the probe has ready. Returns the
  // number of events processed.
  size_t pump(int timeout_ms);
  // Final drop accounting (call once no more events will be read).
  void finish();

  // Called with every event before the pipeline sees it (`-w`: the capture writer).
  void set_tap(std::function<void(const events::EventView&)> tap) { tap_ = std::move(tap); }
  // What the /proc scan read (with keep_snapshot), for a capture file's state blocks.
  const state::ProcScan::Snapshot& snapshot() const { return snapshot_; }

  bool exit_requested() const { return drop_monitor_.exit_requested(); }
  const DropMonitor& drop_monitor() const { return drop_monitor_; }
  const EbpfSourceStats& stats() const { return stats_; }
  bpf::ProbeStats probe_stats() const { return probe_->stats(); }
  const std::vector<uint32_t>& syscalls() const { return syscalls_; }
  const std::vector<std::string>& unknown_base_syscalls() const { return unknown_names_; }

 private:
  void check_drops();

  core::Pipeline& pipeline_;
  EbpfSourceOptions opts_;
  std::unique_ptr<bpf::Probe> probe_;
  DropMonitor drop_monitor_;
  EbpfSourceStats stats_;
  std::vector<uint32_t> syscalls_;
  std::vector<std::string> unknown_names_;
  state::ProcScan::Snapshot snapshot_;
  std::function<void(const events::EventView&)> tap_;
  std::chrono::steady_clock::time_point next_drop_check_{};
  DropCounters last_totals_{};
};

}  // namespace saker::sources
