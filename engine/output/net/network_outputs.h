#pragma once
// saker_output_net's entry point: makes http_output (libcurl) and grpc_output (gRPC) available
// to every Outputs created afterwards. The dynamic `saker` calls it first thing in main(); the
// static engine does not link this library (engine/output/network_channels.h).
namespace saker::output {

void install_network_channels();

}  // namespace saker::output
