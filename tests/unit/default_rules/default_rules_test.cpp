// The default ruleset through the real loader, the field catalog and the event schema: it loads
// with zero errors and zero warnings, every rule is restricted by event type, carries a desc,
// MITRE tags, and an output with what a responder needs. Prints the union of event types (what
// the tracer stops on) and the local-override convention works on top of it.
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "engine/events/schema.h"
#include "engine/fields/filter_provider.h"
#include "engine/filter/evttypes.h"
#include "engine/rules/loader.h"

namespace saker {
namespace {

const std::string kRulesFile = std::string(SAKER_RULES_DIR) + "/saker_rules.yaml";

std::string read_all(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class DefaultRules : public ::testing::Test {
 protected:
  static rules::LoaderOptions options() {
    static fields::CatalogFieldProvider provider;
    rules::LoaderOptions o;
    o.compiler.fields = &provider;
    o.compiler.event_types = &filter::schema_event_types();
    return o;
  }
  void SetUp() override {
    loader_ = std::make_unique<rules::Loader>(options());
    content_ = read_all(kRulesFile);
    ASSERT_FALSE(content_.empty()) << "cannot read " << kRulesFile;
    result_ = loader_->load("saker_rules.yaml", content_);
  }
  const rules::CompiledRule* rule(const std::string& name) const {
    for (const auto& r : loader_->ruleset().rules)
      if (r.name == name) return &r;
    return nullptr;
  }
  std::unique_ptr<rules::Loader> loader_;
  std::string content_;
  rules::LoadResult result_;
};

TEST_F(DefaultRules, LoadsWithZeroErrorsAndZeroWarnings) {
  EXPECT_TRUE(result_.ok()) << result_.as_text(true, content_);
  EXPECT_TRUE(result_.errors().empty()) << result_.as_text(true, content_);
  EXPECT_TRUE(result_.warnings().empty()) << result_.as_text(true, content_);
  EXPECT_FALSE(result_.has_warning(rules::WarningCode::LOAD_NO_EVTTYPE));
  EXPECT_GE(loader_->ruleset().rules.size(), 30u);
}

TEST_F(DefaultRules, EveryRuleIsRestrictedByEventTypeAndPrintsTheUnion) {
  ASSERT_TRUE(result_.ok()) << result_.as_text(true, content_);
  const auto& cat = filter::schema_event_types();
  std::set<std::string> union_names;
  for (const auto& r : loader_->ruleset().rules) {
    std::set<std::string> names;
    size_t n = 0;
    for (size_t id = 0; id < cat.universe_size(); ++id) {
      if (!r.event_types.contains(static_cast<uint16_t>(id))) continue;
      ++n;
      const auto* info = events::event_info(static_cast<uint16_t>(id));
      if (info != nullptr) names.insert(info->name);
    }
    EXPECT_GT(n, 0u) << r.name << " matches no event type";
    EXPECT_LE(names.size(), 10u) << r.name << " matches too many syscalls";
    std::string joined;
    for (const auto& s : names) joined += (joined.empty() ? "" : ",") + s;
    std::cout << "  " << r.name << " [" << rules::priority_name(r.priority) << "]: " << joined << "\n";
    union_names.insert(names.begin(), names.end());
  }
  std::string joined;
  for (const auto& s : union_names) joined += (joined.empty() ? "" : " ") + s;
  std::cout << "Union of event types (" << union_names.size() << " syscalls): " << joined << "\n";
  // Small on purpose: this is exactly what the tracer's seccomp filter stops on.
  EXPECT_LE(union_names.size(), 26u) << joined;
  EXPECT_FALSE(union_names.contains("read"));
  EXPECT_FALSE(union_names.contains("write"));
  EXPECT_FALSE(union_names.contains("close"));
}

TEST_F(DefaultRules, EveryRuleHasDescMitreTagsAndResponderOutput) {
  ASSERT_TRUE(result_.ok()) << result_.as_text(true, content_);
  const std::regex technique("^T[0-9]{4}(\\.[0-9]{3})?$");
  for (const auto& r : loader_->ruleset().rules) {
    SCOPED_TRACE(r.name);
    EXPECT_GE(r.desc.size(), 20u);
    bool has_technique = false, has_tactic = false, has_scope = false;
    for (const auto& t : r.tags) {
      has_technique |= std::regex_match(t, technique);
      has_tactic |= t.rfind("mitre_", 0) == 0;
      has_scope |= t == "host" || t == "container";
    }
    EXPECT_TRUE(has_technique) << "no MITRE ATT&CK technique id";
    EXPECT_TRUE(has_tactic) << "no mitre_<tactic> tag";
    EXPECT_TRUE(has_scope) << "no host/container tag";
    for (const char* f : {"%user.name", "%user.uid", "%proc.name", "%proc.cmdline", "%proc.pid",
                          "%proc.pname", "%proc.pcmdline", "%proc.aname[2]", "%container.id",
                          "%container.image.repository"}) {
      EXPECT_NE(r.output.find(f), std::string::npos) << "output lacks " << f;
    }
    EXPECT_LE(r.priority, rules::Priority::Notice) << "default rules are Notice or above";
  }
}

TEST_F(DefaultRules, CoversEveryBehaviourOfTheIssue) {
  ASSERT_TRUE(result_.ok());
  for (const char* name :
       {"Write Below Binary Dir", "Write Below Etc", "Write Below Root", "Create Non-Device File Below Dev",
        "Read Sensitive File By Untrusted Program", "Read Sensitive File By Server After Startup",
        "Shell Spawned In Container", "Shell With Terminal", "Shell Or Unexpected Child Of Server",
        "System Binary Network Activity", "Outbound Connection To Unusual Port",
        "Outbound Connection To Mining Pool Port", "Inbound Connection On Unexpected Port",
        "Namespace Change By Unexpected Program", "Ptrace Attach To Process", "Ptrace Self Trace Attempt",
        "Io_uring Setup By Unexpected Program", "Fileless Execution Via Memfd",
        "Execution From Temporary Directory", "Log File Truncated Or Deleted",
        "Shell History Deleted Or Truncated", "Set Setuid Or Setgid Bit",
        "Search For Private Keys Or Passwords", "Reverse Shell", "Netcat Remote Code Execution",
        "Kernel Module Load", "BPF Program Load By Unexpected Program", "User Management Program",
        "Package Management In Container", "Remove Or Rename Below Binary Dir",
        "Privileged Or Sensitive Mount Container Started"}) {
    EXPECT_NE(rule(name), nullptr) << name;
  }
}

TEST_F(DefaultRules, SensitiveReadIsTheMostSevereForShadowAndTiersArePlausible) {
  ASSERT_TRUE(result_.ok());
  ASSERT_NE(rule("Fileless Execution Via Memfd"), nullptr);
  EXPECT_EQ(rule("Fileless Execution Via Memfd")->priority, rules::Priority::Critical);
  EXPECT_EQ(rule("Reverse Shell")->priority, rules::Priority::Critical);
  EXPECT_EQ(rule("Outbound Connection To Unusual Port")->priority, rules::Priority::Notice);
  EXPECT_EQ(rule("Read Sensitive File By Untrusted Program")->priority, rules::Priority::Warning);
}

// The local-override convention: a later file (saker_rules.local.yaml, rules.d/*) extends a list,
// overrides a macro, and changes a rule's priority without touching saker_rules.yaml.
TEST_F(DefaultRules, LocalOverrideFileTunesListsMacrosAndRules) {
  ASSERT_TRUE(result_.ok());
  const std::string local = R"(
- list: saker_known_outbound_ports
  items: [9418]
  append: true
- macro: saker_user_known_tmp_exec
  condition: (proc.exepath startswith /tmp/ci-runner/)
- rule: Outbound Connection To Unusual Port
  priority: WARNING
  override:
    priority: replace
- rule: Shell With Terminal
  enabled: false
)";
  auto res = loader_->load("saker_rules.local.yaml", local);
  EXPECT_TRUE(res.ok()) << res.as_text(true, local);
  EXPECT_TRUE(res.warnings().empty()) << res.as_text(true, local);
  ASSERT_NE(rule("Outbound Connection To Unusual Port"), nullptr);
  EXPECT_EQ(rule("Outbound Connection To Unusual Port")->priority, rules::Priority::Warning);
  EXPECT_FALSE(rule("Shell With Terminal")->enabled);
}

TEST_F(DefaultRules, RulesDirectoryReadmeIsNotARulesFile) {
  // rules.d/ ships with a README only; the loader reads every regular file of a directory, so
  // the README must be valid (empty) YAML content or absent from installs. We ship it as
  // comments only, which loads as an empty document.
  const std::string readme = read_all(std::string(SAKER_RULES_DIR) + "/rules.d/README");
  ASSERT_FALSE(readme.empty());
  rules::Loader l(options());
  auto res = l.load("README", readme);
  EXPECT_TRUE(res.ok()) << res.as_text(true, readme);
}

}  // namespace
}  // namespace saker
