#pragma once
// Reads the document of the Docker-compatible API's GET /containers/{id}/json (Docker, and
// podman's compatibility service) into a ContainerInfo. Kubernetes fields come from the CRI
// labels (io.kubernetes.pod.name ...) as Falco derives them.
#include <string>
#include <string_view>

#include "engine/state/container_info.h"

namespace saker::state::metadata {

// Returns false and sets `error` (with the byte offset for malformed JSON) when the document
// is not a container description.
bool parse_docker_inspect(std::string_view json, ContainerType type, ContainerInfo& out,
                          std::string& error);

// Fills the k8s_* members of `info` from its labels (io.kubernetes.pod.name, .namespace,
// .pod.uid, io.kubernetes.sandbox.id) and keeps the other labels as pod labels the way CRI
// runtimes copy them onto containers.
void fill_k8s_from_labels(ContainerInfo& info);

}  // namespace saker::state::metadata
