#include "engine/app/config_override.h"

#include <charconv>

#include "engine/app/str_cat.h"

namespace saker::config {

Status parse_override(const std::string& text, Override* out) {
  const size_t eq = text.find('=');
  if (eq == std::string::npos || eq == 0)
    return Status::Error("'" + text + "' must be of the form key=value or key.subkey=value");
  out->key = text.substr(0, eq);
  out->value = text.substr(eq + 1);
  if (out->origin.empty()) out->origin = "-o " + text;
  return Status::Ok();
}

Status parse_key_path(const std::string& key, std::vector<PathElem>* out) {
  out->clear();
  auto fail = [&](size_t pos, const std::string& what) {
    return Status::Error(cat("bad key '", key, "' at position ", std::to_string(pos + 1), ": ", what));
  };
  size_t i = 0;
  const size_t n = key.size();
  if (n == 0) return Status::Error("empty key");
  while (i < n) {
    // One NodeKey: characters up to '.', '[' or the end, with backslash escapes.
    std::string name;
    const size_t start = i;
    while (i < n && key[i] != '.' && key[i] != '[') {
      if (key[i] == '\\') {
        if (i + 1 >= n) return fail(i, "trailing backslash");
        const char next = key[i + 1];
        if (next != '.' && next != '[' && next != ']' && next != '\\')
          return fail(i, std::string("invalid escape '\\") + next + "'");
        name += next;
        i += 2;
        continue;
      }
      if (key[i] == ']') return fail(i, "unexpected ']'");
      name += key[i++];
    }
    if (name.empty()) return fail(start, "empty key name");
    out->push_back(PathElem{PathElem::Type::kKey, name, 0});
    // Zero or more [index] / [].
    while (i < n && key[i] == '[') {
      const size_t close = key.find(']', i);
      if (close == std::string::npos) return fail(i, "missing ']'");
      const std::string idx = key.substr(i + 1, close - i - 1);
      if (idx.empty()) {
        out->push_back(PathElem{PathElem::Type::kAppend, "", 0});
      } else {
        size_t v = 0;
        auto [p, ec] = std::from_chars(idx.data(), idx.data() + idx.size(), v);
        if (ec != std::errc() || p != idx.data() + idx.size())
          return fail(i + 1, "expected a numeric index, found '" + idx + "'");
        out->push_back(PathElem{PathElem::Type::kIndex, "", v});
      }
      i = close + 1;
    }
    if (i < n) {
      if (key[i] != '.') return fail(i, "expected '.'");
      ++i;
      if (i == n) return fail(i - 1, "key ends with '.'");
    }
  }
  return Status::Ok();
}

std::string path_to_string(const std::vector<PathElem>& path) {
  std::string s;
  for (const auto& e : path) {
    switch (e.type) {
      case PathElem::Type::kKey:
        if (!s.empty()) s += '.';
        s += e.key;
        break;
      case PathElem::Type::kIndex: s.append("[").append(std::to_string(e.index)).append("]"); break;
      case PathElem::Type::kAppend: s += "[]"; break;
    }
  }
  return s;
}

std::vector<std::string> path_keys(const std::vector<PathElem>& path) {
  std::vector<std::string> keys;
  for (const auto& e : path) if (e.type == PathElem::Type::kKey) keys.push_back(e.key);
  return keys;
}

Status apply_override(YAML::Node& root, const Override& ov, std::vector<PathElem>* touched) {
  std::vector<PathElem> path;
  if (Status s = parse_key_path(ov.key, &path); !s.ok()) return s;

  YAML::Node value;
  const std::string& v = ov.value;
  if (v.size() >= 2 && ((v.front() == '{' && v.back() == '}') || (v.front() == '[' && v.back() == ']'))) {
    try {
      value = YAML::Load(v);
    } catch (const YAML::Exception& e) {
      return Status::Error("value '" + v + "' is not valid YAML: " + e.msg);
    }
  } else {
    value = YAML::Node(v);
  }

  if (!root.IsDefined() || root.IsNull()) root = YAML::Node(YAML::NodeType::Map);
  YAML::Node cur = root;
  std::vector<PathElem> walked;
  size_t touched_len = path.size();
  for (size_t i = 0; i < path.size(); ++i) {
    const PathElem& e = path[i];
    const bool last = i + 1 == path.size();
    YAML::Node next;
    switch (e.type) {
      case PathElem::Type::kKey:
        if (cur.IsDefined() && !cur.IsNull() && !cur.IsMap())
          return Status::Error(cat("'", path_to_string(walked), "' is not a map"));
        next = cur[e.key];
        break;
      case PathElem::Type::kIndex:
        if (!cur.IsSequence())
          return Status::Error(cat("'", path_to_string(walked), "' is not a list"));
        if (e.index > cur.size())
          return Status::Error(cat("index ", std::to_string(e.index), " is out of range for '",
                                   path_to_string(walked), "' (", std::to_string(cur.size()), " items)"));
        if (e.index == cur.size()) cur.push_back(YAML::Node());
        next = cur[e.index];
        break;
      case PathElem::Type::kAppend:
        if (cur.IsDefined() && !cur.IsNull() && !cur.IsSequence())
          return Status::Error(cat("'", path_to_string(walked), "' is not a list"));
        cur.push_back(YAML::Node());
        next = cur[cur.size() - 1];
        if (touched_len == path.size()) touched_len = i + 1;
        break;
    }
    // Appended items are recorded with their index, so messages say "rules[2]".
    walked.push_back(e.type == PathElem::Type::kAppend ? PathElem{PathElem::Type::kIndex, "", cur.size() - 1} : e);
    if (last) {
      next = value;
    } else {
      cur.reset(next);
    }
  }
  if (touched) touched->assign(walked.begin(), walked.begin() + static_cast<std::ptrdiff_t>(touched_len));
  return Status::Ok();
}

}  // namespace saker::config
