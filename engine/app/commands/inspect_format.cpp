#include "engine/app/commands/inspect_format.h"

#include <algorithm>
#include <charconv>

#include "engine/fields/registry.h"
#include "engine/fields/render_field.h"

namespace saker::app {
namespace {

// JSON string escaping as sysdig's writer does it: quotes, backslashes and control characters;
// other bytes (UTF-8 included) pass through.
void append_json_string(std::string_view s, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

template <typename T>
void append_number(T v, std::string& out) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

}  // namespace

Status InspectFormat::compile(std::string_view format, bool json) {
  pieces_.clear();
  json_order_.clear();
  json_ = json;
  if (format.empty()) format = kDefault;
  print_all_ = format.front() == '*';
  const size_t start = print_all_ ? 1 : 0;
  const auto& registry = fields::FieldRegistry::builtin();
  std::string literal;
  size_t i = start;
  while (i < format.size()) {
    char c = format[i];
    if (c != '%') {
      literal += c;
      ++i;
      continue;
    }
    std::string_view rest = format.substr(i + 1);
    size_t len = registry.reference_length(rest);
    if (len == 0) {
      // sysdig keeps a '%' that starts no field as text.
      literal += c;
      ++i;
      continue;
    }
    Piece p;
    p.literal = std::move(literal);
    literal.clear();
    p.key = std::string(rest.substr(0, len));
    if (Status s = registry.bind_text(p.key, p.field); !s.ok()) {
      return Status::Error("format: byte " + std::to_string(i + 1) + ": " + s.message());
    }
    if (p.field->info().flags & fields::kFilterOnly) {
      // As sysdig and Falco: fd.net and friends match networks, they have no value to print.
      return Status::Error("format: byte " + std::to_string(i + 1) + ": " + p.key +
                           " only works in conditions: it has no value to print");
    }
    pieces_.push_back(std::move(p));
    i += 1 + len;
  }
  Piece tail;
  tail.literal = std::move(literal);
  pieces_.push_back(std::move(tail));

  for (size_t k = 0; k < pieces_.size(); ++k) {
    if (pieces_[k].field) json_order_.push_back(k);
  }
  std::stable_sort(json_order_.begin(), json_order_.end(),
                   [&](size_t a, size_t b) { return pieces_[a].key < pieces_[b].key; });
  json_order_.erase(std::unique(json_order_.begin(), json_order_.end(),
                                [&](size_t a, size_t b) { return pieces_[a].key == pieces_[b].key; }),
                    json_order_.end());
  return Status::Ok();
}

bool InspectFormat::print(const fields::EvalContext& ctx, std::string& out) const {
  if (json_) return print_json(ctx, out);
  const size_t mark = out.size();
  for (const Piece& p : pieces_) {
    out += p.literal;
    if (!p.field) continue;
    if (!p.field->render(ctx, out) && !print_all_) {
      out.resize(mark);
      return false;
    }
  }
  return true;
}

bool InspectFormat::print_json(const fields::EvalContext& ctx, std::string& out) const {
  out += '{';
  bool first = true;
  fields::FieldValue v;
  for (size_t k : json_order_) {
    const Piece& p = pieces_[k];
    if (!first) out += ',';
    first = false;
    append_json_string(p.key, out);
    out += ':';
    // evt.outputtime is text on a line and the raw timestamp in JSON, as in sysdig.
    if (p.key == "evt.outputtime" && ctx.evt) {
      append_number(ctx.evt->ts(), out);
      continue;
    }
    if (!p.field->yields_list() && p.field->extract(ctx, v)) {
      using K = fields::FieldValue::Kind;
      if (v.kind == K::Int) { append_number(v.i, out); continue; }
      if (v.kind == K::Uint) { append_number(v.u, out); continue; }
      if (v.kind == K::Bool) { out += v.b ? "true" : "false"; continue; }
    }
    value_.clear();
    if (!p.field->render(ctx, value_)) {
      out += "null";
      continue;
    }
    append_json_string(value_, out);
  }
  out += '}';
  return true;
}

}  // namespace saker::app
