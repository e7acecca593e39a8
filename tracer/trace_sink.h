#pragma once
// TraceSink: where the tracer hands what it sees. The event encoder (scap layout into the shared
// ring) implements it; DebugSink prints a strace-like text for tests and humans.
//
// Threading: all calls come from the tracer's single thread, while the tracee named by the Tracee&
// is stopped, so a sink may read its registers and memory (TraceeMemory) during the call.
#include <sys/types.h>

#include <cstdint>

#include "tracer/syscall_regs.h"
#include "tracer/tracee.h"

namespace saker::tracer {

// Whether the tracer must stop the thread again when the syscall returns.
enum class ExitStop : uint8_t { kSkip, kTake };

enum class ProcessEventKind : uint8_t {
  kNew,          // a thread became traced (spawned, attached, or auto-attached child/thread)
  kFork,         // PTRACE_EVENT_FORK at the parent; child = new pid
  kVfork,        // PTRACE_EVENT_VFORK at the parent (parent blocks until the child execs/exits)
  kClone,        // PTRACE_EVENT_CLONE at the parent; child = new tid; is_thread if CLONE_THREAD
  kExec,         // PTRACE_EVENT_EXEC; old_tid is the tid that called execve (!= tid: non-leader exec)
  kExit,         // PTRACE_EVENT_EXIT: thread about to exit; status = wait-style status
  kVanished,     // a thread gone without a death report (old leader replaced by a non-leader exec)
  kDeath,        // death reported by waitpid; status = wait status (WIFEXITED / WIFSIGNALED)
  kSignal,       // signal-delivery stop; signal = the signal, re-injected unchanged
  kGroupStop,    // group stop by `signal` (SIGSTOP/SIGTSTP/SIGTTIN/SIGTTOU); tracee stays stopped
  kSeccompTrace, // the tracee's own seccomp filter returned RET_TRACE (data in status); the syscall
                 // fails with ENOSYS as it would untraced
};

struct ProcessEvent {
  ProcessEventKind kind;
  pid_t child = 0;       // kFork/kVfork/kClone
  pid_t old_tid = 0;     // kExec
  bool is_thread = false;  // kClone
  int status = 0;        // kExit/kDeath; kSeccompTrace: SECCOMP_RET_DATA
  int signal = 0;        // kSignal/kGroupStop
};

class TraceSink {
 public:
  virtual ~TraceSink() = default;

  // A traced syscall is entering (the thread is at its seccomp stop or syscall-enter stop).
  // Return kTake to be called again at its exit; kSkip lets it run and return at native speed.
  virtual ExitStop on_syscall_enter(Tracee& t, const SyscallRegs& regs) = 0;

  // The exit of a syscall whose enter returned kTake. `entry` holds the entry registers, `exit`
  // the return value (ret, is_error). After a non-leader exec, t.tid is the new (leader) tid.
  virtual void on_syscall_exit(Tracee& t, const SyscallRegs& entry, const SyscallRegs& exit) = 0;

  // Process lifecycle and signals; see ProcessEventKind.
  virtual void on_process_event(Tracee& t, const ProcessEvent& ev) = 0;
};

}  // namespace saker::tracer
