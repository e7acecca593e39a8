// Reading well-formed .scap bytes: every block kind and version, hand-made, and the fixtures.
#include <gtest/gtest.h>

#include <filesystem>

#include "engine/events/scap_block_parse.h"
#include "engine/events/scap_reader.h"
#include "tests/support/shared_fixtures.h"
#include "tests/unit/events_scap/scap_test_util.h"

namespace saker::scap {
namespace {

using testing::Bytes;
using testing::block;
using testing::cat;
using testing::event;
using testing::event_body;
using testing::event_v1;
using testing::read_all;
using testing::shb;
using Kind = ScapReader::ItemKind;

TEST(ScapReader, SectionMachineInfoAndEvents) {
  auto e1 = event(3, 100, 7, {std::string("\x03\x00\x00\x00\x00\x00\x00\x00", 8), "/etc\0"});
  auto e2 = event(2, 200, 8, {"/tmp/x"});
  auto file = cat({shb(), block(kBlockMI, testing::machine_info_body(4, "host1")),
                   block(kBlockEV_V2, event_body(kBlockEV_V2, 3, 0, e1)),
                   block(kBlockEVF_V2, event_body(kBlockEVF_V2, 1, 0x5, e2))});
  ScapReader r;
  ASSERT_TRUE(r.open_memory(file).ok());
  ScapReader::Item it;
  ASSERT_TRUE(r.next(it));
  EXPECT_EQ(it.kind, Kind::kSectionHeader);
  EXPECT_EQ(it.section.major, 1);
  EXPECT_EQ(it.section.minor, 2);
  ASSERT_TRUE(r.next(it));
  EXPECT_EQ(it.kind, Kind::kMachineInfo);
  EXPECT_EQ(it.machine.num_cpus, 4u);
  EXPECT_EQ(it.machine.hostname, "host1");
  EXPECT_EQ(it.machine.boot_ts_epoch, 1700000000000000000ull);
  ASSERT_TRUE(r.next(it));
  ASSERT_EQ(it.kind, Kind::kEvent);
  EXPECT_EQ(it.cpu, 3);
  EXPECT_EQ(it.flags, 0u);
  EXPECT_EQ(it.event.ts(), 100u);
  EXPECT_EQ(it.event.tid(), 7u);
  EXPECT_EQ(it.event.nparams(), 2u);
  EXPECT_EQ(it.event.param_str(1), "/etc");
  EXPECT_EQ(it.block_type, kBlockEV_V2);
  // Zero copy: the view points into the caller's bytes.
  EXPECT_GE(it.event.bytes().data(), file.data());
  EXPECT_LT(it.event.bytes().data(), file.data() + file.size());
  ASSERT_TRUE(r.next(it));
  EXPECT_EQ(it.cpu, 1);
  EXPECT_EQ(it.flags, 5u);
  EXPECT_EQ(it.event.param_str(0), "/tmp/x");
  EXPECT_FALSE(r.next(it));
  EXPECT_TRUE(r.status().ok()) << r.status().message();
  EXPECT_EQ(r.stats().events, 2u);
  EXPECT_EQ(r.stats().state_blocks, 2u);
}

TEST(ScapReader, LargeBlocksAndInt) {
  auto e = event(5, 1, 2, {"a"});
  auto file = cat({shb(), block(kBlockEV_V2_LARGE, event_body(kBlockEV_V2_LARGE, 0, 0, e)),
                   block(kBlockEVF_V2_LARGE, event_body(kBlockEVF_V2_LARGE, 2, 9, e)),
                   block(kBlockMI_INT, testing::machine_info_body(1, "h"))});
  auto r = read_all(file);
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.events.size(), 2u);
  EXPECT_EQ(r.events[0], e);
  EXPECT_EQ(r.flags[1], 9u);
  EXPECT_EQ(r.kinds.back(), Kind::kMachineInfo);
}

TEST(ScapReader, V1EventsGetNparams) {
  // EV v1 events have no nparams: the reader rebuilds the current layout.
  auto v1 = event_v1(3, 10, 20, {std::string(8, '\1'), "/etc/passwd", std::string(4, '\0')});
  auto v2 = event(3, 10, 20, {std::string(8, '\1'), "/etc/passwd", std::string(4, '\0')});
  auto file = cat({shb(), block(kBlockEV, event_body(kBlockEV, 1, 0, v1)),
                   block(kBlockEVF, event_body(kBlockEVF, 2, 3, v1)),
                   block(kBlockEV_INT, event_body(kBlockEV_INT, 1, 0, v1))});
  auto r = read_all(file);
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.events.size(), 3u);
  for (auto& e : r.events) EXPECT_EQ(e, v2);
  EXPECT_EQ(r.flags[1], 3u);
}

TEST(ScapReader, V1NotificationLengthFix) {
  // Old producers recorded notification events 3 bytes too long.
  auto v1 = event_v1(kTypeNotificationE, 10, 20, {"id", "desc"});
  auto v2 = event(kTypeNotificationE, 10, 20, {"id", "desc"});
  uint32_t len;
  std::memcpy(&len, v1.data() + 16, 4);
  len += 3;
  std::memcpy(v1.data() + 16, &len, 4);
  v1.insert(v1.end(), 3, 0);
  auto r = read_all(cat({shb(), block(kBlockEV, event_body(kBlockEV, 0, 0, v1))}));
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0], v2);
}

TEST(ScapReader, SectionHeaderOptionsAndSecondSection) {
  Bytes b;
  b.put(kShbMagic).put(uint16_t{1}).put(uint16_t{2}).put(~uint64_t{0});
  b.put(uint16_t{1}).put(uint16_t{5}).raw("hello").raw(std::string(3, '\0'));
  b.put(uint16_t{4}).put(uint16_t{4}).raw("app!");
  b.put(uint16_t{0}).put(uint16_t{0});
  auto file = cat({block(kBlockSHB, b.v), shb()});
  ScapReader r;
  ASSERT_TRUE(r.open_memory(file).ok());
  ScapReader::Item it;
  ASSERT_TRUE(r.next(it));
  ASSERT_EQ(it.section.options.size(), 2u);
  EXPECT_EQ(it.section.options[0].code, 1);
  EXPECT_EQ(it.section.options[0].value, "hello");
  EXPECT_EQ(it.section.options[1].value, "app!");
  ASSERT_TRUE(r.next(it));
  EXPECT_EQ(it.kind, Kind::kSectionHeader);
  EXPECT_TRUE(it.section.options.empty());
  EXPECT_FALSE(r.next(it));
  EXPECT_TRUE(r.status().ok());
}

TEST(ScapReader, UnknownBlockIsSkippedWithWarning) {
  auto e = event(3, 1, 2, {});
  auto file = cat({shb(), block(0x7777, {1, 2, 3, 4, 5}),
                   block(kBlockEV_V2, event_body(kBlockEV_V2, 0, 0, e))});
  ScapReader r;
  ASSERT_TRUE(r.open_memory(file).ok());
  ScapReader::Item it;
  ASSERT_TRUE(r.next(it));
  ASSERT_TRUE(r.next(it));
  EXPECT_EQ(it.kind, Kind::kEvent);
  EXPECT_FALSE(r.next(it));
  EXPECT_TRUE(r.status().ok());
  EXPECT_EQ(r.stats().skipped_unknown_blocks, 1u);
  ASSERT_EQ(r.warnings().size(), 1u);
  EXPECT_NE(r.warnings()[0].find("offset 28"), std::string::npos) << r.warnings()[0];
  EXPECT_NE(r.warnings()[0].find("0x7777"), std::string::npos);
}

// ---- process lists ---------------------------------------------------------------------------

// The fields every version has, in the order of version `v`.
Bytes proc_entry(int v, uint64_t tid, bool pre_0_10 = false, bool with_tail = true) {
  Bytes b;
  b.put(tid).put(tid + 1).put(tid + 2);
  if (v >= 6) b.put(int64_t{33});
  if (v >= 8) b.put(int64_t{44});
  b.str16("comm").str16("/bin/exe");
  if (v >= 7) b.str16("/usr/bin/exe");
  b.str16(std::string("a1\0a2\0", 6)).str16("/cwd");
  b.put(uint64_t{1024}).put(uint32_t{0x10}).put(uint32_t{1000}).put(uint32_t{1001});
  if (v >= 2) {
    b.put(uint32_t{11}).put(uint32_t{12}).put(uint32_t{13}).put(uint64_t{14}).put(uint64_t{15});
  }
  if (v >= 3) b.str16(std::string("A=1\0", 4));
  if (v >= 4) b.put(int64_t{5}).put(int64_t{6}).str16(std::string("cpu=/x\0", 7));
  if (v >= 5) b.str16("/root");
  if (v >= 9 && with_tail) {
    if (!pre_0_10) b.put(uint64_t{777}).put(uint32_t{34816});
    b.put(uint32_t{1000}).put(uint8_t{1}).put(uint64_t{1}).put(uint64_t{2}).put(uint64_t{3});
    if (!pre_0_10) {
      b.put(uint8_t{1}).put(uint64_t{99}).put(uint64_t{98}).put(uint64_t{97});
      b.put(uint8_t{1}).put(uint8_t{1}).put(int64_t{55});
      b.put(uint32_t{0xdeadbeef});  // a field newer than ours: skipped
    }
  }
  return b;
}

Bytes with_len(const Bytes& e) {
  Bytes b;
  b.put(static_cast<uint32_t>(e.size() + 4)).raw(e.v);
  return b;
}

TEST(ScapReader, ProcessListEveryVersion) {
  const uint32_t types[] = {kBlockPL_V1, kBlockPL_V2, kBlockPL_V3, kBlockPL_V4, kBlockPL_V5,
                            kBlockPL_V6, kBlockPL_V7, kBlockPL_V8, kBlockPL_V1_INT,
                            kBlockPL_V2_INT, kBlockPL_V3_INT};
  for (uint32_t t : types) {
    const int v = process_list_version(t);
    Bytes body;
    body.raw(proc_entry(v, 100).v).raw(proc_entry(v, 200).v);
    ProcessList pl;
    Status s = detail::parse_process_list(t, body.v, 0, pl);
    ASSERT_TRUE(s.ok()) << "v" << v << ": " << s.message();
    ASSERT_EQ(pl.entries.size(), 2u) << "v" << v;
    const ProcessInfo& p = pl.entries[1];
    EXPECT_EQ(p.version, v);
    EXPECT_EQ(p.tid, 200u);
    EXPECT_EQ(p.pid, 201u);
    EXPECT_EQ(p.ptid, 202u);
    EXPECT_EQ(p.comm, "comm");
    EXPECT_EQ(p.exe, "/bin/exe");
    EXPECT_EQ(p.args, std::string("a1\0a2\0", 6));
    EXPECT_EQ(p.cwd, "/cwd");
    EXPECT_EQ(p.uid, 1000u);
    EXPECT_EQ(p.gid, 1001u);
    EXPECT_EQ(p.sid, v >= 6 ? 33 : -1);
    EXPECT_EQ(p.vpgid, v >= 8 ? 44 : -1);
    EXPECT_EQ(p.exepath, v >= 7 ? "/usr/bin/exe" : "");
    EXPECT_EQ(p.vmrss_kb, v >= 2 ? 12u : 0u);
    EXPECT_EQ(p.env, v >= 3 ? std::string("A=1\0", 4) : "");
    EXPECT_EQ(p.vpid, v >= 4 ? 6 : -1);
    EXPECT_EQ(p.root, v >= 5 ? "/root" : "");
    EXPECT_EQ(p.loginuid, UINT32_MAX);
  }
}

TEST(ScapReader, ProcessListV9Layouts) {
  Bytes body;
  body.raw(with_len(proc_entry(9, 1, false)).v)         // current layout + an unknown field
      .raw(with_len(proc_entry(9, 2, true)).v)          // pre-0.10 layout
      .raw(with_len(proc_entry(9, 3, false, false)).v);  // no optional fields at all
  auto file = cat({shb(), block(kBlockPL_V9, body.v)});
  ScapReader r;
  ASSERT_TRUE(r.open_memory(file).ok());
  ScapReader::Item it;
  ASSERT_TRUE(r.next(it));
  ASSERT_TRUE(r.next(it)) << r.status().message();
  ASSERT_EQ(it.kind, Kind::kProcessList);
  ASSERT_EQ(it.processes.entries.size(), 3u);
  const auto& a = it.processes.entries[0];
  EXPECT_EQ(a.pidns_init_start_ts, 777u);
  EXPECT_EQ(a.tty, 34816u);
  EXPECT_EQ(a.loginuid, 1000u);
  EXPECT_TRUE(a.exe_writable);
  EXPECT_EQ(a.cap_effective, 3u);
  EXPECT_TRUE(a.exe_upper_layer);
  EXPECT_EQ(a.exe_ino, 99u);
  EXPECT_EQ(a.exe_ino_mtime, 97u);
  EXPECT_TRUE(a.exe_from_memfd);
  EXPECT_TRUE(a.exe_lower_layer);
  EXPECT_EQ(a.pgid, 55);
  const auto& b = it.processes.entries[1];
  EXPECT_EQ(b.tid, 2u);
  EXPECT_EQ(b.pidns_init_start_ts, 0u);
  EXPECT_EQ(b.loginuid, 1000u);
  EXPECT_TRUE(b.exe_writable);
  EXPECT_EQ(b.cap_inheritable, 1u);
  EXPECT_EQ(b.cap_effective, 3u);
  EXPECT_EQ(b.pgid, -1);
  const auto& c = it.processes.entries[2];
  EXPECT_EQ(c.tid, 3u);
  EXPECT_EQ(c.root, "/root");
  EXPECT_EQ(c.loginuid, UINT32_MAX);
  EXPECT_FALSE(r.next(it));
  EXPECT_TRUE(r.status().ok()) << r.status().message();
}

// ---- fd lists --------------------------------------------------------------------------------

Bytes fd_entry(uint64_t fd, uint8_t type, const Bytes& rest) {
  Bytes b;
  b.put(fd).put(uint64_t{fd * 10}).put(type).raw(rest.v);
  return b;
}

TEST(ScapReader, FdListV1AndV2) {
  Bytes ipv4;
  ipv4.put(uint32_t{0x0100007f}).put(uint32_t{0x0200007f}).put(uint16_t{80}).put(uint16_t{5555}).put(uint8_t{2});
  Bytes serv6;
  serv6.raw(std::string(15, '\0') + "\x01").put(uint16_t{443}).put(uint8_t{2});
  Bytes unixs;
  unixs.put(uint64_t{0xaa}).put(uint64_t{0xbb}).str16("/run/sock");
  Bytes file2;
  file2.put(uint32_t{0x41}).str16("/etc/passwd");
  Bytes file2dev = file2;
  file2dev.put(uint32_t{0x803});
  Bytes name;
  name.str16("pipe:[123]");

  Bytes v1;
  v1.put(uint64_t{42});
  v1.raw(fd_entry(3, 3, ipv4).v).raw(fd_entry(4, 6, serv6).v).raw(fd_entry(5, 8, unixs).v)
      .raw(fd_entry(6, 16, file2).v).raw(fd_entry(7, 7, name).v);
  FdList fl;
  ASSERT_TRUE(detail::parse_fd_list(kBlockFDL, v1.v, 0, fl).ok());
  ASSERT_EQ(fl.tid, 42u);
  ASSERT_EQ(fl.entries.size(), 5u);
  EXPECT_EQ(fl.entries[0].type, FdType::Ipv4Sock);
  EXPECT_EQ(fl.entries[0].dip4, 0x0200007fu);
  EXPECT_EQ(fl.entries[0].dport, 5555);
  EXPECT_EQ(fl.entries[1].sip6[15], 1);
  EXPECT_EQ(fl.entries[1].sport, 443);
  EXPECT_EQ(fl.entries[2].unix_dest, 0xbbu);
  EXPECT_EQ(fl.entries[2].name, "/run/sock");
  EXPECT_EQ(fl.entries[3].name, "/etc/passwd");
  EXPECT_EQ(fl.entries[3].open_flags, 0x41u);
  EXPECT_FALSE(fl.entries[3].has_dev);
  EXPECT_EQ(fl.entries[4].name, "pipe:[123]");
  EXPECT_EQ(fl.entries[4].ino, 70u);

  Bytes v2;
  v2.put(uint64_t{43});
  v2.raw(with_len(fd_entry(6, 16, file2dev)).v)
      .raw(with_len(fd_entry(8, 99, name)).v)  // unknown type: skipped by its length
      .raw(with_len(fd_entry(9, 12, name)).v);
  ASSERT_TRUE(detail::parse_fd_list(kBlockFDL_V2, v2.v, 0, fl).ok());
  ASSERT_EQ(fl.entries.size(), 3u);
  EXPECT_TRUE(fl.entries[0].has_dev);
  EXPECT_EQ(fl.entries[0].dev, 0x803u);
  EXPECT_EQ(fl.entries[1].type, FdType::Unsupported);
  EXPECT_EQ(fl.entries[1].raw_type, 99);
  EXPECT_EQ(fl.entries[1].name, "unknown-type:[99]");
  EXPECT_EQ(fl.entries[2].type, FdType::Eventpoll);
  EXPECT_EQ(fl.entries[2].fd, 9);
}

// ---- interface and user lists ----------------------------------------------------------------

TEST(ScapReader, InterfaceListV1AndV2) {
  Bytes v1;
  v1.put(uint16_t{1}).put(uint16_t{2}).put(uint32_t{0x0100007f}).put(uint32_t{0xff}).put(uint32_t{0})
      .put(uint64_t{1000}).raw("lo");
  v1.put(uint16_t{3}).put(uint16_t{4}).put(uint32_t{0x0a}).put(uint32_t{0xffff}).put(uint32_t{0})
      .raw("eth0");
  v1.put(uint16_t{2}).put(uint16_t{2}).raw(std::string(48, '\x01')).put(uint64_t{10}).raw("lo");
  v1.put(uint16_t{4}).put(uint16_t{1}).raw(std::string(48, '\x02')).raw("x");
  InterfaceList il;
  Status s = detail::parse_interface_list(kBlockIL, v1.v, 0, il);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(il.entries.size(), 4u);
  EXPECT_EQ(il.entries[0].name, "lo");
  EXPECT_EQ(il.entries[0].linkspeed, 1000u);
  EXPECT_EQ(il.entries[1].name, "eth0");
  EXPECT_EQ(il.entries[1].netmask4, 0xffffu);
  EXPECT_TRUE(il.entries[2].ipv6);
  EXPECT_EQ(il.entries[2].linkspeed, 10u);
  EXPECT_EQ(il.entries[3].addr6[0], 2);

  Bytes e;
  e.put(uint16_t{1}).put(uint16_t{3}).put(uint32_t{1}).put(uint32_t{2}).put(uint32_t{3}).put(uint64_t{4}).raw("wlp");
  Bytes v2;
  v2.put(static_cast<uint32_t>(e.size())).raw(e.v);
  v2.put(uint32_t{6}).put(uint16_t{77}).put(uint16_t{0}).put(uint16_t{0});  // unknown type, skipped
  ASSERT_TRUE(detail::parse_interface_list(kBlockIL_V2, v2.v, 0, il).ok());
  ASSERT_EQ(il.entries.size(), 1u);
  EXPECT_EQ(il.entries[0].name, "wlp");
  EXPECT_EQ(il.entries[0].bcast4, 3u);
}

TEST(ScapReader, UserListV1AndV2) {
  Bytes v1;
  v1.put(uint8_t{0}).put(uint32_t{0}).put(uint32_t{0}).str16("root").str16("/root").str16("/bin/sh");
  v1.put(uint8_t{1}).put(uint32_t{4}).str16("adm");
  UserList ul;
  ASSERT_TRUE(detail::parse_user_list(kBlockUL, v1.v, 0, ul).ok());
  ASSERT_EQ(ul.users.size(), 1u);
  ASSERT_EQ(ul.groups.size(), 1u);
  EXPECT_EQ(ul.users[0].shell, "/bin/sh");
  EXPECT_EQ(ul.groups[0].name, "adm");

  Bytes u;
  u.put(uint8_t{0}).put(uint32_t{1000}).put(uint32_t{100}).str16("me").str16("/home/me").str16("/bin/bash")
      .put(uint32_t{12345});  // a newer field: skipped
  Bytes g;
  g.put(uint8_t{1}).put(uint32_t{100}).str16("users");
  Bytes v2;
  v2.raw(with_len(u).v).raw(with_len(g).v);
  ASSERT_TRUE(detail::parse_user_list(kBlockUL_V2, v2.v, 0, ul).ok());
  ASSERT_EQ(ul.users.size(), 1u);
  EXPECT_EQ(ul.users[0].uid, 1000u);
  EXPECT_EQ(ul.users[0].homedir, "/home/me");
  ASSERT_EQ(ul.groups.size(), 1u);
  EXPECT_EQ(ul.groups[0].gid, 100u);
}

// ---- fixtures --------------------------------------------------------------------------------

TEST(ScapReaderFixtures, EveryCaptureReadsCleanly) {
  SAKER_REQUIRE_SHARED();
  size_t files = 0;
  for (auto& de : std::filesystem::directory_iterator(saker::testing::shared_dir() / "fixtures/captures")) {
    if (de.path().extension() != ".scap") continue;
    ++files;
    ScapReader r;
    ASSERT_TRUE(r.open(de.path().string()).ok()) << de.path();
    EXPECT_TRUE(r.compressed());
    ScapReader::Item it;
    size_t procs = 0, fds = 0, users = 0;
    while (r.next(it)) {
      if (it.kind == Kind::kProcessList) procs += it.processes.entries.size();
      if (it.kind == Kind::kFdList) fds += it.fds.entries.size();
      if (it.kind == Kind::kUserList) users += it.users.users.size();
    }
    EXPECT_TRUE(r.status().ok()) << r.status().message();
    EXPECT_GT(r.stats().events, 0u) << de.path();
    EXPECT_GT(procs, 0u) << de.path();
    EXPECT_GT(fds, 0u) << de.path();
    EXPECT_GT(users, 0u) << de.path();
    EXPECT_EQ(r.stats().trailer_mismatches, 0u) << de.path();
  }
  EXPECT_GE(files, 10u);
}

TEST(ScapReaderFixtures, KnownCounts) {
  SAKER_REQUIRE_SHARED();
  // Event block counts of two fixtures (one with EV v1 blocks, one with EV_V2 blocks).
  struct {
    const char* name;
    uint64_t events;
  } cases[] = {{"cat_write.scap", 345}, {"ping_sendto.scap", 1526}};
  for (auto& c : cases) {
    ScapReader r;
    ASSERT_TRUE(r.open((saker::testing::shared_dir() / "fixtures/captures" / c.name).string()).ok());
    ScapReader::Item it;
    while (r.next(it)) {
    }
    ASSERT_TRUE(r.status().ok()) << r.status().message();
    EXPECT_EQ(r.stats().events + r.stats().skipped_unknown_events, c.events) << c.name;
  }
}

}  // namespace
}  // namespace saker::scap
