#pragma once
// Which syscalls stop the tracee. A SyscallSet is a list of names (resolved per ABI, so one set
// covers x86_64, ia32 and x32) or "all". SyscallMatcher is its compiled form for the tracer's own
// checks at a stop (attach mode without a filter sees every syscall and filters in userspace).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace saker::tracer {

struct SyscallSet {
  bool all = false;
  std::vector<std::string> names;

  // The state-tracking set the engine needs to follow processes, files and sockets, plus the
  // common rule syscalls; what `saker-trace` traces until the engine sends its own set.
  static SyscallSet defaults();
  // Always traced, whatever the engine asks: attempts to escape or blind the tracer (ptrace,
  // seccomp, prctl(PR_SET_SECCOMP), io_uring_*, process_vm_writev) and exec. (Forks need no
  // entry in the set: ptrace's fork/vfork/clone events report every successful one.)
  static const std::vector<std::string>& always();
  // Parses "a,b,c" (names) or "all".
  static SyscallSet parse(std::string_view list);

  void add(const SyscallSet& other);
};

// "prctl" in a set means prctl(PR_SET_SECCOMP, ...) only: glibc and runtimes call prctl often for
// harmless things; the filter compares the first argument so the rest run untraced.
inline constexpr uint64_t kPrSetSeccomp = 22;

class SyscallMatcher {
 public:
  explicit SyscallMatcher(const SyscallSet& set);
  bool matches(uint32_t audit_arch, int64_t nr, uint64_t arg0) const;

 private:
  bool all_;
  std::vector<bool> native_, i386_, x32_;
  int64_t prctl_native_ = -1, prctl_i386_ = -1;
};

// Name of a syscall ("openat"), or "syscall_NNN" when unknown; cached.
const std::string& syscall_name(uint32_t audit_arch, int64_t nr);

}  // namespace saker::tracer
