#include "engine/app/commands/capture_tap.h"

namespace saker::app {

namespace {

// The fds of a seeded thread as the capture holds them. memfd and pidfd fds (scap types 20, 21)
// are left out: the sysdig releases Debian ships reject a whole file on an fd type they do not
// know. The live engine keeps them; a replay only lacks them for fds opened before the tracer
// said hello (processes the tracer creates report theirs in their own events).
scap::FdList portable_fds(const scap::FdList& in) {
  scap::FdList out;
  out.tid = in.tid;
  for (const scap::FdInfo& f : in.entries)
    if (f.type < scap::FdType::Memfd) out.entries.push_back(f);
  return out;
}

}  // namespace

void CaptureTap::attach(sources::TracerSource& src) {
  src.set_tap([this, &src](const events::EventView& ev) { on_event(src, ev); });
}

void CaptureTap::on_event(const sources::TracerSource& src, const events::EventView& ev) {
  if (!first_error_.ok()) return;  // a full disk stops the capture, never the engine
  const scap::ProcessList& procs = src.seeded_processes();
  if (procs.entries.size() > processes_written_) {
    scap::ProcessList fresh;
    fresh.entries.assign(procs.entries.begin() + static_cast<ptrdiff_t>(processes_written_), procs.entries.end());
    processes_written_ = procs.entries.size();
    first_error_ = writer_.write_processes(fresh);
  }
  const auto& fds = src.seeded_fds();
  for (; first_error_.ok() && fds_written_ < fds.size(); ++fds_written_) first_error_ = writer_.write_fds(portable_fds(fds[fds_written_]));
  if (first_error_.ok()) first_error_ = writer_.write_event(ev, 0);
}

Status CaptureTap::close() {
  Status s = writer_.close();
  return first_error_.ok() ? s : first_error_;
}

}  // namespace saker::app
