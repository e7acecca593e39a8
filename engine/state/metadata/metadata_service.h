#pragma once
// The container metadata service: a MetadataProvider that looks containers up on worker
// threads, never on the event path.
//
//   runtime APIs  Docker-compatible API on Unix sockets (Docker's /var/run/docker.sock,
//                 podman's service /run/podman/podman.sock): GET /containers/{id}/json (+ the
//                 image's RepoDigests), kept fresh by GET /events (start/rename/update refetch,
//                 destroy forgets).
//   CRI           Kubernetes CRI RuntimeService (runtime.v1) on Unix sockets (containerd,
//                 CRI-O, k3s): ContainerStatus (verbose) and the pod's PodSandboxStatus, tried
//                 after the Docker-compatible endpoints.
//   ECS           $ECS_CONTAINER_METADATA_URI_V4 and .../task: the task's containers, the
//                 task facts (cluster, ARN, family, revision, zone, launch type) and which
//                 container this process runs in.
//
// Container this process runs in (cgroup namespace shows "/"), in order of precedence:
//   1. self_container_id (the wrapper's SAKER_CONTAINER_ID),
//   2. the ECS container document's DockerId,
//   3. the hostname, when self_from_hostname is set and it looks like a container id
//      (12 to 64 hex chars, which Docker and podman give a container by default).
//
// Failures (absent socket, timeout, HTTP error, malformed JSON) are logged once per source and
// kind through `log`, never per event; lookups are bounded by timeout_ms.
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

#include "engine/state/container_info.h"
#include "engine/state/metadata/cri_client.h"
#include "engine/state/metadata/http_get.h"

namespace saker::state::metadata {

struct MetadataConfig {
  // Docker-compatible API endpoints, tried in order: Unix socket paths (absent ones are
  // skipped) or "http://host:port" for an API on TCP.
  std::vector<std::string> runtime_sockets = {"/var/run/docker.sock", "/run/podman/podman.sock"};
  std::string api_version = "v1.41";
  // CRI runtime sockets, tried in order after runtime_sockets (absent ones are skipped).
  std::vector<std::string> cri_sockets;
  std::string ecs_uri;            // ECS task metadata v4 base URI ("" disables)
  std::string self_container_id;  // from the wrapper (SAKER_CONTAINER_ID)
  bool self_from_hostname = false;
  long timeout_ms = 1000;         // per HTTP request
  bool wait = false;              // wait_for() blocks up to timeout_ms (Falco's disable_async)
  size_t max_queue = 4096;        // pending lookups; more are dropped (and logged once)
  bool watch_events = true;       // follow the runtime's /events stream
  std::function<void(const std::string&)> log;  // warnings; may be empty
};

class MetadataService final : public MetadataProvider {
 public:
  explicit MetadataService(MetadataConfig cfg);
  ~MetadataService() override;
  MetadataService(const MetadataService&) = delete;
  MetadataService& operator=(const MetadataService&) = delete;

  // Starts the worker threads (lookups, event streams, ECS). Safe to call once.
  void start();
  void stop();

  void request(const std::string& full_id, ContainerType type) override;
  bool has_updates() const override { return has_updates_.load(std::memory_order_acquire); }
  void take(std::vector<std::shared_ptr<const ContainerInfo>>& updated,
            std::vector<std::string>& removed) override;
  void wait_for(const std::string& full_id) override;
  std::shared_ptr<const ContainerInfo> self_container() const override;

  // Counters for tests and the summary.
  struct Stats {
    uint64_t lookups = 0, found = 0, failed = 0, events = 0, dropped = 0;
  };
  Stats stats() const;

 private:
  struct Request {
    std::string full_id;
    ContainerType type = ContainerType::Unknown;
  };
  void lookup_loop();
  void events_loop(std::string socket);
  void ecs_loop();
  bool lookup(const Request& r);  // true when some runtime answered
  bool lookup_cri(const Request& r);
  void on_event_line(std::string_view line);
  void publish(std::shared_ptr<const ContainerInfo> info);
  void publish_removed(std::string full_id);
  void warn_once(const std::string& key, const std::string& message);
  bool sleep_or_stop(long ms);  // false when stopping

  MetadataConfig cfg_;
  std::vector<std::unique_ptr<CriClient>> cri_clients_;  // one per cfg_.cri_sockets entry
  std::atomic<bool> stop_{false};
  std::atomic<bool> has_updates_{false};
  std::vector<std::thread> threads_;
  bool started_ = false;

  mutable std::mutex mu_;
  std::condition_variable work_cv_;  // lookup queue
  std::condition_variable done_cv_;  // finished lookups (wait_for) and stop
  std::deque<Request> queue_;
  std::unordered_set<std::string> asked_;  // full ids requested (refetched on runtime events)
  std::unordered_set<std::string> done_;   // full ids whose lookup finished (found or not)
  std::vector<std::shared_ptr<const ContainerInfo>> updated_;
  std::vector<std::string> removed_;
  std::shared_ptr<const ContainerInfo> self_;
  std::set<std::string> warned_;
  Stats stats_;
};

}  // namespace saker::state::metadata
