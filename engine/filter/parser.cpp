#include "engine/filter/parser.h"

#include <cctype>
#include <cstring>
#include <utility>

#include "engine/filter/escaping.h"

namespace saker::filter {

namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ident_char(char c) { return is_alpha(c) || is_digit(c) || c == '_'; }
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\b' || c == '\r' || c == '\n'; }
bool is_bare_char(char c) {
  return !(c == '(' || c == ')' || c == '"' || c == '\'' || c == ' ' || c == '\t' || c == '\r' ||
           c == '\n' || c == '\v' || c == '\f' || c == '=' || c == ',');
}
bool is_arg_bare_char(char c) {
  return !(c == '[' || c == ']' || c == '"' || c == '\'' || c == ' ' || c == '\t' || c == '\r' ||
           c == '\n' || c == '\v' || c == '\f');
}

struct TransformerName {
  const char* name;
  Transformer t;
};
constexpr TransformerName kTransformers[] = {
    {"tolower", Transformer::ToLower}, {"toupper", Transformer::ToUpper},
    {"b64", Transformer::B64},         {"basename", Transformer::Basename},
    {"len", Transformer::Len},
};

// Operators in the order they must be tried (longer spellings first where one prefixes another).
struct OpSpelling {
  const char* text;
  CmpOp op;
  bool word;  // a word operator needs a boundary after it
};
constexpr OpSpelling kOperators[] = {
    {"<=", CmpOp::Le, false},  {"<", CmpOp::Lt, false},   {">=", CmpOp::Ge, false},
    {">", CmpOp::Gt, false},   {"==", CmpOp::Eq, false},  {"=", CmpOp::Eq, false},
    {"!=", CmpOp::Ne, false},  {"glob", CmpOp::Glob, true}, {"iglob", CmpOp::IGlob, true},
    {"contains", CmpOp::Contains, true},     {"icontains", CmpOp::IContains, true},
    {"bcontains", CmpOp::BContains, true},   {"startswith", CmpOp::StartsWith, true},
    {"bstartswith", CmpOp::BStartsWith, true}, {"endswith", CmpOp::EndsWith, true},
    {"regex", CmpOp::Regex, true},           {"intersects", CmpOp::Intersects, true},
    {"in", CmpOp::In, true},   {"pmatch", CmpOp::PMatch, true}, {"exists", CmpOp::Exists, true},
};

constexpr const char* kOperatorList =
    "'exists', '<=', '<', '>=', '>', '==', '=', '!=', 'glob', 'iglob', 'contains', 'icontains', "
    "'bcontains', 'startswith', 'bstartswith', 'endswith', 'regex', 'intersects', 'in', 'pmatch'";
constexpr const char* kTransformerList =
    "'val', 'tolower', 'toupper', 'b64', 'basename', 'len'";

bool is_num_op(CmpOp op) {
  return op == CmpOp::Lt || op == CmpOp::Le || op == CmpOp::Gt || op == CmpOp::Ge;
}

struct Failure {};  // unwinds the recursive descent after the error is recorded

class Parser {
 public:
  Parser(std::string_view input, const ParseOptions& options) : in_(input), opts_(options) {}

  ParseResult run() {
    ParseResult result;
    try {
      if (in_.empty()) fail(pos_, "filter input string is empty");
      skip_blanks();
      if (at_end()) fail(pos_, "filter input string is empty");
      NodePtr root = parse_or();
      skip_blanks();
      if (!at_end()) {
        fail(pos_, "unexpected token after '" + last_token_ + "', expecting 'or', 'and'");
      }
      result.ast = std::move(root);
    } catch (const Failure&) {
      result.error = std::move(error_);
    }
    return result;
  }

 private:
  // Out of line: GCC 12 reports a false -Wrestrict when these assignments are inlined.
  [[gnu::noinline]] void set_token(std::string_view t) { last_token_.assign(t.data(), t.size()); }

  // ---- cursor -------------------------------------------------------------------------------
  bool at_end() const { return pos_.offset >= in_.size(); }
  char peek(size_t ahead = 0) const {
    size_t i = pos_.offset + ahead;
    return i < in_.size() ? in_[i] : '\0';
  }
  std::string_view rest() const { return in_.substr(pos_.offset); }

  void advance(size_t n) {
    for (size_t i = 0; i < n && !at_end(); ++i) {
      char c = in_[pos_.offset];
      pos_.offset++;
      pos_.column++;
      if (c == '\n' || c == '\r') {
        pos_.line++;
        pos_.column = 1;
      }
    }
  }

  bool skip_blanks() {
    bool found = false;
    while (!at_end() && is_blank(peek())) {
      advance(1);
      found = true;
    }
    return found;
  }

  // Matches a keyword followed by a blank or '(' (or the end, for error reporting).
  bool keyword_follows(std::string_view kw) const {
    std::string_view r = rest();
    if (r.substr(0, kw.size()) != kw) return false;
    if (r.size() == kw.size()) return true;
    char next = r[kw.size()];
    return !is_ident_char(next) && next != '.';
  }

  [[noreturn]] void fail(Pos at, std::string message) {
    error_ = ParseError{at, std::move(message)};
    throw Failure{};
  }

  // What is at the cursor, for "found ..." in messages.
  std::string describe_here() const {
    if (at_end()) return "end of condition";
    std::string_view r = rest();
    size_t n = 0;
    if (is_ident_char(r[0]) || r[0] == '.') {
      while (n < r.size() && n < 40 && (is_ident_char(r[n]) || r[n] == '.')) ++n;
    } else if (r[0] == '"' || r[0] == '\'') {
      n = scan_quoted(r);
      if (n == 0) return "an unterminated string";
      if (n > 40) n = 40;
    } else {
      n = 1;
    }
    std::string out;
    out.reserve(n + 2);
    out.push_back('\'');
    out.append(r.substr(0, n));
    out.push_back('\'');
    return out;
  }

  struct DepthGuard {
    explicit DepthGuard(Parser* p) : p_(p) {
      if (++p_->depth_ > p_->opts_.max_depth) {
        p_->fail(p_->pos_, "exceeded max depth limit of " + std::to_string(p_->opts_.max_depth));
      }
    }
    ~DepthGuard() { --p_->depth_; }
    Parser* p_;
  };

  // ---- lexemes ------------------------------------------------------------------------------
  size_t ident_len(std::string_view r) const {
    if (r.empty() || !is_alpha(r[0])) return 0;
    size_t n = 1;
    while (n < r.size() && is_ident_char(r[n])) ++n;
    return n;
  }

  // FieldName: ident ('.' ident)+ ; returns its length or 0.
  size_t field_name_len() const {
    std::string_view r = rest();
    size_t n = ident_len(r);
    if (n == 0) return 0;
    size_t segments = 1;
    while (n < r.size() && r[n] == '.') {
      size_t m = ident_len(r.substr(n + 1));
      if (m == 0) break;
      n += 1 + m;
      ++segments;
    }
    return segments >= 2 ? n : 0;
  }

  bool lex_field_name(std::string* out) {
    size_t n = field_name_len();
    if (n == 0) return false;
    *out = std::string(rest().substr(0, n));
    last_token_ = *out;
    advance(n);
    return true;
  }

  bool lex_identifier(std::string* out) {
    size_t n = ident_len(rest());
    if (n == 0) return false;
    *out = std::string(rest().substr(0, n));
    last_token_ = *out;
    advance(n);
    return true;
  }

  // A transformer name immediately followed by '('.
  bool lex_transformer(Transformer* out) {
    std::string_view r = rest();
    for (const auto& t : kTransformers) {
      size_t len = std::strlen(t.name);
      if (r.size() > len && r.substr(0, len) == t.name && r[len] == '(') {
        *out = t.t;
        last_token_.assign(t.name);
        last_token_.push_back('(');
        advance(len + 1);
        return true;
      }
    }
    return false;
  }

  bool lex_val() {
    if (rest().substr(0, 4) == "val(") {
      set_token("val(");
      advance(4);
      return true;
    }
    return false;
  }

  bool lex_quoted(std::string* out) {
    std::string_view r = rest();
    if (r.empty() || (r[0] != '"' && r[0] != '\'')) return false;
    size_t n = scan_quoted(r);
    if (n == 0) fail(pos_, "unterminated quoted string");
    std::string err;
    if (!unescape(r.substr(1, n - 2), r[0], out, &err)) fail(pos_, err);
    last_token_ = *out;
    advance(n);
    return true;
  }

  bool lex_bare(std::string* out) {
    std::string_view r = rest();
    size_t n = 0;
    while (n < r.size() && is_bare_char(r[n])) ++n;
    if (n == 0) return false;
    *out = std::string(r.substr(0, n));
    last_token_ = *out;
    advance(n);
    return true;
  }

  // Number as Falco lexes it: hex 0x.., or [+-]?[0-9]+\.?[0-9]*([eE][+-][0-9]+)?
  bool lex_number(std::string* out) {
    std::string_view r = rest();
    size_t n = 0;
    if (r.size() > 2 && r[0] == '0' && (r[1] == 'x' || r[1] == 'X') && std::isxdigit(static_cast<unsigned char>(r[2]))) {
      n = 2;
      while (n < r.size() && std::isxdigit(static_cast<unsigned char>(r[n]))) ++n;
    } else {
      if (n < r.size() && (r[n] == '+' || r[n] == '-')) ++n;
      size_t digits = n;
      while (n < r.size() && is_digit(r[n])) ++n;
      if (n == digits) return false;
      if (n < r.size() && r[n] == '.') {
        ++n;
        while (n < r.size() && is_digit(r[n])) ++n;
      }
      if (n + 2 < r.size() && (r[n] == 'e' || r[n] == 'E') && (r[n + 1] == '+' || r[n + 1] == '-') &&
          is_digit(r[n + 2])) {
        n += 2;
        while (n < r.size() && is_digit(r[n])) ++n;
      }
    }
    *out = std::string(r.substr(0, n));
    last_token_ = *out;
    advance(n);
    return true;
  }

  bool lex_operator(CmpOp* op, std::string* spelled) {
    std::string_view r = rest();
    for (const auto& o : kOperators) {
      size_t len = std::strlen(o.text);
      if (r.substr(0, len) != o.text) continue;
      if (o.word && r.size() > len && (is_ident_char(r[len]) || r[len] == '.')) continue;
      *op = o.op;
      *spelled = o.text;
      last_token_ = o.text;
      advance(len);
      return true;
    }
    return false;
  }

  // ---- grammar ------------------------------------------------------------------------------
  NodePtr parse_or() {
    DepthGuard g(this);
    Pos start = pos_;
    skip_blanks();
    NodePtr first = parse_and();
    skip_blanks();
    if (!keyword_follows("or")) return first;
    auto node = make_node(NodeKind::Or, start);
    node->children.push_back(std::move(first));
    while (keyword_follows("or")) {
      Pos kw = pos_;
      set_token("or");
      advance(2);
      if (!skip_blanks() && peek() != '(') fail(kw, "expected blank or '(' after 'or'");
      node->children.push_back(parse_and());
      skip_blanks();
    }
    return node;
  }

  NodePtr parse_and() {
    DepthGuard g(this);
    Pos start = pos_;
    skip_blanks();
    NodePtr first = parse_not();
    skip_blanks();
    if (!keyword_follows("and")) return first;
    auto node = make_node(NodeKind::And, start);
    node->children.push_back(std::move(first));
    while (keyword_follows("and")) {
      Pos kw = pos_;
      set_token("and");
      advance(3);
      if (!skip_blanks() && peek() != '(') fail(kw, "expected blank or '(' after 'and'");
      node->children.push_back(parse_not());
      skip_blanks();
    }
    return node;
  }

  NodePtr parse_not() {
    DepthGuard g(this);
    skip_blanks();
    Pos start = pos_;
    bool negate = false;
    while (keyword_follows("not")) {
      Pos kw = pos_;
      set_token("not");
      advance(3);
      if (peek() == '(') {
        negate = !negate;
        break;
      }
      if (!skip_blanks()) {
        if (at_end()) fail(pos_, "expected a condition after 'not', found end of condition");
        fail(kw, "expected blank or '(' after 'not'");
      }
      negate = !negate;
    }
    NodePtr child = parse_check();
    if (!negate) return child;
    auto node = make_node(NodeKind::Not, start);
    node->children.push_back(std::move(child));
    return node;
  }

  NodePtr parse_parenthesized() {
    DepthGuard g(this);
    // '(' already consumed
    NodePtr inner = parse_or();
    skip_blanks();
    if (peek() != ')') {
      fail(pos_, "expected ')' or a boolean operator, found " + describe_here());
    }
    set_token(")");
    advance(1);
    return inner;
  }

  NodePtr parse_check() {
    DepthGuard g(this);
    skip_blanks();
    Pos start = pos_;
    if (peek() == '(') {
      set_token("(");
      advance(1);
      return parse_parenthesized();
    }
    std::string name;
    if (lex_field_name(&name)) {
      NodePtr left = make_field(std::move(name), parse_optional_arg(), start);
      return parse_comparison(std::move(left), start);
    }
    Transformer t;
    if (lex_transformer(&t)) {
      NodePtr left = parse_transformer_rest(t, start);
      return parse_comparison(std::move(left), start);
    }
    if (lex_identifier(&name)) {
      auto id = make_node(NodeKind::Identifier, start);
      id->text = std::move(name);
      return id;
    }
    fail(pos_, "expected a '(' token, a field check, or an identifier, found " + describe_here());
  }

  std::optional<std::string> parse_optional_arg() {
    if (peek() != '[') return std::nullopt;
    advance(1);
    std::string arg;
    if (!lex_quoted(&arg)) {
      std::string_view r = rest();
      size_t n = 0;
      while (n < r.size() && is_arg_bare_char(r[n])) ++n;
      if (n == 0) {
        fail(pos_, "expected a valid field argument: a quoted string or a bare string, found " +
                       describe_here());
      }
      arg = std::string(r.substr(0, n));
      advance(n);
    }
    if (peek() != ']') fail(pos_, "expected a ']' token, found " + describe_here());
    advance(1);
    set_token("]");
    return arg;
  }

  // After "transformer(": Operand ')'.
  NodePtr parse_transformer_rest(Transformer t, Pos start) {
    DepthGuard g(this);
    skip_blanks();
    Pos inner_pos = pos_;
    NodePtr inner;
    std::string name;
    Transformer nested;
    if (lex_field_name(&name)) {
      inner = make_field(std::move(name), parse_optional_arg(), inner_pos);
    } else if (lex_transformer(&nested)) {
      inner = parse_transformer_rest(nested, inner_pos);
    } else {
      fail(pos_, std::string("expected a field or a nested transformer inside '") +
                     transformer_name(t) + "', found " + describe_here());
    }
    skip_blanks();
    if (peek() != ')') {
      fail(pos_, std::string("expected a ')' token closing the transformer '") +
                     transformer_name(t) + "', found " + describe_here());
    }
    advance(1);
    set_token(")");
    auto node = make_node(NodeKind::Transformed, start);
    node->transformer = t;
    node->children.push_back(std::move(inner));
    return node;
  }

  // val(field) or transformer(...) on the right-hand side; nullptr when neither follows.
  NodePtr try_parse_rhs_field() {
    Pos start = pos_;
    if (lex_val()) {
      skip_blanks();
      Pos field_pos = pos_;
      std::string name;
      if (!lex_field_name(&name)) {
        fail(pos_, "expected a field within 'val' transformer, found " + describe_here());
      }
      NodePtr field = make_field(std::move(name), parse_optional_arg(), field_pos);
      skip_blanks();
      if (peek() != ')') {
        fail(pos_, "expected a ')' token closing the transformer 'val', found " + describe_here());
      }
      advance(1);
      set_token(")");
      auto node = make_node(NodeKind::Transformed, start);
      node->transformer = Transformer::Val;
      node->children.push_back(std::move(field));
      return node;
    }
    Transformer t;
    if (lex_transformer(&t)) return parse_transformer_rest(t, start);
    return nullptr;
  }

  NodePtr parse_comparison(NodePtr left, Pos start) {
    DepthGuard g(this);
    const std::string operand = last_token_;
    skip_blanks();
    Pos op_pos = pos_;
    CmpOp op;
    std::string spelled;
    if (!lex_operator(&op, &spelled)) {
      fail(op_pos, "expected a valid check operator after '" + operand + "': one of " +
                       std::string(kOperatorList) + ", found " + describe_here());
    }
    auto node = make_node(NodeKind::Compare, start);
    node->op = op;
    node->left = std::move(left);
    if (op == CmpOp::Exists) return node;

    skip_blanks();
    Pos value_pos = pos_;
    if (is_num_op(op)) {
      node->right = try_parse_rhs_field();
      if (!node->right) {
        std::string num;
        if (!lex_number(&num)) {
          fail(value_pos, "expected a number value or a field with a valid transformer after '" +
                              spelled + "' (" + kTransformerList + "), found " + describe_here());
        }
        node->right = make_value(std::move(num), false, value_pos);
      }
    } else if (is_list_op(op)) {
      if (peek() == '(') {
        node->right = parse_list();
      } else if ((node->right = try_parse_rhs_field()) != nullptr) {
      } else {
        std::string id;
        if (!lex_identifier(&id)) {
          fail(value_pos, "expected a value after '" + spelled + "', found " + describe_here());
        }
        node->right = make_value(std::move(id), false, value_pos);
      }
    } else {
      node->right = try_parse_rhs_field();
      if (!node->right) {
        std::string text;
        bool quoted = peek() == '"' || peek() == '\'';
        if (!lex_quoted(&text) && !lex_bare(&text)) {
          fail(value_pos, "expected a value after '" + spelled + "', found " + describe_here());
        }
        node->right = make_value(std::move(text), quoted, value_pos);
      }
    }
    return node;
  }

  NodePtr parse_list() {
    Pos start = pos_;
    advance(1);  // '('
    set_token("(");
    auto list = make_node(NodeKind::List, start);
    skip_blanks();
    if (peek() == ')') {
      advance(1);
      set_token(")");
      return list;
    }
    while (true) {
      skip_blanks();
      Pos vpos = pos_;
      std::string text;
      bool quoted = peek() == '"' || peek() == '\'';
      if (!lex_quoted(&text) && !lex_bare(&text)) {
        fail(vpos, "expected a list value, found " + describe_here());
      }
      list->children.push_back(make_value(std::move(text), quoted, vpos));
      skip_blanks();
      if (peek() == ',') {
        advance(1);
        continue;
      }
      if (peek() == ')') {
        advance(1);
        set_token(")");
        return list;
      }
      fail(pos_, "expected ',' or ')' in list, found " + describe_here());
    }
  }

  std::string_view in_;
  ParseOptions opts_;
  Pos pos_;
  uint32_t depth_ = 0;
  std::string last_token_;
  ParseError error_;
};

}  // namespace

std::string ParseError::to_string(std::string_view label) const {
  return std::string(label) + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) +
         ": " + message;
}

ParseResult parse(std::string_view condition, const ParseOptions& options) {
  return Parser(condition, options).run();
}

bool is_identifier(std::string_view s) {
  if (s.empty() || !is_alpha(s[0])) return false;
  for (char c : s) {
    if (!is_ident_char(c)) return false;
  }
  return true;
}

bool is_bare_word(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!is_bare_char(c)) return false;
  }
  return true;
}

}  // namespace saker::filter
