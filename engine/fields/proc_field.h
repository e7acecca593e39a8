#pragma once
// Internal to the proc class (proc_fields.cpp: catalog and binding; proc_extractors.cpp: the
// per-event extractors): the bound-field type they share.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/fields/bound_field.h"
#include "engine/state/thread_info.h"

namespace saker::fields::proc_detail {

using state::ThreadInfo;

class ProcField;
using ProcFn = bool (*)(const ProcField& f, const EvalContext& ctx, const ThreadInfo& t,
                        FieldValue& out);

class ProcField final : public BoundField {
 public:
  ProcField(const FieldInfo& info, ProcFn fn) : BoundField(info), fn_(fn) {}

  bool extract(const EvalContext& ctx, FieldValue& out) const override {
    out.clear();
    if (ctx.thread == nullptr || ctx.state == nullptr) return false;
    return fn_(*this, ctx, *ctx.thread, out) && out.present();
  }

  std::string& buf() const { return scratch(); }
  using BoundField::set_list;

  int32_t index = -1;                     // [N]: ancestor depth or arg index; -1 when absent
  std::string key;                        // [NAME] for proc.env / proc.aenv
  mutable std::vector<FieldValue> items;  // list values (ancestors)
  mutable std::vector<size_t> offsets;    // list values built in buf()

 private:
  ProcFn fn_;
};

// The extractor of a proc field, nullptr when the field is catalog only.
ProcFn proc_extractor(std::string_view name);

}  // namespace saker::fields::proc_detail
