#pragma once
// The event schema: one table describing every event type of the scap format (name, category,
// flags, params with their types, print formats and flag names). It is the single source of truth
// for decoding, rendering (evt.args, evt.arg.NAME) and for the producers' encoders.
// IDs and param layouts follow the public scap definitions so that existing trace files decode.
#include <cstdint>
#include <span>
#include <string_view>

#include "engine/events/event_types.h"

namespace saker::events {

// Param types, numbered as in the scap format.
enum class ParamType : uint8_t {
  None = 0, Int8 = 1, Int16 = 2, Int32 = 3, Int64 = 4, Uint8 = 5, Uint16 = 6, Uint32 = 7,
  Uint64 = 8, Charbuf = 9, Bytebuf = 10, Errno = 11, Sockaddr = 12, Socktuple = 13, Fd = 14,
  Pid = 15, Fdlist = 16, Fspath = 17, Syscallid = 18, Sigtype = 19, Reltime = 20, Abstime = 21,
  Port = 22, L4proto = 23, Sockfamily = 24, Bool = 25, Ipv4addr = 26, Dyn = 27, Flags8 = 28,
  Flags16 = 29, Flags32 = 30, Uid = 31, Gid = 32, Double = 33, Sigset = 34, Charbufarray = 35,
  CharbufPairArray = 36, Ipv4net = 37, Ipv6addr = 38, Ipv6net = 39, Ipaddr = 40, Ipnet = 41,
  Mode = 42, Fsrelpath = 43, Enumflags8 = 44, Enumflags16 = 45, Enumflags32 = 46, Fd32 = 47,
  Pid32 = 48,
};

enum class PrintFormat : uint8_t { NA = 0, Dec = 1, Hex = 2, PaddedDec10 = 3, Id = 4, Dir = 5, Oct = 6 };

// Event categories and flags, valued as in the scap format.
enum EventCategory : uint32_t {
  EC_UNKNOWN = 0, EC_OTHER = 1, EC_FILE = 2, EC_NET = 3, EC_IPC = 4, EC_MEMORY = 5,
  EC_PROCESS = 6, EC_SLEEP = 7, EC_SYSTEM = 8, EC_SIGNAL = 9, EC_USER = 10, EC_TIME = 11,
  EC_PROCESSING = 12, EC_IO_READ = 32, EC_IO_WRITE = 33, EC_IO_OTHER = 34, EC_WAIT = 1u << 6,
  EC_SCHEDULER = 1u << 7, EC_INTERNAL = 1u << 8, EC_SYSCALL = 1u << 9, EC_TRACEPOINT = 1u << 10,
  EC_PLUGIN = 1u << 11, EC_METAEVENT = 1u << 12, EC_ITER = 1u << 13,
};
enum EventFlags : uint32_t {
  EF_NONE = 0, EF_CREATES_FD = 1u << 0, EF_DESTROYS_FD = 1u << 1, EF_USES_FD = 1u << 2,
  EF_READS_FROM_FD = 1u << 3, EF_WRITES_TO_FD = 1u << 4, EF_MODIFIES_STATE = 1u << 5,
  EF_UNUSED = 1u << 6, EF_WAITS = 1u << 7, EF_SKIPPARSERESET = 1u << 8, EF_OLD_VERSION = 1u << 9,
  EF_LARGE_PAYLOAD = 1u << 11, EF_CONVERTER_MANAGED = 1u << 12,
};

struct NameValue {
  const char* name;
  uint32_t value;
};

struct ParamInfo {
  const char* name;
  ParamType type;
  PrintFormat fmt;
  // Flag / enum names for Flags*, Enumflags* and Mode params; empty otherwise.
  std::span<const NameValue> flags;
  // For Fsrelpath params: index of the param holding the dirfd; -1 otherwise.
  int8_t dirfd_param = -1;
  // For Dyn params: the possible sub-params (type and format only), selected by the first byte
  // of the payload; the value follows that byte. Empty otherwise.
  std::span<const ParamInfo> dyn = {};
};

struct EventInfo {
  const char* name;  // "open", "execve", "syscall", ... (both directions share the name)
  uint32_t category;  // EventCategory bits
  uint32_t flags;     // EventFlags bits
  std::span<const ParamInfo> params;
};

// Number of event types known to the schema (valid ids are [0, event_type_count())).
uint16_t event_type_count();

// Schema entry of an event type, or nullptr when the id is outside the table.
const EventInfo* event_info(uint16_t type);

// Enter events have even ids, exit events odd ids (scap convention).
constexpr bool is_enter(uint16_t type) { return (type & 1u) == 0; }

// Length in bytes of one param-length slot: 4 for EF_LARGE_PAYLOAD events, else 2.
inline uint32_t param_len_size(const EventInfo& info) {
  return (info.flags & EF_LARGE_PAYLOAD) ? 4u : 2u;
}

// All event type ids with the given name (both directions, every version), for filters such as
// evt.type=open. Returns the number written into out (at most out.size()).
size_t event_types_named(std::string_view name, std::span<uint16_t> out);

// Number of params sysdig 0.29 knew for event type `type` (its 2022 event table; newer captures
// may carry more). For types newer than sysdig 0.29, the schema's count; 0 outside the table.
uint32_t sysdig029_param_count(uint16_t type);

}  // namespace saker::events
