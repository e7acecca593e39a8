#pragma once
// Which syscalls produce which events, for the native ABI (x86_64): the table the tracer encodes
// with and the engine uses to turn its rules' event types into the syscall set it sends tracers
// (the Welcome bitmap), so that a tracer stops only on what some rule or the state needs.
//
// Facts: syscall numbers from the x86_64 syscall table (arch/x86/entry/syscalls/syscall_64.tbl);
// the newest event pair of each syscall from the scap event table. A syscall with no event of its
// own is reported as PPME_GENERIC_X (its PPM_SC_* code and native number), as drivers do with -A.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace saker::events {

// Size of the native syscall table (valid numbers are [0, native_syscall_count())).
uint32_t native_syscall_count();
// Name of native syscall nr ("openat"), "" for a hole or out of range.
std::string_view native_syscall_name(uint32_t nr);
// Native number of a syscall name, -1 when unknown.
int32_t native_syscall_nr(std::string_view name);

// The events a syscall produces. `enter` is what current drivers still emit at the entry
// (open, openat, openat2, creat, connect: the others' enter events are no longer emitted and
// their schema entries carry EF_OLD_VERSION), 0xffff when nothing; `exit` the exit event.
inline constexpr uint16_t kNoEvent = 0xffff;
struct SyscallEvents {
  uint16_t enter = kNoEvent;
  uint16_t exit = kNoEvent;
  bool specific = false;  // false: the generic pair (PPME_GENERIC_X)
};
SyscallEvents syscall_events(uint32_t native_nr);

// PPM_SC_* code of a native syscall (the ID param of generic events), 0 (unknown) if none.
uint16_t ppm_sc_of_native(uint32_t native_nr);

// Native syscalls whose events have the same name as event type `type` (every version of
// "open" maps to open; "syscall" / generic types map to nothing: those need all syscalls).
// Returns how many numbers were written to out (at most out.size()); the total is returned by
// the call with an empty span.
size_t syscalls_of_event_type(uint16_t type, std::span<uint32_t> out);
// Native syscalls of the events named `name` ("open", "execve", ...), as above.
size_t syscalls_of_event_name(std::string_view name, std::span<uint32_t> out);

// The state-tracking set: what the engine's state needs to follow processes, fds and sockets
// whatever the rules ask (clone family, execve family, open family, close, dup family, fcntl,
// pipes, socket family, chdir, fchdir, chroot, setuid family, ...). Native numbers.
std::span<const uint32_t> state_tracking_syscalls();

// Whether the exit of this syscall must be stopped on to produce its events (nearly all: the
// exit events carry the return value). False only for syscalls that never return (exit,
// exit_group: the thread's death gives procexit).
bool syscall_needs_exit(uint32_t native_nr);

}  // namespace saker::events
