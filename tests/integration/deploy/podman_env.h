#pragma once
// What the deployment tests share: shell commands with this machine's podman settings, the
// static folder the build assembles (bin/dist), the busybox test image, building the image of
// the top-level Dockerfile, waiting for a container's log, and names unique to one test process
// (ctest runs tests in parallel; every container and image is removed by the test that made it).
//
// Podman missing: the suite skips only outside CI (env CI unset); in CI it fails, and any other
// reason podman cannot run a container fails with podman's own message.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "tests/support/run_command.h"

namespace saker::deploy_test {

inline const std::string kBinDir = SAKER_BIN_DIR;
inline const std::string kDist = kBinDir + "/dist";
inline const std::string kSource = SAKER_SOURCE_DIR;
inline const std::string kSupport = kSource + "/tests/support";

using Outcome = saker::testing::SplitOutcome;

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

inline std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ' || s.back() == '\r')) s.pop_back();
  return s;
}

class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/saker-deploy-test-XXXXXX";
    path_ = ::mkdtemp(tmpl);
    ::chmod(path_.c_str(), 0755);
  }
  ~TempDir() { (void)!::system(("rm -rf " + quote(path_)).c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Runs a shell command with podman's settings for this machine (CONTAINERS_CONF); stdout and
// stderr are kept apart.
inline Outcome sh(const std::string& cmd) {
  return saker::testing::run_command_split("CONTAINERS_CONF=" + quote(kSupport + "/containers.conf") + " " + cmd);
}

// A name no other test process uses.
inline std::string unique(const std::string& base) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string n = base + "-" + std::to_string(::getpid());
  if (info != nullptr) {
    for (char c : std::string(info->name())) n += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return n.substr(0, 60);
}

// Polls `podman logs NAME` (stdout and stderr) until it contains needle; returns the last log.
inline std::string wait_for_log(const std::string& name, const std::string& needle, int seconds) {
  std::string log;
  const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  do {
    Outcome l = sh("podman logs " + name);  // the container's stdout, then its stderr
    log = l.out + l.err;
    if (log.find(needle) != std::string::npos) return log;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  } while (std::chrono::steady_clock::now() < end);
  return log;
}

// Builds the top-level Dockerfile's image from bin/dist under the tag; "" or podman's message.
inline std::string build_saker_image(const std::string& tag) {
  Outcome b = sh("podman build -q -t " + tag + " -f " + quote(kSource + "/Dockerfile") + " " + quote(kDist));
  if (b.code != 0) return "podman build failed (" + std::to_string(b.code) + "): " + b.err + b.out;
  return "";
}

// Fargate's default capability set (that of Docker); SYS_PTRACE is the only one a task may add.
inline const std::string kFargateCaps =
    "AUDIT_WRITE,CHOWN,DAC_OVERRIDE,FOWNER,FSETID,KILL,MKNOD,NET_BIND_SERVICE,NET_RAW,SETFCAP,SETGID,"
    "SETPCAP,SETUID,SYS_CHROOT";

class PodmanSuite : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (sh("command -v podman >/dev/null").code != 0) {
      problem_ = "podman is not installed";
      skip_ = std::getenv("CI") == nullptr;
      return;
    }
    for (const char* f : {"saker", "saker-trace", "saker-wrap", "saker_rules.yaml"}) {
      if (::access((kDist + "/" + f).c_str(), R_OK) != 0) {
        problem_ = kDist + "/" + f + " is missing (build the saker-dist target)";
        return;
      }
    }
    Outcome img = sh(quote(kSupport + "/mini_image.sh"));
    if (img.code != 0) {
      problem_ = "tests/support/mini_image.sh failed (" + std::to_string(img.code) + "): " + img.err + img.out;
      return;
    }
    image_ = trim(img.out);
    Outcome probe = sh("podman run --rm " + image_ + " /bin/echo container-ok");
    if (probe.code != 0 || trim(probe.out) != "container-ok") {
      problem_ = "podman cannot run a container here (exit " + std::to_string(probe.code) + "): " + probe.err;
    }
  }

  void SetUp() override {
    if (skip_) GTEST_SKIP() << problem_ << " (and env CI is unset)";
    ASSERT_TRUE(problem_.empty()) << problem_;
  }

  static inline std::string image_;  // the busybox image
  static inline std::string problem_;
  static inline bool skip_ = false;
};

}  // namespace saker::deploy_test
