#pragma once
// Per-thread tracer state. One Tracee per traced thread (kernel tid), owned by TraceeTable.
//
// Invariants:
//  - `in_syscall` is true exactly when the thread was resumed with PTRACE_SYSCALL from a syscall
//    entry (seccomp stop or syscall-enter stop) and its syscall-exit stop is still to come; `cur`
//    then holds that syscall's entry registers.
//  - `startup` is true from the moment the tracer learns of the thread until its first
//    PTRACE_EVENT_STOP (the attach stop) has been consumed; a SIGSTOP event-stop in that window is
//    the attach stop, not a group stop.
#include <sys/types.h>

#include <cstdint>

#include "tracer/syscall_regs.h"

namespace saker::tracer {

struct Tracee {
  pid_t tid = 0;
  pid_t tgid = 0;              // thread group id (== tid for a leader); 0 until known
  bool startup = true;         // attach stop not seen yet
  bool in_syscall = false;     // resumed with PTRACE_SYSCALL, exit stop pending
  bool exit_wanted = false;    // the sink asked for this syscall's exit
  bool group_stopped = false;  // in a group stop, resumed with PTRACE_LISTEN
  bool detaching = false;      // detach at the next stop
  bool exited = false;         // PTRACE_EVENT_EXIT seen; death report pending
  bool announced = false;      // kNew given to the sink (needs tgid known)
  bool swallow_sigcont = false;  // the spawned child: the SIGCONT that ends its startup stop
  bool needs_filter = false;   // attach -S: our filter is not in its process yet (stops on
                               // every syscall meanwhile; injected at a syscall-enter stop)
  bool filter_refused = false; // attach -S: its process refused the filter; not tried again
  int8_t pidns_ours = -1;      // its pid namespace is the tracer's: 1 yes, 0 no, -1 not asked yet
  SyscallRegs cur;             // entry registers of the syscall in flight (valid if in_syscall)
  uint64_t user = 0;           // free for the sink (e.g. an index into its own tables)
};

}  // namespace saker::tracer
