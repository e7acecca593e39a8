// Field class `container`: the container of the event's thread. The id and runtime come from the
// thread's cgroups (state engine); runtime metadata (name, image, labels, mounts, privileged)
// comes from the metadata providers (engine/state/metadata) and is extracted in
// container_meta_fields.cpp; while a lookup is pending those fields have no value.
#include "engine/fields/bound_field.h"
#include "engine/fields/classes.h"
#include "engine/fields/container_meta_fields.h"
#include "engine/state/container.h"
#include "engine/state/state.h"

namespace saker::fields {
namespace {

using T = FieldType;
using PF = PrintFormat;
using Arg = ArgSyntax;

constexpr FieldInfo kFields[] = {
    {"container.id", T::Charbuf, PF::NA, kNone, Arg::None, "Container ID",
     "Short container id (the first 12 hex digits), parsed from the thread's cgroup paths, so it "
     "is known at once without asking any runtime. 'host' for threads outside containers. It is "
     "the key for every other container.* lookup; a Kubernetes pod's sandbox (pause) process has "
     "container.id equal to k8s.pod.sandbox_id."},
    {"container.full_id", T::Charbuf, PF::NA, kNone, Arg::None, "Full Container ID",
     "Complete 64-hex-digit container id, parsed from the cgroup paths like container.id; 'host' "
     "outside containers."},
    {"container.name", T::Charbuf, PF::NA, kNone, Arg::None, "Container Name",
     "Name the runtime gave the container; 'host' for threads outside containers. Comes from the "
     "container runtime's API (Docker or podman socket, or the ECS task metadata), looked up off "
     "the event path: no value until the lookup has answered."},
    {"container.image", T::Charbuf, PF::NA, kNone, Arg::None, "Image",
     "Image reference the container was started from, such as docker.io/library/nginx:1.25. "
     "Comes from the container runtime's API (Docker or podman socket, or the ECS task "
     "metadata), looked up off the event path: no value until the lookup has answered."},
    {"container.image.id", T::Charbuf, PF::NA, kNone, Arg::None, "Image ID",
     "Id of the container's image as the runtime reports it. Comes from the container runtime's "
     "API (Docker or podman socket, or the ECS task metadata), looked up off the event path: no "
     "value until the lookup has answered."},
    {"container.type", T::Charbuf, PF::NA, kNone, Arg::None, "Type",
     "Runtime that owns the container, recognised from the cgroup path: docker, podman, "
     "containerd or cri-o ('unknown' otherwise); 'host' outside containers."},
    {"container.privileged", T::Bool, PF::NA, kNone, Arg::None, "Privileged",
     "True when the container runs privileged. Comes from the container runtime's API (Docker or "
     "podman socket, or the ECS task metadata), looked up off the event path: no value until the "
     "lookup has answered."},
    {"container.mounts", T::Charbuf, PF::NA, kNone, Arg::None, "Mounts",
     "All mounts of the container, joined by commas, each written "
     "source:dest:mode:rdwr:propagation. Comes from the container runtime's API (Docker or "
     "podman socket, or the ECS task metadata), looked up off the event path: no value until the "
     "lookup has answered."},
    {"container.mount", T::Charbuf, PF::NA, kArgRequired, Arg::IndexOrPath, "Mount",
     "One mount written source:dest:mode:rdwr:propagation, chosen by index (container.mount[0]) "
     "or by a source-path glob (container.mount[/usr/*]); the first match wins. Yields 'none' "
     "when nothing matches. Comes from the container runtime's API (Docker or podman socket, or "
     "the ECS task metadata), looked up off the event path: no value until the lookup has "
     "answered."},
    {"container.mount.source", T::Charbuf, PF::NA, kArgRequired, Arg::IndexOrPath, "Mount Source",
     "Host-side source of a mount chosen by index or by its destination path glob "
     "(container.mount.source[/etc]); 'N/A' when none matches."},
    {"container.mount.dest", T::Charbuf, PF::NA, kArgRequired, Arg::IndexOrPath,
     "Mount Destination",
     "Path inside the container of a mount chosen by index or by its source path glob; 'N/A' "
     "when none matches."},
    {"container.mount.mode", T::Charbuf, PF::NA, kArgRequired, Arg::IndexOrPath, "Mount Mode",
     "Mode string (such as ro or rw,z) of a mount chosen by index or by its source path glob; "
     "'N/A' when none matches."},
    {"container.mount.rdwr", T::Charbuf, PF::NA, kArgRequired, Arg::IndexOrPath, "Mount Writable",
     "'true' or 'false' for whether a mount chosen by index or by source path glob is writable; "
     "'N/A' when none matches."},
    {"container.mount.propagation", T::Charbuf, PF::NA, kArgRequired, Arg::IndexOrPath,
     "Mount Propagation",
     "Propagation setting (rprivate, shared and so on) of a mount chosen by index or by its "
     "source path glob; 'N/A' when none matches."},
    {"container.image.repository", T::Charbuf, PF::NA, kNone, Arg::None, "Repository",
     "Repository part of the image reference, without tag or digest (docker.io/library/nginx). "
     "Comes from the container runtime's API (Docker or podman socket, or the ECS task "
     "metadata), looked up off the event path: no value until the lookup has answered."},
    {"container.image.tag", T::Charbuf, PF::NA, kNone, Arg::None, "Image Tag",
     "Tag part of the image reference, such as latest or 1.25. Comes from the container "
     "runtime's API (Docker or podman socket, or the ECS task metadata), looked up off the event "
     "path: no value until the lookup has answered."},
    {"container.image.digest", T::Charbuf, PF::NA, kNone, Arg::None, "Image Digest",
     "Registry digest of the image (sha256:...), from the image's RepoDigests. Comes from the "
     "container runtime's API (Docker or podman socket, or the ECS task metadata), looked up off "
     "the event path: no value until the lookup has answered."},
    {"container.healthcheck", T::Charbuf, PF::NA, kNone, Arg::None, "Health Check",
     "Command of the health check configured for the container, if any. Comes from the container "
     "runtime's API (Docker or podman socket, or the ECS task metadata), looked up off the event "
     "path: no value until the lookup has answered."},
    {"container.liveness_probe", T::Charbuf, PF::NA, kNone, Arg::None, "Liveness Probe",
     "Command of the Kubernetes liveness probe of the container. Not collected by Saker yet "
     "(always empty)."},
    {"container.readiness_probe", T::Charbuf, PF::NA, kNone, Arg::None, "Readiness Probe",
     "Command of the Kubernetes readiness probe of the container. Not collected by Saker yet "
     "(always empty)."},
    {"container.start_ts", T::Uint64, PF::Dec, kNone, Arg::None, "Container Start Time",
     "When the container started, in nanoseconds since the epoch, as the CRI runtime "
     "(containerd, CRI-O) reports it. Not set for Docker and podman containers yet."},
    {"container.duration", T::Reltime, PF::Dec, kNone, Arg::None,
     "Container Age",
     "Nanoseconds since container.start_ts. Not set by Saker yet."},
    {"container.ip", T::Charbuf, PF::NA, kNone, Arg::None, "Container IP",
     "Primary IPv4 address of the container as the runtime reports it. Comes from the container "
     "runtime's API (Docker or podman socket, or the ECS task metadata), looked up off the event "
     "path: no value until the lookup has answered."},
    {"container.cni.json", T::Charbuf, PF::NA, kNone, Arg::None,
     "CNI Result",
     "CNI result of the pod (addresses of every interface, IPv4 and IPv6) as a JSON string; a "
     "CRI runtime feature. Not collected by Saker yet (always empty)."},
    {"container.host_pid", T::Bool, PF::NA, kNone, Arg::None, "Host PID Namespace",
     "True when the container shares the host's pid namespace. Comes from the container "
     "runtime's API (Docker or podman socket, or the ECS task metadata), looked up off the event "
     "path: no value until the lookup has answered."},
    {"container.host_network", T::Bool, PF::NA, kNone, Arg::None, "Host Network Namespace",
     "True when the container shares the host's network namespace. Comes from the container "
     "runtime's API (Docker or podman socket, or the ECS task metadata), looked up off the event "
     "path: no value until the lookup has answered."},
    {"container.host_ipc", T::Bool, PF::NA, kNone, Arg::None, "Host IPC Namespace",
     "True when the container shares the host's IPC namespace. Comes from the container "
     "runtime's API (Docker or podman socket, or the ECS task metadata), looked up off the event "
     "path: no value until the lookup has answered."},
    {"container.label", T::Charbuf, PF::NA, kArgRequired, Arg::DotOrBracketKey, "Container Label",
     "One label the runtime attached to the container, by key: container.label[app] or "
     "container.label.app. No value when the container has no such label or its metadata has "
     "not arrived yet."},
    {"container.labels", T::Charbuf, PF::NA, kNone, Arg::None, "Container Labels",
     "Every label of the container as key:value pairs joined by commas, sorted by key (empty "
     "when it has none; no value while its metadata is pending)."},
};

enum class Id { ContainerId, FullId, Type };

class ContainerField final : public BoundField {
 public:
  ContainerField(const FieldInfo& info, Id id) : BoundField(info), id_(id) {}

  bool extract(const EvalContext& ctx, FieldValue& out) const override {
    out.clear();
    if (ctx.thread == nullptr) return false;
    const state::ThreadInfo& t = *ctx.thread;
    const bool host = t.container_id.empty();
    switch (id_) {
      case Id::ContainerId:
        out.set_str(host ? std::string_view("host") : std::string_view(t.container_id));
        return true;
      case Id::FullId: {
        if (host) {
          out.set_str("host");
          return true;
        }
        state::ContainerMatch m = state::match_cgroups(t.cgroups_path);
        if (m.full_id.empty()) return false;
        out.set_str(m.full_id);
        return true;
      }
      case Id::Type:
        out.set_str(host ? "host" : state::container_type_name(t.container_type));
        return true;
    }
    return false;
  }

 private:
  Id id_;
};

std::unique_ptr<BoundField> bind_container(const BindRequest& req, std::string& error) {
  static constexpr std::pair<std::string_view, Id> kIds[] = {
      {"container.id", Id::ContainerId},
      {"container.full_id", Id::FullId},
      {"container.type", Id::Type},
  };
  for (const auto& [name, id] : kIds) {
    if (name == req.info.name) return std::make_unique<ContainerField>(req.info, id);
  }
  // Runtime metadata (name, image, mounts, labels ...): container_meta_fields.cpp.
  return bind_container_metadata(req, error);
}

}  // namespace

const FieldClass& container_class() {
  static constexpr FieldClass c{
      "container",
      "container",
      "",
      "The container the thread runs in: its id and runtime from the cgroups, the rest from the "
      "runtime's API. Outside containers container.id and container.name read 'host'.",
      kFields,
      bind_container};
  return c;
}

}  // namespace saker::fields
