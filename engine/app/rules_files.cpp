#include "engine/app/rules_files.h"

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;

namespace saker::app {

namespace {
bool is_yaml(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml";
}
}  // namespace

Status resolve_rules_files(const std::vector<std::string>& paths, bool from_command_line, RulesFiles* out) {
  *out = RulesFiles{};
  for (const auto& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      out->folders.push_back(path);
      std::vector<std::string> files;
      const auto opts = fs::directory_options::follow_directory_symlink | fs::directory_options::skip_permission_denied;
      for (const auto& e : fs::directory_iterator(path, opts, ec))
        if (fs::is_regular_file(e.path(), ec) && is_yaml(e.path())) files.push_back(e.path().string());
      std::sort(files.begin(), files.end());
      out->files.insert(out->files.end(), files.begin(), files.end());
    } else if (fs::exists(path, ec)) {
      out->files.push_back(path);
    } else if (from_command_line) {
      return Status::Error("-r " + path + ": no such file or directory");
    }
  }
  return Status::Ok();
}

}  // namespace saker::app
