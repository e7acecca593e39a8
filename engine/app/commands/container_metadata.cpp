#include "engine/app/commands/container_metadata.h"

#include <cstdlib>

#include "engine/app/logger.h"

namespace saker::app {

std::unique_ptr<state::metadata::MetadataService> start_container_metadata(const AppContext& ctx,
                                                                           core::Pipeline& pipeline) {
  const config::ContainerEngines& ce = ctx.config().container_engines;
  state::metadata::MetadataConfig mc;
  mc.runtime_sockets.clear();
  if (ce.docker.enabled && !ce.docker_socket.empty()) mc.runtime_sockets.push_back(ce.docker_socket);
  if (ce.podman.enabled && !ce.podman_socket.empty() && ce.podman_socket != ce.docker_socket)
    mc.runtime_sockets.push_back(ce.podman_socket);
  if (ce.cri.enabled) mc.cri_sockets = ce.cri.sockets;
  if (ce.ecs.enabled) {
    if (const char* uri = std::getenv("ECS_CONTAINER_METADATA_URI_V4")) mc.ecs_uri = uri;
  }
  // The container we run in, when the cgroup namespace hides it: the wrapper's word first.
  if (const char* id = std::getenv("SAKER_CONTAINER_ID")) mc.self_container_id = id;
  mc.self_from_hostname = std::getenv("SAKER_CONTAINER_ID_FROM_HOSTNAME") != nullptr;
  mc.timeout_ms = ce.lookup_timeout_ms;
  mc.wait = ce.cri.disable_async;
  mc.log = [](const std::string& m) { log_warning(m + "\n"); };
  if (mc.runtime_sockets.empty() && mc.cri_sockets.empty() && mc.ecs_uri.empty() && mc.self_container_id.empty() && !mc.self_from_hostname)
    return nullptr;
  auto svc = std::make_unique<state::metadata::MetadataService>(std::move(mc));
  svc->start();
  pipeline.state().containers().set_provider(svc.get());
  return svc;
}

}  // namespace saker::app
