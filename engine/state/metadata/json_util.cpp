#include "engine/state/metadata/json_util.h"

#include <algorithm>

namespace saker::state::metadata {

namespace {

// A SAX handler that accepts every value and keeps the position of the first error. The DOM
// parser reports a position only for syntax errors (parse_error); a number too large for a
// double throws out_of_range without one, so the failing text is read again through this.
class ErrorLocator : public nlohmann::json_sax<nlohmann::json> {
 public:
  size_t byte = 0;

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::json::exception&) override {
    byte = position;
    return false;
  }
};

}  // namespace

bool parse_json(std::string_view text, nlohmann::json& out, std::string& error) {
  try {
    out = nlohmann::json::parse(text);
    return true;
  } catch (const nlohmann::json::exception& e) {  // parse_error, and out_of_range for 1e999
    size_t byte = 0;
    if (const auto* pe = dynamic_cast<const nlohmann::json::parse_error*>(&e)) {
      byte = pe->byte;
    } else {
      ErrorLocator locator;
      nlohmann::json::sax_parse(text, &locator);
      byte = locator.byte;
    }
    // The parser counts the end of input as one more byte read; name the last byte instead.
    byte = std::min(byte, text.size());
    error = "malformed JSON at byte " + std::to_string(byte) + ": " + e.what();
    return false;
  }
}

}  // namespace saker::state::metadata
