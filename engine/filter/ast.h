#pragma once
// The abstract syntax tree of a Falco condition.
//
// Pipeline (each stage one file, like RE2): parser.cpp builds this tree from text; expand.cpp
// substitutes macros and lists (the "simplify" stage); check.cpp resolves fields against a
// FieldProvider and validates operators and constants; evttypes.cpp computes the event types a
// condition can match. The compiler (engine/core) turns a checked tree into an immutable program.
//
// Every node carries the position where it starts in the condition text. Nodes are plain
// structs with a kind tag; ownership is by unique_ptr, and a tree is deep-copied with clone().
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace saker::filter {

// A position inside one condition string. offset is 0-based in bytes; line and column are
// 1-based (a new line starts after '\n' or '\r', like Falco's parser).
struct Pos {
  uint32_t offset = 0;
  uint32_t line = 1;
  uint32_t column = 1;
  bool operator==(const Pos&) const = default;
};

// The comparison operators of the language, in Falco's spelling.
enum class CmpOp : uint8_t {
  Eq,           // "=" and "=="
  Ne,           // "!="
  Lt, Le, Gt, Ge,
  Contains, IContains, BContains,
  StartsWith, BStartsWith, EndsWith,
  Glob, IGlob, Regex,
  In, Intersects, PMatch,  // list operators
  Exists,                  // unary
};

// Canonical spelling ("=" for Eq).
const char* cmp_op_name(CmpOp op);
// Parses an operator spelling ("==" and "=" both give Eq); false when unknown.
bool parse_cmp_op(std::string_view text, CmpOp* out);
inline bool is_list_op(CmpOp op) {
  return op == CmpOp::In || op == CmpOp::Intersects || op == CmpOp::PMatch;
}

// Transformers applicable to a field on either side of a comparison. Val is the identity
// transformer that marks a field used as a right-hand value: `fd.name = val(proc.name)`.
enum class Transformer : uint8_t { Val, ToLower, ToUpper, B64, Basename, Len };
const char* transformer_name(Transformer t);

enum class NodeKind : uint8_t {
  And,          // children (>= 2)
  Or,           // children (>= 2)
  Not,          // children[0]
  Identifier,   // a macro reference, `text`
  Compare,      // left (Field or Transformed) op right (Value, List, Field or Transformed; none for exists)
  Field,        // `text` is the field name, `arg` its optional [argument]
  Transformed,  // transformer(children[0]) where the child is a Field or another Transformed
  Value,        // `text`, already unescaped; `quoted` tells whether it was written in quotes
  List,         // children are Values: (a, b, "c d")
};

struct Node {
  NodeKind kind;
  Pos pos;
  std::string text;                 // Identifier, Field name, Value
  std::optional<std::string> arg;   // Field argument, as written inside [ ]
  bool quoted = false;              // Value: written between quotes
  CmpOp op = CmpOp::Eq;             // Compare
  Transformer transformer = Transformer::Val;  // Transformed
  std::vector<std::unique_ptr<Node>> children;  // And/Or/Not/Transformed/List
  std::unique_ptr<Node> left, right;            // Compare (right is null for exists)

  Node(NodeKind k, Pos p) : kind(k), pos(p) {}
};

using NodePtr = std::unique_ptr<Node>;

NodePtr make_node(NodeKind kind, Pos pos);
NodePtr make_value(std::string text, bool quoted, Pos pos);
NodePtr make_field(std::string name, std::optional<std::string> arg, Pos pos);

// Deep copy.
NodePtr clone(const Node& node);

// Canonical text of a tree, fully parenthesized, for tests and diagnostics. Values are printed
// quoted when needed, so the output parses back to an equal tree.
std::string to_string(const Node& node);

// The field at the bottom of a Field or Transformed chain (nullptr for other kinds).
const Node* base_field(const Node& node);

}  // namespace saker::filter
