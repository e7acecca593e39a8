#pragma once
// EngineLink: the tracer's connection to the engine (`saker -u`): connect to its socket, send
// Hello, receive Welcome (the syscall set, the backpressure policy) with the shared ring's
// descriptors, and notice when the engine goes away (socket hang-up).
#include <sys/types.h>

#include <cstdint>
#include <string>

#include "engine/common/status.h"
#include "engine/sources/shm_ring.h"
#include "engine/sources/tracer_protocol.h"

namespace saker::tracer {

class EngineLink {
 public:
  EngineLink(std::string socket_path, std::string what, bool attach)
      : path_(std::move(socket_path)), what_(std::move(what)), attach_(attach) {}
  ~EngineLink();
  EngineLink(const EngineLink&) = delete;
  EngineLink& operator=(const EngineLink&) = delete;

  // One connection attempt with the handshake (timeout_ms for the Welcome).
  Status connect(int timeout_ms);
  bool connected() const { return fd_ >= 0; }
  // False once the engine hung up (checked without blocking); then the link is dropped.
  bool alive();
  // Closes the socket and unmaps the ring (marking the stream finished).
  void drop();

  void set_target(pid_t target) { target_ = target; }
  const sources::Welcome& welcome() const { return welcome_; }
  sources::ShmRing& ring() { return ring_; }
  uint64_t connections() const { return connections_; }

 private:
  std::string path_;
  std::string what_;
  bool attach_;
  pid_t target_ = 0;
  int fd_ = -1;
  sources::Welcome welcome_;
  sources::ShmRing ring_;
  uint64_t connections_ = 0;
};

}  // namespace saker::tracer
