// Field class `k8s`: Kubernetes metadata. Falco derives the pod and namespace from the
// container runtime's labels (io.kubernetes.*); that metadata is not tracked yet, so every k8s
// field is catalog only: it resolves (rules load, arguments are checked) and gives no value.
#include "engine/fields/bound_field.h"
#include "engine/fields/classes.h"

namespace saker::fields {
namespace {

using T = FieldType;
using PF = PrintFormat;
using Arg = ArgSyntax;

constexpr FieldInfo kFields[] = {
    {"k8s.ns.name", T::Charbuf, PF::NA, kNone, Arg::None, "Namespace Name",
     "The Kubernetes namespace name. This field is extracted from the container runtime socket"
     " simultaneously as we look up the 'container.*' fields. In cases of lookup delays, it "
     "may not be available yet."},
    {"k8s.pod.name", T::Charbuf, PF::NA, kNone, Arg::None, "Pod Name",
     "The Kubernetes pod name. This field is extracted from the container runtime socket "
     "simultaneously as we look up the 'container.*' fields. In cases of lookup delays, it may"
     " not be available yet."},
    {"k8s.pod.id", T::Charbuf, PF::NA, kNone, Arg::None, "Legacy Pod UID",
     "[LEGACY] The Kubernetes pod UID, e.g. 3e41dc6b-08a8-44db-bc2a-3724b18ab19a. This legacy "
     "field points to `k8s.pod.uid`; however, the pod ID typically refers to the pod sandbox "
     "ID. We recommend using the semantically more accurate `k8s.pod.uid` field. This field is"
     " extracted from the container runtime socket simultaneously as we look up the "
     "'container.*' fields. In cases of lookup delays, it may not be available yet."},
    {"k8s.pod.uid", T::Charbuf, PF::NA, kNone, Arg::None, "Pod UID",
     "The Kubernetes pod UID, e.g. 3e41dc6b-08a8-44db-bc2a-3724b18ab19a. Note that the pod UID"
     " is a unique identifier assigned upon pod creation within Kubernetes, allowing the "
     "Kubernetes control plane to manage and track pods reliably. As such, it is fundamentally"
     " a different concept compared to the pod sandbox ID. This field is extracted from the "
     "container runtime socket simultaneously as we look up the 'container.*' fields. In cases"
     " of lookup delays, it may not be available yet."},
    {"k8s.pod.sandbox_id", T::Charbuf, PF::NA, kNone, Arg::None, "Pod / Sandbox ID",
     "The truncated Kubernetes pod sandbox ID (first 12 characters), e.g 63060edc2d3a. The "
     "sandbox ID is specific to the container runtime environment. It is the equivalent of the"
     " container ID for the pod / sandbox and extracted from the Linux cgroups. As such, it "
     "differs from the pod UID. This field is extracted from the container runtime socket "
     "simultaneously as we look up the 'container.*' fields. In cases of lookup delays, it may"
     " not be available yet. In Kubernetes, pod sandbox container processes can exist where "
     "`container.id` matches `k8s.pod.sandbox_id`, lacking other 'container.*' details."},
    {"k8s.pod.full_sandbox_id", T::Charbuf, PF::NA, kNone, Arg::None, "Pod / Sandbox ID",
     "The full Kubernetes pod / sandbox ID, e.g "
     "63060edc2d3aa803ab559f2393776b151f99fc5b05035b21db66b3b62246ad6a. This field is "
     "extracted from the container runtime socket simultaneously as we look up the "
     "'container.*' fields. In cases of lookup delays, it may not be available yet."},
    {"k8s.pod.label", T::Charbuf, PF::NA, kArgRequired, Arg::DotOrBracketKey, "Pod Label",
     "The Kubernetes pod label. The label can be accessed either with the familiar brackets "
     "notation, e.g. 'k8s.pod.label[foo]' or by appending a dot followed by the name, e.g. "
     "'k8s.pod.label.foo'. The label name itself can include the original special characters "
     "such as '.', '-', '_' or '/' characters. For instance, "
     "'k8s.pod.label[app.kubernetes.io/name]', 'k8s.pod.label.app.kubernetes.io/name' or "
     "'k8s.pod.label[custom-label_one]' are all valid. This field is extracted from the "
     "container runtime socket simultaneously as we look up the 'container.*' fields. In cases"
     " of lookup delays, it may not be available yet."},
    {"k8s.pod.labels", T::Charbuf, PF::NA, kNone, Arg::None, "Pod Labels",
     "The Kubernetes pod comma-separated key/value labels. E.g. 'foo1:bar1,foo2:bar2'. This "
     "field is extracted from the container runtime socket simultaneously as we look up the "
     "'container.*' fields. In cases of lookup delays, it may not be available yet."},
    {"k8s.pod.ip", T::Charbuf, PF::NA, kNone, Arg::None, "Pod Ip",
     "The Kubernetes pod ip, same as container.ip field as each container in a pod shares the "
     "network stack of the sandbox / pod. Only ipv4 addresses are tracked. Consider "
     "k8s.pod.cni.json for logging ip addresses for each network interface. This field is "
     "extracted from the container runtime socket simultaneously as we look up the "
     "'container.*' fields. In cases of lookup delays, it may not be available yet."},
    {"k8s.pod.cni.json", T::Charbuf, PF::NA, kNone, Arg::None, "Pod CNI result json",
     "The Kubernetes pod CNI result field from the respective pod status info, same as "
     "container.cni.json field. It contains ip addresses for each network interface exposed as"
     " unparsed escaped JSON string. Supported for CRI container engine (containerd, cri-o "
     "runtimes), optimized for containerd (some non-critical JSON keys removed). Useful for "
     "tracking ips (ipv4 and ipv6, dual-stack support) for each network interface "
     "(multi-interface support). This field is extracted from the container runtime socket "
     "simultaneously as we look up the 'container.*' fields. In cases of lookup delays, it may"
     " not be available yet."},
    {"k8s.rc.name", T::Charbuf, PF::NA, kDeprecated, Arg::None, "Replication Controller Name",
     "Kubernetes replication controller name."},
    {"k8s.rc.id", T::Charbuf, PF::NA, kDeprecated, Arg::None, "Replication Controller ID",
     "Kubernetes replication controller id."},
    {"k8s.rc.label", T::Charbuf, PF::NA, kArgRequired | kDeprecated, Arg::DotOrBracketKey,
     "Replication Controller Label",
     "Kubernetes replication controller label. E.g. 'k8s.rc.label.foo'."},
    {"k8s.rc.labels", T::Charbuf, PF::NA, kDeprecated, Arg::None, "Replication Controller Labels",
     "Kubernetes replication controller comma-separated key/value labels. E.g. "
     "'foo1:bar1,foo2:bar2'."},
    {"k8s.svc.name", T::Charbuf, PF::NA, kDeprecated, Arg::None, "Service Name",
     "Kubernetes service name (can return more than one value, concatenated)."},
    {"k8s.svc.id", T::Charbuf, PF::NA, kDeprecated, Arg::None, "Service ID",
     "Kubernetes service id (can return more than one value, concatenated)."},
    {"k8s.svc.label", T::Charbuf, PF::NA, kArgRequired | kDeprecated, Arg::DotOrBracketKey,
     "Service Label",
     "Kubernetes service label. E.g. 'k8s.svc.label.foo' (can return more than one value, "
     "concatenated)."},
    {"k8s.svc.labels", T::Charbuf, PF::NA, kDeprecated, Arg::None, "Service Labels",
     "Kubernetes service comma-separated key/value labels. E.g. 'foo1:bar1,foo2:bar2'."},
    {"k8s.ns.id", T::Charbuf, PF::NA, kDeprecated, Arg::None, "Namespace ID",
     "Kubernetes namespace id."},
    {"k8s.ns.label", T::Charbuf, PF::NA, kArgRequired | kDeprecated, Arg::DotOrBracketKey,
     "Namespace Label", "Kubernetes namespace label. E.g. 'k8s.ns.label.foo'."},
    {"k8s.ns.labels", T::Charbuf, PF::NA, kDeprecated, Arg::None, "Namespace Labels",
     "Kubernetes namespace comma-separated key/value labels. E.g. 'foo1:bar1,foo2:bar2'."},
    {"k8s.rs.name", T::Charbuf, PF::NA, kDeprecated, Arg::None, "Replica Set Name",
     "Kubernetes replica set name."},
    {"k8s.rs.id", T::Charbuf, PF::NA, kDeprecated, Arg::None, "Replica Set ID",
     "Kubernetes replica set id."},
    {"k8s.rs.label", T::Charbuf, PF::NA, kArgRequired | kDeprecated, Arg::DotOrBracketKey,
     "Replica Set Label", "Kubernetes replica set label. E.g. 'k8s.rs.label.foo'."},
    {"k8s.rs.labels", T::Charbuf, PF::NA, kDeprecated, Arg::None, "Replica Set Labels",
     "Kubernetes replica set comma-separated key/value labels. E.g. 'foo1:bar1,foo2:bar2'."},
    {"k8s.deployment.name", T::Charbuf, PF::NA, kDeprecated, Arg::None, "Deployment Name",
     "Kubernetes deployment name."},
    {"k8s.deployment.id", T::Charbuf, PF::NA, kDeprecated, Arg::None, "Deployment ID",
     "Kubernetes deployment id."},
    {"k8s.deployment.label", T::Charbuf, PF::NA, kArgRequired | kDeprecated, Arg::DotOrBracketKey,
     "Deployment Label", "Kubernetes deployment label. E.g. 'k8s.rs.label.foo'."},
    {"k8s.deployment.labels", T::Charbuf, PF::NA, kDeprecated, Arg::None, "Deployment Labels",
     "Kubernetes deployment comma-separated key/value labels. E.g. 'foo1:bar1,foo2:bar2'."},
};

}  // namespace

const FieldClass& k8s_class() {
  static constexpr FieldClass c{
      "k8s",
      "k8s",
      "",
      "Kubernetes context about pods and namespace name. These fields are populated with data "
      "gathered from the container runtime.",
      kFields,
      nullptr};
  return c;
}

}  // namespace saker::fields
