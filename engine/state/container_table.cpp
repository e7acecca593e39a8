#include "engine/state/container_table.h"

namespace saker::state {

namespace {
constexpr size_t kShortIdLen = 12;
}

void ContainerTable::seen(std::string_view full_id, ContainerType type) {
  if (provider_ == nullptr || full_id.empty()) return;
  std::string_view id = full_id.substr(0, kShortIdLen);
  if (known_.find(id) != known_.end()) return;
  if (known_.size() >= kMaxContainers) {
    ++dropped_;
    return;
  }
  known_.emplace(std::string(id), nullptr);
  const std::string full(full_id);
  provider_->request(full, type);
  provider_->wait_for(full);  // returns at once unless the wait option is set
  refresh();
}

void ContainerTable::refresh() {
  if (provider_ == nullptr || !provider_->has_updates()) return;
  updated_.clear();
  removed_.clear();
  provider_->take(updated_, removed_);
  for (auto& info : updated_) {
    auto it = known_.find(std::string_view(info->id));
    if (it != known_.end()) {
      it->second = std::move(info);
    } else if (known_.size() < kMaxContainers) {
      known_.emplace(info->id, std::move(info));
    }
  }
  for (const std::string& id : removed_) {
    auto it = known_.find(std::string_view(id).substr(0, kShortIdLen));
    if (it != known_.end()) known_.erase(it);
  }
}

const ContainerInfo* ContainerTable::find(std::string_view id) const {
  auto it = known_.find(id);
  if (it != known_.end()) return it->second.get();
  return self_ != nullptr && self_->id == id ? self_.get() : nullptr;
}

const ContainerInfo* ContainerTable::self() const {
  if (provider_ == nullptr) return nullptr;
  if (!self_checked_) {
    self_ = provider_->self_container();
    // The answer may come later (a metadata endpoint); ask again until there is one.
    self_checked_ = self_ != nullptr;
  }
  return self_.get();
}

}  // namespace saker::state
