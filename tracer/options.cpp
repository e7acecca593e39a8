#include "tracer/options.h"

#include <CLI/CLI.hpp>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>

#include "saker_version.h"

namespace saker::tracer {

namespace {

// A process id: 1..INT_MAX, decimal. CLI11's PositiveNumber would accept "1.5" and print its
// range as a 300-digit float.
CLI::Validator pid_validator() {
  return CLI::Validator(
      [](std::string& s) -> std::string {
        errno = 0;
        char* end = nullptr;
        long v = std::strtol(s.c_str(), &end, 10);
        if (s.empty() || *end != '\0' || errno != 0 || v <= 0 || v > INT_MAX) {
          return "expected a process id (a positive integer), got '" + s + "'";
        }
        return {};
      },
      "");
}

CLI::Validator milliseconds_validator() {
  return CLI::Validator(
      [](std::string& s) -> std::string {
        errno = 0;
        char* end = nullptr;
        long v = std::strtol(s.c_str(), &end, 10);
        if (s.empty() || *end != '\0' || errno != 0 || v < 0 || v > INT_MAX) {
          return "expected milliseconds (a non-negative integer), got '" + s + "'";
        }
        return {};
      },
      "");
}

// Usage errors: one line naming the flag, exit status 1.
int usage_error(const std::string& message) {
  std::fprintf(stderr, "saker-trace: %s (see --help)\n", message.c_str());
  return 1;
}

}  // namespace

int parse_options(int argc, char** argv, Options* out) {
  CLI::App app{"saker-trace: run a command (or attach to a process tree) under ptrace + seccomp "
               "and report its syscalls to the Saker engine"};
  app.set_version_flag("--version", std::string(SAKER_VERSION));
  app.prefix_command();  // everything after the command name belongs to the command
  app.add_flag("-a,--all", out->all, "Trace every syscall");
  app.add_flag("-S,--seccomp", out->force_seccomp,
               "With -p: install a seccomp filter in the attached processes (cannot be removed)");
  app.add_option("-p,--pid", out->attach_pid, "Attach to PID, all its threads and descendants")
      ->check(pid_validator())
      ->type_name("PID");
  app.add_option("--socket", out->socket_path, "Engine socket path")->envname("SAKER_SOCKET");
  app.add_option("-w,--write", out->write_file,
                 "Write the events to a .scap file instead of an engine");
  app.add_option("--connect-timeout", out->connect_timeout_ms,
                 "Milliseconds to wait for the engine before giving up at start (default 5000)")
      ->check(milliseconds_validator())
      ->type_name("MS");
  app.add_option("--syscalls", out->syscalls,
                 "Comma-separated syscalls to trace (default: the state-tracking set)");
  app.add_flag("--debug-print", out->debug_print, "Print what is traced, strace-like");
  app.add_option("--debug-output", out->debug_output, "File for --debug-print (default stderr)");
  app.add_flag("--init", out->init,
               "Entrypoint duties: child subreaper, signal forwarding (automatic as PID 1)");
  app.add_flag("--list-syscalls", out->list_syscalls,
               "Print the syscalls that would stop the workload (with --syscalls / -a applied) and exit");
  app.add_flag("--exit-stops", out->exit_stops,
               "Stop each thread as it exits (PTRACE_EVENT_EXIT): procexit at the moment of exit, "
               "not at the death report; one stop more per thread");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    return usage_error(e.what());
  }
  for (auto& a : app.remaining()) out->command.push_back(a);
  // The command starts at the first argument that is not one of ours. A leading "--" ends our
  // flags explicitly (the command may then start with '-'); without it, an argument starting
  // with '-' there is a flag we do not know, not a command.
  if (!out->command.empty()) {
    const std::string& first = out->command.front();
    if (first == "--") {
      out->command.erase(out->command.begin());
    } else if (first.size() > 1 && first[0] == '-') {
      return usage_error("unknown option " + first);
    }
  }
  if (out->attach_pid != 0 && !out->command.empty()) {
    return usage_error("-p PID and a command exclude each other");
  }
  if (out->attach_pid == 0 && out->command.empty() && !out->list_syscalls) {
    return usage_error("give -p PID or a command to run");
  }
  if (out->force_seccomp && out->attach_pid == 0) out->force_seccomp = false;  // implied for CMD
  return -1;
}

}  // namespace saker::tracer
