// Field class `user`: the user a thread runs as (effective uid) and its login user (loginuid),
// named from the user table of the thread's container (the host's outside containers).
#include "engine/fields/bound_field.h"
#include "engine/fields/classes.h"
#include "engine/state/state.h"

namespace saker::fields {
namespace {

using T = FieldType;
using PF = PrintFormat;
using Arg = ArgSyntax;

constexpr FieldInfo kFields[] = {
    {"user.uid", T::Uint32, PF::Id, kNone, Arg::None, "UID",
     "Effective user id of the thread."},
    {"user.name", T::Charbuf, PF::NA, kNone, Arg::None, "User Name",
     "Login name of the effective user id. Named from /etc/passwd of the thread's container, or "
     "of the host outside containers (or from a trace file's user list)."},
    {"user.homedir", T::Charbuf, PF::NA, kNone, Arg::None, "Home Directory",
     "Home directory of the effective user, from the same /etc/passwd entry as user.name."},
    {"user.shell", T::Charbuf, PF::NA, kNone, Arg::None, "Shell",
     "Login shell of the effective user, from the same /etc/passwd entry as user.name."},
    {"user.loginuid", T::Int64, PF::Id, kNone, Arg::None, "Login UID",
     "Audit login uid (auid) of the thread, the user who originally logged in, kept across su "
     "and sudo. An unset loginuid (4294967295) reads as -1 so that filters such as "
     "user.loginuid=-1 work."},
    {"user.loginname", T::Charbuf, PF::NA, kNone, Arg::None, "Login User Name",
     "Name of user.loginuid, looked up like user.name."},
};

enum class Id { Uid, Name, Homedir, Shell, LoginUid, LoginName };

class UserField final : public BoundField {
 public:
  UserField(const FieldInfo& info, Id id) : BoundField(info), id_(id) {}

  bool extract(const EvalContext& ctx, FieldValue& out) const override {
    out.clear();
    if (ctx.thread == nullptr || ctx.state == nullptr) return false;
    const state::ThreadInfo& t = *ctx.thread;
    switch (id_) {
      case Id::Uid:
        out.set_uint(t.uid);
        return true;
      case Id::LoginUid:
        // The kernel's "unset" loginuid (UINT32_MAX) reads -1, as Falco shows it.
        out.set_int(t.loginuid == UINT32_MAX ? -1 : static_cast<int64_t>(t.loginuid));
        return true;
      case Id::LoginName: {
        const state::User* u = ctx.state->loginuser_of(t);
        if (u == nullptr) return false;
        out.set_str(u->name);
        return true;
      }
      default:
        break;
    }
    const state::User* u = ctx.state->user_of(t);
    if (u == nullptr) return false;
    switch (id_) {
      case Id::Name:
        out.set_str(u->name);
        break;
      case Id::Homedir:
        out.set_str(u->homedir);
        break;
      case Id::Shell:
        out.set_str(u->shell);
        break;
      default:
        return false;
    }
    return true;
  }

 private:
  Id id_;
};

std::unique_ptr<BoundField> bind_user(const BindRequest& req, std::string& error) {
  (void)error;
  static constexpr std::pair<std::string_view, Id> kIds[] = {
      {"user.uid", Id::Uid},     {"user.name", Id::Name},         {"user.homedir", Id::Homedir},
      {"user.shell", Id::Shell}, {"user.loginuid", Id::LoginUid}, {"user.loginname", Id::LoginName},
  };
  for (const auto& [name, id] : kIds) {
    if (name == req.info.name) return std::make_unique<UserField>(req.info, id);
  }
  return nullptr;
}

}  // namespace

const FieldClass& user_class() {
  static constexpr FieldClass c{"user",  "user",
                                "",      "The user a thread runs as.",
                                kFields, bind_user};
  return c;
}

}  // namespace saker::fields
