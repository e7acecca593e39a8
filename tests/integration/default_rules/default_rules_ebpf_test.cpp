// The default ruleset (rules/saker_rules.yaml) re-proved with the eBPF probe: ONE
//   saker --modern-bpf -r rules/saker_rules.yaml -o json_output=true ...
// watches the whole host while this test runs each rule's real action (the same safe,
// self-cleaning actions as default_rules_live_test.cpp, with progs/drules_action). The probe sees
// every process on the machine (other tests run meanwhile), so each action's alerts are the ones
// whose proc.pid or one of its first ancestors is the action's pid (appended to every output with
// -p), and container actions are matched on their container.id. Each action must raise exactly
// its intended rule, with the expected fields. The privileged / sensitive-mount container rule
// runs real podman containers, the engine reading their metadata from a private
// `podman system service` socket.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "drules_support.h"
#include "tests/support/run_command.h"

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using drules::Listener;
using drules::slurp;
using drules::TempDir;
using saker::testing::run_command;
using saker::testing::shell_quote;
using saker::testing::split_lines;

const std::string kSaker = std::string(SAKER_BIN_DIR) + "/saker";
const std::string kRules = std::string(SAKER_RULES_DIR) + "/saker_rules.yaml";
const std::string kSupport = std::string(SAKER_RULES_DIR) + "/../tests/support";
// Appended to every rule's output: the process and its first ancestors, to attribute alerts.
const std::string kAttribution = "spid=%proc.pid sppid=%proc.ppid sapid2=%proc.apid[2] sapid3=%proc.apid[3]";

std::string text_of(const nlohmann::json& fields, const std::string& name) {
  auto it = fields.find(name);
  if (it == fields.end()) return "<missing>";
  return it->is_string() ? it->get<std::string>() : it->dump();
}

// One rule's real action: argv run by the test in its own session (stdin /dev/null); `during`
// runs while it does (e.g. the client of an inbound connection).
struct Action {
  std::string rule;
  std::vector<std::string> argv;
  std::vector<std::pair<std::string, std::string>> fields;  // field -> expected substring
  std::function<void()> during;
  pid_t pid = -1;
  int status = -1;
};

pid_t spawn_argv(const std::vector<std::string>& argv, const fs::path& log) {
  pid_t pid = ::fork();
  if (pid == 0) {
    ::setsid();
    int in = ::open("/dev/null", O_RDONLY);
    int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(out, 2);
    std::vector<char*> c;
    for (const auto& a : argv) c.push_back(const_cast<char*>(a.c_str()));
    c.push_back(nullptr);
    ::execv(c[0], c.data());
    ::_exit(127);
  }
  return pid;
}

// Waits for `pid` (a child of ours) at most `limit`, then SIGKILLs it; its exit status.
int wait_bounded(pid_t pid, std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  int st = 0;
  while (::waitpid(pid, &st, WNOHANG) != pid) {
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);  // our own child only
      ::waitpid(pid, &st, 0);
      break;
    }
    std::this_thread::sleep_for(10ms);
  }
  return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

std::vector<nlohmann::json> alerts_in(const std::string& text) {
  std::vector<nlohmann::json> out;
  for (const auto& line : split_lines(text)) {
    if (line.empty() || line[0] != '{') continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_discarded() && j.contains("rule") && j.contains("output_fields")) out.push_back(std::move(j));
  }
  return out;
}

// podman with this machine's settings (tests/support/containers.conf).
saker::testing::CommandResult podman(const std::string& args) {
  return run_command("CONTAINERS_CONF=" + shell_quote(kSupport + "/containers.conf") + " podman " + args + " 2>&1");
}

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

class DefaultRulesEbpf : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(::geteuid(), 0u) << "eBPF mode and the root-only actions need root (CI runs them as root)";
    ::setenv("CONTAINERS_CONF", (kSupport + "/containers.conf").c_str(), 1);
    auto img = run_command(shell_quote(kSupport + "/mini_image.sh") + " 2>&1");
    ASSERT_EQ(img.exit_code, 0) << "tests/support/mini_image.sh failed (podman + runc needed): " << img.out;
    image_ = trim(img.out);
    // The runtime API the engine asks for container metadata: a private podman service.
    const std::string sock = path("podman.sock");
    service_ = spawn_argv({"/usr/bin/podman", "system", "service", "--time=0", "unix://" + sock}, path("service.log"));
    for (int i = 0; i < 300 && !fs::exists(sock); ++i) std::this_thread::sleep_for(50ms);
    ASSERT_TRUE(fs::exists(sock)) << "podman system service did not listen: " << slurp(path("service.log"));
    start_engine(sock);
  }
  void TearDown() override {
    for (const auto& name : containers_) (void)podman("rm -f -t 0 " + name);
    if (engine_ > 0) stop(engine_, SIGKILL);
    if (service_ > 0) stop(service_, SIGTERM);
  }

  std::string path(const std::string& name) const { return (logs_.path() / name).string(); }

  void start_engine(const std::string& sock) {
    engine_ = ::fork();
    if (engine_ == 0) {
      ::setsid();
      const std::string out = path("engine.out"), err = path("engine.err");
      int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      ::dup2(o, 1);
      ::dup2(e, 2);
      ::execl(kSaker.c_str(), "saker", "--modern-bpf", "-r", kRules.c_str(), "-p", kAttribution.c_str(), "-o",
              "json_output=true", "-o", "json_include_output_fields_property=true", "-o",
              ("container_engines.docker.socket=" + sock).c_str(), "-o",
              ("container_engines.podman.socket=" + sock).c_str(), nullptr);
      ::_exit(127);
    }
    for (int i = 0; i < 600; ++i) {  // 30 s
      if (slurp(path("engine.err")).find("Opened the eBPF probe") != std::string::npos) return;
      int st = 0;
      if (::waitpid(engine_, &st, WNOHANG) == engine_) {
        engine_ = -1;
        FAIL() << "saker --modern-bpf exited at start: " << slurp(path("engine.err"));
      }
      std::this_thread::sleep_for(50ms);
    }
    FAIL() << "saker --modern-bpf did not open the probe within 30 s: " << slurp(path("engine.err"));
  }
  // SIGINT (or `sig`) to a child of ours, bounded: 10 s, then SIGKILL. Its exit status.
  static int stop(pid_t& pid, int sig) {
    if (pid <= 0) return -1;  // never kill(-1, ...)
    ::kill(pid, sig);
    const int st = wait_bounded(pid, 10s);
    pid = -1;
    return st;
  }

  // `podman run` of the mini image; returns the container's full id (from --cidfile).
  std::string run_container(const std::string& name, const std::vector<std::string>& flags,
                            const std::vector<std::string>& args, bool detach) {
    const std::string cidfile = path(name + ".cid");
    std::vector<std::string> argv = {"/usr/bin/podman", "run", "--name", name, "--cidfile", cidfile};
    argv.push_back(detach ? "-d" : "--rm");
    argv.insert(argv.end(), flags.begin(), flags.end());
    argv.push_back(image_);
    argv.insert(argv.end(), args.begin(), args.end());
    containers_.push_back(name);
    const int st = wait_bounded(spawn_argv(argv, path(name + ".log")), 60s);
    EXPECT_EQ(st, 0) << slurp(path(name + ".log"));
    return trim(slurp(cidfile));
  }

  // Waits (bounded) until the engine's output holds `n` alerts of `rule`.
  void wait_for(const std::string& rule, size_t n) {
    for (int i = 0; i < 200; ++i) {
      size_t seen = 0;
      for (const auto& a : alerts_in(slurp(path("engine.out")))) seen += a.value("rule", "") == rule;
      if (seen >= n) return;
      std::this_thread::sleep_for(50ms);
    }
  }

  TempDir logs_;
  std::string image_;
  pid_t service_ = -1, engine_ = -1;
  std::vector<std::string> containers_;
};

// The alerts raised by process `pid` or its descendants (up to great-grandchildren).
std::vector<nlohmann::json> alerts_of(const std::vector<nlohmann::json>& all, pid_t pid) {
  std::vector<nlohmann::json> out;
  const std::string p = std::to_string(pid);
  for (const auto& a : all) {
    const auto& f = a["output_fields"];
    for (const char* k : {"proc.pid", "proc.ppid", "proc.apid[2]", "proc.apid[3]"})
      if (text_of(f, k) == p) {
        out.push_back(a);
        break;
      }
  }
  return out;
}
std::vector<nlohmann::json> alerts_in_container(const std::vector<nlohmann::json>& all, const std::string& full_id) {
  std::vector<nlohmann::json> out;
  for (const auto& a : all)
    if (full_id.size() >= 12 && text_of(a["output_fields"], "container.id") == full_id.substr(0, 12)) out.push_back(a);
  return out;
}
std::set<std::string> rules_of(const std::vector<nlohmann::json>& alerts) {
  std::set<std::string> s;
  for (const auto& a : alerts) s.insert(a.value("rule", ""));
  return s;
}
std::string dump(const std::vector<nlohmann::json>& alerts) {
  std::string s;
  for (const auto& a : alerts) s += a.dump() + "\n";
  return s.substr(0, 8000);
}

// Exactly `rule` among `mine`, and its first alert carries `fields` (each containing its text)
// plus the fields every default rule prints.
void expect_only(const std::vector<nlohmann::json>& mine, const std::string& rule,
                 const std::vector<std::pair<std::string, std::string>>& fields) {
  EXPECT_EQ(rules_of(mine), std::set<std::string>{rule}) << dump(mine);
  for (const auto& a : mine) {
    if (a.value("rule", "") != rule) continue;
    const auto& f = a["output_fields"];
    for (const auto& [k, v] : fields) {
      const std::string s = text_of(f, k);
      EXPECT_NE(s.find(v), std::string::npos) << k << "=" << s << " (expected to contain " << v << ")\n" << a.dump();
    }
    for (const char* k : {"user.name", "proc.name", "proc.cmdline", "proc.pname", "proc.aname[2]", "container.id"})
      EXPECT_TRUE(f.contains(k)) << "alert lacks " << k << "\n" << a.dump();
    break;
  }
}

TEST_F(DefaultRulesEbpf, EveryRuleFiresOnItsActionUnderTheProbe) {
  if (HasFatalFailure()) return;
  const std::string kAction = drules::action_binary();
  const std::string tag = drules::unique("e");
  TempDir t;  // below /tmp: symlinks that give programs a telling name, the dropped binary
  std::vector<std::string> to_remove;
  auto below = [&](const std::string& dir, const std::string& stem) {
    const std::string f = dir + "/" + stem + tag;
    to_remove.push_back(f);
    return f;
  };
  const std::string bin_w = below("/usr/local/bin", ".saker-drules-w"), etc_w = below("/etc", ".saker-drules-w"),
                    root_w = below("/root", ".saker-drules-w"), dev_w = below("/dev", ".saker-drules-w"),
                    bin_rm = below("/usr/local/bin", ".saker-drules-r"),
                    log_f = below("/var/log", "saker-drules-l") + ".log";
  to_remove.push_back(log_f);
  std::ofstream(bin_rm) << "x\n";
  std::ofstream(log_f) << "old line\n";
  for (const char* n : {"sshd", "ls"}) fs::create_symlink(kAction, t.path() / n);
  fs::create_symlink("/bin/sh", t.path() / "nginx");
  fs::create_symlink("/bin/true", t.path() / "nc");
  fs::create_symlink("/bin/true", t.path() / "useradd");
  fs::copy_file("/bin/true", t.path() / "dropped");
  const fs::path history = t.path() / ".bash_history", backdoor = t.path() / "backdoor", portfile = t.path() / "port";
  std::ofstream(history) << "ls\n";
  std::ofstream(backdoor) << "#!/bin/sh\n";
  Listener known(drules::kKnownPorts), known2(drules::kKnownPorts), mining(drules::kMiningPorts);
  auto unusual = std::make_unique<Listener>();
  for (int i = 0; i < 5 && drules::kKnownOrMiningPorts.contains(unusual->port); ++i)
    unusual = std::make_unique<Listener>();
  ASSERT_GE(known.fd, 0);
  ASSERT_GE(known2.fd, 0);
  ASSERT_GE(mining.fd, 0);
  ASSERT_GE(unusual->fd, 0);
  const auto sh = [](const std::string& script) { return std::vector<std::string>{"/bin/sh", "-c", script}; };
  const auto port = [](const Listener& l) { return std::to_string(l.port); };

  std::vector<Action> actions = {
      {"Write Below Binary Dir", sh("echo x > " + bin_w), {{"fd.name", bin_w}, {"proc.name", "sh"}}, nullptr},
      {"Write Below Etc", sh("echo x > " + etc_w), {{"fd.name", etc_w}}, nullptr},
      {"Write Below Root", sh("echo x > " + root_w), {{"fd.name", root_w}}, nullptr},
      {"Create Non-Device File Below Dev", sh("echo x > " + dev_w), {{"fd.name", dev_w}}, nullptr},
      {"Read Sensitive File By Untrusted Program", sh("cat /etc/shadow > /dev/null"),
       {{"fd.name", "/etc/shadow"}, {"proc.name", "cat"}}, nullptr},
      {"Read Sensitive File By Server After Startup",
       {(t.path() / "sshd").string(), "sleep-read", "5500", "/etc/shadow"},
       {{"fd.name", "/etc/shadow"}, {"proc.name", "sshd"}}, nullptr},
      {"Shell With Terminal", {"/usr/bin/env", "SHELL=/bin/sh", "script", "-qec", "exit 0", "/dev/null"},
       {{"proc.name", "sh"}, {"proc.pname", "script"}}, nullptr},
      {"Shell Or Unexpected Child Of Server", {(t.path() / "nginx").string(), "-c", "sh -c 'exit 0'; exit 0"},
       {{"proc.name", "sh"}, {"proc.pname", "nginx"}}, nullptr},
      {"System Binary Network Activity", {(t.path() / "ls").string(), "connect", "127.0.0.1", port(known)},
       {{"proc.name", "ls"}, {"fd.rport", port(known)}}, nullptr},
      {"Outbound Connection To Unusual Port", {kAction, "connect", "127.0.0.1", port(*unusual)},
       {{"fd.rport", port(*unusual)}, {"fd.rip", "127.0.0.1"}}, nullptr},
      {"Outbound Connection To Mining Pool Port", {kAction, "connect", "127.0.0.1", port(mining)},
       {{"fd.rport", port(mining)}}, nullptr},
      {"Inbound Connection On Unexpected Port", {kAction, "accept-once", portfile.string()},
       {{"proc.name", "drules_action"}},
       [&] {
         for (int i = 0; i < 500 && !fs::exists(portfile); ++i) std::this_thread::sleep_for(20ms);
         const int p = std::atoi(slurp(portfile).c_str());
         if (p <= 0) return;
         int s = ::socket(AF_INET, SOCK_STREAM, 0);  // the client is the test, not the action
         sockaddr_in a{};
         a.sin_family = AF_INET;
         a.sin_port = htons(static_cast<uint16_t>(p));
         a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
         ::connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a);
         std::this_thread::sleep_for(200ms);
         ::close(s);
       }},
      {"Namespace Change By Unexpected Program", {kAction, "unshare"}, {{"evt.type", "unshare"}}, nullptr},
      {"Ptrace Attach To Process", {kAction, "ptrace-attach"}, {{"evt.arg.request", "PTRACE_ATTACH"}}, nullptr},
      {"Ptrace Self Trace Attempt", {kAction, "traceme"}, {{"evt.arg.request", "PTRACE_TRACEME"}}, nullptr},
      {"Io_uring Setup By Unexpected Program", {kAction, "io-uring"}, {{"proc.name", "drules_action"}}, nullptr},
      {"Fileless Execution Via Memfd", {kAction, "memfd-exec"}, {{"proc.exepath", "memfd:"}}, nullptr},
      {"Execution From Temporary Directory", {(t.path() / "dropped").string()},
       {{"proc.exepath", (t.path() / "dropped").string()}}, nullptr},
      {"Log File Truncated Or Deleted", sh(": > " + log_f), {{"fd.name", log_f}}, nullptr},
      {"Shell History Deleted Or Truncated", {"/bin/rm", "-f", history.string()},
       {{"fs.path.name", history.string()}, {"proc.name", "rm"}}, nullptr},
      {"Set Setuid Or Setgid Bit", {"/bin/chmod", "u+s", backdoor.string()},
       {{"evt.arg.mode", "S_ISUID"}, {"proc.name", "chmod"}}, nullptr},
      {"Search For Private Keys Or Passwords", sh("grep -r 'BEGIN OPENSSH PRIVATE KEY' " + t.path().string() + "; exit 0"),
       {{"proc.name", "grep"}}, nullptr},
      {"Reverse Shell", {kAction, "revshell", port(known2)}, {{"proc.name", "sh"}}, nullptr},
      {"Netcat Remote Code Execution", {(t.path() / "nc").string(), "-e", "/bin/sh", "127.0.0.1", "9"},
       {{"proc.name", "nc"}, {"proc.cmdline", "-e /bin/sh"}}, nullptr},
      {"Kernel Module Load", {kAction, "finit-module"}, {{"evt.type", "finit_module"}}, nullptr},
      {"BPF Program Load By Unexpected Program", {kAction, "bpf"}, {{"evt.arg.cmd", "BPF_PROG_LOAD"}}, nullptr},
      {"User Management Program", {(t.path() / "useradd").string(), "--help"}, {{"proc.name", "useradd"}}, nullptr},
      {"Remove Or Rename Below Binary Dir", {"/bin/rm", "-f", bin_rm}, {{"fs.path.name", bin_rm}}, nullptr},
  };
  // All host actions at once (each alert is attributed by pid), then their helpers, bounded.
  for (auto& a : actions) a.pid = spawn_argv(a.argv, path("actions.log"));
  for (auto& a : actions)
    if (a.during) a.during();
  for (auto& a : actions) a.status = wait_bounded(a.pid, 20s);

  // Containers: a shell, a package manager (busybox named apk, run by find -exec without a
  // shell), and three that wait for a go file and then exec at pid 1 (when the engine already
  // has their metadata): privileged, /etc mounted read-only, and a plain one (no alert).
  const std::string shell_id = run_container("saker-de-sh-" + tag, {}, {"sh", "-c", "sh -c 'echo in-container'"}, false);
  const std::string apk_id = run_container(
      "saker-de-apk-" + tag, {},
      {"/bin/find", "/bin/busybox", "-exec", "ln", "-s", "{}", "/root/apk", ";", "-exec", "/root/apk", "add", "curl", ";"},
      false);
  const std::vector<std::string> wait_then_exec = {
      "sh", "-c", "while [ ! -e /tmp/go ]; do sleep 0.1; done; exec /bin/true"};
  const std::string priv_id = run_container("saker-de-priv-" + tag, {"--privileged"}, wait_then_exec, true);
  const std::string mnt_id = run_container("saker-de-mnt-" + tag, {"-v", "/etc:/host-etc:ro"}, wait_then_exec, true);
  const std::string plain_id = run_container("saker-de-plain-" + tag, {}, wait_then_exec, true);
  std::this_thread::sleep_for(1s);  // the engine's lookups of the three (podman answers in ms)
  for (const char* k : {"priv", "mnt", "plain"}) {
    const std::string name = std::string("saker-de-") + k + "-" + tag;
    (void)podman("exec " + name + " touch /tmp/go");
    (void)podman("wait " + name);
  }
  wait_for("Privileged Or Sensitive Mount Container Started", 2);
  wait_for("Remove Or Rename Below Binary Dir", 1);
  const int engine_status = stop(engine_, SIGINT);
  std::error_code ec;
  for (const auto& f : to_remove) fs::remove(f, ec);

  EXPECT_EQ(engine_status, 0) << slurp(path("engine.err"));
  const auto all = alerts_in(slurp(path("engine.out")));
  ASSERT_FALSE(all.empty()) << slurp(path("engine.err"));
  for (const auto& a : actions) {
    SCOPED_TRACE(a.rule);
    EXPECT_NE(a.status, 127) << "action did not start: " << slurp(path("actions.log"));
    const auto mine = alerts_of(all, a.pid);
    expect_only(mine, a.rule, a.fields);
    for (const auto& m : mine) EXPECT_EQ(text_of(m["output_fields"], "container.id"), "host") << m.dump();
  }

  const auto in_container = [&](const std::string& id) {
    EXPECT_EQ(id.size(), 64u) << "no container id";
    return alerts_in_container(all, id);
  };
  expect_only(in_container(shell_id), "Shell Spawned In Container", {{"proc.name", "sh"}});
  expect_only(in_container(apk_id), "Package Management In Container", {{"proc.name", "apk"}});

  // The waiting containers run a shell at pid 1 first (Shell Spawned In Container may fire);
  // the privileged/sensitive-mount rule fires on the later exec, with the runtime's metadata.
  const std::string rule = "Privileged Or Sensitive Mount Container Started";
  for (const auto& [id, privileged] : {std::pair{priv_id, true}, std::pair{mnt_id, false}}) {
    SCOPED_TRACE(id);
    const auto mine = in_container(id);
    std::set<std::string> unexpected = rules_of(mine);
    unexpected.erase(rule);
    unexpected.erase("Shell Spawned In Container");
    EXPECT_TRUE(unexpected.empty()) << dump(mine);
    std::vector<nlohmann::json> fired;
    for (const auto& m : mine)
      if (m.value("rule", "") == rule) fired.push_back(m);
    ASSERT_FALSE(fired.empty()) << dump(mine) << slurp(path("engine.err"));
    const auto& f = fired.back()["output_fields"];
    EXPECT_EQ(text_of(f, "container.id"), id.substr(0, 12));
    EXPECT_EQ(text_of(f, "container.image.repository"), "localhost/saker-mini") << fired.back().dump();
    EXPECT_EQ(text_of(f, "container.image.tag"), "1") << fired.back().dump();
    EXPECT_EQ(text_of(f, "proc.name"), "true") << fired.back().dump();
    EXPECT_EQ(text_of(f, "container.privileged"), privileged ? "true" : "false") << fired.back().dump();
    const std::string mounts = text_of(f, "container.mounts");
    if (privileged) {
      EXPECT_EQ(mounts.find("/host-etc"), std::string::npos) << mounts;
    } else {
      EXPECT_NE(mounts.find("/etc:/host-etc:"), std::string::npos) << mounts;
      EXPECT_NE(mounts.find(":false:"), std::string::npos) << mounts;  // read-only
    }
  }
  const auto plain = in_container(plain_id);
  EXPECT_EQ(rules_of(plain).count(rule), 0u) << dump(plain);
}

}  // namespace
