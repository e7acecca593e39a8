#pragma once
// --support: one JSON object with the version, the system (uname), the command line, the merged
// configuration and the content of each rules file, as Falco prints it.
#include <nlohmann/json.hpp>

#include "engine/app/app_context.h"

namespace saker::app {

nlohmann::json support_info(const AppContext& ctx);
int run_support(const AppContext& ctx);  // prints support_info() on stdout

}  // namespace saker::app
