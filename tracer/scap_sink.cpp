#include "tracer/scap_sink.h"

#include <unistd.h>

#include <cstring>

namespace saker::tracer {

ScapFileSink::~ScapFileSink() { (void)close(); }

Status ScapFileSink::open(const std::string& path) {
  Status s = writer_.open(path);
  if (!s.ok()) return s;
  // A machine-info block: readers (sysdig) expect one before the events.
  scap::MachineInfo mi{};
  mi.num_cpus = static_cast<uint32_t>(sysconf(_SC_NPROCESSORS_ONLN));
  mi.memory_size_bytes = static_cast<uint64_t>(sysconf(_SC_PHYS_PAGES)) *
                         static_cast<uint64_t>(sysconf(_SC_PAGESIZE));
  char host[128] = {};
  gethostname(host, sizeof(host) - 1);
  mi.hostname = host;
  mi.max_pid = 4194304;
  return writer_.write_machine_info(mi);
}

Status ScapFileSink::close() {
  if (!writer_.is_open()) return Status::Ok();
  return writer_.close();
}

std::span<uint8_t> ScapFileSink::begin(uint32_t max_len) {
  if (!writer_.is_open()) {
    ++lost_;
    return {};
  }
  if (buf_.size() < max_len) buf_.resize(max_len);
  return {buf_.data(), max_len};
}

void ScapFileSink::commit(uint32_t len) {
  if (len == 0) {
    ++lost_;
    return;
  }
  if (!writer_.write_event(std::span<const uint8_t>(buf_.data(), len), 0).ok()) ++lost_;
}

}  // namespace saker::tracer
