#include "engine/app/logger.h"

#include <gtest/gtest.h>

#include <vector>

namespace saker {
namespace {

TEST(Logger, LevelsFilterAsFalcoDefinesThem) {
  Logger l;
  std::vector<std::pair<LogLevel, std::string>> got;
  l.set_sink([&](LogLevel lv, std::string_view m) { got.emplace_back(lv, std::string(m)); });
  l.set_level(LogLevel::kWarning);
  l.log(LogLevel::kError, "e\n");
  l.log(LogLevel::kWarning, "w");
  l.log(LogLevel::kNotice, "n");
  l.log(LogLevel::kDebug, "d");
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].second, "e");
  EXPECT_EQ(got[1].first, LogLevel::kWarning);
}

TEST(Logger, ParsesFalcoLevelNames) {
  EXPECT_EQ(parse_log_level("emergency"), LogLevel::kEmergency);
  EXPECT_EQ(parse_log_level("info"), LogLevel::kInformational);
  EXPECT_EQ(parse_log_level("debug"), LogLevel::kDebug);
  EXPECT_FALSE(parse_log_level("verbose"));
}

TEST(Logger, ConfigureFromConfig) {
  Logger l;
  config::Config c;
  c.log_level = LogLevel::kDebug;
  c.log_syslog = false;
  l.configure(c);
  EXPECT_EQ(l.level(), LogLevel::kDebug);
  EXPECT_TRUE(l.enabled(LogLevel::kDebug));
}

}  // namespace
}  // namespace saker
