#include "engine/filter/ast.h"

namespace saker::filter {

namespace {

struct OpName {
  CmpOp op;
  const char* name;
};

constexpr OpName kOps[] = {
    {CmpOp::Eq, "="},           {CmpOp::Ne, "!="},
    {CmpOp::Lt, "<"},           {CmpOp::Le, "<="},
    {CmpOp::Gt, ">"},           {CmpOp::Ge, ">="},
    {CmpOp::Contains, "contains"},       {CmpOp::IContains, "icontains"},
    {CmpOp::BContains, "bcontains"},     {CmpOp::StartsWith, "startswith"},
    {CmpOp::BStartsWith, "bstartswith"}, {CmpOp::EndsWith, "endswith"},
    {CmpOp::Glob, "glob"},      {CmpOp::IGlob, "iglob"},
    {CmpOp::Regex, "regex"},    {CmpOp::In, "in"},
    {CmpOp::Intersects, "intersects"},   {CmpOp::PMatch, "pmatch"},
    {CmpOp::Exists, "exists"},
};

bool needs_quotes(const std::string& s) {
  if (s.empty()) return true;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '(' || c == ')' || c == '"' ||
        c == '\'' || c == '=' || c == ',' || c == '\\' || c == '\b' || c == '\f') {
      return true;
    }
  }
  return false;
}

void append_quoted(std::string& out, const std::string& s) {
  out += '"';
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default: out += c;
    }
  }
  out += '"';
}

void append_value(std::string& out, const std::string& s) {
  if (needs_quotes(s)) {
    append_quoted(out, s);
  } else {
    out += s;
  }
}

void print(const Node& n, std::string& out) {
  switch (n.kind) {
    case NodeKind::And:
    case NodeKind::Or: {
      out += '(';
      for (size_t i = 0; i < n.children.size(); ++i) {
        if (i) out += n.kind == NodeKind::And ? " and " : " or ";
        print(*n.children[i], out);
      }
      out += ')';
      return;
    }
    case NodeKind::Not:
      out += "not ";
      print(*n.children[0], out);
      return;
    case NodeKind::Identifier:
      out += n.text;
      return;
    case NodeKind::Compare:
      print(*n.left, out);
      out += ' ';
      out += cmp_op_name(n.op);
      if (n.right) {
        out += ' ';
        print(*n.right, out);
      }
      return;
    case NodeKind::Field:
      out += n.text;
      if (n.arg) {
        out += '[';
        out += *n.arg;
        out += ']';
      }
      return;
    case NodeKind::Transformed:
      out += transformer_name(n.transformer);
      out += '(';
      print(*n.children[0], out);
      out += ')';
      return;
    case NodeKind::Value:
      append_value(out, n.text);
      return;
    case NodeKind::List:
      out += '(';
      for (size_t i = 0; i < n.children.size(); ++i) {
        if (i) out += ", ";
        print(*n.children[i], out);
      }
      out += ')';
      return;
  }
}

}  // namespace

const char* cmp_op_name(CmpOp op) {
  for (const auto& o : kOps) {
    if (o.op == op) return o.name;
  }
  return "?";
}

bool parse_cmp_op(std::string_view text, CmpOp* out) {
  if (text == "==") {
    *out = CmpOp::Eq;
    return true;
  }
  for (const auto& o : kOps) {
    if (text == o.name) {
      *out = o.op;
      return true;
    }
  }
  return false;
}

const char* transformer_name(Transformer t) {
  switch (t) {
    case Transformer::Val: return "val";
    case Transformer::ToLower: return "tolower";
    case Transformer::ToUpper: return "toupper";
    case Transformer::B64: return "b64";
    case Transformer::Basename: return "basename";
    case Transformer::Len: return "len";
  }
  return "?";
}

NodePtr make_node(NodeKind kind, Pos pos) { return std::make_unique<Node>(kind, pos); }

NodePtr make_value(std::string text, bool quoted, Pos pos) {
  auto n = make_node(NodeKind::Value, pos);
  n->text = std::move(text);
  n->quoted = quoted;
  return n;
}

NodePtr make_field(std::string name, std::optional<std::string> arg, Pos pos) {
  auto n = make_node(NodeKind::Field, pos);
  n->text = std::move(name);
  n->arg = std::move(arg);
  return n;
}

NodePtr clone(const Node& node) {
  auto n = make_node(node.kind, node.pos);
  n->text = node.text;
  n->arg = node.arg;
  n->quoted = node.quoted;
  n->op = node.op;
  n->transformer = node.transformer;
  n->children.reserve(node.children.size());
  for (const auto& c : node.children) n->children.push_back(clone(*c));
  if (node.left) n->left = clone(*node.left);
  if (node.right) n->right = clone(*node.right);
  return n;
}

std::string to_string(const Node& node) {
  std::string out;
  print(node, out);
  return out;
}

const Node* base_field(const Node& node) {
  const Node* n = &node;
  while (n->kind == NodeKind::Transformed) n = n->children[0].get();
  return n->kind == NodeKind::Field ? n : nullptr;
}

}  // namespace saker::filter
