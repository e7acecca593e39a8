// Differential: one real program (progs/flag_calls.c) makes a call of each syscall whose flags
// are converted to PPM values, traced by saker-trace (-w capture) while the eBPF probe watches the
// same syscalls. Both producers compile the same converters (engine/events/ppm_flag_convert.h);
// this checks that they also feed them the same arguments: every flag, mode and enum param of
// every exit event must be byte-identical, including for flags with garbage in the register's
// upper half (the kernel reads an `int` there). Needs root (the probe).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "bpf/probe.h"
#include "engine/events/event.h"
#include "engine/events/ppm_flags.h"
#include "engine/events/scap_reader.h"
#include "engine/events/schema.h"
#include "engine/events/syscall_map.h"
#include "tests/support/run_command.h"

namespace {

using namespace saker::events;
using saker::scap::ScapReader;

const std::string kTrace = std::string(SAKER_BIN_DIR) + "/saker-trace";
const std::string kProg = std::string(SAKER_FLAG_PROGS_DIR) + "/flag_calls";

const std::vector<std::string> kSyscalls = {
    "openat", "socket", "pipe2", "eventfd2", "inotify_init1", "timerfd_create", "signalfd4",
    "epoll_create1", "memfd_create", "dup3", "fcntl", "mkdirat", "mknodat", "linkat",
    "renameat2", "unlinkat", "fchmodat", "umount2", "mprotect", "shutdown", "pidfd_open",
    "close_range"};

bool is_flag_param(ParamType t) {
  switch (t) {
    case ParamType::Flags8: case ParamType::Flags16: case ParamType::Flags32:
    case ParamType::Enumflags8: case ParamType::Enumflags16: case ParamType::Enumflags32:
    case ParamType::Mode:
      return true;
    default:
      return false;
  }
}

// One exit event of the program: its name and its flag-typed params, as "name=hexbytes".
struct FlagEvent {
  std::string syscall;
  std::vector<std::string> params;
};

std::string describe(const FlagEvent& e) {
  std::string s = e.syscall + ":";
  for (const auto& p : e.params) s += " " + p;
  return s;
}

// The flag params of an exit event of one of kSyscalls; false for any other event.
bool flag_event(const EventView& v, FlagEvent& out) {
  const EventInfo* info = v.info();
  if (info == nullptr || v.type() % 2 == 0) return false;  // scap exit events have odd ids
  const std::set<std::string> names(kSyscalls.begin(), kSyscalls.end());
  if (names.count(info->name) == 0) return false;
  out.syscall = info->name;
  out.params.clear();
  for (uint32_t i = 0; i < v.nparams() && i < info->params.size(); ++i) {
    if (!is_flag_param(info->params[i].type)) continue;
    std::string hex;
    for (uint8_t b : v.param(i)) {
      char h[3];
      std::snprintf(h, sizeof(h), "%02x", b);
      hex += h;
    }
    out.params.push_back(std::string(info->params[i].name) + "=" + hex);
  }
  return true;
}

// The little-endian value of the first flag param of the n-th event of `syscall`.
uint64_t first_flags(const std::vector<FlagEvent>& evs, const std::string& syscall, int n) {
  for (const auto& e : evs) {
    if (e.syscall != syscall || n-- > 0) continue;
    const std::string hex = e.params.at(0).substr(e.params.at(0).find('=') + 1);
    uint64_t v = 0;
    for (size_t i = 0; i + 1 < hex.size(); i += 2) v |= std::stoull(hex.substr(i, 2), nullptr, 16) << (4 * i);
    return v;
  }
  ADD_FAILURE() << "no event #" << n << " of " << syscall;
  return ~0ull;
}

TEST(PpmFlagsProducers, TracerAndProbeEncodeTheSameFlags) {
  std::string why;
  auto probe = saker::bpf::Probe::open(&why);
  ASSERT_NE(probe, nullptr) << why;
  std::vector<uint32_t> nrs;
  std::string list;
  for (const auto& s : kSyscalls) {
    const int32_t nr = native_syscall_nr(s);
    ASSERT_GE(nr, 0) << s;
    nrs.push_back(static_cast<uint32_t>(nr));
    list += (list.empty() ? "" : ",") + s;
  }
  std::string err;
  ASSERT_TRUE(probe->set_syscalls(nrs, false, &err)) << err;

  char tmpl[] = "/tmp/saker-flags-diff-XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  const std::filesystem::path dir = tmpl;
  std::filesystem::create_directory(dir / "work");
  const std::string scap = (dir / "trace.scap").string();
  const auto r = saker::testing::run_command(kTrace + " --syscalls " + list + " -w " + scap +
                                             " -- " + kProg + " " + (dir / "work").string() +
                                             " 2>&1");
  ASSERT_EQ(r.exit_code, 0) << r.out;

  // The tracer's view.
  std::vector<FlagEvent> traced;
  uint64_t tid = 0;
  ScapReader reader;
  ASSERT_TRUE(reader.open(scap).ok());
  ScapReader::Item item;
  while (reader.next(item)) {
    if (item.kind != ScapReader::ItemKind::kEvent) continue;
    FlagEvent fe;
    if (!flag_event(item.event, fe)) continue;
    if (tid == 0) tid = item.event.tid();
    if (item.event.tid() == tid) traced.push_back(fe);
  }
  ASSERT_TRUE(reader.status().ok()) << reader.status().message();
  std::filesystem::remove_all(dir);
  ASSERT_NE(tid, 0u) << "no flag event in the tracer's capture";
  ASSERT_GE(traced.size(), kSyscalls.size()) << "the program makes at least one call of each";

  // The probe's view of the same thread.
  std::vector<FlagEvent> probed;
  for (int i = 0; i < 60 && probed.size() < traced.size(); ++i) {
    probe->poll(50, [&](const uint8_t* d, size_t len) {
      EventView v;
      FlagEvent fe;
      if (EventView::parse({d, len}, v).ok() && v.tid() == tid && flag_event(v, fe))
        probed.push_back(fe);
    });
  }
  ASSERT_EQ(probed.size(), traced.size());
  for (size_t i = 0; i < traced.size(); ++i)
    EXPECT_EQ(describe(traced[i]), describe(probed[i])) << "event " << i << ": tracer, probe";

  // And the values are the scap ones, from the program's calls.
  EXPECT_EQ(first_flags(traced, "pipe2", 0), PPM_O_DIRECT | PPM_O_CLOEXEC);  // upper half ignored
  EXPECT_EQ(first_flags(traced, "eventfd2", 0), PPM_O_NONBLOCK | PPM_O_CLOEXEC);
  EXPECT_EQ(first_flags(traced, "eventfd2", 1), 0u);  // a negative int: no flags
  EXPECT_EQ(first_flags(traced, "inotify_init1", 0), PPM_O_NONBLOCK);
  EXPECT_EQ(first_flags(traced, "dup3", 0), PPM_O_CLOEXEC);
  EXPECT_EQ(first_flags(traced, "close_range", 0), PPM_CLOSE_RANGE_CLOEXEC);
  EXPECT_EQ(first_flags(traced, "umount2", 0), PPM_MNT_DETACH | PPM_UMOUNT_NOFOLLOW);
}

}  // namespace
