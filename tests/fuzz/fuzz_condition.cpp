// libFuzzer target: the condition parser, list/macro expansion, type check and event-type
// analysis on arbitrary text. Nothing may crash, hang or grow without bound.
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/filter/check.h"
#include "engine/filter/evttypes.h"
#include "engine/filter/expand.h"
#include "engine/filter/parser.h"
#include "engine/filter/static_field_provider.h"

namespace {
class Catalog : public saker::filter::EventTypeCatalog {
 public:
  size_t universe_size() const override { return 300; }
  void ids_named(std::string_view name, std::vector<uint16_t>* out) const override {
    if (name == "open") out->push_back(2);
    if (name == "execve") out->push_back(4);
  }
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace saker::filter;
  static StaticFieldProvider* fields = [] {
    auto* p = new StaticFieldProvider();
    std::string err;
    p->add_from_text("proc.name string\nproc.pid int64\nproc.aname string index-optional\nfd.ip ipaddr\n"
                     "fd.net ipnet\nevt.type string\nevt.num uint64\nevt.arg string key-required\n"
                     "evt.buffer bytebuf\nfd.sport port\ncontainer.mounts string list\n", &err);
    return p;
  }();
  std::string text(reinterpret_cast<const char*>(data), size);
  ParseResult r = parse(text);
  if (!r.ok()) {
    (void)r.error->to_string();
    return 0;
  }
  (void)to_string(*r.ast);
  ListSet lists;
  lists.add("shell", {"sh", "bash"});
  lists.add("one", {"x"});
  std::vector<bool> used;
  (void)lists.expand(*r.ast, &used);
  NodePtr m = parse("evt.type = open and proc.name in (shell)").ast;
  MacroLookup lookup = [&](std::string_view name) -> const Node* { return name == "m" ? m.get() : nullptr; };
  MacroExpansion exp = expand_macros(r.ast, lookup, 1 << 16);
  if (!exp.error) {
    Catalog catalog;
    CheckOptions o{fields, &catalog};
    (void)check(*r.ast, o);
    (void)event_types_of(*r.ast, catalog);
  }
  return 0;
}
