#pragma once
// What every command receives: the parsed command line, the loaded configuration and the rules
// files to load. Built once by app.cpp; read-only afterwards.
#include "engine/app/cli_options.h"
#include "engine/app/config_loader.h"
#include "engine/app/rules_files.h"

namespace saker::app {

struct AppContext {
  CliOptions cli;
  config::LoadedConfig loaded;  // loaded.config is the typed configuration
  RulesFiles rules;             // -r paths if given, else the configuration's rules_files
  // How `loaded` was made (file, -o, flag overrides), so SIGHUP / watch_config_files can load
  // the configuration again the same way.
  config::LoadOptions load_options;

  const config::Config& config() const { return loaded.config; }
};

}  // namespace saker::app
