#pragma once
// Writes .scap trace files that sysdig (0.29 and newer) and Falco read: a section header, the
// state blocks (machine info, interfaces, users and groups, processes, fds) and events, each
// event dumped as is (the scap layout every source produces).
//
//   ScapWriter w;
//   w.open("out.scap");                       // writes the section header
//   w.write_machine_info(mi); w.write_processes(pl); w.write_fds(fdl);   // state first
//   w.write_event(view.bytes(), cpu, flags);  // then events
//   w.close();
//
// Block kinds are the ones current libscap writes: MI, IL_V2, UL_V2, PL_V9, FDL_V2, and for each
// event EV_V2 (flags 0) or EVF_V2 (flags set), switching to the *_LARGE variant only when the
// block would not fit the 64 KiB sysdig reads for ordinary event blocks. Strings longer than
// sysdig's limits (1023 bytes for paths, 4096 for args / env / cgroups, 255 for user and group
// names, home dirs and shells) are truncated so that the file stays readable.
// sysdig reads state blocks only before the first event: writing one after an event is an error.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "engine/common/status.h"
#include "engine/events/event.h"
#include "engine/events/scap_blocks.h"
#include "engine/events/scap_reader.h"

namespace saker::scap {

class ScapWriter {
 public:
  enum class ProcessLayout : uint8_t {
    // Process entries end with loginuid, exe_writable and the capability sets: read correctly
    // by sysdig 0.29 and by current readers (which recognise the pre-0.10 layout).
    kCompat,
    // Also tty, pidns_init_start_ts, exe_ino* , exe_*_layer, exe_from_memfd and pgid, as
    // current Falco writes them. sysdig 0.29 then misreads loginuid and exe_writable.
    kFull,
  };

  struct Options {
    bool gzip = false;
    int gzip_level = 6;
    ProcessLayout process_layout = ProcessLayout::kCompat;
    size_t buffer_size = size_t{1} << 20;
  };

  ScapWriter() = default;
  ~ScapWriter();  // closes (errors are lost: call close() to see them)
  ScapWriter(const ScapWriter&) = delete;
  ScapWriter& operator=(const ScapWriter&) = delete;

  // Creates (truncates) `path` and writes the section header.
  Status open(const std::string& path, Options options);
  Status open(const std::string& path) { return open(path, Options{}); }
  // Appends the file's bytes to `*out` instead (kept alive by the caller until close()).
  Status open_memory(std::vector<uint8_t>* out, Options options);
  Status open_memory(std::vector<uint8_t>* out) { return open_memory(out, Options{}); }

  Status write_machine_info(const MachineInfo& mi);
  Status write_interfaces(const InterfaceList& il);
  Status write_users(const UserList& ul);
  Status write_processes(const ProcessList& pl);  // one PL_V9 block
  Status write_fds(const FdList& fdl);            // one FDL_V2 block (the fds of one thread)

  // One event in the scap layout (EventHeader, param lengths, params); its header's len must
  // be within `event`. cpu and flags go in the block as sysdig expects them.
  Status write_event(std::span<const uint8_t> event, uint16_t cpu, uint32_t flags = 0);
  Status write_event(const events::EventView& e, uint16_t cpu, uint32_t flags = 0) {
    return write_event(e.bytes(), cpu, flags);
  }
  // Writes whatever a reader item holds (a section header item is skipped: the writer wrote
  // its own), so that copying a capture is a loop over next() and write_item().
  Status write_item(const ScapReader::Item& item);

  // Flushes and closes. Safe to call twice.
  Status close();

  bool is_open() const { return open_; }
  uint64_t bytes_written() const { return bytes_; }  // uncompressed
  uint64_t events_written() const { return events_; }

 private:
  Status begin(Options options);
  Status state_allowed(const char* what);
  Status flush();  // compresses / writes buf_
  // Wraps the body built in block_ into a block of `type` (header, padding, trailer) in buf_.
  Status emit_block(uint32_t type);

  Options options_;
  bool open_ = false;
  bool seen_event_ = false;
  uint64_t bytes_ = 0;
  uint64_t events_ = 0;
  int fd_ = -1;
  std::vector<uint8_t>* mem_ = nullptr;
  void* zs_ = nullptr;          // z_stream when gzip
  std::vector<uint8_t> buf_;    // pending uncompressed bytes
  std::vector<uint8_t> block_;  // body of the state block being built
  std::vector<uint8_t> zout_;   // compressed output staging
  Status error_;                // first write error (sticky)
};

}  // namespace saker::scap
