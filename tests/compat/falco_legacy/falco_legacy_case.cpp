#include "tests/compat/falco_legacy/falco_legacy_case.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <re2/re2.h>
#include <sstream>

namespace saker::compat {

namespace fs = std::filesystem;

namespace {

// A key may hold one scalar or a list of them (falco_test.py's isinstance(..., list)).
std::vector<std::string> strings(const YAML::Node& n) {
  std::vector<std::string> out;
  if (!n.IsDefined() || n.IsNull()) return out;
  if (n.IsSequence()) {
    for (const auto& e : n) out.push_back(e.as<std::string>());
  } else {
    out.push_back(n.as<std::string>());
  }
  return out;
}

std::string absolute(const fs::path& dir, const std::string& p) {
  if (p.empty() || fs::path(p).is_absolute()) return p;
  return (dir / p).lexically_normal().string();
}

std::vector<ExpectedDiagnostic> diagnostics(const YAML::Node& n) {
  std::vector<ExpectedDiagnostic> out;
  if (!n || !n.IsSequence()) return out;  // a missing key is a zombie node: test it first
  for (const auto& e : n) {
    ExpectedDiagnostic d;
    auto get = [&](const char* k) { return e[k] ? e[k].as<std::string>() : std::string(); };
    d.item_type = get("item_type");
    d.item_name = get("item_name");
    d.code = get("code");
    d.message = get("message");
    d.message_contains = get("message_contains");
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> pairs(const YAML::Node& n) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!n || !n.IsSequence()) return out;  // a missing key is a zombie node: test it first
  for (const auto& item : n)
    for (const auto& kv : item) out.emplace_back(kv.first.as<std::string>(), kv.second.as<std::string>());
  return out;
}

LegacyCase read_case(const std::string& name, const YAML::Node& n, const fs::path& dir,
                     const fs::path& default_rules) {
  LegacyCase c;
  c.name = name;
  c.node = n;
  auto flag = [&](const char* k, bool def) { return n[k] ? n[k].as<bool>() : def; };
  auto text = [&](const char* k, std::string def) { return n[k] ? n[k].as<std::string>() : def; };

  c.rules_files = strings(n["rules_file"]);
  if (!n["rules_file"]) c.rules_files = {default_rules.string()};
  for (auto& f : c.rules_files) f = absolute(dir, f);
  if (n["validate_rules_file"] && !(n["validate_rules_file"].IsScalar() &&
                                     n["validate_rules_file"].Scalar() == "False")) {
    c.validate_files = strings(n["validate_rules_file"]);
    for (auto& f : c.validate_files) f = absolute(dir, f);
  }
  c.json_output = flag("json_output", false) || !c.validate_files.empty();  // as the harness
  c.json_include_output_property = flag("json_include_output_property", true);
  c.json_include_tags_property = flag("json_include_tags_property", true);
  c.conf_file = absolute(dir, text("conf_file", ""));
  c.trace_file = absolute(dir, text("trace_file", ""));
  c.priority = text("priority", "debug");
  c.all_events = flag("all_events", false);
  c.time_iso_8601 = flag("time_iso_8601", false);
  c.run_duration = text("run_duration", "");
  c.disabled_rules = strings(n["disabled_rules"]);
  c.run_tags = strings(n["run_tags"]);
  c.disable_tags = strings(n["disable_tags"]);
  c.enable_sources = strings(n["enable_source"]);
  std::istringstream addl(text("addl_cmdline_opts", ""));
  for (std::string w; addl >> w;) c.addl_cmdline_opts.push_back(w);

  c.exit_status = n["exit_status"] ? n["exit_status"].as<int>() : 0;
  c.should_detect = flag("detect", false);
  c.check_detection_counts = flag("check_detection_counts", true);
  if (c.should_detect) c.detect_level = strings(n["detect_level"]);
  for (const auto& [rule, count] : pairs(n["detect_counts"])) c.detect_counts.emplace_back(rule, std::stol(count));
  c.stdout_contains = strings(n["stdout_contains"]);
  c.stderr_contains = strings(n["stderr_contains"]);
  c.stdout_not_contains = strings(n["stdout_not_contains"]);
  c.stderr_not_contains = strings(n["stderr_not_contains"]);
  c.stdout_is = text("stdout_is", "");
  c.stderr_is = text("stderr_is", "");
  c.validate_ok = strings(n["validate_ok"]);
  c.has_validate_errors = static_cast<bool>(n["validate_errors"]);
  c.has_validate_warnings = static_cast<bool>(n["validate_warnings"]);
  c.validate_errors = diagnostics(n["validate_errors"]);
  c.validate_warnings = diagnostics(n["validate_warnings"]);
  if (n["rules_events"] && n["rules_events"].IsSequence()) {
    for (const auto& item : n["rules_events"])
      for (const auto& kv : item) c.rules_events[kv.first.as<std::string>()] = strings(kv.second);
  }
  c.outputs = pairs(n["outputs"]);
  for (auto& [actual, expected] : pairs(n["output_strictly_contains"]))
    c.output_strictly_contains.emplace_back(actual == "stdout" ? actual : absolute(dir, actual),
                                            absolute(dir, expected));
  return c;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool search(const std::string& pattern, const std::string& text, bool dotall = false,
            bool icase = false) {
  // The suite writes "does not contain X" as Python's negative lookahead ^(?!.*X.*), which RE2
  // lacks: evaluate it as the negation of a search for the inner pattern.
  static const std::string kNegPrefix = "^(?!", kNegSuffix = ")";
  if (pattern.starts_with(kNegPrefix) && pattern.ends_with(kNegSuffix)) {
    std::string inner = pattern.substr(kNegPrefix.size(),
                                       pattern.size() - kNegPrefix.size() - kNegSuffix.size());
    return !search(inner, text, dotall, icase);
  }
  RE2::Options o;
  o.set_dot_nl(dotall);
  o.set_case_sensitive(!icase);
  o.set_log_errors(false);
  RE2 re(pattern, o);
  if (!re.ok()) return text.find(pattern) != std::string::npos;  // not a regex we can read
  return RE2::PartialMatch(text, re);
}

const char* tf(bool b) { return b ? "true" : "false"; }

// Falco's check of validate_errors/validate_warnings against the JSON validation result.
void check_diagnostics(const nlohmann::json& v, const std::vector<ExpectedDiagnostic>& expected,
                       const char* key, std::vector<std::string>* fail) {
  for (const auto& want : expected) {
    bool found = false;
    if (v.contains("falco_load_results") && v["falco_load_results"].is_array()) {
      for (const auto& res : v["falco_load_results"]) {
        if (!res.contains(key)) continue;
        for (const auto& d : res[key]) {
          if (d.value("code", "") != want.code) continue;
          const std::string msg = d.value("message", "");
          bool msg_ok = (!want.message.empty() && msg == want.message) ||
                        (!want.message_contains.empty() && msg.find(want.message_contains) != std::string::npos);
          if (!msg_ok) continue;
          for (const auto& loc : d["context"]["locations"])
            if (loc.value("item_type", "") == want.item_type && loc.value("item_name", "") == want.item_name)
              found = true;
        }
      }
    }
    if (!found)
      fail->push_back(std::string("validation JSON has no ") + key + " entry " + want.code + " for " +
                      want.item_type + " '" + want.item_name + "' with message " +
                      (want.message.empty() ? "containing '" + want.message_contains + "'"
                                            : "'" + want.message + "'"));
  }
}

}  // namespace

std::vector<LegacyCase> read_legacy_cases(const fs::path& tests_yaml, const fs::path& fixture_dir,
                                          const fs::path& default_rules) {
  std::vector<LegacyCase> out;
  YAML::Node root = YAML::LoadFile(tests_yaml.string());
  for (const auto& kv : root["trace_files"])
    out.push_back(read_case(kv.first.as<std::string>(), kv.second, fixture_dir, default_rules));
  return out;
}

std::vector<std::string> legacy_command(const LegacyCase& c, const std::string& binary) {
  std::vector<std::string> a{binary};
  for (const auto& f : c.validate_files) a.insert(a.end(), {"-V", f});
  for (const auto& f : c.rules_files) a.insert(a.end(), {"-r", f});
  for (const auto& r : c.disabled_rules) a.insert(a.end(), {"-D", r});
  // Falco's harness passed its repository's falco.yaml; saker's built-in defaults stand in.
  if (!c.conf_file.empty()) a.insert(a.end(), {"-c", c.conf_file});
  if (!c.trace_file.empty()) a.insert(a.end(), {"-e", c.trace_file});
  a.insert(a.end(), {"-o", std::string("json_output=") + tf(c.json_output)});
  a.insert(a.end(), {"-o", std::string("json_include_output_property=") + tf(c.json_include_output_property)});
  a.insert(a.end(), {"-o", std::string("json_include_tags_property=") + tf(c.json_include_tags_property)});
  a.insert(a.end(), {"-o", "priority=" + c.priority, "-v"});
  for (const auto& s : c.enable_sources) a.push_back("--enable-source=" + s);
  a.insert(a.end(), c.addl_cmdline_opts.begin(), c.addl_cmdline_opts.end());
  for (const auto& t : c.disable_tags) a.insert(a.end(), {"-T", t});
  for (const auto& t : c.run_tags) a.insert(a.end(), {"-t", t});
  if (!c.run_duration.empty()) a.insert(a.end(), {"-M", c.run_duration});
  if (c.all_events) a.push_back("-A");
  if (c.time_iso_8601) a.insert(a.end(), {"-o", "time_format_iso_8601=true"});
  return a;
}

RunResult run_process(const std::vector<std::string>& argv, int timeout_s) {
  RunResult r;
  for (const auto& s : argv) r.command += (r.command.empty() ? "" : " ") + s;
  int out_pipe[2], err_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0 || ::pipe2(err_pipe, O_CLOEXEC) != 0) return r;
  pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(out_pipe[1], 1);
    ::dup2(err_pipe[1], 2);
    ::setenv("FALCO_HOSTNAME", "test-falco-hostname", 1);
    std::vector<char*> args;
    for (const auto& s : argv) args.push_back(const_cast<char*>(s.c_str()));
    args.push_back(nullptr);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_s);
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&r.out, &r.err};
  int open_fds = 2;
  bool killed = false;
  char buf[65536];
  while (open_fds > 0) {
    int left = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                    deadline - std::chrono::steady_clock::now()).count());
    if (left <= 0 && !killed) {
      ::kill(pid, SIGKILL);
      killed = true;
    }
    if (::poll(fds, 2, killed ? 1000 : left) < 0 && errno != EINTR) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = ::read(fds[i].fd, buf, sizeof buf);
      if (n > 0) {
        sinks[i]->append(buf, static_cast<size_t>(n));
      } else {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  int st = 0;
  ::waitpid(pid, &st, 0);
  r.exit_status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  if (killed) r.err += "\n[runner: killed after " + std::to_string(timeout_s) + " s]\n";
  return r;
}

std::vector<std::string> check_legacy_case(const LegacyCase& c, const RunResult& r) {
  std::vector<std::string> fail;
  if (!c.stdout_is.empty() && c.stdout_is != r.out) fail.push_back("stdout was not exactly: " + c.stdout_is);
  if (!c.stderr_is.empty() && c.stderr_is != r.err) fail.push_back("stderr was not exactly: " + c.stderr_is);
  for (const auto& p : c.stderr_contains)
    if (!search(p, r.err, true)) fail.push_back("stderr does not match /" + p + "/");
  for (const auto& p : c.stdout_contains)
    if (!search(p, r.out, true)) fail.push_back("stdout does not match /" + p + "/");
  for (const auto& p : c.stderr_not_contains)
    if (search(p, r.err)) fail.push_back("stderr matches /" + p + "/ but should not");
  for (const auto& p : c.stdout_not_contains)
    if (search(p, r.out)) fail.push_back("stdout matches /" + p + "/ but should not");
  if (r.exit_status != c.exit_status)
    fail.push_back("exit status " + std::to_string(r.exit_status) + ", expected " + std::to_string(c.exit_status));

  if (!c.validate_ok.empty() || c.has_validate_errors || c.has_validate_warnings) {
    // The first line of stdout is the validation result as JSON.
    nlohmann::json v = nlohmann::json::parse(r.out.substr(0, r.out.find('\n')), nullptr, false);
    if (v.is_discarded()) {
      fail.push_back("first stdout line is not the validation JSON");
    } else {
      for (const auto& file : c.validate_ok) {
        bool found = false;
        for (const auto& res : v.value("falco_load_results", nlohmann::json::array()))
          if (res.value("successful", false) && fs::path(res.value("name", "")).filename() == file) found = true;
        if (!found) fail.push_back("validation JSON has no successful result for " + file);
      }
      check_diagnostics(v, c.validate_errors, "errors", &fail);
      check_diagnostics(v, c.validate_warnings, "warnings", &fail);
    }
  }
  if (r.exit_status != 0) return fail;  // the harness checks no outputs after a failed run

  if (!c.rules_events.empty()) {
    std::string_view in(r.err);
    std::string rule, types;
    RE2 re(R"(Event types for rule ([^:]+): (\S+))");
    re2::StringPiece sp(in.data(), in.size());
    while (RE2::FindAndConsume(&sp, re, &rule, &types)) {
      std::vector<std::string> got;
      std::istringstream ss(types);
      for (std::string t; std::getline(ss, t, ',');) got.push_back(t);
      auto it = c.rules_events.find(rule);
      if (it == c.rules_events.end() || it->second != got)
        fail.push_back("rule " + rule + ": unexpected event types " + types);
    }
  }
  if (c.validate_files.empty() && c.check_detection_counts) {
    std::string n;
    if (!RE2::PartialMatch(r.out, R"(Events detected: (\d+))", &n)) {
      fail.push_back("no line 'Events detected: <count>' in stdout");
    } else {
      long detected = std::stol(n);
      if (!c.should_detect && detected > 0)
        fail.push_back("detected " + n + " events when should have detected none");
      if (c.should_detect && detected == 0) fail.push_back("detected 0 events when should have detected > 0");
      if (c.should_detect) {
        for (const auto& level : c.detect_level) {
          std::string count;
          RE2::Options o;
          o.set_case_sensitive(false);
          RE2 re(RE2::QuoteMeta(level) + R"(: (\d+))", o);
          if (!RE2::PartialMatch(r.out, re, &count))
            fail.push_back("no line '" + level + ": <count>' in stdout");
          else if (std::stol(count) == 0)
            fail.push_back("detected 0 events at level " + level);
        }
      }
    }
  }
  if (!c.detect_counts.empty()) {
    size_t at = r.out.find("Triggered rules by rule name:");
    if (at == std::string::npos) {
      fail.push_back("no block 'Triggered rules by rule name:' in stdout");
    } else {
      std::string block = r.out.substr(at + 29);
      for (const auto& [rule, count] : c.detect_counts) {
        std::string got;
        RE2 re(R"(\s)" + RE2::QuoteMeta(rule) + R"(: (\d+))");
        long actual = RE2::PartialMatch(block, re, &got) ? std::stol(got) : 0;
        if (actual != count)
          fail.push_back("count for rule '" + rule + "': expected " + std::to_string(count) + ", got " +
                         std::to_string(actual));
      }
    }
  }
  if (c.validate_files.empty() && c.json_output) {
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) {
      if (line.empty() || line[0] != '{') continue;
      auto obj = nlohmann::json::parse(line, nullptr, false);
      if (obj.is_discarded()) {
        fail.push_back("stdout line is not JSON: " + line);
        continue;
      }
      std::vector<std::string> attrs{"time", "rule", "priority"};
      if (c.json_include_output_property) attrs.push_back("output");
      if (c.json_include_tags_property) attrs.push_back("tags");
      for (const auto& a : attrs)
        if (!obj.contains(a)) fail.push_back("JSON alert has no '" + a + "': " + line);
    }
  }
  for (const auto& [file, pattern] : c.outputs) {
    std::istringstream lines(slurp(file));
    bool found = false;
    for (std::string line; std::getline(lines, line);) found = found || search(pattern, line);
    if (!found) fail.push_back("no line matching /" + pattern + "/ in " + file);
  }
  for (const auto& [actual_name, expected_file] : c.output_strictly_contains) {
    std::string actual = actual_name == "stdout" ? r.out : slurp(actual_name);
    std::istringstream expected(slurp(expected_file));
    size_t cursor = 0;
    for (std::string line; std::getline(expected, line);) {
      size_t pos = actual.find(line, cursor);
      if (pos == std::string::npos) {
        fail.push_back(actual_name + " does not contain, in order, the lines of " + expected_file +
                       "; first missing: " + line);
        break;
      }
      cursor = pos + line.size();
    }
  }
  return fail;
}

}  // namespace saker::compat
