// wrappers/k8s/saker-wrapped-pod.yaml, proved with the podman commands equivalent to it.
// `podman play kube` (4.3) was tried first and fails on this machine: it removes a "once" init
// container without waiting for it to exit ("cannot remove container ... as it is running"), and
// it names an emptyDir's volume after the manifest's volume, so two pods collide. So the test
// reads the manifest and runs what a kubelet would: the emptyDir is a fresh podman volume, the
// init container runs to completion with its command and mount, then the application container
// runs with its command, its mount (read-only) and exactly the capabilities its securityContext
// adds. Only the images change: saker:0.1.0 is the image the top-level Dockerfile builds here,
// busybox:1.36 the local busybox image. The app serves its page, and a `cat /etc/shadow` exec'd
// inside raises an alert in its log.
#include <yaml-cpp/yaml.h>

#include "tests/integration/deploy/podman_env.h"

namespace saker::deploy_test {
namespace {

class KubernetesManifest : public PodmanSuite {};

std::string words(const YAML::Node& seq) {
  std::string s;
  for (const auto& w : seq) s += " " + quote(w.as<std::string>());
  return s;
}

// "-v VOLUME:PATH[:ro]" for each of a container's volumeMounts of the named volume.
std::string mounts(const YAML::Node& container, const std::string& volume_name, const std::string& volume) {
  std::string s;
  for (const auto& m : container["volumeMounts"]) {
    if (m["name"].as<std::string>() != volume_name) continue;
    s += " -v " + volume + ":" + m["mountPath"].as<std::string>();
    if (m["readOnly"] && m["readOnly"].as<bool>()) s += ":ro";
  }
  return s;
}

TEST_F(KubernetesManifest, EquivalentPodmanCommandsRunTheWrappedPod) {
  const YAML::Node pod = YAML::LoadFile(kSource + "/wrappers/k8s/saker-wrapped-pod.yaml");
  const YAML::Node spec = pod["spec"];
  ASSERT_EQ(spec["volumes"][0]["emptyDir"].IsMap(), true);
  const std::string volume_name = spec["volumes"][0]["name"].as<std::string>();
  const YAML::Node init = spec["initContainers"][0];
  const YAML::Node app = spec["containers"][0];
  ASSERT_EQ(init["image"].as<std::string>(), "saker:0.1.0");
  ASSERT_EQ(app["command"][0].as<std::string>(), "/saker/saker-wrap");
  const YAML::Node caps = app["securityContext"]["capabilities"];
  ASSERT_EQ(caps["add"].size(), 1u);
  EXPECT_EQ(caps["add"][0].as<std::string>(), "SYS_PTRACE");
  EXPECT_FALSE(caps["drop"]) << "the manifest adds SYS_PTRACE and changes nothing else";

  const std::string tag = "localhost/" + unique("saker-k8s-img") + ":test";
  const std::string volume = unique("saker-k8s-vol");
  const std::string web = unique("saker-k8s-web");
  ASSERT_EQ(build_saker_image(tag), "");
  Outcome v = sh("podman volume create " + volume);
  ASSERT_EQ(v.code, 0) << v.err;

  // The init container, to completion.
  Outcome in = sh("podman run --rm" + mounts(init, volume_name, volume) + " --entrypoint " +
                  quote(init["command"][0].as<std::string>()) + " " + tag + [&] {
                    std::string rest;
                    for (size_t i = 1; i < init["command"].size(); ++i) rest += " " + quote(init["command"][i].as<std::string>());
                    return rest;
                  }());
  EXPECT_EQ(in.code, 0) << in.err;

  // The application container.
  std::string env;
  for (const auto& e : app["env"]) env += " -e " + quote(e["name"].as<std::string>() + "=" + e["value"].as<std::string>());
  Outcome a = sh("podman run -d --name " + web + " --cap-add " + caps["add"][0].as<std::string>() +
                 mounts(app, volume_name, volume) + env + " " + image_ + words(app["command"]));
  ASSERT_EQ(a.code, 0) << a.err;

  // The init container filled the volume; the app sees it read-only at /saker.
  Outcome ls = sh("podman exec " + web + " ls /saker");
  EXPECT_EQ(ls.out, "saker\nsaker-trace\nsaker-wrap\nsaker.yaml\nsaker_rules.yaml\n") << ls.err;
  EXPECT_NE(sh("podman exec " + web + " touch /saker/x").code, 0) << "the mount should be read-only";

  std::string page;
  for (int i = 0; i < 100 && page.empty(); ++i) {
    page = sh("podman exec " + web + " wget -qO- http://127.0.0.1:8080/").out;
    if (page.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(page, "hello-from-web\n");

  Outcome ex = sh("podman exec " + web + " cat /etc/shadow");
  EXPECT_EQ(ex.code, 0) << ex.err;
  const std::string log = wait_for_log(web, "file=/etc/shadow", 15);
  EXPECT_NE(log.find("Sensitive file opened for reading by an untrusted program (file=/etc/shadow"), std::string::npos)
      << log;

  sh("podman rm -f -t 0 " + web + " >/dev/null");
  sh("podman volume rm -f " + volume + " >/dev/null");
  sh("podman rmi -f " + tag + " >/dev/null");
}

}  // namespace
}  // namespace saker::deploy_test
