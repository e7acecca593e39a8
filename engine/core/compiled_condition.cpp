#include "engine/core/compiled_condition.h"

#include "engine/filter/values.h"

#include <fnmatch.h>
#include <re2/re2.h>
#include <strings.h>

#include <algorithm>
#include <cctype>
#include <cstring>

namespace saker::core {

using filter::CmpOp;
using filter::FieldType;
using filter::FieldValue;
using filter::Transformer;

Comparison::Comparison() = default;
Comparison::~Comparison() = default;
Comparison::Comparison(Comparison&&) noexcept = default;
Comparison& Comparison::operator=(Comparison&&) noexcept = default;

namespace {

bool is_string_type(FieldType t) {
  return t == FieldType::String || t == FieldType::FsPath || t == FieldType::Bytes;
}

bool is_unsigned_type(FieldType t) {
  return t == FieldType::Uint64 || t == FieldType::Port || t == FieldType::RelTime ||
         t == FieldType::AbsTime || t == FieldType::Bool;
}

int b64_digit(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// Standard base64 with optional padding; false on any other character.
bool b64_decode(std::string_view in, std::string& out) {
  out.clear();
  uint32_t acc = 0;
  int bits = 0;
  for (unsigned char c : in) {
    if (c == '=') break;
    int d = b64_digit(c);
    if (d < 0) return false;
    acc = (acc << 6) | static_cast<uint32_t>(d);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xff));
    }
  }
  return true;
}

std::string_view basename_of(std::string_view s) {
  size_t slash = s.rfind('/');
  return slash == std::string_view::npos ? s : s.substr(slash + 1);
}

// Applies one string transformer into `buf`, returning the view of the result.
bool transform_string(Transformer t, std::string_view in, std::string& buf, std::string_view& out) {
  switch (t) {
    case Transformer::Val:
      out = in;
      return true;
    case Transformer::ToLower:
    case Transformer::ToUpper:
      buf.assign(in);
      for (char& c : buf) {
        c = static_cast<char>(t == Transformer::ToLower ? std::tolower(static_cast<unsigned char>(c))
                                                         : std::toupper(static_cast<unsigned char>(c)));
      }
      out = buf;
      return true;
    case Transformer::B64: {
      std::string tmp;  // decode may read from buf itself
      tmp.swap(buf);
      bool ok = b64_decode(in, buf);
      out = buf;
      return ok;
    }
    case Transformer::Basename:
      out = basename_of(in);
      return true;
    case Transformer::Len:
      return false;  // handled by the caller
  }
  return false;
}

bool icontains(std::string_view hay, std::string_view needle) {
  if (needle.empty()) return true;
  if (needle.size() > hay.size()) return false;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    if (::strncasecmp(hay.data() + i, needle.data(), needle.size()) == 0) return true;
  }
  return false;
}

bool glob_match(std::string_view pattern_nul, std::string_view value, bool casefold,
                std::string& buf) {
  buf.assign(value);  // fnmatch needs a NUL-terminated subject
  return ::fnmatch(pattern_nul.data(), buf.c_str(), casefold ? FNM_CASEFOLD : 0) == 0;
}

bool ip_equal(const FieldValue& v, const Constant& c) {
  if (c.is_net) {
    if (v.ip_len != c.ip_len) return false;
    uint8_t full = c.prefix / 8, rest = c.prefix % 8;
    if (std::memcmp(v.ip, c.ip, full) != 0) return false;
    if (rest == 0) return true;
    uint8_t mask = static_cast<uint8_t>(0xff << (8 - rest));
    return (v.ip[full] & mask) == (c.ip[full] & mask);
  }
  return v.ip_len == c.ip_len && std::memcmp(v.ip, c.ip, v.ip_len) == 0;
}

template <typename T>
bool compare_ordered(CmpOp op, T a, T b) {
  switch (op) {
    case CmpOp::Eq: return a == b;
    case CmpOp::Ne: return a != b;
    case CmpOp::Lt: return a < b;
    case CmpOp::Le: return a <= b;
    case CmpOp::Gt: return a > b;
    case CmpOp::Ge: return a >= b;
    default: return false;
  }
}

}  // namespace

bool Operand::get(const filter::EvalContext& ctx, FieldValue& out) const {
  if (!extractor->extract(ctx, &out)) return false;
  out.type = field_type;
  if (transformers.empty()) return true;
  if (field_is_list) {
    // Transform each item; len() of a list is its item count.
    list_scratch.resize(out.list.size());
    list_views.resize(out.list.size());
    for (Transformer t : transformers) {
      if (t == Transformer::Len) {
        out.u64 = out.list.size();
        out.type = FieldType::Uint64;
        out.list = {};
        return true;
      }
      for (size_t i = 0; i < out.list.size(); ++i) {
        std::string_view r;
        if (!transform_string(t, out.list[i], list_scratch[i], r)) return false;
        list_views[i] = r;
      }
      out.list = list_views;
    }
    return true;
  }
  for (Transformer t : transformers) {
    if (t == Transformer::Len) {
      out.u64 = out.str.size();
      out.type = FieldType::Uint64;
      continue;
    }
    std::string_view r;
    if (!transform_string(t, out.str, scratch, r)) return false;
    out.str = r;
  }
  return true;
}

bool Comparison::eval(const filter::EvalContext& ctx) const {
  FieldValue v;
  if (!lhs.get(ctx, v)) return false;
  if (op == CmpOp::Exists) return true;
  const FieldType t = lhs.type;

  if (rhs) {
    FieldValue r;
    if (!rhs->get(ctx, r)) return false;
    if (is_string_type(t)) {
      switch (op) {
        case CmpOp::Eq: return v.str == r.str;
        case CmpOp::Ne: return v.str != r.str;
        case CmpOp::Contains: return v.str.find(r.str) != std::string_view::npos;
        case CmpOp::IContains: return icontains(v.str, r.str);
        case CmpOp::StartsWith: return v.str.starts_with(r.str);
        case CmpOp::EndsWith: return v.str.ends_with(r.str);
        default: return compare_ordered(op, v.str, r.str);
      }
    }
    if (t == FieldType::Int64) return compare_ordered(op, v.i64, r.i64);
    if (t == FieldType::Double) return compare_ordered(op, v.f64, r.f64);
    if (t == FieldType::IpAddr || t == FieldType::IpNet) {
      bool eq = v.ip_len == r.ip_len && std::memcmp(v.ip, r.ip, v.ip_len) == 0;
      return op == CmpOp::Ne ? !eq : eq;
    }
    return compare_ordered(op, v.u64, r.u64);
  }

  if (lhs.is_list) {
    if (v.list.empty()) return false;
    if (lhs.any_of) {
      // One comparison per value (ancestor names, both ends of a connection ...), true at the
      // first that holds; `!=` holds when no value is equal.
      const bool negate = op == CmpOp::Ne;
      FieldValue one = v;
      one.list = {};
      for (std::string_view item : v.list) {
        one.str = item;
        if (t == FieldType::Int64 && !filter::parse_int64(item, &one.i64)) continue;
        if ((is_unsigned_type(t) || t == FieldType::Port) && !filter::parse_uint64(item, &one.u64)) continue;
        if ((t == FieldType::IpAddr || t == FieldType::IpNet) &&
            !filter::parse_ipaddr(item, one.ip, &one.ip_len)) {
          continue;
        }
        if (negate) {
          if (compare_value(one, CmpOp::Eq)) return false;
        } else if (compare_value(one, op)) {
          return true;
        }
      }
      return negate;
    }
    // Falco: `in` holds when every extracted value is in the set, `intersects` when one is.
    const bool all = op == CmpOp::In;
    for (std::string_view item : v.list) {
      bool found = str_set.find(item) != str_set.end();
      if (all && !found) return false;
      if (!all && found) return true;
    }
    return all;
  }
  return compare_value(v, op);
}

// `op` shadows the member on purpose: list fields compare each value with `=` to decide `!=`.
bool Comparison::compare_value(const FieldValue& v, CmpOp op) const {
  const FieldType t = lhs.type;
  if (is_string_type(t)) {
    const std::string_view s = v.str;
    switch (op) {
      case CmpOp::Eq: return s == value.str;
      case CmpOp::Ne: return s != value.str;
      case CmpOp::Lt: case CmpOp::Le: case CmpOp::Gt: case CmpOp::Ge:
        return compare_ordered(op, s, std::string_view(value.str));
      case CmpOp::Contains:
      case CmpOp::BContains: return s.find(value.str) != std::string_view::npos;
      case CmpOp::IContains: return icontains(s, value.str);
      case CmpOp::StartsWith:
      case CmpOp::BStartsWith: return s.starts_with(value.str);
      case CmpOp::EndsWith: return s.ends_with(value.str);
      case CmpOp::Glob: return glob_match(value.str, s, false, lhs.scratch);
      case CmpOp::IGlob: return glob_match(value.str, s, true, lhs.scratch);
      case CmpOp::Regex: return RE2::FullMatch(re2::StringPiece(s.data(), s.size()), *regex);
      case CmpOp::In:
      case CmpOp::Intersects: return str_set.find(s) != str_set.end();
      case CmpOp::PMatch: return paths.match(s);
      case CmpOp::Exists: return true;
    }
    return false;
  }

  if (t == FieldType::IpAddr || t == FieldType::IpNet) {
    if (op == CmpOp::In || op == CmpOp::Intersects) {
      return std::any_of(values.begin(), values.end(),
                         [&](const Constant& c) { return ip_equal(v, c); });
    }
    const bool eq = ip_equal(v, value);
    return op == CmpOp::Ne ? !eq : eq;
  }

  if (op == CmpOp::In || op == CmpOp::Intersects) {
    for (const Constant& c : values) {
      if (t == FieldType::Int64 ? v.i64 == c.i64
          : t == FieldType::Double ? v.f64 == c.f64
                                   : v.u64 == c.u64) {
        return true;
      }
    }
    return false;
  }
  if (t == FieldType::Int64) return compare_ordered(op, v.i64, value.i64);
  if (t == FieldType::Double) return compare_ordered(op, v.f64, value.f64);
  if (is_unsigned_type(t)) return compare_ordered(op, v.u64, value.u64);
  return false;
}

bool CompiledCondition::eval_node(uint32_t n, const filter::EvalContext& ctx) const {
  const Node& node = nodes_[n];
  switch (node.kind) {
    case Kind::And:
      for (uint32_t i = 0; i < node.count; ++i) {
        if (!eval_node(children_[node.first + i], ctx)) return false;
      }
      return true;
    case Kind::Or:
      for (uint32_t i = 0; i < node.count; ++i) {
        if (eval_node(children_[node.first + i], ctx)) return true;
      }
      return false;
    case Kind::Not:
      return !eval_node(node.first, ctx);
    case Kind::Compare:
      return cmps_[node.first].eval(ctx);
    case Kind::True:
      return true;
  }
  return false;
}

}  // namespace saker::core
