#include "engine/app/cli_parser.h"

#include <CLI/CLI.hpp>

#include <charconv>

#include "engine/app/config_override.h"

namespace saker::app {

namespace {

// A non-negative integer option value, with the flag named on failure.
bool to_count(const std::string& flag, const std::string& what, const std::string& text, uint64_t* out,
              std::string* error) {
  uint64_t v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || p != text.data() + text.size()) {
    *error = flag + ": expects " + what + ", found '" + text + "'";
    return false;
  }
  *out = v;
  return true;
}

bool check_overrides(const std::vector<std::string>& overrides, std::string* error) {
  for (const auto& o : overrides) {
    config::Override ov;
    if (Status s = config::parse_override(o, &ov); !s.ok()) {
      *error = "-o: " + s.message();
      return false;
    }
    std::vector<config::PathElem> path;
    if (Status s = config::parse_key_path(ov.key, &path); !s.ok()) {
      *error = "-o: " + s.message();
      return false;
    }
  }
  return true;
}

// CLI11's messages, made into one line that names the flag.
std::string one_line(const CLI::ParseError& e, const std::vector<std::string>& args) {
  std::string msg = e.what();
  if (dynamic_cast<const CLI::ExtrasError*>(&e)) {
    // "The following argument(s) was/were not expected: X Y"
    const auto colon = msg.find(": ");
    const std::string rest = colon == std::string::npos ? msg : msg.substr(colon + 2);
    const std::string first = rest.substr(0, rest.find(' '));
    if (!first.empty() && first[0] == '-') return "unknown option '" + first + "'";
    return "unexpected argument '" + first + "'";
  }
  (void)args;
  for (char& c : msg) if (c == '\n') c = ' ';
  while (!msg.empty() && msg.back() == ' ') msg.pop_back();
  return msg;
}

void add_engine_options(CLI::App& app, EngineOptions& o, CLI::Option** list_opt, std::string* duration,
                        std::string* snaplen) {
  app.add_option("-c", o.config_file, "Configuration file (default: the first of /etc/saker/saker.yaml, "
                                      "the installed saker.yaml, the source tree's, or the built-in one)")
      ->type_name("FILE");
  app.add_option("-r", o.rules_paths, "Rules file or directory (only .yaml/.yml files are read); repeatable. "
                                      "Replaces the configuration's rules_files")
      ->type_name("PATH");
  app.add_option("-o,--option", o.config_overrides,
                 "Set a configuration key, e.g. -o json_output=true, -o engine.kind=replay, "
                 "-o rules[].disable.tag=network, -o 'static_fields.k8s\\.io/x=y'; repeatable, applied last")
      ->type_name("KEY=VALUE");
  app.add_option("-e", o.trace_file, "Read events from a .scap trace file instead of a live source")
      ->type_name("TRACEFILE");
  app.add_flag("-u,--userspace", o.userspace, "Userspace mode: receive events from saker-trace tracers");
  app.add_flag("-A", o.all_events, "Monitor all events, including those ignored by default");
  app.add_option("-t", o.enable_tags, "Only enable rules with this tag; repeatable")->type_name("TAG");
  app.add_option("-T", o.disable_tags, "Disable rules with this tag; repeatable")->type_name("TAG");
  app.add_option("-D", o.disable_rules, "Disable rules whose name matches (substring or wildcard); repeatable")
      ->type_name("RULE");
  app.add_flag("-L", o.describe_all_rules, "Describe every loaded rule and exit");
  app.add_option("-l", o.describe_rule, "Describe one rule and exit")->type_name("RULE");
  *list_opt = app.add_option("--list", "List the fields (of SOURCE only, if given) and exit")
                  ->expected(0, 1)
                  ->type_name("SOURCE");
  app.add_flag("-v", o.verbose, "Verbose output (with --list: field details)");
  app.add_flag("--list-events", o.list_events, "List the supported events and exit");
  app.add_option("-V,--validate", o.validate_files, "Validate a rules file and exit; repeatable")
      ->type_name("FILE");
  app.add_option("-M", *duration, "Stop after this many seconds")->type_name("SECONDS");
  app.add_flag("-U,--unbuffered", o.unbuffered, "Flush every output line (buffered_outputs=false)");
  app.add_option("-P,--pidfile", o.pidfile, "Write the process id to this file")->type_name("FILE");
  app.add_option("-p,--print", o.print_format,
                 "Append to every rule output: c|container (container fields), k|kubernetes, or a format")
      ->type_name("FORMAT");
  app.add_option("-w", o.write_capture, "Write the captured events to a .scap file")->type_name("OUT.scap");
  app.add_flag("--dry-run", o.dry_run, "Load the configuration and rules, then exit without processing events");
  app.add_flag("--support", o.support, "Print support information (version, system, config, rules) as JSON");
  app.add_flag("--version", o.version, "Print version information and exit");
  // Other Falco flags.
  app.add_flag("-i", o.print_ignored_events, "Print the events ignored by default and exit");
  app.add_flag("-N", o.names_only, "With --list: print field names only");
  app.add_option("--format", o.list_format, "With --list/--list-events: text, markdown or json")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"text", "markdown", "json"}));
  app.add_flag("--markdown", o.markdown, "With --list/--list-events: Markdown output");
  app.add_flag("--list-plugins", o.list_plugins, "Print the loaded plugins and exit");
  app.add_option("--plugin-info", o.plugin_info, "Print a plugin's information and exit")->type_name("NAME");
  app.add_flag("--config-schema", o.config_schema, "Print the configuration schema and exit");
  app.add_flag("--rule-schema", o.rule_schema, "Print the rules schema and exit");
  app.add_flag("--page-size", o.page_size, "Show the memory page size of this machine, then exit");
  app.add_option("--enable-source", o.enable_sources, "Enable only this event source; repeatable")
      ->type_name("SOURCE");
  app.add_option("--disable-source", o.disable_sources, "Disable this event source; repeatable")
      ->type_name("SOURCE");
  app.add_option("-S,--snaplen", *snaplen, "Capture the first LEN bytes of I/O buffers (falco_libs.snaplen)")
      ->type_name("LEN");
  app.add_flag("-b,--print-base64", o.print_base64, "Print data buffers in base64 (buffer_format_base64)");
  app.add_flag("--modern-bpf", o.modern_bpf, "Use the modern eBPF probe (engine.kind=modern_ebpf)");
  app.add_flag("--nodriver", o.nodriver, "Use no driver (engine.kind=nodriver)");
  app.add_flag("-d,--daemon", o.daemon, "Run as a daemon");
}

}  // namespace

ParseResult parse_command_line(const std::vector<std::string>& args, CliOptions* out) {
  *out = CliOptions{};
  out->argv = args;
  EngineOptions& eo = out->engine;
  InspectOptions& io = out->inspect;
  TraceOptions& to = out->trace;

  CLI::App app{"Saker: Falco-compatible runtime security (ptrace tracer, eBPF probe or kernel module)", "saker"};
  app.set_help_flag("-h,--help", "Print this help and exit");
  app.require_subcommand(0, 1);
  app.get_formatter()->column_width(28);

  CLI::Option* list_opt = nullptr;
  std::string duration, snaplen;
  add_engine_options(app, eo, &list_opt, &duration, &snaplen);

  CLI::App* inspect = app.add_subcommand("inspect", "Print the events of a trace file that match a filter");
  std::string inspect_n;
  inspect->add_option("-r", io.trace_file, "Trace file to read")->type_name("FILE");
  inspect->add_option("-p", io.output_format, "Output format for each event")->type_name("FORMAT");
  inspect->add_option("-n", inspect_n, "Stop after N events")->type_name("N");
  inspect->add_flag("-j", io.json, "Print events as JSON");
  inspect->add_option("-w", io.write_file, "Write the matching events, with the file's state blocks, to a .scap file instead of printing")
      ->type_name("OUT.scap");
  inspect->add_option("-c", io.config_file, "Configuration file")->type_name("FILE");
  inspect->add_option("-o", io.config_overrides, "Set a configuration key; repeatable")->type_name("KEY=VALUE");
  inspect->add_option("filter", io.filter, "Filter expression, e.g. \"evt.type=open and proc.name=cat\"")
      ->type_name("FILTER");

  CLI::App* trace = app.add_subcommand("trace", "Run a command under the tracer with the rules loaded (trace -- CMD ARGS...)");
  trace->add_option("-c", to.config_file, "Configuration file")->type_name("FILE");
  trace->add_option("-r", to.rules_paths, "Rules file or directory; repeatable")->type_name("PATH");
  trace->add_option("-o", to.config_overrides, "Set a configuration key; repeatable")->type_name("KEY=VALUE");
  trace->add_option("-w", to.write_capture, "Also write the events to a .scap file")->type_name("OUT.scap");
  trace->add_flag("-v", to.verbose, "Print tracer connections and the end-of-run summary on stderr");
  trace->add_option("command", to.command, "The command and its arguments (after --)")->type_name("CMD ARGS");
  trace->positionals_at_end();

  std::vector<std::string> argv_rev(args.rbegin(), args.rend() - 1);
  try {
    app.parse(argv_rev);
  } catch (const CLI::CallForHelp&) {
    out->command = Command::kHelp;
    CLI::App* target = inspect->parsed() ? inspect : (trace->parsed() ? trace : &app);
    return ParseResult{ParseResult::Kind::kHelp, target->help()};
  } catch (const CLI::CallForAllHelp&) {
    out->command = Command::kHelp;
    return ParseResult{ParseResult::Kind::kHelp, app.help("", CLI::AppFormatMode::All)};
  } catch (const CLI::ParseError& e) {
    return ParseResult{ParseResult::Kind::kError, one_line(e, args)};
  }

  std::string error;
  auto fail = [&](std::string msg) { return ParseResult{ParseResult::Kind::kError, std::move(msg)}; };

  if (inspect->parsed()) {
    out->command = Command::kInspect;
    if (!inspect_n.empty()) {
      uint64_t n = 0;
      if (!to_count("-n", "a number of events", inspect_n, &n, &error)) return fail(error);
      io.max_events = n;
    }
    if (!check_overrides(io.config_overrides, &error)) return fail(error);
    return {};
  }
  if (trace->parsed()) {
    out->command = Command::kTrace;
    if (to.command.empty()) return fail("trace: missing the command to run (saker trace [options] -- CMD ARGS...)");
    if (!check_overrides(to.config_overrides, &error)) return fail(error);
    return {};
  }

  out->command = Command::kEngine;
  if (list_opt->count() > 0) eo.list_fields = list_opt->results().empty() ? "" : list_opt->results().front();
  if (!duration.empty()) {
    uint64_t v = 0;
    if (!to_count("-M", "a number of seconds", duration, &v, &error)) return fail(error);
    eo.duration_seconds = v;
  }
  if (!snaplen.empty()) {
    uint64_t v = 0;
    if (!to_count("-S", "a number of bytes", snaplen, &v, &error)) return fail(error);
    eo.snaplen = v;
  }
  if (!check_overrides(eo.config_overrides, &error)) return fail(error);
  if (!eo.enable_tags.empty() && (!eo.disable_tags.empty() || !eo.disable_rules.empty()))
    return fail("Error: You can not specify both disabled (-D/-T) and enabled (-t) rules");
  if (!eo.enable_sources.empty() && !eo.disable_sources.empty())
    return fail("--enable-source and --disable-source can not be used together");
  if (eo.markdown && !eo.list_format.empty()) return fail("--markdown and --format can not be used together");
  if (!eo.trace_file.empty() && eo.userspace) return fail("-e and -u can not be used together");
  if (eo.modern_bpf && eo.nodriver) return fail("--modern-bpf and --nodriver can not be used together");
  return {};
}

}  // namespace saker::app
