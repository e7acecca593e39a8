#include "engine/rules/collector.h"

#include <strings.h>

#include <algorithm>

#include "engine/filter/ast.h"

namespace saker::rules {

namespace {
constexpr const char* kPriorityNames[] = {"Emergency", "Alert",  "Critical",      "Error",
                                          "Warning",   "Notice", "Informational", "Debug"};

[[noreturn]] void fail(std::string message, const Context& ctx) {
  throw LoadError{ErrorCode::LOAD_ERR_VALIDATE, std::move(message), ctx};
}

void trim(std::string& s) {
  const char* ws = " \t\r\n";
  size_t z = s.find_last_not_of(ws);
  if (z == std::string::npos) {
    s.clear();
    return;
  }
  s.erase(z + 1);
  s.erase(0, s.find_first_not_of(ws));
}

bool is_known_operator(const std::string& op) {
  filter::CmpOp parsed;
  return filter::parse_cmp_op(op, &parsed);
}
}  // namespace

bool parse_priority(std::string_view text, Priority* out) {
  std::string t(text);
  for (int i = 0; i < 8; ++i) {
    if (strcasecmp(t.c_str(), kPriorityNames[i]) == 0 ||
        (i == static_cast<int>(Priority::Informational) && strcasecmp(t.c_str(), "info") == 0)) {
      *out = static_cast<Priority>(i);
      return true;
    }
  }
  return false;
}

const char* priority_name(Priority p) { return kPriorityNames[static_cast<int>(p)]; }

void validate_exception(ExceptionInfo& ex) {
  if (ex.fields.is_list) {
    if (!ex.comps.defined) {
      ex.comps.defined = true;
      ex.comps.is_list = true;
      for (size_t i = 0; i < ex.fields.items.size(); ++i) {
        ExceptionEntry eq;
        eq.defined = true;
        eq.item = "=";
        ex.comps.items.push_back(eq);
      }
    }
    if (ex.fields.items.size() != ex.comps.items.size()) {
      fail("Fields and comps lists must have equal length", ex.ctx);
    }
    for (auto& c : ex.comps.items) {
      trim(c.item);
      if (!is_known_operator(c.item)) {
        fail("'" + c.item + "' is not a supported comparison operator", ex.ctx);
      }
    }
  } else {
    if (!ex.comps.defined) {
      ex.comps.defined = true;
      ex.comps.is_list = false;
      ex.comps.item = "in";
    }
    if (ex.comps.is_list) fail("Fields and comps must both be strings", ex.ctx);
    trim(ex.comps.item);
    if (ex.comps.item != "in" && ex.comps.item != "pmatch" && ex.comps.item != "intersects") {
      fail("When fields is a single value, comps must be one of (in, pmatch, intersects)", ex.ctx);
    }
  }
}

void Collector::define(ListInfo info) {
  auto it = list_index_.find(info.name);
  if (it != list_index_.end()) {
    info.index = lists_[it->second].index;
    info.visibility = next_++;
    lists_[it->second] = std::move(info);
    return;
  }
  info.index = info.visibility = next_++;
  list_index_.emplace(info.name, lists_.size());
  lists_.push_back(std::move(info));
}

void Collector::append(ListInfo info) {
  auto it = list_index_.find(info.name);
  if (it == list_index_.end()) {
    fail("List has 'append' key but no list by that name already exists", info.ctx);
  }
  ListInfo& prev = lists_[it->second];
  prev.items.insert(prev.items.end(), info.items.begin(), info.items.end());
  prev.visibility = next_++;
}

void Collector::define(MacroInfo info) {
  auto it = macro_index_.find(info.name);
  if (it != macro_index_.end()) {
    info.index = macros_[it->second].index;
    info.visibility = next_++;
    macros_[it->second] = std::move(info);
    return;
  }
  info.index = info.visibility = next_++;
  macro_index_.emplace(info.name, macros_.size());
  macros_.push_back(std::move(info));
}

void Collector::append(MacroInfo info) {
  auto it = macro_index_.find(info.name);
  if (it == macro_index_.end()) {
    fail("Macro has 'append' key but no macro by that name already exists", info.ctx);
  }
  MacroInfo& prev = macros_[it->second];
  prev.cond += " ";
  prev.cond += info.cond;
  prev.visibility = next_++;
}

RuleInfo* Collector::find_prev_rule(const std::string& name, const std::string& source,
                                    const Context& ctx) {
  auto it = rule_index_.find(name);
  if (it == rule_index_.end()) return nullptr;
  RuleInfo* prev = &rules_[it->second];
  if (!prev->source.empty() && !source.empty() && prev->source != source) {
    fail("Rule has been re-defined with a different source", ctx);
  }
  return prev;
}

void Collector::define(RuleInfo info, bool source_known) {
  find_prev_rule(info.name, info.source, info.ctx);
  info.unknown_source = !source_known;
  for (auto& ex : info.exceptions) {
    if (!ex.fields.defined) {
      fail("Rule exception item must have fields property with a list of fields", ex.ctx);
    }
    validate_exception(ex);
  }
  auto it = rule_index_.find(info.name);
  if (it != rule_index_.end()) {
    info.index = rules_[it->second].index;
    info.visibility = next_++;
    rules_[it->second] = std::move(info);
    return;
  }
  info.index = info.visibility = next_++;
  rule_index_.emplace(info.name, rules_.size());
  rules_.push_back(std::move(info));
}

void Collector::append(RuleUpdate u) {
  RuleInfo* prev = find_prev_rule(u.name, u.source, u.ctx);
  if (prev == nullptr) {
    fail("Rule has 'append' key but no rule by that name already exists", u.ctx);
  }
  if (!u.has_any_value()) fail("Appended rule must have exceptions or condition property", u.ctx);
  if (u.cond && !u.cond->empty()) prev->cond += " " + *u.cond;
  if (u.output && !u.output->empty()) prev->output += " " + *u.output;
  if (u.desc && !u.desc->empty()) prev->desc += " " + *u.desc;
  if (u.tags) prev->tags.insert(u.tags->begin(), u.tags->end());
  if (u.exceptions) {
    for (auto& ex : *u.exceptions) {
      auto same = std::find_if(prev->exceptions.begin(), prev->exceptions.end(),
                               [&](const ExceptionInfo& e) { return e.name == ex.name; });
      if (same == prev->exceptions.end()) {
        if (!ex.fields.defined) {
          fail("Rule exception must have fields property with a list of fields", ex.ctx);
        }
        if (ex.values.empty()) {
          fail("Rule exception must have values property with a list of values", ex.ctx);
        }
        validate_exception(ex);
        prev->exceptions.push_back(std::move(ex));
      } else {
        if (ex.fields.defined) {
          fail("Can not append exception fields to existing exception, only values", ex.ctx);
        }
        if (ex.comps.defined) {
          fail("Can not append exception comps to existing exception, only values", ex.ctx);
        }
        same->values.insert(same->values.end(), ex.values.begin(), ex.values.end());
      }
    }
  }
  prev->visibility = next_++;
}

void Collector::replace(RuleUpdate u) {
  RuleInfo* prev = find_prev_rule(u.name, u.source, u.ctx);
  if (prev == nullptr) {
    fail("An 'override.<key>: replace' to a rule was requested but no rule by that name already exists", u.ctx);
  }
  if (!u.has_any_value()) fail("The rule must have at least one field that can be replaced", u.ctx);
  if (u.cond) prev->cond = *u.cond;
  if (u.output) prev->output = *u.output;
  if (u.desc) prev->desc = *u.desc;
  if (u.tags) prev->tags = *u.tags;
  if (u.exceptions) {
    for (auto& ex : *u.exceptions) {
      if (!ex.fields.defined) {
        fail("Rule exception item must have fields property with a list of fields", ex.ctx);
      }
      validate_exception(ex);
    }
    prev->exceptions = *u.exceptions;
  }
  if (u.priority) prev->priority = *u.priority;
  if (u.capture) prev->capture = *u.capture;
  if (u.capture_duration) prev->capture_duration = *u.capture_duration;
  if (u.enabled) prev->enabled = *u.enabled;
  if (u.warn_evttypes) prev->warn_evttypes = *u.warn_evttypes;
  if (u.skip_if_unknown_filter) prev->skip_if_unknown_filter = *u.skip_if_unknown_filter;
  prev->visibility = next_++;
}

void Collector::enable(const std::string& name, bool enabled, const Context& ctx) {
  auto it = rule_index_.find(name);
  if (it == rule_index_.end()) fail("Rule has 'enabled' key but no rule by that name already exists", ctx);
  rules_[it->second].enabled = enabled;
}

const ListInfo* Collector::find_list(const std::string& name) const {
  auto it = list_index_.find(name);
  return it == list_index_.end() ? nullptr : &lists_[it->second];
}
const MacroInfo* Collector::find_macro(const std::string& name) const {
  auto it = macro_index_.find(name);
  return it == macro_index_.end() ? nullptr : &macros_[it->second];
}
const RuleInfo* Collector::find_rule(const std::string& name) const {
  auto it = rule_index_.find(name);
  return it == rule_index_.end() ? nullptr : &rules_[it->second];
}

}  // namespace saker::rules
