#pragma once
// Reads one rules file (YAML, one or more documents, each a sequence of items) into a Collector.
// Every diagnostic carries the line and column of the YAML node concerned. The first error stops
// the file, as in Falco.
#include <set>
#include <string>

#include "engine/rules/collector.h"
#include "engine/rules/load_result.h"

namespace saker::rules {

struct ReaderOptions {
  std::set<std::string> sources = {"syscall"};  // event sources this engine knows
  std::string engine_version = "0.58.0";        // semver checked against required_engine_version
};

// Returns false when the file had an error (recorded in result).
bool read_rules(const std::string& name, const std::string& content, const ReaderOptions& options,
                Collector& collector, LoadResult& result);

// Semantic version "x.y.z"; a bare number N (the legacy form) means 0.N.0.
struct Version {
  uint64_t major = 0, minor = 0, patch = 0;
};
bool parse_version(const std::string& text, Version* out);
// Same major and engine >= required.
bool version_compatible(const Version& engine, const Version& required);

}  // namespace saker::rules
