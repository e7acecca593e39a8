#pragma once
// Reads AWS ECS task metadata endpoint v4 documents: the container document served at
// $ECS_CONTAINER_METADATA_URI_V4 and the task document at $ECS_CONTAINER_METADATA_URI_V4/task.
#include <string>
#include <string_view>
#include <vector>

#include "engine/state/container_info.h"

namespace saker::state::metadata {

// The container document (DockerId, Name, Image, ImageID, Labels, Networks).
bool parse_ecs_container(std::string_view json, ContainerInfo& out, std::string& error);

// The task document: the task facts, and every container it lists (each carries `task`).
bool parse_ecs_task(std::string_view json, CloudTaskInfo& task, std::vector<ContainerInfo>& containers,
                    std::string& error);

}  // namespace saker::state::metadata
