#include "tests/unit/events_scap/scap_test_util.h"

namespace saker::scap::testing {

std::vector<uint8_t> block(uint32_t type, const std::vector<uint8_t>& body, uint32_t total,
                           uint32_t trailer) {
  const size_t pad = (4 - body.size() % 4) % 4;
  const uint32_t real = static_cast<uint32_t>(8 + body.size() + pad + 4);
  Bytes b;
  b.put(type).put(total ? total : real).raw(body);
  for (size_t i = 0; i < pad; ++i) b.put(uint8_t{0});
  b.put(trailer ? trailer : (total ? total : real));
  return b.v;
}

std::vector<uint8_t> shb(uint32_t magic, uint16_t major, uint16_t minor) {
  Bytes b;
  b.put(magic).put(major).put(minor).put(~uint64_t{0});
  return block(kBlockSHB, b.v);
}

std::vector<uint8_t> machine_info_body(uint32_t cpus, std::string_view host) {
  Bytes b;
  b.put(cpus).put(uint64_t{8} << 30).put(uint64_t{4194304});
  char h[128] = {};
  std::memcpy(h, host.data(), std::min<size_t>(host.size(), 127));
  b.v.insert(b.v.end(), h, h + 128);
  b.put(uint64_t{1700000000000000000ull}).put(uint64_t{0}).put(uint64_t{0}).put(uint64_t{0});
  return b.v;
}

static std::vector<uint8_t> make_event(bool v1, uint16_t type, uint64_t ts, uint64_t tid,
                                       const std::vector<std::string>& params) {
  const uint32_t hdr = v1 ? 22 : 26;
  uint32_t len = hdr + 2 * static_cast<uint32_t>(params.size());
  for (auto& p : params) len += static_cast<uint32_t>(p.size());
  Bytes b;
  b.put(ts).put(tid).put(len).put(type);
  if (!v1) b.put(static_cast<uint32_t>(params.size()));
  for (auto& p : params) b.put(static_cast<uint16_t>(p.size()));
  for (auto& p : params) b.raw(p);
  return b.v;
}

std::vector<uint8_t> event(uint16_t type, uint64_t ts, uint64_t tid,
                           const std::vector<std::string>& params) {
  return make_event(false, type, ts, tid, params);
}

std::vector<uint8_t> event_v1(uint16_t type, uint64_t ts, uint64_t tid,
                              const std::vector<std::string>& params) {
  return make_event(true, type, ts, tid, params);
}

std::vector<uint8_t> event_body(uint32_t block_type, uint16_t cpu, uint32_t flags,
                                const std::vector<uint8_t>& evt) {
  Bytes b;
  b.put(cpu);
  if (block_type == kBlockEVF || block_type == kBlockEVF_V2 || block_type == kBlockEVF_V2_LARGE) {
    b.put(flags);
  }
  return b.raw(evt).v;
}

std::vector<uint8_t> cat(std::initializer_list<std::vector<uint8_t>> parts) {
  std::vector<uint8_t> out;
  for (auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

ReadResult read_all(std::span<const uint8_t> bytes, ScapReader::Options opts) {
  ReadResult r;
  ScapReader reader(opts);
  r.status = reader.open_memory(bytes, "test");
  if (!r.status.ok()) return r;
  ScapReader::Item item;
  while (reader.next(item)) {
    r.kinds.push_back(item.kind);
    if (item.kind == ScapReader::ItemKind::kEvent) {
      auto b = item.event.bytes();
      r.events.emplace_back(b.begin(), b.end());
      r.cpus.push_back(item.cpu);
      r.flags.push_back(item.flags);
    }
  }
  r.status = reader.status();
  r.warnings = reader.warnings();
  return r;
}

}  // namespace saker::scap::testing
