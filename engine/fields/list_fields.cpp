#include "engine/fields/list_fields.h"

#include <set>
#include <sstream>
#include <string>

namespace saker::fields {
namespace {

constexpr size_t kRightColumn = 30;
constexpr size_t kWidth = 120;

void pad(std::ostream& os, std::string_view s) {
  os << s;
  for (size_t i = s.size(); i < kRightColumn; ++i) os << ' ';
}

// Word-wraps `text` into the right column; every word is followed by one space.
void wrap(std::ostream& os, std::string_view text) {
  size_t len = 0;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t')) ++i;
    if (i >= text.size()) break;
    size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\n' && text[j] != '\t') ++j;
    std::string_view word = text.substr(i, j - i);
    size_t wl = word.size() + 1;
    if (len + wl <= kWidth - kRightColumn) {
      len += wl;
    } else {
      os << '\n';
      pad(os, "");
      len = wl;
    }
    os << word << ' ';
    i = j;
  }
}

bool listed(const FieldInfo& f, const ListOptions& opts) {
  if (f.flags & (kHidden | kPrintOnly)) return false;
  if ((f.flags & kDeprecated) && !opts.include_deprecated) return false;
  return true;
}

std::string tags_of(const FieldInfo& f) {
  std::set<std::string> tags;
  if (f.flags & kFilterOnly) tags.insert("FILTER_ONLY");
  if (f.flags & kDeprecated) tags.insert("EPF_DEPRECATED");
  if (f.flags & kNoRhs) tags.insert("EPF_NO_RHS");
  if (f.flags & kNoTransformer) tags.insert("EPF_NO_TRANSFORMER");
  if (f.flags & kArgRequired)
    tags.insert("ARG_REQUIRED");
  else if (f.flags & kArgAllowed)
    tags.insert("ARG_ALLOWED");
  if (f.flags & kIsList) tags.insert("EPF_IS_LIST");
  std::string s;
  for (const std::string& t : tags) {
    s += s.empty() ? "(" : ",";
    s += t;
  }
  if (!s.empty()) s += ") ";
  return s;
}

void print_group(std::ostream& os, const FieldClass& head,
                 const std::vector<const FieldClass*>& group, const ListOptions& opts) {
  os << "-------------------------------\n";
  pad(os, "Field Class:");
  os << head.list_name;
  if (*head.shortdesc) os << " (" << head.shortdesc << ")";
  os << '\n';
  if (*head.desc) {
    pad(os, "Description:");
    wrap(os, head.desc);
    os << '\n';
  }
  pad(os, "Event Sources:");
  os << "syscall \n\n";
  for (const FieldClass* c : group) {
    for (const FieldInfo& f : c->fields) {
      if (!listed(f, opts)) continue;
      std::string_view name = f.name;
      if (name.size() > kRightColumn) {
        os << name << '\n';
        pad(os, "");
      } else {
        pad(os, name);
      }
      std::string desc = tags_of(f) + f.desc;
      if (opts.verbose) desc = std::string("(Type: ") + field_type_name(f.type) + ") " + desc;
      wrap(os, desc);
      os << '\n';
    }
  }
  os << '\n';
}

}  // namespace

void print_field_list(std::ostream& os, const FieldRegistry& registry, const ListOptions& opts) {
  auto classes = registry.classes();
  if (opts.names_only) {
    for (const FieldClass* c : classes) {
      for (const FieldInfo& f : c->fields) {
        if (listed(f, opts)) os << f.name << '\n';
      }
    }
    return;
  }
  // Classes sharing a list name and short description print under one header (proc and
  // thread are Falco's "process" class).
  std::vector<bool> done(classes.size(), false);
  for (size_t i = 0; i < classes.size(); ++i) {
    if (done[i]) continue;
    std::vector<const FieldClass*> group;
    for (size_t j = i; j < classes.size(); ++j) {
      if (!done[j] && std::string_view(classes[j]->list_name) == classes[i]->list_name &&
          std::string_view(classes[j]->shortdesc) == classes[i]->shortdesc) {
        group.push_back(classes[j]);
        done[j] = true;
      }
    }
    print_group(os, *classes[i], group, opts);
  }
}

}  // namespace saker::fields
