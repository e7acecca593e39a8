#pragma once
// Where the encoded events go: the engine's shared-memory ring (RingSink) or a .scap file
// (ScapFileSink). The encoder builds each event in place: begin(max) → build → commit(len).
#include <cstdint>
#include <span>

namespace saker::tracer {

class EventOutput {
 public:
  virtual ~EventOutput() = default;
  // Space for one event of at most max_len bytes, valid until commit(). An empty span means the
  // event is lost (no engine, ring full under the drop policy): the output counts it.
  virtual std::span<uint8_t> begin(uint32_t max_len) = 0;
  // Publishes the event begun last, `len` bytes (<= max_len); len 0 abandons it (counted lost).
  virtual void commit(uint32_t len) = 0;
  // Events lost by this output so far.
  virtual uint64_t lost() const = 0;
  virtual void flush() {}
};

}  // namespace saker::tracer
