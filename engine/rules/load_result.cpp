#include "engine/rules/load_result.h"

#include <algorithm>
#include <sstream>

namespace saker::rules {

namespace {
constexpr const char* kErrorNames[] = {
    "LOAD_ERR_FILE_READ", "LOAD_ERR_YAML_PARSE", "LOAD_ERR_YAML_VALIDATE",
    "LOAD_ERR_COMPILE_CONDITION", "LOAD_ERR_COMPILE_OUTPUT", "LOAD_ERR_VALIDATE",
    "LOAD_ERR_EXTENSION"};
constexpr const char* kErrorTitles[] = {
    "File read error", "YAML parse error", "Error validating internal structure of YAML file",
    "Error compiling condition", "Error compiling output",
    "Error validating rule/macro/list/exception objects", "Error in extension item"};
constexpr const char* kWarningNames[] = {
    "LOAD_UNKNOWN_SOURCE", "LOAD_UNSAFE_NA_CHECK", "LOAD_NO_EVTTYPE", "LOAD_UNKNOWN_FIELD",
    "LOAD_UNUSED_MACRO", "LOAD_UNUSED_LIST", "LOAD_UNKNOWN_ITEM", "LOAD_DEPRECATED_ITEM",
    "LOAD_WARNING_EXTENSION", "LOAD_APPEND_NO_VALUES", "LOAD_EXCEPTION_NAME_NOT_UNIQUE",
    "LOAD_INVALID_MACRO_NAME", "LOAD_INVALID_LIST_NAME", "LOAD_COMPILE_CONDITION",
    "LOAD_UNKNOWN_KEY"};
constexpr const char* kWarningTitles[] = {
    "Unknown event source", "Unsafe <NA> comparison in condition",
    "Condition has no event-type restriction", "Unknown field or event-type in condition or output",
    "Unused macro", "Unused list", "Unknown rules file item", "Used deprecated item",
    "Warning in extension item", "Overriding/appending with no values",
    "Multiple exceptions defined with the same name", "Invalid macro name", "Invalid list name",
    "Warning in rule condition", "Unknown key in item definition"};
}  // namespace

const char* code_name(ErrorCode c) { return kErrorNames[static_cast<int>(c)]; }
const char* code_title(ErrorCode c) { return kErrorTitles[static_cast<int>(c)]; }
const char* code_name(WarningCode c) { return kWarningNames[static_cast<int>(c)]; }
const char* code_title(WarningCode c) { return kWarningTitles[static_cast<int>(c)]; }

Context::Context(const std::string& file_name) {
  locs_.push_back(Location{"rules content", "", file_name, 1, 1, 0});
}

Context Context::child(std::string item_type, std::string item_name, uint32_t line,
                       uint32_t column, uint32_t offset) const {
  Context c = *this;
  c.locs_.push_back(Location{std::move(item_type), std::move(item_name), file(), line, column, offset});
  return c;
}

Context Context::condition(const std::string& condition, uint32_t line, uint32_t column,
                           uint32_t offset) const {
  std::string quoted;
  quoted.push_back('"');
  quoted.append(condition.size() > 20 ? condition.substr(0, 17) + "..." : condition);
  quoted.push_back('"');
  for (char& ch : quoted) {
    if (ch == '\n' || ch == '\r') ch = ' ';
  }
  Context c = *this;
  c.locs_.push_back(Location{"condition expression", "", quoted, line, column, offset});
  return c;
}

const std::string& Context::file() const {
  static const std::string empty;
  return locs_.empty() ? empty : locs_.front().name;
}

const Location& Context::item() const {
  static const Location none;
  if (locs_.empty()) return none;
  return locs_.size() > 1 ? locs_[1] : locs_[0];
}

void LoadResult::add_error(ErrorCode code, std::string message, Context ctx) {
  Diagnostic d;
  d.is_error = true;
  d.error = code;
  d.message = std::move(message);
  d.context = std::move(ctx);
  errors_.push_back(std::move(d));
}

void LoadResult::add_warning(WarningCode code, std::string message, Context ctx) {
  Diagnostic d;
  d.warning = code;
  d.message = std::move(message);
  d.context = std::move(ctx);
  warnings_.push_back(std::move(d));
}

bool LoadResult::has_warning(WarningCode code) const {
  for (const auto& w : warnings_) {
    if (w.warning == code) return true;
  }
  return false;
}

std::string snippet(const std::string& content, const Location& where) {
  if (content.empty() || where.item_type == "condition expression") return "";
  size_t pos = std::min<size_t>(where.offset, content.size() - 1);
  while (pos > 0 && content[pos] == '\n') --pos;
  size_t from = pos == 0 ? std::string::npos : content.rfind('\n', pos - 1);
  from = from == std::string::npos ? 0 : from + 1;
  size_t to = content.find('\n', pos);
  if (to == std::string::npos) to = content.size();
  std::string line = content.substr(from, std::min<size_t>(to - from, 160));
  std::string out = line + "\n";
  size_t caret = pos - from;
  if (caret <= line.size()) out += std::string(caret, ' ') + "^\n";
  return out;
}

namespace {
void print_diag(std::ostringstream& os, const Diagnostic& d, const std::string& content) {
  bool first = true;
  for (const auto& loc : d.context.locations()) {
    os << (first ? "In " : "    ") << loc.item_type;
    first = false;
    if (!loc.item_name.empty()) os << " '" << loc.item_name << "'";
    os << ": (" << loc.name << ":" << loc.line << ":" << loc.column << ")\n";
  }
  os << "------\n";
  std::string snip = d.context.locations().empty() ? "" : snippet(content, d.context.innermost());
  if (snip.empty() && d.context.locations().size() > 1) {
    // For a condition, quote the line of the enclosing YAML item instead.
    const auto& locs = d.context.locations();
    for (size_t i = locs.size(); i-- > 0;) {
      if (locs[i].item_type != "condition expression") {
        snip = snippet(content, locs[i]);
        break;
      }
    }
  }
  os << snip << "------\n";
  os << d.code() << " (" << d.title() << "): " << d.message << "\n";
}
}  // namespace

std::string LoadResult::as_text(bool verbose, const std::string& content) const {
  std::ostringstream os;
  if (!name_.empty()) os << name_ << ": ";
  os << (ok() ? (warnings_.empty() ? "Ok" : "Ok, with warnings") : "Invalid");
  if (!verbose) {
    if (!errors_.empty()) {
      os << "\n " << errors_.size() << " errors: [";
      for (size_t i = 0; i < errors_.size(); ++i) {
        os << (i ? " " : "") << errors_[i].code() << " (" << errors_[i].title() << ")";
      }
      os << "]";
    }
    if (!warnings_.empty()) {
      os << "\n " << warnings_.size() << " warnings: [";
      for (size_t i = 0; i < warnings_.size(); ++i) {
        os << (i ? " " : "") << warnings_[i].code() << " (" << warnings_[i].title() << ")";
      }
      os << "]";
    }
    os << "\n";
    return os.str();
  }
  os << "\n";
  if (!errors_.empty()) {
    os << "\n" << errors_.size() << " Errors:\n";
    for (const auto& e : errors_) print_diag(os, e, content);
  }
  if (!warnings_.empty()) {
    os << "\n" << warnings_.size() << " Warnings:\n";
    for (const auto& w : warnings_) print_diag(os, w, content);
  }
  return os.str();
}

namespace {
// Rules files may hold any bytes; JSON strings must be valid UTF-8 (nlohmann's dump() throws
// otherwise). Invalid sequences become U+FFFD.
std::string utf8(const std::string& in) {
  std::string out;
  out.reserve(in.size());
  size_t i = 0;
  while (i < in.size()) {
    const auto c = static_cast<unsigned char>(in[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool valid = len > 0 && i + len <= in.size();
    for (size_t k = 1; valid && k < len; ++k) valid = (static_cast<unsigned char>(in[i + k]) & 0xC0) == 0x80;
    if (valid && len > 1) {
      uint32_t cp = c & (0x7F >> len);
      for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(in[i + k]) & 0x3F);
      const uint32_t min[] = {0, 0, 0x80, 0x800, 0x10000};
      valid = cp >= min[len] && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
    }
    if (valid) {
      out.append(in, i, len);
      i += len;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}
}  // namespace

nlohmann::json LoadResult::as_json(const std::string& content) const {
  auto diag_json = [&](const Diagnostic& d) {
    nlohmann::json j;
    nlohmann::json locs = nlohmann::json::array();
    for (const auto& l : d.context.locations()) {
      locs.push_back({{"item_type", utf8(l.item_type)},
                      {"item_name", utf8(l.item_name)},
                      {"position",
                       {{"name", utf8(l.name)}, {"line", l.line}, {"column", l.column}, {"offset", l.offset}}}});
    }
    j["context"] = {{"locations", locs},
                    {"snippet", utf8(d.context.locations().empty() ? "" : snippet(content, d.context.innermost()))}};
    j["code"] = d.code();
    j["codedesc"] = d.title();
    j["message"] = utf8(d.message);
    return j;
  };
  nlohmann::json j;
  j["name"] = utf8(name_);
  j["successful"] = ok();
  j["errors"] = nlohmann::json::array();
  for (const auto& e : errors_) j["errors"].push_back(diag_json(e));
  j["warnings"] = nlohmann::json::array();
  for (const auto& w : warnings_) j["warnings"].push_back(diag_json(w));
  return j;
}

}  // namespace saker::rules
