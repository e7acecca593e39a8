#pragma once
// Warnings and errors found while reading the configuration. Each names where it comes from: a
// file with a 1-based line and column, or a command-line origin such as `-o json_output=maybe`.
#include <string>
#include <vector>

namespace saker::config {

struct Diagnostic {
  enum class Severity { kWarning, kError };
  Severity severity = Severity::kError;
  std::string origin;  // file path, or "-o key=value"
  int line = 0;        // 1-based; 0 when the origin has no lines
  int column = 0;      // 1-based
  std::string message;

  bool is_error() const { return severity == Severity::kError; }
  // "file:line:column: message", or "origin: message" without a position.
  std::string to_string() const {
    // Appends one piece at a time (g++ 12 -O3 warns falsely on `"x" + std::string`).
    std::string s = origin;
    if (line > 0) {
      s.append(":").append(std::to_string(line));
      s.append(":").append(std::to_string(column));
    }
    s.append(": ").append(message);
    return s;
  }
};

class Diagnostics {
 public:
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  bool has_errors() const {
    for (const auto& d : items_) if (d.is_error()) return true;
    return false;
  }
  const std::vector<Diagnostic>& items() const { return items_; }
  std::vector<Diagnostic> errors() const { return filter(true); }
  std::vector<Diagnostic> warnings() const { return filter(false); }
  void append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
  }

 private:
  std::vector<Diagnostic> filter(bool errors) const {
    std::vector<Diagnostic> out;
    for (const auto& d : items_) if (d.is_error() == errors) out.push_back(d);
    return out;
  }
  std::vector<Diagnostic> items_;
};

}  // namespace saker::config
