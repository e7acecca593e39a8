#include "engine/rules/reader.h"

#include <yaml-cpp/anchor.h>
#include <yaml-cpp/eventhandler.h>  // not included by yaml.h in every yaml-cpp release
#include <yaml-cpp/yaml.h>

#include <functional>
#include <sstream>
#include <unordered_map>

#include "engine/filter/parser.h"

namespace saker::rules {

namespace {

[[noreturn]] void fail(std::string message, const Context& ctx) {
  throw LoadError{ErrorCode::LOAD_ERR_YAML_VALIDATE, std::move(message), ctx};
}

Context at(const Context& parent, const YAML::Node& node, std::string type, std::string name = "") {
  YAML::Mark m = node.IsDefined() ? node.Mark() : YAML::Mark::null_mark();
  if (m.is_null()) {
    const Location& in = parent.innermost();
    return parent.child(std::move(type), std::move(name), in.line, in.column, in.offset);
  }
  return parent.child(std::move(type), std::move(name), static_cast<uint32_t>(m.line + 1),
                      static_cast<uint32_t>(m.column + 1), static_cast<uint32_t>(m.pos));
}

// Falco's decode_val: the key must exist (unless optional), be non-null (unless can_be_empty),
// be a scalar and decode as T.
template <typename T>
bool decode(const YAML::Node& item, const char* key, T* out, const Context& ctx, bool optional,
            bool can_be_empty = false) {
  const YAML::Node val = item[key];
  if (!val.IsDefined() && optional) return false;
  if (!val.IsDefined()) fail(std::string("Item has no mapping for key '") + key + "'", ctx);
  if (val.IsNull() && can_be_empty) return false;
  if (val.IsNull()) fail(std::string("Mapping for key '") + key + "' is empty", ctx);
  Context vctx = at(ctx, val, "value for", key);
  if (!val.IsScalar()) fail("Value is not a scalar value", vctx);
  if (val.Scalar().empty() && can_be_empty) return false;
  if (val.Scalar().empty()) fail("Value must be non-empty", vctx);
  if (!YAML::convert<T>::decode(val, *out)) fail("Can't decode YAML scalar value", vctx);
  return true;
}

void decode_seq(const YAML::Node& item, const char* key, const Context& ctx, bool optional,
                const std::function<void(const std::string&)>& insert) {
  const YAML::Node val = item[key];
  if (!val.IsDefined() && optional) return;
  if (!val.IsDefined()) fail(std::string("Item has no mapping for key '") + key + "'", ctx);
  Context vctx = at(ctx, val, "value for", key);
  if (!val.IsSequence()) fail("Value is not a sequence", vctx);
  for (const auto& v : val) {
    Context ictx = at(vctx, v, "list item");
    if (!v.IsScalar()) fail("sequence value is not scalar", ictx);
    insert(v.Scalar());
  }
}

void decode_entry(const YAML::Node& val, ExceptionEntry* out, const Context& ctx) {
  if (val.IsScalar()) {
    if (val.Scalar().empty()) fail("Value must be non-empty", ctx);
    out->defined = true;
    out->is_list = false;
    out->item = val.Scalar();
  } else if (val.IsSequence()) {
    out->defined = true;
    out->is_list = true;
    for (const auto& v : val) {
      ExceptionEntry e;
      Context lctx = at(ctx, v, "exception");
      if (!v.IsDefined() || v.IsNull()) fail("Item has no mapping for key ''", lctx);
      decode_entry(v, &e, lctx);
      out->items.push_back(std::move(e));
    }
  } else if (val.IsMap()) {
    // Falco silently ignores mappings here; keep the entry undefined.
  }
}

void warn_unknown_keys(const YAML::Node& item, const std::set<std::string>& expected,
                       LoadResult& result, const Context& ctx) {
  if (!item.IsMap()) return;
  for (const auto& kv : item) {
    if (!kv.first.IsScalar()) continue;
    const std::string& key = kv.first.Scalar();
    if (!expected.count(key)) {
      result.add_warning(WarningCode::LOAD_UNKNOWN_KEY, "Unknown key '" + key + "'. The key will be ignored.", ctx);
    }
  }
}

void read_exceptions(const YAML::Node& item, std::vector<ExceptionInfo>* out, const Context& parent,
                     bool append, LoadResult& result) {
  const YAML::Node exs = item["exceptions"];
  if (!exs.IsDefined() || exs.IsNull()) return;
  Context exs_ctx = at(parent, exs, "exceptions");
  if (!exs.IsSequence()) fail("Rule exceptions must be a sequence", exs_ctx);
  for (const auto& ex : exs) {
    Context tmp = at(exs_ctx, ex, "exception");
    if (!ex.IsMap()) fail("Rule exception must be a mapping", tmp);
    std::string name;
    decode(ex, "name", &name, tmp, false);
    ExceptionInfo info;
    info.ctx = at(parent, ex, "exception", name);
    info.name = name;
    for (const auto& prev : *out) {
      if (prev.name == name) {
        result.add_warning(WarningCode::LOAD_EXCEPTION_NAME_NOT_UNIQUE,
                           "Multiple definitions of exception '" + name + "' in the same rule", info.ctx);
      }
    }
    const YAML::Node fields = ex["fields"];
    if (fields.IsDefined()) {
      decode_entry(fields, &info.fields, at(info.ctx, fields, "value for", "fields"));
    } else if (!append) {
      fail("Item has no mapping for key 'fields'", info.ctx);
    }
    const YAML::Node comps = ex["comps"];
    if (comps.IsDefined()) decode_entry(comps, &info.comps, at(info.ctx, comps, "value for", "comps"));
    const YAML::Node values = ex["values"];
    if (values.IsDefined()) {
      Context vals_ctx = at(info.ctx, values, "exception values");
      if (!values.IsSequence()) fail("Rule exception values must be a sequence", vals_ctx);
      for (const auto& v : values) {
        Context vctx = at(vals_ctx, v, "exception value");
        if (!v.IsDefined() || v.IsNull()) fail("Item has no mapping for key ''", vctx);
        ExceptionEntry e;
        decode_entry(v, &e, vctx);
        info.values.push_back(std::move(e));
      }
    } else if (append) {
      result.add_warning(WarningCode::LOAD_APPEND_NO_VALUES, "Overriding/appending exception with no values", info.ctx);
    }
    out->push_back(std::move(info));
  }
}

struct Overrides {
  std::set<std::string> append, replace;
};

Overrides read_overrides(const YAML::Node& item, const std::set<std::string>& can_append,
                         const std::set<std::string>& can_replace, const Context& ctx) {
  Overrides o;
  const YAML::Node val = item["override"];
  if (!val.IsDefined()) return o;
  Context octx = at(ctx, item, "overrides");
  if (!val.IsMap()) fail("Value of 'override' must be a mapping", octx);
  for (const auto& kv : val) {
    if (!kv.first.IsScalar() || !kv.second.IsScalar()) fail("Override entries must be scalars", octx);
    const std::string& key = kv.first.Scalar();
    const std::string& op = kv.second.Scalar();
    Context kctx = at(octx, kv.first, "overrides", key);
    if (op == "append") {
      if (!can_append.count(key)) fail("Key '" + key + "' cannot be appended to, use 'replace' instead", kctx);
      o.append.insert(key);
    } else if (op == "replace") {
      if (!can_replace.count(key)) fail("Key '" + key + "' cannot be replaced", kctx);
      o.replace.insert(key);
    } else {
      std::string msg = "Invalid override operation for key '" + key + "': '" + op + "'. Allowed values are: ";
      if (can_append.count(key)) msg += "append ";
      if (can_replace.count(key)) msg += "replace ";
      fail(msg, at(octx, kv.second, "value for", key));
    }
  }
  return o;
}

constexpr const char* kOverrideAppendError =
    "Keys 'override' and 'append: true' cannot be used together. Add an 'append' entry (e.g. "
    "'condition: append') under 'override' instead.";

void read_rule(const YAML::Node& item, const Context& parent, const ReaderOptions& options,
               Collector& collector, LoadResult& result) {
  std::string name;
  decode(item, "rule", &name, at(parent, item, "rule"), false);
  Context ctx = at(parent, item, "rule", name);
  std::string source;
  decode(item, "source", &source, ctx, true, true);
  bool append_flag = false;
  decode(item, "append", &append_flag, ctx, true);
  static const std::set<std::string> can_append{"condition", "output", "desc", "tags", "exceptions"};
  static const std::set<std::string> can_replace{
      "condition", "output", "desc", "priority", "capture", "capture_duration", "tags",
      "exceptions", "enabled", "warn_evttypes", "skip-if-unknown-filter"};
  Overrides ov = read_overrides(item, can_append, can_replace, ctx);
  const bool has_overrides = !ov.append.empty() || !ov.replace.empty();
  if (append_flag && has_overrides) fail(kOverrideAppendError, ctx);

  if (has_overrides) {
    std::set<std::string> expected;
    for (const auto& k : can_append) if (item[k].IsDefined()) expected.insert(k);
    for (const auto& k : can_replace) if (item[k].IsDefined()) expected.insert(k);
    auto take = [&](const std::set<std::string>& which, const char* kind, const std::string& key) {
      if (!which.count(key)) return false;
      if (!expected.count(key)) {
        fail(std::string("An ") + kind + " override for '" + key + "' was specified but '" + key +
                 "' is not defined", ctx);
      }
      expected.erase(key);
      return true;
    };
    for (int pass = 0; pass < 2; ++pass) {
      const bool is_append = pass == 0;
      const auto& which = is_append ? ov.append : ov.replace;
      if (which.empty()) continue;
      const char* kind = is_append ? "append" : "replace";
      RuleUpdate u;
      u.ctx = ctx;
      u.name = name;
      std::string s;
      if (take(which, kind, "condition")) {
        u.source = source;
        decode(item, "condition", &s, ctx, false);
        u.cond = s;
      }
      if (take(which, kind, "exceptions")) {
        std::vector<ExceptionInfo> exs;
        read_exceptions(item, &exs, ctx, is_append, result);
        u.exceptions = std::move(exs);
      }
      if (take(which, kind, "output")) {
        decode(item, "output", &s, ctx, false);
        u.output = s;
      }
      if (take(which, kind, "desc")) {
        decode(item, "desc", &s, ctx, false);
        u.desc = s;
      }
      if (take(which, kind, "tags")) {
        std::set<std::string> tags;
        decode_seq(item, "tags", ctx, true, [&](const std::string& t) { tags.insert(t); });
        u.tags = std::move(tags);
      }
      if (!is_append) {
        if (take(which, kind, "priority")) {
          decode(item, "priority", &s, ctx, false);
          Priority p;
          if (!parse_priority(s, &p)) fail("Invalid priority", at(ctx, item["priority"], "rule priority"));
          u.priority = p;
        }
        bool b;
        if (take(which, kind, "capture")) { decode(item, "capture", &b, ctx, false); u.capture = b; }
        if (take(which, kind, "capture_duration")) {
          uint64_t d;
          decode(item, "capture_duration", &d, ctx, false);
          u.capture_duration = d;
        }
        if (take(which, kind, "enabled")) { decode(item, "enabled", &b, ctx, false); u.enabled = b; }
        if (take(which, kind, "warn_evttypes")) { decode(item, "warn_evttypes", &b, ctx, false); u.warn_evttypes = b; }
        if (take(which, kind, "skip-if-unknown-filter")) {
          decode(item, "skip-if-unknown-filter", &b, ctx, false);
          u.skip_if_unknown_filter = b;
        }
        collector.replace(std::move(u));
      } else {
        collector.append(std::move(u));
      }
    }
    for (const auto& key : expected) {
      fail("Unexpected key '" + key + "': no corresponding entry under 'override' is defined.",
           at(ctx, item[key], "overrides", key));
    }
  } else if (append_flag) {
    RuleUpdate u;
    u.ctx = ctx;
    u.name = name;
    u.source = source;
    std::string s;
    if (item["condition"].IsDefined()) {
      decode(item, "condition", &s, ctx, false);
      u.cond = s;
    }
    if (item["exceptions"].IsDefined()) {
      std::vector<ExceptionInfo> exs;
      read_exceptions(item, &exs, ctx, true, result);
      u.exceptions = std::move(exs);
    }
    collector.append(std::move(u));
  } else if (!item["condition"].IsDefined() && !item["output"].IsDefined() &&
             !item["desc"].IsDefined() && !item["priority"].IsDefined()) {
    bool enabled = true;
    decode(item, "enabled", &enabled, ctx, false);
    collector.enable(name, enabled, ctx);
  } else {
    RuleInfo r;
    r.ctx = ctx;
    r.name = name;
    decode(item, "condition", &r.cond, ctx, false);
    r.cond_ctx = at(ctx, item["condition"], "rule condition");
    decode(item, "output", &r.output, ctx, false);
    r.output_ctx = at(ctx, item["output"], "rule output");
    decode(item, "desc", &r.desc, ctx, false);
    std::string priority;
    decode(item, "priority", &priority, ctx, false);
    if (!parse_priority(priority, &r.priority)) fail("Invalid priority", at(ctx, item["priority"], "rule priority"));
    // trim the output like Falco
    while (!r.output.empty() && std::isspace(static_cast<unsigned char>(r.output.back()))) r.output.pop_back();
    size_t lead = 0;
    while (lead < r.output.size() && std::isspace(static_cast<unsigned char>(r.output[lead]))) ++lead;
    r.output.erase(0, lead);
    r.source = "syscall";
    decode(item, "source", &r.source, ctx, true);
    decode(item, "enabled", &r.enabled, ctx, true);
    decode(item, "capture", &r.capture, ctx, true);
    decode(item, "capture_duration", &r.capture_duration, ctx, true);
    decode(item, "warn_evttypes", &r.warn_evttypes, ctx, true);
    decode(item, "skip-if-unknown-filter", &r.skip_if_unknown_filter, ctx, true);
    decode_seq(item, "tags", ctx, true, [&](const std::string& t) { r.tags.insert(t); });
    read_exceptions(item, &r.exceptions, ctx, false, result);
    const bool known = options.sources.count(r.source) > 0;
    if (!known) {
      result.add_warning(WarningCode::LOAD_UNKNOWN_SOURCE, "Unknown source " + r.source + ", skipping", ctx);
    }
    collector.define(std::move(r), known);
  }
  static const std::set<std::string> expected_keys{
      "rule", "condition", "output", "desc", "priority", "source", "enabled", "capture",
      "capture_duration", "warn_evttypes", "skip-if-unknown-filter", "tags", "exceptions",
      "override", "append"};
  warn_unknown_keys(item, expected_keys, result, ctx);
}

void read_item(const YAML::Node& item, const Context& parent, const ReaderOptions& options,
               Collector& collector, LoadResult& result) {
  if (!item.IsMap()) {
    fail("Unexpected element type. Each element should be a yaml associative array.",
         at(parent, item, "rules content item"));
  }
  if (item["required_engine_version"].IsDefined()) {
    Context ctx = at(parent, item, "required_engine_version");
    const YAML::Node val = item["required_engine_version"];
    std::string text;
    decode(item, "required_engine_version", &text, ctx, false);
    Version required, engine;
    uint32_t as_number;
    if (YAML::convert<uint32_t>::decode(val, as_number)) {
      required = Version{0, as_number, 0};
    } else if (!parse_version(text, &required)) {
      // A plain non-numeric scalar that is not semver either.
      if (text.find('.') == std::string::npos) fail("Can't decode YAML scalar value", at(ctx, val, "value for", "required_engine_version"));
      fail("Unable to parse engine version '" + text + "' as a semver string. Expected \"x.y.z\" semver format.", ctx);
    }
    parse_version(options.engine_version, &engine);
    if (!version_compatible(engine, required)) {
      throw LoadError{ErrorCode::LOAD_ERR_VALIDATE,
                      "Rules require engine version " + text + ", but engine version is " +
                          options.engine_version,
                      ctx};
    }
    warn_unknown_keys(item, {"required_engine_version"}, result, ctx);
  } else if (item["required_plugin_versions"].IsDefined()) {
    const YAML::Node reqs = item["required_plugin_versions"];
    Context ctx = at(parent, reqs, "required plugin versions");
    if (!reqs.IsSequence()) fail("Value of required_plugin_versions must be a sequence", ctx);
    for (const auto& plugin : reqs) {
      Context tmp = at(ctx, plugin, "required plugin versions entry");
      if (!plugin.IsMap()) fail("Plugin version must be a mapping", tmp);
      PluginRequirement r;
      decode(plugin, "name", &r.name, tmp, false);
      Context pctx = at(ctx, plugin, "required plugin versions entry", r.name);
      decode(plugin, "version", &r.version, pctx, false);
      std::vector<PluginRequirement> alternatives{r};
      const YAML::Node alts = plugin["alternatives"];
      if (alts.IsDefined()) {
        if (!alts.IsSequence()) fail("Value of plugin version alternatives must be a sequence", pctx);
        for (const auto& a : alts) {
          Context actx = at(pctx, a, "required plugin versions alternative");
          if (!a.IsMap()) fail("Plugin version alternative must be a mapping", actx);
          PluginRequirement alt;
          decode(a, "name", &alt.name, actx, false);
          decode(a, "version", &alt.version, at(pctx, a, "required plugin versions alternative", alt.name), false);
          alternatives.push_back(alt);
        }
      }
      std::set<std::string> names;
      for (const auto& alt : alternatives) {
        Version v;
        if (!parse_version(alt.version, &v)) {
          throw LoadError{ErrorCode::LOAD_ERR_VALIDATE,
                          "Invalid required version '" + alt.version + "' for plugin '" + alt.name + "'", pctx};
        }
        if (!names.insert(alt.name).second) {
          throw LoadError{ErrorCode::LOAD_ERR_VALIDATE,
                          "Defined multiple alternative version requirements for plugin '" + alt.name + "'", pctx};
        }
      }
      collector.require_plugin(std::move(alternatives));
    }
    warn_unknown_keys(item, {"required_plugin_versions"}, result, at(parent, item, "required plugin versions"));
  } else if (item["list"].IsDefined()) {
    ListInfo l;
    decode(item, "list", &l.name, at(parent, item, "list"), false);
    l.ctx = at(parent, item, "list", l.name);
    if (!filter::is_bare_word(l.name)) {
      result.add_warning(WarningCode::LOAD_INVALID_LIST_NAME,
                         "List has an invalid name. List names should match a regular expression: "
                         "([^()\"'[:space:]=,]+)", l.ctx);
    }
    decode_seq(item, "items", l.ctx, false, [&](const std::string& s) { l.items.push_back(s); });
    bool append = false;
    decode(item, "append", &append, l.ctx, true);
    Overrides ov = read_overrides(item, {"items"}, {"items"}, l.ctx);
    if (append && (!ov.append.empty() || !ov.replace.empty())) fail(kOverrideAppendError, l.ctx);
    append = append || ov.append.count("items");
    Context lctx = l.ctx;
    if (append) {
      collector.append(std::move(l));
    } else {
      collector.define(std::move(l));
    }
    warn_unknown_keys(item, {"list", "items", "append", "override"}, result, lctx);
  } else if (item["macro"].IsDefined()) {
    MacroInfo m;
    decode(item, "macro", &m.name, at(parent, item, "macro"), false);
    m.ctx = at(parent, item, "macro", m.name);
    if (!filter::is_identifier(m.name)) {
      result.add_warning(WarningCode::LOAD_INVALID_MACRO_NAME,
                         "Macro has an invalid name. Macro names should match a regular expression: "
                         "([a-zA-Z]+[a-zA-Z0-9_]*)", m.ctx);
    }
    decode(item, "condition", &m.cond, m.ctx, false);
    m.cond_ctx = at(m.ctx, item["condition"], "macro condition");
    bool append = false;
    decode(item, "append", &append, m.ctx, true);
    Overrides ov = read_overrides(item, {"condition"}, {"condition"}, m.ctx);
    if (append && (!ov.append.empty() || !ov.replace.empty())) fail(kOverrideAppendError, m.ctx);
    append = append || ov.append.count("condition");
    Context mctx = m.ctx;
    if (append) {
      collector.append(std::move(m));
    } else {
      collector.define(std::move(m));
    }
    warn_unknown_keys(item, {"macro", "condition", "append", "override"}, result, mctx);
  } else if (item["rule"].IsDefined()) {
    read_rule(item, parent, options, collector, result);
  } else {
    result.add_warning(WarningCode::LOAD_UNKNOWN_ITEM, "Unknown top level item", at(parent, item, "rules content item"));
  }
}


// yaml-cpp 0.7's LoadAll loops forever (allocating an empty document per turn) when a document
// starts with a token no node can start with, such as a ',' flow entry in block context
// (",x" or "- a\n,b"): the parser emits a null node without consuming the token. Aliases are
// shared, not copied, but the reader walks them once per use, so a chain of aliases ("billion
// laughs") would make it walk exponentially many nodes. This pass runs yaml-cpp's event parser
// alone first and rejects both shapes with the line and column concerned.
class StructureCheck : public YAML::EventHandler {
 public:
  static constexpr uint64_t kMaxExpandedNodes = 1'000'000;

  // Returns an empty string when the content may be loaded; else the message, with *mark set.
  static std::string run(const std::string& content, YAML::Mark* mark) {
    std::istringstream in(content);
    YAML::Parser parser(in);
    StructureCheck check;
    const size_t max_documents = content.size() + 2;  // each document consumes at least one byte
    for (size_t docs = 0; parser; ++docs) {
      check.events_ = 0;
      check.first_null_ = YAML::Mark::null_mark();
      if (!parser.HandleNextDocument(check)) break;
      if (!check.error_.empty()) break;
      if (check.events_ == 1 && !check.first_null_.is_null()) {
        // An empty document at the same place as the previous one: the parser made no progress.
        if (check.first_null_.pos == check.last_null_pos_) {
          const auto pos = static_cast<size_t>(check.first_null_.pos);
          std::string what = pos < content.size() ? std::string("'") + content[pos] + "'" : "end";
          check.fail(check.first_null_,
                     "Unexpected " + what + ": no YAML node can start here (stray flow indicator "
                     "in block context)");
          break;
        }
        check.last_null_pos_ = check.first_null_.pos;
      } else {
        check.last_null_pos_ = -1;
      }
      if (docs > max_documents) {
        check.fail(check.first_null_, "Too many YAML documents");
        break;
      }
    }
    *mark = check.error_mark_;
    return check.error_;
  }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (events_++ == 0) first_null_ = mark;
    leaf(mark, anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    ++events_;
    auto it = sizes_.find(anchor);
    add(mark, it == sizes_.end() ? 1 : it->second);
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                const std::string&) override {
    ++events_;
    leaf(mark, anchor);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    ++events_;
    stack_.push_back({anchor, 1, mark});
  }
  void OnSequenceEnd() override { end(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    ++events_;
    stack_.push_back({anchor, 1, mark});
  }
  void OnMapEnd() override { end(); }

 private:
  struct Frame {
    YAML::anchor_t anchor;
    uint64_t nodes;  // nodes under this collection with aliases expanded
    YAML::Mark mark;
  };

  void fail(const YAML::Mark& mark, std::string message) {
    if (!error_.empty()) return;
    error_ = std::move(message);
    error_mark_ = mark;
  }
  void leaf(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) sizes_[anchor] = 1;
    add(mark, 1);
  }
  void add(const YAML::Mark& mark, uint64_t nodes) {
    total_ += nodes;
    if (!stack_.empty()) stack_.back().nodes += nodes;
    if (total_ > kMaxExpandedNodes)
      fail(mark, "Aliases expand to more than " + std::to_string(kMaxExpandedNodes) +
                     " YAML nodes");
  }
  void end() {
    if (stack_.empty()) return;
    Frame f = stack_.back();
    stack_.pop_back();
    if (f.anchor != YAML::NullAnchor) sizes_[f.anchor] = f.nodes;
    if (!stack_.empty()) stack_.back().nodes += f.nodes;
  }

  std::vector<Frame> stack_;
  std::unordered_map<YAML::anchor_t, uint64_t> sizes_;
  uint64_t total_ = 0;
  size_t events_ = 0;
  YAML::Mark first_null_ = YAML::Mark::null_mark();
  int last_null_pos_ = -1;
  std::string error_;
  YAML::Mark error_mark_ = YAML::Mark::null_mark();
};

}  // namespace

bool parse_version(const std::string& text, Version* out) {
  uint64_t parts[3] = {0, 0, 0};
  size_t part = 0, i = 0;
  if (text.empty()) return false;
  while (i < text.size()) {
    if (part >= 3) return false;
    size_t start = i;
    uint64_t v = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      if (v > 1000000000000ull) return false;
      v = v * 10 + static_cast<uint64_t>(text[i] - '0');
      ++i;
    }
    if (i == start) return false;
    parts[part++] = v;
    if (i < text.size()) {
      if (text[i] != '.') return false;
      ++i;
      if (i == text.size()) return false;
    }
  }
  if (part != 3) return false;
  *out = Version{parts[0], parts[1], parts[2]};
  return true;
}

bool version_compatible(const Version& engine, const Version& required) {
  if (engine.major != required.major) return false;
  if (engine.minor != required.minor) return engine.minor > required.minor;
  return engine.patch >= required.patch;
}

bool read_rules(const std::string& name, const std::string& content, const ReaderOptions& options,
                Collector& collector, LoadResult& result) {
  Context root(name);
  std::vector<YAML::Node> docs;
  try {
    YAML::Mark mark;
    std::string problem = StructureCheck::run(content, &mark);
    if (!problem.empty()) throw YAML::ParserException(mark, problem);
    docs = YAML::LoadAll(content);
  } catch (const YAML::ParserException& e) {
    Context ctx = e.mark.is_null()
                      ? root
                      : root.child("rules content", "", static_cast<uint32_t>(e.mark.line + 1),
                                   static_cast<uint32_t>(e.mark.column + 1), static_cast<uint32_t>(e.mark.pos));
    result.add_error(ErrorCode::LOAD_ERR_YAML_PARSE, e.what(), ctx);
    return false;
  } catch (const std::exception& e) {
    result.add_error(ErrorCode::LOAD_ERR_YAML_PARSE, e.what(), root);
    return false;
  }
  for (const auto& doc : docs) {
    if (!doc.IsDefined() || doc.IsNull()) continue;
    try {
      if (!doc.IsMap() && !doc.IsSequence()) fail("Rules content is not yaml", root);
      if (!doc.IsSequence()) fail("Rules content is not yaml array of objects", root);
      for (const auto& item : doc) {
        if (item.IsNull()) continue;
        read_item(item, root, options, collector, result);
      }
    } catch (const LoadError& e) {
      result.add_error(e.code, e.message, e.ctx);
      return false;
    } catch (const YAML::Exception& e) {
      result.add_error(ErrorCode::LOAD_ERR_YAML_VALIDATE, e.what(), root);
      return false;
    } catch (const std::exception& e) {
      result.add_error(ErrorCode::LOAD_ERR_VALIDATE, e.what(), root);
      return false;
    }
  }
  return true;
}

}  // namespace saker::rules
