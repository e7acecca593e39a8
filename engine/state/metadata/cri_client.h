#pragma once
// A client of the Kubernetes CRI RuntimeService (runtime.v1) on one Unix socket (containerd,
// CRI-O, k3s): ContainerStatus with verbose info, then PodSandboxStatus of the container's pod,
// into a ContainerInfo. Every call is bounded by the timeout; the gRPC channel reconnects by
// itself when the runtime restarts.
#include <memory>
#include <string>
#include <string_view>

#include "engine/state/container_info.h"
#include "engine/state/metadata/cri_verbose_info.h"  // the lookup reads it; tests use it

namespace saker::state::metadata {

enum class CriOutcome { Found, NotFound, Failed };

class CriClient {
 public:
  CriClient(std::string socket_path, long timeout_ms);
  ~CriClient();
  CriClient(const CriClient&) = delete;
  CriClient& operator=(const CriClient&) = delete;

  // Fills `out` for container `id` (full or unique prefix). On Failed, `error` names the gRPC
  // status ("DEADLINE_EXCEEDED: ...") and `error_kind` a short key to log each kind once.
  CriOutcome lookup(const std::string& id, ContainerType type, ContainerInfo& out, std::string& error,
                    std::string& error_kind);

  const std::string& socket_path() const { return socket_path_; }

 private:
  struct Stub;
  std::string socket_path_;
  long timeout_ms_;
  std::unique_ptr<Stub> stub_;
};

}  // namespace saker::state::metadata
