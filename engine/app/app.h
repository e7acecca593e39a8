#pragma once
// The `saker` program: parse, load the configuration, set up logging, dispatch to a command.
// main() only calls run_app(); tests may call it too.
#include <string>
#include <vector>

namespace saker::app {

// Returns the process exit code.
int run_app(const std::vector<std::string>& args);

}  // namespace saker::app
