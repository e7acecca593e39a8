#include "engine/app/commands/engine_setup.h"

#include <cstdio>

#include "engine/app/logger.h"
#include "engine/app/version_info.h"

namespace saker::app {

namespace {

// Falco's -pc / -pk replacements for %container.info.
constexpr const char* kContainerFormat = "container_id=%container.id container_name=%container.name";
constexpr const char* kK8sFormat =
    "k8s_ns=%k8s.ns.name k8s_pod=%k8s.pod.name container_id=%container.id "
    "container_name=%container.name";

}  // namespace

output::OutputsConfig outputs_config(const AppContext& ctx) {
  const config::Config& c = ctx.config();
  output::OutputsConfig o;
  o.json_output = c.json_output;
  o.json_include_output_property = c.json_include_output_property;
  o.json_include_tags_property = c.json_include_tags_property;
  o.json_include_message_property = c.json_include_message_property;
  o.json_include_output_fields_property = c.json_include_output_fields_property;
  o.time_format_iso_8601 = c.time_format_iso_8601;

  const std::string& p = ctx.cli.engine.print_format;
  if (p == "c" || p == "container") {
    o.extra_format = kContainerFormat;
    o.replace_container_info = true;
  } else if (p == "k" || p == "kubernetes") {
    o.extra_format = kK8sFormat;
    o.replace_container_info = true;
  } else {
    o.extra_format = p;
  }
  for (const auto& a : c.append_output) {
    output::AppendOutputRule r;
    r.match_source = a.match.source.value_or("");
    r.match_tags = a.match.tags;
    r.match_rule = a.match.rule.value_or("");
    r.extra_output = a.extra_output;
    r.extra_fields = a.extra_fields;
    o.append_output.push_back(std::move(r));
  }

  o.buffered_outputs = c.buffered_outputs && !ctx.cli.engine.unbuffered;
  o.queue_capacity = c.outputs_queue_capacity;
  o.output_timeout_ms = c.output_timeout_ms;
  o.rate = c.outputs.rate;
  o.max_burst = c.outputs.max_burst;

  o.stdout_output.enabled = c.stdout_output.enabled;
  o.file_output.enabled = c.file_output.enabled;
  o.file_output.keep_alive = c.file_output.keep_alive;
  o.file_output.filename = c.file_output.filename;
  o.syslog_output.enabled = c.syslog_output.enabled;
  o.program_output.enabled = c.program_output.enabled;
  o.program_output.keep_alive = c.program_output.keep_alive;
  o.program_output.program = c.program_output.program;
  const auto& h = c.http_output;
  o.http_output.enabled = h.enabled;
  o.http_output.url = h.url;
  o.http_output.user_agent = h.user_agent;
  o.http_output.insecure = h.insecure;
  o.http_output.ca_cert = h.ca_cert;
  o.http_output.ca_bundle = h.ca_bundle;
  o.http_output.ca_path = h.ca_path;
  o.http_output.mtls = h.mtls;
  o.http_output.client_cert = h.client_cert;
  o.http_output.client_key = h.client_key;
  o.http_output.compress_uploads = h.compress_uploads;
  o.http_output.keep_alive = h.keep_alive;
  o.http_output.echo = h.echo;
  o.grpc_output.enabled = c.grpc.enabled && c.grpc_output.enabled;
  o.grpc_output.bind_address = c.grpc.bind_address;
  o.grpc_output.threadiness = static_cast<int>(c.grpc.threadiness);
  o.grpc_output.private_key = c.grpc.private_key;
  o.grpc_output.cert_chain = c.grpc.cert_chain;
  o.grpc_output.root_certs = c.grpc.root_certs;
  return o;
}

core::RuleSelection rule_selection(const AppContext& ctx) {
  core::RuleSelection s;
  s.run_tags = ctx.cli.engine.enable_tags;
  for (const auto& r : ctx.config().rules) {
    core::RuleSelection::Toggle t;
    t.enable = r.enable;
    t.by_tag = r.by_tag;
    t.pattern = r.pattern;
    s.toggles.push_back(std::move(t));
  }
  s.disable_tags = ctx.cli.engine.disable_tags;
  s.disable_name_substrings = ctx.cli.engine.disable_rules;
  s.min_priority = static_cast<rules::Priority>(ctx.config().priority);  // same order
  return s;
}

core::PipelineOptions pipeline_options(const AppContext& ctx) {
  core::PipelineOptions o;
  o.outputs = outputs_config(ctx);
  o.matching = ctx.config().rule_matching == config::RuleMatching::kAll ? core::RuleMatching::All
                                                                       : core::RuleMatching::First;
  return o;
}

Status load_rules(const AppContext& ctx, core::Pipeline& p) {
  if (ctx.rules.files.empty()) {
    return Status::Error("You must specify at least one rules file/directory via -r or a rules_file entry in falco.yaml");
  }
  // app.cpp has already logged each rules file.
  std::vector<rules::LoadResult> results;
  Status s = p.load_rules(ctx.rules.files, &results);
  if (!s.ok()) return s;
  for (const auto& r : results) {
    if (!r.warnings().empty()) {
      // Warnings are printed like Falco's: the verbose text of the file's result.
      log_warning(r.as_text(true, "") + "\n");
    }
  }
  return p.select(rule_selection(ctx));
}

int fatal(const std::string& message) {
  std::fprintf(stderr, "Error: %s\n", message.c_str());
  return 1;
}

}  // namespace saker::app
