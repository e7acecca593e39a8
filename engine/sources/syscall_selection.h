#pragma once
// Which native syscalls a live source must capture: those the rules' event types come from, plus
// what state tracking needs, shaped by Falco's `base_syscalls`:
//   - custom_set empty: rules + the state-tracking set (Falco's default);
//   - custom_set names: rules + those names instead of the state set (plus the state set again
//     with `repair`, so that process and fd state stays right);
//   - "!name" in custom_set removes a syscall whatever asked for it.
// Unknown names are reported back (Falco warns and goes on), never fatal.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/filter/evttypes.h"

namespace saker::sources {

struct BaseSyscallsSpec {
  std::vector<std::string> custom_set;
  bool repair = false;
};

struct SyscallSelection {
  std::vector<uint32_t> native_nrs;         // sorted, unique
  std::vector<std::string> unknown_names;  // from custom_set, for a warning
};

SyscallSelection select_syscalls(const filter::EventTypeSet& rule_types, const BaseSyscallsSpec& base);

}  // namespace saker::sources
