#pragma once
// -L (every rule) and -l RULE (ctx.cli.engine.describe_rule): load ctx.rules.files and print
// each rule's name and description, or JSON details when ctx.config().json_output.
#include "engine/app/app_context.h"

namespace saker::app {

int run_describe_rules(const AppContext& ctx);

}  // namespace saker::app
