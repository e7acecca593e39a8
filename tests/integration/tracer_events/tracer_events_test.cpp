// The tracer's events on real processes. Each run is checked against what strace -f records for
// the same command, rendered the way sysdig renders (evt.args), fed to the state engine (proc
// names, parents, fd names), streamed through the engine's ring (TracerServer), and read back by
// Debian's sysdig from a .scap written with -w.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "engine/events/event.h"
#include "engine/events/event_types.h"
#include "engine/events/flag_names.h"
#include "engine/events/render.h"
#include "engine/events/scap_reader.h"
#include "engine/events/syscall_map.h"
#include "engine/sources/tracer_server.h"
#include "engine/state/state.h"
#include "tests/integration/tracer/process_runner.h"

namespace {

using saker::events::EventView;
using namespace saker::events;
using saker::tracer::testing::Process;
using saker::tracer::testing::run;

const std::string kTrace = std::string(SAKER_BIN_DIR) + "/saker-trace";
const std::string kProgs = SAKER_EVENTS_PROGS_DIR;

std::string tmp_path(const std::string& name) {
  return "/tmp/saker_tracer_events_" + std::to_string(getpid()) + "_" + name;
}

// Events of a capture, copied out of the reader.
struct Capture {
  std::vector<std::vector<uint8_t>> raw;
  std::vector<EventView> ev;
  void add(std::span<const uint8_t> b) { raw.emplace_back(b.begin(), b.end()); }
  void finalize() {
    ev.resize(raw.size());
    for (size_t i = 0; i < raw.size(); ++i) ASSERT_TRUE(EventView::parse(raw[i], ev[i]).ok());
  }
};

Capture read_scap(const std::string& path) {
  Capture c;
  saker::scap::ScapReader r;
  EXPECT_TRUE(r.open(path).ok());
  saker::scap::ScapReader::Item item;
  while (r.next(item)) {
    if (item.kind == saker::scap::ScapReader::ItemKind::kEvent) c.add(item.event.bytes());
  }
  EXPECT_TRUE(r.status().ok()) << r.status().message();
  c.finalize();
  return c;
}

std::string arg(const EventView& e, const char* name) {
  RenderOptions o;
  o.sysdig029_params = false;
  const int32_t i = param_index(e, name, o);
  if (i < 0) return "<absent>";
  std::string out;
  render_arg(e, static_cast<uint32_t>(i), nullptr, out, o);
  return out;
}

int64_t ival(const EventView& e, uint32_t i) {
  int64_t v = 0;
  e.param_i64(i, v);
  return v;
}

// strace -f -qq -e trace=openat,execve: "PID openat(AT_FDCWD, "path", FLAGS) = RET"
struct StraceOpen {
  std::string path, flags;
  int64_t ret;
  std::string err;  // errno name when ret < 0
};
std::vector<StraceOpen> strace_opens(const std::vector<std::string>& cmd) {
  const std::string out = tmp_path("strace.txt");
  std::vector<std::string> argv = {"strace", "-f", "-qq", "-e", "trace=openat", "-o", out};
  argv.insert(argv.end(), cmd.begin(), cmd.end());
  run(argv);
  std::ifstream in(out);
  std::vector<StraceOpen> v;
  std::regex re(R"re(openat\(AT_FDCWD, "([^"]*)", ([A-Z_|]+)(, \d+)?\) = (-?\d+) ?([A-Z]*))re");
  std::string line;
  while (std::getline(in, line)) {
    std::smatch m;
    if (std::regex_search(line, m, re)) v.push_back({m[1], m[2], std::stoll(m[4]), m[5]});
  }
  std::remove(out.c_str());
  return v;
}

TEST(TracerEvents, CatPasswdMatchesStraceAndState) {
  const std::string scap = tmp_path("cat.scap");
  auto r = run({kTrace, "-w", scap, "--", "cat", "/etc/passwd"});
  auto native = run({"cat", "/etc/passwd"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, native.out);
  Capture c = read_scap(scap);
  ASSERT_FALSE(c.ev.empty());

  // execve exit of cat: exe, args, comm, filename.
  const EventView* exec = nullptr;
  for (auto& e : c.ev) {
    if (e.type() == PPME_SYSCALL_EXECVE_19_X && ival(e, 0) == 0) exec = &e;
  }
  ASSERT_NE(exec, nullptr);
  EXPECT_EQ(arg(*exec, "exe"), "cat");
  EXPECT_EQ(arg(*exec, "comm"), "cat");
  EXPECT_EQ(arg(*exec, "args"), "/etc/passwd.");
  EXPECT_EQ(arg(*exec, "filename"), "/usr/bin/cat");
  EXPECT_NE(arg(*exec, "trusted_exepath").find("cat"), std::string::npos);

  // The openat exits equal strace's (path, flags, result), in order.
  std::vector<StraceOpen> ours;
  for (auto& e : c.ev) {
    if (e.type() != PPME_SYSCALL_OPENAT_2_X) continue;
    std::string flags = arg(e, "flags");
    ours.push_back({arg(e, "name"), flags, ival(e, 0),
                    std::string(errno_name(ival(e, 0)))});
  }
  auto theirs = strace_opens({"cat", "/etc/passwd"});
  ASSERT_EQ(ours.size(), theirs.size());
  for (size_t i = 0; i < ours.size(); ++i) {
    EXPECT_EQ(ours[i].path, theirs[i].path) << i;
    EXPECT_EQ(ours[i].flags, theirs[i].flags) << i;
    EXPECT_EQ(ours[i].ret >= 0, theirs[i].ret >= 0) << ours[i].path;
    if (ours[i].ret < 0) {
      EXPECT_EQ(ours[i].err, theirs[i].err) << ours[i].path;
    }
  }

  // The state engine: after the /etc/passwd open, proc.name is cat and the fd is named.
  saker::state::State st;
  bool checked = false;
  for (auto& e : c.ev) {
    st.update(e);
    if (e.type() == PPME_SYSCALL_OPENAT_2_X && arg(e, "name") == "/etc/passwd" && !checked) {
      const auto* t = st.thread(static_cast<int64_t>(e.tid()));
      ASSERT_NE(t, nullptr);
      EXPECT_EQ(t->comm, "cat");
      const auto* f = st.lookup_fd(static_cast<int64_t>(e.tid()), ival(e, 0));
      ASSERT_NE(f, nullptr);
      EXPECT_EQ(f->name, "/etc/passwd");
      checked = true;
    }
  }
  EXPECT_TRUE(checked);
  // The process ended: a procexit with status 0.
  bool exited = false;
  for (auto& e : c.ev) exited |= e.type() == PPME_PROCEXIT_1_E && e.tid() == exec->tid();
  EXPECT_TRUE(exited);
  std::remove(scap.c_str());
}

TEST(TracerEvents, ShellPipelineParentsAndChildren) {
  const std::string scap = tmp_path("pipe.scap");
  auto r = run({kTrace, "-w", scap, "--", "sh", "-c", "cat /etc/passwd | head -1 >/dev/null"});
  ASSERT_EQ(r.code, 0) << r.err;
  Capture c = read_scap(scap);
  saker::state::State st;
  std::map<std::string, std::string> parent_of;  // comm -> parent comm at its execve
  int pipes = 0;
  for (auto& e : c.ev) {
    st.update(e);
    if (e.type() == PPME_SYSCALL_PIPE2_X || e.type() == PPME_SYSCALL_PIPE_X) ++pipes;
    if (e.type() == PPME_SYSCALL_EXECVE_19_X && ival(e, 0) == 0) {
      const auto* t = st.thread(static_cast<int64_t>(e.tid()));
      ASSERT_NE(t, nullptr);
      const auto* p = st.parent_of(*t);
      parent_of[t->comm] = p != nullptr ? p->comm : "?";
    }
  }
  EXPECT_EQ(parent_of["cat"], "sh");
  EXPECT_EQ(parent_of["head"], "sh");
  EXPECT_GE(pipes, 1);
  std::remove(scap.c_str());
}

TEST(TracerEvents, NetExecCloneThroughTheEngineRing) {
  saker::sources::TracerServerOptions o;
  o.socket_path = tmp_path("engine.sock");
  for (uint32_t nr : state_tracking_syscalls()) o.syscalls.push_back(nr);
  for (const char* n : {"listen", "close", "exit_group"}) o.syscalls.push_back(native_syscall_nr(n));
  saker::sources::TracerServer server;
  ASSERT_TRUE(server.listen(o).ok());
  Process p({kTrace, "--socket", o.socket_path, "--", kProgs + "/net_exec_clone"});
  Capture c;
  for (int idle = 0; idle < 20;) {
    auto b = server.next(100);
    if (b.empty()) {
      if (kill(p.pid(), 0) != 0 || waitpid(p.pid(), nullptr, WNOHANG) == p.pid()) ++idle;
      continue;
    }
    c.add(b);
    idle = 0;
  }
  auto res = p.finish(10000);
  EXPECT_EQ(res.code, 0) << res.err;
  c.finalize();
  ASSERT_FALSE(c.ev.empty());
  const std::string port = res.out.substr(res.out.find("port=") + 5, res.out.find('\n') - 5);

  bool connect_ok = false, accept_ok = false, thread_clone = false, child_clone = false;
  bool exec_true = false, open_passwd = false, listen_ok = false;
  saker::state::State st;
  std::string true_parent;
  for (auto& e : c.ev) {
    st.update(e);
    switch (e.type()) {
      case PPME_SOCKET_CONNECT_X:
        if (ival(e, 0) == 0) {
          const std::string t = arg(e, "tuple");
          connect_ok = t.find("127.0.0.1:") == 0 && t.find("->127.0.0.1:" + port) != std::string::npos;
          EXPECT_TRUE(connect_ok) << t;
          EXPECT_EQ(arg(e, "addr"), "127.0.0.1:" + port);
        }
        break;
      case PPME_SOCKET_ACCEPT_5_X:
        accept_ok = ival(e, 0) >= 0 && arg(e, "tuple").find("->127.0.0.1:" + port) != std::string::npos;
        break;
      case PPME_SOCKET_LISTEN_X:
        listen_ok = ival(e, 0) == 0 && arg(e, "backlog") == "4";
        break;
      case PPME_SYSCALL_CLONE3_X:
      case PPME_SYSCALL_CLONE_20_X:
        if (arg(e, "flags").find("CLONE_THREAD") != std::string::npos && ival(e, 0) > 0) thread_clone = true;
        if (ival(e, 0) == 0 && arg(e, "flags").find("CLONE_THREAD") == std::string::npos) child_clone = true;
        break;
      case PPME_SYSCALL_OPENAT_2_X:
        if (arg(e, "name") == "/etc/passwd" && ival(e, 0) >= 3) {
          open_passwd = arg(e, "flags") == "O_RDONLY|O_CLOEXEC";
          const auto* f = st.lookup_fd(static_cast<int64_t>(e.tid()), ival(e, 0));
          EXPECT_TRUE(f != nullptr && f->name == "/etc/passwd");
        }
        break;
      case PPME_SYSCALL_EXECVE_19_X:
        if (ival(e, 0) == 0 && arg(e, "exe") == "/bin/true") {
          exec_true = arg(e, "args") == "arg1.";
          const auto* t = st.thread(static_cast<int64_t>(e.tid()));
          const auto* par = t != nullptr ? st.parent_of(*t) : nullptr;
          if (par != nullptr) true_parent = par->comm;
        }
        break;
      default:
        break;
    }
  }
  EXPECT_TRUE(open_passwd);
  EXPECT_TRUE(listen_ok);
  EXPECT_TRUE(connect_ok);
  EXPECT_TRUE(accept_ok);
  EXPECT_TRUE(thread_clone);
  EXPECT_TRUE(child_clone);
  EXPECT_TRUE(exec_true);
  EXPECT_EQ(true_parent, "net_exec_clone");
}

TEST(TracerEvents, SysdigReadsOurScap) {
  if (system("command -v sysdig >/dev/null 2>&1") != 0) GTEST_SKIP() << "no sysdig";
  const std::string scap = tmp_path("sysdig.scap");
  auto r = run({kTrace, "-w", scap, "--", "sh", "-c", "cat /etc/passwd >/dev/null"});
  ASSERT_EQ(r.code, 0) << r.err;
  Capture c = read_scap(scap);
  // '*': print every event, <NA> for a missing field (sysdig skips such events otherwise).
  auto sd = run({"sysdig", "-r", scap, "-p", "*%evt.type %evt.dir %evt.arg.name"});
  ASSERT_EQ(sd.code, 0) << sd.err;
  // Ours, rendered the same way, event for event.
  std::ostringstream ours;
  for (auto& e : c.ev) {
    const EventInfo* info = e.info();
    // Event types newer than sysdig 0.29's table (it skips them when reading).
    if (e.type() == PPME_SYSCALL_DUP2_X || e.type() == PPME_SYSCALL_DUP3_X) continue;
    RenderOptions o;
    std::string name = "<NA>";
    const int32_t i = param_index(e, "name", o);
    if (i >= 0) {
      name.clear();
      render_arg(e, static_cast<uint32_t>(i), nullptr, name, o);
    }
    ours << info->name << ' ' << (e.is_enter() ? '>' : '<') << ' ' << name << '\n';
  }
  EXPECT_EQ(sd.out, ours.str());
  std::remove(scap.c_str());
}

}  // namespace
