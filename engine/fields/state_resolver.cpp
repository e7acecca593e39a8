#include "engine/fields/state_resolver.h"

#include "engine/fields/eval_context.h"
#include "engine/state/state.h"

namespace saker::fields {

bool StateRenderResolver::thread_known(uint64_t tid) const {
  return state_.thread(static_cast<int64_t>(tid)) != nullptr;
}

bool StateRenderResolver::lookup_fd(uint64_t tid, int64_t fd, events::FdDesc& out) const {
  const state::FdInfo* f = state_.lookup_fd(static_cast<int64_t>(tid), fd);
  if (f == nullptr) return false;
  out.type_char = f->typechar();
  out.l4_char = 0;
  if (f->is_inet()) {
    switch (f->effective_l4proto()) {
      case state::L4Proto::Tcp:
        out.l4_char = 't';
        break;
      case state::L4Proto::Udp:
        out.l4_char = 'u';
        break;
      case state::L4Proto::Icmp:
        out.l4_char = 'i';
        break;
      case state::L4Proto::Raw:
        out.l4_char = 'r';
        break;
      default:
        break;
    }
  }
  out.name = f->name;
  return true;
}

bool StateRenderResolver::thread_comm(int64_t tid, std::string_view& comm) const {
  const state::ThreadInfo* t = state_.thread(tid);
  if (t == nullptr) return false;
  comm = t->comm;
  return true;
}

bool StateRenderResolver::thread_cwd(uint64_t tid, std::string_view& cwd) const {
  const state::ThreadInfo* t = state_.thread(static_cast<int64_t>(tid));
  if (t == nullptr) return false;
  cwd = state_.cwd_of(*t);
  return true;
}

bool StateRenderResolver::user_name(uint32_t uid, std::string_view& name) const {
  const state::User* u = state_.users().user(uid);
  if (u == nullptr) return false;
  name = u->name;
  return true;
}

bool StateRenderResolver::group_name(uint32_t gid, std::string_view& name) const {
  const state::Group* g = state_.users().group(gid);
  if (g == nullptr) return false;
  name = g->name;
  return true;
}

void fill_state(EvalContext& ctx, const state::State& state) {
  ctx.state = &state;
  ctx.thread = nullptr;
  ctx.fd = nullptr;
  ctx.fd_num = -1;
  if (ctx.evt == nullptr) return;
  const int64_t tid = static_cast<int64_t>(ctx.evt->tid());
  ctx.thread = state.thread(tid);
  if (ctx.thread != nullptr) {
    ctx.fd_num = state.event_fd_num(tid);
    ctx.fd = state.event_fd(*ctx.evt);
  }
}

}  // namespace saker::fields
