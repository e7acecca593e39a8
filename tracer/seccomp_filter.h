#pragma once
// The seccomp-bpf program installed in the workload before exec: SECCOMP_RET_TRACE (with our
// data value) for the traced syscalls, SECCOMP_RET_ALLOW for everything else, so untraced
// syscalls never leave the kernel. Built with libseccomp in the tracer (before fork), loaded in
// the child. libseccomp's binary-tree optimisation keeps the per-syscall cost logarithmic.
#include <seccomp.h>

#include <cstdint>
#include <vector>

#include "engine/common/status.h"
#include "tracer/syscall_set.h"

namespace saker::tracer {

// SECCOMP_RET_DATA our filter returns with RET_TRACE. A seccomp stop with any other data comes
// from a filter the tracee installed itself (see Tracer::on_seccomp_stop).
inline constexpr uint16_t kTraceData = 0x5a4b;

class SeccompFilter {
 public:
  SeccompFilter() = default;
  SeccompFilter(const SeccompFilter&) = delete;
  SeccompFilter& operator=(const SeccompFilter&) = delete;
  SeccompFilter(SeccompFilter&& o) noexcept : ctx_(o.ctx_), raw_errors_(o.raw_errors_) {
    o.ctx_ = nullptr;
  }
  ~SeccompFilter();

  Status build(const SyscallSet& set);
  bool built() const { return ctx_ != nullptr; }

  // Called in the child before exec. Tries without no_new_privs first (works with CAP_SYS_ADMIN),
  // and only if the kernel refuses (EACCES) sets PR_SET_NO_NEW_PRIVS and loads again.
  // Returns 0 or -errno. *set_nnp tells whether no_new_privs had to be set.
  int load(bool* set_nnp) const;

  // Writes the BPF program (for --dump-filter and debugging). Returns 0 or -errno.
  int export_bpf(int fd) const;
  // The raw BPF program (struct sock_filter array), for installing it in a running process
  // (filter_injection.h). Returns 0 or -errno.
  int program(std::vector<uint8_t>* out) const;

 private:
  scmp_filter_ctx ctx_ = nullptr;
  bool raw_errors_ = false;  // seccomp_load returns the kernel's errno (SCMP_FLTATR_API_SYSRAWRC)
};

}  // namespace saker::tracer
