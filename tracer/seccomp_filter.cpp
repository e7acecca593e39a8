#include "tracer/seccomp_filter.h"

#include <sys/mman.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include "tracer/arch.h"

namespace saker::tracer {

SeccompFilter::~SeccompFilter() {
  if (ctx_ != nullptr) seccomp_release(ctx_);
}

Status SeccompFilter::build(const SyscallSet& set) {
  if (ctx_ != nullptr) seccomp_release(ctx_);
  const uint32_t trace = SCMP_ACT_TRACE(kTraceData);
  ctx_ = seccomp_init(set.all ? trace : SCMP_ACT_ALLOW);
  if (ctx_ == nullptr) return Status::Error("seccomp_init failed");
  // We decide about no_new_privs ourselves (load()); an unknown ABI is traced, not killed.
  int rc = seccomp_attr_set(ctx_, SCMP_FLTATR_CTL_NNP, 0);
  if (rc == 0) rc = seccomp_attr_set(ctx_, SCMP_FLTATR_ACT_BADARCH, trace);
  if (rc == 0) rc = seccomp_attr_set(ctx_, SCMP_FLTATR_CTL_OPTIMIZE, 2);
  if (rc != 0) return Status::Error("seccomp_attr_set: " + std::to_string(rc));
  // The kernel's own errno from seccomp_load (libseccomp >= 2.5 otherwise reports every kernel
  // refusal as -ECANCELED, and load() could not tell EACCES, "needs no_new_privs", apart).
  raw_errors_ = seccomp_attr_set(ctx_, SCMP_FLTATR_API_SYSRAWRC, 1) == 0;
  for (uint32_t arch : arch_filter_arches()) {
    if (arch == SCMP_ARCH_NATIVE || seccomp_arch_exist(ctx_, arch) == 0) continue;
    rc = seccomp_arch_add(ctx_, arch);
    if (rc != 0 && rc != -EEXIST) return Status::Error("seccomp_arch_add: " + std::to_string(rc));
  }
  if (set.all) return Status::Ok();
  for (const auto& name : set.names) {
    int nr = seccomp_syscall_resolve_name(name.c_str());
    if (nr == __NR_SCMP_ERROR) return Status::Error("unknown syscall name '" + name + "'");
    if (name == "prctl") {
      rc = seccomp_rule_add(ctx_, trace, nr, 1, SCMP_A0(SCMP_CMP_EQ, kPrSetSeccomp));
    } else {
      rc = seccomp_rule_add(ctx_, trace, nr, 0);
    }
    // -EDOM etc.: a pseudo-syscall absent on every arch of the filter; nothing to trace.
    if (rc != 0 && rc != -EDOM && rc != -EINVAL) {
      return Status::Error("seccomp_rule_add(" + name + "): " + std::to_string(rc));
    }
  }
  return Status::Ok();
}

int SeccompFilter::load(bool* set_nnp) const {
  *set_nnp = false;
  int rc = seccomp_load(ctx_);
  // Without CAP_SYS_ADMIN (an unprivileged container) the kernel refuses with EACCES.
  if (rc != -EACCES && (raw_errors_ || rc != -ECANCELED)) return rc;
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return -errno;
  *set_nnp = true;
  return seccomp_load(ctx_);
}

int SeccompFilter::export_bpf(int fd) const { return seccomp_export_bpf(ctx_, fd); }

int SeccompFilter::program(std::vector<uint8_t>* out) const {
  // libseccomp exports to a file descriptor only (seccomp_export_bpf_mem is 2.5.4+).
  const int fd = ::memfd_create("saker-filter", MFD_CLOEXEC);
  if (fd < 0) return -errno;
  int rc = seccomp_export_bpf(ctx_, fd);
  if (rc == 0) {
    const off_t size = ::lseek(fd, 0, SEEK_END);
    out->resize(size > 0 ? static_cast<size_t>(size) : 0);
    if (size <= 0 || ::pread(fd, out->data(), out->size(), 0) != size) rc = -EIO;
  }
  ::close(fd);
  return rc;
}

}  // namespace saker::tracer
