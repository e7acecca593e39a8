#pragma once
// The field catalog as the filter compiler sees it: an implementation of
// filter::FieldProvider (engine/filter/field_provider.h) over the FieldRegistry, and the
// definition of the filter's per-event context, which is the catalog's EvalContext.
//
//   CatalogFieldProvider provider;                     // load time, shared
//   auto rf = provider.resolve("proc.aname", "2", &err);  // type String, canonical "proc.aname[2]"
//   auto ex = provider.bind(*rf);                      // compile time, one per occurrence
//   ex->extract(ctx, &value);                          // per event, no allocation once warm
#include <memory>
#include <optional>
#include <string>

#include "engine/fields/eval_context.h"
#include "engine/fields/registry.h"
#include "engine/filter/field_provider.h"

namespace saker::filter {

// The filter's evaluation context (forward-declared by the filter front end): the event, its
// enter event, and the state engine, exactly what fields read.
struct EvalContext : fields::EvalContext {};

}  // namespace saker::filter

namespace saker::fields {

// How a catalog type is seen by the filter (several scap types collapse into one).
filter::FieldType to_filter_type(FieldType type);

class CatalogFieldProvider final : public filter::FieldProvider {
 public:
  explicit CatalogFieldProvider(const FieldRegistry& registry = FieldRegistry::builtin())
      : registry_(registry) {}

  std::optional<filter::ResolvedField> resolve(std::string_view name,
                                               const std::optional<std::string>& arg,
                                               filter::FieldError* error) const override;

  std::unique_ptr<filter::Extractor> bind(const filter::ResolvedField& field) const override;

 private:
  const FieldRegistry& registry_;
};

}  // namespace saker::fields
