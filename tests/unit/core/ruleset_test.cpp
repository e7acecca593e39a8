// Rulesets built from real rules files (through the rules loader) over fake fields: selection by
// tag, name and priority as Falco does it, indexing by event type, first/all matching, and the
// end-of-run summary text.
#include <gtest/gtest.h>

#include <sstream>

#include "engine/core/ruleset.h"
#include "engine/events/event_types.h"
#include "engine/events/schema.h"
#include "engine/rules/loader.h"
#include "tests/unit/core/fake_fields.h"

namespace saker::core {
namespace {

constexpr const char* kRules = R"(
- rule: open_etc
  desc: an open below /etc
  condition: evt.type in (open, openat) and t.path startswith /etc
  output: open of %t.path
  priority: WARNING
  tags: [filesystem, a]
- rule: open_any
  desc: any open
  condition: evt.type = openat and t.path exists
  output: open
  priority: INFO
  tags: [filesystem, b]
- rule: connect_local
  desc: a connect
  condition: evt.type = connect and t.ip = 127.0.0.1
  output: connect
  priority: CRITICAL
  tags: [network]
)";

class RulesetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    rules::LoaderOptions o;
    o.compiler.fields = &provider_;
    o.compiler.event_types = &filter::schema_event_types();
    loader_ = std::make_unique<rules::Loader>(o);
    auto res = loader_->load("test.yaml", kRules);
    ASSERT_TRUE(res.ok()) << res.as_text(true);
    ASSERT_TRUE(rs_.build(loader_->ruleset(), provider_).ok());
  }
  std::vector<std::string> fire(uint16_t type) {
    ev_.str["evt.type"] = events::event_info(type)->name;
    std::vector<std::string> names;
    rs_.match(type, as_ctx(ev_), [&](RuntimeRule& r) { names.push_back(r.info->name); });
    return names;
  }
  FakeProvider provider_;
  FakeEvent ev_;
  std::unique_ptr<rules::Loader> loader_;
  Ruleset rs_;
};

using V = std::vector<std::string>;

TEST_F(RulesetTest, RulesRunOnlyForTheirEventTypes) {
  ev_.str["t.path"] = "/etc/shadow";
  ev_.str["t.ip"] = "127.0.0.1";
  rs_.set_matching(RuleMatching::All);
  EXPECT_EQ(fire(events::PPME_SYSCALL_OPENAT_2_X), (V{"open_etc", "open_any"}));
  EXPECT_EQ(fire(events::PPME_SYSCALL_OPEN_X), (V{"open_etc"}));
  EXPECT_EQ(fire(events::PPME_SOCKET_CONNECT_X), (V{"connect_local"}));
  EXPECT_EQ(fire(events::PPME_SYSCALL_READ_X), V{});
  auto types = rs_.event_types();
  EXPECT_TRUE(types.contains(events::PPME_SYSCALL_OPENAT_2_X));
  EXPECT_FALSE(types.contains(events::PPME_SYSCALL_READ_X));
}

TEST_F(RulesetTest, FirstMatchingStopsAtTheFirstRule) {
  ev_.str["t.path"] = "/etc/shadow";
  rs_.set_matching(RuleMatching::First);
  EXPECT_EQ(fire(events::PPME_SYSCALL_OPENAT_2_X), (V{"open_etc"}));
}

TEST_F(RulesetTest, SelectionByTagsNamesAndPriority) {
  ev_.str["t.path"] = "/etc/shadow";
  rs_.set_matching(RuleMatching::All);
  RuleSelection s;
  s.run_tags = {"b"};
  ASSERT_TRUE(rs_.select(s).ok());
  EXPECT_EQ(fire(events::PPME_SYSCALL_OPENAT_2_X), (V{"open_any"}));
  s = {};
  s.disable_tags = {"a"};
  ASSERT_TRUE(rs_.select(s).ok());
  EXPECT_EQ(fire(events::PPME_SYSCALL_OPENAT_2_X), (V{"open_any"}));
  s = {};
  s.disable_name_substrings = {"any"};
  ASSERT_TRUE(rs_.select(s).ok());
  EXPECT_EQ(fire(events::PPME_SYSCALL_OPENAT_2_X), (V{"open_etc"}));
  s = {};
  s.min_priority = rules::Priority::Warning;
  ASSERT_TRUE(rs_.select(s).ok());
  EXPECT_EQ(fire(events::PPME_SYSCALL_OPENAT_2_X), (V{"open_etc"}));
  s = {};
  s.toggles = {{false, false, "open_*"}, {true, true, "b"}};
  ASSERT_TRUE(rs_.select(s).ok());
  EXPECT_EQ(fire(events::PPME_SYSCALL_OPENAT_2_X), (V{"open_any"}));
  EXPECT_EQ(rs_.selected_count(), 2u);
  s = {};
  s.run_tags = {"a"};
  s.disable_tags = {"b"};
  Status st = rs_.select(s);
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(st.message(), "You can not specify both disabled (-D/-T) and enabled (-t) rules");
}

TEST_F(RulesetTest, SummaryInFalcosFormat) {
  ev_.str["t.path"] = "/etc/shadow";
  ev_.str["t.ip"] = "127.0.0.1";
  rs_.set_matching(RuleMatching::All);
  fire(events::PPME_SYSCALL_OPENAT_2_X);
  fire(events::PPME_SYSCALL_OPENAT_2_X);
  fire(events::PPME_SOCKET_CONNECT_X);
  std::ostringstream out;
  rs_.print_summary(out);
  EXPECT_EQ(out.str(),
            "Events detected: 5\n"
            "Rule counts by severity:\n"
            "   CRITICAL: 1\n"
            "   WARNING: 2\n"
            "   INFO: 2\n"
            "Triggered rules by rule name:\n"
            "   open_etc: 2\n"
            "   open_any: 2\n"
            "   connect_local: 1\n");
}

}  // namespace
}  // namespace saker::core
