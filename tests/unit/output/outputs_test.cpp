#include "engine/output/outputs.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "engine/output/rate_limiter.h"

namespace saker::output {
namespace {

using namespace std::chrono_literals;

// What a FakeChannel saw; shared with the test because Outputs owns the channel.
struct Record {
  std::mutex mu;
  std::vector<std::string> lines;
  std::atomic<int> fail_next{0};      // fail this many writes
  std::atomic<bool> retryable{true};
  std::atomic<int> block_ms{0};       // each write sleeps this long
  std::atomic<int> reopens{0};
  std::vector<std::string> snapshot() {
    std::lock_guard l(mu);
    return lines;
  }
};

class FakeChannel final : public Channel {
 public:
  FakeChannel(std::string name, std::shared_ptr<Record> r) : name_(std::move(name)), r_(std::move(r)) {}
  std::string_view name() const override { return name_; }
  Status write(const RenderedAlert& a) override {
    if (int ms = r_->block_ms.load()) std::this_thread::sleep_for(std::chrono::milliseconds(ms));
    if (r_->fail_next.load() > 0) {
      r_->fail_next.fetch_sub(1);
      return Status::Error("fake failure");
    }
    std::lock_guard l(r_->mu);
    r_->lines.emplace_back(a.line);
    return Status::Ok();
  }
  bool retryable() const override { return r_->retryable.load(); }
  void reopen() override { r_->reopens.fetch_add(1); }

 private:
  std::string name_;
  std::shared_ptr<Record> r_;
};

OutputsConfig quiet_config() {
  OutputsConfig cfg;
  cfg.stdout_output.enabled = false;
  cfg.time_format_iso_8601 = true;
  cfg.hostname = "h";
  cfg.retry_backoff_ms = 1;
  return cfg;
}

Alert make_alert(int i) {
  Alert a;
  a.time_ns = 1000000000ull * static_cast<std::uint64_t>(i);
  a.priority = Priority::Warning;
  a.rule = "r";
  a.message = "alert " + std::to_string(i);
  return a;
}

std::vector<std::unique_ptr<Channel>> one(std::string name, std::shared_ptr<Record> r) {
  std::vector<std::unique_ptr<Channel>> v;
  v.push_back(std::make_unique<FakeChannel>(std::move(name), std::move(r)));
  return v;
}

TEST(TokenBucket, BurstThenRate) {
  auto t0 = TokenBucket::Clock::now();
  TokenBucket b(10, 3, t0);  // 10/s, burst 3
  EXPECT_TRUE(b.claim(t0));
  EXPECT_TRUE(b.claim(t0));
  EXPECT_TRUE(b.claim(t0));
  EXPECT_FALSE(b.claim(t0));
  EXPECT_FALSE(b.claim(t0 + 50ms));  // half a token
  EXPECT_TRUE(b.claim(t0 + 100ms));
  EXPECT_FALSE(b.claim(t0 + 100ms));
  EXPECT_TRUE(b.claim(t0 + 10s));  // refilled to the burst, no more
  EXPECT_TRUE(b.claim(t0 + 10s));
  EXPECT_TRUE(b.claim(t0 + 10s));
  EXPECT_FALSE(b.claim(t0 + 10s));
  TokenBucket off;
  for (int i = 0; i < 1000; ++i) EXPECT_TRUE(off.claim());
}

TEST(Outputs, DeliversInOrderToEveryChannel) {
  auto a = std::make_shared<Record>(), b = std::make_shared<Record>();
  auto chans = one("a", a);
  chans.push_back(std::make_unique<FakeChannel>("b", b));
  Outputs out(quiet_config(), std::move(chans));
  for (int i = 0; i < 100; ++i) EXPECT_EQ(out.push(make_alert(i)), PushResult::Queued);
  ASSERT_TRUE(out.drain(5s));
  auto la = a->snapshot(), lb = b->snapshot();
  ASSERT_EQ(la.size(), 100u);
  EXPECT_EQ(la, lb);
  EXPECT_EQ(la[0], "1970-01-01T00:00:00.000000000+0000: Warning alert 0");
  EXPECT_EQ(la[99], "1970-01-01T00:01:39.000000000+0000: Warning alert 99");
  auto s = out.stats();
  ASSERT_EQ(s.channels.size(), 2u);
  EXPECT_EQ(s.channels[0].delivered, 100u);
  EXPECT_EQ(s.processed, 100u);
}

TEST(Outputs, FullQueueDropsWithoutBlockingAndAnnounces) {
  auto r = std::make_shared<Record>();
  r->block_ms = 50;
  auto cfg = quiet_config();
  cfg.queue_capacity = 4;
  std::vector<std::string> internal;
  std::mutex mu;
  Outputs out(cfg, one("slow", r));
  out.set_internal_handler([&](Priority, std::string_view m) {
    std::lock_guard l(mu);
    internal.emplace_back(m);
  });
  const auto t0 = std::chrono::steady_clock::now();
  int queued = 0, full = 0;
  for (int i = 0; i < 1000; ++i) {
    auto res = out.push(make_alert(i));
    (res == PushResult::Queued ? queued : full)++;
  }
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 200ms);  // 1000 pushes, no waiting
  EXPECT_GT(full, 900);
  ASSERT_TRUE(out.drain(10s));
  auto s = out.stats();
  EXPECT_EQ(s.queue_dropped, static_cast<std::uint64_t>(full));
  EXPECT_EQ(s.queued, static_cast<std::uint64_t>(queued));
  EXPECT_LE(s.queue_high_water, 4u);
  // The drop is announced as an internal alert through the channel and to the handler.
  bool seen = false;
  for (const auto& l : r->snapshot()) seen = seen || l.find("Critical Falco internal: outputs queue full") != std::string::npos;
  EXPECT_TRUE(seen);
  std::lock_guard l(mu);
  ASSERT_FALSE(internal.empty());
  EXPECT_NE(internal[0].find("alerts dropped"), std::string::npos);
}

TEST(Outputs, RateLimiterThrottles) {
  auto r = std::make_shared<Record>();
  auto cfg = quiet_config();
  cfg.rate = 1;  // one per second, burst 5
  cfg.max_burst = 5;
  Outputs out(cfg, one("a", r));
  int throttled = 0;
  for (int i = 0; i < 20; ++i) throttled += out.push(make_alert(i)) == PushResult::Throttled;
  EXPECT_EQ(throttled, 15);
  ASSERT_TRUE(out.drain(5s));
  EXPECT_EQ(r->snapshot().size(), 5u);
  EXPECT_EQ(out.stats().throttled, 15u);
}

TEST(Outputs, RetriesThenCountsDrops) {
  auto r = std::make_shared<Record>();
  auto cfg = quiet_config();
  cfg.max_retries = 2;
  Outputs out(cfg, one("flaky", r));
  out.set_internal_handler([](Priority, std::string_view) {});
  r->fail_next = 2;  // first alert succeeds on the third attempt
  out.push(make_alert(1));
  ASSERT_TRUE(out.drain(5s));
  r->fail_next = 3;  // second alert exhausts its attempts
  out.push(make_alert(2));
  ASSERT_TRUE(out.drain(5s));
  r->retryable = false;  // third: a permanent failure is not retried
  r->fail_next = 1;
  out.push(make_alert(3));
  ASSERT_TRUE(out.drain(5s));
  auto lines = r->snapshot();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_NE(lines[0].find("alert 1"), std::string::npos);
  auto c = out.stats().channels.at(0);
  EXPECT_EQ(c.delivered, 1u);
  EXPECT_EQ(c.dropped, 2u);
  EXPECT_EQ(c.retries, 4u);
  EXPECT_EQ(c.errors, 6u);
  EXPECT_EQ(c.last_error, "fake failure");
  EXPECT_NE(out.summary().find("flaky: 1 delivered, 2 dropped"), std::string::npos) << out.summary();
}

// A dead channel (every write fails) is retried for the first alert only: the next alerts get one
// attempt each (no back-off sleeps), so the healthy channel beside it receives everything.
TEST(Outputs, DeadChannelStopsRetryingAndNeverStarvesOthers) {
  auto dead = std::make_shared<Record>();
  auto good = std::make_shared<Record>();
  auto cfg = quiet_config();
  cfg.max_retries = 2;
  cfg.retry_backoff_ms = 20;
  std::vector<std::unique_ptr<Channel>> channels;
  channels.push_back(std::make_unique<FakeChannel>("dead", dead));
  channels.push_back(std::make_unique<FakeChannel>("good", good));
  Outputs out(cfg, std::move(channels));
  out.set_internal_handler([](Priority, std::string_view) {});
  dead->fail_next = 1000000;
  for (int i = 1; i <= 20; ++i) out.push(make_alert(i));
  ASSERT_TRUE(out.drain(5s));
  EXPECT_EQ(good->snapshot().size(), 20u);
  const auto st = out.stats();
  EXPECT_EQ(st.channels.at(0).dropped, 20u);
  EXPECT_EQ(st.channels.at(0).retries, 2u) << "only the first dropped alert is retried";
  EXPECT_EQ(st.channels.at(0).errors, 22u);
  // Once it works again, a success ends the single-attempt mode: a failure is retried again.
  dead->fail_next = 0;
  out.push(make_alert(21));
  ASSERT_TRUE(out.drain(5s));
  dead->fail_next = 1;
  out.push(make_alert(22));
  ASSERT_TRUE(out.drain(5s));
  EXPECT_EQ(dead->snapshot().size(), 2u);
  EXPECT_EQ(out.stats().channels.at(0).retries, 3u);
}

TEST(Outputs, WatchdogReportsBlockedChannel) {
  auto r = std::make_shared<Record>();
  r->block_ms = 300;
  auto cfg = quiet_config();
  cfg.output_timeout_ms = 50;
  std::vector<std::string> internal;
  std::mutex mu;
  Outputs out(cfg, one("stuck", r));
  out.set_internal_handler([&](Priority, std::string_view m) {
    std::lock_guard l(mu);
    internal.emplace_back(m);
  });
  const auto t0 = std::chrono::steady_clock::now();
  out.push(make_alert(1));
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 20ms);
  ASSERT_TRUE(out.drain(5s));
  EXPECT_EQ(out.stats().channels.at(0).blocked, 1u);  // reported once, while blocked
  std::lock_guard l(mu);
  ASSERT_EQ(internal.size(), 1u);
  EXPECT_NE(internal[0].find("output channel stuck blocked for "), std::string::npos) << internal[0];
}

TEST(Outputs, ReopenAndReconfigureKeepQueuedAlerts) {
  auto a = std::make_shared<Record>(), b = std::make_shared<Record>();
  a->block_ms = 2;
  Outputs out(quiet_config(), one("a", a));
  for (int i = 0; i < 200; ++i) out.push(make_alert(i));
  while (a->snapshot().size() < 20) std::this_thread::sleep_for(1ms);
  out.request_reopen();
  auto cfg = quiet_config();
  cfg.json_output = true;
  out.reconfigure(cfg, one("b", b));
  for (int i = 200; i < 300; ++i) out.push(make_alert(i));
  ASSERT_TRUE(out.drain(10s));
  auto la = a->snapshot(), lb = b->snapshot();
  EXPECT_EQ(la.size() + lb.size(), 300u);  // nothing lost, nothing twice
  EXPECT_GE(la.size(), 20u);
  for (std::size_t k = 0; k < la.size(); ++k) EXPECT_NE(la[k].find("alert " + std::to_string(k)), std::string::npos);
  for (std::size_t k = 0; k < lb.size(); ++k) {
    EXPECT_NE(lb[k].find("alert " + std::to_string(k + la.size()) + "\""), std::string::npos) << lb[k];
  }
  EXPECT_GE(a->reopens.load() + b->reopens.load(), 1);
  ASSERT_FALSE(lb.empty());
  EXPECT_EQ(lb.back().rfind("{\"hostname\":\"h\"", 0), 0u);  // the new config's format
  EXPECT_NE(lb.back().find("alert 299"), std::string::npos);
}

}  // namespace
}  // namespace saker::output
