#include "engine/fields/container_meta_fields.h"

#include <fnmatch.h>

#include <string_view>

#include "engine/state/container_info.h"
#include "engine/state/state.h"

namespace saker::fields {
namespace {

using state::ContainerInfo;
using state::ContainerMount;

enum class Id {
  Name, Image, ImageId, ImageRepository, ImageTag, ImageDigest, Privileged, Mounts, Mount,
  MountSource, MountDest, MountMode, MountRdwr, MountPropagation, Healthcheck, StartTs, Ip, HostPid,
  HostNetwork, HostIpc, Label, Labels,
  K8sNsName, K8sPodName, K8sPodUid, K8sSandboxId, K8sPodLabel, K8sPodLabels,
  EcsCluster, EcsTaskArn, EcsFamily, EcsRevision, EcsZone, EcsLaunchType,
};

constexpr std::pair<std::string_view, Id> kIds[] = {
    {"container.name", Id::Name},
    {"container.image", Id::Image},
    {"container.image.id", Id::ImageId},
    {"container.image.repository", Id::ImageRepository},
    {"container.image.tag", Id::ImageTag},
    {"container.image.digest", Id::ImageDigest},
    {"container.privileged", Id::Privileged},
    {"container.mounts", Id::Mounts},
    {"container.mount", Id::Mount},
    {"container.mount.source", Id::MountSource},
    {"container.mount.dest", Id::MountDest},
    {"container.mount.mode", Id::MountMode},
    {"container.mount.rdwr", Id::MountRdwr},
    {"container.mount.propagation", Id::MountPropagation},
    {"container.healthcheck", Id::Healthcheck},
    {"container.start_ts", Id::StartTs},
    {"container.ip", Id::Ip},
    {"container.host_pid", Id::HostPid},
    {"container.host_network", Id::HostNetwork},
    {"container.host_ipc", Id::HostIpc},
    {"container.label", Id::Label},
    {"container.labels", Id::Labels},
    {"k8s.ns.name", Id::K8sNsName},
    {"k8s.pod.name", Id::K8sPodName},
    {"k8s.pod.uid", Id::K8sPodUid},
    {"k8s.pod.id", Id::K8sPodUid},
    {"k8s.pod.sandbox_id", Id::K8sSandboxId},
    {"k8s.pod.label", Id::K8sPodLabel},
    {"k8s.pod.labels", Id::K8sPodLabels},
    {"ecs.cluster", Id::EcsCluster},
    {"ecs.task.arn", Id::EcsTaskArn},
    {"ecs.task.family", Id::EcsFamily},
    {"ecs.task.revision", Id::EcsRevision},
    {"ecs.availability_zone", Id::EcsZone},
    {"ecs.launch_type", Id::EcsLaunchType},
};

// Mount fields select a mount by index, or by a glob over the mount's source (the destination
// for container.mount.source, which would otherwise select by what it returns).
const ContainerMount* select_mount(const ContainerInfo& c, const FieldArg& arg, bool by_dest,
                                   std::string& pattern) {
  if (arg.is_index) {
    if (arg.index < 0 || static_cast<size_t>(arg.index) >= c.mounts.size()) return nullptr;
    return &c.mounts[static_cast<size_t>(arg.index)];
  }
  pattern.assign(arg.text);  // fnmatch needs a terminated string; capacity is reused
  for (const ContainerMount& m : c.mounts) {
    const std::string& key = by_dest ? m.dest : m.source;
    // No FNM_PATHNAME: "/proc*" also covers "/proc/sys", as the upstream rules expect.
    if (fnmatch(pattern.c_str(), key.c_str(), 0) == 0) return &m;
  }
  return nullptr;
}

void append_mount(const ContainerMount& m, std::string& out) {
  out += m.source;
  out += ':';
  out += m.dest;
  out += ':';
  out += m.mode;
  out += ':';
  out += m.rdwr ? "true" : "false";
  out += ':';
  out += m.propagation;
}

void append_labels(const std::vector<std::pair<std::string, std::string>>& labels, std::string& out) {
  for (const auto& [k, v] : labels) {
    if (!out.empty()) out += ',';
    out += k;
    out += ':';
    out += v;
  }
}

class MetaField final : public BoundField {
 public:
  MetaField(const FieldInfo& info, Id id, const FieldArg& arg)
      : BoundField(info), id_(id), arg_(arg), key_(arg.text) {
    arg_.text = key_;  // the request's text does not outlive binding
  }

  bool extract(const EvalContext& ctx, FieldValue& out) const override {
    out.clear();
    if (ctx.thread == nullptr || ctx.state == nullptr) return false;
    if (ctx.thread->container_id.empty()) return host_value(out);
    const ContainerInfo* c = ctx.state->containers().find(ctx.thread->container_id);
    if (c == nullptr) return false;  // pending or unknown: the event flows without it
    std::string& s = scratch();
    switch (id_) {
      case Id::Name: return str(c->name, out);
      case Id::Image: return str(c->image, out);
      case Id::ImageId: return str(c->image_id, out);
      case Id::ImageRepository: return str(c->image_repository, out);
      case Id::ImageTag: return str(c->image_tag, out);
      case Id::ImageDigest: return str(c->image_digest, out);
      case Id::Privileged:
        if (!c->privileged) return false;
        out.set_bool(*c->privileged);
        return true;
      case Id::Mounts:
        s.clear();
        for (const ContainerMount& m : c->mounts) {
          if (!s.empty()) s += ',';
          append_mount(m, s);
        }
        out.set_str(s);
        return true;
      case Id::Mount: {
        const ContainerMount* m = select_mount(*c, arg_, false, pattern_);
        s.clear();
        if (m == nullptr) {
          s = "none";
        } else {
          append_mount(*m, s);
        }
        out.set_str(s);
        return true;
      }
      case Id::MountSource: return mount_part(*c, true, &ContainerMount::source, out);
      case Id::MountDest: return mount_part(*c, false, &ContainerMount::dest, out);
      case Id::MountMode: return mount_part(*c, false, &ContainerMount::mode, out);
      case Id::MountPropagation: return mount_part(*c, false, &ContainerMount::propagation, out);
      case Id::MountRdwr: {
        const ContainerMount* m = select_mount(*c, arg_, false, pattern_);
        out.set_str(m == nullptr ? "N/A" : m->rdwr ? "true" : "false");
        return true;
      }
      case Id::Healthcheck: return str(c->healthcheck, out);
      case Id::StartTs:
        if (c->start_ts == 0) return false;
        out.set_uint(c->start_ts);
        return true;
      case Id::Ip: return str(c->ip, out);
      case Id::HostPid: out.set_bool(c->host_pid); return true;
      case Id::HostNetwork: out.set_bool(c->host_network); return true;
      case Id::HostIpc: out.set_bool(c->host_ipc); return true;
      case Id::Label:
        if (const std::string* v = c->label(key_)) return str(*v, out);
        return false;
      case Id::Labels:
        s.clear();
        append_labels(c->labels, s);
        out.set_str(s);
        return true;
      case Id::K8sNsName: return str(c->k8s_ns_name, out);
      case Id::K8sPodName: return str(c->k8s_pod_name, out);
      case Id::K8sPodUid: return str(c->k8s_pod_uid, out);
      case Id::K8sSandboxId: return str(c->k8s_sandbox_id, out);
      case Id::K8sPodLabel:
        for (const auto& [k, v] : c->k8s_pod_labels) {
          if (k == key_) return str(v, out);
        }
        return false;
      case Id::K8sPodLabels:
        if (c->k8s_pod_name.empty()) return false;
        s.clear();
        append_labels(c->k8s_pod_labels, s);
        out.set_str(s);
        return true;
      case Id::EcsCluster: return c->task && str(c->task->cluster, out);
      case Id::EcsTaskArn: return c->task && str(c->task->task_arn, out);
      case Id::EcsFamily: return c->task && str(c->task->family, out);
      case Id::EcsRevision: return c->task && str(c->task->revision, out);
      case Id::EcsZone: return c->task && str(c->task->availability_zone, out);
      case Id::EcsLaunchType: return c->task && str(c->task->launch_type, out);
    }
    return false;
  }

 private:
  static bool str(const std::string& v, FieldValue& out) {
    if (v.empty()) return false;
    out.set_str(v);
    return true;
  }

  // Outside containers Falco names the container "host"; the other fields have no value.
  bool host_value(FieldValue& out) const {
    if (id_ != Id::Name) return false;
    out.set_str("host");
    return true;
  }

  bool mount_part(const ContainerInfo& c, bool by_dest, std::string ContainerMount::*part,
                  FieldValue& out) const {
    // A known container without such a mount reads "N/A" (what upstream's sensitive_mount
    // macro compares against); an unknown container has no value at all.
    const ContainerMount* m = select_mount(c, arg_, by_dest, pattern_);
    out.set_str(m == nullptr ? std::string_view("N/A") : std::string_view(m->*part));
    return true;
  }

  Id id_;
  FieldArg arg_;
  std::string key_;
  mutable std::string pattern_;
};

}  // namespace

std::unique_ptr<BoundField> bind_container_metadata(const BindRequest& req, std::string& error) {
  (void)error;
  for (const auto& [name, id] : kIds) {
    if (name == req.info.name) return std::make_unique<MetaField>(req.info, id, req.arg);
  }
  return nullptr;
}

}  // namespace saker::fields
