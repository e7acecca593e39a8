#pragma once
// Container id and runtime from a process's cgroup paths, as Falco's container engines detect
// them (cgroup v1 and v2, cgroupfs and systemd managers):
//   docker      /docker/<64hex>                 .../docker-<64hex>.scope
//   podman      /libpod_parent/libpod-<64hex>   .../libpod-<64hex>.scope   /machine.slice/libpod-...
//               (also /docker/libpod-<64hex> with --cgroup-parent=/docker)
//   containerd  /kubepods/.../pod<uid>/<64hex>  .../cri-containerd-<64hex>.scope
//   CRI-O       .../crio-<64hex>.scope          /kubepods/.../crio-<64hex>
// The id is the first 12 hex chars of the 64-char id. Conmon, "libpod_parent/conmon" and the
// like are host processes.
#include <span>
#include <string>
#include <string_view>

#include "engine/state/thread_info.h"

namespace saker::state {

struct ContainerMatch {
  ContainerType type = ContainerType::Host;
  std::string_view full_id;  // the 64-hex id (a view into the path); empty for the host
  // container.id as Falco shows it: the first 12 chars of full_id, or "host".
  std::string short_id() const;
};

// Looks at one cgroup path (e.g. "/docker/3f2a...").
ContainerMatch match_cgroup_path(std::string_view path);

// Looks at every cgroup path of a thread; the first one naming a container wins.
ContainerMatch match_cgroups(std::span<const std::string> paths);

}  // namespace saker::state
