#pragma once
// From the app's configuration and command line to the pipeline's settings, shared by every
// command that runs rules (the main run, -V/-L/-l, `saker trace`, -u):
//   - outputs_config(): the output stage's OutputsConfig (formats, -p, append_output, channels);
//   - rule_selection(): -t, `rules:` entries, -T, -D and the minimum priority;
//   - make_pipeline() + load_rules(): a Pipeline with the rules files loaded as Falco does
//     ("Loading rules from:" lines; the first invalid file stops with its error text).
#include <memory>
#include <string>

#include "engine/app/app_context.h"
#include "engine/common/status.h"
#include "engine/core/pipeline.h"
#include "engine/output/output_config.h"

namespace saker::app {

output::OutputsConfig outputs_config(const AppContext& ctx);
core::RuleSelection rule_selection(const AppContext& ctx);
core::PipelineOptions pipeline_options(const AppContext& ctx);

// Loads ctx.rules.files into `p` and applies the selection. Warnings are logged; the returned
// error is the text Falco prints after "Error: ".
Status load_rules(const AppContext& ctx, core::Pipeline& p);

// Prints "Error: MESSAGE" to stderr as Falco does for fatal results and returns 1.
int fatal(const std::string& message);

}  // namespace saker::app
