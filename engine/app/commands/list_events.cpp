#include "engine/app/commands/list_events.h"

#include <iostream>

#include "engine/events/schema.h"

namespace saker::app {

// One line per live event type of the schema: direction, name and parameter names, as
// "> open()" / "< open(fd, name, flags, mode, dev, ino)". Old versions and unused slots are
// skipped (they are decoded but never produced).
int run_list_events(const AppContext& ctx) {
  (void)ctx;
  for (uint16_t t = 0; t < events::event_type_count(); ++t) {
    const events::EventInfo* info = events::event_info(t);
    if (info == nullptr || info->name == nullptr) continue;
    if (info->flags & (events::EF_UNUSED | events::EF_OLD_VERSION)) continue;
    std::cout << (events::is_enter(t) ? "> " : "< ") << info->name << "(";
    for (size_t i = 0; i < info->params.size(); ++i) {
      if (i) std::cout << ", ";
      std::cout << info->params[i].name;
    }
    std::cout << ")\n";
  }
  std::cout.flush();
  return 0;
}

}  // namespace saker::app
