#include "engine/state/metadata/image_ref.h"

namespace saker::state::metadata {

ImageRef parse_image_ref(std::string_view ref) {
  ImageRef r;
  if (size_t at = ref.find('@'); at != std::string_view::npos) {
    r.digest = ref.substr(at + 1);
    ref = ref.substr(0, at);
  }
  // A ':' after the last '/' starts the tag; one before it belongs to a registry port
  // ("registry:5000/app").
  const size_t slash = ref.rfind('/');
  const size_t colon = ref.rfind(':');
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash)) {
    r.tag = ref.substr(colon + 1);
    ref = ref.substr(0, colon);
  }
  r.repository = ref;
  return r;
}

}  // namespace saker::state::metadata
