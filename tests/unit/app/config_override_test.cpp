// `-o` key paths: Falco's grammar (dots, [index], [] to append, backslash escapes).
#include "engine/app/config_override.h"

#include <gtest/gtest.h>

namespace saker::config {
namespace {

std::string round_trip(const std::string& key) {
  std::vector<PathElem> p;
  Status s = parse_key_path(key, &p);
  return s.ok() ? path_to_string(p) : "error: " + s.message();
}

TEST(ConfigOverride, KeyPaths) {
  EXPECT_EQ(round_trip("json_output"), "json_output");
  EXPECT_EQ(round_trip("a.b.c"), "a.b.c");
  EXPECT_EQ(round_trip("list[1].x"), "list[1].x");
  EXPECT_EQ(round_trip("m[1][3]"), "m[1][3]");
  EXPECT_EQ(round_trip("rules[].disable.tag"), "rules[].disable.tag");
  std::vector<PathElem> p;
  ASSERT_TRUE(parse_key_path("static_fields.k8s\\.io/role", &p).ok());
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[1].key, "k8s.io/role");
  ASSERT_TRUE(parse_key_path("a\\[b\\]\\\\c", &p).ok());
  EXPECT_EQ(p[0].key, "a[b]\\c");
}

TEST(ConfigOverride, BadKeyPaths) {
  EXPECT_EQ(round_trip("a."), "error: bad key 'a.' at position 2: key ends with '.'");
  EXPECT_EQ(round_trip(".a"), "error: bad key '.a' at position 1: empty key name");
  EXPECT_EQ(round_trip("a]"), "error: bad key 'a]' at position 2: unexpected ']'");
  EXPECT_EQ(round_trip("a[1]b"), "error: bad key 'a[1]b' at position 5: expected '.'");
  EXPECT_EQ(round_trip("a\\"), "error: bad key 'a\\' at position 2: trailing backslash");
}

TEST(ConfigOverride, SetsScalarsMapsAndListItems) {
  YAML::Node root = YAML::Load("a: {b: 1}\nl: [x, y]\n");
  std::vector<PathElem> touched;
  ASSERT_TRUE(apply_override(root, Override{"", "a.b", "2"}, &touched).ok());
  ASSERT_TRUE(apply_override(root, Override{"", "a.c.d", "new"}, &touched).ok());
  ASSERT_TRUE(apply_override(root, Override{"", "l[1]", "z"}, &touched).ok());
  ASSERT_TRUE(apply_override(root, Override{"", "l[2]", "w"}, &touched).ok());  // one past the end appends
  ASSERT_TRUE(apply_override(root, Override{"", "r[].enable.rule", "x*"}, &touched).ok());
  EXPECT_EQ(path_to_string(touched), "r[0]");
  ASSERT_TRUE(apply_override(root, Override{"", "r[].enable.tag", "t"}, &touched).ok());
  EXPECT_EQ(root["a"]["b"].as<std::string>(), "2");
  EXPECT_EQ(root["a"]["c"]["d"].as<std::string>(), "new");
  EXPECT_EQ(root["l"].size(), 3u);
  EXPECT_EQ(root["l"][1].as<std::string>(), "z");
  EXPECT_EQ(root["l"][2].as<std::string>(), "w");
  ASSERT_EQ(root["r"].size(), 2u);
  EXPECT_EQ(root["r"][1]["enable"]["tag"].as<std::string>(), "t");
}

TEST(ConfigOverride, ParseOverride) {
  Override o;
  ASSERT_TRUE(parse_override("a.b=x=y", &o).ok());
  EXPECT_EQ(o.key, "a.b");
  EXPECT_EQ(o.value, "x=y");
  EXPECT_EQ(o.origin, "-o a.b=x=y");
  Override e;
  EXPECT_FALSE(parse_override("novalue", &e).ok());
}

}  // namespace
}  // namespace saker::config
