#include "engine/filter/expand.h"

#include <algorithm>

#include "engine/filter/escaping.h"

namespace saker::filter {

// ---- lists ----------------------------------------------------------------------------------

ListSet::Item ListSet::parse_item(const std::string& raw) {
  Item item;
  if (!raw.empty() && (raw[0] == '"' || raw[0] == '\'')) {
    size_t n = scan_quoted(raw);
    std::string err;
    if (n == raw.size() && unescape(std::string_view(raw).substr(1, n - 2), raw[0], &item.text, &err)) {
      item.quoted = true;
      return item;
    }
  }
  item.text = raw;
  return item;
}

size_t ListSet::add(const std::string& name, const std::vector<std::string>& items) {
  std::vector<Item> parsed;
  parsed.reserve(items.size());
  for (const auto& raw : items) parsed.push_back(parse_item(raw));
  auto it = by_name_.find(name);
  if (it != by_name_.end()) {
    lists_[it->second].items = std::move(parsed);
    return it->second;
  }
  size_t index = lists_.size();
  lists_.push_back(Entry{name, std::move(parsed)});
  by_name_.emplace(name, index);
  return index;
}

size_t ListSet::find(std::string_view name) const {
  auto it = by_name_.find(std::string(name));
  return it == by_name_.end() ? npos : it->second;
}

void ListSet::expand_value(const Item& value, size_t min_index, std::vector<Item>* out,
                           std::vector<bool>* used) const {
  if (!value.quoted) {
    size_t index = find(value.text);
    if (index != npos && index >= min_index) {
      (*used)[index] = true;
      for (const auto& item : lists_[index].items) expand_value(item, index + 1, out, used);
      return;
    }
  }
  out->push_back(value);
}

std::optional<ExpandError> ListSet::expand_node(Node& node, std::vector<bool>* used) const {
  switch (node.kind) {
    case NodeKind::And:
    case NodeKind::Or:
    case NodeKind::Not:
      for (auto& c : node.children) {
        if (auto err = expand_node(*c, used)) return err;
      }
      return std::nullopt;
    case NodeKind::Compare: {
      Node* right = node.right.get();
      if (right == nullptr) return std::nullopt;
      if (right->kind == NodeKind::List) {
        std::vector<NodePtr> values;
        std::vector<Item> items;
        for (auto& v : right->children) {
          items.clear();
          expand_value(Item{v->text, v->quoted}, 0, &items, used);
          for (auto& item : items) values.push_back(make_value(item.text, item.quoted, v->pos));
        }
        right->children = std::move(values);
        return std::nullopt;
      }
      if (right->kind == NodeKind::Value && !right->quoted && find(right->text) != npos) {
        std::vector<Item> items;
        expand_value(Item{right->text, false}, 0, &items, used);
        if (is_list_op(node.op)) {
          auto list = make_node(NodeKind::List, right->pos);
          for (auto& item : items) list->children.push_back(make_value(item.text, item.quoted, right->pos));
          node.right = std::move(list);
          return std::nullopt;
        }
        if (items.size() != 1) {
          return ExpandError{right->pos, "list '" + right->text + "' has " +
                                             std::to_string(items.size()) +
                                             " items and cannot be used as a single value"};
        }
        right->text = items[0].text;
        right->quoted = items[0].quoted;
      }
      return std::nullopt;
    }
    default:
      return std::nullopt;
  }
}

std::optional<ExpandError> ListSet::expand(Node& root, std::vector<bool>* used) const {
  used->resize(lists_.size(), false);
  return expand_node(root, used);
}

// ---- macros ---------------------------------------------------------------------------------

namespace {

// Expanded trees stay shallow enough for the recursive passes that follow.
constexpr size_t kMaxDepth = 1000;

class MacroExpander {
 public:
  MacroExpander(const MacroLookup& lookup, size_t max_nodes, MacroExpansion* out)
      : lookup_(lookup), max_nodes_(max_nodes), out_(out) {}

  // Returns a replacement for node (or null to keep it). Stops early once too large.
  NodePtr visit(Node& node, size_t depth) {
    if (too_large_) return nullptr;
    switch (node.kind) {
      case NodeKind::And:
      case NodeKind::Or:
      case NodeKind::Not:
        for (auto& c : node.children) {
          if (NodePtr sub = visit(*c, depth + 1)) c = std::move(sub);
        }
        return nullptr;
      case NodeKind::Identifier:
        return visit_identifier(node, depth);
      default:
        return nullptr;
    }
  }

  bool too_large() const { return too_large_; }
  size_t nodes() const { return nodes_; }

 private:
  static size_t height(const Node& n) {
    size_t h = 0;
    for (const auto& c : n.children) h = std::max(h, height(*c));
    if (n.left) h = std::max(h, height(*n.left));
    if (n.right) h = std::max(h, height(*n.right));
    return h + 1;
  }

  static size_t count(const Node& n) {
    size_t total = 1;
    for (const auto& c : n.children) total += count(*c);
    if (n.left) total += count(*n.left);
    if (n.right) total += count(*n.right);
    return total;
  }

  NodePtr visit_identifier(Node& node, size_t depth) {
    const Node* macro = lookup_(node.text);
    if (macro == nullptr) {
      if (!undefined_) undefined_ = ExpandError{node.pos, "Undefined macro '" + node.text + "' used in filter."};
      return nullptr;
    }
    for (const auto& name : path_) {
      if (name == node.text) {
        if (!loop_) loop_ = ExpandError{node.pos, "reference loop in macro '" + node.text + "'"};
        return nullptr;
      }
    }
    nodes_ += count(*macro);
    if (nodes_ > max_nodes_ || depth + height(*macro) > kMaxDepth) {
      too_large_ = true;
      loop_ = ExpandError{node.pos, "expansion of macro '" + node.text + "' is too large"};
      return nullptr;
    }
    path_.push_back(node.text);
    NodePtr copy = clone(*macro);
    if (NodePtr sub = visit(*copy, depth)) copy = std::move(sub);
    path_.pop_back();
    out_->used.push_back(node.text);
    return copy;
  }

 public:
  std::optional<ExpandError> loop_, undefined_;

 private:
  const MacroLookup& lookup_;
  size_t max_nodes_;
  MacroExpansion* out_;
  std::vector<std::string> path_;
  size_t nodes_ = 0;
  bool too_large_ = false;
};

}  // namespace

MacroExpansion expand_macros(NodePtr& root, const MacroLookup& lookup, size_t max_nodes) {
  MacroExpansion result;
  MacroExpander expander(lookup, max_nodes, &result);
  if (NodePtr sub = expander.visit(*root, 0)) root = std::move(sub);
  result.nodes_created = expander.nodes();
  if (expander.loop_) {
    result.error = expander.loop_;
  } else if (expander.undefined_) {
    result.error = expander.undefined_;
  }
  return result;
}

}  // namespace saker::filter
