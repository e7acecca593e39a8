// saker-trace: run a command, or attach to a process tree, traced with ptrace + seccomp.
// Exit status: the traced command's own (0..255), 128+N if it was killed by signal N (the shell
// convention), 127/126 if it could not be started, 1 on a tracer error, 2 on a usage error.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "tracer/debug_sink.h"
#include "tracer/options.h"
#include "tracer/signals.h"
#include "tracer/tracer.h"

namespace {

// Until the event encoder exists: a sink that asks for nothing beyond the entry.
class NullSink : public saker::tracer::TraceSink {
 public:
  saker::tracer::ExitStop on_syscall_enter(saker::tracer::Tracee&,
                                           const saker::tracer::SyscallRegs&) override {
    return saker::tracer::ExitStop::kSkip;
  }
  void on_syscall_exit(saker::tracer::Tracee&, const saker::tracer::SyscallRegs&,
                       const saker::tracer::SyscallRegs&) override {}
  void on_process_event(saker::tracer::Tracee&, const saker::tracer::ProcessEvent&) override {}
};

}  // namespace

int main(int argc, char** argv) {
  using namespace saker::tracer;
  Options opt;
  if (int rc = parse_options(argc, argv, &opt); rc >= 0) return rc;

  std::FILE* out = stderr;
  if (opt.debug_print && !opt.debug_output.empty()) {
    out = std::fopen(opt.debug_output.c_str(), "we");  // close-on-exec: the tracee never sees it
    if (out == nullptr) {
      std::fprintf(stderr, "saker-trace: %s: %s\n", opt.debug_output.c_str(), std::strerror(errno));
      return 1;
    }
  }
  std::unique_ptr<TraceSink> sink;
  if (opt.debug_print) {
    sink = std::make_unique<DebugSink>(out);
  } else {
    sink = std::make_unique<NullSink>();
  }

  TracerConfig cfg;
  cfg.syscalls = opt.syscalls.empty() ? SyscallSet::defaults() : SyscallSet::parse(opt.syscalls);
  if (opt.all) cfg.syscalls.all = true;
  cfg.exit_events = !opt.no_exit_events;
  const bool attach = opt.attach_pid != 0;
  cfg.use_seccomp = attach ? opt.force_seccomp : true;
  const bool init = !attach && (opt.init || getpid() == 1);
  cfg.wait_all = !init;

  signals::install(attach ? signals::Mode::kDetach : signals::Mode::kForward);
  if (init && !signals::become_subreaper()) {
    std::fprintf(stderr, "saker-trace: cannot become a child subreaper: %s\n", std::strerror(errno));
  }

  Tracer tracer(cfg, *sink);
  saker::Status st = attach ? tracer.attach(opt.attach_pid) : tracer.spawn(opt.command);
  if (!st.ok()) {
    std::fprintf(stderr, "saker-trace: %s\n", st.message().c_str());
    if (!attach && st.message().find("command not found") != std::string::npos) return 127;
    return 1;
  }
  int code = tracer.run();
  sink.reset();
  if (out != stderr) std::fclose(out);
  return code;
}
