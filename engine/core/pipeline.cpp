#include "engine/core/pipeline.h"

#include <ostream>
#include <utility>

#include "engine/fields/filter_provider.h"
#include "engine/fields/registry.h"
#include "engine/fields/render_field.h"
#include "engine/fields/state_resolver.h"
#include "engine/output/outputs.h"
#include "engine/output/rule_output.h"
#include "engine/rules/loader.h"
#include "engine/state/proc_scan.h"

namespace saker::core {

namespace {

// The field catalog as an output FieldSource: every FieldRef of one rule's formats (the output
// and each append_output extra field) is bound once, at load, to a fields::BoundField. A FieldRef
// belongs to exactly one format's contiguous vector, so the lookup is a short scan over formats.
class BoundFieldSource final : public output::FieldSource {
 public:
  void add_format(const output::OutputFormat& f) {
    Format fmt;
    fmt.refs = f.fields().data();
    fmt.count = f.fields().size();
    for (const auto& ref : f.fields()) {
      std::unique_ptr<fields::BoundField> b;
      // An unbindable name renders <NA>, as Falco prints fields it cannot resolve; the loader has
      // already rejected outputs with unknown fields.
      if (!fields::FieldRegistry::builtin().bind_text(ref.name, b).ok()) b.reset();
      fmt.bound.push_back(std::move(b));
    }
    formats_.push_back(std::move(fmt));
  }
  void set_context(const fields::EvalContext* ctx) { ctx_ = ctx; }

  bool append(const output::FieldRef& ref, std::string& out) override {
    const fields::BoundField* f = find(ref);
    if (f == nullptr) return false;
    const size_t before = out.size();
    if (!f->render(*ctx_, out)) {
      out.resize(before);
      return false;
    }
    return true;
  }

  // Typed as Falco's JSON output_fields: decimal integers as numbers, booleans, doubles; other
  // values (hex/octal print formats, strings, IPs, lists) keep their rendered text.
  output::FieldValue value(const output::FieldRef& ref, std::string_view text) override {
    const fields::BoundField* f = find(ref);
    if (f == nullptr || ref.transformer != output::Transformer::None || ref.width != 0)
      return std::string(text);
    fields::FieldValue v;
    if (!f->extract(*ctx_, v)) return std::string(text);
    const bool decimal =
        f->format() == fields::PrintFormat::Dec || f->format() == fields::PrintFormat::Id;
    switch (v.kind) {
      case fields::FieldValue::Kind::Int:
        if (decimal) return static_cast<std::int64_t>(v.i);
        break;
      case fields::FieldValue::Kind::Uint:
        if (decimal) return static_cast<std::uint64_t>(v.u);
        break;
      case fields::FieldValue::Kind::Bool:
        return v.b;
      case fields::FieldValue::Kind::Double:
        return v.d;
      default:
        break;
    }
    return std::string(text);
  }

 private:
  struct Format {
    const output::FieldRef* refs = nullptr;
    size_t count = 0;
    std::vector<std::unique_ptr<fields::BoundField>> bound;
  };
  const fields::BoundField* find(const output::FieldRef& ref) const {
    for (const Format& f : formats_) {
      if (&ref >= f.refs && &ref < f.refs + f.count) return f.bound[static_cast<size_t>(&ref - f.refs)].get();
    }
    return nullptr;
  }
  std::vector<Format> formats_;
  const fields::EvalContext* ctx_ = nullptr;
};

// Output formats know field names through the registry (so "%proc.name)" stops at the name);
// names the registry does not know fall back to the generic syntax.
std::size_t catalog_lexer(std::string_view rest) {
  size_t n = fields::FieldRegistry::builtin().reference_length(rest);
  return n != 0 ? n : output::default_field_lexer(rest);
}

}  // namespace

// Everything derived from one load of the rules; immutable once installed except for counters
// and the bound fields' scratch buffers. Members are declared in dependency order.
struct Pipeline::Unit {
  fields::CatalogFieldProvider provider;
  rules::Loader loader;
  Ruleset ruleset;
  struct RuleOut {
    output::RuleOutput output;  // must not move after `source` bound its FieldRefs
    BoundFieldSource source;
    std::vector<std::string> tags;
    output::Priority priority = output::Priority::Debug;
  };
  std::vector<std::unique_ptr<RuleOut>> outputs;  // indexed by RuntimeRule::id

  Unit() : loader(options(&provider)) {}  // provider is constructed before loader

  static rules::LoaderOptions options(const filter::FieldProvider* fields) {
    rules::LoaderOptions o;
    o.compiler.fields = fields;
    o.compiler.event_types = &filter::schema_event_types();
    return o;
  }
};

Pipeline::Pipeline(PipelineOptions options) : options_(std::move(options)) {
  hostname_ = !options_.hostname.empty() ? options_.hostname : output::resolve_hostname(options_.outputs);
  state_ = std::make_unique<state::State>(options_.state);
  resolver_ = std::make_unique<fields::StateRenderResolver>(*state_);
}

Pipeline::~Pipeline() = default;

Status Pipeline::load_rules(const std::vector<std::string>& paths,
                            std::vector<rules::LoadResult>* results) {
  auto unit = std::make_unique<Unit>();
  std::vector<rules::LoadResult> all;
  for (const auto& path : paths) {
    for (auto& r : unit->loader.load_path(path)) {
      const bool ok = r.ok();
      all.push_back(std::move(r));
      if (!ok) {
        const auto& last = all.back();
        Status s = Status::Error(last.as_text(true, unit->loader.content(last.name())));
        if (results != nullptr) *results = std::move(all);
        return s;
      }
    }
  }
  return install(std::move(unit), all, results);
}

Status Pipeline::load_rules_content(const std::vector<std::pair<std::string, std::string>>& files,
                                    std::vector<rules::LoadResult>* results) {
  auto unit = std::make_unique<Unit>();
  std::vector<rules::LoadResult> all;
  for (const auto& [name, content] : files) {
    all.push_back(unit->loader.load(name, content));
    if (!all.back().ok()) {
      Status s = Status::Error(all.back().as_text(true, content));
      if (results != nullptr) *results = std::move(all);
      return s;
    }
  }
  return install(std::move(unit), all, results);
}

Status Pipeline::install(std::unique_ptr<Unit> unit, std::vector<rules::LoadResult>& results,
                         std::vector<rules::LoadResult>* out_results) {
  if (out_results != nullptr) *out_results = std::move(results);
  if (Status s = unit->ruleset.build(unit->loader.ruleset(), unit->provider); !s.ok()) return s;
  unit->ruleset.set_matching(options_.matching);

  const auto& runtime = unit->ruleset.rules();
  unit->outputs.resize(runtime.size());
  for (const RuntimeRule& r : runtime) {
    auto out = std::make_unique<Unit::RuleOut>();
    out->tags.assign(r.info->tags.begin(), r.info->tags.end());
    out->priority = static_cast<output::Priority>(r.info->priority);  // same order and values
    output::RuleOutputSpec spec;
    spec.rule = r.info->name;
    spec.source = r.info->source;
    spec.tags = &out->tags;
    spec.output = r.info->output;
    Status s = output::RuleOutput::compile(spec, options_.outputs, &out->output, catalog_lexer);
    if (!s.ok()) s = output::RuleOutput::compile(spec, options_.outputs, &out->output);
    if (!s.ok()) return Status::Error("rule '" + r.info->name + "': output: " + s.message());
    out->source.add_format(out->output.format());
    for (const auto& [name, fmt] : out->output.extra_fields()) out->source.add_format(fmt);
    if (r.id >= unit->outputs.size()) unit->outputs.resize(r.id + 1);
    unit->outputs[r.id] = std::move(out);
  }
  if (has_selection_) {
    if (Status s = unit->ruleset.select(selection_); !s.ok()) return s;
  }
  unit_ = std::move(unit);
  return Status::Ok();
}

Status Pipeline::select(const RuleSelection& selection) {
  if (unit_ != nullptr) {
    if (Status s = unit_->ruleset.select(selection); !s.ok()) return s;
  }
  selection_ = selection;
  has_selection_ = true;
  return Status::Ok();
}

void Pipeline::set_matching(RuleMatching m) {
  options_.matching = m;
  if (unit_ != nullptr) unit_->ruleset.set_matching(m);
}

const Ruleset* Pipeline::ruleset() const { return unit_ ? &unit_->ruleset : nullptr; }

const rules::CompiledRuleset* Pipeline::compiled_rules() const {
  return unit_ ? &unit_->loader.ruleset() : nullptr;
}

void Pipeline::seed(const scap::ScapReader::Item& item) {
  using K = scap::ScapReader::ItemKind;
  switch (item.kind) {
    case K::kProcessList:
      for (const auto& p : item.processes.entries) {
        state_->seed_process(p);
        ++stats_.seeded_threads;
      }
      break;
    case K::kFdList:
      state_->seed_fds(item.fds);
      break;
    case K::kUserList:
      state_->users().load_user_list(item.users);
      break;
    case K::kMachineInfo:
      state_->set_boot_ts(item.machine.boot_ts_epoch);
      break;
    default:
      break;
  }
}

Status Pipeline::seed_from_proc(const std::string& proc_root) {
  // A live source sees this host: its users and groups come from its own /etc (a trace file
  // brings them in its user-list block instead).
  (void)state_->users().load_from_root("/");
  state::ProcScan scan(proc_root);
  return scan.scan_all(*state_);
}

size_t Pipeline::process(const events::EventView& ev, uint16_t cpu) {
  ++stats_.events;
  if (stats_.first_ts == 0) stats_.first_ts = ev.ts();
  stats_.last_ts = ev.ts();
  state_->update(ev);
  if (unit_ == nullptr) return 0;

  filter::EvalContext ctx;
  ctx.evt = &ev;
  ctx.resolver = resolver_.get();
  ctx.evt_num = stats_.events;
  ctx.first_ts = stats_.first_ts;
  ctx.cpu = cpu;
  ctx.hostname = hostname_;
  fields::fill_state(ctx, *state_);
  // The enter event of an exit (odd types are exits), kept by the state engine per thread.
  if (ctx.thread != nullptr && (ev.type() & 1u) != 0 && ctx.thread->last_enter_valid &&
      ctx.thread->last_enter_type + 1 == ev.type() &&
      events::EventView::parse(ctx.thread->last_enter, enter_view_).ok()) {
    ctx.enter = &enter_view_;
  }

  return unit_->ruleset.match(ev.type(), ctx, [&](RuntimeRule& rule) {
    Unit::RuleOut& out = *unit_->outputs[rule.id];
    out.source.set_context(&ctx);
    output::Alert alert;
    alert.time_ns = ev.ts();
    alert.priority = out.priority;
    alert.rule = rule.info->name;
    alert.source = rule.info->source;
    alert.tags = out.tags;
    alert.hostname = hostname_;
    out.output.render(out.source, alert);
    out.source.set_context(nullptr);
    ++stats_.alerts;
    if (sink_) {
      if (outputs_ == nullptr) {
        sink_(std::move(alert));
        return;
      }
      output::Alert copy = alert;
      sink_(std::move(copy));
    }
    if (outputs_ != nullptr && outputs_->push(std::move(alert)) != output::PushResult::Queued)
      ++stats_.alerts_dropped;
  });
}

void Pipeline::internal_alert(output::Priority priority, std::string_view message, uint64_t time_ns) {
  output::Alert alert;
  alert.time_ns = time_ns != 0 ? time_ns : stats_.last_ts;
  alert.priority = priority;
  alert.rule = "Falco internal";
  alert.message = std::string(message);
  alert.hostname = hostname_;
  if (sink_) {
    output::Alert copy = alert;
    sink_(std::move(copy));
  }
  if (outputs_ != nullptr) outputs_->push(std::move(alert));
}

filter::EventTypeSet Pipeline::event_types() const {
  return unit_ ? unit_->ruleset.event_types() : filter::EventTypeSet{};
}

void Pipeline::print_summary(std::ostream& out) const {
  if (unit_ != nullptr) {
    unit_->ruleset.print_summary(out);
    return;
  }
  out << "Events detected: 0\nRule counts by severity:\nTriggered rules by rule name:\n";
}

}  // namespace saker::core
