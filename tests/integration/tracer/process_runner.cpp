#include "process_runner.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cstring>

namespace saker::tracer::testing {
namespace {
long now_ms() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}
}  // namespace

Process::Process(const std::vector<std::string>& argv, const std::string& input) {
  int in[2], out[2], err[2];
  if (pipe2(in, O_CLOEXEC) || pipe2(out, O_CLOEXEC) || pipe2(err, O_CLOEXEC)) return;
  pid_ = fork();
  if (pid_ == 0) {
    setpgid(0, 0);
    dup2(in[0], 0);
    dup2(out[1], 1);
    dup2(err[1], 2);
    std::vector<char*> a;
    for (const auto& s : argv) a.push_back(const_cast<char*>(s.c_str()));
    a.push_back(nullptr);
    execvp(a[0], a.data());
    _exit(127);
  }
  setpgid(pid_, pid_);
  close(in[0]);
  close(out[1]);
  close(err[1]);
  if (!input.empty()) (void)!write(in[1], input.data(), input.size());
  close(in[1]);
  out_fd_ = out[0];
  err_fd_ = err[0];
}

Process::~Process() {
  if (pid_ > 0 && !done_) finish(0);
}

bool Process::pump(int timeout_ms) {
  pollfd p[2];
  int n = 0;
  if (out_fd_ >= 0) p[n++] = {out_fd_, POLLIN, 0};
  if (err_fd_ >= 0) p[n++] = {err_fd_, POLLIN, 0};
  if (n == 0) return false;
  if (poll(p, n, timeout_ms) <= 0) return true;
  for (int i = 0; i < n; ++i) {
    if (!p[i].revents) continue;
    char buf[4096];
    ssize_t r = read(p[i].fd, buf, sizeof(buf));
    std::string& dst = p[i].fd == out_fd_ ? result_.out : result_.err;
    if (r > 0) {
      dst.append(buf, r);
    } else {
      close(p[i].fd);
      (p[i].fd == out_fd_ ? out_fd_ : err_fd_) = -1;
    }
  }
  return true;
}

bool Process::wait_for_output(const std::string& text, int timeout_ms) {
  const long end = now_ms() + timeout_ms;
  while (result_.out.find(text) == std::string::npos) {
    long left = end - now_ms();
    if (left <= 0 || !pump(static_cast<int>(left))) break;
  }
  return result_.out.find(text) != std::string::npos;
}

RunResult Process::finish(int timeout_ms) {
  if (pid_ <= 0) return result_;
  const long end = now_ms() + timeout_ms;
  int status = 0;
  for (;;) {
    pid_t r = waitpid(pid_, &status, WNOHANG);
    if (r == pid_) break;
    long left = end - now_ms();
    if (left <= 0) {
      result_.timed_out = timeout_ms > 0;
      kill(-pid_, SIGKILL);
      waitpid(pid_, &status, 0);
      break;
    }
    if (!pump(static_cast<int>(std::min<long>(left, 50)))) usleep(5000);
  }
  // Drain what is left (writers may linger in the group: bounded).
  const long drain_end = now_ms() + 2000;
  while ((out_fd_ >= 0 || err_fd_ >= 0) && now_ms() < drain_end) pump(50);
  kill(-pid_, SIGKILL);  // nothing of the test may outlive it
  if (out_fd_ >= 0) close(out_fd_);
  if (err_fd_ >= 0) close(err_fd_);
  out_fd_ = err_fd_ = -1;
  result_.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  done_ = true;
  return result_;
}

RunResult run(const std::vector<std::string>& argv, const std::string& input, int timeout_ms) {
  Process p(argv, input);
  return p.finish(timeout_ms);
}

}  // namespace saker::tracer::testing
