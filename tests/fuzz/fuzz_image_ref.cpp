// libFuzzer target: image references as runtimes report them ("registry:5000/team/app:2.0@sha256:ab"),
// untrusted text from the runtime socket, the ECS endpoint or the CRI. The split must put the
// reference back together exactly: repository, then ":tag" when a ':' follows the last '/',
// then "@digest" from the first '@'.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "engine/state/metadata/image_ref.h"

namespace {

void require(bool ok) {
  if (!ok) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const saker::state::metadata::ImageRef r = saker::state::metadata::parse_image_ref(text);
  const size_t at = text.find('@');
  const std::string_view name = text.substr(0, at);  // the whole text when there is no '@'
  // The digest is everything after the first '@'.
  require(at == std::string_view::npos ? r.digest.empty() : r.digest == text.substr(at + 1));
  // The name is repository[:tag], the tag after the last ':' unless a '/' follows it (then that
  // ':' is a registry port): a tag holds no '/' or ':', and without a tag the repository's last
  // path component holds no ':'.
  require(name.substr(0, r.repository.size()) == r.repository);
  const std::string_view rest = name.substr(r.repository.size());
  if (rest.empty()) {
    require(r.tag.empty());
  } else {
    require(rest.front() == ':' && rest.substr(1) == r.tag);
  }
  require(r.tag.find_first_of("/:@") == std::string::npos);
  if (rest.empty()) {
    const size_t slash = r.repository.rfind('/');
    const std::string_view last = std::string_view(r.repository).substr(slash == std::string::npos ? 0 : slash + 1);
    require(last.find(':') == std::string_view::npos);
  }
  return 0;
}
