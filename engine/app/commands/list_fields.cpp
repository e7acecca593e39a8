#include "engine/app/commands/list_fields.h"

#include <iostream>

#include "engine/fields/list_fields.h"
#include "engine/fields/registry.h"

namespace saker::app {

// Only the syscall source exists (no plugins): --list and --list=syscall print its fields;
// another source prints nothing, as Falco does for a source without fields.
int run_list_fields(const AppContext& ctx) {
  const std::string source = ctx.cli.engine.list_fields.value_or("");
  if (!source.empty() && source != "syscall") return 0;
  fields::ListOptions opts;
  opts.verbose = ctx.cli.engine.verbose;
  opts.names_only = ctx.cli.engine.names_only;
  fields::print_field_list(std::cout, fields::FieldRegistry::builtin(), opts);
  std::cout.flush();
  return 0;
}

}  // namespace saker::app
