#pragma once
// Serves alerts over gRPC with Falco's falco.outputs.service (get, sub) and
// falco.version.service, on a unix socket ("unix:///path", no TLS) or on TCP with mutual TLS.
// write() only hands the alert to the server: subscribers that are slow lose their oldest
// alerts (counted), the channel never waits for a client.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "engine/output/channel.h"
#include "engine/output/output_config.h"

namespace falco::outputs {
class response;
}
namespace grpc {
class Server;
}

namespace saker::output {

struct GrpcVersionInfo {
  std::string version;               // "0.1.0-rc1+abc"
  std::string engine_version;        // "0.31.0"
  std::string engine_fields_checksum;
};

class GrpcChannel final : public Channel {
 public:
  // Starts the server; on failure returns null and sets *error.
  static std::unique_ptr<GrpcChannel> create(const GrpcOutputConfig& cfg, GrpcVersionInfo version,
                                             bool time_iso8601, std::string* error);
  ~GrpcChannel() override;

  std::string_view name() const override { return "grpc"; }
  Status write(const RenderedAlert& a) override;

  // Alerts a subscriber or the get backlog lost because a client did not keep up.
  std::uint64_t overflowed() const { return overflowed_.load(); }
  std::size_t subscribers() const;
  int port() const { return port_; }  // the TCP port bound (for "host:0"), 0 for unix sockets

  // Shared with the service implementations.
  struct Subscriber {
    std::deque<std::shared_ptr<const falco::outputs::response>> queue;
  };
  struct Hub {
    mutable std::mutex mu;
    std::condition_variable cv;
    bool stopping = false;
    std::size_t capacity = 10000;
    std::deque<std::shared_ptr<const falco::outputs::response>> backlog;  // for get
    std::vector<std::shared_ptr<Subscriber>> subs;                       // for sub
  };

 private:
  GrpcChannel() = default;
  bool time_iso8601_ = false;
  int port_ = 0;
  std::shared_ptr<Hub> hub_;
  std::unique_ptr<grpc::Server> server_;
  std::vector<std::unique_ptr<void, void (*)(void*)>> services_{};
  std::atomic<std::uint64_t> overflowed_{0};
};

}  // namespace saker::output
