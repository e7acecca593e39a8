#include "engine/filter/check.h"

#include "engine/filter/values.h"

namespace saker::filter {

namespace {

bool is_stringy(FieldType t) { return t == FieldType::String || t == FieldType::FsPath; }
bool is_numeric(FieldType t) {
  return t == FieldType::Int64 || t == FieldType::Uint64 || t == FieldType::Double ||
         t == FieldType::Port || t == FieldType::RelTime || t == FieldType::AbsTime;
}
bool is_ip(FieldType t) { return t == FieldType::IpAddr || t == FieldType::IpNet; }

bool comparable(FieldType a, FieldType b) {
  if (a == b) return true;
  if (is_stringy(a) && is_stringy(b)) return true;
  if (is_numeric(a) && is_numeric(b)) return true;
  if (is_ip(a) && is_ip(b)) return true;
  return false;
}

class Checker {
 public:
  explicit Checker(const CheckOptions& o) : opts_(o) {}

  std::optional<CheckError> visit(const Node& n) {
    switch (n.kind) {
      case NodeKind::And:
      case NodeKind::Or:
      case NodeKind::Not:
        for (const auto& c : n.children) {
          if (auto e = visit(*c)) return e;
        }
        return std::nullopt;
      case NodeKind::Identifier:
        return CheckError{n.pos, "filter error: unexpected identifier '" + n.text + "'", false};
      case NodeKind::Compare:
        return compare(n);
      default:
        return CheckError{n.pos, "filter error: unexpected node", false};
    }
  }

 private:
  std::optional<CheckError> compare(const Node& n) {
    CheckError err;
    auto left = operand_type(*n.left, *opts_.fields, &err);
    if (!left) return err;
    std::string why;
    if (!operator_accepts(n.op, left->type, left->is_list && !left->any_of, &why)) {
      return CheckError{n.pos, "filter error: " + why, false};
    }
    if (!n.right) return std::nullopt;
    const Node& right = *n.right;
    if (right.kind == NodeKind::Field || right.kind == NodeKind::Transformed) {
      auto rt = operand_type(right, *opts_.fields, &err);
      if (!rt) return err;
      if (!comparable(left->type, rt->type)) {
        return CheckError{right.pos,
                          std::string("filter error: cannot compare a field of type '") +
                              field_type_name(left->type) + "' with a field of type '" +
                              field_type_name(rt->type) + "'",
                          false};
      }
      return std::nullopt;
    }
    if (right.kind == NodeKind::List && !is_list_op(n.op)) {
      return CheckError{right.pos, std::string("filter error: a list of values needs 'in', "
                                               "'intersects' or 'pmatch', not '") +
                                       cmp_op_name(n.op) + "'",
                        false};
    }
    const Node* base = base_field(*n.left);
    const bool evttype = n.left->kind == NodeKind::Field && base &&
                         (base->text == "evt.type" || base->text == "syscall.type") && !base->arg;
    auto check_value = [&](const Node& v) -> std::optional<CheckError> {
      std::string why2;
      if (!validate_constant(left->type, n.op, v.text, &why2)) {
        return CheckError{v.pos, "filter error: invalid value '" + v.text + "' for " +
                                     (base ? "'" + base->text + "'" : std::string("field")) +
                                     " of type " + field_type_name(left->type) + ": " + why2,
                          false};
      }
      if (evttype && opts_.event_types && n.op != CmpOp::Contains &&
          n.op != CmpOp::StartsWith && n.op != CmpOp::EndsWith && n.op != CmpOp::Glob &&
          n.op != CmpOp::IGlob && n.op != CmpOp::Regex && n.op != CmpOp::IContains &&
          n.op != CmpOp::PMatch && !opts_.event_types->known(v.text)) {
        return CheckError{v.pos, "unknown event type " + v.text, true};
      }
      return std::nullopt;
    };
    if (right.kind == NodeKind::List) {
      for (const auto& v : right.children) {
        if (auto e = check_value(*v)) return e;
      }
      return std::nullopt;
    }
    return check_value(right);
  }

  const CheckOptions& opts_;
};

}  // namespace

std::optional<OperandType> operand_type(const Node& operand, const FieldProvider& fields,
                                        CheckError* error) {
  if (operand.kind == NodeKind::Field) {
    FieldError ferr;
    auto r = fields.resolve(operand.text, operand.arg, &ferr);
    if (!r) {
      *error = CheckError{operand.pos, ferr.message, ferr.kind == FieldErrorKind::UnknownField};
      return std::nullopt;
    }
    return OperandType{r->type, r->is_list, r->any_of};
  }
  if (operand.kind != NodeKind::Transformed || operand.children.empty()) {
    *error = CheckError{operand.pos, "filter error: expected a field", false};
    return std::nullopt;
  }
  auto inner = operand_type(*operand.children[0], fields, error);
  if (!inner) return std::nullopt;
  const char* name = transformer_name(operand.transformer);
  switch (operand.transformer) {
    case Transformer::Val:
      return inner;
    case Transformer::ToLower:
    case Transformer::ToUpper:
    case Transformer::Basename:
      if (!is_stringy(inner->type)) break;
      return OperandType{FieldType::String, inner->is_list, inner->any_of};
    case Transformer::B64:
      if (!is_stringy(inner->type) && inner->type != FieldType::Bytes) break;
      return OperandType{FieldType::String, inner->is_list};
    case Transformer::Len:
      if (!inner->is_list && !is_stringy(inner->type) && inner->type != FieldType::Bytes) break;
      return OperandType{FieldType::Uint64, false};
  }
  *error = CheckError{operand.pos, std::string("filter error: transformer '") + name +
                                       "' does not support fields of type '" +
                                       field_type_name(inner->type) + "'",
                      false};
  return std::nullopt;
}

std::optional<CheckError> check(const Node& root, const CheckOptions& options) {
  if (options.fields == nullptr) return CheckError{root.pos, "no field provider", false};
  return Checker(options).visit(root);
}

}  // namespace saker::filter
