#pragma once
// Reads .scap trace files (the block format sysdig and Falco write, see scap_blocks.h), plain or
// gzip-compressed, and hands out their contents one item at a time: an event, or a state block
// parsed into plain structs (to seed the state engine as a /proc scan would).
//
//   ScapReader r;
//   if (Status s = r.open(path); !s.ok()) ...;
//   ScapReader::Item item;
//   while (r.next(item)) {
//     if (item.kind == ScapReader::ItemKind::kEvent) use(item.event, item.cpu, item.flags);
//     else if (item.kind == ScapReader::ItemKind::kProcessList) seed(item.processes);
//   }
//   if (!r.status().ok()) report(r.status().message());   // names the byte offset
//
// Zero copy: a plain file is read whole into memory (memory-mapped above
// Options::read_whole_limit) and events are EventViews into those bytes; a gzip file is
// decompressed into memory once, at open. Only events of the oldest block kind (EV v1,
// whose header lacks nparams) are rewritten, into one scratch buffer the reader reuses. The
// event loop makes no heap allocation. An event view is valid until the next call to next().
//
// Damaged input never crashes the reader nor loops: every length is checked against the bytes
// that hold it. Errors name the byte offset (in the decompressed data for gzip files) and what
// was wrong. Where sysdig skips (unknown block types, event types unknown to the schema), the
// reader skips too and records a warning.
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "engine/common/status.h"
#include "engine/events/event.h"
#include "engine/events/scap_blocks.h"
#include "engine/events/scap_gzip.h"

namespace saker::scap {

class ScapReader {
 public:
  struct Options {
    // Skip events whose type the schema does not know (sysdig does the same). Ignored while the
    // schema is empty.
    bool skip_unknown_event_types = true;
    // Upper bound on the decompressed size of a gzip file.
    uint64_t max_decompressed_bytes = uint64_t{64} << 30;
    // How many warning messages to keep (counters keep counting beyond).
    size_t max_warnings = 100;
    // Plain files up to this size are read whole into memory (decoding from anonymous huge
    // pages is faster than from a page-cache mapping); larger ones are memory-mapped.
    size_t read_whole_limit = size_t{1} << 30;
  };

  enum class ItemKind : uint8_t {
    kEvent,
    kSectionHeader,
    kMachineInfo,
    kProcessList,
    kFdList,
    kInterfaceList,
    kUserList,
  };

  // One thing read from the file. Only the members of `kind` are meaningful; the others keep
  // whatever an earlier item left (reusing one Item keeps the event loop allocation-free).
  struct Item {
    ItemKind kind = ItemKind::kEvent;
    uint32_t block_type = 0;  // the block it came from (scap_blocks.h)
    uint64_t offset = 0;      // byte offset of that block in the (decompressed) file
    // kEvent
    events::EventView event;
    uint16_t cpu = 0;
    uint32_t flags = 0;  // EVF blocks' flags, 0 for EV blocks
    // state blocks
    SectionHeader section;
    MachineInfo machine;
    ProcessList processes;
    FdList fds;
    InterfaceList interfaces;
    UserList users;
  };

  struct Stats {
    uint64_t events = 0;
    uint64_t state_blocks = 0;
    uint64_t skipped_unknown_blocks = 0;
    uint64_t skipped_unknown_events = 0;
    uint64_t converted_v1_events = 0;  // EV v1 events rewritten with nparams
    uint64_t trailer_mismatches = 0;   // event blocks whose trailer disagreed (sysdig ignores)
  };

  ScapReader();
  explicit ScapReader(Options options);
  ~ScapReader();
  ScapReader(const ScapReader&) = delete;
  ScapReader& operator=(const ScapReader&) = delete;

  // Opens a file (plain or gzip). Checks the section header; the first next() returns it.
  Status open(const std::string& path);
  // Reads from memory the caller keeps alive while the reader is used (gzip data is
  // decompressed into memory the reader owns). `name` appears in messages.
  Status open_memory(std::span<const uint8_t> bytes, std::string name = "<memory>");
  void close();

  // Reads the next item. Returns false at the end of the file or on an error: status() is ok at
  // a clean end, and otherwise says where and what. Items read before an error stay valid.
  bool next(Item& out);
  const Status& status() const { return status_; }

  const Stats& stats() const { return stats_; }
  const std::vector<std::string>& warnings() const { return warnings_; }
  bool compressed() const { return compressed_; }
  // The (decompressed) bytes being read and the offset of the next block.
  std::span<const uint8_t> data() const { return data_; }
  uint64_t position() const { return pos_; }

 private:
  Status start(std::string name);
  bool fail(uint64_t offset, const std::string& what);
  void warn(uint64_t offset, const std::string& what);
  // Fills `out` from an event block; returns false to skip it (unknown type), or on error (then
  // status_ is set).
  bool read_event(uint32_t type, uint64_t offset, std::span<const uint8_t> body, Item& out);
  bool convert_v1(std::span<const uint8_t> evt, uint64_t offset, std::span<const uint8_t>& out);

  Options options_;
  std::string name_;
  std::span<const uint8_t> data_;
  uint64_t pos_ = 0;
  Status status_;
  bool done_ = false;
  bool compressed_ = false;
  bool seen_shb_ = false;
  Stats stats_;
  std::vector<std::string> warnings_;

  void* map_ = nullptr;  // the file's bytes (anonymous memory or a file mapping); munmap'd
  size_t map_len_ = 0;
  detail::ByteBuffer inflated_;  // decompressed gzip data
  detail::ByteBuffer scratch_;   // EV v1 events rewritten with nparams
};

}  // namespace saker::scap
