// Damaged input: every case ends in a clear error naming the byte offset (or a warning and a
// skip where sysdig skips), never a crash or an endless loop.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "engine/events/scap_reader.h"
#include "engine/events/scap_writer.h"
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
using ::testing::HasSubstr;

std::vector<uint8_t> good_file() {
  auto e = event(3, 1, 2, {"abc", std::string(8, '\0')});
  return cat({shb(), block(kBlockMI, testing::machine_info_body(2, "h")),
              block(kBlockEV_V2, event_body(kBlockEV_V2, 0, 0, e)),
              block(kBlockEVF_V2, event_body(kBlockEVF_V2, 1, 1, e))});
}

void expect_error(const std::vector<uint8_t>& bytes, const std::string& offset,
                  const std::string& what) {
  auto r = read_all(bytes);
  ASSERT_FALSE(r.status.ok()) << "expected an error containing '" << what << "'";
  EXPECT_THAT(r.status.message(), HasSubstr("offset " + offset)) << r.status.message();
  EXPECT_THAT(r.status.message(), HasSubstr(what)) << r.status.message();
}

TEST(ScapDamaged, EmptyAndTooShort) {
  expect_error({}, "0", "empty file");
  expect_error({0x0a, 0x0d, 0x0d}, "0", "too short");
}

TEST(ScapDamaged, NotAScapFile) {
  std::vector<uint8_t> junk(64, 'x');
  expect_error(junk, "0", "not a scap file");
}

TEST(ScapDamaged, BadMagic) {
  expect_error(shb(0x12345678), "8", "bad byte-order magic 0x12345678");
  expect_error(shb(kShbMagicSwapped), "8", "big-endian");
}

TEST(ScapDamaged, NewerMajorVersion) { expect_error(shb(kShbMagic, 2, 0), "12", "newer"); }

TEST(ScapDamaged, ShortSectionHeader) {
  expect_error(block(kBlockSHB, {0x4d, 0x3c, 0x2b, 0x1a}), "12", "major_version");
}

TEST(ScapDamaged, BlockLengthTooSmall) {
  auto f = cat({shb(), block(kBlockMI, testing::machine_info_body(1, "h"), 8, 8)});
  expect_error(f, "28", "less than the 12-byte minimum");
}

TEST(ScapDamaged, BlockLengthPastEnd) {
  auto f = cat({shb(), block(kBlockMI, testing::machine_info_body(1, "h"), 0xfffffff0, 0)});
  expect_error(f, "28", "runs past the end of the file");
  // Overflow-prone lengths near 2^32 must not wrap.
  auto g = cat({shb(), block(kBlockEV_V2, {}, 0xffffffff, 0)});
  expect_error(g, "28", "runs past the end");
}

TEST(ScapDamaged, TrailerMismatch) {
  auto f = cat({shb(), block(kBlockMI, testing::machine_info_body(1, "h"), 0, 0x1234)});
  expect_error(f, "28", "in its trailer");
  // Event blocks: sysdig ignores the trailer; so do we, with a warning.
  auto e = event(3, 1, 2, {"x"});
  auto g = cat({shb(), block(kBlockEV_V2, event_body(kBlockEV_V2, 0, 0, e), 0, 0x999)});
  auto r = read_all(g);
  EXPECT_TRUE(r.status.ok());
  EXPECT_EQ(r.events.size(), 1u);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_THAT(r.warnings[0], HasSubstr("trailer"));
}

TEST(ScapDamaged, TruncatedEverywhere) {
  // Every prefix of a valid file either reads cleanly up to a block boundary or fails with
  // an offset; none crashes.
  auto f = good_file();
  std::vector<size_t> boundaries;
  {
    size_t off = 0;
    while (off < f.size()) {
      boundaries.push_back(off);
      uint32_t len;
      std::memcpy(&len, f.data() + off + 4, 4);
      off += len;
    }
    boundaries.push_back(f.size());
  }
  for (size_t n = 0; n < f.size(); ++n) {
    std::vector<uint8_t> cut(f.begin(), f.begin() + n);
    auto r = read_all(cut);
    const bool at_boundary = n > 0 && std::find(boundaries.begin(), boundaries.end(), n) != boundaries.end();
    if (at_boundary) {
      EXPECT_TRUE(r.status.ok()) << n << ": " << r.status.message();
    } else {
      ASSERT_FALSE(r.status.ok()) << "prefix of " << n << " bytes";
      EXPECT_THAT(r.status.message(), HasSubstr("offset ")) << r.status.message();
    }
  }
  auto r = read_all(cat({f, {1, 2, 3}}));
  EXPECT_THAT(r.status.message(), HasSubstr("truncated file: 3 bytes left"));
}

TEST(ScapDamaged, EventLengths) {
  auto e = event(3, 1, 2, {"abc"});
  // Event len beyond the block.
  auto big = e;
  uint32_t len = 500;
  std::memcpy(big.data() + 16, &len, 4);
  expect_error(cat({shb(), block(kBlockEV_V2, event_body(kBlockEV_V2, 0, 0, big))}), "38",
               "exceeds the 34 bytes left in its block");
  // Event len below the header.
  auto small = e;
  len = 10;
  std::memcpy(small.data() + 16, &len, 4);
  expect_error(cat({shb(), block(kBlockEV_V2, event_body(kBlockEV_V2, 0, 0, small))}), "38",
               "smaller than the 26-byte event header");
  // Block too small for the event header.
  expect_error(cat({shb(), block(kBlockEVF_V2, {1, 0, 0, 0, 0, 0, 1, 2})}), "28",
               "less than the 32");
}

TEST(ScapDamaged, ParamLengths) {
  auto e = event(3, 1, 2, {"abc", "de"});
  auto bad = e;
  uint16_t plen = 0xffff;  // param 1 runs past the event
  std::memcpy(bad.data() + 28, &plen, 2);
  expect_error(cat({shb(), block(kBlockEV_V2, event_body(kBlockEV_V2, 0, 0, bad))}), "38",
               "param 1");
  auto many = e;
  uint32_t np = 1000;  // nparams far beyond the event
  std::memcpy(many.data() + 22, &np, 4);
  expect_error(cat({shb(), block(kBlockEV_V2, event_body(kBlockEV_V2, 0, 0, many))}), "38",
               "params");
}

TEST(ScapDamaged, V1EventWhoseLengthsNeverAddUp) {
  auto v1 = event_v1(3, 1, 2, {"abc"});
  uint16_t plen = 0x7000;
  std::memcpy(v1.data() + 22, &plen, 2);
  auto r = read_all(cat({shb(), block(kBlockEV, event_body(kBlockEV, 0, 0, v1))}));
  ASSERT_FALSE(r.status.ok());
  EXPECT_THAT(r.status.message(), HasSubstr("offset 38"));
  EXPECT_THAT(r.status.message(), HasSubstr("v1 event of type 3"));
}

TEST(ScapDamaged, StateBlockFields) {
  // A process entry whose comm length runs past the block.
  Bytes pl;
  pl.put(uint64_t{1}).put(uint64_t{1}).put(uint64_t{0}).put(uint16_t{5000}).raw("abc");
  expect_error(cat({shb(), block(kBlockPL_V1, pl.v)}), "62", "field 'comm' of length 5000");
  // A v9 entry length beyond the block.
  Bytes pl9;
  pl9.put(uint32_t{100000}).put(uint64_t{1});
  expect_error(cat({shb(), block(kBlockPL_V9, pl9.v)}), "36", "process entry length 100000 runs past");
  // A v9 entry length shorter than its own length field.
  Bytes pl9b;
  pl9b.put(uint32_t{2}).put(uint64_t{1});
  expect_error(cat({shb(), block(kBlockPL_V9, pl9b.v)}), "36", "shorter than its own length");
  // A v9 entry too short for its fields.
  Bytes pl9c;
  pl9c.put(uint32_t{12}).put(uint64_t{1}).put(uint64_t{1});
  expect_error(cat({shb(), block(kBlockPL_V9, pl9c.v)}), "48", "field 'pid'");
  // An fd list without its tid.
  expect_error(cat({shb(), block(kBlockFDL, {1, 2})}), "36", "field 'tid'");
  // A v1 fd entry of unknown type.
  Bytes fdl;
  fdl.put(uint64_t{7}).put(uint64_t{3}).put(uint64_t{0}).put(uint8_t{200}).put(uint32_t{0});
  expect_error(cat({shb(), block(kBlockFDL, fdl.v)}), "44", "unknown type 200");
  // Machine info too short.
  expect_error(cat({shb(), block(kBlockMI, std::vector<uint8_t>(20, 0))}), "36", "expected 180");
  // Interface list with an unknown v1 entry type.
  Bytes il;
  il.put(uint16_t{9}).put(uint16_t{0}).put(uint32_t{0});
  expect_error(cat({shb(), block(kBlockIL, il.v)}), "36", "unknown interface type 9");
  // User list string past the end.
  Bytes ul;
  ul.put(uint8_t{1}).put(uint32_t{0}).put(uint16_t{300});
  expect_error(cat({shb(), block(kBlockUL, ul.v)}), "43", "field 'name' of length 300");
}

TEST(ScapDamaged, UnknownEventTypeIsSkippedWhenTheSchemaKnowsBetter) {
  if (events::event_type_count() == 0) GTEST_SKIP() << "the schema table is not there yet";
  auto known = event(3, 1, 2, {});
  auto unknown = event(60000, 1, 2, {});
  auto r = read_all(cat({shb(), block(kBlockEV_V2, event_body(kBlockEV_V2, 0, 0, unknown)),
                         block(kBlockEV_V2, event_body(kBlockEV_V2, 0, 0, known))}));
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.events.size(), 1u);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_THAT(r.warnings[0], HasSubstr("unknown type 60000"));
}

TEST(ScapDamaged, Gzip) {
  // Corrupt and truncated gzip streams.
  std::vector<uint8_t> plain = good_file();
  std::vector<uint8_t> gz;
  ScapWriter w;
  ScapWriter::Options o;
  o.gzip = true;
  ASSERT_TRUE(w.open_memory(&gz, o).ok());
  ASSERT_TRUE(w.write_event(event(3, 1, 2, {"hello"}), 0).ok());
  ASSERT_TRUE(w.close().ok());
  auto ok = read_all(gz);
  ASSERT_TRUE(ok.status.ok()) << ok.status.message();
  ASSERT_EQ(ok.events.size(), 1u);

  auto corrupt = gz;
  for (size_t i = 12; i < corrupt.size() - 8; ++i) corrupt[i] ^= 0x5a;
  auto r = read_all(corrupt);
  EXPECT_FALSE(r.status.ok());
  EXPECT_THAT(r.status.message(), HasSubstr("gzip"));

  std::vector<uint8_t> cut(gz.begin(), gz.begin() + gz.size() / 2);
  r = read_all(cut);
  EXPECT_FALSE(r.status.ok());  // the decompressed part ends inside a block
  EXPECT_THAT(r.status.message(), HasSubstr("decompressed"));

  std::vector<uint8_t> header_only = {0x1f, 0x8b};
  r = read_all(header_only);
  EXPECT_FALSE(r.status.ok());
}

TEST(ScapDamaged, RandomCorruptionOfFixturesNeverCrashes) {
  SAKER_REQUIRE_SHARED();
  std::mt19937 rng(1234);
  for (const char* name : {"cat_write.scap", "ping_sendto.scap"}) {
    ScapReader src;
    ASSERT_TRUE(src.open((saker::testing::shared_dir() / "fixtures/captures" / name).string()).ok());
    std::vector<uint8_t> plain(src.data().begin(), src.data().end());
    for (int round = 0; round < 300; ++round) {
      auto bytes = plain;
      const int flips = 1 + static_cast<int>(rng() % 8);
      for (int i = 0; i < flips; ++i) bytes[rng() % bytes.size()] = static_cast<uint8_t>(rng());
      if (round % 3 == 0) bytes.resize(rng() % bytes.size());
      auto r = read_all(bytes);
      if (!r.status.ok()) {
        EXPECT_THAT(r.status.message(), HasSubstr("offset ")) << r.status.message();
      }
    }
  }
}

}  // namespace
}  // namespace saker::scap
