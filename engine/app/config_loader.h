#pragma once
// Loads the configuration as Falco does: the main YAML file, then the files and directories named
// by `config_files` (each with its merge strategy), then `-o` overrides, then the settings implied
// by command-line flags. `${VAR}` in values is replaced from the environment (`$${` escapes).
// Every document is checked against config_schema(): unknown keys are warnings, wrong types and
// bad YAML are errors with file:line:column (1-based).
#include <yaml-cpp/yaml.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "engine/app/config.h"
#include "engine/app/config_override.h"
#include "engine/app/diagnostics.h"
#include "engine/common/status.h"

namespace saker::config {

struct LoadOptions {
  // The main file. When empty, `builtin_text` is used and named `builtin_name` in messages.
  std::string path;
  std::string builtin_text;
  std::string builtin_name = "<built-in saker.yaml>";
  std::vector<Override> overrides;      // `-o`, in command-line order
  std::vector<Override> flag_overrides; // implied by flags (-e, -u, -U, ...), applied last
  // `${NAME}` lookups: the environment first, then these (e.g. SAKER_RULES_DIR).
  std::map<std::string, std::string> variables;
  std::function<const char*(const char*)> getenv;  // defaults to ::getenv
};

struct LoadedConfig {
  Config config;
  YAML::Node tree;                          // merged document (for --support and dumps)
  std::string main_file;                    // path, or the built-in name
  std::vector<std::string> included_files;  // in merge order
  Diagnostics diagnostics;                  // warnings; errors too when loading failed
};

// On failure the Status carries the first error ("file:line:col: message"); every diagnostic is
// in out->diagnostics.
Status load_config(const LoadOptions& options, LoadedConfig* out);

// Parses one YAML document; a parse error becomes "name:line:col: message".
Status parse_yaml(const std::string& text, const std::string& name, YAML::Node* out, Diagnostics* diags);

// Replaces ${VAR} in every scalar of the tree; `$${X}` becomes the literal `${X}`.
void expand_variables(YAML::Node node, const std::function<std::string(const std::string&, bool*)>& lookup);

// YAML text of the merged tree.
std::string dump_yaml(const YAML::Node& tree);

}  // namespace saker::config
