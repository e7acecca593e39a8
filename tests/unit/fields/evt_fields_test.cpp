// evt.* fields over hand-made events (no state engine involved).
// The file replaces global operator new to count allocations (malloc/free underneath).
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#include <gtest/gtest.h>

#include <new>

#include <cstdlib>
#include <ctime>

#include "engine/events/event_types.h"
#include "engine/events/ppm_flags.h"
#include "engine/fields/registry.h"
#include "engine/fields/render_field.h"
#include "tests/unit/fields/event_builder.h"

namespace saker::fields {
namespace {

using namespace testing;
using namespace events;

constexpr uint64_t kTs = 1700000000123456789ull;  // 2023-11-14 22:13:20.123456789 UTC

class EvtFields : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    setenv("TZ", "UTC", 1);
    tzset();
  }

  // Renders `field` as sysdig's -p would for `ev`.
  std::string render(std::string_view field, const Event& ev, const Event* enter = nullptr) {
    std::unique_ptr<BoundField> b;
    Status st = FieldRegistry::builtin().bind_text(field, b);
    EXPECT_TRUE(st.ok()) << field << ": " << st.message();
    if (!st.ok()) return "<bind error>";
    EvalContext ctx;
    ctx.evt = &ev.view;
    ctx.enter = enter ? &enter->view : nullptr;
    ctx.evt_num = 42;
    ctx.first_ts = kTs - 2500000000ull;
    ctx.cpu = 3;
    std::string out;
    render_field(*b, ctx, out);
    return out;
  }

  FieldValue extract(std::string_view field, const Event& ev) {
    std::unique_ptr<BoundField> b;
    EXPECT_TRUE(FieldRegistry::builtin().bind_text(field, b).ok()) << field;
    EvalContext ctx;
    ctx.evt = &ev.view;
    FieldValue v;
    b->extract(ctx, v);
    return v;
  }
};

Event open_exit(int64_t fd, std::string_view name, uint32_t flags, uint32_t mode = 0) {
  return Event(PPME_SYSCALL_OPEN_X, kTs, 1234,
               {i64(fd), str(name), u32(flags), u32(mode), u32(0), u64(0)});
}

TEST_F(EvtFields, TypeDirectionNumbersAndTimes) {
  Event ev = open_exit(3, "/etc/passwd", PPM_O_RDONLY);
  EXPECT_EQ(render("evt.type", ev), "open");
  EXPECT_EQ(render("syscall.type", ev), "open");
  EXPECT_EQ(render("evt.dir", ev), "<");
  EXPECT_EQ(render("evt.num", ev), "42");
  EXPECT_EQ(render("evt.cpu", ev), "3");
  EXPECT_EQ(render("evt.category", ev), "file");
  EXPECT_EQ(render("evt.rawtime", ev), "1700000000123456789");
  EXPECT_EQ(render("evt.rawtime.s", ev), "1700000000");
  EXPECT_EQ(render("evt.rawtime.ns", ev), "123456789");
  EXPECT_EQ(render("evt.reltime", ev), "2500000000");
  EXPECT_EQ(render("evt.reltime.s", ev), "2");
  EXPECT_EQ(render("evt.reltime.ns", ev), "500000000");
  EXPECT_EQ(render("evt.deltatime", ev), "0");  // first event this field sees
  EXPECT_EQ(render("evt.time", ev), "22:13:20.123456789");
  EXPECT_EQ(render("evt.time.s", ev), "22:13:20");
  EXPECT_EQ(render("evt.datetime", ev), "2023-11-14 22:13:20.123456789");
  EXPECT_EQ(render("evt.datetime.s", ev), "2023-11-14 22:13:20");
  EXPECT_EQ(render("evt.time.iso8601", ev), "2023-11-14T22:13:20.123456789+0000");
  EXPECT_EQ(render("evt.source", ev), "syscall");
  EXPECT_EQ(render("evt.hostname", ev), "<NA>");
  EXPECT_EQ(render("evt.count", ev), "1");
  EXPECT_EQ(render("evt.count.exit", ev), "1");
}

TEST_F(EvtFields, TypeIs) {
  Event open = open_exit(3, "/etc/passwd", PPM_O_RDONLY);
  Event close(PPME_SYSCALL_CLOSE_E, kTs, 1234, {i64(3)});
  EXPECT_EQ(extract("evt.type.is.open", open).u, 1u);
  EXPECT_EQ(extract("evt.type.is.open", close).u, 0u);
  EXPECT_EQ(extract("evt.type.is.3", open).u, 1u);
}

TEST_F(EvtFields, ResultOfSuccessfulOpen) {
  Event ev = open_exit(3, "/etc/passwd", PPM_O_RDONLY);
  EXPECT_EQ(render("evt.res", ev), "SUCCESS");
  EXPECT_EQ(render("evt.rawres", ev), "3");
  EXPECT_EQ(render("evt.failed", ev), "false");
  EXPECT_EQ(render("evt.count.error", ev), "<NA>");
  EXPECT_EQ(render("evt.is_open_read", ev), "true");
  EXPECT_EQ(render("evt.is_open_write", ev), "false");
  EXPECT_EQ(render("evt.is_open_exec", ev), "false");
}

TEST_F(EvtFields, ResultOfFailedOpen) {
  Event ev = open_exit(-2, "/nonexistent", PPM_O_RDONLY);
  EXPECT_EQ(render("evt.res", ev), "ENOENT");
  EXPECT_EQ(render("evt.rawres", ev), "-2");
  EXPECT_EQ(render("evt.failed", ev), "true");
  EXPECT_EQ(render("evt.count.error", ev), "1");
  FieldValue v = extract("evt.rawres", ev);
  EXPECT_EQ(v.kind, FieldValue::Kind::Int);
  EXPECT_EQ(v.i, -2);
}

TEST_F(EvtFields, OpenFlagsOfOpenat) {
  Event w(PPME_SYSCALL_OPENAT_2_X, kTs, 1234,
          {i64(4), i64(PPM_AT_FDCWD), str("out.sh"), u32(PPM_O_WRONLY | PPM_O_CREAT), u32(0755),
           u32(0), u64(0)});
  EXPECT_EQ(render("evt.is_open_read", w), "false");
  EXPECT_EQ(render("evt.is_open_write", w), "true");
  EXPECT_EQ(render("evt.is_open_exec", w), "true");
  Event rw(PPME_SYSCALL_OPENAT_2_X, kTs, 1234,
           {i64(4), i64(PPM_AT_FDCWD), str("data"), u32(PPM_O_RDWR), u32(0), u32(0), u64(0)});
  EXPECT_EQ(render("evt.is_open_read", rw), "true");
  EXPECT_EQ(render("evt.is_open_write", rw), "true");
  EXPECT_EQ(render("evt.is_open_exec", rw), "false");
  Event created(PPME_SYSCALL_OPENAT_2_X, kTs, 1234,
                {i64(4), i64(PPM_AT_FDCWD), str("new"), u32(PPM_O_WRONLY | PPM_O_F_CREATED),
                 u32(0644), u32(0), u64(0)});
  EXPECT_EQ(render("evt.is_open_create", created), "true");
  EXPECT_EQ(render("evt.is_open_exec", created), "false");
}

TEST_F(EvtFields, EnterEventsHaveNoResult) {
  Event ev(PPME_SYSCALL_CLOSE_E, kTs, 1234, {i64(3)});
  EXPECT_EQ(render("evt.dir", ev), ">");
  EXPECT_EQ(render("evt.res", ev), "<NA>");
  EXPECT_EQ(render("evt.rawres", ev), "<NA>");
  EXPECT_EQ(render("evt.failed", ev), "false");
  EXPECT_EQ(render("evt.count.exit", ev), "<NA>");
  EXPECT_EQ(render("evt.is_open_read", ev), "false");
}

TEST_F(EvtFields, ArgumentsByNameAndIndex) {
  Event ev = open_exit(3, "/etc/passwd", PPM_O_RDONLY);
  EXPECT_EQ(render("evt.arg.name", ev), "/etc/passwd");
  EXPECT_EQ(render("evt.arg[1]", ev), "/etc/passwd");
  EXPECT_EQ(render("evt.arg.flags", ev), "O_RDONLY");
  EXPECT_EQ(render("evt.arg[9]", ev), "<NA>");
  EXPECT_EQ(render("evt.arg.path", ev), "<NA>");  // open has no "path" param
  EXPECT_EQ(render("evt.rawarg.fd", ev), "3");
  EXPECT_EQ(render("evt.rawarg.flags", ev), "1");
  FieldValue v = extract("evt.rawarg.name", ev);
  EXPECT_EQ(v.kind, FieldValue::Kind::String);
  EXPECT_EQ(v.str, "/etc/passwd");
  const std::string args = render("evt.args", ev);
  EXPECT_EQ(args.rfind("fd=3 name=/etc/passwd flags=1(O_RDONLY) ", 0), 0u) << args;
}

TEST_F(EvtFields, IoFlags) {
  Event ev(PPME_SYSCALL_READ_X, kTs, 1234, {i64(5), str("hello")});
  EXPECT_EQ(render("evt.is_io", ev), "true");
  EXPECT_EQ(render("evt.is_io_read", ev), "true");
  EXPECT_EQ(render("evt.is_io_write", ev), "false");
  EXPECT_EQ(render("evt.io_dir", ev), "read");
  FieldValue v = extract("evt.buffer", ev);
  EXPECT_EQ(v.str, std::string_view("hello\0", 6));
  // Without the fd in state, sysdig has no buffer length and an unknown I/O subcategory.
  EXPECT_EQ(render("evt.buflen", ev), "<NA>");
  EXPECT_EQ(render("evt.category", ev), "unknown");
}

TEST_F(EvtFields, Latency) {
  Event enter(PPME_SYSCALL_CLOSE_E, kTs - 5000, 1234, {i64(3)});
  Event exit(PPME_SYSCALL_CLOSE_X, kTs, 1234, {i64(0), i64(3)});
  EXPECT_EQ(render("evt.latency", exit, &enter), "5000");
  EXPECT_EQ(render("evt.latency", enter), "0");
}

// ---- no allocation per event ------------------------------------------------------------------

thread_local bool g_counting = false;
thread_local size_t g_allocs = 0;

}  // namespace
}  // namespace saker::fields

void* operator new(size_t n) {
  if (saker::fields::g_counting) ++saker::fields::g_allocs;
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
// Every form the library may pair with the deletes below (std::get_temporary_buffer uses the
// nothrow new): all must come from malloc, or a sanitizer sees a new/free mismatch.
void* operator new(size_t n, const std::nothrow_t&) noexcept {
  if (saker::fields::g_counting) ++saker::fields::g_allocs;
  return std::malloc(n ? n : 1);
}
void* operator new[](size_t n) { return operator new(n); }
void* operator new[](size_t n, const std::nothrow_t& t) noexcept { return operator new(n, t); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete[](void* p, size_t) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

namespace saker::fields {
namespace {

TEST_F(EvtFields, ExtractAllocatesNothingOnceWarm) {
  Event a = open_exit(3, "/etc/passwd", PPM_O_RDONLY);
  Event b = open_exit(-2, "/nonexistent/file", PPM_O_WRONLY);
  std::vector<std::unique_ptr<BoundField>> fields;
  for (const char* f : {"evt.type", "evt.res", "evt.rawres", "evt.arg.name", "evt.args", "evt.time",
                        "evt.is_open_write", "evt.rawarg.fd", "evt.category"}) {
    ASSERT_TRUE(FieldRegistry::builtin().bind_text(f, fields.emplace_back()).ok()) << f;
  }
  EvalContext ca, cb;
  ca.evt = &a.view;
  cb.evt = &b.view;
  FieldValue v;
  for (int warm = 0; warm < 2; ++warm) {
    for (auto& f : fields) {
      f->extract(ca, v);
      f->extract(cb, v);
    }
  }
  g_allocs = 0;
  g_counting = true;
  for (int i = 0; i < 100; ++i) {
    for (auto& f : fields) {
      f->extract(ca, v);
      f->extract(cb, v);
    }
  }
  g_counting = false;
  EXPECT_EQ(g_allocs, 0u);
}

}  // namespace
}  // namespace saker::fields
