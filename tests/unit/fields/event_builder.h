#pragma once
// Builds events in the scap layout for tests: header, param lengths, params.
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "engine/events/event.h"
#include "engine/events/scap_layout.h"

namespace saker::fields::testing {

using Bytes = std::vector<uint8_t>;

template <typename T>
Bytes le(T v) {
  Bytes b(sizeof(T));
  std::memcpy(b.data(), &v, sizeof(T));
  return b;
}
inline Bytes i64(int64_t v) { return le(v); }
inline Bytes u64(uint64_t v) { return le(v); }
inline Bytes u32(uint32_t v) { return le(v); }
inline Bytes u16(uint16_t v) { return le(v); }
inline Bytes u8(uint8_t v) { return le(v); }
inline Bytes str(std::string_view s) {
  Bytes b(s.begin(), s.end());
  b.push_back(0);
  return b;
}

// An event's bytes plus a parsed view over them (the view points into `bytes`).
struct Event {
  Bytes bytes;
  events::EventView view;

  Event(uint16_t type, uint64_t ts, uint64_t tid, std::initializer_list<Bytes> params) {
    scap::EventHeader h{};
    h.ts = ts;
    h.tid = tid;
    h.type = type;
    h.nparams = static_cast<uint32_t>(params.size());
    const events::EventInfo* info = events::event_info(type);
    const uint32_t slot = info ? events::param_len_size(*info) : 2;
    size_t len = sizeof h + params.size() * slot;
    for (const Bytes& p : params) len += p.size();
    h.len = static_cast<uint32_t>(len);
    bytes.resize(sizeof h);
    std::memcpy(bytes.data(), &h, sizeof h);
    for (const Bytes& p : params) {
      if (slot == 4) {
        Bytes l = u32(static_cast<uint32_t>(p.size()));
        bytes.insert(bytes.end(), l.begin(), l.end());
      } else {
        Bytes l = u16(static_cast<uint16_t>(p.size()));
        bytes.insert(bytes.end(), l.begin(), l.end());
      }
    }
    for (const Bytes& p : params) bytes.insert(bytes.end(), p.begin(), p.end());
    Status st = events::EventView::parse(bytes, view);
    if (!st.ok()) std::abort();
  }
  Event(const Event&) = delete;
  Event& operator=(const Event&) = delete;
};

}  // namespace saker::fields::testing
