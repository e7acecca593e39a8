#pragma once
// The event renderer's view of the state engine: fd names for `fd=3(<f>/etc/passwd)`, the
// command of a pid, the cwd for relative paths, user and group names. One instance per State,
// shared by every render call (it holds only a pointer).
#include "engine/events/render.h"

namespace saker::state {
class State;
}

namespace saker::fields {

class StateRenderResolver final : public events::RenderResolver {
 public:
  explicit StateRenderResolver(const state::State& state) : state_(state) {}

  bool thread_known(uint64_t tid) const override;
  bool lookup_fd(uint64_t tid, int64_t fd, events::FdDesc& out) const override;
  bool thread_comm(int64_t tid, std::string_view& comm) const override;
  bool thread_cwd(uint64_t tid, std::string_view& cwd) const override;
  bool user_name(uint32_t uid, std::string_view& name) const override;
  bool group_name(uint32_t gid, std::string_view& name) const override;

 private:
  const state::State& state_;
};

}  // namespace saker::fields
