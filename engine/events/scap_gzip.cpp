#include "engine/events/scap_gzip.h"

#include <zlib.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <utility>

namespace saker::scap::detail {

ByteBuffer::~ByteBuffer() { std::free(data_); }

ByteBuffer::ByteBuffer(ByteBuffer&& o) noexcept
    : data_(std::exchange(o.data_, nullptr)),
      size_(std::exchange(o.size_, 0)),
      cap_(std::exchange(o.cap_, 0)) {}

ByteBuffer& ByteBuffer::operator=(ByteBuffer&& o) noexcept {
  if (this != &o) {
    std::free(data_);
    data_ = std::exchange(o.data_, nullptr);
    size_ = std::exchange(o.size_, 0);
    cap_ = std::exchange(o.cap_, 0);
  }
  return *this;
}

bool ByteBuffer::reserve(size_t cap) {
  if (cap <= cap_) return true;
  void* p = std::realloc(data_, cap);
  if (p == nullptr) return false;
  data_ = static_cast<uint8_t*>(p);
  cap_ = cap;
  return true;
}

Status gunzip(std::span<const uint8_t> in, uint64_t max_out, ByteBuffer& out, bool& truncated) {
  truncated = false;
  out.clear();
  // The last member's trailer holds its size modulo 2^32: a good first guess.
  size_t guess = 1u << 16;
  if (in.size() >= 4) {
    uint32_t isize;
    std::memcpy(&isize, in.data() + in.size() - 4, 4);
    // A corrupt trailer must not make us reserve gigabytes up front: growth handles the rest.
    guess = std::max<size_t>(guess, std::min<uint64_t>(isize, uint64_t{in.size()} * 16 + guess));
  }
  guess = static_cast<size_t>(std::min<uint64_t>(guess, max_out) + 1);
  if (!out.reserve(guess)) return Status::Error("gzip: out of memory");

  z_stream zs{};
  if (inflateInit2(&zs, 15 + 16) != Z_OK) return Status::Error("gzip: inflateInit2 failed");
  size_t in_pos = 0;
  Status result;
  while (true) {
    const size_t in_chunk = std::min<size_t>(in.size() - in_pos, UINT_MAX);
    zs.next_in = const_cast<Bytef*>(in.data() + in_pos);
    zs.avail_in = static_cast<uInt>(in_chunk);
    if (out.capacity() == out.size()) {
      if (out.size() > max_out) {
        result = Status::Error("gzip: decompressed data exceeds the limit of " +
                               std::to_string(max_out) + " bytes");
        break;
      }
      if (!out.reserve(out.capacity() * 2)) {
        result = Status::Error("gzip: out of memory");
        break;
      }
    }
    const size_t out_chunk = std::min<size_t>(out.capacity() - out.size(), UINT_MAX);
    zs.next_out = out.data() + out.size();
    zs.avail_out = static_cast<uInt>(out_chunk);
    const int rc = inflate(&zs, Z_NO_FLUSH);
    in_pos += in_chunk - zs.avail_in;
    out.set_size(out.size() + (out_chunk - zs.avail_out));
    if (rc == Z_STREAM_END) {
      // Another member may follow.
      if (in.size() - in_pos >= 2 && is_gzip(in.subspan(in_pos))) {
        inflateReset(&zs);
        continue;
      }
      break;
    }
    if (rc == Z_BUF_ERROR && zs.avail_in == 0 && in_pos == in.size()) {
      if (zs.avail_out != 0) {  // no more input and the stream is not finished
        truncated = true;
        break;
      }
      continue;  // output full: grow and go on
    }
    if (rc != Z_OK && rc != Z_BUF_ERROR) {
      result = Status::Error("gzip: corrupt compressed data at compressed offset " +
                             std::to_string(in_pos) + " (" + (zs.msg ? zs.msg : "inflate error") +
                             ")");
      break;
    }
  }
  inflateEnd(&zs);
  if (result.ok() && out.size() > max_out) {
    result = Status::Error("gzip: decompressed data exceeds the limit of " +
                           std::to_string(max_out) + " bytes");
  }
  return result;
}

}  // namespace saker::scap::detail
