#include "tracer/options.h"

#include <CLI/CLI.hpp>
#include <cstdlib>

#include "saker_version.h"

namespace saker::tracer {

int parse_options(int argc, char** argv, Options* out) {
  CLI::App app{"saker-trace: run a command (or attach to a process tree) under ptrace + seccomp "
               "and report its syscalls to the Saker engine"};
  app.set_version_flag("--version", std::string(SAKER_VERSION));
  app.prefix_command();  // everything after the command name belongs to the command
  app.add_flag("-a,--all", out->all, "Trace every syscall");
  app.add_flag("-S,--seccomp", out->force_seccomp,
               "With -p: install a seccomp filter in the attached processes (cannot be removed)");
  app.add_option("-p,--pid", out->attach_pid, "Attach to PID, all its threads and descendants")
      ->check(CLI::PositiveNumber);
  app.add_option("--socket", out->socket_path, "Engine socket path")->envname("SAKER_SOCKET");
  app.add_option("--syscalls", out->syscalls,
                 "Comma-separated syscalls to trace (default: the state-tracking set)");
  app.add_flag("--debug-print", out->debug_print, "Print what is traced, strace-like");
  app.add_option("--debug-output", out->debug_output, "File for --debug-print (default stderr)");
  app.add_flag("--init", out->init,
               "Entrypoint duties: child subreaper, signal forwarding (automatic as PID 1)");
  app.add_flag("--no-exit-events", out->no_exit_events,
               "Do not stop threads at exit (PTRACE_EVENT_EXIT); faster thread churn");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  for (auto& a : app.remaining()) out->command.push_back(a);
  if (!out->command.empty() && out->command.front() == "--") out->command.erase(out->command.begin());
  if ((out->attach_pid != 0) == !out->command.empty()) {
    std::fprintf(stderr, "saker-trace: give either -p PID or a command\n%s",
                 app.help().c_str());
    return 2;
  }
  if (out->force_seccomp && out->attach_pid == 0) out->force_seccomp = false;  // implied for CMD
  return -1;
}

}  // namespace saker::tracer
