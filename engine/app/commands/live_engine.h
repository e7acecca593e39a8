#pragma once
// What the two live modes share: `saker -u` (userspace_run.cpp: the engine alone, receiving from
// any number of saker-trace tracers) and `saker trace` (trace.cpp: the engine and one tracer it
// starts itself). Both feed the same Pipeline through sources::TracerSource.
#include <cstdint>
#include <memory>
#include <string>

#include "engine/app/app_context.h"
#include "engine/output/output_config.h"
#include "engine/output/outputs.h"
#include "engine/sources/tracer_source.h"

namespace saker::app {

// The `tracer:` section (socket, mode, group, ring size, backpressure), base_syscalls.all / -A
// and syscall_event_drops, as the TracerSource's options. Fails on an unknown socket_group.
Status tracer_source_options(const AppContext& ctx, sources::TracerSourceOptions* out);

// syscall_event_drops as the drop monitor's policy, and its log lines into Saker's log (Falco
// logs the `log` action at debug level, `exit` at critical).
sources::DropPolicy drop_policy(const config::Config& c);
sources::DropSinks drop_log_sinks();

// The configured output channels; with `stdout_to_stderr` the stdout channel writes to fd 2
// (`saker trace` keeps stdout for the workload).
std::unique_ptr<output::Outputs> make_live_outputs(const output::OutputsConfig& cfg, bool stdout_to_stderr,
                                                   std::string* error);

// SIGINT / SIGTERM handling for the live loops: handlers without SA_RESTART (so a wait returns
// at once), recording the last signal and whether a user (not the terminal driver) sent it.
void install_stop_signals();
int stop_signal();           // 0 until SIGINT/SIGTERM arrived
bool stop_signal_from_user();  // kill(1) / systemd, as opposed to Ctrl-C on the terminal
void clear_stop_signal();

// `saker trace` (and saker-wrap, often PID 1 of a container, where a signal without a handler is
// simply discarded): SIGHUP, SIGQUIT, SIGUSR1 and SIGUSR2 sent to us by someone (kill, `podman
// kill -s`) are meant for the workload. take_forwarded_signals() returns and clears the set of
// such signals received since the last call, as a bit mask (1 << signo); ones the terminal sent
// reached the workload's process group already and are not recorded.
void install_forwarded_signals();
uint64_t take_forwarded_signals();

// The end of a live run, once its source has stopped: `capture_closed` is the result of closing
// the -w capture (ignored without one; an error makes the exit code 1), queued alerts are
// delivered (up to 5 s) and the stop signal is logged. Returns the exit code so far (1 when the
// source asked to exit, e.g. a drop action).
int finish_live_run(bool source_exit_requested, const std::string& capture_path, const Status& capture_closed,
                    output::Outputs& outputs);

// engine.kind=userspace (`saker -u`): listen for tracers until SIGINT/SIGTERM (or -M seconds,
// or a drop action `exit`), then print the summary. Returns the exit code.
int run_userspace(const AppContext& ctx);

// engine.kind=ebpf/modern_ebpf (ebpf_run.cpp): the eBPF probe as the source, until SIGINT/SIGTERM
// (or -M seconds, or a drop action `exit`). engine.kind=auto: the probe when it loads, else
// userspace mode, logging why. Returns the exit code.
int run_driver(const AppContext& ctx);

}  // namespace saker::app
