#pragma once
// Extractors for the fields that come from container runtime metadata (container.name,
// container.image.*, container.mount*, container.label*, k8s.*, ecs.*): they read the
// ContainerInfo the state engine's ContainerTable holds for the event thread's container.
#include <memory>
#include <string>

#include "engine/fields/bound_field.h"

namespace saker::fields {

// A bound extractor for req.info.name, or nullptr when the name is not a metadata field.
std::unique_ptr<BoundField> bind_container_metadata(const BindRequest& req, std::string& error);

}  // namespace saker::fields
