#pragma once
// Which features this build has. Flags whose feature is not built yet report so and exit 1 rather
// than silently doing nothing. When a stage lands, flip its line in features.cpp (and implement
// the entry point it names in commands/).
#include <optional>
#include <string>
#include <string_view>

namespace saker::app {

enum class Feature {
  kReplay,          // -e, engine.kind=replay: read a .scap file        -> commands/run.h run_engine
  kUserspace,       // -u, engine.kind=userspace: events from tracers   -> commands/run.h run_engine
  kKmod,            // engine.kind=kmod                                 -> commands/run.h run_engine
  kEbpf,            // engine.kind=ebpf / modern_ebpf, --modern-bpf     -> commands/run.h run_engine
  kGvisor,          // engine.kind=gvisor
  kNodriver,        // engine.kind=nodriver, --nodriver (plugins only)
  kRulesLoading,    // rules files (needed by the run, --dry-run, -L, -l, --support's rules) -> load_rules
  kDescribeRules,   // -L, -l                                           -> commands/describe_rules.h
  kValidateRules,   // -V                                               -> commands/validate_rules.h
  kListFields,      // --list                                           -> commands/list_fields.h
  kListEvents,      // --list-events                                    -> commands/list_events.h
  kWriteCapture,    // -w                                               -> run_engine / run_trace
  kInspect,         // saker inspect                                    -> commands/inspect.h
  kTrace,           // saker trace                                      -> commands/trace.h
  kPlugins,         // --list-plugins, --plugin-info, plugins/load_plugins
  kIgnoredEvents,   // -i
  kConfigSchema,    // --config-schema
  kRuleSchema,      // --rule-schema
  kDaemon,          // -d
};

struct FeatureInfo {
  Feature feature;
  const char* what;  // "-u (userspace mode)"
  bool implemented;
};

const FeatureInfo& feature_info(Feature f);
bool implemented(Feature f);

// "saker: -u (userspace mode) is not available yet in this build"
std::string not_available_message(Feature f);
// Prints not_available_message() on stderr and returns 1.
int report_not_available(Feature f);

}  // namespace saker::app
