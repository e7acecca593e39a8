#include "engine/filter/escaping.h"

namespace saker::filter {

namespace {
int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

size_t scan_quoted(std::string_view text) {
  if (text.empty() || (text[0] != '"' && text[0] != '\'')) return 0;
  const char quote = text[0];
  for (size_t i = 1; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;  // the escaped character never closes the string
      continue;
    }
    if (text[i] == quote) return i + 1;
  }
  return 0;
}

bool unescape(std::string_view body, char quote, std::string* out, std::string* error) {
  out->clear();
  out->reserve(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c != '\\') {
      *out += c;
      continue;
    }
    if (++i >= body.size()) {
      *error = "unterminated string escape sequence";
      return false;
    }
    c = body[i];
    switch (c) {
      case 'b': *out += '\b'; break;
      case 'f': *out += '\f'; break;
      case 'n': *out += '\n'; break;
      case 'r': *out += '\r'; break;
      case 't': *out += '\t'; break;
      case ' ':  // compatibility: "\ " reads as a backslash
      case '\\': *out += '\\'; break;
      case '/': *out += '/'; break;
      case '"':
        if (quote != '"') {
          *error = "invalid \\\" escape in '-quoted string";
          return false;
        }
        *out += '"';
        break;
      case '\'':
        if (quote != '\'') {
          *error = "invalid \\' escape in \"-quoted string";
          return false;
        }
        *out += '\'';
        break;
      case 'x': {
        if (i + 2 >= body.size()) {
          *error = "truncated hex char escape sequence";
          return false;
        }
        const int hi = hex_digit(body[i + 1]);
        const int lo = hex_digit(body[i + 2]);
        if (hi < 0 || lo < 0) {
          *error = "invalid hex char escape sequence: " + std::string(body.substr(i + 1, 2));
          return false;
        }
        *out += static_cast<char>(hi * 16 + lo);
        i += 2;
        break;
      }
      default:
        *error = std::string("unsupported string escape sequence: \\") + c;
        return false;
    }
  }
  return true;
}

}  // namespace saker::filter
