#include "engine/filter/evttypes.h"

#include "engine/events/event_types.h"
#include "engine/events/flag_names.h"

#include <array>
#include <bit>

#include "engine/events/schema.h"
#include "engine/filter/values.h"

namespace saker::filter {

bool EventTypeCatalog::known(std::string_view name) const {
  std::vector<uint16_t> ids;
  ids_named(name, &ids);
  return !ids.empty();
}

namespace {

class SchemaCatalog final : public EventTypeCatalog {
 public:
  size_t universe_size() const override { return saker::events::event_type_count(); }
  void ids_named(std::string_view name, std::vector<uint16_t>* out) const override {
    std::array<uint16_t, 64> buf;
    size_t n = saker::events::event_types_named(name, buf);
    out->insert(out->end(), buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(n));
    // A syscall without an event of its own arrives as the generic syscall event, whose
    // evt.type is the syscall's name (Falco accepts evt.type=madvise).
    if (n == 0 && is_syscall_name(name)) {
      out->push_back(saker::events::PPME_GENERIC_E);
      out->push_back(saker::events::PPME_GENERIC_X);
    }
  }

 private:
  static bool is_syscall_name(std::string_view name) {
    for (uint16_t sc = 0; sc < saker::events::syscall_code_count(); ++sc) {
      if (saker::events::syscall_name(sc) == name) return true;
    }
    return false;
  }
};

}  // namespace

const EventTypeCatalog& schema_event_types() {
  static const SchemaCatalog catalog;
  return catalog;
}

// ---- set ------------------------------------------------------------------------------------

EventTypeSet::EventTypeSet(size_t universe, bool all) : universe_(universe), bits_((universe + 63) / 64, all ? ~0ull : 0ull) {
  trim();
}

void EventTypeSet::trim() {
  if (universe_ % 64 != 0 && !bits_.empty()) bits_.back() &= (1ull << (universe_ % 64)) - 1;
}

void EventTypeSet::insert(uint16_t id) {
  if (id < universe_) bits_[id / 64] |= 1ull << (id % 64);
}

bool EventTypeSet::contains(uint16_t id) const {
  return id < universe_ && (bits_[id / 64] >> (id % 64)) & 1u;
}

size_t EventTypeSet::size() const {
  size_t n = 0;
  for (uint64_t w : bits_) n += static_cast<size_t>(std::popcount(w));
  return n;
}

std::vector<uint16_t> EventTypeSet::ids() const {
  std::vector<uint16_t> out;
  for (size_t i = 0; i < universe_; ++i) {
    if (contains(static_cast<uint16_t>(i))) out.push_back(static_cast<uint16_t>(i));
  }
  return out;
}

EventTypeSet& EventTypeSet::intersect(const EventTypeSet& o) {
  for (size_t i = 0; i < bits_.size(); ++i) bits_[i] &= i < o.bits_.size() ? o.bits_[i] : 0;
  return *this;
}

EventTypeSet& EventTypeSet::unite(const EventTypeSet& o) {
  for (size_t i = 0; i < bits_.size() && i < o.bits_.size(); ++i) bits_[i] |= o.bits_[i];
  return *this;
}

EventTypeSet EventTypeSet::complement() const {
  EventTypeSet out = *this;
  for (auto& w : out.bits_) w = ~w;
  out.trim();
  return out;
}

// ---- analysis -------------------------------------------------------------------------------

namespace {

enum class Invariant { Empty, All, Unknown };

// evt.num starts at 1 for every event, so some comparisons are decided statically.
Invariant evt_num_invariant(const Node& cmp) {
  const Node& left = *cmp.left;
  if (left.kind != NodeKind::Field || left.text != "evt.num" || left.arg) return Invariant::Unknown;
  const Node* right = cmp.right.get();
  if (right == nullptr) return Invariant::Unknown;
  if (cmp.op == CmpOp::In) {
    if (right->kind != NodeKind::List) return Invariant::Unknown;
    for (const auto& v : right->children) {
      uint64_t n;
      if (!parse_uint64(v->text, &n) || n != 0) return Invariant::Unknown;
    }
    return Invariant::Empty;
  }
  if (right->kind != NodeKind::Value) return Invariant::Unknown;
  uint64_t n;
  if (!parse_uint64(right->text, &n)) return Invariant::Unknown;
  switch (cmp.op) {
    case CmpOp::Eq: return n == 0 ? Invariant::Empty : Invariant::Unknown;
    case CmpOp::Ne: return n == 0 ? Invariant::All : Invariant::Unknown;
    case CmpOp::Lt: return n <= 1 ? Invariant::Empty : Invariant::Unknown;
    case CmpOp::Le: return n == 0 ? Invariant::Empty : Invariant::Unknown;
    case CmpOp::Gt: return n == 0 ? Invariant::All : Invariant::Unknown;
    case CmpOp::Ge: return n <= 1 ? Invariant::All : Invariant::Unknown;
    default: return Invariant::Unknown;
  }
}

bool is_evttype_field(const Node& n) {
  return n.kind == NodeKind::Field && (n.text == "evt.type" || n.text == "syscall.type") && !n.arg;
}

class Analyzer {
 public:
  explicit Analyzer(const EventTypeCatalog& c) : catalog_(c), universe_(c.universe_size()) {}

  // negated: an odd number of enclosing 'not's.
  EventTypeSet visit(const Node& n, bool negated) {
    switch (n.kind) {
      case NodeKind::And:
      case NodeKind::Or: {
        // Under negation, De Morgan swaps the connective.
        bool intersect = (n.kind == NodeKind::And) != negated;
        EventTypeSet acc = intersect ? EventTypeSet::all(universe_) : EventTypeSet(universe_);
        for (const auto& c : n.children) {
          EventTypeSet s = visit(*c, negated);
          if (intersect) {
            acc.intersect(s);
          } else {
            acc.unite(s);
          }
        }
        return acc;
      }
      case NodeKind::Not:
        return visit(*n.children[0], !negated);
      case NodeKind::Compare:
        return compare(n, negated);
      default:
        return EventTypeSet::all(universe_);  // neutral
    }
  }

 private:
  EventTypeSet named(const Node& right) {
    EventTypeSet s(universe_);
    std::vector<uint16_t> ids;
    if (right.kind == NodeKind::Value) {
      catalog_.ids_named(right.text, &ids);
    } else if (right.kind == NodeKind::List) {
      for (const auto& v : right.children) catalog_.ids_named(v->text, &ids);
    }
    for (uint16_t id : ids) s.insert(id);
    return s;
  }

  EventTypeSet compare(const Node& n, bool negated) {
    switch (evt_num_invariant(n)) {
      case Invariant::Empty: return negated ? EventTypeSet::all(universe_) : EventTypeSet(universe_);
      case Invariant::All: return negated ? EventTypeSet(universe_) : EventTypeSet::all(universe_);
      case Invariant::Unknown: break;
    }
    if (n.op == CmpOp::Exists) {
      if (is_evttype_field(*n.left)) return negated ? EventTypeSet(universe_) : EventTypeSet::all(universe_);
      return EventTypeSet::all(universe_);
    }
    if (is_evttype_field(*n.left) && n.right &&
        (n.op == CmpOp::Eq || n.op == CmpOp::Ne || n.op == CmpOp::In) &&
        (n.right->kind == NodeKind::Value || n.right->kind == NodeKind::List)) {
      EventTypeSet s = named(*n.right);
      bool invert = negated != (n.op == CmpOp::Ne);
      return invert ? s.complement() : s;
    }
    return EventTypeSet::all(universe_);
  }

  const EventTypeCatalog& catalog_;
  size_t universe_;
};

}  // namespace

EventTypeSet event_types_of(const Node& root, const EventTypeCatalog& catalog) {
  return Analyzer(catalog).visit(root, false);
}

}  // namespace saker::filter
