#pragma once
// saker inspect: read opts.trace_file (or the configured live source when empty), print the
// events matching opts.filter, formatted with opts.output_format (or as JSON with opts.json), stop
// after opts.max_events. ctx carries the configuration loaded from opts.config_file/-o.
#include "engine/app/app_context.h"

namespace saker::app {

int run_inspect(const InspectOptions& opts, const AppContext& ctx);

}  // namespace saker::app
