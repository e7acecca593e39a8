#pragma once
// RingSink: events into the engine's shared-memory ring, in place (reserve → build → commit),
// with the engine's backpressure policy (Welcome: block the tracee up to block_timeout_ms, or
// drop). Drops under the policy are counted in the ring header (the engine reports them).
//
// Engine loss: the link is checked every kAliveCheckNs of tracing (a hang-up on the socket).
// While no engine is connected the workload keeps running, events are counted as lost, and the
// link is re-established with exponential backoff (kMinBackoffMs doubling to kMaxBackoffMs); the
// new ring starts with the events after the reconnection (nothing is replayed).
#include <cstdint>

#include "tracer/engine_link.h"
#include "tracer/event_output.h"

namespace saker::tracer {

class RingSink : public EventOutput {
 public:
  explicit RingSink(EngineLink& link) : link_(link) {}

  std::span<uint8_t> begin(uint32_t max_len) override;
  void commit(uint32_t len) override;
  // Events lost while disconnected plus those the rings dropped under their policy.
  uint64_t lost() const override { return lost_disconnected_ + ring_drops_; }
  uint64_t lost_disconnected() const { return lost_disconnected_; }
  uint64_t reconnects() const { return reconnects_; }

  static constexpr uint64_t kAliveCheckNs = 50'000'000;  // 50 ms
  static constexpr int kMinBackoffMs = 100;
  static constexpr int kMaxBackoffMs = 10'000;
  static constexpr int kHandshakeTimeoutMs = 500;

 private:
  bool ensure_link();
  EngineLink& link_;
  uint8_t* reserved_ = nullptr;
  uint32_t reserved_len_ = 0;
  uint64_t last_check_ns_ = 0;
  uint64_t next_retry_ns_ = 0;
  int backoff_ms_ = kMinBackoffMs;
  uint64_t lost_disconnected_ = 0;
  uint64_t ring_drops_ = 0;     // drops of rings already closed, plus the current one's
  uint64_t ring_drops_base_ = 0;
  uint64_t reconnects_ = 0;
};

}  // namespace saker::tracer
