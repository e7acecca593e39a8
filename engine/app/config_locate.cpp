#include "engine/app/config_locate.h"

#include <unistd.h>

#include <system_error>

#include "saker_version.h"

// Generated at build time from saker.yaml (see CMakeLists.txt).
extern const char saker_builtin_config[];
extern const unsigned long saker_builtin_config_size;

namespace fs = std::filesystem;

namespace saker::app {

fs::path executable_dir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  return exe.parent_path();
}

std::vector<fs::path> default_config_candidates(const fs::path& exe_dir) {
  std::vector<fs::path> c = {"/etc/saker/saker.yaml", fs::path(SAKER_INSTALL_DATADIR) / "saker.yaml"};
  if (!exe_dir.empty()) c.push_back(exe_dir / ".." / "share" / "saker" / "saker.yaml");
  c.push_back(fs::path(SAKER_SOURCE_DIR) / "engine" / "app" / "saker.yaml");
  return c;
}

std::optional<fs::path> find_default_config(const fs::path& exe_dir) {
  for (const auto& p : default_config_candidates(exe_dir)) {
    std::error_code ec;
    if (fs::is_regular_file(p, ec)) return p.lexically_normal();
  }
  return std::nullopt;
}

std::string_view builtin_config() { return {saker_builtin_config, saker_builtin_config_size}; }

std::string default_rules_dir(const fs::path& exe_dir) {
  std::vector<fs::path> dirs = {"/etc/saker", fs::path(SAKER_INSTALL_DATADIR) / "rules", SAKER_INSTALL_DATADIR};
  if (!exe_dir.empty()) {
    dirs.push_back(exe_dir / ".." / "share" / "saker" / "rules");
    dirs.push_back(exe_dir / ".." / "share" / "saker");
    dirs.push_back(exe_dir);  // a flat folder of static binaries and rules (wrappers/, Dockerfile)
  }
  const fs::path source_rules = fs::path(SAKER_SOURCE_DIR) / "rules";
  dirs.push_back(source_rules);
  for (const auto& d : dirs) {
    std::error_code ec;
    if (fs::is_regular_file(d / "saker_rules.yaml", ec)) return d.lexically_normal().string();
  }
  return source_rules.string();
}

}  // namespace saker::app
