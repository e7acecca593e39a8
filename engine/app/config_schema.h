#pragma once
// The known configuration keys: for each, its YAML kind, its constraints and where its value goes
// in the typed Config. One table serves three purposes: warning about unknown keys, validating
// types with their locations, and filling Config. Adding a key is adding one line to
// config_schema.cpp.
#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "engine/app/config.h"
#include "engine/app/diagnostics.h"

namespace saker::config {

enum class Kind {
  kBool,
  kInt,
  kDouble,
  kString,
  kEnum,
  kDuration,   // "1h", "500ms", or a bare number of milliseconds
  kByteSize,   // 8388608, "8M"
  kFileMode,   // octal "0660"
  kStringList, // a list of strings (or one string when scalar_as_list)
  kStringMap,  // a map of string to string
  kMap,        // known sub-keys in `fields`
  kList,       // items described by fields[0]
  kAny,        // anything (plugin init_config)
};

// Collects diagnostics for one origin (a file, or a `-o` option), turning yaml-cpp's 0-based marks
// into 1-based line and column.
class Reporter {
 public:
  Reporter(std::string origin, Diagnostics* out) : origin_(std::move(origin)), out_(out) {}
  void error(const YAML::Node& at, std::string message) { add(Diagnostic::Severity::kError, at, std::move(message)); }
  void warning(const YAML::Node& at, std::string message) { add(Diagnostic::Severity::kWarning, at, std::move(message)); }
  const std::string& origin() const { return origin_; }

 private:
  void add(Diagnostic::Severity sev, const YAML::Node& at, std::string message);
  std::string origin_;
  Diagnostics* out_;
};

struct Key {
  Key() = default;
  Key(std::string n, Kind k) : name(std::move(n)), kind(k) {}

  std::string name;
  Kind kind = Kind::kAny;
  int64_t min = std::numeric_limits<int64_t>::min();
  int64_t max = std::numeric_limits<int64_t>::max();
  double dmin = -std::numeric_limits<double>::infinity();
  double dmax = std::numeric_limits<double>::infinity();
  std::string range_message;          // replaces the generic out-of-range message
  std::vector<std::string> choices;   // kEnum spellings (lower case when case_insensitive)
  bool case_insensitive = false;
  bool scalar_as_list = false;        // kStringList/kList: a single scalar counts as a list of one
  std::string deprecation;            // non-empty: warn when the key is present
  std::vector<Key> fields;            // kMap: sub-keys; kList: fields[0] describes each item
  // Stores a (valid) node into Config. Maps without `apply` recurse into their fields.
  std::function<void(Config&, const YAML::Node&)> apply;
  // Extra checks beyond the kind (cross-item rules such as drop actions).
  std::function<void(const YAML::Node&, const std::string& path, Reporter&)> check;

  const Key* field(std::string_view n) const;
};

// The root of the schema (a kMap over every top-level key).
const Key& config_schema();

// The schema entry for a dotted path such as "file_output.enabled" or "rules.disable.tag" (list
// indices left out), or nullptr when unknown.
const Key* find_key(const Key& root, const std::vector<std::string>& path);

// Checks `node` against `key`; `path` names the node in messages ("file_output.enabled").
void validate_node(const Key& key, const YAML::Node& node, const std::string& path, Reporter& r);

// Fills `cfg` from a node that validated without errors.
void apply_node(const Key& key, const YAML::Node& node, Config& cfg);

// "a boolean", "one of first, all", ... for messages.
std::string describe(const Key& key);

}  // namespace saker::config
