#include "engine/events/event.h"

#include <string>

namespace saker::events {

Status EventView::parse(std::span<const uint8_t> bytes, EventView& out) {
  if (bytes.size() < sizeof(scap::EventHeader)) {
    return Status::Error("event shorter than its header (" + std::to_string(bytes.size()) +
                         " bytes, expected at least 26)");
  }
  std::memcpy(&out.hdr_, bytes.data(), sizeof(scap::EventHeader));
  const scap::EventHeader& h = out.hdr_;
  if (h.len < sizeof(scap::EventHeader) || h.len > bytes.size()) {
    return Status::Error("event length " + std::to_string(h.len) + " outside [26, " +
                         std::to_string(bytes.size()) + "]");
  }
  if (h.nparams > kMaxParams) {
    return Status::Error("event has " + std::to_string(h.nparams) + " params, at most " +
                         std::to_string(kMaxParams) + " expected");
  }
  out.data_ = bytes.data();
  out.info_ = event_info(h.type);
  out.nparams_ = h.nparams;
  const uint32_t slot = out.info_ ? param_len_size(*out.info_) : 2u;
  uint64_t pos = sizeof(scap::EventHeader) + uint64_t{h.nparams} * slot;
  if (pos > h.len) {
    return Status::Error("param length table (" + std::to_string(h.nparams) +
                         " entries) runs past the event length " + std::to_string(h.len));
  }
  const uint8_t* lens = out.data_ + sizeof(scap::EventHeader);
  for (uint32_t i = 0; i < h.nparams; ++i) {
    uint32_t plen = 0;
    if (slot == 4) {
      std::memcpy(&plen, lens + i * 4, 4);
    } else {
      uint16_t p16;
      std::memcpy(&p16, lens + i * 2, 2);
      plen = p16;
    }
    out.offset_[i] = static_cast<uint32_t>(pos);
    pos += plen;
    if (pos > h.len) {
      return Status::Error("param " + std::to_string(i) + " (length " + std::to_string(plen) +
                           ") runs past the event length " + std::to_string(h.len));
    }
  }
  out.offset_[h.nparams] = static_cast<uint32_t>(pos);
  return Status::Ok();
}

bool EventView::param_u64(uint32_t i, uint64_t& out) const {
  auto p = param(i);
  switch (p.size()) {
    case 1: out = p[0]; return true;
    case 2: { uint16_t v; std::memcpy(&v, p.data(), 2); out = v; return true; }
    case 4: { uint32_t v; std::memcpy(&v, p.data(), 4); out = v; return true; }
    case 8: { std::memcpy(&out, p.data(), 8); return true; }
    default: return false;
  }
}

bool EventView::param_i64(uint32_t i, int64_t& out) const {
  auto p = param(i);
  switch (p.size()) {
    case 1: out = static_cast<int8_t>(p[0]); return true;
    case 2: { int16_t v; std::memcpy(&v, p.data(), 2); out = v; return true; }
    case 4: { int32_t v; std::memcpy(&v, p.data(), 4); out = v; return true; }
    case 8: { std::memcpy(&out, p.data(), 8); return true; }
    default: return false;
  }
}

std::string_view EventView::param_str(uint32_t i) const {
  auto p = param(i);
  size_t n = p.size();
  while (n > 0 && p[n - 1] == 0) --n;
  return {reinterpret_cast<const char*>(p.data()), n};
}

}  // namespace saker::events
