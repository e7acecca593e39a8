#pragma once
// What `saker trace` does beyond tracing its command when it is PID 1 of a container
// (saker-wrap as the entrypoint):
//  - reaps every child that is not the main tracer (orphans re-parented to the namespace's init,
//    attach tracers started below); the main tracer's status stays for run_trace's waitpid;
//  - attaches a tracer to processes that enter the PID namespace from outside the traced tree
//    (`docker exec`, `kubectl exec`, ECS Exec: runc joins the namespace, so they are nobody's
//    descendants here). They are found by polling /proc every few milliseconds: a process not
//    traced (TracerPid 0) whose parent is outside the namespace (PPid 0) is stopped (SIGSTOP)
//    at once, gets `saker-trace -p PID
//    --socket ENGINE`, and is continued (SIGCONT) when every one of its threads is traced (or
//    after kAttachDeadline: a session is never left frozen). runc's own set-up in the new
//    process (before it execs the command) is what gives the poll time to see it.
// A process that starts and finishes inside one polling interval can still be missed: this is
// best effort, not the guarantee the entrypoint's own tree has (see wrappers/README.md).
#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

namespace saker::app {

class InitDuties {
 public:
  // tracer: the saker-trace binary; socket: the engine's socket; main_tracer: the pid run_trace
  // waits for (never reaped here).
  InitDuties(std::string tracer, std::string socket, pid_t main_tracer);
  ~InitDuties();
  InitDuties(const InitDuties&) = delete;
  InitDuties& operator=(const InitDuties&) = delete;

  void start();
  // Stops watching and asks the attach tracers to detach (SIGTERM): the workload is over.
  void stop();

 private:
  void run();
  void scan();
  void reap();
  void attach(pid_t pid);
  void release_attached();

  struct Frozen {
    pid_t pid;
    pid_t tracer;
    std::chrono::steady_clock::time_point deadline;
  };

  const std::string tracer_;
  const std::string socket_;
  const pid_t main_tracer_;
  const pid_t self_;
  std::unordered_set<pid_t> seen_;
  std::vector<pid_t> attach_tracers_;
  std::vector<Frozen> frozen_;  // stopped, waiting for their tracer
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace saker::app
