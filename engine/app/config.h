#pragma once
// The typed configuration: every key of Falco's falco.yaml (today's and the older ones) plus our
// own `tracer:` section, after includes, environment expansion and `-o` overrides. Defaults here
// are Falco's defaults when a key is absent, so a minimal or partial falco.yaml behaves as in Falco.
//
// Each feature reads its own part; this struct only carries values. Validation (types, ranges,
// enumerations) happened in config_loader.cpp, so every field here is already in range.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace saker::config {

// Falco priorities, most severe first; numeric order matches syslog severities.
enum class Priority { kEmergency = 0, kAlert, kCritical, kError, kWarning, kNotice, kInformational, kDebug };
// log_level uses the same eight names (informational spelled "info").
using LogLevel = Priority;

enum class RuleMatching { kFirst, kAll };

// Where events come from. kAuto picks the best available driver (modern_ebpf, ebpf, kmod, then
// userspace); kUserspace receives events from saker-trace tracers over the Unix socket (`-u`).
enum class EngineKind { kAuto, kKmod, kEbpf, kModernEbpf, kUserspace, kReplay, kNodriver, kGvisor };

enum class CaptureMode { kRules, kAllRules };
enum class IncludeStrategy { kAppend, kOverride, kAddOnly };
enum class DropAction { kIgnore, kLog, kAlert, kExit };
enum class Backpressure { kBlock, kDrop };

// One `rules:` entry: enable or disable rules by name or by tag; names and tags may use
// wildcards (`*`, `?`). Entries apply in order.
struct RuleSelection {
  bool enable = false;  // false: disable
  bool by_tag = false;  // false: by rule name
  std::string pattern;
};

struct AppendOutputMatch {
  std::optional<std::string> source;
  std::vector<std::string> tags;  // all must be present on the rule
  std::optional<std::string> rule;
};

// One `append_output:` entry. extra_fields items are either a field name ("proc.name") or a
// single-entry map {name: format}.
struct AppendOutput {
  AppendOutputMatch match;
  std::string extra_output;
  std::vector<std::pair<std::string, std::string>> extra_fields;  // (name, format); format empty = field itself
  bool suggested_output = false;
};

struct ConfigInclude {
  std::string path;
  IncludeStrategy strategy = IncludeStrategy::kAppend;
};

struct Plugin {
  std::string name;
  std::string library_path;
  std::string init_config;  // a string, or a map re-emitted as JSON
  std::string open_params;
};

struct OutputEnabled {
  bool enabled = false;
};

struct FileOutput {
  bool enabled = false;
  bool keep_alive = false;
  std::string filename;
};

struct ProgramOutput {
  bool enabled = false;
  bool keep_alive = false;
  std::string program;
};

struct HttpOutput {
  bool enabled = false;
  std::string url;
  std::string user_agent = "falcosecurity/falco";
  bool insecure = false;
  std::string ca_cert;
  std::string ca_bundle;
  std::string ca_path = "/etc/ssl/certs";
  bool mtls = false;
  std::string client_cert = "/etc/ssl/certs/client.crt";
  std::string client_key = "/etc/ssl/certs/client.key";
  bool echo = false;
  bool compress_uploads = false;
  bool keep_alive = false;
  uint32_t max_consecutive_timeouts = 5;
};

struct Grpc {
  bool enabled = false;
  std::string bind_address = "0.0.0.0:5060";
  uint32_t threadiness = 0;  // 0: number of online cores
  std::string private_key = "/etc/falco/certs/server.key";
  std::string cert_chain = "/etc/falco/certs/server.crt";
  std::string root_certs = "/etc/falco/certs/ca.crt";
};

struct Webserver {
  bool enabled = false;
  uint32_t threadiness = 0;
  uint32_t listen_port = 8765;
  std::string listen_address = "0.0.0.0";
  std::string k8s_healthz_endpoint = "/healthz";
  std::string k8s_audit_endpoint = "/k8s-audit";  // older Falco
  bool ssl_enabled = false;
  std::string ssl_certificate = "/etc/falco/falco.pem";
  bool prometheus_metrics_enabled = false;
};

struct Metrics {
  bool enabled = false;
  std::string interval = "5000";
  uint64_t interval_ms = 5000;  // `interval` parsed (e.g. 1h, 15m30s, 500ms; a bare number is ms)
  bool output_rule = false;
  std::string output_file;
  bool rules_counters_enabled = true;
  bool resource_utilization_enabled = true;
  bool state_counters_enabled = true;
  bool kernel_event_counters_enabled = true;
  bool kernel_event_counters_per_cpu_enabled = false;
  bool libbpf_stats_enabled = true;
  bool plugins_metrics_enabled = true;
  bool kernel_iter_event_counters_enabled = true;
  bool jemalloc_stats_enabled = false;
  bool convert_memory_to_mb = true;
  bool include_empty_values = false;
};

struct LibsLogger {
  bool enabled = false;
  std::string severity = "debug";  // trace, debug, info, notice, warning, error, critical, fatal
};

struct KmodEngine {
  int32_t buf_size_preset = 4;
  bool drop_failed_exit = false;
};
struct EbpfEngine {
  std::string probe;  // older Falco's legacy probe object
  int32_t buf_size_preset = 4;
  bool drop_failed_exit = false;
};
struct ModernEbpfEngine {
  uint32_t cpus_for_each_buffer = 2;
  int32_t buf_size_preset = 4;
  bool drop_failed_exit = false;
  bool disable_iterators = false;
};
struct ReplayEngine {
  std::string capture_file;
};
struct GvisorEngine {
  std::string config;
  std::string root;
};

struct Engine {
  EngineKind kind = EngineKind::kAuto;
  KmodEngine kmod;
  EbpfEngine ebpf;
  ModernEbpfEngine modern_ebpf;
  ReplayEngine replay;
  GvisorEngine gvisor;
};

struct BaseSyscalls {
  std::vector<std::string> custom_set;  // names, "!name" to exclude
  bool repair = false;
  bool all = false;
};

struct SyscallEventDrops {
  double threshold = 0.1;  // [0, 1]
  std::vector<DropAction> actions;  // empty in YAML means {ignore}
  double rate = 0.03333;
  double max_burst = 1;
  bool simulate_drops = false;
};

struct Capture {
  bool enabled = false;
  std::string path_prefix = "/tmp/falco";
  CaptureMode mode = CaptureMode::kRules;
  uint64_t default_duration_ms = 5000;
  uint64_t max_file_size_mb = 0;
};

struct FalcoLibs {
  uint32_t thread_table_size = 262144;
  uint32_t thread_table_auto_purging_interval_s = 300;
  uint32_t thread_table_auto_purging_thread_timeout_s = 300;
  uint64_t snaplen = 80;
};

struct ContainerEngine {
  bool enabled = true;
};
struct CriEngine {
  bool enabled = true;
  std::vector<std::string> sockets = {"/run/containerd/containerd.sock", "/run/crio/crio.sock",
                                      "/run/k3s/containerd/containerd.sock"};
  bool disable_async = false;
};
struct ContainerEngines {
  ContainerEngine docker, podman, lxc, libvirt_lxc, bpm;
  CriEngine cri;
  // Ours: the Docker-compatible API sockets (docker.socket, podman.socket), the ECS task
  // metadata provider (ecs.enabled, reads $ECS_CONTAINER_METADATA_URI_V4) and the bound on one
  // metadata request (lookup_timeout_ms; also how long cri.disable_async waits per container).
  std::string docker_socket = "/var/run/docker.sock";
  std::string podman_socket = "/run/podman/podman.sock";
  ContainerEngine ecs;
  uint32_t lookup_timeout_ms = 1000;
};

struct MetadataDownload {  // older Falco (k8s/mesos metadata)
  uint32_t max_mb = 100;
  uint32_t chunk_wait_us = 1000;
  uint32_t watch_freq_sec = 1;
};

struct OutputsRate {  // older Falco token bucket
  double rate = 0;  // 0: unlimited
  double max_burst = 1000;
};

// Our own section: how tracers reach the engine in userspace mode (`-u`, engine.kind=userspace).
struct Tracer {
  std::string socket = "/run/saker/saker.sock";
  uint32_t socket_mode = 0660;
  std::string socket_group;  // empty: the engine's group
  uint64_t ring_size = 8u << 20;  // bytes per tracer ring; a power of two
  Backpressure backpressure = Backpressure::kBlock;
  uint32_t block_timeout_ms = 100;  // with kBlock: wait this long for room, then drop and count
};

struct Config {
  // Files
  std::vector<ConfigInclude> config_files;
  bool watch_config_files = true;
  std::vector<std::string> rules_files;  // as written (rules_files, or the older rules_file)
  std::vector<RuleSelection> rules;

  // Engine and drivers
  Engine engine;
  std::vector<std::string> load_plugins;
  bool load_plugins_defined = false;  // absent: load every plugin listed in `plugins`
  std::vector<Plugin> plugins;
  bool plugins_hostinfo = true;
  Capture capture;
  BaseSyscalls base_syscalls;
  FalcoLibs falco_libs;
  ContainerEngines container_engines;
  MetadataDownload metadata_download;
  Tracer tracer;
  // Older driver keys (before engine:): kept as read; the driver code prefers engine.*.
  std::optional<int32_t> syscall_buf_size_preset;
  std::optional<bool> syscall_drop_failed_exit;
  std::optional<uint32_t> modern_bpf_cpus_for_each_syscall_buffer;

  // Rule outputs
  Priority priority = Priority::kDebug;
  RuleMatching rule_matching = RuleMatching::kFirst;
  bool time_format_iso_8601 = false;
  bool buffer_format_base64 = false;
  bool json_output = false;
  bool json_include_output_property = true;
  bool json_include_tags_property = true;
  bool json_include_message_property = false;
  bool json_include_output_fields_property = true;
  bool buffered_outputs = false;
  uint64_t outputs_queue_capacity = 0;  // 0: unbounded
  OutputsRate outputs;
  uint32_t output_timeout_ms = 2000;
  std::vector<AppendOutput> append_output;
  std::map<std::string, std::string> static_fields;
  OutputEnabled stdout_output{true};
  OutputEnabled syslog_output{true};
  FileOutput file_output;
  ProgramOutput program_output;
  HttpOutput http_output;
  Grpc grpc;
  OutputEnabled grpc_output;
  Webserver webserver;
  Metrics metrics;

  // Logging
  LogLevel log_level = LogLevel::kInformational;
  bool log_stderr = true;
  bool log_syslog = true;
  LibsLogger libs_logger;

  // Drops and timeouts
  SyscallEventDrops syscall_event_drops;
  uint32_t syscall_event_timeouts_max_consecutives = 1000;
};

// Names as written in YAML, for messages and --support.
const char* to_string(Priority p);
const char* to_string(EngineKind k);
const char* to_string(DropAction a);
const char* to_string(Backpressure b);

}  // namespace saker::config
