// GCC 12 reports false -Wrestrict positives on std::string concatenation at -O3 (GCC bug 105329).
#pragma GCC diagnostic ignored "-Wrestrict"
// Expansion (lists, macros), type checking and event-type analysis.
#include <gtest/gtest.h>

#include <map>

#include "engine/filter/check.h"
#include "engine/filter/evttypes.h"
#include "engine/filter/expand.h"
#include "engine/filter/parser.h"
#include "engine/filter/static_field_provider.h"

namespace saker::filter {
namespace {

NodePtr P(const std::string& c) {
  auto r = parse(c);
  EXPECT_TRUE(r.ok()) << c << ": " << (r.error ? r.error->to_string() : "");
  return std::move(r.ast);
}

TEST(Lists, ExpandAtWordBoundariesInDefinitionOrder) {
  ListSet lists;
  lists.add("shell_binaries", {"sh", "bash", "\"c d\""});
  lists.add("empty", {});
  lists.add("later", {"shell_binaries"});  // defined after: not expanded again
  auto ast = P("proc.name in (shell_binaries, zsh, empty, \"shell_binaries\") and proc.name in later");
  std::vector<bool> used;
  ASSERT_FALSE(lists.expand(*ast, &used));
  EXPECT_EQ(to_string(*ast),
            "(proc.name in (sh, bash, \"c d\", zsh, shell_binaries) and proc.name in (shell_binaries))");
  EXPECT_EQ(used, (std::vector<bool>{true, true, true}));
}

TEST(Lists, LoopEndsAndSingleValue) {
  ListSet lists;
  lists.add("a", {"b"});
  lists.add("b", {"a"});
  auto ast = P("evt.type in (a) and proc.name = b");
  std::vector<bool> used;
  ASSERT_FALSE(lists.expand(*ast, &used));
  EXPECT_EQ(to_string(*ast), "(evt.type in (a) and proc.name = a)");
  lists.add("two", {"x", "y"});
  auto bad = P("proc.name = two");
  auto err = lists.expand(*bad, &used);
  ASSERT_TRUE(err);
  EXPECT_EQ(err->pos.column, 13u);
}

TEST(Macros, ExpandDetectLoopsAndUndefined) {
  std::map<std::string, NodePtr> macros;
  macros["m1"] = P("evt.type = open");
  macros["m2"] = P("m1 and proc.name = cat");
  macros["loop_a"] = P("loop_b");
  macros["loop_b"] = P("loop_a");
  MacroLookup lookup = [&](std::string_view n) -> const Node* {
    auto it = macros.find(std::string(n));
    return it == macros.end() ? nullptr : it->second.get();
  };
  auto ast = P("m2 or not m1");
  auto r = expand_macros(ast, lookup);
  EXPECT_FALSE(r.error);
  EXPECT_EQ(to_string(*ast), "((evt.type = open and proc.name = cat) or not evt.type = open)");
  auto root = P("m1");
  expand_macros(root, lookup);
  EXPECT_EQ(to_string(*root), "evt.type = open");

  auto loop = P("x.y = 1 and loop_a");
  r = expand_macros(loop, lookup);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->message, "reference loop in macro 'loop_a'");

  auto undef = P("proc.name = a or foo");
  r = expand_macros(undef, lookup);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->message, "Undefined macro 'foo' used in filter.");
  EXPECT_EQ(r.error->pos.column, 18u);
}

TEST(Macros, ExponentialExpansionIsBounded) {
  std::map<std::string, NodePtr> macros;
  macros["m0"] = P("a.b = 1");
  for (int i = 1; i < 40; ++i) {
    macros["m" + std::to_string(i)] = P("m" + std::to_string(i - 1) + " and m" + std::to_string(i - 1));
  }
  MacroLookup lookup = [&](std::string_view n) -> const Node* {
    auto it = macros.find(std::string(n));
    return it == macros.end() ? nullptr : it->second.get();
  };
  auto ast = P("m39");
  auto r = expand_macros(ast, lookup, 100000);
  ASSERT_TRUE(r.error);
  EXPECT_NE(r.error->message.find("too large"), std::string::npos);
}

class FakeCatalog : public EventTypeCatalog {
 public:
  // open = {0,1}, execve = {2,3}, connect = {4,5}; universe 200 (so "all" > 100)
  size_t universe_size() const override { return 200; }
  void ids_named(std::string_view name, std::vector<uint16_t>* out) const override {
    if (name == "open") out->insert(out->end(), {0, 1});
    if (name == "execve") out->insert(out->end(), {2, 3});
    if (name == "connect") out->insert(out->end(), {4, 5});
  }
};

size_t types(const std::string& c) { return event_types_of(*P(c), FakeCatalog()).size(); }

TEST(EventTypes, FalcoSetAlgebra) {
  EXPECT_EQ(types("evt.type=execve"), 2u);
  EXPECT_EQ(types("proc.name=foo"), 200u);
  EXPECT_EQ(types("evt.type!=execve"), 198u);
  EXPECT_EQ(types("not evt.type=execve"), 198u);
  EXPECT_EQ(types("evt.type=execve and proc.name!=foo"), 2u);
  EXPECT_EQ(types("evt.type=execve and not proc.name=foo"), 2u);
  EXPECT_EQ(types("evt.type=execve and proc.name=foo or evt.type=open"), 4u);
  EXPECT_EQ(types("evt.type=execve and proc.name=foo or evt.type in (open, connect)"), 6u);
  EXPECT_EQ(types("evt.type=execve and proc.name=foo or evt.type=open or evt.type!=connect"), 198u);
  EXPECT_EQ(types("evt.type=execve and proc.name=foo or evt.type=open or not evt.type=connect"), 198u);
  EXPECT_EQ(types("not (evt.type=execve or evt.type=open)"), 196u);
  EXPECT_EQ(types("not (evt.type=execve and proc.name=foo)"), 200u);
  EXPECT_EQ(types("not evt.type != open"), 2u);
  EXPECT_EQ(types("evt.type exists"), 200u);
  EXPECT_EQ(types("not evt.type exists"), 0u);
  EXPECT_EQ(types("evt.num = 0"), 0u);
  EXPECT_EQ(types("evt.num > 0"), 200u);
  EXPECT_EQ(types("not evt.num = 0 and evt.type = open"), 2u);
  EXPECT_EQ(types("evt.type in (open, unknown)"), 2u);
}

StaticFieldProvider fields() {
  StaticFieldProvider p;
  std::string err;
  EXPECT_TRUE(p.add_from_text(R"(
proc.pid int64
proc.name string
proc.aname string index-optional
proc.args string
fd.num int64
fd.ip ipaddr
fd.net ipnet
fd.sport port
evt.type string
evt.num uint64
evt.buffer bytebuf
evt.arg string key-required
proc.is_exe_upper_layer bool
proc.duration reltime
k8s.pod.label string key-required
container.mounts string list
)", &err)) << err;
  return p;
}

std::string check_of(const std::string& c) {
  auto provider = fields();
  FakeCatalog cat;
  CheckOptions o{&provider, &cat};
  auto err = check(*P(c), o);
  return err ? std::to_string(err->pos.column) + ": " + err->message + (err->unknown ? " [unknown]" : "") : "OK";
}

TEST(Check, TypesAndOperators) {
  EXPECT_EQ(check_of("proc.pid = hello"),
            "12: filter error: invalid value 'hello' for 'proc.pid' of type int64: expected a signed integer");
  EXPECT_EQ(check_of("proc.pid = 12 and proc.pid in (1, 0x10, -3)"), "OK");
  EXPECT_EQ(check_of("proc.nobody = 1"), "1: filter_check called with nonexistent field proc.nobody [unknown]");
  EXPECT_EQ(check_of("proc.pid contains 1"), "1: filter error: 'contains' operator not supported for numeric filters");
  EXPECT_EQ(check_of("proc.name bcontains 41"), "1: filter error: 'bcontains' operator not supported for string filters");
  EXPECT_EQ(check_of("evt.buffer bcontains 4142"), "OK");
  EXPECT_EQ(check_of("evt.buffer bcontains xyz"), "22: filter error: invalid value 'xyz' for 'evt.buffer' of type bytebuf: bcontains and bstartswith operator support hex strings only");
  EXPECT_EQ(check_of("evt.buffer glob x"), "1: filter error: 'glob' operator not supported for buffer filters");
  EXPECT_EQ(check_of("fd.ip = 10.0.0.1 and fd.net in (10.0.0.0/8, ::1/128) and fd.ip = ::1"), "OK");
  EXPECT_EQ(check_of("fd.net = 10.0.0.0/33"), "10: filter error: invalid value '10.0.0.0/33' for 'fd.net' of type ipnet: expected an IP network (CIDR)");
  EXPECT_EQ(check_of("fd.ip startswith 10"), "1: filter error: 'startswith' operator not supported for ip address and network filters");
  EXPECT_EQ(check_of("fd.sport = 70000"), "12: filter error: invalid value '70000' for 'fd.sport' of type port: expected a port number (0-65535)");
  EXPECT_EQ(check_of("proc.is_exe_upper_layer = true and proc.is_exe_upper_layer != yes"),
            "63: filter error: invalid value 'yes' for 'proc.is_exe_upper_layer' of type bool: expected 'true' or 'false'");
  EXPECT_EQ(check_of("proc.is_exe_upper_layer < 1"), "1: filter error: '<' operator not supported for boolean filters");
  EXPECT_EQ(check_of("evt.type = open and evt.type in (execve, nope)"), "42: unknown event type nope [unknown]");
  EXPECT_EQ(check_of("proc.aname[2] = sh and proc.aname = sh and proc.aname[x] = sh"),
            "44: field 'proc.aname' requires a numeric argument, found 'x'");
  EXPECT_EQ(check_of("evt.arg.flags contains X and evt.arg[0] = y and k8s.pod.label.app = z"), "OK");
  EXPECT_EQ(check_of("evt.arg = 1"), "1: field 'evt.arg' requires an argument");
  EXPECT_EQ(check_of("container.mounts = x"), "1: filter error: '=' operator not supported for list filters");
  EXPECT_EQ(check_of("container.mounts intersects (x) and len(container.mounts) > 2"), "OK");
  EXPECT_EQ(check_of("tolower(proc.name) = bash and len(proc.args) > 2 and proc.pid = val(fd.num)"), "OK");
  EXPECT_EQ(check_of("tolower(proc.pid) = 1"), "1: filter error: transformer 'tolower' does not support fields of type 'int64'");
  EXPECT_EQ(check_of("proc.name = val(proc.pid)"), "13: filter error: cannot compare a field of type 'string' with a field of type 'int64'");
  EXPECT_EQ(check_of("proc.duration > 1000 and evt.num >= 2"), "OK");
  EXPECT_EQ(check_of("undefined_macro"), "1: filter error: unexpected identifier 'undefined_macro'");
}

}  // namespace
}  // namespace saker::filter
