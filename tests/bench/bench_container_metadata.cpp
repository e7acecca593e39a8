// Container metadata benchmark (issue 10). Prints figures; not a test.
//
//   bench_container_metadata [--containers N] [--opens N] [--rounds N]
//
// A synthetic stream: N containers (default 2000), each one process that execs (its cgroup names
// the container) and opens/closes a file M times (default 100). Every event goes through
// State::update and then container.name and container.image.repository are extracted, as a
// rule using them would. Run twice: with no metadata provider, and with the metadata service
// looking the containers up on a Docker-compatible API served by a local HTTP server
// (127.0.0.1). Prints events/s of both, their ratio (enabled / disabled, ~1 when the provider
// costs nothing on the event path) and how many containers had metadata by the end.
#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "engine/events/event_builder.h"
#include "engine/events/event_types.h"
#include "engine/fields/eval_context.h"
#include "engine/fields/registry.h"
#include "engine/state/metadata/metadata_service.h"
#include "engine/state/state.h"

namespace {

using saker::events::EventBuilder;
using saker::events::EventView;
using Clock = std::chrono::steady_clock;

struct Arg {
  const char* name;
  int64_t i = 0;
  std::string_view s = {};
  bool is_str = false;
};
Arg I(const char* n, int64_t v) { return Arg{n, v}; }
Arg S(const char* n, std::string_view v) { return Arg{n, 0, v, true}; }

// Appends one event (params in schema order, unnamed ones empty) to `out`.
void append(EventBuilder& b, std::vector<uint8_t>& out, uint16_t type, uint64_t ts, uint64_t tid,
            std::initializer_list<Arg> args) {
  using saker::events::ParamType;
  std::vector<uint8_t> buf(4096);
  b.start(type, buf);
  for (const auto& p : b.info()->params) {
    const Arg* a = nullptr;
    for (const Arg& x : args)
      if (std::strcmp(x.name, p.name) == 0) a = &x;
    if (a == nullptr) {
      b.add_empty();
      continue;
    }
    const uint32_t width = saker::events::param_type_width(p.type);
    if (a->is_str) {
      if (p.type == ParamType::Bytebuf || p.type == ParamType::Charbufarray) b.add_bytes(a->s);
      else b.add_str(a->s);
    } else if (width == 8) {
      b.add_i64(a->i);
    } else if (width == 4) {
      b.add_u32(static_cast<uint32_t>(a->i));
    } else if (width == 2) {
      b.add_u16(static_cast<uint16_t>(a->i));
    } else {
      b.add_u8(static_cast<uint8_t>(a->i));
    }
  }
  const uint32_t len = b.finish(ts, tid);
  if (len == 0) {
    std::fprintf(stderr, "bad synthetic event %u\n", type);
    std::exit(1);
  }
  out.insert(out.end(), buf.begin(), buf.begin() + len);
}

std::string container_id(size_t i) {
  char id[65];
  std::snprintf(id, sizeof id, "%016zx%048x", i + 1, 0xabc);
  return id;
}

std::vector<uint8_t> make_stream(size_t containers, size_t opens, uint64_t* n_events) {
  using namespace saker::events;
  EventBuilder b{false};
  std::vector<uint8_t> out;
  uint64_t ts = 1700000000000000000ull;
  *n_events = 0;
  for (size_t c = 0; c < containers; ++c) {
    const int64_t tid = 10000 + static_cast<int64_t>(c);
    const std::string cg = "cpu=/libpod_parent/libpod-" + container_id(c) + std::string(1, '\0');
    append(b, out, PPME_SYSCALL_EXECVE_19_E, ts += 100, tid, {S("filename", "/bin/app")});
    append(b, out, PPME_SYSCALL_EXECVE_19_X, ts += 100, tid,
           {I("res", 0), S("exe", "/bin/app"), S("args", std::string_view("x\0", 2)), I("tid", tid),
            I("pid", tid), I("ptid", 1), S("cwd", "/"), I("fdlimit", 1024), S("comm", "app"),
            S("cgroups", cg), S("env", std::string_view("A=b\0", 4)), I("vtid", 1), I("vpid", 1)});
    *n_events += 2;
    for (size_t i = 0; i < opens; ++i) {
      append(b, out, PPME_SYSCALL_OPENAT_2_E, ts += 100, tid,
             {I("dirfd", -100), S("name", "/etc/hosts"), I("flags", 1), I("mode", 0)});
      append(b, out, PPME_SYSCALL_OPENAT_2_X, ts += 100, tid,
             {I("fd", 3), I("dirfd", -100), S("name", "/etc/hosts"), I("flags", 1), I("mode", 0)});
      append(b, out, PPME_SYSCALL_CLOSE_E, ts += 100, tid, {I("fd", 3)});
      append(b, out, PPME_SYSCALL_CLOSE_X, ts += 100, tid, {I("res", 0)});
      *n_events += 4;
    }
  }
  return out;
}

struct RunResult {
  double seconds = 0;
  size_t with_name = 0;  // events whose container.name had a value
  size_t known = 0;      // containers with metadata at the end
};

RunResult run(const std::vector<uint8_t>& stream, saker::state::MetadataProvider* provider, size_t containers) {
  saker::state::State st;
  st.containers().set_provider(provider);
  std::unique_ptr<saker::fields::BoundField> name, repo;
  if (!saker::fields::FieldRegistry::builtin().bind_text("container.name", name).ok() ||
      !saker::fields::FieldRegistry::builtin().bind_text("container.image.repository", repo).ok()) {
    std::fprintf(stderr, "cannot bind fields\n");
    std::exit(1);
  }
  saker::fields::FieldValue v;
  RunResult r;
  const auto t0 = Clock::now();
  size_t off = 0;
  while (off < stream.size()) {
    EventView ev;
    uint32_t len = 0;  // the header's len follows ts and tid
    std::memcpy(&len, stream.data() + off + 16, sizeof len);
    if (!EventView::parse({stream.data() + off, len}, ev).ok()) {
      std::fprintf(stderr, "bad event at %zu\n", off);
      std::exit(1);
    }
    off += len;
    st.update(ev);
    saker::fields::EvalContext ctx;
    ctx.evt = &ev;
    ctx.state = &st;
    ctx.thread = st.thread(ev.tid());
    if (name->extract(ctx, v)) ++r.with_name;
    (void)repo->extract(ctx, v);
  }
  r.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  // Let the last lookups land (outside the timing) to report coverage.
  for (int i = 0; i < 100 && provider != nullptr; ++i) {
    st.containers().refresh();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  st.containers().refresh();
  for (size_t c = 0; c < containers; ++c) {
    if (st.containers().find(container_id(c).substr(0, 12)) != nullptr) ++r.known;
  }
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  size_t containers = 2000, opens = 100, rounds = 3;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    const size_t v = std::strtoull(argv[i + 1], nullptr, 10);
    if (a == "--containers") containers = v;
    else if (a == "--opens") opens = v;
    else if (a == "--rounds") rounds = v;
  }
  uint64_t n = 0;
  const std::vector<uint8_t> stream = make_stream(containers, opens, &n);

  // A Docker-compatible API on loopback answering every container lookup.
  httplib::Server api;
  api.Get(R"(/v1\.41/containers/([0-9a-f]+)/json)", [](const httplib::Request& req, httplib::Response& res) {
    const std::string id = req.matches[1];
    res.set_content("{\"Id\":\"" + id + "\",\"Name\":\"/c-" + id.substr(0, 12) +
                        "\",\"Config\":{\"Image\":\"localhost/app:1\",\"Labels\":{\"app\":\"bench\"}},"
                        "\"HostConfig\":{\"Privileged\":false},\"Mounts\":[]}",
                    "application/json");
  });
  const int port = api.bind_to_any_port("127.0.0.1");
  std::thread server([&] { api.listen_after_bind(); });
  while (!api.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(5));

  std::printf("container metadata: %zu containers, %llu events per run, best of %zu rounds\n", containers,
              static_cast<unsigned long long>(n), rounds);
  double best_off = 1e30, best_on = 1e30;
  RunResult last_on;
  for (size_t r = 0; r < rounds; ++r) {
    best_off = std::min(best_off, run(stream, nullptr, containers).seconds);
    saker::state::metadata::MetadataConfig mc;
    mc.runtime_sockets = {"http://127.0.0.1:" + std::to_string(port)};
    mc.watch_events = false;
    mc.timeout_ms = 1000;
    saker::state::metadata::MetadataService svc(mc);
    svc.start();
    last_on = run(stream, &svc, containers);
    best_on = std::min(best_on, last_on.seconds);
  }
  const double off_rate = static_cast<double>(n) / best_off, on_rate = static_cast<double>(n) / best_on;
  std::printf("  provider disabled  %12.0f events/s  (%.1f ns/event)\n", off_rate, 1e9 / off_rate);
  std::printf("  provider enabled   %12.0f events/s  (%.1f ns/event)\n", on_rate, 1e9 / on_rate);
  std::printf("  ratio enabled/disabled  %.3f\n", on_rate / off_rate);
  std::printf("  enabled run: %zu of %llu events had container.name, %zu of %zu containers known at the end\n",
              last_on.with_name, static_cast<unsigned long long>(n), last_on.known, containers);
  api.stop();
  server.join();
  return 0;
}
