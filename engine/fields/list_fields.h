#pragma once
// `--list` output: the field catalog printed the way Falco prints it (a class header, then one
// `name  description` line per field, wrapped at 120 columns; with verbose, each description
// starts with "(Type: TYPE)"). Hidden (table-only) and print-only fields are not listed;
// deprecated fields only when asked.
#include <ostream>

#include "engine/fields/registry.h"

namespace saker::fields {

struct ListOptions {
  bool verbose = false;             // --list -v: add the type to each field
  bool include_deprecated = false;  // also list deprecated fields
  bool names_only = false;          // one field name per line, nothing else
};

void print_field_list(std::ostream& os, const FieldRegistry& registry, const ListOptions& opts);

}  // namespace saker::fields
