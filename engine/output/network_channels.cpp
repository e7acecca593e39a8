#include "engine/output/network_channels.h"

#include <atomic>
#include <string>

namespace saker::output {

namespace {

// Read by the outputs worker on reconfiguration, written once by main().
std::atomic<NetworkChannelFactory> g_factory{nullptr};

}  // namespace

void set_network_channel_factory(NetworkChannelFactory factory) { g_factory.store(factory); }

Status make_network_channels(const OutputsConfig& cfg, std::vector<std::unique_ptr<Channel>>* out) {
  if (NetworkChannelFactory factory = g_factory.load()) return factory(cfg, out);
  // Only the static engine (saker-static, saker-wrap) runs without a factory: libcurl has no
  // static archives for its dependencies on Debian, and gRPC would triple the binary's size.
  std::string errors;
  if (cfg.http_output.enabled) {
    errors = "http_output: not available in this static build (use a dynamic saker, e.g. through SAKER_SOCKET)";
  }
  if (cfg.grpc_output.enabled) {
    if (!errors.empty()) errors += "; ";
    errors += "grpc_output: not available in this static build (use a dynamic saker, e.g. through SAKER_SOCKET)";
  }
  return errors.empty() ? Status::Ok() : Status::Error(errors);
}

}  // namespace saker::output
