// `saker trace -- CMD ARGS`: the engine in this process, one saker-trace child on a private
// socket, the command's exit status as ours.
//
// Why two processes: saker-trace must be the tracer of the whole traced tree and stays small
// (it also builds static for containers); the engine's threads (outputs) and its memory stay out
// of the traced tree's way. The ring between them is the same one `saker -u` uses, so both modes
// give the same alerts.
#include "engine/app/commands/trace.h"

#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>

#include "engine/app/commands/capture_tap.h"
#include "engine/app/commands/container_metadata.h"
#include "engine/app/commands/engine_setup.h"
#include "engine/app/commands/init_duties.h"
#include "engine/app/commands/live_engine.h"
#include "engine/app/config_locate.h"
#include "engine/core/pipeline.h"

namespace saker::app {

namespace {

// A private directory for the socket: only we (and our child) can reach the engine.
class PrivateDir {
 public:
  bool create() {
    const char* tmp = std::getenv("TMPDIR");
    // /dev/shm: containers without /tmp (FROM scratch images) or with a read-only root file
    // system still have it writable.
    for (const std::string& base : {std::string(tmp && *tmp ? tmp : "/tmp"), std::string("/dev/shm")}) {
      std::string tmpl = base + "/saker-trace.XXXXXX";
      if (::mkdtemp(tmpl.data()) == nullptr) continue;
      path_ = tmpl;
      return true;
    }
    return false;
  }
  ~PrivateDir() {
    if (path_.empty()) return;
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// saker-trace beside this binary (build tree and installs), else from PATH.
std::string find_tracer() {
  const std::filesystem::path beside = executable_dir() / "saker-trace";
  if (::access(beside.c_str(), X_OK) == 0) return beside.string();
  return "saker-trace";
}

// Starts saker-trace; returns its pid or -1 (errno set). Everything the workload sees (stdio,
// environment, signal dispositions: our handlers reset at exec) is ours, untouched.
pid_t spawn_tracer(const std::string& tracer, const std::string& socket,
                   const std::vector<std::string>& command) {
  std::vector<std::string> args = {tracer, "--socket", socket};
  // As a container's PID 1 (saker-wrap) we are its init: the tracer becomes the workload's
  // subreaper and leaves when the main process exits, as tini does.
  if (::getpid() == 1) args.push_back("--init");
  args.push_back("--");
  args.insert(args.end(), command.begin(), command.end());
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid == 0) {
    if (tracer.find('/') != std::string::npos) ::execv(argv[0], argv.data());
    else ::execvp(argv[0], argv.data());
    std::fprintf(stderr, "saker trace: cannot run %s: %s\n", tracer.c_str(), std::strerror(errno));
    ::_exit(127);
  }
  return pid;
}

int exit_code_of(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return 1;
}

}  // namespace

int run_trace(const TraceOptions& opts, const AppContext& ctx) {
  core::Pipeline pipeline(pipeline_options(ctx));
  if (Status s = load_rules(ctx, pipeline); !s.ok()) return fatal(s.message());

  std::string err;
  // Alerts go to stderr unless configured elsewhere: stdout belongs to the workload.
  std::unique_ptr<output::Outputs> outputs = make_live_outputs(pipeline_options(ctx).outputs, true, &err);
  if (!outputs) return fatal("outputs: " + err);
  pipeline.set_outputs(outputs.get());

  sources::TracerSourceOptions so;
  if (Status s = tracer_source_options(ctx, &so); !s.ok()) return fatal(s.message());
  PrivateDir dir;
  if (!dir.create()) return fatal(std::string("cannot create a private directory: ") + std::strerror(errno));
  so.server.socket_path = dir.path() + "/engine.sock";
  so.server.socket_mode = 0600;
  so.server.socket_group = static_cast<gid_t>(-1);
  so.verbose = opts.verbose;

  auto metadata = start_container_metadata(ctx, pipeline);
  sources::TracerSource src(pipeline, so);
  if (Status s = src.listen(); !s.ok()) return fatal("trace: " + s.message());

  CaptureTap capture;
  if (!opts.write_capture.empty()) {
    if (Status s = capture.open(opts.write_capture); !s.ok()) return fatal(opts.write_capture + ": " + s.message());
    capture.attach(src);
  }

  install_stop_signals();
  install_forwarded_signals();
  const pid_t child = spawn_tracer(find_tracer(), so.server.socket_path, opts.command);
  if (child < 0) return fatal(std::string("fork: ") + std::strerror(errno));
  // A container's init (saker-wrap): reap orphans, trace what `docker exec` starts.
  std::unique_ptr<InitDuties> init;
  if (::getpid() == 1) {
    init = std::make_unique<InitDuties>(find_tracer(), so.server.socket_path, child);
    init->start();
  }

  // Until the tracer is gone and its ring drained. A SIGTERM/SIGINT sent to us alone goes to the
  // tracer (which forwards it to the workload); one from the terminal reached the workload
  // already. Either way we keep reading until the tracer exits.
  int status = 0;
  bool child_done = false;
  for (;;) {
    src.pump(50);
    if (const int sig = stop_signal(); sig != 0) {
      if (stop_signal_from_user() && !child_done) ::kill(child, sig);
      clear_stop_signal();
    }
    // saker-trace forwards what it receives to the workload (and reopens nothing of ours).
    if (const uint64_t fwd = take_forwarded_signals(); fwd != 0 && !child_done) {
      for (int sig = 1; sig < 64; ++sig)
        if ((fwd >> sig) & 1) ::kill(child, sig);
    }
    if (!child_done) {
      const pid_t r = ::waitpid(child, &status, WNOHANG);
      if (r == child || (r < 0 && errno == ECHILD)) child_done = true;
      if (child_done && init) init->stop();  // exec'd sessions' tracers detach
    }
    if (child_done && src.connected_tracers() == 0) break;
  }
  src.finish();
  outputs->drain(std::chrono::milliseconds(5000));
  if (!opts.write_capture.empty()) {
    if (Status s = capture.close(); !s.ok()) std::fprintf(stderr, "saker trace: %s: %s\n", opts.write_capture.c_str(), s.message().c_str());
  }
  if (opts.verbose) {
    std::ostringstream sum;
    pipeline.print_summary(sum);
    const auto& st = src.stats();
    sum << "Tracer: " << st.events << " events, " << st.dropped << " dropped, drop actions taken: "
        << st.drop_actions << "\n";
    std::fputs(sum.str().c_str(), stderr);
  }
  return exit_code_of(status);
}

}  // namespace saker::app
