#pragma once
// What the tracer knows about one syscall at a stop: the architecture it was made in, its number in
// that architecture's table, its six raw arguments and, at the exit stop, its return value.
// Architecture-neutral; filled by arch.h's readers.
#include <cstdint>

namespace saker::tracer {

// Audit architecture ids (linux/audit.h) for the ABIs an x86_64 kernel runs.
inline constexpr uint32_t kAuditArchX86_64 = 0xC000003Eu;
inline constexpr uint32_t kAuditArchI386 = 0x40000003u;
// x32 syscalls come in with arch x86_64 and this bit set in the number.
inline constexpr uint64_t kX32SyscallBit = 0x40000000u;

struct SyscallRegs {
  uint32_t arch = kAuditArchX86_64;  // AUDIT_ARCH_* of the syscall (not of the process)
  int64_t nr = -1;                   // syscall number in arch's numbering
  uint64_t args[6] = {0, 0, 0, 0, 0, 0};
  int64_t ret = 0;                   // exit stop only: raw return (-errno on failure)
  bool is_error = false;             // exit stop only
  uint64_t ip = 0;                   // instruction pointer after the syscall instruction
  uint64_t sp = 0;
};

}  // namespace saker::tracer
