#pragma once
// `saker-trace -S -p PID`: installing our seccomp filter in a process that is already running.
//
// A filter can only be installed by the process itself, so the tracer borrows one of its threads
// at a syscall-enter stop and makes it run a few syscalls of ours in place of the one it was
// about to make: mmap (a page for the BPF program), seccomp(SET_MODE_FILTER, TSYNC) (every
// thread of the process at once), prctl(PR_SET_NO_NEW_PRIVS) and seccomp again only if the
// kernel refused for want of CAP_SYS_ADMIN, then munmap. Its registers and signal mask are then
// restored with the instruction pointer moved back onto its `syscall` instruction, so the
// interrupted syscall runs afresh, now through the filter. While borrowed, the thread's signals
// are blocked (PTRACE_SETSIGMASK), so none is delivered halfway; pending ones arrive afterwards,
// as if just before the syscall.
#include <sys/types.h>

#include <cstdint>
#include <span>
#include <string>

namespace saker::tracer {

struct InjectionResult {
  enum class Kind : uint8_t {
    kInstalled,     // the filter is in place for every thread of the process
    kNotHere,       // this stop cannot be used (not a 64-bit `syscall` entry); try a later one
    kFailed,        // the process refused (error says why); registers restored, nothing left
    kLost,          // the thread left the injection (killed, or stopped otherwise): `status` is
                    // the waitpid status to hand to the wait loop; its registers are undefined
  };
  Kind kind = Kind::kFailed;
  bool set_no_new_privs = false;  // PR_SET_NO_NEW_PRIVS had to be set (no CAP_SYS_ADMIN)
  int status = 0;                 // kLost
  std::string error;              // kFailed / kLost
};

// tid must be in a syscall-enter stop (PTRACE_SYSCALL). `program` is the filter's raw BPF
// (struct sock_filter array). On kInstalled / kFailed / kNotHere the thread is left in a stop,
// ready to be resumed by the caller.
InjectionResult inject_seccomp_filter(pid_t tid, std::span<const uint8_t> program);

}  // namespace saker::tracer
