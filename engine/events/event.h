#pragma once
// A read-only, zero-copy view over one event's bytes in the scap layout (see scap_layout.h).
// The same view is used for every source: trace files, the tracer's ring, the kernel drivers.
// Invariant: a view built by EventView::parse() has every param inside the event's bytes, so the
// accessors never read out of bounds.
#include <cstdint>
#include <cstring>
#include <span>
#include <string_view>

#include "engine/common/status.h"
#include "engine/events/scap_layout.h"
#include "engine/events/schema.h"

namespace saker::events {

class EventView {
 public:
  static constexpr uint32_t kMaxParams = 32;

  EventView() = default;

  // Wraps bytes that start with an EventHeader. Checks the header length against the buffer and
  // every param length against the event length. The bytes must outlive the view.
  static Status parse(std::span<const uint8_t> bytes, EventView& out);

  const scap::EventHeader& header() const { return hdr_; }
  uint64_t ts() const { return hdr_.ts; }
  uint64_t tid() const { return hdr_.tid; }
  uint16_t type() const { return hdr_.type; }
  uint32_t len() const { return hdr_.len; }
  uint32_t nparams() const { return nparams_; }
  const EventInfo* info() const { return info_; }  // nullptr for types unknown to the schema
  bool is_enter() const { return events::is_enter(hdr_.type); }
  std::span<const uint8_t> bytes() const { return {data_, hdr_.len}; }

  // Raw bytes of param i (empty when i >= nparams()).
  std::span<const uint8_t> param(uint32_t i) const {
    if (i >= nparams_) return {};
    return {data_ + offset_[i], static_cast<size_t>(offset_[i + 1] - offset_[i])};
  }

  // Typed accessors: read a little-endian integer of the param's own size (1, 2, 4 or 8 bytes),
  // sign-extending for the signed variant. Return false when the param is absent or its size is
  // not a valid integer size.
  bool param_u64(uint32_t i, uint64_t& out) const;
  bool param_i64(uint32_t i, int64_t& out) const;
  // A string param without its trailing NUL (empty when absent).
  std::string_view param_str(uint32_t i) const;

 private:
  const uint8_t* data_ = nullptr;
  scap::EventHeader hdr_{};
  const EventInfo* info_ = nullptr;
  uint32_t nparams_ = 0;
  uint32_t offset_[kMaxParams + 1] = {};
};

}  // namespace saker::events
