#include "engine/core/condition_compiler.h"

#include <re2/re2.h>

#include <algorithm>
#include <numeric>

#include "engine/filter/check.h"
#include "engine/filter/values.h"

namespace saker::core {

using filter::CmpOp;
using filter::FieldType;
using filter::Node;
using filter::NodeKind;

namespace {

constexpr uint32_t kFailed = UINT32_MAX;

bool fail(CompileError* error, filter::Pos pos, std::string message) {
  if (error) *error = CompileError{pos, std::move(message)};
  return false;
}

// Relative cost of one comparison, so that and/or try cheap ones first.
uint32_t cost_of(const Comparison& c) {
  uint32_t base = c.lhs.canonical.starts_with("evt.type") ? 1 : 3;
  if (!c.lhs.transformers.empty()) base += 4;
  switch (c.op) {
    case CmpOp::Exists: return base;
    case CmpOp::Eq: case CmpOp::Ne: case CmpOp::Lt: case CmpOp::Le: case CmpOp::Gt:
    case CmpOp::Ge: return base + 1;
    case CmpOp::In: case CmpOp::Intersects: return base + 2;
    case CmpOp::StartsWith: case CmpOp::BStartsWith: case CmpOp::EndsWith: return base + 3;
    case CmpOp::PMatch: return base + 6;
    case CmpOp::Contains: case CmpOp::BContains: case CmpOp::IContains: return base + 8;
    case CmpOp::Glob: case CmpOp::IGlob: return base + 12;
    case CmpOp::Regex: return base + 30;
  }
  return base;
}

// Parses one constant for a left operand of type t under op.
bool parse_constant(FieldType t, CmpOp op, const std::string& text, Constant& c,
                    std::string* why) {
  c.str = text;
  switch (t) {
    case FieldType::String:
    case FieldType::FsPath:
      return true;
    case FieldType::Bytes:
      if (op == CmpOp::BContains || op == CmpOp::BStartsWith) {
        if (!filter::parse_hex_bytes(text, &c.str)) {
          *why = "expected an even number of hex digits";
          return false;
        }
      }
      return true;
    case FieldType::Int64:
      if (!filter::parse_int64(text, &c.i64)) return *why = "expected a number", false;
      return true;
    case FieldType::Double:
      if (!filter::parse_double(text, &c.f64)) return *why = "expected a number", false;
      return true;
    case FieldType::Bool: {
      bool b = false;
      if (!filter::parse_bool(text, &b)) return *why = "expected true or false", false;
      c.u64 = b ? 1 : 0;
      return true;
    }
    case FieldType::Uint64:
    case FieldType::Port:
    case FieldType::RelTime:
    case FieldType::AbsTime:
      if (!filter::parse_uint64(text, &c.u64)) return *why = "expected a number", false;
      return true;
    case FieldType::IpAddr:
    case FieldType::IpNet:
      if (text.find('/') == std::string::npos && filter::parse_ipaddr(text, c.ip, &c.ip_len)) {
        c.is_net = false;
        return true;
      }
      if (filter::parse_ipnet(text, c.ip, &c.ip_len, &c.prefix)) {
        c.is_net = true;
        return true;
      }
      *why = "expected an IP address or network";
      return false;
  }
  return false;
}

}  // namespace

std::unique_ptr<CompiledCondition> ConditionCompiler::compile(const Node& root,
                                                              CompileError* error) const {
  auto out = std::make_unique<CompiledCondition>();
  uint32_t r = compile_node(root, *out, error);
  if (r == kFailed) return nullptr;
  out->root_ = r;
  return out;
}

uint32_t ConditionCompiler::compile_node(const Node& n, CompiledCondition& out,
                                         CompileError* error) const {
  using Kind = CompiledCondition::Kind;
  switch (n.kind) {
    case NodeKind::And:
    case NodeKind::Or: {
      std::vector<uint32_t> kids;
      for (const auto& child : n.children) {
        uint32_t k = compile_node(*child, out, error);
        if (k == kFailed) return kFailed;
        kids.push_back(k);
      }
      // Cheapest first; stable so that equal costs keep the author's order.
      std::stable_sort(kids.begin(), kids.end(), [&](uint32_t a, uint32_t b) {
        return out.nodes_[a].cost < out.nodes_[b].cost;
      });
      uint32_t cost = 0;
      for (uint32_t k : kids) cost += out.nodes_[k].cost;
      const uint32_t first = static_cast<uint32_t>(out.children_.size());
      out.children_.insert(out.children_.end(), kids.begin(), kids.end());
      out.nodes_.push_back({n.kind == NodeKind::And ? Kind::And : Kind::Or, first,
                            static_cast<uint32_t>(kids.size()), cost});
      return static_cast<uint32_t>(out.nodes_.size() - 1);
    }
    case NodeKind::Not: {
      if (n.children.empty()) return fail(error, n.pos, "'not' without operand"), kFailed;
      uint32_t k = compile_node(*n.children[0], out, error);
      if (k == kFailed) return kFailed;
      out.nodes_.push_back({Kind::Not, k, 0, out.nodes_[k].cost});
      return static_cast<uint32_t>(out.nodes_.size() - 1);
    }
    case NodeKind::Compare: {
      Comparison c;
      if (!compile_comparison(n, c, error)) return kFailed;
      c.cost = cost_of(c);
      out.cmps_.push_back(std::move(c));
      out.nodes_.push_back({Kind::Compare, static_cast<uint32_t>(out.cmps_.size() - 1), 0,
                            out.cmps_.back().cost});
      return static_cast<uint32_t>(out.nodes_.size() - 1);
    }
    case NodeKind::Identifier:
      fail(error, n.pos, "undefined macro '" + n.text + "'");
      return kFailed;
    default:
      fail(error, n.pos, "expected a condition");
      return kFailed;
  }
}

bool ConditionCompiler::bind_operand(const Node& n, Operand& out, CompileError* error) const {
  // Transformers wrap the field from the outside in: collect them innermost first.
  std::vector<filter::Transformer> chain;
  const Node* cur = &n;
  while (cur->kind == NodeKind::Transformed) {
    chain.push_back(cur->transformer);
    if (cur->children.empty()) return fail(error, cur->pos, "transformer without operand");
    cur = cur->children[0].get();
  }
  if (cur->kind != NodeKind::Field) return fail(error, cur->pos, "expected a field");
  std::reverse(chain.begin(), chain.end());
  filter::FieldError ferr;
  auto resolved = fields_.resolve(cur->text, cur->arg, &ferr);
  if (!resolved) return fail(error, cur->pos, ferr.message);
  out.extractor = fields_.bind(*resolved);
  if (!out.extractor) {
    return fail(error, cur->pos, "field '" + resolved->canonical + "' cannot be evaluated");
  }
  out.field_type = resolved->type;
  out.field_is_list = resolved->is_list;
  out.transformers.clear();
  for (auto t : chain) {
    if (t != filter::Transformer::Val) out.transformers.push_back(t);
  }
  filter::CheckError cerr;
  auto ot = filter::operand_type(n, fields_, &cerr);
  if (!ot) return fail(error, cerr.pos, cerr.message);
  out.type = ot->type;
  out.is_list = ot->is_list;
  out.any_of = ot->any_of;
  out.canonical = filter::to_string(n);
  return true;
}

bool ConditionCompiler::compile_comparison(const Node& n, Comparison& c,
                                           CompileError* error) const {
  if (!n.left) return fail(error, n.pos, "comparison without a field");
  if (!bind_operand(*n.left, c.lhs, error)) return false;
  c.op = n.op;
  if (c.op == CmpOp::Exists) return true;
  if (!n.right) return fail(error, n.pos, "comparison without a value");
  const Node& r = *n.right;
  std::string why;

  if (r.kind == NodeKind::Field || r.kind == NodeKind::Transformed) {
    c.rhs = std::make_unique<Operand>();
    return bind_operand(r, *c.rhs, error);
  }

  // Collect the constants: a list for list operators, one value otherwise.
  std::vector<const Node*> vals;
  if (r.kind == NodeKind::List) {
    for (const auto& v : r.children) vals.push_back(v.get());
  } else {
    vals.push_back(&r);
  }
  const FieldType t = c.lhs.type;
  const bool stringy = t == FieldType::String || t == FieldType::FsPath || t == FieldType::Bytes;
  if (filter::is_list_op(c.op) || r.kind == NodeKind::List) {
    for (const Node* v : vals) {
      if (c.op == CmpOp::PMatch) {
        c.paths.add(v->text);
        continue;
      }
      if (stringy || (c.lhs.is_list && !c.lhs.any_of)) {
        c.str_set.insert(v->text);
        continue;
      }
      Constant k;
      if (!parse_constant(t, c.op, v->text, k, &why)) {
        return fail(error, v->pos, "'" + v->text + "': " + why);
      }
      c.values.push_back(std::move(k));
    }
    if (r.kind == NodeKind::List && !filter::is_list_op(c.op)) {
      // `field = (a)`: Falco accepts a one-element list as the value.
      if (vals.size() != 1) {
        return fail(error, r.pos, std::string("operator '") + filter::cmp_op_name(c.op) +
                                      "' expects one value, found a list");
      }
      if (!parse_constant(t, c.op, vals[0]->text, c.value, &why)) {
        return fail(error, vals[0]->pos, "'" + vals[0]->text + "': " + why);
      }
    }
    return true;
  }

  if (!parse_constant(t, c.op, r.text, c.value, &why)) {
    return fail(error, r.pos, "'" + r.text + "': " + why);
  }
  if (c.op == CmpOp::Regex) {
    RE2::Options o(RE2::POSIX);
    o.set_log_errors(false);
    c.regex = std::make_unique<RE2>(r.text, o);
    if (!c.regex->ok()) return fail(error, r.pos, "invalid regex pattern: " + c.regex->error());
  }
  return true;
}

}  // namespace saker::core
