// saker-trace-static in a real container: the busybox image of tests/support/mini_image.sh has
// no libc, so the tracer runs there only if it is fully static. Checked: the workload's output
// and exit status pass through, events are written, and as PID 1 (the container's entrypoint,
// --init) `podman stop` reaches the workload as SIGTERM and the container exits with the
// workload's status.
//
// Podman missing: the test skips only outside CI (env CI unset); in CI it fails, and any other
// reason podman cannot run a container here fails with podman's own message.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

#include "tests/support/run_command.h"

namespace {

const std::string kBinDir = SAKER_BIN_DIR;
const std::string kStatic = kBinDir + "/saker-trace-static";
const std::string kSupport = std::string(SAKER_SOURCE_DIR) + "/tests/support";

using Outcome = saker::testing::SplitOutcome;

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/saker-static-test-XXXXXX";
    path_ = mkdtemp(tmpl);
    chmod(path_.c_str(), 0777);
  }
  ~TempDir() { (void)!system(("rm -rf " + quote(path_)).c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Runs a shell command with podman's settings for this machine (CONTAINERS_CONF).
Outcome sh(const std::string& cmd) {
  return saker::testing::run_command_split("CONTAINERS_CONF=" + quote(kSupport + "/containers.conf") + " " + cmd);
}

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

class StaticTracerInContainer : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (sh("command -v podman >/dev/null").code != 0) {
      problem_ = "podman is not installed";
      skip_ = std::getenv("CI") == nullptr;
      return;
    }
    if (access(kStatic.c_str(), X_OK) != 0) {
      problem_ = kStatic + " is not built (configure with -DSAKER_STATIC_TRACER=ON)";
      return;
    }
    Outcome img = sh(quote(kSupport + "/mini_image.sh"));
    if (img.code != 0) {
      problem_ = "tests/support/mini_image.sh failed (" + std::to_string(img.code) + "): " +
                 img.err + img.out;
      return;
    }
    image_ = trim(img.out);
    // Can podman run a container at all here? If not, its message is the reason.
    Outcome probe = sh("podman run --rm " + image_ + " /bin/echo container-ok");
    if (probe.code != 0 || trim(probe.out) != "container-ok") {
      problem_ = "podman cannot run a container here (exit " + std::to_string(probe.code) +
                 "): " + probe.err;
    }
  }

  void SetUp() override {
    if (skip_) GTEST_SKIP() << problem_ << " (and env CI is unset)";
    ASSERT_TRUE(problem_.empty()) << problem_;
  }

  // podman run --rm with the tracer's directory mounted read-only at /saker.
  static std::string run_prefix(const std::string& extra = "") {
    return "podman run --rm --cap-add SYS_PTRACE -v " + quote(kBinDir) + ":/saker:ro " + extra +
           " ";
  }

  static inline std::string image_;
  static inline std::string problem_;
  static inline bool skip_ = false;
};

TEST_F(StaticTracerInContainer, TheImageHasNoLibcSoOnlyAStaticBinaryRuns) {
  // The dynamic tracer cannot start there (no loader); the static one can.
  Outcome dyn = sh(run_prefix() + image_ + " /saker/saker-trace --version");
  EXPECT_NE(dyn.code, 0) << "saker-trace (dynamic) unexpectedly ran in the busybox image";
  Outcome st = sh(run_prefix() + image_ + " /saker/saker-trace-static --version");
  EXPECT_EQ(st.code, 0) << st.err;
  EXPECT_FALSE(trim(st.out).empty());
}

TEST_F(StaticTracerInContainer, WorkloadOutputAndStatusPassThrough) {
  TempDir out;
  Outcome r = sh(run_prefix("-v " + quote(out.path()) + ":/out") + image_ +
                 " /saker/saker-trace-static -w /out/x.scap -- /bin/sh -c "
                 "'cat /etc/passwd; exit 7'");
  EXPECT_EQ(r.code, 7) << r.err;
  EXPECT_EQ(r.out, "root:x:0:0:root:/root:/bin/sh\n");
  EXPECT_EQ(r.err, "");
  // Events were written: the capture holds more than a header.
  struct stat st {};
  ASSERT_EQ(stat((out.path() + "/x.scap").c_str(), &st), 0);
  EXPECT_GT(st.st_size, 1000);
  // cat's open of /etc/passwd is in it (file names are stored as plain strings).
  EXPECT_NE(slurp(out.path() + "/x.scap").find("/etc/passwd"), std::string::npos);
}

TEST_F(StaticTracerInContainer, KilledWorkloadGives128PlusSignal) {
  Outcome r = sh(run_prefix() + image_ +
                 " /saker/saker-trace-static -a -- /bin/sh -c 'echo before; kill -9 $$'");
  EXPECT_EQ(r.code, 137) << r.err;
  EXPECT_EQ(r.out, "before\n");
}

TEST_F(StaticTracerInContainer, DebugPrintSeesTheWorkload) {
  Outcome r = sh(run_prefix() + image_ +
                 " /saker/saker-trace-static --debug-print -- /bin/cat /etc/group");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "root:x:0:\n");
  EXPECT_NE(r.err.find("/etc/group"), std::string::npos) << r.err;
}

TEST_F(StaticTracerInContainer, AsPid1PodmanStopReachesTheWorkload) {
  const std::string name = "saker-static-init-" + std::to_string(getpid());
  sh("podman rm -f " + name + " >/dev/null");
  // The workload traps SIGTERM and exits 42; PID 1 is the tracer, which must forward the signal
  // and exit with the workload's status (podman stop would SIGKILL after 20 s: status 137).
  Outcome start = sh("podman run -d --name " + name + " --cap-add SYS_PTRACE -v " + quote(kBinDir) +
                     ":/saker:ro " + image_ +
                     " /saker/saker-trace-static --init -- /bin/sh -c "
                     "'trap \"echo got-term; exit 42\" TERM; echo ready; "
                     "while :; do sleep 1; done'");
  ASSERT_EQ(start.code, 0) << start.err;
  // Wait until the workload runs (its "ready" in the log).
  bool ready = false;
  for (int i = 0; i < 100 && !ready; ++i) {
    ready = sh("podman logs " + name).out.find("ready") != std::string::npos;
    if (!ready) usleep(100 * 1000);
  }
  EXPECT_TRUE(ready);
  auto t0 = std::chrono::steady_clock::now();
  Outcome stop = sh("podman stop -t 20 " + name);
  const auto secs = std::chrono::duration_cast<std::chrono::seconds>(
                        std::chrono::steady_clock::now() - t0).count();
  EXPECT_EQ(stop.code, 0) << stop.err;
  EXPECT_LT(secs, 15) << "the workload did not react to SIGTERM; podman had to kill it";
  Outcome code = sh("podman inspect -f '{{.State.ExitCode}}' " + name);
  EXPECT_EQ(trim(code.out), "42") << code.err;
  Outcome logs = sh("podman logs " + name);
  EXPECT_NE(logs.out.find("got-term"), std::string::npos) << logs.out << logs.err;
  sh("podman rm -f " + name + " >/dev/null");
}

TEST_F(StaticTracerInContainer, AsPid1ReapsOrphans) {
  // A grandchild orphaned by its parent is re-parented to PID 1 (the tracer, a subreaper); the
  // container still exits with the main workload's status, with no zombie left behind.
  Outcome r = sh(run_prefix() + image_ +
                 " /saker/saker-trace-static -- /bin/sh -c "
                 "'(sleep 0.2 & ) ; sleep 1; ps -o stat,comm | grep -c Z; exit 5'");
  EXPECT_EQ(r.code, 5) << r.err;
  EXPECT_EQ(trim(r.out), "0") << "zombies left: " << r.out;
}

}  // namespace
