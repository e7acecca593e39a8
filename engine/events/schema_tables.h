#pragma once
// Internal: the event table is split by id range over schema_table_N.cpp (one array each).
#include "engine/events/schema.h"

namespace saker::events::detail {


// Sub-param types of Dyn params, indexed by the first byte of the param payload.
inline constexpr ParamInfo kSockoptDynamicParam[] = {
    {"", ParamType::Bytebuf, PrintFormat::Hex, {}},
    {"", ParamType::Errno, PrintFormat::Dec, {}},
    {"", ParamType::Uint32, PrintFormat::Dec, {}},
    {"", ParamType::Uint64, PrintFormat::Dec, {}},
    {"", ParamType::Reltime, PrintFormat::Dec, {}},
};
inline constexpr ParamInfo kPtraceDynamicParam[] = {
    {"", ParamType::Uint64, PrintFormat::Hex, {}},
    {"", ParamType::Sigtype, PrintFormat::Dec, {}},
};
inline constexpr ParamInfo kBpfDynamicParam[] = {
    {"", ParamType::Fd, PrintFormat::Dec, {}},
    {"", ParamType::Errno, PrintFormat::Dec, {}},
};
inline constexpr ParamInfo kKeyctlDynamicParam[] = {
    {"", ParamType::Int64, PrintFormat::Dec, {}},
    {"", ParamType::Charbuf, PrintFormat::NA, {}},
};

inline constexpr std::span<const ParamInfo> kNoParams{};

struct EventTablePart {
  uint16_t first;
  uint16_t count;
  const EventInfo* events;
};
extern const EventInfo kEventsPart0[120];
extern const EventInfo kEventsPart1[120];
extern const EventInfo kEventsPart2[100];
extern const EventInfo kEventsPart3[114];

inline constexpr uint16_t kEventTypeCount = 454;
inline const EventTablePart kEventTableParts[] = {
    {0, 120, kEventsPart0},
    {120, 120, kEventsPart1},
    {240, 100, kEventsPart2},
    {340, 114, kEventsPart3},
};

}  // namespace saker::events::detail
