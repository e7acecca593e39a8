#include "engine/output/syslog_channel.h"

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>

namespace saker::output {

namespace {
constexpr int kLogUser = 1 << 3;  // LOG_USER
constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
}  // namespace

SyslogChannel::SyslogChannel(SyslogOutputConfig cfg, std::chrono::milliseconds timeout)
    : cfg_(std::move(cfg)), timeout_ms_(static_cast<int>(timeout.count())) {}

SyslogChannel::~SyslogChannel() { close(); }

void SyslogChannel::close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

Status SyslogChannel::connect() {
  if (fd_ >= 0) return Status::Ok();
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  if (cfg_.socket_path.size() >= sizeof(addr.sun_path)) {
    return Status::Error("syslog socket path too long: " + cfg_.socket_path);
  }
  std::memcpy(addr.sun_path, cfg_.socket_path.c_str(), cfg_.socket_path.size() + 1);
  fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd_ < 0) return Status::Error(std::string("syslog socket: ") + std::strerror(errno));
  timeval tv{timeout_ms_ / 1000, (timeout_ms_ % 1000) * 1000};
  ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
    const int err = errno;
    close();
    return Status::Error("syslog " + cfg_.socket_path + ": " + std::strerror(err));
  }
  return Status::Ok();
}

Status SyslogChannel::write(const RenderedAlert& a) {
  Status st = connect();
  if (!st.ok()) return st;
  msg_.clear();
  msg_ += '<';
  msg_ += std::to_string(kLogUser | static_cast<int>(a.alert->priority));
  msg_ += '>';
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  char stamp[32];
  std::snprintf(stamp, sizeof(stamp), "%s %2d %02d:%02d:%02d ", kMonths[tm.tm_mon], tm.tm_mday, tm.tm_hour,
                tm.tm_min, tm.tm_sec);
  msg_ += stamp;
  msg_ += cfg_.ident;
  msg_ += '[';
  msg_ += std::to_string(::getpid());
  msg_ += "]: ";
  msg_ += a.line;
  for (;;) {
    ssize_t n = ::send(fd_, msg_.data(), msg_.size(), MSG_NOSIGNAL);
    if (n >= 0) return Status::Ok();
    const int err = errno;
    if (err == EINTR) continue;
    close();  // the receiver may have restarted: connect again on retry
    if (err == EAGAIN) return Status::Error("syslog " + cfg_.socket_path + ": blocked (timed out)");
    return Status::Error("syslog " + cfg_.socket_path + ": " + std::strerror(err));
  }
}

}  // namespace saker::output
