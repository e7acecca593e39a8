#pragma once
// --list-events: print the supported syscall events, metaevents and tracepoints
// (--format/--markdown choose the form).
#include "engine/app/app_context.h"

namespace saker::app {

int run_list_events(const AppContext& ctx);

}  // namespace saker::app
