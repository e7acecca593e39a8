#pragma once
// The containers the state engine knows, by container.id (12 chars), with the runtime metadata
// a MetadataProvider found for them. Owned by the State and used on the pipeline thread only:
// the provider's worker threads hand their results over through MetadataProvider::take(), which
// refresh() calls when has_updates() says something is waiting, so a lookup takes no lock.
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/state/container_info.h"

namespace saker::state {

class ContainerTable {
 public:
  // Containers remembered at most (requested or known); the oldest entries are not evicted,
  // new ones are simply not looked up once the table is full (and counted).
  static constexpr size_t kMaxContainers = 16384;

  void set_provider(MetadataProvider* p) { provider_ = p; }
  MetadataProvider* provider() const { return provider_; }

  // A thread was found in container full_id: the first sighting asks the provider (and, with
  // the wait option, waits for it within its bound). Cheap for an id already seen.
  void seen(std::string_view full_id, ContainerType type);
  // Pulls finished lookups and removals from the provider (one atomic load when none).
  void refresh();
  // The metadata of container.id `id`, nullptr when unknown or still pending.
  const ContainerInfo* find(std::string_view id) const;
  // The container this process runs in when its cgroup namespace hides the id (see provider).
  const ContainerInfo* self() const;

  size_t size() const { return known_.size(); }
  size_t dropped() const { return dropped_; }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  MetadataProvider* provider_ = nullptr;
  // Every id seen, with its metadata once it arrived (null while pending or when none exists).
  std::unordered_map<std::string, std::shared_ptr<const ContainerInfo>, Hash, std::equal_to<>>
      known_;
  mutable std::shared_ptr<const ContainerInfo> self_;
  mutable bool self_checked_ = false;
  size_t dropped_ = 0;
  std::vector<std::shared_ptr<const ContainerInfo>> updated_;  // reused by refresh()
  std::vector<std::string> removed_;
};

}  // namespace saker::state
