// Field class `k8s`: Kubernetes metadata. As Falco does, the pod and namespace come from the
// container runtime's labels (io.kubernetes.*) through the container metadata providers
// (container_meta_fields.cpp); the deprecated k8s API fields stay catalog only.
#include "engine/fields/bound_field.h"
#include "engine/fields/classes.h"
#include "engine/fields/container_meta_fields.h"

namespace saker::fields {
namespace {

using T = FieldType;
using PF = PrintFormat;
using Arg = ArgSyntax;

constexpr FieldInfo kFields[] = {
    {"k8s.ns.name", T::Charbuf, PF::NA, kNone, Arg::None, "Namespace",
     "Kubernetes namespace of the pod the container belongs to. Read from the io.kubernetes.* "
     "labels the runtime puts on the container, once its metadata lookup has answered."},
    {"k8s.pod.name", T::Charbuf, PF::NA, kNone, Arg::None, "Pod Name",
     "Name of the Kubernetes pod the container belongs to. Read from the io.kubernetes.* labels "
     "the runtime puts on the container, once its metadata lookup has answered."},
    {"k8s.pod.id", T::Charbuf, PF::NA, kNone, Arg::None, "Pod ID (legacy)",
     "Old name kept for rules that use it; yields the same value as k8s.pod.uid. Despite the "
     "name it is not the sandbox id (see k8s.pod.sandbox_id)."},
    {"k8s.pod.uid", T::Charbuf, PF::NA, kNone, Arg::None, "Pod UID",
     "UID Kubernetes assigned to the pod when it was created (a UUID such as "
     "5b0e7c1a-2f44-4d19-9a63-c0d8e21f7b36). It is a control-plane identity, unrelated to the "
     "runtime's sandbox id. Read from the io.kubernetes.* labels the runtime puts on the "
     "container, once its metadata lookup has answered."},
    {"k8s.pod.sandbox_id", T::Charbuf, PF::NA, kNone, Arg::None, "Pod Sandbox ID",
     "Short (12 hex digit) id of the pod's sandbox, the runtime-side container that holds the "
     "pod's namespaces; not the pod UID. The sandbox's own processes have container.id equal to "
     "this. Read from the io.kubernetes.* labels the runtime puts on the container, once its "
     "metadata lookup has answered."},
    {"k8s.pod.full_sandbox_id", T::Charbuf, PF::NA, kNone, Arg::None, "Full Pod Sandbox ID",
     "Complete 64-hex-digit form of k8s.pod.sandbox_id. Not collected by Saker yet (always "
     "empty)."},
    {"k8s.pod.label", T::Charbuf, PF::NA, kArgRequired, Arg::DotOrBracketKey, "Pod Label",
     "One pod label by key, written k8s.pod.label[KEY] or k8s.pod.label.KEY; keys may contain "
     "dots, dashes, underscores and slashes (k8s.pod.label[app.kubernetes.io/name]). Read from "
     "the io.kubernetes.* labels the runtime puts on the container, once its metadata lookup has "
     "answered."},
    {"k8s.pod.labels", T::Charbuf, PF::NA, kNone, Arg::None, "Pod Labels",
     "Every pod label as key:value pairs joined by commas (app:web,tier:front). Read from the "
     "io.kubernetes.* labels the runtime puts on the container, once its metadata lookup has "
     "answered."},
    {"k8s.pod.ip", T::Charbuf, PF::NA, kNone, Arg::None, "Pod IP",
     "Primary IPv4 address of the pod, which all its containers share (so equal to "
     "container.ip). Not collected by Saker yet (always empty)."},
    {"k8s.pod.cni.json", T::Charbuf, PF::NA, kNone, Arg::None, "Pod CNI Result",
     "CNI result of the pod as a JSON string, like container.cni.json. Not collected by Saker "
     "yet (always empty)."},
    {"k8s.rc.name", T::Charbuf, PF::NA, kDeprecated, Arg::None, "Replication Controller",
     "Name of the replication controller owning the pod. Saker does not talk to the Kubernetes "
     "API, so this is never set."},
    {"k8s.rc.id", T::Charbuf, PF::NA, kDeprecated, Arg::None, "Replication Controller ID",
     "Id of the replication controller owning the pod. Saker does not talk to the Kubernetes "
     "API, so this is never set."},
    {"k8s.rc.label", T::Charbuf, PF::NA, kArgRequired | kDeprecated, Arg::DotOrBracketKey,
     "Replication Controller Label",
     "One label of the replication controller, as k8s.rc.label.KEY. Saker does not talk to the "
     "Kubernetes API, so this is never set."},
    {"k8s.rc.labels", T::Charbuf, PF::NA, kDeprecated, Arg::None, "Replication Controller Labels",
     "All labels of the replication controller as comma-joined key:value pairs. Saker does not "
     "talk to the Kubernetes API, so this is never set."},
    {"k8s.svc.name", T::Charbuf, PF::NA, kDeprecated, Arg::None, "Service",
     "Names of the services selecting the pod (several are joined). Saker does not talk to the "
     "Kubernetes API, so this is never set."},
    {"k8s.svc.id", T::Charbuf, PF::NA, kDeprecated, Arg::None, "Service ID",
     "Ids of the services selecting the pod (several are joined). Saker does not talk to the "
     "Kubernetes API, so this is never set."},
    {"k8s.svc.label", T::Charbuf, PF::NA, kArgRequired | kDeprecated, Arg::DotOrBracketKey,
     "Service Label",
     "One label of the services selecting the pod, as k8s.svc.label.KEY. Saker does not talk to "
     "the Kubernetes API, so this is never set."},
    {"k8s.svc.labels", T::Charbuf, PF::NA, kDeprecated, Arg::None, "Service Labels",
     "All labels of the services selecting the pod as comma-joined key:value pairs. Saker does "
     "not talk to the Kubernetes API, so this is never set."},
    {"k8s.ns.id", T::Charbuf, PF::NA, kDeprecated, Arg::None, "Namespace ID",
     "Id of the pod's namespace object. Saker does not talk to the Kubernetes API, so this is "
     "never set."},
    {"k8s.ns.label", T::Charbuf, PF::NA, kArgRequired | kDeprecated, Arg::DotOrBracketKey,
     "Namespace Label",
     "One label of the pod's namespace, as k8s.ns.label.KEY. Saker does not talk to the "
     "Kubernetes API, so this is never set."},
    {"k8s.ns.labels", T::Charbuf, PF::NA, kDeprecated, Arg::None, "Namespace Labels",
     "All labels of the pod's namespace as comma-joined key:value pairs. Saker does not talk to "
     "the Kubernetes API, so this is never set."},
    {"k8s.rs.name", T::Charbuf, PF::NA, kDeprecated, Arg::None, "Replica Set",
     "Name of the replica set owning the pod. Saker does not talk to the Kubernetes API, so this "
     "is never set."},
    {"k8s.rs.id", T::Charbuf, PF::NA, kDeprecated, Arg::None, "Replica Set ID",
     "Id of the replica set owning the pod. Saker does not talk to the Kubernetes API, so this "
     "is never set."},
    {"k8s.rs.label", T::Charbuf, PF::NA, kArgRequired | kDeprecated, Arg::DotOrBracketKey,
     "Replica Set Label",
     "One label of the replica set, as k8s.rs.label.KEY. Saker does not talk to the Kubernetes "
     "API, so this is never set."},
    {"k8s.rs.labels", T::Charbuf, PF::NA, kDeprecated, Arg::None, "Replica Set Labels",
     "All labels of the replica set as comma-joined key:value pairs. Saker does not talk to the "
     "Kubernetes API, so this is never set."},
    {"k8s.deployment.name", T::Charbuf, PF::NA, kDeprecated, Arg::None, "Deployment",
     "Name of the deployment owning the pod. Saker does not talk to the Kubernetes API, so this "
     "is never set."},
    {"k8s.deployment.id", T::Charbuf, PF::NA, kDeprecated, Arg::None, "Deployment ID",
     "Id of the deployment owning the pod. Saker does not talk to the Kubernetes API, so this is "
     "never set."},
    {"k8s.deployment.label", T::Charbuf, PF::NA, kArgRequired | kDeprecated, Arg::DotOrBracketKey,
     "Deployment Label",
     "One label of the deployment, as k8s.deployment.label.KEY. Saker does not talk to the "
     "Kubernetes API, so this is never set."},
    {"k8s.deployment.labels", T::Charbuf, PF::NA, kDeprecated, Arg::None, "Deployment Labels",
     "All labels of the deployment as comma-joined key:value pairs. Saker does not talk to the "
     "Kubernetes API, so this is never set."},
};

}  // namespace

const FieldClass& k8s_class() {
  static constexpr FieldClass c{
      "k8s",
      "k8s",
      "",
      "The Kubernetes pod and namespace of the thread's container, as the runtime's labels tell "
      "them; fields that would need the Kubernetes API stay empty.",
      kFields,
      bind_container_metadata};  // pod and namespace fields from CRI labels; the rest stay empty
  return c;
}

}  // namespace saker::fields
