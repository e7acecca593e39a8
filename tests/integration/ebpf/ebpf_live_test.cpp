// eBPF mode on the real kernel: `saker --modern-bpf` (the real binary) with JSON alerts while a
// script does real things (read /etc/shadow, create and remove a file below /bin, unshare -n,
// a loopback TCP connect with nc, a script run from /tmp, a command on a terminal via script(1),
// a fork+exec chain three deep). The probe sees the whole host, and other tests run meanwhile:
// every test rule is limited to descendants of the script, whose name is unique per run.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <linux/capability.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/support/run_command.h"
#include "tests/support/shared_fixtures.h"

namespace {

using saker::testing::run_command;
using saker::testing::shell_quote;
using saker::testing::split_lines;

std::string bin_dir() {
  const char* env = std::getenv("SAKER_BIN_DIR");
  return env != nullptr ? env : SAKER_BIN_DIR;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_file(const std::string& path, const std::string& text, mode_t mode = 0644) {
  std::ofstream(path) << text;
  ::chmod(path.c_str(), mode);
}

std::vector<nlohmann::json> alerts_in(const std::string& text) {
  std::vector<nlohmann::json> out;
  for (const auto& line : split_lines(text)) {
    if (line.empty() || line[0] != '{') continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_discarded() && j.contains("rule")) out.push_back(std::move(j));
  }
  return out;
}

std::string field(const nlohmann::json& alert, const std::string& name) {
  if (!alert.contains("output_fields") || !alert["output_fields"].contains(name)) return "<absent>";
  const auto& v = alert["output_fields"][name];
  return v.is_string() ? v.get<std::string>() : v.dump();
}

const char* const kFields[] = {"proc.name", "proc.pname", "proc.aname[2]", "proc.cmdline", "fd.name",
                               "user.name", "evt.type",   "proc.tty",      "container.id"};

// One line per alert: the rule and every checked field (launcher: the comm of whatever started
// the script, which differs between modes by construction, is replaced by a placeholder).
std::set<std::string> alert_keys(const std::vector<nlohmann::json>& alerts, const std::string& launcher = "") {
  std::set<std::string> keys;
  for (const auto& a : alerts) {
    std::string k = a.value("rule", "");
    for (const char* f : kFields) {
      std::string v = field(a, f);
      if (!launcher.empty() && v == launcher) v = "<launcher>";
      // A connect's client port is the kernel's pick, different in every run.
      if (std::string(f) == "fd.name" && v.find("->") != std::string::npos) {
        const size_t colon = v.rfind(':', v.find("->"));
        if (colon != std::string::npos) v = v.substr(0, colon) + ":<ephemeral>" + v.substr(v.find("->"));
      }
      k += std::string(" ") + f + "=" + v;
    }
    keys.insert(k);
  }
  return keys;
}

class EbpfLiveTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(::geteuid(), 0u) << "eBPF mode tests run as root (CI runs them as root)";
    char tmpl[] = "/tmp/saker-ebpf-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    ::chmod(dir_.c_str(), 0755);
    tag_ = "sact-" + dir_.substr(dir_.size() - 6);  // the script's comm (15 chars at most)
    write_file(path("marker"), "m\n");
    write_file(path("chain-marker"), "c\n");
    write_file(path("tty-marker"), "t\n");
    write_file(path("srun.sh"), "#!/bin/sh\ntrue\n", 0755);
    listen_loopback();
  }
  void TearDown() override {
    if (engine_ > 0) stop_engine(SIGKILL);
    if (listener_ >= 0) ::close(listener_);
    std::error_code ec;
    std::filesystem::remove("/bin/saker-ebpf-" + tag_, ec);
    std::filesystem::remove_all(dir_, ec);
  }
  std::string path(const std::string& name) const { return dir_ + "/" + name; }

  void listen_loopback() {
    listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    ASSERT_GE(listener_, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::bind(listener_, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
    ASSERT_EQ(::listen(listener_, 16), 0);
    socklen_t len = sizeof a;
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
  }

  // The test rules, limited to the script's descendants.
  std::string test_rules() const {
    const std::string out =
        "proc.name=%proc.name proc.pname=%proc.pname aname2=%proc.aname[2] cmdline=%proc.cmdline fd=%fd.name "
        "user=%user.name type=%evt.type tty=%proc.tty cid=%container.id";
    const std::pair<const char*, std::string> rules[] = {
        {"shadow", "evt.type in (open,openat,openat2) and evt.is_open_read=true and fd.name=/etc/shadow"},
        {"bin write", "evt.type in (open,openat,openat2,creat) and evt.is_open_write=true and fd.name startswith /bin/saker-ebpf-"},
        {"bin remove", "evt.type in (unlink,unlinkat) and evt.dir=< and proc.name=rm"},
        {"unshare", "evt.type=unshare and evt.dir=<"},
        {"connect", "evt.type=connect and evt.dir=< and fd.sip=127.0.0.1 and fd.sport=" + std::to_string(port_)},
        {"tmp script", "evt.type=execve and evt.dir=< and proc.name=srun.sh"},
        {"tty", "evt.type in (open,openat,openat2) and fd.name endswith /tty-marker"},
        {"chain", "evt.type in (open,openat,openat2) and fd.name endswith /chain-marker"},
    };
    std::string y = "- macro: in_test\n  condition: (proc.aname=" + tag_ + ")\n";
    for (const auto& [name, cond] : rules) {
      y += "- rule: ebpf test " + std::string(name) + "\n  desc: eBPF live test\n  condition: " + cond +
           " and in_test\n  output: \"" + out + "\"\n  priority: WARNING\n";
    }
    return y;
  }

  // The scripted actions, as one executable script whose comm is tag_.
  std::string write_actions() {
    const std::string D = dir_;
    std::string s = "#!/bin/sh\n";
    s += "cat /etc/shadow " + D + "/marker > /dev/null\n";
    s += "touch /bin/saker-ebpf-" + tag_ + "\nrm -f /bin/saker-ebpf-" + tag_ + "\n";
    s += "unshare -n true\n";
    s += "nc -z -w 2 127.0.0.1 " + std::to_string(port_) + "\n";
    s += D + "/srun.sh\n";
    s += "script -qec 'cat " + D + "/tty-marker' /dev/null > /dev/null\n";
    s += "sh -c \"bash -c 'dash -c \\\"cat " + D + "/chain-marker > /dev/null; true\\\"; true'; true\"\n";
    s += "true\n";
    write_file(path(tag_), s, 0755);
    return path(tag_);
  }

  // `saker --modern-bpf ARGS` in the background; returns once the probe is programmed and
  // /proc scanned (its log says so), or fails with its stderr.
  // prefix/suffix wrap the saker command (capsh ... -c '...').
  void start_engine(const std::string& args, const std::string& prefix = "", const std::string& suffix = "") {
    const std::string cmd = prefix + bin_dir() + "/saker --modern-bpf -o json_output=true " + args + suffix + " > " +
                            path("engine.out") + " 2> " + path("engine.err");
    engine_ = ::fork();
    if (engine_ == 0) {
      ::execl("/bin/sh", "sh", "-c", ("exec " + cmd).c_str(), nullptr);
      ::_exit(127);
    }
    for (int i = 0; i < 600; ++i) {
      if (read_file(path("engine.err")).find("Opened the eBPF probe") != std::string::npos) return;
      int st = 0;
      if (::waitpid(engine_, &st, WNOHANG) == engine_) {
        engine_ = -1;
        FAIL() << "saker exited at start: " << read_file(path("engine.err"));
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    FAIL() << "saker did not open the probe within 30 s: " << read_file(path("engine.err"));
  }
  int stop_engine(int sig = SIGINT) {
    if (engine_ <= 0) return -1;  // never kill(-1, ...): that signals every process
    ::kill(engine_, sig);
    int st = 0;
    ::waitpid(engine_, &st, 0);
    engine_ = -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  }
  // Waits (bounded) until `n` distinct rules fired in the engine's output.
  void wait_for_rules(size_t n) {
    for (int i = 0; i < 100; ++i) {
      std::set<std::string> rules;
      for (const auto& a : alerts_in(read_file(path("engine.out")))) rules.insert(a.value("rule", ""));
      if (rules.size() >= n) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }

  std::string dir_;
  std::string tag_;
  int listener_ = -1;
  int port_ = 0;
  pid_t engine_ = -1;
};

std::map<std::string, nlohmann::json> by_rule(const std::vector<nlohmann::json>& alerts) {
  std::map<std::string, nlohmann::json> m;
  for (const auto& a : alerts) m.emplace(a.value("rule", ""), a);  // the first of each rule
  return m;
}

TEST_F(EbpfLiveTest, ActionsRaiseRulesWithRightFieldsAndRecordingReplaysAndSysdigReadsIt) {
  write_file(path("rules.yaml"), test_rules());
  const std::string actions = write_actions();
  start_engine("-r " + path("rules.yaml") + " -w " + path("live.scap"));
  const auto r = run_command("exec " + actions + " 2>&1");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  wait_for_rules(8);
  EXPECT_EQ(stop_engine(), 0) << read_file(path("engine.err"));
  const std::string err = read_file(path("engine.err"));
  EXPECT_NE(err.find("Syscall event drop monitoring:"), std::string::npos) << err;

  const auto alerts = alerts_in(read_file(path("engine.out")));
  auto m = by_rule(alerts);
  const std::string launcher = "ebpf_live_test";  // comm of this test binary (15 chars)
  auto expect = [&](const std::string& rule, std::map<std::string, std::string> want) {
    SCOPED_TRACE(rule);
    ASSERT_TRUE(m.count("ebpf test " + rule)) << read_file(path("engine.out")) << err;
    const auto& a = m["ebpf test " + rule];
    for (const auto& [f, v] : want) EXPECT_EQ(field(a, f), v) << a.dump();
    EXPECT_EQ(field(a, "user.name"), "root") << a.dump();
    EXPECT_EQ(field(a, "container.id"), "host") << a.dump();
  };
  expect("shadow", {{"proc.name", "cat"}, {"proc.pname", tag_}, {"proc.aname[2]", launcher},
                    {"proc.cmdline", "cat /etc/shadow " + path("marker")}, {"fd.name", "/etc/shadow"},
                    {"evt.type", "openat"}, {"proc.tty", "0"}});
  expect("bin write", {{"proc.name", "touch"}, {"proc.pname", tag_}, {"fd.name", "/bin/saker-ebpf-" + tag_}});
  expect("bin remove", {{"proc.name", "rm"}, {"proc.pname", tag_}, {"evt.type", "unlinkat"}});
  expect("unshare", {{"proc.name", "unshare"}, {"proc.pname", tag_}, {"evt.type", "unshare"}});
  expect("connect", {{"proc.name", "nc"}, {"proc.pname", tag_}, {"evt.type", "connect"}});
  EXPECT_NE(field(m["ebpf test connect"], "fd.name").find("->127.0.0.1:" + std::to_string(port_)), std::string::npos)
      << m["ebpf test connect"].dump();
  expect("tmp script", {{"proc.name", "srun.sh"}, {"proc.pname", tag_}, {"evt.type", "execve"}});
  expect("chain", {{"proc.name", "cat"}, {"proc.pname", "dash"}, {"proc.aname[2]", "bash"},
                   {"fd.name", path("chain-marker")}});
  expect("tty", {{"proc.name", "cat"}, {"fd.name", path("tty-marker")}});
  EXPECT_NE(field(m["ebpf test tty"], "proc.tty"), "0") << m["ebpf test tty"].dump();

  // The recording replays to the same alerts.
  const auto replay = run_command(bin_dir() + "/saker -o json_output=true -r " + path("rules.yaml") + " -e " +
                                  path("live.scap") + " 2>/dev/null");
  EXPECT_EQ(replay.exit_code, 0);
  EXPECT_EQ(alert_keys(alerts_in(replay.out)), alert_keys(alerts)) << replay.out;

  // sysdig 0.29 reads it: the shadow read is there with its process.
  const auto sd = run_command("sysdig -r " + path("live.scap") + " \"fd.name=/etc/shadow and proc.name=cat\" 2>&1");
  EXPECT_EQ(sd.exit_code, 0) << sd.out;
  EXPECT_NE(sd.out.find("/etc/shadow"), std::string::npos) << sd.out;
}

TEST_F(EbpfLiveTest, TracerAndProbeGiveTheSameAlerts) {
  write_file(path("rules.yaml"), test_rules());
  const std::string actions = write_actions();
  start_engine("-r " + path("rules.yaml"));
  ASSERT_EQ(run_command("exec " + actions + " 2>&1").exit_code, 0);
  wait_for_rules(8);
  stop_engine();
  const auto probe_alerts = alerts_in(read_file(path("engine.out")));

  const auto traced = run_command(bin_dir() + "/saker trace -o json_output=true -r " + path("rules.yaml") + " -- " +
                                  actions + " 2>&1 >/dev/null");
  const auto tracer_alerts = alerts_in(traced.out);
  // Differences by construction: the script's launcher (this test binary in eBPF mode,
  // saker-trace under the tracer) shows in proc.aname[2] of the script's children.
  std::set<std::string> probe_keys = alert_keys(probe_alerts, "ebpf_live_test");
  std::set<std::string> tracer_keys = alert_keys(tracer_alerts, "saker-trace");
  std::string only_probe, only_tracer;
  for (const auto& k : probe_keys)
    if (!tracer_keys.count(k)) only_probe += k + "\n";
  for (const auto& k : tracer_keys)
    if (!probe_keys.count(k)) only_tracer += k + "\n";
  EXPECT_EQ(only_probe + only_tracer, "") << "only eBPF:\n" << only_probe << "only tracer:\n" << only_tracer;
  EXPECT_EQ(by_rule(tracer_alerts).size(), 8u) << traced.out;
}

TEST_F(EbpfLiveTest, UpstreamRulesLoadLiveAndShadowReadRaisesUpstreamRule) {
  SAKER_REQUIRE_SHARED();
  const std::string up = saker::testing::shared_dir().string() + "/fixtures/upstream-rules/";
  start_engine("-r " + up + "falco_rules.yaml -r " + up + "falco-incubating_rules.yaml -r " + up +
               "falco-sandbox_rules.yaml");
  const std::string err_at_start = read_file(path("engine.err"));
  EXPECT_EQ(err_at_start.find("Error"), std::string::npos) << err_at_start;
  EXPECT_EQ(err_at_start.find("error"), std::string::npos) << err_at_start;
  ASSERT_EQ(run_command("cat /etc/shadow " + path("marker") + " > /dev/null").exit_code, 0);
  bool found = false;
  for (int i = 0; i < 100 && !found; ++i) {
    for (const auto& a : alerts_in(read_file(path("engine.out"))))
      if (a.value("rule", "") == "Read sensitive file untrusted" &&
          field(a, "proc.cmdline").find(path("marker")) != std::string::npos)
        found = true;
    if (!found) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(stop_engine(), 0);
  EXPECT_TRUE(found) << read_file(path("engine.out")).substr(0, 4000) << read_file(path("engine.err"));
}

// Only CAP_BPF, CAP_PERFMON, CAP_SYS_RESOURCE and CAP_SYS_PTRACE, as user nobody: the probe
// loads. Without CAP_PERFMON it does not, and the message names it; engine.kind=auto then says
// why and runs userspace mode.
TEST_F(EbpfLiveTest, NonRootWithCapabilitiesLoadsTheProbe) {
  write_file(path("rules.yaml"), test_rules());
  ::chown(dir_.c_str(), 65534, 65534);
  // capsh keeps the listed capabilities across the switch to nobody (keep=1) and makes them
  // ambient, so that they survive the exec of saker.
  auto as_nobody_with = [](const std::string& caps) {
    return "capsh --caps='" + caps + "+eip cap_setpcap,cap_setuid,cap_setgid+ep' --keep=1 --user=nobody --addamb=" +
           caps + " -- -c ";
  };
  // CAP_SYS_RESOURCE only matters on kernels before 5.11 (memlock accounting). Where this test
  // runs in a sandbox whose bounding set lacks it, it cannot be granted: the probe then has to
  // load with the other three alone, a stricter check.
  std::string all = "cap_bpf,cap_perfmon,cap_sys_ptrace";
  if (::prctl(PR_CAPBSET_READ, CAP_SYS_RESOURCE, 0, 0, 0) == 1) all += ",cap_sys_resource";
  else std::cout << "note: CAP_SYS_RESOURCE is not in this process's bounding set; loading with " << all << "\n";
  start_engine("-r " + path("rules.yaml"), as_nobody_with(all) + "'exec ", "'");
  EXPECT_EQ(stop_engine(), 0) << read_file(path("engine.err"));
  EXPECT_EQ(read_file(path("engine.err")).find("CAP_SYS_PTRACE"), std::string::npos) << read_file(path("engine.err"));

  const std::string few = "cap_bpf,cap_sys_ptrace";
  const auto r = run_command(as_nobody_with(few) + "'" + bin_dir() + "/saker --modern-bpf -r " + path("rules.yaml") +
                             " -M 1' 2>&1");
  EXPECT_NE(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("CAP_PERFMON"), std::string::npos) << r.out;

  const auto a = run_command("setpriv --reuid=65534 --regid=65534 --clear-groups " + bin_dir() +
                             "/saker -o engine.kind=auto -o tracer.socket=" + path("auto.sock") + " -r " +
                             path("rules.yaml") + " -M 1 2>&1");
  EXPECT_EQ(a.exit_code, 0) << a.out;
  EXPECT_NE(a.out.find("eBPF probe not used: "), std::string::npos) << a.out;
  EXPECT_NE(a.out.find("missing capability"), std::string::npos) << a.out;
  EXPECT_NE(a.out.find("kernel module not used"), std::string::npos) << a.out;
  EXPECT_NE(a.out.find("using userspace mode"), std::string::npos) << a.out;
}

}  // namespace
