#pragma once
// A single-producer single-consumer ring of variable-size records in shared memory (a memfd), the
// transport between one tracer (producer) and the engine (consumer). The producer writes events
// straight into the ring (reserve → fill → commit) and the consumer reads them in place
// (peek → use → release): no copy on either side.
//
// Memory: one 4 KiB header page, then `capacity` data bytes (a power of two). Positions `head`
// (bytes produced) and `tail` (bytes consumed) only grow; `head - tail <= capacity` always holds.
// A record is an 8-byte prefix (u32 payload length, u32 reserved) and the payload, padded to 8
// bytes, and never wraps: when it does not fit before the end of the data area, the producer writes
// a wrap marker (length kWrapMarker) and starts the record at the beginning.
//
// Wake-ups use two eventfds, written only when the other side said it is waiting, so a busy
// stream costs no syscall per event.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <span>

#include "engine/common/status.h"

namespace saker::sources {

inline constexpr uint64_t kRingMagic = 0x53414b4552494e47ull;  // "SAKERING"
inline constexpr uint32_t kRingVersion = 1;
inline constexpr size_t kRingHeaderSize = 4096;

struct RingHeader {
  uint64_t magic;
  uint32_t version;
  uint32_t header_size;
  uint64_t capacity;
  alignas(64) std::atomic<uint64_t> head;  // written by the producer only
  std::atomic<uint32_t> producer_waiting;  // producer sleeps on space_fd
  std::atomic<uint32_t> producer_closed;   // producer will write no more
  alignas(64) std::atomic<uint64_t> tail;  // written by the consumer only
  std::atomic<uint32_t> consumer_waiting;  // consumer sleeps on data_fd
  alignas(64) std::atomic<uint64_t> produced_events;
  std::atomic<uint64_t> dropped_events;  // events the producer could not fit (drop policy)
  std::atomic<uint64_t> dropped_bytes;
  std::atomic<uint64_t> blocked_ns;  // time the producer spent waiting for space
};
static_assert(sizeof(RingHeader) <= kRingHeaderSize);
static_assert(std::atomic<uint64_t>::is_always_lock_free);

// The three descriptors that make a ring, passed from the engine to a tracer over its socket.
struct RingFds {
  int mem_fd = -1;    // the memfd holding header + data
  int data_fd = -1;   // eventfd: producer → consumer "records available"
  int space_fd = -1;  // eventfd: consumer → producer "space available"
};

// What the producer does when a record does not fit.
enum class Backpressure : uint8_t {
  Block,  // wait for space up to a bound, then drop
  Drop,   // drop at once and count it
};

class ShmRing {
 public:
  ShmRing() = default;
  ~ShmRing();
  ShmRing(const ShmRing&) = delete;
  ShmRing& operator=(const ShmRing&) = delete;
  ShmRing(ShmRing&& o) noexcept;
  ShmRing& operator=(ShmRing&& o) noexcept;

  // Consumer side: creates the memfd and eventfds; capacity is rounded up to a power of two.
  static Status create(size_t capacity, ShmRing& out);
  // Producer side: maps a ring received from the engine; takes ownership of the fds.
  static Status attach(RingFds fds, ShmRing& out);

  const RingFds& fds() const { return fds_; }
  RingHeader& header() const { return *hdr_; }
  uint64_t capacity() const { return capacity_; }
  // Largest payload a record may have.
  uint32_t max_record() const { return static_cast<uint32_t>(capacity_ / 2 - 16); }

  // ---- producer ----
  // Returns space for a payload of `len` bytes, or nullptr when it does not fit now. Until
  // commit() the record is invisible to the consumer.
  uint8_t* try_reserve(uint32_t len);
  // Like try_reserve, but applies the policy: Block waits up to timeout_ms for space. Returns
  // nullptr (and counts a drop) when there is still no space, or when len > max_record().
  uint8_t* reserve(uint32_t len, Backpressure policy, int timeout_ms);
  // Publishes the reserved record with its final payload length (<= the reserved length).
  void commit(uint32_t len);
  // Marks the stream finished and wakes the consumer.
  void close_producer();

  // ---- consumer ----
  // The next record's payload, or an empty span when none is available.
  std::span<const uint8_t> peek();
  // Consumes the record returned by the last peek().
  void release();
  // Waits until a record is available, the producer closed, or timeout_ms passed (-1: forever).
  // Returns true when a record is available.
  bool wait_readable(int timeout_ms);
  bool producer_closed() const { return hdr_->producer_closed.load(std::memory_order_acquire); }
  // For a consumer that sleeps on many rings at once (epoll on their data fds): arm_wait() asks
  // the producer to signal and returns true when a record is already there (then do not sleep);
  // disarm_wait() withdraws the request and drains the eventfd.
  bool arm_wait();
  void disarm_wait();

 private:
  void reset();
  void signal(int fd);

  RingFds fds_;
  RingHeader* hdr_ = nullptr;
  uint8_t* data_ = nullptr;
  uint64_t capacity_ = 0;
  size_t map_len_ = 0;
  // Producer: reservation in progress. Consumer: size of the record last peeked.
  uint64_t pending_pos_ = 0;
  uint32_t pending_len_ = 0;
  uint64_t peeked_advance_ = 0;
};

}  // namespace saker::sources
