// Field class `container`: the container of the event's thread. The id and runtime come from the
// thread's cgroups (state engine); runtime metadata (name, image, labels, mounts, privileged)
// is not tracked yet, so those fields are listed and resolve (rules load) but give no value
// inside containers, and the host values Falco defines outside them ("host").
#include "engine/fields/bound_field.h"
#include "engine/fields/classes.h"
#include "engine/state/container.h"
#include "engine/state/state.h"

namespace saker::fields {
namespace {

using T = FieldType;
using PF = PrintFormat;
using Arg = ArgSyntax;

constexpr FieldInfo kFields[] = {
    {"container.id", T::Charbuf, PF::NA, kNone, Arg::None, "Container ID",
     "The truncated container ID (first 12 characters), e.g. 3ad7b26ded6d is extracted from "
     "the Linux cgroups by Falco within the kernel. Consequently, this field is reliably "
     "available and serves as the lookup key for Falco's synchronous or asynchronous requests "
     "against the container runtime socket to retrieve all other 'container.*' information. "
     "One important aspect to be aware of is that if the process occurs on the host, meaning "
     "not in the container PID namespace, this field is set to a string called 'host'. In "
     "Kubernetes, pod sandbox container processes can exist where `container.id` matches "
     "`k8s.pod.sandbox_id`, lacking other 'container.*' details."},
    {"container.full_id", T::Charbuf, PF::NA, kNone, Arg::None, "Container ID",
     "The full container ID, e.g. "
     "3ad7b26ded6d8e7b23da7d48fe889434573036c27ae5a74837233de441c3601e. In contrast to "
     "`container.id`, we enrich this field as part of the container engine enrichment. In "
     "instances of userspace container engine lookup delays, this field may not be available "
     "yet."},
    {"container.name", T::Charbuf, PF::NA, kNone, Arg::None, "Container Name",
     "The container name. In instances of userspace container engine lookup delays, this field"
     " may not be available yet. One important aspect to be aware of is that if the process "
     "occurs on the host, meaning not in the container PID namespace, this field is set to a "
     "string called 'host'."},
    {"container.image", T::Charbuf, PF::NA, kNone, Arg::None, "Image Name",
     "The container image name (e.g. falcosecurity/falco:latest for docker). In instances of "
     "userspace container engine lookup delays, this field may not be available yet."},
    {"container.image.id", T::Charbuf, PF::NA, kNone, Arg::None, "Image ID",
     "The container image id (e.g. 6f7e2741b66b). In instances of userspace container engine "
     "lookup delays, this field may not be available yet."},
    {"container.type", T::Charbuf, PF::NA, kNone, Arg::None, "Type",
     "The container type, e.g. docker, cri-o, containerd etc."},
    {"container.privileged", T::Bool, PF::NA, kNone, Arg::None, "Privileged",
     "'true' for containers running as privileged, 'false' otherwise. In instances of "
     "userspace container engine lookup delays, this field may not be available yet."},
    {"container.mounts", T::Charbuf, PF::NA, kNone, Arg::None, "Mounts",
     "A space-separated list of mount information. Each item in the list has the format "
     "'source:dest:mode:rdrw:propagation'. In instances of userspace container engine lookup "
     "delays, this field may not be available yet."},
    {"container.mount", T::Charbuf, PF::NA, kArgRequired, Arg::IndexOrPath, "Mount",
     "Information about a single mount, specified by number (e.g. container.mount[0]) or mount"
     " source (container.mount[/usr/local]). The pathname can be a glob "
     "(container.mount[/usr/local/*]), in which case the first matching mount will be "
     "returned. The information has the format 'source:dest:mode:rdrw:propagation'. If there "
     "is no mount with the specified index or matching the provided source, returns the string"
     " \"none\" instead of a NULL value. In instances of userspace container engine lookup "
     "delays, this field may not be available yet."},
    {"container.mount.source", T::Charbuf, PF::NA, kArgRequired, Arg::IndexOrPath, "Mount Source",
     "The mount source, specified by number (e.g. container.mount.source[0]) or mount "
     "destination (container.mount.source[/host/lib/modules]). The pathname can be a glob. In "
     "instances of userspace container engine lookup delays, this field may not be available "
     "yet."},
    {"container.mount.dest", T::Charbuf, PF::NA, kArgRequired, Arg::IndexOrPath,
     "Mount Destination",
     "The mount destination, specified by number (e.g. container.mount.dest[0]) or mount "
     "source (container.mount.dest[/lib/modules]). The pathname can be a glob. In instances of"
     " userspace container engine lookup delays, this field may not be available yet."},
    {"container.mount.mode", T::Charbuf, PF::NA, kArgRequired, Arg::IndexOrPath, "Mount Mode",
     "The mount mode, specified by number (e.g. container.mount.mode[0]) or mount source "
     "(container.mount.mode[/usr/local]). The pathname can be a glob. In instances of "
     "userspace container engine lookup delays, this field may not be available yet."},
    {"container.mount.rdwr", T::Charbuf, PF::NA, kArgRequired, Arg::IndexOrPath, "Mount Read/Write",
     "The mount rdwr value, specified by number (e.g. container.mount.rdwr[0]) or mount source"
     " (container.mount.rdwr[/usr/local]). The pathname can be a glob. In instances of "
     "userspace container engine lookup delays, this field may not be available yet."},
    {"container.mount.propagation", T::Charbuf, PF::NA, kArgRequired, Arg::IndexOrPath,
     "Mount Propagation",
     "The mount propagation value, specified by number (e.g. container.mount.propagation[0]) "
     "or mount source (container.mount.propagation[/usr/local]). The pathname can be a glob. "
     "In instances of userspace container engine lookup delays, this field may not be "
     "available yet."},
    {"container.image.repository", T::Charbuf, PF::NA, kNone, Arg::None, "Repository",
     "The container image repository (e.g. falcosecurity/falco). In instances of userspace "
     "container engine lookup delays, this field may not be available yet."},
    {"container.image.tag", T::Charbuf, PF::NA, kNone, Arg::None, "Image Tag",
     "The container image tag (e.g. stable, latest). In instances of userspace container "
     "engine lookup delays, this field may not be available yet."},
    {"container.image.digest", T::Charbuf, PF::NA, kNone, Arg::None, "Registry Digest",
     "The container image registry digest (e.g. "
     "sha256:d977378f890d445c15e51795296e4e5062f109ce6da83e0a355fc4ad8699d27). In instances of"
     " userspace container engine lookup delays, this field may not be available yet."},
    {"container.healthcheck", T::Charbuf, PF::NA, kNone, Arg::None, "Health Check",
     "The container's health check. Will be the null value (\"N/A\") if no healthcheck "
     "configured, \"NONE\" if configured but explicitly not created, and the healthcheck command"
     " line otherwise. In instances of userspace container engine lookup delays, this field "
     "may not be available yet."},
    {"container.liveness_probe", T::Charbuf, PF::NA, kNone, Arg::None, "Liveness",
     "The container's liveness probe. Will be the null value (\"N/A\") if no liveness probe "
     "configured, the liveness probe command line otherwise. In instances of userspace "
     "container engine lookup delays, this field may not be available yet."},
    {"container.readiness_probe", T::Charbuf, PF::NA, kNone, Arg::None, "Readiness",
     "The container's readiness probe. Will be the null value (\"N/A\") if no readiness probe "
     "configured, the readiness probe command line otherwise. In instances of userspace "
     "container engine lookup delays, this field may not be available yet."},
    {"container.start_ts", T::Uint64, PF::Dec, kNone, Arg::None, "Container start",
     "Container start as epoch timestamp in nanoseconds based on proc.pidns_init_start_ts and "
     "extracted in the kernel and not from the container runtime socket / container engine."},
    {"container.duration", T::Reltime, PF::Dec, kNone, Arg::None,
     "Number of nanoseconds since container.start_ts",
     "Number of nanoseconds since container.start_ts."},
    {"container.ip", T::Charbuf, PF::NA, kNone, Arg::None, "Container ip address",
     "The container's / pod's primary ip address as retrieved from the container engine. Only "
     "ipv4 addresses are tracked. Consider container.cni.json (CRI use case) for logging ip "
     "addresses for each network interface. In instances of userspace container engine lookup "
     "delays, this field may not be available yet."},
    {"container.cni.json", T::Charbuf, PF::NA, kNone, Arg::None,
     "Container's / pod's CNI result json",
     "The container's / pod's CNI result field from the respective pod status info. It "
     "contains ip addresses for each network interface exposed as unparsed escaped JSON "
     "string. Supported for CRI container engine (containerd, cri-o runtimes), optimized for "
     "containerd (some non-critical JSON keys removed). Useful for tracking ips (ipv4 and "
     "ipv6, dual-stack support) for each network interface (multi-interface support). In "
     "instances of userspace container engine lookup delays, this field may not be available "
     "yet."},
    {"container.host_pid", T::Bool, PF::NA, kNone, Arg::None, "Host PID Namespace",
     "'true' if the container is running in the host PID namespace, 'false' otherwise."},
    {"container.host_network", T::Bool, PF::NA, kNone, Arg::None, "Host Network Namespace",
     "'true' if the container is running in the host network namespace, 'false' otherwise."},
    {"container.host_ipc", T::Bool, PF::NA, kNone, Arg::None, "Host IPC Namespace",
     "'true' if the container is running in the host IPC namespace, 'false' otherwise."},
};

enum class Id { ContainerId, FullId, Name, Type };

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
      case Id::Name:
        if (!host) return false;  // needs runtime metadata
        out.set_str("host");
        return true;
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
  (void)error;
  static constexpr std::pair<std::string_view, Id> kIds[] = {
      {"container.id", Id::ContainerId},
      {"container.full_id", Id::FullId},
      {"container.name", Id::Name},
      {"container.type", Id::Type},
  };
  for (const auto& [name, id] : kIds) {
    if (name == req.info.name) return std::make_unique<ContainerField>(req.info, id);
  }
  return nullptr;  // runtime metadata fields: catalog only for now
}

}  // namespace

const FieldClass& container_class() {
  static constexpr FieldClass c{
      "container",
      "container",
      "",
      "Container information. If the event is not happening inside a container, both id and "
      "name will be set to 'host'.",
      kFields,
      bind_container};
  return c;
}

}  // namespace saker::fields
