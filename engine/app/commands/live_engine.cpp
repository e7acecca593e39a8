#include "engine/app/commands/live_engine.h"

#include <grp.h>
#include <signal.h>

#include <atomic>
#include <chrono>

#include "engine/app/logger.h"
#include "engine/output/fd_channels.h"

namespace saker::app {

namespace {

std::atomic<int> g_stop_signal{0};
std::atomic<bool> g_stop_from_user{false};

void on_stop_signal(int sig, siginfo_t* info, void*) {
  // SI_KERNEL / SI_TTY-like codes (> 0) come from the terminal: the whole foreground group got
  // the signal already. Codes <= 0 (SI_USER, SI_QUEUE, tkill) were sent to us alone.
  g_stop_from_user.store(info != nullptr && info->si_code <= 0);
  g_stop_signal.store(sig);
}

std::atomic<uint64_t> g_forwarded{0};

void on_forwarded_signal(int sig, siginfo_t* info, void*) {
  if (info != nullptr && info->si_code <= 0) g_forwarded.fetch_or(uint64_t{1} << sig);
}

}  // namespace

Status tracer_source_options(const AppContext& ctx, sources::TracerSourceOptions* out) {
  const config::Config& c = ctx.config();
  sources::TracerServerOptions& s = out->server;
  s.socket_path = c.tracer.socket;
  s.socket_mode = static_cast<mode_t>(c.tracer.socket_mode);
  if (!c.tracer.socket_group.empty()) {
    const struct group* g = ::getgrnam(c.tracer.socket_group.c_str());
    if (g == nullptr) return Status::Error("tracer.socket_group: unknown group " + c.tracer.socket_group);
    s.socket_group = g->gr_gid;
  }
  s.ring_size = static_cast<size_t>(c.tracer.ring_size);
  s.backpressure = c.tracer.backpressure == config::Backpressure::kDrop ? sources::Backpressure::Drop
                                                                       : sources::Backpressure::Block;
  s.block_timeout_ms = c.tracer.block_timeout_ms;
  s.all_syscalls = c.base_syscalls.all;

  out->drops = drop_policy(c);
  out->drop_sinks = drop_log_sinks();
  return Status::Ok();
}

sources::DropPolicy drop_policy(const config::Config& c) {
  const config::SyscallEventDrops& d = c.syscall_event_drops;
  sources::DropPolicy p;
  p.threshold = d.threshold;
  p.rate = d.rate;
  p.max_burst = d.max_burst;
  p.simulate_drops = d.simulate_drops;
  p.log = p.alert = p.exit = false;
  for (config::DropAction a : d.actions) {
    if (a == config::DropAction::kLog) p.log = true;
    if (a == config::DropAction::kAlert) p.alert = true;
    if (a == config::DropAction::kExit) p.exit = true;
  }
  return p;
}

sources::DropSinks drop_log_sinks() {
  sources::DropSinks sinks;
  sinks.log = [](sources::DropSinks::Level level, std::string_view msg) {
    switch (level) {
      case sources::DropSinks::Level::kInfo: log_info(msg); break;
      case sources::DropSinks::Level::kDebug: log_debug(msg); break;
      case sources::DropSinks::Level::kCritical: logger().log(LogLevel::kCritical, msg); break;
    }
  };
  return sinks;
}

std::unique_ptr<output::Outputs> make_live_outputs(const output::OutputsConfig& cfg, bool stdout_to_stderr,
                                                   std::string* error) {
  if (!stdout_to_stderr) return output::Outputs::create(cfg, error);
  std::vector<std::unique_ptr<output::Channel>> channels;
  if (Status s = output::make_channels(cfg, &channels); !s.ok()) {
    *error = s.message();
    return nullptr;
  }
  for (auto& ch : channels) {
    if (ch->name() == "stdout") ch = std::make_unique<output::StdoutChannel>(2);
  }
  return std::make_unique<output::Outputs>(cfg, std::move(channels));
}

void install_stop_signals() {
  struct sigaction sa {};
  sa.sa_sigaction = on_stop_signal;
  sa.sa_flags = SA_SIGINFO;  // no SA_RESTART: epoll_wait returns EINTR and the loop looks
  sigemptyset(&sa.sa_mask);
  ::sigaction(SIGINT, &sa, nullptr);
  ::sigaction(SIGTERM, &sa, nullptr);
}

void install_forwarded_signals() {
  struct sigaction sa {};
  sa.sa_sigaction = on_forwarded_signal;
  sa.sa_flags = SA_SIGINFO;
  sigemptyset(&sa.sa_mask);
  for (int sig : {SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2}) ::sigaction(sig, &sa, nullptr);
}

uint64_t take_forwarded_signals() { return g_forwarded.exchange(0); }

int stop_signal() { return g_stop_signal.load(); }
bool stop_signal_from_user() { return g_stop_from_user.load(); }
void clear_stop_signal() { g_stop_signal.store(0); }

int finish_live_run(bool source_exit_requested, const std::string& capture_path, const Status& capture_closed,
                    output::Outputs& outputs) {
  int rc = source_exit_requested ? 1 : 0;
  if (!capture_path.empty() && !capture_closed.ok()) {
    log_error("Error writing " + capture_path + ": " + capture_closed.message());
    rc = 1;
  }
  outputs.drain(std::chrono::milliseconds(5000));
  if (stop_signal() != 0) log_info(stop_signal() == SIGTERM ? "SIGTERM received, exiting..." : "SIGINT received, exiting...");
  return rc;
}

}  // namespace saker::app
