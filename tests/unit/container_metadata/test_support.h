#pragma once
// Helpers shared by the container metadata tests: fixture files, a process seeded in a
// container, field rendering through the registry.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "engine/fields/eval_context.h"
#include "engine/fields/registry.h"
#include "engine/fields/render_field.h"
#include "engine/state/state.h"

namespace saker::testing {

inline std::string read_data(const std::string& name) {
  std::ifstream in(std::string(SAKER_TEST_DATA_DIR) + "/containers/" + name);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Seeds process `tid` whose cgroup is `cgroup_path` ("/" for a hidden cgroup namespace).
inline void seed_in_cgroup(state::State& st, uint64_t tid, const std::string& cgroup_path) {
  scap::ProcessInfo p;
  p.tid = p.pid = tid;
  p.ptid = 1;
  p.comm = p.exe = "sh";
  p.exepath = "/bin/sh";
  p.vtid = p.vpid = static_cast<int64_t>(tid);
  p.cgroups = "cpu=" + cgroup_path + std::string(1, '\0');
  st.seed_process(p);
}

// Renders `field` for thread `tid` as sysdig prints it ("<NA>" without a value).
inline std::string render(const state::State& st, int64_t tid, std::string_view field) {
  std::unique_ptr<fields::BoundField> b;
  Status s = fields::FieldRegistry::builtin().bind_text(field, b);
  EXPECT_TRUE(s.ok()) << field << ": " << s.message();
  if (!s.ok()) return "<bind error>";
  fields::EvalContext ctx;
  ctx.state = &st;
  ctx.thread = st.thread(tid);
  std::string out;
  fields::render_field(*b, ctx, out);
  return out;
}

}  // namespace saker::testing
