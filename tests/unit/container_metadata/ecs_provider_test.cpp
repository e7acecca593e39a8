// The metadata service's ECS provider against a local HTTP server serving task metadata v4
// documents: a good endpoint, a slow one, one answering 500 and one serving malformed JSON.
// Whatever the endpoint does, request() and the event path never wait on it.
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <thread>

#include "engine/state/metadata/metadata_service.h"
#include "tests/support/metadata_provider_fixture.h"
#include "tests/unit/container_metadata/test_support.h"

namespace saker::testing {
namespace {

using namespace std::chrono_literals;
using state::metadata::MetadataConfig;
using state::metadata::MetadataService;

// A task metadata endpoint on 127.0.0.1 (an ephemeral port) under /v4/<id>.
class EcsEndpoint {
 public:
  explicit EcsEndpoint(FakeServerMode mode) : behaviour_(mode) {
    container_ = read_data("ecs_container.json");
    task_ = read_data("ecs_task.json");
    auto handler = [this](const std::string& body) {
      return [this, body](const httplib::Request&, httplib::Response& res) {
        switch (behaviour_.on_request()) {
          case FakeServerMode::Good: res.set_content(body, "application/json"); break;
          case FakeServerMode::Slow:
            // This httplib cannot tell that the client left: held for 3 s or until shutdown.
            behaviour_.stall([] { return false; }, 3000ms);
            res.set_content(body, "application/json");
            break;
          case FakeServerMode::Failing: res.status = 500; res.set_content("internal error", "text/plain"); break;
          case FakeServerMode::NotFound: res.status = 404; res.set_content("not found", "text/plain"); break;
          case FakeServerMode::Malformed: res.set_content(body.substr(0, 40), "application/json"); break;
        }
      };
    };
    server_.Get("/v4/abc", handler(container_));
    server_.Get("/v4/abc/task", handler(task_));
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(5ms);
  }
  ~EcsEndpoint() {
    behaviour_.release();
    server_.stop();
    thread_.join();
  }
  std::string uri() const { return "http://127.0.0.1:" + std::to_string(port_) + "/v4/abc"; }
  int hits() const { return behaviour_.requests(); }

 private:
  FakeServerBehaviour behaviour_;
  std::string container_, task_;
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};

MetadataConfig ecs_config(const std::string& uri, LogCapture& logs) {
  MetadataConfig c = provider_test_config(logs);
  c.ecs_uri = uri;
  return c;
}

TEST(EcsProvider, FillsTheTaskAndTheContainerWeRunIn) {
  EcsEndpoint ep(FakeServerMode::Good);
  LogCapture logs;
  MetadataService svc(ecs_config(ep.uri(), logs));
  state::State st;
  st.containers().set_provider(&svc);
  svc.start();
  ASSERT_TRUE(eventually([&] { return svc.self_container() != nullptr && svc.has_updates(); }));
  // The task document may land a moment after the container document.
  ASSERT_TRUE(eventually([&] {
    st.containers().refresh();
    const state::ContainerInfo* c = st.containers().find("9e1a2b3c4d5e");
    return c != nullptr && c->task.has_value();
  }));
  // A traced process inside the task: the cgroup namespace shows "/".
  seed_in_cgroup(st, 700, "/");
  EXPECT_EQ(render(st, 700, "container.id"), "9e1a2b3c4d5e");
  EXPECT_EQ(render(st, 700, "container.name"), "web");
  EXPECT_EQ(render(st, 700, "container.image.repository"), "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/web");
  EXPECT_EQ(render(st, 700, "container.image.tag"), "2.4.1");
  EXPECT_EQ(render(st, 700, "container.label[com.amazonaws.ecs.task-definition-family]"), "shop");
  EXPECT_EQ(render(st, 700, "ecs.cluster"), "arn:aws:ecs:eu-west-1:123456789012:cluster/prod");
  EXPECT_EQ(render(st, 700, "ecs.task.arn"),
            "arn:aws:ecs:eu-west-1:123456789012:task/prod/0f1e2d3c4b5a69788796a5b4c3d2e1f0");
  EXPECT_EQ(render(st, 700, "ecs.task.family"), "shop");
  EXPECT_EQ(render(st, 700, "ecs.task.revision"), "7");
  EXPECT_EQ(render(st, 700, "ecs.availability_zone"), "eu-west-1b");
  EXPECT_EQ(render(st, 700, "ecs.launch_type"), "FARGATE");
  EXPECT_NE(st.containers().find("c0ffee001122"), nullptr);  // the task's other container
  EXPECT_TRUE(logs.all().empty()) << logs.all();
}

TEST(EcsProvider, WrapperIdWinsOverTheEndpoint) {
  EcsEndpoint ep(FakeServerMode::Good);
  LogCapture logs;
  MetadataConfig c = ecs_config(ep.uri(), logs);
  c.self_container_id = "c0ffee00112233445566778899aabbccddeeff00112233445566778899aabbcc";
  MetadataService svc(c);
  state::State st;
  st.containers().set_provider(&svc);
  svc.start();
  ASSERT_TRUE(eventually([&] {
    st.containers().refresh();
    const state::ContainerInfo* x = st.containers().find("c0ffee001122");
    return x != nullptr && x->task.has_value();
  }));
  seed_in_cgroup(st, 701, "/");
  EXPECT_EQ(render(st, 701, "container.id"), "c0ffee001122");
  EXPECT_EQ(render(st, 701, "container.name"), "log-router");
}

TEST(EcsProvider, SlowEndpointNeverBlocksAndIsLoggedOnce) {
  EcsEndpoint ep(FakeServerMode::Slow);
  LogCapture logs;
  MetadataService svc(ecs_config(ep.uri(), logs));
  state::State st;
  st.containers().set_provider(&svc);
  svc.start();
  // Events keep flowing while the endpoint hangs: seeding and lookups return at once.
  const auto t0 = std::chrono::steady_clock::now();
  seed_in_cgroup(st, 702, "/");
  std::string id = render(st, 702, "container.id");
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 100ms);
  EXPECT_EQ(id, "host");  // nothing known yet
  ASSERT_TRUE(eventually([&] { return logs.count("Timeout") >= 1; }, 3000ms)) << logs.all();
  std::this_thread::sleep_for(2500ms);  // at least one retry
  EXPECT_GE(ep.hits(), 2);
  EXPECT_EQ(logs.count("ECS task metadata: " + ep.uri() + ": Timeout"), 1u) << logs.all();
  const auto s0 = std::chrono::steady_clock::now();
  svc.stop();
  EXPECT_LT(std::chrono::steady_clock::now() - s0, 1500ms);  // bounded by the request timeout
}

TEST(EcsProvider, ServerErrorsAreLoggedOnceAndRetried) {
  EcsEndpoint ep(FakeServerMode::Failing);
  LogCapture logs;
  MetadataService svc(ecs_config(ep.uri(), logs));
  svc.start();
  ASSERT_TRUE(eventually([&] { return ep.hits() >= 4; }, 6000ms));  // two rounds of two documents
  EXPECT_EQ(logs.count(ep.uri() + ": HTTP 500"), 1u) << logs.all();
  EXPECT_EQ(logs.count(ep.uri() + "/task: HTTP 500"), 1u) << logs.all();
  EXPECT_EQ(svc.self_container(), nullptr);
  EXPECT_FALSE(svc.has_updates());
}

TEST(EcsProvider, MalformedJsonIsLoggedWithItsOffset) {
  EcsEndpoint ep(FakeServerMode::Malformed);
  LogCapture logs;
  MetadataService svc(ecs_config(ep.uri(), logs));
  svc.start();
  ASSERT_TRUE(eventually([&] { return logs.count("malformed JSON at byte") >= 2; })) << logs.all();
  EXPECT_EQ(logs.count(ep.uri() + ": malformed JSON at byte "), 1u) << logs.all();
  EXPECT_EQ(logs.count(ep.uri() + "/task: malformed JSON at byte "), 1u) << logs.all();
  EXPECT_EQ(svc.self_container(), nullptr);
}

TEST(EcsProvider, AbsentEndpointCostsABoundedTimeout) {
  LogCapture logs;
  // A port nothing listens on: connection refused, logged once.
  MetadataService svc(ecs_config("http://127.0.0.1:1/v4/none", logs));
  svc.start();
  ASSERT_TRUE(eventually([&] { return logs.count("127.0.0.1:1") >= 1; })) << logs.all();
  svc.stop();
  EXPECT_EQ(svc.self_container(), nullptr);
}

}  // namespace
}  // namespace saker::testing
