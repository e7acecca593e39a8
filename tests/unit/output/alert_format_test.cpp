#include "engine/output/alert_format.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#include "engine/output/rule_output.h"
#include "tests/support/shared_fixtures.h"
#include "tests/unit/output/map_field_source.h"

namespace saker::output {
namespace {

using testing::MapFieldSource;

std::vector<std::string> read_lines(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);) {
    if (!l.empty()) lines.push_back(l);
  }
  return lines;
}

// "2016-08-04T16:17:57.881781397+0000..." -> ns since the epoch.
std::uint64_t parse_iso(const std::string& s) {
  std::tm tm{};
  strptime(s.c_str(), "%Y-%m-%dT%H:%M:%S", &tm);
  const auto secs = static_cast<std::uint64_t>(timegm(&tm));
  return secs * 1000000000ull + std::stoull(s.substr(20, 9));
}

Alert cat_alert(std::uint64_t ns, const std::vector<std::string>& tags) {
  OutputsConfig cfg;
  RuleOutput r;
  Status st = RuleOutput::compile({"open_from_cat", "syscall", &tags, "An open was seen (command=%proc.cmdline)"}, cfg, &r);
  EXPECT_TRUE(st.ok()) << st.message();
  MapFieldSource src;
  src.set("proc.cmdline", "cat /dev/null");
  Alert a;
  a.time_ns = ns;
  a.priority = Priority::Warning;
  a.rule = "open_from_cat";
  a.tags = tags;
  r.render(src, a);
  return a;
}

TEST(AlertFormat, PriorityNames) {
  EXPECT_EQ(priority_name(Priority::Emergency), "Emergency");
  EXPECT_EQ(priority_name(Priority::Informational), "Informational");
  EXPECT_EQ(parse_priority("WARNING"), Priority::Warning);
  EXPECT_EQ(parse_priority("info"), Priority::Informational);
  EXPECT_EQ(parse_priority("debug"), Priority::Debug);
  EXPECT_FALSE(parse_priority("loud").has_value());
}

TEST(AlertFormat, TimeFormats) {
  const std::uint64_t ns = 1470327477881781397ull;
  std::string s;
  append_time_iso8601(ns, s);
  EXPECT_EQ(s, "2016-08-04T16:17:57.881781397+0000");
  s.clear();
  append_time_rfc3339(ns, s);
  EXPECT_EQ(s, "2016-08-04T16:17:57.881781397Z");
  setenv("TZ", "UTC", 1);
  tzset();
  s.clear();
  append_time_local(ns, s);
  EXPECT_EQ(s, "16:17:57.881781397");
  setenv("TZ", "Europe/Paris", 1);  // UTC+2 in August
  tzset();
  s.clear();
  append_time_local(ns, s);
  EXPECT_EQ(s, "18:17:57.881781397");
  setenv("TZ", "UTC", 1);
  tzset();
}

TEST(AlertFormat, MatchesFalcoTextFixture) {
  SAKER_REQUIRE_SHARED();
  auto expected = read_lines(saker::testing::shared_dir() / "fixtures/falco-legacy/output_files/single_rule_with_cat_write.txt");
  ASSERT_EQ(expected.size(), 8u);
  FormatOptions o;
  o.time_format_iso_8601 = true;
  AlertFormatter fmt(o);
  for (const std::string& want : expected) {
    Alert a = cat_alert(parse_iso(want), {});
    std::string got;
    fmt.line(a, got);
    EXPECT_EQ(got, want);
  }
}

TEST(AlertFormat, MatchesFalcoJsonFixture) {
  SAKER_REQUIRE_SHARED();
  auto expected = read_lines(saker::testing::shared_dir() / "fixtures/falco-legacy/output_files/single_rule_with_cat_write.json");
  ASSERT_EQ(expected.size(), 8u);
  FormatOptions o;
  o.json_output = true;
  o.time_format_iso_8601 = true;
  o.hostname = "test-falco-hostname";
  AlertFormatter fmt(o);
  for (const std::string& want : expected) {
    const std::size_t t = want.find("\"time\":\"");
    Alert a = cat_alert(parse_iso(want.substr(t + 8)), {"filesystem", "process", "testing"});
    std::string got;
    fmt.line(a, got);
    EXPECT_EQ(got, want);
  }
}

TEST(AlertFormat, JsonSwitchesTypesAndEscaping) {
  Alert a;
  a.time_ns = 1000000001;
  a.priority = Priority::Critical;
  a.rule = "r \"quoted\"";
  a.source = "syscall";
  a.hostname = "h";
  a.message = "line\nbreak\ttab \\ \x01";
  a.fields.push_back({"z.str", FieldValue(std::string("s")), "s"});
  a.fields.push_back({"a.int", FieldValue(std::int64_t{-5}), "-5"});
  a.fields.push_back({"b.null", FieldValue(), "<NA>"});
  a.fields.push_back({"c.bool", FieldValue(false), "false"});
  a.fields.push_back({"d.dbl", FieldValue(0.5), "0.5"});
  FormatOptions o;
  o.json_output = true;
  o.time_format_iso_8601 = true;
  o.include_message = true;
  AlertFormatter fmt(o);
  std::string got;
  fmt.line(a, got);
  EXPECT_EQ(got,
            "{\"hostname\":\"h\",\"message\":\"line\\nbreak\\ttab \\\\ \\u0001\","
            "\"output\":\"1970-01-01T00:00:01.000000001+0000: Critical line\\nbreak\\ttab \\\\ \\u0001\","
            "\"priority\":\"Critical\",\"rule\":\"r \\\"quoted\\\"\",\"source\":\"syscall\",\"tags\":[],"
            "\"time\":\"1970-01-01T00:00:01.000000001Z\", \"output_fields\": {\"a.int\":-5,\"b.null\":null,"
            "\"c.bool\":false,\"d.dbl\":0.5,\"evt.time.iso8601\":1000000001,\"z.str\":\"s\"}}");

  o.include_output = false;
  o.include_tags = false;
  o.include_message = false;
  o.include_output_fields = false;
  AlertFormatter bare(o);
  got.clear();
  bare.line(a, got);
  EXPECT_EQ(got, "{\"hostname\":\"h\",\"priority\":\"Critical\",\"rule\":\"r \\\"quoted\\\"\",\"source\":\"syscall\","
                 "\"time\":\"1970-01-01T00:00:01.000000001Z\"}");
}

TEST(AlertFormat, NullOutputFieldText) {
  // Falco's null_output_field case: a missing field prints <NA> in the text.
  OutputsConfig cfg;
  RuleOutput r;
  std::vector<std::string> tags;
  ASSERT_TRUE(RuleOutput::compile({"open_from_cat", "syscall", &tags, "An open was seen (cport=%fd.cport command=%proc.cmdline)"},
                                  cfg, &r)
                  .ok());
  MapFieldSource src;
  src.set("proc.cmdline", "cat /dev/null");
  Alert a;
  a.priority = Priority::Warning;
  r.render(src, a);
  FormatOptions o;
  o.time_format_iso_8601 = true;
  std::string line;
  AlertFormatter(o).line(a, line);
  EXPECT_EQ(line, "1970-01-01T00:00:00.000000000+0000: Warning An open was seen (cport=<NA> command=cat /dev/null)");
}

}  // namespace
}  // namespace saker::output
