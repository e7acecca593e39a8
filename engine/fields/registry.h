#pragma once
// The field registry: every field class, lookup by name, and binding of a reference such as
// `proc.aname[2]`, `evt.arg.fd`, `k8s.pod.label.app` or `container.mount.dest[/etc]` into a
// BoundField. It is immutable after construction and can be shared by every compiler.
//
// Resolution: an exact field name wins; otherwise the longest field name followed by '.' whose
// argument syntax accepts a dotted argument (evt.arg.NAME, evt.type.is.open, k8s.pod.label.X).
// A bracket argument is passed separately (as the filter parser produces it) or as part of the
// text in bind_text().
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "engine/common/status.h"
#include "engine/fields/bound_field.h"
#include "engine/fields/field_info.h"

namespace saker::fields {

class FieldRegistry {
 public:
  // A registry over the given classes (tests may build one with fake classes).
  explicit FieldRegistry(std::vector<const FieldClass*> classes);

  // The registry of all built-in classes: evt, proc, thread, fd, fdlist, fs.path, user, group,
  // container, k8s. Immutable; built on first use.
  static const FieldRegistry& builtin();

  std::span<const FieldClass* const> classes() const { return classes_; }

  // Result of resolving a reference without binding it.
  struct Resolved {
    const FieldClass* cls = nullptr;
    const FieldInfo* info = nullptr;
    FieldArg arg;
    // On failure: whether no field has that name (Falco's "nonexistent field", which
    // skip-if-unknown-filter forgives) or the field exists but its argument is wrong.
    bool unknown_field = false;
  };

  // Resolves `name` (dotted, as the parser gives it: "evt.arg.fd", "proc.aname") with an
  // optional bracket argument (the text between [ and ]). Checks the argument against the
  // field's syntax: missing required argument, argument not allowed, non-numeric index ...
  // The error message names the field. `out.arg.text` views into `name` or `bracket_arg`.
  Status resolve(std::string_view name, std::optional<std::string_view> bracket_arg,
                 Resolved& out) const;

  // Resolves and binds. On success `out` is never null (catalog-only fields bind to an extractor
  // that always returns no value; see BoundField::implemented()).
  Status bind(std::string_view name, std::optional<std::string_view> bracket_arg,
              std::unique_ptr<BoundField>& out) const;

  // Same, from one string such as "proc.aname[2]" or "container.mount.dest[/var/run/x.sock]".
  Status bind_text(std::string_view text, std::unique_ptr<BoundField>& out) const;

  // The field with exactly this name, or nullptr.
  const FieldInfo* find(std::string_view name, const FieldClass** cls = nullptr) const;

  // Length of the field reference at the start of `text` (for output formats, where a field is
  // followed by arbitrary text: "%proc.name)" or "%evt.arg.fd,"), 0 when none. Includes a
  // bracket argument and a dotted argument.
  size_t reference_length(std::string_view text) const;

 private:
  std::vector<const FieldClass*> classes_;
};

}  // namespace saker::fields
