#pragma once
// DebugSink: prints what the tracer sees in a strace-like text, one line per syscall:
//   TID name(args) = RET            syscalls that return (printed at the exit stop)
//   TID name(args) = ?              exit, exit_group (never return)
//   TID --- SIGNAME ---             signal delivered (re-injected)
//   TID --- stopped by SIGSTOP ---  group stop
//   TID +++ exited with N +++ / +++ killed by SIGNAME +++
//   TID # fork|vfork|clone child=C [thread] / # exec old_tid=O / # new tgid=G / # vanished /
//       # own seccomp RET_TRACE data=D
// Lines carry the tid the syscall entered on (an exec by a non-leader thread is printed under
// the thread that called it, as strace does). Strings are escaped as C strings; paths and argv
// are decoded for the common file and process syscalls, other arguments print in hex.
#include <cstdio>
#include <string>
#include <unordered_map>

#include "tracer/trace_sink.h"

namespace saker::tracer {

class DebugSink : public TraceSink {
 public:
  explicit DebugSink(std::FILE* out) : out_(out) {}
  ~DebugSink() override { std::fflush(out_); }

  ExitStop on_syscall_enter(Tracee& t, const SyscallRegs& regs) override;
  void on_syscall_exit(Tracee& t, const SyscallRegs& entry, const SyscallRegs& exit) override;
  void on_process_event(Tracee& t, const ProcessEvent& ev) override;

 private:
  void flush_unfinished(pid_t tid);
  std::string format_call(const Tracee& t, const SyscallRegs& regs);
  std::FILE* out_;
  std::unordered_map<pid_t, std::string> pending_;  // tid -> "TID name(args)" awaiting exit
};

}  // namespace saker::tracer
