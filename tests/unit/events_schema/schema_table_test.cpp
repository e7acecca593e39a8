// Sanity of the event table: ids, enter/exit pairs, param metadata.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "engine/events/event_types.h"
#include "engine/events/flag_names.h"
#include "engine/events/ppm_flags.h"
#include "engine/events/schema.h"

namespace saker::events {
namespace {

TEST(SchemaTable, CoversEveryId) {
  EXPECT_EQ(event_type_count(), PPM_EVENT_MAX);
  for (uint16_t id = 0; id < event_type_count(); ++id) {
    const EventInfo* info = event_info(id);
    ASSERT_NE(info, nullptr) << id;
    ASSERT_NE(info->name, nullptr) << id;
    EXPECT_GT(std::string(info->name).size(), 0u) << id;
    EXPECT_LE(info->params.size(), PPM_MAX_EVENT_PARAMS) << id;
  }
  EXPECT_EQ(event_info(PPM_EVENT_MAX), nullptr);
  EXPECT_EQ(event_info(0xffff), nullptr);
}

TEST(SchemaTable, WellKnownIds) {
  EXPECT_EQ(PPME_SYSCALL_OPEN_E, 2);
  EXPECT_EQ(PPME_SYSCALL_EXECVE_19_X, 293);
  EXPECT_EQ(PPME_SYSCALL_OPENAT_2_X, 307);
  EXPECT_EQ(PPME_SCHEDSWITCH_6_E, 152);
  EXPECT_EQ(PPME_PLUGINEVENT_E, 322);
  EXPECT_STREQ(event_info(PPME_SYSCALL_OPEN_E)->name, "open");
  EXPECT_STREQ(event_info(PPME_GENERIC_X)->name, "syscall");
  EXPECT_STREQ(event_info(PPME_SYSCALL_EXECVE_19_X)->name, "execve");
  EXPECT_STREQ(event_info(PPME_PROCEXIT_1_E)->name, "procexit");
  EXPECT_STREQ(event_info(PPME_CONTAINER_JSON_2_E)->name, "container");
  EXPECT_STREQ(event_info(PPME_SYSCALL_KEYCTL_X)->name, "keyctl");
}

TEST(SchemaTable, EnterExitPairsShareNameUnlessUnused) {
  for (uint16_t id = 0; id + 1 < event_type_count(); id += 2) {
    const EventInfo* e = event_info(id);
    const EventInfo* x = event_info(id + 1);
    if ((e->flags & EF_UNUSED) || (x->flags & EF_UNUSED)) continue;
    if (e->category == EC_UNKNOWN || x->category == EC_UNKNOWN) continue;
    EXPECT_STREQ(e->name, x->name) << id;
  }
}

TEST(SchemaTable, ParamsAreConsistent) {
  for (uint16_t id = 0; id < event_type_count(); ++id) {
    const EventInfo* info = event_info(id);
    for (size_t i = 0; i < info->params.size(); ++i) {
      const ParamInfo& p = info->params[i];
      ASSERT_NE(p.name, nullptr);
      switch (p.type) {
        case ParamType::Flags8: case ParamType::Flags16: case ParamType::Flags32:
        case ParamType::Enumflags8: case ParamType::Enumflags16: case ParamType::Enumflags32:
        case ParamType::Mode:
          // A few flag params carry no names in the format itself (e.g. eventfd's flags).
          if (p.flags.empty()) {
            static const std::set<std::string> kBare = {"flags"};
            EXPECT_TRUE(kBare.count(p.name)) << info->name << " " << p.name;
          }
          break;
        case ParamType::Fsrelpath:
          ASSERT_GE(p.dirfd_param, 0) << info->name;
          ASSERT_LT(static_cast<size_t>(p.dirfd_param), info->params.size()) << info->name;
          EXPECT_NE(static_cast<size_t>(p.dirfd_param), i) << info->name;
          break;
        case ParamType::Dyn:
          EXPECT_FALSE(p.dyn.empty()) << info->name << " " << p.name;
          break;
        default:
          EXPECT_TRUE(p.flags.empty()) << info->name << " " << p.name;
          break;
      }
    }
  }
}

TEST(SchemaTable, LargePayloadEvents) {
  EXPECT_TRUE(event_info(PPME_CONTAINER_JSON_2_E)->flags & EF_LARGE_PAYLOAD);
  EXPECT_TRUE(event_info(PPME_PLUGINEVENT_E)->flags & EF_LARGE_PAYLOAD);
  EXPECT_EQ(param_len_size(*event_info(PPME_PLUGINEVENT_E)), 4u);
  EXPECT_EQ(param_len_size(*event_info(PPME_SYSCALL_OPEN_X)), 2u);
}

TEST(SchemaTable, TypesByName) {
  uint16_t ids[32];
  size_t n = event_types_named("open", ids);
  std::set<uint16_t> got(ids, ids + n);
  EXPECT_EQ(got, (std::set<uint16_t>{PPME_SYSCALL_OPEN_E, PPME_SYSCALL_OPEN_X}));
  n = event_types_named("execve", ids);
  EXPECT_GE(n, 10u);  // every version, both directions
  for (size_t k = 0; k < n; ++k) EXPECT_STREQ(event_info(ids[k])->name, "execve");
  EXPECT_EQ(event_types_named("no_such_event", ids), 0u);
  EXPECT_EQ(event_types_named("execve", std::span<uint16_t>(ids, 2)), 2u);
}

TEST(SchemaTable, Sysdig029Compat) {
  // Names and param layouts sysdig 0.29 prints.
  const EventInfo* mmap = event_info(PPME_SYSCALL_MMAP_X);
  EXPECT_EQ(mmap->params[0].type, ParamType::Uint64);
  EXPECT_EQ(mmap->params[0].fmt, PrintFormat::Hex);
  EXPECT_STREQ(event_info(PPME_SYSCALL_EXECVE_19_X)->params[17].name, "pgid");
  EXPECT_EQ(sysdig029_param_count(PPME_SYSCALL_OPEN_X), 5u);
  EXPECT_EQ(event_info(PPME_SYSCALL_OPEN_X)->params.size(), 6u);  // + ino since
  EXPECT_EQ(sysdig029_param_count(PPME_SYSCALL_KEYCTL_X), event_info(PPME_SYSCALL_KEYCTL_X)->params.size());
}

TEST(NameTables, ErrnoSignalSyscall) {
  EXPECT_EQ(errno_name(-2), "ENOENT");
  EXPECT_EQ(errno_name(-11), "EAGAIN");
  EXPECT_EQ(errno_name(2), "");
  EXPECT_EQ(signal_name(17), "SIGCHLD");
  EXPECT_EQ(signal_name(9), "SIGKILL");
  EXPECT_EQ(signal_name(0), "");
  EXPECT_EQ(syscall_name(0), "<unknown>");
  EXPECT_EQ(syscall_name(3), "read");
  EXPECT_EQ(syscall_name(296), "arch_prctl");
  EXPECT_EQ(syscall_name(60000), "<unknown>");
}

TEST(PpmFlags, Values) {
  EXPECT_EQ(PPM_O_RDONLY, 1u);
  EXPECT_EQ(PPM_O_CLOEXEC, 4096u);
  EXPECT_EQ(PPM_AF_INET, 2u);
  EXPECT_EQ(PPM_AF_INET6, 10u);
  EXPECT_EQ(PPM_CL_CLONE_THREAD, 8192u);
  EXPECT_EQ(PPM_AT_FDCWD, -100);
}

}  // namespace
}  // namespace saker::events
