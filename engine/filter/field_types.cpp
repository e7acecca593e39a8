// Field type names and the operator table (which operators each type accepts), following the
// comparison rules of Falco's libsinsp: numeric types take ordering and equality, strings take
// every string operator, buffers the byte-wise ones, addresses equality and membership, and
// list-valued fields only membership.
#include "engine/filter/field_provider.h"

namespace saker::filter {

const char* field_type_name(FieldType t) {
  switch (t) {
    case FieldType::Int64: return "int64";
    case FieldType::Uint64: return "uint64";
    case FieldType::Double: return "double";
    case FieldType::Bool: return "bool";
    case FieldType::String: return "string";
    case FieldType::FsPath: return "fspath";
    case FieldType::Bytes: return "bytebuf";
    case FieldType::IpAddr: return "ipaddr";
    case FieldType::IpNet: return "ipnet";
    case FieldType::Port: return "port";
    case FieldType::RelTime: return "reltime";
    case FieldType::AbsTime: return "abstime";
  }
  return "?";
}

namespace {

bool refuse(CmpOp op, const char* what, std::string* why) {
  if (why) *why = std::string("'") + cmp_op_name(op) + "' operator not supported for " + what;
  return false;
}

}  // namespace

bool operator_accepts(CmpOp op, FieldType type, bool is_list, std::string* why) {
  if (op == CmpOp::Exists) return true;
  if (is_list) {
    if (op == CmpOp::In || op == CmpOp::Intersects) return true;
    return refuse(op, "list filters", why);
  }
  switch (type) {
    case FieldType::Int64:
    case FieldType::Uint64:
    case FieldType::Double:
    case FieldType::Port:
    case FieldType::RelTime:
    case FieldType::AbsTime:
      switch (op) {
        case CmpOp::Eq: case CmpOp::Ne: case CmpOp::Lt: case CmpOp::Le: case CmpOp::Gt:
        case CmpOp::Ge: case CmpOp::In: case CmpOp::Intersects:
          return true;
        default:
          return refuse(op, "numeric filters", why);
      }
    case FieldType::Bool:
      switch (op) {
        case CmpOp::Eq: case CmpOp::Ne: case CmpOp::In: case CmpOp::Intersects:
          return true;
        default:
          return refuse(op, "boolean filters", why);
      }
    case FieldType::String:
    case FieldType::FsPath:
      switch (op) {
        case CmpOp::BContains: case CmpOp::BStartsWith:
          return refuse(op, "string filters", why);
        default:
          return true;
      }
    case FieldType::Bytes:
      switch (op) {
        case CmpOp::Eq: case CmpOp::Ne: case CmpOp::Contains: case CmpOp::In:
        case CmpOp::StartsWith: case CmpOp::EndsWith: case CmpOp::Intersects:
        case CmpOp::BContains: case CmpOp::BStartsWith:
          return true;
        default:
          return refuse(op, "buffer filters", why);
      }
    case FieldType::IpAddr:
    case FieldType::IpNet:
      switch (op) {
        case CmpOp::Eq: case CmpOp::Ne: case CmpOp::In: case CmpOp::Intersects:
          return true;
        default:
          return refuse(op, "ip address and network filters", why);
      }
  }
  return refuse(op, "this type", why);
}

}  // namespace saker::filter
