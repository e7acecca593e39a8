#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <map>

#include "engine/events/scap_layout.h"
#include "engine/sources/tracer_server.h"

namespace saker::sources {
namespace {

std::string temp_socket() {
  char tmpl[] = "/tmp/saker-srv-XXXXXX";
  std::string dir = ::mkdtemp(tmpl);
  return dir + "/engine.sock";
}

// A fake tracer in a child process: handshake, then `count` scap headers with timestamps
// start, start+step, ... and tid = its own marker.
pid_t spawn_tracer(const std::string& path, uint64_t tid, uint64_t start, uint64_t step,
                   uint64_t count, bool expect_openat = false) {
  pid_t pid = ::fork();
  if (pid != 0) return pid;
  int fd = -1;
  if (!connect_engine(path, fd).ok()) _exit(2);
  Hello h;
  h.pid = static_cast<int32_t>(::getpid());
  std::snprintf(h.what, sizeof h.what, "fake tracer %llu", static_cast<unsigned long long>(tid));
  if (!send_hello(fd, h).ok()) _exit(3);
  Welcome w;
  RingFds fds;
  if (!recv_welcome(fd, w, fds, 5000).ok()) _exit(4);
  if (expect_openat && !w.has_syscall(257)) _exit(5);
  ShmRing ring;
  if (!ShmRing::attach(fds, ring).ok()) _exit(6);
  for (uint64_t i = 0; i < count; ++i) {
    scap::EventHeader hdr{start + i * step, tid, sizeof(scap::EventHeader), 2, 0};
    uint8_t* p = ring.reserve(sizeof hdr, static_cast<Backpressure>(w.backpressure), 5000);
    if (!p) _exit(7);
    std::memcpy(p, &hdr, sizeof hdr);
    ring.commit(sizeof hdr);
  }
  ::close(fd);  // hang up: the engine drains what is left
  _exit(0);
}

TEST(TracerServer, MergesTwoTracersInTimestampOrder) {
  TracerServerOptions o;
  o.socket_path = temp_socket();
  o.ring_size = 64 * 1024;
  o.syscalls = {257, 59};
  TracerServer server;
  ASSERT_TRUE(server.listen(o).ok());
  EXPECT_EQ(std::filesystem::status(o.socket_path).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  constexpr uint64_t kCount = 20000;
  pid_t a = spawn_tracer(o.socket_path, 1, 1000, 2, kCount, true);
  pid_t b = spawn_tracer(o.socket_path, 2, 1001, 2, kCount, true);
  std::map<uint64_t, uint64_t> per_tid;
  uint64_t last_ts_per_tid[3] = {0, 0, 0};
  uint64_t total = 0, out_of_order = 0, last_ts = 0;
  int idle = 0;
  while (total < 2 * kCount && idle < 100) {
    auto rec = server.next(100);
    if (rec.empty()) {
      ++idle;
      continue;
    }
    scap::EventHeader h;
    ASSERT_GE(rec.size(), sizeof h);
    std::memcpy(&h, rec.data(), sizeof h);
    ASSERT_TRUE(h.tid == 1 || h.tid == 2);
    EXPECT_GT(h.ts, last_ts_per_tid[h.tid]) << "a tracer's own order must be kept";
    last_ts_per_tid[h.tid] = h.ts;
    if (h.ts < last_ts) ++out_of_order;
    last_ts = h.ts;
    ++per_tid[h.tid];
    ++total;
  }
  EXPECT_EQ(per_tid[1], kCount);
  EXPECT_EQ(per_tid[2], kCount);
  // Both tracers run concurrently; global order can only break when one ring was empty.
  EXPECT_LT(out_of_order, total / 10) << "merge should interleave by timestamp";
  int st;
  ASSERT_EQ(::waitpid(a, &st, 0), a);
  EXPECT_EQ(WEXITSTATUS(st), 0);
  ASSERT_EQ(::waitpid(b, &st, 0), b);
  EXPECT_EQ(WEXITSTATUS(st), 0);
  // Hang-ups are noticed and the streams closed.
  for (int i = 0; i < 20 && server.connected_tracers() > 0; ++i) (void)server.next(20);
  EXPECT_EQ(server.connected_tracers(), 0u);
  EXPECT_EQ(server.total_connections(), 2u);
  auto stats = server.stats();
  ASSERT_EQ(stats.size(), 2u);
  EXPECT_EQ(stats[0].events + stats[1].events, 2 * kCount);
}

TEST(TracerServer, RejectsGarbageAndSilentClientsAndKeepsServing) {
  TracerServerOptions o;
  o.socket_path = temp_socket();
  o.handshake_timeout_ms = 100;
  TracerServer server;
  ASSERT_TRUE(server.listen(o).ok());
  int garbage = -1, silent = -1;
  ASSERT_TRUE(connect_engine(o.socket_path, garbage).ok());
  ASSERT_TRUE(connect_engine(o.socket_path, silent).ok());
  ASSERT_EQ(::send(garbage, "nope", 4, 0), 4);
  for (int i = 0; i < 10; ++i) (void)server.next(30);
  auto log = server.take_log();
  int rejected = 0;
  for (const auto& l : log) rejected += l.find("rejected") != std::string::npos;
  EXPECT_EQ(rejected, 2) << ::testing::PrintToString(log);
  pid_t a = spawn_tracer(o.socket_path, 1, 5, 1, 10);
  uint64_t got = 0;
  for (int i = 0; i < 100 && got < 10; ++i) got += server.next(50).empty() ? 0 : 1;
  EXPECT_EQ(got, 10u) << ::testing::PrintToString(server.take_log());
  int st;
  ASSERT_EQ(::waitpid(a, &st, 0), a);
  EXPECT_EQ(WEXITSTATUS(st), 0);
  ::close(garbage);
  ::close(silent);
}

TEST(TracerServer, RefusesToStealALiveEnginesSocket) {
  TracerServerOptions o;
  o.socket_path = temp_socket();
  TracerServer first, second;
  ASSERT_TRUE(first.listen(o).ok());
  Status st = second.listen(o);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("another engine"), std::string::npos) << st.message();
}

}  // namespace
}  // namespace saker::sources
