#include <gtest/gtest.h>

#include "engine/core/path_prefix_set.h"

namespace saker::core {
namespace {

TEST(PathPrefixSet, MatchesWholeComponentsOnly) {
  PathPrefixSet s;
  s.add("/var/run");
  s.add("/etc");
  s.add("/usr/lib/");
  EXPECT_TRUE(s.match("/var/run/docker.sock"));
  EXPECT_TRUE(s.match("/var/run"));
  EXPECT_TRUE(s.match("/etc/passwd"));
  EXPECT_TRUE(s.match("/usr/lib/x86_64/libc.so"));
  EXPECT_FALSE(s.match("/var/running"));
  EXPECT_FALSE(s.match("/var"));
  EXPECT_FALSE(s.match("/boot"));
  EXPECT_FALSE(s.match("/var/lib/messages"));
  EXPECT_FALSE(s.match(""));
}

TEST(PathPrefixSet, ShorterPathCoversLongerOne) {
  PathPrefixSet s;
  s.add("/usr/lib");
  s.add("/usr");
  EXPECT_TRUE(s.match("/usr/bin/ls"));
  EXPECT_TRUE(s.match("/usr/lib/a"));
}

TEST(PathPrefixSet, GlobComponents) {
  PathPrefixSet s;
  s.add("/home/*/.ssh");
  s.add("/tmp/build-?");
  EXPECT_TRUE(s.match("/home/alice/.ssh/id_rsa"));
  EXPECT_FALSE(s.match("/home/alice/.config/x"));
  EXPECT_TRUE(s.match("/tmp/build-1/out"));
  EXPECT_FALSE(s.match("/tmp/build-12/out"));
}

}  // namespace
}  // namespace saker::core
