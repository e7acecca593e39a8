#pragma once
// The large capture the benchmarks replay: the events of every fixture capture, repeated with
// rising timestamps up to the requested count, after the first capture's state blocks. Written
// with our own ScapWriter, so sysdig can read the same file for side-by-side figures.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

#include "engine/events/scap_reader.h"
#include "engine/events/scap_writer.h"

namespace saker::bench {

inline std::filesystem::path shared_dir() {
  if (const char* env = std::getenv("SAKER_SHARED_DIR")) return env;
  return SAKER_SHARED_DIR;
}

inline bool write_fixture_capture(const std::filesystem::path& out, uint64_t n_events) {
  namespace fs = std::filesystem;
  std::vector<std::vector<uint8_t>> events;
  std::vector<uint16_t> cpus;
  scap::ScapWriter w;
  if (Status s = w.open(out.string()); !s.ok()) {
    std::fprintf(stderr, "%s\n", s.message().c_str());
    return false;
  }
  std::vector<fs::path> files;
  for (auto& de : fs::directory_iterator(shared_dir() / "fixtures/captures")) {
    if (de.path().extension() == ".scap") files.push_back(de.path());
  }
  std::sort(files.begin(), files.end());
  bool state_done = false;
  for (const fs::path& f : files) {
    scap::ScapReader r;
    if (!r.open(f.string()).ok()) continue;
    scap::ScapReader::Item it;
    while (r.next(it)) {
      if (it.kind == scap::ScapReader::ItemKind::kEvent) {
        auto b = it.event.bytes();
        events.emplace_back(b.begin(), b.end());
        cpus.push_back(it.cpu);
      } else if (!state_done) {
        (void)w.write_item(it);  // the first capture's state blocks
      }
    }
    state_done = true;
  }
  if (events.empty()) {
    std::fprintf(stderr, "no fixture events under %s\n", shared_dir().c_str());
    return false;
  }
  uint64_t ts = 1700000000000000000ull;
  for (uint64_t i = 0; i < n_events; ++i) {
    std::vector<uint8_t>& e = events[i % events.size()];
    ts += 1000;
    std::memcpy(e.data(), &ts, 8);
    if (Status s = w.write_event(e, cpus[i % cpus.size()]); !s.ok()) {
      std::fprintf(stderr, "%s\n", s.message().c_str());
      return false;
    }
  }
  return w.close().ok();
}

}  // namespace saker::bench
