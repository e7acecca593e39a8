#include "engine/events/schema.h"
namespace saker::events {
// Placeholder until the full table lands.
uint16_t event_type_count() { return 0; }
const EventInfo* event_info(uint16_t) { return nullptr; }
size_t event_types_named(std::string_view, std::span<uint16_t>) { return 0; }
}
