#pragma once
// saker trace -- CMD ARGS: run opts.command under the tracer with the engine in the same
// process (one shared ring), rules from opts.rules_paths (already resolved in ctx.rules), alerts
// to the configured outputs, optionally writing opts.write_capture. Returns the command's exit
// status (as a shell would: 128+signal when killed).
#include "engine/app/app_context.h"

namespace saker::app {

int run_trace(const TraceOptions& opts, const AppContext& ctx);

}  // namespace saker::app
