// The default ruleset through the real `saker` binary: `-V` validates it without a warning, `-L`
// lists every rule (the JSON listing with priority and tags), and the rules count matches the file.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "tests/support/run_command.h"

namespace {

using saker::testing::run_command;
using saker::testing::shell_quote;

const std::string kSaker = std::string(SAKER_BIN_DIR) + "/saker";
const std::string kRules = std::string(SAKER_RULES_DIR) + "/saker_rules.yaml";

// Rule names straight from the YAML (what the listings must show).
std::set<std::string> rule_names_in_file() {
  std::set<std::string> names;
  for (const auto& item : YAML::LoadFile(kRules))
    if (item["rule"]) names.insert(item["rule"].as<std::string>());
  return names;
}

TEST(DefaultRulesCli, ValidateGivesNoWarnings) {
  const auto r = run_command(kSaker + " -V " + shell_quote(kRules) + " 2>&1");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find(kRules + ": Ok"), std::string::npos) << r.out;
  for (const char* bad : {"arning", "LOAD_", "rror"}) EXPECT_EQ(r.out.find(bad), std::string::npos) << bad << "\n" << r.out;
}

TEST(DefaultRulesCli, ListShowsEveryRuleWithPriorityAndTags) {
  const std::set<std::string> names = rule_names_in_file();
  ASSERT_GE(names.size(), 31u);

  const auto text = run_command(kSaker + " -L -r " + shell_quote(kRules) + " 2>/dev/null");
  ASSERT_EQ(text.exit_code, 0) << text.out;
  for (const auto& n : names) {
    const auto at = text.out.find("\n" + n + " ");
    ASSERT_NE(at, std::string::npos) << n;
    // The line under the description carries the rule's priority and tags.
    const auto facts = text.out.find("Priority: ", at);
    ASSERT_NE(facts, std::string::npos) << n;
    const auto next_rule = text.out.find("\n\n", at);
    EXPECT_LT(facts, next_rule) << n;
    EXPECT_NE(text.out.find("tags: ", facts), std::string::npos) << n;
  }

  const auto json = run_command(kSaker + " -L -r " + shell_quote(kRules) + " -o json_output=true 2>/dev/null");
  ASSERT_EQ(json.exit_code, 0) << json.out;
  const auto doc = nlohmann::json::parse(json.out, nullptr, false);
  ASSERT_FALSE(doc.is_discarded()) << json.out;
  std::set<std::string> listed;
  const std::set<std::string> priorities = {"Emergency", "Alert",  "Critical",      "Error",
                                            "Warning",   "Notice", "Informational", "Debug"};
  for (const auto& r : doc["rules"]) {
    const auto& info = r["info"];
    const std::string name = info["name"];
    listed.insert(name);
    EXPECT_TRUE(priorities.count(info["priority"].get<std::string>())) << name << ": " << info["priority"];
    ASSERT_TRUE(info["tags"].is_array()) << name;
    bool mitre = false;
    for (const auto& t : info["tags"]) mitre |= t.get<std::string>().rfind("mitre_", 0) == 0;
    EXPECT_TRUE(mitre) << name << " has no mitre_ tag";
  }
  EXPECT_EQ(listed, names);
}

}  // namespace
