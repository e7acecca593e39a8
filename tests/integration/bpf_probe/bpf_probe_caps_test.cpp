// Loading the probe without root: with only CAP_BPF + CAP_PERFMON (+ CAP_SYS_PTRACE) as an
// unprivileged user it loads; without them the missing capability is named. Each case runs in a
// forked child that changes its own credentials, and reports back through a pipe.
#include <gtest/gtest.h>
#include <linux/capability.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <string>

#include "bpf/probe.h"

namespace {

constexpr int kSysAdmin = 21, kSysPtrace = 19, kPerfmon = 38, kBpf = 39;

// Leaves exactly `caps` in the effective, permitted and inheritable sets.
bool set_caps(uint64_t caps) {
  __user_cap_header_struct hdr{_LINUX_CAPABILITY_VERSION_3, 0};
  __user_cap_data_struct data[2] = {};
  for (int i = 0; i < 2; ++i) {
    const uint32_t word = static_cast<uint32_t>(caps >> (32 * i));
    data[i].effective = word;
    data[i].permitted = word;
  }
  return syscall(SYS_capset, &hdr, data) == 0;
}

// Runs Probe::open in a child holding only `caps` as uid/gid 65534; returns "OK" or why_not.
std::string open_as_nobody_with(uint64_t caps) {
  int fds[2];
  if (pipe(fds) != 0) return "pipe failed";
  const pid_t c = fork();
  if (c == 0) {
    close(fds[0]);
    std::string out;
    if (prctl(PR_SET_KEEPCAPS, 1) != 0 || setresgid(65534, 65534, 65534) != 0 ||
        setresuid(65534, 65534, 65534) != 0 || !set_caps(caps)) {
      out = "cannot drop privileges";
    } else {
      std::string why;
      auto p = saker::bpf::Probe::open(&why);
      out = p ? "OK" : why;
    }
    if (write(fds[1], out.data(), out.size()) < 0) _exit(2);
    _exit(0);
  }
  close(fds[1]);
  std::string out;
  char buf[4096];
  ssize_t n;
  while ((n = read(fds[0], buf, sizeof(buf))) > 0) out.append(buf, static_cast<size_t>(n));
  close(fds[0]);
  waitpid(c, nullptr, 0);
  return out;
}

uint64_t bit(int c) { return uint64_t{1} << c; }

TEST(BpfProbeCaps, LoadsWithoutRootGivenBpfAndPerfmon) {
  ASSERT_EQ(geteuid(), 0u) << "this test drops privileges from root";
  EXPECT_EQ(open_as_nobody_with(bit(kBpf) | bit(kPerfmon) | bit(kSysPtrace)), "OK");
}

TEST(BpfProbeCaps, NamesTheMissingCapability) {
  ASSERT_EQ(geteuid(), 0u) << "this test drops privileges from root";
  const std::string no_bpf = open_as_nobody_with(bit(kPerfmon));
  EXPECT_NE(no_bpf.find("missing capability CAP_BPF"), std::string::npos) << no_bpf;
  EXPECT_EQ(no_bpf.find("CAP_PERFMON"), std::string::npos) << no_bpf;
  const std::string no_perfmon = open_as_nobody_with(bit(kBpf));
  EXPECT_NE(no_perfmon.find("CAP_PERFMON"), std::string::npos) << no_perfmon;
  const std::string none = open_as_nobody_with(0);
  EXPECT_NE(none.find("CAP_BPF, CAP_PERFMON"), std::string::npos) << none;
}

TEST(BpfProbeCaps, SysAdminStandsInForBpfAndPerfmon) {
  ASSERT_EQ(geteuid(), 0u) << "this test drops privileges from root";
  EXPECT_EQ(open_as_nobody_with(bit(kSysAdmin)), "OK");
}

}  // namespace
