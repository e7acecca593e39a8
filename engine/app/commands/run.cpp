#include "engine/app/commands/run.h"

#include "engine/app/features.h"

namespace saker::app {

// Not built yet: the pipeline replaces these bodies and flips Feature::kRulesLoading in
// features.cpp.
int run_engine(const AppContext& ctx) {
  (void)ctx;
  return report_not_available(Feature::kRulesLoading);
}

int run_dry_run(const AppContext& ctx) {
  (void)ctx;
  return report_not_available(Feature::kRulesLoading);
}

}  // namespace saker::app
