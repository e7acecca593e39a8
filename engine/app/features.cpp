#include "engine/app/features.h"

#include <cstdio>
#include <iterator>

namespace saker::app {

namespace {

// The one place that says what is built. Keep in the order of the enum.
constexpr FeatureInfo kFeatures[] = {
    {Feature::kReplay, "-e (reading a trace file)", true},
    {Feature::kUserspace, "-u (userspace mode)", true},
    {Feature::kKmod, "the kernel module driver (engine.kind=kmod)", false},
    {Feature::kEbpf, "the eBPF probe (engine.kind=ebpf/modern_ebpf)", true},
    {Feature::kGvisor, "gVisor support (engine.kind=gvisor)", false},
    {Feature::kNodriver, "running without a driver (engine.kind=nodriver)", false},
    {Feature::kRulesLoading, "rules loading", true},
    {Feature::kDescribeRules, "-L/-l (describing rules)", true},
    {Feature::kValidateRules, "-V (validating rules)", true},
    {Feature::kListFields, "--list (listing fields)", true},
    {Feature::kListEvents, "--list-events", true},
    {Feature::kWriteCapture, "-w (writing a capture file)", true},
    {Feature::kInspect, "saker inspect", true},
    {Feature::kTrace, "saker trace", true},
    {Feature::kPlugins, "plugins (--list-plugins, --plugin-info, load_plugins)", false},
    {Feature::kIgnoredEvents, "-i (listing ignored events)", false},
    {Feature::kConfigSchema, "--config-schema", false},
    {Feature::kRuleSchema, "--rule-schema", false},
    {Feature::kDaemon, "-d (daemon mode)", false},
};

constexpr bool table_matches_enum() {
  for (size_t i = 0; i < std::size(kFeatures); ++i)
    if (static_cast<size_t>(kFeatures[i].feature) != i) return false;
  return std::size(kFeatures) == static_cast<size_t>(Feature::kDaemon) + 1;
}
static_assert(table_matches_enum(), "kFeatures must list every Feature in enum order");

}  // namespace

const FeatureInfo& feature_info(Feature f) { return kFeatures[static_cast<int>(f)]; }

bool implemented(Feature f) { return feature_info(f).implemented; }

std::string not_available_message(Feature f) {
  return std::string("saker: ") + feature_info(f).what + " is not available yet in this build";
}

int report_not_available(Feature f) {
  std::fprintf(stderr, "%s\n", not_available_message(f).c_str());
  return 1;
}

}  // namespace saker::app
