#pragma once
// What the reader collects from rules files, before compilation: lists, macros and rules as
// written (after appends and overrides), each with its context for diagnostics.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/rules/load_result.h"

namespace saker::rules {

// Falco priorities, most severe first (numeric order as Falco's).
enum class Priority : uint8_t { Emergency, Alert, Critical, Error, Warning, Notice, Informational, Debug };
bool parse_priority(std::string_view text, Priority* out);  // case-insensitive, "info" accepted
const char* priority_name(Priority p);                        // "Warning"

struct ListInfo {
  Context ctx;
  std::string name;
  std::vector<std::string> items;
  uint32_t index = 0;       // order of first definition
  uint32_t visibility = 0;  // order of the last definition/append: sees lists defined before it
};

struct MacroInfo {
  Context ctx, cond_ctx;
  std::string name;
  std::string cond;
  uint32_t index = 0;
  uint32_t visibility = 0;
};

// One of fields / comps / a value of an exception: a string or a (nested) list of them.
struct ExceptionEntry {
  bool defined = false;
  bool is_list = false;
  std::string item;
  std::vector<ExceptionEntry> items;
};

struct ExceptionInfo {
  Context ctx;
  std::string name;
  ExceptionEntry fields, comps;
  std::vector<ExceptionEntry> values;
};

struct RuleInfo {
  Context ctx, cond_ctx, output_ctx;
  std::string name, cond, output, desc, source = "syscall";
  Priority priority = Priority::Debug;
  std::set<std::string> tags;
  std::vector<ExceptionInfo> exceptions;
  bool enabled = true, warn_evttypes = true, skip_if_unknown_filter = false, capture = false;
  uint64_t capture_duration = 0;
  uint32_t index = 0, visibility = 0;
  bool unknown_source = false;
};

// An append or a selective replace of an existing rule.
struct RuleUpdate {
  Context ctx;
  std::string name, source;
  std::optional<std::string> cond, output, desc;
  std::optional<std::set<std::string>> tags;
  std::optional<std::vector<ExceptionInfo>> exceptions;
  std::optional<Priority> priority;
  std::optional<bool> enabled, warn_evttypes, skip_if_unknown_filter, capture;
  std::optional<uint64_t> capture_duration;
  bool has_any_value() const {
    return cond || output || desc || tags || exceptions || priority || enabled || warn_evttypes ||
           skip_if_unknown_filter || capture || capture_duration;
  }
};

struct PluginRequirement {
  std::string name, version;
};

}  // namespace saker::rules
