#pragma once
// `-w OUT.scap` for the live modes (`saker trace`, `saker -u`): the merged tracer stream as a
// capture file that sysdig, Falco and `saker -e` read.
//
// State blocks go before the events they explain: each time the TracerSource has seeded new
// processes (a tracer said hello: its parent chain and their fds), those are written as a
// process-list block and fd-list blocks ahead of the next event, so a replay knows the parent
// chain of every tracer's workload as the live engine did. (sysdig reads state blocks anywhere
// in a file; `saker -e` seeds from them where they appear.)
#include <string>

#include "engine/common/status.h"
#include "engine/events/event.h"
#include "engine/events/scap_writer.h"
#include "engine/sources/tracer_source.h"

namespace saker::app {

class CaptureTap {
 public:
  Status open(const std::string& path) { return writer_.open(path); }
  // Installs itself as src's tap; src must outlive the capture's use.
  void attach(sources::TracerSource& src);
  // Flushes and closes; the first write error seen (if any) otherwise.
  Status close();

 private:
  void on_event(const sources::TracerSource& src, const events::EventView& ev);

  scap::ScapWriter writer_;
  size_t processes_written_ = 0;  // entries of src.seeded_processes() already in the file
  size_t fds_written_ = 0;        // entries of src.seeded_fds() already in the file
  Status first_error_ = Status::Ok();
};

}  // namespace saker::app
