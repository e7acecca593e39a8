#pragma once
// Quoted strings of the condition language, with Falco's escapes: \b \f \n \r \t \\ \/ \xHH,
// \" inside "..." and \' inside '...'; "\ " is accepted for compatibility and yields a
// backslash (a few upstream rules were written that way).
#include <string>
#include <string_view>

namespace saker::filter {

// Unescapes the body of a quoted string (without its quotes). quote is '"' or '\''.
// On error returns false and sets *error (e.g. "unsupported string escape sequence: \q").
bool unescape(std::string_view body, char quote, std::string* out, std::string* error);

// Scans a quoted string starting at text[0] (which must be a quote). Returns the length of the
// whole token including both quotes, or 0 when it is not terminated.
size_t scan_quoted(std::string_view text);

}  // namespace saker::filter
