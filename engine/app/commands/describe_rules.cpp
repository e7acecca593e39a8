#include "engine/app/commands/describe_rules.h"

#include "engine/app/features.h"

namespace saker::app {

// Not built yet: the stage that implements rules loading replaces this body and flips its line in
// features.cpp.
int run_describe_rules(const AppContext& ctx) {
  (void)ctx;
  return report_not_available(Feature::kDescribeRules);
}

}  // namespace saker::app
