#pragma once
// What a bound field sees for one event: the event itself, the enter event of the pair when the
// source kept it, and the state engine as updated by this event (State::update runs before the
// rules). Whoever drives the pipeline fills one EvalContext per event, with fill_state() for the
// state part; fields only read it.
#include <cstdint>
#include <string_view>

#include "engine/events/event.h"
#include "engine/events/render.h"

namespace saker::state {
class State;
struct ThreadInfo;
struct FdInfo;
}  // namespace saker::state

namespace saker::fields {

struct EvalContext {
  const events::EventView* evt = nullptr;
  // The enter event matching an exit event (same thread, its previous event), for fields sysdig
  // computes from the pair (evt.latency). Null when unknown or for enter events.
  const events::EventView* enter = nullptr;

  // State, as updated by this event. Null pointers mean "unknown" and give <NA>.
  const state::State* state = nullptr;
  const state::ThreadInfo* thread = nullptr;  // the event's thread
  const state::FdInfo* fd = nullptr;          // the fd the event uses or created, if any
  int64_t fd_num = -1;                        // its number (fd.num); -1 when none
  // Resolves fds, pids, users for evt.arg / evt.args rendering (see state_resolver.h).
  const events::RenderResolver* resolver = nullptr;

  // Capture facts sysdig prints for every event.
  uint64_t evt_num = 0;       // 1-based event number (evt.num)
  uint64_t first_ts = 0;      // timestamp of the first event of the capture (evt.reltime)
  int32_t cpu = -1;           // evt.cpu, -1 when unknown
  std::string_view hostname;  // evt.hostname
};

// Sets ctx.state, ctx.thread, ctx.fd and ctx.fd_num from `state` for the event ctx.evt
// (which must be set). Cheap: one thread lookup (cached by the state engine) and one fd lookup.
void fill_state(EvalContext& ctx, const state::State& state);

}  // namespace saker::fields
