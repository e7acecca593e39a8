#include "engine/app/app.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "engine/app/cli_parser.h"
#include "engine/app/commands/describe_rules.h"
#include "engine/app/commands/inspect.h"
#include "engine/app/commands/list_events.h"
#include "engine/app/commands/list_fields.h"
#include "engine/app/commands/run.h"
#include "engine/app/commands/support.h"
#include "engine/app/commands/trace.h"
#include "engine/app/commands/validate_rules.h"
#include "engine/app/config_locate.h"
#include "engine/app/features.h"
#include "engine/app/logger.h"
#include "engine/app/version_info.h"

namespace saker::app {

namespace {

int fail(const std::string& message) {
  std::fprintf(stderr, "saker: %s\n", message.c_str());
  return 1;
}

// Settings that Falco's flags imply, applied after `-o` (as Falco applies them last).
std::vector<config::Override> flag_overrides(const EngineOptions& o) {
  std::vector<config::Override> v;
  auto add = [&](const std::string& origin, const std::string& key, const std::string& value) {
    v.push_back(config::Override{origin, key, value});
  };
  if (!o.trace_file.empty()) {
    add("-e " + o.trace_file, "engine.kind", "replay");
    add("-e " + o.trace_file, "engine.replay.capture_file", o.trace_file);
  }
  if (o.userspace) add("-u", "engine.kind", "userspace");
  if (o.modern_bpf) add("--modern-bpf", "engine.kind", "modern_ebpf");
  if (o.nodriver) add("--nodriver", "engine.kind", "nodriver");
  if (o.unbuffered) add("-U", "buffered_outputs", "false");
  if (o.all_events) add("-A", "base_syscalls.all", "true");
  if (o.print_base64) add("-b", "buffer_format_base64", "true");
  if (o.snaplen) add("-S", "falco_libs.snaplen", std::to_string(*o.snaplen));
  // -p is not a config override: engine_setup turns it into the outputs' extra format (with
  // -pc/-pk replacing %container.info), so applying it here as well would print it twice.
  return v;
}

// Loads the configuration for any command: -c FILE or the default one, -o overrides, flags.
bool load_configuration(const std::string& config_file, const std::vector<std::string>& overrides,
                        const std::vector<config::Override>& flags, config::LoadedConfig* out,
                        config::LoadOptions* used = nullptr) {
  const auto exe_dir = executable_dir();
  config::LoadOptions lo;
  if (!config_file.empty()) {
    lo.path = config_file;
  } else if (auto found = find_default_config(exe_dir)) {
    lo.path = found->string();
  } else {
    lo.builtin_text = std::string(builtin_config());
  }
  lo.variables["SAKER_RULES_DIR"] = default_rules_dir(exe_dir);
  for (const auto& o : overrides) {
    config::Override ov;
    (void)config::parse_override(o, &ov);  // syntax checked by the parser
    lo.overrides.push_back(ov);
  }
  lo.flag_overrides = flags;
  if (used != nullptr) *used = lo;
  const Status s = config::load_config(lo, out);
  if (!s.ok()) {
    for (const auto& d : out->diagnostics.items())
      std::fprintf(stderr, "saker: %s%s\n", d.is_error() ? "" : "warning: ", d.to_string().c_str());
    return false;
  }
  return true;
}

void log_startup(const AppContext& ctx) {
  const VersionInfo v = version_info();
  log_info("Saker version " + v.saker_version + " (" + v.machine + ")");
  log_info("Saker initialized with configuration file " + ctx.loaded.main_file);
  for (const auto& f : ctx.loaded.included_files) log_info("Saker included configuration file " + f);
  for (const auto& d : ctx.loaded.diagnostics.warnings()) log_warning(d.to_string());
}

Feature source_feature(config::EngineKind k, bool* any_built) {
  using config::EngineKind;
  *any_built = true;
  switch (k) {
    case EngineKind::kReplay: return Feature::kReplay;
    case EngineKind::kUserspace: return Feature::kUserspace;
    case EngineKind::kKmod: return Feature::kKmod;
    case EngineKind::kEbpf:
    case EngineKind::kModernEbpf: return Feature::kEbpf;
    case EngineKind::kGvisor: return Feature::kGvisor;
    case EngineKind::kNodriver: return Feature::kNodriver;
    case EngineKind::kAuto:
      for (Feature f : {Feature::kEbpf, Feature::kKmod, Feature::kUserspace})
        if (implemented(f)) return f;
      *any_built = false;
      return Feature::kEbpf;
  }
  return Feature::kEbpf;
}

bool write_pidfile(const std::string& path) {
  std::ofstream out(path, std::ios::trunc);
  if (!out) return false;
  out << ::getpid() << "\n";
  return static_cast<bool>(out);
}

int run_engine_command(AppContext& ctx) {
  const EngineOptions& o = ctx.cli.engine;

  if (o.version) {
    const VersionInfo v = version_info();
    if (ctx.config().json_output) std::printf("%s\n", v.as_json().dump().c_str());
    else std::printf("%s", v.as_text().c_str());
    return 0;
  }
  if (o.page_size) {
    std::printf("Your system page size is: %ld bytes\n", ::sysconf(_SC_PAGESIZE));
    return 0;
  }

  logger().configure(ctx.config());
  log_startup(ctx);

  // Commands that print something and exit, in Falco's order.
  if (o.config_schema) return report_not_available(Feature::kConfigSchema);
  if (o.rule_schema) return report_not_available(Feature::kRuleSchema);
  if (o.list_fields) return implemented(Feature::kListFields) ? run_list_fields(ctx) : report_not_available(Feature::kListFields);
  if (o.list_events) return implemented(Feature::kListEvents) ? run_list_events(ctx) : report_not_available(Feature::kListEvents);
  if (o.print_ignored_events) return report_not_available(Feature::kIgnoredEvents);
  if (o.list_plugins || !o.plugin_info.empty()) return report_not_available(Feature::kPlugins);

  const bool from_cli = !o.rules_paths.empty();
  if (Status s = resolve_rules_files(from_cli ? o.rules_paths : ctx.config().rules_files, from_cli, &ctx.rules);
      !s.ok())
    return fail(s.message());
  if (o.support) return run_support(ctx);

  if (!o.validate_files.empty())
    return implemented(Feature::kValidateRules) ? run_validate_rules(ctx) : report_not_available(Feature::kValidateRules);
  if (o.describe_all_rules || !o.describe_rule.empty())
    return implemented(Feature::kDescribeRules) ? run_describe_rules(ctx) : report_not_available(Feature::kDescribeRules);

  // The run: flags that change it must be built, then the event source, then the rules.
  if (o.daemon) return report_not_available(Feature::kDaemon);
  if (!o.write_capture.empty() && !implemented(Feature::kWriteCapture)) return report_not_available(Feature::kWriteCapture);
  if (!o.dry_run) {
    bool any_built = true;
    const Feature src = source_feature(ctx.config().engine.kind, &any_built);
    if (!any_built)
      return fail("engine.kind=auto: no live event source is available yet in this build (eBPF probe, kernel "
                  "module or userspace tracers)");
    if (!implemented(src)) return report_not_available(src);
  }
  if (ctx.rules.files.empty()) log_warning("No rules files to load (rules_files is empty or its paths do not exist)");
  for (const auto& f : ctx.rules.files) log_info("Loading rules from file " + f);
  if (!implemented(Feature::kRulesLoading)) return report_not_available(Feature::kRulesLoading);
  if (o.dry_run) return run_dry_run(ctx);
  if (!o.pidfile.empty() && !write_pidfile(o.pidfile)) return fail("--pidfile " + o.pidfile + ": cannot write");
  return run_engine(ctx);
}

}  // namespace

int run_app(const std::vector<std::string>& args) {
  AppContext ctx;
  const ParseResult parsed = parse_command_line(args, &ctx.cli);
  if (parsed.kind == ParseResult::Kind::kHelp) {
    std::fputs(parsed.text.c_str(), stdout);
    return 0;
  }
  if (parsed.kind == ParseResult::Kind::kError) return fail(parsed.text);

  switch (ctx.cli.command) {
    case Command::kInspect: {
      const InspectOptions& io = ctx.cli.inspect;
      if (!implemented(Feature::kInspect)) return report_not_available(Feature::kInspect);
      if (!load_configuration(io.config_file, io.config_overrides, {}, &ctx.loaded)) return 1;
      logger().configure(ctx.config());
      return run_inspect(io, ctx);
    }
    case Command::kTrace: {
      const TraceOptions& to = ctx.cli.trace;
      if (!implemented(Feature::kTrace)) return report_not_available(Feature::kTrace);
      if (!to.write_capture.empty() && !implemented(Feature::kWriteCapture))
        return report_not_available(Feature::kWriteCapture);
      if (!load_configuration(to.config_file, to.config_overrides, {}, &ctx.loaded)) return 1;
      logger().configure(ctx.config());
      log_startup(ctx);
      const bool from_cli = !to.rules_paths.empty();
      if (Status s = resolve_rules_files(from_cli ? to.rules_paths : ctx.config().rules_files, from_cli, &ctx.rules);
          !s.ok())
        return fail(s.message());
      return run_trace(to, ctx);
    }
    case Command::kHelp:
      return 0;
    case Command::kEngine:
      break;
  }

  const EngineOptions& o = ctx.cli.engine;
  if (!load_configuration(o.config_file, o.config_overrides, flag_overrides(o), &ctx.loaded, &ctx.load_options)) {
    if (o.version) {  // --version works even when the configuration does not load
      std::printf("%s", version_info().as_text().c_str());
      return 0;
    }
    return 1;
  }
  return run_engine_command(ctx);
}

}  // namespace saker::app
