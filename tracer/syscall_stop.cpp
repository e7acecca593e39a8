#include "tracer/syscall_stop.h"

#include <sys/ptrace.h>

#include <cerrno>

#include "tracer/arch.h"

namespace saker::tracer {
namespace {
bool g_have_syscall_info = true;
}

StopOp read_syscall_stop(pid_t tid, bool seccomp_stop, SyscallRegs* regs,
                         uint32_t* seccomp_data) {
  if (g_have_syscall_info) {
    __ptrace_syscall_info info{};
    long n = ptrace(PTRACE_GET_SYSCALL_INFO, tid, reinterpret_cast<void*>(sizeof(info)), &info);
    if (n > 0) {
      regs->arch = info.arch;
      regs->ip = info.instruction_pointer;
      regs->sp = info.stack_pointer;
      switch (info.op) {
        case PTRACE_SYSCALL_INFO_ENTRY:
          regs->nr = static_cast<int64_t>(info.entry.nr);
          for (int i = 0; i < 6; ++i) regs->args[i] = info.entry.args[i];
          return StopOp::kEntry;
        case PTRACE_SYSCALL_INFO_EXIT:
          regs->ret = info.exit.rval;
          regs->is_error = info.exit.is_error != 0;
          return StopOp::kExit;
        case PTRACE_SYSCALL_INFO_SECCOMP:
          regs->nr = static_cast<int64_t>(info.seccomp.nr);
          for (int i = 0; i < 6; ++i) regs->args[i] = info.seccomp.args[i];
          if (seccomp_data) *seccomp_data = info.seccomp.ret_data;
          return StopOp::kSeccomp;
        default:
          break;  // not a syscall stop after all: fall back to the registers
      }
    } else if (errno == ESRCH) {
      return StopOp::kGone;
    } else if (errno == EIO || errno == EINVAL) {
      g_have_syscall_info = false;
    }
  }
  if (!arch_read_regs(tid, regs)) return StopOp::kGone;
  if (seccomp_stop) {
    unsigned long msg = 0;
    ptrace(PTRACE_GETEVENTMSG, tid, nullptr, &msg);
    if (seccomp_data) *seccomp_data = static_cast<uint32_t>(msg);
    return StopOp::kSeccomp;
  }
  return StopOp::kUnknown;
}

}  // namespace saker::tracer
