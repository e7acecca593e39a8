#include "bpf/probe_checks.h"

#include <unistd.h>

#include <cstdint>
#include <fstream>
#include <string>

namespace saker::bpf {

std::string missing_btf(const char* btf_path) {
  if (access(btf_path, R_OK) == 0) return {};
  return std::string("missing BTF: ") + btf_path +
         " is not readable (kernel built without CONFIG_DEBUG_INFO_BTF?)";
}

namespace {

// The effective capability set from /proc/self/status ("CapEff:\t000001ffffffffff").
bool effective_caps(uint64_t* out) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("CapEff:", 0) == 0) {
      *out = std::stoull(line.substr(7), nullptr, 16);
      return true;
    }
  }
  return false;
}

}  // namespace

std::string missing_capabilities() {
  constexpr int kSysAdmin = 21, kPerfmon = 38, kBpf = 39;
  uint64_t caps = 0;
  if (!effective_caps(&caps)) return "cannot read the capability set from /proc/self/status";
  auto has = [caps](int c) { return (caps >> c) & 1u; };
  std::string missing;
  auto add = [&missing](const char* name) {
    missing += missing.empty() ? "missing capability " : ", ";
    missing += name;
  };
  if (!has(kBpf) && !has(kSysAdmin)) add("CAP_BPF");
  if (!has(kPerfmon) && !has(kSysAdmin)) add("CAP_PERFMON");
  return missing;
}

std::string memlock_hint() {
  uint64_t caps = 0;
  if (effective_caps(&caps) && ((caps >> 24) & 1u) == 0) {
    return " (no CAP_SYS_RESOURCE: kernels before 5.11 charge BPF memory to RLIMIT_MEMLOCK, "
           "which then cannot be raised)";
  }
  return {};
}

}  // namespace saker::bpf
