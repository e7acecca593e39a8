#include "engine/app/config_schema.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <set>

#include "engine/app/config_values.h"
#include "engine/app/str_cat.h"

namespace saker::config {

// ---------------------------------------------------------------------------------------------
// Builders. `ref` is a lambda `(Config&) -> T&` naming where the value goes.

namespace {

template <class Ref>
Key boolean(std::string name, Ref ref) {
  Key k(std::move(name), Kind::kBool);
  k.apply = [ref](Config& c, const YAML::Node& n) {
    if (auto v = parse_bool(n.Scalar())) ref(c) = *v;
  };
  return k;
}

template <class Ref>
Key integer(std::string name, int64_t min, int64_t max, Ref ref) {
  Key k(std::move(name), Kind::kInt);
  k.min = min;
  k.max = max;
  k.apply = [ref](Config& c, const YAML::Node& n) {
    if (auto v = parse_int(n.Scalar())) {
      auto& dst = ref(c);
      using T = std::remove_reference_t<decltype(dst)>;
      if constexpr (requires { typename T::value_type; }) dst = static_cast<typename T::value_type>(*v);
      else dst = static_cast<T>(*v);
    }
  };
  return k;
}

template <class Ref>
Key number(std::string name, double min, double max, Ref ref, std::string range_message = "") {
  Key k(std::move(name), Kind::kDouble);
  k.dmin = min;
  k.dmax = max;
  k.range_message = std::move(range_message);
  k.apply = [ref](Config& c, const YAML::Node& n) {
    if (auto v = parse_double(n.Scalar())) ref(c) = *v;
  };
  return k;
}

template <class Ref>
Key string(std::string name, Ref ref) {
  Key k(std::move(name), Kind::kString);
  k.apply = [ref](Config& c, const YAML::Node& n) { ref(c) = n.Scalar(); };
  return k;
}

template <class E, class Ref>
Key choice(std::string name, std::vector<std::pair<std::string, E>> values, Ref ref,
           bool case_insensitive = false) {
  Key k(std::move(name), Kind::kEnum);
  k.case_insensitive = case_insensitive;
  for (const auto& [s, e] : values) k.choices.push_back(s);
  k.apply = [values, ref, case_insensitive](Config& c, const YAML::Node& n) {
    const std::string s = case_insensitive ? ascii_lower(n.Scalar()) : n.Scalar();
    for (const auto& [name, e] : values) {
      if (name == s) {
        ref(c) = e;
        return;
      }
    }
  };
  return k;
}

template <class Ref>
Key strings(std::string name, Ref ref, bool scalar_as_list = false) {
  Key k(std::move(name), Kind::kStringList);
  k.scalar_as_list = scalar_as_list;
  k.apply = [ref](Config& c, const YAML::Node& n) {
    auto& dst = ref(c);
    dst.clear();
    if (n.IsScalar()) {
      dst.push_back(n.Scalar());
      return;
    }
    for (const auto& item : n) if (item.IsScalar()) dst.push_back(item.Scalar());
  };
  return k;
}

Key map(std::string name, std::vector<Key> fields) {
  Key k(std::move(name), Kind::kMap);
  k.fields = std::move(fields);
  return k;
}

Key list(std::string name, Key item, std::function<void(Config&, const YAML::Node&)> apply) {
  Key k(std::move(name), Kind::kList);
  k.fields.push_back(std::move(item));
  k.apply = std::move(apply);
  return k;
}

Key any(std::string name) { return Key(std::move(name), Kind::kAny); }

// A key validated here but stored by its enclosing list's `apply`.
Key plain(std::string name, Kind kind) { return Key(std::move(name), kind); }

Key deprecated(Key k, std::string message) {
  k.deprecation = std::move(message);
  return k;
}

constexpr int64_t kU32 = 0xffffffffLL;
constexpr int64_t kI64Max = std::numeric_limits<int64_t>::max();

std::string json_of(const YAML::Node& n);

nlohmann::json to_json(const YAML::Node& n) {
  if (n.IsMap()) {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& kv : n) j[kv.first.Scalar()] = to_json(kv.second);
    return j;
  }
  if (n.IsSequence()) {
    nlohmann::json j = nlohmann::json::array();
    for (const auto& item : n) j.push_back(to_json(item));
    return j;
  }
  if (n.IsScalar()) {
    const std::string& s = n.Scalar();
    if (n.Tag() != "!") {  // plain (unquoted) scalars may be numbers or booleans
      if (auto i = parse_int(s)) return *i;
      if (auto d = parse_double(s)) return *d;
      if (s == "true" || s == "false") return s == "true";
    }
    return s;
  }
  return nullptr;
}

std::string json_of(const YAML::Node& n) { return to_json(n).dump(); }

// ----- list items and their appliers

void apply_rules(Config& c, const YAML::Node& n) {
  c.rules.clear();
  for (const auto& item : n) {
    if (!item.IsMap()) continue;
    for (const auto& kv : item) {
      const std::string verb = kv.first.Scalar();
      if ((verb != "enable" && verb != "disable") || !kv.second.IsMap()) continue;
      for (const auto& sel : kv.second) {
        if (sel.first.Scalar() != "rule" && sel.first.Scalar() != "tag") continue;
        RuleSelection r;
        r.enable = verb == "enable";
        r.by_tag = sel.first.Scalar() == "tag";
        r.pattern = sel.second.Scalar();
        c.rules.push_back(r);
      }
    }
  }
}

void check_rule_item(const YAML::Node& item, const std::string& path, Reporter& r) {
  if (!item.IsMap()) return;
  int verbs = 0;
  for (const auto& kv : item) {
    const std::string verb = kv.first.Scalar();
    if (verb != "enable" && verb != "disable") continue;
    ++verbs;
    int sels = 0;
    if (kv.second.IsMap())
      for (const auto& sel : kv.second) sels += sel.first.Scalar() == "rule" || sel.first.Scalar() == "tag";
    if (sels != 1)
      r.error(kv.second, "'" + path + "." + verb + "' expects exactly one of 'rule' or 'tag'");
  }
  if (verbs != 1) r.error(item, "'" + path + "' expects exactly one of 'enable' or 'disable'");
}

void apply_append_output(Config& c, const YAML::Node& n) {
  c.append_output.clear();
  for (const auto& item : n) {
    if (!item.IsMap()) continue;
    AppendOutput a;
    if (const auto m = item["match"]; m && m.IsMap()) {
      if (m["source"] && m["source"].IsScalar()) a.match.source = m["source"].Scalar();
      if (m["rule"] && m["rule"].IsScalar()) a.match.rule = m["rule"].Scalar();
      if (m["tags"] && m["tags"].IsSequence())
        for (const auto& t : m["tags"]) a.match.tags.push_back(t.Scalar());
    }
    if (item["extra_output"] && item["extra_output"].IsScalar()) a.extra_output = item["extra_output"].Scalar();
    if (item["suggested_output"]) a.suggested_output = parse_bool(item["suggested_output"].Scalar()).value_or(false);
    if (const auto f = item["extra_fields"]; f && f.IsSequence()) {
      for (const auto& e : f) {
        if (e.IsScalar()) a.extra_fields.emplace_back(e.Scalar(), "");
        else if (e.IsMap())
          for (const auto& kv : e) a.extra_fields.emplace_back(kv.first.Scalar(), kv.second.Scalar());
      }
    }
    c.append_output.push_back(std::move(a));
  }
}

void check_extra_fields(const YAML::Node& n, const std::string& path, Reporter& r) {
  if (!n.IsSequence()) return;
  size_t i = 0;
  for (const auto& e : n) {
    const std::string p = cat(path, "[", std::to_string(i++), "]");
    if (e.IsScalar()) continue;
    bool ok = e.IsMap();
    if (ok) for (const auto& kv : e) ok = ok && kv.second.IsScalar();
    if (!ok) r.error(e, "'" + p + "' expects a field name or a map of field name to format");
  }
}

void apply_plugins(Config& c, const YAML::Node& n) {
  c.plugins.clear();
  for (const auto& item : n) {
    if (!item.IsMap()) continue;
    Plugin p;
    if (item["name"]) p.name = item["name"].Scalar();
    if (item["library_path"]) p.library_path = item["library_path"].Scalar();
    if (item["open_params"]) p.open_params = item["open_params"].Scalar();
    if (const auto ic = item["init_config"]; ic) p.init_config = ic.IsScalar() ? ic.Scalar() : (ic.IsNull() ? "" : json_of(ic));
    c.plugins.push_back(std::move(p));
  }
}

void check_plugin(const YAML::Node& item, const std::string& path, Reporter& r) {
  if (!item.IsMap()) return;
  for (const char* req : {"name", "library_path"})
    if (!item[req]) r.error(item, "'" + path + "' needs a '" + req + "'");
}

std::optional<IncludeStrategy> strategy_of(const std::string& s) {
  if (s == "append") return IncludeStrategy::kAppend;
  if (s == "override") return IncludeStrategy::kOverride;
  if (s == "add-only") return IncludeStrategy::kAddOnly;
  return std::nullopt;
}

void apply_config_files(Config& c, const YAML::Node& n) {
  c.config_files.clear();
  auto add = [&](const YAML::Node& item) {
    ConfigInclude inc;
    if (item.IsScalar()) {
      inc.path = item.Scalar();
    } else if (item.IsMap() && item["path"]) {
      inc.path = item["path"].Scalar();
      if (item["strategy"]) inc.strategy = strategy_of(item["strategy"].Scalar()).value_or(IncludeStrategy::kAppend);
    } else {
      return;
    }
    c.config_files.push_back(inc);
  };
  if (n.IsScalar()) add(n);
  else for (const auto& item : n) add(item);
}

void check_config_file_item(const YAML::Node& item, const std::string& path, Reporter& r) {
  if (item.IsScalar()) return;
  if (!item.IsMap()) {
    r.error(item, "'" + path + "' expects a path or a map with 'path' and 'strategy'");
    return;
  }
  if (!item["path"]) r.error(item, "'" + path + "' needs a 'path'");
}

void check_drop_actions(const YAML::Node& n, const std::string& path, Reporter& r) {
  (void)path;
  if (!n.IsSequence()) return;
  bool ignore = false;
  for (const auto& a : n) {
    if (!a.IsScalar()) continue;
    const std::string s = a.Scalar();
    if (s == "ignore") ignore = true;
    if ((s == "log" || s == "alert") && ignore)
      r.error(a, "syscall event drop action \"" + s + "\" does not make sense with the \"ignore\" action");
  }
}

void check_root(const YAML::Node& root, const std::string&, Reporter& r) {
  if (root["rules_file"] && root["rules_files"])
    r.error(root["rules_file"], "both 'rules_files' and 'rules_file' keys set");
}

Key make_schema() {
  using C = Config;
  std::vector<Key> top;

  // ----- files and rules
  Key config_files_item("", Kind::kAny);
  config_files_item.check = check_config_file_item;
  config_files_item.fields = {};
  Key config_files = list("config_files", config_files_item, apply_config_files);
  config_files.scalar_as_list = true;
  // An object item: {path, strategy}. Validated by hand above plus this strategy check.
  config_files.check = [](const YAML::Node& n, const std::string& path, Reporter& r) {
    if (!n.IsSequence()) return;
    size_t i = 0;
    for (const auto& item : n) {
      const std::string p = cat(path, "[", std::to_string(i++), "]");
      if (!item.IsMap()) continue;
      for (const auto& kv : item) {
        const std::string k = kv.first.Scalar();
        if (k == "strategy") {
          if (!kv.second.IsScalar() || !strategy_of(kv.second.Scalar()))
            r.error(kv.second, "'" + p + ".strategy' expects one of append, override, add-only, found '" +
                                   (kv.second.IsScalar() ? kv.second.Scalar() : std::string("a non-scalar")) + "'");
        } else if (k == "path") {
          if (!kv.second.IsScalar()) r.error(kv.second, "'" + p + ".path' expects a string");
        } else {
          r.warning(kv.first, "unknown key '" + p + "." + k + "'");
        }
      }
    }
  };
  top.push_back(config_files);
  top.push_back(boolean("watch_config_files", [](C& c) -> auto& { return c.watch_config_files; }));
  top.push_back(strings("rules_files", [](C& c) -> auto& { return c.rules_files; }, true));
  top.push_back(deprecated(strings("rules_file", [](C& c) -> auto& { return c.rules_files; }, true),
                           "deprecated key 'rules_file' (singular form); use 'rules_files'"));

  Key able = map("", {plain("rule", Kind::kString),
                      plain("tag", Kind::kString)});
  Key rule_item = map("", {able, able});
  rule_item.fields[0].name = "enable";
  rule_item.fields[1].name = "disable";
  rule_item.check = check_rule_item;
  top.push_back(list("rules", rule_item, apply_rules));

  // ----- engine
  top.push_back(map(
      "engine",
      {choice<EngineKind>("kind",
                          {{"auto", EngineKind::kAuto},
                           {"kmod", EngineKind::kKmod},
                           {"ebpf", EngineKind::kEbpf},
                           {"modern_ebpf", EngineKind::kModernEbpf},
                           {"userspace", EngineKind::kUserspace},
                           {"replay", EngineKind::kReplay},
                           {"nodriver", EngineKind::kNodriver},
                           {"gvisor", EngineKind::kGvisor}},
                          [](C& c) -> auto& { return c.engine.kind; }),
       map("kmod", {integer("buf_size_preset", 0, 10, [](C& c) -> auto& { return c.engine.kmod.buf_size_preset; }),
                    boolean("drop_failed_exit", [](C& c) -> auto& { return c.engine.kmod.drop_failed_exit; })}),
       map("ebpf", {string("probe", [](C& c) -> auto& { return c.engine.ebpf.probe; }),
                    integer("buf_size_preset", 0, 10, [](C& c) -> auto& { return c.engine.ebpf.buf_size_preset; }),
                    boolean("drop_failed_exit", [](C& c) -> auto& { return c.engine.ebpf.drop_failed_exit; })}),
       map("modern_ebpf",
           {integer("cpus_for_each_buffer", 0, kU32, [](C& c) -> auto& { return c.engine.modern_ebpf.cpus_for_each_buffer; }),
            integer("buf_size_preset", 0, 10, [](C& c) -> auto& { return c.engine.modern_ebpf.buf_size_preset; }),
            boolean("drop_failed_exit", [](C& c) -> auto& { return c.engine.modern_ebpf.drop_failed_exit; }),
            boolean("disable_iterators", [](C& c) -> auto& { return c.engine.modern_ebpf.disable_iterators; })}),
       map("replay", {string("capture_file", [](C& c) -> auto& { return c.engine.replay.capture_file; })}),
       map("gvisor", {string("config", [](C& c) -> auto& { return c.engine.gvisor.config; }),
                      string("root", [](C& c) -> auto& { return c.engine.gvisor.root; })}),
       map("nodriver", {}),
       map("userspace", {})}));

  top.push_back(strings("load_plugins", [](C& c) -> auto& { return c.load_plugins; }));
  Key plugin = map("", {plain("name", Kind::kString),
                        plain("library_path", Kind::kString),
                        any("init_config"),
                        plain("open_params", Kind::kString)});
  plugin.check = check_plugin;
  top.push_back(list("plugins", plugin, apply_plugins));
  top.push_back(boolean("plugins_hostinfo", [](C& c) -> auto& { return c.plugins_hostinfo; }));

  top.push_back(map("capture",
                    {boolean("enabled", [](C& c) -> auto& { return c.capture.enabled; }),
                     string("path_prefix", [](C& c) -> auto& { return c.capture.path_prefix; }),
                     choice<CaptureMode>("mode", {{"rules", CaptureMode::kRules}, {"all_rules", CaptureMode::kAllRules}},
                                         [](C& c) -> auto& { return c.capture.mode; }),
                     integer("default_duration", 0, kU32, [](C& c) -> auto& { return c.capture.default_duration_ms; }),
                     integer("max_file_size_mb", 0, kI64Max, [](C& c) -> auto& { return c.capture.max_file_size_mb; })}));

  top.push_back(map("base_syscalls",
                    {strings("custom_set", [](C& c) -> auto& { return c.base_syscalls.custom_set; }),
                     boolean("repair", [](C& c) -> auto& { return c.base_syscalls.repair; }),
                     boolean("all", [](C& c) -> auto& { return c.base_syscalls.all; })}));

  top.push_back(map(
      "falco_libs",
      {integer("thread_table_size", 0, kU32, [](C& c) -> auto& { return c.falco_libs.thread_table_size; }),
       integer("thread_table_auto_purging_interval_s", 0, kU32,
               [](C& c) -> auto& { return c.falco_libs.thread_table_auto_purging_interval_s; }),
       integer("thread_table_auto_purging_thread_timeout_s", 0, kU32,
               [](C& c) -> auto& { return c.falco_libs.thread_table_auto_purging_thread_timeout_s; }),
       integer("snaplen", 0, kI64Max, [](C& c) -> auto& { return c.falco_libs.snaplen; })}));

  auto engine_toggle = [](std::string name, auto ref) {
    return map(std::move(name), {boolean("enabled", ref)});
  };
  // container_engines: Falco's keys, plus ours: docker.socket / podman.socket (Docker-compatible
  // API endpoints: a Unix socket path or http://host:port), ecs.enabled (ECS task metadata v4
  // from $ECS_CONTAINER_METADATA_URI_V4) and lookup_timeout_ms (one metadata request's bound).
  // cri.disable_async makes the engine wait up to that bound for a new container's metadata.
  // cri.sockets: CRI runtime sockets (containerd, CRI-O, k3s) asked over gRPC after docker/podman.
  top.push_back(map(
      "container_engines",
      {map("docker", {boolean("enabled", [](C& c) -> auto& { return c.container_engines.docker.enabled; }),
                      string("socket", [](C& c) -> auto& { return c.container_engines.docker_socket; })}),
       map("podman", {boolean("enabled", [](C& c) -> auto& { return c.container_engines.podman.enabled; }),
                      string("socket", [](C& c) -> auto& { return c.container_engines.podman_socket; })}),
       engine_toggle("ecs", [](C& c) -> auto& { return c.container_engines.ecs.enabled; }),
       integer("lookup_timeout_ms", 1, kU32, [](C& c) -> auto& { return c.container_engines.lookup_timeout_ms; }),
       engine_toggle("lxc", [](C& c) -> auto& { return c.container_engines.lxc.enabled; }),
       engine_toggle("libvirt_lxc", [](C& c) -> auto& { return c.container_engines.libvirt_lxc.enabled; }),
       engine_toggle("bpm", [](C& c) -> auto& { return c.container_engines.bpm.enabled; }),
       map("cri", {boolean("enabled", [](C& c) -> auto& { return c.container_engines.cri.enabled; }),
                   strings("sockets", [](C& c) -> auto& { return c.container_engines.cri.sockets; }),
                   boolean("disable_async", [](C& c) -> auto& { return c.container_engines.cri.disable_async; })})}));

  top.push_back(map("metadata_download",
                    {integer("max_mb", 0, kU32, [](C& c) -> auto& { return c.metadata_download.max_mb; }),
                     integer("chunk_wait_us", 0, kU32, [](C& c) -> auto& { return c.metadata_download.chunk_wait_us; }),
                     integer("watch_freq_sec", 0, kU32, [](C& c) -> auto& { return c.metadata_download.watch_freq_sec; })}));

  // Older driver keys, before `engine:` existed.
  top.push_back(integer("syscall_buf_size_preset", 0, 10, [](C& c) -> auto& { return c.syscall_buf_size_preset; }));
  top.push_back(boolean("syscall_drop_failed_exit", [](C& c) -> auto& { return c.syscall_drop_failed_exit; }));
  top.push_back(map("modern_bpf", {integer("cpus_for_each_syscall_buffer", 0, kU32,
                                           [](C& c) -> auto& { return c.modern_bpf_cpus_for_each_syscall_buffer; })}));

  // ----- our tracer transport
  {
    Key ring("ring_size", Kind::kByteSize);
    ring.min = 4096;
    ring.max = int64_t{1} << 32;
    ring.apply = [](C& c, const YAML::Node& n) {
      if (auto v = parse_byte_size(n.Scalar())) c.tracer.ring_size = *v;
    };
    ring.check = [](const YAML::Node& n, const std::string& path, Reporter& r) {
      auto v = n.IsScalar() ? parse_byte_size(n.Scalar()) : std::nullopt;
      if (v && (*v & (*v - 1)) != 0)
        r.error(n, "'" + path + "' must be a power of two, found '" + n.Scalar() + "'");
    };
    Key mode("socket_mode", Kind::kFileMode);
    mode.apply = [](C& c, const YAML::Node& n) {
      if (auto v = parse_file_mode(n.Scalar())) c.tracer.socket_mode = *v;
    };
    top.push_back(map("tracer",
                      {string("socket", [](C& c) -> auto& { return c.tracer.socket; }), mode,
                       string("socket_group", [](C& c) -> auto& { return c.tracer.socket_group; }), ring,
                       choice<Backpressure>("backpressure", {{"block", Backpressure::kBlock}, {"drop", Backpressure::kDrop}},
                                            [](C& c) -> auto& { return c.tracer.backpressure; }),
                       integer("block_timeout_ms", 0, kU32, [](C& c) -> auto& { return c.tracer.block_timeout_ms; })}));
  }

  // ----- outputs
  const std::vector<std::pair<std::string, Priority>> priorities = {
      {"emergency", Priority::kEmergency}, {"alert", Priority::kAlert},
      {"critical", Priority::kCritical},   {"error", Priority::kError},
      {"warning", Priority::kWarning},     {"notice", Priority::kNotice},
      {"informational", Priority::kInformational}, {"info", Priority::kInformational},
      {"debug", Priority::kDebug}};
  top.push_back(choice<Priority>("priority", priorities, [](C& c) -> auto& { return c.priority; }, true));
  top.push_back(choice<RuleMatching>("rule_matching", {{"first", RuleMatching::kFirst}, {"all", RuleMatching::kAll}},
                                     [](C& c) -> auto& { return c.rule_matching; }));
  top.push_back(boolean("time_format_iso_8601", [](C& c) -> auto& { return c.time_format_iso_8601; }));
  top.push_back(boolean("buffer_format_base64", [](C& c) -> auto& { return c.buffer_format_base64; }));
  top.push_back(boolean("json_output", [](C& c) -> auto& { return c.json_output; }));
  top.push_back(boolean("json_include_output_property", [](C& c) -> auto& { return c.json_include_output_property; }));
  top.push_back(boolean("json_include_tags_property", [](C& c) -> auto& { return c.json_include_tags_property; }));
  top.push_back(boolean("json_include_message_property", [](C& c) -> auto& { return c.json_include_message_property; }));
  top.push_back(boolean("json_include_output_fields_property",
                        [](C& c) -> auto& { return c.json_include_output_fields_property; }));
  top.push_back(boolean("buffered_outputs", [](C& c) -> auto& { return c.buffered_outputs; }));
  top.push_back(map("outputs_queue", {integer("capacity", 0, kI64Max, [](C& c) -> auto& { return c.outputs_queue_capacity; })}));
  top.push_back(map("outputs", {number("rate", 0, HUGE_VAL, [](C& c) -> auto& { return c.outputs.rate; }),
                                number("max_burst", 0, HUGE_VAL, [](C& c) -> auto& { return c.outputs.max_burst; })}));
  top.push_back(integer("output_timeout", 0, kU32, [](C& c) -> auto& { return c.output_timeout_ms; }));

  {
    Key match = map("match", {plain("source", Kind::kString),
                              plain("tags", Kind::kStringList),
                              plain("rule", Kind::kString)});
    Key extra_fields("extra_fields", Kind::kAny);
    extra_fields.check = check_extra_fields;
    Key item = map("", {match, plain("extra_output", Kind::kString),
                        extra_fields, plain("suggested_output", Kind::kBool)});
    top.push_back(list("append_output", item, apply_append_output));
  }
  {
    Key sf("static_fields", Kind::kStringMap);
    sf.apply = [](C& c, const YAML::Node& n) {
      c.static_fields.clear();
      for (const auto& kv : n) c.static_fields[kv.first.Scalar()] = kv.second.Scalar();
    };
    top.push_back(sf);
  }

  top.push_back(map("stdout_output", {boolean("enabled", [](C& c) -> auto& { return c.stdout_output.enabled; })}));
  top.push_back(map("syslog_output", {boolean("enabled", [](C& c) -> auto& { return c.syslog_output.enabled; })}));
  top.push_back(map("file_output", {boolean("enabled", [](C& c) -> auto& { return c.file_output.enabled; }),
                                    boolean("keep_alive", [](C& c) -> auto& { return c.file_output.keep_alive; }),
                                    string("filename", [](C& c) -> auto& { return c.file_output.filename; })}));
  top.push_back(map("program_output", {boolean("enabled", [](C& c) -> auto& { return c.program_output.enabled; }),
                                       boolean("keep_alive", [](C& c) -> auto& { return c.program_output.keep_alive; }),
                                       string("program", [](C& c) -> auto& { return c.program_output.program; })}));
  top.push_back(map(
      "http_output",
      {boolean("enabled", [](C& c) -> auto& { return c.http_output.enabled; }),
       string("url", [](C& c) -> auto& { return c.http_output.url; }),
       string("user_agent", [](C& c) -> auto& { return c.http_output.user_agent; }),
       boolean("insecure", [](C& c) -> auto& { return c.http_output.insecure; }),
       string("ca_cert", [](C& c) -> auto& { return c.http_output.ca_cert; }),
       string("ca_bundle", [](C& c) -> auto& { return c.http_output.ca_bundle; }),
       string("ca_path", [](C& c) -> auto& { return c.http_output.ca_path; }),
       boolean("mtls", [](C& c) -> auto& { return c.http_output.mtls; }),
       string("client_cert", [](C& c) -> auto& { return c.http_output.client_cert; }),
       string("client_key", [](C& c) -> auto& { return c.http_output.client_key; }),
       boolean("echo", [](C& c) -> auto& { return c.http_output.echo; }),
       boolean("compress_uploads", [](C& c) -> auto& { return c.http_output.compress_uploads; }),
       boolean("keep_alive", [](C& c) -> auto& { return c.http_output.keep_alive; }),
       integer("max_consecutive_timeouts", 0, 255, [](C& c) -> auto& { return c.http_output.max_consecutive_timeouts; })}));
  top.push_back(map("grpc", {boolean("enabled", [](C& c) -> auto& { return c.grpc.enabled; }),
                             string("bind_address", [](C& c) -> auto& { return c.grpc.bind_address; }),
                             integer("threadiness", 0, kU32, [](C& c) -> auto& { return c.grpc.threadiness; }),
                             string("private_key", [](C& c) -> auto& { return c.grpc.private_key; }),
                             string("cert_chain", [](C& c) -> auto& { return c.grpc.cert_chain; }),
                             string("root_certs", [](C& c) -> auto& { return c.grpc.root_certs; })}));
  top.push_back(map("grpc_output", {boolean("enabled", [](C& c) -> auto& { return c.grpc_output.enabled; })}));
  top.push_back(map(
      "webserver",
      {boolean("enabled", [](C& c) -> auto& { return c.webserver.enabled; }),
       integer("threadiness", 0, kU32, [](C& c) -> auto& { return c.webserver.threadiness; }),
       integer("listen_port", 0, 65535, [](C& c) -> auto& { return c.webserver.listen_port; }),
       string("listen_address", [](C& c) -> auto& { return c.webserver.listen_address; }),
       string("k8s_healthz_endpoint", [](C& c) -> auto& { return c.webserver.k8s_healthz_endpoint; }),
       string("k8s_audit_endpoint", [](C& c) -> auto& { return c.webserver.k8s_audit_endpoint; }),
       boolean("ssl_enabled", [](C& c) -> auto& { return c.webserver.ssl_enabled; }),
       string("ssl_certificate", [](C& c) -> auto& { return c.webserver.ssl_certificate; }),
       boolean("prometheus_metrics_enabled", [](C& c) -> auto& { return c.webserver.prometheus_metrics_enabled; })}));
  {
    Key interval("interval", Kind::kDuration);
    interval.apply = [](C& c, const YAML::Node& n) {
      c.metrics.interval = n.Scalar();
      if (auto v = parse_duration_ms(n.Scalar())) c.metrics.interval_ms = *v;
    };
    auto flag = [](std::string name, auto ref) { return boolean(std::move(name), ref); };
    top.push_back(map(
        "metrics",
        {flag("enabled", [](C& c) -> auto& { return c.metrics.enabled; }), interval,
         flag("output_rule", [](C& c) -> auto& { return c.metrics.output_rule; }),
         string("output_file", [](C& c) -> auto& { return c.metrics.output_file; }),
         flag("rules_counters_enabled", [](C& c) -> auto& { return c.metrics.rules_counters_enabled; }),
         flag("resource_utilization_enabled", [](C& c) -> auto& { return c.metrics.resource_utilization_enabled; }),
         flag("state_counters_enabled", [](C& c) -> auto& { return c.metrics.state_counters_enabled; }),
         flag("kernel_event_counters_enabled", [](C& c) -> auto& { return c.metrics.kernel_event_counters_enabled; }),
         flag("kernel_event_counters_per_cpu_enabled",
              [](C& c) -> auto& { return c.metrics.kernel_event_counters_per_cpu_enabled; }),
         flag("libbpf_stats_enabled", [](C& c) -> auto& { return c.metrics.libbpf_stats_enabled; }),
         flag("plugins_metrics_enabled", [](C& c) -> auto& { return c.metrics.plugins_metrics_enabled; }),
         flag("kernel_iter_event_counters_enabled",
              [](C& c) -> auto& { return c.metrics.kernel_iter_event_counters_enabled; }),
         flag("jemalloc_stats_enabled", [](C& c) -> auto& { return c.metrics.jemalloc_stats_enabled; }),
         flag("convert_memory_to_mb", [](C& c) -> auto& { return c.metrics.convert_memory_to_mb; }),
         flag("include_empty_values", [](C& c) -> auto& { return c.metrics.include_empty_values; })}));
  }

  // ----- logging
  const std::vector<std::pair<std::string, LogLevel>> levels = {
      {"emergency", LogLevel::kEmergency}, {"alert", LogLevel::kAlert},   {"critical", LogLevel::kCritical},
      {"error", LogLevel::kError},         {"warning", LogLevel::kWarning}, {"notice", LogLevel::kNotice},
      {"info", LogLevel::kInformational},  {"debug", LogLevel::kDebug}};
  top.push_back(choice<LogLevel>("log_level", levels, [](C& c) -> auto& { return c.log_level; }));
  top.push_back(boolean("log_stderr", [](C& c) -> auto& { return c.log_stderr; }));
  top.push_back(boolean("log_syslog", [](C& c) -> auto& { return c.log_syslog; }));
  top.push_back(map("libs_logger",
                    {boolean("enabled", [](C& c) -> auto& { return c.libs_logger.enabled; }),
                     choice<std::string>("severity",
                                         {{"trace", "trace"}, {"debug", "debug"}, {"info", "info"},
                                          {"notice", "notice"}, {"warning", "warning"}, {"error", "error"},
                                          {"critical", "critical"}, {"fatal", "fatal"}},
                                         [](C& c) -> auto& { return c.libs_logger.severity; })}));

  // ----- drops and timeouts
  {
    Key actions("actions", Kind::kList);
    actions.fields.push_back(Key("", Kind::kEnum));
    actions.fields.back().choices = {"ignore", "log", "alert", "exit"};
    actions.apply = [](C& c, const YAML::Node& n) {
      c.syscall_event_drops.actions.clear();
      for (const auto& a : n) {
        const std::string s = a.Scalar();
        if (s == "ignore") c.syscall_event_drops.actions.push_back(DropAction::kIgnore);
        else if (s == "log") c.syscall_event_drops.actions.push_back(DropAction::kLog);
        else if (s == "alert") c.syscall_event_drops.actions.push_back(DropAction::kAlert);
        else if (s == "exit") c.syscall_event_drops.actions.push_back(DropAction::kExit);
      }
    };
    actions.check = check_drop_actions;
    top.push_back(map(
        "syscall_event_drops",
        {number("threshold", 0, 1, [](C& c) -> auto& { return c.syscall_event_drops.threshold; },
                "syscall event drops threshold must be a double in the range [0, 1]"),
         actions,
         number("rate", 0, HUGE_VAL, [](C& c) -> auto& { return c.syscall_event_drops.rate; }),
         number("max_burst", 0, HUGE_VAL, [](C& c) -> auto& { return c.syscall_event_drops.max_burst; }),
         boolean("simulate_drops", [](C& c) -> auto& { return c.syscall_event_drops.simulate_drops; })}));
  }
  {
    Key mc = integer("max_consecutives", 1, kU32, [](C& c) -> auto& { return c.syscall_event_timeouts_max_consecutives; });
    mc.range_message = "syscall_event_timeouts.max_consecutives must be an integer > 0";
    top.push_back(map("syscall_event_timeouts", {mc}));
  }

  Key root = map("", std::move(top));
  root.check = check_root;
  return root;
}

}  // namespace

const Key& config_schema() {
  static const Key root = make_schema();
  return root;
}

const Key* find_key(const Key& root, const std::vector<std::string>& path) {
  const Key* k = &root;
  for (const auto& name : path) {
    while (k->kind == Kind::kList && !k->fields.empty()) k = &k->fields[0];
    if (k->kind != Kind::kMap) return nullptr;
    k = k->field(name);
    if (!k) return nullptr;
  }
  return k;
}

}  // namespace saker::config
