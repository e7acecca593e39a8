// Differential check against Debian's sysdig 0.29 on the shared fixture captures, for what can
// be compared without a state engine: every event's type name and direction, and the rendered
// evt.args of events whose params need no process state.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "engine/events/event_types.h"
#include "engine/events/flag_names.h"
#include "engine/events/render.h"
#include "engine/events/scap_reader.h"
#include "tests/support/run_command.h"
#include "tests/support/shared_fixtures.h"

namespace saker::events {
namespace {

namespace fs = std::filesystem;

bool have_sysdig() { return saker::testing::run_command("command -v sysdig >/dev/null 2>&1").exit_code == 0; }

// Whether rendering param i of ev needs process state (fd names, comms, cwd, users).
bool needs_state(const EventView& ev, uint32_t n) {
  for (uint32_t i = 0; i < n; ++i) {
    switch (ev.info()->params[i].type) {
      case ParamType::Fd: case ParamType::Fd32: case ParamType::Pid: case ParamType::Pid32:
      case ParamType::Fdlist: case ParamType::Uid: case ParamType::Gid: case ParamType::Dyn:
        return true;
      case ParamType::Fspath: case ParamType::Fsrelpath: {
        const std::string_view p = ev.param_str(i);
        if (p.empty() || p[0] != '/') return true;
        break;
      }
      default:
        break;
    }
  }
  return false;
}

struct Ours {
  std::string type, dir, args;
  bool stateless = false;
};

std::vector<Ours> read_ours(const fs::path& file) {
  std::vector<Ours> out;
  scap::ScapReader reader;
  EXPECT_TRUE(reader.open(file.string()).ok()) << file;
  scap::ScapReader::Item item;
  while (reader.next(item)) {
    if (item.kind != scap::ScapReader::ItemKind::kEvent) continue;
    const EventView& ev = item.event;
    Ours o;
    if (ev.info() == nullptr) {
      o.type = "unknown";
    } else if (ev.type() == PPME_GENERIC_E || ev.type() == PPME_GENERIC_X) {
      uint64_t id = 0;
      ev.param_u64(0, id);
      o.type = std::string(syscall_name(static_cast<uint16_t>(id)));
    } else {
      o.type = ev.info()->name;
    }
    o.dir.assign(1, ev.is_enter() ? '>' : '<');
    if (ev.info() != nullptr) {
      o.stateless = !needs_state(ev, rendered_param_count(ev));
      render_args(ev, nullptr, o.args);
    }
    out.push_back(std::move(o));
  }
  EXPECT_TRUE(reader.status().ok()) << reader.status().message();
  return out;
}

std::vector<std::string> sysdig_lines(const fs::path& file, const std::string& fmt) {
  // -D: also sysdig's own and internal events; '*': print events whose fields are missing too.
  auto r = saker::testing::run_command("sysdig -D -r '" + file.string() + "' -p '*" + fmt + "' 2>/dev/null");
  std::vector<std::string> lines;
  for (auto& l : saker::testing::split_lines(r.out)) {
    if (l.rfind("#", 0) == 0) lines.push_back(l.substr(1));
  }
  return lines;
}

std::vector<fs::path> fixture_captures() {
  std::vector<fs::path> files;
  for (const char* dir : {"fixtures/captures", "fixtures/falco-legacy/trace_files"}) {
    const fs::path d = saker::testing::shared_dir() / dir;
    if (!fs::is_directory(d)) continue;
    for (const auto& e : fs::directory_iterator(d)) {
      if (e.path().extension() == ".scap") files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(SysdigDiff, TypesDirectionsAndStatelessArgs) {
  SAKER_REQUIRE_SHARED();
  if (!have_sysdig()) GTEST_SKIP() << "sysdig not installed";
  size_t compared_types = 0, compared_args = 0;
  for (const fs::path& file : fixture_captures()) {
    SCOPED_TRACE(file.string());
    const std::vector<Ours> ours = read_ours(file);
    // '#' marks our lines among whatever else sysdig prints; '|' ends the args (which end with a
    // space of their own).
    const auto theirs = sysdig_lines(file, "#%evt.num %evt.type %evt.dir %evt.args|");
    if (theirs.empty() && !ours.empty()) {
      // sysdig 0.29 fails on some files we read (curl_google_comments.scap: "Could not
      // initialize reader: expecting 4 bytes, read 0"); nothing to compare there.
      std::printf("sysdig 0.29 cannot read %s; skipped\n", file.c_str());
      continue;
    }
    // sysdig numbers every event it reads (evt.num, from 1) but consumes a few without printing
    // them (e.g. the first events of some captures); compare what it prints, by number.
    size_t last = 0;
    for (const std::string& line : theirs) {
      const size_t sp = line.find(' ');
      ASSERT_NE(sp, std::string::npos) << line;
      const size_t num = std::stoul(line.substr(0, sp));
      ASSERT_GE(num, 1u) << line;
      ASSERT_LE(num, ours.size()) << line;
      ASSERT_GT(num, last) << line;
      for (size_t skipped = last + 1; skipped < num; ++skipped) {
        std::printf("%s: sysdig does not print event %zu (%s %s)\n", file.filename().c_str(),
                    skipped, ours[skipped - 1].type.c_str(), ours[skipped - 1].dir.c_str());
      }
      last = num;
      const Ours& o = ours[num - 1];
      const std::string head = o.type + " " + o.dir + " ";
      const std::string rest = line.substr(sp + 1);
      ASSERT_EQ(rest.substr(0, head.size()), head) << "event " << num;
      ++compared_types;
      if (!o.stateless) continue;
      EXPECT_EQ(rest.substr(head.size()), o.args + "|") << "event " << num;
      ++compared_args;
    }
  }
  std::printf("compared %zu event types, %zu stateless evt.args\n", compared_types, compared_args);
}

}  // namespace
}  // namespace saker::events
