// Every flag of the `saker` command line, with good and bad values, parsed in-process.
#include "engine/app/cli_parser.h"

#include <gtest/gtest.h>

namespace saker::app {
namespace {

struct Parsed {
  ParseResult result;
  CliOptions opts;
};

Parsed parse(std::vector<std::string> args) {
  args.insert(args.begin(), "saker");
  Parsed p;
  p.result = parse_command_line(args, &p.opts);
  return p;
}

Parsed ok(std::vector<std::string> args) {
  Parsed p = parse(std::move(args));
  EXPECT_EQ(p.result.kind, ParseResult::Kind::kOk) << p.result.text;
  return p;
}

std::string error(std::vector<std::string> args) {
  Parsed p = parse(std::move(args));
  EXPECT_EQ(p.result.kind, ParseResult::Kind::kError);
  EXPECT_EQ(p.result.exit_code(), 1);
  EXPECT_EQ(p.result.text.find('\n'), std::string::npos) << "one line: " << p.result.text;
  return p.result.text;
}

TEST(CliParser, NoArgumentsRunsTheEngine) {
  auto p = ok({});
  EXPECT_EQ(p.opts.command, Command::kEngine);
  EXPECT_TRUE(p.opts.engine.config_file.empty());
  EXPECT_EQ(p.opts.argv, std::vector<std::string>{"saker"});
}

TEST(CliParser, ConfigFile) {
  EXPECT_EQ(ok({"-c", "/etc/x.yaml"}).opts.engine.config_file, "/etc/x.yaml");
  EXPECT_NE(error({"-c"}).find("-c"), std::string::npos);
}

TEST(CliParser, RulesPathsRepeat) {
  auto p = ok({"-r", "a.yaml", "-r", "dir/", "-r", "b.yml"});
  EXPECT_EQ(p.opts.engine.rules_paths, (std::vector<std::string>{"a.yaml", "dir/", "b.yml"}));
  EXPECT_NE(error({"-r"}).find("-r"), std::string::npos);
}

TEST(CliParser, OptionOverridesRepeatAndKeepOrder) {
  auto p = ok({"-o", "json_output=true", "-o", "rules[].disable.tag=network", "--option", "engine.kind=ebpf",
               "-o", "static_fields.k8s\\.io/role=x", "-o", "a=b=c"});
  EXPECT_EQ(p.opts.engine.config_overrides,
            (std::vector<std::string>{"json_output=true", "rules[].disable.tag=network", "engine.kind=ebpf",
                                      "static_fields.k8s\\.io/role=x", "a=b=c"}));
}

TEST(CliParser, OptionOverrideErrorsNameTheFlag) {
  EXPECT_EQ(error({"-o", "json_output"}), "-o: 'json_output' must be of the form key=value or key.subkey=value");
  EXPECT_EQ(error({"-o", "=x"}), "-o: '=x' must be of the form key=value or key.subkey=value");
  EXPECT_EQ(error({"-o", "a..b=1"}), "-o: bad key 'a..b' at position 3: empty key name");
  EXPECT_EQ(error({"-o", "rules[x].a=1"}), "-o: bad key 'rules[x].a' at position 7: expected a numeric index, found 'x'");
  EXPECT_EQ(error({"-o", "a[0=1"}), "-o: bad key 'a[0' at position 2: missing ']'");
  EXPECT_EQ(error({"-o", "a\\q=1"}), "-o: bad key 'a\\q' at position 2: invalid escape '\\q'");
}

TEST(CliParser, TraceFileAndUserspace) {
  EXPECT_EQ(ok({"-e", "x.scap"}).opts.engine.trace_file, "x.scap");
  EXPECT_TRUE(ok({"-u"}).opts.engine.userspace);
  EXPECT_TRUE(ok({"--userspace"}).opts.engine.userspace);
  EXPECT_EQ(error({"-e", "x.scap", "-u"}), "-e and -u can not be used together");
  EXPECT_NE(error({"-e"}).find("-e"), std::string::npos);
}

TEST(CliParser, AllEventsAndRuleSelection) {
  auto p = ok({"-A", "-T", "network", "-T", "fs", "-D", "open.*", "-D", "Write below etc"});
  EXPECT_TRUE(p.opts.engine.all_events);
  EXPECT_EQ(p.opts.engine.disable_tags, (std::vector<std::string>{"network", "fs"}));
  EXPECT_EQ(p.opts.engine.disable_rules, (std::vector<std::string>{"open.*", "Write below etc"}));
  EXPECT_EQ(ok({"-t", "a", "-t", "b"}).opts.engine.enable_tags, (std::vector<std::string>{"a", "b"}));
}

TEST(CliParser, EnabledAndDisabledRulesConflictAsInFalco) {
  const std::string want = "Error: You can not specify both disabled (-D/-T) and enabled (-t) rules";
  EXPECT_EQ(error({"-t", "a", "-T", "a"}), want);
  EXPECT_EQ(error({"-t", "a", "-D", "open.*"}), want);
}

TEST(CliParser, DescribeRules) {
  EXPECT_TRUE(ok({"-L"}).opts.engine.describe_all_rules);
  EXPECT_EQ(ok({"-l", "Write below etc"}).opts.engine.describe_rule, "Write below etc");
  EXPECT_NE(error({"-l"}).find("-l"), std::string::npos);
}

TEST(CliParser, ListWithOptionalSource) {
  EXPECT_FALSE(ok({}).opts.engine.list_fields.has_value());
  auto all = ok({"--list"});
  ASSERT_TRUE(all.opts.engine.list_fields.has_value());
  EXPECT_EQ(*all.opts.engine.list_fields, "");
  auto one = ok({"--list=syscall", "-v"});
  ASSERT_TRUE(one.opts.engine.list_fields.has_value());
  EXPECT_EQ(*one.opts.engine.list_fields, "syscall");
  EXPECT_TRUE(one.opts.engine.verbose);
  EXPECT_TRUE(ok({"--list", "-N"}).opts.engine.names_only);
  EXPECT_EQ(ok({"--list", "--format", "json"}).opts.engine.list_format, "json");
  EXPECT_NE(error({"--list", "--format", "xml"}).find("--format"), std::string::npos);
  EXPECT_EQ(error({"--list", "--format", "json", "--markdown"}), "--markdown and --format can not be used together");
}

TEST(CliParser, ListEventsAndValidate) {
  EXPECT_TRUE(ok({"--list-events"}).opts.engine.list_events);
  EXPECT_EQ(ok({"-V", "a.yaml", "--validate", "b.yaml"}).opts.engine.validate_files,
            (std::vector<std::string>{"a.yaml", "b.yaml"}));
}

TEST(CliParser, DurationSeconds) {
  EXPECT_EQ(ok({"-M", "30"}).opts.engine.duration_seconds, 30u);
  EXPECT_EQ(ok({"-M", "0"}).opts.engine.duration_seconds, 0u);
  EXPECT_FALSE(ok({}).opts.engine.duration_seconds.has_value());
  EXPECT_EQ(error({"-M", "abc"}), "-M: expects a number of seconds, found 'abc'");
  EXPECT_EQ(error({"-M", "-5"}), "-M: expects a number of seconds, found '-5'");
  EXPECT_EQ(error({"-M", "1.5"}), "-M: expects a number of seconds, found '1.5'");
}

TEST(CliParser, OutputFlags) {
  auto p = ok({"-U", "--pidfile", "/run/saker.pid", "-p", "container=%container.name", "-w", "out.scap"});
  EXPECT_TRUE(p.opts.engine.unbuffered);
  EXPECT_EQ(p.opts.engine.pidfile, "/run/saker.pid");
  EXPECT_EQ(p.opts.engine.print_format, "container=%container.name");
  EXPECT_EQ(p.opts.engine.write_capture, "out.scap");
  EXPECT_EQ(ok({"-pc"}).opts.engine.print_format, "c");
  EXPECT_EQ(ok({"-pk"}).opts.engine.print_format, "k");
  EXPECT_EQ(ok({"-P", "x.pid"}).opts.engine.pidfile, "x.pid");
  EXPECT_TRUE(ok({"--unbuffered"}).opts.engine.unbuffered);
}

TEST(CliParser, ExitEarlyFlags) {
  EXPECT_TRUE(ok({"--dry-run"}).opts.engine.dry_run);
  EXPECT_TRUE(ok({"--support"}).opts.engine.support);
  EXPECT_TRUE(ok({"--version"}).opts.engine.version);
  EXPECT_TRUE(ok({"-i"}).opts.engine.print_ignored_events);
  EXPECT_TRUE(ok({"--list-plugins"}).opts.engine.list_plugins);
  EXPECT_EQ(ok({"--plugin-info", "k8saudit"}).opts.engine.plugin_info, "k8saudit");
  EXPECT_TRUE(ok({"--config-schema"}).opts.engine.config_schema);
  EXPECT_TRUE(ok({"--rule-schema"}).opts.engine.rule_schema);
  EXPECT_TRUE(ok({"--page-size"}).opts.engine.page_size);
}

TEST(CliParser, OlderFalcoFlags) {
  auto p = ok({"-S", "256", "-b", "--modern-bpf", "-d", "--enable-source", "syscall"});
  EXPECT_EQ(p.opts.engine.snaplen, 256u);
  EXPECT_TRUE(p.opts.engine.print_base64);
  EXPECT_TRUE(p.opts.engine.modern_bpf);
  EXPECT_TRUE(p.opts.engine.daemon);
  EXPECT_EQ(p.opts.engine.enable_sources, std::vector<std::string>{"syscall"});
  EXPECT_TRUE(ok({"--nodriver"}).opts.engine.nodriver);
  EXPECT_EQ(error({"-S", "big"}), "-S: expects a number of bytes, found 'big'");
  EXPECT_EQ(error({"--enable-source", "a", "--disable-source", "b"}),
            "--enable-source and --disable-source can not be used together");
  EXPECT_EQ(error({"--modern-bpf", "--nodriver"}), "--modern-bpf and --nodriver can not be used together");
}

TEST(CliParser, HelpIsNotAnError) {
  for (const char* h : {"-h", "--help"}) {
    auto p = parse({h});
    EXPECT_EQ(p.result.kind, ParseResult::Kind::kHelp);
    EXPECT_EQ(p.result.exit_code(), 0);
    EXPECT_NE(p.result.text.find("-o,--option"), std::string::npos);
    EXPECT_NE(p.result.text.find("inspect"), std::string::npos);
  }
  auto sub = parse({"trace", "--help"});
  EXPECT_EQ(sub.result.kind, ParseResult::Kind::kHelp);
  EXPECT_NE(sub.result.text.find("CMD ARGS"), std::string::npos);
}

TEST(CliParser, UnknownFlagsNameTheFlag) {
  EXPECT_EQ(error({"--bogus"}), "unknown option '--bogus'");
  EXPECT_EQ(error({"-Z"}), "unknown option '-Z'");
  EXPECT_EQ(error({"stray"}), "unexpected argument 'stray'");
}

TEST(CliParser, Inspect) {
  auto p = ok({"inspect", "-r", "t.scap", "-p", "%evt.type", "-n", "10", "-j", "evt.type=open"});
  EXPECT_EQ(p.opts.command, Command::kInspect);
  EXPECT_EQ(p.opts.inspect.trace_file, "t.scap");
  EXPECT_EQ(p.opts.inspect.output_format, "%evt.type");
  EXPECT_EQ(p.opts.inspect.max_events, 10u);
  EXPECT_TRUE(p.opts.inspect.json);
  EXPECT_EQ(p.opts.inspect.filter, "evt.type=open");
  EXPECT_EQ(error({"inspect", "-n", "ten"}), "-n: expects a number of events, found 'ten'");
  EXPECT_EQ(error({"inspect", "--bogus"}), "unknown option '--bogus'");
  EXPECT_EQ(error({"inspect", "-o", "nokey"}), "-o: 'nokey' must be of the form key=value or key.subkey=value");
}

TEST(CliParser, TraceTakesTheCommandAfterDoubleDash) {
  auto p = ok({"trace", "-r", "rules.yaml", "-o", "json_output=true", "-w", "o.scap", "--", "ls", "-l", "/tmp"});
  EXPECT_EQ(p.opts.command, Command::kTrace);
  EXPECT_EQ(p.opts.trace.rules_paths, std::vector<std::string>{"rules.yaml"});
  EXPECT_EQ(p.opts.trace.config_overrides, std::vector<std::string>{"json_output=true"});
  EXPECT_EQ(p.opts.trace.write_capture, "o.scap");
  EXPECT_EQ(p.opts.trace.command, (std::vector<std::string>{"ls", "-l", "/tmp"}));
  EXPECT_EQ(ok({"trace", "--", "true"}).opts.trace.command, std::vector<std::string>{"true"});
  EXPECT_EQ(error({"trace"}), "trace: missing the command to run (saker trace [options] -- CMD ARGS...)");
}

}  // namespace
}  // namespace saker::app
