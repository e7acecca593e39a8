#include "engine/output/fd_channels.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <thread>

extern char** environ;

namespace saker::output {

namespace {

std::int64_t now_ms() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<std::int64_t>(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

Status errno_status(std::string_view what, int err) {
  std::string m(what);
  m += ": ";
  m += err == ETIMEDOUT ? "blocked (timed out)" : std::strerror(err);
  return Status::Error(std::move(m));
}

// Writes to a pipe whose reader is gone must fail with EPIPE, not kill the process: SIGPIPE is
// blocked in the thread that writes, and a pending one consumed after EPIPE.
void block_sigpipe_in_this_thread() {
  thread_local bool done = false;
  if (done) return;
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  done = true;
}

void consume_pending_sigpipe() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGPIPE);
  timespec zero{};
  while (sigtimedwait(&set, nullptr, &zero) == SIGPIPE) {
  }
}

}  // namespace

// ---- LineBuffer ----------------------------------------------------------------------------

void LineBuffer::add(std::string_view line) {
  if (off_ == buf_.size()) {
    buf_.clear();
    off_ = 0;
  }
  buf_.append(line);
  buf_ += '\n';
}

std::size_t LineBuffer::lines() const {
  return static_cast<std::size_t>(std::count(buf_.begin() + static_cast<std::ptrdiff_t>(off_), buf_.end(), '\n'));
}

std::size_t LineBuffer::clear() {
  std::size_t n = lines();
  const bool partial = off_ != 0 && off_ < buf_.size() && buf_[off_ - 1] != '\n';
  if (partial) {
    const std::size_t nl = buf_.find('\n', off_);
    buf_.erase(nl + 1);
    return n - 1;
  }
  buf_.clear();
  off_ = 0;
  return n;
}

void LineBuffer::rewind_to_line_start() {
  if (off_ == 0 || off_ == buf_.size()) return;
  std::size_t nl = buf_.rfind('\n', off_ - 1);
  off_ = nl == std::string::npos ? 0 : nl + 1;
}

int LineBuffer::drain(int fd, int deadline_ms) {
  const std::int64_t until = deadline_ms < 0 ? 0 : now_ms() + deadline_ms;
  while (off_ < buf_.size()) {
    ssize_t n = ::write(fd, buf_.data() + off_, buf_.size() - off_);
    if (n > 0) {
      off_ += static_cast<std::size_t>(n);
      continue;
    }
    const int err = n < 0 ? errno : EIO;
    if (err == EINTR) continue;
    if (err == EAGAIN && deadline_ms >= 0) {
      const std::int64_t left = until - now_ms();
      if (left <= 0) return ETIMEDOUT;
      pollfd p{fd, POLLOUT, 0};
      ::poll(&p, 1, static_cast<int>(left));
      continue;
    }
    return err;
  }
  buf_.clear();
  off_ = 0;
  return 0;
}

// ---- StdoutChannel -------------------------------------------------------------------------

Status StdoutChannel::write(const RenderedAlert& a) {
  buf_.add(a.line);
  return Status::Ok();
}

Status StdoutChannel::flush() {
  int err = buf_.drain(fd_, -1);
  return err == 0 ? Status::Ok() : errno_status("stdout", err);
}

// ---- FileChannel ---------------------------------------------------------------------------

FileChannel::~FileChannel() {
  (void)flush();
  close();
}

Status FileChannel::open() {
  if (fd_ >= 0) return Status::Ok();
  fd_ = ::open(cfg_.filename.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd_ < 0) return errno_status("file " + cfg_.filename, errno);
  return Status::Ok();
}

void FileChannel::close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

Status FileChannel::write(const RenderedAlert& a) {
  buf_.add(a.line);
  return Status::Ok();
}

Status FileChannel::flush() {
  if (buf_.empty()) return Status::Ok();
  Status st = open();
  if (!st.ok()) return st;
  int err = buf_.drain(fd_, -1);
  if (!cfg_.keep_alive || err != 0) close();  // a failed fd is opened afresh on retry
  return err == 0 ? Status::Ok() : errno_status("file " + cfg_.filename, err);
}

void FileChannel::reopen() {
  // What was written before the signal belongs to the old file.
  if (fd_ >= 0) (void)buf_.drain(fd_, -1);
  close();
}

// ---- ProgramChannel ------------------------------------------------------------------------

ProgramChannel::ProgramChannel(ProgramOutputConfig cfg, std::chrono::milliseconds timeout)
    : cfg_(std::move(cfg)), timeout_ms_(static_cast<int>(std::max<std::int64_t>(1, timeout.count()))) {}

ProgramChannel::~ProgramChannel() {
  (void)flush();
  stop(true);
  const std::int64_t until = now_ms() + timeout_ms_;
  while (!zombies_.empty() && now_ms() < until) {
    reap();
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  for (pid_t z : zombies_) {
    ::kill(z, SIGTERM);
    ::waitpid(z, nullptr, 0);
  }
}

Status ProgramChannel::start() {
  if (pid_ > 0) {
    int status = 0;
    pid_t r = ::waitpid(pid_, &status, WNOHANG);
    if (r == 0) return Status::Ok();  // still running
    // It exited (or is not ours any more): start a new one.
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    pid_ = -1;
  }
  int p[2];
  if (::pipe2(p, O_CLOEXEC) != 0) return errno_status("program pipe", errno);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, p[0], 0);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  const char* argv[] = {"/bin/sh", "-c", cfg_.program.c_str(), nullptr};
  pid_t pid = -1;
  int rc = posix_spawn(&pid, "/bin/sh", &fa, &attr, const_cast<char* const*>(argv), environ);
  posix_spawn_file_actions_destroy(&fa);
  posix_spawnattr_destroy(&attr);
  ::close(p[0]);
  if (rc != 0) {
    ::close(p[1]);
    return errno_status("program '" + cfg_.program + "'", rc);
  }
  ::fcntl(p[1], F_SETFL, ::fcntl(p[1], F_GETFL) | O_NONBLOCK);
  pid_ = pid;
  fd_ = p[1];
  return Status::Ok();
}

void ProgramChannel::stop(bool wait) {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (pid_ <= 0) return;
  const std::int64_t until = now_ms() + (wait ? timeout_ms_ : 0);
  for (;;) {
    pid_t r = ::waitpid(pid_, nullptr, WNOHANG);
    if (r != 0) break;  // exited (or error: not ours)
    if (now_ms() >= until) {
      zombies_.push_back(pid_);
      break;
    }
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  pid_ = -1;
}

void ProgramChannel::reap() {
  std::erase_if(zombies_, [](pid_t z) { return ::waitpid(z, nullptr, WNOHANG) != 0; });
}

Status ProgramChannel::write(const RenderedAlert& a) {
  buf_.add(a.line);
  return Status::Ok();
}

Status ProgramChannel::flush() {
  if (buf_.empty()) return Status::Ok();
  block_sigpipe_in_this_thread();
  reap();
  Status st = start();
  if (!st.ok()) return st;
  const int err = buf_.drain(fd_, timeout_ms_);
  if (err == 0) {
    if (!cfg_.keep_alive) stop(true);
    return Status::Ok();
  }
  if (err == ETIMEDOUT && cfg_.keep_alive) {
    // A slow reader keeps its place: the next flush continues where this one stopped.
    return errno_status("program '" + cfg_.program + "'", err);
  }
  consume_pending_sigpipe();
  // The reader is gone (or, one run per alert, stuck): a retry starts the current line again in
  // a fresh program.
  buf_.rewind_to_line_start();
  stop(false);
  return errno_status("program '" + cfg_.program + "'", err);
}

void ProgramChannel::reopen() {
  (void)flush();
  stop(true);
}

}  // namespace saker::output
