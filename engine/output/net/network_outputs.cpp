#include "engine/output/net/network_outputs.h"

#include <chrono>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine/output/net/grpc_channel.h"
#include "engine/output/net/http_channel.h"
#include "engine/output/network_channels.h"

namespace saker::output {

namespace {

Status make_http_and_grpc(const OutputsConfig& cfg, std::vector<std::unique_ptr<Channel>>* out) {
  const std::chrono::milliseconds timeout(cfg.output_timeout_ms);
  std::string errors;
  auto fail = [&](const std::string& m) {
    if (!errors.empty()) errors += "; ";
    errors += m;
  };
  if (cfg.http_output.enabled) {
    if (cfg.http_output.url.empty()) {
      fail("http_output: url is empty");
    } else {
      out->push_back(std::make_unique<HttpChannel>(cfg.http_output, timeout));
    }
  }
  if (cfg.grpc_output.enabled) {
    std::string err;
    GrpcVersionInfo v{cfg.version, cfg.engine_version, cfg.engine_fields_checksum};
    auto ch = GrpcChannel::create(cfg.grpc_output, std::move(v), cfg.time_format_iso_8601, &err);
    if (ch) {
      out->push_back(std::move(ch));
    } else {
      fail(err);
    }
  }
  return errors.empty() ? Status::Ok() : Status::Error(errors);
}

}  // namespace

void install_network_channels() { set_network_channel_factory(&make_http_and_grpc); }

}  // namespace saker::output
