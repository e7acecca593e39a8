#pragma once
// Turns rules paths (from -r, or the configuration's rules_files) into the list of files to load,
// as Falco does: a directory contributes its regular *.yaml/*.yml files in name order; a file is
// taken as is. Missing entries of the configuration are skipped; a missing -r path is an error.
#include <string>
#include <vector>

#include "engine/common/status.h"

namespace saker::app {

struct RulesFiles {
  std::vector<std::string> files;    // in load order
  std::vector<std::string> folders;  // directories that were expanded
};

Status resolve_rules_files(const std::vector<std::string>& paths, bool from_command_line, RulesFiles* out);

}  // namespace saker::app
