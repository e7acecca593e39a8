// Field class `group`: the effective group of the thread, named from the group table of its
// container (the host's outside containers).
#include "engine/fields/bound_field.h"
#include "engine/fields/classes.h"
#include "engine/state/state.h"

namespace saker::fields {
namespace {

using T = FieldType;
using PF = PrintFormat;
using Arg = ArgSyntax;

constexpr FieldInfo kFields[] = {
    {"group.gid", T::Uint32, PF::Id, kNone, Arg::None, "GID",
     "Effective group id of the thread."},
    {"group.name", T::Charbuf, PF::NA, kNone, Arg::None, "Group Name",
     "Name of the effective group id, from /etc/group of the thread's container (the host's "
     "outside containers)."},
};

class GroupField final : public BoundField {
 public:
  GroupField(const FieldInfo& info, bool name) : BoundField(info), name_(name) {}

  bool extract(const EvalContext& ctx, FieldValue& out) const override {
    out.clear();
    if (ctx.thread == nullptr || ctx.state == nullptr) return false;
    if (!name_) {
      out.set_uint(ctx.thread->gid);
      return true;
    }
    const state::Group* g = ctx.state->group_of(*ctx.thread);
    if (g == nullptr) return false;
    out.set_str(g->name);
    return true;
  }

 private:
  bool name_;
};

std::unique_ptr<BoundField> bind_group(const BindRequest& req, std::string& error) {
  (void)error;
  return std::make_unique<GroupField>(req.info, std::string_view(req.info.name) == "group.name");
}

}  // namespace

const FieldClass& group_class() {
  static constexpr FieldClass c{"group", "group",   "", "The group a thread runs as.",
                                kFields, bind_group};
  return c;
}

}  // namespace saker::fields
