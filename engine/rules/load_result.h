#pragma once
// Structured results of loading a rules file: errors and warnings with a code, a chain of
// locations (file, item, key, condition...) and a message, printed as text or JSON like Falco's
// validation output (`falco -V`, and its JSON form).
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace saker::rules {

enum class ErrorCode : uint8_t {
  LOAD_ERR_FILE_READ,
  LOAD_ERR_YAML_PARSE,
  LOAD_ERR_YAML_VALIDATE,
  LOAD_ERR_COMPILE_CONDITION,
  LOAD_ERR_COMPILE_OUTPUT,
  LOAD_ERR_VALIDATE,
  LOAD_ERR_EXTENSION,
};

enum class WarningCode : uint8_t {
  LOAD_UNKNOWN_SOURCE,
  LOAD_UNSAFE_NA_CHECK,
  LOAD_NO_EVTTYPE,
  LOAD_UNKNOWN_FIELD,  // Falco's legacy name for what newer releases call LOAD_UNKNOWN_FILTER
  LOAD_UNUSED_MACRO,
  LOAD_UNUSED_LIST,
  LOAD_UNKNOWN_ITEM,
  LOAD_DEPRECATED_ITEM,
  LOAD_WARNING_EXTENSION,
  LOAD_APPEND_NO_VALUES,
  LOAD_EXCEPTION_NAME_NOT_UNIQUE,
  LOAD_INVALID_MACRO_NAME,
  LOAD_INVALID_LIST_NAME,
  LOAD_COMPILE_CONDITION,
  LOAD_UNKNOWN_KEY,
};

const char* code_name(ErrorCode c);      // "LOAD_ERR_YAML_PARSE"
const char* code_title(ErrorCode c);     // "YAML parse error"
const char* code_name(WarningCode c);
const char* code_title(WarningCode c);

// One step of a context chain. Lines and columns are 1-based; offset is 0-based.
struct Location {
  std::string item_type;  // "rules content", "rule", "macro", "value for", "condition expression" ...
  std::string item_name;
  std::string name;       // file name, or for a condition expression a short quote of it
  uint32_t line = 0;
  uint32_t column = 0;
  uint32_t offset = 0;
};

// Where something is: the chain from the file down to the innermost element.
class Context {
 public:
  Context() = default;
  explicit Context(const std::string& file_name);  // the whole rules content
  Context child(std::string item_type, std::string item_name, uint32_t line, uint32_t column,
                uint32_t offset) const;
  // A position inside a condition string (line/column within the condition).
  Context condition(const std::string& condition, uint32_t line, uint32_t column,
                    uint32_t offset) const;
  const std::vector<Location>& locations() const { return locs_; }
  const std::string& file() const;
  // The top-level item (the location after the file): what Falco's tests call item_type/name.
  const Location& item() const;
  const Location& innermost() const { return locs_.back(); }

 private:
  std::vector<Location> locs_;
};

struct Diagnostic {
  bool is_error = false;
  ErrorCode error = ErrorCode::LOAD_ERR_VALIDATE;
  WarningCode warning = WarningCode::LOAD_UNKNOWN_SOURCE;
  std::string message;
  Context context;

  const char* code() const { return is_error ? code_name(error) : code_name(warning); }
  const char* title() const { return is_error ? code_title(error) : code_title(warning); }
  const std::string& item_type() const { return context.item().item_type; }
  const std::string& item_name() const { return context.item().item_name; }
};

class LoadResult {
 public:
  explicit LoadResult(std::string name = "") : name_(std::move(name)) {}

  void add_error(ErrorCode code, std::string message, Context ctx);
  void add_warning(WarningCode code, std::string message, Context ctx);

  bool ok() const { return errors_.empty(); }
  const std::string& name() const { return name_; }
  const std::vector<Diagnostic>& errors() const { return errors_; }
  const std::vector<Diagnostic>& warnings() const { return warnings_; }
  bool has_warning(WarningCode code) const;

  // "<name>: Ok", "<name>: Ok, with warnings" or "<name>: Invalid", then (verbose) each error and
  // warning with its location chain, a snippet of the content and the code and message.
  std::string as_text(bool verbose, const std::string& content = "") const;
  // Falco's JSON shape: {name, successful, errors: [{context: {locations, snippet}, code,
  // codedesc, message}], warnings: [...]}.
  nlohmann::json as_json(const std::string& content = "") const;

 private:
  std::string name_;
  std::vector<Diagnostic> errors_;
  std::vector<Diagnostic> warnings_;
};

// The line of content holding offset with a caret under the column, as Falco prints it.
std::string snippet(const std::string& content, const Location& where);

}  // namespace saker::rules
