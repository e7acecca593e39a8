// The compiler and evaluator against a fake field provider whose values a test sets directly:
// every operator on every field type it accepts, transformers, val(), lists and ordering.
#include <gtest/gtest.h>

#include "engine/core/condition_compiler.h"
#include "tests/unit/core/fake_fields.h"
#include "engine/filter/parser.h"

namespace saker::core {
namespace {

class ConditionTest : public ::testing::Test {
 protected:
  std::unique_ptr<CompiledCondition> compile(const std::string& text, CompileError* err = nullptr) {
    auto parsed = filter::parse(text);
    EXPECT_TRUE(parsed.ok()) << text << ": " << parsed.error->to_string();
    if (!parsed.ok()) return nullptr;
    CompileError local;
    auto c = ConditionCompiler(provider_).compile(*parsed.ast, err ? err : &local);
    if (!err) {
      EXPECT_NE(c, nullptr) << text << ": " << local.message;
    }
    return c;
  }
  bool eval(const std::string& text) {
    auto c = compile(text);
    return c && c->eval(as_ctx(ev_));
  }
  FakeProvider provider_;
  FakeEvent ev_;
};

TEST_F(ConditionTest, StringOperators) {
  ev_.str["t.str"] = "Hello World";
  EXPECT_TRUE(eval("t.str = 'Hello World'"));
  EXPECT_TRUE(eval("t.str == \"Hello World\""));
  EXPECT_FALSE(eval("t.str != 'Hello World'"));
  EXPECT_TRUE(eval("t.str contains World"));
  EXPECT_FALSE(eval("t.str contains world"));
  EXPECT_TRUE(eval("t.str icontains world"));
  EXPECT_TRUE(eval("t.str startswith Hell"));
  EXPECT_TRUE(eval("t.str endswith orld"));
  EXPECT_TRUE(eval("t.str glob 'Hello*'"));
  EXPECT_FALSE(eval("t.str glob 'hello*'"));
  EXPECT_TRUE(eval("t.str iglob 'hello*'"));
  EXPECT_TRUE(eval("t.str regex 'H.*d'"));
  EXPECT_FALSE(eval("t.str regex 'World'")) << "regex is anchored at both ends, as Falco's";
  EXPECT_TRUE(eval("t.str in (abc, 'Hello World', xyz)"));
  EXPECT_FALSE(eval("t.str in (abc, xyz)"));
  EXPECT_TRUE(eval("t.str intersects ('Hello World')"));
  EXPECT_TRUE(eval("t.str exists"));
  EXPECT_FALSE(eval("t.other exists"));
  EXPECT_FALSE(eval("t.other = x")) << "a missing value never compares equal";
  EXPECT_FALSE(eval("t.other != x")) << "nor unequal: <NA> fails every comparison";
}

TEST_F(ConditionTest, PathOperators) {
  ev_.str["t.path"] = "/usr/bin/ls";
  EXPECT_TRUE(eval("t.path pmatch (/usr/bin, /sbin)"));
  EXPECT_FALSE(eval("t.path pmatch (/usr/b, /sbin)"));
  EXPECT_TRUE(eval("t.path startswith /usr/b"));
  EXPECT_TRUE(eval("t.path glob /usr/*/ls"));
}

TEST_F(ConditionTest, BufferOperators) {
  ev_.str["t.buf"] = std::string("\xca\xfe\xf0\x0d rest", 9);
  EXPECT_TRUE(eval("t.buf bcontains CAFEF00D"));
  EXPECT_TRUE(eval("t.buf bstartswith cafe"));
  EXPECT_FALSE(eval("t.buf bstartswith f00d"));
  EXPECT_TRUE(eval("t.buf contains rest"));
}

TEST_F(ConditionTest, NumericOperators) {
  ev_.num["t.int"] = -5;
  ev_.num["t.u"] = 4096;
  ev_.num["t.port"] = 443;
  ev_.num["t.bool"] = 1;
  EXPECT_TRUE(eval("t.int = -5"));
  EXPECT_TRUE(eval("t.int < 0"));
  EXPECT_TRUE(eval("t.int >= -5"));
  EXPECT_FALSE(eval("t.int > -5"));
  EXPECT_TRUE(eval("t.u = 0x1000"));
  EXPECT_TRUE(eval("t.u in (1, 2, 4096)"));
  EXPECT_FALSE(eval("t.u in (1, 2)"));
  EXPECT_TRUE(eval("t.port in (80, 443)"));
  EXPECT_TRUE(eval("t.port <= 443"));
  EXPECT_TRUE(eval("t.bool = true"));
  EXPECT_FALSE(eval("t.bool = false"));
  EXPECT_TRUE(eval("t.bool != false"));
}

TEST_F(ConditionTest, AddressesAndNetworks) {
  ev_.str["t.ip"] = "10.1.2.3";
  ev_.str["t.net"] = "192.168.7.9";
  EXPECT_TRUE(eval("t.ip = 10.1.2.3"));
  EXPECT_FALSE(eval("t.ip = 10.1.2.4"));
  EXPECT_TRUE(eval("t.ip in (127.0.0.1, 10.0.0.0/8)"));
  EXPECT_TRUE(eval("t.net = 192.168.0.0/16"));
  EXPECT_FALSE(eval("t.net = 192.169.0.0/16"));
  EXPECT_TRUE(eval("t.net != 10.0.0.0/8"));
  ev_.str["t.ip"] = "::1";
  EXPECT_TRUE(eval("t.ip = ::1"));
  EXPECT_TRUE(eval("t.ip in (::/0)"));
}

TEST_F(ConditionTest, ListFieldsUseSubsetAndIntersection) {
  ev_.lists["t.list"] = {"bash", "sshd"};
  EXPECT_TRUE(eval("t.list in (bash, sshd, init)"));
  EXPECT_FALSE(eval("t.list in (bash, init)")) << "in needs every value in the set";
  EXPECT_TRUE(eval("t.list intersects (bash, init)"));
  EXPECT_FALSE(eval("t.list intersects (zsh, init)"));
  EXPECT_TRUE(eval("t.list exists"));
}

TEST_F(ConditionTest, AncestorListsMatchWhenAnyValueDoes) {
  ev_.lists["t.anc"] = {"bash", "sshd", "systemd"};
  EXPECT_TRUE(eval("t.anc = sshd")) << "Falco: proc.aname = sshd holds for any ancestor";
  EXPECT_TRUE(eval("t.anc startswith sys"));
  EXPECT_TRUE(eval("t.anc in (nginx, systemd)"));
  EXPECT_TRUE(eval("t.anc pmatch (/x, systemd)"));
  EXPECT_FALSE(eval("t.anc = nginx"));
  EXPECT_FALSE(eval("t.anc in (nginx, httpd)"));
  EXPECT_FALSE(eval("t.anc != sshd")) << "!= holds only when no value is equal (fd.port != 22)";
  EXPECT_TRUE(eval("t.anc != nginx"));
}

TEST_F(ConditionTest, TransformersAndFieldComparison) {
  ev_.str["t.str"] = "MixedCase";
  ev_.str["t.path"] = "/opt/app/MixedCase";
  ev_.str["t.other"] = "bWl4ZWQ=";  // base64 of "mixed"
  EXPECT_TRUE(eval("tolower(t.str) = mixedcase"));
  EXPECT_TRUE(eval("toupper(t.str) = MIXEDCASE"));
  EXPECT_TRUE(eval("basename(t.path) = MixedCase"));
  EXPECT_TRUE(eval("len(t.str) = 9"));
  EXPECT_TRUE(eval("b64(t.other) = mixed"));
  EXPECT_TRUE(eval("basename(t.path) = val(t.str)"));
  EXPECT_TRUE(eval("t.path endswith val(t.str)"));
  EXPECT_FALSE(eval("t.str = val(t.path)"));
  EXPECT_TRUE(eval("tolower(basename(t.path)) = tolower(t.str)"));
}

TEST_F(ConditionTest, BooleanStructureAndPrecedence) {
  ev_.str["t.str"] = "a";
  ev_.num["t.int"] = 1;
  EXPECT_TRUE(eval("t.str = a and t.int = 1"));
  EXPECT_TRUE(eval("t.str = b or t.int = 1"));
  EXPECT_TRUE(eval("not t.str = b"));
  EXPECT_FALSE(eval("not (t.str = a or t.int = 2)"));
  EXPECT_TRUE(eval("t.str = b and t.int = 2 or t.str = a")) << "and binds tighter than or";
  EXPECT_FALSE(eval("t.str = b and (t.int = 2 or t.str = a)"));
}

TEST_F(ConditionTest, CheapComparisonsRunFirst) {
  ev_.str["evt.type"] = "read";
  ev_.str["t.str"] = "x";
  // The regex is written first but the evt.type check is cheaper and fails, so the regex's
  // field is never extracted.
  auto c = compile("t.str regex 'x+' and evt.type = open");
  ASSERT_NE(c, nullptr);
  ev_.extractions = 0;
  EXPECT_FALSE(c->eval(as_ctx(ev_)));
  EXPECT_EQ(ev_.extractions, 1);
}

TEST_F(ConditionTest, InvalidConstantsAreCompileErrorsWithPositions) {
  CompileError err;
  EXPECT_EQ(compile("t.int = hello", &err), nullptr);
  EXPECT_EQ(err.pos.column, 9u);
  EXPECT_NE(err.message.find("expected a number"), std::string::npos) << err.message;
  EXPECT_EQ(compile("t.str regex 'a(('", &err), nullptr);
  EXPECT_NE(err.message.find("invalid regex"), std::string::npos) << err.message;
  EXPECT_EQ(compile("t.ip = not-an-ip", &err), nullptr);
  EXPECT_EQ(compile("t.nope = 1", &err), nullptr);
  EXPECT_NE(err.message.find("nonexistent field"), std::string::npos);
  EXPECT_EQ(compile("some_macro", &err), nullptr);
  EXPECT_NE(err.message.find("undefined macro"), std::string::npos);
}

}  // namespace
}  // namespace saker::core
