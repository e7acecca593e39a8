// Decode throughput of the .scap reader, side by side with sysdig 0.29 on the same file.
// Prints figures; not a test.
//
//   bench_decode [--events N] [--file PATH] [--keep] [--no-sysdig]
//
// 1. Builds a capture of N events (default 1,000,000) with our writer: the state blocks of a
//    fixture, then the fixtures' events replicated with increasing timestamps.
// 2. Times ScapReader over it (open + mmap + every item, zero copy; best of 3 runs) and counts
//    heap allocations in the event loop with a counting operator new.
// 3. Times `sysdig -r FILE "evt.num=0"` (a filter that matches nothing) on the same file and
//    prints the ratio of events per second.
#include <sys/stat.h>
#include <sys/wait.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <new>
#include <string>
#include <vector>

#include "engine/events/scap_reader.h"
#include "tests/bench/bench_capture.h"
#include "engine/events/scap_writer.h"

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

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

using saker::bench::shared_dir;

// Writes the bench capture; returns the number of events written.
bool make_capture(const fs::path& out, uint64_t n_events) {
  return saker::bench::write_fixture_capture(out, n_events);
}

struct Run {
  double secs = 0;
  uint64_t events = 0;
  uint64_t allocs = 0;
  uint64_t checksum = 0;
};

Run decode(const fs::path& file) {
  Run run;
  // The time includes opening (mapping) the file and reading the state blocks, as sysdig's
  // does; the allocation count covers the event loop only.
  const auto t0 = Clock::now();
  ScapReader r;
  if (Status s = r.open(file.string()); !s.ok()) {
    std::fprintf(stderr, "%s\n", s.message().c_str());
    std::exit(1);
  }
  ScapReader::Item item;
  // The state blocks allocate (strings, vectors); they are not the event loop.
  while (r.next(item) && item.kind != ScapReader::ItemKind::kEvent) {
  }
  const uint64_t allocs0 = g_allocs.load();
  uint64_t n = 0, sum = 0;
  do {
    if (item.kind != ScapReader::ItemKind::kEvent) continue;
    ++n;
    // What a consumer does first: header fields and each param's extent.
    sum += item.event.ts() ^ item.event.tid() ^ item.event.type();
    for (uint32_t i = 0; i < item.event.nparams(); ++i) sum += item.event.param(i).size();
  } while (r.next(item));
  run.secs = seconds_since(t0);
  run.allocs = g_allocs.load() - allocs0;
  if (!r.status().ok()) {
    std::fprintf(stderr, "%s\n", r.status().message().c_str());
    std::exit(1);
  }
  run.events = n;
  run.checksum = sum;
  return run;
}

}  // namespace


int main(int argc, char** argv) {
  uint64_t n_events = 1000000;
  fs::path file = fs::temp_directory_path() / "saker_bench_decode.scap";
  bool keep = false, with_sysdig = true;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--events" && i + 1 < argc) n_events = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--file" && i + 1 < argc) file = argv[++i];
    else if (a == "--keep") keep = true;
    else if (a == "--no-sysdig") with_sysdig = false;
    else {
      std::fprintf(stderr, "usage: %s [--events N] [--file PATH] [--keep] [--no-sysdig]\n", argv[0]);
      return 2;
    }
  }

  auto t0 = Clock::now();
  if (!make_capture(file, n_events)) return 1;
  const uint64_t size = fs::file_size(file);
  std::printf("capture: %s, %llu events, %.1f MB (written in %.2f s)\n", file.c_str(),
              static_cast<unsigned long long>(n_events), size / 1e6, seconds_since(t0));

  Run best;
  for (int i = 0; i < 3; ++i) {
    Run r = decode(file);
    if (i == 0 || r.secs < best.secs) best = r;
  }
  const double ev_s = best.events / best.secs;
  std::printf("saker  ScapReader: %llu events in %.3f s = %.2f M events/s, %.0f MB/s "
              "(best of 3; checksum %llx)\n",
              static_cast<unsigned long long>(best.events), best.secs, ev_s / 1e6,
              size / 1e6 / best.secs, static_cast<unsigned long long>(best.checksum));
  std::printf("saker  heap allocations in the decode loop: %llu (%.6f per event)\n",
              static_cast<unsigned long long>(best.allocs),
              static_cast<double>(best.allocs) / static_cast<double>(best.events ? best.events : 1));

  if (with_sysdig) {
    const char* sysdig = std::getenv("SYSDIG");
    std::string bin = sysdig ? sysdig : "sysdig";
    std::string cmd = bin + " -r '" + file.string() + "' 'evt.num=0' > /dev/null 2>&1";
    // Best of 3 as well: the machine may be shared.
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
      std::printf("sysdig -r FILE \"evt.num=0\": %.3f s = %.2f M events/s, %.0f MB/s (best of 3)\n", secs,
                  sev_s / 1e6, size / 1e6 / secs);
      std::printf("ratio: saker decodes %.1fx sysdig's events/s (target >= 5x)\n", ev_s / sev_s);
    }
  }
  if (!keep) fs::remove(file);
  return 0;
}
