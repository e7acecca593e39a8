#include "engine/app/commands/trace.h"

#include "engine/app/features.h"

namespace saker::app {

// Not built yet: the stage that implements trace replaces this body and flips its line in
// features.cpp.
int run_trace(const TraceOptions& opts, const AppContext& ctx) {
  (void)opts;
  (void)ctx;
  return report_not_available(Feature::kTrace);
}

}  // namespace saker::app
