#pragma once
// saker-wrap's configuration: its command line and the SAKER_* environment variables, turned
// into either a `saker trace` command line (engine in this process) or a `saker-trace` one
// (engine elsewhere, reached through SAKER_SOCKET).
//
//   saker-wrap [-c FILE] [-r PATH]... [-o KEY=VALUE]... [-w OUT.scap] [-v] -- CMD ARGS...
//   saker-wrap --install DIR   copy saker, saker-trace, saker-wrap and the default rules and
//                              configuration into DIR (an init container without a shell)
//
// Environment (the command line wins where both set the same thing):
//   SAKER_CONFIG=FILE           configuration file (falco.yaml keys), as -c
//   SAKER_RULES=PATH[:PATH...]  rules files or directories, replacing the default ruleset, as -r
//   SAKER_SOCKET=PATH           send events to a running `saker -u` instead of starting an engine
//   SAKER_OUTPUT_JSON=BOOL      alerts as JSON (json_output)
//   SAKER_OUTPUT_STDERR=BOOL    alerts on stderr (default true)
//   SAKER_OUTPUT_FILE=PATH      also append alerts to a file
//   SAKER_OUTPUT_SYSLOG=BOOL    also send alerts to syslog (/dev/log)
//   SAKER_OUTPUT_HTTP=URL       also POST alerts as JSON (not in the static build: see README)
//   SAKER_PRIORITY=LEVEL        minimum rule priority (emergency .. debug)
#include <map>
#include <string>
#include <vector>

namespace saker::wrap {

struct WrapPlan {
  enum class Kind { kEngine, kTracerOnly, kInstall, kHelp, kError };
  Kind kind = Kind::kError;
  std::vector<std::string> argv;  // kEngine: for saker::app::run_app; kTracerOnly: saker-trace's
  std::string message;            // kHelp: the help text; kError: one line naming what is wrong;
                                  // kInstall: the folder to copy our files into
};

// args: saker-wrap's argv (args[0] is the program); env: the variables above that are set;
// tracer_path: the saker-trace to exec in kTracerOnly.
WrapPlan plan_wrap(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
                   const std::string& tracer_path);

// The SAKER_* variables plan_wrap reads, from the process environment.
std::map<std::string, std::string> wrap_environment();

}  // namespace saker::wrap
