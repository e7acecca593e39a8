#pragma once
// The engine's side of userspace mode (`saker -u`): listens on a Unix socket, gives every tracer
// that connects its own shared-memory ring, and hands out their events merged in timestamp order.
//
// Merging: among the rings that have an event ready, the oldest event goes first. A ring that is
// momentarily empty is not waited for, so events of different tracers may be delivered slightly
// out of order when one tracer lags; events of one tracer are always in its own order.
//
// A tracer that hangs up (exit or crash) is drained, then its stream is closed and counted.
#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "engine/common/status.h"
#include "engine/sources/shm_ring.h"
#include "engine/sources/tracer_protocol.h"

namespace saker::sources {

struct TracerServerOptions {
  std::string socket_path = "/run/saker/saker.sock";
  mode_t socket_mode = 0600;
  gid_t socket_group = static_cast<gid_t>(-1);  // -1: leave the group as created
  size_t ring_size = 8u << 20;
  Backpressure backpressure = Backpressure::Block;
  uint32_t block_timeout_ms = 1000;
  bool all_syscalls = false;
  std::vector<uint32_t> syscalls;  // native syscall numbers the rules and state need
  int handshake_timeout_ms = 2000;
};

struct TracerStreamStats {
  uint32_t stream_id = 0;
  int32_t tracer_pid = 0;
  int32_t target_pid = 0;  // the Hello's traced root (attach), 0 when the tracer spawns it
  std::string what;
  bool connected = false;
  uint64_t events = 0;          // events delivered to the engine
  uint64_t dropped_events = 0;  // events the tracer could not fit in its ring
  uint64_t blocked_ns = 0;      // time the tracer's workload spent waiting for ring space
};

class TracerServer {
 public:
  TracerServer();
  ~TracerServer();
  TracerServer(const TracerServer&) = delete;
  TracerServer& operator=(const TracerServer&) = delete;

  Status listen(const TracerServerOptions& options);

  // Accepts tracers and returns the oldest ready event's bytes (a scap event), waiting up to
  // timeout_ms (-1: forever). Returns an empty span on timeout. The bytes stay valid until the
  // next call to next() or release().
  std::span<const uint8_t> next(int timeout_ms);
  // Frees the event returned by next(). next() calls it if the caller did not.
  void release();

  // Changes the syscall set sent to tracers that connect from now on.
  void set_syscalls(std::vector<uint32_t> syscalls, bool all);

  size_t connected_tracers() const;
  uint64_t total_connections() const { return total_connections_; }
  std::vector<TracerStreamStats> stats() const;
  // Log lines (connections, hang-ups, rejected handshakes) since the last call.
  std::vector<std::string> take_log();

 private:
  struct Stream;
  void poll_once(int timeout_ms);
  void accept_one();
  void close_stream(Stream& s);
  void forget_closed();
  Stream* oldest_ready();

  TracerServerOptions opts_;
  int listen_fd_ = -1;
  int epoll_fd_ = -1;
  uint32_t next_id_ = 1;
  uint64_t total_connections_ = 0;
  std::vector<std::unique_ptr<Stream>> streams_;
  Stream* current_ = nullptr;
  std::vector<std::string> log_;
};

}  // namespace saker::sources
