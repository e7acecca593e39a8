#pragma once
// The rules the engine runs: every rule of the syscall source compiled once, selected (tags,
// names, minimum priority) and indexed by event type, so that an event runs only the rules that
// can match its type. Holds the per-rule and per-priority counters behind Falco's summary.
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "engine/common/status.h"
#include "engine/core/compiled_condition.h"
#include "engine/filter/evttypes.h"
#include "engine/filter/field_provider.h"
#include "engine/rules/compiler.h"

namespace saker::core {

// Falco's rule selection, applied in this order: -t (run only rules with these tags), the
// `rules:` config entries in order, -T (disable rules with these tags), -D (disable rules whose
// name contains the substring), then the minimum priority.
struct RuleSelection {
  std::vector<std::string> run_tags;
  struct Toggle {
    bool enable = false;
    bool by_tag = false;
    std::string pattern;  // rule name with '*' wildcards, or a tag
  };
  std::vector<Toggle> toggles;
  std::vector<std::string> disable_tags;
  std::vector<std::string> disable_name_substrings;
  rules::Priority min_priority = rules::Priority::Debug;
};

enum class RuleMatching : uint8_t { First, All };

struct RuntimeRule {
  const rules::CompiledRule* info = nullptr;  // owned by the CompiledRuleset
  std::unique_ptr<CompiledCondition> condition;
  bool selected = true;  // enabled after selection
  uint32_t id = 0;       // position in definition order
  uint64_t matches = 0;
};

class Ruleset {
 public:
  // Compiles every syscall-source rule of `rules` (which must outlive the Ruleset). Stops at
  // the first rule that does not compile, naming it.
  Status build(const rules::CompiledRuleset& rules, const filter::FieldProvider& fields);
  // Applies a selection and rebuilds the per-event-type index. Errors for contradictory
  // selections (Falco refuses -t together with -T or -D).
  Status select(const RuleSelection& selection);
  void set_matching(RuleMatching m) { matching_ = m; }

  // Runs the rules that can match an event of type `evt_type`; calls on_match(RuntimeRule&)
  // for each rule whose condition holds (only the first with RuleMatching::First). Returns the
  // number of matches. Allocates nothing.
  template <typename F>
  size_t match(uint16_t evt_type, const filter::EvalContext& ctx, F&& on_match) {
    if (evt_type >= by_type_.size()) return 0;
    size_t n = 0;
    for (RuntimeRule* r : by_type_[evt_type]) {
      if (!r->condition->eval(ctx)) continue;
      ++r->matches;
      ++by_priority_[static_cast<size_t>(r->info->priority)];
      ++total_;
      ++n;
      on_match(*r);
      if (matching_ == RuleMatching::First) break;
    }
    return n;
  }

  // Event types of the selected rules (what the sources must capture).
  filter::EventTypeSet event_types() const;
  size_t selected_count() const;
  const std::vector<RuntimeRule>& rules() const { return rules_; }
  uint64_t total_matches() const { return total_; }

  // Falco's end-of-run summary ("Events detected: N", "Rule counts by severity:", "Triggered
  // rules by rule name:"), which tools parse.
  void print_summary(std::ostream& out) const;

 private:
  std::vector<RuntimeRule> rules_;
  std::vector<std::vector<RuntimeRule*>> by_type_;  // event type -> selected rules, in order
  uint64_t by_priority_[8] = {};
  uint64_t total_ = 0;
  RuleMatching matching_ = RuleMatching::First;
  size_t universe_ = 0;
};

}  // namespace saker::core
