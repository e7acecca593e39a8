#pragma once
// What a container runtime (or a managed-runtime endpoint) tells about one container, and the
// interface through which the state engine asks for it. The state engine stays free of network
// code: engine/state/metadata/ implements MetadataProvider asynchronously, and the State keeps
// the finished records in a table that only the pipeline thread reads (no lock per event).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/state/thread_info.h"

namespace saker::state {

struct ContainerMount {
  std::string source;
  std::string dest;
  std::string mode;         // e.g. "ro", "z" (runtime mount options, may be empty)
  bool rdwr = false;        // writable
  std::string propagation;  // e.g. "rprivate"
};

// Task-level facts of a managed runtime (AWS ECS / Fargate task metadata v4).
struct CloudTaskInfo {
  std::string cluster;
  std::string task_arn;
  std::string family;
  std::string revision;
  std::string availability_zone;
  std::string launch_type;  // "FARGATE", "EC2"
};

struct ContainerInfo {
  std::string full_id;  // 64 hex chars (or the runtime's id when it is not hex)
  std::string id;       // container.id: the first 12 chars of full_id
  ContainerType type = ContainerType::Unknown;
  std::string name;
  std::string image;            // as the container was created from ("nginx:1.25")
  std::string image_id;         // 12 hex chars, without "sha256:"
  std::string image_repository; // "docker.io/library/nginx"
  std::string image_tag;        // "1.25"
  std::string image_digest;     // "sha256:..."
  std::vector<std::pair<std::string, std::string>> labels;  // sorted by key
  std::optional<bool> privileged;
  std::vector<ContainerMount> mounts;
  std::string healthcheck;      // the health check command line, "" when none
  std::string ip;
  uint64_t start_ts = 0;        // when it started, ns since the epoch (0: not reported)
  bool host_pid = false, host_network = false, host_ipc = false;
  // Kubernetes, from the CRI labels io.kubernetes.*.
  std::string k8s_pod_name, k8s_pod_uid, k8s_ns_name, k8s_sandbox_id;
  std::vector<std::pair<std::string, std::string>> k8s_pod_labels;  // sorted by key
  std::optional<CloudTaskInfo> task;

  const std::string* label(std::string_view key) const {
    for (const auto& [k, v] : labels)
      if (k == key) return &v;
    return nullptr;
  }
};

// An asynchronous source of ContainerInfo. request() and poll() are called by the pipeline
// thread; the provider works on its own threads and never blocks the caller (except
// wait_for(), which the "wait for metadata" option uses on purpose, bounded by a timeout).
class MetadataProvider {
 public:
  virtual ~MetadataProvider() = default;
  // Asks for the metadata of a container seen for the first time (cheap, non-blocking).
  virtual void request(const std::string& full_id, ContainerType type) = 0;
  // Cheap check (one atomic load) for finished lookups or runtime events since the last take().
  virtual bool has_updates() const = 0;
  // Moves out what changed: new or refreshed records, and the ids of removed containers.
  virtual void take(std::vector<std::shared_ptr<const ContainerInfo>>& updated,
                    std::vector<std::string>& removed) = 0;
  // Blocks up to the provider's configured wait for a pending request of full_id; returns
  // at once when waiting is not configured.
  virtual void wait_for(const std::string& full_id) = 0;
  // The container this process itself runs in when the cgroup namespace hides it (the tracer
  // and engine inside a task); nullptr when not inside a known container.
  virtual std::shared_ptr<const ContainerInfo> self_container() const { return nullptr; }
};

}  // namespace saker::state
