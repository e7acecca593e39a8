// HTTP(S) output against a cpp-httplib server on loopback.
#include <httplib.h>

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>

#include "engine/output/net/network_outputs.h"
#include "engine/output/outputs.h"
#include "tests/integration/output/output_test_util.h"
#include "tests/support/run_command.h"
#include "tests/support/shared_fixtures.h"

namespace saker::output {
namespace {

using namespace std::chrono_literals;
using testing::base_config;
using testing::cat_alert;
using testing::kCatTimes;
using testing::wait_until;

struct Received {
  std::string path, body, user_agent, content_type, content_encoding, custom;
};

// A server on 127.0.0.1:<any port> that records requests; /fail answers 503, /stuck never answers
// until released.
class TestServer {
 public:
  explicit TestServer(std::unique_ptr<httplib::Server> svr = std::make_unique<httplib::Server>()) : svr_(std::move(svr)) {
    auto record = [this](const httplib::Request& req, httplib::Response& res) {
      {
        std::lock_guard l(mu_);
        got_.push_back({req.path, req.body, req.get_header_value("User-Agent"), req.get_header_value("Content-Type"),
                        req.get_header_value("Content-Encoding"), req.get_header_value("X-Saker-Test")});
      }
      res.set_content("{}", "application/json");
    };
    svr_->Post("/", record);
    svr_->Post("/fail", [this](const httplib::Request&, httplib::Response& res) {
      fails_.fetch_add(1);
      res.status = 503;
    });
    svr_->Post("/bad", [this](const httplib::Request&, httplib::Response& res) {
      fails_.fetch_add(1);
      res.status = 400;
    });
    svr_->Post("/stuck", [this](const httplib::Request&, httplib::Response&) {
      while (!release_.load()) std::this_thread::sleep_for(5ms);
    });
    port_ = svr_->bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { svr_->listen_after_bind(); });
    wait_until([this] { return svr_->is_running(); });
  }
  ~TestServer() {
    release_ = true;
    svr_->stop();
    thread_.join();
  }
  std::string url(const std::string& scheme, const std::string& path) const {
    return scheme + "://localhost:" + std::to_string(port_) + path;
  }
  std::vector<Received> got() {
    std::lock_guard l(mu_);
    return got_;
  }
  int fails() const { return fails_.load(); }

 private:
  std::unique_ptr<httplib::Server> svr_;
  int port_ = 0;
  std::thread thread_;
  std::mutex mu_;
  std::vector<Received> got_;
  std::atomic<int> fails_{0};
  std::atomic<bool> release_{false};
};

std::unique_ptr<Outputs> http_outputs(const HttpOutputConfig& http, OutputsConfig cfg = base_config()) {
  install_network_channels();  // as the dynamic saker's main() does
  cfg.http_output = http;
  cfg.http_output.enabled = true;
  std::string err;
  auto out = Outputs::create(cfg, &err);
  EXPECT_TRUE(out) << err;
  if (out) out->set_internal_handler([](Priority, std::string_view) {});
  return out;
}

TEST(HttpOutput, PostsFalcosExactJson) {
  SAKER_REQUIRE_SHARED();
  auto expected = testing::read_lines(
      (saker::testing::shared_dir() / "fixtures/falco-legacy/output_files/single_rule_with_cat_write.json").string());
  ASSERT_EQ(expected.size(), 8u);
  TestServer server;
  HttpOutputConfig http;
  http.url = server.url("http", "/");
  http.user_agent = "saker-test/1";
  http.custom_headers = {{"X-Saker-Test", "yes"}};
  http.keep_alive = true;
  auto out = http_outputs(http);
  ASSERT_TRUE(out);
  for (std::uint64_t t : kCatTimes) out->push(cat_alert(t));
  ASSERT_TRUE(out->drain(10s));
  auto got = server.got();
  ASSERT_EQ(got.size(), 8u);
  for (std::size_t k = 0; k < got.size(); ++k) {
    EXPECT_EQ(got[k].body, expected[k]);
    EXPECT_EQ(got[k].user_agent, "saker-test/1");
    EXPECT_EQ(got[k].content_type, "application/json");
    EXPECT_EQ(got[k].custom, "yes");
    EXPECT_EQ(got[k].content_encoding, "");
  }
  EXPECT_EQ(out->stats().channels.at(0).delivered, 8u);
}

// The real `saker` binary replaying a Falco regression trace posts, for every alert, exactly the
// JSON document Falco's suite expects.
TEST(HttpOutput, ReplayedTracePostsFalcosExactJson) {
  SAKER_REQUIRE_SHARED();
  const auto legacy = saker::testing::shared_dir() / "fixtures/falco-legacy";
  auto expected = testing::read_lines((legacy / "output_files/single_rule_with_cat_write.json").string());
  ASSERT_EQ(expected.size(), 8u);
  TestServer server;
  const auto r = saker::testing::run_command(
      "FALCO_HOSTNAME=test-falco-hostname timeout 60 " + std::string(SAKER_BIN_DIR) +
      "/saker -o stdout_output.enabled=false -o syslog_output.enabled=false -o json_output=true"
      " -o time_format_iso_8601=true -o http_output.enabled=true -o http_output.url=" +
      server.url("http", "/") + " -r " + (legacy / "rules/single_rule_with_tags.yaml").string() + " -e " +
      (legacy / "trace_files/cat_write.scap").string() + " 2>&1");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto got = server.got();
  ASSERT_EQ(got.size(), expected.size()) << r.out;
  for (std::size_t k = 0; k < got.size(); ++k) {
    EXPECT_EQ(got[k].body, expected[k]);
    EXPECT_EQ(got[k].content_type, "application/json");
  }
}

TEST(HttpOutput, GzipUploads) {
  TestServer server;  // httplib inflates gzip bodies (built with CPPHTTPLIB_ZLIB_SUPPORT)
  HttpOutputConfig http;
  http.url = server.url("http", "/");
  http.compress_uploads = true;
  auto out = http_outputs(http);
  ASSERT_TRUE(out);
  out->push(cat_alert(kCatTimes[0]));
  ASSERT_TRUE(out->drain(10s));
  auto got = server.got();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].content_encoding, "gzip");
  EXPECT_EQ(got[0].body.rfind("{\"hostname\":\"test-falco-hostname\",\"output\":\"2016-08-04T16:17:57.881781397+0000: Warning", 0), 0u)
      << got[0].body;
}

TEST(HttpOutput, ServerErrorsAreRetriedThenCounted) {
  TestServer server;
  HttpOutputConfig http;
  http.url = server.url("http", "/fail");
  auto cfg = base_config();
  cfg.max_retries = 2;
  auto out = http_outputs(http, cfg);
  ASSERT_TRUE(out);
  out->push(cat_alert(kCatTimes[0]));
  out->push(cat_alert(kCatTimes[1]));
  ASSERT_TRUE(out->drain(10s));
  // The first alert gets 3 attempts; once it is dropped the channel counts as down and the
  // second gets a single attempt (a dead receiver must not slow the other channels).
  EXPECT_EQ(server.fails(), 4);
  auto c = out->stats().channels.at(0);
  EXPECT_EQ(c.dropped, 2u);
  EXPECT_EQ(c.delivered, 0u);
  EXPECT_EQ(c.retries, 2u);
  EXPECT_NE(c.last_error.find("HTTP 503"), std::string::npos) << c.last_error;
}

TEST(HttpOutput, ClientErrorsAreNotRetried) {
  TestServer server;
  HttpOutputConfig http;
  http.url = server.url("http", "/bad");
  auto out = http_outputs(http);
  ASSERT_TRUE(out);
  out->push(cat_alert(kCatTimes[0]));
  ASSERT_TRUE(out->drain(10s));
  EXPECT_EQ(server.fails(), 1);
  EXPECT_EQ(out->stats().channels.at(0).dropped, 1u);
}

TEST(HttpOutput, ConnectionRefusedIsCounted) {
  int port;
  {
    TestServer server;  // a port that was free a moment ago, now closed
    port = std::stoi(server.url("http", "").substr(17));
  }
  HttpOutputConfig http;
  http.url = "http://127.0.0.1:" + std::to_string(port) + "/";
  auto out = http_outputs(http);
  ASSERT_TRUE(out);
  out->push(cat_alert(kCatTimes[0]));
  ASSERT_TRUE(out->drain(10s));
  auto c = out->stats().channels.at(0);
  EXPECT_EQ(c.dropped, 1u);
  EXPECT_EQ(c.errors, 3u);
  EXPECT_FALSE(c.last_error.empty());
}

TEST(HttpOutput, StuckServerNeverSlowsPush) {
  TestServer server;
  HttpOutputConfig http;
  http.url = server.url("http", "/stuck");
  auto cfg = base_config();
  cfg.output_timeout_ms = 200;
  cfg.max_retries = 0;
  cfg.queue_capacity = 1000;
  std::atomic<int> blocked_reports{0};
  auto out = http_outputs(http, cfg);
  ASSERT_TRUE(out);
  out->set_internal_handler([&](Priority, std::string_view m) {
    if (m.find("output channel http blocked for") != std::string_view::npos) blocked_reports.fetch_add(1);
  });
  const Alert proto = cat_alert(kCatTimes[0]);
  std::chrono::nanoseconds worst{0};
  const auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < 20000; ++i) {
    Alert a = proto;
    const auto s = std::chrono::steady_clock::now();
    out->push(std::move(a));
    worst = std::max(worst, std::chrono::steady_clock::now() - s);
  }
  const auto total = std::chrono::steady_clock::now() - t0;
  EXPECT_LT(total, 2s);
  EXPECT_LT(worst, 50ms);
  ASSERT_TRUE(wait_until([&] { return blocked_reports.load() > 0; }, 5s));
  auto s = out->stats();
  EXPECT_GE(s.queue_dropped, 18000u);
  EXPECT_EQ(s.queued + s.queue_dropped, 20000u);
}

TEST(HttpOutput, HttpsWithMutualTls) {
  testing::TempDir dir;
  auto certs = testing::make_certs(dir);
  ASSERT_TRUE(certs.ok) << "openssl failed";
  TestServer server(std::make_unique<httplib::SSLServer>(certs.server_crt.c_str(), certs.server_key.c_str(),
                                                         certs.ca_crt.c_str()));
  HttpOutputConfig http;
  http.url = server.url("https", "/");
  http.ca_cert = certs.ca_crt;
  http.mtls = true;
  http.client_cert = certs.client_crt;
  http.client_key = certs.client_key;
  auto out = http_outputs(http);
  ASSERT_TRUE(out);
  out->push(cat_alert(kCatTimes[0]));
  ASSERT_TRUE(out->drain(10s));
  EXPECT_EQ(server.got().size(), 1u);
  EXPECT_EQ(out->stats().channels.at(0).delivered, 1u);

  // Without a client certificate the server refuses the handshake.
  http.mtls = false;
  auto no_cert = http_outputs(http);
  no_cert->push(cat_alert(kCatTimes[1]));
  ASSERT_TRUE(no_cert->drain(10s));
  EXPECT_EQ(server.got().size(), 1u);
  EXPECT_EQ(no_cert->stats().channels.at(0).dropped, 1u);

  // Without the CA the server is not trusted, unless insecure.
  http.mtls = true;
  http.ca_cert.clear();
  auto untrusted = http_outputs(http);
  untrusted->push(cat_alert(kCatTimes[2]));
  ASSERT_TRUE(untrusted->drain(10s));
  EXPECT_EQ(untrusted->stats().channels.at(0).dropped, 1u);
  http.insecure = true;
  auto insecure = http_outputs(http);
  insecure->push(cat_alert(kCatTimes[3]));
  ASSERT_TRUE(insecure->drain(10s));
  EXPECT_EQ(server.got().size(), 2u);
}

}  // namespace
}  // namespace saker::output
