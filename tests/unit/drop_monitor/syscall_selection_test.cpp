#include "engine/sources/syscall_selection.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "engine/events/syscall_map.h"

namespace saker::sources {
namespace {

bool has(const std::vector<uint32_t>& v, const char* name) {
  return std::binary_search(v.begin(), v.end(), static_cast<uint32_t>(events::native_syscall_nr(name)));
}

TEST(SyscallSelection, DefaultIsRulesPlusStateSet) {
  filter::EventTypeSet none;
  const auto sel = select_syscalls(none, {});
  for (uint32_t nr : events::state_tracking_syscalls())
    EXPECT_TRUE(std::binary_search(sel.native_nrs.begin(), sel.native_nrs.end(), nr)) << nr;
  EXPECT_TRUE(std::is_sorted(sel.native_nrs.begin(), sel.native_nrs.end()));
  EXPECT_FALSE(has(sel.native_nrs, "getpid"));
}

TEST(SyscallSelection, CustomSetReplacesStateSetUnlessRepairAndNegationRemoves) {
  filter::EventTypeSet none;
  BaseSyscallsSpec spec;
  spec.custom_set = {"getpid", "!execve", "no_such_call"};
  auto sel = select_syscalls(none, spec);
  EXPECT_EQ(sel.native_nrs, std::vector<uint32_t>{static_cast<uint32_t>(events::native_syscall_nr("getpid"))});
  EXPECT_EQ(sel.unknown_names, std::vector<std::string>{"no_such_call"});
  spec.repair = true;
  sel = select_syscalls(none, spec);
  EXPECT_TRUE(has(sel.native_nrs, "getpid"));
  EXPECT_TRUE(has(sel.native_nrs, "clone"));
  EXPECT_FALSE(has(sel.native_nrs, "execve"));
}

}  // namespace
}  // namespace saker::sources
