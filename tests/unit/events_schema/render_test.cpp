// Rendering of every param type, on hand-built events, against what sysdig 0.29 prints.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "engine/events/event_types.h"
#include "engine/events/ppm_flags.h"
#include "engine/events/render.h"
#include "tests/unit/events_schema/event_builder.h"

namespace saker::events {
namespace {

using testing::EventBuilder;

// A resolver over a few fixed facts, as the state engine would answer.
class FakeState : public RenderResolver {
 public:
  std::map<int64_t, FdDesc> fds;
  std::map<int64_t, std::string> comms;
  std::map<uint32_t, std::string> users, groups;
  std::string cwd = "/home/user/";
  bool known = true;

  bool thread_known(uint64_t) const override { return known; }
  bool lookup_fd(uint64_t, int64_t fd, FdDesc& out) const override {
    auto it = fds.find(fd);
    if (it == fds.end()) return false;
    out = it->second;
    return true;
  }
  bool thread_comm(int64_t tid, std::string_view& comm) const override {
    auto it = comms.find(tid);
    if (it == comms.end()) return false;
    comm = it->second;
    return true;
  }
  bool thread_cwd(uint64_t, std::string_view& out) const override {
    out = cwd;
    return true;
  }
  bool user_name(uint32_t uid, std::string_view& name) const override {
    auto it = users.find(uid);
    if (it == users.end()) return false;
    name = it->second;
    return true;
  }
  bool group_name(uint32_t gid, std::string_view& name) const override {
    auto it = groups.find(gid);
    if (it == groups.end()) return false;
    name = it->second;
    return true;
  }
};

std::string args(EventBuilder& b, const RenderResolver* r = nullptr, RenderOptions o = {}) {
  const EventView& ev = b.view();
  EXPECT_TRUE(b.ok());
  std::string out;
  render_args(ev, r, out, o);
  return out;
}

std::string arg(EventBuilder& b, uint32_t i, const RenderResolver* r = nullptr) {
  const EventView& ev = b.view();
  std::string out;
  EXPECT_TRUE(render_arg(ev, i, r, out));
  return out;
}

std::string rawarg(EventBuilder& b, uint32_t i) {
  const EventView& ev = b.view();
  std::string out;
  EXPECT_TRUE(render_rawarg(ev, i, out));
  return out;
}

std::vector<uint8_t> inet_tuple(std::array<uint8_t, 4> s, uint16_t sp, std::array<uint8_t, 4> d,
                                uint16_t dp) {
  std::vector<uint8_t> b{static_cast<uint8_t>(PPM_AF_INET)};
  b.insert(b.end(), s.begin(), s.end());
  b.push_back(sp & 0xff); b.push_back(sp >> 8);
  b.insert(b.end(), d.begin(), d.end());
  b.push_back(dp & 0xff); b.push_back(dp >> 8);
  return b;
}

TEST(Render, OpenExitFlagsAndFd) {
  FakeState st;
  st.fds[3] = {'f', 0, "/etc/ld.so.cache"};
  EventBuilder b(PPME_SYSCALL_OPEN_X);
  b.num<int64_t>(3).str("/etc/ld.so.cache").num<uint32_t>(4097).num<uint32_t>(0).num<uint32_t>(0x803);
  EXPECT_EQ(args(b, &st),
            "fd=3(<f>/etc/ld.so.cache) name=/etc/ld.so.cache flags=4097(O_RDONLY|O_CLOEXEC) "
            "mode=0 dev=803 ");
  EXPECT_EQ(arg(b, 0, &st), "<f>/etc/ld.so.cache");
  EXPECT_EQ(arg(b, 2, &st), "O_RDONLY|O_CLOEXEC");
  EXPECT_EQ(rawarg(b, 2), "4097");
  // Without state: bare numbers.
  EXPECT_EQ(args(b), "fd=3 name=/etc/ld.so.cache flags=4097(O_RDONLY|O_CLOEXEC) mode=0 dev=803 ");
}

TEST(Render, FlagsExactMatchAndZero) {
  EventBuilder b(PPME_SYSCALL_OPEN_X);
  b.num<int64_t>(-2).str("/x").num<uint32_t>(3).num<uint32_t>(0644);
  FakeState st;
  EXPECT_EQ(args(b, &st), "fd=-2(ENOENT) name=/x flags=3(O_RDWR) mode=0644 ");
  EXPECT_EQ(args(b), "fd=-2 name=/x flags=3(O_RDWR) mode=0644 ");
  EventBuilder z(PPME_SYSCALL_OPEN_X);
  z.num<int64_t>(4).str("/x").num<uint32_t>(0).num<uint32_t>(0);
  EXPECT_EQ(args(z), "fd=4 name=/x flags=0(O_NONE) mode=0 ");
  // Write + create + truncate, names in table order.
  EventBuilder w(PPME_SYSCALL_OPEN_X);
  w.num<int64_t>(4).str("/x").num<uint32_t>(PPM_O_WRONLY | PPM_O_CREAT | PPM_O_TRUNC).num<uint32_t>(0);
  EXPECT_EQ(args(w), "fd=4 name=/x flags=262(O_TRUNC|O_CREAT|O_WRONLY) mode=0 ");
}

TEST(Render, ErrnoAndHex) {
  EventBuilder b(PPME_SYSCALL_MMAP_X);
  b.num<uint64_t>(0x7FAD48782000ull).num<uint32_t>(368).num<uint32_t>(4).num<uint32_t>(0);
  EXPECT_EQ(args(b), "res=7FAD48782000 vm_size=368 vm_rss=4 vm_swap=0 ");
  EventBuilder e(PPME_SYSCALL_ACCESS_X);
  e.num<int64_t>(-2).str("/etc/ld.so.nohwcap");
  EXPECT_EQ(args(e), "res=-2(ENOENT) name=/etc/ld.so.nohwcap ");
  EXPECT_EQ(arg(e, 0), "ENOENT");
  EXPECT_EQ(rawarg(e, 0), "-2");
}

TEST(Render, AccessModeFlagZero) {
  EventBuilder b(PPME_SYSCALL_ACCESS_E);
  b.num<uint32_t>(0);
  EXPECT_EQ(args(b), "mode=0(F_OK) ");
  EventBuilder r(PPME_SYSCALL_ACCESS_E);
  r.num<uint32_t>(4);
  EXPECT_EQ(args(r), "mode=4(R_OK) ");
}

TEST(Render, ExecveBuffersAndTruncation) {
  EventBuilder b(PPME_SYSCALL_EXECVE_19_X, 20072);
  std::string env;
  for (int i = 0; i < 20; ++i) env += "VAR" + std::to_string(i) + "=value" + '\0';
  b.num<int64_t>(0).str("cat").bytes(std::string("/dev/null\0", 10)).num<int64_t>(20072)
      .num<int64_t>(20072).num<int64_t>(11310).str("/tmp").num<int64_t>(1024).num<uint64_t>(0)
      .num<uint64_t>(61).num<uint32_t>(360).num<uint32_t>(4).num<uint32_t>(0).str("cat")
      .bytes(std::string("cpu=/\0", 6)).bytes(env);
  FakeState st;
  st.comms[20072] = "cat";
  st.comms[11310] = "bash";
  const std::string got = args(b, &st);
  EXPECT_EQ(got,
            "res=0 exe=cat args=/dev/null. tid=20072(cat) pid=20072(cat) ptid=11310(bash) cwd=/tmp "
            "fdlimit=1024 pgft_maj=0 pgft_min=61 vm_size=360 vm_rss=4 vm_swap=0 comm=cat "
            "cgroups=cpu=/. env=VAR0=value.VAR1=value.VAR2=value.VAR3=value.VAR4=value.VAR5=value."
            "VAR6=value.... ");  // cut to 80 characters, the last three shown as "..."
  RenderOptions full;
  full.max_buffer_len = 0;
  EXPECT_NE(args(b, &st, full).find("VAR19=value."), std::string::npos);
  EXPECT_EQ(arg(b, 2), "/dev/null.");
  EXPECT_EQ(rawarg(b, 2), std::string("/dev/null\0", 10));
}

TEST(Render, BytebufNonPrintables) {
  EventBuilder b(PPME_SYSCALL_READ_X);
  b.num<int64_t>(6).bytes(std::string("\x7f" "ELF\x01\n ok\xff", 10));
  EXPECT_EQ(args(b), "res=6 data=.ELF.. ok. ");
}

TEST(Render, Socktuples) {
  EventBuilder b(PPME_SOCKET_CONNECT_X);
  b.num<int64_t>(0).raw(inet_tuple({127, 0, 0, 1}, 40000, {127, 0, 0, 1}, 80));
  EXPECT_EQ(args(b), "res=0 tuple=127.0.0.1:40000->127.0.0.1:80 ");
  // IPv6, and IPv4-mapped IPv6 shown as IPv4.
  std::vector<uint8_t> t6{static_cast<uint8_t>(PPM_AF_INET6)};
  uint8_t a[16] = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
  t6.insert(t6.end(), a, a + 16); t6.push_back(0x50); t6.push_back(0xc3);
  uint8_t l[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
  t6.insert(t6.end(), l, l + 16); t6.push_back(80); t6.push_back(0);
  EventBuilder b6(PPME_SOCKET_CONNECT_X);
  b6.num<int64_t>(-111).raw(t6);
  EXPECT_EQ(args(b6), "res=-111(ECONNREFUSED) tuple=2001:db8::1:50000->::1:80 ");
  std::vector<uint8_t> m{static_cast<uint8_t>(PPM_AF_INET6)};
  uint8_t m1[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 10, 0, 0, 1};
  uint8_t m2[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 10, 0, 0, 2};
  m.insert(m.end(), m1, m1 + 16); m.push_back(1); m.push_back(0);
  m.insert(m.end(), m2, m2 + 16); m.push_back(2); m.push_back(0);
  EventBuilder bm(PPME_SOCKET_CONNECT_X);
  bm.num<int64_t>(0).raw(m);
  EXPECT_EQ(args(bm), "res=0 tuple=10.0.0.1:1->10.0.0.2:2 ");
  // Unix socket tuple: two kernel pointers in hex, then the path.
  std::vector<uint8_t> u{1};
  uint64_t p1 = 0xffff8800aabbccdd, p2 = 0;
  u.insert(u.end(), reinterpret_cast<uint8_t*>(&p1), reinterpret_cast<uint8_t*>(&p1) + 8);
  u.insert(u.end(), reinterpret_cast<uint8_t*>(&p2), reinterpret_cast<uint8_t*>(&p2) + 8);
  for (char c : std::string("/run/x.sock")) u.push_back(c);
  u.push_back(0);
  EventBuilder bu(PPME_SOCKET_CONNECT_X);
  bu.num<int64_t>(0).raw(u);
  EXPECT_EQ(args(bu), "res=0 tuple=ffff8800aabbccdd->0 /run/x.sock ");
  EventBuilder bn(PPME_SOCKET_CONNECT_X);
  bn.num<int64_t>(0).raw({});
  EXPECT_EQ(args(bn), "res=0 tuple=NULL ");
}

TEST(Render, Sockaddrs) {
  std::vector<uint8_t> s{static_cast<uint8_t>(PPM_AF_INET), 8, 8, 4, 4, 53, 0};
  EventBuilder b(PPME_SOCKET_CONNECT_E);
  b.num<int64_t>(5).raw(s);
  FakeState st;
  st.fds[5] = {'4', 'u', "0.0.0.0:0->8.8.4.4:53"};
  EXPECT_EQ(args(b, &st), "fd=5(<4u>0.0.0.0:0->8.8.4.4:53) addr=8.8.4.4:53 ");
  std::vector<uint8_t> un{1};
  for (char c : std::string("/var/run/nscd/socket")) un.push_back(c);
  un.push_back(0);
  EventBuilder bu(PPME_SOCKET_CONNECT_E);
  bu.num<int64_t>(5).raw(un);
  EXPECT_EQ(args(bu), "fd=5 addr=/var/run/nscd/socket ");
  EventBuilder bf(PPME_SOCKET_CONNECT_E);
  bf.num<int64_t>(5).raw({16, 0, 0});
  EXPECT_EQ(args(bf), "fd=5 addr=family 16 ");
}

TEST(Render, FdSpecialValues) {
  FakeState st;
  EventBuilder b(PPME_SYSCALL_FCHMODAT_X);
  b.num<int64_t>(0).num<int64_t>(PPM_AT_FDCWD).str("x/../y/./z/").num<uint32_t>(0755);
  EXPECT_EQ(args(b, &st),
            "res=0 dirfd=-100(AT_FDCWD) filename=x/../y/./z/(/home/user/y/z) "
            "mode=0755(S_IXOTH|S_IROTH|S_IXGRP|S_IRGRP|S_IXUSR|S_IWUSR|S_IRUSR) ");
  // Unknown thread: nothing resolved.
  st.known = false;
  EXPECT_EQ(args(b, &st), "res=0 dirfd=-100 filename=x/../y/./z/ mode=0755(S_IXOTH|S_IROTH|S_IXGRP|S_IRGRP|S_IXUSR|S_IWUSR|S_IRUSR) ");
  st.known = true;
  st.fds[7] = {'d', 0, "/srv/data"};
  EventBuilder r(PPME_SYSCALL_RENAMEAT_X);
  r.num<int64_t>(0).num<int64_t>(7).str("a").num<int64_t>(PPM_AT_FDCWD).str("/abs/b");
  EXPECT_EQ(args(r, &st),
            "res=0 olddirfd=7(<d>/srv/data) oldpath=a(/srv/data/a) newdirfd=-100(AT_FDCWD) "
            "newpath=/abs/b ");
}

TEST(Render, PidsSignalsTimes) {
  FakeState st;
  st.comms[42] = "sleep";
  EventBuilder k(PPME_SYSCALL_KILL_E);
  k.num<int64_t>(42).num<uint8_t>(17);
  EXPECT_EQ(args(k, &st), "pid=42(sleep) sig=17(SIGCHLD) ");
  EXPECT_EQ(args(k), "pid=42 sig=17(SIGCHLD) ");
  EventBuilder n(PPME_SYSCALL_NANOSLEEP_E);
  n.num<uint64_t>(1500000000);
  EXPECT_EQ(args(n), "interval=1500000000(1.5s) ");
  EventBuilder none(PPME_SYSCALL_NANOSLEEP_E);
  none.num<uint64_t>(~0ull);
  EXPECT_EQ(args(none), "interval=none ");
}

TEST(Render, FdlistAndSigset) {
  FakeState st;
  st.fds[3] = {'u', 0, ""};
  std::vector<uint8_t> fl{2, 0};
  auto add = [&](int64_t fd, int16_t f) {
    fl.insert(fl.end(), reinterpret_cast<uint8_t*>(&fd), reinterpret_cast<uint8_t*>(&fd) + 8);
    fl.insert(fl.end(), reinterpret_cast<uint8_t*>(&f), reinterpret_cast<uint8_t*>(&f) + 2);
  };
  add(3, 1);
  add(9, 4);
  EventBuilder b(PPME_SYSCALL_PPOLL_E);
  b.raw(fl).num<uint64_t>(0).num<uint32_t>((1u << 1) | (1u << 14));
  EXPECT_EQ(args(b, &st), "fds=3:u1 9:?4 timeout=0(0s) sigmask=SIGINT SIGTERM ");
  EXPECT_EQ(args(b), "fds= timeout=0(0s) sigmask=SIGINT SIGTERM ");
}

TEST(Render, UidGid) {
  FakeState st;
  st.users[0] = "root";
  EventBuilder b(PPME_SYSCALL_SETRESUID_E);
  b.num<uint32_t>(0).num<uint32_t>(1000).num<uint32_t>(~0u);
  EXPECT_EQ(args(b, &st), "ruid=0(root) euid=1000(<NA>) suid=-1(<NONE>) ");
  EXPECT_EQ(args(b), "ruid=0(<NA>) euid=1000(<NA>) suid=-1(<NONE>) ");
}

TEST(Render, DynParams) {
  // setsockopt val: first byte selects the sub-type (here UINT32).
  EventBuilder b(PPME_SOCKET_SETSOCKOPT_X);
  std::vector<uint8_t> val{2, 1, 0, 0, 0};
  b.num<int64_t>(0).num<int64_t>(3).num<uint8_t>(1).num<uint8_t>(2).raw(val).num<uint32_t>(4);
  EXPECT_EQ(args(b), "res=0 fd=3 level=1(SOL_SOCKET) optname=2(SO_REUSEADDR) val=1 optlen=4 ");
  EventBuilder bad(PPME_SOCKET_SETSOCKOPT_X);
  bad.num<int64_t>(0).num<int64_t>(3).num<uint8_t>(1).num<uint8_t>(2).raw({9, 0}).num<uint32_t>(4);
  EXPECT_NE(args(bad).find("val=INVALID DYNAMIC PARAMETER "), std::string::npos);
}

TEST(Render, GenericEventsHaveNoArgs) {
  EventBuilder b(PPME_GENERIC_E);
  b.num<uint16_t>(296).num<uint16_t>(158);
  EXPECT_EQ(args(b), "");
  EXPECT_EQ(arg(b, 0), "arch_prctl");
  EXPECT_EQ(rawarg(b, 0), "296");
}

TEST(Render, OlderEventsWithFewerParams) {
  // Captures from old drivers carry fewer params: only those render.
  EventBuilder b(PPME_SYSCALL_OPEN_E);
  EXPECT_EQ(args(b), "");
  EventBuilder x(PPME_SYSCALL_OPEN_X);
  x.num<int64_t>(3).str("/a");
  EXPECT_EQ(args(x), "fd=3 name=/a ");
}

TEST(Render, NewerParamsOnlyOnRequest) {
  EventBuilder b(PPME_SYSCALL_OPEN_X);
  b.num<int64_t>(3).str("/a").num<uint32_t>(1).num<uint32_t>(0).num<uint32_t>(0).num<uint64_t>(77);
  EXPECT_EQ(args(b), "fd=3 name=/a flags=1(O_RDONLY) mode=0 dev=0 ");
  RenderOptions all;
  all.sysdig029_params = false;
  EXPECT_EQ(args(b, nullptr, all), "fd=3 name=/a flags=1(O_RDONLY) mode=0 dev=0 ino=77 ");
  EXPECT_EQ(param_index(b.view(), "ino"), -1);
  EXPECT_EQ(param_index(b.view(), "ino", all), 5);
  EXPECT_EQ(param_index(b.view(), "name"), 1);
}

TEST(Render, NewTypes) {
  EventBuilder b(PPME_ITER_TASK_FILE_SOCKET_INET_E);
  b.num<int32_t>(4).num<uint16_t>(1).num<uint16_t>(6).raw({10, 0, 0, 1}).num<uint16_t>(8080)
      .raw({10, 0, 0, 2}).num<uint16_t>(443).num<uint64_t>(1234);
  RenderOptions all;
  all.sysdig029_params = false;
  EXPECT_EQ(args(b, nullptr, all),
            "fd=4 sk_type=1 sk_proto=6 local_ip=10.0.0.1 local_port=8080 remote_ip=10.0.0.2 "
            "remote_port=443 ino_num=1234 ");
}

TEST(Render, ReusesBufferWithoutGrowing) {
  EventBuilder b(PPME_SYSCALL_OPEN_X);
  b.num<int64_t>(3).str("/etc/passwd").num<uint32_t>(4097).num<uint32_t>(0).num<uint32_t>(0);
  const EventView& ev = b.view();
  std::string out;
  out.reserve(256);
  const char* data = out.data();
  for (int i = 0; i < 100; ++i) {
    out.clear();
    render_args(ev, nullptr, out);
  }
  EXPECT_EQ(out.data(), data);
}

}  // namespace
}  // namespace saker::events
