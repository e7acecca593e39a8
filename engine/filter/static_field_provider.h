#pragma once
// A table-driven FieldProvider: fields declared by name, type and argument policy. Used by tests
// and by validation-only tools; the real catalog (engine/fields) implements FieldProvider itself.
//
// Argument policies follow Falco's field syntax: `proc.aname[2]` (Index), `container.mount[/etc]`
// (Key), and dotted keys `evt.arg.name` / `k8s.pod.label.app`, which resolve to the declared
// prefix `evt.arg` / `k8s.pod.label` with the remainder as the argument.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/filter/field_provider.h"

namespace saker::filter {

enum class ArgPolicy : uint8_t {
  None,           // no argument
  IndexOptional,  // optional numeric argument ([2]); without it, is_list_without_arg applies
  IndexRequired,  // required numeric argument
  KeyOptional,    // optional string argument ([key] or .key)
  KeyRequired,    // required string argument ([key] or .key)
};

struct FieldSpec {
  std::string name;
  FieldType type = FieldType::String;
  ArgPolicy arg = ArgPolicy::None;
  bool is_list = false;  // yields a list (for IndexOptional: when no index is given)
};

class StaticFieldProvider : public FieldProvider {
 public:
  StaticFieldProvider() = default;
  explicit StaticFieldProvider(const std::vector<FieldSpec>& specs);

  void add(FieldSpec spec);
  size_t size() const { return specs_.size(); }

  // Declares every name of a text file, one field a line: `name type [arg-policy] [list]`,
  // e.g. `proc.aname string index-optional list`; '#' starts a comment.
  // Returns false and sets *error on a malformed line.
  bool add_from_text(std::string_view text, std::string* error);

  std::optional<ResolvedField> resolve(std::string_view name,
                                       const std::optional<std::string>& arg,
                                       FieldError* error) const override;

 private:
  std::vector<FieldSpec> specs_;
  std::map<std::string, size_t, std::less<>> by_name_;
};

// Parses "int64", "uint64", "string", ... (the names of field_type_name()).
bool parse_field_type(std::string_view name, FieldType* out);

}  // namespace saker::filter
