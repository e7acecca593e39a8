#pragma once
// Error values for paths where exceptions are unwelcome (decoding, hot loops). A Status is either
// ok or carries a message that already names where the problem is (file, line, column or offset)
// and what was expected.
#include <string>
#include <utility>

namespace saker {

class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status Error(std::string message) { return Status(std::move(message)); }

  bool ok() const { return !failed_; }
  explicit operator bool() const { return ok(); }
  const std::string& message() const { return message_; }

 private:
  explicit Status(std::string message) : failed_(true), message_(std::move(message)) {}
  bool failed_ = false;
  std::string message_;
};

}  // namespace saker
