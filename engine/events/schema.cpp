// Lookups over the event table. The table itself lives in schema_table_N.cpp, split by id range
// so that no file grows past a few hundred lines; each part is a constant-initialised array, so
// the table is usable from any static initialiser and costs nothing at start-up.
//
// Compatibility choices (the reference is Debian's sysdig 0.29, libs of March 2022):
//  - Ids, event layouts and the params added since then follow the newest public format.
//  - For params that existed in 2022, name, type and print format are the 2022 ones, because
//    they decide what evt.args prints (mmap res as hex, execve "pgid", Flags8 instead of
//    Enumflags8 ...). Event names likewise ("sysdigevent" for id 196).
//  - Flag-name tables are the 2022 ones where sysdig 0.29 knew them, the newest otherwise.
#include <algorithm>
#include <array>
#include <cstring>

#include "engine/events/schema.h"
#include "engine/events/schema_tables.h"

namespace saker::events {
namespace {

// (name, id) pairs sorted by name, built once, for event_types_named().
struct NameIndex {
  struct Entry {
    std::string_view name;
    uint16_t id;
  };
  std::array<Entry, detail::kEventTypeCount> entries{};

  NameIndex() {
    for (uint16_t id = 0; id < detail::kEventTypeCount; ++id) {
      entries[id] = {event_info(id)->name, id};
    }
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry& a, const Entry& b) { return a.name < b.name; });
  }
};

const NameIndex& name_index() {
  static const NameIndex index;
  return index;
}

}  // namespace

uint16_t event_type_count() { return detail::kEventTypeCount; }

const EventInfo* event_info(uint16_t type) {
  for (const detail::EventTablePart& part : detail::kEventTableParts) {
    if (type >= part.first && type - part.first < part.count) return &part.events[type - part.first];
  }
  return nullptr;
}

size_t event_types_named(std::string_view name, std::span<uint16_t> out) {
  const auto& entries = name_index().entries;
  auto lo = std::lower_bound(entries.begin(), entries.end(), name,
                             [](const NameIndex::Entry& e, std::string_view n) { return e.name < n; });
  size_t n = 0;
  for (auto it = lo; it != entries.end() && it->name == name && n < out.size(); ++it) {
    out[n++] = it->id;
  }
  return n;
}

}  // namespace saker::events
