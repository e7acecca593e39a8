// A stuck receiver must not slow event processing (issue 7). Prints figures; not a test.
//
//   bench_output_replay [events=2000000] [rounds=3]
//
// Replays one large capture (the fixture captures' events repeated, bench_capture.h) through the
// real pipeline (ScapReader -> State -> upstream stable rules + one rule on every file open ->
// Outputs) with JSON alerts going to:
//   - a file (a healthy receiver),
//   - an HTTP server that accepts connections and never answers,
//   - a program that never reads its stdin,
// and prints events/s of the replay loop for each (best of the rounds, variants interleaved so
// that load from elsewhere hits them alike), the alerts raised, delivered and dropped, and the
// stuck/healthy ratios (target ~1: a stuck receiver costs dropped alerts, never speed). Shutdown
// (the bounded drain) is timed apart: it is not event processing.
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "engine/core/pipeline.h"
#include "engine/events/scap_reader.h"
#include "engine/output/net/network_outputs.h"
#include "engine/output/outputs.h"
#include "tests/bench/bench_capture.h"

using namespace saker;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

double secs(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

// Accepts every connection and reads what comes, never answering (HTTP client waits forever).
class SilentHttpServer {
 public:
  SilentHttpServer() {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(fd_, 64) != 0) {
      std::perror("silent server");
      std::exit(1);
    }
    socklen_t len = sizeof a;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~SilentHttpServer() {
    stop_ = true;
    ::shutdown(fd_, SHUT_RDWR);
    thread_.join();
    ::close(fd_);
    for (int c : clients_) ::close(c);
  }
  int port() const { return port_; }

 private:
  void serve() {
    while (!stop_) {
      const int c = ::accept4(fd_, nullptr, nullptr, SOCK_CLOEXEC);
      if (c < 0) break;
      clients_.push_back(c);  // kept open, never read from, never answered
    }
  }
  int fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::vector<int> clients_;
  std::thread thread_;
};

struct Figures {
  double events_per_s = 0;  // replay loop, best round
  double drain_s = 0;       // shutdown drain, last round
  uint64_t events = 0, alerts = 0, delivered = 0, dropped = 0;
};

Figures replay(const fs::path& capture, const std::vector<std::string>& rules, const output::OutputsConfig& cfg) {
  core::PipelineOptions po;
  po.outputs = cfg;
  po.hostname = "bench-host";
  core::Pipeline p(po);
  if (Status s = p.load_rules(rules); !s.ok()) {
    std::fprintf(stderr, "rules: %s\n", s.message().c_str());
    std::exit(1);
  }
  std::string err;
  auto outputs = output::Outputs::create(cfg, &err);
  if (!outputs) {
    std::fprintf(stderr, "outputs: %s\n", err.c_str());
    std::exit(1);
  }
  outputs->set_internal_handler([](output::Priority, std::string_view) {});
  p.set_outputs(outputs.get());

  scap::ScapReader reader;
  if (Status s = reader.open(capture.string()); !s.ok()) {
    std::fprintf(stderr, "%s\n", s.message().c_str());
    std::exit(1);
  }
  Figures f;
  scap::ScapReader::Item item;
  const auto t0 = Clock::now();
  while (reader.next(item)) {
    if (item.kind == scap::ScapReader::ItemKind::kEvent) {
      p.process(item.event, item.cpu);
      ++f.events;
    } else {
      p.seed(item);
    }
  }
  f.events_per_s = static_cast<double>(f.events) / secs(Clock::now() - t0);
  const auto t1 = Clock::now();
  outputs->drain(std::chrono::milliseconds(3000));
  f.drain_s = secs(Clock::now() - t1);
  f.alerts = p.stats().alerts;
  const auto st = outputs->stats();
  f.dropped = st.queue_dropped;
  for (const auto& ch : st.channels) {
    f.delivered += ch.delivered;
    f.dropped += ch.dropped;
  }
  return f;
}

}  // namespace

int main(int argc, char** argv) {
  const uint64_t n_events = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 2000000;
  const int rounds = argc > 2 ? std::atoi(argv[2]) : 3;
  output::install_network_channels();  // the HTTP receiver, as the dynamic saker's main() does

  const fs::path dir = fs::temp_directory_path() / ("saker-bench-replay-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path capture = dir / "large.scap";
  if (!bench::write_fixture_capture(capture, n_events)) return 1;
  const fs::path opens_rule = dir / "every_open.yaml";
  std::ofstream(opens_rule) << "- rule: Bench Every Open\n"
                               "  desc: one alert per file open, so alerts flow all the time\n"
                               "  condition: evt.type in (open, openat, openat2) and evt.dir = <\n"
                               "  output: opened (file=%fd.name proc=%proc.name cmdline=%proc.cmdline "
                               "user=%user.name pid=%proc.pid)\n"
                               "  priority: NOTICE\n";
  const std::vector<std::string> rules = {
      (bench::shared_dir() / "fixtures/upstream-rules/falco_rules.yaml").string(), opens_rule.string()};

  SilentHttpServer silent;
  auto base = [&] {
    output::OutputsConfig c;
    c.hostname = "bench-host";
    c.json_output = true;
    c.stdout_output.enabled = false;
    c.queue_capacity = 10000;  // a stuck channel fills it: alerts are dropped (counted), never waited for
    c.output_timeout_ms = 500;
    c.max_retries = 0;
    return c;
  };
  output::OutputsConfig to_file = base();
  to_file.file_output = {true, true, (dir / "alerts.json").string()};
  output::OutputsConfig stuck_http = base();
  stuck_http.http_output.enabled = true;
  stuck_http.http_output.url = "http://127.0.0.1:" + std::to_string(silent.port()) + "/";
  output::OutputsConfig stuck_prog = base();
  stuck_prog.program_output = {true, true, "exec sleep 3600"};

  struct Variant {
    const char* label;
    output::OutputsConfig cfg;
    Figures best;
  } variants[] = {{"JSON to a file", to_file, {}},
                  {"HTTP server never answering", stuck_http, {}},
                  {"program never reading", stuck_prog, {}}};
  constexpr size_t kVariants = std::size(variants);
  for (int round = 0; round < rounds; ++round) {
    for (size_t k = 0; k < kVariants; ++k) {
      Variant& v = variants[(k + static_cast<size_t>(round)) % kVariants];
      Figures f = replay(capture, rules, v.cfg);
      const double best = std::max(v.best.events_per_s, f.events_per_s);
      v.best = f;
      v.best.events_per_s = best;
    }
  }
  std::printf("replay of %llu events (%s), %d rounds, best of rounds:\n",
              static_cast<unsigned long long>(n_events), capture.c_str(), rounds);
  for (const Variant& v : variants) {
    // Still queued when the bounded drain gave up (a stuck channel holds them until shutdown).
    const uint64_t undelivered = v.best.alerts - std::min(v.best.alerts, v.best.delivered + v.best.dropped);
    std::printf("  %-28s %10.0f events/s  alerts %llu, delivered %llu, dropped %llu, still queued at drain "
                "end %llu, drain %.2f s\n",
                v.label, v.best.events_per_s, static_cast<unsigned long long>(v.best.alerts),
                static_cast<unsigned long long>(v.best.delivered), static_cast<unsigned long long>(v.best.dropped),
                static_cast<unsigned long long>(undelivered), v.best.drain_s);
  }
  std::printf("ratio HTTP never answering / file: %.3f\n", variants[1].best.events_per_s / variants[0].best.events_per_s);
  std::printf("ratio program never reading / file: %.3f\n", variants[2].best.events_per_s / variants[0].best.events_per_s);
  std::error_code ec;
  fs::remove_all(dir, ec);
  return 0;
}
