#include "engine/state/path.h"

namespace saker::state {

namespace {

// Drops the last component of `out` (which ends with '/'), never going above a leading "/".
void climb(std::string& out) {
  if (out.size() <= 1) return;
  out.pop_back();
  while (!out.empty() && out.back() != '/') out.pop_back();
}

}  // namespace

void resolve_path(std::string& out, std::string_view base, std::string_view rel) {
  out.clear();
  if (base.size() + rel.size() + 1 > kMaxPath) {
    out.assign(kPathTooLong);
    return;
  }
  const bool relative = !rel.empty() && rel[0] != '/';
  if (relative) out.assign(base);
  // A relative path with no base may not gain a leading '/' by folding "x/.." away.
  const bool empty_base = out.empty();

  size_t i = 0;
  const size_t n = rel.size();
  auto at = [&](size_t k) { return k < n ? rel[k] : '\0'; };
  while (i < n) {
    const char c = rel[i];
    const bool at_component_start = out.empty() || out.back() == '/';
    if (c == '.' && at_component_start) {
      if (at(i + 1) == '.' && at(i + 2) == '/') {  // "../"
        climb(out);
        i += 3;
      } else if (at(i + 1) == '.' && i + 2 == n) {  // ".." at the end
        climb(out);
        i += 2;
      } else if (at(i + 1) == '/') {  // "./"
        i += 2;
      } else if (i + 1 == n) {  // "." at the end
        i += 1;
      } else {  // ".hidden", "..x"
        out.push_back(c);
        ++i;
      }
    } else if (c == '/') {
      if ((!out.empty() && out.back() == '/') || (out.empty() && !empty_base)) {
        ++i;  // repeated separator, or everything above was folded away
      } else {
        out.push_back(c);
        ++i;
      }
    } else {
      out.push_back(c);
      ++i;
    }
  }
  if (out.size() > 1 && out.back() == '/') out.pop_back();
}

void set_dir_path(std::string& out, std::string_view dir) {
  out.assign(dir);
  if (out.empty() || out.back() != '/') out.push_back('/');
}

}  // namespace saker::state
