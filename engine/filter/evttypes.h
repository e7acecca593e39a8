#pragma once
// Event-type analysis: the set of event types a condition can match, computed as Falco does.
//
// and -> intersection, or -> union; a leaf `evt.type = X`, `evt.type != X`, `evt.type in (..)`
// gives its explicit set; `evt.type exists` gives every type; any other leaf is neutral (every
// type) and stays so under negation. Negation is pushed to the leaves with De Morgan's laws, so
// `not evt.type = open` is every type but open, while `not proc.name = cat` is every type.
// Leaves on evt.num use its invariant (values start at 1): `evt.num = 0` matches nothing.
// A rule whose set is larger than 100 types gets Falco's LOAD_NO_EVTTYPE warning.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/filter/ast.h"

namespace saker::filter {

// Maps event type names to ids; injectable so that the set algebra is testable without the
// schema. The universe is [0, universe_size()).
class EventTypeCatalog {
 public:
  virtual ~EventTypeCatalog() = default;
  virtual size_t universe_size() const = 0;
  // Appends every id with this name (both directions, every version); none when unknown.
  virtual void ids_named(std::string_view name, std::vector<uint16_t>* out) const = 0;
  bool known(std::string_view name) const;
};

// The catalog of saker::events (engine/events/schema.h).
const EventTypeCatalog& schema_event_types();

class EventTypeSet {
 public:
  EventTypeSet() = default;
  explicit EventTypeSet(size_t universe, bool all = false);
  static EventTypeSet all(size_t universe) { return EventTypeSet(universe, true); }

  void insert(uint16_t id);
  bool contains(uint16_t id) const;
  size_t size() const;  // number of members
  size_t universe() const { return universe_; }
  bool empty() const { return size() == 0; }
  std::vector<uint16_t> ids() const;

  EventTypeSet& intersect(const EventTypeSet& o);
  EventTypeSet& unite(const EventTypeSet& o);
  EventTypeSet complement() const;
  bool operator==(const EventTypeSet& o) const = default;

 private:
  void trim();
  size_t universe_ = 0;
  std::vector<uint64_t> bits_;
};

// The event types root can match. Macros must already be expanded (an identifier is neutral).
EventTypeSet event_types_of(const Node& root, const EventTypeCatalog& catalog);

// Falco's threshold for LOAD_NO_EVTTYPE.
constexpr size_t kNoEvttypeThreshold = 100;

}  // namespace saker::filter
