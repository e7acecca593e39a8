#include "engine/state/fd_table.h"

#include <algorithm>

namespace saker::state {

FdInfo* FdTable::find(int64_t fd) {
  if (fd < 0) return nullptr;
  if (fd < kDirectSlots) {
    if (static_cast<size_t>(fd) >= direct_.size()) return nullptr;
    FdInfo& s = direct_[static_cast<size_t>(fd)];
    return s.fd >= 0 ? &s : nullptr;
  }
  auto it = spill_.find(fd);
  return it == spill_.end() ? nullptr : it->second.get();
}

const FdInfo* FdTable::find(int64_t fd) const { return const_cast<FdTable*>(this)->find(fd); }

FdInfo* FdTable::add(int64_t fd) {
  if (fd < 0) return nullptr;
  FdInfo* existing = find(fd);
  if (existing == nullptr && count_ >= max_fds_) {
    ++drops_;
    return nullptr;
  }
  FdInfo* slot = existing;
  if (slot == nullptr) {
    if (fd < kDirectSlots) {
      if (static_cast<size_t>(fd) >= direct_.size()) {
        // Grow geometrically, to at most kDirectSlots.
        size_t want = std::max<size_t>(16, direct_.size() * 2);
        while (want <= static_cast<size_t>(fd)) want *= 2;
        direct_.resize(std::min<size_t>(want, kDirectSlots));
      }
      slot = &direct_[static_cast<size_t>(fd)];
    } else {
      auto& p = spill_[fd];
      p = std::make_unique<FdInfo>();
      slot = p.get();
    }
    ++count_;
  }
  slot->reset();
  slot->fd = fd;
  return slot;
}

bool FdTable::erase(int64_t fd) {
  if (fd < 0) return false;
  if (fd < kDirectSlots) {
    if (static_cast<size_t>(fd) >= direct_.size() || direct_[static_cast<size_t>(fd)].fd < 0) {
      return false;
    }
    direct_[static_cast<size_t>(fd)].fd = -1;
    --count_;
    return true;
  }
  if (spill_.erase(fd) == 0) return false;
  --count_;
  return true;
}

void FdTable::clear() {
  for (auto& s : direct_) s.fd = -1;
  spill_.clear();
  count_ = 0;
}

void FdTable::copy_from(const FdTable& other) {
  clear();
  other.for_each([this](const FdInfo& src) {
    FdInfo* dst = add(src.fd);
    if (dst == nullptr) return;
    *dst = src;
    dst->flags |= FdInfo::kCloned;
    dst->name_changed = false;
  });
}

}  // namespace saker::state
