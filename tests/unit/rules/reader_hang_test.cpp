// Inputs that made yaml-cpp 0.7's LoadAll loop forever (found by fuzz_rules_loader), and alias
// bombs: the reader rejects them before loading, with the line and column concerned.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "engine/filter/static_field_provider.h"
#include "engine/rules/loader.h"

namespace saker::rules {
namespace {

LoadResult load_one(const std::string& content) {
  static filter::StaticFieldProvider fields = [] {
    filter::StaticFieldProvider p;
    std::string err;
    p.add_from_text("proc.name string\nevt.type string\n", &err);
    return p;
  }();
  LoaderOptions options;
  options.compiler.fields = &fields;
  Loader loader(options);
  return loader.load("h.yaml", content);
}

void expect_rejected_at(const std::string& content, uint32_t line, uint32_t column,
                        const std::string& words) {
  auto start = std::chrono::steady_clock::now();
  LoadResult r = load_one(content);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  ASSERT_FALSE(r.ok()) << content;
  const Diagnostic& e = r.errors().at(0);
  EXPECT_STREQ(e.code(), "LOAD_ERR_YAML_PARSE");
  if (line != 0) {  // 0: any position, but one must be given
    EXPECT_EQ(e.context.innermost().line, line) << content;
    EXPECT_EQ(e.context.innermost().column, column) << content;
  } else {
    EXPECT_GT(e.context.innermost().line, 0u);
  }
  EXPECT_NE(e.message.find(words), std::string::npos) << e.message;
}

// The fuzzer's finding reduced to its shape: a ',' where a block node must start.
TEST(ReaderHang, StrayFlowEntryInBlockContext) {
  expect_rejected_at(",\"- list: login_binaries", 1, 1, "Unexpected ','");
  expect_rejected_at(",", 1, 1, "Unexpected ','");
  expect_rejected_at("- list: a\n  items: [x]\n,b\n", 3, 1, "Unexpected ','");
  // Inside the map yaml-cpp itself reports the stray ',' ("end of map not found") at its place.
  expect_rejected_at("- list: a\n  items: [x]\n\n   ,\n", 4, 4, "");
  expect_rejected_at("- list: a\n  items: [x]\n...\n,\n", 4, 1, "Unexpected ','");
}

// A ',' inside plain or block scalars and flow collections stays legal.
TEST(ReaderHang, CommasThatAreFine) {
  LoadResult r = load_one(
      "- list: a\n  items: [x, y\n    , z]\n- macro: m\n  condition: >\n    proc.name in (a\n    , b)\n"
      "- rule: r\n  desc: d, e\n  condition: m and evt.type = open\n  output: o\n  priority: INFO\n");
  EXPECT_TRUE(r.ok()) << r.as_text(true);
}

TEST(ReaderHang, AliasBombIsRejected) {
  std::string y = "- list: l0\n  items: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i <= 7; ++i) {
    std::string prev = "*a" + std::to_string(i - 1);
    y += "- list: l" + std::to_string(i) + "\n  items: &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) y += (k ? ", " : "") + prev;
    y += "]\n";
  }
  expect_rejected_at(y, 0, 0, "Aliases expand");
}

}  // namespace
}  // namespace saker::rules
