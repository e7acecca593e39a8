#pragma once
// How `saker inspect` prints one event: sysdig's default line, a `-p FORMAT` with %field
// substitutions, or JSON lines (-j). The format is compiled once (every field bound through the
// FieldRegistry); print() per event appends to a caller-owned string and allocates nothing once
// the buffers have grown.
//
// sysdig's semantics, kept here on purpose because rule authors diff our output against it:
//  - a FORMAT starting with '*' prints every event; without it, an event where any field has no
//    value (<NA>) is not printed at all;
//  - the default line is "*%evt.num %evt.time %evt.cpu %proc.name (%thread.tid) %evt.dir
//    %evt.type %evt.info";
//  - JSON prints one object per event, keys sorted by field name, numbers as numbers, missing
//    values as null, and ignores the '*' rule (every event is printed).
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/common/status.h"
#include "engine/fields/bound_field.h"
#include "engine/fields/eval_context.h"

namespace saker::app {

class InspectFormat {
 public:
  // The line sysdig prints without -p.
  static constexpr std::string_view kDefault =
      "*%evt.num %evt.time %evt.cpu %proc.name (%thread.tid) %evt.dir %evt.type %evt.info";

  // Compiles `format` (kDefault when empty). The error names the byte offset of a bad field.
  Status compile(std::string_view format, bool json);

  // Appends the event's line (without newline) to `out`; returns false when the event is not
  // printed (a field without value in a format without '*').
  bool print(const fields::EvalContext& ctx, std::string& out) const;

 private:
  struct Piece {
    std::string literal;                      // text before the field (or trailing text)
    std::unique_ptr<fields::BoundField> field;  // null for the trailing literal
    std::string key;                          // the reference as written (JSON key)
  };
  bool print_json(const fields::EvalContext& ctx, std::string& out) const;

  std::vector<Piece> pieces_;
  std::vector<size_t> json_order_;  // indexes into pieces_, sorted by key, duplicates removed
  bool print_all_ = false;          // leading '*'
  bool json_ = false;
  mutable std::string value_;  // one rendered value (reused)
};

}  // namespace saker::app
