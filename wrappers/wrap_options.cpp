#include "wrappers/wrap_options.h"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <optional>

namespace saker::wrap {

namespace {

constexpr const char* kVariables[] = {
    "SAKER_CONFIG",        "SAKER_RULES",         "SAKER_SOCKET",      "SAKER_OUTPUT_JSON",
    "SAKER_OUTPUT_STDERR", "SAKER_OUTPUT_FILE",   "SAKER_OUTPUT_SYSLOG", "SAKER_OUTPUT_HTTP",
    "SAKER_PRIORITY",
};

std::optional<bool> parse_bool(const std::string& v) {
  if (v == "1" || v == "true" || v == "yes" || v == "on") return true;
  if (v == "0" || v == "false" || v == "no" || v == "off") return false;
  return std::nullopt;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string::size_type start = 0;
  for (;;) {
    const auto end = s.find(sep, start);
    std::string part = s.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!part.empty()) out.push_back(std::move(part));
    if (end == std::string::npos) return out;
    start = end + 1;
  }
}

WrapPlan error(std::string msg) { return WrapPlan{WrapPlan::Kind::kError, {}, "saker-wrap: " + std::move(msg)}; }

struct CommandLine {
  std::string config;
  std::vector<std::string> rules;
  std::vector<std::string> overrides;
  std::string capture;
  bool verbose = false;
  std::string install;
  std::vector<std::string> command;
};

}  // namespace

std::map<std::string, std::string> wrap_environment() {
  std::map<std::string, std::string> env;
  for (const char* name : kVariables) {
    if (const char* v = std::getenv(name); v != nullptr) env[name] = v;
  }
  return env;
}

WrapPlan plan_wrap(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
                   const std::string& tracer_path) {
  CommandLine cl;
  CLI::App app{"saker-wrap: run a container entrypoint under Saker (saker-wrap [options] -- CMD ARGS...)",
               "saker-wrap"};
  app.set_help_flag("-h,--help", "Print this help and exit");
  app.add_option("-c", cl.config, "Configuration file (env SAKER_CONFIG)")->type_name("FILE");
  app.add_option("-r", cl.rules, "Rules file or directory, repeatable (env SAKER_RULES, ':'-separated)")
      ->type_name("PATH")
      ->allow_extra_args(false);  // one value per -r: what follows may be the entrypoint
  app.add_option("-o", cl.overrides, "Set a configuration key, repeatable")
      ->type_name("KEY=VALUE")
      ->allow_extra_args(false);
  app.add_option("-w", cl.capture, "Also write the events to a .scap file")->type_name("OUT.scap");
  app.add_flag("-v", cl.verbose, "Print the tracer's connection and an end-of-run summary on stderr");
  app.add_option("--install", cl.install, "Copy the binaries, rules and configuration into DIR and exit")
      ->type_name("DIR");
  // Everything from the first argument that is not ours (or after --) is the workload.
  app.prefix_command();
  app.footer(
      "Environment: SAKER_CONFIG, SAKER_RULES, SAKER_SOCKET, SAKER_OUTPUT_JSON, SAKER_OUTPUT_STDERR,\n"
      "SAKER_OUTPUT_FILE, SAKER_OUTPUT_SYSLOG, SAKER_OUTPUT_HTTP, SAKER_PRIORITY (see wrappers/README.md).");

  std::vector<std::string> rev(args.rbegin(), args.rend() - (args.empty() ? 0 : 1));
  try {
    app.parse(rev);
  } catch (const CLI::CallForHelp&) {
    return WrapPlan{WrapPlan::Kind::kHelp, {}, app.help()};
  } catch (const CLI::ParseError& e) {
    return error(std::string(e.what()) + " (see --help)");
  }
  cl.command = app.remaining();
  if (!cl.install.empty()) {
    if (!cl.command.empty()) return error("--install takes no command");
    return WrapPlan{WrapPlan::Kind::kInstall, {}, cl.install};
  }
  if (!cl.command.empty() && cl.command.front() == "--") cl.command.erase(cl.command.begin());
  if (cl.command.empty()) return error("missing the entrypoint to run (saker-wrap [options] -- CMD ARGS...)");
  if (!cl.command.front().empty() && cl.command.front()[0] == '-') {
    return error("unknown option " + cl.command.front() + " (the entrypoint comes after --; see --help)");
  }

  auto get = [&](const char* name) -> const std::string* {
    auto it = env.find(name);
    return it == env.end() ? nullptr : &it->second;
  };

  // Engine elsewhere: this process becomes the tracer (and so PID 1's duties are the tracer's).
  if (const std::string* socket = get("SAKER_SOCKET"); socket != nullptr && !socket->empty()) {
    if (!cl.config.empty() || !cl.rules.empty() || !cl.overrides.empty() || !cl.capture.empty()) {
      return error("-c, -r, -o and -w configure an engine of our own; with SAKER_SOCKET the engine at " +
                   *socket + " has its own configuration");
    }
    WrapPlan plan{WrapPlan::Kind::kTracerOnly, {tracer_path, "--socket", *socket, "--"}, {}};
    plan.argv.insert(plan.argv.end(), cl.command.begin(), cl.command.end());
    return plan;
  }

  std::vector<std::string> overrides;
  auto boolean = [&](const char* var, const char* key, std::string* err) -> bool {
    const std::string* v = get(var);
    if (v == nullptr) return true;
    const auto b = parse_bool(*v);
    if (!b) {
      *err = std::string(var) + ": expected true or false, got '" + *v + "'";
      return false;
    }
    overrides.push_back(std::string(key) + "=" + (*b ? "true" : "false"));
    return true;
  };
  std::string err;
  if (!boolean("SAKER_OUTPUT_JSON", "json_output", &err)) return error(err);
  if (!boolean("SAKER_OUTPUT_STDERR", "stdout_output.enabled", &err)) return error(err);
  if (!boolean("SAKER_OUTPUT_SYSLOG", "syslog_output.enabled", &err)) return error(err);
  if (const std::string* f = get("SAKER_OUTPUT_FILE"); f != nullptr && !f->empty()) {
    overrides.push_back("file_output.enabled=true");
    overrides.push_back("file_output.filename=" + *f);
  }
  if (const std::string* url = get("SAKER_OUTPUT_HTTP"); url != nullptr && !url->empty()) {
    overrides.push_back("http_output.enabled=true");
    overrides.push_back("http_output.url=" + *url);
  }
  if (const std::string* p = get("SAKER_PRIORITY"); p != nullptr && !p->empty()) overrides.push_back("priority=" + *p);
  // The command line's -o come last: they win over the environment.
  overrides.insert(overrides.end(), cl.overrides.begin(), cl.overrides.end());

  std::string config = cl.config;
  if (config.empty()) {
    if (const std::string* c = get("SAKER_CONFIG"); c != nullptr) config = *c;
  }
  std::vector<std::string> rules = cl.rules;
  if (rules.empty()) {
    if (const std::string* r = get("SAKER_RULES"); r != nullptr) rules = split(*r, ':');
  }

  WrapPlan plan{WrapPlan::Kind::kEngine, {"saker", "trace"}, {}};
  if (!config.empty()) plan.argv.insert(plan.argv.end(), {"-c", config});
  for (const auto& r : rules) plan.argv.insert(plan.argv.end(), {"-r", r});
  for (const auto& o : overrides) plan.argv.insert(plan.argv.end(), {"-o", o});
  if (!cl.capture.empty()) plan.argv.insert(plan.argv.end(), {"-w", cl.capture});
  if (cl.verbose) plan.argv.push_back("-v");
  plan.argv.push_back("--");
  plan.argv.insert(plan.argv.end(), cl.command.begin(), cl.command.end());
  return plan;
}

}  // namespace saker::wrap
