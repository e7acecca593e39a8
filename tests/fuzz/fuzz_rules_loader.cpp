// libFuzzer target: a rules file through the whole loader (YAML reader, collector, compiler)
// and both result printers. Bad input must give errors with locations, never a crash or hang.
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/filter/static_field_provider.h"
#include "engine/rules/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace saker;
  static filter::StaticFieldProvider* fields = [] {
    auto* p = new filter::StaticFieldProvider();
    std::string err;
    p->add_from_text("proc.name string\nproc.pid int64\nproc.cmdline string\nfd.name string\n"
                     "evt.type string\nproc.aname string index-optional\n", &err);
    return p;
  }();
  std::string content(reinterpret_cast<const char*>(data), size);
  rules::LoaderOptions options;
  options.compiler.fields = fields;
  rules::Loader loader(options);
  // Two files: the second may append to or override the first's definitions.
  size_t split = content.find("\n---8<---\n");
  rules::LoadResult r = loader.load("a.yaml", content.substr(0, split));
  if (split != std::string::npos) r = loader.load("b.yaml", content.substr(split + 10));
  (void)r.as_text(true, content);
  (void)r.as_json(content).dump();
  return 0;
}
