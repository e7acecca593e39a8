#include "tracer/engine_link.h"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>

namespace saker::tracer {

EngineLink::~EngineLink() { drop(); }

Status EngineLink::connect(int timeout_ms) {
  drop();
  int fd = -1;
  Status s = sources::connect_engine(path_, fd);
  if (!s.ok()) return s;
  sources::Hello hello;
  hello.flags = attach_ ? sources::kHelloAttach : 0;
  hello.pid = getpid();
  hello.target = target_;
  std::strncpy(hello.what, what_.c_str(), sizeof(hello.what) - 1);
  s = sources::send_hello(fd, hello);
  if (!s.ok()) {
    close(fd);
    return s;
  }
  sources::RingFds fds;
  s = sources::recv_welcome(fd, welcome_, fds, timeout_ms);
  if (!s.ok()) {
    close(fd);
    return s;
  }
  s = sources::ShmRing::attach(fds, ring_);
  if (!s.ok()) {
    close(fd);
    return s;
  }
  fd_ = fd;
  ++connections_;
  return Status::Ok();
}

bool EngineLink::alive() {
  if (fd_ < 0) return false;
  pollfd p{fd_, POLLIN, 0};
  if (poll(&p, 1, 0) <= 0) return true;
  if (p.revents & (POLLHUP | POLLERR | POLLNVAL)) {
    drop();
    return false;
  }
  if (p.revents & POLLIN) {
    char c;
    ssize_t n = recv(fd_, &c, 1, MSG_DONTWAIT | MSG_PEEK);
    if (n == 0) {
      drop();
      return false;
    }
  }
  return true;
}

void EngineLink::drop() {
  if (fd_ >= 0) {
    ring_.close_producer();
    ring_ = sources::ShmRing();
    close(fd_);
    fd_ = -1;
  }
}

}  // namespace saker::tracer
