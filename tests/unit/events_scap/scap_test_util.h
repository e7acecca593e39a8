#pragma once
// Hand-made .scap bytes for the reader and writer tests.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "engine/events/scap_blocks.h"
#include "engine/events/scap_reader.h"

namespace saker::scap::testing {

// A little-endian byte builder.
struct Bytes {
  std::vector<uint8_t> v;
  template <typename T>
  Bytes& put(T x) {
    const auto* p = reinterpret_cast<const uint8_t*>(&x);
    v.insert(v.end(), p, p + sizeof x);
    return *this;
  }
  Bytes& raw(std::string_view s) {
    v.insert(v.end(), s.begin(), s.end());
    return *this;
  }
  Bytes& raw(const std::vector<uint8_t>& b) {
    v.insert(v.end(), b.begin(), b.end());
    return *this;
  }
  Bytes& str16(std::string_view s) {
    put(static_cast<uint16_t>(s.size()));
    return raw(s);
  }
  size_t size() const { return v.size(); }
};

// A block: header, body, zero padding to 4 bytes, trailer. `trailer` overrides the trailer value
// and `total` the header's length when non-zero.
std::vector<uint8_t> block(uint32_t type, const std::vector<uint8_t>& body, uint32_t total = 0,
                           uint32_t trailer = 0);
std::vector<uint8_t> shb(uint32_t magic = kShbMagic, uint16_t major = 1, uint16_t minor = 2);
std::vector<uint8_t> machine_info_body(uint32_t cpus, std::string_view host);

// An event in the current layout (26-byte header, uint16 param lengths).
std::vector<uint8_t> event(uint16_t type, uint64_t ts, uint64_t tid,
                           const std::vector<std::string>& params);
// The same event in the v1 layout (no nparams).
std::vector<uint8_t> event_v1(uint16_t type, uint64_t ts, uint64_t tid,
                              const std::vector<std::string>& params);
// An event block body: cpu id, flags for EVF kinds, the event.
std::vector<uint8_t> event_body(uint32_t block_type, uint16_t cpu, uint32_t flags,
                                const std::vector<uint8_t>& evt);

std::vector<uint8_t> cat(std::initializer_list<std::vector<uint8_t>> parts);

// Reads everything; returns the items' kinds and fills `events` with each event's bytes.
struct ReadResult {
  std::vector<ScapReader::ItemKind> kinds;
  std::vector<std::vector<uint8_t>> events;
  std::vector<uint16_t> cpus;
  std::vector<uint32_t> flags;
  Status status;
  std::vector<std::string> warnings;
};
ReadResult read_all(std::span<const uint8_t> bytes, ScapReader::Options opts = {});

}  // namespace saker::scap::testing
