#pragma once
// Type checking of an expanded condition against a FieldProvider: every field resolves, every
// operator suits its field's type, every constant parses as that type (`proc.pid = hello` is an
// error at the column of `hello`), right-hand fields (`val()`) are comparable with the left, and
// evt.type constants name known event types (when a catalog is given).
#include <optional>
#include <string>

#include "engine/filter/ast.h"
#include "engine/filter/evttypes.h"
#include "engine/filter/field_provider.h"

namespace saker::filter {

struct CheckError {
  Pos pos;
  std::string message;
  // The error is an unknown field or unknown event type: what skip-if-unknown-filter forgives.
  bool unknown = false;
};

struct CheckOptions {
  const FieldProvider* fields = nullptr;            // required
  const EventTypeCatalog* event_types = nullptr;    // optional: validates evt.type constants
};

// The first error in reading order, or nullopt when the condition is well typed.
std::optional<CheckError> check(const Node& root, const CheckOptions& options);

// The type a Field or Transformed operand evaluates to (after transformers).
struct OperandType {
  FieldType type;
  bool is_list;
  bool any_of = false;  // see ResolvedField::any_of
};
std::optional<OperandType> operand_type(const Node& operand, const FieldProvider& fields,
                                        CheckError* error);

}  // namespace saker::filter
