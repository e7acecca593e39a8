#pragma once
// The FILTER of `saker inspect`, compiled once: parse -> expand (no macros or lists exist
// outside a rules file, so an identifier is an error) -> type check against the field catalog
// -> compile. Errors read "filter:LINE:COLUMN: what", as the rules loader reports conditions.
#include <memory>
#include <string>
#include <string_view>

#include "engine/core/compiled_condition.h"
#include "engine/fields/filter_provider.h"

namespace saker::app {

class InspectFilter {
 public:
  InspectFilter();
  ~InspectFilter();
  // Compiles `text`; on failure returns false and sets *error.
  bool compile(std::string_view text, std::string* error);
  bool eval(const filter::EvalContext& ctx) const { return condition_->eval(ctx); }

 private:
  fields::CatalogFieldProvider provider_;
  std::unique_ptr<core::CompiledCondition> condition_;
};

}  // namespace saker::app
