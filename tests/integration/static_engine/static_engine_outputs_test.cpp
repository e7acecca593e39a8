// saker-static and saker-wrap (bin/dist) are built without the HTTP and gRPC output channels:
// an enabled http_output or grpc_output stops them with one error naming the key, before any
// event is read. The dynamic `saker` run with the same options delivers to a real receiver.
#include <httplib.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "tests/support/run_command.h"
#include "tests/support/shared_fixtures.h"

namespace {

namespace fs = std::filesystem;
using saker::testing::CommandResult;
using saker::testing::run_command;
using saker::testing::shell_quote;

const std::string kBin = SAKER_BIN_DIR;
constexpr const char* kHttpUnavailable =
    "http_output: not available in this static build (use a dynamic saker, e.g. through SAKER_SOCKET)";
constexpr const char* kGrpcUnavailable =
    "grpc_output: not available in this static build (use a dynamic saker, e.g. through SAKER_SOCKET)";

// A temporary folder with a rule that fires on every open(2) of the capture.
class Workdir {
 public:
  Workdir() {
    dir_ = fs::temp_directory_path() / ("saker-static-outputs-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    std::ofstream(dir_ / "rules.yaml") << "- rule: Static Outputs Test Open\n"
                                          "  desc: every open of the capture\n"
                                          "  condition: evt.type = open\n"
                                          "  output: opened %fd.name\n"
                                          "  priority: WARNING\n";
  }
  ~Workdir() { fs::remove_all(dir_); }
  fs::path path(const std::string& name) const { return dir_ / name; }

 private:
  fs::path dir_;
};

// An HTTP receiver on 127.0.0.1 counting the alerts POSTed to it.
class Receiver {
 public:
  Receiver() {
    svr_.Post("/", [this](const httplib::Request& req, httplib::Response& res) {
      if (req.body.find("Static Outputs Test Open") != std::string::npos) posts_.fetch_add(1);
      res.set_content("{}", "application/json");
    });
    port_ = svr_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { svr_.listen_after_bind(); });
    // Bounded: stop() before the loop runs would leave join() waiting.
    for (int i = 0; i < 500 && !svr_.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ~Receiver() {
    svr_.stop();
    thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/"; }
  int posts() const { return posts_.load(); }

 private:
  httplib::Server svr_;
  int port_ = 0;
  std::thread thread_;
  std::atomic<int> posts_{0};
};

std::string capture() {
  return (saker::testing::shared_dir() / "fixtures/captures/cat_write.scap").string();
}

// `binary -r rules -e capture OPTIONS`, stdout and stderr together.
CommandResult replay(const std::string& binary, const Workdir& w, const std::string& options) {
  return run_command(shell_quote(binary) + " -r " + shell_quote(w.path("rules.yaml").string()) + " -e " +
                     shell_quote(capture()) + " -o json_output=true " + options + " 2>&1");
}

std::string http_options(const Receiver& r) {
  return "-o http_output.enabled=true -o http_output.url=" + shell_quote(r.url());
}

std::string grpc_options(const Workdir& w) {
  return "-o grpc.enabled=true -o grpc_output.enabled=true -o grpc.bind_address=" +
         shell_quote("unix://" + w.path("grpc.sock").string());
}

TEST(StaticEngineOutputs, HttpOutputIsAConfigurationErrorNamingTheKey) {
  SAKER_REQUIRE_SHARED();
  Workdir w;
  Receiver r;
  CommandResult res = replay(kBin + "/saker-static", w, http_options(r));
  EXPECT_EQ(res.exit_code, 1) << res.out;
  EXPECT_NE(res.out.find(std::string("Error: ") + kHttpUnavailable), std::string::npos) << res.out;
  EXPECT_EQ(r.posts(), 0);
}

TEST(StaticEngineOutputs, GrpcOutputIsAConfigurationErrorNamingTheKey) {
  SAKER_REQUIRE_SHARED();
  Workdir w;
  CommandResult res = replay(kBin + "/saker-static", w, grpc_options(w));
  EXPECT_EQ(res.exit_code, 1) << res.out;
  EXPECT_NE(res.out.find(std::string("Error: ") + kGrpcUnavailable), std::string::npos) << res.out;
  EXPECT_FALSE(fs::exists(w.path("grpc.sock")));
}

TEST(StaticEngineOutputs, BothAreReportedInOneLine) {
  SAKER_REQUIRE_SHARED();
  Workdir w;
  Receiver r;
  CommandResult res = replay(kBin + "/saker-static", w, http_options(r) + " " + grpc_options(w));
  EXPECT_EQ(res.exit_code, 1) << res.out;
  EXPECT_NE(res.out.find(std::string("Error: ") + kHttpUnavailable + "; " + kGrpcUnavailable), std::string::npos)
      << res.out;
}

TEST(StaticEngineOutputs, DynamicSakerDeliversWithTheSameOptions) {
  SAKER_REQUIRE_SHARED();
  Workdir w;
  Receiver r;
  CommandResult res = replay(kBin + "/saker", w, http_options(r) + " " + grpc_options(w));
  EXPECT_EQ(res.exit_code, 0) << res.out;
  EXPECT_EQ(res.out.find("not available"), std::string::npos) << res.out;
  EXPECT_GT(r.posts(), 0) << res.out;
}

// saker-wrap runs the same static engine in-process (`saker trace`, which prefixes "outputs: "):
// SAKER_OUTPUT_HTTP is its http_output.
TEST(StaticEngineOutputs, WrapHttpOutputIsAConfigurationErrorNamingTheKey) {
  Workdir w;
  Receiver r;
  CommandResult res = run_command("SAKER_OUTPUT_HTTP=" + shell_quote(r.url()) + " " +
                                  shell_quote(kBin + "/dist/saker-wrap") + " -r " +
                                  shell_quote(w.path("rules.yaml").string()) + " -- /bin/true 2>&1");
  EXPECT_EQ(res.exit_code, 1) << res.out;
  EXPECT_NE(res.out.find(std::string("Error: outputs: ") + kHttpUnavailable), std::string::npos) << res.out;
  EXPECT_EQ(r.posts(), 0);
}

}  // namespace
