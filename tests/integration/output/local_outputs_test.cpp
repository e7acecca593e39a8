// File, program and syslog outputs with real files, real shells and a real datagram socket.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <atomic>
#include <regex>
#include <set>

#include "engine/output/fd_channels.h"
#include "engine/output/outputs.h"
#include "tests/integration/output/output_test_util.h"
#include "tests/support/shared_fixtures.h"

namespace saker::output {
namespace {

using namespace std::chrono_literals;
using testing::base_config;
using testing::cat_alert;
using testing::kCatTimes;
using testing::read_lines;
using testing::TempDir;
using testing::wait_until;

std::unique_ptr<Outputs> make(const OutputsConfig& cfg) {
  std::string err;
  auto out = Outputs::create(cfg, &err);
  EXPECT_TRUE(out) << err;
  if (out) out->set_internal_handler([](Priority, std::string_view) {});
  return out;
}

Alert numbered(int i) {
  Alert a = cat_alert(kCatTimes[0] + static_cast<std::uint64_t>(i));
  a.message = "alert number " + std::to_string(i);
  return a;
}

std::vector<std::string> fixture_text() {
  return read_lines((saker::testing::shared_dir() / "fixtures/falco-legacy/output_files/single_rule_with_cat_write.txt").string());
}

// ---- file -----------------------------------------------------------------------------------

TEST(FileOutput, MatchesFalcoFixture) {
  SAKER_REQUIRE_SHARED();
  for (bool keep_alive : {false, true}) {
    TempDir dir;
    auto cfg = base_config();
    cfg.file_output = {true, keep_alive, dir.file("file_output.txt")};
    auto out = make(cfg);
    for (std::uint64_t t : kCatTimes) out->push(cat_alert(t));
    ASSERT_TRUE(out->drain(10s));
    EXPECT_EQ(read_lines(cfg.file_output.filename), fixture_text()) << "keep_alive=" << keep_alive;
  }
}

std::atomic<Outputs*> g_outputs{nullptr};
extern "C" void on_sigusr1(int) {
  if (Outputs* o = g_outputs.load()) o->request_reopen();
}

TEST(FileOutput, SurvivesRotationOnSigusr1) {
  for (bool buffered : {false, true}) {
    TempDir dir;
    auto cfg = base_config();
    cfg.buffered_outputs = buffered;
    cfg.file_output = {true, true, dir.file("alerts.log")};
    auto out = make(cfg);
    g_outputs = out.get();
    struct sigaction sa {};
    sa.sa_handler = on_sigusr1;
    struct sigaction old {};
    ASSERT_EQ(::sigaction(SIGUSR1, &sa, &old), 0);
    constexpr int kTotal = 20000;
    std::thread producer([&] {
      for (int i = 0; i < kTotal; ++i) {
        out->push(numbered(i));
        if (i % 100 == 0) std::this_thread::sleep_for(1ms);
      }
    });
    // Rotate twice while alerts flow, as logrotate would: rename, then signal.
    for (int r = 1; r <= 2; ++r) {
      ASSERT_TRUE(wait_until([&] { return out->stats().processed >= static_cast<std::uint64_t>(r * kTotal / 3); }));
      std::filesystem::rename(cfg.file_output.filename, cfg.file_output.filename + "." + std::to_string(r));
      ::kill(::getpid(), SIGUSR1);
    }
    producer.join();
    ASSERT_TRUE(out->drain(20s));
    g_outputs = nullptr;
    ::sigaction(SIGUSR1, &old, nullptr);

    std::vector<std::string> all;
    std::size_t per_file[3];
    for (int f : {1, 2, 0}) {  // .1 is the oldest (first rotation), then .2, then the live file
      auto lines = read_lines(cfg.file_output.filename + (f == 0 ? "" : "." + std::to_string(f)));
      per_file[f] = lines.size();
      all.insert(all.end(), lines.begin(), lines.end());
    }
    EXPECT_GT(per_file[0], 0u);
    EXPECT_GT(per_file[1], 0u);
    EXPECT_GT(per_file[2], 0u);
    ASSERT_EQ(all.size(), static_cast<std::size_t>(kTotal)) << "buffered=" << buffered;
    // In order across the files, none lost, none twice.
    for (int i = 0; i < kTotal; ++i) {
      ASSERT_NE(all[i].find("alert number " + std::to_string(i)), std::string::npos) << all[i];
      ASSERT_EQ(all[i].size(), all[i].find("alert number " + std::to_string(i)) + 13 + std::to_string(i).size());
    }
    EXPECT_EQ(out->stats().channels.at(0).dropped, 0u);
  }
}

TEST(FileOutput, ReconfigureSwitchesFilesWithoutLoss) {
  TempDir dir;
  auto cfg = base_config();
  cfg.file_output = {true, true, dir.file("a.log")};
  auto out = make(cfg);
  for (int i = 0; i < 3000; ++i) {
    out->push(numbered(i));
    if (i == 1500) {
      auto next = cfg;
      next.file_output.filename = dir.file("b.log");
      next.json_output = true;
      out->reconfigure(next);  // as on SIGHUP: applied between two alerts
    }
  }
  ASSERT_TRUE(out->drain(20s));
  auto a = read_lines(dir.file("a.log"));
  auto b = read_lines(dir.file("b.log"));
  ASSERT_EQ(a.size() + b.size(), 3000u);
  EXPECT_FALSE(b.empty());
  for (std::size_t k = 0; k < a.size(); ++k) ASSERT_NE(a[k].find("alert number " + std::to_string(k)), std::string::npos);
  for (std::size_t k = 0; k < b.size(); ++k) {
    ASSERT_EQ(b[k].rfind("{\"hostname\"", 0), 0u) << b[k];
    ASSERT_NE(b[k].find("alert number " + std::to_string(k + a.size()) + "\""), std::string::npos) << b[k];
  }
}

TEST(FileOutput, DiskFullIsCountedAsDropped) {
  auto cfg = base_config();
  cfg.file_output = {true, true, "/dev/full"};
  auto out = make(cfg);
  out->push(numbered(1));
  out->push(numbered(2));
  ASSERT_TRUE(out->drain(10s));
  auto c = out->stats().channels.at(0);
  EXPECT_EQ(c.dropped, 2u);
  EXPECT_EQ(c.delivered, 0u);
  EXPECT_NE(c.last_error.find("No space left on device"), std::string::npos) << c.last_error;
}

// ---- stdout ---------------------------------------------------------------------------------

TEST(StdoutOutput, WritesLinesToItsFd) {
  SAKER_REQUIRE_SHARED();
  TempDir dir;
  const std::string file = dir.file("stdout.txt");
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  ASSERT_GE(fd, 0);
  {
    std::vector<std::unique_ptr<Channel>> chans;
    chans.push_back(std::make_unique<StdoutChannel>(fd));
    Outputs out(base_config(), std::move(chans));
    for (std::uint64_t t : kCatTimes) out.push(cat_alert(t));
    ASSERT_TRUE(out.drain(10s));
  }
  ::close(fd);
  EXPECT_EQ(read_lines(file), fixture_text());
}

// ---- program --------------------------------------------------------------------------------

TEST(ProgramOutput, ShellPipelineMatchesFalcoFixture) {
  SAKER_REQUIRE_SHARED();
  for (bool keep_alive : {false, true}) {
    TempDir dir;
    auto cfg = base_config();
    const std::string file = dir.file("program_output.txt");
    cfg.program_output = {true, keep_alive, "cat >> " + file};
    {
      auto out = make(cfg);
      for (std::uint64_t t : kCatTimes) out->push(cat_alert(t));
      ASSERT_TRUE(out->drain(10s));
    }  // the program gets EOF and exits
    ASSERT_TRUE(wait_until([&] { return read_lines(file).size() == 8; }));
    EXPECT_EQ(read_lines(file), fixture_text()) << "keep_alive=" << keep_alive;
  }
}

TEST(ProgramOutput, PipelineWithFilterAndJson) {
  TempDir dir;
  auto cfg = base_config();
  cfg.json_output = true;
  const std::string file = dir.file("out.txt");
  cfg.program_output = {true, true, "grep --line-buffered -v 'number 3' | sed -u 's/^/got: /' >> " + file};
  {
    auto out = make(cfg);
    for (int i = 0; i < 5; ++i) out->push(numbered(i));
    ASSERT_TRUE(out->drain(10s));
  }
  ASSERT_TRUE(wait_until([&] { return read_lines(file).size() == 4; }));
  auto lines = read_lines(file);
  EXPECT_EQ(lines[0].rfind("got: {\"hostname\":\"test-falco-hostname\"", 0), 0u) << lines[0];
  EXPECT_NE(lines[3].find("alert number 4"), std::string::npos);
}

TEST(ProgramOutput, RestartedWhenItExitsAndOnSigusr1) {
  TempDir dir;
  auto cfg = base_config();
  const std::string file = dir.file("out.txt");
  // Each instance announces itself, takes one line and exits.
  cfg.program_output = {true, true, "echo start >> " + file + "; read line; echo \"$line\" >> " + file};
  auto out = make(cfg);
  for (int i = 0; i < 3; ++i) {
    out->push(numbered(i));
    ASSERT_TRUE(out->drain(10s));
    ASSERT_TRUE(wait_until([&] { return read_lines(file).size() == static_cast<std::size_t>(2 * (i + 1)); }));
    std::this_thread::sleep_for(100ms);  // let the instance exit before the next alert
  }
  auto lines = read_lines(file);
  ASSERT_EQ(lines.size(), 6u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(lines[2 * i], "start");
    EXPECT_NE(lines[2 * i + 1].find("alert number " + std::to_string(i)), std::string::npos);
  }

  // A long-lived program is restarted on reopen (SIGUSR1).
  TempDir dir2;
  const std::string file2 = dir2.file("out.txt");
  cfg.program_output = {true, true, "echo start >> " + file2 + "; exec cat >> " + file2};
  auto out2 = make(cfg);
  out2->push(numbered(1));
  ASSERT_TRUE(out2->drain(10s));
  out2->request_reopen();
  out2->push(numbered(2));
  ASSERT_TRUE(out2->drain(10s));
  out2.reset();
  ASSERT_TRUE(wait_until([&] { return read_lines(file2).size() == 4; }));
  lines = read_lines(file2);
  EXPECT_EQ(lines[0], "start");
  EXPECT_NE(lines[1].find("alert number 1"), std::string::npos);
  EXPECT_EQ(lines[2], "start");
  EXPECT_NE(lines[3].find("alert number 2"), std::string::npos);
}

TEST(ProgramOutput, ProgramThatNeverReadsDoesNotBlockPush) {
  auto cfg = base_config();
  cfg.program_output = {true, true, "exec sleep 30"};
  cfg.output_timeout_ms = 100;
  cfg.max_retries = 0;
  cfg.queue_capacity = 100;
  auto out = make(cfg);
  std::atomic<int> blocked{0};
  out->set_internal_handler([&](Priority, std::string_view m) {
    if (m.find("blocked") != std::string_view::npos) blocked.fetch_add(1);
  });
  const auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < 5000; ++i) {
    Alert a = numbered(i);
    a.message.append(4000, 'x');  // the queue alone holds far more than a pipe
    out->push(std::move(a));
  }
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 1s);
  ASSERT_TRUE(wait_until([&] { return out->stats().channels.at(0).dropped > 0; })) << out->summary();
  auto s = out->stats();
  EXPECT_GT(s.queue_dropped, 0u);
  EXPECT_GT(s.channels.at(0).errors, 0u);
  // Shutting down gives up on the stuck program within a bound, and counts what it gave up.
  const auto s0 = std::chrono::steady_clock::now();
  out.reset();
  EXPECT_LT(std::chrono::steady_clock::now() - s0, 5s);
}

// ---- syslog ---------------------------------------------------------------------------------

class DatagramListener {
 public:
  explicit DatagramListener(const std::string& path) {
    fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::snprintf(addr.sun_path, sizeof(addr.sun_path), "%s", path.c_str());
    EXPECT_EQ(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
    timeval tv{5, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
  }
  ~DatagramListener() { ::close(fd_); }
  std::string receive() {
    char buf[65536];
    ssize_t n = ::recv(fd_, buf, sizeof(buf), 0);
    return n < 0 ? std::string() : std::string(buf, static_cast<std::size_t>(n));
  }

 private:
  int fd_;
};

TEST(SyslogOutput, DatagramsReachTheSocket) {
  TempDir dir;
  const std::string sock = dir.file("log.sock");
  DatagramListener listener(sock);
  auto cfg = base_config();
  cfg.syslog_output.enabled = true;
  cfg.syslog_output.socket_path = sock;
  auto out = make(cfg);
  Alert warn = cat_alert(kCatTimes[0]);
  Alert crit = cat_alert(kCatTimes[1]);
  crit.priority = Priority::Critical;
  Alert dbg = cat_alert(kCatTimes[2]);
  dbg.priority = Priority::Debug;
  out->push(warn);
  out->push(crit);
  out->push(dbg);
  const std::string pid = std::to_string(::getpid());
  const std::regex header("^<([0-9]+)>[A-Z][a-z][a-z] [ 0-9][0-9] [0-9]{2}:[0-9]{2}:[0-9]{2} saker\\[" + pid + "\\]: (.*)$");
  const char* want_pri[] = {"12", "10", "15"};  // LOG_USER (8) + severity
  for (int k = 0; k < 3; ++k) {
    std::string d = listener.receive();
    std::smatch m;
    ASSERT_TRUE(std::regex_match(d, m, header)) << d;
    EXPECT_EQ(m[1], want_pri[k]);
    std::string t;
    append_time_iso8601(kCatTimes[k], t);
    EXPECT_EQ(m[2].str().rfind(t + ": ", 0), 0u) << d;
  }
  ASSERT_TRUE(out->drain(5s));
  EXPECT_EQ(out->stats().channels.at(0).delivered, 3u);
}

TEST(SyslogOutput, MissingReceiverIsCounted) {
  TempDir dir;
  auto cfg = base_config();
  cfg.syslog_output.enabled = true;
  cfg.syslog_output.socket_path = dir.file("nobody.sock");
  auto out = make(cfg);
  out->push(cat_alert(kCatTimes[0]));
  ASSERT_TRUE(out->drain(5s));
  auto c = out->stats().channels.at(0);
  EXPECT_EQ(c.dropped, 1u);
  EXPECT_NE(c.last_error.find("nobody.sock"), std::string::npos);
}

}  // namespace
}  // namespace saker::output
