#include "tracer/ring_sink.h"

#include <time.h>

#include "engine/events/event_builder.h"
#include "engine/events/event_types.h"

namespace saker::tracer {
namespace {

uint64_t mono_ns() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000000000ull + static_cast<uint64_t>(ts.tv_nsec);
}

}  // namespace

bool RingSink::ensure_link() {
  const uint64_t now = mono_ns();
  if (link_.connected() && now - last_check_ns_ >= kAliveCheckNs) {
    last_check_ns_ = now;
    if (!link_.alive()) {
      next_retry_ns_ = now + static_cast<uint64_t>(backoff_ms_) * 1000000ull;
    }
  }
  if (link_.connected()) return true;
  if (now < next_retry_ns_) return false;
  ring_drops_base_ = ring_drops_;
  if (link_.connect(kHandshakeTimeoutMs).ok()) {
    ++reconnects_;
    backoff_ms_ = kMinBackoffMs;
    last_check_ns_ = now;
    return true;
  }
  next_retry_ns_ = mono_ns() + static_cast<uint64_t>(backoff_ms_) * 1000000ull;
  backoff_ms_ = backoff_ms_ * 2 > kMaxBackoffMs ? kMaxBackoffMs : backoff_ms_ * 2;
  return false;
}

std::span<uint8_t> RingSink::begin(uint32_t max_len) {
  reserved_ = nullptr;
  if (!ensure_link()) {
    ++lost_disconnected_;
    return {};
  }
  sources::ShmRing& ring = link_.ring();
  if (max_len > ring.max_record()) max_len = ring.max_record();
  const auto& w = link_.welcome();
  reserved_ = ring.reserve(max_len, static_cast<sources::Backpressure>(w.backpressure),
                           static_cast<int>(w.block_timeout_ms));
  ring_drops_ = ring_drops_base_ + ring.header().dropped_events.load(std::memory_order_relaxed);
  if (reserved_ == nullptr) return {};
  reserved_len_ = max_len;
  return {reserved_, max_len};
}

void RingSink::commit(uint32_t len) {
  if (reserved_ == nullptr) return;
  if (len == 0) {
    // An event the encoder could not build: the reservation is published as a notification
    // (a record must carry an event), so the engine sees that something was lost here.
    events::EventBuilder b(false);
    if (b.start(events::PPME_NOTIFICATION_E, {reserved_, reserved_len_})) {
      b.add_str("saker-trace");
      b.add_str("event encoding failed");
      len = b.finish(0, 0);
    }
  }
  link_.ring().commit(len);
  reserved_ = nullptr;
}

}  // namespace saker::tracer
