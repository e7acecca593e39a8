// GCC 12 reports false -Wrestrict positives on std::string concatenation at -O3 (GCC bug 105329).
#pragma GCC diagnostic ignored "-Wrestrict"
#include <gtest/gtest.h>

#include "engine/filter/parser.h"

namespace saker::filter {
namespace {

std::string roundtrip(const std::string& cond) {
  auto r = parse(cond);
  if (!r.ok()) return "ERROR " + r.error->to_string();
  return to_string(*r.ast);
}

std::string error_of(const std::string& cond) {
  auto r = parse(cond);
  return r.ok() ? "OK" : r.error->to_string();
}

TEST(Parser, PrecedenceNotAndOr) {
  EXPECT_EQ(roundtrip("a or b and not c"), "(a or (b and not c))");
  EXPECT_EQ(roundtrip("(a or b) and c"), "((a or b) and c)");
  EXPECT_EQ(roundtrip("not not a"), "a");
  EXPECT_EQ(roundtrip("not(a)"), "not a");
  EXPECT_EQ(roundtrip("a and(b or c)"), "(a and (b or c))");
}

TEST(Parser, Operators) {
  for (const char* op : {"=", "!=", "<", "<=", ">", ">=", "contains", "icontains", "startswith",
                         "endswith", "glob", "iglob", "regex"}) {
    std::string c = std::string("proc.name ") + op + " 1";
    auto r = parse(c);
    ASSERT_TRUE(r.ok()) << c << ": " << r.error->to_string();
    EXPECT_EQ(r.ast->kind, NodeKind::Compare);
  }
  EXPECT_EQ(roundtrip("evt.buffer bcontains 0a0b"), "evt.buffer bcontains 0a0b");
  EXPECT_EQ(roundtrip("evt.type==open"), "evt.type = open");
  EXPECT_EQ(roundtrip("proc.name exists"), "proc.name exists");
  EXPECT_EQ(roundtrip("proc.name in (a, b, \"c d\")"), "proc.name in (a, b, \"c d\")");
  EXPECT_EQ(roundtrip("proc.name in ()"), "proc.name in ()");
  EXPECT_EQ(roundtrip("fd.name pmatch (/etc, /usr)"), "fd.name pmatch (/etc, /usr)");
  EXPECT_EQ(roundtrip("proc.name intersects (a)"), "proc.name intersects (a)");
  EXPECT_EQ(roundtrip("proc.name in shell_binaries"), "proc.name in shell_binaries");
}

TEST(Parser, FieldArguments) {
  EXPECT_EQ(roundtrip("proc.aname[2]=sh"), "proc.aname[2] = sh");
  EXPECT_EQ(roundtrip("container.mount[/etc] exists"), "container.mount[/etc] exists");
  EXPECT_EQ(roundtrip("evt.arg.name = x"), "evt.arg.name = x");
  EXPECT_EQ(roundtrip("evt.arg[1] = x"), "evt.arg[1] = x");
  EXPECT_EQ(roundtrip("k8s.pod.label.app = x"), "k8s.pod.label.app = x");
  EXPECT_EQ(roundtrip("ka.req.pod.containers.image = x"), "ka.req.pod.containers.image = x");
  EXPECT_EQ(roundtrip("proc.env['HOME'] = /root"), "proc.env[HOME] = /root");
}

TEST(Parser, Transformers) {
  EXPECT_EQ(roundtrip("tolower(proc.name) = bash"), "tolower(proc.name) = bash");
  EXPECT_EQ(roundtrip("toupper( proc.name ) = BASH"), "toupper(proc.name) = BASH");
  EXPECT_EQ(roundtrip("len(proc.args) > 3"), "len(proc.args) > 3");
  EXPECT_EQ(roundtrip("basename(b64(proc.name)) = x"), "basename(b64(proc.name)) = x");
  EXPECT_EQ(roundtrip("fd.name = val(proc.cwd)"), "fd.name = val(proc.cwd)");
  EXPECT_EQ(roundtrip("proc.pid > val(proc.ppid)"), "proc.pid > val(proc.ppid)");
  EXPECT_EQ(roundtrip("tolower = x"), "ERROR condition:1:9: unexpected token after 'tolower', expecting 'or', 'and'");
}

TEST(Parser, QuotingAndEscapes) {
  auto r = parse(R"(proc.cmdline = "a \"b\" \\ \x41\n")");
  ASSERT_TRUE(r.ok()) << r.error->to_string();
  EXPECT_EQ(r.ast->right->text, "a \"b\" \\ A\n");
  EXPECT_TRUE(r.ast->right->quoted);
  r = parse("proc.cmdline = 'it''s'");
  EXPECT_FALSE(r.ok());
  r = parse(R"(proc.cmdline = 'a\'b')");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.ast->right->text, "a'b");
  EXPECT_EQ(error_of(R"(proc.cmdline = 'a\"b')"), "condition:1:16: invalid \\\" escape in '-quoted string");
  EXPECT_EQ(error_of(R"(proc.cmdline = "a\qb")"), "condition:1:16: unsupported string escape sequence: \\q");
  EXPECT_EQ(error_of("proc.cmdline = \"abc"), "condition:1:16: unterminated quoted string");
}

TEST(Parser, ErrorsWithPositions) {
  EXPECT_EQ(error_of("evt.type=execve foo"),
            "condition:1:17: unexpected token after 'execve', expecting 'or', 'and'");
  EXPECT_EQ(error_of("proc.name in )"), "condition:1:14: expected a value after 'in', found ')'");
  EXPECT_EQ(error_of("proc.name = "), "condition:1:13: expected a value after '=', found end of condition");
  EXPECT_EQ(error_of("proc.name in (a b)"), "condition:1:17: expected ',' or ')' in list, found 'b'");
  EXPECT_EQ(error_of("a and\n  (b or"), "condition:2:6: expected blank or '(' after 'or'");
  EXPECT_EQ(error_of(""), "condition:1:1: filter input string is empty");
  EXPECT_EQ(error_of("proc.pid < abc"),
            "condition:1:12: expected a number value or a field with a valid transformer after '<' "
            "('val', 'tolower', 'toupper', 'b64', 'basename', 'len'), found 'abc'");
  EXPECT_NE(error_of("proc.name foo x").find("expected a valid check operator"), std::string::npos);
}

TEST(Parser, DepthIsBounded) {
  std::string deep(5000, '(');
  EXPECT_NE(error_of(deep + "a" + std::string(5000, ')')).find("exceeded max depth"), std::string::npos);
  std::string nots;
  for (int i = 0; i < 3000; ++i) nots += "not ";
  EXPECT_EQ(roundtrip(nots + "a"), "a");
}

TEST(Parser, Positions) {
  auto r = parse("a and\n proc.name = x");
  ASSERT_TRUE(r.ok());
  const Node& cmp = *r.ast->children[1];
  EXPECT_EQ(cmp.pos.line, 2u);
  EXPECT_EQ(cmp.pos.column, 2u);
  EXPECT_EQ(cmp.right->pos.column, 14u);
  EXPECT_EQ(cmp.right->pos.offset, 19u);
}

}  // namespace
}  // namespace saker::filter
