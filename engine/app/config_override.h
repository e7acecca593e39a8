#pragma once
// `-o key=value` overrides, as Falco accepts them: dotted keys, list items by index
// (`base_syscalls.custom_set[0]=open`) or appended with empty brackets
// (`rules[].disable.tag=network`), backslash escapes for literal dots and brackets in key names
// (`static_fields.k8s\.io/role=x`). A value written `{...}` or `[...]` is parsed as YAML; any
// other value is set as a string scalar and typed by the schema afterwards.
#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <string>
#include <vector>

#include "engine/common/status.h"

namespace saker::config {

struct PathElem {
  enum class Type { kKey, kIndex, kAppend };
  Type type = Type::kKey;
  std::string key;   // kKey
  size_t index = 0;  // kIndex
};

struct Override {
  std::string origin;  // how it is named in messages: "-o json_output=maybe", "-U", "-e"
  std::string key;
  std::string value;
};

// Splits "key=value" at the first '='.
Status parse_override(const std::string& text, Override* out);

// Parses a key such as `rules[].disable.tag` into its elements.
Status parse_key_path(const std::string& key, std::vector<PathElem>* out);

// Sets the value into the tree. `touched` receives the part of the path that names the node the
// override created or replaced (up to and including an appended list item, recorded with its
// index), which the loader then validates.
Status apply_override(YAML::Node& root, const Override& ov, std::vector<PathElem>* touched);

// "rules[3].disable" for messages; schema lookups use the keys only.
std::string path_to_string(const std::vector<PathElem>& path);
std::vector<std::string> path_keys(const std::vector<PathElem>& path);

}  // namespace saker::config
