#pragma once
// ScapFileSink: events to a .scap file (`saker-trace -w FILE`, no engine), readable by sysdig,
// Falco and our own ScapReader.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/common/status.h"
#include "engine/events/scap_writer.h"
#include "tracer/event_output.h"

namespace saker::tracer {

class ScapFileSink : public EventOutput {
 public:
  ScapFileSink() = default;
  ~ScapFileSink() override;
  Status open(const std::string& path);
  Status close();

  std::span<uint8_t> begin(uint32_t max_len) override;
  void commit(uint32_t len) override;
  uint64_t lost() const override { return lost_; }

 private:
  scap::ScapWriter writer_;
  std::vector<uint8_t> buf_;
  uint64_t lost_ = 0;
};

}  // namespace saker::tracer
