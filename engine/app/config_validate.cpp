#include "engine/app/config_schema.h"

#include <cmath>
#include <set>

#include "engine/app/config_values.h"
#include "engine/app/str_cat.h"

// Checking a YAML tree against the schema, and filling Config from it.

namespace saker::config {

// ---------------------------------------------------------------------------------------------
// Reporter

void Reporter::add(Diagnostic::Severity sev, const YAML::Node& at, std::string message) {
  if (!out_) return;
  Diagnostic d;
  d.severity = sev;
  d.origin = origin_;
  const YAML::Mark m = at.IsDefined() ? at.Mark() : YAML::Mark::null_mark();
  if (!m.is_null() && m.line >= 0) {
    d.line = m.line + 1;
    d.column = m.column + 1;
  }
  d.message = std::move(message);
  out_->add(std::move(d));
}

const Key* Key::field(std::string_view n) const {
  for (const auto& f : fields) if (f.name == n) return &f;
  return nullptr;
}

// ---------------------------------------------------------------------------------------------
// Validation

std::string describe(const Key& key) {
  switch (key.kind) {
    case Kind::kBool: return "a boolean";
    case Kind::kInt: return "an integer";
    case Kind::kDouble: return "a number";
    case Kind::kString: return "a string";
    case Kind::kEnum: {
      std::string s = "one of ";
      std::set<std::string> seen;
      for (size_t i = 0; i < key.choices.size(); ++i) {
        if (!seen.insert(key.choices[i]).second) continue;
        s += (i ? ", " : "") + key.choices[i];
      }
      return s;
    }
    case Kind::kDuration: return "a duration (e.g. 500ms, 30s, 1h)";
    case Kind::kByteSize: return "a size in bytes (e.g. 8388608 or 8M)";
    case Kind::kFileMode: return "an octal file mode (e.g. 0660)";
    case Kind::kStringList: return "a list of strings";
    case Kind::kStringMap: return "a map of strings";
    case Kind::kMap: return "a map";
    case Kind::kList: return "a list";
    case Kind::kAny: return "a value";
  }
  return "a value";
}

namespace {

std::string found(const YAML::Node& n) {
  if (n.IsMap()) return "a map";
  if (n.IsSequence()) return "a list";
  return "'" + n.Scalar() + "'";
}

std::string quote(const std::string& path) { return "'" + path + "'"; }

void validate_scalar(const Key& key, const YAML::Node& node, const std::string& path, Reporter& r) {
  if (!node.IsScalar()) {
    r.error(node, quote(path) + " expects " + describe(key) + ", found " + found(node));
    return;
  }
  const std::string& s = node.Scalar();
  auto bad = [&] { r.error(node, quote(path) + " expects " + describe(key) + ", found '" + s + "'"); };
  auto out_of_range = [&](const std::string& range) {
    r.error(node, key.range_message.empty() ? quote(path) + " must be " + range + ", found '" + s + "'"
                                            : key.range_message + ", found '" + s + "'");
  };
  switch (key.kind) {
    case Kind::kBool:
      if (!parse_bool(s)) bad();
      break;
    case Kind::kInt: {
      auto v = parse_int(s);
      if (!v) return bad();
      if (*v < key.min || *v > key.max) {
        if (key.max == std::numeric_limits<int64_t>::max())
          out_of_range(cat("an integer >= ", std::to_string(key.min)));
        else
          out_of_range(cat("an integer between ", std::to_string(key.min), " and ", std::to_string(key.max)));
      }
      break;
    }
    case Kind::kDouble: {
      auto v = parse_double(s);
      if (!v) return bad();
      if (*v < key.dmin || *v > key.dmax) {
        auto num = [](double d) {
          std::string t = std::to_string(d);
          while (t.size() > 1 && t.back() == '0') t.pop_back();
          if (t.back() == '.') t.pop_back();
          return t;
        };
        if (std::isinf(key.dmax)) out_of_range("a number >= " + num(key.dmin));
        else out_of_range("a number between " + num(key.dmin) + " and " + num(key.dmax));
      }
      break;
    }
    case Kind::kString:
      break;
    case Kind::kEnum: {
      const std::string v = key.case_insensitive ? ascii_lower(s) : s;
      bool ok = false;
      for (const auto& c : key.choices) ok = ok || c == v;
      if (!ok) bad();
      break;
    }
    case Kind::kDuration:
      if (!parse_duration_ms(s)) bad();
      break;
    case Kind::kByteSize: {
      auto v = parse_byte_size(s);
      if (!v) return bad();
      if (static_cast<int64_t>(*v) < key.min || static_cast<int64_t>(*v) > key.max)
        out_of_range(cat("between ", std::to_string(key.min), " and ", std::to_string(key.max), " bytes"));
      break;
    }
    case Kind::kFileMode:
      if (!parse_file_mode(s)) bad();
      break;
    default:
      break;
  }
}

}  // namespace

void validate_node(const Key& key, const YAML::Node& node, const std::string& path, Reporter& r) {
  if (!node.IsDefined() || node.IsNull()) return;  // absent or empty: the default applies
  if (!key.deprecation.empty()) r.warning(node, key.deprecation);
  switch (key.kind) {
    case Kind::kAny:
      break;
    case Kind::kMap:
      if (!node.IsMap()) {
        r.error(node, quote(path) + " expects a map, found " + found(node));
        return;
      }
      for (const auto& kv : node) {
        const std::string name = kv.first.Scalar();
        const std::string child = path.empty() ? name : path + "." + name;
        const Key* f = key.field(name);
        if (!f) {
          r.warning(kv.first, "unknown key " + quote(child));
          continue;
        }
        validate_node(*f, kv.second, child, r);
      }
      break;
    case Kind::kList:
    case Kind::kStringList: {
      if (node.IsScalar() && key.scalar_as_list) {
        if (key.kind == Kind::kList) validate_node(key.fields[0], node, path, r);
        break;
      }
      if (!node.IsSequence()) {
        r.error(node, quote(path) + " expects " + describe(key) + ", found " + found(node));
        return;
      }
      size_t i = 0;
      for (const auto& item : node) {
        const std::string p = cat(path, "[", std::to_string(i++), "]");
        if (key.kind == Kind::kStringList) {
          if (!item.IsScalar() || item.IsNull())
            r.error(item, quote(p) + " expects a string, found " + (item.IsNull() ? "nothing" : found(item)));
        } else {
          validate_node(key.fields[0], item, p, r);
        }
      }
      break;
    }
    case Kind::kStringMap:
      if (!node.IsMap()) {
        r.error(node, quote(path) + " expects a map of strings, found " + found(node));
        return;
      }
      for (const auto& kv : node)
        if (!kv.second.IsScalar())
          r.error(kv.second, quote(path + "." + kv.first.Scalar()) + " expects a string, found " + found(kv.second));
      break;
    default:
      validate_scalar(key, node, path, r);
      break;
  }
  if (key.check) key.check(node, path, r);
}

void apply_node(const Key& key, const YAML::Node& node, Config& cfg) {
  if (!node.IsDefined() || node.IsNull()) return;
  if (key.kind == Kind::kMap && !key.apply) {
    if (!node.IsMap()) return;
    for (const auto& f : key.fields) {
      const YAML::Node child = node[f.name];
      if (child) apply_node(f, child, cfg);
    }
    return;
  }
  if (key.apply) key.apply(cfg, node);
}

// ---------------------------------------------------------------------------------------------

const char* to_string(Priority p) {
  static const char* names[] = {"Emergency", "Alert", "Critical", "Error", "Warning", "Notice", "Informational", "Debug"};
  return names[static_cast<int>(p)];
}
const char* to_string(EngineKind k) {
  switch (k) {
    case EngineKind::kAuto: return "auto";
    case EngineKind::kKmod: return "kmod";
    case EngineKind::kEbpf: return "ebpf";
    case EngineKind::kModernEbpf: return "modern_ebpf";
    case EngineKind::kUserspace: return "userspace";
    case EngineKind::kReplay: return "replay";
    case EngineKind::kNodriver: return "nodriver";
    case EngineKind::kGvisor: return "gvisor";
  }
  return "?";
}
const char* to_string(DropAction a) {
  switch (a) {
    case DropAction::kIgnore: return "ignore";
    case DropAction::kLog: return "log";
    case DropAction::kAlert: return "alert";
    case DropAction::kExit: return "exit";
  }
  return "?";
}
const char* to_string(Backpressure b) { return b == Backpressure::kBlock ? "block" : "drop"; }

}  // namespace saker::config
