// saker-wrap's configuration: command line and SAKER_* variables become a `saker trace`
// command line (engine here) or a saker-trace one (SAKER_SOCKET), and bad input is one line.
#include "wrappers/wrap_options.h"

#include <gtest/gtest.h>

namespace saker::wrap {
namespace {

using Env = std::map<std::string, std::string>;
using Args = std::vector<std::string>;

WrapPlan plan(Args args, Env env = {}) {
  args.insert(args.begin(), "saker-wrap");
  return plan_wrap(args, env, "/saker/saker-trace");
}

TEST(WrapOptions, DefaultIsTheEngineHereWithTheCommandAfterDashDash) {
  WrapPlan p = plan({"--", "httpd", "-f", "-p", "80"});
  ASSERT_EQ(p.kind, WrapPlan::Kind::kEngine) << p.message;
  EXPECT_EQ(p.argv, (Args{"saker", "trace", "--", "httpd", "-f", "-p", "80"}));
}

TEST(WrapOptions, CommandWithoutDashDashKeepsItsOwnFlags) {
  WrapPlan p = plan({"nginx", "-g", "daemon off;"});
  ASSERT_EQ(p.kind, WrapPlan::Kind::kEngine) << p.message;
  EXPECT_EQ(p.argv, (Args{"saker", "trace", "--", "nginx", "-g", "daemon off;"}));
}

TEST(WrapOptions, EnvironmentBecomesConfigurationKeysAndCommandLineWins) {
  Env env = {{"SAKER_CONFIG", "/cfg/saker.yaml"},     {"SAKER_RULES", "/r/a.yaml:/r/d"},
             {"SAKER_OUTPUT_JSON", "yes"},            {"SAKER_OUTPUT_STDERR", "0"},
             {"SAKER_OUTPUT_FILE", "/var/log/a.json"}, {"SAKER_OUTPUT_SYSLOG", "true"},
             {"SAKER_OUTPUT_HTTP", "http://127.0.0.1:2801/"}, {"SAKER_PRIORITY", "warning"}};
  WrapPlan p = plan({"-o", "json_output=false", "-v", "--", "app"}, env);
  ASSERT_EQ(p.kind, WrapPlan::Kind::kEngine) << p.message;
  EXPECT_EQ(p.argv, (Args{"saker", "trace", "-c", "/cfg/saker.yaml", "-r", "/r/a.yaml", "-r", "/r/d",
                          "-o", "json_output=true", "-o", "stdout_output.enabled=false", "-o",
                          "syslog_output.enabled=true", "-o", "file_output.enabled=true", "-o",
                          "file_output.filename=/var/log/a.json", "-o", "http_output.enabled=true", "-o",
                          "http_output.url=http://127.0.0.1:2801/", "-o", "priority=warning", "-o",
                          "json_output=false", "-v", "--", "app"}));
  // -c and -r on the command line replace the environment's.
  WrapPlan q = plan({"-c", "/x.yaml", "-r", "/y.yaml", "app"}, {{"SAKER_CONFIG", "/cfg"}, {"SAKER_RULES", "/r"}});
  EXPECT_EQ(q.argv, (Args{"saker", "trace", "-c", "/x.yaml", "-r", "/y.yaml", "--", "app"}));
}

TEST(WrapOptions, SocketMeansTracerOnly) {
  WrapPlan p = plan({"--", "app", "x"}, {{"SAKER_SOCKET", "/run/saker/saker.sock"}});
  ASSERT_EQ(p.kind, WrapPlan::Kind::kTracerOnly) << p.message;
  EXPECT_EQ(p.argv, (Args{"/saker/saker-trace", "--socket", "/run/saker/saker.sock", "--", "app", "x"}));
  WrapPlan bad = plan({"-r", "/r.yaml", "--", "app"}, {{"SAKER_SOCKET", "/s"}});
  EXPECT_EQ(bad.kind, WrapPlan::Kind::kError);
  EXPECT_NE(bad.message.find("SAKER_SOCKET"), std::string::npos) << bad.message;
}

TEST(WrapOptions, Install) {
  WrapPlan p = plan({"--install", "/saker-bin"});
  ASSERT_EQ(p.kind, WrapPlan::Kind::kInstall) << p.message;
  EXPECT_EQ(p.message, "/saker-bin");
  EXPECT_EQ(plan({"--install", "/d", "--", "app"}).kind, WrapPlan::Kind::kError);
}

TEST(WrapOptions, ErrorsAreOneLineNamingTheProblem) {
  EXPECT_EQ(plan({}).message, "saker-wrap: missing the entrypoint to run (saker-wrap [options] -- CMD ARGS...)");
  EXPECT_EQ(plan({"--"}).kind, WrapPlan::Kind::kError);
  EXPECT_EQ(plan({"--bogus", "app"}).message,
            "saker-wrap: unknown option --bogus (the entrypoint comes after --; see --help)");
  EXPECT_EQ(plan({"app"}, {{"SAKER_OUTPUT_SYSLOG", "maybe"}}).message,
            "saker-wrap: SAKER_OUTPUT_SYSLOG: expected true or false, got 'maybe'");
  WrapPlan missing_value = plan({"-c"});
  EXPECT_EQ(missing_value.kind, WrapPlan::Kind::kError);
  EXPECT_EQ(missing_value.message.find('\n'), std::string::npos) << missing_value.message;
  EXPECT_EQ(plan({"--help"}).kind, WrapPlan::Kind::kHelp);
}

}  // namespace
}  // namespace saker::wrap
