#pragma once
// The open file descriptors of one process (thread group). Small fd numbers live in a flat
// vector indexed by fd, so open/close of a reused slot allocates nothing (strings keep their
// capacity); large fd numbers go to a hash map. Bounded by `max_fds` (extra opens are dropped
// and counted, as Falco does with its fd table limit).
#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

#include "engine/state/fd_info.h"

namespace saker::state {

class FdTable {
 public:
  static constexpr int64_t kDirectSlots = 1024;

  explicit FdTable(uint32_t max_fds = 4096) : max_fds_(max_fds) {}

  // The fd's entry, or nullptr when the fd is not open in our state.
  FdInfo* find(int64_t fd);
  const FdInfo* find(int64_t fd) const;

  // Adds (or replaces) fd and returns its entry, reset to defaults with `fd` set. Returns nullptr
  // when the table is full (the fd is then not tracked).
  FdInfo* add(int64_t fd);
  // Removes fd; returns false when it was not open.
  bool erase(int64_t fd);
  void clear();

  size_t size() const { return count_; }
  uint64_t drops() const { return drops_; }

  // Copies every entry of `other` (fork of a process). Entries are marked kCloned.
  void copy_from(const FdTable& other);

  // Calls f(const FdInfo&) for each open fd, in ascending order for direct slots.
  template <typename F>
  void for_each(F&& f) const {
    for (const auto& s : direct_) {
      if (s.fd >= 0) f(s);
    }
    for (const auto& [fd, info] : spill_) f(*info);
  }
  // Removes the entries for which pred(const FdInfo&) is true.
  template <typename P>
  size_t erase_if(P&& pred) {
    size_t n = 0;
    for (auto& s : direct_) {
      if (s.fd >= 0 && pred(static_cast<const FdInfo&>(s))) {
        s.fd = -1;
        --count_;
        ++n;
      }
    }
    for (auto it = spill_.begin(); it != spill_.end();) {
      if (pred(static_cast<const FdInfo&>(*it->second))) {
        it = spill_.erase(it);
        --count_;
        ++n;
      } else {
        ++it;
      }
    }
    return n;
  }

 private:
  // Invariant: a direct slot is open iff its FdInfo::fd >= 0 (then fd == its index).
  std::vector<FdInfo> direct_;
  std::unordered_map<int64_t, std::unique_ptr<FdInfo>> spill_;
  size_t count_ = 0;
  uint32_t max_fds_;
  uint64_t drops_ = 0;
};

}  // namespace saker::state
