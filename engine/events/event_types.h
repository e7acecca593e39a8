#pragma once
#include <cstdint>
namespace saker::events {
// Placeholder: replaced by the full table of scap event ids.
enum EventType : uint16_t { PPME_GENERIC_E = 0, PPME_GENERIC_X = 1 };
}
