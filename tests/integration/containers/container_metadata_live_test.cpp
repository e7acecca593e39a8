// Container metadata with real containers. Three podman containers (busybox image of
// tests/support/mini_image.sh) — one labelled, one --privileged, one with -v /etc:/host-etc:ro —
// each started with a terminal (-t) and a pid 1 that waits for a go signal, then execs
// `sh -c "cat /etc/shadow; ..."`. The engine (`saker -u`, upstream rules; or `saker --modern-bpf`,
// the eBPF observer, with no tracer) runs on the host with
// the metadata service pointed at podman's Docker-compatible API (a private
// `podman system service` socket); `saker-trace -p` follows each container's pid 1. The alerts
// must carry the right container.id/name/image/privileged/mounts/labels, and the upstream rules
// that need container metadata (Launch Privileged Container, Launch Sensitive Mount Container,
// Terminal shell in container) must fire.
#include <gtest/gtest.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <algorithm>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "engine/state/metadata/metadata_service.h"
#include "tests/support/run_command.h"
#include "tests/support/shared_fixtures.h"

namespace saker::testing {
namespace {

using namespace std::chrono_literals;

const std::string kBin = SAKER_BIN_DIR;
const std::string kSupport = std::string(SAKER_SOURCE_DIR) + "/tests/support";
const std::string kUpstream = std::string(SAKER_SHARED_DIR) + "/fixtures/upstream-rules/";
// Appended to every rule's output (-p), so each alert carries the container fields under test.
const std::string kExtraFields =
    "cid=%container.id cname=%container.name repo=%container.image.repository tag=%container.image.tag "
    "priv=%container.privileged mounts=%container.mounts labels=%container.labels app=%container.label[app]";

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ' || s.back() == '\r')) s.pop_back();
  return s;
}

// A command with podman's settings for this machine.
CommandResult podman(const std::string& args) {
  return run_command("CONTAINERS_CONF=" + shell_quote(kSupport + "/containers.conf") + " podman " + args + " 2>&1");
}

pid_t spawn(const std::string& cmd) {
  pid_t p = ::fork();
  if (p == 0) {
    ::setpgid(0, 0);
    ::execl("/bin/sh", "sh", "-c", ("exec " + cmd).c_str(), nullptr);
    ::_exit(127);
  }
  return p;
}

int stop(pid_t p, int sig) {
  if (p <= 0) return -1;
  ::kill(p, sig);
  int st = 0;
  for (int i = 0; i < 200; ++i) {  // 10 s, then SIGKILL
    if (::waitpid(p, &st, WNOHANG) == p) return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    std::this_thread::sleep_for(50ms);
  }
  ::kill(p, SIGKILL);
  ::waitpid(p, &st, 0);
  return -1;
}

// An output field as text, whatever JSON type the engine gave it ("<missing>" when absent).
std::string text_of(const nlohmann::json& fields, const std::string& name) {
  auto it = fields.find(name);
  if (it == fields.end()) return "<missing>";
  return it->is_string() ? it->get<std::string>() : it->dump();
}

struct Container {
  std::string name;
  std::string flags;
  std::string full_id;
  pid_t tracer = -1;
};

class ContainerMetadataLive : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!shared_available()) return;  // reported by SetUp
    if (run_command("command -v podman").exit_code != 0) {
      problem_ = "podman is not installed";
      return;
    }
    CommandResult img = run_command(shell_quote(kSupport + "/mini_image.sh") + " 2>&1");
    if (img.exit_code != 0) {
      problem_ = "mini_image.sh failed: " + img.out;
      return;
    }
    image_ = trim(img.out);
    char tmpl[] = "/tmp/saker-containers-XXXXXX";
    dir_ = ::mkdtemp(tmpl);
    const std::string sock = dir_ + "/podman.sock";
    service_ = spawn("env CONTAINERS_CONF=" + shell_quote(kSupport + "/containers.conf") +
                     " podman system service --time=0 unix://" + sock + " > " + dir_ + "/service.log 2>&1");
    for (int i = 0; i < 300 && !std::filesystem::exists(sock); ++i) std::this_thread::sleep_for(50ms);
    if (!std::filesystem::exists(sock)) {
      problem_ = "podman system service did not create its socket: " + slurp(dir_ + "/service.log");
      return;
    }
  }

  // The three containers, the engine and the tracers; once per test process, by the test that
  // needs the alerts (ctest runs each test in its own process).
  // ebpf: the observer is `saker --modern-bpf` (the whole host), not `saker -u` + saker-trace -p.
  static void run_scenario(bool ebpf = false) {
    if (scenario_done_) return;
    scenario_done_ = true;
    const std::string sock = dir_ + "/podman.sock";
    const std::string tag = std::to_string(::getpid());
    containers_ = {
        {"saker-ct-web-" + tag, "--label app=web --label tier=front", "", -1},
        {"saker-ct-priv-" + tag, "--privileged", "", -1},
        {"saker-ct-mnt-" + tag, "-v /etc:/host-etc:ro", "", -1},
    };
    // pid 1 waits for /tmp/go, then becomes a shell (an exec at vpid 1: upstream's
    // container_started) that reads /etc/shadow with a terminal attached.
    const std::string entry =
        "sh -c 'while [ ! -e /tmp/go ]; do sleep 0.1; done; exec /bin/sh -c \"/bin/cat /etc/shadow; sleep 1\"'";
    for (Container& c : containers_) {
      CommandResult r = podman("run -d -t --name " + c.name + " " + c.flags + " " + image_ + " " + entry);
      if (r.exit_code != 0) {
        problem_ = "podman run " + c.name + " failed: " + r.out;
        return;
      }
      c.full_id = trim(r.out);
      if (c.full_id.size() > 64) c.full_id = c.full_id.substr(c.full_id.size() - 64);
    }

    // The engine starts after the containers: its /proc scan finds them and asks podman at once.
    engine_ = spawn(kBin + (ebpf ? "/saker --modern-bpf -r " : "/saker -u -r ") + kUpstream + "falco_rules.yaml -r " + kUpstream +
                    "falco-incubating_rules.yaml -r " + kUpstream +
                    "falco-sandbox_rules.yaml -p " + shell_quote(kExtraFields) +
                    " -o json_output=true -o json_include_output_fields_property=true"
                    " -o tracer.socket=" + dir_ + "/engine.sock -o container_engines.docker.socket=" + sock +
                    " -o container_engines.podman.socket=" + sock + " > " + dir_ + "/engine.out 2> " + dir_ +
                    "/engine.err");
    if (ebpf) {
      for (int i = 0; i < 600 && slurp(dir_ + "/engine.err").find("Opened the eBPF probe") == std::string::npos; ++i)
        std::this_thread::sleep_for(50ms);
      if (slurp(dir_ + "/engine.err").find("Opened the eBPF probe") == std::string::npos) {
        problem_ = "saker --modern-bpf did not open the probe: " + slurp(dir_ + "/engine.err");
        return;
      }
    }
    for (int i = 0; i < 600 && !ebpf && !std::filesystem::exists(dir_ + "/engine.sock"); ++i)
      std::this_thread::sleep_for(50ms);
    if (!ebpf && !std::filesystem::exists(dir_ + "/engine.sock")) {
      problem_ = "saker -u did not listen: " + slurp(dir_ + "/engine.err");
      return;
    }
    for (Container& c : containers_) {
      if (ebpf) break;  // the probe sees them already
      const std::string pid = trim(podman("inspect -f '{{.State.Pid}}' " + c.name).out);
      c.tracer = spawn(kBin + "/saker-trace --socket " + dir_ + "/engine.sock -p " + pid + " > " + dir_ + "/" +
                       c.name + ".trace 2>&1");
    }
    // Each tracer says hello to the engine once attached.
    for (int i = 0; i < 200 && !ebpf; ++i) {
      if (count_connections() >= containers_.size()) break;
      std::this_thread::sleep_for(50ms);
    }
    if (!ebpf && count_connections() < containers_.size()) {
      problem_ = "tracers did not connect: " + slurp(dir_ + "/engine.err") + slurp(dir_ + "/engine.out");
      return;
    }
    for (Container& c : containers_) (void)podman("exec " + c.name + " touch /tmp/go");
    for (Container& c : containers_) (void)podman("wait " + c.name);
    for (Container& c : containers_) {
      int st = 0;
      for (int i = 0; i < 200 && c.tracer > 0 && ::waitpid(c.tracer, &st, WNOHANG) == 0; ++i)
        std::this_thread::sleep_for(50ms);
    }
    std::this_thread::sleep_for(ebpf ? 1000ms : 300ms);  // the engine drains the rings
    stop(engine_, SIGINT);
    engine_ = -1;
    for (const std::string& line : split_lines(slurp(dir_ + "/engine.out"))) {
      if (line.empty() || line[0] != '{') continue;
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (!j.is_discarded() && j.contains("rule")) alerts_.push_back(std::move(j));
    }
  }

  static size_t count_connections() {
    const std::string log = slurp(dir_ + "/engine.err") + slurp(dir_ + "/engine.out");
    size_t n = 0;
    for (size_t p = log.find("connected"); p != std::string::npos; p = log.find("connected", p + 1)) ++n;
    return n;
  }

  static void TearDownTestSuite() {
    for (Container& c : containers_) {
      if (c.tracer > 0) stop(c.tracer, SIGTERM);
      (void)podman("rm -f " + c.name);
    }
    (void)podman("rm -f -t 0 saker-ct-events-" + std::to_string(::getpid()));
    if (engine_ > 0) stop(engine_, SIGINT);
    if (service_ > 0) stop(service_, SIGTERM);
    if (!dir_.empty() && std::getenv("SAKER_KEEP_TEST_DIR") == nullptr) {
      std::error_code ec;
      std::filesystem::remove_all(dir_, ec);
    }
  }

  void SetUp() override {
    SAKER_REQUIRE_SHARED();
    if (problem_ == "podman is not installed" && !in_ci()) GTEST_SKIP() << problem_ << " (and env CI is unset)";
    ASSERT_TRUE(problem_.empty()) << problem_;
  }

  // The alerts of `rule` raised in container `c`.
  static std::vector<nlohmann::json> alerts(const std::string& rule, const Container& c) {
    std::vector<nlohmann::json> out;
    for (const auto& a : alerts_) {
      if (a.value("rule", "") != rule) continue;
      if (a["output_fields"].value("container.id", "") != c.full_id.substr(0, 12)) continue;
      out.push_back(a);
    }
    return out;
  }
  static std::string all_alerts() {
    std::string s;
    for (const auto& a : alerts_) s += a.dump() + "\n";
    return s + slurp(dir_ + "/engine.err");
  }

  static void check_alerts();

  static inline std::string problem_, image_, dir_;
  static inline pid_t service_ = -1, engine_ = -1;
  static inline std::vector<Container> containers_;
  static inline std::vector<nlohmann::json> alerts_;
  static inline bool scenario_done_ = false;
};

// Every alert raised inside a container carries its runtime metadata, and the upstream rules
// that need it fire on the right containers (the scenario runs once per test process).
void ContainerMetadataLive::check_alerts() {
  for (size_t i = 0; i < containers_.size(); ++i) {
    const Container& c = containers_[i];
    SCOPED_TRACE(c.name);
    auto found = alerts("Read sensitive file untrusted", c);
    ASSERT_FALSE(found.empty()) << all_alerts();
    const auto& f = found[0]["output_fields"];
    EXPECT_EQ(f.value("fd.name", ""), "/etc/shadow");
    EXPECT_EQ(f.value("container.name", ""), c.name) << found[0].dump();
    EXPECT_EQ(f.value("container.image.repository", ""), "localhost/saker-mini");
    EXPECT_EQ(f.value("container.image.tag", ""), "1");
    const bool privileged = i == 1;
    EXPECT_EQ(text_of(f, "container.privileged"), privileged ? "true" : "false") << found[0].dump();
    const std::string mounts = f.value("container.mounts", "<missing>");
    if (i == 2) {
      EXPECT_NE(mounts.find("/etc:/host-etc:"), std::string::npos) << mounts;
      EXPECT_NE(mounts.find(":false:"), std::string::npos) << mounts;  // read-only
    } else {
      EXPECT_EQ(mounts.find("/host-etc"), std::string::npos) << mounts;
    }
    const std::string labels = f.value("container.labels", "<missing>");
    if (i == 0) {
      EXPECT_NE(labels.find("app:web"), std::string::npos) << labels;
      EXPECT_NE(labels.find("tier:front"), std::string::npos) << labels;
      EXPECT_EQ(f.value("container.label[app]", ""), "web");
    } else {
      EXPECT_EQ(labels.find("app:web"), std::string::npos) << labels;
    }
    // A shell with a terminal as the container's entry point.
    auto shells = alerts("Terminal shell in container", c);
    ASSERT_FALSE(shells.empty()) << all_alerts();
    EXPECT_NE(text_of(shells[0]["output_fields"], "proc.tty"), "0") << shells[0].dump();
    // Privileged: only the --privileged one. Sensitive mount: only the one with /etc mounted.
    EXPECT_EQ(!alerts("Launch Privileged Container", c).empty(), i == 1) << all_alerts();
    auto mount_alerts = alerts("Launch Sensitive Mount Container", c);
    EXPECT_EQ(!mount_alerts.empty(), i == 2) << all_alerts();
    if (!mount_alerts.empty()) {
      EXPECT_NE(mount_alerts[0]["output_fields"].value("container.mounts", "").find("/etc:/host-etc:"),
                std::string::npos);
    }
  }
}

TEST_F(ContainerMetadataLive, AlertsCarryMetadataAndContainerRulesFire) {
  run_scenario();
  ASSERT_TRUE(problem_.empty()) << problem_;
  check_alerts();
}

// The same three containers observed by the eBPF probe from the host (issue 10): no tracer.
TEST_F(ContainerMetadataLive, AlertsCarryMetadataUnderTheEbpfProbe) {
  ASSERT_EQ(::geteuid(), 0u) << "eBPF mode needs root (CI runs it as root)";
  run_scenario(true);
  ASSERT_TRUE(problem_.empty()) << problem_;
  check_alerts();
}

// The service itself on podman's API: a lookup, then the runtime's event stream reporting the
// container's removal, which drops it from the engine's table.
TEST_F(ContainerMetadataLive, ServiceFollowsTheRuntimeEventStream) {
  state::metadata::MetadataConfig mc;
  mc.runtime_sockets = {dir_ + "/podman.sock"};
  std::vector<std::string> logs;
  std::mutex mu;
  mc.log = [&](const std::string& m) {
    std::lock_guard l(mu);
    logs.push_back(m);
  };
  state::metadata::MetadataService svc(mc);
  svc.start();
  const std::string name = "saker-ct-events-" + std::to_string(::getpid());
  CommandResult r = podman("run -d --name " + name + " --label stage=events " + image_ + " sleep 30");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const std::string id = trim(r.out).substr(trim(r.out).size() - 64);
  svc.request(id, state::ContainerType::Podman);
  std::vector<std::shared_ptr<const state::ContainerInfo>> updated;
  std::vector<std::string> removed;
  const auto until = [&](auto pred) {
    for (int i = 0; i < 200 && !pred(); ++i) {
      std::this_thread::sleep_for(50ms);
      if (svc.has_updates()) {
        std::vector<std::shared_ptr<const state::ContainerInfo>> u;
        std::vector<std::string> g;
        svc.take(u, g);
        updated.insert(updated.end(), u.begin(), u.end());
        removed.insert(removed.end(), g.begin(), g.end());
      }
    }
    return pred();
  };
  ASSERT_TRUE(until([&] { return !updated.empty(); }));
  EXPECT_EQ(updated[0]->name, name);
  EXPECT_EQ(updated[0]->type, state::ContainerType::Podman);
  ASSERT_NE(updated[0]->label("stage"), nullptr);
  EXPECT_EQ(*updated[0]->label("stage"), "events");
  EXPECT_EQ(updated[0]->image_tag, "1");
  EXPECT_EQ(updated[0]->image_digest.rfind("sha256:", 0), 0u) << updated[0]->image_digest;
  (void)podman("rm -f -t 0 " + name);
  EXPECT_TRUE(until([&] { return std::find(removed.begin(), removed.end(), id) != removed.end(); }));
  svc.stop();
  std::lock_guard l(mu);
  for (const auto& m : logs) ADD_FAILURE() << "unexpected log: " << m;
}

}  // namespace
}  // namespace saker::testing
