#pragma once
// One case of Falco's historic regression suite (test/falco_tests.yaml, `trace_files: !mux`), read
// with the semantics of Falco's old harness (test/falco_test.py): which options it turns into a
// command line, and which checks it makes on the process's stdout, stderr, exit status and files.
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace saker::compat {

struct ExpectedDiagnostic {  // one validate_errors / validate_warnings entry
  std::string item_type, item_name, code, message, message_contains;
};

struct LegacyCase {
  std::string name;
  YAML::Node node;  // the raw case, for keys the runner does not model

  // Command line, in the order falco_test.py builds it.
  std::vector<std::string> rules_files, validate_files, disabled_rules, run_tags, disable_tags;
  std::vector<std::string> enable_sources, addl_cmdline_opts;
  std::string conf_file, trace_file, priority = "debug", run_duration;
  bool json_output = false, json_include_output_property = true, json_include_tags_property = true;
  bool all_events = false, time_iso_8601 = false;

  // Checks.
  int exit_status = 0;
  bool should_detect = false, check_detection_counts = true;
  std::vector<std::string> detect_level;
  std::vector<std::pair<std::string, long>> detect_counts;
  std::vector<std::string> stdout_contains, stderr_contains, stdout_not_contains, stderr_not_contains;
  std::string stdout_is, stderr_is;
  std::vector<std::string> validate_ok;
  std::vector<ExpectedDiagnostic> validate_errors, validate_warnings;
  bool has_validate_errors = false, has_validate_warnings = false;
  std::map<std::string, std::vector<std::string>> rules_events;  // rule -> event types
  std::vector<std::pair<std::string, std::string>> outputs;      // file -> regex of one line
  std::vector<std::pair<std::string, std::string>> output_strictly_contains;  // actual -> expected
};

struct RunResult {
  int exit_status = -1;
  std::string out, err;
  std::string command;  // for messages
};

// Reads every case of falco_tests.yaml; fixture paths are made absolute under fixture_dir.
// default_rules replaces Falco's BUILD_DIR/.../falco_rules.yaml.
std::vector<LegacyCase> read_legacy_cases(const std::filesystem::path& tests_yaml,
                                          const std::filesystem::path& fixture_dir,
                                          const std::filesystem::path& default_rules);

// argv for the saker binary, as falco_test.py built falco's command line.
std::vector<std::string> legacy_command(const LegacyCase& c, const std::string& binary);

// Runs argv (no shell) with FALCO_HOSTNAME set, capturing stdout and stderr, killing it after
// timeout_s seconds.
RunResult run_process(const std::vector<std::string>& argv, int timeout_s);

// The harness's checks; each failure is one message (empty: the case passed).
std::vector<std::string> check_legacy_case(const LegacyCase& c, const RunResult& r);

// GoogleTest prints a parameter by its case name.
inline void PrintTo(const LegacyCase& c, std::ostream* os) { *os << c.name; }

}  // namespace saker::compat
