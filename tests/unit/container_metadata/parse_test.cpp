// Runtime documents into ContainerInfo, and ContainerInfo into container.* / k8s.* fields
// through the state engine's container table.
#include <gtest/gtest.h>

#include "engine/state/metadata/cri_verbose_info.h"
#include "engine/state/metadata/docker_inspect.h"
#include "engine/state/metadata/ecs_task.h"
#include "engine/state/metadata/image_ref.h"
#include "tests/unit/container_metadata/test_support.h"

namespace saker::testing {
namespace {

using state::ContainerInfo;
using state::ContainerType;
using namespace state::metadata;

TEST(ImageRef, SplitsRepositoryTagAndDigest) {
  ImageRef a = parse_image_ref("nginx");
  EXPECT_EQ(a.repository, "nginx");
  EXPECT_EQ(a.tag, "");
  ImageRef b = parse_image_ref("localhost/saker-mini:1");
  EXPECT_EQ(b.repository, "localhost/saker-mini");
  EXPECT_EQ(b.tag, "1");
  ImageRef c = parse_image_ref("registry:5000/team/app:2.0@sha256:abc");
  EXPECT_EQ(c.repository, "registry:5000/team/app");  // the port is not a tag
  EXPECT_EQ(c.tag, "2.0");
  EXPECT_EQ(c.digest, "sha256:abc");
  ImageRef d = parse_image_ref("registry:5000/team/app");
  EXPECT_EQ(d.repository, "registry:5000/team/app");
  EXPECT_EQ(d.tag, "");
}

TEST(DockerInspect, ReadsAKubernetesContainer) {
  ContainerInfo c;
  std::string error;
  ASSERT_TRUE(parse_docker_inspect(read_data("docker_inspect_k8s.json"), ContainerType::Containerd, c, error))
      << error;
  EXPECT_EQ(c.id, "5d2f4e6a8b0c");
  EXPECT_EQ(c.name, "k8s_app_frontend-7c9d_shop_1b2c3d4e-5f60-4718-92a3-b4c5d6e7f809_0");
  EXPECT_EQ(c.image_repository, "registry.local:5000/shop/frontend");
  EXPECT_EQ(c.image_tag, "");
  EXPECT_EQ(c.image_digest, "sha256:feedfacefeedfacefeedfacefeedfacefeedfacefeedfacefeedfacefeedface");
  EXPECT_EQ(c.image_id, "0123456789ab");
  ASSERT_TRUE(c.privileged.has_value());
  EXPECT_FALSE(*c.privileged);
  EXPECT_TRUE(c.host_ipc);
  EXPECT_FALSE(c.host_pid);
  ASSERT_EQ(c.mounts.size(), 2u);
  EXPECT_EQ(c.mounts[1].source, "/var/run/docker.sock");
  EXPECT_TRUE(c.mounts[1].rdwr);
  EXPECT_EQ(c.healthcheck, "wget -q -O- http://localhost/healthz");
  EXPECT_EQ(c.k8s_pod_name, "frontend-7c9d");
  EXPECT_EQ(c.k8s_ns_name, "shop");
  EXPECT_EQ(c.k8s_pod_uid, "1b2c3d4e-5f60-4718-92a3-b4c5d6e7f809");
  EXPECT_EQ(c.k8s_sandbox_id, "77aa88bb99cc");
  ASSERT_EQ(c.k8s_pod_labels.size(), 2u);  // app, tier: not the io.kubernetes.* ones
  EXPECT_EQ(c.k8s_pod_labels[0].first, "app");
}

TEST(DockerInspect, MalformedDocumentsAreErrorsWithAnOffset) {
  ContainerInfo c;
  std::string error;
  EXPECT_FALSE(parse_docker_inspect("{\"Id\": \"abc\", ", ContainerType::Docker, c, error));
  EXPECT_NE(error.find("malformed JSON at byte"), std::string::npos) << error;
  EXPECT_FALSE(parse_docker_inspect("[1,2]", ContainerType::Docker, c, error));
  EXPECT_NE(error.find("no \"Id\""), std::string::npos) << error;
  // Odd member types are ignored, not fatal.
  EXPECT_TRUE(parse_docker_inspect(R"({"Id":"0123456789abcdef","Name":7,"Mounts":{},"Config":[]})",
                                   ContainerType::Docker, c, error));
  EXPECT_EQ(c.id, "0123456789ab");
  EXPECT_EQ(c.name, "");
}

TEST(EcsDocuments, TaskListsItsContainersWithTheTaskFacts) {
  state::CloudTaskInfo task;
  std::vector<ContainerInfo> containers;
  std::string error;
  ASSERT_TRUE(parse_ecs_task(read_data("ecs_task.json"), task, containers, error)) << error;
  EXPECT_EQ(task.family, "shop");
  EXPECT_EQ(task.revision, "7");
  EXPECT_EQ(task.availability_zone, "eu-west-1b");
  EXPECT_EQ(task.launch_type, "FARGATE");
  ASSERT_EQ(containers.size(), 2u);  // the pending one has no DockerId yet
  EXPECT_EQ(containers[1].name, "log-router");
  EXPECT_EQ(containers[1].image_tag, "stable");
  ASSERT_TRUE(containers[0].task.has_value());
  EXPECT_EQ(containers[0].task->cluster, "arn:aws:ecs:eu-west-1:123456789012:cluster/prod");
  ContainerInfo self;
  ASSERT_TRUE(parse_ecs_container(read_data("ecs_container.json"), self, error)) << error;
  EXPECT_EQ(self.id, "9e1a2b3c4d5e");
  EXPECT_EQ(self.image_repository, "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/web");
  EXPECT_EQ(self.image_tag, "2.4.1");
  EXPECT_EQ(self.ip, "10.20.3.41");
  EXPECT_EQ(*self.label("com.amazonaws.ecs.container-name"), "web");
}

// Found by tests/fuzz/fuzz_container_json: a number too large for a double made the JSON library
// throw an exception the parsers did not catch (out_of_range, not parse_error), which ended the
// engine from the metadata thread. Now every parser refuses it with the offending byte.
TEST(RuntimeDocuments, NumberOverflowIsAnErrorWithAnOffset) {
  const std::string doc = R"({"Id":"abc","State":{"Pid":1e999}})";
  ContainerInfo c;
  std::string error;
  EXPECT_FALSE(parse_docker_inspect(doc, ContainerType::Docker, c, error));
  EXPECT_NE(error.find("malformed JSON at byte 32: "), std::string::npos) << error;
  EXPECT_NE(error.find("number overflow"), std::string::npos) << error;
  error.clear();
  EXPECT_FALSE(parse_ecs_container(R"({"DockerId":"x","Limits":{"CPU":-1e400}})", c, error));
  EXPECT_NE(error.find("malformed JSON at byte"), std::string::npos) << error;
  state::CloudTaskInfo task;
  std::vector<ContainerInfo> containers;
  error.clear();
  EXPECT_FALSE(parse_ecs_task(R"({"TaskARN":"a","Limits":{"CPU":9e9999}})", task, containers, error));
  EXPECT_NE(error.find("malformed JSON at byte"), std::string::npos) << error;
  CriVerboseInfo info;
  error.clear();
  EXPECT_FALSE(parse_cri_verbose_info(R"({"pid":1E+309})", info, error));
  EXPECT_NE(error.find("malformed JSON at byte 13: "), std::string::npos) << error;
}

// The parser counts the end of input as a byte read; the offset reported stays within the input.
TEST(RuntimeDocuments, TruncatedDocumentErrorNamesTheLastByte) {
  ContainerInfo c;
  std::string error;
  const std::string doc = R"({"Id": "abc", )";
  EXPECT_FALSE(parse_docker_inspect(doc, ContainerType::Docker, c, error));
  EXPECT_NE(error.find("malformed JSON at byte " + std::to_string(doc.size()) + ": "), std::string::npos) << error;
  EXPECT_FALSE(parse_docker_inspect("", ContainerType::Docker, c, error));
  EXPECT_NE(error.find("malformed JSON at byte 0: "), std::string::npos) << error;
}

// An ECS container without an image has no "latest" tag either (as a Docker-compatible document).
TEST(EcsDocuments, NoImageMeansNoTag) {
  ContainerInfo c;
  std::string error;
  ASSERT_TRUE(parse_ecs_container(R"({"DockerId":"0123456789abcdef"})", c, error)) << error;
  EXPECT_EQ(c.image_repository, "");
  EXPECT_EQ(c.image_tag, "");
  ContainerInfo d;
  ASSERT_TRUE(parse_ecs_container(R"({"DockerId":"0123456789abcdef","Image":"busybox"})", d, error)) << error;
  EXPECT_EQ(d.image_tag, "latest");
}

// A provider that answers from memory, as the service would after its lookups.
class MemoryProvider : public state::MetadataProvider {
 public:
  std::vector<std::shared_ptr<const ContainerInfo>> ready;
  std::vector<std::string> gone;
  std::vector<std::string> requested;
  void request(const std::string& full_id, ContainerType) override { requested.push_back(full_id); }
  bool has_updates() const override { return !ready.empty() || !gone.empty(); }
  void take(std::vector<std::shared_ptr<const ContainerInfo>>& u, std::vector<std::string>& r) override {
    u.swap(ready);
    r.swap(gone);
    ready.clear();
    gone.clear();
  }
  void wait_for(const std::string&) override {}
};

constexpr const char* kFullId = "5d2f4e6a8b0c1d3e5f7a9b1c3d5e7f9a1b3c5d7e9f1a3b5c7d9e1f3a5b7c9d1e";

TEST(ContainerFields, PendingThenKnownThenRemoved) {
  state::State st;
  MemoryProvider p;
  st.containers().set_provider(&p);
  seed_in_cgroup(st, 500, std::string("/libpod_parent/libpod-") + kFullId);
  seed_in_cgroup(st, 501, std::string("/libpod_parent/libpod-") + kFullId);
  ASSERT_EQ(p.requested.size(), 1u);  // one lookup per container, not per thread
  EXPECT_EQ(render(st, 500, "container.id"), "5d2f4e6a8b0c");
  EXPECT_EQ(render(st, 500, "container.name"), "<NA>");  // pending: the event still flows

  auto info = std::make_shared<ContainerInfo>();
  std::string error;
  ASSERT_TRUE(parse_docker_inspect(read_data("docker_inspect_k8s.json"), ContainerType::Podman, *info, error));
  p.ready.push_back(info);
  st.containers().refresh();
  EXPECT_EQ(render(st, 500, "container.image.repository"), "registry.local:5000/shop/frontend");
  EXPECT_EQ(render(st, 500, "container.privileged"), "false");
  EXPECT_EQ(render(st, 500, "container.mounts"),
            "/var/lib/kubelet/pods/1b2c/volumes/cfg:/etc/app:ro:false:rprivate,"
            "/var/run/docker.sock:/var/run/docker.sock::true:rprivate");
  EXPECT_EQ(render(st, 500, "container.mount[1]"), "/var/run/docker.sock:/var/run/docker.sock::true:rprivate");
  EXPECT_EQ(render(st, 500, "container.mount[5]"), "none");
  EXPECT_EQ(render(st, 500, "container.mount[/var/lib/kubelet/*]"),
            "/var/lib/kubelet/pods/1b2c/volumes/cfg:/etc/app:ro:false:rprivate");
  EXPECT_EQ(render(st, 500, "container.mount.dest[/var/run/docker.sock]"), "/var/run/docker.sock");
  EXPECT_EQ(render(st, 500, "container.mount.dest[/proc*]"), "N/A");
  EXPECT_EQ(render(st, 500, "container.mount.source[/etc/app]"), "/var/lib/kubelet/pods/1b2c/volumes/cfg");
  EXPECT_EQ(render(st, 500, "container.mount.mode[0]"), "ro");
  EXPECT_EQ(render(st, 500, "container.mount.rdwr[/var/run/*]"), "true");
  EXPECT_EQ(render(st, 500, "container.label[tier]"), "web");
  EXPECT_EQ(render(st, 500, "container.label.app"), "frontend");
  EXPECT_EQ(render(st, 500, "container.label[nope]"), "<NA>");
  EXPECT_EQ(render(st, 500, "k8s.pod.name"), "frontend-7c9d");
  EXPECT_EQ(render(st, 500, "k8s.ns.name"), "shop");
  EXPECT_EQ(render(st, 500, "k8s.pod.uid"), "1b2c3d4e-5f60-4718-92a3-b4c5d6e7f809");
  EXPECT_EQ(render(st, 500, "k8s.pod.label[app]"), "frontend");
  EXPECT_EQ(render(st, 500, "k8s.pod.labels"), "app:frontend,tier:web");
  EXPECT_EQ(render(st, 500, "container.healthcheck"), "wget -q -O- http://localhost/healthz");
  EXPECT_EQ(render(st, 500, "ecs.task.family"), "<NA>");

  p.gone.push_back(kFullId);
  st.containers().refresh();
  EXPECT_EQ(render(st, 500, "container.name"), "<NA>");
}

TEST(ContainerFields, HostThreadsAreNamedHost) {
  state::State st;
  MemoryProvider p;
  st.containers().set_provider(&p);
  seed_in_cgroup(st, 600, "/user.slice");
  EXPECT_EQ(render(st, 600, "container.id"), "host");
  EXPECT_EQ(render(st, 600, "container.name"), "host");
  EXPECT_EQ(render(st, 600, "container.image.repository"), "<NA>");
  EXPECT_TRUE(p.requested.empty());
}

}  // namespace
}  // namespace saker::testing
