#pragma once
// Splits an image reference as runtimes report it ("docker.io/library/nginx:1.25@sha256:ab..")
// into the repository, tag and digest that container.image.* show.
#include <string>
#include <string_view>

namespace saker::state::metadata {

struct ImageRef {
  std::string repository;  // everything before the tag and digest
  std::string tag;         // "" when the reference has none
  std::string digest;      // "sha256:..." or ""
};

ImageRef parse_image_ref(std::string_view ref);

}  // namespace saker::state::metadata
