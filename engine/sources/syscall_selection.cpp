#include "engine/sources/syscall_selection.h"

#include <algorithm>
#include <string_view>

#include "engine/events/syscall_map.h"

namespace saker::sources {

namespace {

void add_event_type(uint16_t type, std::vector<uint32_t>& out) {
  const size_t total = events::syscalls_of_event_type(type, {});
  const size_t at = out.size();
  out.resize(at + total);
  const size_t n = events::syscalls_of_event_type(type, std::span<uint32_t>(out).subspan(at));
  out.resize(at + n);
}

}  // namespace

SyscallSelection select_syscalls(const filter::EventTypeSet& rule_types, const BaseSyscallsSpec& base) {
  SyscallSelection sel;
  std::vector<uint32_t>& out = sel.native_nrs;
  for (uint16_t type : rule_types.ids()) add_event_type(type, out);

  std::vector<uint32_t> removed;
  bool custom = false;
  for (const std::string& entry : base.custom_set) {
    const bool negated = !entry.empty() && entry[0] == '!';
    const std::string_view name = negated ? std::string_view(entry).substr(1) : std::string_view(entry);
    const int32_t nr = events::native_syscall_nr(name);
    if (nr < 0) {
      sel.unknown_names.push_back(entry);
      continue;
    }
    if (negated) {
      removed.push_back(static_cast<uint32_t>(nr));
    } else {
      custom = true;
      out.push_back(static_cast<uint32_t>(nr));
    }
  }
  if (!custom || base.repair) {
    for (uint32_t nr : events::state_tracking_syscalls()) out.push_back(nr);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  std::erase_if(out, [&](uint32_t nr) { return std::find(removed.begin(), removed.end(), nr) != removed.end(); });
  return sel;
}

}  // namespace saker::sources
