// Configuration loading: real Falco configs, our default, malformed inputs with their exact
// locations, unknown keys, includes, environment variables, flag-implied overrides.
#include "engine/app/config_loader.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "engine/app/config_locate.h"
#include "saker_version.h"
#include "tests/support/shared_fixtures.h"
#include "tests/unit/app/temp_dir.h"

namespace saker::config {
namespace {

using saker::testing::TempDir;

struct Loaded {
  Status status;
  LoadedConfig cfg;
  std::vector<std::string> warnings() const {
    std::vector<std::string> w;
    for (const auto& d : cfg.diagnostics.warnings()) w.push_back(d.to_string());
    return w;
  }
};

Loaded load_file(const std::string& path, std::vector<std::string> overrides = {}) {
  LoadOptions o;
  o.path = path;
  for (const auto& s : overrides) {
    Override ov;
    EXPECT_TRUE(parse_override(s, &ov).ok()) << s;
    o.overrides.push_back(ov);
  }
  o.getenv = [](const char*) -> const char* { return nullptr; };
  Loaded l;
  l.status = load_config(o, &l.cfg);
  return l;
}

// Writes `yaml` as test.yaml in a fresh directory and loads it.
struct Doc {
  TempDir dir;
  std::string path;
  Loaded loaded;
  Doc(const std::string& yaml, std::vector<std::string> overrides = {}) {
    path = dir.write("test.yaml", yaml);
    loaded = load_file(path, std::move(overrides));
  }
  std::string error() const { return loaded.status.message(); }
  // The error with the temporary directory removed: "test.yaml:2:14: ...".
  std::string short_error() const {
    std::string e = loaded.status.message();
    const std::string prefix = dir.path().string() + "/";
    if (e.rfind(prefix, 0) == 0) e.erase(0, prefix.size());
    return e;
  }
  std::vector<std::string> short_warnings() const {
    std::vector<std::string> out;
    for (auto w : loaded.warnings()) {
      const std::string prefix = dir.path().string() + "/";
      if (w.rfind(prefix, 0) == 0) w.erase(0, prefix.size());
      out.push_back(w);
    }
    return out;
  }
  const Config& cfg() const { return loaded.cfg.config; }
};

// ----- real Falco configurations

TEST(ConfigLoader, EveryLegacyFalcoConfLoadsOrFailsAsInFalco) {
  SAKER_REQUIRE_SHARED();
  const auto confs = saker::testing::shared_dir() / "fixtures" / "falco-legacy" / "confs";
  int loaded = 0;
  for (const auto& e : std::filesystem::directory_iterator(confs)) {
    const std::string name = e.path().filename().string();
    Loaded l = load_file(e.path().string());
    if (name == "drops_threshold_neg.yaml" || name == "drops_threshold_oor.yaml" || name == "drops_ignore_log.yaml") {
      EXPECT_FALSE(l.status.ok()) << name;
      continue;
    }
    EXPECT_TRUE(l.status.ok()) << name << ": " << l.status.message();
    for (const auto& w : l.warnings())
      EXPECT_NE(w.find("rules_file"), std::string::npos) << name << ": unexpected warning " << w;
    ++loaded;
  }
  EXPECT_EQ(loaded, 9);
}

TEST(ConfigLoader, LegacyConfValues) {
  SAKER_REQUIRE_SHARED();
  const auto confs = saker::testing::shared_dir() / "fixtures" / "falco-legacy" / "confs";
  Loaded f = load_file((confs / "file_output.yaml").string());
  ASSERT_TRUE(f.status.ok()) << f.status.message();
  EXPECT_EQ(f.cfg.config.rules_files, std::vector<std::string>{"/etc/falco_rules.yaml"});
  EXPECT_TRUE(f.cfg.config.file_output.enabled);
  EXPECT_EQ(f.cfg.config.file_output.filename, "/tmp/falco_outputs/file_output.txt");
  EXPECT_FALSE(f.cfg.config.log_stderr);
  EXPECT_EQ(f.cfg.config.program_output.program, "mail -s \"Falco Notification\" someone@example.com");
  ASSERT_EQ(f.warnings().size(), 1u);
  EXPECT_EQ(f.warnings()[0], (confs / "file_output.yaml").string() +
                                 ":19:13: deprecated key 'rules_file' (singular form); use 'rules_files'");

  Loaded g = load_file((confs / "grpc_unix_socket.yaml").string());
  ASSERT_TRUE(g.status.ok());
  EXPECT_TRUE(g.cfg.config.grpc.enabled);
  EXPECT_EQ(g.cfg.config.grpc.bind_address, "unix:///tmp/falco/falco.sock");
  EXPECT_EQ(g.cfg.config.grpc.threadiness, 8u);
  EXPECT_TRUE(g.cfg.config.grpc_output.enabled);

  Loaded d = load_file((confs / "drops_alert.yaml").string());
  ASSERT_TRUE(d.status.ok());
  EXPECT_EQ(d.cfg.config.syscall_event_drops.actions, std::vector<DropAction>{DropAction::kAlert});
  EXPECT_DOUBLE_EQ(d.cfg.config.syscall_event_drops.rate, 0.03333);
  EXPECT_DOUBLE_EQ(d.cfg.config.syscall_event_drops.max_burst, 10);
  EXPECT_TRUE(d.cfg.config.syscall_event_drops.simulate_drops);
}

TEST(ConfigLoader, LegacyConfErrorsHaveExactLocations) {
  SAKER_REQUIRE_SHARED();
  const auto confs = saker::testing::shared_dir() / "fixtures" / "falco-legacy" / "confs";
  auto err = [&](const char* name) { return load_file((confs / name).string()).status.message(); };
  EXPECT_EQ(err("drops_threshold_neg.yaml"),
            (confs / "drops_threshold_neg.yaml").string() +
                ":2:14: syscall event drops threshold must be a double in the range [0, 1], found '-1'");
  EXPECT_EQ(err("drops_threshold_oor.yaml"),
            (confs / "drops_threshold_oor.yaml").string() +
                ":2:14: syscall event drops threshold must be a double in the range [0, 1], found '1.1'");
  EXPECT_EQ(err("drops_ignore_log.yaml"),
            (confs / "drops_ignore_log.yaml").string() +
                ":4:7: syscall event drop action \"log\" does not make sense with the \"ignore\" action");
}

// ----- our default configuration

TEST(ConfigLoader, SourceTreeDefaultLoadsWithoutWarnings) {
  const std::string path = std::string(SAKER_SOURCE_DIR) + "/engine/app/saker.yaml";
  LoadOptions o;
  o.path = path;
  o.variables["SAKER_RULES_DIR"] = "/rules";
  o.getenv = [](const char*) -> const char* { return nullptr; };
  LoadedConfig c;
  ASSERT_TRUE(load_config(o, &c).ok()) << c.diagnostics.items().front().to_string();
  EXPECT_TRUE(c.diagnostics.items().empty()) << c.diagnostics.items().front().to_string();
  EXPECT_EQ(c.config.rules_files.front(), "/rules/saker_rules.yaml");
  EXPECT_EQ(c.config.engine.kind, EngineKind::kAuto);
  EXPECT_EQ(c.config.tracer.ring_size, 8u << 20);
  EXPECT_EQ(c.config.tracer.socket_mode, 0660u);
  EXPECT_EQ(c.config.metrics.interval_ms, 3600u * 1000);
}

TEST(ConfigLoader, BuiltInCopyIsTheSourceFile) {
  std::ifstream in(std::string(SAKER_SOURCE_DIR) + "/engine/app/saker.yaml");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(saker::app::builtin_config(), text);
  LoadOptions o;
  o.builtin_text = std::string(saker::app::builtin_config());
  LoadedConfig c;
  ASSERT_TRUE(load_config(o, &c).ok());
  EXPECT_EQ(c.main_file, "<built-in saker.yaml>");
}

TEST(ConfigLoader, DefaultsWhenKeysAreAbsent) {
  Doc d("");
  ASSERT_TRUE(d.loaded.status.ok()) << d.error();
  EXPECT_EQ(d.cfg().priority, Priority::kDebug);
  EXPECT_EQ(d.cfg().output_timeout_ms, 2000u);
  EXPECT_TRUE(d.cfg().json_include_output_property);
  EXPECT_EQ(d.cfg().log_level, LogLevel::kInformational);
}

TEST(ConfigLoader, TypedValues) {
  Doc d(R"(priority: WARNING
rule_matching: all
engine:
  kind: replay
  replay:
    capture_file: /tmp/x.scap
  modern_ebpf:
    cpus_for_each_buffer: 4
rules:
  - disable:
      rule: "*"
  - enable:
      tag: network
append_output:
  - match:
      source: syscall
      tags: [container]
    extra_output: "on %container.name"
    extra_fields:
      - proc.exepath
      - parent: "%proc.pname"
plugins:
  - name: k8saudit
    library_path: libk8saudit.so
    init_config:
      maxEventSize: 262144
    open_params: "http://:9765/k8s-audit"
load_plugins: [k8saudit]
static_fields:
  cluster: prod
metrics:
  interval: 15m30s
tracer:
  ring_size: 64K
  backpressure: drop
  socket_mode: "0600"
container_engines:
  cri:
    sockets: [/run/a.sock]
)");
  ASSERT_TRUE(d.loaded.status.ok()) << d.error();
  EXPECT_TRUE(d.short_warnings().empty());
  const Config& c = d.cfg();
  EXPECT_EQ(c.priority, Priority::kWarning);
  EXPECT_EQ(c.rule_matching, RuleMatching::kAll);
  EXPECT_EQ(c.engine.kind, EngineKind::kReplay);
  EXPECT_EQ(c.engine.replay.capture_file, "/tmp/x.scap");
  EXPECT_EQ(c.engine.modern_ebpf.cpus_for_each_buffer, 4u);
  ASSERT_EQ(c.rules.size(), 2u);
  EXPECT_FALSE(c.rules[0].enable);
  EXPECT_FALSE(c.rules[0].by_tag);
  EXPECT_EQ(c.rules[0].pattern, "*");
  EXPECT_TRUE(c.rules[1].enable);
  EXPECT_TRUE(c.rules[1].by_tag);
  ASSERT_EQ(c.append_output.size(), 1u);
  EXPECT_EQ(c.append_output[0].match.source, "syscall");
  EXPECT_EQ(c.append_output[0].match.tags, std::vector<std::string>{"container"});
  EXPECT_EQ(c.append_output[0].extra_output, "on %container.name");
  ASSERT_EQ(c.append_output[0].extra_fields.size(), 2u);
  EXPECT_EQ(c.append_output[0].extra_fields[1], (std::pair<std::string, std::string>{"parent", "%proc.pname"}));
  ASSERT_EQ(c.plugins.size(), 1u);
  EXPECT_EQ(c.plugins[0].init_config, "{\"maxEventSize\":262144}");
  EXPECT_EQ(c.load_plugins, std::vector<std::string>{"k8saudit"});
  EXPECT_EQ(c.static_fields.at("cluster"), "prod");
  EXPECT_EQ(c.metrics.interval_ms, 15u * 60 * 1000 + 30 * 1000);
  EXPECT_EQ(c.tracer.ring_size, 64u << 10);
  EXPECT_EQ(c.tracer.backpressure, Backpressure::kDrop);
  EXPECT_EQ(c.tracer.socket_mode, 0600u);
  EXPECT_EQ(c.container_engines.cri.sockets, std::vector<std::string>{"/run/a.sock"});
}

// ----- malformed inputs: exact locations

TEST(ConfigLoader, WrongTypeNamesFileLineColumnAndExpectation) {
  Doc d("stdout_output:\n  enabled: true\njson_output: maybe\n");
  EXPECT_EQ(d.short_error(), "test.yaml:3:14: 'json_output' expects a boolean, found 'maybe'");
}

TEST(ConfigLoader, WrongTypesOfEachKind) {
  EXPECT_EQ(Doc("output_timeout: soon\n").short_error(), "test.yaml:1:17: 'output_timeout' expects an integer, found 'soon'");
  EXPECT_EQ(Doc("webserver:\n  listen_port: 70000\n").short_error(),
            "test.yaml:2:16: 'webserver.listen_port' must be an integer between 0 and 65535, found '70000'");
  EXPECT_EQ(Doc("rule_matching: some\n").short_error(),
            "test.yaml:1:16: 'rule_matching' expects one of first, all, found 'some'");
  EXPECT_EQ(Doc("engine:\n  kind: magic\n").short_error(),
            "test.yaml:2:9: 'engine.kind' expects one of auto, kmod, ebpf, modern_ebpf, userspace, replay, nodriver, "
            "gvisor, found 'magic'");
  EXPECT_EQ(Doc("file_output: yes\n").short_error(), "test.yaml:1:14: 'file_output' expects a map, found 'yes'");
  EXPECT_EQ(Doc("rules_files:\n  a: b\n").short_error(),
            "test.yaml:2:3: 'rules_files' expects a list of strings, found a map");
  EXPECT_EQ(Doc("syscall_event_drops:\n  actions: [log, shout]\n").short_error(),
            "test.yaml:2:18: 'syscall_event_drops.actions[1]' expects one of ignore, log, alert, exit, found 'shout'");
  EXPECT_EQ(Doc("metrics:\n  interval: often\n").short_error(),
            "test.yaml:2:13: 'metrics.interval' expects a duration (e.g. 500ms, 30s, 1h), found 'often'");
  EXPECT_EQ(Doc("tracer:\n  ring_size: 3000K\n").short_error(),
            "test.yaml:2:14: 'tracer.ring_size' must be a power of two, found '3000K'");
  EXPECT_EQ(Doc("log_level: verbose\n").short_error(),
            "test.yaml:1:12: 'log_level' expects one of emergency, alert, critical, error, warning, notice, info, "
            "debug, found 'verbose'");
  EXPECT_EQ(Doc("syscall_event_timeouts:\n  max_consecutives: 0\n").short_error(),
            "test.yaml:2:21: syscall_event_timeouts.max_consecutives must be an integer > 0, found '0'");
  EXPECT_EQ(Doc("rules:\n  - disable:\n      rule: a\n      tag: b\n").short_error(),
            "test.yaml:3:7: 'rules[0].disable' expects exactly one of 'rule' or 'tag'");
  EXPECT_EQ(Doc("plugins:\n  - name: x\n").short_error(), "test.yaml:2:5: 'plugins[0]' needs a 'library_path'");
}

TEST(ConfigLoader, BadYamlNamesFileLineColumn) {
  EXPECT_EQ(Doc("json_output: true\nfile_output:\n  enabled: [true\n").short_error(),
            "test.yaml:4:1: invalid YAML: end of sequence flow not found");
  EXPECT_EQ(Doc("json_output: true: false\n").short_error(), "test.yaml:1:18: invalid YAML: illegal map value");
  EXPECT_EQ(Doc("rules_files:\n  - a.yaml\n b: 1\n").short_error(), "test.yaml:3:2: invalid YAML: end of map not found");
  EXPECT_EQ(Doc("- just\n- a list\n").short_error(),
            "test.yaml:1:1: expects a map of configuration keys at the top level");
}

TEST(ConfigLoader, MissingFile) {
  Loaded l = load_file("/nonexistent/saker.yaml");
  EXPECT_EQ(l.status.message(), "/nonexistent/saker.yaml: cannot read configuration file: cannot open: No such file or directory");
}

TEST(ConfigLoader, UnknownKeysAreWarningsWithLocations) {
  Doc d("json_output: true\nfile_output:\n  enabled: false\n  colour: blue\nmystery: 1\n");
  ASSERT_TRUE(d.loaded.status.ok()) << d.error();
  EXPECT_EQ(d.short_warnings(), (std::vector<std::string>{"test.yaml:4:3: unknown key 'file_output.colour'",
                                                          "test.yaml:5:1: unknown key 'mystery'"}));
  EXPECT_TRUE(d.cfg().json_output);
}

TEST(ConfigLoader, RulesFileAndRulesFilesTogetherIsAnError) {
  EXPECT_EQ(Doc("rules_files: [a.yaml]\nrules_file: b.yaml\n").short_error(),
            "test.yaml:2:13: both 'rules_files' and 'rules_file' keys set");
}

// ----- includes

TEST(ConfigLoader, IncludesFilesAndDirectoriesWithStrategies) {
  TempDir dir;
  dir.write("conf.d/20-b.yaml", "json_output: true\nrules_files: [/b.yaml]\n");
  dir.write("conf.d/10-a.yaml", "priority: error\nrules_files: [/a.yaml]\n");
  dir.write("override.yaml", "rules_files: [/only.yaml]\nlog_level: debug\n");
  dir.write("addonly.yaml", "log_level: error\noutput_timeout: 10\n");
  const std::string main = dir.write(
      "main.yaml", "rules_files: [/main.yaml]\nconfig_files:\n  - " + (dir.path() / "conf.d").string() + "\n  - " +
                       (dir.path() / "missing.yaml").string() + "\n");
  Loaded l = load_file(main);
  ASSERT_TRUE(l.status.ok()) << l.status.message();
  EXPECT_EQ(l.cfg.config.rules_files, (std::vector<std::string>{"/main.yaml", "/a.yaml", "/b.yaml"}));
  EXPECT_TRUE(l.cfg.config.json_output);
  EXPECT_EQ(l.cfg.config.priority, Priority::kError);
  EXPECT_EQ(l.cfg.included_files, (std::vector<std::string>{(dir.path() / "conf.d/10-a.yaml").string(),
                                                            (dir.path() / "conf.d/20-b.yaml").string()}));

  const std::string main2 = dir.write(
      "main2.yaml", "rules_files: [/main.yaml]\nlog_level: notice\nconfig_files:\n  - path: " +
                        (dir.path() / "override.yaml").string() + "\n    strategy: override\n  - path: " +
                        (dir.path() / "addonly.yaml").string() + "\n    strategy: add-only\n");
  Loaded l2 = load_file(main2);
  ASSERT_TRUE(l2.status.ok()) << l2.status.message();
  EXPECT_EQ(l2.cfg.config.rules_files, std::vector<std::string>{"/only.yaml"});
  EXPECT_EQ(l2.cfg.config.log_level, LogLevel::kDebug);  // override replaced notice; add-only did not
  EXPECT_EQ(l2.cfg.config.output_timeout_ms, 10u);
}

TEST(ConfigLoader, IncludedFileErrorsNameTheIncludedFile) {
  TempDir dir;
  const std::string inc = dir.write("inc.yaml", "# comment\njson_output: nope\n");
  const std::string main = dir.write("main.yaml", "config_files: [" + inc + "]\n");
  EXPECT_EQ(load_file(main).status.message(), inc + ":2:14: 'json_output' expects a boolean, found 'nope'");

  const std::string nested = dir.write("nested.yaml", "config_files: [/x]\n");
  const std::string main2 = dir.write("main2.yaml", "config_files: [" + nested + "]\n");
  EXPECT_EQ(load_file(main2).status.message(),
            nested + ":1:1: 'config_files' directive in included config file (only the main configuration may "
                     "include files)");

  const std::string self = dir.write("self.yaml", "config_files: [" + (dir.path() / "self.yaml").string() + "]\n");
  EXPECT_EQ(load_file(self).status.message(),
            self + ": 'config_files' tries to include the main configuration file " + self);
}

TEST(ConfigLoader, IncludeFromCommandLine) {
  TempDir dir;
  const std::string inc = dir.write("inc.yaml", "json_output: true\n");
  const std::string main = dir.write("main.yaml", "json_output: false\n");
  Loaded l = load_file(main, {"config_files=" + inc});
  ASSERT_TRUE(l.status.ok()) << l.status.message();
  EXPECT_TRUE(l.cfg.config.json_output);
}

// ----- environment, overrides and flags

TEST(ConfigLoader, EnvironmentVariablesAndEscapes) {
  TempDir dir;
  const std::string main =
      dir.write("main.yaml", "file_output:\n  filename: ${OUT_DIR}/events.txt\nprogram_output:\n  program: echo $${HOME} ${UNSET}x\n");
  LoadOptions o;
  o.path = main;
  o.getenv = [](const char* n) -> const char* { return std::string(n) == "OUT_DIR" ? "/var/log" : nullptr; };
  LoadedConfig c;
  ASSERT_TRUE(load_config(o, &c).ok());
  EXPECT_EQ(c.config.file_output.filename, "/var/log/events.txt");
  EXPECT_EQ(c.config.program_output.program, "echo ${HOME} x");
}

TEST(ConfigLoader, OverridesApplyLastAndAreValidated) {
  Doc d("json_output: false\nrules_files: [/a.yaml]\n",
        {"json_output=true", "rules_files[]=/b.yaml", "rules[].disable.tag=network", "engine.kind=ebpf",
         "file_output={enabled: true, filename: /tmp/o.txt}", "base_syscalls.custom_set=[open, '!close']"});
  ASSERT_TRUE(d.loaded.status.ok()) << d.error();
  const Config& c = d.cfg();
  EXPECT_TRUE(c.json_output);
  EXPECT_EQ(c.rules_files, (std::vector<std::string>{"/a.yaml", "/b.yaml"}));
  ASSERT_EQ(c.rules.size(), 1u);
  EXPECT_TRUE(c.rules[0].by_tag);
  EXPECT_EQ(c.rules[0].pattern, "network");
  EXPECT_EQ(c.engine.kind, EngineKind::kEbpf);
  EXPECT_TRUE(c.file_output.enabled);
  EXPECT_EQ(c.file_output.filename, "/tmp/o.txt");
  EXPECT_EQ(c.base_syscalls.custom_set, (std::vector<std::string>{"open", "!close"}));

  EXPECT_EQ(Doc("", {"json_output=maybe"}).error(), "-o json_output=maybe: 'json_output' expects a boolean, found 'maybe'");
  EXPECT_EQ(Doc("", {"rules[].disable.colour=red"}).error(),
            "-o rules[].disable.colour=red: 'rules[0].disable' expects exactly one of 'rule' or 'tag'");
  EXPECT_EQ(Doc("rules_files: [a]\n", {"rules_files[5]=x"}).error(),
            "-o rules_files[5]=x: index 5 is out of range for 'rules_files' (1 items)");
  EXPECT_EQ(Doc("json_output: true\n", {"json_output.x=1"}).error(), "-o json_output.x=1: 'json_output' is not a map");
  Doc unknown("", {"no_such_key.sub=1"});
  EXPECT_TRUE(unknown.loaded.status.ok());
  EXPECT_EQ(unknown.loaded.warnings(), std::vector<std::string>{"-o no_such_key.sub=1: unknown key 'no_such_key.sub'"});
}

TEST(ConfigLoader, FlagOverridesComeAfterOptionOverrides) {
  TempDir dir;
  LoadOptions o;
  o.path = dir.write("c.yaml", "buffered_outputs: true\n");
  o.overrides.push_back(Override{"-o engine.kind=kmod", "engine.kind", "kmod"});
  o.flag_overrides.push_back(Override{"-e t.scap", "engine.kind", "replay"});
  o.flag_overrides.push_back(Override{"-e t.scap", "engine.replay.capture_file", "t.scap"});
  o.flag_overrides.push_back(Override{"-U", "buffered_outputs", "false"});
  LoadedConfig c;
  ASSERT_TRUE(load_config(o, &c).ok());
  EXPECT_EQ(c.config.engine.kind, EngineKind::kReplay);
  EXPECT_EQ(c.config.engine.replay.capture_file, "t.scap");
  EXPECT_FALSE(c.config.buffered_outputs);
}

}  // namespace
}  // namespace saker::config
