#pragma once
// Internal to the evt class (evt_fields.cpp: catalog and binding; evt_extractors.cpp: the
// per-event extractors): the bound-field type they share and the param lookups.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/events/event.h"
#include "engine/fields/bound_field.h"

namespace saker::fields::evt_detail {

using events::EventView;

// Position of the first param called `name` in each event type, built once per name.
class ParamIndex {
 public:
  explicit ParamIndex(std::string_view name) {
    const uint16_t n = events::event_type_count();
    pos_.assign(n, -1);
    for (uint16_t t = 0; t < n; ++t) {
      const events::EventInfo* info = events::event_info(t);
      if (info == nullptr) continue;
      for (size_t i = 0; i < info->params.size(); ++i) {
        if (name == info->params[i].name) {
          pos_[t] = static_cast<int8_t>(i);
          break;
        }
      }
    }
  }
  // The param's index in `ev`, or -1 when the event has no such param.
  int32_t in(const EventView& ev) const {
    if (ev.type() >= pos_.size()) return -1;
    int32_t i = pos_[ev.type()];
    return (i >= 0 && static_cast<uint32_t>(i) < ev.nparams()) ? i : -1;
  }
  bool any() const {
    for (int8_t p : pos_) {
      if (p >= 0) return true;
    }
    return false;
  }

 private:
  std::vector<int8_t> pos_;
};

const ParamIndex& res_param();
const ParamIndex& fd_param();
const ParamIndex& data_param();
int32_t result_index(const EventView& ev);
bool result_value(const EventView& ev, int64_t& res);
uint32_t category_of(const EventView& ev);
uint32_t flags_of(const EventView& ev);
bool is_generic(const EventView& ev);
std::string_view type_name(const EventView& ev);

class EvtField;
using EvtFn = bool (*)(const EvtField& f, const EvalContext& ctx, FieldValue& out);

class EvtField final : public BoundField {
 public:
  EvtField(const FieldInfo& info, EvtFn fn) : BoundField(info), fn_(fn) {}

  bool extract(const EvalContext& ctx, FieldValue& out) const override {
    out.clear();
    if (ctx.evt == nullptr) return false;
    return fn_(*this, ctx, out) && out.present();
  }
  bool render(const EvalContext& ctx, std::string& out) const override;

  std::string& buf() const { return scratch(); }
  using BoundField::set_type;

  // Bound argument.
  int32_t argid = -1;                              // evt.arg[N]
  std::unique_ptr<ParamIndex> param;               // evt.arg.NAME / evt.rawarg.NAME
  uint16_t type_is[2] = {UINT16_MAX, UINT16_MAX};  // evt.type.is.X
  int64_t tz_offset = 0;                           // local time offset for evt.time & co.
  mutable uint64_t last_ts = 0;
  mutable std::string dir_buf;  // evt.abspath: the directory part  // evt.deltatime: the previous
                                // event this field saw
  enum class Render : uint8_t { Default, RawArg, Buffer } render_as = Render::Default;

  // Index of the bound param in ctx.evt, or -1.
  int32_t param_in(const EventView& ev) const {
    if (argid >= 0) {
      return static_cast<uint32_t>(argid) < events::rendered_param_count(ev) ? argid : -1;
    }
    return param ? param->in(ev) : -1;
  }

 private:
  EvtFn fn_;
};

// The extractor of an evt field, nullptr when the field is catalog only.
EvtFn evt_extractor(std::string_view name);
// Local time offset (seconds east of UTC) for evt.time & co.
int64_t local_utc_offset();

}  // namespace saker::fields::evt_detail
