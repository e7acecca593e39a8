#pragma once
// The handshake between a tracer and the engine on the engine's Unix socket (SOCK_SEQPACKET):
//   tracer → engine  Hello   (who is tracing what)
//   engine → tracer  Welcome (ring geometry, backpressure policy, the syscalls to stop on)
//                    + SCM_RIGHTS: the ring's memfd, data eventfd, space eventfd
// After the handshake the socket stays open: its hang-up tells either side the other is gone.
#include <cstdint>
#include <string>

#include "engine/common/status.h"
#include "engine/sources/shm_ring.h"

namespace saker::sources {

inline constexpr uint32_t kProtocolMagic = 0x534b5452;  // "SKTR"
inline constexpr uint16_t kProtocolVersion = 1;
inline constexpr uint32_t kMaxSyscallNr = 1024;

struct Hello {
  uint32_t magic = kProtocolMagic;
  uint16_t version = kProtocolVersion;
  uint16_t flags = 0;  // kHelloAttach when attaching to a running tree
  int32_t pid = 0;     // the tracer's pid
  int32_t target = 0;  // the traced root pid (0 before the workload starts)
  char what[224] = {};  // command line or description, NUL-terminated
};
inline constexpr uint16_t kHelloAttach = 1;

struct Welcome {
  uint32_t magic = kProtocolMagic;
  uint16_t version = kProtocolVersion;
  uint16_t flags = 0;  // kWelcomeAllSyscalls: stop on every syscall
  uint32_t stream_id = 0;
  uint32_t block_timeout_ms = 0;
  uint8_t backpressure = 0;  // Backpressure
  uint8_t reserved[7] = {};
  uint64_t syscalls[kMaxSyscallNr / 64] = {};  // bitmap of native syscall numbers to trace

  void set_syscall(uint32_t nr) {
    if (nr < kMaxSyscallNr) syscalls[nr / 64] |= uint64_t{1} << (nr % 64);
  }
  bool has_syscall(uint32_t nr) const {
    return nr < kMaxSyscallNr && (syscalls[nr / 64] >> (nr % 64)) & 1;
  }
};
inline constexpr uint16_t kWelcomeAllSyscalls = 1;

// Connects to the engine's socket; returns the socket fd in `fd`.
Status connect_engine(const std::string& path, int& fd);
Status send_hello(int fd, const Hello& hello);
// Waits up to timeout_ms for a Hello (engine side) and validates it.
Status recv_hello(int fd, Hello& hello, int timeout_ms);
// Sends the Welcome with the ring's descriptors attached.
Status send_welcome(int fd, const Welcome& welcome, const RingFds& ring);
// Receives the Welcome and the ring's descriptors (tracer side; the fds are close-on-exec).
Status recv_welcome(int fd, Welcome& welcome, RingFds& ring, int timeout_ms);

}  // namespace saker::sources
