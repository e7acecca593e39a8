#include "engine/app/commands/validate_rules.h"

#include "engine/app/features.h"

namespace saker::app {

// Not built yet: the stage that implements rules loading replaces this body and flips its line in
// features.cpp.
int run_validate_rules(const AppContext& ctx) {
  (void)ctx;
  return report_not_available(Feature::kValidateRules);
}

}  // namespace saker::app
