#include "engine/fields/registry.h"

#include <charconv>
#include <string>

#include "engine/fields/classes.h"

namespace saker::fields {
namespace {

// Bound to catalog-only fields: the name is known, nothing extracts it yet.
class NotAvailableField final : public BoundField {
 public:
  using BoundField::BoundField;
  bool implemented() const override { return false; }
  bool extract(const EvalContext&, FieldValue& out) const override {
    out.clear();
    return false;
  }
};

bool parse_index(std::string_view s, int64_t& out) {
  if (s.empty()) return false;
  const char* b = s.data();
  const char* e = s.data() + s.size();
  auto [p, ec] = std::from_chars(b, e, out);
  return ec == std::errc() && p == e;
}

bool is_key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool accepts_dot(ArgSyntax s) {
  return s == ArgSyntax::DotKey || s == ArgSyntax::DotOrBracketKey || s == ArgSyntax::Param;
}

bool accepts_bracket(ArgSyntax s) {
  return s == ArgSyntax::Index || s == ArgSyntax::IndexOrKey || s == ArgSyntax::IndexOrPath ||
         s == ArgSyntax::DotOrBracketKey || s == ArgSyntax::Param;
}

// Concatenation by append (GCC 12 warns falsely on chains of operator+ at -O3).
template <typename... A>
std::string cat(const A&... parts) {
  std::string s;
  (s.append(std::string_view(parts)), ...);
  return s;
}

std::string quoted(std::string_view s) { return cat("'", s, "'"); }

// Checks and fills `arg` for `info` given the argument text in its form.
Status check_arg(const FieldInfo& info, FieldArg& arg) {
  const std::string fname = quoted(info.name);
  if (!arg.present()) {
    // Falco lists evt.abspath's argument as required but accepts the bare name.
    if (info.arg_required() && std::string_view(info.name) != "evt.abspath") {
      return Status::Error(cat("field ", fname, " requires an argument"));
    }
    return Status::Ok();
  }
  if (!info.arg_allowed()) {
    return Status::Error(
        cat("field ", fname, " does not accept an argument (got ", quoted(arg.text), ")"));
  }
  if (arg.form == FieldArg::Form::Dot && !accepts_dot(info.arg)) {
    return Status::Error(
        cat("field ", fname, " takes its argument in brackets, as ", info.name, "[...]"));
  }
  if (arg.form == FieldArg::Form::Bracket && !accepts_bracket(info.arg)) {
    return Status::Error(
        cat("field ", fname, " takes its argument after a dot, as ", info.name, ".NAME"));
  }
  if (arg.text.empty()) {
    return Status::Error(cat("field ", fname, " has an empty argument"));
  }
  arg.is_index = parse_index(arg.text, arg.index);
  switch (info.arg) {
    case ArgSyntax::Index:
      if (!arg.is_index) {
        return Status::Error(
            cat("field ", fname, " expects a numeric index argument, got ", quoted(arg.text)));
      }
      break;
    case ArgSyntax::Param:
      if (arg.form == FieldArg::Form::Bracket && !arg.is_index) {
        return Status::Error(cat("field ", fname, " expects a numeric index in brackets, got ",
                                 quoted(arg.text), " (use ", info.name, ".NAME for a param name)"));
      }
      break;
    default:
      break;
  }
  if (arg.is_index && arg.index < 0 && info.arg != ArgSyntax::IndexOrKey &&
      info.arg != ArgSyntax::IndexOrPath && info.arg != ArgSyntax::DotOrBracketKey) {
    return Status::Error(
        cat("field ", fname, " expects a non-negative index, got ", quoted(arg.text)));
  }
  return Status::Ok();
}

}  // namespace

FieldRegistry::FieldRegistry(std::vector<const FieldClass*> classes)
    : classes_(std::move(classes)) {}

const FieldRegistry& FieldRegistry::builtin() {
  static const FieldRegistry registry({
      &evt_generic_class(),
      &evt_class(),
      &proc_class(),
      &thread_class(),
      &user_class(),
      &group_class(),
      &container_class(),
      &fd_class(),
      &fdlist_class(),
      &fspath_class(),
      &k8s_class(),
      &ecs_class(),
  });
  return registry;
}

const FieldInfo* FieldRegistry::find(std::string_view name, const FieldClass** cls) const {
  for (const FieldClass* c : classes_) {
    for (const FieldInfo& f : c->fields) {
      if (name == f.name) {
        if (cls) *cls = c;
        return &f;
      }
    }
  }
  return nullptr;
}

Status FieldRegistry::resolve(std::string_view name, std::optional<std::string_view> bracket_arg,
                              Resolved& out) const {
  out = Resolved{};
  const FieldClass* cls = nullptr;
  const FieldInfo* info = find(name, &cls);
  if (info == nullptr) {
    // Longest field name that is followed by '.' and takes a dotted argument.
    size_t best = 0;
    for (const FieldClass* c : classes_) {
      for (const FieldInfo& f : c->fields) {
        std::string_view fn = f.name;
        if (fn.size() > best && name.size() > fn.size() + 1 && name.starts_with(fn) &&
            name[fn.size()] == '.' && accepts_dot(f.arg)) {
          best = fn.size();
          info = &f;
          cls = c;
        }
      }
    }
    if (info == nullptr) {
      out.unknown_field = true;
      return Status::Error(cat("unknown field ", quoted(name)));
    }
    if (bracket_arg) {
      return Status::Error(cat("field ", quoted(info->name),
                               " has both a dotted and a bracket argument in ", quoted(name)));
    }
    out.arg.form = FieldArg::Form::Dot;
    out.arg.text = name.substr(best + 1);
  } else if (bracket_arg) {
    out.arg.form = FieldArg::Form::Bracket;
    out.arg.text = *bracket_arg;
  }
  Status st = check_arg(*info, out.arg);
  if (!st.ok()) return st;
  out.cls = cls;
  out.info = info;
  return Status::Ok();
}

Status FieldRegistry::bind(std::string_view name, std::optional<std::string_view> bracket_arg,
                           std::unique_ptr<BoundField>& out) const {
  out.reset();
  Resolved r;
  Status st = resolve(name, bracket_arg, r);
  if (!st.ok()) return st;
  std::string text(name);
  if (bracket_arg) {
    text += '[';
    text += *bracket_arg;
    text += ']';
  }
  std::string error;
  BindRequest req{*r.info, r.arg, text};
  std::unique_ptr<BoundField> bound = r.cls->bind ? r.cls->bind(req, error) : nullptr;
  if (!bound) {
    if (!error.empty()) return Status::Error(std::move(error));
    bound = std::make_unique<NotAvailableField>(*r.info);
  }
  bound->text_ = std::move(text);
  out = std::move(bound);
  return Status::Ok();
}

Status FieldRegistry::bind_text(std::string_view text, std::unique_ptr<BoundField>& out) const {
  size_t lb = text.find('[');
  if (lb == std::string_view::npos) return bind(text, std::nullopt, out);
  if (text.back() != ']') {
    return Status::Error(cat("field reference ", quoted(text), " has '[' without a closing ']'"));
  }
  return bind(text.substr(0, lb), text.substr(lb + 1, text.size() - lb - 2), out);
}

size_t FieldRegistry::reference_length(std::string_view text) const {
  const FieldInfo* best = nullptr;
  size_t best_len = 0;
  for (const FieldClass* c : classes_) {
    for (const FieldInfo& f : c->fields) {
      std::string_view fn = f.name;
      if (fn.size() <= best_len || !text.starts_with(fn)) continue;
      // A name ends at a non-name character (proc.exe must not match inside proc.exepath).
      if (text.size() > fn.size()) {
        char next = text[fn.size()];
        if (next != '.' && next != '[' && is_key_char(next)) continue;
      }
      best = &f;
      best_len = fn.size();
    }
  }
  if (best == nullptr) return 0;
  size_t n = best_len;
  if (n < text.size() && text[n] == '[' && best->arg_allowed() && accepts_bracket(best->arg)) {
    size_t rb = text.find(']', n);
    return rb == std::string_view::npos ? n : rb + 1;
  }
  if (n + 1 < text.size() && text[n] == '.' && best->arg_allowed() && accepts_dot(best->arg)) {
    size_t e = n + 1;
    bool k8s_label = best->arg == ArgSyntax::DotOrBracketKey;
    while (e < text.size() &&
           (is_key_char(text[e]) ||
            (k8s_label && (text[e] == '.' || text[e] == '-' || text[e] == '/')))) {
      ++e;
    }
    if (e > n + 1) return e;
  }
  return n;
}

}  // namespace saker::fields
