#include "engine/sources/tracer_protocol.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <cstring>

namespace saker::sources {
namespace {

std::string errno_text(const std::string& what) { return what + ": " + std::strerror(errno); }

Status wait_in(int fd, int timeout_ms, const char* what) {
  pollfd p{fd, POLLIN, 0};
  int r;
  do {
    r = ::poll(&p, 1, timeout_ms);
  } while (r < 0 && errno == EINTR);
  if (r < 0) return Status::Error(errno_text(std::string("waiting for ") + what));
  if (r == 0) return Status::Error(std::string("timed out waiting for ") + what);
  return Status::Ok();
}

template <typename Msg>
Status check_header(const Msg& m, ssize_t n, const char* what) {
  if (n != static_cast<ssize_t>(sizeof(Msg))) {
    return Status::Error(std::string(what) + ": expected " + std::to_string(sizeof(Msg)) +
                         " bytes, got " + std::to_string(n));
  }
  if (m.magic != kProtocolMagic) return Status::Error(std::string(what) + ": bad magic");
  if (m.version != kProtocolVersion) {
    return Status::Error(std::string(what) + ": protocol version " + std::to_string(m.version) +
                         ", expected " + std::to_string(kProtocolVersion));
  }
  return Status::Ok();
}

}  // namespace

Status connect_engine(const std::string& path, int& fd) {
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  if (path.size() >= sizeof(addr.sun_path)) return Status::Error("socket path too long: " + path);
  std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
  fd = ::socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
  if (fd < 0) return Status::Error(errno_text("socket"));
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    Status st = Status::Error(errno_text("connect " + path));
    ::close(fd);
    fd = -1;
    return st;
  }
  return Status::Ok();
}

Status send_hello(int fd, const Hello& hello) {
  ssize_t n = ::send(fd, &hello, sizeof hello, MSG_NOSIGNAL);
  if (n != static_cast<ssize_t>(sizeof hello)) return Status::Error(errno_text("send hello"));
  return Status::Ok();
}

Status recv_hello(int fd, Hello& hello, int timeout_ms) {
  if (Status st = wait_in(fd, timeout_ms, "hello"); !st) return st;
  ssize_t n = ::recv(fd, &hello, sizeof hello, MSG_TRUNC);
  if (n < 0) return Status::Error(errno_text("recv hello"));
  if (Status st = check_header(hello, n, "hello"); !st) return st;
  hello.what[sizeof hello.what - 1] = '\0';
  return Status::Ok();
}

Status send_welcome(int fd, const Welcome& welcome, const RingFds& ring) {
  int fds[3] = {ring.mem_fd, ring.data_fd, ring.space_fd};
  alignas(cmsghdr) char control[CMSG_SPACE(sizeof fds)] = {};
  iovec iov{const_cast<Welcome*>(&welcome), sizeof welcome};
  msghdr msg{};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = control;
  msg.msg_controllen = sizeof control;
  cmsghdr* c = CMSG_FIRSTHDR(&msg);
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  c->cmsg_len = CMSG_LEN(sizeof fds);
  std::memcpy(CMSG_DATA(c), fds, sizeof fds);
  if (::sendmsg(fd, &msg, MSG_NOSIGNAL) != static_cast<ssize_t>(sizeof welcome)) {
    return Status::Error(errno_text("send welcome"));
  }
  return Status::Ok();
}

Status recv_welcome(int fd, Welcome& welcome, RingFds& ring, int timeout_ms) {
  if (Status st = wait_in(fd, timeout_ms, "welcome"); !st) return st;
  int fds[3] = {-1, -1, -1};
  alignas(cmsghdr) char control[CMSG_SPACE(sizeof fds)] = {};
  iovec iov{&welcome, sizeof welcome};
  msghdr msg{};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = control;
  msg.msg_controllen = sizeof control;
  ssize_t n = ::recvmsg(fd, &msg, MSG_CMSG_CLOEXEC);
  if (n < 0) return Status::Error(errno_text("recv welcome"));
  int got = 0;
  for (cmsghdr* c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
    if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
      got = static_cast<int>((c->cmsg_len - CMSG_LEN(0)) / sizeof(int));
      std::memcpy(fds, CMSG_DATA(c), sizeof(int) * std::min(got, 3));
    }
  }
  Status st = check_header(welcome, n, "welcome");
  if (st && (got != 3 || (msg.msg_flags & MSG_CTRUNC))) {
    st = Status::Error("welcome: expected 3 descriptors, got " + std::to_string(got));
  }
  if (!st) {
    for (int i = 0; i < std::min(got, 3); ++i) ::close(fds[i]);
    return st;
  }
  ring = RingFds{fds[0], fds[1], fds[2]};
  return Status::Ok();
}

}  // namespace saker::sources
