#pragma once
// gzip support for .scap files (sysdig reads and writes gzip-compressed captures through zlib).
// Internal to the reader and writer.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "engine/common/status.h"

namespace saker::scap::detail {

// A growable malloc'd byte buffer (no zero-fill on growth, unlike std::vector).
class ByteBuffer {
 public:
  ByteBuffer() = default;
  ~ByteBuffer();
  ByteBuffer(const ByteBuffer&) = delete;
  ByteBuffer& operator=(const ByteBuffer&) = delete;
  ByteBuffer(ByteBuffer&& o) noexcept;
  ByteBuffer& operator=(ByteBuffer&& o) noexcept;

  uint8_t* data() { return data_; }
  const uint8_t* data() const { return data_; }
  size_t size() const { return size_; }
  size_t capacity() const { return cap_; }
  bool reserve(size_t cap);  // false when out of memory
  void set_size(size_t n) { size_ = n; }  // n <= capacity()
  void clear() { size_ = 0; }

 private:
  uint8_t* data_ = nullptr;
  size_t size_ = 0;
  size_t cap_ = 0;
};

inline bool is_gzip(std::span<const uint8_t> b) {
  return b.size() >= 2 && b[0] == 0x1f && b[1] == 0x8b;
}

// Decompresses every gzip member of `in` into `out` (bytes after the last member that do not
// start another member are ignored, as zlib's gzread does). A stream that ends early keeps what
// was decompressed and sets `truncated`. Output beyond `max_out` bytes is an error.
Status gunzip(std::span<const uint8_t> in, uint64_t max_out, ByteBuffer& out, bool& truncated);

}  // namespace saker::scap::detail
