// libFuzzer target: the .scap reader on arbitrary bytes (plain or gzip), then a copy of what it
// read through the writer, reread: the copy must hold the same events, byte for byte.
//
// Seed mode: with SAKER_SCAP_WRITE_SEEDS=DIR in the environment the binary writes small seed
// captures made by our writer into DIR and exits (tests/fuzz/seeds/fuzz_scap_reader.sh uses it);
// SAKER_SCAP_SEED_FIXTURES=DIR adds trimmed copies of the captures found in DIR.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "engine/events/scap_reader.h"
#include "engine/events/scap_writer.h"

using saker::scap::ScapReader;
using saker::scap::ScapWriter;

namespace {

ScapReader::Options reader_options() {
  ScapReader::Options o;
  o.max_decompressed_bytes = 64u << 20;  // gzip bombs stay within the fuzzer's memory limit
  return o;
}

void write_file(const std::filesystem::path& p, const std::vector<uint8_t>& b) {
  std::ofstream(p, std::ios::binary).write(reinterpret_cast<const char*>(b.data()),
                                           static_cast<std::streamsize>(b.size()));
}

std::vector<uint8_t> make_event(uint16_t type, uint64_t ts, std::vector<std::string> params) {
  uint32_t len = 26 + 2 * static_cast<uint32_t>(params.size());
  for (auto& p : params) len += static_cast<uint32_t>(p.size());
  std::vector<uint8_t> e(26);
  uint64_t tid = 1234;
  auto np = static_cast<uint32_t>(params.size());
  std::memcpy(e.data(), &ts, 8);
  std::memcpy(e.data() + 8, &tid, 8);
  std::memcpy(e.data() + 16, &len, 4);
  std::memcpy(e.data() + 20, &type, 2);
  std::memcpy(e.data() + 22, &np, 4);
  for (auto& p : params) {
    auto l = static_cast<uint16_t>(p.size());
    e.insert(e.end(), reinterpret_cast<uint8_t*>(&l), reinterpret_cast<uint8_t*>(&l) + 2);
  }
  for (auto& p : params) e.insert(e.end(), p.begin(), p.end());
  return e;
}

void write_seeds(const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  // A synthetic capture with every state block kind and both event block kinds.
  for (bool gzip : {false, true}) {
    std::vector<uint8_t> out;
    ScapWriter w;
    ScapWriter::Options o;
    o.gzip = gzip;
    o.process_layout = gzip ? ScapWriter::ProcessLayout::kFull : ScapWriter::ProcessLayout::kCompat;
    (void)w.open_memory(&out, o);
    saker::scap::MachineInfo mi;
    mi.num_cpus = 2;
    mi.hostname = "seed";
    (void)w.write_machine_info(mi);
    saker::scap::InterfaceList il;
    il.entries.resize(2);
    il.entries[0].name = "lo";
    il.entries[1].ipv6 = true;
    il.entries[1].name = "eth0";
    (void)w.write_interfaces(il);
    saker::scap::UserList ul;
    ul.users.push_back({0, 0, "root", "/root", "/bin/sh"});
    ul.groups.push_back({0, "root"});
    (void)w.write_users(ul);
    saker::scap::ProcessList pl;
    pl.entries.resize(1);
    pl.entries[0].tid = pl.entries[0].pid = 1234;
    pl.entries[0].comm = "cat";
    pl.entries[0].exe = "/bin/cat";
    pl.entries[0].args = std::string("a\0", 2);
    (void)w.write_processes(pl);
    saker::scap::FdList fl;
    fl.tid = 1234;
    fl.entries.resize(3);
    fl.entries[0].type = saker::scap::FdType::FileV2;
    fl.entries[0].name = "/etc/passwd";
    fl.entries[1].type = saker::scap::FdType::Ipv6Sock;
    fl.entries[2].type = saker::scap::FdType::UnixSock;
    fl.entries[2].name = "/run/s";
    (void)w.write_fds(fl);
    (void)w.write_event(make_event(2, 1, {"/etc/passwd", std::string(4, '\0'), std::string(4, '\0')}), 0);
    (void)w.write_event(make_event(3, 2, {std::string(8, '\3'), "/etc/passwd"}), 1, 1);
    (void)w.close();
    write_file(dir / (gzip ? "writer_all_blocks.scap.gz" : "writer_all_blocks.scap"), out);
  }
  // Trimmed copies of real captures: state blocks (a few processes and fd lists) and 40 events.
  const char* fixtures = std::getenv("SAKER_SCAP_SEED_FIXTURES");
  if (fixtures == nullptr) return;
  std::error_code ec;
  for (auto& de : std::filesystem::directory_iterator(fixtures, ec)) {
    if (de.path().extension() != ".scap") continue;
    ScapReader r;
    if (!r.open(de.path().string()).ok()) continue;
    std::vector<uint8_t> out;
    ScapWriter w;
    (void)w.open_memory(&out);
    ScapReader::Item it;
    int fdls = 0, events = 0;
    while (r.next(it) && events < 40) {
      if (it.kind == ScapReader::ItemKind::kProcessList && it.processes.entries.size() > 4) {
        it.processes.entries.resize(4);
      }
      if (it.kind == ScapReader::ItemKind::kFdList && ++fdls > 3) continue;
      if (it.kind == ScapReader::ItemKind::kEvent) ++events;
      (void)w.write_item(it);
    }
    (void)w.close();
    write_file(dir / ("writer_" + de.path().filename().string()), out);
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  if (const char* dir = std::getenv("SAKER_SCAP_WRITE_SEEDS")) {
    write_seeds(dir);
    std::exit(0);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  ScapReader r(reader_options());
  if (!r.open_memory({data, size}, "fuzz").ok()) return 0;
  std::vector<uint8_t> copy;
  ScapWriter w;
  ScapWriter::Options wo;
  wo.buffer_size = 1u << 16;
  (void)w.open_memory(&copy, wo);
  std::vector<std::vector<uint8_t>> events;
  ScapReader::Item it;
  uint64_t sum = 0;
  while (r.next(it)) {
    if (it.kind == ScapReader::ItemKind::kEvent) {
      // Touch every param through the typed accessors.
      for (uint32_t i = 0; i < it.event.nparams(); ++i) {
        uint64_t v = 0;
        if (it.event.param_u64(i, v)) sum += v;
        sum += it.event.param_str(i).size();
      }
      if (events.size() < 4096) {
        auto b = it.event.bytes();
        events.emplace_back(b.begin(), b.end());
        if (!w.write_item(it).ok()) __builtin_trap();  // the writer takes whatever we read
      }
    } else {
      (void)w.write_item(it);  // may be refused after events: fine
    }
  }
  if (!w.close().ok()) __builtin_trap();
  // Reread our copy: same events, byte for byte.
  ScapReader again(reader_options());
  if (!again.open_memory(copy, "copy").ok()) __builtin_trap();
  size_t n = 0;
  while (again.next(it)) {
    if (it.kind != ScapReader::ItemKind::kEvent) continue;
    auto b = it.event.bytes();
    if (n >= events.size() || events[n].size() != b.size() ||
        std::memcmp(events[n].data(), b.data(), b.size()) != 0) {
      __builtin_trap();
    }
    ++n;
  }
  if (!again.status().ok() || n != events.size()) __builtin_trap();
  return static_cast<int>(sum & 0);
}
