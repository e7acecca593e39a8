#include "engine/app/commands/inspect_filter.h"

#include "engine/core/condition_compiler.h"
#include "engine/filter/check.h"
#include "engine/filter/evttypes.h"
#include "engine/filter/expand.h"
#include "engine/filter/parser.h"

namespace saker::app {
namespace {

std::string where(const filter::Pos& pos, const std::string& message) {
  return "filter:" + std::to_string(pos.line) + ":" + std::to_string(pos.column) + ": " + message;
}

}  // namespace

InspectFilter::InspectFilter() = default;
InspectFilter::~InspectFilter() = default;

bool InspectFilter::compile(std::string_view text, std::string* error) {
  filter::ParseResult parsed = filter::parse(text);
  if (!parsed.ok()) {
    *error = parsed.error->to_string("filter");
    return false;
  }
  filter::NodePtr ast = std::move(parsed.ast);
  filter::MacroExpansion mx =
      filter::expand_macros(ast, [](std::string_view) -> const filter::Node* { return nullptr; });
  if (mx.error) {
    *error = where(mx.error->pos, mx.error->message);
    return false;
  }
  filter::CheckOptions copts;
  copts.fields = &provider_;
  copts.event_types = &filter::schema_event_types();
  if (auto err = filter::check(*ast, copts)) {
    *error = where(err->pos, err->message);
    return false;
  }
  core::CompileError cerr;
  condition_ = core::ConditionCompiler(provider_).compile(*ast, &cerr);
  if (!condition_) {
    *error = where(cerr.pos, cerr.message);
    return false;
  }
  return true;
}

}  // namespace saker::app
