#pragma once
// The pipeline: one object that takes an event from any source to alerts.
//
//   event ─> State::update ─> EvalContext (fill_state) ─> Ruleset::match ─> RuleOutput::render
//         ─> Alert ─> Outputs::push (or an alert sink)
//
//   core::Pipeline p(options);
//   p.set_outputs(outputs.get());                  // or set_alert_sink() in tests / embedding
//   for (auto& r : ...) ; Status s = p.load_rules({"rules.yaml"}, &results);
//   s = p.select(selection);                       // -t/-T/-D, `rules:`, minimum priority
//   source.capture(p.event_types());               // what the rules need
//   while (reader.next(item)) item.kind == kEvent ? p.process(item.event, item.cpu) : p.seed(item);
//   p.print_summary(std::cout);                    // Falco's end-of-run summary
//
// Rules are held in one immutable unit (the loader's compiled ruleset, the runtime Ruleset, and
// per rule its output compiled once with its fields bound once). load_rules() builds a new
// unit and installs it only when everything loaded, so a reload (SIGHUP) with a broken file
// keeps the old rules running. The last selection is re-applied to a reloaded unit.
//
// Threading: one thread calls process()/seed(); bound fields own scratch buffers, so the
// pipeline is not shared between event threads. load_rules()/select() run between events on
// that same thread (the app polls for SIGHUP in its event loop).
//
// Allocation: process() allocates nothing for an event that raises no alert (state update and
// rule evaluation are allocation-free once warm; the Alert is built only on a match).
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/common/status.h"
#include "engine/core/ruleset.h"
#include "engine/events/event.h"
#include "engine/events/render.h"
#include "engine/events/scap_reader.h"
#include "engine/filter/evttypes.h"
#include "engine/output/alert.h"
#include "engine/output/output_config.h"
#include "engine/rules/load_result.h"
#include "engine/state/state.h"

namespace saker::output {
class Outputs;
}

namespace saker::core {

struct PipelineOptions {
  state::StateConfig state;
  // Only the rule output decorations are read here (extra_format / replace_container_info for
  // -p, append_output) and the hostname; delivery settings belong to output::Outputs.
  output::OutputsConfig outputs;
  RuleMatching matching = RuleMatching::First;
  // evt.hostname and Alert::hostname; empty: output::resolve_hostname(outputs).
  std::string hostname;
};

struct PipelineStats {
  uint64_t events = 0;      // process() calls
  uint64_t alerts = 0;      // matches turned into alerts
  uint64_t alerts_dropped = 0;  // push() refused them (queue full / throttled)
  uint64_t seeded_threads = 0;
  uint64_t first_ts = 0, last_ts = 0;  // event time range seen
};

class Pipeline {
 public:
  using AlertSink = std::function<void(output::Alert&&)>;

  explicit Pipeline(PipelineOptions options = {});
  ~Pipeline();
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  // ---- rules -------------------------------------------------------------------------------
  // Loads the rules files / directories in order (rules::Loader with the field catalog and the
  // schema's event types), builds the runtime ruleset and compiles every rule's output.
  // Like Falco, the first file with an error stops the load: the Status carries that file's
  // text result (as `falco` prints it) and the previous rules stay installed. `results`, when
  // given, receives each file's LoadResult (warnings included) for -V style printing.
  Status load_rules(const std::vector<std::string>& paths,
                    std::vector<rules::LoadResult>* results = nullptr);
  // The same from in-memory contents: (name, content) pairs, for tests and embedding.
  Status load_rules_content(const std::vector<std::pair<std::string, std::string>>& files,
                            std::vector<rules::LoadResult>* results = nullptr);
  // Applies a selection to the installed rules (and remembers it for reloads).
  Status select(const RuleSelection& selection);
  void set_matching(RuleMatching m);
  bool has_rules() const { return unit_ != nullptr; }
  // The installed ruleset (null before the first successful load).
  const Ruleset* ruleset() const;
  const rules::CompiledRuleset* compiled_rules() const;

  // ---- outputs ------------------------------------------------------------------------------
  // Alerts go to `outputs` (not owned; may be null) and, when set, to the sink (called on the
  // event thread, before the push).
  void set_outputs(output::Outputs* outputs) { outputs_ = outputs; }
  void set_alert_sink(AlertSink sink) { sink_ = std::move(sink); }
  // Drop / internal alerts ("Falco internal: ..."): delivered as an alert with rule
  // "Falco internal" through the same path, unaffected by rule selection.
  void internal_alert(output::Priority priority, std::string_view message, uint64_t time_ns = 0);

  // ---- events -------------------------------------------------------------------------------
  // Seeds the state from a trace file's state block (process list, fd list, user list, machine
  // info); other items are ignored.
  void seed(const scap::ScapReader::Item& item);
  // Seeds the state from a live /proc (userspace mode, attach).
  Status seed_from_proc(const std::string& proc_root = "/proc");
  // One event: state first, then the rules that can match its type. Returns the number of
  // alerts raised.
  size_t process(const events::EventView& ev, uint16_t cpu);

  // Event types the selected rules need (the sources capture these and nothing else).
  filter::EventTypeSet event_types() const;

  // ---- results ------------------------------------------------------------------------------
  // Falco's end-of-run summary (Events detected / Rule counts by severity / Triggered rules by
  // rule name). Prints "Events detected: 0" etc. even before rules are loaded.
  void print_summary(std::ostream& out) const;
  const PipelineStats& stats() const { return stats_; }
  state::State& state() { return *state_; }
  const state::State& state() const { return *state_; }
  const std::string& hostname() const { return hostname_; }

 private:
  struct Unit;  // loader + ruleset + compiled outputs (pipeline.cpp)
  Status install(std::unique_ptr<Unit> unit, std::vector<rules::LoadResult>& results,
                 std::vector<rules::LoadResult>* out_results);
  void raise(const RuntimeRule& rule, const events::EventView& ev);

  PipelineOptions options_;
  std::string hostname_;
  std::unique_ptr<state::State> state_;
  std::unique_ptr<events::RenderResolver> resolver_;
  std::unique_ptr<Unit> unit_;
  RuleSelection selection_;
  bool has_selection_ = false;
  output::Outputs* outputs_ = nullptr;
  AlertSink sink_;
  PipelineStats stats_;
  events::EventView enter_view_;
};

}  // namespace saker::core
