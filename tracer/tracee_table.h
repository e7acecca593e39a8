#pragma once
// All traced threads by tid. References stay valid until that tid is erased (node-based map).
#include <sys/types.h>

#include <unordered_map>

#include "tracer/tracee.h"

namespace saker::tracer {

class TraceeTable {
 public:
  Tracee* find(pid_t tid) {
    auto it = map_.find(tid);
    return it == map_.end() ? nullptr : &it->second;
  }
  // Returns the entry for tid, creating it (startup state, tgid unknown = 0) if absent.
  Tracee& get_or_add(pid_t tid, bool* added = nullptr) {
    auto [it, inserted] = map_.try_emplace(tid);
    if (inserted) it->second.tid = tid;
    if (added) *added = inserted;
    return it->second;
  }
  void erase(pid_t tid) { map_.erase(tid); }
  bool empty() const { return map_.empty(); }
  size_t size() const { return map_.size(); }

  template <typename F>
  void for_each(F&& f) {
    for (auto& [tid, t] : map_) f(t);
  }

 private:
  std::unordered_map<pid_t, Tracee> map_;
};

}  // namespace saker::tracer
