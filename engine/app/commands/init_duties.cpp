#include "engine/app/commands/init_duties.h"

#include <dirent.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace saker::app {

namespace {

// Short enough to catch runc's set-up of an exec'd process (tens of ms before its execve),
// cheap with the handful of processes a container has.
constexpr auto kPollInterval = std::chrono::milliseconds(5);
// How long a stopped newcomer waits for its tracer before it is continued untraced.
constexpr auto kAttachDeadline = std::chrono::seconds(3);

struct ProcStatus {
  pid_t ppid = -1;
  pid_t tracer = -1;
};

// PPid and TracerPid from /proc/PID/status; false when the process is gone.
bool read_status(pid_t pid, ProcStatus* out) {
  char path[64];
  std::snprintf(path, sizeof path, "/proc/%d/status", static_cast<int>(pid));
  FILE* f = std::fopen(path, "re");
  if (f == nullptr) return false;
  char line[256];
  while (std::fgets(line, sizeof line, f) != nullptr) {
    if (std::strncmp(line, "PPid:", 5) == 0) out->ppid = static_cast<pid_t>(std::atoi(line + 5));
    else if (std::strncmp(line, "TracerPid:", 10) == 0) out->tracer = static_cast<pid_t>(std::atoi(line + 10));
  }
  std::fclose(f);
  return out->ppid >= 0 && out->tracer >= 0;
}

// True when every thread of pid has a tracer (the attach is complete), or pid is gone.
bool all_threads_traced(pid_t pid) {
  char path[64];
  std::snprintf(path, sizeof path, "/proc/%d/task", static_cast<int>(pid));
  DIR* d = ::opendir(path);
  if (d == nullptr) return true;
  bool all = true;
  while (const dirent* e = ::readdir(d)) {
    const pid_t tid = static_cast<pid_t>(std::atoi(e->d_name));
    if (tid <= 0) continue;
    ProcStatus st;
    if (read_status(tid, &st) && st.tracer == 0) all = false;
  }
  ::closedir(d);
  return all;
}

}  // namespace

InitDuties::InitDuties(std::string tracer, std::string socket, pid_t main_tracer)
    : tracer_(std::move(tracer)), socket_(std::move(socket)), main_tracer_(main_tracer), self_(::getpid()) {}

InitDuties::~InitDuties() { stop(); }

void InitDuties::start() {
  // Whatever runs when we start (the tracer, the workload's first steps) is not an intruder.
  DIR* d = ::opendir("/proc");
  if (d != nullptr) {
    while (const dirent* e = ::readdir(d)) {
      const pid_t pid = static_cast<pid_t>(std::atoi(e->d_name));
      if (pid > 0) seen_.insert(pid);
    }
    ::closedir(d);
  }
  thread_ = std::thread([this] { run(); });
}

void InitDuties::stop() {
  if (!thread_.joinable()) return;
  stop_.store(true);
  thread_.join();
  for (const Frozen& f : frozen_) ::kill(f.pid, SIGCONT);
  frozen_.clear();
  for (pid_t p : attach_tracers_) ::kill(p, SIGTERM);  // -p tracers detach on SIGTERM
  reap();
}

void InitDuties::run() {
  while (!stop_.load()) {
    reap();
    scan();
    release_attached();
    std::this_thread::sleep_for(frozen_.empty() ? kPollInterval : std::chrono::milliseconds(1));
  }
}

void InitDuties::reap() {
  for (;;) {
    siginfo_t info{};
    if (::waitid(P_ALL, 0, &info, WEXITED | WNOHANG | WNOWAIT) != 0 || info.si_pid == 0) return;
    // The main tracer's status belongs to run_trace; the others are ours to collect.
    if (info.si_pid == main_tracer_) return;
    ::waitpid(info.si_pid, nullptr, WNOHANG);
    std::erase(attach_tracers_, info.si_pid);
  }
}

void InitDuties::scan() {
  DIR* d = ::opendir("/proc");
  if (d == nullptr) return;
  std::unordered_set<pid_t> present;
  while (const dirent* e = ::readdir(d)) {
    const pid_t pid = static_cast<pid_t>(std::atoi(e->d_name));
    if (pid <= 0) continue;
    present.insert(pid);
    if (pid == self_ || seen_.count(pid) != 0) continue;
    ProcStatus st;
    if (!read_status(pid, &st)) continue;  // gone already; look again if the pid comes back
    seen_.insert(pid);
    // Only processes that entered the namespace from outside: their parent (runc, conmon) is
    // not in it, so PPid reads 0. Everything else descends from us: the workload's tree (traced
    // from birth, though a just-forked child is briefly not yet), our tracers, output programs.
    if (st.tracer != 0 || st.ppid != 0) continue;
    attach(pid);
  }
  ::closedir(d);
  // Forget pids that are gone, so a reused pid is looked at again.
  std::erase_if(seen_, [&](pid_t p) { return present.count(p) == 0; });
}

void InitDuties::release_attached() {
  const auto now = std::chrono::steady_clock::now();
  std::erase_if(frozen_, [&](const Frozen& f) {
    const bool tracer_gone = std::find(attach_tracers_.begin(), attach_tracers_.end(), f.tracer) == attach_tracers_.end();
    if (!all_threads_traced(f.pid) && !tracer_gone && now < f.deadline) return false;
    ::kill(f.pid, SIGCONT);
    return true;
  });
}

void InitDuties::attach(pid_t pid) {
  // Frozen until its tracer holds it: the command it is about to run is then seen from its exec.
  if (::kill(pid, SIGSTOP) != 0) return;
  const std::string pid_arg = std::to_string(pid);
  std::vector<std::string> args = {tracer_, "--socket", socket_, "-p", pid_arg};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t child = ::fork();
  if (child == 0) {
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  if (child > 0) {
    attach_tracers_.push_back(child);
    seen_.insert(child);
    frozen_.push_back(Frozen{pid, child, std::chrono::steady_clock::now() + kAttachDeadline});
  } else {
    ::kill(pid, SIGCONT);
  }
}

}  // namespace saker::app
