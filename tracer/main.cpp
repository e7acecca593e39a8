// saker-trace: run a command, or attach to a process tree, traced with ptrace + seccomp.
// Exit status: the traced command's own (0..255), 128+N if it was killed by signal N (the shell
// convention), 127/126 if it could not be started, 1 on a tracer error or a usage error.
//
// Where events go: --socket PATH (or SAKER_SOCKET) streams them to the engine's shared ring (the
// engine's Welcome decides the syscall set; the workload starts only after the handshake);
// -w FILE writes a .scap file; --debug-print prints strace-like text; otherwise nothing.
#include <fcntl.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "engine/events/syscall_map.h"
#include "tracer/debug_sink.h"
#include "tracer/engine_link.h"
#include "tracer/event_sink.h"
#include "tracer/options.h"
#include "tracer/ring_sink.h"
#include "tracer/scap_sink.h"
#include "tracer/signals.h"
#include "tracer/tracer.h"

namespace {

// No output: a sink that asks for nothing beyond the entry.
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

// The engine's syscall set (Welcome bitmap of native numbers) as names for the filter.
saker::tracer::SyscallSet set_from_welcome(const saker::sources::Welcome& w) {
  saker::tracer::SyscallSet s;
  s.all = (w.flags & saker::sources::kWelcomeAllSyscalls) != 0;
  for (uint32_t nr = 0; nr < saker::sources::kMaxSyscallNr; ++nr) {
    if (!w.has_syscall(nr)) continue;
    std::string_view name = saker::events::native_syscall_name(nr);
    if (!name.empty()) s.names.emplace_back(name);
  }
  return s;
}

std::string describe(const saker::tracer::Options& opt) {
  if (opt.attach_pid != 0) return "pid " + std::to_string(opt.attach_pid);
  std::string what;
  for (const auto& a : opt.command) {
    if (!what.empty()) what += ' ';
    what += a;
    if (what.size() > 200) break;
  }
  return what;
}

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
  const bool attach = opt.attach_pid != 0;
  TracerConfig cfg;
  cfg.syscalls = opt.syscalls.empty() ? SyscallSet::defaults() : SyscallSet::parse(opt.syscalls);
  if (opt.list_syscalls) {
    SyscallSet stops = cfg.syscalls;
    SyscallSet always;
    always.names = SyscallSet::always();
    stops.add(always);
    if (opt.all || stops.all) {
      std::puts("all");
      return 0;
    }
    std::string line;
    for (const auto& n : stops.names) line += (line.empty() ? "" : ",") + n;
    std::puts(line.c_str());
    return 0;
  }

  std::unique_ptr<EngineLink> link;
  std::unique_ptr<EventOutput> output;
  std::unique_ptr<TraceSink> sink;
  if (opt.debug_print) {
    sink = std::make_unique<DebugSink>(out);
  } else if (!opt.socket_path.empty()) {
    link = std::make_unique<EngineLink>(opt.socket_path, describe(opt), attach);
    // The workload starts only after the handshake: wait for the engine up to the timeout.
    saker::Status st = saker::Status::Error("no attempt");
    const int step_ms = 100;
    for (int waited = 0;; waited += step_ms) {
      st = link->connect(RingSink::kHandshakeTimeoutMs);
      if (st.ok() || waited >= opt.connect_timeout_ms) break;
      usleep(step_ms * 1000);
    }
    if (!st.ok()) {
      std::fprintf(stderr, "saker-trace: engine at %s: %s\n", opt.socket_path.c_str(),
                   st.message().c_str());
      return 1;
    }
    if (opt.syscalls.empty()) {
      SyscallSet w = set_from_welcome(link->welcome());
      if (w.all || !w.names.empty()) cfg.syscalls = std::move(w);  // an empty set: our defaults
    }
    output = std::make_unique<RingSink>(*link);
    sink = std::make_unique<EventSink>(*output);
  } else if (!opt.write_file.empty()) {
    auto file = std::make_unique<ScapFileSink>();
    if (saker::Status st = file->open(opt.write_file); !st.ok()) {
      std::fprintf(stderr, "saker-trace: %s: %s\n", opt.write_file.c_str(), st.message().c_str());
      return 1;
    }
    output = std::move(file);
    sink = std::make_unique<EventSink>(*output);
  } else {
    sink = std::make_unique<NullSink>();
  }

  if (opt.all) cfg.syscalls.all = true;
  cfg.exit_events = opt.exit_stops;
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
  if (auto* es = dynamic_cast<EventSink*>(sink.get()); es != nullptr && es->stats().encode_errors) {
    std::fprintf(stderr, "saker-trace: %llu events could not be encoded (last: %s)\n",
                 static_cast<unsigned long long>(es->stats().encode_errors),
                 es->last_error().c_str());
  }
  if (output != nullptr && output->lost() > 0) {
    std::fprintf(stderr, "saker-trace: %llu events lost\n",
                 static_cast<unsigned long long>(output->lost()));
  }
  sink.reset();
  if (auto* file = dynamic_cast<ScapFileSink*>(output.get())) {
    if (saker::Status cs = file->close(); !cs.ok()) {
      std::fprintf(stderr, "saker-trace: %s: %s\n", opt.write_file.c_str(), cs.message().c_str());
    }
  }
  output.reset();
  link.reset();
  if (out != stderr) std::fclose(out);
  return code;
}
