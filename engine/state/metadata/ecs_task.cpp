#include "engine/state/metadata/ecs_task.h"

#include <algorithm>

#include "engine/state/metadata/docker_inspect.h"
#include "engine/state/metadata/image_ref.h"
#include "engine/state/metadata/json_util.h"

namespace saker::state::metadata {

namespace {

using nlohmann::json;

constexpr size_t kShortIdLen = 12;

bool read_container(const json& j, ContainerInfo& out, std::string& error) {
  if (!j.is_object() || str_of(j, "DockerId").empty()) {
    error = "not an ECS container document (no \"DockerId\")";
    return false;
  }
  out.full_id = str_of(j, "DockerId");
  out.id = out.full_id.substr(0, kShortIdLen);
  out.type = ContainerType::Docker;  // ECS agents and Fargate run containers through containerd/docker
  out.name = str_of(j, "Name");
  out.image = str_of(j, "Image");
  std::string iid = str_of(j, "ImageID");
  if (iid.rfind("sha256:", 0) == 0) iid.erase(0, 7);
  out.image_id = iid.substr(0, kShortIdLen);
  ImageRef ref = parse_image_ref(out.image);
  out.image_repository = std::move(ref.repository);
  out.image_tag = std::move(ref.tag);
  out.image_digest = std::move(ref.digest);
  if (out.image_tag.empty() && out.image_digest.empty() && !out.image_repository.empty())
    out.image_tag = "latest";  // as docker_inspect.cpp: no image, no tag
  const json& labels = obj_of(j, "Labels");
  for (auto it = labels.begin(); it != labels.end(); ++it) {
    if (it.value().is_string()) out.labels.emplace_back(it.key(), it.value().get<std::string>());
  }
  std::sort(out.labels.begin(), out.labels.end());
  if (const json* nets = member(j, "Networks"); nets != nullptr && nets->is_array() && !nets->empty()) {
    const json* v4 = member((*nets)[0], "IPv4Addresses");
    if (v4 != nullptr && v4->is_array() && !v4->empty() && (*v4)[0].is_string())
      out.ip = (*v4)[0].get<std::string>();
  }
  fill_k8s_from_labels(out);
  return true;
}

}  // namespace

bool parse_ecs_container(std::string_view text, ContainerInfo& out, std::string& error) {
  json j;
  if (!parse_json(text, j, error)) return false;
  return read_container(j, out, error);
}

bool parse_ecs_task(std::string_view text, CloudTaskInfo& task, std::vector<ContainerInfo>& containers,
                    std::string& error) {
  json j;
  if (!parse_json(text, j, error)) return false;
  if (!j.is_object() || str_of(j, "TaskARN").empty()) {
    error = "not an ECS task document (no \"TaskARN\")";
    return false;
  }
  task.cluster = str_of(j, "Cluster");
  task.task_arn = str_of(j, "TaskARN");
  task.family = str_of(j, "Family");
  task.revision = str_of(j, "Revision");
  task.availability_zone = str_of(j, "AvailabilityZone");
  task.launch_type = str_of(j, "LaunchType");
  if (const json* list = member(j, "Containers"); list != nullptr && list->is_array()) {
    for (const json& c : *list) {
      ContainerInfo info;
      std::string ignored;  // a container entry without an id (pending) is skipped
      if (!read_container(c, info, ignored)) continue;
      info.task = task;
      containers.push_back(std::move(info));
    }
  }
  return true;
}

}  // namespace saker::state::metadata
