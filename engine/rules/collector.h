#pragma once
// Accumulates definitions across rules files with Falco's semantics: a later definition of the
// same name replaces the earlier one (keeping its position in the order), append adds to it,
// override replaces selected keys, an `enabled`-only rule item toggles an existing rule.
// Violations throw LoadError (caught by the reader, which stops at the first error of a file).
#include <map>
#include <string>
#include <vector>

#include "engine/rules/rule_info.h"

namespace saker::rules {

struct LoadError {
  ErrorCode code;
  std::string message;
  Context ctx;
};

class Collector {
 public:
  void define(ListInfo info);
  void append(ListInfo info);
  void define(MacroInfo info);
  void append(MacroInfo info);
  void define(RuleInfo info, bool source_known);
  void append(RuleUpdate update);
  void replace(RuleUpdate update);
  void enable(const std::string& name, bool enabled, const Context& ctx);
  void require_plugin(std::vector<PluginRequirement> alternatives) {
    plugins_.push_back(std::move(alternatives));
  }

  const std::vector<ListInfo>& lists() const { return lists_; }
  const std::vector<MacroInfo>& macros() const { return macros_; }
  const std::vector<RuleInfo>& rules() const { return rules_; }
  const std::vector<std::vector<PluginRequirement>>& plugins() const { return plugins_; }
  const ListInfo* find_list(const std::string& name) const;
  const MacroInfo* find_macro(const std::string& name) const;
  const RuleInfo* find_rule(const std::string& name) const;

 private:
  RuleInfo* find_prev_rule(const std::string& name, const std::string& source, const Context& ctx);
  uint32_t next_ = 0;
  std::vector<ListInfo> lists_;
  std::vector<MacroInfo> macros_;
  std::vector<RuleInfo> rules_;
  std::map<std::string, size_t> list_index_, macro_index_, rule_index_;
  std::vector<std::vector<PluginRequirement>> plugins_;
};

// Validates an exception's fields and comps (filling default comps) as Falco does at collection.
void validate_exception(ExceptionInfo& ex);

}  // namespace saker::rules
