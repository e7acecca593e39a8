#pragma once
// A compiled condition: an immutable program of and/or/not nodes over comparisons, each
// comparison holding its bound extractor and its constant pre-parsed for the operator (hash set
// for in/intersects, prefix trie for pmatch, RE2 for regex, parsed numbers and addresses).
// Children of and/or are ordered cheapest first. Evaluation allocates nothing: transformers
// write into per-comparison scratch buffers, so one program must not run on two threads at once.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "engine/core/path_prefix_set.h"
#include "engine/filter/ast.h"
#include "engine/filter/field_provider.h"

namespace re2 {
class RE2;
}

namespace saker::core {

// An operand: a bound field and the transformers applied to it, innermost first.
struct Operand {
  std::unique_ptr<filter::Extractor> extractor;
  filter::FieldType field_type = filter::FieldType::String;  // before transformers
  bool field_is_list = false;
  std::vector<filter::Transformer> transformers;
  filter::FieldType type = filter::FieldType::String;  // after transformers
  bool is_list = false;
  bool any_of = false;  // list compared value by value (ancestor fields without an index)
  std::string canonical;  // "tolower(proc.name)" for diagnostics
  // Scratch for transformed strings and list items (kept across events).
  mutable std::string scratch;
  mutable std::vector<std::string> list_scratch;
  mutable std::vector<std::string_view> list_views;

  // Extracts and applies the transformers. False when the field has no value.
  bool get(const filter::EvalContext& ctx, filter::FieldValue& out) const;
};

// A constant parsed for the left operand's type.
struct Constant {
  int64_t i64 = 0;
  uint64_t u64 = 0;
  double f64 = 0;
  std::string str;  // strings; hex-decoded bytes for bcontains/bstartswith
  uint8_t ip[16] = {};
  uint8_t ip_len = 0;
  uint8_t prefix = 0;  // network prefix length; 0 with ip_len != 0 and !is_net means an address
  bool is_net = false;
};

struct Comparison {
  Operand lhs;
  filter::CmpOp op = filter::CmpOp::Eq;
  // One of: a single constant, a set of constants (in/intersects/pmatch), a right-hand field.
  Constant value;
  std::vector<Constant> values;  // in/intersects over numbers, addresses and networks
  struct StrHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_set<std::string, StrHash, std::equal_to<>> str_set;
  PathPrefixSet paths;
  std::unique_ptr<re2::RE2> regex;
  std::unique_ptr<Operand> rhs;
  uint32_t cost = 0;  // estimated evaluation cost, for ordering siblings

  ~Comparison();
  Comparison();
  Comparison(Comparison&&) noexcept;
  Comparison& operator=(Comparison&&) noexcept;

  bool eval(const filter::EvalContext& ctx) const;

 private:
  // Compares one extracted (and transformed) value with the constant(s).
  bool compare_value(const filter::FieldValue& v, filter::CmpOp op) const;
};

class CompiledCondition {
 public:
  enum class Kind : uint8_t { And, Or, Not, Compare, True };
  struct Node {
    Kind kind;
    uint32_t first;  // And/Or: index in children_; Not: child node; Compare: comparison index
    uint32_t count;  // And/Or: number of children
    uint32_t cost;
  };

  bool eval(const filter::EvalContext& ctx) const { return eval_node(root_, ctx); }

  size_t comparisons() const { return cmps_.size(); }
  const Comparison& comparison(size_t i) const { return cmps_[i]; }

 private:
  friend class ConditionCompiler;
  bool eval_node(uint32_t n, const filter::EvalContext& ctx) const;

  std::vector<Node> nodes_;
  std::vector<uint32_t> children_;
  std::vector<Comparison> cmps_;
  uint32_t root_ = 0;
};

}  // namespace saker::core
