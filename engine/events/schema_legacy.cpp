// How many params sysdig 0.29 (libs of March 2022) knew for each event type. Newer captures
// carry extra params at the end of some events; sysdig 0.29 prints only the first ones, so an
// output meant to equal it renders only these. Ids sysdig 0.29 did not know have their full count.
#include <iterator>

#include "engine/events/schema.h"

namespace saker::events {
namespace {

constexpr uint8_t kSysdig029ParamCount[] = {
    2, 1, 3, 5, 1, 1, 2, 2, 2, 2, 1, 1, 0, 8, 0, 11, 0, 0, 3, 1, 1, 2, 2, 2,
    2, 1, 0, 3, 2, 2, 3, 2, 2, 2, 2, 3, 2, 1, 0, 0, 0, 0, 3, 5, 0, 6, 0, 6,
    3, 2, 0, 0, 1, 4, 0, 0, 1, 3, 2, 4, 0, 4, 2, 1, 3, 1, 0, 2, 0, 2, 1, 1,
    0, 2, 0, 2, 1, 1, 1, 1, 2, 2, 0, 1, 0, 1, 3, 1, 3, 1, 2, 1, 0, 2, 0, 2,
    1, 1, 2, 1, 1, 1, 4, 1, 2, 1, 4, 1, 1, 1, 2, 1, 3, 2, 3, 2, 1, 3, 2, 2,
    2, 3, 3, 2, 1, 1, 3, 1, 2, 1, 2, 1, 3, 1, 1, 1, 2, 1, 1, 1, 1, 3, 1, 3,
    2, 5, 1, 0, 1, 1, 2, 1, 6, 0, 0, 13, 0, 16, 1, 4, 6, 4, 6, 4, 2, 4, 4, 1,
    2, 3, 3, 1, 0, 14, 0, 3, 0, 5, 0, 3, 0, 4, 0, 16, 0, 16, 4, 0, 4, 2, 4, 14,
    3, 1, 3, 1, 2, 0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 4, 0, 4, 0, 15,
    0, 17, 0, 17, 0, 17, 0, 20, 0, 20, 0, 20, 4, 0, 0, 16, 3, 0, 2, 0, 1, 1, 1, 1,
    2, 1, 2, 1, 2, 0, 0, 5, 1, 5, 1, 8, 4, 1, 3, 2, 1, 4, 1, 2, 1, 0, 3, 1,
    1, 2, 0, 2, 3, 3, 1, 0, 1, 0, 0, 1, 1, 2, 0, 2, 2, 0, 0, 17, 1, 1, 4, 0,
    1, 17, 3, 0, 1, 20, 2, 1, 1, 1, 1, 1, 0, 2, 0, 4, 0, 4, 4, 6, 0, 3, 0, 6,
    0, 4, 0, 3, 0, 3, 0, 6, 0, 2, 2, 0, 1, 0, 5, 6, 3, 1, 3, 20, 3, 3, 0, 20,
    0, 6, 0, 8, 0, 6, 0, 5, 0, 3, 0, 3, 0, 2, 0, 1, 0, 4, 6, 0, 6, 0, 3, 0,
    3, 0, 1, 3, 1, 4, 1, 2, 1, 2, 0, 4, 0, 7, 1, 2, 1, 2, 0, 4, 0, 4, 0, 4,
    0, 6, 0, 2, 1, 6, 1, 3, 0, 5, 0, 2, 1, 3, 2, 4, 0, 4, 3, 0, 0, 3, 0, 4,
    0, 3, 0, 4, 0, 4, 0, 4, 0, 5, 0, 4, 0, 3, 0, 3, 0, 3, 0, 3, 0, 3, 32, 0,
    3, 0, 3, 0, 5, 0, 3, 0, 8, 0, 8, 0, 6, 0, 4, 0, 4, 0, 0, 4, 0, 6,
};
static_assert(std::size(kSysdig029ParamCount) == PPM_EVENT_MAX);

}  // namespace

uint32_t sysdig029_param_count(uint16_t type) {
  return type < std::size(kSysdig029ParamCount) ? kSysdig029ParamCount[type] : 0;
}

}  // namespace saker::events
