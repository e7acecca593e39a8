#include "engine/app/commands/list_fields.h"

#include "engine/app/features.h"

namespace saker::app {

// Not built yet: the stage that implements the fields stage replaces this body and flips its line in
// features.cpp.
int run_list_fields(const AppContext& ctx) {
  (void)ctx;
  return report_not_available(Feature::kListFields);
}

}  // namespace saker::app
