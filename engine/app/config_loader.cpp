#include "engine/app/config_loader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/app/config_schema.h"

namespace fs = std::filesystem;

namespace saker::config {

namespace {

constexpr const char* kIncludeKey = "config_files";

Status first_error(const Diagnostics& d) {
  for (const auto& item : d.items())
    if (item.is_error()) return Status::Error(item.to_string());
  return Status::Ok();
}

bool read_file(const std::string& path, std::string* text, std::string* error) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    *error = "is a directory";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = std::string("cannot open: ") + std::strerror(errno);
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  *text = ss.str();
  return true;
}

// Parses, expands variables and validates one document. Returns false on errors.
bool load_document(const std::string& text, const std::string& name,
                   const std::function<std::string(const std::string&, bool*)>& lookup, YAML::Node* out,
                   Diagnostics* diags) {
  if (!parse_yaml(text, name, out, diags).ok()) return false;
  expand_variables(*out, lookup);
  Diagnostics local;
  Reporter r(name, &local);
  validate_node(config_schema(), *out, "", r);
  diags->append(local);
  return !local.has_errors();
}

// Merges an included document into the root, as Falco does for each strategy.
void merge(YAML::Node& root, const YAML::Node& inc, IncludeStrategy strategy) {
  for (const auto& kv : inc) {
    const std::string key = kv.first.Scalar();
    switch (strategy) {
      case IncludeStrategy::kAppend:
        if (kv.second.IsSequence() && (!root[key] || root[key].IsSequence())) {
          for (const auto& item : kv.second) root[key].push_back(item);
          break;
        }
        [[fallthrough]];
      case IncludeStrategy::kOverride:
        root[key] = kv.second;
        break;
      case IncludeStrategy::kAddOnly:
        if (!root[key]) root[key] = kv.second;
        break;
    }
  }
}

// The node at `path` in the tree (undefined if absent), without creating anything.
YAML::Node node_at(const YAML::Node& root, const std::vector<PathElem>& path) {
  YAML::Node cur = root;
  for (const auto& e : path) {
    YAML::Node next;
    if (e.type == PathElem::Type::kKey) {
      if (!cur.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
      next = cur[e.key];
    } else {
      if (!cur.IsSequence()) return YAML::Node(YAML::NodeType::Undefined);
      const size_t idx = e.type == PathElem::Type::kAppend ? cur.size() - 1 : e.index;
      if (idx >= cur.size()) return YAML::Node(YAML::NodeType::Undefined);
      next = cur[idx];
    }
    cur.reset(next);
  }
  return cur;
}

// Validates what one override set, naming the override as the origin.
void validate_override(const YAML::Node& root, const Override& ov, const std::vector<PathElem>& touched,
                       Diagnostics* diags) {
  Reporter r(ov.origin, diags);
  const std::string path = path_to_string(touched);
  const Key* key = find_key(config_schema(), path_keys(touched));
  YAML::Node node = node_at(root, touched);
  if (!key) {
    r.warning(node, "unknown key '" + path + "'");
    return;
  }
  if (!touched.empty() && touched.back().type != PathElem::Type::kKey) {
    if (key->kind == Kind::kList && !key->fields.empty()) {
      validate_node(key->fields[0], node, path, r);
    } else if (key->kind == Kind::kStringList) {
      if (!node.IsScalar()) r.error(node, "'" + path + "' expects a string");
    } else {
      r.error(node, "'" + path_to_string({touched.begin(), touched.end() - 1}) + "' is not a list");
    }
    return;
  }
  validate_node(*key, node, path, r);
}

std::vector<std::string> directory_files(const fs::path& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  const auto opts = fs::directory_options::follow_directory_symlink | fs::directory_options::skip_permission_denied;
  for (const auto& e : fs::directory_iterator(dir, opts, ec))
    if (fs::is_regular_file(e.path(), ec)) files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  if (fs::equivalent(a, b, ec)) return true;
  return fs::weakly_canonical(a, ec) == fs::weakly_canonical(b, ec);
}

}  // namespace

Status parse_yaml(const std::string& text, const std::string& name, YAML::Node* out, Diagnostics* diags) {
  try {
    *out = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    Diagnostic d;
    d.origin = name;
    if (!e.mark.is_null()) {
      d.line = e.mark.line + 1;
      d.column = e.mark.column + 1;
    }
    d.message = "invalid YAML: " + e.msg;
    diags->add(d);
    return Status::Error(d.to_string());
  }
  if (!out->IsDefined() || out->IsNull()) {
    *out = YAML::Node(YAML::NodeType::Map);  // an empty file is an empty configuration
  } else if (!out->IsMap()) {
    Diagnostic d;
    d.origin = name;
    d.line = out->Mark().line + 1;
    d.column = out->Mark().column + 1;
    d.message = "expects a map of configuration keys at the top level";
    diags->add(d);
    return Status::Error(d.to_string());
  }
  return Status::Ok();
}

void expand_variables(YAML::Node node, const std::function<std::string(const std::string&, bool*)>& lookup) {
  if (node.IsMap()) {
    for (auto kv : node) expand_variables(kv.second, lookup);
    return;
  }
  if (node.IsSequence()) {
    for (auto item : node) expand_variables(item, lookup);
    return;
  }
  if (!node.IsScalar()) return;
  const std::string& in = node.Scalar();
  if (in.find("${") == std::string::npos) return;
  std::string out;
  for (size_t i = 0; i < in.size();) {
    if (in.compare(i, 3, "$${") == 0) {  // escaped: keep "${" literally
      out += "${";
      i += 3;
      continue;
    }
    if (in.compare(i, 2, "${") == 0) {
      const size_t end = in.find('}', i + 2);
      if (end == std::string::npos) {
        out += in.substr(i);
        break;
      }
      bool found = false;
      out += lookup(in.substr(i + 2, end - i - 2), &found);
      i = end + 1;
      continue;
    }
    out += in[i++];
  }
  node = out;
}

std::string dump_yaml(const YAML::Node& tree) {
  YAML::Emitter e;
  e << tree;
  return e.c_str();
}

Status load_config(const LoadOptions& options, LoadedConfig* out) {
  *out = LoadedConfig{};
  Diagnostics& diags = out->diagnostics;
  auto env = options.getenv ? options.getenv : [](const char* n) -> const char* { return std::getenv(n); };
  auto lookup = [&](const std::string& name, bool* found) -> std::string {
    if (const char* v = env(name.c_str())) {
      *found = true;
      return v;
    }
    if (auto it = options.variables.find(name); it != options.variables.end()) {
      *found = true;
      return it->second;
    }
    *found = false;
    return "";
  };

  // 1. The main document.
  std::string text;
  if (options.path.empty()) {
    out->main_file = options.builtin_name;
    text = options.builtin_text;
  } else {
    out->main_file = options.path;
    std::string err;
    if (!read_file(options.path, &text, &err)) {
      Diagnostic d{Diagnostic::Severity::kError, options.path, 0, 0, "cannot read configuration file: " + err};
      diags.add(d);
      return Status::Error(d.to_string());
    }
  }
  YAML::Node root;
  if (!load_document(text, out->main_file, lookup, &root, &diags)) return first_error(diags);

  // 2. `-o config_files...` first, so that command-line includes are merged like the others.
  auto apply_all = [&](const std::vector<Override>& list, bool only_includes) {
    for (const auto& ov : list) {
      const bool is_include = ov.key.rfind(kIncludeKey, 0) == 0;
      if (only_includes != is_include) continue;
      std::vector<PathElem> touched;
      if (Status s = apply_override(root, ov, &touched); !s.ok()) {
        diags.add(Diagnostic{Diagnostic::Severity::kError, ov.origin, 0, 0, s.message()});
        continue;
      }
      validate_override(root, ov, touched, &diags);
    }
  };
  apply_all(options.overrides, true);
  if (diags.has_errors()) return first_error(diags);

  // 3. Includes: files, or every regular file of a directory in name order.
  Config includes_cfg;
  if (const YAML::Node inc = root[kIncludeKey]; inc) apply_node(*config_schema().field(kIncludeKey), inc, includes_cfg);
  for (const ConfigInclude& inc : includes_cfg.config_files) {
    if (!options.path.empty() && same_file(inc.path, options.path)) {
      diags.add(Diagnostic{Diagnostic::Severity::kError, out->main_file, 0, 0,
                           "'config_files' tries to include the main configuration file " + inc.path});
      return first_error(diags);
    }
    std::error_code ec;
    std::vector<std::string> files;
    if (fs::is_directory(inc.path, ec)) files = directory_files(inc.path);
    else if (fs::exists(inc.path, ec)) files.push_back(inc.path);
    else continue;  // as Falco: a missing include is skipped
    for (const auto& f : files) {
      std::string inc_text, err;
      if (!read_file(f, &inc_text, &err)) {
        diags.add(Diagnostic{Diagnostic::Severity::kError, f, 0, 0, "cannot read included configuration file: " + err});
        return first_error(diags);
      }
      YAML::Node doc;
      if (!load_document(inc_text, f, lookup, &doc, &diags)) return first_error(diags);
      for (const auto& kv : doc) {
        if (kv.first.Scalar() == kIncludeKey) {
          Reporter(f, &diags).error(kv.first, "'config_files' directive in included config file (only the main "
                                              "configuration may include files)");
          return first_error(diags);
        }
      }
      merge(root, doc, inc.strategy);
      out->included_files.push_back(f);
    }
  }

  // 4. `-o` overrides, then the flags' settings.
  apply_all(options.overrides, false);
  apply_all(options.flag_overrides, false);
  if (diags.has_errors()) return first_error(diags);

  // 5. Checks across documents.
  if (root["rules_file"] && root["rules_files"]) {
    bool reported = false;
    for (const auto& d : diags.items()) reported = reported || (d.is_error() && d.message.find("'rules_file'") != std::string::npos);
    if (!reported) {
      diags.add(Diagnostic{Diagnostic::Severity::kError, out->main_file, 0, 0,
                           "both 'rules_files' and 'rules_file' keys set"});
      return first_error(diags);
    }
  }

  // 6. The typed struct.
  apply_node(config_schema(), root, out->config);
  // rules_file and rules_files both fill rules_files; when both were set we stopped above.
  out->tree = root;
  return Status::Ok();
}

}  // namespace saker::config
