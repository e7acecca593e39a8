#pragma once
// Small, forgiving accessors over nlohmann::json for runtime documents: a missing member or one
// of another type reads as empty, so one odd field never discards a whole document.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace saker::state::metadata {

inline const nlohmann::json* member(const nlohmann::json& j, std::string_view key) {
  if (!j.is_object()) return nullptr;
  auto it = j.find(std::string(key));
  return it == j.end() ? nullptr : &*it;
}

inline std::string str_of(const nlohmann::json& j, std::string_view key) {
  const nlohmann::json* m = member(j, key);
  return m != nullptr && m->is_string() ? m->get<std::string>() : std::string();
}

inline const nlohmann::json& obj_of(const nlohmann::json& j, std::string_view key) {
  static const nlohmann::json kEmpty = nlohmann::json::object();
  const nlohmann::json* m = member(j, key);
  return m != nullptr && m->is_object() ? *m : kEmpty;
}

// Parses `text`; on error returns false with "malformed JSON at byte N: ..." where N (1-based,
// at most text.size()) is where the parser stopped. Never throws.
bool parse_json(std::string_view text, nlohmann::json& out, std::string& error);

}  // namespace saker::state::metadata
