#include "engine/output/output_format.h"

#include <gtest/gtest.h>

#include "engine/output/rule_output.h"
#include "tests/unit/output/map_field_source.h"

namespace saker::output {
namespace {

using testing::MapFieldSource;

OutputFormat compile_ok(std::string_view f) {
  OutputFormat out;
  Status st = OutputFormat::compile(f, &out);
  EXPECT_TRUE(st.ok()) << st.message();
  return out;
}

std::string render(const OutputFormat& f, FieldSource& src) {
  std::string out;
  f.render(src, out);
  return out;
}

TEST(OutputFormat, SplitsLiteralsAndFields) {
  auto f = compile_ok("An open was seen (command=%proc.cmdline user=%user.name)");
  ASSERT_EQ(f.fields().size(), 2u);
  EXPECT_EQ(f.fields()[0].name, "proc.cmdline");
  EXPECT_EQ(f.fields()[1].name, "user.name");
  EXPECT_EQ(f.fields()[1].index, 1u);
  MapFieldSource src;
  src.set("proc.cmdline", "cat /dev/null");
  src.set("user.name", "root");
  EXPECT_EQ(render(f, src), "An open was seen (command=cat /dev/null user=root)");
}

TEST(OutputFormat, FieldArgumentsAndDottedNames) {
  auto f = compile_ok("%proc.aname[2] %evt.arg.name %evt.arg[0] %container.label[io.k8s.pod]:x");
  ASSERT_EQ(f.fields().size(), 4u);
  EXPECT_EQ(f.fields()[0].name, "proc.aname[2]");
  EXPECT_EQ(f.fields()[1].name, "evt.arg.name");
  EXPECT_EQ(f.fields()[2].name, "evt.arg[0]");
  EXPECT_EQ(f.fields()[3].name, "container.label[io.k8s.pod]");
  MapFieldSource src;
  src.set("proc.aname[2]", "bash");
  src.set("evt.arg.name", "/etc/passwd");
  src.set("evt.arg[0]", "3");
  EXPECT_EQ(render(f, src), "bash /etc/passwd 3 <NA>:x");
}

TEST(OutputFormat, TrailingDotIsText) {
  auto f = compile_ok("seen by %proc.name.");
  ASSERT_EQ(f.fields().size(), 1u);
  EXPECT_EQ(f.fields()[0].name, "proc.name");
  MapFieldSource src;
  src.set("proc.name", "cat");
  EXPECT_EQ(render(f, src), "seen by cat.");
}

TEST(OutputFormat, ParenthesizedFieldWidthAndTransformers) {
  auto f = compile_ok("[%(proc.name)] [%8proc.name] [%2proc.name] %toupper(proc.name) %basename(fd.name) %b64(proc.name)");
  MapFieldSource src;
  src.set("proc.name", "cat");
  src.set("fd.name", "/etc/shadow");
  EXPECT_EQ(render(f, src), "[cat] [cat     ] [ca] CAT shadow Y2F0");
  auto g = compile_ok("%b64(a)|%b64(b)|%tolower(c)");
  MapFieldSource s2;
  s2.set("a", "ab");
  s2.set("b", "hello world");
  s2.set("c", "MiXeD");
  EXPECT_EQ(render(g, s2), "YWI=|aGVsbG8gd29ybGQ=|mixed");
}

TEST(OutputFormat, LeadingStarIsAccepted) {
  auto f = compile_ok("*%evt.time: x");
  ASSERT_EQ(f.fields().size(), 1u);
  MapFieldSource src;
  EXPECT_EQ(render(f, src), "<NA>: x");
}

TEST(OutputFormat, Errors) {
  OutputFormat f;
  Status st = OutputFormat::compile("ends with %", &f);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("column 11"), std::string::npos) << st.message();
  EXPECT_FALSE(OutputFormat::compile("bad % field", &f).ok());
  EXPECT_FALSE(OutputFormat::compile("%(proc.name", &f).ok());
  EXPECT_FALSE(OutputFormat::compile("%toupper(proc.name", &f).ok());
  EXPECT_FALSE(OutputFormat::compile("%()", &f).ok());
}

TEST(OutputFormat, CustomLexer) {
  // A catalog that knows "k8s.pod.label.app-name" takes the '-' the default lexer would stop at.
  FieldLexer lexer = [](std::string_view rest) -> std::size_t {
    constexpr std::string_view known = "k8s.pod.label.app-name";
    return rest.starts_with(known) ? known.size() : default_field_lexer(rest);
  };
  OutputFormat f;
  ASSERT_TRUE(OutputFormat::compile("%k8s.pod.label.app-name x", &f, lexer).ok());
  EXPECT_EQ(f.fields()[0].name, "k8s.pod.label.app-name");
}

TEST(OutputFormat, CollectsTypedFieldsOncePerName) {
  auto f = compile_ok("%proc.pid %proc.pid %fd.cport %evt.is_open_read");
  MapFieldSource src;
  src.set("proc.pid", "42", FieldValue(std::int64_t{42}));
  src.set("evt.is_open_read", "true", FieldValue(true));
  std::string out;
  std::vector<OutputField> fields;
  f.render(src, out, &fields);
  EXPECT_EQ(out, "42 42 <NA> true");
  ASSERT_EQ(fields.size(), 3u);
  EXPECT_EQ(fields[0].name, "proc.pid");
  EXPECT_EQ(std::get<std::int64_t>(fields[0].value), 42);
  EXPECT_EQ(fields[1].name, "fd.cport");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(fields[1].value));
  EXPECT_EQ(fields[1].text, "<NA>");
  EXPECT_TRUE(std::get<bool>(fields[2].value));
}

TEST(RuleOutput, ExtraFormatAppendedOrReplacingContainerInfo) {
  OutputsConfig cfg;
  cfg.extra_format = "container=%container.id";
  RuleOutput r;
  std::vector<std::string> tags;
  ASSERT_TRUE(RuleOutput::compile({"r", "syscall", &tags, "open (%proc.name)"}, cfg, &r).ok());
  EXPECT_EQ(r.format().text(), "open (%proc.name) container=%container.id");
  cfg.replace_container_info = true;
  ASSERT_TRUE(RuleOutput::compile({"r", "syscall", &tags, "open %container.info (%proc.name)"}, cfg, &r).ok());
  EXPECT_EQ(r.format().text(), "open container=%container.id (%proc.name)");
}

TEST(RuleOutput, AppendOutputMatchesAndAddsFields) {
  OutputsConfig cfg;
  AppendOutputRule m;
  m.match_source = "syscall";
  m.match_tags = {"filesystem"};
  m.extra_output = "on cpu %evt.cpu";
  m.extra_fields = {{"evt.hostname", ""}, {"home", "/home/%user.name"}};
  cfg.append_output.push_back(m);
  std::vector<std::string> tags = {"filesystem", "process"};
  std::vector<std::string> other = {"network"};
  RuleOutput with, without;
  ASSERT_TRUE(RuleOutput::compile({"r", "syscall", &tags, "open by %proc.name"}, cfg, &with).ok());
  ASSERT_TRUE(RuleOutput::compile({"r", "syscall", &other, "open by %proc.name"}, cfg, &without).ok());
  EXPECT_EQ(without.format().text(), "open by %proc.name");
  MapFieldSource src;
  src.set("proc.name", "cat");
  src.set("evt.cpu", "3", FieldValue(std::uint64_t{3}));
  src.set("evt.hostname", "node1");
  src.set("user.name", "bob");
  Alert a;
  with.render(src, a);
  EXPECT_EQ(a.message, "open by cat on cpu 3");
  ASSERT_EQ(a.fields.size(), 4u);
  EXPECT_EQ(a.fields[1].name, "evt.cpu");
  EXPECT_EQ(std::get<std::uint64_t>(a.fields[1].value), 3u);
  EXPECT_EQ(a.fields[2].name, "evt.hostname");
  EXPECT_EQ(std::get<std::string>(a.fields[2].value), "node1");
  EXPECT_EQ(a.fields[3].name, "home");
  EXPECT_EQ(std::get<std::string>(a.fields[3].value), "/home/bob");
}

}  // namespace
}  // namespace saker::output
