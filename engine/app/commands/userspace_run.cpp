// `saker -u` (engine.kind=userspace): the engine alone, receiving events from any number of
// saker-trace tracers over the configured Unix socket.
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "engine/app/commands/capture_tap.h"
#include "engine/app/commands/container_metadata.h"
#include "engine/app/commands/engine_setup.h"
#include "engine/app/commands/live_engine.h"
#include "engine/app/commands/live_reload.h"
#include "engine/app/logger.h"
#include "engine/core/pipeline.h"

namespace saker::app {

namespace {

void print_tracer_summary(const sources::TracerSource& src, std::FILE* out) {
  const auto& st = src.stats();
  std::fprintf(out, "Tracers: %llu connected, %llu events, %llu dropped, drop actions taken: %llu\n",
               static_cast<unsigned long long>(st.tracers), static_cast<unsigned long long>(st.events),
               static_cast<unsigned long long>(st.dropped), static_cast<unsigned long long>(st.drop_actions));
}

}  // namespace

int run_userspace(const AppContext& ctx) {
  core::Pipeline pipeline(pipeline_options(ctx));
  if (Status s = load_rules(ctx, pipeline); !s.ok()) return fatal(s.message());

  std::string err;
  std::unique_ptr<output::Outputs> outputs = make_live_outputs(pipeline_options(ctx).outputs, false, &err);
  if (!outputs) return fatal("outputs: " + err);
  pipeline.set_outputs(outputs.get());

  sources::TracerSourceOptions so;
  if (Status s = tracer_source_options(ctx, &so); !s.ok()) return fatal(s.message());
  so.verbose = true;  // connections and hang-ups are worth a line in a daemon's log
  // The socket's directory (/run/saker by default) may not exist yet on a fresh host.
  const std::filesystem::path dir = std::filesystem::path(so.server.socket_path).parent_path();
  std::error_code ec;
  if (!dir.empty()) std::filesystem::create_directories(dir, ec);

  // Everything already running is known before the first tracer connects (as a driver's engine
  // scans /proc at start); each tracer's own tree is read again at its hello.
  // Container metadata first, so the containers the scan finds are looked up too.
  auto metadata = start_container_metadata(ctx, pipeline);
  if (Status s = pipeline.seed_from_proc(); !s.ok()) log_warning("/proc scan: " + s.message());

  sources::TracerSource src(pipeline, so);
  if (Status s = src.listen(); !s.ok()) return fatal("userspace mode: " + s.message());
  // -w: every tracer's events as merged, each tracer's seeded state ahead of its first event.
  const std::string& capture_path = ctx.cli.engine.write_capture;
  CaptureTap capture;
  if (!capture_path.empty()) {
    if (Status s = capture.open(capture_path); !s.ok())
      return fatal("Could not open " + capture_path + " for writing: " + s.message());
    capture.attach(src);
  }
  log_info("Listening for tracers on " + so.server.socket_path + " (" +
           (so.server.all_syscalls ? std::string("all") : std::to_string(src.syscalls().size())) +
           " syscalls)");

  install_stop_signals();
  // SIGHUP / watch_config_files reload the configuration and rules, SIGUSR1 reopens outputs.
  // Connected tracers keep the syscall set they were given: a reloaded rule on a new syscall
  // sees events from tracers that connect afterwards.
  Reloader reloader(ctx, pipeline, *outputs);
  reloader.set_check_every(1);  // once per pump (at most 100 ms)
  reloader.start();
  const auto start = std::chrono::steady_clock::now();
  const auto& dur = ctx.cli.engine.duration_seconds;
  while (stop_signal() == 0 && !src.exit_requested()) {
    src.pump(100);
    reloader.poll();
    if (dur && std::chrono::steady_clock::now() - start >= std::chrono::seconds(*dur)) break;
  }
  src.finish();
  const int rc = finish_live_run(src.exit_requested(), capture_path,
                                 capture_path.empty() ? Status::Ok() : capture.close(), *outputs);

  pipeline.print_summary(std::cout);
  std::cout.flush();
  if (ctx.cli.engine.verbose) {
    print_tracer_summary(src, stdout);
    std::fputs(outputs->summary().c_str(), stdout);
  }
  return rc;
}

}  // namespace saker::app
