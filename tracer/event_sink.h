#pragma once
// EventSink: the TraceSink that turns what the tracer sees into Falco-compatible scap events
// (the same event types and params the kernel drivers emit) and writes them to an EventOutput.
//
//  - syscall entry: the enter event for the few syscalls whose enter event drivers still emit
//    (open, openat, openat2, creat, connect: read at the entry, before the kernel uses the
//    arguments); everything else is one exit event carrying all params. The exit stop is taken
//    for every traced syscall but exit/exit_group (events::syscall_needs_exit).
//  - syscalls without an event of their own: PPME_GENERIC_X (PPM_SC code + native number).
//  - fork/vfork/clone/clone3: the caller's exit event (res = child tid) and the child's own
//    (res = 0) when the child is first seen, both with the /proc facts of their thread.
//    The caller's exit is reported at its fork event (the return value is known there) and the
//    child's facts are the parent's at the fork, except those that are its own (ids, memory).
//  - a thread's end: PPME_PROCEXIT_1_E at its death report (or at PTRACE_EVENT_EXIT with
//    --exit-stops), once per thread; an old leader replaced by a non-leader exec too.
//
// Timestamps: CLOCK_REALTIME in ns (comparable across tracers and with kernel-driver captures),
// forced strictly increasing within one sink.
#include <sys/types.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "engine/events/event_builder.h"
#include "tracer/encode/encode.h"
#include "tracer/event_output.h"
#include "tracer/trace_sink.h"

namespace saker::tracer {

struct EventSinkStats {
  uint64_t events = 0;         // events committed to the output
  uint64_t encode_errors = 0;  // events an encoder got wrong (schema mismatch, overflow)
};

class EventSink : public TraceSink {
 public:
  explicit EventSink(EventOutput& out, bool checked = events::kEventBuilderCheckDefault);

  ExitStop on_syscall_enter(Tracee& t, const SyscallRegs& regs) override;
  void on_syscall_exit(Tracee& t, const SyscallRegs& entry, const SyscallRegs& exit) override;
  void on_process_event(Tracee& t, const ProcessEvent& ev) override;

  const EventSinkStats& stats() const { return stats_; }
  // The last encode error ("" if none), for diagnostics and tests.
  const std::string& last_error() const { return last_error_; }

  // Budget reserved per event (the largest an event of that kind can be).
  static constexpr uint32_t kSmallEventMax = 16u * 1024u;
  static constexpr uint32_t kProcessEventMax = 64u * 1024u;

 private:
  // A child announced by its parent's fork event, until its first stop. A child starts as a
  // copy of its parent: command line, comm, cwd, cgroups and limits are the parent's at the fork
  // (read then, for the parent's own exit event), so its clone event reads only what is its own.
  struct Child {
    pid_t parent = 0;
    uint16_t exit_type = 0;
    uint64_t flags = 0;
    bool inherited = false;  // the fields below hold the parent's facts at the fork
    std::string exe, args, comm, cwd, cgroups;
    int64_t fdlimit = 0;
  };
  // Native (x86_64) number of a syscall of any ABI; -1 if it has none.
  int32_t native_nr(const SyscallRegs& r);
  uint64_t now_ns();
  // Begins an event; false when the output has no room (lost).
  bool begin(uint16_t type, uint32_t budget);
  void finish(pid_t tid);
  encode::Ctx ctx(Tracee& t, const SyscallRegs& in, int32_t nr);
  void emit_procexit(pid_t tid, int status);

  EventOutput& out_;
  events::EventBuilder b_;
  encode::Helpers h_;
  std::vector<encode::NamedEncoder> by_nr_;  // native nr → encoders
  std::vector<int32_t> i386_to_native_;
  std::unordered_map<pid_t, encode::Pending> pending_;
  std::unordered_map<pid_t, Child> children_;
  std::unordered_set<pid_t> exit_reported_;
  pid_t facts_of_fork_ = 0;  // h_.facts hold this thread's facts, read at its fork event just now
  uint64_t last_ts_ = 0;
  EventSinkStats stats_;
  std::string last_error_;
};

}  // namespace saker::tracer
