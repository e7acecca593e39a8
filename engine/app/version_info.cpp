#include "engine/app/version_info.h"

#include <sys/utsname.h>

#include "saker_version.h"

namespace saker::app {

VersionInfo version_info() {
  VersionInfo v;
  v.saker_version = SAKER_VERSION;
  struct utsname u {};
  v.machine = ::uname(&u) == 0 ? u.machine : "unknown";
  // The rules stage owns these two values; they say which Falco rules we aim to load.
  v.engine_version = "0.57.0";
  v.event_schema = "4.5.1";  // falcosecurity/libs driver SCHEMA_VERSION our event table follows
  v.driver_api = "none (no driver built yet)";
  v.default_driver = "none";
  return v;
}

nlohmann::json VersionInfo::as_json() const {
  return nlohmann::json{{"saker_version", saker_version}, {"machine", machine},
                        {"engine_version", engine_version}, {"driver_schema_version", event_schema},
                        {"driver_api_version", driver_api}, {"default_driver_version", default_driver}};
}

std::string VersionInfo::as_text() const {
  std::string s;
  s += "saker version " + saker_version + " (" + machine + ")\n";
  s += "Engine:        " + engine_version + "\n";
  s += "Driver:\n";
  s += "  API version:    " + driver_api + "\n";
  s += "  Schema version: " + event_schema + "\n";
  s += "  Default driver: " + default_driver + "\n";
  return s;
}

}  // namespace saker::app
