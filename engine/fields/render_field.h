#pragma once
// Text of a field value exactly as sysdig 0.29 prints it with `-p "%field"`: integers by the
// field's print format, booleans as true/false, IP addresses dotted (IPv6 as inet_ntop), strings
// up to their first NUL, doubles with one decimal, <NA> when the field has no value.
#include <string>

#include "engine/fields/bound_field.h"

namespace saker::fields {

// Extracts `field` for `ctx` and appends its text to `out`. Returns false (after appending
// "<NA>") when the field has no value for this event.
bool render_field(const BoundField& field, const EvalContext& ctx, std::string& out);

// Appends the text of an extracted value of the given type and print format. List values are
// printed as sysdig prints list fields: "(a,b,c)"; ancestor lists bound without an index
// (proc.aname) are printed space-separated as sysdig does for those.
void append_value(const FieldValue& v, FieldType type, PrintFormat fmt, std::string& out,
                  bool space_separated_list = false);

}  // namespace saker::fields
