// Hot reload on the real `saker -u` binary with a real tracer and a workload that never stops
// opening a marker file: SIGHUP with a broken rules file keeps the old rules alerting and logs
// file:line:column; SIGHUP with a good file switches rules; `watch_config_files` reloads on a
// rules-file or configuration change without any signal. Every marker open gives exactly one
// alert across all reloads (none lost, none doubled).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "tests/support/run_command.h"

namespace {

using saker::testing::shell_quote;
using saker::testing::split_lines;

const std::string kBin = SAKER_BIN_DIR;

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Written beside and renamed over, as editors and config managers do.
void write_file(const std::string& path, const std::string& text) {
  {
    std::ofstream out(path + ".new");
    out << text;
  }
  std::filesystem::rename(path + ".new", path);
}

bool wait_for(const std::function<bool()>& pred, std::chrono::seconds max = std::chrono::seconds(20)) {
  const auto until = std::chrono::steady_clock::now() + max;
  while (std::chrono::steady_clock::now() < until) {
    if (pred()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return pred();
}

pid_t spawn_shell(const std::string& cmd) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::execl("/bin/sh", "sh", "-c", ("exec " + cmd).c_str(), nullptr);
    ::_exit(127);
  }
  return pid;
}

int wait_exit(pid_t pid) {
  int st = 0;
  ::waitpid(pid, &st, 0);
  return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

class ReloadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/saker-reload-test.XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    std::ofstream(path("stop")) << "";
    if (tracer_ > 0) {
      ::kill(tracer_, SIGTERM);
      wait_exit(tracer_);
    }
    if (engine_ > 0) {
      ::kill(engine_, SIGKILL);
      wait_exit(engine_);
    }
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  std::string path(const std::string& name) const { return dir_ + "/" + name; }

  // One rule on opening the marker file; its name and output say which version is loaded.
  std::string marker_rule(const std::string& version) const {
    return "- rule: Marker " + version +
           "\n"
           "  desc: the reload test's marker file was opened\n"
           "  condition: evt.type in (open, openat, openat2) and evt.dir = < and fd.name = " +
           path("marker") +
           "\n"
           "  output: marker " +
           version +
           " opened (proc=%proc.name file=%fd.name)\n"
           "  priority: WARNING\n";
  }

  void start_engine(const std::string& args) {
    engine_ = spawn_shell(kBin + "/saker -u " + args + " -o tracer.socket=" + path("engine.sock") + " > " +
                          path("engine.out") + " 2> " + path("engine.err"));
    ASSERT_TRUE(wait_for([&] { return std::filesystem::exists(path("engine.sock")); })) << read_file(path("engine.err"));
  }
  // A traced loop: open the marker (one alert each), log one line per open, until `stop`.
  // Bounded: 20000 rounds at most.
  void start_workload() {
    const std::string loop = "i=0; while [ ! -e " + path("stop") + " ] && [ $i -lt 20000 ]; do cat " +
                             path("marker") + " > /dev/null; echo $i >> " + path("opens") +
                             "; i=$((i+1)); sleep 0.01; done";
    tracer_ = spawn_shell(kBin + "/saker-trace --socket " + path("engine.sock") + " -- sh -c " + shell_quote(loop));
  }
  // Alert lines mentioning "marker VERSION" (text or JSON).
  size_t alerts(const std::string& version) const {
    size_t n = 0;
    for (const auto& l : split_lines(read_file(path("engine.out"))))
      if (l.find("marker " + version + " opened") != std::string::npos) ++n;
    return n;
  }
  size_t json_alerts(const std::string& rule) const {
    size_t n = 0;
    for (const auto& l : split_lines(read_file(path("engine.out")))) {
      if (l.empty() || l[0] != '{') continue;
      const auto j = nlohmann::json::parse(l, nullptr, false);
      if (!j.is_discarded() && j.value("rule", "") == rule) ++n;
    }
    return n;
  }
  size_t opens() const { return split_lines(read_file(path("opens"))).size(); }
  bool grows(const std::function<size_t()>& count, size_t by) const {
    const size_t from = count();
    return wait_for([&] { return count() >= from + by; });
  }

  // Stops the workload, waits until every open was alerted on, stops the engine.
  void finish(const std::function<size_t()>& total_alerts) {
    std::ofstream(path("stop")) << "";
    EXPECT_EQ(wait_exit(tracer_), 0);
    tracer_ = -1;
    EXPECT_TRUE(wait_for([&] { return total_alerts() >= opens(); }))
        << total_alerts() << " alerts for " << opens() << " opens";
    ::kill(engine_, SIGINT);
    EXPECT_EQ(wait_exit(engine_), 0) << read_file(path("engine.err"));
    engine_ = -1;
    EXPECT_EQ(total_alerts(), opens()) << "every open gives exactly one alert across reloads";
  }

  std::string dir_;
  pid_t engine_ = -1;
  pid_t tracer_ = -1;
};

TEST_F(ReloadTest, SighupKeepsOldRulesOnBrokenFileThenSwitches) {
  std::ofstream(path("marker")) << "x\n";
  const std::string rules = path("rules.yaml");
  write_file(rules, marker_rule("A"));
  // watch_config_files off: only the signal may reload here.
  ASSERT_NO_FATAL_FAILURE(start_engine("-r " + rules + " -o json_output=true -o watch_config_files=false"));
  start_workload();
  ASSERT_TRUE(wait_for([&] { return alerts("A") >= 5; })) << read_file(path("engine.err"));

  // Line 4, column 14: an unknown field in the condition.
  write_file(rules, "- rule: Marker Broken\n  desc: d\n  priority: WARNING\n  condition: no.such.field = 1\n"
                    "  output: broken\n");
  ::kill(engine_, SIGHUP);
  ASSERT_TRUE(wait_for([&] { return read_file(path("engine.err")).find("Could not reload rules") != std::string::npos; }))
      << read_file(path("engine.err"));
  const std::string err = read_file(path("engine.err"));
  EXPECT_NE(err.find(rules + ":4:"), std::string::npos) << "the error names file:line:col\n" << err;
  EXPECT_NE(err.find("no.such.field"), std::string::npos) << err;
  EXPECT_TRUE(grows([&] { return alerts("A"); }, 5)) << "the old rules keep alerting\n" << err;
  EXPECT_EQ(alerts("Broken"), 0u);

  write_file(rules, marker_rule("B"));
  ::kill(engine_, SIGHUP);
  ASSERT_TRUE(grows([&] { return alerts("B"); }, 5)) << read_file(path("engine.err"));
  const size_t a_after = alerts("A");
  EXPECT_TRUE(grows([&] { return alerts("B"); }, 5));
  EXPECT_EQ(alerts("A"), a_after) << "rule A is gone after the reload";
  EXPECT_EQ(json_alerts("Marker B"), alerts("B"));

  finish([&] { return alerts("A") + alerts("B"); });
  const std::string out = read_file(path("engine.out"));
  // The summary counts what the rules in force at the end raised.
  EXPECT_NE(out.find("Marker B: "), std::string::npos) << out;
}

TEST_F(ReloadTest, WatchConfigFilesReloadsRulesAndConfiguration) {
  std::ofstream(path("marker")) << "x\n";
  const std::string rules = path("rules.yaml");
  const std::string cfg = path("saker.yaml");
  write_file(rules, marker_rule("A"));
  auto config = [&](bool json) {
    return std::string("watch_config_files: true\nrules_files:\n  - ") + rules +
           "\njson_output: " + (json ? "true" : "false") +
           "\nstdout_output:\n  enabled: true\nsyslog_output:\n  enabled: false\n";
  };
  write_file(cfg, config(false));
  ASSERT_NO_FATAL_FAILURE(start_engine("-c " + cfg));
  start_workload();
  ASSERT_TRUE(wait_for([&] { return alerts("A") >= 5; })) << read_file(path("engine.err"));
  EXPECT_EQ(json_alerts("Marker A"), 0u) << "text output first";

  // A rules file change, no signal.
  write_file(rules, marker_rule("B"));
  ASSERT_TRUE(grows([&] { return alerts("B"); }, 5)) << read_file(path("engine.err"));
  EXPECT_EQ(json_alerts("Marker B"), 0u);

  // A configuration change: JSON from now on.
  write_file(cfg, config(true));
  ASSERT_TRUE(grows([&] { return json_alerts("Marker B"); }, 5)) << read_file(path("engine.err"));

  // A broken configuration keeps everything as it was.
  write_file(cfg, "watch_config_files: true\njson_output: [unclosed\n");
  ASSERT_TRUE(wait_for([&] {
    return read_file(path("engine.err")).find("Could not reload the configuration") != std::string::npos;
  })) << read_file(path("engine.err"));
  EXPECT_NE(read_file(path("engine.err")).find(cfg + ":"), std::string::npos) << read_file(path("engine.err"));
  EXPECT_TRUE(grows([&] { return json_alerts("Marker B"); }, 5));

  finish([&] { return alerts("A") + alerts("B"); });
  EXPECT_GT(json_alerts("Marker B"), 0u);
}

}  // namespace
