// Pipeline: rules loading (first error stops, old rules kept), selection, matching over
// hand-built events and over a real capture, alert contents and the summary.
#include "engine/core/pipeline.h"

#include <gtest/gtest.h>

#include <sstream>
#include <vector>

#include "engine/events/event_builder.h"
#include "engine/events/event_types.h"
#include "tests/support/shared_fixtures.h"

namespace saker::core {
namespace {

constexpr const char* kCloseRule = R"Y(
- rule: close_seen
  desc: any close
  condition: evt.type = close and evt.dir = <
  output: "close (fd=%evt.arg.fd res=%evt.res tid=%thread.tid)"
  priority: NOTICE
  tags: [fs]
- rule: never
  desc: nothing
  condition: evt.type = close and evt.num < 0
  output: "never"
  priority: ERROR
  tags: [other]
)Y";

struct Built {
  std::vector<uint8_t> buf = std::vector<uint8_t>(256);
  events::EventView view;
};

void build_close(Built& b, bool enter, uint64_t ts, uint64_t tid, int64_t v) {
  events::EventBuilder eb(false);
  eb.start(enter ? events::PPME_SYSCALL_CLOSE_E : events::PPME_SYSCALL_CLOSE_X, b.buf);
  eb.add_i64(v);
  if (!enter) eb.add_i64(7);  // close exit: res, fd
  uint32_t len = eb.finish(ts, tid);
  ASSERT_GT(len, 0u) << eb.error();
  ASSERT_TRUE(events::EventView::parse(std::span<const uint8_t>(b.buf.data(), len), b.view).ok());
}

TEST(Pipeline, MatchesHandBuiltEventsAndCounts) {
  Pipeline p;
  std::vector<output::Alert> alerts;
  p.set_alert_sink([&](output::Alert&& a) { alerts.push_back(std::move(a)); });
  ASSERT_TRUE(p.load_rules_content({{"rules.yaml", kCloseRule}}).ok());
  EXPECT_TRUE(p.event_types().contains(events::PPME_SYSCALL_CLOSE_X));

  Built e, x;
  build_close(e, true, 1000, 42, 7);
  build_close(x, false, 2000, 42, 0);
  EXPECT_EQ(p.process(e.view, 0), 0u);
  EXPECT_EQ(p.process(x.view, 0), 1u);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].rule, "close_seen");
  EXPECT_EQ(alerts[0].priority, output::Priority::Notice);
  EXPECT_EQ(alerts[0].time_ns, 2000u);
  EXPECT_EQ(alerts[0].tags, std::vector<std::string>{"fs"});
  EXPECT_NE(alerts[0].message.find("fd=7 res=SUCCESS"), std::string::npos) << alerts[0].message;
  EXPECT_NE(alerts[0].message.find("tid=42"), std::string::npos) << alerts[0].message;

  std::ostringstream summary;
  p.print_summary(summary);
  EXPECT_EQ(summary.str(),
            "Events detected: 1\nRule counts by severity:\n   NOTICE: 1\n"
            "Triggered rules by rule name:\n   close_seen: 1\n");
}

TEST(Pipeline, SelectionAndPriority) {
  Pipeline p;
  size_t n = 0;
  p.set_alert_sink([&](output::Alert&&) { ++n; });
  ASSERT_TRUE(p.load_rules_content({{"rules.yaml", kCloseRule}}).ok());
  RuleSelection s;
  s.disable_tags = {"fs"};
  ASSERT_TRUE(p.select(s).ok());
  Built x;
  build_close(x, false, 5, 1, 0);
  EXPECT_EQ(p.process(x.view, 0), 0u);
  s = {};
  s.min_priority = rules::Priority::Warning;  // NOTICE is below
  ASSERT_TRUE(p.select(s).ok());
  EXPECT_EQ(p.process(x.view, 0), 0u);
  s = {};
  ASSERT_TRUE(p.select(s).ok());
  EXPECT_EQ(p.process(x.view, 0), 1u);
  EXPECT_EQ(n, 1u);
}

TEST(Pipeline, BadReloadKeepsOldRules) {
  Pipeline p;
  ASSERT_TRUE(p.load_rules_content({{"rules.yaml", kCloseRule}}).ok());
  std::vector<rules::LoadResult> results;
  Status s = p.load_rules_content({{"bad.yaml", "- rule: x\n  condition: proc.pid = hello\n"
                                                "  output: o\n  desc: d\n  priority: INFO\n"}},
                                  &results);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("bad.yaml: Invalid"), std::string::npos) << s.message();
  ASSERT_EQ(results.size(), 1u);
  EXPECT_FALSE(results[0].ok());
  Built x;
  build_close(x, false, 5, 1, 0);
  EXPECT_EQ(p.process(x.view, 0), 1u);  // still the old rules
}

TEST(Pipeline, CatWriteCapture) {
  SAKER_REQUIRE_SHARED();
  const std::string dir = (saker::testing::shared_dir() / "fixtures/falco-legacy").string();
  Pipeline p;
  std::vector<output::Alert> alerts;
  p.set_alert_sink([&](output::Alert&& a) { alerts.push_back(std::move(a)); });
  ASSERT_TRUE(p.load_rules({dir + "/rules/single_rule.yaml"}).ok());
  scap::ScapReader r;
  ASSERT_TRUE(r.open(dir + "/trace_files/cat_write.scap").ok());
  scap::ScapReader::Item item;
  while (r.next(item)) {
    if (item.kind == scap::ScapReader::ItemKind::kEvent) p.process(item.event, item.cpu);
    else p.seed(item);
  }
  ASSERT_TRUE(r.status().ok()) << r.status().message();
  ASSERT_EQ(alerts.size(), 8u);
  EXPECT_EQ(alerts[0].message, "An open was seen (command=cat /dev/null)");
  EXPECT_EQ(alerts[0].time_ns, 1470327477881781397ull);
}

}  // namespace
}  // namespace saker::core
