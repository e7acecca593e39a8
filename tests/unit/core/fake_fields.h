#pragma once
// A fake field provider for engine/core tests: fields named t.* whose values a test sets in a
// FakeEvent, passed to the evaluator as the (opaque) EvalContext.
#include <arpa/inet.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/filter/field_provider.h"

namespace saker::core {

using filter::FieldType;

// The "event" the fake fields read.
struct FakeEvent {
  std::map<std::string, std::string> str;
  std::map<std::string, int64_t> num;
  std::map<std::string, std::vector<std::string>> lists;
  std::vector<std::string_view> views;
  mutable int extractions = 0;
};

inline const filter::EvalContext& as_ctx(const FakeEvent& e) {
  return *reinterpret_cast<const filter::EvalContext*>(&e);
}
inline const FakeEvent& as_event(const filter::EvalContext& c) {
  return *reinterpret_cast<const FakeEvent*>(&c);
}

class FakeExtractor : public filter::Extractor {
 public:
  FakeExtractor(std::string name, FieldType type, bool list)
      : name_(std::move(name)), type_(type), list_(list) {}
  bool extract(const filter::EvalContext& ctx, filter::FieldValue* out) override {
    const FakeEvent& e = as_event(ctx);
    ++e.extractions;
    out->type = type_;
    if (list_) {
      auto it = e.lists.find(name_);
      if (it == e.lists.end()) return false;
      views_.assign(it->second.begin(), it->second.end());
      out->list = views_;
      return true;
    }
    if (type_ == FieldType::IpAddr || type_ == FieldType::IpNet) {
      auto it = e.str.find(name_);
      if (it == e.str.end()) return false;
      if (inet_pton(AF_INET, it->second.c_str(), out->ip) == 1) {
        out->ip_len = 4;
      } else if (inet_pton(AF_INET6, it->second.c_str(), out->ip) == 1) {
        out->ip_len = 16;
      } else {
        return false;
      }
      return true;
    }
    if (type_ == FieldType::String || type_ == FieldType::FsPath || type_ == FieldType::Bytes) {
      auto it = e.str.find(name_);
      if (it == e.str.end()) return false;
      out->str = it->second;
      return true;
    }
    auto it = e.num.find(name_);
    if (it == e.num.end()) return false;
    if (type_ == FieldType::Int64) out->i64 = it->second;
    else out->u64 = static_cast<uint64_t>(it->second);
    return true;
  }

 private:
  std::string name_;
  FieldType type_;
  bool list_;
  std::vector<std::string_view> views_;
};

class FakeProvider : public filter::FieldProvider {
 public:
  FakeProvider() {
    add("t.str", FieldType::String);
    add("t.path", FieldType::FsPath);
    add("t.buf", FieldType::Bytes);
    add("t.int", FieldType::Int64);
    add("t.u", FieldType::Uint64);
    add("t.port", FieldType::Port);
    add("t.bool", FieldType::Bool);
    add("t.ip", FieldType::IpAddr);
    add("t.net", FieldType::IpNet);
    add("t.other", FieldType::String);
    add("t.list", FieldType::String, true);
    add("t.anc", FieldType::String, true, /*any_of=*/true);
    add("evt.type", FieldType::String);
  }
  std::optional<filter::ResolvedField> resolve(std::string_view name,
                                               const std::optional<std::string>& arg,
                                               filter::FieldError* error) const override {
    auto it = fields_.find(std::string(name));
    if (it == fields_.end() || arg) {
      error->message = "filter_check called with nonexistent field " + std::string(name);
      return std::nullopt;
    }
    return it->second;
  }
  std::unique_ptr<filter::Extractor> bind(const filter::ResolvedField& f) const override {
    return std::make_unique<FakeExtractor>(f.canonical, f.type, f.is_list);
  }

 private:
  void add(std::string name, FieldType t, bool list = false, bool any_of = false) {
    filter::ResolvedField r;
    r.type = t;
    r.is_list = list;
    r.any_of = any_of;
    r.canonical = name;
    fields_[name] = r;
  }
  std::map<std::string, filter::ResolvedField> fields_;
};


}  // namespace saker::core
