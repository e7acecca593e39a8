// Live tests of the default ruleset: each runs one real, safe, self-cleaning action under
//   saker trace -r rules/saker_rules.yaml -o json_output=true -- <action>
// and checks that exactly the intended rule fired, with the expected fields. Container rules run
// real podman containers traced from the host (the privileged/sensitive-mount one: see
// default_rules_ebpf_test.cpp). A benign workload must raise nothing at Warning or above. When
// `saker trace` is not available these tests FAIL (never pass).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "drules_support.h"

namespace fs = std::filesystem;

namespace {

using drules::action_binary;
using drules::kKnownOrMiningPorts;
using drules::Listener;
using drules::slurp;
using drules::TempDir;
using drules::unique;

const std::string kSaker = std::string(SAKER_BIN_DIR) + "/saker";
const std::string kRules = std::string(SAKER_RULES_DIR) + "/saker_rules.yaml";
const std::string kAction = action_binary();

struct Alert {
  std::string rule, priority, output;
  nlohmann::json fields;
};

struct Run {
  int status = -1;
  std::string out, err;
  std::vector<Alert> alerts;
  std::set<std::string> rules() const {
    std::set<std::string> s;
    for (const auto& a : alerts) s.insert(a.rule);
    return s;
  }
  std::string describe() const {
    return "exit status " + std::to_string(status) + "\n--- saker stdout:\n" + out.substr(0, 6000) +
           "\n--- saker stderr:\n" + err.substr(0, 6000);
  }
};

void parse_alerts(const std::string& text, std::vector<Alert>* out) {
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    const size_t b = line.find('{');
    if (b == std::string::npos || line.find("\"rule\"") == std::string::npos) continue;
    auto j = nlohmann::json::parse(line.substr(b), nullptr, false);
    if (j.is_discarded() || !j.contains("rule")) continue;
    Alert a;
    a.rule = j.value("rule", "");
    a.priority = j.value("priority", "");
    a.output = j.value("output", "");
    if (j.contains("output_fields")) a.fields = j["output_fields"];
    out->push_back(std::move(a));
  }
}

// Runs `saker trace` on argv in its own session (no controlling terminal, so a developer's tty
// does not leak into proc.tty), stdin from /dev/null, with a bound; `during` runs meanwhile.
Run run_traced(const std::vector<std::string>& argv, const std::function<void()>& during = nullptr,
               int timeout_s = 90) {
  TempDir logs;
  const fs::path out = logs.path() / "out", err = logs.path() / "err";
  std::vector<std::string> args = {kSaker, "trace", "-r", kRules, "-o", "json_output=true",
                                   "-o", "json_include_output_fields_property=true", "--"};
  args.insert(args.end(), argv.begin(), argv.end());
  pid_t pid = fork();
  if (pid == 0) {
    setsid();
    int in = open("/dev/null", O_RDONLY);
    int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(in, 0);
    dup2(o, 1);
    dup2(e, 2);
    std::vector<char*> cargs;
    for (auto& a : args) cargs.push_back(a.data());
    cargs.push_back(nullptr);
    execv(cargs[0], cargs.data());
    _exit(127);
  }
  Run r;
  if (during) during();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_s);
  int st = 0;
  for (;;) {
    pid_t w = waitpid(pid, &st, WNOHANG);
    if (w == pid) break;
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &st, 0);
      r.err += "[test] saker trace killed after timeout\n";
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  r.out = slurp(out);
  r.err += slurp(err);
  parse_alerts(r.out, &r.alerts);
  parse_alerts(r.err, &r.alerts);
  return r;
}

Run run_sh(const std::string& script, const std::function<void()>& during = nullptr) {
  return run_traced({"/bin/sh", "-c", script}, during);
}

void require_trace_available(const Run& r) {
  if (r.alerts.empty() && (r.err.find("not available") != std::string::npos ||
                           r.err.find("not built") != std::string::npos || r.status == 127)) {
    FAIL() << "`saker trace` is not available in this build yet; the default-rules live tests "
              "cannot run (this is a failure, not a pass).\n"
           << r.describe();
  }
}

// Exactly `rule` fired (at least once, and nothing else), and each expected output field
// contains its expected text.
void expect_only(const Run& r, const std::string& rule,
                 const std::vector<std::pair<std::string, std::string>>& fields = {}) {
  require_trace_available(r);
  if (::testing::Test::HasFatalFailure()) return;
  EXPECT_EQ(r.rules(), std::set<std::string>{rule}) << r.describe();
  for (const auto& a : r.alerts) {
    if (a.rule != rule) continue;
    for (const auto& [k, v] : fields) {
      ASSERT_TRUE(a.fields.contains(k)) << "alert lacks field " << k << "\n" << a.output;
      const auto& val = a.fields[k];
      const std::string s = val.is_string() ? val.get<std::string>() : val.dump();
      EXPECT_NE(s.find(v), std::string::npos) << k << "=" << s << " (expected to contain " << v << ")";
    }
    for (const char* k : {"user.name", "proc.name", "proc.cmdline", "proc.pname", "proc.aname[2]", "container.id"})
      EXPECT_TRUE(a.fields.contains(k)) << "alert lacks " << k;
    break;
  }
}

bool is_root() { return geteuid() == 0; }
#define REQUIRE_ROOT()                                                                   \
  if (!is_root()) GTEST_SKIP() << "needs root: the action writes below a system directory"

// ------------------------------------------------------------------------------------------------

TEST(DefaultRulesLive, WriteBelowBinaryDir) {
  REQUIRE_ROOT();
  const std::string f = "/usr/local/bin/.saker-drules-" + unique("w");
  auto r = run_sh("echo x > " + f);
  fs::remove(f);
  expect_only(r, "Write Below Binary Dir", {{"fd.name", f}, {"proc.name", "sh"}});
}

TEST(DefaultRulesLive, WriteBelowEtc) {
  REQUIRE_ROOT();
  const std::string f = "/etc/.saker-drules-" + unique("w");
  auto r = run_sh("echo x > " + f);
  fs::remove(f);
  expect_only(r, "Write Below Etc", {{"fd.name", f}});
}

TEST(DefaultRulesLive, WriteBelowRoot) {
  REQUIRE_ROOT();
  const std::string f = "/root/.saker-drules-" + unique("w");
  auto r = run_sh("echo x > " + f);
  fs::remove(f);
  expect_only(r, "Write Below Root", {{"fd.name", f}});
}

TEST(DefaultRulesLive, CreateNonDeviceFileBelowDev) {
  REQUIRE_ROOT();
  const std::string f = "/dev/.saker-drules-" + unique("w");
  auto r = run_sh("echo x > " + f);
  fs::remove(f);
  expect_only(r, "Create Non-Device File Below Dev", {{"fd.name", f}});
}

TEST(DefaultRulesLive, ReadSensitiveFileByUntrustedProgram) {
  REQUIRE_ROOT();
  auto r = run_sh("cat /etc/shadow > /dev/null");
  expect_only(r, "Read Sensitive File By Untrusted Program", {{"fd.name", "/etc/shadow"}, {"proc.name", "cat"}});
}

TEST(DefaultRulesLive, ReadSensitiveFileByServerAfterStartup) {
  REQUIRE_ROOT();
  TempDir t;
  fs::create_symlink(kAction, t.path() / "sshd");  // comm "sshd": a trusted server name
  auto r = run_traced({(t.path() / "sshd").string(), "sleep-read", "5500", "/etc/shadow"});
  expect_only(r, "Read Sensitive File By Server After Startup", {{"fd.name", "/etc/shadow"}, {"proc.name", "sshd"}});
}

// A real podman container (runc, the busybox image of tests/support/mini_image.sh) started under
// `saker trace`: the whole tree (podman, conmon, runc, the container's processes) is traced from
// the host. Returns the argv for `podman run --rm IMAGE ARGS...`, or fails the test.
std::vector<std::string> podman_run(const std::vector<std::string>& args) {
  const std::string support = std::string(SAKER_RULES_DIR) + "/../tests/support";
  ::setenv("CONTAINERS_CONF", (support + "/containers.conf").c_str(), 1);
  const int rc = std::system((support + "/mini_image.sh > /dev/null 2>&1").c_str());
  EXPECT_EQ(rc, 0) << "tests/support/mini_image.sh failed (podman + runc needed, see ../shared/containers.md)";
  std::vector<std::string> argv = {"/usr/bin/podman", "run", "--rm", "localhost/saker-mini:1"};
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

// The alert's container.id is a real container's (not "host").
void expect_in_container(const Run& r, const std::string& rule) {
  for (const auto& a : r.alerts) {
    if (a.rule != rule) continue;
    ASSERT_TRUE(a.fields.contains("container.id")) << a.output;
    const auto& id = a.fields["container.id"];
    ASSERT_TRUE(id.is_string()) << a.output;
    EXPECT_NE(id.get<std::string>(), "host") << a.output;
    EXPECT_EQ(id.get<std::string>().size(), 12u) << a.output;
  }
}

TEST(DefaultRulesLive, ShellSpawnedInContainer) {
  REQUIRE_ROOT();
  auto argv = podman_run({"sh", "-c", "sh -c 'echo in-container'"});
  if (HasFailure()) return;
  auto r = run_traced(argv, nullptr, 180);
  EXPECT_EQ(r.status, 0) << r.describe();
  EXPECT_NE(r.out.find("in-container"), std::string::npos) << r.describe();
  expect_only(r, "Shell Spawned In Container", {{"proc.name", "sh"}});
  expect_in_container(r, "Shell Spawned In Container");
}

TEST(DefaultRulesLive, ShellWithTerminal) {
  // script(1) allocates a pty and runs $SHELL -c with it as the controlling terminal.
  auto r = run_traced({"/usr/bin/env", "SHELL=/bin/sh", "script", "-qec", "exit 0", "/dev/null"});
  expect_only(r, "Shell With Terminal", {{"proc.name", "sh"}, {"proc.pname", "script"}});
}

TEST(DefaultRulesLive, ShellOrUnexpectedChildOfServer) {
  TempDir t;
  fs::create_symlink("/bin/sh", t.path() / "nginx");  // a "web server" that runs a shell
  auto r = run_traced({(t.path() / "nginx").string(), "-c", "sh -c 'exit 0'; exit 0"});
  expect_only(r, "Shell Or Unexpected Child Of Server", {{"proc.name", "sh"}, {"proc.pname", "nginx"}});
}

TEST(DefaultRulesLive, SystemBinaryNetworkActivity) {
  TempDir t;
  fs::create_symlink(kAction, t.path() / "ls");  // comm "ls"
  // A known port (so only this rule fires, not the unusual-port one), listening on loopback: a
  // successful connect names both ends (a refused one leaves the socket unnamed, as in Falco).
  Listener l({8000, 8080, 8443, 9200, 11211});
  ASSERT_GE(l.fd, 0) << "no known port free on loopback";
  auto r = run_traced({(t.path() / "ls").string(), "connect", "127.0.0.1", std::to_string(l.port)});
  expect_only(r, "System Binary Network Activity", {{"proc.name", "ls"}, {"fd.rport", std::to_string(l.port)}});
}

TEST(DefaultRulesLive, OutboundConnectionToUnusualPort) {
  auto l = std::make_unique<Listener>();
  for (int i = 0; i < 5 && kKnownOrMiningPorts.contains(l->port); ++i) l = std::make_unique<Listener>();
  ASSERT_GE(l->fd, 0);
  auto r = run_traced({kAction, "connect", "127.0.0.1", std::to_string(l->port)});
  expect_only(r, "Outbound Connection To Unusual Port", {{"fd.rport", std::to_string(l->port)}, {"fd.rip", "127.0.0.1"}});
}

TEST(DefaultRulesLive, OutboundConnectionToMiningPoolPort) {
  Listener l({3333, 5555, 7777, 14444, 14433, 45560, 45700, 9999});
  ASSERT_GE(l.fd, 0) << "no mining-pool port free on loopback";
  auto r = run_traced({kAction, "connect", "127.0.0.1", std::to_string(l.port)});
  expect_only(r, "Outbound Connection To Mining Pool Port", {{"fd.rport", std::to_string(l.port)}});
}

TEST(DefaultRulesLive, InboundConnectionOnUnexpectedPort) {
  TempDir t;
  const fs::path portfile = t.path() / "port";
  auto r = run_traced({kAction, "accept-once", portfile.string()}, [&] {
    for (int i = 0; i < 500 && !fs::exists(portfile); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const int port = std::atoi(slurp(portfile).c_str());
    if (port <= 0) return;
    int s = socket(AF_INET, SOCK_STREAM, 0);  // the client is the test: outside the traced tree
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    close(s);
  });
  expect_only(r, "Inbound Connection On Unexpected Port", {{"proc.name", "drules_action"}});
}

TEST(DefaultRulesLive, NamespaceChangeByUnexpectedProgram) {
  auto r = run_traced({kAction, "unshare"});
  expect_only(r, "Namespace Change By Unexpected Program", {{"evt.type", "unshare"}});
}

TEST(DefaultRulesLive, PtraceAttachToProcess) {
  auto r = run_traced({kAction, "ptrace-attach"});
  expect_only(r, "Ptrace Attach To Process", {{"evt.arg.request", "PTRACE_ATTACH"}});
}

TEST(DefaultRulesLive, PtraceSelfTraceAttempt) {
  auto r = run_traced({kAction, "traceme"});
  expect_only(r, "Ptrace Self Trace Attempt", {{"evt.arg.request", "PTRACE_TRACEME"}});
}

TEST(DefaultRulesLive, IoUringSetupByUnexpectedProgram) {
  auto r = run_traced({kAction, "io-uring"});
  expect_only(r, "Io_uring Setup By Unexpected Program", {{"proc.name", "drules_action"}});
}

TEST(DefaultRulesLive, FilelessExecutionViaMemfd) {
  auto r = run_traced({kAction, "memfd-exec"});
  expect_only(r, "Fileless Execution Via Memfd", {{"proc.exepath", "memfd:"}});
}

TEST(DefaultRulesLive, ExecutionFromTemporaryDirectory) {
  TempDir t;  // below /tmp
  fs::copy_file("/bin/true", t.path() / "dropped");
  auto r = run_traced({(t.path() / "dropped").string()});
  expect_only(r, "Execution From Temporary Directory", {{"proc.exepath", (t.path() / "dropped").string()}});
}

TEST(DefaultRulesLive, LogFileTruncatedOrDeleted) {
  REQUIRE_ROOT();
  const std::string f = "/var/log/saker-drules-" + unique("l") + ".log";
  std::ofstream(f) << "old line\n";
  auto r = run_sh(": > " + f);
  fs::remove(f);
  expect_only(r, "Log File Truncated Or Deleted", {{"fd.name", f}});
}

TEST(DefaultRulesLive, ShellHistoryDeletedOrTruncated) {
  TempDir t;
  const fs::path h = t.path() / ".bash_history";
  std::ofstream(h) << "ls\n";
  auto r = run_traced({"/bin/rm", "-f", h.string()});
  expect_only(r, "Shell History Deleted Or Truncated", {{"fs.path.name", h.string()}, {"proc.name", "rm"}});
}

TEST(DefaultRulesLive, SetSetuidOrSetgidBit) {
  TempDir t;
  const fs::path f = t.path() / "backdoor";
  std::ofstream(f) << "#!/bin/sh\n";
  auto r = run_traced({"/bin/chmod", "u+s", f.string()});
  expect_only(r, "Set Setuid Or Setgid Bit", {{"evt.arg.mode", "S_ISUID"}, {"proc.name", "chmod"}});
}

TEST(DefaultRulesLive, SearchForPrivateKeysOrPasswords) {
  TempDir t;
  auto r = run_sh("grep -r 'BEGIN OPENSSH PRIVATE KEY' " + t.path().string() + " ; exit 0");
  expect_only(r, "Search For Private Keys Or Passwords", {{"proc.name", "grep"}});
}

TEST(DefaultRulesLive, ReverseShell) {
  // Listener on a known port, so only the reverse-shell rule applies (not the unusual-port one).
  Listener l({8000, 8080, 8443, 9092, 9200, 11211, 27017, 5432, 3306, 6379});
  ASSERT_GE(l.fd, 0) << "no known port free on loopback";
  auto r = run_traced({kAction, "revshell", std::to_string(l.port)});
  expect_only(r, "Reverse Shell", {{"proc.name", "sh"}});
}

TEST(DefaultRulesLive, NetcatRemoteCodeExecution) {
  TempDir t;
  fs::create_symlink("/bin/true", t.path() / "nc");  // an "nc -e" that does nothing
  auto r = run_traced({(t.path() / "nc").string(), "-e", "/bin/sh", "127.0.0.1", "9"});
  expect_only(r, "Netcat Remote Code Execution", {{"proc.name", "nc"}, {"proc.cmdline", "-e /bin/sh"}});
}

TEST(DefaultRulesLive, KernelModuleLoad) {
  auto r = run_traced({kAction, "finit-module"});
  expect_only(r, "Kernel Module Load", {{"evt.type", "finit_module"}});
}

TEST(DefaultRulesLive, BpfProgramLoadByUnexpectedProgram) {
  auto r = run_traced({kAction, "bpf"});
  expect_only(r, "BPF Program Load By Unexpected Program", {{"evt.arg.cmd", "BPF_PROG_LOAD"}});
}

TEST(DefaultRulesLive, UserManagementProgram) {
  TempDir t;
  fs::create_symlink("/bin/true", t.path() / "useradd");  // named useradd, does nothing
  auto r = run_traced({(t.path() / "useradd").string(), "--help"});
  expect_only(r, "User Management Program", {{"proc.name", "useradd"}});
}

TEST(DefaultRulesLive, PackageManagementInContainer) {
  REQUIRE_ROOT();
  // The image has no package manager: busybox run under the name apk (it answers "applet not
  // found"), which is exactly what the rule sees: a program named apk executed in a container.
  // find -exec runs both steps without a shell (a shell would be Shell Spawned In Container).
  auto argv = podman_run({"/bin/find", "/bin/busybox", "-exec", "ln", "-s", "{}", "/root/apk", ";", "-exec",
                          "/root/apk", "add", "curl", ";"});
  if (HasFailure()) return;
  auto r = run_traced(argv, nullptr, 180);
  expect_only(r, "Package Management In Container", {{"proc.name", "apk"}});
  expect_in_container(r, "Package Management In Container");
}

TEST(DefaultRulesLive, RemoveOrRenameBelowBinaryDir) {
  REQUIRE_ROOT();
  const std::string f = "/usr/local/bin/.saker-drules-" + unique("r");
  std::ofstream(f) << "x\n";
  auto r = run_traced({"/bin/rm", "-f", f});
  fs::remove(f);
  expect_only(r, "Remove Or Rename Below Binary Dir", {{"fs.path.name", f}});
}

// Privileged Or Sensitive Mount Container Started needs the runtime's metadata (privileged,
// mounts, image): it is proved from the host by default_rules_ebpf_test.cpp (the eBPF engine
// with a private podman API socket), on --privileged and -v /etc:/host-etc:ro containers.

// ------------------------------------------------------------------------------------------------
// False positives: a benign developer workload raises nothing at Warning or above: installing a
// small Debian package with apt-get (as root: a reinstall of the same version of a package that
// only ships documentation, so the host ends as it was), compiling and running a C program, git,
// a Python HTTP server fetched with curl on loopback, periodic shell scripts, log rotation.

// The package apt-get reinstalls: small (one binary in /usr/bin and its docs), no maintainer
// scripts, and in setup.sh's PACKAGES (podman's init), so present on every CI host.
constexpr const char* kAptPackage = "catatonit";

std::string apt_step() {
  if (!is_root()) {
    if (const char* ci = std::getenv("CI"); ci != nullptr && std::string(ci) == "true")
      ADD_FAILURE() << "CI runs this test as root: the apt-get step needs it";
    std::cout << "[apt-get step not run: needs root]\n";
    return "";
  }
  // Reinstall only if installed (never add a package to the host); the lock timeout rides out
  // another apt on the machine.
  return std::string("dpkg-query -W -f='${Status}' ") + kAptPackage +
         " | grep -q 'install ok installed'\n"
         "DEBIAN_FRONTEND=noninteractive apt-get install --reinstall -y -q -o DPkg::Lock::Timeout=120 " +
         kAptPackage + " > apt.log 2>&1 || { cat apt.log >&2; exit 1; }\n"
         "echo apt-done\n";
}

TEST(DefaultRulesLive, BenignWorkloadRaisesNothingAtWarningOrAbove) {
  // Not below /tmp (the build tree itself may be there, e.g. a CI clone in /tmp): running a
  // freshly built binary from /tmp is exactly what "Execution From Temporary Directory" reports.
  // /var/lib is where a service keeps its working files; without root, the build tree.
  std::string base = SAKER_DRULES_WORK_DIR;
  if (::geteuid() == 0) {
    base = "/var/lib/saker-tests";
    fs::create_directories(base);
  }
  TempDir w(base);
  int http_port = 0;
  {
    Listener probe({8000, 8080});
    ASSERT_GE(probe.fd, 0) << "neither 8000 nor 8080 free on loopback";
    http_port = probe.port;
  }
  const std::string port = std::to_string(http_port);
  const std::string script = R"(set -e
cd ")" + w.path().string() + R"("
printf '#include <stdio.h>\nint main(void){puts("hello");return 0;}\n' > hello.c
cc -O2 -o hello hello.c
./hello > /dev/null
mkdir repo && cd repo
git init -q .
git config user.email dev@example.com && git config user.name dev
echo one > a.txt && git add a.txt && git commit -qm first
echo two >> a.txt && git commit -qam second
git log --oneline > /dev/null
cd ..
/usr/bin/python3 -m http.server )" + port + R"( --bind 127.0.0.1 > http.log 2>&1 &
srv=$!
ok=0
for i in $(seq 1 100); do
  if curl -sf -o /dev/null http://127.0.0.1:)" + port + R"(/; then ok=1; break; fi
  sleep 0.1
done
kill $srv; wait $srv || true
[ $ok = 1 ]
for i in 1 2 3; do
  sh -c 'date > tick.txt; wc -c tick.txt > /dev/null'
  echo "line $i" >> app.log
  [ -f app.log.1 ] && mv app.log.1 app.log.2
  mv app.log app.log.1
  : > app.log
  sleep 0.2
done
gzip -f app.log.2
)" + apt_step() + R"(echo benign-done
)";
  auto r = run_traced({"/bin/sh", "-c", script}, nullptr, 300);
  require_trace_available(r);
  if (HasFatalFailure()) return;
  EXPECT_EQ(r.status, 0) << r.describe();
  EXPECT_NE(r.out.find("benign-done"), std::string::npos) << r.describe();
  if (is_root()) {
    EXPECT_NE(r.out.find("apt-done"), std::string::npos) << r.describe();
  }
  int severe = 0;
  for (const auto& a : r.alerts) {
    const bool low = a.priority == "Notice" || a.priority == "Informational" || a.priority == "Debug";
    std::cout << (low ? "[low-priority alert] " : "[FALSE POSITIVE] ") << a.priority << " " << a.rule
              << ": " << a.output << "\n";
    if (!low) ++severe;
  }
  std::cout << "benign workload: " << r.alerts.size() << " alerts, " << severe << " at Warning or above\n";
  EXPECT_EQ(severe, 0) << r.describe();
}

}  // namespace
