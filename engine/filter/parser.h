#pragma once
// Parser of the Falco condition language: text -> AST (engine/filter/ast.h).
//
//   Expr     := Or
//   Or       := And ( 'or' And )*
//   And      := Not ( 'and' Not )*
//   Not      := ( 'not' )* Check | 'not(' Or ')'        (a repeated 'not' toggles, as in Falco)
//   Check    := '(' Or ')' | Operand UnaryOp | Operand BinOp Right | Identifier
//   Operand  := FieldName Arg? | Transformer '(' Operand ')'
//   FieldName:= ident ( '.' ident )+        ident := [a-zA-Z][a-zA-Z0-9_]*
//   Arg      := '[' ( Quoted | [^][\"' \t\r\n]+ ) ']'
//   Right    := number | Quoted | BareWord | 'val(' FieldName Arg? ')' | Transformer(...)
//               | List | Identifier (after list operators)
//   List     := '(' ( Value ( ',' Value )* )? ')'
//   BareWord := [^()"' \t\r\n=,]+
//
// Keywords 'and', 'or', 'not' are case-sensitive and must be followed by a blank or '('.
// Errors never throw: parse() returns a ParseError naming the position (line and column within
// the condition) and what was expected and found. Nesting is bounded (max_depth) so that hostile
// input cannot exhaust the stack.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "engine/filter/ast.h"

namespace saker::filter {

struct ParseError {
  Pos pos;
  std::string message;
  // "condition:1:23: expected a value after 'in', found ')'" (label replaces "condition").
  std::string to_string(std::string_view label = "condition") const;
};

struct ParseResult {
  NodePtr ast;                      // null on error
  std::optional<ParseError> error;  // set on error
  bool ok() const { return ast != nullptr; }
};

struct ParseOptions {
  uint32_t max_depth = 1000;  // Falco's limit for rules conditions
};

ParseResult parse(std::string_view condition, const ParseOptions& options = {});

// The syntax of names, shared with the rules loader (macro and list name checks).
bool is_identifier(std::string_view s);  // [a-zA-Z][a-zA-Z0-9_]*
bool is_bare_word(std::string_view s);   // [^()"' \t\r\n=,]+

}  // namespace saker::filter
