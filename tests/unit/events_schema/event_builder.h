#pragma once
// Builds event bytes in the scap layout for tests: header, param lengths, params.
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "engine/events/event.h"

namespace saker::events::testing {

class EventBuilder {
 public:
  explicit EventBuilder(uint16_t type, uint64_t tid = 1, uint64_t ts = 0)
      : type_(type), tid_(tid), ts_(ts) {}

  template <typename T>
  EventBuilder& num(T v) {
    std::vector<uint8_t> b(sizeof(T));
    std::memcpy(b.data(), &v, sizeof(T));
    params_.push_back(std::move(b));
    return *this;
  }
  // A string param with its trailing NUL.
  EventBuilder& str(std::string_view s) {
    std::vector<uint8_t> b(s.begin(), s.end());
    b.push_back(0);
    params_.push_back(std::move(b));
    return *this;
  }
  EventBuilder& bytes(std::string_view s) {
    params_.emplace_back(s.begin(), s.end());
    return *this;
  }
  EventBuilder& raw(std::vector<uint8_t> b) {
    params_.push_back(std::move(b));
    return *this;
  }

  // Builds the bytes and a view over them (valid while the builder lives).
  const EventView& view() {
    const EventInfo* info = event_info(type_);
    const uint32_t lsize = info ? param_len_size(*info) : 2;
    buf_.assign(sizeof(scap::EventHeader), 0);
    for (const auto& p : params_) {
      uint32_t l = static_cast<uint32_t>(p.size());
      buf_.insert(buf_.end(), reinterpret_cast<uint8_t*>(&l), reinterpret_cast<uint8_t*>(&l) + lsize);
    }
    for (const auto& p : params_) buf_.insert(buf_.end(), p.begin(), p.end());
    scap::EventHeader h{ts_, tid_, static_cast<uint32_t>(buf_.size()), type_,
                        static_cast<uint32_t>(params_.size())};
    std::memcpy(buf_.data(), &h, sizeof(h));
    Status s = EventView::parse(buf_, view_);
    ok_ = s.ok();
    return view_;
  }
  bool ok() const { return ok_; }

 private:
  uint16_t type_;
  uint64_t tid_, ts_;
  std::vector<std::vector<uint8_t>> params_;
  std::vector<uint8_t> buf_;
  EventView view_;
  bool ok_ = false;
};

}  // namespace saker::events::testing
