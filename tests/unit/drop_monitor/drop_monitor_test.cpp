#include "engine/sources/drop_monitor.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace saker::sources {
namespace {

constexpr uint64_t kSec = 1000000000ull;

struct Captured {
  std::vector<std::string> logs;
  std::vector<std::string> alerts;
  DropSinks sinks() {
    DropSinks s;
    s.log = [this](DropSinks::Level l, std::string_view m) {
      if (l != DropSinks::Level::kInfo) logs.emplace_back(m);
    };
    s.alert = [this](std::string_view m, uint64_t) { alerts.emplace_back(m); };
    return s;
  }
};

TEST(DropMonitor, ActsOncePerSecondAboveThreshold) {
  Captured c;
  DropPolicy p;
  p.threshold = 0.1;
  p.log = true;
  p.alert = true;
  p.rate = 100;
  p.max_burst = 10;
  DropMonitor m(p, c.sinks());
  const uint64_t t0 = 1000 * kSec;
  EXPECT_TRUE(m.on_event(t0, {100, 0}));
  // Within the same second nothing is checked, whatever the counters say.
  EXPECT_TRUE(m.on_event(t0 + kSec / 2, {200, 150}));
  EXPECT_EQ(m.occurrences(), 0u);
  // 150 drops out of 200 new events: above 10%.
  EXPECT_TRUE(m.on_event(t0 + kSec + 1, {300, 150}));
  EXPECT_EQ(m.occurrences(), 1u);
  EXPECT_EQ(m.actions_taken(), 1u);
  ASSERT_EQ(c.alerts.size(), 1u);
  EXPECT_NE(c.alerts[0].find("Falco internal: syscall event drop. 150 system calls dropped in last second."),
            std::string::npos);
  EXPECT_NE(c.alerts[0].find("n_evts=200 n_drops=150"), std::string::npos) << c.alerts[0];
  ASSERT_EQ(c.logs.size(), 1u);
  // 5 drops out of 1000: below the threshold, no action.
  EXPECT_TRUE(m.on_event(t0 + 3 * kSec, {1300, 155}));
  EXPECT_EQ(m.occurrences(), 1u);
  EXPECT_EQ(m.drops_seen(), 155u);
}

TEST(DropMonitor, TokenBucketLimitsActionsOnTheSourceClock) {
  Captured c;
  DropPolicy p;
  p.threshold = 0;
  p.log = false;
  p.alert = true;
  p.rate = 0.5;  // one action every 2 s once the burst is used
  p.max_burst = 1;
  DropMonitor m(p, c.sinks());
  for (uint64_t s = 0; s < 4; ++s) m.check((10 + s) * kSec, {10, 1});
  EXPECT_EQ(m.occurrences(), 4u);
  EXPECT_EQ(m.actions_taken(), 2u);  // t=10 (burst), t=12
  EXPECT_EQ(c.alerts.size(), 2u);
}

TEST(DropMonitor, SimulatedDropsActEvenWithoutDropsAndExitStops) {
  Captured c;
  DropPolicy p;
  p.threshold = 0.9;  // ignored when simulating, as in Falco
  p.simulate_drops = true;
  p.log = false;
  p.alert = false;
  p.exit = true;
  p.rate = 1;
  p.max_burst = 10;
  DropMonitor m(p, c.sinks());
  EXPECT_TRUE(m.on_event(kSec, {1, 0}));
  EXPECT_FALSE(m.on_event(3 * kSec, {1000, 0}));
  EXPECT_TRUE(m.exit_requested());
  EXPECT_EQ(m.occurrences(), 1u);
  ASSERT_EQ(c.logs.size(), 2u);
  EXPECT_EQ(c.logs[1], "Exiting.");
}

}  // namespace
}  // namespace saker::sources
