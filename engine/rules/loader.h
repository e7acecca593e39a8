#pragma once
// Loading Falco rules files: the public entry point of engine/rules.
//
//   saker::rules::Loader loader(options);
//   for (auto& r : loader.load_path("/etc/saker/rules.d")) std::cout << r.as_text(true);
//   const CompiledRuleset& rs = loader.ruleset();
//
// Files load in order (a directory's entries alphabetically); definitions accumulate across
// files, and after each file everything collected so far is compiled again, so each file's
// result carries the diagnostics Falco would give after loading that file.
#include <filesystem>
#include <string>
#include <vector>

#include "engine/rules/collector.h"
#include "engine/rules/compiler.h"
#include "engine/rules/load_result.h"
#include "engine/rules/reader.h"

namespace saker::rules {

struct LoaderOptions {
  ReaderOptions reader;
  CompilerOptions compiler;  // fields: null defers field checks; event_types: see CompilerOptions
};

class Loader {
 public:
  explicit Loader(LoaderOptions options = {});

  // Loads one rules file's content under a display name.
  LoadResult load(const std::string& name, const std::string& content);
  // Reads and loads one file (LOAD_ERR_FILE_READ when unreadable).
  LoadResult load_file(const std::filesystem::path& path);
  // A file, or a directory's regular files in alphabetical order.
  std::vector<LoadResult> load_path(const std::filesystem::path& path);

  // The ruleset compiled after the last successful load.
  const CompiledRuleset& ruleset() const { return ruleset_; }
  const Collector& collector() const { return collector_; }
  // The content of every loaded file by name (for snippets in verbose text and JSON output).
  const std::string& content(const std::string& name) const;

 private:
  LoaderOptions options_;
  Collector collector_;
  CompiledRuleset ruleset_;
  std::vector<std::pair<std::string, std::string>> contents_;
};

}  // namespace saker::rules
