#include "engine/state/metadata/docker_inspect.h"

#include <algorithm>

#include "engine/state/metadata/image_ref.h"
#include "engine/state/metadata/json_util.h"

namespace saker::state::metadata {

namespace {

using nlohmann::json;

constexpr size_t kShortIdLen = 12;

std::string strip_sha(std::string_view id) {
  if (id.substr(0, 7) == "sha256:") id.remove_prefix(7);
  return std::string(id.substr(0, kShortIdLen));
}

void read_labels(const json& labels, std::vector<std::pair<std::string, std::string>>& out) {
  if (!labels.is_object()) return;
  for (auto it = labels.begin(); it != labels.end(); ++it) {
    if (it.value().is_string()) out.emplace_back(it.key(), it.value().get<std::string>());
  }
  std::sort(out.begin(), out.end());
}

void read_mounts(const json& mounts, std::vector<ContainerMount>& out) {
  if (!mounts.is_array()) return;
  for (const json& m : mounts) {
    ContainerMount cm;
    cm.source = str_of(m, "Source");
    cm.dest = str_of(m, "Destination");
    cm.mode = str_of(m, "Mode");
    const json* rw = member(m, "RW");
    cm.rdwr = rw != nullptr && rw->is_boolean() && rw->get<bool>();
    cm.propagation = str_of(m, "Propagation");
    out.push_back(std::move(cm));
  }
}

// Config.Healthcheck.Test: ["CMD-SHELL", "curl ..."], ["CMD", "a", "b"] or ["NONE"].
std::string read_healthcheck(const json& config) {
  const json* test = member(obj_of(config, "Healthcheck"), "Test");
  if (test == nullptr || !test->is_array() || test->empty()) return {};
  std::string out;
  for (size_t i = 0; i < test->size(); ++i) {
    if (!(*test)[i].is_string()) continue;
    const std::string s = (*test)[i].get<std::string>();
    if (i == 0 && (s == "CMD" || s == "CMD-SHELL")) continue;
    if (!out.empty()) out += ' ';
    out += s;
  }
  return out;
}

}  // namespace

void fill_k8s_from_labels(ContainerInfo& info) {
  for (const auto& [k, v] : info.labels) {
    if (k == "io.kubernetes.pod.name") {
      info.k8s_pod_name = v;
    } else if (k == "io.kubernetes.pod.namespace") {
      info.k8s_ns_name = v;
    } else if (k == "io.kubernetes.pod.uid") {
      info.k8s_pod_uid = v;
    } else if (k == "io.kubernetes.sandbox.id") {
      info.k8s_sandbox_id = v.substr(0, kShortIdLen);
    } else if (k.rfind("io.kubernetes.", 0) != 0 && k.rfind("annotation.", 0) != 0) {
      info.k8s_pod_labels.emplace_back(k, v);  // labels are sorted, so these stay sorted
    }
  }
  if (info.k8s_pod_name.empty()) info.k8s_pod_labels.clear();  // not a pod's container
}

bool parse_docker_inspect(std::string_view text, ContainerType type, ContainerInfo& out,
                          std::string& error) {
  json j;
  if (!parse_json(text, j, error)) return false;
  if (!j.is_object() || str_of(j, "Id").empty()) {
    error = "not a container document (no \"Id\")";
    return false;
  }
  out.full_id = str_of(j, "Id");
  out.id = out.full_id.substr(0, kShortIdLen);
  out.type = type;
  out.name = str_of(j, "Name");
  if (!out.name.empty() && out.name.front() == '/') out.name.erase(0, 1);
  const json& config = obj_of(j, "Config");
  out.image = str_of(config, "Image");
  out.image_id = strip_sha(str_of(j, "Image"));
  ImageRef ref = parse_image_ref(out.image);
  out.image_repository = std::move(ref.repository);
  out.image_tag = std::move(ref.tag);
  out.image_digest = std::move(ref.digest);
  if (out.image_tag.empty() && out.image_digest.empty() && !out.image_repository.empty())
    out.image_tag = "latest";  // a reference without tag means :latest to every runtime
  read_labels(obj_of(config, "Labels"), out.labels);
  const json& host = obj_of(j, "HostConfig");
  if (const json* p = member(host, "Privileged"); p != nullptr && p->is_boolean())
    out.privileged = p->get<bool>();
  out.host_pid = str_of(host, "PidMode") == "host";
  out.host_network = str_of(host, "NetworkMode") == "host";
  out.host_ipc = str_of(host, "IpcMode") == "host";
  read_mounts(member(j, "Mounts") != nullptr ? *member(j, "Mounts") : json(), out.mounts);
  out.healthcheck = read_healthcheck(config);
  out.ip = str_of(obj_of(j, "NetworkSettings"), "IPAddress");
  fill_k8s_from_labels(out);
  return true;
}

}  // namespace saker::state::metadata
