#pragma once
// Where the default configuration and the default rules are, when `-c` is not given:
//   1. /etc/saker/saker.yaml           (the administrator's copy)
//   2. SAKER_INSTALL_DATADIR/saker.yaml (installed with the binary)
//   3. <binary dir>/../share/saker/saker.yaml (a relocated install)
//   4. SAKER_SOURCE_DIR/engine/app/saker.yaml (running from the build tree)
//   5. the copy of engine/app/saker.yaml compiled into the binary.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace saker::app {

std::filesystem::path executable_dir();

std::vector<std::filesystem::path> default_config_candidates(const std::filesystem::path& exe_dir);

// The first existing candidate; nullopt means: use builtin_config().
std::optional<std::filesystem::path> find_default_config(const std::filesystem::path& exe_dir);

// engine/app/saker.yaml as it was at build time.
std::string_view builtin_config();

// The directory of our default ruleset (the one holding saker_rules.yaml): /etc/saker,
// SAKER_INSTALL_DATADIR[/rules], <binary dir>/../share/saker[/rules], SAKER_SOURCE_DIR/rules.
// Offered to the configuration as ${SAKER_RULES_DIR} unless the environment sets it.
std::string default_rules_dir(const std::filesystem::path& exe_dir);

}  // namespace saker::app
