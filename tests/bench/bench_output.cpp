// Output stage figures (prints them; not a test):
//  1. formatting cost: RuleOutput::render and the JSON document, per alert;
//  2. sustained alerts/s rendered as JSON and written to a file through Outputs;
//  3. producer throughput (simulated event processing + push) with a healthy HTTP receiver,
//     with an HTTP receiver that never answers, and with a program that never reads.
//     The ratios stuck/healthy should be near 1: a stuck receiver costs drops, not speed.
// Usage: bench_output [alerts=1000000] [events=5000000] [rounds=3] [events_per_alert=1000]
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>

#include "engine/output/net/network_outputs.h"
#include "engine/output/outputs.h"
#include "engine/output/rule_output.h"

using namespace saker::output;
using Clock = std::chrono::steady_clock;

namespace {

struct BenchSource final : FieldSource {
  std::uint64_t n = 0;
  bool append(const FieldRef& f, std::string& out) override {
    switch (f.index) {
      case 0: out += "cat /etc/shadow"; return true;
      case 1: out += std::to_string(1000 + n % 50000); return true;
      case 2: out += "/etc/shadow"; return true;
      case 3: out += "root"; return true;
      default: return false;
    }
  }
  FieldValue value(const FieldRef& f, std::string_view text) override {
    if (f.index == 1) return FieldValue(static_cast<std::int64_t>(1000 + n % 50000));
    return std::string(text);
  }
};

double secs(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

const std::vector<std::string> kTags = {"filesystem", "mitre_credential_access"};

RuleOutput compile_rule(const OutputsConfig& cfg) {
  RuleOutput r;
  saker::Status st = RuleOutput::compile({"Read sensitive file untrusted", "syscall", &kTags,
                                   "Sensitive file opened for reading (command=%proc.cmdline pid=%proc.pid "
                                   "file=%fd.name user=%user.name container=%container.id)"},
                                  cfg, &r);
  if (!st.ok()) {
    std::fprintf(stderr, "%s\n", st.message().c_str());
    std::exit(1);
  }
  return r;
}

Alert make_alert(const RuleOutput& r, BenchSource& src, std::uint64_t i) {
  src.n = i;
  Alert a;
  a.time_ns = 1700000000000000000ull + i * 1000;
  a.priority = Priority::Warning;
  a.rule = "Read sensitive file untrusted";
  a.tags = kTags;
  r.render(src, a);
  return a;
}

OutputsConfig base() {
  OutputsConfig cfg;
  cfg.stdout_output.enabled = false;
  cfg.hostname = "bench-host";
  cfg.time_format_iso_8601 = true;
  return cfg;
}

void bench_formatting(std::uint64_t n) {
  OutputsConfig cfg = base();
  RuleOutput r = compile_rule(cfg);
  BenchSource src;
  FormatOptions o = format_options(cfg);
  o.json_output = true;
  AlertFormatter fmt(o);
  std::string out;
  std::uint64_t bytes = 0;
  auto t0 = Clock::now();
  for (std::uint64_t i = 0; i < n; ++i) {
    Alert a = make_alert(r, src, i);
    out.clear();
    fmt.json(a, out);
    bytes += out.size();
  }
  const double s = secs(Clock::now() - t0);
  std::printf("format: render + JSON        %10.0f alerts/s  (%.0f ns/alert, %.0f bytes/alert)\n", n / s, s * 1e9 / n,
              static_cast<double>(bytes) / n);
}

void bench_json_to_file(std::uint64_t n, bool buffered, bool print = true) {
  const auto path = std::filesystem::temp_directory_path() / "saker-bench-output.json";
  std::filesystem::remove(path);
  OutputsConfig cfg = base();
  cfg.json_output = true;
  cfg.buffered_outputs = buffered;
  cfg.file_output = {true, true, path.string()};
  RuleOutput r = compile_rule(cfg);
  BenchSource src;
  std::string err;
  auto out = Outputs::create(cfg, &err);
  auto t0 = Clock::now();
  for (std::uint64_t i = 0; i < n; ++i) out->push(make_alert(r, src, i));
  const double push_s = secs(Clock::now() - t0);
  out->drain(std::chrono::minutes(5));
  const double s = secs(Clock::now() - t0);
  const auto st = out->stats();
  if (print) std::printf("json->file (%s): %10.0f alerts/s sustained (%llu delivered, %llu dropped, %.1f MB, push %.0f/s)\n",
              buffered ? "buffered  " : "unbuffered", n / s, static_cast<unsigned long long>(st.channels[0].delivered),
              static_cast<unsigned long long>(st.channels[0].dropped),
              static_cast<double>(std::filesystem::file_size(path)) / 1e6, n / push_s);
  out.reset();
  std::filesystem::remove(path);
}

// The producer side of the pipeline: per event some work (a stand-in for parsing, state update
// and rule matching), and for one event in `every` an alert rendered and pushed.
double thread_cpu_s() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

struct ProducerFigures {
  double events_per_s = 0;      // wall clock
  double events_per_cpu_s = 0;  // the producer thread's CPU time (steadier on a shared machine)
  double push_max_us = 0;  // the slowest push()
  double push_avg_ns = 0;
};

ProducerFigures producer_rate(Outputs& out, const RuleOutput& r, std::uint64_t events, std::uint64_t every) {
  BenchSource src;
  volatile std::uint64_t sink = 0;
  Clock::duration push_total{}, push_max{};
  std::uint64_t pushes = 0;
  auto t0 = Clock::now();
  const double c0 = thread_cpu_s();
  for (std::uint64_t i = 0; i < events; ++i) {
    std::uint64_t h = i;
    for (int k = 0; k < 256; ++k) h = (h ^ (h >> 29)) * 6364136223846793005ull + static_cast<std::uint64_t>(k);
    sink = sink + h;
    if (i % every == 0) {
      Alert a = make_alert(r, src, i);
      const auto p0 = Clock::now();
      out.push(std::move(a));
      const auto d = Clock::now() - p0;
      push_total += d;
      push_max = std::max(push_max, d);
      ++pushes;
    }
  }
  ProducerFigures f;
  f.events_per_s = events / secs(Clock::now() - t0);
  f.events_per_cpu_s = events / (thread_cpu_s() - c0);
  f.push_max_us = secs(push_max) * 1e6;
  f.push_avg_ns = secs(push_total) * 1e9 / static_cast<double>(pushes);
  return f;
}

void bench_stuck(std::uint64_t events, int rounds, std::uint64_t every) {
  // One alert per `every` events: at the default 1000 a healthy receiver keeps up, so the only
  // difference between the runs is the receiver being stuck.
  // Healthy receiver.
  httplib::Server svr;
  svr.Post("/", [](const httplib::Request&, httplib::Response& res) { res.status = 200; });
  const int port = svr.bind_to_any_port("127.0.0.1");
  std::thread srv([&] { svr.listen_after_bind(); });
  while (!svr.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  // Stuck receiver: a socket that listens and never accepts (connections hang in the backlog).
  int stuck = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(stuck, reinterpret_cast<sockaddr*>(&a), sizeof(a));
  ::listen(stuck, 1024);
  socklen_t len = sizeof(a);
  ::getsockname(stuck, reinterpret_cast<sockaddr*>(&a), &len);
  const int stuck_port = ntohs(a.sin_port);

  OutputsConfig healthy = base();
  healthy.http_output.enabled = true;
  healthy.http_output.keep_alive = true;
  healthy.http_output.url = "http://127.0.0.1:" + std::to_string(port) + "/";
  OutputsConfig stuck_http = healthy;
  stuck_http.http_output.url = "http://127.0.0.1:" + std::to_string(stuck_port) + "/";
  OutputsConfig stuck_prog = base();
  stuck_prog.program_output = {true, true, "exec sleep 3600"};
  struct Variant {
    const char* label;
    OutputsConfig cfg;
    ProducerFigures best;
    std::uint64_t dropped = 0;
  } variants[] = {{"no channel", base(), {}}, {"healthy HTTP", healthy, {}}, {"stuck HTTP", stuck_http, {}},
                  {"program never reading", stuck_prog, {}}};

  // Rounds interleave the variants (in rotating order) so that load from elsewhere hits them alike;
  // the best of the rounds is kept.
  constexpr std::size_t kVariants = std::size(variants);
  for (int round = 0; round < rounds; ++round) {
    for (std::size_t k = 0; k < kVariants; ++k) {
      Variant& v = variants[(k + static_cast<std::size_t>(round)) % kVariants];  // rotate the order
      OutputsConfig cfg = v.cfg;
      cfg.queue_capacity = 10000;
      cfg.output_timeout_ms = 500;
      cfg.max_retries = 0;
      RuleOutput r = compile_rule(cfg);
      std::string err;
      auto out = Outputs::create(cfg, &err);
      if (!out) {
        std::fprintf(stderr, "%s\n", err.c_str());
        std::exit(1);
      }
      out->set_internal_handler([](Priority, std::string_view) {});
      ProducerFigures f = producer_rate(*out, r, events, every);
      v.best.events_per_s = std::max(v.best.events_per_s, f.events_per_s);
      v.best.events_per_cpu_s = std::max(v.best.events_per_cpu_s, f.events_per_cpu_s);
      v.best.push_max_us = std::max(v.best.push_max_us, f.push_max_us);
      v.best.push_avg_ns = round == 0 ? f.push_avg_ns : std::min(v.best.push_avg_ns, f.push_avg_ns);
      v.dropped += out->stats().queue_dropped;
    }
  }
  for (const Variant& v : variants) {
    std::printf("producer, %-22s %9.0f events/s wall, %9.0f events/cpu-s, push avg %5.0f ns, max %8.1f us, "
                "%llu alerts dropped (queue full)\n",
                v.label, v.best.events_per_s, v.best.events_per_cpu_s, v.best.push_avg_ns, v.best.push_max_us,
                static_cast<unsigned long long>(v.dropped));
  }
  auto ratio = [&](const char* what, std::size_t a, std::size_t b) {
    std::printf("ratio %-36s wall %.3f, cpu %.3f\n", what, variants[a].best.events_per_s / variants[b].best.events_per_s,
                variants[a].best.events_per_cpu_s / variants[b].best.events_per_cpu_s);
  };
  ratio("stuck HTTP / healthy HTTP:", 2, 1);
  ratio("program never reading / healthy HTTP:", 3, 1);
  ratio("stuck HTTP / no channel:", 2, 0);
  svr.stop();
  srv.join();
  ::close(stuck);
}

}  // namespace

int main(int argc, char** argv) {
  const std::uint64_t alerts = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000000;
  const std::uint64_t events = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 5000000;
  const int rounds = argc > 3 ? std::atoi(argv[3]) : 3;
  const std::uint64_t every = argc > 4 ? std::strtoull(argv[4], nullptr, 10) : 1000;
  install_network_channels();  // the HTTP variants, as the dynamic saker's main() does
  bench_formatting(alerts);
  bench_json_to_file(alerts / 4, false, false);  // warm-up (page faults of a first big queue), not printed
  bench_json_to_file(alerts, true);
  bench_json_to_file(alerts, false);
  bench_stuck(events, rounds, every);
  return 0;
}
