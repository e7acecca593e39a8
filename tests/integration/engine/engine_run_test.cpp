// The real `saker` binary over the legacy Falco fixtures: alerts in text and JSON compared with
// Falco's expected outputs, the end-of-run summary, -V, -L and rule selection.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "tests/support/run_command.h"
#include "tests/support/shared_fixtures.h"

namespace {

using saker::testing::run_command;

std::string legacy() { return (saker::testing::shared_dir() / "fixtures/falco-legacy").string(); }
std::string saker_bin() { return std::string(SAKER_BIN_DIR) + "/saker"; }

std::string read_all(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs saker with stdout captured (stderr dropped), bounded in time.
saker::testing::CommandResult saker_run(const std::string& args) {
  return run_command("timeout 60 " + saker_bin() + " -o stdout_output.enabled=true " +
                     "-o syslog_output.enabled=false " + args + " 2>/dev/null");
}

std::string cat_write_args(const std::string& rules) {
  return "-r " + legacy() + "/rules/" + rules + " -e " + legacy() + "/trace_files/cat_write.scap";
}

TEST(EngineRun, TextOutputMatchesFalco) {
  SAKER_REQUIRE_SHARED();
  auto r = saker_run(cat_write_args("single_rule.yaml") + " -o time_format_iso_8601=true");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const std::string expected = read_all(legacy() + "/output_files/single_rule_with_cat_write.txt");
  EXPECT_EQ(r.out.substr(0, expected.size()), expected) << r.out;
  EXPECT_NE(r.out.find("Events detected: 8\nRule counts by severity:\n   WARNING: 8\n"
                       "Triggered rules by rule name:\n   open_from_cat: 8\n"),
            std::string::npos)
      << r.out;
}

TEST(EngineRun, JsonOutputMatchesFalco) {
  SAKER_REQUIRE_SHARED();
  auto r = run_command("FALCO_HOSTNAME=test-falco-hostname timeout 60 " + saker_bin() +
                       " -o syslog_output.enabled=false -o json_output=true "
                       "-o time_format_iso_8601=true " +
                       cat_write_args("single_rule_with_tags.yaml") + " 2>/dev/null");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const std::string expected = read_all(legacy() + "/output_files/single_rule_with_cat_write.json");
  EXPECT_EQ(r.out.substr(0, expected.size()), expected) << r.out;
}

TEST(EngineRun, SelectionByTagAndName) {
  SAKER_REQUIRE_SHARED();
  auto r = saker_run(cat_write_args("single_rule_with_tags.yaml") + " -T filesystem");
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("Events detected: 0\n"), std::string::npos) << r.out;
  r = saker_run(cat_write_args("single_rule_with_tags.yaml") + " -D open_from");
  EXPECT_NE(r.out.find("Events detected: 0\n"), std::string::npos) << r.out;
  r = saker_run(cat_write_args("single_rule_with_tags.yaml") + " -t process");
  EXPECT_NE(r.out.find("Events detected: 8\n"), std::string::npos) << r.out;
  r = saker_run(cat_write_args("single_rule_with_tags.yaml") + " -o priority=error");
  EXPECT_NE(r.out.find("Events detected: 0\n"), std::string::npos) << r.out;
}

TEST(EngineRun, ValidateOkAndInvalid) {
  SAKER_REQUIRE_SHARED();
  const std::string ok = legacy() + "/rules/single_rule.yaml";
  auto r = saker_run("-V " + ok);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, ok + ": Ok\n");
  const std::string bad = legacy() + "/rules/invalid_not_yaml.yaml";
  r = saker_run("-V " + bad);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out.rfind(bad + ": Invalid", 0), 0u) << r.out;
  r = saker_run("-o json_output=true -V " + ok);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("{\"falco_load_results\":[", 0), 0u) << r.out;
}

TEST(EngineRun, UpstreamRulesValidate) {
  SAKER_REQUIRE_SHARED();
  const std::string f = (saker::testing::shared_dir() / "fixtures/upstream-rules/falco_rules.yaml").string();
  auto r = saker_run("-V " + f);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.out.rfind(f + ": Ok", 0), 0u) << r.out;
}

TEST(EngineRun, ListRules) {
  SAKER_REQUIRE_SHARED();
  auto r = saker_run("-r " + legacy() + "/rules/single_rule.yaml -L");
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("Rule", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("open_from_cat"), std::string::npos) << r.out;
}

// -p appends its format to every alert exactly once (it used to be applied both as an
// append_output entry and as the outputs' extra format).
TEST(EngineRun, PrintFormatAppendedOnce) {
  SAKER_REQUIRE_SHARED();
  auto r = saker_run(cat_write_args("single_rule.yaml") + " -p 'marker=%proc.name'");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  size_t alerts = 0;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    if (line.find("open_from_cat") != std::string::npos || line.find(": Warning") == std::string::npos) continue;
    ++alerts;
    const auto first = line.find("marker=cat");
    ASSERT_NE(first, std::string::npos) << line;
    EXPECT_EQ(line.find("marker=", first + 1), std::string::npos) << line;
  }
  EXPECT_EQ(alerts, 8u) << r.out;
}

}  // namespace
