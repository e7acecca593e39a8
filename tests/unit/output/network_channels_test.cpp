// The seam between saker_output and saker_output_net (engine/output/network_channels.h), linked
// here without saker_output_net: what the static engine gets, and what an installed factory gets.
#include "engine/output/network_channels.h"

#include <gtest/gtest.h>

#include <string>

#include "engine/output/outputs.h"

namespace saker::output {
namespace {

constexpr const char* kHttpUnavailable =
    "http_output: not available in this static build (use a dynamic saker, e.g. through SAKER_SOCKET)";
constexpr const char* kGrpcUnavailable =
    "grpc_output: not available in this static build (use a dynamic saker, e.g. through SAKER_SOCKET)";

class NamedChannel final : public Channel {
 public:
  explicit NamedChannel(std::string name) : name_(std::move(name)) {}
  std::string_view name() const override { return name_; }
  Status write(const RenderedAlert&) override { return Status::Ok(); }

 private:
  std::string name_;
};

// Stands for saker_output_net's factory: one channel per enabled network output, and an error
// for an http_output without url (as the real one).
Status fake_factory(const OutputsConfig& cfg, std::vector<std::unique_ptr<Channel>>* out) {
  if (cfg.http_output.enabled && cfg.http_output.url.empty()) return Status::Error("http_output: url is empty");
  if (cfg.http_output.enabled) out->push_back(std::make_unique<NamedChannel>("fake-http"));
  if (cfg.grpc_output.enabled) out->push_back(std::make_unique<NamedChannel>("fake-grpc"));
  return Status::Ok();
}

// Every test starts and ends without a factory, whatever the order they run in.
class NetworkChannels : public ::testing::Test {
 protected:
  void SetUp() override { set_network_channel_factory(nullptr); }
  void TearDown() override { set_network_channel_factory(nullptr); }

  static OutputsConfig config() {
    OutputsConfig cfg;
    cfg.stdout_output.enabled = false;
    return cfg;
  }
  static std::vector<std::string> names(const std::vector<std::unique_ptr<Channel>>& channels) {
    std::vector<std::string> out;
    for (const auto& c : channels) out.emplace_back(c->name());
    return out;
  }
};

TEST_F(NetworkChannels, WithoutFactoryHttpOutputIsAnErrorNamingTheKey) {
  OutputsConfig cfg = config();
  cfg.http_output.enabled = true;
  cfg.http_output.url = "http://127.0.0.1:9/";
  std::string err;
  EXPECT_EQ(Outputs::create(cfg, &err), nullptr);
  EXPECT_EQ(err, kHttpUnavailable);
}

TEST_F(NetworkChannels, WithoutFactoryBothAreReportedAfterTheLocalOutputsErrors) {
  OutputsConfig cfg = config();
  cfg.file_output.enabled = true;  // no filename: an error of its own, reported first
  cfg.http_output.enabled = true;
  cfg.grpc_output.enabled = true;
  std::vector<std::unique_ptr<Channel>> channels;
  Status st = make_channels(cfg, &channels);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.message(), std::string("file_output: filename is empty; ") + kHttpUnavailable + "; " + kGrpcUnavailable);
  EXPECT_TRUE(channels.empty());
}

TEST_F(NetworkChannels, WithoutFactoryDisabledNetworkOutputsCostNothing) {
  OutputsConfig cfg = config();
  cfg.stdout_output.enabled = true;
  std::vector<std::unique_ptr<Channel>> channels;
  ASSERT_TRUE(make_channels(cfg, &channels).ok());
  EXPECT_EQ(names(channels), std::vector<std::string>{"stdout"});
}

TEST_F(NetworkChannels, InstalledFactoryMakesTheNetworkChannelsAfterTheLocalOnes) {
  set_network_channel_factory(&fake_factory);
  OutputsConfig cfg = config();
  cfg.stdout_output.enabled = true;
  cfg.http_output.enabled = true;
  cfg.http_output.url = "http://127.0.0.1:9/";
  cfg.grpc_output.enabled = true;
  std::vector<std::unique_ptr<Channel>> channels;
  Status st = make_channels(cfg, &channels);
  ASSERT_TRUE(st.ok()) << st.message();
  EXPECT_EQ(names(channels), (std::vector<std::string>{"stdout", "fake-http", "fake-grpc"}));
}

TEST_F(NetworkChannels, InstalledFactoryErrorsReachOutputsCreate) {
  set_network_channel_factory(&fake_factory);
  OutputsConfig cfg = config();
  cfg.http_output.enabled = true;
  std::string err;
  EXPECT_EQ(Outputs::create(cfg, &err), nullptr);
  EXPECT_EQ(err, "http_output: url is empty");
}

}  // namespace
}  // namespace saker::output
