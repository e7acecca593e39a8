#include "engine/app/commands/describe_rules.h"

#include <cstdio>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "engine/app/commands/engine_setup.h"
#include "engine/core/pipeline.h"

namespace saker::app {

namespace {

// Falco's two-column line: the left column padded to 50, a space, the right column.
void two_columns(std::ostream& os, const std::string& l, const std::string& r) {
  char buf[4096];
  std::snprintf(buf, sizeof(buf) - 1, "%-50s %s", l.c_str(), r.c_str());
  os << buf << "\n";
}

// Wraps words so that lines stay within `max_len` columns when the first line starts at
// column `indent`; continuation lines are indented to `indent`.
std::string wrap_text(const std::string& text, size_t indent, size_t max_len) {
  std::istringstream in(text);
  std::string word, out;
  size_t col = indent;
  bool first = true;
  while (in >> word) {
    if (!first && col + 1 + word.size() > max_len) {
      out += "\n" + std::string(indent, ' ');
      col = indent;
      first = true;
    }
    if (!first) {
      out += ' ';
      ++col;
    }
    out += word;
    col += word.size();
    first = false;
  }
  return out;
}

nlohmann::json describe(const rules::CompiledRule& r) {
  nlohmann::json info;
  info["name"] = r.name;
  info["description"] = r.desc;
  info["output"] = r.output;
  info["priority"] = rules::priority_name(r.priority);
  info["source"] = r.source;
  info["enabled"] = r.enabled;
  info["tags"] = r.tags;
  nlohmann::json j;
  j["info"] = info;
  return j;
}

}  // namespace

int run_describe_rules(const AppContext& ctx) {
  core::Pipeline p(pipeline_options(ctx));
  if (Status s = load_rules(ctx, p); !s.ok()) return fatal(s.message());
  const std::string& only = ctx.cli.engine.describe_rule;
  nlohmann::json list = nlohmann::json::array();
  bool found = false;
  for (const auto& r : p.compiled_rules()->rules) {
    if (!only.empty() && r.name != only) continue;
    found = true;
    list.push_back(describe(r));
  }
  if (!only.empty() && !found) return fatal("Rule with name '" + only + "' not found");
  nlohmann::json doc;
  doc["rules"] = list;
  if (ctx.config().json_output) {
    std::cout << doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << std::endl;
    return 0;
  }
  two_columns(std::cout, "Rule", "Description");
  two_columns(std::cout, "----", "-----------");
  // Falco's layout, plus a line with the priority and tags under each description: a
  // responder reading the list wants to know what a rule weighs and what it is about.
  for (const auto& r : list) {
    const auto& info = r["info"];
    std::string tags;
    for (const auto& t : info["tags"]) tags += (tags.empty() ? "" : ", ") + t.get<std::string>();
    const std::string facts = "Priority: " + info["priority"].get<std::string>() +
                              (tags.empty() ? "" : "; tags: " + tags);
    two_columns(std::cout, info["name"].get<std::string>(),
                wrap_text(info["description"].get<std::string>(), 51, 110) + "\n" +
                    std::string(51, ' ') + wrap_text(facts, 51, 110) + "\n");
  }
  std::cout.flush();
  return 0;
}

}  // namespace saker::app
