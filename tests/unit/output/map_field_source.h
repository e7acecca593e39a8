#pragma once
// A FieldSource over a fixed map, standing in for the field catalog in tests and benchmarks.
#include <map>
#include <string>
#include <utility>

#include "engine/output/output_format.h"

namespace saker::output::testing {

struct MapFieldSource final : FieldSource {
  struct Entry {
    std::string text;
    FieldValue typed;  // monostate: use the text as a string
  };
  std::map<std::string, Entry, std::less<>> values;

  void set(std::string name, std::string text, FieldValue typed = {}) {
    values[std::move(name)] = Entry{std::move(text), std::move(typed)};
  }
  bool append(const FieldRef& f, std::string& out) override {
    auto it = values.find(f.name);
    if (it == values.end()) return false;
    out += it->second.text;
    return true;
  }
  FieldValue value(const FieldRef& f, std::string_view text) override {
    auto it = values.find(f.name);
    if (it != values.end() && !std::holds_alternative<std::monostate>(it->second.typed)) return it->second.typed;
    return std::string(text);
  }
};

}  // namespace saker::output::testing
