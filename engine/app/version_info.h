#pragma once
// The versions `saker --version` and `saker --support` report, Falco style.
#include <nlohmann/json.hpp>

#include <string>

namespace saker::app {

struct VersionInfo {
  std::string saker_version;   // SAKER_VERSION
  std::string machine;         // uname -m
  std::string engine_version;  // the Falco rules engine version our rules loader accepts
  std::string event_schema;    // the scap event schema our events follow
  std::string driver_api;      // our drivers' interface version, "none" until built
  std::string default_driver;

  nlohmann::json as_json() const;
  std::string as_text() const;
};

VersionInfo version_info();

}  // namespace saker::app
