// engine.kind=ebpf / modern_ebpf (--modern-bpf) and auto: the engine fed by the CO-RE eBPF probe
// (sources::EbpfSource). With auto, each source is tried in order and the log says why one was
// or was not used: the probe (BTF, capabilities, verifier), a kernel module (Saker has none),
// then userspace mode (tracers connect to the socket).
#include <grp.h>
#include <pwd.h>
#include <signal.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include "bpf/probe.h"
#include "engine/app/commands/container_metadata.h"
#include "engine/app/commands/engine_setup.h"
#include "engine/app/commands/live_engine.h"
#include "engine/app/commands/live_reload.h"
#include "engine/app/logger.h"
#include "engine/core/pipeline.h"
#include "engine/events/scap_writer.h"
#include "engine/sources/ebpf_source.h"

namespace saker::app {

namespace {

constexpr int kCapSysPtrace = 19;

// The /proc scan reads every process's fds and exe: without CAP_SYS_PTRACE (or root) the
// processes of other users are seen without them.
bool has_effective_capability(int cap) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("CapEff:", 0) != 0) continue;
    const unsigned long long mask = std::stoull(line.substr(7), nullptr, 16);
    return (mask >> cap) & 1u;
  }
  return false;
}

sources::EbpfSourceOptions ebpf_options(const AppContext& ctx) {
  const config::Config& c = ctx.config();
  sources::EbpfSourceOptions o;
  o.all_syscalls = c.base_syscalls.all;
  o.base_syscalls.custom_set = c.base_syscalls.custom_set;
  o.base_syscalls.repair = c.base_syscalls.repair;
  o.drops = drop_policy(c);
  o.drop_sinks = drop_log_sinks();
  o.keep_snapshot = !ctx.cli.engine.write_capture.empty();
  return o;
}

// sysdig 0.29 stops reading a file at an fd type it does not know (bpf, userfaultfd, io_uring,
// memfd and pidfd came later than FILE_V2):
// those are written as what 0.29 would have called them.
scap::FdList readable_by_sysdig_029(scap::FdList fds) {
  for (auto& fd : fds.entries) {
    if (fd.type == scap::FdType::Memfd) fd.type = scap::FdType::File;
    else if (static_cast<uint8_t>(fd.type) > static_cast<uint8_t>(scap::FdType::FileV2)) fd.type = scap::FdType::Unsupported;
    fd.raw_type = static_cast<uint8_t>(fd.type);
  }
  return fds;
}

// The host's users and groups (user.name in a replay), as the libc databases list them.
scap::UserList host_users() {
  scap::UserList ul;
  ::setpwent();
  while (const struct passwd* pw = ::getpwent())
    ul.users.push_back(scap::UserInfo{pw->pw_uid, pw->pw_gid, pw->pw_name, pw->pw_dir, pw->pw_shell});
  ::endpwent();
  ::setgrent();
  while (const struct group* gr = ::getgrent()) ul.groups.push_back(scap::GroupInfo{gr->gr_gid, gr->gr_name});
  ::endgrent();
  return ul;
}

// -w: the host's users and the /proc scan as state blocks, then every event as the probe
// delivered it.
class EbpfCapture {
 public:
  Status open(const std::string& path) { return writer_.open(path); }
  void write_state(const state::ProcScan::Snapshot& snap) {
    first_error_ = writer_.write_users(host_users());
    if (first_error_.ok()) first_error_ = writer_.write_processes(snap.processes);
    for (const auto& fds : snap.fds) {
      if (!first_error_.ok()) break;
      first_error_ = writer_.write_fds(readable_by_sysdig_029(fds));
    }
  }
  void write_event(const events::EventView& ev) {
    if (first_error_.ok()) first_error_ = writer_.write_event(ev, 0);  // a full disk stops only the capture
  }
  Status close() {
    Status s = writer_.close();
    return first_error_.ok() ? s : first_error_;
  }

 private:
  scap::ScapWriter writer_;
  Status first_error_ = Status::Ok();
};

void print_probe_summary(const sources::EbpfSource& src, std::FILE* out) {
  const bpf::ProbeStats ps = src.probe_stats();
  const auto& st = src.stats();
  std::fprintf(out,
               "eBPF probe: %llu events processed, %llu written by the probe, %llu dropped (ring full), "
               "%llu with failed reads, %llu CPUs, %zu syscalls selected, drop actions taken: %llu\n",
               static_cast<unsigned long long>(st.events), static_cast<unsigned long long>(ps.events),
               static_cast<unsigned long long>(ps.drops_full), static_cast<unsigned long long>(ps.drops_fault),
               static_cast<unsigned long long>(ps.n_cpus), src.syscalls().size(),
               static_cast<unsigned long long>(src.drop_monitor().actions_taken()));
}

int run_ebpf_source(const AppContext& ctx, std::unique_ptr<bpf::Probe> probe) {
  core::Pipeline pipeline(pipeline_options(ctx));
  if (Status s = load_rules(ctx, pipeline); !s.ok()) return fatal(s.message());

  std::string err;
  std::unique_ptr<output::Outputs> outputs = make_live_outputs(pipeline_options(ctx).outputs, false, &err);
  if (!outputs) return fatal("outputs: " + err);
  pipeline.set_outputs(outputs.get());
  // Before the scan, so the containers it finds are looked up too.
  auto metadata = start_container_metadata(ctx, pipeline);

  const std::string& capture_path = ctx.cli.engine.write_capture;
  EbpfCapture capture;
  if (!capture_path.empty()) {
    if (Status s = capture.open(capture_path); !s.ok())
      return fatal("Could not open " + capture_path + " for writing: " + s.message());
  }
  if (!has_effective_capability(kCapSysPtrace))
    log_warning("missing capability CAP_SYS_PTRACE: the /proc scan cannot read other users' processes "
                "(their fds and executables stay unknown until they act)");

  sources::EbpfSource src(pipeline, ebpf_options(ctx), std::move(probe));
  if (Status s = src.start(); !s.ok()) log_warning("eBPF mode: " + s.message());
  for (const auto& name : src.unknown_base_syscalls()) log_warning("base_syscalls.custom_set: unknown syscall " + name);
  if (!capture_path.empty()) {
    capture.write_state(src.snapshot());
    src.set_tap([&capture](const events::EventView& ev) { capture.write_event(ev); });
  }
  log_info("Opened the eBPF probe (" +
           (ctx.config().base_syscalls.all ? std::string("all") : std::to_string(src.syscalls().size())) +
           " syscalls selected)");

  install_stop_signals();
  // SIGHUP / watch_config_files reload the rules; the probe's selection follows the new rules.
  Reloader reloader(ctx, pipeline, *outputs);
  reloader.set_check_every(1);
  reloader.start();
  uint64_t reloads_seen = 0;
  const auto start = std::chrono::steady_clock::now();
  const auto& dur = ctx.cli.engine.duration_seconds;
  while (stop_signal() == 0 && !src.exit_requested()) {
    src.pump(100);
    reloader.poll();
    if (reloader.reloads() != reloads_seen) {
      reloads_seen = reloader.reloads();
      if (Status s = src.reprogram(); !s.ok()) log_error(s.message());
      else log_info("eBPF probe reprogrammed: " + std::to_string(src.syscalls().size()) + " syscalls selected");
    }
    if (dur && std::chrono::steady_clock::now() - start >= std::chrono::seconds(*dur)) break;
  }
  // Whatever the buffers still hold is processed, then the probe detaches (EbpfSource's
  // destructor) before the summary.
  while (src.pump(0) != 0) {
  }
  src.finish();
  const int rc = finish_live_run(src.exit_requested(), capture_path,
                                 capture_path.empty() ? Status::Ok() : capture.close(), *outputs);

  src.drop_monitor().print_stats(stderr);
  std::fflush(stderr);
  pipeline.print_summary(std::cout);
  std::cout.flush();
  if (ctx.cli.engine.verbose) {
    print_probe_summary(src, stdout);
    std::fputs(outputs->summary().c_str(), stdout);
  }
  return rc;
}

}  // namespace

int run_driver(const AppContext& ctx) {
  const bool automatic = ctx.config().engine.kind == config::EngineKind::kAuto;
  std::string why;
  std::unique_ptr<bpf::Probe> probe = bpf::Probe::open(&why);
  if (probe) {
    if (automatic) log_info("engine.kind=auto: using the eBPF probe");
    return run_ebpf_source(ctx, std::move(probe));
  }
  if (!automatic) return fatal("Cannot open the eBPF probe: " + why);
  log_warning("engine.kind=auto: eBPF probe not used: " + why);
  log_info("engine.kind=auto: kernel module not used: Saker has no kernel module driver");
  log_info("engine.kind=auto: using userspace mode (saker-trace tracers feed the engine)");
  return run_userspace(ctx);
}

}  // namespace saker::app
