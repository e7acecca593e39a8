// State engine benchmark (issue 4). Prints figures; not a test.
//
//   bench_state [--events N] [--procs N] [--opens N] [--file PATH] [--keep]
//
// 1. ns/event of State::update over a capture of N events (default 1,000,000) written with our
//    writer: the fixtures' state blocks, then their events replicated with rising timestamps.
//    Reading is timed separately and subtracted, so the figure is the state update alone.
// 2. Churn: N short-lived processes (clone, execve, procexit; default 100,000) and N open/close
//    pairs (default 1,000,000) built with EventBuilder and replayed through one State. Peak RSS
//    (VmHWM) and current RSS are printed before and after; with purging working, the peak stays
//    flat (the tables hold the live set, not the history).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/events/event_builder.h"
#include "engine/events/event_types.h"
#include "engine/events/ppm_flags.h"
#include "engine/events/scap_reader.h"
#include "tests/bench/bench_capture.h"
#include "engine/events/scap_writer.h"
#include "engine/state/state.h"

namespace {

using saker::Status;
using saker::events::EventBuilder;
using saker::events::EventView;
using saker::scap::ScapReader;
using saker::scap::ScapWriter;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

using saker::bench::shared_dir;

// "VmHWM" / "VmRSS" of this process, in kB.
long status_kb(const char* key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  const size_t klen = std::strlen(key);
  while (std::getline(in, line)) {
    if (line.compare(0, klen, key) == 0 && line.size() > klen && line[klen] == ':') {
      return std::strtol(line.c_str() + klen + 1, nullptr, 10);
    }
  }
  return -1;
}

void print_memory(const char* when) {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("  %-28s VmHWM %7ld kB  VmRSS %7ld kB  (ru_maxrss %ld kB)\n", when, status_kb("VmHWM"),
              status_kb("VmRSS"), ru.ru_maxrss);
}

// ---- 1. capture replay --------------------------------------------------------------------------

bool make_capture(const fs::path& out, uint64_t n_events) {
  return saker::bench::write_fixture_capture(out, n_events);
}

// Reads the capture; with `st`, seeds it from the state blocks and updates it per event.
// Returns seconds spent in the event loop.
double replay(const fs::path& file, saker::state::State* st, uint64_t* n_out) {
  ScapReader r;
  if (Status s = r.open(file.string()); !s.ok()) {
    std::fprintf(stderr, "%s\n", s.message().c_str());
    std::exit(1);
  }
  ScapReader::Item item;
  uint64_t n = 0;
  Clock::time_point t0;
  bool started = false;
  while (r.next(item)) {
    switch (item.kind) {
      case ScapReader::ItemKind::kProcessList:
        if (st) for (const auto& p : item.processes.entries) st->seed_process(p);
        continue;
      case ScapReader::ItemKind::kFdList:
        if (st) st->seed_fds(item.fds);
        continue;
      case ScapReader::ItemKind::kUserList:
        if (st) st->users().load_user_list(item.users);
        continue;
      case ScapReader::ItemKind::kEvent:
        break;
      default:
        continue;
    }
    if (!started) {
      started = true;
      t0 = Clock::now();
    }
    ++n;
    if (st) st->update(item.event);
  }
  double secs = started ? seconds_since(t0) : 0;
  *n_out = n;
  return secs;
}

// ---- 2. synthetic churn -------------------------------------------------------------------------

// One named param value for build(): an integer or a string.
struct Arg {
  const char* name;
  int64_t i = 0;
  std::string_view s = {};
  bool is_str = false;
};
Arg I(const char* n, int64_t v) { return Arg{n, v}; }
Arg S(const char* n, std::string_view v) { return Arg{n, 0, v, true}; }

// Encodes an event of `type` into buf, params in schema order; unnamed params are left empty.
EventView build(EventBuilder& b, std::vector<uint8_t>& buf, uint16_t type, uint64_t ts,
                uint64_t tid, std::initializer_list<Arg> args) {
  using saker::events::ParamType;
  b.start(type, buf);
  for (const auto& p : b.info()->params) {
    const Arg* a = nullptr;
    for (const Arg& x : args) {
      if (std::strcmp(x.name, p.name) == 0) a = &x;
    }
    if (a == nullptr) {
      b.add_empty();
      continue;
    }
    const uint32_t width = saker::events::param_type_width(p.type);
    if (a->is_str) {
      if (p.type == ParamType::Bytebuf || p.type == ParamType::Charbufarray) {
        b.add_bytes(a->s);
      } else {
        b.add_str(a->s);
      }
    } else if (width == 8) {
      b.add_i64(a->i);
    } else if (width == 4) {
      b.add_u32(static_cast<uint32_t>(a->i));
    } else if (width == 2) {
      b.add_u16(static_cast<uint16_t>(a->i));
    } else {
      b.add_u8(static_cast<uint8_t>(a->i));
    }
  }
  uint32_t len = b.finish(ts, tid);
  EventView v;
  if (len == 0 || !EventView::parse({buf.data(), len}, v).ok()) {
    std::fprintf(stderr, "bad synthetic event %u: %.*s\n", type, static_cast<int>(b.error().size()),
                 b.error().data());
    std::exit(1);
  }
  return v;
}

struct Churn {
  saker::state::State st;
  EventBuilder b{false};
  std::vector<uint8_t> buf = std::vector<uint8_t>(4096);
  uint64_t ts = 1700000000000000000ull;
  uint64_t events = 0;

  void feed(const EventView& v) {
    st.update(v);
    ++events;
  }
  // A shell (100) under init (1).
  void seed() {
    for (int64_t pid : {int64_t{1}, int64_t{100}}) {
      saker::scap::ProcessInfo p;
      p.tid = p.pid = pid;
      p.ptid = pid == 1 ? 0 : 1;
      p.comm = pid == 1 ? "init" : "bash";
      p.exe = p.comm;
      p.exepath = "/usr/bin/" + p.comm;
      p.cwd = "/";
      p.vtid = p.vpid = pid;
      st.seed_process(p);
    }
  }
  // bash forks `child`, which execs /bin/true and exits.
  void process(int64_t child) {
    using namespace saker::events;
    feed(build(b, buf, PPME_SYSCALL_CLONE_20_E, ts += 100, 100, {}));
    feed(build(b, buf, PPME_SYSCALL_CLONE_20_X, ts += 100, 100,
               {I("res", child), S("exe", "bash"), S("args", std::string_view("", 0)),
                I("tid", 100), I("pid", 100), I("ptid", 1), S("cwd", "/"), I("fdlimit", 1024),
                S("comm", "bash"), I("flags", 0), I("uid", 0), I("gid", 0), I("vtid", 100),
                I("vpid", 100)}));
    feed(build(b, buf, PPME_SYSCALL_CLONE_20_X, ts += 100, child,
               {I("res", 0), S("exe", "bash"), S("args", std::string_view("", 0)),
                I("tid", child), I("pid", child), I("ptid", 100), S("cwd", "/"),
                I("fdlimit", 1024), S("comm", "bash"), I("flags", 0), I("uid", 0), I("gid", 0),
                I("vtid", child), I("vpid", child)}));
    feed(build(b, buf, PPME_SYSCALL_EXECVE_19_E, ts += 100, child, {S("filename", "/bin/true")}));
    feed(build(b, buf, PPME_SYSCALL_EXECVE_19_X, ts += 100, child,
               {I("res", 0), S("exe", "/bin/true"), S("args", std::string_view("x\0", 2)),
                I("tid", child), I("pid", child), I("ptid", 100), S("cwd", "/"),
                I("fdlimit", 1024), S("comm", "true"), S("env", std::string_view("A=b\0", 4)),
                I("vtid", child), I("vpid", child)}));
    feed(build(b, buf, PPME_PROCEXIT_1_E, ts += 100, child, {I("status", 0)}));
  }
  // bash opens and closes one file.
  void open_close(uint64_t i) {
    using namespace saker::events;
    char path[64];
    std::snprintf(path, sizeof path, "/tmp/f%llu", static_cast<unsigned long long>(i % 1000));
    feed(build(b, buf, PPME_SYSCALL_OPENAT_2_E, ts += 100, 100,
               {I("dirfd", -100), S("name", path), I("flags", 1), I("mode", 0)}));
    feed(build(b, buf, PPME_SYSCALL_OPENAT_2_X, ts += 100, 100,
               {I("fd", 3), I("dirfd", -100), S("name", path), I("flags", 1), I("mode", 0)}));
    feed(build(b, buf, PPME_SYSCALL_CLOSE_E, ts += 100, 100, {I("fd", 3)}));
    feed(build(b, buf, PPME_SYSCALL_CLOSE_X, ts += 100, 100, {I("res", 0)}));
  }
};

}  // namespace

int main(int argc, char** argv) {
  uint64_t n_events = 1000000, n_procs = 100000, n_opens = 1000000;
  fs::path file = fs::temp_directory_path() / "saker_bench_state.scap";
  bool keep = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--events" && i + 1 < argc) n_events = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--procs" && i + 1 < argc) n_procs = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--opens" && i + 1 < argc) n_opens = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--file" && i + 1 < argc) file = argv[++i];
    else if (a == "--keep") keep = true;
    else {
      std::fprintf(stderr, "usage: %s [--events N] [--procs N] [--opens N] [--file PATH] [--keep]\n",
                   argv[0]);
      return 2;
    }
  }

  // 1. capture replay
  if (!make_capture(file, n_events)) return 1;
  uint64_t n = 0;
  double read_best = 1e9, both_best = 1e9;
  for (int i = 0; i < 3; ++i) {
    read_best = std::min(read_best, replay(file, nullptr, &n));
    saker::state::State st;
    both_best = std::min(both_best, replay(file, &st, &n));
  }
  const double update_ns = (both_best - read_best) / static_cast<double>(n) * 1e9;
  std::printf("capture replay: %llu events; read %.1f ns/event, read+update %.1f ns/event\n",
              static_cast<unsigned long long>(n), read_best / n * 1e9, both_best / n * 1e9);
  std::printf("state update cost: %.1f ns/event (best of 3)\n", update_ns);
  if (!keep) fs::remove(file);

  // 2. churn
  Churn c;
  c.seed();
  std::printf("churn:\n");
  print_memory("before churn");
  // Warm-up: one tenth of each, so the tables and allocator pools reach their working size.
  for (uint64_t i = 0; i < n_procs / 10; ++i) c.process(static_cast<int64_t>(1000 + i));
  for (uint64_t i = 0; i < n_opens / 10; ++i) c.open_close(i);
  print_memory("after 10% warm-up");
  const long hwm_warm = status_kb("VmHWM");
  auto t0 = Clock::now();
  for (uint64_t i = 0; i < n_procs; ++i) c.process(static_cast<int64_t>(200000 + i));
  const double proc_s = seconds_since(t0);
  print_memory("after processes");
  t0 = Clock::now();
  for (uint64_t i = 0; i < n_opens; ++i) c.open_close(i);
  const double open_s = seconds_since(t0);
  c.st.flush_pending();
  print_memory("after open/close pairs");
  const long hwm_end = status_kb("VmHWM");
  std::printf("  %llu processes (clone+execve+procexit, 6 events each): %.2f s, %.0f ns/event\n",
              static_cast<unsigned long long>(n_procs), proc_s, proc_s / (n_procs * 6.0) * 1e9);
  std::printf("  %llu open/close pairs (4 events each): %.2f s, %.0f ns/event\n",
              static_cast<unsigned long long>(n_opens), open_s, open_s / (n_opens * 4.0) * 1e9);
  std::printf("  live threads %zu, fds %zu, threads removed %llu\n", c.st.thread_count(),
              c.st.fd_count(), static_cast<unsigned long long>(c.st.stats().threads_removed));
  std::printf("  peak RSS growth over the churn: %ld kB (%s)\n", hwm_end - hwm_warm,
              hwm_end - hwm_warm < 4096 ? "flat" : "GROWING");
  return 0;
}
