#pragma once
// EventBuilder: the producer side of the scap layout (scap_layout.h). Every producer (the tracer,
// tests, synthetic events) writes events through it, so none can emit what the engine misreads.
//
//   EventBuilder b;
//   b.start(PPME_SYSCALL_OPENAT_2_X, buf);     // buf: a ring reservation or a scratch buffer
//   b.add_i64(fd); b.add_i64(dirfd); b.add_str(path); b.add_u32(flags); ...   // schema order
//   uint32_t len = b.finish(ts, tid);          // 0 when something was wrong: see error()
//
// Checking: in checked mode (the default unless NDEBUG; tests turn it on explicitly) every
// appended param is compared with the schema's ParamType of its position (the width of integer
// params, the kind of the others: string, bytes, sockaddr, tuple, fd list), and finish() requires
// exactly the schema's number of params. A mismatch makes the event invalid (finish() returns 0)
// and error() names the event, the param and what was appended. Unchecked mode only guards the
// buffer bounds (a producer in production trusts its tested encoders).
//
// Capacity: the buffer is the caller's; an append that does not fit marks the event overflowed
// (finish() returns 0). add_str_trunc() instead cuts a string to what still fits, for producers
// that prefer a truncated path to a lost event.
//
// No heap allocation, ever: the builder only writes into the caller's buffer.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "engine/events/scap_layout.h"
#include "engine/events/schema.h"

namespace saker::events {

#ifdef NDEBUG
inline constexpr bool kEventBuilderCheckDefault = false;
#else
inline constexpr bool kEventBuilderCheckDefault = true;
#endif

// One entry of an Fdlist param (poll/ppoll): the fd and its (PPM) poll flags.
struct FdListEntry {
  int64_t fd;
  int16_t flags;
};

class EventBuilder {
 public:
  explicit EventBuilder(bool checked = kEventBuilderCheckDefault) : checked_(checked) {}

  void set_checked(bool on) { checked_ = on; }
  bool checked() const { return checked_; }

  // Begins an event of `type` in buf. Returns false (and error() says why) when the type is
  // unknown to the schema or buf cannot hold the header and the param lengths.
  bool start(uint16_t type, std::span<uint8_t> buf);

  // ---- integer params (little-endian, of the param type's width) ----
  // 8 bytes: Int64, Uint64, Errno, Fd, Pid, Reltime, Abstime, Double (bits)
  bool add_i64(int64_t v) { return add_int(static_cast<uint64_t>(v), 8); }
  bool add_u64(uint64_t v) { return add_int(v, 8); }
  // 4 bytes: Int32, Uint32, Flags32, Enumflags32, Uid, Gid, Mode, Sigset, Bool, Ipv4addr, Fd32, Pid32
  bool add_i32(int32_t v) { return add_int(static_cast<uint32_t>(v), 4); }
  bool add_u32(uint32_t v) { return add_int(v, 4); }
  // 2 bytes: Int16, Uint16, Flags16, Enumflags16, Port, Syscallid
  bool add_i16(int16_t v) { return add_int(static_cast<uint16_t>(v), 2); }
  bool add_u16(uint16_t v) { return add_int(v, 2); }
  // 1 byte: Int8, Uint8, Flags8, Enumflags8, Sigtype, L4proto, Sockfamily
  bool add_i8(int8_t v) { return add_int(static_cast<uint8_t>(v), 1); }
  bool add_u8(uint8_t v) { return add_int(v, 1); }

  // ---- strings and buffers ----
  // Charbuf, Fspath, Fsrelpath: the bytes of s (up to an embedded NUL) and a terminating NUL.
  bool add_str(std::string_view s);
  // Same, cut to what fits in the buffer (at least the NUL must fit).
  bool add_str_trunc(std::string_view s);
  // Bytebuf (and Charbufarray / CharbufPairArray given already NUL-separated): the bytes as is.
  bool add_bytes(std::span<const uint8_t> b);
  bool add_bytes(std::string_view b) {
    return add_bytes({reinterpret_cast<const uint8_t*>(b.data()), b.size()});
  }
  // Bytebuf / Charbufarray holding NUL-terminated strings back to back (argv, env, cgroups).
  bool add_str_list(std::span<const std::string_view> items);

  // ---- sockets (scap encodings: family byte is a PPM_AF_* value) ----
  // Sockaddr. IPv4/IPv6 addresses in network byte order (as in struct sockaddr_in), port in host
  // byte order.
  bool add_sockaddr_inet(uint32_t addr_be, uint16_t port);
  bool add_sockaddr_inet6(const uint8_t addr[16], uint16_t port);
  bool add_sockaddr_unix(std::string_view path);
  // Socktuple: source then destination.
  bool add_socktuple_inet(uint32_t saddr_be, uint16_t sport, uint32_t daddr_be, uint16_t dport);
  bool add_socktuple_inet6(const uint8_t saddr[16], uint16_t sport, const uint8_t daddr[16],
                           uint16_t dport);
  bool add_socktuple_unix(uint64_t source, uint64_t dest, std::string_view path);
  // Fdlist: u16 count, then per entry i64 fd and i16 flags.
  bool add_fdlist(std::span<const FdListEntry> fds);
  // Dyn: the sub-param index byte then the value bytes.
  bool add_dyn(uint8_t index, std::span<const uint8_t> value);

  // ---- any type ----
  // A zero-length param (what drivers emit for a value they could not read).
  bool add_empty();

  // Writes the header; returns the event's total length, or 0 when the event is invalid.
  uint32_t finish(uint64_t ts, uint64_t tid);

  // How far the current event got.
  uint32_t params_added() const { return nparams_; }
  uint32_t params_expected() const { return expected_; }
  const EventInfo* info() const { return info_; }
  bool failed() const { return failed_; }
  // Description of the first error of the current event ("" when none). Static storage.
  std::string_view error() const { return {error_, error_len_}; }

 private:
  enum class Kind : uint8_t { Int, Str, Bytes, Sockaddr, Socktuple, Fdlist, Dyn, Any };
  bool add_int(uint64_t v, uint32_t width);
  // Checks the next param against kind/width; reserves `len` payload bytes; returns the place.
  uint8_t* next_param(Kind kind, uint32_t width, size_t len);
  void fail(const char* what, Kind kind = Kind::Any, uint32_t width = 0);

  bool checked_;
  bool failed_ = false;
  bool open_ = false;   // between start() and finish()
  uint8_t* buf_ = nullptr;
  size_t cap_ = 0;
  size_t pos_ = 0;      // write position of the next param's payload
  uint16_t type_ = 0;
  const EventInfo* info_ = nullptr;
  uint32_t len_size_ = 2;   // 2 or 4 (EF_LARGE_PAYLOAD)
  uint32_t expected_ = 0;   // params of the schema (lengths area size)
  uint32_t nparams_ = 0;
  char error_[160] = {};
  size_t error_len_ = 0;
};

// The byte width of an integer ParamType, 0 for the variable-size types.
uint32_t param_type_width(ParamType t);

}  // namespace saker::events
