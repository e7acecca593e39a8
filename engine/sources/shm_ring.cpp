#include "engine/sources/shm_ring.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <new>
#include <string>
#include <utility>

namespace saker::sources {
namespace {

constexpr uint32_t kWrapMarker = 0xffffffffu;
constexpr uint32_t kPrefix = 8;

constexpr uint64_t align8(uint64_t v) { return (v + 7) & ~uint64_t{7}; }

uint64_t round_pow2(uint64_t v) {
  uint64_t p = 4096;
  while (p < v) p <<= 1;
  return p;
}

std::string errno_text(const char* what) { return std::string(what) + ": " + std::strerror(errno); }

uint64_t now_ns() {
  return static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                   std::chrono::steady_clock::now().time_since_epoch())
                                   .count());
}

// Sleeps on an eventfd until it is written or the timeout passes; drains it.
void wait_fd(int fd, int timeout_ms) {
  pollfd p{fd, POLLIN, 0};
  int r;
  do {
    r = ::poll(&p, 1, timeout_ms);
  } while (r < 0 && errno == EINTR);
  if (r > 0) {
    uint64_t v;
    [[maybe_unused]] ssize_t n = ::read(fd, &v, sizeof v);
  }
}

}  // namespace

ShmRing::~ShmRing() { reset(); }

ShmRing::ShmRing(ShmRing&& o) noexcept { *this = std::move(o); }

ShmRing& ShmRing::operator=(ShmRing&& o) noexcept {
  if (this != &o) {
    reset();
    fds_ = std::exchange(o.fds_, RingFds{});
    hdr_ = std::exchange(o.hdr_, nullptr);
    data_ = std::exchange(o.data_, nullptr);
    capacity_ = std::exchange(o.capacity_, 0);
    map_len_ = std::exchange(o.map_len_, 0);
    pending_pos_ = o.pending_pos_;
    pending_len_ = o.pending_len_;
    peeked_advance_ = o.peeked_advance_;
  }
  return *this;
}

void ShmRing::reset() {
  if (hdr_) ::munmap(hdr_, map_len_);
  for (int fd : {fds_.mem_fd, fds_.data_fd, fds_.space_fd}) {
    if (fd >= 0) ::close(fd);
  }
  fds_ = RingFds{};
  hdr_ = nullptr;
  data_ = nullptr;
}

Status ShmRing::create(size_t capacity, ShmRing& out) {
  out.reset();
  const uint64_t cap = round_pow2(capacity);
  RingFds fds;
  fds.mem_fd = ::memfd_create("saker-ring", MFD_CLOEXEC);
  if (fds.mem_fd < 0) return Status::Error(errno_text("memfd_create"));
  out.fds_ = fds;
  if (::ftruncate(fds.mem_fd, static_cast<off_t>(kRingHeaderSize + cap)) != 0) {
    return Status::Error(errno_text("ftruncate ring"));
  }
  out.fds_.data_fd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  out.fds_.space_fd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (out.fds_.data_fd < 0 || out.fds_.space_fd < 0) return Status::Error(errno_text("eventfd"));
  out.map_len_ = kRingHeaderSize + cap;
  void* m = ::mmap(nullptr, out.map_len_, PROT_READ | PROT_WRITE, MAP_SHARED, fds.mem_fd, 0);
  if (m == MAP_FAILED) return Status::Error(errno_text("mmap ring"));
  out.hdr_ = new (m) RingHeader{};
  out.hdr_->magic = kRingMagic;
  out.hdr_->version = kRingVersion;
  out.hdr_->header_size = kRingHeaderSize;
  out.hdr_->capacity = cap;
  out.data_ = static_cast<uint8_t*>(m) + kRingHeaderSize;
  out.capacity_ = cap;
  return Status::Ok();
}

Status ShmRing::attach(RingFds fds, ShmRing& out) {
  out.reset();
  out.fds_ = fds;
  struct stat st {};
  if (::fstat(fds.mem_fd, &st) != 0) return Status::Error(errno_text("fstat ring"));
  if (st.st_size < static_cast<off_t>(kRingHeaderSize + 4096)) {
    return Status::Error("ring memfd too small: " + std::to_string(st.st_size) + " bytes");
  }
  out.map_len_ = static_cast<size_t>(st.st_size);
  void* m = ::mmap(nullptr, out.map_len_, PROT_READ | PROT_WRITE, MAP_SHARED, fds.mem_fd, 0);
  if (m == MAP_FAILED) return Status::Error(errno_text("mmap ring"));
  out.hdr_ = static_cast<RingHeader*>(m);
  const uint64_t cap = out.hdr_->capacity;
  if (out.hdr_->magic != kRingMagic || out.hdr_->version != kRingVersion ||
      out.hdr_->header_size != kRingHeaderSize || cap == 0 || (cap & (cap - 1)) != 0 ||
      kRingHeaderSize + cap != out.map_len_) {
    return Status::Error("ring header is not a saker ring of version " +
                         std::to_string(kRingVersion));
  }
  out.data_ = static_cast<uint8_t*>(m) + kRingHeaderSize;
  out.capacity_ = cap;
  return Status::Ok();
}

void ShmRing::signal(int fd) {
  uint64_t one = 1;
  [[maybe_unused]] ssize_t n = ::write(fd, &one, sizeof one);
}

uint8_t* ShmRing::try_reserve(uint32_t len) {
  if (len > max_record()) return nullptr;
  const uint64_t need = align8(kPrefix + uint64_t{len});
  const uint64_t head = hdr_->head.load(std::memory_order_relaxed);
  const uint64_t tail = hdr_->tail.load(std::memory_order_acquire);
  const uint64_t off = head & (capacity_ - 1);
  uint64_t pos = head;
  if (off + need > capacity_) pos = head + (capacity_ - off);  // skip to the start
  if (pos + need - tail > capacity_) return nullptr;
  if (pos != head) std::memcpy(data_ + off, &kWrapMarker, sizeof kWrapMarker);
  pending_pos_ = pos;
  pending_len_ = len;
  return data_ + (pos & (capacity_ - 1)) + kPrefix;
}

uint8_t* ShmRing::reserve(uint32_t len, Backpressure policy, int timeout_ms) {
  if (uint8_t* p = try_reserve(len)) return p;
  if (policy == Backpressure::Block && len <= max_record()) {
    const uint64_t start = now_ns();
    const uint64_t deadline = start + uint64_t(timeout_ms) * 1000000ull;
    for (;;) {
      hdr_->producer_waiting.store(1, std::memory_order_seq_cst);
      std::atomic_thread_fence(std::memory_order_seq_cst);
      uint8_t* p = try_reserve(len);
      const uint64_t now = now_ns();
      if (p || now >= deadline) {
        hdr_->producer_waiting.store(0, std::memory_order_relaxed);
        hdr_->blocked_ns.fetch_add(now - start, std::memory_order_relaxed);
        if (p) return p;
        break;
      }
      wait_fd(fds_.space_fd, static_cast<int>((deadline - now + 999999) / 1000000));
    }
  }
  hdr_->dropped_events.fetch_add(1, std::memory_order_relaxed);
  hdr_->dropped_bytes.fetch_add(len, std::memory_order_relaxed);
  return nullptr;
}

void ShmRing::commit(uint32_t len) {
  if (len > pending_len_) len = pending_len_;
  const uint32_t prefix[2] = {len, 0};
  std::memcpy(data_ + (pending_pos_ & (capacity_ - 1)), prefix, sizeof prefix);
  hdr_->head.store(pending_pos_ + align8(kPrefix + uint64_t{len}), std::memory_order_release);
  hdr_->produced_events.fetch_add(1, std::memory_order_relaxed);
  std::atomic_thread_fence(std::memory_order_seq_cst);
  if (hdr_->consumer_waiting.load(std::memory_order_relaxed)) signal(fds_.data_fd);
}

void ShmRing::close_producer() {
  hdr_->producer_closed.store(1, std::memory_order_release);
  std::atomic_thread_fence(std::memory_order_seq_cst);
  signal(fds_.data_fd);
}

std::span<const uint8_t> ShmRing::peek() {
  const uint64_t tail = hdr_->tail.load(std::memory_order_relaxed);
  const uint64_t head = hdr_->head.load(std::memory_order_acquire);
  if (head == tail) return {};
  uint64_t off = tail & (capacity_ - 1);
  uint64_t skip = 0;
  uint32_t len;
  std::memcpy(&len, data_ + off, sizeof len);
  if (len == kWrapMarker) {
    skip = capacity_ - off;
    off = 0;
    std::memcpy(&len, data_, sizeof len);
  }
  // A record must lie inside the data area and inside what was produced; anything else means the
  // producer wrote garbage, which must not make us read out of bounds.
  const uint64_t rec = align8(kPrefix + uint64_t{len});
  if (len == kWrapMarker || off + rec > capacity_ || tail + skip + rec > head) return {};
  peeked_advance_ = skip + rec;
  return {data_ + off + kPrefix, len};
}

void ShmRing::release() {
  const uint64_t tail = hdr_->tail.load(std::memory_order_relaxed);
  hdr_->tail.store(tail + peeked_advance_, std::memory_order_release);
  peeked_advance_ = 0;
  std::atomic_thread_fence(std::memory_order_seq_cst);
  if (hdr_->producer_waiting.load(std::memory_order_relaxed)) signal(fds_.space_fd);
}

bool ShmRing::arm_wait() {
  hdr_->consumer_waiting.store(1, std::memory_order_seq_cst);
  std::atomic_thread_fence(std::memory_order_seq_cst);
  return hdr_->head.load(std::memory_order_acquire) != hdr_->tail.load(std::memory_order_relaxed) ||
         producer_closed();
}

void ShmRing::disarm_wait() {
  hdr_->consumer_waiting.store(0, std::memory_order_relaxed);
  uint64_t v;
  [[maybe_unused]] ssize_t n = ::read(fds_.data_fd, &v, sizeof v);
}

bool ShmRing::wait_readable(int timeout_ms) {
  const uint64_t start = now_ns();
  for (;;) {
    hdr_->consumer_waiting.store(1, std::memory_order_seq_cst);
    std::atomic_thread_fence(std::memory_order_seq_cst);
    const bool ready = hdr_->head.load(std::memory_order_acquire) !=
                       hdr_->tail.load(std::memory_order_relaxed);
    if (ready || producer_closed()) {
      hdr_->consumer_waiting.store(0, std::memory_order_relaxed);
      return ready;
    }
    int wait_ms = timeout_ms;
    if (timeout_ms >= 0) {
      const uint64_t elapsed_ms = (now_ns() - start) / 1000000ull;
      if (elapsed_ms >= uint64_t(timeout_ms)) {
        hdr_->consumer_waiting.store(0, std::memory_order_relaxed);
        return false;
      }
      wait_ms = static_cast<int>(uint64_t(timeout_ms) - elapsed_ms);
    }
    wait_fd(fds_.data_fd, wait_ms);
  }
}

}  // namespace saker::sources
