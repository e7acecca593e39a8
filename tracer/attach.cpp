#include "tracer/attach.h"

#include <dirent.h>
#include <sys/ptrace.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fstream>
#include <set>
#include <string>

namespace saker::tracer {
namespace {

std::vector<pid_t> list_tasks(pid_t pid) {
  std::vector<pid_t> out;
  std::string dir = "/proc/" + std::to_string(pid) + "/task";
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) return out;
  while (dirent* e = readdir(d)) {
    if (e->d_name[0] < '0' || e->d_name[0] > '9') continue;
    out.push_back(static_cast<pid_t>(std::atoi(e->d_name)));
  }
  closedir(d);
  return out;
}

std::vector<pid_t> list_children(pid_t pid, pid_t tid) {
  std::vector<pid_t> out;
  std::ifstream in("/proc/" + std::to_string(pid) + "/task/" + std::to_string(tid) + "/children");
  pid_t c;
  while (in >> c) out.push_back(c);
  return out;
}

// Seizes every thread of process pid; returns false if none could be seized.
bool seize_process(pid_t pid, long options, std::set<pid_t>* seized,
                   std::vector<SeizedThread>* out, int* first_errno) {
  bool any = false;
  for (;;) {
    bool added = false;
    for (pid_t tid : list_tasks(pid)) {
      if (seized->count(tid)) continue;
      if (ptrace(PTRACE_SEIZE, tid, nullptr, reinterpret_cast<void*>(options)) != 0) {
        if (*first_errno == 0 && errno != ESRCH) *first_errno = errno;
        continue;
      }
      ptrace(PTRACE_INTERRUPT, tid, nullptr, nullptr);
      seized->insert(tid);
      out->push_back({tid, pid});
      added = any = true;
    }
    if (!added) break;
  }
  return any;
}

}  // namespace

pid_t read_tgid(pid_t tid) {
  std::ifstream in("/proc/" + std::to_string(tid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("Tgid:", 0) == 0) return static_cast<pid_t>(std::atoi(line.c_str() + 5));
  }
  return 0;
}

Status seize_tree(pid_t root, long options, std::vector<SeizedThread>* out) {
  std::set<pid_t> seized;
  std::set<pid_t> processes;
  int err = 0;
  if (!seize_process(root, options, &seized, out, &err)) {
    return Status::Error("cannot attach to " + std::to_string(root) + ": " +
                         std::strerror(err ? err : ESRCH));
  }
  processes.insert(root);
  for (int pass = 0; pass < 2; ++pass) {
    std::deque<pid_t> queue(processes.begin(), processes.end());
    while (!queue.empty()) {
      pid_t p = queue.front();
      queue.pop_front();
      for (pid_t tid : list_tasks(p)) {
        for (pid_t child : list_children(p, tid)) {
          if (processes.count(child)) continue;
          int e = 0;
          // A child that fails to seize (exited, or not ours to trace) is skipped.
          if (seize_process(child, options, &seized, out, &e)) {
            processes.insert(child);
            queue.push_back(child);
          }
        }
      }
    }
  }
  return Status::Ok();
}

}  // namespace saker::tracer
