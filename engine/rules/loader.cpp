#include "engine/rules/loader.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace saker::rules {

Loader::Loader(LoaderOptions options) : options_(std::move(options)) {}

LoadResult Loader::load(const std::string& name, const std::string& content) {
  LoadResult result(name);
  contents_.emplace_back(name, content);
  if (!read_rules(name, content, options_.reader, collector_, result)) return result;
  CompiledRuleset compiled;
  if (compile_rules(collector_, options_.compiler, &compiled, result)) ruleset_ = std::move(compiled);
  return result;
}

LoadResult Loader::load_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  if (in) ss << in.rdbuf();
  if (!in || in.bad()) {
    LoadResult result(path.string());
    result.add_error(ErrorCode::LOAD_ERR_FILE_READ, "Could not read rules file " + path.string(),
                     Context(path.string()));
    return result;
  }
  return load(path.string(), ss.str());
}

std::vector<LoadResult> Loader::load_path(const std::filesystem::path& path) {
  std::vector<LoadResult> results;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    std::vector<std::filesystem::path> entries;
    for (const auto& e : std::filesystem::directory_iterator(path, ec)) {
      if (e.is_regular_file(ec)) entries.push_back(e.path());
    }
    std::sort(entries.begin(), entries.end());
    for (const auto& e : entries) results.push_back(load_file(e));
  } else {
    results.push_back(load_file(path));
  }
  return results;
}

const std::string& Loader::content(const std::string& name) const {
  static const std::string empty;
  for (auto it = contents_.rbegin(); it != contents_.rend(); ++it) {
    if (it->first == name) return it->second;
  }
  return empty;
}

}  // namespace saker::rules
