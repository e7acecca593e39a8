// The metadata service's CRI provider against a real gRPC server on a Unix socket in a temp dir,
// implementing runtime.v1 ContainerStatus and PodSandboxStatus with documents written here: a
// containerd-style pod container, a CRI-O-style one, and servers that hang, fail, do not know
// the container or send broken verbose info. The event path never waits on any of them.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <atomic>
#include <chrono>
#include <filesystem>

#include "cri_runtime.grpc.pb.h"
#include "engine/state/metadata/metadata_service.h"
#include "tests/support/metadata_provider_fixture.h"
#include "tests/unit/container_metadata/test_support.h"

namespace saker::testing {
namespace {

using namespace std::chrono_literals;
using state::metadata::MetadataConfig;
using state::metadata::MetadataService;

constexpr const char* kPodContainer = "3f4e5d6c7b8a99887766554433221100ffeeddccbbaa00112233445566778899";
constexpr const char* kSandbox = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";
constexpr const char* kOther = "0011223344556677889900aabbccddeeff0011223344556677889900aabbccdd";

// runtime.v1 answering from the documents below; Malformed cuts a container's verbose info short
// (its status is fine).
class FakeRuntime final : public runtime::v1::RuntimeService::Service {
 public:
  explicit FakeRuntime(FakeServerMode mode) : behaviour_(mode) {}
  std::atomic<int> sandbox_calls{0};
  std::atomic<bool> saw_verbose{false};
  int status_calls() const { return behaviour_.requests(); }
  void release() { behaviour_.release(); }

  grpc::Status ContainerStatus(grpc::ServerContext* ctx, const runtime::v1::ContainerStatusRequest* req,
                               runtime::v1::ContainerStatusResponse* resp) override {
    const FakeServerMode mode = behaviour_.on_request();
    saw_verbose = req->verbose();
    switch (mode) {
      case FakeServerMode::Slow:
        // Hangs past the client's deadline; returns once the client gave up.
        behaviour_.stall([ctx] { return ctx->IsCancelled(); }, 10s);
        return grpc::Status(grpc::StatusCode::CANCELLED, "gave up");
      case FakeServerMode::Failing: return grpc::Status(grpc::StatusCode::INTERNAL, "runtime exploded");
      case FakeServerMode::NotFound: return grpc::Status(grpc::StatusCode::NOT_FOUND, "no such container");
      case FakeServerMode::Good:
      case FakeServerMode::Malformed: break;
    }
    if (req->container_id() == kPodContainer) {
      fill_containerd_pod_container(*resp);
    } else if (req->container_id() == kOther) {
      fill_crio_container(*resp);
    } else {
      return grpc::Status(grpc::StatusCode::NOT_FOUND, "no such container");
    }
    if (mode == FakeServerMode::Malformed) (*resp->mutable_info())["info"] = "{\"sandboxID\": \"" + std::string(kSandbox);
    return grpc::Status::OK;
  }

  grpc::Status PodSandboxStatus(grpc::ServerContext*, const runtime::v1::PodSandboxStatusRequest* req,
                                runtime::v1::PodSandboxStatusResponse* resp) override {
    ++sandbox_calls;
    if (req->pod_sandbox_id() != kSandbox) return grpc::Status(grpc::StatusCode::NOT_FOUND, "no such sandbox");
    runtime::v1::PodSandboxStatus* s = resp->mutable_status();
    s->set_id(kSandbox);
    s->mutable_metadata()->set_name("checkout-5f7b9c-x2k4q");
    s->mutable_metadata()->set_uid("6d1c2a9e-3b4f-4c5d-8e7f-0a1b2c3d4e5f");
    s->mutable_metadata()->set_namespace_("payments");
    s->mutable_network()->set_ip("10.42.0.17");
    auto& labels = *s->mutable_labels();
    labels["app.kubernetes.io/name"] = "checkout";
    labels["pod-template-hash"] = "5f7b9c";
    labels["io.kubernetes.pod.name"] = "checkout-5f7b9c-x2k4q";
    return grpc::Status::OK;
  }

 private:
  static void fill_containerd_pod_container(runtime::v1::ContainerStatusResponse& resp) {
    runtime::v1::ContainerStatus* c = resp.mutable_status();
    c->set_id(kPodContainer);
    c->mutable_metadata()->set_name("checkout");
    c->mutable_image()->set_image("registry.example:5000/shop/checkout:3.2.1");
    c->set_image_ref("registry.example:5000/shop/checkout@sha256:9a8b7c6d5e4f30211203f4e5d6c7b8a99a8b7c6d5e4f30211203f4e5d6c7b8a9");
    c->set_state(runtime::v1::CONTAINER_RUNNING);
    c->set_started_at(1763866800123456789);
    auto& labels = *c->mutable_labels();
    labels["io.kubernetes.container.name"] = "checkout";
    labels["io.kubernetes.pod.name"] = "checkout-5f7b9c-x2k4q";
    labels["io.kubernetes.pod.namespace"] = "payments";
    labels["io.kubernetes.pod.uid"] = "6d1c2a9e-3b4f-4c5d-8e7f-0a1b2c3d4e5f";
    runtime::v1::Mount* m = c->add_mounts();
    m->set_container_path("/etc/checkout");
    m->set_host_path("/var/lib/kubelet/pods/6d1c/volumes/kubernetes.io~configmap/cfg");
    m->set_readonly(true);
    m = c->add_mounts();
    m->set_container_path("/data");
    m->set_host_path("/srv/checkout");
    m->set_propagation(runtime::v1::PROPAGATION_BIDIRECTIONAL);
    // containerd keeps the CRI config the container was created with.
    (*resp.mutable_info())["info"] =
        std::string("{\"sandboxID\":\"") + kSandbox +
        "\",\"pid\":4242,\"config\":{\"linux\":{\"security_context\":{\"privileged\":true}}}}";
  }

  static void fill_crio_container(runtime::v1::ContainerStatusResponse& resp) {
    runtime::v1::ContainerStatus* c = resp.mutable_status();
    c->set_id(kOther);
    c->mutable_metadata()->set_name("sidecar");
    c->mutable_image()->set_image("quay.io/example/sidecar");
    c->set_image_ref("sha256:77aa88bb99cc00dd11ee22ff33aa44bb55cc66dd77ee88ff99aa00bb11cc22dd");
    (*resp.mutable_info())["info"] = "{\"privileged\":false,\"pid\":77}";  // CRI-O style, no pod
  }

  FakeServerBehaviour behaviour_;
};

// A runtime listening on <tempdir>/<name>.
class RuntimeSocket {
 public:
  RuntimeSocket(FakeServerMode mode, const std::string& name) : service_(mode) {
    char tmpl[] = "/tmp/saker-cri-XXXXXX";
    dir_ = mkdtemp(tmpl);
    path_ = dir_ + "/" + name;
    grpc::ServerBuilder b;
    b.AddListeningPort("unix:" + path_, grpc::InsecureServerCredentials());
    b.RegisterService(&service_);
    server_ = b.BuildAndStart();
  }
  ~RuntimeSocket() {
    service_.release();
    server_->Shutdown(std::chrono::system_clock::now() + 2s);
    std::filesystem::remove_all(dir_);
  }
  const std::string& path() const { return path_; }
  FakeRuntime& service() { return service_; }

 private:
  FakeRuntime service_;
  std::string dir_, path_;
  std::unique_ptr<grpc::Server> server_;
};

MetadataConfig cri_config(const std::string& socket, LogCapture& logs) {
  MetadataConfig c = provider_test_config(logs);
  c.cri_sockets = {"/nonexistent/saker/containerd.sock", socket};  // absent ones are skipped
  return c;
}

std::string containerd_cgroup(const char* id) {
  return std::string("/kubepods.slice/kubepods-besteffort.slice/cri-containerd-") + id + ".scope";
}

bool known(state::State& st, const char* id) {
  st.containers().refresh();
  const state::ContainerInfo* c = st.containers().find(std::string(id).substr(0, 12));
  return c != nullptr && !c->name.empty();
}

TEST(CriProvider, FillsContainerAndPodFieldsFromContainerd) {
  RuntimeSocket rt(FakeServerMode::Good, "containerd.sock");
  LogCapture logs;
  MetadataService svc(cri_config(rt.path(), logs));
  state::State st;
  st.containers().set_provider(&svc);
  svc.start();
  seed_in_cgroup(st, 800, containerd_cgroup(kPodContainer));
  ASSERT_TRUE(eventually([&] { return known(st, kPodContainer); })) << logs.all();
  EXPECT_TRUE(rt.service().saw_verbose.load());
  EXPECT_EQ(rt.service().sandbox_calls.load(), 1);
  EXPECT_EQ(render(st, 800, "container.id"), "3f4e5d6c7b8a");
  EXPECT_EQ(render(st, 800, "container.type"), "containerd");
  EXPECT_EQ(render(st, 800, "container.name"), "checkout");
  EXPECT_EQ(render(st, 800, "container.image"), "registry.example:5000/shop/checkout:3.2.1");
  EXPECT_EQ(render(st, 800, "container.image.repository"), "registry.example:5000/shop/checkout");
  EXPECT_EQ(render(st, 800, "container.image.tag"), "3.2.1");
  EXPECT_EQ(render(st, 800, "container.image.digest"),
            "sha256:9a8b7c6d5e4f30211203f4e5d6c7b8a99a8b7c6d5e4f30211203f4e5d6c7b8a9");
  EXPECT_EQ(render(st, 800, "container.privileged"), "true");
  EXPECT_EQ(render(st, 800, "container.start_ts"), "1763866800123456789");
  EXPECT_EQ(render(st, 800, "container.label[io.kubernetes.container.name]"), "checkout");
  EXPECT_EQ(render(st, 800, "container.mount.source[/etc/checkout]"),
            "/var/lib/kubelet/pods/6d1c/volumes/kubernetes.io~configmap/cfg");
  EXPECT_EQ(render(st, 800, "container.mount.rdwr[/var/lib/kubelet/*]"), "false");
  EXPECT_EQ(render(st, 800, "container.mount[1]"), "/srv/checkout:/data:rw:true:rshared");
  EXPECT_EQ(render(st, 800, "k8s.pod.name"), "checkout-5f7b9c-x2k4q");
  EXPECT_EQ(render(st, 800, "k8s.ns.name"), "payments");
  EXPECT_EQ(render(st, 800, "k8s.pod.uid"), "6d1c2a9e-3b4f-4c5d-8e7f-0a1b2c3d4e5f");
  EXPECT_EQ(render(st, 800, "k8s.pod.sandbox_id"), "a1b2c3d4e5f6");
  // Pod labels come from the sandbox; the runtime's io.kubernetes.* bookkeeping is not one.
  EXPECT_EQ(render(st, 800, "k8s.pod.label[app.kubernetes.io/name]"), "checkout");
  EXPECT_EQ(render(st, 800, "k8s.pod.labels"), "app.kubernetes.io/name:checkout,pod-template-hash:5f7b9c");
  EXPECT_EQ(render(st, 800, "container.ip"), "10.42.0.17");
  EXPECT_TRUE(logs.all().empty()) << logs.all();
}

TEST(CriProvider, CrioStyleContainerWithImageIdAndNoPod) {
  RuntimeSocket rt(FakeServerMode::Good, "crio.sock");
  LogCapture logs;
  MetadataService svc(cri_config(rt.path(), logs));
  state::State st;
  st.containers().set_provider(&svc);
  svc.start();
  seed_in_cgroup(st, 801, std::string("/kubepods/crio-") + kOther + ".scope");
  ASSERT_TRUE(eventually([&] { return known(st, kOther); })) << logs.all();
  EXPECT_EQ(render(st, 801, "container.type"), "cri-o");
  EXPECT_EQ(render(st, 801, "container.name"), "sidecar");
  EXPECT_EQ(render(st, 801, "container.image.repository"), "quay.io/example/sidecar");
  EXPECT_EQ(render(st, 801, "container.image.tag"), "latest");
  EXPECT_EQ(render(st, 801, "container.image.id"), "77aa88bb99cc");
  EXPECT_EQ(render(st, 801, "container.privileged"), "false");
  EXPECT_EQ(render(st, 801, "container.start_ts"), "<NA>");  // not reported
  EXPECT_EQ(render(st, 801, "k8s.pod.name"), "<NA>");
  EXPECT_EQ(rt.service().sandbox_calls.load(), 0);
}

TEST(CriProvider, SlowRuntimeNeverBlocksAndIsLoggedOnce) {
  RuntimeSocket rt(FakeServerMode::Slow, "containerd.sock");
  LogCapture logs;
  MetadataService svc(cri_config(rt.path(), logs));
  state::State st;
  st.containers().set_provider(&svc);
  svc.start();
  const auto t0 = std::chrono::steady_clock::now();
  seed_in_cgroup(st, 802, containerd_cgroup(kPodContainer));
  seed_in_cgroup(st, 803, containerd_cgroup(kOther));
  EXPECT_EQ(render(st, 802, "container.name"), "<NA>");  // pending; the event flows on
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 100ms);
  ASSERT_TRUE(eventually([&] { return svc.stats().failed >= 2; }, 3000ms)) << logs.all();
  EXPECT_EQ(rt.service().status_calls(), 2);
  EXPECT_EQ(logs.count("DEADLINE_EXCEEDED"), 1u) << logs.all();
  EXPECT_EQ(logs.count(rt.path()), 1u) << logs.all();
  EXPECT_EQ(render(st, 802, "container.name"), "<NA>");
  const auto s0 = std::chrono::steady_clock::now();
  svc.stop();
  EXPECT_LT(std::chrono::steady_clock::now() - s0, 1000ms);
}

TEST(CriProvider, RuntimeErrorsAreLoggedOnceAndNotFoundIsQuiet) {
  RuntimeSocket failing(FakeServerMode::Failing, "containerd.sock");
  LogCapture logs;
  MetadataService svc(cri_config(failing.path(), logs));
  svc.start();
  svc.request(kPodContainer, state::ContainerType::Containerd);
  svc.request(kOther, state::ContainerType::Containerd);
  ASSERT_TRUE(eventually([&] { return svc.stats().failed == 2; })) << logs.all();
  EXPECT_EQ(logs.count("INTERNAL: runtime exploded"), 1u) << logs.all();
  EXPECT_FALSE(svc.has_updates());

  RuntimeSocket unknown(FakeServerMode::NotFound, "crio.sock");
  LogCapture quiet;
  MetadataService svc2(cri_config(unknown.path(), quiet));
  svc2.start();
  svc2.request(kPodContainer, state::ContainerType::Crio);
  ASSERT_TRUE(eventually([&] { return svc2.stats().failed == 1; }));
  EXPECT_EQ(unknown.service().status_calls(), 1);
  EXPECT_TRUE(quiet.all().empty()) << quiet.all();  // another runtime's container: not an error
  EXPECT_FALSE(svc2.has_updates());
}

TEST(CriProvider, BrokenVerboseInfoKeepsTheContainerAndNamesTheOffset) {
  RuntimeSocket rt(FakeServerMode::Malformed, "containerd.sock");
  LogCapture logs;
  MetadataService svc(cri_config(rt.path(), logs));
  state::State st;
  st.containers().set_provider(&svc);
  svc.start();
  seed_in_cgroup(st, 804, containerd_cgroup(kPodContainer));
  ASSERT_TRUE(eventually([&] { return known(st, kPodContainer); })) << logs.all();
  EXPECT_EQ(render(st, 804, "container.name"), "checkout");
  EXPECT_EQ(render(st, 804, "k8s.pod.name"), "checkout-5f7b9c-x2k4q");  // from the container's labels
  EXPECT_EQ(render(st, 804, "container.privileged"), "<NA>");
  EXPECT_EQ(logs.count("verbose info: malformed JSON at byte"), 1u) << logs.all();
}

}  // namespace
}  // namespace saker::testing
