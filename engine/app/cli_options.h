#pragma once
// Everything the `saker` command line can say, as plain data. cli_parser.cpp fills it; main.cpp
// dispatches on it; nothing here does any work.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace saker::app {

// `saker inspect [-r TRACE] [-p FORMAT] [-n N] [-j] [-c FILE] [-o k=v] [FILTER]`: print the events
// of a trace file (or of the live source) that match a filter, sysdig style.
struct InspectOptions {
  std::string trace_file;      // -r; empty: live capture from the configured engine
  std::string filter;          // positional; empty: every event
  std::string output_format;   // -p; empty: the default event line
  std::optional<uint64_t> max_events;  // -n
  bool json = false;           // -j
  std::string write_file;      // -w: write matching events (and the state blocks) instead of printing
  std::string config_file;     // -c
  std::vector<std::string> config_overrides;  // -o key=value
};

// `saker trace [-c FILE] [-r RULES]... [-o k=v]... [-w OUT.scap] -- CMD ARGS...`: run one command
// under the tracer with the engine in the same process; alerts go to the configured outputs.
struct TraceOptions {
  std::string config_file;
  std::vector<std::string> rules_paths;
  std::vector<std::string> config_overrides;
  std::string write_capture;   // -w
  bool verbose = false;        // -v: connection log and the end-of-run summary on stderr
  std::vector<std::string> command;  // CMD ARGS...
};

// The main command (no subcommand): Falco's flags.
struct EngineOptions {
  std::string config_file;                    // -c
  std::vector<std::string> rules_paths;       // -r (files or directories), repeatable
  std::vector<std::string> config_overrides;  // -o key=value, repeatable
  std::string trace_file;                     // -e: replay a .scap file
  bool userspace = false;                     // -u: receive events from saker-trace tracers
  bool all_events = false;                    // -A
  std::vector<std::string> enable_tags;       // -t, repeatable
  std::vector<std::string> disable_tags;      // -T, repeatable
  std::vector<std::string> disable_rules;     // -D, repeatable
  bool describe_all_rules = false;            // -L
  std::string describe_rule;                  // -l RULE
  std::optional<std::string> list_fields;     // --list[=SOURCE]; "" lists every source
  bool verbose = false;                       // -v
  bool list_events = false;                   // --list-events
  std::vector<std::string> validate_files;    // -V, repeatable
  std::optional<uint64_t> duration_seconds;   // -M
  bool unbuffered = false;                    // -U
  std::string pidfile;                        // -P/--pidfile
  std::string print_format;                   // -p (-pc, -pk, or a format)
  std::string write_capture;                  // -w OUT.scap
  bool dry_run = false;                       // --dry-run
  bool support = false;                       // --support
  bool version = false;                       // --version
  // Other Falco flags, older or newer.
  bool print_ignored_events = false;          // -i
  bool names_only = false;                    // -N
  std::string list_format;                    // --format text|markdown|json
  bool markdown = false;                      // --markdown
  bool list_plugins = false;                  // --list-plugins
  std::string plugin_info;                    // --plugin-info NAME
  bool config_schema = false;                 // --config-schema
  bool rule_schema = false;                   // --rule-schema
  bool page_size = false;                     // --page-size
  std::vector<std::string> enable_sources;    // --enable-source
  std::vector<std::string> disable_sources;   // --disable-source
  std::optional<uint64_t> snaplen;            // -S/--snaplen
  bool print_base64 = false;                  // -b/--print-base64
  bool modern_bpf = false;                    // --modern-bpf
  bool nodriver = false;                      // --nodriver
  bool daemon = false;                        // -d/--daemon
};

enum class Command { kEngine, kInspect, kTrace, kHelp };

struct CliOptions {
  Command command = Command::kEngine;
  EngineOptions engine;
  InspectOptions inspect;
  TraceOptions trace;
  std::vector<std::string> argv;  // the command line as given (for --support)
  std::string help_text;          // filled when command == kHelp
};

}  // namespace saker::app
