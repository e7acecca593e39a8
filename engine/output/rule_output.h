#pragma once
// One rule's output, compiled once when rules load: the rule's output format decorated with the
// -p extra format and the matching append_output entries, plus the extra fields those add.
// The rules engine calls render() for each match to fill an Alert's message and fields.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/common/status.h"
#include "engine/output/alert.h"
#include "engine/output/output_config.h"
#include "engine/output/output_format.h"

namespace saker::output {

struct RuleOutputSpec {
  std::string_view rule;
  std::string_view source = "syscall";
  const std::vector<std::string>* tags = nullptr;
  std::string_view output;  // the rule's output: format
};

class RuleOutput {
 public:
  RuleOutput() = default;

  // -p (cfg.extra_format): with cfg.replace_container_info (-pc/-pk) it replaces
  // "%container.info" in the rule output, else it is appended after a space; each matching
  // append_output entry appends its extra_output after a space and adds its extra_fields.
  static Status compile(const RuleOutputSpec& spec, const OutputsConfig& cfg, RuleOutput* out,
                        const FieldLexer& lexer = {});

  // Appends the message to alert.message and the fields to alert.fields.
  void render(FieldSource& source, Alert& alert) const;

  const OutputFormat& format() const { return format_; }
  // (name, format) of each extra field; a plain field's format is "%name".
  const std::vector<std::pair<std::string, OutputFormat>>& extra_fields() const { return extra_; }

 private:
  OutputFormat format_;
  std::vector<std::pair<std::string, OutputFormat>> extra_;
  std::vector<bool> extra_plain_;  // extra_[i] is a lone field: keep its typed value
};

}  // namespace saker::output
