#pragma once
// A field bound once, when a condition or output format is compiled: the name is resolved, the
// argument parsed (`proc.aname[2]` keeps depth 2, `evt.arg.name` keeps a per-event-type param
// index table), and what is left per event is extract(), which allocates nothing.
//
// Thread-safety: a bound field owns a scratch buffer for values it has to render (evt.arg.*,
// proc.cmdline ...), so one bound field must not extract on two threads at once. Compile one
// program per evaluating thread, or guard it.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "engine/fields/eval_context.h"
#include "engine/fields/field_info.h"
#include "engine/fields/field_value.h"

namespace saker::fields {

// The argument of a field reference, parsed by the registry according to the field's ArgSyntax.
struct FieldArg {
  enum class Form : uint8_t { None, Bracket, Dot };
  Form form = Form::None;
  std::string_view text;  // as written: "2", "/var/run/docker.sock", "filename"
  bool is_index = false;  // text is a (possibly negative) decimal integer ...
  int64_t index = 0;      // ... with this value

  bool present() const { return form != Form::None; }
};

// What a class binder receives.
struct BindRequest {
  const FieldInfo& info;
  const FieldArg& arg;
  std::string_view text;  // the whole reference as written ("proc.aname[2]")
};

class BoundField {
 public:
  explicit BoundField(const FieldInfo& info)
      : info_(&info), type_(info.type), format_(info.format) {}
  virtual ~BoundField() = default;
  BoundField(const BoundField&) = delete;
  BoundField& operator=(const BoundField&) = delete;

  const FieldInfo& info() const { return *info_; }
  // Effective type and print format; they differ from info() for fields whose type depends on
  // the argument (evt.rawarg.NAME takes the param's type).
  FieldType type() const { return type_; }
  PrintFormat format() const { return format_; }
  // The reference as written when bound ("proc.aname[2]").
  const std::string& text() const { return text_; }
  // False for catalog-only fields (known name, no extractor yet: always <NA>).
  virtual bool implemented() const { return true; }
  // True when the value is a list (FieldValue::Kind::List) for this binding, e.g. fd.types or
  // proc.aname without an index (every ancestor).
  bool yields_list() const { return list_; }
  // Lists rendered space-separated (ancestor fields without an index), not as "(a,b)".
  bool list_space_separated() const { return list_spaces_; }
  // True when a comparison holds if any one value satisfies it (Falco's ancestor fields without
  // an index, and fd.ip / fd.port / fd.net / fd.proto, which match either end of a connection).
  bool compares_any() const { return any_of_; }

  // Extracts the value for the event in `ctx`. Returns false (and leaves `out` cleared) when the
  // field has no value for this event, which sysdig prints as <NA>.
  virtual bool extract(const EvalContext& ctx, FieldValue& out) const = 0;

  // Appends the value as sysdig's `-p %field` prints it ("<NA>" when absent) and says whether
  // there was a value. The default formats extract()'s value by type() and format(); fields
  // whose printed text differs from their filter value (evt.rawarg, evt.buffer) override it.
  virtual bool render(const EvalContext& ctx, std::string& out) const;

 protected:
  void set_type(FieldType t, PrintFormat f) {
    type_ = t;
    format_ = f;
  }
  void set_list(bool v, bool space_separated = false, bool any_of = false) {
    list_ = v;
    list_spaces_ = space_separated;
    any_of_ = any_of;
  }
  // Reusable per-field buffer for rendered strings (capacity kept between events).
  std::string& scratch() const { return scratch_; }

 private:
  friend class FieldRegistry;
  const FieldInfo* info_;
  FieldType type_;
  PrintFormat format_;
  bool list_ = false;
  bool list_spaces_ = false;
  bool any_of_ = false;
  std::string text_;
  mutable std::string scratch_;
};

// Helper for class binders: a bound field that dispatches on a small per-class id with a plain
// function. `Fn` is `bool (*)(const Self&, const EvalContext&, FieldValue&)`.
template <typename Self>
class FnField : public BoundField {
 public:
  using Fn = bool (*)(const Self& self, const EvalContext& ctx, FieldValue& out);
  FnField(const FieldInfo& info, Fn fn) : BoundField(info), fn_(fn) {}
  bool extract(const EvalContext& ctx, FieldValue& out) const override {
    out.clear();
    return fn_(static_cast<const Self&>(*this), ctx, out);
  }
  using BoundField::scratch;
  using BoundField::set_list;
  using BoundField::set_type;

 private:
  Fn fn_;
};

}  // namespace saker::fields
