#pragma once
// --list[=SOURCE]: print the fields of every source, or of ctx.cli.engine.list_fields
// only when non-empty; -v adds details, -N prints names only, --format/--markdown choose the form.
#include "engine/app/app_context.h"

namespace saker::app {

int run_list_fields(const AppContext& ctx);

}  // namespace saker::app
