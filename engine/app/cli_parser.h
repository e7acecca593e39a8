#pragma once
// The `saker` command line (CLI11) turned into CliOptions. Parsing never performs a command: it
// only checks syntax and values. Every error is one line naming the flag.
#include <string>
#include <vector>

#include "engine/app/cli_options.h"

namespace saker::app {

struct ParseResult {
  enum class Kind { kOk, kHelp, kError };
  Kind kind = Kind::kOk;
  std::string text;  // kHelp: the help to print on stdout; kError: one line without "saker: "
  int exit_code() const { return kind == Kind::kError ? 1 : 0; }
};

// args[0] is the program name.
ParseResult parse_command_line(const std::vector<std::string>& args, CliOptions* out);

}  // namespace saker::app
