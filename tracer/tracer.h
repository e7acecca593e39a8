#pragma once
// The tracer: one thread running the wait loop over every traced thread (waitpid(-1, __WALL)),
// dispatching each stop to a handler and resuming the thread the cheapest correct way:
//   - seccomp mode (a filter is installed): PTRACE_CONT between stops, so only the filter's
//     RET_TRACE syscalls stop; PTRACE_SYSCALL only after a seccomp stop whose exit the sink wants;
//   - attach mode without a filter: PTRACE_SYSCALL always; the set is matched in userspace.
// Every stop kind ptrace has is handled explicitly: see the handlers below.
#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

#include "engine/common/status.h"
#include "tracer/seccomp_filter.h"
#include "tracer/syscall_set.h"
#include "tracer/trace_sink.h"
#include "tracer/tracee_table.h"

namespace saker::tracer {

struct TracerConfig {
  SyscallSet syscalls;        // what the sink wants (SyscallSet::always() is added)
  bool use_seccomp = true;    // install (spawn) / require (attach -S) a filter
  bool exit_events = false;   // PTRACE_O_TRACEEXIT: stop threads as they exit (else procexit
                              // comes from the death report, one stop less per thread)
  bool wait_all = true;       // keep tracing until every tracee is gone (else: until the main
                              // process exits; entrypoint mode, where PID 1 leaving ends all)
};

class Tracer {
 public:
  Tracer(TracerConfig config, TraceSink& sink);

  // Runs argv traced (argv[0] resolved through PATH). On error nothing is left running.
  Status spawn(const std::vector<std::string>& argv);
  // Attaches to pid, all its threads and all its descendants.
  Status attach(pid_t pid);

  // The wait loop. Returns the status to exit with: the main process's exit code, or 128+N if
  // a signal N killed it; 0 after a detach.
  int run();

  pid_t main_pid() const { return main_pid_; }
  const TraceeTable& table() const { return table_; }

 private:
  long ptrace_options() const;
  void handle(pid_t pid, int status);
  void on_death(pid_t pid, Tracee* t, int status);
  void on_syscall_stop(Tracee& t);
  void on_seccomp_stop(Tracee& t);
  void on_fork_event(Tracee& t, int event);
  // At a fork event: whether the caller's return value is the child's pid as the tracer sees it.
  bool shares_our_pidns(Tracee& t);
  void on_exec_event(Tracee& t);
  void on_exit_event(Tracee& t);
  void on_event_stop(Tracee& t, int sig);
  void on_signal_stop(Tracee& t, int sig);
  void syscall_entry(Tracee& t, const SyscallRegs& regs);
  void announce(Tracee& t);
  void resume(Tracee& t, int sig);
  // Our filter governs this thread's stops (PTRACE_CONT between them).
  bool filtered(const Tracee& t) const { return seccomp_ && !t.needs_filter; }
  // attach -S, at a syscall-enter stop: install the filter in t's process. True when the stop
  // was consumed (the thread was resumed, or is gone).
  bool inject_filter(Tracee& t);
  void start_detach();
  void detach_at_stop(Tracee& t, int sig, int event);

  TracerConfig config_;
  TraceSink& sink_;
  SyscallMatcher matcher_;
  SeccompFilter filter_;
  TraceeTable table_;
  bool attached_ = false;    // -p mode
  bool seccomp_ = false;     // a filter of ours is (or, attach -S, will be) in the traced tree
  std::vector<uint8_t> program_;  // attach -S: the filter's BPF, injected into each process
  bool detaching_ = false;
  bool detach_refused_ = false;  // attach -S: a filter of ours cannot be left behind
  pid_t main_pid_ = 0;
  bool main_done_ = false;
  int exit_code_ = 0;
};

}  // namespace saker::tracer
