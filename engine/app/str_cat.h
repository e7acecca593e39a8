#pragma once
// cat("a", s, std::to_string(n)): concatenation by appends. g++ 12 at -O3 reports a false
// -Wrestrict on `"literal" + std::string&&`; messages built with cat() avoid it.
#include <string>
#include <string_view>

namespace saker {

template <class... Parts>
std::string cat(const Parts&... parts) {
  std::string s;
  (s.append(std::string_view(parts)), ...);
  return s;
}

}  // namespace saker
