#pragma once
// Command line of saker-trace:
//   saker-trace [-a] [-S] [--init] [--socket PATH | -w FILE] [--syscalls LIST]
//               [--debug-print] [--debug-output FILE] (-p PID | [--] CMD ARGS...)
#include <sys/types.h>

#include <string>
#include <vector>

namespace saker::tracer {

struct Options {
  bool all = false;             // -a: trace every syscall
  bool force_seccomp = false;   // -S: with -p, install a seccomp filter in the attached tree
  pid_t attach_pid = 0;         // -p
  std::vector<std::string> command;
  std::string socket_path;      // --socket, env SAKER_SOCKET: stream events to the engine
  std::string write_file;       // -w FILE: write events to a .scap file (no engine)
  int connect_timeout_ms = 5000;  // --connect-timeout: how long to wait for the engine at start
  std::string syscalls;         // --syscalls a,b,c: the traced set (default: SyscallSet::defaults)
  bool debug_print = false;     // --debug-print: strace-like text of what is seen
  std::string debug_output;     // --debug-output FILE (default stderr)
  bool init = false;            // --init: entrypoint duties (automatic when PID 1)
  bool list_syscalls = false;   // --list-syscalls: print the stop set and exit
  bool exit_stops = false;  // --exit-stops: PTRACE_EVENT_EXIT stops (procexit at the exit itself)
};

// Parses argv into *out. Returns -1 to go on, or the exit status to leave with (help, errors).
int parse_options(int argc, char** argv, Options* out);

}  // namespace saker::tracer
