#pragma once
// The on-the-wire layout of one event, shared by every producer (tracer, eBPF probe, kernel
// module) and by the engine. It is the scap layout sysdig and Falco use, so a live stream can be
// written to a .scap file unchanged and any trace file decodes with the same view.
//
//   EventHeader | param lengths (nparams x uint16, or x uint32 for EF_LARGE_PAYLOAD events) | params
//
// Integers are little-endian; the header is packed (26 bytes).
#include <cstdint>

namespace saker::scap {

#pragma pack(push, 1)
struct EventHeader {
  uint64_t ts;       // nanoseconds since the epoch
  uint64_t tid;      // thread id of the thread that generated the event
  uint32_t len;      // whole event length: header + lengths + params
  uint16_t type;     // event type, see event_types.h
  uint32_t nparams;  // number of params that follow
};
#pragma pack(pop)
static_assert(sizeof(EventHeader) == 26);

// Largest event we accept from any source. Protects readers against absurd lengths.
inline constexpr uint32_t kMaxEventLen = 64u * 1024u * 1024u;

}  // namespace saker::scap
