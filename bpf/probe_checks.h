#pragma once
// Why the probe may not load on this host, said before libbpf tries: the kernel BTF and the
// capabilities loading and attaching need.
#include <string>

namespace saker::bpf {

// Empty when /sys/kernel/btf/vmlinux (or `btf_path`) is readable, else the reason.
std::string missing_btf(const char* btf_path = "/sys/kernel/btf/vmlinux");

// Empty when the process holds what loading needs, else "missing capability CAP_X, CAP_Y":
// CAP_BPF (maps and programs) and CAP_PERFMON (tracing programs reading kernel memory);
// CAP_SYS_ADMIN stands in for both.
std::string missing_capabilities();

// CAP_SYS_RESOURCE is needed only where BPF memory is charged to RLIMIT_MEMLOCK (kernels before
// 5.11; libbpf raises the limit there). Appended to a load failure: a note when it is missing.
std::string memlock_hint();

}  // namespace saker::bpf
