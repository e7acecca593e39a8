#pragma once
// Reading a thread's syscall state at a syscall stop or a seccomp stop.
//
// PTRACE_GET_SYSCALL_INFO (Linux >= 5.3) is used when present: one call gives the ABI the syscall
// was made in (so int 0x80 from a 64-bit process is seen as ia32), the number and arguments, the
// return value at exit, whether the stop is an entry or an exit, and at a seccomp stop the
// filter's SECCOMP_RET_DATA. Older kernels fall back to PTRACE_GETREGSET (arch.h) plus
// PTRACE_GETEVENTMSG; the caller then tells entry from exit by its own state.
#include <sys/types.h>

#include <cstdint>

#include "tracer/syscall_regs.h"

namespace saker::tracer {

enum class StopOp : uint8_t { kUnknown, kEntry, kExit, kSeccomp, kGone };

// seccomp_stop: the stop is PTRACE_EVENT_SECCOMP (only then is *seccomp_data filled).
// Returns kGone when the thread vanished (killed) meanwhile.
StopOp read_syscall_stop(pid_t tid, bool seccomp_stop, SyscallRegs* regs, uint32_t* seccomp_data);

}  // namespace saker::tracer
