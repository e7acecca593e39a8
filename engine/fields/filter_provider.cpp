#include "engine/fields/filter_provider.h"

#include <vector>

#include "engine/fields/render_field.h"

namespace saker::fields {

filter::FieldType to_filter_type(FieldType type) {
  using T = FieldType;
  using F = filter::FieldType;
  switch (type) {
    case T::Int8:
    case T::Int16:
    case T::Int32:
    case T::Int64:
    case T::Errno:
    case T::Fd:
    case T::Pid:
    case T::Fd32:
    case T::Pid32:
      return F::Int64;
    case T::Uint8:
    case T::Uint16:
    case T::Uint32:
    case T::Uint64:
    case T::Syscallid:
    case T::Sigtype:
    case T::L4proto:
    case T::Sockfamily:
    case T::Flags8:
    case T::Flags16:
    case T::Flags32:
    case T::Enumflags8:
    case T::Enumflags16:
    case T::Enumflags32:
    case T::Uid:
    case T::Gid:
    case T::Mode:
    case T::Sigset:
      return F::Uint64;
    case T::Double:
      return F::Double;
    case T::Bool:
      return F::Bool;
    case T::Fspath:
    case T::Fsrelpath:
      return F::FsPath;
    case T::Bytebuf:
    case T::Sockaddr:
    case T::Socktuple:
    case T::Fdlist:
    case T::Charbufarray:
    case T::CharbufPairArray:
    case T::Dyn:
      return F::Bytes;
    case T::Ipv4addr:
    case T::Ipv6addr:
    case T::Ipaddr:
      return F::IpAddr;
    case T::Ipv4net:
    case T::Ipv6net:
    case T::Ipnet:
      return F::IpNet;
    case T::Port:
      return F::Port;
    case T::Reltime:
      return F::RelTime;
    case T::Abstime:
      return F::AbsTime;
    case T::Charbuf:
    case T::None:
      return F::String;
  }
  return F::String;
}

namespace {

// Wraps one bound field; converts its values to the filter's representation.
class CatalogExtractor final : public filter::Extractor {
 public:
  CatalogExtractor(std::unique_ptr<BoundField> field, filter::FieldType type)
      : field_(std::move(field)), type_(type) {}

  bool extract(const filter::EvalContext& ctx, filter::FieldValue* out) override {
    FieldValue v;
    if (!field_->extract(ctx, v)) return false;
    out->type = type_;
    out->list = {};
    switch (v.kind) {
      case FieldValue::Kind::None:
        return false;
      case FieldValue::Kind::Int:
        out->i64 = v.i;
        return true;
      case FieldValue::Kind::Uint:
        out->u64 = v.u;
        return true;
      case FieldValue::Kind::Double:
        out->f64 = v.d;
        return true;
      case FieldValue::Kind::Bool:
        out->u64 = v.b ? 1 : 0;
        return true;
      case FieldValue::Kind::String:
        out->str = v.str;
        return true;
      case FieldValue::Kind::Ip:
        set_ip(v.ip, out);
        return true;
      case FieldValue::Kind::List:
        return set_list(v, out);
    }
    return false;
  }

 private:
  void set_ip(const IpAddr& ip, filter::FieldValue* out) {
    out->ip_len = ip.family == 6 ? 16 : 4;
    std::copy(ip.bytes.begin(), ip.bytes.begin() + out->ip_len, out->ip);
    out->prefix = static_cast<uint8_t>(out->ip_len * 8);
  }

  // The filter takes lists as strings: string elements are passed as they are, others
  // (pids, ports, addresses) as the text sysdig prints for them.
  bool set_list(const FieldValue& v, filter::FieldValue* out) {
    views_.clear();
    text_.clear();
    offsets_.clear();
    bool all_strings = true;
    for (const FieldValue& e : v.items) all_strings &= e.kind == FieldValue::Kind::String;
    if (all_strings) {
      for (const FieldValue& e : v.items) views_.push_back(e.str);
    } else {
      for (const FieldValue& e : v.items) {
        offsets_.push_back(text_.size());
        append_value(e, field_->type(), field_->format(), text_);
      }
      offsets_.push_back(text_.size());
      for (size_t i = 0; i + 1 < offsets_.size(); ++i) {
        views_.push_back(
            std::string_view(text_).substr(offsets_[i], offsets_[i + 1] - offsets_[i]));
      }
    }
    out->list = views_;
    return true;
  }

  std::unique_ptr<BoundField> field_;
  filter::FieldType type_;
  std::vector<std::string_view> views_;
  std::vector<size_t> offsets_;
  std::string text_;
};

}  // namespace

std::optional<filter::ResolvedField> CatalogFieldProvider::resolve(
    std::string_view name, const std::optional<std::string>& arg, filter::FieldError* error) const {
  std::optional<std::string_view> bracket;
  if (arg) bracket = std::string_view(*arg);
  FieldRegistry::Resolved r;
  Status st = registry_.resolve(name, bracket, r);
  if (!st.ok()) {
    if (error) {
      if (r.unknown_field) {
        error->kind = filter::FieldErrorKind::UnknownField;
        error->message = "filter_check called with nonexistent field " + std::string(name);
      } else {
        error->kind = filter::FieldErrorKind::BadArgument;
        error->message = st.message();
      }
    }
    return std::nullopt;
  }
  // Bind once to learn what this binding yields (type of evt.rawarg.X, list or not).
  std::unique_ptr<BoundField> b;
  st = registry_.bind(name, bracket, b);
  if (!st.ok()) {
    if (error) {
      error->kind = filter::FieldErrorKind::BadArgument;
      error->message = st.message();
    }
    return std::nullopt;
  }
  filter::ResolvedField out;
  out.type = to_filter_type(b->type());
  out.is_list = b->yields_list();
  out.any_of = b->yields_list() && b->compares_any();
  out.canonical = b->text();
  out.handle = reinterpret_cast<uintptr_t>(r.info);
  return out;
}

std::unique_ptr<filter::Extractor> CatalogFieldProvider::bind(
    const filter::ResolvedField& field) const {
  std::unique_ptr<BoundField> b;
  if (!registry_.bind_text(field.canonical, b).ok()) return nullptr;
  return std::make_unique<CatalogExtractor>(std::move(b), field.type);
}

}  // namespace saker::fields
