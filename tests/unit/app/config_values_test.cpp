#include "engine/app/config_values.h"

#include <gtest/gtest.h>

namespace saker::config {
namespace {

TEST(ConfigValues, Bool) {
  EXPECT_EQ(parse_bool("true"), true);
  EXPECT_EQ(parse_bool("Yes"), true);
  EXPECT_EQ(parse_bool("OFF"), false);
  EXPECT_FALSE(parse_bool("maybe"));
  EXPECT_FALSE(parse_bool("1"));
}

TEST(ConfigValues, Numbers) {
  EXPECT_EQ(parse_int("42"), 42);
  EXPECT_EQ(parse_int("-1"), -1);
  EXPECT_EQ(parse_int("0x10"), 16);
  EXPECT_FALSE(parse_int("1.5"));
  EXPECT_FALSE(parse_int(""));
  EXPECT_DOUBLE_EQ(*parse_double(".03333"), 0.03333);
  EXPECT_DOUBLE_EQ(*parse_double("1e-3"), 0.001);
  EXPECT_FALSE(parse_double("nan"));
  EXPECT_FALSE(parse_double("1.x"));
}

TEST(ConfigValues, Durations) {
  EXPECT_EQ(parse_duration_ms("5000"), 5000u);
  EXPECT_EQ(parse_duration_ms("1h"), 3600000u);
  EXPECT_EQ(parse_duration_ms("1h 30m"), 5400000u);
  EXPECT_EQ(parse_duration_ms("500ms"), 500u);
  EXPECT_EQ(parse_duration_ms("2d"), 2u * 86400000u);
  EXPECT_FALSE(parse_duration_ms("1 fortnight"));
  EXPECT_FALSE(parse_duration_ms("h"));
}

TEST(ConfigValues, SizesAndModes) {
  EXPECT_EQ(parse_byte_size("4096"), 4096u);
  EXPECT_EQ(parse_byte_size("8M"), 8u << 20);
  EXPECT_EQ(parse_byte_size("1GiB"), 1u << 30);
  EXPECT_FALSE(parse_byte_size("8T"));
  EXPECT_EQ(parse_file_mode("0660"), 0660u);
  EXPECT_EQ(parse_file_mode("600"), 0600u);
  EXPECT_FALSE(parse_file_mode("0999"));
}

}  // namespace
}  // namespace saker::config
