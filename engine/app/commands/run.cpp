#include "engine/app/commands/run.h"

#include <signal.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>

#include "engine/app/commands/engine_setup.h"
#include "engine/app/commands/live_engine.h"
#include "engine/app/commands/live_reload.h"
#include "engine/app/features.h"
#include "engine/app/logger.h"
#include "engine/core/pipeline.h"
#include "engine/events/scap_reader.h"
#include "engine/events/scap_writer.h"
#include "engine/output/outputs.h"

namespace saker::app {

namespace {

// Signal flag: the handler only stores; the event loop stops between two events. SIGHUP and
// SIGUSR1 belong to the Reloader (live_reload.h).
std::atomic<bool> g_stop{false};

extern "C" void on_stop_signal(int) { g_stop.store(true, std::memory_order_relaxed); }

void install_signal_handlers() {
  struct sigaction sa {};
  sigemptyset(&sa.sa_mask);
  sa.sa_handler = on_stop_signal;
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

std::string trace_file_of(const AppContext& ctx) {
  if (!ctx.cli.engine.trace_file.empty()) return ctx.cli.engine.trace_file;
  return ctx.config().engine.replay.capture_file;
}

// The end of a run, as Falco prints it: the drop monitor on stderr, then (after every alert was
// delivered) the rule counts on stdout.
void finish(core::Pipeline& p, output::Outputs& outputs, const sources::DropMonitor& drops) {
  outputs.drain(std::chrono::milliseconds(10000));
  drops.print_stats(stderr);
  std::fflush(stderr);
  std::fflush(stdout);
  p.print_summary(std::cout);
  std::cout.flush();
}

int run_replay(const AppContext& ctx, core::Pipeline& p, output::Outputs& outputs) {
  const std::string path = trace_file_of(ctx);
  scap::ScapReader reader;
  if (Status s = reader.open(path); !s.ok()) {
    return fatal("Could not open trace filename " + path + " for reading: " + s.message());
  }
  scap::ScapWriter writer;
  bool writing = !ctx.cli.engine.write_capture.empty();
  if (writing) {
    if (Status s = writer.open(ctx.cli.engine.write_capture); !s.ok()) {
      return fatal("Could not open " + ctx.cli.engine.write_capture + " for writing: " + s.message());
    }
  }

  // -M counts event time when replaying, as Falco does for captures.
  const uint64_t max_ns = ctx.cli.engine.duration_seconds.value_or(0) * 1000000000ull;
  uint64_t start_ts = 0;
  // A file has no drops, but syscall_event_drops.simulate_drops exercises the policy on event
  // time, as Falco does on a capture.
  sources::DropMonitor drops(drop_policy(ctx.config()), sources::alerting_through(p, drop_log_sinks()));
  sources::DropCounters counters;
  bool drop_exit = false;
  Reloader reloader(ctx, p, outputs);
  reloader.start();
  scap::ScapReader::Item item;
  while (!g_stop.load(std::memory_order_relaxed) && reader.next(item)) {
    if (item.kind == scap::ScapReader::ItemKind::kEvent) {
      const uint64_t ts = item.event.ts();
      if (start_ts == 0) {
        start_ts = ts;
      } else if (max_ns != 0 && ts > start_ts && ts - start_ts >= max_ns) {
        break;
      }
      p.process(item.event, item.cpu);
      ++counters.events;
      if (!drops.on_event(ts, counters)) drop_exit = true;
    } else {
      p.seed(item);
    }
    if (writing) {
      if (Status s = writer.write_item(item); !s.ok()) {
        log_error("Stopped writing " + ctx.cli.engine.write_capture + ": " + s.message() + "\n");
        writing = false;
      }
    }
    reloader.poll();  // SIGHUP, SIGUSR1, watch_config_files
    if (drop_exit) break;
  }
  int rc = drop_exit ? 1 : 0;
  if (!reader.status().ok()) {
    log_error("Error reading " + path + ": " + reader.status().message() + "\n");
    rc = 1;
  }
  if (!ctx.cli.engine.write_capture.empty()) {
    if (Status s = writer.close(); !s.ok()) {
      log_error("Error writing " + ctx.cli.engine.write_capture + ": " + s.message() + "\n");
      rc = 1;
    }
  }
  finish(p, outputs, drops);
  return rc;
}

}  // namespace

int run_engine(const AppContext& ctx) {
  const bool replay = !ctx.cli.engine.trace_file.empty() ||
                      ctx.config().engine.kind == config::EngineKind::kReplay;
  if (!replay && (ctx.cli.engine.userspace || ctx.config().engine.kind == config::EngineKind::kUserspace))
    return run_userspace(ctx);  // live_engine.h
  if (!replay) {
    const config::EngineKind kind = ctx.config().engine.kind;
    if (kind == config::EngineKind::kEbpf || kind == config::EngineKind::kModernEbpf ||
        kind == config::EngineKind::kAuto)
      return run_driver(ctx);  // live_engine.h
    // Other live sources plug in here as they land.
    return report_not_available(ctx.cli.engine.userspace ||
                                        ctx.config().engine.kind == config::EngineKind::kUserspace
                                    ? Feature::kUserspace
                                    : Feature::kKmod);
  }
  if (trace_file_of(ctx).empty()) return fatal("engine.kind is replay but no capture file is given (-e or engine.replay.capture_file)");

  core::Pipeline p(pipeline_options(ctx));
  if (Status s = load_rules(ctx, p); !s.ok()) return fatal(s.message());

  std::string err;
  std::unique_ptr<output::Outputs> outputs = output::Outputs::create(outputs_config(ctx), &err);
  if (!outputs) return fatal(err);
  p.set_outputs(outputs.get());

  g_stop = false;
  install_signal_handlers();
  return run_replay(ctx, p, *outputs);
}

int run_dry_run(const AppContext& ctx) {
  core::Pipeline p(pipeline_options(ctx));
  if (Status s = load_rules(ctx, p); !s.ok()) return fatal(s.message());
  return 0;
}

}  // namespace saker::app
