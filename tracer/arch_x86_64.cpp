// x86_64 implementation of arch.h.
#include "tracer/arch.h"

#if !defined(__x86_64__)
#error "saker-trace: only x86_64 is implemented (add arch_<name>.cpp)"
#endif

#include <elf.h>
#include <seccomp.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/user.h>

#include <cerrno>
#include <cstring>

#include "tracer/tracee_memory.h"

namespace saker::tracer {
namespace {

// struct user_regs_struct of an ia32 process, as PTRACE_GETREGSET returns it.
struct I386Regs {
  uint32_t ebx, ecx, edx, esi, edi, ebp, eax, xds, xes, xfs, xgs, orig_eax, eip, xcs, eflags,
      esp, xss;
};

constexpr uint32_t kFilterArches[] = {SCMP_ARCH_X86_64, SCMP_ARCH_X86, SCMP_ARCH_X32};

// i386 numbers of the clone family (arch/x86/entry/syscalls/syscall_32.tbl).
constexpr int64_t kI386Clone = 120;
constexpr int64_t kI386Clone3 = 435;

}  // namespace

bool arch_read_regs(pid_t tid, SyscallRegs* out) {
  union {
    user_regs_struct r64;
    I386Regs r32;
  } u;
  iovec iov{&u, sizeof(u)};
  if (ptrace(PTRACE_GETREGSET, tid, reinterpret_cast<void*>(NT_PRSTATUS), &iov) != 0) return false;
  if (iov.iov_len == sizeof(I386Regs)) {
    const I386Regs& r = u.r32;
    out->arch = kAuditArchI386;
    out->nr = static_cast<int32_t>(r.orig_eax);
    const uint32_t a[6] = {r.ebx, r.ecx, r.edx, r.esi, r.edi, r.ebp};
    for (int i = 0; i < 6; ++i) out->args[i] = a[i];
    out->ret = static_cast<int32_t>(r.eax);
    out->ip = r.eip;
    out->sp = r.esp;
  } else {
    const user_regs_struct& r = u.r64;
    out->arch = kAuditArchX86_64;
    out->nr = static_cast<int64_t>(r.orig_rax);
    const uint64_t a[6] = {r.rdi, r.rsi, r.rdx, r.r10, r.r8, r.r9};
    for (int i = 0; i < 6; ++i) out->args[i] = a[i];
    out->ret = static_cast<int64_t>(r.rax);
    out->ip = r.rip;
    out->sp = r.rsp;
  }
  out->is_error = out->ret < 0 && out->ret >= -4095;
  return true;
}

bool arch_read_syscall_at_event(pid_t tid, SyscallRegs* out) {
  // PTRACE_GET_SYSCALL_INFO at an event stop reports no syscall, but its arch field is the ABI
  // of the syscall in progress (a 64-bit regset cannot tell an int 0x80).
  __ptrace_syscall_info info{};
  const bool have_arch =
      ptrace(PTRACE_GET_SYSCALL_INFO, tid, reinterpret_cast<void*>(sizeof(info)), &info) > 0;
  user_regs_struct r{};
  iovec iov{&r, sizeof(r)};
  if (ptrace(PTRACE_GETREGSET, tid, reinterpret_cast<void*>(NT_PRSTATUS), &iov) != 0) return false;
  if (iov.iov_len != sizeof(r)) return arch_read_regs(tid, out);  // an ia32 process
  out->ip = r.rip;
  out->sp = r.rsp;
  out->ret = 0;
  out->is_error = false;
  if (have_arch && info.arch == kAuditArchI386) {
    out->arch = kAuditArchI386;
    out->nr = static_cast<int32_t>(r.orig_rax);
    const uint64_t a[6] = {r.rbx, r.rcx, r.rdx, r.rsi, r.rdi, r.rbp};
    for (int i = 0; i < 6; ++i) out->args[i] = static_cast<uint32_t>(a[i]);
  } else {
    out->arch = kAuditArchX86_64;
    out->nr = static_cast<int64_t>(r.orig_rax);
    const uint64_t a[6] = {r.rdi, r.rsi, r.rdx, r.r10, r.r8, r.r9};
    for (int i = 0; i < 6; ++i) out->args[i] = a[i];
  }
  return true;
}

bool arch_skip_syscall(pid_t tid, int64_t ret) {
  user_regs_struct r;
  iovec iov{&r, sizeof(r)};
  if (ptrace(PTRACE_GETREGSET, tid, reinterpret_cast<void*>(NT_PRSTATUS), &iov) != 0) return false;
  if (iov.iov_len == sizeof(I386Regs)) {
    I386Regs* r32 = reinterpret_cast<I386Regs*>(&r);
    r32->orig_eax = static_cast<uint32_t>(-1);
    r32->eax = static_cast<uint32_t>(ret);
  } else {
    r.orig_rax = static_cast<uint64_t>(-1);
    r.rax = static_cast<uint64_t>(ret);
  }
  return ptrace(PTRACE_SETREGSET, tid, reinterpret_cast<void*>(NT_PRSTATUS), &iov) == 0;
}

std::span<const uint32_t> arch_filter_arches() { return kFilterArches; }

uint32_t arch_scmp_token(uint32_t audit_arch, int64_t nr) {
  if (audit_arch == kAuditArchI386) return SCMP_ARCH_X86;
  if (nr >= 0 && (static_cast<uint64_t>(nr) & kX32SyscallBit)) return SCMP_ARCH_X32;
  return SCMP_ARCH_X86_64;
}

const ArchSyscalls& arch_native_syscalls() {
  static const ArchSyscalls s{SYS_clone,    SYS_clone3,  SYS_fork,   SYS_vfork, SYS_execve,
                              SYS_execveat, SYS_seccomp, SYS_prctl,  SYS_ptrace};
  return s;
}

bool arch_clone_flags(pid_t tid, const SyscallRegs& regs, uint64_t* flags) {
  const bool i386 = regs.arch == kAuditArchI386;
  const int64_t nr = i386 ? regs.nr : static_cast<int64_t>(regs.nr & ~kX32SyscallBit);
  if (nr == (i386 ? kI386Clone : SYS_clone)) {
    *flags = i386 ? static_cast<uint32_t>(regs.args[0]) : regs.args[0];
    return true;
  }
  if (nr == (i386 ? kI386Clone3 : SYS_clone3)) {
    uint64_t f = 0;  // struct clone_args starts with __u64 flags
    if (TraceeMemory::read(tid, regs.args[0], &f, sizeof(f)) != sizeof(f)) return false;
    *flags = f;
    return true;
  }
  return false;
}

}  // namespace saker::tracer
