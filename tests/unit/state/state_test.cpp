#include <gtest/gtest.h>
#include <unistd.h>

#include "engine/events/event_types.h"
#include "engine/events/ppm_flags.h"
#include "engine/state/container.h"
#include "engine/state/path.h"
#include "engine/state/proc_scan.h"
#include "engine/state/state.h"
#include "tests/unit/state/event_builder.h"

namespace saker::state {
namespace {

using namespace saker::events;
using test::Ev;

// ---- helpers -------------------------------------------------------------------------------

void feed(State& s, Ev& e) {
  const auto& v = e.view();
  ASSERT_TRUE(e.ok());
  s.update(v);
}

scap::ProcessInfo proc(uint64_t tid, uint64_t pid, uint64_t ptid, const char* comm,
                       const char* cwd = "/home/u") {
  scap::ProcessInfo p;
  p.tid = tid;
  p.pid = pid;
  p.ptid = ptid;
  p.comm = comm;
  p.exe = comm;
  p.exepath = std::string("/usr/bin/") + comm;
  p.cwd = cwd;
  p.vtid = static_cast<int64_t>(tid);
  p.vpid = static_cast<int64_t>(pid);
  return p;
}

void clone_parent(State& s, int64_t caller, int64_t child, uint32_t flags, const char* comm, uint64_t ts = 10) {
  const ThreadInfo* c = s.thread(caller);
  feed(s, Ev(PPME_SYSCALL_CLONE_20_X, caller, ts)
              .set<int64_t>("res", child)
              .set_str("exe", comm)
              .set_list("args", std::string_view("", 0))
              .set<int64_t>("tid", caller)
              .set<int64_t>("pid", c ? c->pid : caller)
              .set<int64_t>("ptid", c ? c->ptid : 1)
              .set_str("cwd", "")
              .set<int64_t>("fdlimit", 1024)
              .set_str("comm", comm)
              .set<uint32_t>("flags", flags)
              .set<uint32_t>("uid", 1000)
              .set<uint32_t>("gid", 1000)
              .set<int64_t>("vtid", caller)
              .set<int64_t>("vpid", c ? c->pid : caller));
}

void open_file(State& s, int64_t tid, int64_t fd, const char* name, uint32_t flags = PPM_O_RDONLY) {
  feed(s, Ev(PPME_SYSCALL_OPEN_E, tid).set_str("name", name).set<uint32_t>("flags", flags).set<uint32_t>("mode", 0));
  feed(s, Ev(PPME_SYSCALL_OPEN_X, tid).set<int64_t>("fd", fd).set_str("name", name).set<uint32_t>("flags", flags));
}

void close_fd(State& s, int64_t tid, int64_t fd) {
  feed(s, Ev(PPME_SYSCALL_CLOSE_E, tid).set<int64_t>("fd", fd));
  feed(s, Ev(PPME_SYSCALL_CLOSE_X, tid).set<int64_t>("res", 0));
}

void procexit(State& s, int64_t tid) { feed(s, Ev(PPME_PROCEXIT_1_E, tid).set<int64_t>("status", 0)); }

// A shell (100) under init (1).
void seed_basic(State& s) {
  s.seed_process(proc(1, 1, 0, "init", "/"));
  s.seed_process(proc(100, 100, 1, "bash"));
}

// ---- schema sanity (the state engine reads params by name) -----------------------------

TEST(Params, SchemaNamesResolve) {
  EXPECT_GE(param_pos(PPME_SYSCALL_CLONE_20_X, P::flags), 0);
  EXPECT_GE(param_pos(PPME_SYSCALL_EXECVE_19_X, P::trusted_exepath), 0);
  EXPECT_EQ(param_pos(PPME_SYSCALL_EXECVE_8_X, P::comm), -1);
  EXPECT_GE(param_pos(PPME_SYSCALL_OPEN_E, P::name), 0);
}

// ---- paths -------------------------------------------------------------------------------

TEST(Path, ResolvesLikeSysdig) {
  EXPECT_EQ(resolve_path("/home/u/", "a.txt"), "/home/u/a.txt");
  EXPECT_EQ(resolve_path("/home/u/", "./a/../b"), "/home/u/b");
  EXPECT_EQ(resolve_path("/home/u/", "../../../etc//passwd"), "/etc/passwd");
  EXPECT_EQ(resolve_path("/home/u/", "/abs/./x/"), "/abs/x");
  EXPECT_EQ(resolve_path("/home/u/", ".."), "/home");
  EXPECT_EQ(resolve_path("/home/u/", "."), "/home/u");
  EXPECT_EQ(resolve_path("/home/u/", ".hidden"), "/home/u/.hidden");
  EXPECT_EQ(resolve_path("", "foo/../a"), "a");
  EXPECT_EQ(resolve_path("/", "/"), "/");
  EXPECT_EQ(resolve_path(std::string(5000, 'a'), "b"), kPathTooLong);
}

// ---- containers --------------------------------------------------------------------------

TEST(Container, EveryRuntimePattern) {
  const std::string id(64, 'a');
  const std::string id2 = "3f2a" + std::string(60, '1');
  struct Case { std::string path; ContainerType type; };
  const Case cases[] = {
      {"/docker/" + id, ContainerType::Docker},
      {"/system.slice/docker-" + id + ".scope", ContainerType::Docker},
      {"/libpod_parent/libpod-" + id, ContainerType::Podman},
      {"/docker/libpod-" + id, ContainerType::Podman},
      {"/machine.slice/libpod-" + id + ".scope", ContainerType::Podman},
      {"/user.slice/user-1000.slice/user@1000.service/user.slice/libpod-" + id + ".scope/container",
       ContainerType::Podman},
      {"/kubepods/besteffort/pod1234-5678/" + id, ContainerType::Containerd},
      {"/kubepods.slice/kubepods-burstable.slice/kubepods-pod1.slice/cri-containerd-" + id + ".scope",
       ContainerType::Containerd},
      {"/kubepods.slice/kubepods-pod1.slice/crio-" + id + ".scope", ContainerType::Crio},
      {"/kubepods/pod1/crio-" + id, ContainerType::Crio},
  };
  for (const Case& c : cases) {
    ContainerMatch m = match_cgroup_path(c.path);
    EXPECT_EQ(m.type, c.type) << c.path;
    EXPECT_EQ(m.short_id(), "aaaaaaaaaaaa") << c.path;
  }
  EXPECT_EQ(match_cgroup_path("/docker/" + id2).short_id(), "3f2a11111111");
  for (const char* host : {"/", "/user.slice/user-1000.slice/session-2.scope", "/libpod_parent/conmon",
                           "/system.slice/docker.service", "/docker/abc"}) {
    EXPECT_EQ(match_cgroup_path(host).type, ContainerType::Host) << host;
    EXPECT_EQ(match_cgroup_path(host).short_id(), "host");
  }
}

TEST(Container, FromCloneCgroups) {
  State s;
  seed_basic(s);
  const std::string id(64, 'b');
  const std::string cg = "cpu=/docker/" + id + std::string(1, '\0') + "memory=/docker/" + id + std::string(1, '\0');
  feed(s, Ev(PPME_SYSCALL_CLONE_20_X, 500, 5)
              .set<int64_t>("res", 0).set_str("exe", "sh").set<int64_t>("tid", 500)
              .set<int64_t>("pid", 500).set<int64_t>("ptid", 100).set_str("comm", "sh")
              .set_list("cgroups", cg).set<uint32_t>("flags", 0).set<int64_t>("vtid", 500)
              .set<int64_t>("vpid", 500));
  const ThreadInfo* t = s.thread(500);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->container_id, "bbbbbbbbbbbb");
  EXPECT_EQ(t->container_type, ContainerType::Docker);
  ASSERT_EQ(t->cgroups_subsys.size(), 2u);
  EXPECT_EQ(t->cgroups_path[1], "/docker/" + id);
}

// ---- threads and processes ---------------------------------------------------------------

TEST(Threads, ForkCopiesFdsAndCwdAndLinksParent) {
  State s;
  seed_basic(s);
  open_file(s, 100, 3, "notes.txt");
  clone_parent(s, 100, 200, 0, "bash");
  const ThreadInfo* c = s.thread(200);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->pid, 200);
  EXPECT_EQ(c->ptid, 100);
  EXPECT_EQ(s.parent_of(*c)->comm, "bash");
  EXPECT_EQ(s.ancestor(*c, 2)->comm, "init");
  EXPECT_EQ(s.cwd_of(*c), "/home/u/");
  ASSERT_NE(s.lookup_fd(200, 3), nullptr);
  EXPECT_EQ(s.lookup_fd(200, 3)->name, "/home/u/notes.txt");
  // The copy is independent: closing in the child leaves the parent's.
  close_fd(s, 200, 3);
  s.flush_pending();
  EXPECT_EQ(s.lookup_fd(200, 3), nullptr);
  EXPECT_NE(s.lookup_fd(100, 3), nullptr);
}

TEST(Threads, ThreadsShareTheLeadersFdTable) {
  State s;
  seed_basic(s);
  clone_parent(s, 100, 101, PPM_CL_CLONE_THREAD | PPM_CL_CLONE_FILES | PPM_CL_CLONE_VM, "bash");
  const ThreadInfo* t = s.thread(101);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->pid, 100);
  EXPECT_TRUE(t->is_thread());
  open_file(s, 101, 5, "/tmp/x");
  EXPECT_NE(s.lookup_fd(100, 5), nullptr);  // opened by the thread, seen by the process
  EXPECT_EQ(s.thread(100)->alive_threads, 2);
}

TEST(Threads, ChildSideCloneCreatesThreadWhenParentSideMissing) {
  State s;
  seed_basic(s);
  open_file(s, 100, 4, "/etc/hosts");
  feed(s, Ev(PPME_SYSCALL_CLONE_20_X, 300, 7)
              .set<int64_t>("res", 0).set_str("exe", "bash").set<int64_t>("tid", 300)
              .set<int64_t>("pid", 300).set<int64_t>("ptid", 100).set_str("comm", "bash")
              .set<uint32_t>("flags", 0).set<int64_t>("vtid", 300).set<int64_t>("vpid", 300));
  const ThreadInfo* c = s.thread(300);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->ptid, 100);
  EXPECT_NE(c->flags & PPM_CL_CLONE_INVERTED, 0u);
  EXPECT_NE(s.lookup_fd(300, 4), nullptr);
  // The parent's event afterwards does not replace it.
  clone_parent(s, 100, 300, 0, "bash", 8);
  EXPECT_NE(s.thread(300)->flags & PPM_CL_CLONE_INVERTED, 0u);
}

TEST(Threads, OldCloneVersionUpdatesStateTheSameWay) {
  State s;
  seed_basic(s);
  // CLONE_11_X: no comm, no vtid/vpid: comm falls back to exe.
  feed(s, Ev(PPME_SYSCALL_CLONE_11_X, 100, 9)
              .set<int64_t>("res", 400).set_str("exe", "bash").set<int64_t>("tid", 100)
              .set<int64_t>("pid", 100).set<int64_t>("ptid", 1).set_str("cwd", "/home/u")
              .set<int64_t>("fdlimit", 1024).set<uint32_t>("flags", 0).set<uint32_t>("uid", 0)
              .set<uint32_t>("gid", 0));
  const ThreadInfo* c = s.thread(400);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->comm, "bash");
  EXPECT_EQ(c->ptid, 100);
}

TEST(Threads, ThreadExitsBeforeItsParentAndLeaderStaysForThreads) {
  State s;
  seed_basic(s);
  clone_parent(s, 100, 101, PPM_CL_CLONE_THREAD | PPM_CL_CLONE_FILES, "bash");
  open_file(s, 100, 3, "/etc/passwd");
  procexit(s, 100);  // the leader exits first; thread 101 lives on
  EXPECT_NE(s.thread(100), nullptr) << "visible while the procexit is evaluated";
  s.flush_pending();
  ASSERT_NE(s.thread(100), nullptr);
  EXPECT_TRUE(s.thread(100)->dead);
  EXPECT_NE(s.lookup_fd(101, 3), nullptr) << "the thread still uses the group's fds";
  procexit(s, 101);
  s.flush_pending();
  EXPECT_EQ(s.thread(101), nullptr);
  EXPECT_EQ(s.thread(100), nullptr) << "last thread gone: the dead leader is purged";
}

TEST(Threads, ExecFromNonMainThread) {
  State s;
  seed_basic(s);
  clone_parent(s, 100, 101, PPM_CL_CLONE_THREAD | PPM_CL_CLONE_FILES, "bash");
  clone_parent(s, 100, 102, PPM_CL_CLONE_THREAD | PPM_CL_CLONE_FILES, "bash");
  // The kernel reports a successful exec by thread 102 under the leader's tid: other threads die.
  feed(s, Ev(PPME_SYSCALL_EXECVE_19_E, 100).set_str("filename", "/bin/ls"));
  feed(s, Ev(PPME_SYSCALL_EXECVE_19_X, 100, 20)
              .set<int64_t>("res", 0).set_str("exe", "ls").set_list("args", std::string("-l\0", 3))
              .set<int64_t>("tid", 100).set<int64_t>("pid", 100).set<int64_t>("ptid", 1)
              .set_str("comm", "ls"));
  EXPECT_EQ(s.thread(101), nullptr);
  EXPECT_EQ(s.thread(102), nullptr);
  const ThreadInfo* t = s.thread(100);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->comm, "ls");
  EXPECT_EQ(t->exepath, "/bin/ls");
  EXPECT_EQ(t->cmdline(), "ls -l");
  EXPECT_EQ(t->alive_threads, 1);
}

TEST(Threads, ExecveClosesCloexecFdsAndFailedExecChangesNothing) {
  State s;
  seed_basic(s);
  open_file(s, 100, 3, "/a", PPM_O_RDONLY | PPM_O_CLOEXEC);
  open_file(s, 100, 4, "/b", PPM_O_RDONLY);
  feed(s, Ev(PPME_SYSCALL_EXECVE_19_E, 100).set_str("filename", "nope"));
  feed(s, Ev(PPME_SYSCALL_EXECVE_19_X, 100).set<int64_t>("res", -2).set_str("exe", "nope"));
  EXPECT_EQ(s.thread(100)->comm, "bash");
  EXPECT_NE(s.lookup_fd(100, 3), nullptr);
  // Old execve version (no comm, exepath from the enter's filename and the cwd).
  feed(s, Ev(PPME_SYSCALL_EXECVE_18_E, 100).set_str("filename", "bin/tool"));
  feed(s, Ev(PPME_SYSCALL_EXECVE_18_X, 100).set<int64_t>("res", 0).set_str("exe", "tool")
              .set<int64_t>("tid", 100).set<int64_t>("pid", 100).set<int64_t>("ptid", 1));
  EXPECT_EQ(s.thread(100)->comm, "tool");
  EXPECT_EQ(s.thread(100)->exepath, "/home/u/bin/tool");
  EXPECT_EQ(s.lookup_fd(100, 3), nullptr);
  EXPECT_NE(s.lookup_fd(100, 4), nullptr);
}

TEST(Threads, ReparentToSubreaperOrInit) {
  State s;
  seed_basic(s);
  clone_parent(s, 100, 200, 0, "svc");   // 200: a subreaper
  feed(s, Ev(PPME_SYSCALL_PRCTL_X, 200).set<int64_t>("res", 0).set<uint32_t>("option", PPM_PR_SET_CHILD_SUBREAPER)
              .set<int64_t>("arg2_int", 1));
  clone_parent(s, 200, 300, 0, "mid");
  clone_parent(s, 300, 400, 0, "leaf");
  procexit(s, 300);
  s.flush_pending();
  EXPECT_EQ(s.thread(400)->ptid, 200) << "orphan goes to the closest subreaper";
  procexit(s, 200);
  s.flush_pending();
  EXPECT_EQ(s.thread(400)->ptid, 1) << "then to init";
  EXPECT_EQ(s.parent_of(*s.thread(400))->comm, "init");
}

TEST(Threads, PidReuseReplacesStaleEntry) {
  State s;
  seed_basic(s);
  clone_parent(s, 100, 200, 0, "old", 10);
  open_file(s, 200, 7, "/old");
  procexit(s, 200);
  s.flush_pending();
  EXPECT_EQ(s.thread(200), nullptr);
  clone_parent(s, 100, 200, 0, "new", 20);
  ASSERT_NE(s.thread(200), nullptr);
  EXPECT_EQ(s.thread(200)->comm, "new");
  EXPECT_EQ(s.lookup_fd(200, 7), nullptr);
}

TEST(Threads, CredentialsSessionAndName) {
  State s;
  seed_basic(s);
  feed(s, Ev(PPME_SYSCALL_SETRESUID_X, 100).set<int64_t>("res", 0).set<uint32_t>("ruid", 5)
              .set<uint32_t>("euid", 6).set<uint32_t>("suid", 7));
  EXPECT_EQ(s.thread(100)->uid, 6u);
  feed(s, Ev(PPME_SYSCALL_SETGID_X, 100).set<int64_t>("res", 0).set<uint32_t>("gid", 9));
  EXPECT_EQ(s.thread(100)->gid, 9u);
  feed(s, Ev(PPME_SYSCALL_SETUID_X, 100).set<int64_t>("res", -1).set<uint32_t>("uid", 0));
  EXPECT_EQ(s.thread(100)->uid, 6u) << "failed setuid changes nothing";
  feed(s, Ev(PPME_SYSCALL_SETSID_X, 100).set<int64_t>("res", 100));
  EXPECT_EQ(s.thread(100)->sid, 100);
  feed(s, Ev(PPME_SYSCALL_PRCTL_X, 100).set<int64_t>("res", 0).set<uint32_t>("option", 15 /*PR_SET_NAME*/)
              .set_str("arg2_str", "worker"));
  EXPECT_EQ(s.thread(100)->comm, "worker");
  feed(s, Ev(PPME_SYSCALL_CHDIR_X, 100).set<int64_t>("res", 0).set_str("path", "../other/./dir"));
  EXPECT_EQ(s.cwd_of(*s.thread(100)), "/home/other/dir/");
}

// ---- fds ---------------------------------------------------------------------------------

TEST(Fds, RelativeOpenatAgainstDirfdAndCwd) {
  State s;
  seed_basic(s);
  feed(s, Ev(PPME_SYSCALL_OPENAT_2_E, 100).set<int64_t>("dirfd", PPM_AT_FDCWD).set_str("name", "/var/log")
              .set<uint32_t>("flags", PPM_O_DIRECTORY));
  feed(s, Ev(PPME_SYSCALL_OPENAT_2_X, 100).set<int64_t>("fd", 5).set<int64_t>("dirfd", PPM_AT_FDCWD)
              .set_str("name", "/var/log").set<uint32_t>("flags", PPM_O_DIRECTORY));
  EXPECT_EQ(s.lookup_fd(100, 5)->typechar(), 'd');
  feed(s, Ev(PPME_SYSCALL_OPENAT_2_E, 100).set<int64_t>("dirfd", 5).set_str("name", "../lib/x")
              .set<uint32_t>("flags", PPM_O_RDONLY));
  feed(s, Ev(PPME_SYSCALL_OPENAT_2_X, 100).set<int64_t>("fd", 6).set<int64_t>("dirfd", 5)
              .set_str("name", "../lib/x").set<uint32_t>("flags", PPM_O_RDONLY));
  EXPECT_EQ(s.lookup_fd(100, 6)->name, "/var/lib/x");
  EXPECT_EQ(s.lookup_fd(100, 6)->name_raw, "../lib/x");
  EXPECT_EQ(s.lookup_fd(100, 6)->typechar(), 'f');
  // Exit-only (no enter event stored): still resolved.
  feed(s, Ev(PPME_SYSCALL_OPENAT_2_X, 100).set<int64_t>("fd", 7).set<int64_t>("dirfd", PPM_AT_FDCWD)
              .set_str("name", "a/./b"));
  EXPECT_EQ(s.lookup_fd(100, 7)->name, "/home/u/a/b");
}

TEST(Fds, CloseIsVisibleDuringItsEventThenGone) {
  State s;
  seed_basic(s);
  open_file(s, 100, 3, "/etc/passwd");
  feed(s, Ev(PPME_SYSCALL_CLOSE_E, 100).set<int64_t>("fd", 3));
  Ev x(PPME_SYSCALL_CLOSE_X, 100);
  x.set<int64_t>("res", 0);
  s.update(x.view());
  ASSERT_NE(s.event_fd(x.view()), nullptr);
  EXPECT_EQ(s.event_fd(x.view())->name, "/etc/passwd");
  s.flush_pending();
  EXPECT_EQ(s.lookup_fd(100, 3), nullptr);
}

TEST(Fds, DupOntoAnOpenFdReplacesIt) {
  State s;
  seed_basic(s);
  open_file(s, 100, 3, "/a", PPM_O_RDONLY | PPM_O_CLOEXEC);
  open_file(s, 100, 1, "/dev/pts/0");
  feed(s, Ev(PPME_SYSCALL_DUP2_E, 100).set<int64_t>("fd", 3));
  feed(s, Ev(PPME_SYSCALL_DUP2_X, 100).set<int64_t>("res", 1).set<int64_t>("oldfd", 3).set<int64_t>("newfd", 1));
  ASSERT_NE(s.lookup_fd(100, 1), nullptr);
  EXPECT_EQ(s.lookup_fd(100, 1)->name, "/a");
  EXPECT_FALSE(s.lookup_fd(100, 1)->close_on_exec()) << "dup clears O_CLOEXEC";
  EXPECT_TRUE(s.lookup_fd(100, 3)->close_on_exec());
  // fcntl(F_DUPFD_CLOEXEC)
  feed(s, Ev(PPME_SYSCALL_FCNTL_E, 100).set<int64_t>("fd", 1).set<uint8_t>("cmd", PPM_FCNTL_F_DUPFD_CLOEXEC));
  feed(s, Ev(PPME_SYSCALL_FCNTL_X, 100).set<int64_t>("res", 10).set<int64_t>("fd", 1)
              .set<uint8_t>("cmd", PPM_FCNTL_F_DUPFD_CLOEXEC));
  ASSERT_NE(s.lookup_fd(100, 10), nullptr);
  EXPECT_TRUE(s.lookup_fd(100, 10)->close_on_exec());
}

TEST(Fds, PipesSocketsAndTuples) {
  State s;
  seed_basic(s);
  feed(s, Ev(PPME_SYSCALL_PIPE2_X, 100).set<int64_t>("res", 0).set<int64_t>("fd1", 3).set<int64_t>("fd2", 4)
              .set<uint64_t>("ino", 77).set<uint32_t>("flags", 0));
  EXPECT_EQ(s.lookup_fd(100, 4)->typechar(), 'p');
  feed(s, Ev(PPME_SOCKET_SOCKET_E, 100).set<uint32_t>("domain", PPM_AF_INET).set<uint32_t>("type", 1)
              .set<uint32_t>("proto", 0));
  feed(s, Ev(PPME_SOCKET_SOCKET_X, 100).set<int64_t>("fd", 5).set<uint32_t>("domain", PPM_AF_INET)
              .set<uint32_t>("type", 1).set<uint32_t>("proto", 0));
  EXPECT_EQ(s.lookup_fd(100, 5)->typechar(), '4');
  EXPECT_EQ(s.lookup_fd(100, 5)->sock.l4proto, L4Proto::Tcp);
  feed(s, Ev(PPME_SOCKET_CONNECT_E, 100).set<int64_t>("fd", 5));
  feed(s, Ev(PPME_SOCKET_CONNECT_X, 100).set<int64_t>("res", -115)
              .set_raw("tuple", test::inet_tuple(0x0100007f, 47192, 0x0100007f, 80)));
  EXPECT_EQ(s.lookup_fd(100, 5)->name, "127.0.0.1:47192->127.0.0.1:80");
  EXPECT_EQ(s.lookup_fd(100, 5)->role, SockRole::Client);
  EXPECT_TRUE(s.lookup_fd(100, 5)->name_changed);
  // Unix connect: "<src>-><dst> <path>"
  feed(s, Ev(PPME_SOCKET_SOCKET_X, 100).set<int64_t>("fd", 6).set<uint32_t>("domain", PPM_AF_UNIX));
  std::vector<uint8_t> ut(17, 0);
  ut[0] = 1;
  uint64_t dst = 0xffff94dc817b9400ull;
  std::memcpy(&ut[9], &dst, 8);
  for (char c : std::string("/var/run/nscd/socket")) ut.push_back(static_cast<uint8_t>(c));
  ut.push_back(0);
  feed(s, Ev(PPME_SOCKET_CONNECT_E, 100).set<int64_t>("fd", 6));
  // A failed connect changes nothing (as in Falco: curl_google.scap evt 1057).
  feed(s, Ev(PPME_SOCKET_CONNECT_X, 100).set<int64_t>("res", -2).set_raw("tuple", ut));
  EXPECT_EQ(s.lookup_fd(100, 6)->name, "");
  feed(s, Ev(PPME_SOCKET_CONNECT_E, 100).set<int64_t>("fd", 6));
  feed(s, Ev(PPME_SOCKET_CONNECT_X, 100).set<int64_t>("res", 0).set_raw("tuple", ut));
  EXPECT_EQ(s.lookup_fd(100, 6)->name, "0->ffff94dc817b9400 /var/run/nscd/socket");
  // UDP sendto on a socket we never saw: guessed as UDP at the enter (from its address), the
  // tuple applied at the exit from the enter's address.
  feed(s, Ev(PPME_SOCKET_SENDTO_E, 100).set<int64_t>("fd", 8)
              .set_raw("tuple", test::inet_tuple(0x0100000a, 5000, 0x08080808, 53)));
  ASSERT_NE(s.lookup_fd(100, 8), nullptr);
  feed(s, Ev(PPME_SOCKET_SENDTO_X, 100).set<int64_t>("res", 10));
  ASSERT_NE(s.lookup_fd(100, 8), nullptr);
  EXPECT_EQ(s.lookup_fd(100, 8)->name, "10.0.0.1:5000->8.8.8.8:53");
  EXPECT_EQ(s.lookup_fd(100, 8)->sock.l4proto, L4Proto::Udp);
}

TEST(Fds, ChurnStaysBoundedAndReusesSlots) {
  StateConfig cfg;
  cfg.max_threads = 64;
  cfg.max_fds_per_process = 8;
  State s(cfg);
  seed_basic(s);
  for (int i = 0; i < 20; ++i) open_file(s, 100, 3 + i, "/f");
  EXPECT_EQ(s.fds_of(*s.thread(100))->size(), 8u);
  EXPECT_GT(s.stats().fd_drops, 0u);
  for (int i = 0; i < 1000; ++i) {
    clone_parent(s, 100, 1000 + i, 0, "x", 100 + i);
    procexit(s, 1000 + i);
  }
  s.flush_pending();
  EXPECT_EQ(s.thread_count(), 2u);
  for (int i = 0; i < 100; ++i) clone_parent(s, 100, 5000 + i, 0, "y", 5000 + i);
  EXPECT_EQ(s.thread_count(), 64u);
  EXPECT_GT(s.stats().thread_drops, 0u);
}

// ---- users -------------------------------------------------------------------------------

TEST(Users, PasswdGroupAndPerContainer) {
  State s;
  seed_basic(s);
  s.users().load_passwd_text("root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000::/home/alice:/bin/sh\n");
  s.users().load_group_text("root:x:0:\nstaff:x:1000:alice\n");
  s.users().load_passwd_text("croot:x:0:0::/root:/bin/ash\n", "aaaaaaaaaaaa");
  EXPECT_EQ(s.users().user(1000)->name, "alice");
  EXPECT_EQ(s.users().user(1000)->homedir, "/home/alice");
  EXPECT_EQ(s.users().group(1000)->name, "staff");
  EXPECT_EQ(s.users().user(0, "aaaaaaaaaaaa")->name, "croot");
  EXPECT_EQ(s.users().user(1000, "aaaaaaaaaaaa"), nullptr);
  ThreadInfo* t = s.thread_mut(100);
  t->uid = 1000;
  t->loginuid = 0;
  EXPECT_EQ(s.user_of(*t)->name, "alice");
  EXPECT_EQ(s.loginuser_of(*t)->name, "root");
}

// ---- /proc seeding -----------------------------------------------------------------------

TEST(ProcScan, SeedsThisProcessWithItsFds) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  State s;
  ProcScan scan;
  ASSERT_TRUE(scan.scan_tree(s, ::getpid()).ok());
  const ThreadInfo* me = s.thread(::getpid());
  ASSERT_NE(me, nullptr);
  EXPECT_EQ(me->pid, ::getpid());
  EXPECT_EQ(me->ptid, ::getppid());
  EXPECT_EQ(me->comm.substr(0, 10), std::string("state_test").substr(0, 10));
  EXPECT_FALSE(me->exepath.empty());
  char cwd[4096];
  ASSERT_NE(::getcwd(cwd, sizeof(cwd)), nullptr);
  EXPECT_EQ(s.cwd_of(*me), std::string(cwd) == "/" ? "/" : std::string(cwd) + "/");
  const FdInfo* p = s.lookup_fd(::getpid(), fds[0]);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->typechar(), 'p');
  ::close(fds[0]);
  ::close(fds[1]);
}

}  // namespace
}  // namespace saker::state
