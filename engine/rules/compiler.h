#pragma once
// Compiles what the Collector holds: lists (referencing earlier lists), macros (parsed, lists
// substituted, macros expanded with visibility and loop detection), and rules (exceptions
// turned into `and not (...)` clauses as Falco writes them, parsed, expanded, type-checked,
// event types computed). Stops at the first error, like Falco; warnings accumulate.
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "engine/filter/ast.h"
#include "engine/filter/evttypes.h"
#include "engine/filter/field_provider.h"
#include "engine/rules/collector.h"
#include "engine/rules/load_result.h"

namespace saker::rules {

struct CompiledRule {
  std::string name, desc, output, source;
  Priority priority = Priority::Debug;
  std::set<std::string> tags;
  bool enabled = true;
  std::shared_ptr<const filter::Node> condition;  // expanded: no identifiers left
  filter::EventTypeSet event_types;               // syscall source only
  std::set<std::string> exception_fields;
};

struct CompiledRuleset {
  std::vector<CompiledRule> rules;  // in definition order
  std::vector<std::vector<PluginRequirement>> required_plugins;
};

struct CompilerOptions {
  // When null, fields are not checked (condition and output), for validation without a catalog.
  const filter::FieldProvider* fields = nullptr;
  // Maps evt.type names; when null or empty (universe 0) event types are not analyzed.
  const filter::EventTypeCatalog* event_types = nullptr;
};

// Returns false on error (recorded in result).
bool compile_rules(const Collector& collector, const CompilerOptions& options, CompiledRuleset* out,
                   LoadResult& result);

// Builds the condition text a rule's exceptions add (Falco's exact construction):
// "(cond) and not (...)". Fields used by the exceptions are added to *fields.
// Throws LoadError on malformed values.
std::string condition_with_exceptions(const std::string& cond, const std::vector<ExceptionInfo>& exceptions,
                                      std::set<std::string>* fields);

// Checks the %field tokens of an output format; returns the first unknown token or empty.
std::string first_invalid_output_token(const std::string& output, const filter::FieldProvider& fields);

}  // namespace saker::rules
