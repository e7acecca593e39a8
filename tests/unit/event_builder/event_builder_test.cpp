// EventBuilder: every param kind round-trips through EventView and the renderer, schema
// mismatches are caught with a message naming the param, overflows never write past the buffer,
// and building allocates nothing.
#include "engine/events/event_builder.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

#include "engine/events/event.h"
#include "engine/events/event_types.h"
#include "engine/events/ppm_flags.h"
#include "engine/events/render.h"
#include "engine/events/syscall_map.h"

// Counts heap allocations (to prove the builder makes none). GCC cannot see that the replaced
// new and delete pair up (malloc/free both), hence the pragma.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
static std::atomic<uint64_t> g_allocs{0};
void* operator new(size_t n) {
  ++g_allocs;
  if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, size_t) noexcept { std::free(p); }

namespace saker::events {
namespace {

std::string args_of(const EventView& ev) {
  std::string out;
  RenderOptions o;
  o.sysdig029_params = false;
  render_args(ev, nullptr, out, o);
  return out;
}

TEST(EventBuilder, OpenatExitRoundTrip) {
  uint8_t buf[512];
  EventBuilder b(true);
  ASSERT_TRUE(b.start(PPME_SYSCALL_OPENAT_2_X, buf));
  EXPECT_TRUE(b.add_i64(3));
  EXPECT_TRUE(b.add_i64(-100));
  EXPECT_TRUE(b.add_str("/etc/passwd"));
  EXPECT_TRUE(b.add_u32(PPM_O_RDONLY | PPM_O_CLOEXEC));
  EXPECT_TRUE(b.add_u32(0));
  EXPECT_TRUE(b.add_u32(0xfe00));
  EXPECT_TRUE(b.add_u64(1234));
  const uint32_t len = b.finish(1000, 42);
  ASSERT_GT(len, 0u) << b.error();
  EventView ev;
  ASSERT_TRUE(EventView::parse({buf, len}, ev).ok());
  EXPECT_EQ(ev.type(), PPME_SYSCALL_OPENAT_2_X);
  EXPECT_EQ(ev.ts(), 1000u);
  EXPECT_EQ(ev.tid(), 42u);
  EXPECT_EQ(ev.nparams(), 7u);
  EXPECT_EQ(ev.param_str(2), "/etc/passwd");
  int64_t v;
  ASSERT_TRUE(ev.param_i64(1, v));
  EXPECT_EQ(v, -100);
  const std::string a = args_of(ev);
  EXPECT_NE(a.find("name=/etc/passwd"), std::string::npos) << a;
  EXPECT_NE(a.find("flags=4097(O_RDONLY|O_CLOEXEC)"), std::string::npos) << a;
  EXPECT_NE(a.find("dirfd=-100 "), std::string::npos) << a;  // AT_FDCWD needs a known thread
}

TEST(EventBuilder, EveryIntegerWidth) {
  // setsockopt_x-free check over widths: procexit (i64, i64, u8, u8, i64) and fcntl (u8 enum),
  // generic (u16, u16), listen (i32), eventfd2 (u16 flags).
  uint8_t buf[256];
  EventBuilder b(true);
  ASSERT_TRUE(b.start(PPME_PROCEXIT_1_E, buf));
  EXPECT_TRUE(b.add_i64(0x0900));
  EXPECT_TRUE(b.add_i64(9));
  EXPECT_TRUE(b.add_u8(0));
  EXPECT_TRUE(b.add_u8(0));
  EXPECT_TRUE(b.add_i64(0));
  ASSERT_GT(b.finish(1, 1), 0u) << b.error();

  ASSERT_TRUE(b.start(PPME_GENERIC_X, buf));
  EXPECT_TRUE(b.add_u16(ppm_sc_of_native(39)));  // getpid
  EXPECT_TRUE(b.add_u16(39));
  const uint32_t len = b.finish(2, 1);
  ASSERT_GT(len, 0u) << b.error();
  EventView ev;
  ASSERT_TRUE(EventView::parse({buf, len}, ev).ok());
  std::string v, r;
  ASSERT_TRUE(render_param(ev, 0, nullptr, v, r));
  EXPECT_EQ(r, "getpid");

  ASSERT_TRUE(b.start(PPME_SOCKET_LISTEN_X, buf));
  EXPECT_TRUE(b.add_i64(0));
  EXPECT_TRUE(b.add_i64(3));
  EXPECT_TRUE(b.add_i32(-1));
  EXPECT_GT(b.finish(3, 1), 0u) << b.error();

  ASSERT_TRUE(b.start(PPME_SYSCALL_EVENTFD2_X, buf));
  EXPECT_TRUE(b.add_i64(4));
  EXPECT_TRUE(b.add_u16(static_cast<uint16_t>(PPM_O_CLOEXEC)));
  EXPECT_TRUE(b.add_u64(7));
  EXPECT_GT(b.finish(4, 1), 0u) << b.error();
}

TEST(EventBuilder, SockaddrTupleRoundTrip) {
  uint8_t buf[512];
  EventBuilder b(true);
  const uint32_t lo = htonl(0x7f000001);
  ASSERT_TRUE(b.start(PPME_SOCKET_CONNECT_X, buf));
  EXPECT_TRUE(b.add_i64(0));
  EXPECT_TRUE(b.add_socktuple_inet(lo, 40000, lo, 8080));
  EXPECT_TRUE(b.add_i64(3));
  EXPECT_TRUE(b.add_sockaddr_inet(lo, 8080));
  uint32_t len = b.finish(5, 1);
  ASSERT_GT(len, 0u) << b.error();
  EventView ev;
  ASSERT_TRUE(EventView::parse({buf, len}, ev).ok());
  std::string a = args_of(ev);
  EXPECT_NE(a.find("tuple=127.0.0.1:40000->127.0.0.1:8080"), std::string::npos) << a;
  EXPECT_NE(a.find("addr=127.0.0.1:8080"), std::string::npos) << a;

  uint8_t six[16] = {};
  six[15] = 1;
  ASSERT_TRUE(b.start(PPME_SOCKET_CONNECT_X, buf));
  b.add_i64(0);
  EXPECT_TRUE(b.add_socktuple_inet6(six, 1, six, 2));
  b.add_i64(3);
  EXPECT_TRUE(b.add_sockaddr_inet6(six, 2));
  len = b.finish(6, 1);
  ASSERT_GT(len, 0u) << b.error();
  ASSERT_TRUE(EventView::parse({buf, len}, ev).ok());
  EXPECT_EQ(ev.param(1).size(), 37u);
  EXPECT_EQ(ev.param(3).size(), 19u);

  ASSERT_TRUE(b.start(PPME_SOCKET_CONNECT_X, buf));
  b.add_i64(0);
  EXPECT_TRUE(b.add_socktuple_unix(1, 2, "/run/x.sock"));
  b.add_i64(3);
  EXPECT_TRUE(b.add_sockaddr_unix("/run/x.sock"));
  len = b.finish(7, 1);
  ASSERT_GT(len, 0u) << b.error();
  ASSERT_TRUE(EventView::parse({buf, len}, ev).ok());
  a = args_of(ev);
  EXPECT_NE(a.find("/run/x.sock"), std::string::npos) << a;
}

TEST(EventBuilder, BytesListsFdlistDynEmpty) {
  uint8_t buf[1024];
  EventBuilder b(true);
  // execve exit: args as a NUL-separated list, cgroups, env as bytes; empty params allowed.
  ASSERT_TRUE(b.start(PPME_SYSCALL_EXECVE_19_X, buf));
  const EventInfo* info = event_info(PPME_SYSCALL_EXECVE_19_X);
  ASSERT_NE(info, nullptr);
  b.add_i64(0);
  b.add_str("cat");
  std::string_view args[] = {"/etc/passwd", "-n"};
  EXPECT_TRUE(b.add_str_list(args));
  for (uint32_t i = 3; i < info->params.size(); ++i) EXPECT_TRUE(b.add_empty());
  uint32_t len = b.finish(8, 9);
  ASSERT_GT(len, 0u) << b.error();
  EventView ev;
  ASSERT_TRUE(EventView::parse({buf, len}, ev).ok());
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(ev.param(2).data()), ev.param(2).size()),
            std::string("/etc/passwd\0-n\0", 15));

  // poll exit has an Fdlist.
  ASSERT_TRUE(b.start(PPME_SYSCALL_POLL_X, buf));
  b.add_i64(1);
  FdListEntry fds[] = {{3, 1}, {4, 4}};
  EXPECT_TRUE(b.add_fdlist(fds));
  b.add_i64(1000);
  len = b.finish(9, 9);
  ASSERT_GT(len, 0u) << b.error();
  ASSERT_TRUE(EventView::parse({buf, len}, ev).ok());
  EXPECT_EQ(ev.param(1).size(), 2u + 2 * 10);

  // ptrace exit: Dyn params.
  ASSERT_TRUE(b.start(PPME_SYSCALL_PTRACE_X, buf));
  b.add_i64(0);
  const uint64_t addr = 0x1000;
  EXPECT_TRUE(b.add_dyn(PPM_PTRACE_IDX_UINT64, {reinterpret_cast<const uint8_t*>(&addr), 8}));
  EXPECT_TRUE(b.add_dyn(PPM_PTRACE_IDX_UINT64, {reinterpret_cast<const uint8_t*>(&addr), 8}));
  b.add_u16(PPM_PTRACE_ATTACH);
  b.add_i64(77);
  len = b.finish(10, 9);
  ASSERT_GT(len, 0u) << b.error();
  ASSERT_TRUE(EventView::parse({buf, len}, ev).ok());
  EXPECT_EQ(ev.param(1).size(), 9u);
}

TEST(EventBuilder, SchemaMismatchIsCaught) {
  uint8_t buf[256];
  EventBuilder b(true);
  ASSERT_TRUE(b.start(PPME_SYSCALL_OPENAT_2_X, buf));
  b.add_i64(3);
  EXPECT_FALSE(b.add_str("oops"));  // dirfd is an Fd (8 bytes), not a string
  EXPECT_TRUE(b.failed());
  EXPECT_NE(b.error().find("dirfd"), std::string_view::npos) << b.error();
  EXPECT_NE(b.error().find("FD"), std::string_view::npos) << b.error();
  EXPECT_EQ(b.finish(1, 1), 0u);

  // Wrong integer width.
  ASSERT_TRUE(b.start(PPME_SYSCALL_OPENAT_2_X, buf));
  b.add_i64(3);
  b.add_i64(-100);
  b.add_str("/x");
  EXPECT_FALSE(b.add_u64(1));  // flags is FLAGS32
  EXPECT_EQ(b.finish(1, 1), 0u);

  // Too few and too many params.
  ASSERT_TRUE(b.start(PPME_SYSCALL_CLOSE_X, buf));
  b.add_i64(0);
  EXPECT_EQ(b.finish(1, 1), 0u);
  EXPECT_NE(b.error().find("fewer"), std::string_view::npos);
  ASSERT_TRUE(b.start(PPME_SYSCALL_CLOSE_X, buf));
  b.add_i64(0);
  b.add_i64(3);
  EXPECT_FALSE(b.add_i64(4));
  EXPECT_EQ(b.finish(1, 1), 0u);

  // Unknown type.
  EXPECT_FALSE(b.start(60000, buf));

  // Unchecked mode skips the type checks but still counts.
  EventBuilder u(false);
  ASSERT_TRUE(u.start(PPME_SYSCALL_CLOSE_X, buf));
  EXPECT_TRUE(u.add_str("x"));
  EXPECT_TRUE(u.add_i64(3));
  EXPECT_GT(u.finish(1, 1), 0u);
}

TEST(EventBuilder, OverflowNeverWritesPastTheBuffer) {
  std::vector<uint8_t> big(200, 0xAA);
  EventBuilder b(true);
  // The buffer given is the first 100 bytes; the rest must stay untouched.
  ASSERT_TRUE(b.start(PPME_SYSCALL_OPENAT_2_X, {big.data(), 100}));
  b.add_i64(3);
  b.add_i64(-100);
  EXPECT_FALSE(b.add_str(std::string(200, 'x')));
  EXPECT_EQ(b.finish(1, 1), 0u);
  for (size_t i = 100; i < big.size(); ++i) ASSERT_EQ(big[i], 0xAA) << i;
  // add_str_trunc cuts the path to fit instead.
  ASSERT_TRUE(b.start(PPME_SYSCALL_UNLINK_2_X, {big.data(), 100}));
  b.add_i64(0);
  EXPECT_TRUE(b.add_str_trunc(std::string(200, 'y')));
  const uint32_t len = b.finish(1, 1);
  EXPECT_EQ(len, 100u) << b.error();
  for (size_t i = 100; i < big.size(); ++i) ASSERT_EQ(big[i], 0xAA) << i;
  // Too small for the header.
  EXPECT_FALSE(b.start(PPME_SYSCALL_UNLINK_2_X, {big.data(), 10}));
}

TEST(EventBuilder, NoAllocation) {
  uint8_t buf[4096];
  EventBuilder b(true);
  const uint64_t before = g_allocs.load();
  for (int i = 0; i < 1000; ++i) {
    b.start(PPME_SOCKET_CONNECT_X, buf);
    b.add_i64(0);
    b.add_socktuple_unix(1, 2, "/tmp/sock");
    b.add_i64(3);
    b.add_sockaddr_unix("/tmp/sock");
    ASSERT_GT(b.finish(static_cast<uint64_t>(i), 1), 0u);
    b.start(PPME_SYSCALL_OPENAT_2_X, buf);
    b.add_i64(3);
    b.add_i64(-100);
    b.add_str_trunc("/etc/passwd");
    b.add_u32(1);
    b.add_u32(0);
    b.add_u32(0);
    b.add_u64(0);
    ASSERT_GT(b.finish(static_cast<uint64_t>(i), 1), 0u);
    b.start(PPME_SYSCALL_CLOSE_X, buf);
    b.add_str("mismatch");  // the error path does not allocate either
    b.finish(1, 1);
  }
  EXPECT_EQ(g_allocs.load(), before);
}

TEST(SyscallMap, NativeTableAndEvents) {
  EXPECT_EQ(native_syscall_name(257), "openat");
  EXPECT_EQ(native_syscall_nr("execve"), 59);
  EXPECT_EQ(syscall_events(257).exit, PPME_SYSCALL_OPENAT_2_X);
  EXPECT_EQ(syscall_events(257).enter, PPME_SYSCALL_OPENAT_2_E);
  EXPECT_EQ(syscall_events(3).enter, kNoEvent);  // close: exit only
  EXPECT_FALSE(syscall_events(39).specific);    // getpid: generic
  uint32_t out[8];
  size_t n = syscalls_of_event_type(PPME_SYSCALL_OPEN_E, out);  // any version of "open"
  ASSERT_EQ(n, 1u);
  EXPECT_EQ(out[0], 2u);
  n = syscalls_of_event_name("execve", out);
  ASSERT_EQ(n, 1u);
  EXPECT_EQ(out[0], 59u);
  EXPECT_FALSE(syscall_needs_exit(231));  // exit_group
  EXPECT_TRUE(syscall_needs_exit(257));
  bool has_clone = false;
  for (uint32_t nr : state_tracking_syscalls()) has_clone |= nr == 56;
  EXPECT_TRUE(has_clone);
  // Every specific exit event has a schema entry with params.
  for (uint32_t nr = 0; nr < native_syscall_count(); ++nr) {
    const SyscallEvents e = syscall_events(nr);
    if (!e.specific) continue;
    ASSERT_NE(event_info(e.exit), nullptr) << nr;
    if (e.enter != kNoEvent) {
      EXPECT_EQ(event_info(e.enter)->flags & EF_OLD_VERSION, 0u) << nr;
    }
  }
}

}  // namespace
}  // namespace saker::events
