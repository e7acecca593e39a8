#pragma once
// The set behind `pmatch`: a path matches when one of the search paths is a prefix of it, whole
// component by whole component (`/var/run` matches `/var/run/docker.sock`, not `/var/running`).
// Search-path components may be glob patterns (`/home/*/.ssh`). Built once at compile time.
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace saker::core {

class PathPrefixSet {
 public:
  PathPrefixSet();
  ~PathPrefixSet();
  PathPrefixSet(PathPrefixSet&&) noexcept;
  PathPrefixSet& operator=(PathPrefixSet&&) noexcept;

  void add(std::string_view path);
  bool match(std::string_view path) const;
  bool empty() const;

 private:
  struct Level;
  std::unique_ptr<Level> root_;
};

}  // namespace saker::core
