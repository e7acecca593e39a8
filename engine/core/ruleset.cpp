#include "engine/core/ruleset.h"

#include <fnmatch.h>

#include <algorithm>
#include <cctype>
#include <ostream>

#include "engine/core/condition_compiler.h"

namespace saker::core {

Status Ruleset::build(const rules::CompiledRuleset& rules, const filter::FieldProvider& fields) {
  rules_.clear();
  ConditionCompiler compiler(fields);
  uint32_t id = 0;
  for (const auto& r : rules.rules) {
    if (r.source != "syscall" || !r.condition) continue;
    CompileError err;
    auto cond = compiler.compile(*r.condition, &err);
    if (!cond) {
      return Status::Error("rule '" + r.name + "': " + err.message + " (condition column " +
                           std::to_string(err.pos.column) + ")");
    }
    RuntimeRule rr;
    rr.info = &r;
    rr.condition = std::move(cond);
    rr.selected = r.enabled;
    rr.id = id++;
    universe_ = std::max(universe_, r.event_types.universe());
    rules_.push_back(std::move(rr));
  }
  return select(RuleSelection{});
}

namespace {

bool has_tag(const RuntimeRule& r, const std::string& tag) { return r.info->tags.count(tag) > 0; }

bool wildcard_match(const std::string& pattern, const std::string& name) {
  return ::fnmatch(pattern.c_str(), name.c_str(), 0) == 0;
}

}  // namespace

Status Ruleset::select(const RuleSelection& s) {
  if (!s.run_tags.empty() && (!s.disable_tags.empty() || !s.disable_name_substrings.empty())) {
    return Status::Error("You can not specify both disabled (-D/-T) and enabled (-t) rules");
  }
  for (auto& r : rules_) {
    r.selected = r.info->enabled;
    if (!s.run_tags.empty()) {
      r.selected = std::any_of(s.run_tags.begin(), s.run_tags.end(),
                               [&](const std::string& t) { return has_tag(r, t); });
    }
    for (const auto& t : s.toggles) {
      if (t.by_tag ? has_tag(r, t.pattern) : wildcard_match(t.pattern, r.info->name)) {
        r.selected = t.enable;
      }
    }
    for (const auto& t : s.disable_tags) {
      if (has_tag(r, t)) r.selected = false;
    }
    for (const auto& sub : s.disable_name_substrings) {
      if (r.info->name.find(sub) != std::string::npos) r.selected = false;
    }
    if (r.info->priority > s.min_priority) r.selected = false;
  }
  by_type_.assign(universe_, {});
  for (auto& r : rules_) {
    if (!r.selected) continue;
    for (uint16_t t : r.info->event_types.ids()) {
      if (t < by_type_.size()) by_type_[t].push_back(&r);
    }
  }
  return Status::Ok();
}

filter::EventTypeSet Ruleset::event_types() const {
  filter::EventTypeSet set(universe_);
  for (const auto& r : rules_) {
    if (r.selected) set.unite(r.info->event_types);
  }
  return set;
}

size_t Ruleset::selected_count() const {
  return static_cast<size_t>(
      std::count_if(rules_.begin(), rules_.end(), [](const RuntimeRule& r) { return r.selected; }));
}

void Ruleset::print_summary(std::ostream& out) const {
  out << "Events detected: " << total_ << "\n";
  out << "Rule counts by severity:\n";
  for (size_t p = 0; p < 8; ++p) {
    if (by_priority_[p] == 0) continue;
    auto prio = static_cast<rules::Priority>(p);
    std::string name = prio == rules::Priority::Informational ? "Info" : rules::priority_name(prio);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    out << "   " << name << ": " << by_priority_[p] << "\n";
  }
  out << "Triggered rules by rule name:\n";
  for (const auto& r : rules_) {
    if (r.matches > 0) out << "   " << r.info->name << ": " << r.matches << "\n";
  }
}

}  // namespace saker::core
