#include "engine/sources/ebpf_source.h"

#include <algorithm>
#include <span>

#include "engine/core/pipeline.h"
#include "engine/sources/tracer_source.h"

namespace saker::sources {

namespace {

constexpr auto kDropInterval = std::chrono::seconds(1);

uint64_t wall_clock_ns() {
  return static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
          .count());
}

// Events the probe wrote plus those it could not: scap's n_evts includes the drops. An event
// with an unreadable param still arrived, but counts as a drop as Falco's n_drops_pf does.
DropCounters totals_of(const bpf::ProbeStats& st) {
  return DropCounters{st.events + st.drops_full, st.drops_full + st.drops_fault};
}

}  // namespace

EbpfSource::EbpfSource(core::Pipeline& pipeline, EbpfSourceOptions options, std::unique_ptr<bpf::Probe> probe)
    : pipeline_(pipeline),
      opts_(std::move(options)),
      probe_(std::move(probe)),
      drop_monitor_(opts_.drops, alerting_through(pipeline, opts_.drop_sinks)) {}

Status EbpfSource::reprogram() {
  SyscallSelection sel = select_syscalls(pipeline_.event_types(), opts_.base_syscalls);
  std::string err;
  if (!probe_->set_syscalls(sel.native_nrs, opts_.all_syscalls, &err))
    return Status::Error("programming the probe's syscall selection: " + err);
  syscalls_ = std::move(sel.native_nrs);
  unknown_names_ = std::move(sel.unknown_names);
  ++stats_.reprograms;
  return Status::Ok();
}

Status EbpfSource::start() {
  // Attached already (open); selecting now makes the probe buffer the syscalls we need while
  // the scan below runs. Nothing is consumed before the scan has seeded the state.
  if (Status s = reprogram(); !s.ok()) return s;
  (void)pipeline_.state().users().load_from_root("/");
  state::ProcScan scan;
  Status s = scan.scan_all(pipeline_.state(), opts_.keep_snapshot ? &snapshot_ : nullptr);
  next_drop_check_ = std::chrono::steady_clock::now() + kDropInterval;
  last_totals_ = totals_of(probe_->stats());
  return s;
}

size_t EbpfSource::pump(int timeout_ms) {
  events::EventView ev;
  const size_t n = probe_->poll(timeout_ms, [&](const uint8_t* data, size_t len) {
    if (!events::EventView::parse(std::span<const uint8_t>(data, len), ev)) {
      ++stats_.unparsable;
      return;
    }
    if (tap_) tap_(ev);
    // TODO(probe API): poll() does not say which CPU an event came from; evt.cpu reads 0.
    pipeline_.process(ev, 0);
    ++stats_.events;
  });
  if (std::chrono::steady_clock::now() >= next_drop_check_) check_drops();
  return n;
}

void EbpfSource::finish() { check_drops(); }

void EbpfSource::check_drops() {
  next_drop_check_ = std::chrono::steady_clock::now() + kDropInterval;
  const DropCounters totals = totals_of(probe_->stats());
  DropCounters delta;
  delta.events = totals.events - std::min(totals.events, last_totals_.events);
  delta.drops = totals.drops - std::min(totals.drops, last_totals_.drops);
  last_totals_ = totals;
  drop_monitor_.check(wall_clock_ns(), delta);
}

}  // namespace saker::sources
