#include "engine/sources/tracer_server.h"

#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>

namespace saker::sources {
namespace {

std::string errno_text(const std::string& what) { return what + ": " + std::strerror(errno); }

// epoll tags: stream id in the high bits, what became ready in the low bit.
constexpr uint64_t kListenTag = 0;
uint64_t sock_tag(uint32_t id) { return (uint64_t{id} << 1) | 0; }
uint64_t ring_tag(uint32_t id) { return (uint64_t{id} << 1) | 1; }

uint64_t ts_of(std::span<const uint8_t> rec) {
  uint64_t ts = 0;
  if (rec.size() >= sizeof ts) std::memcpy(&ts, rec.data(), sizeof ts);
  return ts;
}

int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

struct TracerServer::Stream {
  uint32_t id = 0;
  int sock = -1;
  bool welcomed = false;  // handshake done, ring live
  bool hung_up = false;   // tracer closed its socket; drain then close
  int64_t accepted_ms = 0;
  Hello hello;
  ShmRing ring;
  uint64_t events = 0;
  uint64_t dropped_events = 0;  // copied from the ring when the stream closes
  uint64_t blocked_ns = 0;
  bool closed = false;
  std::span<const uint8_t> peeked;  // oldest record of this ring, if any
};

namespace {
// Closed streams kept for stats; older ones are forgotten so churn cannot grow memory.
constexpr size_t kKeepClosed = 256;
}  // namespace

TracerServer::TracerServer() = default;

TracerServer::~TracerServer() {
  for (auto& s : streams_) close_stream(*s);
  if (epoll_fd_ >= 0) ::close(epoll_fd_);
  if (listen_fd_ >= 0) {
    ::close(listen_fd_);
    ::unlink(opts_.socket_path.c_str());
  }
}

Status TracerServer::listen(const TracerServerOptions& options) {
  opts_ = options;
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  if (opts_.socket_path.empty() || opts_.socket_path.size() >= sizeof(addr.sun_path)) {
    return Status::Error("tracer socket path must be 1 to " +
                         std::to_string(sizeof(addr.sun_path) - 1) + " bytes: '" +
                         opts_.socket_path + "'");
  }
  std::error_code ec;
  auto parent = std::filesystem::path(opts_.socket_path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  std::memcpy(addr.sun_path, opts_.socket_path.c_str(), opts_.socket_path.size() + 1);
  listen_fd_ = ::socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  if (listen_fd_ < 0) return Status::Error(errno_text("socket"));
  // A socket file left by an engine that died is replaced; a live engine still answers.
  int probe = -1;
  if (connect_engine(opts_.socket_path, probe).ok()) {
    ::close(probe);
    return Status::Error("another engine is listening on " + opts_.socket_path);
  }
  ::unlink(opts_.socket_path.c_str());
  const mode_t old_umask = ::umask(0177);
  int rc = ::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  ::umask(old_umask);
  if (rc != 0) return Status::Error(errno_text("bind " + opts_.socket_path));
  if (::chmod(opts_.socket_path.c_str(), opts_.socket_mode) != 0) {
    return Status::Error(errno_text("chmod " + opts_.socket_path));
  }
  if (opts_.socket_group != static_cast<gid_t>(-1) &&
      ::chown(opts_.socket_path.c_str(), static_cast<uid_t>(-1), opts_.socket_group) != 0) {
    return Status::Error(errno_text("chown " + opts_.socket_path));
  }
  if (::listen(listen_fd_, 64) != 0) return Status::Error(errno_text("listen"));
  epoll_fd_ = ::epoll_create1(EPOLL_CLOEXEC);
  if (epoll_fd_ < 0) return Status::Error(errno_text("epoll_create1"));
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.u64 = kListenTag;
  if (::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, listen_fd_, &ev) != 0) {
    return Status::Error(errno_text("epoll_ctl"));
  }
  return Status::Ok();
}

void TracerServer::set_syscalls(std::vector<uint32_t> syscalls, bool all) {
  opts_.syscalls = std::move(syscalls);
  opts_.all_syscalls = all;
}

void TracerServer::accept_one() {
  int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
  if (fd < 0) return;
  auto s = std::make_unique<Stream>();
  s->id = next_id_++;
  s->sock = fd;
  s->accepted_ms = now_ms();
  epoll_event ev{};
  ev.events = EPOLLIN | EPOLLRDHUP;
  ev.data.u64 = sock_tag(s->id);
  ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &ev);
  streams_.push_back(std::move(s));
}

void TracerServer::close_stream(Stream& s) {
  if (s.sock >= 0) {
    ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, s.sock, nullptr);
    ::close(s.sock);
    s.sock = -1;
  }
  if (s.welcomed) {
    ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, s.ring.fds().data_fd, nullptr);
    s.dropped_events = s.ring.header().dropped_events.load(std::memory_order_relaxed);
    s.blocked_ns = s.ring.header().blocked_ns.load(std::memory_order_relaxed);
    s.ring = ShmRing();
  }
  s.welcomed = false;
  s.closed = true;
  s.peeked = {};
}

void TracerServer::forget_closed() {
  size_t closed = 0;
  for (const auto& s : streams_) closed += s->closed ? 1 : 0;
  for (auto it = streams_.begin(); closed > kKeepClosed && it != streams_.end();) {
    if ((*it)->closed) {
      it = streams_.erase(it);
      --closed;
    } else {
      ++it;
    }
  }
}

void TracerServer::poll_once(int timeout_ms) {
  forget_closed();
  // Ask every live ring to signal, unless one already has data: then do not sleep at all.
  bool ready = false;
  for (auto& s : streams_) {
    if (s->welcomed && s->ring.arm_wait()) ready = true;
  }
  epoll_event evs[32];
  int n = ::epoll_wait(epoll_fd_, evs, 32, ready ? 0 : timeout_ms);
  for (auto& s : streams_) {
    if (s->welcomed) s->ring.disarm_wait();
  }
  for (int i = 0; i < n; ++i) {
    const uint64_t tag = evs[i].data.u64;
    if (tag == kListenTag) {
      accept_one();
      continue;
    }
    const uint32_t id = static_cast<uint32_t>(tag >> 1);
    if (tag & 1) continue;  // a ring has data: found by the next peek
    for (auto& s : streams_) {
      if (s->id != id || s->sock < 0) continue;
      if (!s->welcomed && (evs[i].events & EPOLLIN)) {
        Status st = recv_hello(s->sock, s->hello, 0);
        if (st) {
          Welcome w;
          w.stream_id = s->id;
          w.backpressure = static_cast<uint8_t>(opts_.backpressure);
          w.block_timeout_ms = opts_.block_timeout_ms;
          if (opts_.all_syscalls) w.flags |= kWelcomeAllSyscalls;
          for (uint32_t nr : opts_.syscalls) w.set_syscall(nr);
          st = ShmRing::create(opts_.ring_size, s->ring);
          if (st) st = send_welcome(s->sock, w, s->ring.fds());
        }
        if (!st) {
          log_.push_back("tracer connection " + std::to_string(s->id) + " rejected: " +
                         st.message());
          close_stream(*s);
          break;
        }
        s->welcomed = true;
        ++total_connections_;
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.u64 = ring_tag(s->id);
        ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, s->ring.fds().data_fd, &ev);
        log_.push_back("tracer " + std::to_string(s->hello.pid) + " connected (stream " +
                       std::to_string(s->id) + "): " + s->hello.what);
      } else if (evs[i].events & (EPOLLHUP | EPOLLRDHUP | EPOLLERR)) {
        // Level-triggered hang-ups would fire forever: drop the socket now, drain the ring later.
        s->hung_up = true;
        ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, s->sock, nullptr);
        ::close(s->sock);
        s->sock = -1;
        if (!s->welcomed) close_stream(*s);
      }
      break;
    }
  }
  // Handshakes that never complete are dropped after their timeout.
  const int64_t now = now_ms();
  for (auto& s : streams_) {
    if (!s->welcomed && s->sock >= 0 && now - s->accepted_ms > opts_.handshake_timeout_ms) {
      log_.push_back("tracer connection " + std::to_string(s->id) + " rejected: no hello within " +
                     std::to_string(opts_.handshake_timeout_ms) + " ms");
      close_stream(*s);
    }
  }
}

TracerServer::Stream* TracerServer::oldest_ready() {
  Stream* best = nullptr;
  uint64_t best_ts = 0;
  for (auto& s : streams_) {
    if (!s->welcomed) continue;
    if (s->peeked.empty()) s->peeked = s->ring.peek();
    if (s->peeked.empty()) {
      if (s->hung_up || s->ring.producer_closed()) {
        log_.push_back("tracer " + std::to_string(s->hello.pid) + " disconnected (stream " +
                       std::to_string(s->id) + ", " + std::to_string(s->events) + " events)");
        close_stream(*s);
        s->hung_up = false;
      }
      continue;
    }
    const uint64_t ts = ts_of(s->peeked);
    if (!best || ts < best_ts) {
      best = s.get();
      best_ts = ts;
    }
  }
  return best;
}

void TracerServer::release() {
  if (!current_) return;
  current_->ring.release();
  current_->peeked = {};
  ++current_->events;
  current_ = nullptr;
}

std::span<const uint8_t> TracerServer::next(int timeout_ms) {
  release();
  const int64_t deadline = timeout_ms < 0 ? -1 : now_ms() + timeout_ms;
  for (;;) {
    if (Stream* s = oldest_ready()) {
      current_ = s;
      return s->peeked;
    }
    int wait = -1;
    if (deadline >= 0) {
      const int64_t left = deadline - now_ms();
      if (left <= 0) {
        poll_once(0);  // still accept and notice hang-ups
        if (Stream* s2 = oldest_ready()) {
          current_ = s2;
          return s2->peeked;
        }
        return {};
      }
      wait = static_cast<int>(left);
    }
    poll_once(wait);
  }
}

size_t TracerServer::connected_tracers() const {
  size_t n = 0;
  for (const auto& s : streams_) n += s->welcomed ? 1 : 0;
  return n;
}

std::vector<TracerStreamStats> TracerServer::stats() const {
  std::vector<TracerStreamStats> out;
  for (const auto& s : streams_) {
    if (s->hello.pid == 0) continue;  // never said hello
    TracerStreamStats st;
    st.stream_id = s->id;
    st.tracer_pid = s->hello.pid;
    st.target_pid = s->hello.target;
    st.what = s->hello.what;
    st.connected = s->welcomed;
    st.events = s->events;
    st.dropped_events = s->dropped_events;
    st.blocked_ns = s->blocked_ns;
    if (s->welcomed) {
      st.dropped_events = s->ring.header().dropped_events.load(std::memory_order_relaxed);
      st.blocked_ns = s->ring.header().blocked_ns.load(std::memory_order_relaxed);
    }
    out.push_back(std::move(st));
  }
  return out;
}

std::vector<std::string> TracerServer::take_log() { return std::exchange(log_, {}); }

}  // namespace saker::sources
