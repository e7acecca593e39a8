#pragma once
// A rule's output format compiled once: the format string split into literal pieces and field
// references. Rendering walks the pieces and asks a FieldSource for each field's text, appending
// everything to one caller-owned buffer; it allocates nothing else.
//
// Syntax, as Falco (libsinsp's formatter) reads it:
//   %field             field name: letters, digits, '_' and '.', then an optional "[arg]"
//                      (%proc.aname[2], %evt.arg.name, %evt.arg[0]); trailing dots are text.
//   %(field)           the same, delimited: %(proc.name)suffix
//   %20field           width: the value is padded with spaces or cut to 20 characters
//   %toupper(field)    transformers toupper, tolower, b64, basename
//   a leading '*'      accepted and ignored (missing values always print as <NA>)
// A '%' at the end of the format, or one not followed by a field, is an error.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/common/status.h"
#include "engine/output/alert.h"

namespace saker::output {

enum class Transformer : std::uint8_t { None, ToUpper, ToLower, Base64, Basename };

// One field reference of a compiled format. `index` is its position in OutputFormat::fields(),
// so a field catalog can bind one extractor per reference at compile time.
struct FieldRef {
  std::uint32_t index = 0;
  std::string name;       // "proc.aname[2]", without '%', parentheses or transformer
  Transformer transformer = Transformer::None;
  std::uint32_t width = 0;  // 0: as is
};

// Supplies field values while one alert is rendered (the event and state behind it).
class FieldSource {
 public:
  virtual ~FieldSource() = default;
  // Appends the field's text to `out`. Returns false, having appended nothing, when the field
  // has no value for this event; the formatter then writes "<NA>".
  virtual bool append(const FieldRef& field, std::string& out) = 0;
  // The typed value for JSON output_fields, asked only when fields are collected and the field
  // had a value. `text` is what append() wrote. The default keeps the text as a string.
  virtual FieldValue value(const FieldRef& field, std::string_view text) {
    (void)field;
    return std::string(text);
  }
};

// Decides how long a field name is: `rest` starts right after '%' (and any width digits).
// Returns the number of characters of the name, 0 when no field starts there. The field catalog
// can supply one that knows its names; the default follows the syntax above.
using FieldLexer = std::function<std::size_t(std::string_view rest)>;
std::size_t default_field_lexer(std::string_view rest);

inline constexpr std::string_view kNotAvailable = "<NA>";

class OutputFormat {
 public:
  OutputFormat() = default;

  // Compiles `format`. On error `*out` is left unchanged and the Status names the column.
  static Status compile(std::string_view format, OutputFormat* out, const FieldLexer& lexer = {});

  // Appends the rendered text to `out`.
  void render(FieldSource& source, std::string& out) const { render(source, out, nullptr); }
  // Same, and appends one OutputField per field reference not already in `*fields` (by name).
  void render(FieldSource& source, std::string& out, std::vector<OutputField>* fields) const;

  const std::vector<FieldRef>& fields() const { return fields_; }
  const std::string& text() const { return text_; }
  bool empty() const { return pieces_.empty(); }

 private:
  // A piece is either literal text_[begin, begin+length) or field fields_[field].
  struct Piece {
    bool is_field;
    std::uint32_t begin_or_field;
    std::uint32_t length;
  };
  std::string text_;  // the format as given
  std::vector<Piece> pieces_;
  std::vector<FieldRef> fields_;
};

// Applies a transformer in place to out[from, end).
void apply_transformer(Transformer t, std::string& out, std::size_t from);

}  // namespace saker::output
