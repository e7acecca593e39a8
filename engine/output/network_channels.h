#pragma once
// The seam between saker_output and the channels that need the network (http_output,
// grpc_output). saker_output holds none of them, so that it links fully static; the dynamic
// `saker` installs saker_output_net's factory at startup (engine/output/net/network_outputs.h),
// the static engine installs none and reports those outputs as unavailable.
#include <memory>
#include <vector>

#include "engine/common/status.h"
#include "engine/output/channel.h"
#include "engine/output/output_config.h"

namespace saker::output {

// Appends the enabled network channels of `cfg` to `out`; an error names the output key.
using NetworkChannelFactory = Status (*)(const OutputsConfig& cfg, std::vector<std::unique_ptr<Channel>>* out);

// Called once at startup, before any Outputs is created (nullptr uninstalls, for tests).
void set_network_channel_factory(NetworkChannelFactory factory);

// Through the installed factory; without one, an enabled http_output or grpc_output is an error.
Status make_network_channels(const OutputsConfig& cfg, std::vector<std::unique_ptr<Channel>>* out);

}  // namespace saker::output
