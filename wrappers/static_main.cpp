// saker-static: engine/app/main.cpp without install_network_channels(), whose library
// (saker_output_net: libcurl, gRPC) is not linked here; http_output and grpc_output are then
// configuration errors naming the key (engine/output/network_channels.h).
#include <string>
#include <vector>

#include "engine/app/app.h"

int main(int argc, char** argv) { return saker::app::run_app(std::vector<std::string>(argv, argv + argc)); }
