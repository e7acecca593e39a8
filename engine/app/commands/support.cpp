#include "engine/app/commands/support.h"

#include <sys/utsname.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "engine/app/version_info.h"

namespace saker::app {

namespace {
std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

nlohmann::json support_info(const AppContext& ctx) {
  nlohmann::json j;
  struct utsname u {};
  if (::uname(&u) == 0) {
    j["system_info"] = {{"sysname", u.sysname}, {"nodename", u.nodename}, {"release", u.release},
                        {"version", u.version}, {"machine", u.machine}};
  }
  const VersionInfo v = version_info();
  j["version"] = v.saker_version;
  j["engine_info"] = v.as_json();
  std::string cmdline;
  for (const auto& a : ctx.cli.argv) cmdline += (cmdline.empty() ? "" : " ") + a;
  j["cmdline"] = cmdline;
  j["config"] = config::dump_yaml(ctx.loaded.tree);
  j["config_files"] = nlohmann::json::array();
  j["config_files"].push_back(ctx.loaded.main_file);
  for (const auto& f : ctx.loaded.included_files) j["config_files"].push_back(f);
  j["rules_files"] = nlohmann::json::array();
  for (const auto& f : ctx.rules.files) {
    nlohmann::json variant = {{"content", slurp(f)}};
    j["rules_files"].push_back({{"name", f}, {"variants", nlohmann::json::array({variant})}});
  }
  return j;
}

int run_support(const AppContext& ctx) {
  std::printf("%s\n", support_info(ctx).dump().c_str());
  return 0;
}

}  // namespace saker::app
