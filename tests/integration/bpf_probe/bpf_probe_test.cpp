// The probe's events for real processes, decoded by the engine: open/exec/clone facts, every
// event's layout against the schema under "all syscalls", the selection, and socket tuples.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "bpf/probe.h"
#include "engine/events/event.h"
#include "engine/events/event_types.h"
#include "engine/events/ppm_flags.h"
#include "engine/events/render.h"
#include "engine/events/syscall_map.h"

namespace {

using saker::bpf::Probe;
using namespace saker::events;
using saker::Status;

uint32_t nr(const char* name) {
  const int32_t n = native_syscall_nr(name);
  EXPECT_GE(n, 0) << name;
  return static_cast<uint32_t>(n);
}

// One probe for the whole test program (loading takes a moment).
Probe* probe() {
  static std::unique_ptr<Probe> p = [] {
    std::string why;
    auto loaded = Probe::open(&why);
    EXPECT_NE(loaded, nullptr) << "the probe did not load: " << why;
    return loaded;
  }();
  return p.get();
}

struct Captured {
  std::vector<std::vector<uint8_t>> events;
  // Views over `events` (stable: the vectors are not touched after capture).
  std::vector<EventView> views() const {
    std::vector<EventView> out;
    for (const auto& e : events) {
      EventView v;
      Status st = EventView::parse(e, v);
      EXPECT_TRUE(st.ok()) << st.message();
      if (st.ok()) out.push_back(v);
    }
    return out;
  }
};

// Reads the ring until the procexit of `tid` (its last event; the rest of the host keeps
// producing), keeping that thread's events.
void drain(Probe* p, uint64_t tid, Captured* out) {
  bool done = false;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!done && std::chrono::steady_clock::now() < deadline) {
    p->poll(50, [&](const uint8_t* d, size_t len) {
      EventView v;
      if (!EventView::parse({d, len}, v).ok()) {
        ADD_FAILURE() << "unparseable event of " << len << " bytes";
        return;
      }
      if (v.tid() != tid) return;
      out->events.emplace_back(d, d + len);
      if (v.type() == PPME_PROCEXIT_1_E) done = true;
    });
  }
  EXPECT_TRUE(done) << "no procexit for " << tid;
}

std::string args_of(const EventView& v) {
  std::string s;
  RenderOptions opts;
  opts.sysdig029_params = false;
  render_args(v, nullptr, s, opts);
  return s;
}

std::string str_param(const EventView& v, const char* name) {
  RenderOptions opts;
  opts.sysdig029_params = false;
  const int32_t i = param_index(v, name, opts);
  return i < 0 ? std::string("<absent>") : std::string(v.param_str(static_cast<uint32_t>(i)));
}

int64_t int_param(const EventView& v, const char* name) {
  RenderOptions opts;
  opts.sysdig029_params = false;
  const int32_t i = param_index(v, name, opts);
  int64_t out = INT64_MIN;
  if (i >= 0) v.param_i64(static_cast<uint32_t>(i), out);
  return out;
}

std::filesystem::path temp_dir() {
  char tmpl[] = "/tmp/saker-bpf-XXXXXX";
  const char* d = mkdtemp(tmpl);
  EXPECT_NE(d, nullptr);
  return d;
}

TEST(BpfProbe, LoadsAndReportsCpus) {
  Probe* p = probe();
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->stats().n_cpus, static_cast<uint64_t>(sysconf(_SC_NPROCESSORS_CONF)));
}

TEST(BpfProbe, OpenExecCloneCarryTheProcessFacts) {
  Probe* p = probe();
  ASSERT_NE(p, nullptr);
  std::string err;
  ASSERT_TRUE(p->set_syscalls({nr("openat"), nr("execve"), nr("clone"), nr("clone3")}, false, &err))
      << err;
  const std::filesystem::path dir = temp_dir();
  const std::string path = (dir / "probe-created.txt").string();
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  const pid_t child = fork();
  if (child == 0) {
    close(fds[0]);
    const int fd = openat(AT_FDCWD, path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0640);
    if (write(fds[1], &fd, sizeof(fd)) != sizeof(fd)) _exit(3);
    execl("/bin/echo", "/bin/echo", "saker-bpf-probe", "second-arg", static_cast<char*>(nullptr));
    _exit(2);
  }
  close(fds[1]);
  int child_fd = -1;
  ASSERT_EQ(read(fds[0], &child_fd, sizeof(child_fd)), static_cast<ssize_t>(sizeof(child_fd)));
  close(fds[0]);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  ASSERT_GE(child_fd, 0);

  Captured cap;
  drain(p, static_cast<uint64_t>(child), &cap);
  struct DirGuard {
    std::filesystem::path d;
    ~DirGuard() { std::filesystem::remove_all(d); }
  } guard{dir};

  bool clone_child = false, open_enter = false, open_exit = false, exec_exit = false, exited = false;
  for (const EventView& v : cap.views()) {
    ASSERT_NE(v.info(), nullptr) << "type " << v.type();
    EXPECT_EQ(v.nparams(), v.info()->params.size()) << v.info()->name;
    if (v.type() == PPME_SYSCALL_CLONE_20_X || v.type() == PPME_SYSCALL_CLONE3_X) {
      // The child's side of fork(): res 0, its own ids, the test process as parent.
      EXPECT_EQ(int_param(v, "res"), 0);
      EXPECT_EQ(int_param(v, "tid"), child);
      EXPECT_EQ(int_param(v, "pid"), child);
      EXPECT_EQ(int_param(v, "ptid"), getpid());
      EXPECT_EQ(int_param(v, "vpid"), child);  // same pid namespace
      EXPECT_FALSE(str_param(v, "exe").empty());
      EXPECT_EQ(str_param(v, "cwd"), std::filesystem::current_path().string());
      EXPECT_NE(str_param(v, "cgroups").find("cpu="), std::string::npos);
      clone_child = true;
    } else if (v.type() == PPME_SYSCALL_OPENAT_2_E && str_param(v, "name") == path) {
      EXPECT_NE(args_of(v).find("O_CREAT"), std::string::npos) << args_of(v);
      open_enter = true;
    } else if (v.type() == PPME_SYSCALL_OPENAT_2_X && str_param(v, "name") == path) {
      EXPECT_EQ(int_param(v, "fd"), child_fd);
      const std::string a = args_of(v);
      EXPECT_NE(a.find("O_WRONLY"), std::string::npos) << a;
      EXPECT_NE(a.find("O_CREAT"), std::string::npos) << a;
      EXPECT_NE(a.find("O_CLOEXEC"), std::string::npos) << a;
      // The renderer does not name O_F_CREATED (neither does sysdig): the raw bit says it.
      EXPECT_NE(int_param(v, "flags") & PPM_O_F_CREATED, 0) << a;
      EXPECT_EQ(int_param(v, "mode") & 0777, 0640);
      struct stat st{};
      ASSERT_EQ(stat(path.c_str(), &st), 0);
      EXPECT_EQ(static_cast<uint64_t>(int_param(v, "ino")), st.st_ino);
      open_exit = true;
    } else if (v.type() == PPME_SYSCALL_EXECVE_19_X) {
      EXPECT_EQ(int_param(v, "res"), 0);
      EXPECT_EQ(str_param(v, "exe"), "/bin/echo");
      const auto args = v.param(2);
      const std::string a(reinterpret_cast<const char*>(args.data()), args.size());
      EXPECT_EQ(a, std::string("saker-bpf-probe\0second-arg\0", 27));
      EXPECT_EQ(int_param(v, "tid"), child);
      EXPECT_EQ(int_param(v, "pid"), child);
      EXPECT_EQ(int_param(v, "ptid"), getpid());
      EXPECT_EQ(str_param(v, "comm"), "echo");
      EXPECT_EQ(str_param(v, "filename"), "/bin/echo");
      // Paths the probe walks up the dentries for: the real executable and the cwd.
      EXPECT_EQ(str_param(v, "trusted_exepath"), std::filesystem::canonical("/bin/echo").string());
      EXPECT_EQ(str_param(v, "cwd"), std::filesystem::current_path().string());
      EXPECT_EQ(static_cast<uint32_t>(int_param(v, "uid")), geteuid());
      struct stat st{};
      ASSERT_EQ(stat("/bin/echo", &st), 0);
      EXPECT_EQ(static_cast<uint64_t>(int_param(v, "exe_ino")), st.st_ino);
      EXPECT_GT(int_param(v, "fdlimit"), 0);
      EXPECT_GT(int_param(v, "vm_size"), 0);
      // Root may write any executable (the tracer's and the drivers' rule).
      EXPECT_EQ(int_param(v, "flags") & PPM_EXE_WRITABLE, geteuid() == 0 ? PPM_EXE_WRITABLE : 0u);
      EXPECT_EQ(int_param(v, "flags") & PPM_EXE_FROM_MEMFD, 0);
      exec_exit = true;
    } else if (v.type() == PPME_PROCEXIT_1_E) {
      EXPECT_EQ(int_param(v, "ret"), 0);
      exited = true;
    }
  }
  EXPECT_TRUE(clone_child);
  EXPECT_TRUE(open_enter);
  EXPECT_TRUE(open_exit);
  EXPECT_TRUE(exec_exit);
  EXPECT_TRUE(exited);
}

// Under "all syscalls" every event a busy shell produces has the schema's layout, and the file
// syscalls it makes arrive as their own events.
TEST(BpfProbe, AllSyscallsMatchTheSchema) {
  Probe* p = probe();
  ASSERT_NE(p, nullptr);
  std::string err;
  ASSERT_TRUE(p->set_syscalls({}, true, &err)) << err;
  const std::filesystem::path dir = temp_dir();
  const std::string script = "cd " + dir.string() +
                             " && mkdir d && echo x > d/f && mv d/f d/g && chmod 600 d/g"
                             " && ln -s d/g l && rm l d/g && rmdir d && cat /etc/hostname >/dev/null";
  const std::string fifo = (dir / "fifo").string();
  const pid_t child = fork();
  if (child == 0) {
    // The fd creators and other calls the shell does not make, directly.
    close(eventfd(0, EFD_CLOEXEC));
    close(timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC));
    close(inotify_init1(IN_CLOEXEC));
    close(epoll_create1(EPOLL_CLOEXEC));
    int sp[2];
    if (socketpair(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0, sp) == 0) {
      char b = 'x';
      (void)sendto(sp[0], &b, 1, 0, nullptr, 0);
      (void)recvfrom(sp[1], &b, 1, 0, nullptr, nullptr);
      iovec iov{&b, 1};
      msghdr mh{};
      mh.msg_iov = &iov;
      mh.msg_iovlen = 1;
      (void)sendmsg(sp[0], &mh, 0);
      (void)recvmsg(sp[1], &mh, 0);
      close(sp[0]);
      close(sp[1]);
    }
    prctl(PR_SET_NAME, "probe-check");
    (void)mknodat(AT_FDCWD, fifo.c_str(), S_IFIFO | 0600, 0);
    (void)close_range(1000, 1010, 0);
    execl("/bin/sh", "sh", "-c", script.c_str(), static_cast<char*>(nullptr));
    _exit(2);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  // Grandchildren (mkdir, mv, ...) are other pids, and every event must match the schema
  // whoever made it: all of them are checked.
  std::set<std::string> names;
  size_t n_events = 0;
  bool child_exited = false;  // the shell waits for its commands: its procexit comes last
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!child_exited && std::chrono::steady_clock::now() < deadline) {
    p->poll(50, [&](const uint8_t* d, size_t len) {
      EventView v;
      Status st = EventView::parse({d, len}, v);
      ASSERT_TRUE(st.ok()) << st.message();
      ASSERT_NE(v.info(), nullptr) << "type " << v.type();
      EXPECT_EQ(v.nparams(), v.info()->params.size()) << v.info()->name << " type " << v.type();
      names.insert(v.info()->name);
      ++n_events;
      if (v.tid() == static_cast<uint64_t>(child) && v.type() == PPME_PROCEXIT_1_E) child_exited = true;
    });
  }
  EXPECT_TRUE(child_exited);
  ASSERT_TRUE(p->set_syscalls({}, false, &err)) << err;
  p->poll(50, [](const uint8_t*, size_t) {});
  std::filesystem::remove_all(dir);
  EXPECT_GT(n_events, 100u);
  for (const char* want : {"execve", "clone", "openat", "mkdir", "rename", "fchmodat", "symlink",
                           "unlinkat", "rmdir", "close", "procexit", "syscall", "eventfd2",
                           "timerfd_create", "inotify_init1", "epoll_create1", "socketpair",
                           "sendto", "recvfrom", "sendmsg", "recvmsg", "prctl", "mknodat", "close_range"}) {
    bool seen = names.count(want) > 0;
    // coreutils may pick the *at variants
    if (!seen && std::string(want) == "mkdir") seen = names.count("mkdirat") > 0;
    if (!seen && std::string(want) == "rename") seen = names.count("renameat2") || names.count("renameat");
    if (!seen && std::string(want) == "symlink") seen = names.count("symlinkat") > 0;
    if (!seen && std::string(want) == "rmdir") seen = names.count("unlinkat") > 0;
    if (!seen && std::string(want) == "clone") seen = names.count("clone3") || names.count("fork");
    if (!seen && std::string(want) == "fchmodat") seen = names.count("chmod") > 0;
    EXPECT_TRUE(seen) << want;
  }
}

// Unselected syscalls produce nothing; reprogramming the selection takes effect at once.
TEST(BpfProbe, SelectionIsReprogrammable) {
  Probe* p = probe();
  ASSERT_NE(p, nullptr);
  std::string err;
  auto run_child = [] {
    const pid_t c = fork();
    if (c == 0) {
      for (int i = 0; i < 50; ++i) {
        (void)getppid();
        const int fd = open("/etc/hostname", O_RDONLY | O_CLOEXEC);
        if (fd >= 0) close(fd);
      }
      _exit(0);
    }
    int status = 0;
    waitpid(c, &status, 0);
    return c;
  };
  ASSERT_TRUE(p->set_syscalls({nr("getppid")}, false, &err)) << err;
  pid_t c = run_child();
  Captured a;
  drain(p, static_cast<uint64_t>(c), &a);
  size_t generic = 0, other = 0;
  for (const EventView& v : a.views()) {
    if (v.type() == PPME_GENERIC_X) {
      uint64_t native = 0;
      ASSERT_TRUE(v.param_u64(1, native));
      EXPECT_EQ(native, nr("getppid"));
      uint64_t id = 0;
      ASSERT_TRUE(v.param_u64(0, id));
      EXPECT_EQ(id, ppm_sc_of_native(nr("getppid")));
      ++generic;
    } else if (v.type() != PPME_PROCEXIT_1_E) {
      ++other;
    }
  }
  EXPECT_EQ(generic, 50u);
  EXPECT_EQ(other, 0u);

  ASSERT_TRUE(p->set_syscalls({nr("close")}, false, &err)) << err;
  c = run_child();
  Captured b;
  drain(p, static_cast<uint64_t>(c), &b);
  size_t closes = 0;
  for (const EventView& v : b.views()) {
    EXPECT_TRUE(v.type() == PPME_SYSCALL_CLOSE_X || v.type() == PPME_PROCEXIT_1_E) << v.type();
    closes += v.type() == PPME_SYSCALL_CLOSE_X;
  }
  EXPECT_GE(closes, 50u);
}

// A ring nobody reads fills up: further events are counted as drops_full, not lost silently,
// and what was written is still delivered afterwards.
TEST(BpfProbe, FullRingCountsDrops) {
  Probe* p = probe();
  ASSERT_NE(p, nullptr);
  std::string err;
  p->poll(0, [](const uint8_t*, size_t) {});
  ASSERT_TRUE(p->set_syscalls({nr("close")}, false, &err)) << err;
  const auto before = p->stats();
  // close(-1) events are ~60 bytes: 600k of them overflow the 16 MiB ring.
  constexpr long kCalls = 600000;
  const pid_t c = fork();
  if (c == 0) {
    for (long i = 0; i < kCalls; ++i) close(-1);
    _exit(0);
  }
  int status = 0;
  ASSERT_EQ(waitpid(c, &status, 0), c);
  const auto full = p->stats();
  ASSERT_TRUE(p->set_syscalls({}, false, &err)) << err;
  size_t delivered = 0;
  while (p->poll(10, [&](const uint8_t* d, size_t len) {
    EventView v;
    if (EventView::parse({d, len}, v).ok() && v.tid() == static_cast<uint64_t>(c) &&
        v.type() == PPME_SYSCALL_CLOSE_X)
      ++delivered;
  }) > 0) {
  }
  const uint64_t drops = full.drops_full - before.drops_full;
  EXPECT_GT(drops, 0u);
  EXPECT_GT(delivered, 100000u);
  // Every close of the child was either delivered or counted (other processes' closes only add
  // to the drop count).
  EXPECT_GE(delivered + drops, static_cast<uint64_t>(kCalls));
}

TEST(BpfProbe, ConnectCarriesTheLoopbackTuple) {
  Probe* p = probe();
  ASSERT_NE(p, nullptr);
  const int ls = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  ASSERT_GE(ls, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(ls, reinterpret_cast<sockaddr*>(&a), sizeof(a)), 0);
  ASSERT_EQ(listen(ls, 4), 0);
  socklen_t al = sizeof(a);
  ASSERT_EQ(getsockname(ls, reinterpret_cast<sockaddr*>(&a), &al), 0);
  const uint16_t port = ntohs(a.sin_port);
  std::string err;
  ASSERT_TRUE(p->set_syscalls({nr("socket"), nr("connect")}, false, &err)) << err;
  const pid_t c = fork();
  if (c == 0) {
    const int s = socket(AF_INET, SOCK_STREAM, 0);
    _exit(connect(s, reinterpret_cast<sockaddr*>(&a), sizeof(a)) == 0 ? 0 : 1);
  }
  int status = 0;
  ASSERT_EQ(waitpid(c, &status, 0), c);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  close(ls);
  Captured cap;
  drain(p, static_cast<uint64_t>(c), &cap);
  bool sock = false, conn = false;
  const std::string remote = "->127.0.0.1:" + std::to_string(port);
  for (const EventView& v : cap.views()) {
    if (v.type() == PPME_SOCKET_SOCKET_X) {
      EXPECT_NE(args_of(v).find("domain=2(AF_INET)"), std::string::npos) << args_of(v);
      sock = true;
    }
    if (v.type() == PPME_SOCKET_CONNECT_X) {
      const std::string s = args_of(v);
      EXPECT_NE(s.find("tuple=127.0.0.1:"), std::string::npos) << s;
      EXPECT_NE(s.find(remote), std::string::npos) << s;
      conn = true;
    }
  }
  EXPECT_TRUE(sock);
  EXPECT_TRUE(conn);
}

}  // namespace
