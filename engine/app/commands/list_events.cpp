#include "engine/app/commands/list_events.h"

#include "engine/app/features.h"

namespace saker::app {

// Not built yet: the stage that implements the event schema replaces this body and flips its line in
// features.cpp.
int run_list_events(const AppContext& ctx) {
  (void)ctx;
  return report_not_available(Feature::kListEvents);
}

}  // namespace saker::app
