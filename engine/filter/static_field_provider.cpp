#include "engine/filter/static_field_provider.h"

#include "engine/filter/values.h"

namespace saker::filter {

bool parse_field_type(std::string_view name, FieldType* out) {
  for (int i = 0; i <= static_cast<int>(FieldType::AbsTime); ++i) {
    auto t = static_cast<FieldType>(i);
    if (name == field_type_name(t)) {
      *out = t;
      return true;
    }
  }
  if (name == "charbuf") {
    *out = FieldType::String;
    return true;
  }
  return false;
}

StaticFieldProvider::StaticFieldProvider(const std::vector<FieldSpec>& specs) {
  for (const auto& s : specs) add(s);
}

void StaticFieldProvider::add(FieldSpec spec) {
  auto it = by_name_.find(spec.name);
  if (it != by_name_.end()) {
    specs_[it->second] = std::move(spec);
    return;
  }
  by_name_.emplace(spec.name, specs_.size());
  specs_.push_back(std::move(spec));
}

bool StaticFieldProvider::add_from_text(std::string_view text, std::string* error) {
  size_t line_no = 0;
  while (!text.empty()) {
    ++line_no;
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    std::vector<std::string_view> words;
    size_t i = 0;
    while (i < line.size()) {
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
      size_t start = i;
      while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
      if (i > start) words.push_back(line.substr(start, i - start));
    }
    if (words.empty()) continue;
    FieldSpec spec;
    spec.name = std::string(words[0]);
    if (words.size() < 2 || !parse_field_type(words[1], &spec.type)) {
      *error = "line " + std::to_string(line_no) + ": expected `name type [arg-policy] [list]`";
      return false;
    }
    for (size_t w = 2; w < words.size(); ++w) {
      if (words[w] == "list") spec.is_list = true;
      else if (words[w] == "index-optional") spec.arg = ArgPolicy::IndexOptional;
      else if (words[w] == "index-required") spec.arg = ArgPolicy::IndexRequired;
      else if (words[w] == "key-optional") spec.arg = ArgPolicy::KeyOptional;
      else if (words[w] == "key-required") spec.arg = ArgPolicy::KeyRequired;
      else {
        *error = "line " + std::to_string(line_no) + ": unknown attribute '" + std::string(words[w]) + "'";
        return false;
      }
    }
    add(std::move(spec));
  }
  return true;
}

std::optional<ResolvedField> StaticFieldProvider::resolve(std::string_view name,
                                                          const std::optional<std::string>& arg,
                                                          FieldError* error) const {
  const FieldSpec* spec = nullptr;
  size_t index = 0;
  std::optional<std::string> effective_arg = arg;
  if (auto it = by_name_.find(name); it != by_name_.end()) {
    index = it->second;
    spec = &specs_[index];
  } else {
    // Dotted key: the longest declared prefix taking a key argument.
    for (size_t dot = name.rfind('.'); dot != std::string_view::npos && dot > 0;
         dot = name.rfind('.', dot - 1)) {
      auto it2 = by_name_.find(name.substr(0, dot));
      if (it2 == by_name_.end()) continue;
      const FieldSpec& s = specs_[it2->second];
      if ((s.arg == ArgPolicy::KeyOptional || s.arg == ArgPolicy::KeyRequired) && !arg) {
        spec = &s;
        index = it2->second;
        effective_arg = std::string(name.substr(dot + 1));
      }
      break;
    }
  }
  if (spec == nullptr) {
    *error = FieldError{FieldErrorKind::UnknownField,
                        "filter_check called with nonexistent field " + std::string(name)};
    return std::nullopt;
  }
  ResolvedField out;
  out.type = spec->type;
  out.is_list = spec->is_list;
  out.handle = index;
  out.canonical = spec->name;
  switch (spec->arg) {
    case ArgPolicy::None:
      if (effective_arg) {
        *error = FieldError{FieldErrorKind::BadArgument,
                            "field '" + spec->name + "' does not take an argument"};
        return std::nullopt;
      }
      break;
    case ArgPolicy::IndexOptional:
    case ArgPolicy::IndexRequired:
      if (effective_arg) {
        uint64_t n;
        if (!parse_uint64(*effective_arg, &n)) {
          *error = FieldError{FieldErrorKind::BadArgument,
                              "field '" + spec->name + "' requires a numeric argument, found '" +
                                  *effective_arg + "'"};
          return std::nullopt;
        }
        out.is_list = false;
      } else if (spec->arg == ArgPolicy::IndexRequired) {
        *error = FieldError{FieldErrorKind::BadArgument,
                            "field '" + spec->name + "' requires an argument"};
        return std::nullopt;
      }
      break;
    case ArgPolicy::KeyOptional:
    case ArgPolicy::KeyRequired:
      if (!effective_arg && spec->arg == ArgPolicy::KeyRequired) {
        *error = FieldError{FieldErrorKind::BadArgument,
                            "field '" + spec->name + "' requires an argument"};
        return std::nullopt;
      }
      break;
  }
  if (effective_arg) out.canonical += "[" + *effective_arg + "]";
  return out;
}

}  // namespace saker::filter
