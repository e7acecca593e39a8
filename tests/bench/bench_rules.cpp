// Rules benchmarks. Prints figures; not a test.
//
//   bench_rules [--events N] [--file PATH] [--keep] [--no-sysdig] [--condition SYSDIG_FILTER]
//
// (a) Load and compile the three upstream rules files (rules::Loader with the field catalog, then
//     core::Ruleset::build): milliseconds, best of 5. Target < 150 ms.
// (b) Throughput of the stable upstream ruleset (falco_rules.yaml) over a capture of N events
//     (default 1,000,000: the fixture captures' events replicated with rising timestamps, written
//     with ScapWriter), replayed as the pipeline does (ScapReader -> State::update ->
//     Ruleset::match), side by side with `sysdig -r FILE CONDITION` on the same file, where
//     CONDITION is an or-chain of rule-like conditions of similar weight. Target >= 3x.
// (c) Heap allocations per event inside Ruleset::match, with a counting operator new. Target 0.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include "engine/core/ruleset.h"
#include "engine/events/scap_reader.h"
#include "tests/bench/bench_capture.h"
#include "engine/events/scap_writer.h"
#include "engine/fields/eval_context.h"
#include "engine/fields/filter_provider.h"
#include "engine/fields/state_resolver.h"
#include "engine/filter/evttypes.h"
#include "engine/rules/loader.h"
#include "engine/state/state.h"

// ---- allocation counter ------------------------------------------------------------------------
static std::atomic<uint64_t> g_allocs{0};

void* operator new(std::size_t n) {
  g_allocs.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) { return operator new(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  g_allocs.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(n ? n : 1);
}
void* operator new[](std::size_t n, const std::nothrow_t& t) noexcept { return operator new(n, t); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

namespace {

using saker::Status;
using saker::scap::ScapReader;
using saker::scap::ScapWriter;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// Rule-like conditions sysdig 0.29 understands (file opens, spawned shells, network, deletes),
// or-ed: roughly the work of the stable ruleset's rules for one event.
const char* kSysdigCondition =
    "(evt.type in (open,openat,openat2) and evt.is_open_write=true and fd.typechar='f' and fd.num>=0 "
    "and (fd.name startswith /etc or fd.name startswith /usr/bin or fd.name startswith /bin) "
    "and not proc.name in (dpkg,rpm,yum,apt,apt-get,pip)) or "
    "(evt.type in (open,openat,openat2) and evt.is_open_read=true and fd.typechar='f' and "
    "fd.name in (/etc/shadow,/etc/sudoers,/etc/pam.conf,/etc/security/pwquality.conf) and "
    "not proc.name in (sudo,su,login,sshd,passwd)) or "
    "(evt.type in (execve,execveat) and evt.dir=< and proc.name in (ash,bash,csh,ksh,sh,tcsh,zsh,dash) "
    "and proc.pname in (nginx,httpd,apache2,mysqld,postgres,node) and proc.tty != 0) or "
    "(evt.type=connect and evt.dir=< and fd.typechar=4 and not fd.snet in (127.0.0.0/8) and "
    "proc.name in (nc,ncat,netcat,socat)) or "
    "(evt.type in (unlink,unlinkat,rename,renameat) and evt.dir=< and fd.name contains /var/log and "
    "not proc.name in (logrotate,rsyslogd)) or "
    "(evt.type in (setuid,setgid) and evt.dir=> and not user.name=root and proc.name icontains su) or "
    "(evt.type=ptrace and evt.dir=> and evt.arg.request contains ATTACH and proc.cmdline contains x)";

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

using saker::bench::shared_dir;

std::vector<fs::path> upstream_files() {
  fs::path d = shared_dir() / "fixtures/upstream-rules";
  // Falco's order: stable, then incubating, then sandbox.
  return {d / "falco_rules.yaml", d / "falco-incubating_rules.yaml", d / "falco-sandbox_rules.yaml"};
}

saker::rules::LoaderOptions loader_options(const saker::filter::FieldProvider* fields) {
  saker::rules::LoaderOptions o;
  o.compiler.fields = fields;
  o.compiler.event_types = &saker::filter::schema_event_types();
  return o;
}

// Everything one load produces, in dependency order.
struct Loaded {
  saker::fields::CatalogFieldProvider provider;
  saker::rules::Loader loader{loader_options(&provider)};
  saker::core::Ruleset ruleset;
  size_t errors = 0, warnings = 0;
};

std::unique_ptr<Loaded> load(const std::vector<fs::path>& files) {
  auto l = std::make_unique<Loaded>();
  for (const auto& f : files) {
    auto r = l->loader.load_file(f);
    l->errors += r.errors().size();
    l->warnings += r.warnings().size();
    if (!r.ok()) std::fprintf(stderr, "%s", r.as_text(true).c_str());
  }
  if (Status s = l->ruleset.build(l->loader.ruleset(), l->provider); !s.ok()) {
    std::fprintf(stderr, "build: %s\n", s.message().c_str());
    ++l->errors;
  }
  return l;
}

bool make_capture(const fs::path& out, uint64_t n_events) {
  return saker::bench::write_fixture_capture(out, n_events);
}

struct Run {
  double secs = 0;
  uint64_t events = 0, matches = 0, match_allocs = 0, update_allocs = 0;
};

// The pipeline's event loop without output delivery (alerts are counted, not formatted).
Run replay(const fs::path& file, Loaded& l) {
  Run run;
  const auto t0 = Clock::now();
  ScapReader r;
  if (Status s = r.open(file.string()); !s.ok()) {
    std::fprintf(stderr, "%s\n", s.message().c_str());
    std::exit(1);
  }
  saker::state::State state;
  saker::fields::StateRenderResolver resolver(state);
  ScapReader::Item item;
  uint64_t first_ts = 0;
  while (r.next(item)) {
    using K = ScapReader::ItemKind;
    switch (item.kind) {
      case K::kMachineInfo: state.set_boot_ts(item.machine.boot_ts_epoch); continue;
      case K::kProcessList: for (const auto& p : item.processes.entries) state.seed_process(p); continue;
      case K::kFdList: state.seed_fds(item.fds); continue;
      case K::kUserList: state.users().load_user_list(item.users); continue;
      case K::kEvent: break;
      default: continue;
    }
    const saker::events::EventView& ev = item.event;
    ++run.events;
    if (first_ts == 0) first_ts = ev.ts();
    uint64_t a0 = g_allocs.load(std::memory_order_relaxed);
    state.update(ev);
    uint64_t a1 = g_allocs.load(std::memory_order_relaxed);
    saker::filter::EvalContext ctx;  // the filter-side view of fields::EvalContext
    ctx.evt = &ev;
    ctx.resolver = &resolver;
    ctx.evt_num = run.events;
    ctx.first_ts = first_ts;
    ctx.cpu = item.cpu;
    saker::fields::fill_state(ctx, state);
    run.matches += l.ruleset.match(ev.type(), ctx, [](saker::core::RuntimeRule&) {});
    run.update_allocs += a1 - a0;
    run.match_allocs += g_allocs.load(std::memory_order_relaxed) - a1;
  }
  run.secs = seconds_since(t0);
  if (!r.status().ok()) {
    std::fprintf(stderr, "%s\n", r.status().message().c_str());
    std::exit(1);
  }
  return run;
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t n_events = 1000000;
  fs::path file = fs::temp_directory_path() / "saker_bench_rules.scap";
  bool keep = false, with_sysdig = true;
  std::string condition = kSysdigCondition;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--events" && i + 1 < argc) n_events = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--file" && i + 1 < argc) file = argv[++i];
    else if (a == "--keep") keep = true;
    else if (a == "--no-sysdig") with_sysdig = false;
    else if (a == "--condition" && i + 1 < argc) condition = argv[++i];
    else {
      std::fprintf(stderr, "usage: %s [--events N] [--file PATH] [--keep] [--no-sysdig] [--condition F]\n", argv[0]);
      return 2;
    }
  }

  // (a) load + compile.
  double best_ms = 0;
  size_t rules = 0, errors = 0, warnings = 0;
  for (int i = 0; i < 5; ++i) {
    const auto t0 = Clock::now();
    auto l = load(upstream_files());
    const double ms = seconds_since(t0) * 1e3;
    if (i == 0 || ms < best_ms) best_ms = ms;
    rules = l->loader.ruleset().rules.size();
    errors = l->errors;
    warnings = l->warnings;
  }
  std::printf("(a) load+compile 3 upstream rules files: %.1f ms (best of 5; %zu rules, %zu errors, "
              "%zu warnings; target < 150 ms)\n", best_ms, rules, errors, warnings);

  // (b) throughput of the stable ruleset.
  auto stable = load({upstream_files()[0]});
  auto t0 = Clock::now();
  if (!make_capture(file, n_events)) return 1;
  std::printf("capture: %s, %llu events, %.1f MB (written in %.2f s)\n", file.c_str(),
              static_cast<unsigned long long>(n_events), fs::file_size(file) / 1e6, seconds_since(t0));
  Run best;
  for (int i = 0; i < 3; ++i) {
    Run r = replay(file, *stable);
    if (i == 0 || r.secs < best.secs) best = r;
  }
  const double ev_s = best.events / best.secs;
  std::printf("(b) saker falco_rules.yaml (%zu rules): %llu events in %.3f s = %.2f M events/s, %llu "
              "matches (best of 3; read + state + rules)\n",
              stable->loader.ruleset().rules.size(), static_cast<unsigned long long>(best.events),
              best.secs, ev_s / 1e6, static_cast<unsigned long long>(best.matches));
  // (c) allocations.
  std::printf("(c) heap allocations in Ruleset::match: %llu (%.6f per event; target 0); in "
              "State::update: %llu (%.6f per event)\n",
              static_cast<unsigned long long>(best.match_allocs),
              static_cast<double>(best.match_allocs) / static_cast<double>(best.events ? best.events : 1),
              static_cast<unsigned long long>(best.update_allocs),
              static_cast<double>(best.update_allocs) / static_cast<double>(best.events ? best.events : 1));

  if (with_sysdig) {
    const char* sysdig = std::getenv("SYSDIG");
    std::string bin = sysdig ? sysdig : "sysdig";
    std::string cmd = bin + " -r '" + file.string() + "' \"" + condition + "\" > /dev/null 2>&1";
    double secs = 0;
    int rc = 0;
    for (int i = 0; i < 3 && rc == 0; ++i) {
      t0 = Clock::now();
      rc = std::system(cmd.c_str());
      const double s = seconds_since(t0);
      if (i == 0 || s < secs) secs = s;
    }
    if (rc != 0) {
      std::printf("sysdig: `%s` failed (status %d); no comparison\n", cmd.c_str(), rc);
    } else {
      const double sev_s = best.events / secs;
      std::printf("sysdig -r FILE \"<or-chain of 7 rule-like conditions>\": %.3f s = %.2f M events/s (best of 3)\n",
                  secs, sev_s / 1e6);
      std::printf("ratio: saker evaluates the stable ruleset at %.1fx sysdig's events/s (target >= 3x)\n",
                  ev_s / sev_s);
    }
  }
  if (!keep) fs::remove(file);
  return 0;
}
