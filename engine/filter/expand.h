#pragma once
// The "simplify" stage: list and macro substitution on a parsed condition.
//
// Lists follow Falco's semantics, which substitutes list names in the condition text one list
// after another in definition order, at word boundaries: here the same is done on the tree.
// An unquoted value inside a value list `(shell_binaries, sh)`, or the bare identifier after a
// list operator (`in shell_binaries`), that names a list is replaced by the list's items; the
// items can in turn be replaced only by lists defined after that list (so a list loop ends).
// An unquoted single value naming a list (`proc.name = my_list`) is replaced when the list has
// exactly one item, as Falco's text substitution would make it parse.
//
// Macros are identifiers; each is replaced by a copy of the macro's tree. A macro reached again
// while being expanded is a loop error; an identifier that names no visible macro is an error.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/filter/ast.h"

namespace saker::filter {

struct ExpandError {
  Pos pos;
  std::string message;  // Falco's wording: "Undefined macro 'foo' used in filter."
};

// The lists visible to conditions, in definition order.
class ListSet {
 public:
  // A list item as written in the rules file: an item wrapped in quotes is unquoted (and kept
  // as one value even if it names a list); any other item is taken verbatim.
  struct Item {
    std::string text;
    bool quoted = false;
  };
  // Adds a list; a name added again replaces the items but keeps the first position.
  // Returns the list's index.
  size_t add(const std::string& name, const std::vector<std::string>& items);
  size_t size() const { return lists_.size(); }
  const std::string& name(size_t index) const { return lists_[index].name; }
  // Index of the list with this name, or npos.
  size_t find(std::string_view name) const;
  static constexpr size_t npos = static_cast<size_t>(-1);

  // Substitutes lists in the tree. used[i] is set for every list substituted (used is resized
  // to size()). Returns an error for a multi-item list used as a single value.
  std::optional<ExpandError> expand(Node& root, std::vector<bool>* used) const;

  // Parses one raw item (quoted or not) as Falco would read it after substitution.
  static Item parse_item(const std::string& raw);

 private:
  struct Entry {
    std::string name;
    std::vector<Item> items;
  };
  void expand_value(const Item& value, size_t min_index, std::vector<Item>* out,
                    std::vector<bool>* used) const;
  std::optional<ExpandError> expand_node(Node& node, std::vector<bool>* used) const;
  std::vector<Entry> lists_;
  std::unordered_map<std::string, size_t> by_name_;
};

// Looks a macro up by name; returns nullptr when no macro of that name is visible.
using MacroLookup = std::function<const Node*(std::string_view name)>;

struct MacroExpansion {
  std::vector<std::string> used;     // every macro substituted (with repetitions)
  std::optional<ExpandError> error;  // the first loop error, else the first undefined macro
  size_t nodes_created = 0;          // nodes copied from macros
};

// Replaces every macro identifier in root (root itself may be replaced). The expansion is
// bounded: past max_nodes nodes it stops with an error instead of growing without limit.
MacroExpansion expand_macros(NodePtr& root, const MacroLookup& lookup,
                             size_t max_nodes = size_t{1} << 20);

}  // namespace saker::filter
