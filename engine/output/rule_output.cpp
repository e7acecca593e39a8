#include "engine/output/rule_output.h"

#include <algorithm>

namespace saker::output {

namespace {

bool matches(const AppendOutputRule& m, const RuleOutputSpec& spec) {
  if (!m.match_source.empty() && m.match_source != spec.source) return false;
  if (!m.match_rule.empty() && m.match_rule != spec.rule) return false;
  for (const std::string& tag : m.match_tags) {
    if (spec.tags == nullptr || std::find(spec.tags->begin(), spec.tags->end(), tag) == spec.tags->end()) {
      return false;
    }
  }
  return true;
}

void append_with_space(std::string& format, std::string_view extra) {
  if (extra.empty()) return;
  if (!format.empty()) format += ' ';
  format += extra;
}

}  // namespace

Status RuleOutput::compile(const RuleOutputSpec& spec, const OutputsConfig& cfg, RuleOutput* out,
                           const FieldLexer& lexer) {
  std::string text(spec.output);
  if (!cfg.extra_format.empty()) {
    constexpr std::string_view kContainerInfo = "%container.info";
    const std::size_t pos = text.find(kContainerInfo);
    if (cfg.replace_container_info && pos != std::string::npos) {
      text.replace(pos, kContainerInfo.size(), cfg.extra_format);
    } else {
      append_with_space(text, cfg.extra_format);
    }
  }
  RuleOutput r;
  for (const AppendOutputRule& m : cfg.append_output) {
    if (!matches(m, spec)) continue;
    append_with_space(text, m.extra_output);
    for (const auto& [name, fmt] : m.extra_fields) {
      OutputFormat f;
      Status st = OutputFormat::compile(fmt.empty() ? "%" + name : fmt, &f, lexer);
      if (!st.ok()) return Status::Error("append_output extra field '" + name + "': " + st.message());
      const bool plain = f.fields().size() == 1 && f.text() == "%" + f.fields()[0].name;
      r.extra_.emplace_back(name, std::move(f));
      r.extra_plain_.push_back(plain);
    }
  }
  Status st = OutputFormat::compile(text, &r.format_, lexer);
  if (!st.ok()) return Status::Error("rule '" + std::string(spec.rule) + "' output: " + st.message());
  *out = std::move(r);
  return Status::Ok();
}

void RuleOutput::render(FieldSource& source, Alert& alert) const {
  format_.render(source, alert.message, &alert.fields);
  for (std::size_t k = 0; k < extra_.size(); ++k) {
    const auto& [name, fmt] = extra_[k];
    OutputField f;
    f.name = name;
    if (extra_plain_[k]) {
      // A plain field keeps its typed value.
      std::vector<OutputField> one;
      fmt.render(source, f.text, &one);
      f.value = std::move(one[0].value);
    } else {
      fmt.render(source, f.text);
      f.value = f.text;
    }
    alert.fields.push_back(std::move(f));
  }
}

}  // namespace saker::output
