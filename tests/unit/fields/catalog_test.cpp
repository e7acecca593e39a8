// The catalog: names, types, argument forms, and the --list output.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "engine/fields/list_fields.h"
#include "engine/fields/registry.h"

namespace saker::fields {
namespace {

const FieldRegistry& reg() { return FieldRegistry::builtin(); }

std::vector<std::string> upstream_fields() {
  std::ifstream in(std::string(SAKER_TEST_DATA_DIR) + "/upstream_rule_fields.txt");
  std::vector<std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    out.push_back(line);
  }
  return out;
}

TEST(Catalog, EveryUpstreamRuleFieldResolvesAndBinds) {
  auto fields = upstream_fields();
  ASSERT_GE(fields.size(), 100u);
  for (const std::string& f : fields) {
    std::unique_ptr<BoundField> b;
    Status st = reg().bind_text(f, b);
    EXPECT_TRUE(st.ok()) << f << ": " << st.message();
    if (st.ok()) {
      ASSERT_NE(b, nullptr);
      EXPECT_EQ(b->text(), f);
    }
  }
}

TEST(Catalog, UpstreamFieldsHaveFalcoTypes) {
  using T = FieldType;
  const std::map<std::string, T> expected = {
      {"proc.name", T::Charbuf},
      {"proc.pid", T::Int64},
      {"proc.vpid", T::Int64},
      {"proc.tty", T::Uint32},
      {"proc.duration", T::Reltime},
      {"proc.exe_ino.ctime", T::Abstime},
      {"proc.is_vpgid_leader", T::Bool},
      {"proc.aname[2]", T::Charbuf},
      {"proc.apid[1]", T::Int64},
      {"proc.sname", T::Charbuf},
      {"thread.cap_effective", T::Charbuf},
      {"thread.tid", T::Int64},
      {"fd.num", T::Int64},
      {"fd.name", T::Charbuf},
      {"fd.typechar", T::Charbuf},
      {"fd.sport", T::Port},
      {"fd.cip", T::Ipaddr},
      {"fd.snet", T::Ipnet},
      {"fd.net", T::Ipnet},
      {"fd.ip", T::Ipaddr},
      {"fd.name_changed", T::Bool},
      {"fd.types[0]", T::Charbuf},
      {"evt.rawres", T::Int64},
      {"evt.res", T::Charbuf},
      {"evt.failed", T::Bool},
      {"evt.is_open_read", T::Bool},
      {"evt.num", T::Uint64},
      {"evt.buffer", T::Bytebuf},
      {"evt.arg.fd", T::Charbuf},
      {"evt.arg[0]", T::Charbuf},
      {"evt.rawarg.fd", T::Fd},
      {"evt.rawarg.res", T::Errno},
      {"evt.rawarg.flags", T::Flags32},
      {"user.uid", T::Uint32},
      {"user.loginuid", T::Int64},
      {"group.gid", T::Uint32},
      {"container.privileged", T::Bool},
      {"container.start_ts", T::Uint64},
      {"container.mount.dest[/etc]", T::Charbuf},
      {"k8s.pod.label.app", T::Charbuf},
      {"fs.path.name", T::Charbuf},
      {"fdlist.names", T::Charbuf},
  };
  for (const auto& [name, type] : expected) {
    std::unique_ptr<BoundField> b;
    Status st = reg().bind_text(name, b);
    ASSERT_TRUE(st.ok()) << name << ": " << st.message();
    EXPECT_EQ(b->type(), type) << name << " is " << field_type_name(b->type());
  }
}

TEST(Catalog, NamesAreUniqueAndClassesAreFalcos) {
  std::set<std::string> names;
  std::set<std::string> classes;
  size_t n = 0;
  for (const FieldClass* c : reg().classes()) {
    classes.insert(c->name);
    for (const FieldInfo& f : c->fields) {
      EXPECT_TRUE(names.insert(f.name).second) << "duplicate " << f.name;
      EXPECT_NE(std::string(f.desc), "") << f.name;
      ++n;
    }
  }
  for (const char* c :
       {"evt", "proc", "thread", "fd", "fdlist", "fs.path", "user", "group", "container", "k8s"}) {
    EXPECT_TRUE(classes.count(c)) << c;
  }
  EXPECT_GT(n, 280u);
}

TEST(Catalog, CommonFieldsAreImplemented) {
  for (const char* f : {"evt.num",
                        "evt.time",
                        "evt.type",
                        "evt.dir",
                        "evt.args",
                        "evt.arg.fd",
                        "evt.res",
                        "evt.rawres",
                        "evt.failed",
                        "evt.is_open_read",
                        "evt.is_open_write",
                        "evt.is_open_exec",
                        "proc.name",
                        "proc.pname",
                        "proc.cmdline",
                        "proc.pcmdline",
                        "proc.exepath",
                        "proc.aname[2]",
                        "proc.cwd",
                        "proc.tty",
                        "proc.sid",
                        "proc.vpid",
                        "proc.sname",
                        "proc.vpgid.name",
                        "proc.is_vpgid_leader",
                        "thread.tid",
                        "fd.name",
                        "fd.typechar",
                        "fd.directory",
                        "fd.filename",
                        "fd.cip",
                        "fd.sport",
                        "fd.l4proto",
                        "fd.snet",
                        "fd.name_changed",
                        "fd.types",
                        "user.name",
                        "user.uid",
                        "group.name",
                        "container.id",
                        "fs.path.name",
                        "fdlist.nums"}) {
    std::unique_ptr<BoundField> b;
    ASSERT_TRUE(reg().bind_text(f, b).ok()) << f;
    EXPECT_TRUE(b->implemented()) << f;
  }
  // Known names without an extractor bind to an always-<NA> field.
  std::unique_ptr<BoundField> b;
  ASSERT_TRUE(reg().bind_text("k8s.deployment.name", b).ok());  // deprecated k8s API field
  EXPECT_FALSE(b->implemented());
}

// ---- argument forms ---------------------------------------------------------------------------

std::string bind_error(std::string_view text) {
  std::unique_ptr<BoundField> b;
  Status st = FieldRegistry::builtin().bind_text(text, b);
  return st.ok() ? std::string() : st.message();
}

TEST(Arguments, IndexForms) {
  EXPECT_EQ(bind_error("proc.aname[2]"), "");
  EXPECT_EQ(bind_error("proc.aname"), "");  // every ancestor
  EXPECT_EQ(bind_error("proc.apid[3]"), "");
  EXPECT_EQ(bind_error("proc.aexepath[1]"), "");
  EXPECT_EQ(bind_error("proc.args[0]"), "");
  EXPECT_EQ(bind_error("fd.types[1]"), "");
  EXPECT_EQ(bind_error("fd.types"), "");

  std::string e = bind_error("proc.aname[x]");
  EXPECT_NE(e.find("proc.aname"), std::string::npos) << e;
  EXPECT_NE(e.find("'x'"), std::string::npos) << e;
  EXPECT_NE(bind_error("proc.apid[-1]"), "");
  EXPECT_NE(bind_error("fd.types[a]"), "");
  EXPECT_NE(bind_error("proc.aname[]"), "");
  EXPECT_NE(bind_error("proc.aname[2"), "");
}

TEST(Arguments, NotAllowedOrRequired) {
  std::string e = bind_error("proc.name[1]");
  EXPECT_NE(e.find("proc.name"), std::string::npos) << e;
  e = bind_error("container.mount.dest");
  EXPECT_NE(e.find("requires an argument"), std::string::npos) << e;
  EXPECT_NE(bind_error("evt.arg"), "");
  EXPECT_NE(bind_error("thread.cgroup"), "");
  EXPECT_NE(bind_error("k8s.pod.label"), "");
}

TEST(Arguments, EventParams) {
  EXPECT_EQ(bind_error("evt.arg.fd"), "");
  EXPECT_EQ(bind_error("evt.arg[0]"), "");
  EXPECT_EQ(bind_error("evt.arg.res_or_fd"), "");
  EXPECT_EQ(bind_error("evt.rawarg.res"), "");
  EXPECT_NE(bind_error("evt.arg.nosuchparam").find("nosuchparam"), std::string::npos);
  EXPECT_NE(bind_error("evt.arg[x]"), "");
  EXPECT_NE(bind_error("evt.rawarg[0]"), "");
  EXPECT_EQ(bind_error("evt.type.is.open"), "");
  EXPECT_NE(bind_error("evt.type.is.nosuchevent"), "");
}

TEST(Arguments, KeysAndPaths) {
  EXPECT_EQ(bind_error("container.mount[0]"), "");
  EXPECT_EQ(bind_error("container.mount[/var/run/docker.sock]"), "");
  EXPECT_EQ(bind_error("container.mount.dest[/proc*]"), "");
  EXPECT_EQ(bind_error("k8s.pod.label.app"), "");
  EXPECT_EQ(bind_error("k8s.pod.label[app.kubernetes.io/name]"), "");
  EXPECT_EQ(bind_error("proc.env[HOME]"), "");
  EXPECT_EQ(bind_error("thread.cgroup.cpuacct"), "");
  // container.mount.dest is its own field, not container.mount with a dotted argument.
  std::unique_ptr<BoundField> b;
  ASSERT_TRUE(FieldRegistry::builtin().bind_text("container.mount.dest[/etc]", b).ok());
  EXPECT_STREQ(b->info().name, "container.mount.dest");
}

TEST(Arguments, UnknownFields) {
  EXPECT_NE(bind_error("proc.nobody").find("unknown field 'proc.nobody'"), std::string::npos);
  EXPECT_NE(bind_error("foo"), "");
  EXPECT_NE(bind_error("evt.args.x"), "");
}

TEST(Arguments, ResolveWithSeparateBracketArgument) {
  FieldRegistry::Resolved r;
  ASSERT_TRUE(reg().resolve("proc.aname", std::string_view("3"), r).ok());
  EXPECT_STREQ(r.info->name, "proc.aname");
  EXPECT_TRUE(r.arg.is_index);
  EXPECT_EQ(r.arg.index, 3);
  ASSERT_TRUE(reg().resolve("evt.arg.filename", std::nullopt, r).ok());
  EXPECT_STREQ(r.info->name, "evt.arg");
  EXPECT_EQ(r.arg.text, "filename");
  EXPECT_EQ(r.arg.form, FieldArg::Form::Dot);
}

TEST(Arguments, ReferenceLengthInOutputFormats) {
  EXPECT_EQ(reg().reference_length("proc.name)"), 9u);
  EXPECT_EQ(reg().reference_length("proc.exepath x"), 12u);
  EXPECT_EQ(reg().reference_length("proc.aname[2] x"), 13u);
  EXPECT_EQ(reg().reference_length("evt.arg.fd,"), 10u);
  EXPECT_EQ(reg().reference_length("evt.args "), 8u);
  EXPECT_EQ(reg().reference_length("fd.name."), 7u);
  EXPECT_EQ(reg().reference_length("container.mount.dest[/etc] "), 26u);
  EXPECT_EQ(reg().reference_length("nosuch.field"), 0u);
}

// ---- --list -----------------------------------------------------------------------------------

TEST(List, FalcoLayout) {
  std::ostringstream os;
  print_field_list(os, reg(), ListOptions{});
  const std::string s = os.str();
  EXPECT_NE(s.find("Field Class:                  evt (Syscall events only)\n"), std::string::npos);
  EXPECT_NE(s.find("Field Class:                  process\n"), std::string::npos);
  EXPECT_NE(s.find("Field Class:                  fs.path\n"), std::string::npos);
  EXPECT_NE(s.find("\nproc.name                     Short command name of the process"),
            std::string::npos);
  EXPECT_NE(s.find("(ARG_ALLOWED,EPF_NO_RHS,EPF_NO_TRANSFORMER) proc.name of an ancestor"),
            std::string::npos);
  // Hidden and deprecated fields are not listed by default.
  EXPECT_EQ(s.find("\nthread.nametid "), std::string::npos);
  EXPECT_EQ(s.find("\nevt.latency "), std::string::npos);
  // Lines wrap at 120 columns.
  std::istringstream lines(s);
  std::string line;
  while (std::getline(lines, line)) EXPECT_LE(line.size(), 121u) << line;
}

TEST(List, VerboseAddsTypes) {
  std::ostringstream os;
  print_field_list(os, reg(), ListOptions{.verbose = true});
  EXPECT_NE(
      os.str().find("proc.pid                      (Type: INT64) Process id (thread group id)"),
      std::string::npos);
}

TEST(List, NamesOnly) {
  std::ostringstream os;
  print_field_list(os, reg(), ListOptions{.names_only = true});
  EXPECT_NE(os.str().find("\nfd.name\n"), std::string::npos);
}

}  // namespace
}  // namespace saker::fields
