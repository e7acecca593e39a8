// fargate/task-definition.json played with podman, the way Fargate runs it:
//  - the task is a pod (awsvpc: one network namespace for every container of the task);
//  - the sidecar "saker" is the image of the top-level Dockerfile, runs its command and exits 0
//    (essential false; the app depends on it with condition SUCCESS);
//  - the app gets --volumes-from the sidecar (read-only), the task definition's entryPoint,
//    command and environment, and Fargate's capabilities: all dropped, then Fargate's default
//    set plus linuxParameters.capabilities.add (SYS_PTRACE);
//  - the task metadata endpoint v4 is served inside the task (busybox httpd, a CGI serving the
//    container and task documents of tests/data/containers) and announced in
//    ECS_CONTAINER_METADATA_URI_V4.
// An attack exec'd inside the app container raises a JSON alert in the app's log (awslogs would
// ship it to CloudWatch) carrying the container id and the ECS task facts read from the endpoint by
// the static engine inside saker-wrap.
#include <sys/stat.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/integration/deploy/podman_env.h"

namespace saker::deploy_test {
namespace {

using nlohmann::json;

class FargateSimulation : public PodmanSuite {};

const json* container_named(const json& td, const std::string& name) {
  for (const auto& c : td["containerDefinitions"])
    if (c.value("name", "") == name) return &c;
  return nullptr;
}

std::string quoted_words(const json& arr) {
  std::string s;
  for (const auto& w : arr) s += " " + quote(w.get<std::string>());
  return s;
}

// The endpoint's two documents under one URI without a trailing slash, as the ECS agent serves them:
// busybox httpd would redirect a directory, so a CGI answers ${URI} and ${URI}/task (PATH_INFO).
// The documents are tests/data/containers/ecs_*.json with the app container's real id as the
// "web" container's DockerId: on Fargate the engine's cgroup-derived container.id is that id, and
// the provider's documents are matched to it.
void write_metadata_site(const std::string& root, const std::string& docker_id) {
  ::mkdir((root + "/cgi-bin").c_str(), 0755);
  const std::string data = kSource + "/tests/data/containers/";
  json container = json::parse(slurp(data + "ecs_container.json"));
  json task = json::parse(slurp(data + "ecs_task.json"));
  container["DockerId"] = docker_id;
  for (auto& c : task["Containers"])
    if (c.value("Name", "") == "web") c["DockerId"] = docker_id;
  std::ofstream(root + "/container.json") << container.dump();
  std::ofstream(root + "/task.json") << task.dump();
  const std::string cgi = root + "/cgi-bin/v4";
  std::ofstream(cgi) << "#!/bin/sh\n"
                        "printf 'Content-Type: application/json\\r\\n\\r\\n'\n"
                        "case \"$PATH_INFO\" in\n"
                        "  /c0ffee) cat /meta/container.json ;;\n"
                        "  /c0ffee/task) cat /meta/task.json ;;\n"
                        "esac\n";
  ::chmod(cgi.c_str(), 0755);
}

TEST_F(FargateSimulation, TaskDefinitionPatternAlertsInTheAppLog) {
  const json td = json::parse(slurp(kSource + "/fargate/task-definition.json"));
  const json* sidecar = container_named(td, "saker");
  const json* app = container_named(td, "web");
  ASSERT_TRUE(sidecar && app);
  // The shape the guide promises.
  EXPECT_FALSE(sidecar->at("essential").get<bool>());
  EXPECT_EQ(app->at("volumesFrom")[0]["sourceContainer"], "saker");
  EXPECT_EQ(app->at("entryPoint")[0], "/saker/saker-wrap");
  EXPECT_EQ(app->at("linuxParameters")["capabilities"]["add"], json::array({"SYS_PTRACE"}));
  EXPECT_EQ(app->at("logConfiguration")["logDriver"], "awslogs");

  const std::string tag = "localhost/" + unique("saker-fargate-img") + ":test";
  const std::string pod = unique("saker-task");
  const std::string side = pod + "-saker", web = pod + "-web", meta = pod + "-meta";
  ASSERT_EQ(build_saker_image(tag), "");
  sh("podman pod rm -f -t 0 " + pod + " >/dev/null");
  Outcome p = sh("podman pod create --name " + pod);
  ASSERT_EQ(p.code, 0) << p.err;

  // The task metadata endpoint (v4 layout: ${URI} and ${URI}/task).
  const std::string uri = "http://127.0.0.1:51679/cgi-bin/v4/c0ffee";
  TempDir site;  // filled once the app container's id is known (below)
  Outcome m = sh("podman run -d --pod " + pod + " --name " + meta + " -v " + quote(site.path() + ":/meta:ro") + " " +
                 image_ + " httpd -f -p 127.0.0.1:51679 -h /meta");
  ASSERT_EQ(m.code, 0) << m.err;

  // The sidecar: its command, then exit 0 (the app's dependsOn condition SUCCESS).
  Outcome s = sh("podman run --pod " + pod + " --name " + side + " " + tag + quoted_words(sidecar->at("command")));
  ASSERT_EQ(s.code, 0) << s.err;
  EXPECT_NE(s.out.find("aker"), std::string::npos) << s.out;

  std::string env;
  for (const auto& e : app->at("environment"))
    env += " -e " + quote(e["name"].get<std::string>() + "=" + e["value"].get<std::string>());
  std::string caps;
  for (const auto& c : app->at("linuxParameters")["capabilities"]["add"]) caps += "," + c.get<std::string>();
  // The task definition's entry point, with the ECS fields added to every alert (-o append_output).
  json entry = app->at("entryPoint");
  entry.insert(entry.begin() + 1, {"-o", "append_output[]={match: {source: syscall}, extra_fields: [ecs.cluster, "
                                         "ecs.task.arn, ecs.task.family]}"});
  const std::string run = "podman create --pod " + pod + " --name " + web + " --cap-drop=ALL --cap-add=" + kFargateCaps +
                          caps + " --volumes-from " + side + ":ro" + env + " -e ECS_CONTAINER_METADATA_URI_V4=" + uri +
                          " --entrypoint " + quote(entry.dump()) + " " + image_ + quoted_words(app->at("command"));
  Outcome a = sh(run);
  ASSERT_EQ(a.code, 0) << run << "\n" << a.err;
  const std::string web_id = trim(a.out);
  ASSERT_EQ(web_id.size(), 64u) << a.out;
  write_metadata_site(site.path(), web_id);
  Outcome started = sh("podman start " + web);
  ASSERT_EQ(started.code, 0) << started.err;

  // The app serves inside the task's network namespace.
  std::string page;
  for (int i = 0; i < 100 && page.empty(); ++i) {
    page = sh("podman exec " + meta + " wget -qO- http://127.0.0.1:8080/").out;
    if (page.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(page, "hello-from-web\n");

  // Its capabilities are Fargate's: SYS_PTRACE (bit 19) yes, SYS_ADMIN (21) no.
  Outcome st = sh("podman exec " + web + " grep CapEff /proc/1/status");
  const unsigned long long eff = std::stoull(trim(st.out.substr(st.out.find(':') + 1)), nullptr, 16);
  EXPECT_TRUE(eff & (1ULL << 19)) << st.out;
  EXPECT_FALSE(eff & (1ULL << 21)) << st.out;

  // The metadata endpoint is announced and reachable from the app.
  Outcome md = sh("podman exec " + web + " sh -c 'wget -qO- $ECS_CONTAINER_METADATA_URI_V4/task'");
  const json task_doc = json::parse(md.out, nullptr, false);
  EXPECT_TRUE(task_doc.is_object() && task_doc.value("Family", "") == "shop") << md.out << md.err;

  // The attack, exec'd inside the app container: a JSON alert in the app's log.
  Outcome ex = sh("podman exec " + web + " cat /etc/shadow");
  EXPECT_EQ(ex.code, 0) << ex.err;
  const std::string log = wait_for_log(web, "\"fd.name\":\"/etc/shadow\"", 15);
  EXPECT_NE(log.find("\"rule\":\"Read Sensitive File By Untrusted Program\""), std::string::npos) << log;
  // Container and task metadata from the endpoint (tests/data/containers/ecs_*.json), read by the
  // static engine (Boost.Beast HTTP client) inside the wrapper.
  json alert;
  for (size_t at = 0; at < log.size();) {
    const size_t end = std::min(log.find('\n', at), log.size());
    const std::string line = log.substr(at, end - at);
    at = end + 1;
    if (line.empty() || line.front() != '{' || line.find("/etc/shadow") == std::string::npos) continue;
    alert = json::parse(line, nullptr, false);
    if (!alert.is_discarded()) break;
  }
  ASSERT_TRUE(alert.is_object()) << log;
  const json f = alert.value("output_fields", json::object());
  EXPECT_EQ(f["container.id"], web_id.substr(0, 12)) << alert.dump();
  EXPECT_EQ(f["ecs.cluster"], "arn:aws:ecs:eu-west-1:123456789012:cluster/prod") << alert.dump();
  EXPECT_EQ(f["ecs.task.arn"], "arn:aws:ecs:eu-west-1:123456789012:task/prod/0f1e2d3c4b5a69788796a5b4c3d2e1f0")
      << alert.dump();
  EXPECT_EQ(f["ecs.task.family"], "shop") << alert.dump();

  // -v: the sidecar's /saker is an anonymous volume (the image's VOLUME).
  sh("podman rm -f -v -t 0 " + web + " " + side + " " + meta + " >/dev/null");
  sh("podman pod rm -f -t 0 " + pod + " >/dev/null");
  sh("podman rmi -f " + tag + " >/dev/null");
}

}  // namespace
}  // namespace saker::deploy_test
