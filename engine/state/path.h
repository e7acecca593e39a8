#pragma once
// Path resolution with sysdig's rules for fd.name: a relative path is appended to a base (the
// cwd, or a dirfd's path, which end with '/'), then "." and ".." components and repeated
// separators are folded; ".." never climbs above "/"; a trailing '/' is dropped (except for "/").
// The base itself is taken as is. An absolute `rel` ignores the base.
#include <string>
#include <string_view>

namespace saker::state {

// Largest path we build; longer inputs give kPathTooLong (as sysdig does).
inline constexpr size_t kMaxPath = 4096;
inline constexpr std::string_view kPathTooLong = "/DIR_TOO_LONG/FILENAME_TOO_LONG";

// Writes the resolved path into `out` (cleared first; its capacity is reused).
void resolve_path(std::string& out, std::string_view base, std::string_view rel);

// Convenience form returning a new string.
inline std::string resolve_path(std::string_view base, std::string_view rel) {
  std::string out;
  resolve_path(out, base, rel);
  return out;
}

// A directory path as stored for cwd and used as a base: ends with exactly one '/'.
void set_dir_path(std::string& out, std::string_view dir);

}  // namespace saker::state
