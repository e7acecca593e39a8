// Differential: one real command traced by saker-trace (-w capture) while the probe watches the
// same syscalls; the execve and openat exits of that command must carry the same facts from both
// producers, param by param. Params that depend on the moment (page faults, memory sizes) or
// that only a kernel can see are listed and left out.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "bpf/probe.h"
#include "engine/events/event.h"
#include "engine/events/event_types.h"
#include "engine/events/render.h"
#include "engine/events/scap_reader.h"
#include "engine/events/syscall_map.h"
#include "tests/support/run_command.h"

namespace {

using namespace saker::events;
using saker::scap::ScapReader;

const std::string kTrace = std::string(SAKER_BIN_DIR) + "/saker-trace";

// Raw param bytes by name.
std::map<std::string, std::string> params_of(const EventView& v) {
  std::map<std::string, std::string> out;
  const EventInfo* info = v.info();
  for (uint32_t i = 0; info != nullptr && i < v.nparams() && i < info->params.size(); ++i) {
    const auto p = v.param(i);
    out[info->params[i].name] = std::string(reinterpret_cast<const char*>(p.data()), p.size());
  }
  return out;
}

std::string shown(const std::string& raw) {
  std::string s;
  for (char c : raw) s += (c >= 32 && c < 127) ? std::string(1, c) : "\\x" + std::to_string(static_cast<uint8_t>(c));
  return s;
}

std::vector<std::string> split_nul(const std::string& s) {
  std::vector<std::string> out;
  size_t at = 0;
  while (at < s.size()) {
    size_t end = s.find('\0', at);
    if (end == std::string::npos) end = s.size();
    if (end > at) out.push_back(s.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

TEST(BpfProbeVsTracer, ExecveAndOpenatExitsAgree) {
  std::string why;
  auto probe = saker::bpf::Probe::open(&why);
  ASSERT_NE(probe, nullptr) << why;
  std::string err;
  ASSERT_TRUE(probe->set_syscalls({static_cast<uint32_t>(native_syscall_nr("openat")),
                                   static_cast<uint32_t>(native_syscall_nr("execve"))},
                                  false, &err))
      << err;
  char tmpl[] = "/tmp/saker-bpf-diff-XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  const std::filesystem::path dir = tmpl;
  const std::string scap = (dir / "trace.scap").string();
  // A marker file only this command opens, so its openat is easy to find in both streams.
  const std::string marker = (dir / "marker").string();
  { FILE* f = std::fopen(marker.c_str(), "w"); ASSERT_NE(f, nullptr); std::fputs("x\n", f); std::fclose(f); }
  const auto r = saker::testing::run_command(kTrace + " -w " + scap + " -- /bin/cat " + marker +
                                             " >/dev/null 2>&1");
  ASSERT_EQ(r.exit_code, 0);

  // The tracer's view: the cat process's execve exit and openat exit of the marker.
  ScapReader reader;
  ASSERT_TRUE(reader.open(scap).ok());
  ScapReader::Item item;
  std::vector<std::vector<uint8_t>> traced;
  while (reader.next(item)) {
    if (item.kind != ScapReader::ItemKind::kEvent) continue;
    const EventView& v = item.event;
    if (v.type() == PPME_SYSCALL_EXECVE_19_X || v.type() == PPME_SYSCALL_OPENAT_2_X)
      traced.emplace_back(v.bytes().begin(), v.bytes().end());
  }
  ASSERT_TRUE(reader.status().ok()) << reader.status().message();
  uint64_t cat_tid = 0;
  std::map<std::string, std::string> t_exec, t_open;
  for (const auto& b : traced) {
    EventView v;
    ASSERT_TRUE(EventView::parse(b, v).ok());
    auto p = params_of(v);
    if (v.type() == PPME_SYSCALL_EXECVE_19_X && p["res"] == std::string(8, '\0') &&
        p["filename"] == std::string("/bin/cat") + '\0') {
      cat_tid = v.tid();
      t_exec = p;
    }
    if (v.type() == PPME_SYSCALL_OPENAT_2_X && p["name"] == marker + '\0') t_open = p;
  }
  ASSERT_NE(cat_tid, 0u) << "no execve of /bin/cat in the tracer's capture";
  ASSERT_FALSE(t_open.empty()) << "no openat of the marker in the tracer's capture";

  // The probe's view of the same thread.
  std::map<std::string, std::string> b_exec, b_open;
  for (int i = 0; i < 40 && (b_exec.empty() || b_open.empty()); ++i) {
    probe->poll(50, [&](const uint8_t* d, size_t len) {
      EventView v;
      if (!EventView::parse({d, len}, v).ok() || v.tid() != cat_tid) return;
      auto p = params_of(v);
      if (v.type() == PPME_SYSCALL_EXECVE_19_X) b_exec = p;
      if (v.type() == PPME_SYSCALL_OPENAT_2_X && p["name"] == marker + '\0') b_open = p;
    });
  }
  std::filesystem::remove_all(dir);
  ASSERT_FALSE(b_exec.empty()) << "the probe saw no execve exit of " << cat_tid;
  ASSERT_FALSE(b_open.empty()) << "the probe saw no openat exit of the marker";

  // Left out: pgft_maj/pgft_min/vm_size/vm_rss/vm_swap (read at different instants).
  for (const char* name : {"res", "exe", "args", "tid", "pid", "ptid", "cwd", "fdlimit", "comm",
                           "cgroups", "env", "tty", "pgid", "loginuid", "flags", "cap_inheritable",
                           "cap_permitted", "cap_effective", "exe_ino", "exe_ino_ctime",
                           "exe_ino_mtime", "uid", "trusted_exepath", "gid", "filename"}) {
    if (std::string(name) == "cgroups") continue;
    EXPECT_EQ(shown(b_exec[name]), shown(t_exec[name])) << "execve param " << name;
  }
  // cgroups: the order differs (the probe lists subsystems by id, /proc by hierarchy), the probe
  // also lists subsystems left on the v2 hierarchy, and named v1 hierarchies without a subsystem
  // (name=systemd) are not in the kernel's css_set. Every subsystem entry the tracer reports
  // must be in the probe's list, with the same path.
  std::set<std::string> probe_cg;
  for (const std::string& e : split_nul(b_exec["cgroups"])) probe_cg.insert(e);
  size_t compared = 0;
  for (const std::string& e : split_nul(t_exec["cgroups"])) {
    if (e.rfind("systemd=", 0) == 0) continue;
    EXPECT_TRUE(probe_cg.count(e)) << "cgroup entry " << e << " missing from the probe's "
                                   << shown(b_exec["cgroups"]);
    ++compared;
  }
  EXPECT_GT(compared, 0u);
  for (const char* name : {"fd", "dirfd", "name", "flags", "mode", "dev", "ino"}) {
    EXPECT_EQ(shown(b_open[name]), shown(t_open[name])) << "openat param " << name;
  }
}

}  // namespace
