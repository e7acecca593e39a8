// `saker trace` and `saker -u` with real tracers and real workloads: alerts with the upstream
// rules, exit statuses, the two modes giving the same alerts, two tracers on one engine,
// drop accounting on an overloaded ring, and a workload that survives its engine.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "tests/support/run_command.h"

namespace {

using saker::testing::run_command;
using saker::testing::shell_quote;
using saker::testing::split_lines;

const std::string kBin = SAKER_BIN_DIR;
const std::string kSaker = kBin + "/saker";
const std::string kTracer = kBin + "/saker-trace";
// SAKER_LIVE_TEST_RULES overrides the rules (to check the plumbing while the upstream set does not load).
const std::string kRules = std::getenv("SAKER_LIVE_TEST_RULES")
                               ? std::getenv("SAKER_LIVE_TEST_RULES")
                               : std::string(SAKER_SHARED_DIR) + "/fixtures/upstream-rules/falco_rules.yaml";

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class LiveTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/saker-live-test.XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    if (engine_ > 0) stop_engine();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  std::string path(const std::string& name) const { return dir_ + "/" + name; }

  // `saker -u` in the background, JSON alerts to ENGINE.out; waits for its socket.
  void start_engine(const std::string& extra = "") {
    const std::string cmd = kSaker + " -u -r " + shell_quote(kRules) + " -o json_output=true -o tracer.socket=" +
                            path("engine.sock") + " " + extra + " > " + path("engine.out") + " 2> " +
                            path("engine.err");
    engine_ = ::fork();
    if (engine_ == 0) {
      ::execl("/bin/sh", "sh", "-c", ("exec " + cmd).c_str(), nullptr);
      ::_exit(127);
    }
    for (int i = 0; i < 300 && !std::filesystem::exists(path("engine.sock")); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    ASSERT_TRUE(std::filesystem::exists(path("engine.sock"))) << read_file(path("engine.err"));
  }
  // SIGINT, then the engine's exit code.
  int stop_engine(int sig = SIGINT) {
    ::kill(engine_, sig);
    int st = 0;
    ::waitpid(engine_, &st, 0);
    engine_ = -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  }
  std::string traced(const std::string& cmd) const {
    return kTracer + " --socket " + path("engine.sock") + " -- " + cmd;
  }

  std::string dir_;
  pid_t engine_ = -1;
};

// Alerts (JSON lines) from a mix of log lines.
std::vector<nlohmann::json> alerts_in(const std::string& text) {
  std::vector<nlohmann::json> out;
  for (const auto& line : split_lines(text)) {
    if (line.empty() || line[0] != '{') continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_discarded() && j.contains("rule")) out.push_back(std::move(j));
  }
  return out;
}

// What identifies an alert across runs: the rule and the fields that do not depend on pids,
// times or the engine's own place in the process tree.
std::set<std::string> alert_keys(const std::vector<nlohmann::json>& alerts) {
  std::set<std::string> keys;
  for (const auto& a : alerts) {
    std::string k = a.value("rule", "");
    if (a.contains("output_fields")) {
      const auto& f = a["output_fields"];
      for (const char* name : {"fd.name", "proc.name", "proc.pname", "evt.type", "proc.cmdline"})
        if (f.contains(name) && f[name].is_string()) k += std::string(" ") + name + "=" + f[name].get<std::string>();
    }
    keys.insert(k);
  }
  return keys;
}

TEST_F(LiveTest, TraceShadowRaisesUpstreamRuleAndKeepsOutput) {
  const auto direct = run_command("cat /etc/shadow");
  ASSERT_EQ(direct.exit_code, 0);
  const auto r = run_command(kSaker + " trace -r " + shell_quote(kRules) + " -- cat /etc/shadow 2> " + path("err"));
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, direct.out);  // stdout is the workload's alone
  const std::string err = read_file(path("err"));
  EXPECT_NE(err.find("Sensitive file opened for reading by non-trusted program"), std::string::npos) << err;
  EXPECT_NE(err.find("file=/etc/shadow"), std::string::npos) << err;
  EXPECT_NE(err.find("process=cat"), std::string::npos) << err;

  const auto j = run_command(kSaker + " trace -o json_output=true -r " + shell_quote(kRules) +
                             " -- cat /etc/shadow 2>&1 >/dev/null");
  bool found = false;
  for (const auto& a : alerts_in(j.out)) {
    if (a.value("rule", "") != "Read sensitive file untrusted") continue;
    found = true;
    EXPECT_EQ(a["output_fields"]["proc.name"], "cat");
    EXPECT_EQ(a["output_fields"]["fd.name"], "/etc/shadow");
    EXPECT_EQ(a["priority"], "Warning");
  }
  EXPECT_TRUE(found) << j.out;
}

TEST_F(LiveTest, TraceExitStatusIsTheCommands) {
  EXPECT_EQ(run_command(kSaker + " trace -r " + shell_quote(kRules) + " -- sh -c 'exit 3' 2>/dev/null").exit_code, 3);
  EXPECT_EQ(run_command(kSaker + " trace -r " + shell_quote(kRules) + " -- true 2>/dev/null").exit_code, 0);
  EXPECT_EQ(run_command(kSaker + " trace -r " + shell_quote(kRules) + " -- sh -c 'kill -9 $$' 2>/dev/null").exit_code,
            128 + 9);
  EXPECT_EQ(run_command(kSaker + " trace -r " + shell_quote(kRules) + " -- sh -c 'kill -TERM $$' 2>/dev/null").exit_code,
            128 + 15);
  // Piped stdin reaches the workload untouched.
  const auto r = run_command("printf 'a\\nb\\n' | " + kSaker + " trace -r " + shell_quote(kRules) + " -- wc -l 2>/dev/null");
  EXPECT_EQ(r.out, "2\n");
}

// Signals sent to `saker trace` itself (kill, `podman kill -s`, a container runtime signalling
// PID 1) reach the workload: HUP, QUIT, USR1 and USR2 are forwarded, not fatal to the engine.
TEST_F(LiveTest, TraceForwardsSignalsToTheWorkload) {
  const std::string ready = path("ready");
  const std::string workload = "trap 'echo usr1' USR1; trap 'echo usr2' USR2; trap 'echo hup; exit 11' HUP; touch " +
                               ready + "; while :; do sleep 0.05; done";
  const std::string script = kSaker + " trace -r " + shell_quote(kRules) + " -- sh -c " + shell_quote(workload) +
                             " 2>/dev/null & p=$!; i=0; while [ ! -e " + ready +
                             " ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i+1)); done; "
                             "kill -USR1 $p; sleep 0.5; kill -USR2 $p; sleep 0.5; kill -HUP $p; wait $p; echo status=$?";
  const auto r = run_command("timeout 60 sh -c " + shell_quote(script));
  EXPECT_EQ(r.out, "usr1\nusr2\nhup\nstatus=11\n");
}

TEST_F(LiveTest, TraceWritesCapture) {
  const auto r = run_command(kSaker + " trace -r " + shell_quote(kRules) + " -w " + path("out.scap") +
                             " -- cat /etc/hostname >/dev/null 2>&1");
  EXPECT_EQ(r.exit_code, 0);
  // The capture replays through the same rules.
  const auto replay = run_command(kSaker + " -e " + path("out.scap") + " -r " + shell_quote(kRules) +
                                  " -o json_output=true 2>/dev/null");
  EXPECT_NE(replay.out.find("Events detected"), std::string::npos) << replay.out;
  EXPECT_GT(std::filesystem::file_size(path("out.scap")), 100u);
}

TEST_F(LiveTest, SameAlertsInBothModes) {
  const std::string action = "sh -c 'cat /etc/shadow >/dev/null; head -c 10 /etc/gshadow >/dev/null 2>&1; true'";
  const auto t = run_command(kSaker + " trace -o json_output=true -r " + shell_quote(kRules) + " -- " + action +
                             " 2>&1 >/dev/null");
  ASSERT_EQ(t.exit_code, 0);
  start_engine();
  const auto u = run_command(traced(action));
  EXPECT_EQ(u.exit_code, 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(stop_engine(), 0);
  const auto trace_keys = alert_keys(alerts_in(t.out));
  const auto live_keys = alert_keys(alerts_in(read_file(path("engine.out"))));
  EXPECT_FALSE(trace_keys.empty()) << t.out;
  EXPECT_EQ(trace_keys, live_keys) << read_file(path("engine.out"));
  EXPECT_NE(read_file(path("engine.out")).find("Events detected"), std::string::npos);
}

TEST_F(LiveTest, UserspaceEngineWritesReplayableCapture) {
  // Two tracers, so the file holds two streams merged and each tracer's seeded state.
  start_engine("-w " + path("u.scap"));
  const std::string a = traced("sh -c 'cat /etc/shadow >/dev/null'");
  const std::string b = traced("sh -c 'sleep 0.2; head -c 3 /etc/shadow >/dev/null'");
  EXPECT_EQ(run_command("(" + a + ") & (" + b + ") & wait").exit_code, 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(stop_engine(), 0) << read_file(path("engine.err"));
  const auto live_keys = alert_keys(alerts_in(read_file(path("engine.out"))));
  ASSERT_GE(live_keys.size(), 2u) << read_file(path("engine.out"));

  // The capture replays to the same alerts (state blocks give proc.pname etc. their values).
  const auto replay = run_command(kSaker + " -e " + path("u.scap") + " -r " + shell_quote(kRules) +
                                  " -o json_output=true 2>/dev/null");
  EXPECT_EQ(replay.exit_code, 0);
  EXPECT_EQ(alert_keys(alerts_in(replay.out)), live_keys) << replay.out;

  // sysdig reads it: both opens are there, by the right processes.
  const auto sd = run_command("sysdig -r " + path("u.scap") +
                              " -p '%proc.name %fd.name' 'evt.type=openat and evt.dir=<' 2>&1");
  ASSERT_EQ(sd.exit_code, 0) << sd.out;
  EXPECT_NE(sd.out.find("cat /etc/shadow"), std::string::npos) << sd.out;
  EXPECT_NE(sd.out.find("head /etc/shadow"), std::string::npos) << sd.out;
}

TEST_F(LiveTest, TwoTracersFeedOneEngine) {
  start_engine();
  const std::string a = traced("sh -c 'sleep 0.3; cat /etc/shadow' > " + path("a.out"));
  const std::string b = traced("sh -c 'sleep 0.3; head -c 5 /etc/shadow' > " + path("b.out"));
  const auto r = run_command("(" + a + ") & (" + b + ") & wait");
  EXPECT_EQ(r.exit_code, 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(stop_engine(), 0);
  std::set<std::string> procs;
  for (const auto& al : alerts_in(read_file(path("engine.out"))))
    if (al.value("rule", "") == "Read sensitive file untrusted") procs.insert(al["output_fields"]["proc.name"]);
  EXPECT_TRUE(procs.count("cat")) << read_file(path("engine.out"));
  EXPECT_TRUE(procs.count("head")) << read_file(path("engine.out"));
  EXPECT_EQ(read_file(path("a.out")), run_command("cat /etc/shadow").out);
  EXPECT_EQ(read_file(path("b.out")).size(), 5u);
}

TEST_F(LiveTest, SakerWrapWithSocketFeedsARunningEngine) {
  // The entrypoint wrapper of a deployment whose engine runs elsewhere (a sidecar `saker -u`):
  // with SAKER_SOCKET it becomes a tracer of that engine; the workload's status and output stay its own.
  start_engine();
  const auto r = run_command("SAKER_SOCKET=" + path("engine.sock") + " " + kBin +
                             "/saker-wrap -- sh -c 'cat /etc/shadow > /dev/null; echo done; exit 5' 2> " +
                             path("wrap.err"));
  EXPECT_EQ(r.exit_code, 5) << read_file(path("wrap.err"));
  EXPECT_EQ(r.out, "done\n");
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(stop_engine(), 0) << read_file(path("engine.err"));
  int shadow = 0;
  for (const auto& al : alerts_in(read_file(path("engine.out"))))
    if (al.value("rule", "") == "Read sensitive file untrusted" && al["output_fields"]["proc.name"] == "cat" &&
        al["output_fields"]["fd.name"] == "/etc/shadow")
      ++shadow;
  EXPECT_EQ(shadow, 1) << read_file(path("engine.out"));
}

TEST_F(LiveTest, SmallRingDropsAreCountedAndAlerted) {
  // Events bigger than the ring (an execve carrying a large environment) can never fit, and the
  // loop makes events faster than a 4 KiB ring drains. Threshold 0: any drop in a second acts,
  // so the check does not depend on how fast this machine drains the ring.
  const std::string big(3500, 'x');
  const std::string work = "env BIG=" + big +
                           " sh -c 'i=0; while [ $i -lt 2000 ]; do echo $i > " + path("f") +
                           "; i=$((i+1)); done; /bin/cat " + path("f") + "'";
  const auto r = run_command(kSaker + " trace -v -r " + shell_quote(kRules) +
                             " -o tracer.ring_size=4096 -o tracer.backpressure=drop -o syscall_event_drops.threshold=0 -- " + work + " 2> " +
                             path("err"));
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "1999\n");  // the workload completed, output intact
  const std::string err = read_file(path("err"));
  EXPECT_NE(err.find("Falco internal: syscall event drop"), std::string::npos) << err;
  const auto pos = err.find("Tracer: ");
  ASSERT_NE(pos, std::string::npos) << err;
  std::istringstream in(err.substr(pos + 8));
  unsigned long long events = 0, dropped = 0;
  std::string word;
  in >> events >> word >> dropped;
  EXPECT_GT(dropped, 0u) << err;
}

TEST_F(LiveTest, WorkloadSurvivesEngineDeath) {
  start_engine();
  pid_t tracer = ::fork();
  if (tracer == 0) {
    const std::string cmd = traced("sh -c 'sleep 1; echo done; exit 5'") + " > " + path("w.out") + " 2>/dev/null";
    ::execl("/bin/sh", "sh", "-c", cmd.c_str(), nullptr);
    ::_exit(127);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  stop_engine(SIGKILL);
  int st = 0;
  ASSERT_EQ(::waitpid(tracer, &st, 0), tracer);
  ASSERT_TRUE(WIFEXITED(st));
  EXPECT_EQ(WEXITSTATUS(st), 5);
  EXPECT_EQ(read_file(path("w.out")), "done\n");
}

}  // namespace
