#pragma once
// Test helper: encodes one event in the scap layout (header, u16 param lengths, params).
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <map>
#include <vector>

#include "engine/events/event.h"
#include "engine/events/scap_layout.h"
#include "engine/events/schema.h"

namespace saker::state::test {

class Ev {
 public:
  Ev(uint16_t type, uint64_t tid, uint64_t ts = 1) : type_(type), tid_(tid), ts_(ts) {}
  template <typename T>
  Ev& num(T v) {
    std::vector<uint8_t> b(sizeof(T));
    std::memcpy(b.data(), &v, sizeof(T));
    params_.push_back(std::move(b));
    return *this;
  }
  Ev& i64(int64_t v) { return num<int64_t>(v); }
  Ev& u64(uint64_t v) { return num<uint64_t>(v); }
  Ev& u32(uint32_t v) { return num<uint32_t>(v); }
  Ev& str(std::string_view s) {  // NUL-terminated
    std::vector<uint8_t> b(s.begin(), s.end());
    b.push_back(0);
    params_.push_back(std::move(b));
    return *this;
  }
  Ev& raw(std::string_view s) {  // as is (args / env / cgroups lists)
    params_.emplace_back(s.begin(), s.end());
    return *this;
  }
  Ev& bytes(std::vector<uint8_t> b) {
    params_.push_back(std::move(b));
    return *this;
  }
  Ev& empty() {
    params_.emplace_back();
    return *this;
  }
  // Named params: laid out in the schema's order at view(); unnamed ones are left empty.
  template <typename T>
  Ev& set(const char* name, T v) {
    std::vector<uint8_t> b(sizeof(T));
    std::memcpy(b.data(), &v, sizeof(T));
    named_[name] = std::move(b);
    return *this;
  }
  Ev& set_str(const char* name, std::string_view s) {
    std::vector<uint8_t> b(s.begin(), s.end());
    b.push_back(0);
    named_[name] = std::move(b);
    return *this;
  }
  Ev& set_raw(const char* name, std::vector<uint8_t> b) {
    named_[name] = std::move(b);
    return *this;
  }
  Ev& set_list(const char* name, std::string_view nul_separated) {
    named_[name] = std::vector<uint8_t>(nul_separated.begin(), nul_separated.end());
    return *this;
  }

  // Encodes and parses; the returned view points into this builder.
  const events::EventView& view() {
    buf_.clear();
    if (!named_.empty()) {
      params_.clear();
      const events::EventInfo* info = events::event_info(type_);
      for (size_t i = 0; info != nullptr && i < info->params.size(); ++i) {
        auto it = named_.find(info->params[i].name);
        params_.push_back(it == named_.end() ? std::vector<uint8_t>{} : it->second);
      }
    }
    scap::EventHeader h{};
    h.ts = ts_;
    h.tid = tid_;
    h.type = type_;
    h.nparams = static_cast<uint32_t>(params_.size());
    size_t len = sizeof(h) + 2 * params_.size();
    for (auto& p : params_) len += p.size();
    h.len = static_cast<uint32_t>(len);
    buf_.resize(sizeof(h));
    std::memcpy(buf_.data(), &h, sizeof(h));
    for (auto& p : params_) {
      uint16_t l = static_cast<uint16_t>(p.size());
      buf_.push_back(static_cast<uint8_t>(l & 0xff));
      buf_.push_back(static_cast<uint8_t>(l >> 8));
    }
    for (auto& p : params_) buf_.insert(buf_.end(), p.begin(), p.end());
    ok_ = events::EventView::parse(buf_, view_).ok();
    return view_;
  }
  bool ok() const { return ok_; }

 private:
  uint16_t type_;
  uint64_t tid_;
  uint64_t ts_;
  std::vector<std::vector<uint8_t>> params_;
  std::map<std::string, std::vector<uint8_t>> named_;
  std::vector<uint8_t> buf_;
  events::EventView view_;
  bool ok_ = false;
};

inline std::vector<uint8_t> inet_tuple(uint32_t sip_be, uint16_t sport, uint32_t dip_be, uint16_t dport) {
  std::vector<uint8_t> b(13);
  b[0] = 2;
  std::memcpy(&b[1], &sip_be, 4);
  std::memcpy(&b[5], &sport, 2);
  std::memcpy(&b[7], &dip_be, 4);
  std::memcpy(&b[11], &dport, 2);
  return b;
}

}  // namespace saker::state::test
