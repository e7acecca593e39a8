// saker-wrap as the entrypoint of a web server container (busybox httpd in the busybox image,
// the static folder mounted read-only at /saker): the server answers on a port published on
// 127.0.0.1, a `podman exec ... cat /etc/shadow` raises an alert in the container's log, and
// `podman stop` ends it promptly with the status of a server killed by SIGTERM (143), not the
// SIGKILL podman falls back to when PID 1 ignores SIGTERM (137).
#include <chrono>

#include "tests/integration/deploy/podman_env.h"

namespace saker::deploy_test {
namespace {

class WrappedHttpd : public PodmanSuite {};

// Serves one page, the wrapped way; returns the container's name.
std::string start_httpd(const std::string& image, const std::string& name, int port, const std::string& extra = "") {
  sh("podman rm -f -t 0 " + name + " >/dev/null");
  Outcome r = sh("podman run -d --name " + name + " --cap-add SYS_PTRACE -v " + quote(kDist) + ":/saker:ro -p 127.0.0.1:" +
                 std::to_string(port) + ":8080 " + extra + " " + image +
                 " /saker/saker-wrap -- sh -c 'mkdir -p /www && echo hello-from-httpd > /www/index.html && "
                 "exec httpd -f -p 8080 -h /www'");
  EXPECT_EQ(r.code, 0) << r.err;
  return name;
}

std::string get(int port) {
  for (int i = 0; i < 100; ++i) {
    Outcome r = sh("curl -s -m 2 http://127.0.0.1:" + std::to_string(port) + "/");
    if (r.code == 0 && !r.out.empty()) return r.out;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return "";
}

int port_for_this_process(int base) { return base + static_cast<int>(::getpid() % 2000); }

TEST_F(WrappedHttpd, ServesStopsWithTheWorkloadsStatusAndAlertsOnExec) {
  const std::string name = unique("saker-httpd");
  const int port = port_for_this_process(21000);
  start_httpd(image_, name, port);
  EXPECT_EQ(get(port), "hello-from-httpd\n");

  // The workload's own tree is traced; an exec'd process enters the namespace from outside and
  // is attached by saker-wrap (PID 1) before runc hands it the command.
  Outcome ex = sh("podman exec " + name + " cat /etc/shadow");
  EXPECT_EQ(ex.code, 0) << ex.err;
  EXPECT_EQ(ex.out, "root:*:19000:0:99999:7:::\n");  // the session itself is untouched
  const std::string log = wait_for_log(name, "file=/etc/shadow", 15);
  EXPECT_NE(log.find("Sensitive file opened for reading by an untrusted program (file=/etc/shadow"), std::string::npos)
      << log;

  // Still serving after the exec session's tracer left.
  EXPECT_EQ(get(port), "hello-from-httpd\n");

  const auto t0 = std::chrono::steady_clock::now();
  Outcome stop = sh("podman stop -t 20 " + name);
  const auto secs =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_EQ(stop.code, 0) << stop.err;
  EXPECT_LT(secs, 10) << "SIGTERM did not reach httpd: podman had to kill the container";
  Outcome code = sh("podman inspect -f '{{.State.ExitCode}}' " + name);
  EXPECT_EQ(trim(code.out), "143") << code.err;
  sh("podman rm -f -t 0 " + name + " >/dev/null");
}

TEST_F(WrappedHttpd, WorkloadStdioAndStatusPassThroughAlertsOnStderr) {
  // The workload's stdout is its own; the alert for its read of /etc/shadow is on stderr.
  Outcome r = sh("podman run --rm --cap-add SYS_PTRACE -v " + quote(kDist) + ":/saker:ro " + image_ +
                 " /saker/saker-wrap -- sh -c 'cat /etc/shadow; exit 3'");
  EXPECT_EQ(r.code, 3) << r.err;
  EXPECT_EQ(r.out, "root:*:19000:0:99999:7:::\n");
  EXPECT_NE(r.err.find("file=/etc/shadow"), std::string::npos) << r.err;
}

TEST_F(WrappedHttpd, EnvironmentSelectsJsonAndAFileOutput) {
  TempDir out;
  Outcome r = sh("podman run --rm --cap-add SYS_PTRACE -v " + quote(kDist) + ":/saker:ro -v " + quote(out.path()) +
                 ":/out -e SAKER_OUTPUT_JSON=true -e SAKER_OUTPUT_STDERR=false -e SAKER_OUTPUT_FILE=/out/alerts.json " +
                 image_ + " /saker/saker-wrap -- cat /etc/shadow");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err.find("/etc/shadow"), std::string::npos) << "stderr output was disabled: " << r.err;
  const std::string alerts = slurp(out.path() + "/alerts.json");
  EXPECT_NE(alerts.find("\"rule\":\"Read Sensitive File By Untrusted Program\""), std::string::npos) << alerts;
  EXPECT_NE(alerts.find("\"fd.name\":\"/etc/shadow\""), std::string::npos) << alerts;
}

TEST_F(WrappedHttpd, BadConfigurationIsOneClearLineAndNothingRuns) {
  Outcome r = sh("podman run --rm --cap-add SYS_PTRACE -v " + quote(kDist) + ":/saker:ro -e SAKER_OUTPUT_JSON=maybe " +
                 image_ + " /saker/saker-wrap -- echo should-not-run");
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(trim(r.err), "saker-wrap: SAKER_OUTPUT_JSON: expected true or false, got 'maybe'");
}

}  // namespace
}  // namespace saker::deploy_test
