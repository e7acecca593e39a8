#include "engine/app/commands/validate_rules.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "engine/app/commands/engine_setup.h"
#include "engine/app/logger.h"
#include "engine/fields/filter_provider.h"
#include "engine/rules/loader.h"

namespace saker::app {

// Falco's -V: every file loads into one engine, in order (later files see earlier
// definitions). stdout gets "<file>: Ok", "<file>: Ok, with warnings" (the warnings go to the
// log) or "<file>: Invalid" with the errors; with json_output one document
// {"falco_load_results": [...]}. Any invalid file: the summary again as "Error: ..." on stderr
// and exit 1.
int run_validate_rules(const AppContext& ctx) {
  const auto& files = ctx.cli.engine.validate_files;
  fields::CatalogFieldProvider provider;
  rules::LoaderOptions options;
  options.compiler.fields = &provider;
  options.compiler.event_types = &filter::schema_event_types();
  rules::Loader loader(options);

  log_info("Validating rules file(s):\n");
  for (const auto& f : files) log_info("   " + f + "\n");

  bool successful = true;
  std::string summary;
  nlohmann::json results = nlohmann::json::array();
  for (const auto& file : files) {
    rules::LoadResult r = loader.load_file(file);
    const std::string& content = loader.content(r.name());
    successful &= r.ok();
    if (ctx.config().json_output) results.push_back(r.as_json(content));
    if (!summary.empty()) summary += "\n";
    if (!r.ok() || r.warnings().empty()) {
      summary += r.as_text(true, content);
      while (!summary.empty() && summary.back() == '\n') summary.pop_back();
    } else {
      summary += file + ": Ok, with warnings";
      log_warning(r.as_text(true, content) + "\n");
    }
  }
  if (ctx.config().json_output) {
    nlohmann::json doc;
    doc["falco_load_results"] = results;
    std::cout << doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << std::endl;
  } else {
    std::cout << summary << std::endl;
  }
  if (!successful) return fatal(summary);
  return 0;
}

}  // namespace saker::app
