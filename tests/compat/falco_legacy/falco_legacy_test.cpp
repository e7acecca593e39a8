// Falco's historic regression suite (../shared/fixtures/falco-legacy/falco_tests.yaml), one
// GoogleTest case per `trace_files: !mux` entry, each running the real `saker` binary the way
// Falco's test/falco_test.py ran falco and making the same checks (see falco_legacy_case.h).
// Cases we cannot run are listed in kObsolete with the reason and reported as skipped.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>

#include "tests/compat/falco_legacy/falco_legacy_case.h"
#include "tests/support/shared_fixtures.h"

namespace saker::compat {
namespace {

namespace fs = std::filesystem;

// Case name -> why it is not run. Never counted as passed.
const std::map<std::string, std::string> kObsolete = {
    {"detect_counts",
     "its trace file traces-positive/falco-event-generator.scap is not among the fixtures "
     "(../shared/fixtures/falco-legacy has trace_files/ only)"},
    {"grpc_unix_socket_outputs",
     "needs Falco's harness gRPC client (grpcurl watching /tmp/falco/falco.sock during -M 5); "
     "saker's gRPC outputs are covered by tests/integration/output/grpc_output_test.cpp"},
};

fs::path fixture_dir() { return saker::testing::shared_dir() / "fixtures" / "falco-legacy"; }

std::vector<LegacyCase> load_cases() {
  fs::path yaml = fixture_dir() / "falco_tests.yaml";
  if (!fs::exists(yaml)) return {};
  return read_legacy_cases(yaml, fixture_dir(),
                           saker::testing::shared_dir() / "fixtures" / "upstream-rules" / "falco_rules.yaml");
}

class FalcoLegacy : public ::testing::TestWithParam<LegacyCase> {};

TEST_P(FalcoLegacy, Case) {
  SAKER_REQUIRE_SHARED();
  const LegacyCase& c = GetParam();
  if (auto it = kObsolete.find(c.name); it != kObsolete.end()) GTEST_SKIP() << "obsolete: " << it->second;
  const char* bin_dir = std::getenv("SAKER_BIN_DIR");  // lets one run the suite on another build
  const std::string binary = std::string(bin_dir ? bin_dir : SAKER_BIN_DIR) + "/saker";
  ASSERT_TRUE(fs::exists(binary)) << binary << " not built";
  // Files the case reads back are removed first and their folders created, as the harness did.
  for (const auto& [actual, expected] : c.output_strictly_contains) {
    if (actual == "stdout") continue;
    std::error_code ec;
    fs::remove(actual, ec);
    fs::create_directories(fs::path(actual).parent_path(), ec);
  }
  for (const auto& [file, line] : c.outputs) {
    std::error_code ec;
    fs::create_directories(fs::path(file).parent_path(), ec);
  }
  RunResult r = run_process(legacy_command(c, binary), 120);
  std::vector<std::string> failures = check_legacy_case(c, r);
  for (const auto& f : failures) ADD_FAILURE() << f;
  if (!failures.empty()) {
    ADD_FAILURE() << "command: " << r.command << "\nexit: " << r.exit_status << "\n--- stdout (first 3000)\n"
                  << r.out.substr(0, 3000) << "\n--- stderr (first 3000)\n" << r.err.substr(0, 3000);
  }
}

INSTANTIATE_TEST_SUITE_P(FalcoTests, FalcoLegacy, ::testing::ValuesIn(load_cases()),
                         [](const ::testing::TestParamInfo<LegacyCase>& info) { return info.param.name; });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(FalcoLegacy);

// The runner must see the whole suite: a truncated read would silently drop cases.
TEST(FalcoLegacySuite, ReadsEveryCase) {
  SAKER_REQUIRE_SHARED();
  EXPECT_EQ(load_cases().size(), 104u);
  for (const auto& [name, reason] : kObsolete) {
    bool known = false;
    for (const auto& c : load_cases()) known = known || c.name == name;
    EXPECT_TRUE(known) << "obsolete list names an unknown case: " << name;
  }
}

}  // namespace
}  // namespace saker::compat
