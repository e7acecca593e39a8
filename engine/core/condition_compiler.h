#pragma once
// Turns an expanded, type-checked condition tree into a CompiledCondition: binds every field
// through the FieldProvider, pre-parses constants for their operator, and orders the children
// of and/or so that cheap checks run first.
#include <memory>
#include <string>

#include "engine/core/compiled_condition.h"
#include "engine/filter/ast.h"
#include "engine/filter/field_provider.h"

namespace saker::core {

struct CompileError {
  filter::Pos pos;
  std::string message;
};

class ConditionCompiler {
 public:
  explicit ConditionCompiler(const filter::FieldProvider& fields) : fields_(fields) {}

  // nullptr (and *error set) when a field cannot be bound or a constant is invalid for its
  // operator (e.g. a regex RE2 rejects). The tree must already be expanded and checked.
  std::unique_ptr<CompiledCondition> compile(const filter::Node& root, CompileError* error) const;

 private:
  uint32_t compile_node(const filter::Node& n, CompiledCondition& out, CompileError* error) const;
  bool compile_comparison(const filter::Node& n, Comparison& out, CompileError* error) const;
  bool bind_operand(const filter::Node& n, Operand& out, CompileError* error) const;

  const filter::FieldProvider& fields_;
};

}  // namespace saker::core
