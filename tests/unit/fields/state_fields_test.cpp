// proc/thread/fd/user/group/container/fs.path/fdlist fields over a tiny synthetic stream fed to
// the state engine: three seeded processes (systemd <- bash <- cat) and a few events of cat.
#include <gtest/gtest.h>

#include "engine/events/event_types.h"
#include "engine/events/ppm_flags.h"
#include "engine/fields/registry.h"
#include "engine/fields/render_field.h"
#include "engine/fields/state_resolver.h"
#include "engine/state/state.h"
#include "tests/unit/fields/event_builder.h"

namespace saker::fields {
namespace {

using namespace testing;
using namespace events;

constexpr uint64_t kTs = 1700000000000000000ull;

std::string nul_join(std::initializer_list<std::string_view> parts) {
  std::string s;
  for (std::string_view p : parts) {
    s += p;
    s += '\0';
  }
  return s;
}

scap::ProcessInfo proc(uint64_t tid, uint64_t ptid, std::string comm, std::string exepath,
                       std::string args, int64_t sid, int64_t vpgid) {
  scap::ProcessInfo p;
  p.tid = p.pid = tid;
  p.ptid = ptid;
  p.comm = comm;
  p.exe = comm;
  p.exepath = std::move(exepath);
  p.args = std::move(args);
  p.cwd = "/root/";
  p.sid = sid;
  p.vpgid = vpgid;
  p.pgid = vpgid;
  p.vtid = p.vpid = static_cast<int64_t>(tid);
  p.tty = 34817;
  p.fdlimit = 1024;
  p.cap_effective = (1ull << 0) | (1ull << 21);  // CAP_CHOWN, CAP_SYS_ADMIN
  return p;
}

class StateFields : public ::testing::Test {
 protected:
  void SetUp() override {
    state_.seed_process(proc(1, 0, "systemd", "/usr/lib/systemd/systemd", "", 1, 1));
    state_.seed_process(proc(100, 1, "bash", "/usr/bin/bash", nul_join({"-i"}), 100, 100));
    auto cat = proc(200, 100, "cat", "/usr/bin/cat", nul_join({"/etc/passwd", "-n"}), 100, 200);
    state_.seed_process(cat);
    state_.users().add_user({0, 0, "root", "/root", "/bin/bash"});
    state_.users().add_group({0, "root"});
  }

  // Feeds the event to the state engine, then renders `field` for it.
  std::string render(std::string_view field, const Event& ev) {
    std::unique_ptr<BoundField> b;
    Status st = FieldRegistry::builtin().bind_text(field, b);
    EXPECT_TRUE(st.ok()) << field << ": " << st.message();
    if (!st.ok()) return "<bind error>";
    EvalContext ctx;
    ctx.evt = &ev.view;
    ctx.resolver = &resolver_;
    fill_state(ctx, state_);
    std::string out;
    render_field(*b, ctx, out);
    return out;
  }

  FieldValue extract(std::unique_ptr<BoundField>& b, std::string_view field, const Event& ev) {
    EXPECT_TRUE(FieldRegistry::builtin().bind_text(field, b).ok()) << field;
    EvalContext ctx;
    ctx.evt = &ev.view;
    fill_state(ctx, state_);
    FieldValue v;
    b->extract(ctx, v);
    return v;
  }

  void feed(const Event& ev) { state_.update(ev.view); }

  state::State state_;
  StateRenderResolver resolver_{state_};
};

TEST_F(StateFields, ProcessAndAncestors) {
  Event ev(PPME_SYSCALL_OPEN_X, kTs, 200,
           {i64(3), str("/etc/passwd"), u32(PPM_O_RDONLY), u32(0), u32(0), u64(0)});
  feed(ev);
  EXPECT_EQ(render("proc.name", ev), "cat");
  EXPECT_EQ(render("proc.pname", ev), "bash");
  EXPECT_EQ(render("proc.aname[0]", ev), "cat");
  EXPECT_EQ(render("proc.aname[1]", ev), "bash");
  EXPECT_EQ(render("proc.aname[2]", ev), "systemd");
  EXPECT_EQ(render("proc.aname[3]", ev), "<NA>");
  EXPECT_EQ(render("proc.aname", ev), "bash systemd");
  EXPECT_EQ(render("proc.apid[2]", ev), "1");
  EXPECT_EQ(render("proc.aexepath[2]", ev), "/usr/lib/systemd/systemd");
  EXPECT_EQ(render("proc.exepath", ev), "/usr/bin/cat");
  EXPECT_EQ(render("proc.pexepath", ev), "/usr/bin/bash");
  EXPECT_EQ(render("proc.args", ev), "/etc/passwd -n");
  EXPECT_EQ(render("proc.args[1]", ev), "-n");
  EXPECT_EQ(render("proc.cmdline", ev), "cat /etc/passwd -n");
  EXPECT_EQ(render("proc.pcmdline", ev), "bash -i");
  EXPECT_EQ(render("proc.exeline", ev), "cat /etc/passwd -n");
  EXPECT_EQ(render("proc.cmdnargs", ev), "2");
  EXPECT_EQ(render("proc.cmdlenargs", ev), "13");
  EXPECT_EQ(render("proc.cwd", ev), "/root/");
  EXPECT_EQ(render("proc.pid", ev), "200");
  EXPECT_EQ(render("proc.ppid", ev), "100");
  EXPECT_EQ(render("proc.vpid", ev), "200");
  EXPECT_EQ(render("proc.tty", ev), "34817");
  EXPECT_EQ(render("proc.sid", ev), "100");
  EXPECT_EQ(render("proc.sname", ev), "bash");
  EXPECT_EQ(render("proc.vpgid.name", ev), "cat");
  EXPECT_EQ(render("proc.is_vpgid_leader", ev), "true");
  EXPECT_EQ(render("proc.is_sid_leader", ev), "false");
  EXPECT_EQ(render("proc.loginshellid", ev), "100");
  EXPECT_EQ(render("thread.tid", ev), "200");
  EXPECT_EQ(render("thread.ismain", ev), "true");
  EXPECT_EQ(render("thread.cap_effective", ev), "CAP_CHOWN CAP_SYS_ADMIN");
  EXPECT_EQ(render("user.name", ev), "root");
  EXPECT_EQ(render("user.uid", ev), "0");
  EXPECT_EQ(render("user.loginuid", ev), "-1");
  EXPECT_EQ(render("group.name", ev), "root");
  EXPECT_EQ(render("container.id", ev), "host");
  EXPECT_EQ(render("container.name", ev), "host");
  EXPECT_EQ(render("k8s.pod.name", ev), "<NA>");

  // Without an index, ancestor fields are lists for the filter.
  std::unique_ptr<BoundField> b;
  FieldValue v = extract(b, "proc.aname", ev);
  ASSERT_EQ(v.kind, FieldValue::Kind::List);
  ASSERT_EQ(v.items.size(), 2u);
  EXPECT_EQ(v.items[0].str, "bash");
  EXPECT_EQ(v.items[1].str, "systemd");
}

TEST_F(StateFields, OpenedFile) {
  Event ev(PPME_SYSCALL_OPEN_X, kTs, 200,
           {i64(3), str("/etc/passwd"), u32(PPM_O_RDONLY), u32(0), u32(0), u64(0)});
  feed(ev);
  EXPECT_EQ(render("fd.num", ev), "3");
  EXPECT_EQ(render("fd.name", ev), "/etc/passwd");
  EXPECT_EQ(render("fd.type", ev), "file");
  EXPECT_EQ(render("fd.typechar", ev), "f");
  EXPECT_EQ(render("fd.directory", ev), "/etc");
  EXPECT_EQ(render("fd.filename", ev), "passwd");
  EXPECT_EQ(render("fd.l4proto", ev), "<NA>");
  EXPECT_EQ(render("fd.cip", ev), "<NA>");
  EXPECT_EQ(render("fd.sockfamily", ev), "<NA>");
  EXPECT_EQ(render("fs.path.name", ev), "/etc/passwd");
  EXPECT_EQ(render("fs.path.nameraw", ev), "/etc/passwd");
  EXPECT_EQ(render("evt.is_open_read", ev), "true");
  EXPECT_EQ(render("evt.category", ev), "file");

  // A later read of that fd sees it through the thread's last fd.
  Event rd(PPME_SYSCALL_READ_E, kTs + 10, 200, {i64(3), u32(100)});
  feed(rd);
  EXPECT_EQ(render("fd.name", rd), "/etc/passwd");
  EXPECT_EQ(render("fd.types", rd), "(file)");
  EXPECT_EQ(render("fd.types[3]", rd), "(file)");
  EXPECT_EQ(render("fd.types[9]", rd), "<NA>");
}

TEST_F(StateFields, FailedOpenTakesTheNameFromTheEvent) {
  Event ev(PPME_SYSCALL_OPEN_X, kTs, 200,
           {i64(-2), str("/nope/x"), u32(PPM_O_RDONLY), u32(0), u32(0), u64(0)});
  feed(ev);
  EXPECT_EQ(render("fd.name", ev), "/nope/x");
  EXPECT_EQ(render("fd.directory", ev), "/nope");
  EXPECT_EQ(render("fd.typechar", ev), "f");
  EXPECT_EQ(render("fd.filename", ev), "<NA>");
  // Falco judges open's success for fs.path by fd != -1, so -ENOENT (-2) still counts.
  EXPECT_EQ(render("fs.path.name", ev), "/nope/x");
  EXPECT_EQ(render("evt.res", ev), "ENOENT");
}

TEST_F(StateFields, RelativeOpenatResolvesAgainstCwd) {
  Event ev(PPME_SYSCALL_OPENAT_2_X, kTs, 200,
           {i64(4), i64(PPM_AT_FDCWD), str("notes/../todo.txt"), u32(PPM_O_WRONLY | PPM_O_CREAT),
            u32(0644), u32(0), u64(0)});
  feed(ev);
  EXPECT_EQ(render("fd.name", ev), "/root/todo.txt");
  EXPECT_EQ(render("fs.path.nameraw", ev), "notes/../todo.txt");
  EXPECT_EQ(render("evt.is_open_write", ev), "true");
}

TEST_F(StateFields, AbsolutePathOfAtSyscalls) {
  Event ev(PPME_SYSCALL_MKDIRAT_X, kTs, 200,
           {i64(0), i64(PPM_AT_FDCWD), str("tmp/./new"), u32(0755)});
  feed(ev);
  EXPECT_EQ(render("evt.abspath", ev), "/root/tmp/new");
  EXPECT_EQ(render("fs.path.name", ev), "/root/tmp/new");
  EXPECT_EQ(render("fs.path.nameraw", ev), "tmp/./new");
  std::unique_ptr<BoundField> b;
  EXPECT_TRUE(FieldRegistry::builtin().bind_text("evt.abspath.dst", b).ok());
  EXPECT_FALSE(FieldRegistry::builtin().bind_text("evt.abspath.up", b).ok());
}

TEST_F(StateFields, UnknownThreadGivesNA) {
  Event ev(PPME_SYSCALL_OPEN_X, kTs, 999,
           {i64(3), str("/etc/hosts"), u32(PPM_O_RDONLY), u32(0), u32(0), u64(0)});
  EvalContext ctx;
  ctx.evt = &ev.view;
  // Not fed to the state: thread 999 is unknown.
  fill_state(ctx, state_);
  for (const char* f : {"proc.name", "proc.aname[2]", "user.name", "fd.name"}) {
    std::unique_ptr<BoundField> b;
    ASSERT_TRUE(FieldRegistry::builtin().bind_text(f, b).ok());
    std::string out;
    EXPECT_FALSE(render_field(*b, ctx, out)) << f;
    EXPECT_EQ(out, "<NA>") << f;
  }
}

}  // namespace
}  // namespace saker::fields
