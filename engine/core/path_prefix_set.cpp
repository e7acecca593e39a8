#include "engine/core/path_prefix_set.h"

#include <fnmatch.h>

namespace saker::core {

struct PathPrefixSet::Level {
  // A child with terminal=true ends a search path: everything below it matches.
  struct Child {
    bool terminal = false;
    std::unique_ptr<Level> below;
  };
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, Child, Hash, std::equal_to<>> exact;
  std::vector<std::pair<std::string, Child>> globs;  // matched with fnmatch, in insertion order
};

namespace {

bool has_glob(std::string_view c) { return c.find_first_of("*?[") != std::string_view::npos; }

// Calls f(component) for every non-empty component of a '/'-separated path.
template <typename F>
void for_each_component(std::string_view path, F&& f) {
  size_t i = 0;
  while (i < path.size()) {
    while (i < path.size() && path[i] == '/') ++i;
    size_t j = i;
    while (j < path.size() && path[j] != '/') ++j;
    if (j > i && !f(path.substr(i, j - i))) return;
    i = j;
  }
}

}  // namespace

PathPrefixSet::PathPrefixSet() : root_(std::make_unique<Level>()) {}
PathPrefixSet::~PathPrefixSet() = default;
PathPrefixSet::PathPrefixSet(PathPrefixSet&&) noexcept = default;
PathPrefixSet& PathPrefixSet::operator=(PathPrefixSet&&) noexcept = default;

bool PathPrefixSet::empty() const { return root_->exact.empty() && root_->globs.empty(); }

void PathPrefixSet::add(std::string_view path) {
  std::vector<std::string_view> comps;
  for_each_component(path, [&](std::string_view c) {
    comps.push_back(c);
    return true;
  });
  if (comps.empty()) return;
  Level* level = root_.get();
  for (size_t k = 0; k < comps.size(); ++k) {
    Level::Child* child;
    if (has_glob(comps[k])) {
      child = nullptr;
      for (auto& [pat, c] : level->globs) {
        if (pat == comps[k]) child = &c;
      }
      if (!child) child = &level->globs.emplace_back(std::string(comps[k]), Level::Child{}).second;
    } else {
      child = &level->exact[std::string(comps[k])];
    }
    if (child->terminal) return;  // a shorter search path already covers this one
    if (k + 1 == comps.size()) {
      child->terminal = true;
      child->below.reset();
      return;
    }
    if (!child->below) child->below = std::make_unique<Level>();
    level = child->below.get();
  }
}

bool PathPrefixSet::match(std::string_view path) const {
  // Paths have few components; a small fixed buffer avoids allocating per event.
  std::string_view comps[64];
  size_t n = 0;
  bool overflow = false;
  for_each_component(path, [&](std::string_view c) {
    if (n == 64) {
      overflow = true;
      return false;
    }
    comps[n++] = c;
    return true;
  });
  (void)overflow;  // deeper paths are matched on their first 64 components
  // Iterative walk with backtracking over glob alternatives (recursion depth <= 64).
  struct Walker {
    const std::string_view* comps;
    size_t n;
    bool walk(const Level* level, size_t k) const {
      if (k == n || !level) return false;
      char buf[256];
      const std::string_view c = comps[k];
      if (auto it = level->exact.find(c); it != level->exact.end()) {
        if (it->second.terminal || walk(it->second.below.get(), k + 1)) return true;
      }
      if (!level->globs.empty() && c.size() < sizeof buf) {
        c.copy(buf, c.size());
        buf[c.size()] = '\0';
        for (const auto& [pat, child] : level->globs) {
          if (::fnmatch(pat.c_str(), buf, 0) == 0 &&
              (child.terminal || walk(child.below.get(), k + 1))) {
            return true;
          }
        }
      }
      return false;
    }
  };
  return Walker{comps, n}.walk(root_.get(), 0);
}

}  // namespace saker::core
