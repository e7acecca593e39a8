// Lifecycle edge cases of the state engine (issue 4), each on a small synthetic event stream:
// threads and processes exiting in either order, parents of threads, fd inheritance across
// fork and close-on-exec at exec, reparenting to a sibling thread, pid reuse without an exit,
// threads known only from their events, cgroup naming, and socket connect states.
#include <gtest/gtest.h>

#include "engine/events/event_types.h"
#include "engine/events/ppm_flags.h"
#include "engine/state/state.h"
#include "tests/unit/state/event_builder.h"

namespace saker::state {
namespace {

using namespace saker::events;
using test::Ev;

constexpr uint64_t kSec = 1000000000ull;

void feed(State& s, Ev& e) {
  const auto& v = e.view();
  ASSERT_TRUE(e.ok());
  s.update(v);
}

scap::ProcessInfo proc(uint64_t tid, uint64_t pid, uint64_t ptid, const char* comm) {
  scap::ProcessInfo p;
  p.tid = tid;
  p.pid = pid;
  p.ptid = ptid;
  p.comm = comm;
  p.exe = comm;
  p.exepath = std::string("/usr/bin/") + comm;
  p.cwd = "/srv";
  p.vtid = static_cast<int64_t>(tid);
  p.vpid = static_cast<int64_t>(pid);
  return p;
}

// init (1) and a shell (100).
void seed(State& s) {
  s.seed_process(proc(1, 1, 0, "init"));
  s.seed_process(proc(100, 100, 1, "sh"));
}

// The caller's side of clone (res = child tid).
void clone_caller(State& s, int64_t caller, int64_t child, uint32_t flags, uint64_t ts = 10) {
  const ThreadInfo* c = s.thread(caller);
  ASSERT_NE(c, nullptr);
  feed(s, Ev(PPME_SYSCALL_CLONE_20_X, caller, ts)
              .set<int64_t>("res", child).set_str("exe", c->exe.c_str())
              .set<int64_t>("tid", caller).set<int64_t>("pid", c->pid).set<int64_t>("ptid", c->ptid)
              .set_str("cwd", "").set<int64_t>("fdlimit", 1024).set_str("comm", c->comm.c_str())
              .set<uint32_t>("flags", flags).set<uint32_t>("uid", 0).set<uint32_t>("gid", 0)
              .set<int64_t>("vtid", caller).set<int64_t>("vpid", c->pid));
}

void open_file(State& s, int64_t tid, int64_t fd, const char* name, uint32_t flags) {
  feed(s, Ev(PPME_SYSCALL_OPEN_E, tid).set_str("name", name).set<uint32_t>("flags", flags));
  feed(s, Ev(PPME_SYSCALL_OPEN_X, tid).set<int64_t>("fd", fd).set_str("name", name)
              .set<uint32_t>("flags", flags));
}

void procexit(State& s, int64_t tid) {
  feed(s, Ev(PPME_PROCEXIT_1_E, tid).set<int64_t>("status", 0));
  s.flush_pending();
}

void execve(State& s, int64_t tid, const char* path, const char* comm, uint64_t ts = 50) {
  const ThreadInfo* t = s.thread(tid);
  feed(s, Ev(PPME_SYSCALL_EXECVE_19_E, tid).set_str("filename", path));
  feed(s, Ev(PPME_SYSCALL_EXECVE_19_X, tid, ts)
              .set<int64_t>("res", 0).set_str("exe", path).set<int64_t>("tid", tid)
              .set<int64_t>("pid", t ? t->pid : static_cast<int64_t>(tid))
              .set<int64_t>("ptid", t ? t->ptid : 1).set_str("cwd", "/somewhere")
              .set_str("comm", comm));
}

TEST(Lifecycle, ThreadExitsBeforeItsProcess) {
  State s;
  seed(s);
  clone_caller(s, 100, 101, PPM_CL_CLONE_THREAD | PPM_CL_CLONE_FILES | PPM_CL_CLONE_VM);
  open_file(s, 101, 3, "/etc/hosts", PPM_O_RDONLY);
  EXPECT_EQ(s.thread(100)->alive_threads, 2);
  procexit(s, 101);
  EXPECT_EQ(s.thread(101), nullptr);
  const ThreadInfo* p = s.thread(100);
  ASSERT_NE(p, nullptr);
  EXPECT_FALSE(p->dead);
  EXPECT_EQ(p->alive_threads, 1);
  ASSERT_NE(s.lookup_fd(100, 3), nullptr) << "the fd the thread opened belongs to the process";
  EXPECT_EQ(s.lookup_fd(100, 3)->name, "/etc/hosts");
}

TEST(Lifecycle, ChildProcessExitsBeforeItsParent) {
  State s;
  seed(s);
  clone_caller(s, 100, 200, 0);
  ASSERT_EQ(s.thread(100)->children.size(), 1u);
  procexit(s, 200);
  EXPECT_EQ(s.thread(200), nullptr);
  EXPECT_TRUE(s.thread(100)->children.empty());
  EXPECT_FALSE(s.thread(100)->dead);
}

TEST(Lifecycle, ANewThreadsParentIsItsProcesssParent) {
  // The kernel (and Falco today) give a thread the parent of its process, not the caller.
  State s;
  seed(s);
  clone_caller(s, 100, 101, PPM_CL_CLONE_THREAD | PPM_CL_CLONE_FILES);
  const ThreadInfo* t = s.thread(101);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->pid, 100);
  EXPECT_EQ(t->ptid, 1);
  EXPECT_EQ(s.ancestor(*t, 1)->comm, "init");
}

TEST(Lifecycle, ForkInheritsFdsAndExecClosesOnlyTheChildsCloexecFds) {
  State s;
  seed(s);
  open_file(s, 100, 3, "/var/lib/db", PPM_O_RDWR | PPM_O_CLOEXEC);
  open_file(s, 100, 4, "/var/log/app.log", PPM_O_WRONLY);
  clone_caller(s, 100, 200, 0);
  ASSERT_NE(s.lookup_fd(200, 3), nullptr) << "fork copies every fd, close-on-exec ones too";
  ASSERT_NE(s.lookup_fd(200, 4), nullptr);
  execve(s, 200, "/usr/bin/tool", "tool");
  EXPECT_EQ(s.thread(200)->comm, "tool");
  EXPECT_EQ(s.lookup_fd(200, 3), nullptr) << "O_CLOEXEC fd closed by the child's exec";
  ASSERT_NE(s.lookup_fd(200, 4), nullptr);
  EXPECT_EQ(s.lookup_fd(200, 4)->name, "/var/log/app.log");
  EXPECT_NE(s.lookup_fd(100, 3), nullptr) << "the parent's table is its own";
  EXPECT_EQ(s.cwd_of(*s.thread(200)), "/srv/") << "exec keeps the cwd";
}

TEST(Lifecycle, OrphanOfAThreadGoesToAnotherThreadOfItsProcess) {
  State s;
  seed(s);
  clone_caller(s, 100, 101, PPM_CL_CLONE_THREAD | PPM_CL_CLONE_FILES);
  clone_caller(s, 101, 300, 0);  // thread 101 forks: the child's parent is 101
  ASSERT_EQ(s.thread(300)->ptid, 101);
  procexit(s, 101);
  EXPECT_EQ(s.thread(300)->ptid, 100) << "a live thread of the same group adopts it";
  procexit(s, 100);
  EXPECT_EQ(s.thread(300)->ptid, 1) << "then init";
}

TEST(Lifecycle, PidReuseWithoutAnExitReplacesTheStaleEntry) {
  // The exit of the old 500 was never seen; a child-side clone event much later reuses the tid.
  State s;
  seed(s);
  clone_caller(s, 100, 500, 0, 10);
  open_file(s, 500, 7, "/old", PPM_O_RDONLY);
  feed(s, Ev(PPME_SYSCALL_CLONE_20_X, 500, 10 + 5 * kSec)
              .set<int64_t>("res", 0).set_str("exe", "new").set<int64_t>("tid", 500)
              .set<int64_t>("pid", 500).set<int64_t>("ptid", 1).set_str("comm", "new")
              .set<uint32_t>("flags", 0).set<int64_t>("vtid", 500).set<int64_t>("vpid", 500));
  const ThreadInfo* t = s.thread(500);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->comm, "new");
  EXPECT_EQ(t->ptid, 1);
  EXPECT_EQ(s.lookup_fd(500, 7), nullptr) << "the old process's fds are gone";
  EXPECT_TRUE(s.thread(100)->children.empty()) << "unlinked from its old parent";
}

TEST(Lifecycle, ThreadKnownOnlyFromItsEventsGetsPidAndParentFromExecve) {
  // As sysdig: the execve exit patches pid and parent; vpid and cwd stay unknown.
  State s;
  seed(s);
  execve(s, 700, "/bin/cat", "cat");
  const ThreadInfo* t = s.thread(700);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->pid, 700);
  EXPECT_EQ(t->ptid, 1);
  EXPECT_EQ(t->comm, "cat");
  EXPECT_EQ(t->vpid, -1);
  EXPECT_EQ(t->vtid, -1);
  EXPECT_EQ(s.cwd_of(*t), "");
}

TEST(Lifecycle, CgroupControllersAreNamedAsFalcoNamesThem) {
  State s;
  seed(s);
  static constexpr char kCgroups[] = "cpuset=/\0io=/user.slice\0perf=/\0mem=/m\0cpu_cgroup=/c";
  const std::string cg(kCgroups, sizeof(kCgroups));
  feed(s, Ev(PPME_SYSCALL_CLONE_20_X, 600, 20)
              .set<int64_t>("res", 0).set_str("exe", "x").set<int64_t>("tid", 600)
              .set<int64_t>("pid", 600).set<int64_t>("ptid", 100).set_str("comm", "x")
              .set<uint32_t>("flags", 0).set<int64_t>("vtid", 600).set<int64_t>("vpid", 600)
              .set_list("cgroups", cg));
  const ThreadInfo* t = s.thread(600);
  ASSERT_NE(t, nullptr);
  const std::vector<std::string> want = {"cpuset", "blkio", "perf_event", "memory", "cpu"};
  EXPECT_EQ(t->cgroups_subsys, want);
  EXPECT_EQ(t->cgroups_path[1], "/user.slice");
}

TEST(Lifecycle, ConnectInProgressCountsAsConnectedAndFailureChangesNothing) {
  State s;
  seed(s);
  feed(s, Ev(PPME_SOCKET_SOCKET_X, 100).set<int64_t>("fd", 5).set<uint32_t>("domain", PPM_AF_INET)
              .set<uint32_t>("type", 1).set<uint32_t>("proto", 0));
  feed(s, Ev(PPME_SOCKET_CONNECT_E, 100).set<int64_t>("fd", 5));
  feed(s, Ev(PPME_SOCKET_CONNECT_X, 100).set<int64_t>("res", -111)
              .set_raw("tuple", test::inet_tuple(0x0100007f, 40000, 0x0100007f, 81)));
  EXPECT_EQ(s.lookup_fd(100, 5)->conn, ConnState::None) << "ECONNREFUSED";
  EXPECT_EQ(s.lookup_fd(100, 5)->name, "");
  feed(s, Ev(PPME_SOCKET_CONNECT_E, 100).set<int64_t>("fd", 5));
  feed(s, Ev(PPME_SOCKET_CONNECT_X, 100).set<int64_t>("res", -115)
              .set_raw("tuple", test::inet_tuple(0x0100007f, 40000, 0x0100007f, 80)));
  EXPECT_EQ(s.lookup_fd(100, 5)->conn, ConnState::Connected) << "EINPROGRESS";
  EXPECT_TRUE(s.lookup_fd(100, 5)->name_changed);
  // A second connect with the same tuple: the name does not change.
  feed(s, Ev(PPME_SOCKET_CONNECT_E, 100).set<int64_t>("fd", 5));
  feed(s, Ev(PPME_SOCKET_CONNECT_X, 100).set<int64_t>("res", 0)
              .set_raw("tuple", test::inet_tuple(0x0100007f, 40000, 0x0100007f, 80)));
  EXPECT_FALSE(s.lookup_fd(100, 5)->name_changed);
  // connect() on an fd never seen created is ignored, not a crash.
  feed(s, Ev(PPME_SOCKET_CONNECT_E, 100).set<int64_t>("fd", 42));
  feed(s, Ev(PPME_SOCKET_CONNECT_X, 100).set<int64_t>("res", -115)
              .set_raw("tuple", test::inet_tuple(0x0100007f, 40001, 0x0100007f, 80)));
  EXPECT_EQ(s.lookup_fd(100, 42), nullptr);
}

TEST(Lifecycle, PipeAndDupfdEventsAreAboutTheLastFdTheyCreate) {
  State s;
  seed(s);
  Ev pipe(PPME_SYSCALL_PIPE_X, 100);
  pipe.set<int64_t>("res", 0).set<int64_t>("fd1", 4).set<int64_t>("fd2", 5).set<uint64_t>("ino", 9);
  feed(s, pipe);
  EXPECT_EQ(s.event_fd_num(100), 5) << "as sysdig: the write end, added last";
  feed(s, Ev(PPME_SYSCALL_FCNTL_E, 100).set<int64_t>("fd", 4).set<uint8_t>("cmd", PPM_FCNTL_F_DUPFD));
  feed(s, Ev(PPME_SYSCALL_FCNTL_X, 100).set<int64_t>("res", 12).set<int64_t>("fd", 4)
              .set<uint8_t>("cmd", PPM_FCNTL_F_DUPFD));
  EXPECT_EQ(s.event_fd_num(100), 12);
  ASSERT_NE(s.lookup_fd(100, 12), nullptr);
  EXPECT_EQ(s.lookup_fd(100, 12)->typechar(), 'p');
}

TEST(Lifecycle, LocalAddressesComeFromTheInterfaceList) {
  State s;
  const uint8_t lo[4] = {127, 0, 0, 1};
  EXPECT_FALSE(s.is_local_ip(false, lo).has_value()) << "no list: unknown";
  scap::InterfaceList ifs;
  scap::InterfaceInfo v4;
  v4.ipv6 = false;
  v4.addr4 = 0x0100007f;  // 127.0.0.1 in network order
  ifs.entries.push_back(v4);
  scap::InterfaceInfo v6;
  v6.ipv6 = true;
  v6.addr6 = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3};
  ifs.entries.push_back(v6);
  s.set_interfaces(ifs);
  const uint8_t other4[4] = {127, 0, 0, 2};
  EXPECT_TRUE(s.is_local_ip(false, lo).value());
  EXPECT_FALSE(s.is_local_ip(false, other4).value()) << "IPv4: the exact address";
  const uint8_t same64[16] = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4};
  const uint8_t other64[16] = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 4};
  EXPECT_TRUE(s.is_local_ip(true, same64).value()) << "IPv6: the interface's /64";
  EXPECT_FALSE(s.is_local_ip(true, other64).value());
}

}  // namespace
}  // namespace saker::state
