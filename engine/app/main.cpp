// saker: the engine binary. Everything happens in app.cpp so that tests can run it in-process.
// The static engine has its own main (wrappers/static_main.cpp), without the network outputs.
#include <string>
#include <vector>

#include "engine/app/app.h"
#include "engine/output/net/network_outputs.h"

int main(int argc, char** argv) {
  saker::output::install_network_channels();  // http_output, grpc_output
  return saker::app::run_app(std::vector<std::string>(argv, argv + argc));
}
