// saker-trace's command line. Two halves:
//  - parse_options() in-process: every flag lands in Options with its value;
//  - the built binary (SAKER_BIN_DIR/saker-trace): bad values and unknown flags give exactly one
//    line on stderr naming the flag and exit 1, and each flag has its effect on a real run.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <initializer_list>
#include <string>
#include <vector>

#include "tests/support/run_command.h"
#include "tracer/options.h"

namespace saker::tracer {
namespace {

// ---- in-process --------------------------------------------------------------------------

struct Parsed {
  int rc = 0;
  Options opt;
};

// Clears SAKER_SOCKET for the test's duration (restores it after), so a caller's environment
// cannot leak into the expectations.
class SocketEnv {
 public:
  SocketEnv() {
    if (const char* v = std::getenv("SAKER_SOCKET")) saved_ = v, had_ = true;
    unsetenv("SAKER_SOCKET");
  }
  ~SocketEnv() {
    if (had_) setenv("SAKER_SOCKET", saved_.c_str(), 1);
    else unsetenv("SAKER_SOCKET");
  }

 private:
  std::string saved_;
  bool had_ = false;
};

Parsed parse(std::initializer_list<const char*> args) {
  std::vector<std::string> storage{"saker-trace"};
  for (const char* a : args) storage.emplace_back(a);
  std::vector<char*> argv;
  for (auto& s : storage) argv.push_back(s.data());
  argv.push_back(nullptr);
  Parsed p;
  p.rc = parse_options(static_cast<int>(storage.size()), argv.data(), &p.opt);
  return p;
}

using Cmd = std::vector<std::string>;

TEST(TracerCliParse, CommandOnlyGivesDefaults) {
  SocketEnv env;
  Parsed p = parse({"/bin/echo", "hi"});
  ASSERT_EQ(p.rc, -1);
  EXPECT_EQ(p.opt.command, (Cmd{"/bin/echo", "hi"}));
  EXPECT_FALSE(p.opt.all);
  EXPECT_FALSE(p.opt.force_seccomp);
  EXPECT_EQ(p.opt.attach_pid, 0);
  EXPECT_TRUE(p.opt.socket_path.empty());
  EXPECT_TRUE(p.opt.write_file.empty());
  EXPECT_EQ(p.opt.connect_timeout_ms, 5000);
  EXPECT_FALSE(p.opt.debug_print);
  EXPECT_FALSE(p.opt.init);
  EXPECT_FALSE(p.opt.exit_stops);
}

TEST(TracerCliParse, AllFlag) {
  SocketEnv env;
  EXPECT_TRUE(parse({"-a", "true"}).opt.all);
  EXPECT_TRUE(parse({"--all", "true"}).opt.all);
}

TEST(TracerCliParse, SeccompFlagCountsOnlyWithPid) {
  SocketEnv env;
  Parsed p = parse({"-S", "-p", "42"});
  ASSERT_EQ(p.rc, -1);
  EXPECT_TRUE(p.opt.force_seccomp);
  EXPECT_EQ(p.opt.attach_pid, 42);
  // Running a command always installs a filter: -S is implied, the flag is cleared.
  Parsed c = parse({"-S", "true"});
  ASSERT_EQ(c.rc, -1);
  EXPECT_FALSE(c.opt.force_seccomp);
}

TEST(TracerCliParse, Pid) {
  SocketEnv env;
  Parsed p = parse({"-p", "1234"});
  ASSERT_EQ(p.rc, -1);
  EXPECT_EQ(p.opt.attach_pid, 1234);
  EXPECT_TRUE(p.opt.command.empty());
  EXPECT_EQ(parse({"--pid", "7"}).opt.attach_pid, 7);
  EXPECT_EQ(parse({"--pid=8"}).opt.attach_pid, 8);
}

TEST(TracerCliParse, BadPidValues) {
  SocketEnv env;
  for (const char* bad : {"abc", "0", "-3", "1.5", "99999999999", ""}) {
    EXPECT_EQ(parse({"-p", bad}).rc, 1) << "-p '" << bad << "'";
  }
  EXPECT_EQ(parse({"-p"}).rc, 1);
}

TEST(TracerCliParse, SocketFlagAndEnv) {
  SocketEnv env;
  EXPECT_EQ(parse({"--socket", "/run/s.sock", "true"}).opt.socket_path, "/run/s.sock");
  setenv("SAKER_SOCKET", "/run/env.sock", 1);
  EXPECT_EQ(parse({"true"}).opt.socket_path, "/run/env.sock");
  // The flag wins over the environment.
  EXPECT_EQ(parse({"--socket", "/run/flag.sock", "true"}).opt.socket_path, "/run/flag.sock");
}

TEST(TracerCliParse, WriteFile) {
  SocketEnv env;
  EXPECT_EQ(parse({"-w", "/tmp/x.scap", "true"}).opt.write_file, "/tmp/x.scap");
  EXPECT_EQ(parse({"--write", "/tmp/y.scap", "true"}).opt.write_file, "/tmp/y.scap");
  EXPECT_EQ(parse({"-w"}).rc, 1);
}

TEST(TracerCliParse, BooleanFlags) {
  SocketEnv env;
  Parsed p = parse({"--init", "--debug-print", "--debug-output", "/tmp/d.txt", "--exit-stops",
                    "true"});
  ASSERT_EQ(p.rc, -1);
  EXPECT_TRUE(p.opt.init);
  EXPECT_TRUE(p.opt.debug_print);
  EXPECT_EQ(p.opt.debug_output, "/tmp/d.txt");
  EXPECT_TRUE(p.opt.exit_stops);
}

TEST(TracerCliParse, ConnectTimeout) {
  SocketEnv env;
  EXPECT_EQ(parse({"--connect-timeout", "250", "true"}).opt.connect_timeout_ms, 250);
  EXPECT_EQ(parse({"--connect-timeout", "0", "true"}).opt.connect_timeout_ms, 0);
  EXPECT_EQ(parse({"--connect-timeout", "soon", "true"}).rc, 1);
  EXPECT_EQ(parse({"--connect-timeout", "-5", "true"}).rc, 1);
  EXPECT_EQ(parse({"--connect-timeout"}).rc, 1);
}

TEST(TracerCliParse, SyscallsList) {
  SocketEnv env;
  EXPECT_EQ(parse({"--syscalls", "openat,execve", "true"}).opt.syscalls, "openat,execve");
}

TEST(TracerCliParse, DoubleDashEndsOurFlags) {
  SocketEnv env;
  Parsed p = parse({"-a", "--", "-weird-name", "-a"});
  ASSERT_EQ(p.rc, -1);
  EXPECT_TRUE(p.opt.all);
  EXPECT_EQ(p.opt.command, (Cmd{"-weird-name", "-a"}));
  // The "--" itself is never part of the command, and a later "--" belongs to the command.
  Parsed q = parse({"--", "sh", "--", "x"});
  ASSERT_EQ(q.rc, -1);
  EXPECT_EQ(q.opt.command, (Cmd{"sh", "--", "x"}));
}

TEST(TracerCliParse, FlagsAfterTheCommandAreTheCommands) {
  SocketEnv env;
  Parsed p = parse({"ls", "-a", "-p", "3", "--socket", "x"});
  ASSERT_EQ(p.rc, -1);
  EXPECT_FALSE(p.opt.all);
  EXPECT_EQ(p.opt.attach_pid, 0);
  EXPECT_TRUE(p.opt.socket_path.empty());
  EXPECT_EQ(p.opt.command, (Cmd{"ls", "-a", "-p", "3", "--socket", "x"}));
}

TEST(TracerCliParse, UnknownFlag) {
  SocketEnv env;
  EXPECT_EQ(parse({"--bogus", "true"}).rc, 1);
  EXPECT_EQ(parse({"-x", "true"}).rc, 1);
}

TEST(TracerCliParse, PidAndCommandExcludeEachOther) {
  SocketEnv env;
  EXPECT_EQ(parse({"-p", "5", "true"}).rc, 1);
  EXPECT_EQ(parse({}).rc, 1);
  EXPECT_EQ(parse({"-a"}).rc, 1);
}

TEST(TracerCliParse, HelpAndVersionExitZero) {
  SocketEnv env;
  EXPECT_EQ(parse({"--help"}).rc, 0);
  EXPECT_EQ(parse({"--version"}).rc, 0);
}

// ---- the binary --------------------------------------------------------------------------

const std::string kTracer = std::string(SAKER_BIN_DIR) + "/saker-trace";

using Outcome = saker::testing::SplitOutcome;

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/saker-tracer-cli-XXXXXX";
    path_ = mkdtemp(tmpl);
  }
  ~TempDir() { (void)!system(("rm -rf '" + path_ + "'").c_str()); }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// Runs "ENV saker-trace ARGS" through /bin/sh; stdout and stderr captured separately.
Outcome run(const std::string& args, const std::string& env = "env -u SAKER_SOCKET") {
  return saker::testing::run_command_split(env + " " + kTracer + " " + args);
}

int lines(const std::string& s) {
  int n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

struct BadCase {
  const char* args;
  const char* names;  // what the one line must mention
};

TEST(TracerCliBinary, BadValuesGiveOneLineNamingTheFlagAndExit1) {
  const BadCase cases[] = {
      {"-p abc", "--pid"},
      {"-p 0", "--pid"},
      {"-p", "--pid"},
      {"--pid=-1", "--pid"},
      {"--bogus /bin/true", "--bogus"},
      {"-x /bin/true", "-x"},
      {"-w", "--write"},
      {"--socket", "--socket"},
      {"--connect-timeout xyz /bin/true", "--connect-timeout"},
      {"--connect-timeout", "--connect-timeout"},
      {"-p 1 /bin/true", "-p"},
      {"", "-p"},
  };
  for (const BadCase& c : cases) {
    Outcome r = run(c.args);
    EXPECT_EQ(r.code, 1) << c.args << ": " << r.err;
    EXPECT_EQ(lines(r.err), 1) << c.args << ": " << r.err;
    EXPECT_NE(r.err.find(c.names), std::string::npos) << c.args << ": " << r.err;
    EXPECT_EQ(r.err.rfind("saker-trace: ", 0), 0u) << c.args << ": " << r.err;
    EXPECT_TRUE(r.out.empty()) << c.args << ": " << r.out;
  }
}

TEST(TracerCliBinary, CommandRunsWithItsOutputAndStatus) {
  Outcome r = run("-- /bin/sh -c 'echo out; exit 7'");
  EXPECT_EQ(r.code, 7);
  EXPECT_EQ(r.out, "out\n");
  EXPECT_EQ(r.err, "");
  // Without "--" too, and the command's own flags stay its own.
  Outcome e = run("/bin/echo -n -a");
  EXPECT_EQ(e.code, 0);
  EXPECT_EQ(e.out, "-a");
}

TEST(TracerCliBinary, CommandNotFound) {
  Outcome r = run("/nonexistent/saker-cmd");
  EXPECT_EQ(r.code, 127);
  EXPECT_EQ(lines(r.err), 1) << r.err;
}

TEST(TracerCliBinary, WriteFileProducesScap) {
  TempDir dir;
  const std::string scap = dir / "x.scap";
  Outcome r = run("-w " + scap + " -- /bin/cat /etc/hostname");
  EXPECT_EQ(r.code, 0) << r.err;
  const std::string data = slurp(scap);
  ASSERT_GE(data.size(), 4u);
  // A pcapng section header block (0x0A0D0D0A), or its gzip container.
  const bool shb = data.compare(0, 4, "\x0a\x0d\x0d\x0a", 4) == 0;
  const bool gz = data.compare(0, 2, "\x1f\x8b", 2) == 0;
  EXPECT_TRUE(shb || gz);
  EXPECT_GT(data.size(), 1000u);  // events, not only the header
}

TEST(TracerCliBinary, DebugPrintShowsTracedSyscalls) {
  TempDir dir;
  const std::string out = dir / "debug.txt";
  Outcome r = run("--debug-print --debug-output " + out + " -- /bin/cat /etc/hostname");
  EXPECT_EQ(r.code, 0) << r.err;
  const std::string text = slurp(out);
  EXPECT_NE(text.find("openat("), std::string::npos) << text;
  EXPECT_NE(text.find("/etc/hostname"), std::string::npos) << text;
  // -a adds what the default set leaves untraced (read, by cat).
  const std::string all = dir / "all.txt";
  run("-a --debug-print --debug-output " + all + " -- /bin/cat /etc/hostname");
  EXPECT_EQ(text.find("read("), std::string::npos) << text;
  EXPECT_NE(slurp(all).find("read("), std::string::npos);
}

TEST(TracerCliBinary, DebugPrintGoesToStderrByDefault) {
  Outcome r = run("--debug-print -- /bin/true");
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.err.find("execve("), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(TracerCliBinary, InitAndExitStopsKeepTheStatus) {
  EXPECT_EQ(run("--init -- /bin/sh -c 'exit 3'").code, 3);
  EXPECT_EQ(run("--exit-stops -- /bin/sh -c 'exit 4'").code, 4);
  EXPECT_EQ(run("-a --exit-stops --init -- /bin/sh -c 'kill -9 $$'").code, 137);
}

TEST(TracerCliBinary, ListSyscallsPrintsTheStopSetWithoutACommand) {
  Outcome r = run("--list-syscalls");
  EXPECT_EQ(r.code, 0) << r.err;
  // The default set and the always-traced evasion set; nothing else runs.
  EXPECT_NE(r.out.find("openat,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(",io_uring_setup"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("getpid"), std::string::npos) << r.out;
  r = run("--syscalls openat,close --list-syscalls");
  EXPECT_EQ(r.out.rfind("openat,close,execve,", 0), 0u) << r.out;
  EXPECT_EQ(run("-a --list-syscalls").out, "all\n");
}

TEST(TracerCliBinary, ConnectTimeoutBoundsTheWaitForTheEngine) {
  TempDir dir;
  const std::string sock = dir / "none.sock";
  auto t0 = std::chrono::steady_clock::now();
  Outcome r = run("--socket " + sock + " --connect-timeout 300 -- /bin/echo ran");
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::steady_clock::now() - t0).count();
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "");  // the workload never started
  EXPECT_NE(r.err.find(sock), std::string::npos) << r.err;
  EXPECT_LT(ms, 3000);
}

TEST(TracerCliBinary, SakerSocketEnvIsTheSocket) {
  TempDir dir;
  const std::string sock = dir / "env.sock";
  Outcome r = run("--connect-timeout 0 -- /bin/echo ran", "env SAKER_SOCKET=" + sock);
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find(sock), std::string::npos) << r.err;
}

TEST(TracerCliBinary, VersionAndHelp) {
  Outcome v = run("--version");
  EXPECT_EQ(v.code, 0);
  EXPECT_FALSE(v.out.empty());
  Outcome h = run("--help");
  EXPECT_EQ(h.code, 0);
  for (const char* flag : {"-a", "-S", "--pid", "--socket", "SAKER_SOCKET", "--write", "--init",
                           "--debug-print", "--connect-timeout", "--exit-stops"}) {
    EXPECT_NE(h.out.find(flag), std::string::npos) << flag;
  }
}

}  // namespace
}  // namespace saker::tracer
