#include "engine/state/metadata/cri_client.h"

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <chrono>

#include "cri_runtime.grpc.pb.h"
#include "engine/state/metadata/cri_verbose_info.h"
#include "engine/state/metadata/docker_inspect.h"
#include "engine/state/metadata/image_ref.h"

namespace saker::state::metadata {

namespace {

constexpr size_t kShortIdLen = 12;

std::string short_image_id(std::string_view id) {
  if (id.substr(0, 7) == "sha256:") id.remove_prefix(7);
  return std::string(id.substr(0, kShortIdLen));
}

template <typename Map>
std::vector<std::pair<std::string, std::string>> sorted_pairs(const Map& m) {
  std::vector<std::pair<std::string, std::string>> out(m.begin(), m.end());
  std::sort(out.begin(), out.end());
  return out;
}

// The names Falco shows for CRI's propagation modes (the Linux mount flags they stand for).
const char* propagation_name(runtime::v1::MountPropagation p) {
  switch (p) {
    case runtime::v1::PROPAGATION_HOST_TO_CONTAINER: return "rslave";
    case runtime::v1::PROPAGATION_BIDIRECTIONAL: return "rshared";
    default: return "private";
  }
}

std::string describe(const grpc::Status& s) {
  static constexpr const char* kNames[] = {
      "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND",
      "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION",
      "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS",
      "UNAUTHENTICATED"};
  const int code = static_cast<int>(s.error_code());
  std::string name = code >= 0 && code < 17 ? kNames[code] : "code " + std::to_string(code);
  return s.error_message().empty() ? name : name + ": " + s.error_message();
}

void fill_from_status(const runtime::v1::ContainerStatus& s, ContainerType type, ContainerInfo& out) {
  out.full_id = s.id();
  out.id = out.full_id.substr(0, kShortIdLen);
  out.type = type;
  out.name = s.metadata().name();
  out.image = s.image().image();
  if (s.started_at() > 0) out.start_ts = static_cast<uint64_t>(s.started_at());  // CRI: ns since the epoch
  // image_ref is the image id ("sha256:...") or a repository digest ("repo@sha256:...").
  const std::string& ref = s.image_ref();
  if (ref.rfind("sha256:", 0) == 0) {
    out.image_id = short_image_id(ref);
    if (out.image.rfind("sha256:", 0) == 0) out.image.clear();  // an id is not a reference
  } else if (size_t at = ref.find('@'); at != std::string::npos) {
    out.image_digest = ref.substr(at + 1);
    if (out.image.empty() || out.image.rfind("sha256:", 0) == 0) out.image = ref.substr(0, at);
  }
  ImageRef parsed = parse_image_ref(out.image);
  out.image_repository = std::move(parsed.repository);
  out.image_tag = std::move(parsed.tag);
  if (!parsed.digest.empty()) out.image_digest = std::move(parsed.digest);
  if (out.image_tag.empty() && out.image_digest.empty() && !out.image_repository.empty())
    out.image_tag = "latest";
  out.labels = sorted_pairs(s.labels());
  for (const runtime::v1::Mount& m : s.mounts()) {
    ContainerMount cm;
    cm.source = m.host_path();
    cm.dest = m.container_path();
    cm.rdwr = !m.readonly();
    cm.mode = m.readonly() ? "ro" : "rw";
    cm.propagation = propagation_name(m.propagation());
    out.mounts.push_back(std::move(cm));
  }
  // Container labels carry io.kubernetes.pod.* on every CRI runtime; the sandbox refines them.
  fill_k8s_from_labels(out);
}

void fill_from_sandbox(const runtime::v1::PodSandboxStatus& p, ContainerInfo& out) {
  if (!p.metadata().name().empty()) out.k8s_pod_name = p.metadata().name();
  if (!p.metadata().uid().empty()) out.k8s_pod_uid = p.metadata().uid();
  if (!p.metadata().namespace_().empty()) out.k8s_ns_name = p.metadata().namespace_();
  out.k8s_pod_labels.clear();
  for (auto& [k, v] : sorted_pairs(p.labels())) {
    // The runtime's own bookkeeping labels are not the pod's labels.
    if (k.rfind("io.kubernetes.", 0) != 0) out.k8s_pod_labels.emplace_back(k, v);
  }
  if (out.ip.empty()) out.ip = p.network().ip();
}

}  // namespace

struct CriClient::Stub {
  std::unique_ptr<runtime::v1::RuntimeService::Stub> rpc;
};

CriClient::CriClient(std::string socket_path, long timeout_ms)
    : socket_path_(std::move(socket_path)), timeout_ms_(timeout_ms), stub_(std::make_unique<Stub>()) {
  // The channel connects lazily, on the first lookup, and reconnects after a runtime restart.
  stub_->rpc = runtime::v1::RuntimeService::NewStub(
      grpc::CreateChannel("unix:" + socket_path_, grpc::InsecureChannelCredentials()));
}

CriClient::~CriClient() = default;

CriOutcome CriClient::lookup(const std::string& id, ContainerType type, ContainerInfo& out, std::string& error,
                             std::string& error_kind) {
  const auto deadline = [this] {
    return std::chrono::system_clock::now() + std::chrono::milliseconds(timeout_ms_);
  };
  runtime::v1::ContainerStatusRequest req;
  req.set_container_id(id);
  req.set_verbose(true);
  runtime::v1::ContainerStatusResponse resp;
  grpc::ClientContext ctx;
  ctx.set_deadline(deadline());
  grpc::Status st = stub_->rpc->ContainerStatus(&ctx, req, &resp);
  if (st.error_code() == grpc::StatusCode::NOT_FOUND) return CriOutcome::NotFound;
  if (!st.ok()) {
    error = "ContainerStatus: " + describe(st);
    error_kind = "status " + std::to_string(static_cast<int>(st.error_code()));
    return CriOutcome::Failed;
  }
  if (resp.status().id().empty()) {
    error = "ContainerStatus: answer without a container id";
    error_kind = "empty";
    return CriOutcome::Failed;
  }
  fill_from_status(resp.status(), type, out);

  CriVerboseInfo verbose;
  if (auto it = resp.info().find("info"); it != resp.info().end()) {
    std::string json_error;
    if (parse_cri_verbose_info(it->second, verbose, json_error)) {
      out.privileged = verbose.privileged;
    } else {
      // The container is still known; only the verbose extras are missing.
      error = "ContainerStatus verbose info: " + json_error;
      error_kind = "info json";
    }
  }
  if (verbose.sandbox_id.empty()) {
    if (const std::string* sb = out.label("io.kubernetes.sandbox.id")) verbose.sandbox_id = *sb;
  }
  if (verbose.sandbox_id.empty()) return CriOutcome::Found;
  out.k8s_sandbox_id = verbose.sandbox_id.substr(0, kShortIdLen);

  runtime::v1::PodSandboxStatusRequest preq;
  preq.set_pod_sandbox_id(verbose.sandbox_id);
  runtime::v1::PodSandboxStatusResponse presp;
  grpc::ClientContext pctx;
  pctx.set_deadline(deadline());
  grpc::Status pst = stub_->rpc->PodSandboxStatus(&pctx, preq, &presp);
  if (pst.ok()) {
    fill_from_sandbox(presp.status(), out);
  } else if (error.empty()) {
    error = "PodSandboxStatus: " + describe(pst);
    error_kind = "sandbox " + std::to_string(static_cast<int>(pst.error_code()));
  }
  return CriOutcome::Found;
}

}  // namespace saker::state::metadata
