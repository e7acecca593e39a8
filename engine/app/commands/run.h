#pragma once
// The main run and --dry-run.
#include "engine/app/app_context.h"

namespace saker::app {

// Load the rules (ctx.rules.files, in order; rules selection from the configuration's `rules:`
// and from the command line: ctx.cli.engine.enable_tags -t, disable_tags -T, disable_rules -D),
// open the event source chosen by ctx.config().engine.kind (replay for -e, userspace for -u, a
// driver otherwise; app.cpp has already checked that it is built), match every event and send
// alerts to the outputs until the source ends, -M seconds pass (ctx.cli.engine.duration_seconds)
// or SIGINT/SIGTERM. -w (ctx.cli.engine.write_capture) also dumps the events. Returns the exit code.
int run_engine(const AppContext& ctx);

// The same up to loading and compiling the rules; then returns 0 (1 on rule errors) without
// reading any event.
int run_dry_run(const AppContext& ctx);

}  // namespace saker::app
