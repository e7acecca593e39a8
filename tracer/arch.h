#pragma once
// The architecture-specific corner of the tracer: register access and the syscall ABI.
// Only arch_x86_64.cpp implements it today; another port adds one file beside it.
#include <sys/types.h>

#include <cstdint>
#include <span>

#include "tracer/syscall_regs.h"

namespace saker::tracer {

// Reads the thread's registers with PTRACE_GETREGSET(NT_PRSTATUS) and fills the syscall view
// (number, arguments, return value). Used where PTRACE_GET_SYSCALL_INFO is unavailable (< 5.3).
// A 32-bit (ia32) process is detected from the regset size; int 0x80 from a 64-bit process
// cannot be told apart this way (PTRACE_GET_SYSCALL_INFO can).
bool arch_read_regs(pid_t tid, SyscallRegs* out);

// At a fork/vfork/clone event stop (inside the syscall, no syscall stop seen): the syscall being
// made, from the registers the kernel saved at its entry (number, arguments; ABI as the kernel
// sees it, so int 0x80 from a 64-bit process is ia32).
bool arch_read_syscall_at_event(pid_t tid, SyscallRegs* out);

// At a seccomp or syscall-enter stop: make the kernel skip the syscall and return `ret`
// (e.g. -ENOSYS) to the thread.
bool arch_skip_syscall(pid_t tid, int64_t ret);

// The seccomp/libseccomp architecture tokens the filter must cover so that no ABI of this kernel
// escapes it (x86_64, plus ia32 via int 0x80 and x32).
std::span<const uint32_t> arch_filter_arches();

// The libseccomp arch token for naming a syscall reported with audit arch `arch` and number nr.
uint32_t arch_scmp_token(uint32_t audit_arch, int64_t nr);

// Syscall numbers the tracer core itself cares about, for the native ABI.
struct ArchSyscalls {
  int64_t clone, clone3, fork, vfork, execve, execveat, seccomp, prctl, ptrace;
};
const ArchSyscalls& arch_native_syscalls();

// Clone flags of a clone-family syscall from its entry registers (clone: args[0]; clone3: the
// first word of struct clone_args in tracee memory). Returns false if not a clone or unreadable.
bool arch_clone_flags(pid_t tid, const SyscallRegs& regs, uint64_t* flags);

}  // namespace saker::tracer
