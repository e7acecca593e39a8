// libFuzzer target: the container runtimes' JSON documents, as untrusted as the runtime socket or
// the ECS endpoint that serves them. The first byte picks the parser, the rest is the document:
//   'D' Docker-compatible GET /containers/{id}/json      'E' ECS task metadata v4 container
//   'T' ECS task metadata v4 /task                        'C' CRI ContainerStatus verbose info
// (any other byte: its value modulo 4, in that order). Beyond "no crash", a document accepted
// must give fields within their documented shapes (ids cut to 12 chars, sorted unique labels, pod
// labels only for a pod, nothing longer than the input), and a refused one an error whose byte
// offset lies within the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "engine/state/container_info.h"
#include "engine/state/metadata/cri_verbose_info.h"
#include "engine/state/metadata/docker_inspect.h"
#include "engine/state/metadata/ecs_task.h"
#include "engine/state/metadata/image_ref.h"

namespace {

using saker::state::CloudTaskInfo;
using saker::state::ContainerInfo;
using saker::state::ContainerType;
namespace md = saker::state::metadata;

constexpr size_t kShortIdLen = 12;  // container.id, container.image.id, k8s sandbox id

void require(bool ok) {
  if (!ok) __builtin_trap();
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// A refused document: either a JSON error naming a byte of the input, or the parser's own
// "not a ... document" reason.
void check_error(const std::string& error, size_t input_size) {
  require(!error.empty());
  constexpr std::string_view kJson = "malformed JSON at byte ";
  if (!starts_with(error, kJson)) {
    require(error.find("document") != std::string::npos);
    return;
  }
  const char* digits = error.c_str() + kJson.size();
  char* end = nullptr;
  const unsigned long long byte = std::strtoull(digits, &end, 10);
  require(end != digits && *end == ':');
  require(byte <= input_size);
}

void check_sorted_unique(const std::vector<std::pair<std::string, std::string>>& pairs) {
  for (size_t i = 1; i < pairs.size(); ++i) require(pairs[i - 1].first < pairs[i].first);
}

// Every string comes out of the document (unescaped JSON strings are never longer than their
// source), except the "latest" tag a tagless reference implies.
void check_container(const ContainerInfo& c, size_t input_size) {
  require(!c.full_id.empty() && c.full_id.size() <= input_size);
  require(c.id == c.full_id.substr(0, kShortIdLen));
  require(c.image_id.size() <= kShortIdLen);
  require(c.k8s_sandbox_id.size() <= kShortIdLen);
  for (const std::string* s : {&c.name, &c.image, &c.image_repository, &c.image_digest, &c.healthcheck, &c.ip,
                               &c.k8s_pod_name, &c.k8s_pod_uid, &c.k8s_ns_name}) {
    require(s->size() <= input_size);
  }
  // The image fields are the split of the image reference; "latest" only for a named image.
  const md::ImageRef ref = md::parse_image_ref(c.image);
  require(c.image_repository == ref.repository && c.image_digest == ref.digest);
  if (ref.tag.empty() && ref.digest.empty() && !ref.repository.empty()) {
    require(c.image_tag == "latest");
  } else {
    require(c.image_tag == ref.tag);
  }
  check_sorted_unique(c.labels);
  for (const auto& [k, v] : c.labels) require(k.size() + v.size() <= input_size);
  for (const auto& m : c.mounts) {
    require(m.source.size() + m.dest.size() + m.mode.size() + m.propagation.size() <= input_size);
  }
  // Pod labels: a pod's container only, copied from the container labels minus the runtime's own.
  if (c.k8s_pod_name.empty()) require(c.k8s_pod_labels.empty());
  check_sorted_unique(c.k8s_pod_labels);
  for (const auto& [k, v] : c.k8s_pod_labels) {
    require(!starts_with(k, "io.kubernetes.") && !starts_with(k, "annotation."));
    const std::string* own = c.label(k);
    require(own != nullptr && *own == v);
  }
}

void fuzz_docker(std::string_view doc) {
  ContainerInfo c;
  std::string error;
  if (!md::parse_docker_inspect(doc, ContainerType::Podman, c, error)) return check_error(error, doc.size());
  require(error.empty());
  require(c.type == ContainerType::Podman);
  check_container(c, doc.size());
}

void fuzz_ecs_container(std::string_view doc) {
  ContainerInfo c;
  std::string error;
  if (!md::parse_ecs_container(doc, c, error)) return check_error(error, doc.size());
  check_container(c, doc.size());
  require(!c.task.has_value());
}

bool same_task(const CloudTaskInfo& a, const CloudTaskInfo& b) {
  return a.cluster == b.cluster && a.task_arn == b.task_arn && a.family == b.family && a.revision == b.revision &&
         a.availability_zone == b.availability_zone && a.launch_type == b.launch_type;
}

void fuzz_ecs_task(std::string_view doc) {
  CloudTaskInfo task;
  std::vector<ContainerInfo> containers;
  std::string error;
  if (!md::parse_ecs_task(doc, task, containers, error)) {
    require(containers.empty());
    return check_error(error, doc.size());
  }
  require(!task.task_arn.empty() && task.task_arn.size() <= doc.size());
  // Each listed container needs at least {"DockerId":"x"}: 15 bytes of the document.
  require(containers.size() <= doc.size() / 15);
  for (const ContainerInfo& c : containers) {
    check_container(c, doc.size());
    require(c.task.has_value() && same_task(*c.task, task));
  }
}

void fuzz_cri_info(std::string_view doc) {
  md::CriVerboseInfo info;
  std::string error;
  if (!md::parse_cri_verbose_info(doc, info, error)) {
    require(info.sandbox_id.empty() && !info.privileged.has_value());
    return check_error(error, doc.size());
  }
  require(info.sandbox_id.size() <= doc.size());
  // A boolean needs "true" or "false" in the document, whatever the key's escapes.
  if (info.privileged.has_value())
    require(doc.find(*info.privileged ? "true" : "false") != std::string_view::npos);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view doc(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0]) {
    case 'D': fuzz_docker(doc); break;
    case 'E': fuzz_ecs_container(doc); break;
    case 'T': fuzz_ecs_task(doc); break;
    case 'C': fuzz_cri_info(doc); break;
    default: {
      constexpr void (*kParsers[])(std::string_view) = {fuzz_docker, fuzz_ecs_container, fuzz_ecs_task,
                                                        fuzz_cri_info};
      kParsers[data[0] % 4](doc);
    }
  }
  return 0;
}
