#pragma once
// -V FILE... (ctx.cli.engine.validate_files): load and validate the given rules files,
// print the result as text (or JSON when ctx.config().json_output) and return 0 if valid, 1 if not.
#include "engine/app/app_context.h"

namespace saker::app {

int run_validate_rules(const AppContext& ctx);

}  // namespace saker::app
