// GCC 12 reports false -Wrestrict positives on std::string concatenation at -O3 (GCC bug 105329).
#pragma GCC diagnostic ignored "-Wrestrict"
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "engine/filter/static_field_provider.h"
#include "engine/rules/loader.h"
#include "tests/support/shared_fixtures.h"

namespace saker::rules {
namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Every upstream field, plus the ones the legacy fixtures use (proc.nobody stays unknown).
const filter::StaticFieldProvider& provider() {
  static filter::StaticFieldProvider p = [] {
    filter::StaticFieldProvider out;
    std::string err;
    EXPECT_TRUE(out.add_from_text(slurp(std::filesystem::path(SAKER_RULES_TEST_DATA) / "upstream_fields.txt"), &err)) << err;
    EXPECT_TRUE(out.add_from_text("proc.apid int64 index-optional\nproc.pid int64\nproc.ppid int64\n"
                                  "evt.dir string\nfd.cport port\nproc.pcmdline string\nproc.cmdline string\n",
                                  &err));
    return out;
  }();
  return p;
}

class FakeCatalog : public filter::EventTypeCatalog {
 public:
  size_t universe_size() const override { return 400; }
  void ids_named(std::string_view name, std::vector<uint16_t>* out) const override {
    static const char* names[] = {"open", "openat", "openat2", "execve", "execveat", "connect", "accept",
                                  "accept4", "sendto", "madvise", "close", "read", "write", "clone", "clone3",
                                  "fork", "vfork", "dup", "dup2", "dup3", "socket", "bind", "listen",
                                  "recvfrom", "recvmsg", "sendmsg", "mkdir", "mkdirat", "rmdir", "unlink",
                                  "unlinkat", "rename", "renameat", "renameat2", "chmod", "fchmod",
                                  "fchmodat", "setuid", "setgid", "setresuid", "setresgid", "ptrace",
                                  "mount", "umount", "umount2", "link", "linkat", "symlink", "symlinkat",
                                  "creat", "memfd_create", "init_module", "finit_module", "bpf",
                                  "userfaultfd", "prctl", "chdir", "fchdir", "pivot_root", "unshare",
                                  "setns", "procexit", "container", "mprotect", "mmap", "ioctl",
                                  "sendfile", "io_uring_setup", "io_uring_enter", "io_uring_register",
                                  "copy_file_range", "splice", "pipe", "pipe2", "kill", "tkill",
                                  "tgkill", "fcntl", "chroot", "process_vm_writev", "process_vm_readv",
                                  "delete_module", "timerfd_create", "select", "poll", "switch", "access", "stat", "lstat"};
    for (size_t i = 0; i < std::size(names); ++i) {
      if (name == names[i]) out->insert(out->end(), {static_cast<uint16_t>(2 * i), static_cast<uint16_t>(2 * i + 1)});
    }
  }
};

LoaderOptions options(bool with_fields = true) {
  static FakeCatalog catalog;
  LoaderOptions o;
  if (with_fields) o.compiler.fields = &provider();
  o.compiler.event_types = &catalog;
  return o;
}

std::filesystem::path legacy(const std::string& rel) {
  return testing::shared_dir() / "fixtures/falco-legacy/rules" / rel;
}

struct Expect {
  const char* item_type;
  const char* item_name;
  const char* code;
  const char* message;  // exact, or a substring when it starts with '~'
};

void expect_diag(const std::vector<Diagnostic>& diags, const Expect& e, const std::string& text) {
  for (const auto& d : diags) {
    std::string msg = e.message;
    bool match_msg = msg[0] == '~' ? d.message.find(msg.substr(1)) != std::string::npos : d.message == msg;
    if (d.item_type() == e.item_type && d.item_name() == e.item_name && std::string(d.code()) == e.code && match_msg) return;
  }
  ADD_FAILURE() << "missing " << e.code << " " << e.item_type << " '" << e.item_name << "': " << e.message << "\n" << text;
}

// The validate_errors expectations of falco_tests.yaml.
TEST(LegacyFixtures, ValidateErrors) {
  SAKER_REQUIRE_SHARED();
  struct Case {
    std::vector<const char*> files;
    Expect error;
  };
  const Case cases[] = {
      {{"invalid_not_yaml.yaml"}, {"rules content", "", "LOAD_ERR_YAML_VALIDATE", "Rules content is not yaml"}},
      {{"invalid_not_array.yaml"}, {"rules content", "", "LOAD_ERR_YAML_VALIDATE", "Rules content is not yaml array of objects"}},
      {{"invalid_array_item_not_object.yaml"}, {"rules content item", "", "LOAD_ERR_YAML_VALIDATE", "Unexpected element type. Each element should be a yaml associative array."}},
      {{"invalid_engine_version_not_number.yaml"}, {"required_engine_version", "", "LOAD_ERR_YAML_VALIDATE", "Can't decode YAML scalar value"}},
      {{"invalid_yaml_parse_error.yaml"}, {"rules content", "", "LOAD_ERR_YAML_PARSE", "yaml-cpp: error at line 1, column 11: illegal map value"}},
      {{"invalid_list_without_items.yaml"}, {"list", "bad_list", "LOAD_ERR_YAML_VALIDATE", "Item has no mapping for key 'items'"}},
      {{"invalid_macro_without_condition.yaml"}, {"macro", "bad_macro", "LOAD_ERR_YAML_VALIDATE", "Item has no mapping for key 'condition'"}},
      {{"invalid_macro_loop.yaml"}, {"macro", "macro_a", "LOAD_ERR_VALIDATE", "~reference loop in macro"}},
      {{"invalid_rule_without_output.yaml"}, {"rule", "no output rule", "LOAD_ERR_YAML_VALIDATE", "Item has no mapping for key 'output'"}},
      {{"invalid_append_rule_without_condition.yaml"}, {"rule", "no condition rule", "LOAD_ERR_VALIDATE", "Appended rule must have exceptions or condition property"}},
      {{"invalid_append_macro_dangling.yaml"}, {"macro", "dangling append", "LOAD_ERR_VALIDATE", "Macro has 'append' key but no macro by that name already exists"}},
      {{"list_append_failure.yaml"}, {"list", "my_list", "LOAD_ERR_VALIDATE", "List has 'append' key but no list by that name already exists"}},
      {{"invalid_list_loop.yaml"}, {"rule", "sample rule", "LOAD_ERR_COMPILE_CONDITION", "unknown event type list_a"}},
      {{"rule_append_failure.yaml"}, {"rule", "my_rule", "LOAD_ERR_VALIDATE", "Rule has 'append' key but no rule by that name already exists"}},
      {{"invalid_base_macro.yaml", "invalid_overwrite_macro.yaml"}, {"macro", "some macro", "LOAD_ERR_VALIDATE", "Undefined macro 'foo' used in filter."}},
      {{"invalid_base_macro.yaml", "invalid_append_macro.yaml"}, {"macro", "some macro", "LOAD_ERR_COMPILE_CONDITION", "unexpected token after 'execve', expecting 'or', 'and'"}},
      {{"invalid_overwrite_macro_multiple_docs.yaml"}, {"macro", "some macro", "LOAD_ERR_VALIDATE", "Undefined macro 'foo' used in filter."}},
      {{"invalid_append_macro_multiple_docs.yaml"}, {"macro", "some macro", "LOAD_ERR_COMPILE_CONDITION", "unexpected token after 'execve', expecting 'or', 'and'"}},
      {{"invalid_base_rule.yaml", "invalid_overwrite_rule.yaml"}, {"rule", "some rule", "LOAD_ERR_VALIDATE", "Undefined macro 'bar' used in filter."}},
      {{"invalid_base_rule.yaml", "invalid_append_rule.yaml"}, {"rule", "some rule", "LOAD_ERR_COMPILE_CONDITION", "unexpected token after 'open', expecting 'or', 'and'"}},
      {{"invalid_overwrite_rule_multiple_docs.yaml"}, {"rule", "some rule", "LOAD_ERR_VALIDATE", "Undefined macro 'bar' used in filter."}},
      {{"invalid_append_rule_multiple_docs.yaml"}, {"rule", "some rule", "LOAD_ERR_COMPILE_CONDITION", "unexpected token after 'open', expecting 'or', 'and'"}},
      {{"invalid_missing_rule_name.yaml"}, {"rule", "", "LOAD_ERR_YAML_VALIDATE", "Mapping for key 'rule' is empty"}},
      {{"invalid_missing_list_name.yaml"}, {"list", "", "LOAD_ERR_YAML_VALIDATE", "Mapping for key 'list' is empty"}},
      {{"invalid_missing_macro_name.yaml"}, {"macro", "", "LOAD_ERR_YAML_VALIDATE", "Mapping for key 'macro' is empty"}},
      {{"invalid_rule_output.yaml"}, {"rule", "rule_with_invalid_output", "LOAD_ERR_COMPILE_OUTPUT", "invalid formatting token not_a_real_field"}},
      {{"skip_unknown_error.yaml"}, {"rule", "Contains Unknown Event And Not Skipping", "LOAD_ERR_COMPILE_CONDITION", "filter_check called with nonexistent field proc.nobody"}},
      {{"skip_unknown_unspec.yaml"}, {"rule", "Contains Unknown Event And Unspecified", "LOAD_ERR_COMPILE_CONDITION", "filter_check called with nonexistent field proc.nobody"}},
      {{"engine_version_mismatch.yaml"}, {"required_engine_version", "", "LOAD_ERR_VALIDATE", "~Rules require engine version 9999999, but engine version is"}},
  };
  for (const auto& c : cases) {
    Loader loader(options());
    LoadResult last;
    std::string text;
    for (size_t i = 0; i < c.files.size(); ++i) {
      last = loader.load_file(legacy(c.files[i]));
      text += last.as_text(true, loader.content(last.name()));
      if (i + 1 < c.files.size()) {
        EXPECT_TRUE(last.ok()) << c.files[i] << "\n" << text;
      }
    }
    EXPECT_FALSE(last.ok()) << c.files.back();
    expect_diag(last.errors(), c.error, text);
  }
}

TEST(LegacyFixtures, ValidateWarnings) {
  SAKER_REQUIRE_SHARED();
  Loader loader(options());
  LoadResult r = loader.load_file(legacy("falco_rules_warnings.yaml"));
  ASSERT_TRUE(r.ok()) << r.as_text(true);
  std::set<std::string> no_evttype;
  for (const auto& w : r.warnings()) {
    if (w.warning == WarningCode::LOAD_NO_EVTTYPE) no_evttype.insert(w.item_name());
  }
  EXPECT_EQ(no_evttype, (std::set<std::string>{"no_evttype", "evttype_not_equals", "leading_not",
                                               "not_equals_at_end", "not_at_end", "not_equals_and_not",
                                               "leading_in_not_equals_at_evttype", "not_with_evttypes",
                                               "not_with_evttypes_addl"}));
  Loader skip(options());
  r = skip.load_file(legacy("skip_unknown_evt.yaml"));
  EXPECT_TRUE(r.ok());
  expect_diag(r.warnings(), {"rule", "Contains Unknown Event And Skipping", "LOAD_UNKNOWN_FIELD",
                             "filter_check called with nonexistent field proc.nobody"}, r.as_text(true));
  EXPECT_TRUE(skip.ruleset().rules.empty());
}

TEST(LegacyFixtures, EveryLoadableFileLoads) {
  SAKER_REQUIRE_SHARED();
  for (const char* f : {"single_rule.yaml", "rule_append.yaml", "list_append.yaml", "macro_append.yaml",
                        "multiple_docs.yaml", "override_list.yaml", "override_macro.yaml", "override_nested_list.yaml",
                        "override_rule.yaml", "list_sub_bare.yaml", "list_sub_end.yaml", "list_sub_front.yaml",
                        "list_sub_mid.yaml", "list_sub_whitespace.yaml", "list_substring.yaml", "tagged_rules.yaml",
                        "rule_names_with_spaces.yaml", "rule_names_with_regex_chars.yaml", "skip_unknown_prefix.yaml",
                        "catchall_order.yaml", "endswith.yaml", "detect_connect_using_in.yaml", "syscalls.yaml",
                        "exceptions/rule_exception_values_listref.yaml", "exceptions/rule_exception_values_listref_noparens.yaml",
                        "exceptions/rule_exception_quoted.yaml", "exceptions/rule_exception_single_field.yaml",
                        "exceptions/rule_exception_values_list.yaml", "exceptions/rule_exception_append_multiple.yaml"}) {
    Loader loader(options());
    LoadResult r = loader.load_file(legacy(f));
    EXPECT_TRUE(r.ok()) << f << "\n" << r.as_text(true, loader.content(r.name()));
  }
}

TEST(LegacyFixtures, ExceptionsCompileAsFalco) {
  SAKER_REQUIRE_SHARED();
  Loader loader(options());
  LoadResult r = loader.load_file(legacy("exceptions/rule_exception_quoted.yaml"));
  ASSERT_TRUE(r.ok()) << r.as_text(true);
  ASSERT_EQ(loader.ruleset().rules.size(), 1u);
  EXPECT_EQ(filter::to_string(*loader.ruleset().rules[0].condition),
            "((evt.type = open and proc.name = cat) and not ((proc.name = not-cat and proc.cmdline = not-cat) or "
            "(proc.name = cat and proc.cmdline = \"cat /dev/null\")))");
}

TEST(LegacyFixtures, RulesDirectoryLoadsInOrder) {
  SAKER_REQUIRE_SHARED();
  Loader loader(options());
  auto results = loader.load_path(legacy("rules_dir"));
  ASSERT_EQ(results.size(), 2u);
  EXPECT_NE(results[0].name().find("000-single_rule.yaml"), std::string::npos);
  for (const auto& r : results) EXPECT_TRUE(r.ok()) << r.as_text(true);
}

TEST(UpstreamRules, LoadTogetherWithZeroErrors) {
  SAKER_REQUIRE_SHARED();
  Loader loader(options());
  std::string all;
  for (const char* f : {"falco_rules.yaml", "falco-incubating_rules.yaml", "falco-sandbox_rules.yaml"}) {
    LoadResult r = loader.load_file(testing::shared_dir() / "fixtures/upstream-rules" / f);
    EXPECT_TRUE(r.ok()) << r.as_text(true, loader.content(r.name()));
    for (const auto& w : r.warnings()) {
      EXPECT_NE(w.warning, WarningCode::LOAD_UNKNOWN_FIELD) << w.message;
    }
  }
  EXPECT_GT(loader.ruleset().rules.size(), 80u);
  for (const char* f : {"falco_rules.yaml", "falco-incubating_rules.yaml", "falco-sandbox_rules.yaml"}) {
    Loader alone(options());
    LoadResult r = alone.load_file(testing::shared_dir() / "fixtures/upstream-rules" / f);
    EXPECT_TRUE(r.ok()) << f << "\n" << r.as_text(true, alone.content(r.name()));
  }
}

TEST(Loader, OverridesAppendsAndEnabled) {
  Loader loader(options());
  auto r = loader.load("a.yaml", R"(
- list: bins
  items: [cat]
- macro: is_bin
  condition: proc.name in (bins)
- rule: r1
  desc: d
  condition: evt.type = open and is_bin
  output: "out %proc.name"
  priority: WARNING
  tags: [t1]
)");
  ASSERT_TRUE(r.ok()) << r.as_text(true);
  r = loader.load("b.yaml", R"(
- list: bins
  items: [ls]
  override:
    items: append
- rule: r1
  condition: and proc.pid > 1
  output: " extra"
  priority: ERROR
  override:
    condition: append
    output: append
    priority: replace
- rule: r1
  enabled: false
)");
  ASSERT_TRUE(r.ok()) << r.as_text(true);
  const auto& rule = loader.ruleset().rules.at(0);
  EXPECT_EQ(filter::to_string(*rule.condition), "(evt.type = open and proc.name in (cat, ls) and proc.pid > 1)");
  EXPECT_EQ(rule.output, "out %proc.name  extra");
  EXPECT_EQ(rule.priority, Priority::Error);
  EXPECT_FALSE(rule.enabled);
  EXPECT_EQ(rule.event_types.size(), 2u);
}

TEST(Loader, ErrorsCarryPositionsTextAndJson) {
  Loader loader(options());
  const std::string content = "- rule: r\n  desc: d\n  condition: evt.type = open and proc.pid = hello\n  output: o\n  priority: INFO\n";
  auto r = loader.load("x.yaml", content);
  ASSERT_FALSE(r.ok());
  const Diagnostic& e = r.errors().at(0);
  EXPECT_STREQ(e.code(), "LOAD_ERR_COMPILE_CONDITION");
  EXPECT_EQ(e.item_type(), "rule");
  EXPECT_EQ(e.item_name(), "r");
  EXPECT_EQ(e.context.innermost().item_type, "condition expression");
  EXPECT_EQ(e.context.innermost().column, 32u);
  std::string text = r.as_text(true, content);
  EXPECT_NE(text.find("x.yaml: Invalid"), std::string::npos) << text;
  EXPECT_NE(text.find("    rule 'r': (x.yaml:1:3)"), std::string::npos) << text;
  auto j = r.as_json(content);
  EXPECT_EQ(j["successful"], false);
  EXPECT_EQ(j["errors"][0]["code"], "LOAD_ERR_COMPILE_CONDITION");
  EXPECT_EQ(j["errors"][0]["context"]["locations"][1]["item_type"], "rule");
  EXPECT_EQ(r.as_text(false), "x.yaml: Invalid\n 1 errors: [LOAD_ERR_COMPILE_CONDITION (Error compiling condition)]\n");
}

TEST(Loader, WarningsUnusedAndUnknown) {
  Loader loader(options());
  auto r = loader.load("w.yaml", R"(
- list: unused_list
  items: [a]
- macro: unused_macro
  condition: proc.name = a
- something_else: 1
- rule: r
  desc: d
  condition: evt.type = open
  output: o
  priority: INFO
  colour: blue
)");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.has_warning(WarningCode::LOAD_UNUSED_LIST));
  EXPECT_TRUE(r.has_warning(WarningCode::LOAD_UNUSED_MACRO));
  EXPECT_TRUE(r.has_warning(WarningCode::LOAD_UNKNOWN_ITEM));
  EXPECT_TRUE(r.has_warning(WarningCode::LOAD_UNKNOWN_KEY));
  EXPECT_EQ(r.as_text(false).substr(0, 25), "w.yaml: Ok, with warnings");
}

}  // namespace
}  // namespace saker::rules
