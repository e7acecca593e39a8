#include "tests/support/metadata_provider_fixture.h"

#include <thread>

namespace saker::testing {

using namespace std::chrono_literals;

void FakeServerBehaviour::stall(const std::function<bool()>& client_gone, std::chrono::milliseconds limit) const {
  const auto end = std::chrono::steady_clock::now() + limit;
  while (!released_ && !client_gone() && std::chrono::steady_clock::now() < end) std::this_thread::sleep_for(10ms);
}

std::function<void(const std::string&)> LogCapture::sink() {
  return [this](const std::string& line) {
    std::lock_guard l(mu_);
    lines_.push_back(line);
  };
}

size_t LogCapture::count(const std::string& needle) const {
  std::lock_guard l(mu_);
  size_t n = 0;
  for (const auto& line : lines_) n += line.find(needle) != std::string::npos;
  return n;
}

std::string LogCapture::all() const {
  std::lock_guard l(mu_);
  std::string s;
  for (const auto& line : lines_) s += line + "\n";
  return s;
}

bool eventually(const std::function<bool()>& done, std::chrono::milliseconds limit) {
  const auto end = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < end) {
    if (done()) return true;
    std::this_thread::sleep_for(20ms);
  }
  return done();
}

state::metadata::MetadataConfig provider_test_config(LogCapture& logs) {
  state::metadata::MetadataConfig c;
  c.runtime_sockets.clear();
  c.watch_events = false;
  c.timeout_ms = 300;
  c.log = logs.sink();
  return c;
}

}  // namespace saker::testing
