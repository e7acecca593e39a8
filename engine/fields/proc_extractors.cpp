// The per-event extractors of the proc class (catalog and binding: proc_fields.cpp), reading
// the state engine's thread table: the process, its parent chain, its session and group leaders.
#include <vector>

#include "engine/fields/proc_field.h"
#include "engine/state/state.h"

namespace saker::fields::proc_detail {
namespace {

// Longest ancestor walk; protects against parent loops in corrupt state.
constexpr uint32_t kMaxAncestors = 256;

const ThreadInfo* leader(const EvalContext& c, const ThreadInfo& t) {
  return c.state->leader_of(t);
}
const ThreadInfo* parent_proc(const EvalContext& c, const ThreadInfo& t) {
  return c.state->ancestor(t, 1);
}

// Calls f(ancestor) for each ancestor process, parent first, until f returns false.
template <typename F>
void for_each_ancestor(const EvalContext& c, const ThreadInfo& t, F&& f) {
  const ThreadInfo* start = leader(c, t);
  const ThreadInfo* cur = start;
  for (uint32_t i = 0; i < kMaxAncestors; ++i) {
    const ThreadInfo* p = c.state->parent_of(*cur);
    if (p == nullptr) return;
    p = c.state->leader_of(*p);
    if (p == cur || p == start) return;
    if (!f(*p)) return;
    cur = p;
  }
}

// ---- string pieces ---------------------------------------------------------------------------

void append_args(std::string& s, const ThreadInfo& t) {
  for (size_t i = 0; i < t.args.size(); ++i) {
    if (i) s += ' ';
    s += t.args[i];
  }
}
void append_cmdline(std::string& s, const ThreadInfo& t) {
  s += t.comm;
  for (const std::string& a : t.args) {
    s += ' ';
    s += a;
  }
}
void append_env(std::string& s, const std::vector<std::string>& env) {
  for (size_t i = 0; i < env.size(); ++i) {
    if (i) s += ' ';
    s += env[i];
  }
}
// The value of NAME in an environment ("NAME=value"), or false.
bool env_value(const std::vector<std::string>& env, std::string_view name, std::string_view& v) {
  for (const std::string& e : env) {
    std::string_view s = e;
    if (s.size() > name.size() && s.starts_with(name) && s[name.size()] == '=') {
      v = s.substr(name.size() + 1);
      return true;
    }
  }
  return false;
}

// Which string of a process an ancestor field reads.
enum class Part { Name, Exe, ExePath, Cmdline, Args, Env };

void append_part(std::string& s, const EvalContext& c, const ThreadInfo& p, Part part) {
  switch (part) {
    case Part::Name:
      s += p.comm;
      break;
    case Part::Exe:
      s += p.exe;
      break;
    case Part::ExePath:
      s += p.exepath;
      break;
    case Part::Cmdline:
      append_cmdline(s, p);
      break;
    case Part::Args:
      append_args(s, p);
      break;
    case Part::Env:
      append_env(s, c.state->env_of(p));
      break;
  }
}

// proc.a*[N] (one ancestor; N = 0 is the process itself) or proc.a* (list of all ancestors).
bool ancestor_part(const ProcField& f, const EvalContext& c, const ThreadInfo& t, Part part,
                   FieldValue& o) {
  std::string& s = f.buf();
  s.clear();
  if (f.index >= 0) {
    const ThreadInfo* a = c.state->ancestor(t, static_cast<uint32_t>(f.index));
    if (a == nullptr) return false;
    append_part(s, c, *a, part);
    o.set_str(s);
    return true;
  }
  f.offsets.clear();
  for_each_ancestor(c, t, [&](const ThreadInfo& a) {
    f.offsets.push_back(s.size());
    append_part(s, c, a, part);
    return true;
  });
  if (f.offsets.empty()) return false;
  f.offsets.push_back(s.size());
  f.items.resize(f.offsets.size() - 1);
  for (size_t i = 0; i + 1 < f.offsets.size(); ++i) {
    f.items[i].set_str(std::string_view(s).substr(f.offsets[i], f.offsets[i + 1] - f.offsets[i]));
  }
  o.set_list(f.items);
  return true;
}

// The leader of t's session / process group: the process whose id is the group id when it is
// known (outside pid namespaces), else the eldest ancestor in the same group.
template <typename Id>
const ThreadInfo* group_leader(const EvalContext& c, const ThreadInfo& t, Id id_of) {
  const ThreadInfo* self = leader(c, t);
  const int64_t id = id_of(*self);
  if (id >= 0 && !self->in_pid_namespace()) {
    if (const ThreadInfo* l = c.state->thread(id)) return l;
  }
  // (An unknown id, -1 in old captures, still walks the lineage, as sysdig does.)
  const ThreadInfo* found = self;
  for_each_ancestor(c, t, [&](const ThreadInfo& a) {
    if (id_of(a) != id) return false;
    found = &a;
    return true;
  });
  return found;
}
const ThreadInfo* session_leader(const EvalContext& c, const ThreadInfo& t) {
  return group_leader(c, t, [](const ThreadInfo& x) { return x.sid; });
}
const ThreadInfo* vpgid_leader(const EvalContext& c, const ThreadInfo& t) {
  return group_leader(c, t, [](const ThreadInfo& x) { return x.vpgid; });
}
const ThreadInfo* pgid_leader(const EvalContext& c, const ThreadInfo& t) {
  const ThreadInfo* self = leader(c, t);
  if (self->pgid < 0) return nullptr;
  if (const ThreadInfo* l = c.state->thread(self->pgid)) return l;
  const ThreadInfo* found = self;
  for_each_ancestor(c, t, [&](const ThreadInfo& a) {
    if (a.pgid != self->pgid) return false;
    found = &a;
    return true;
  });
  return found;
}

bool str_of(const ThreadInfo* p, Part part, const ProcField& f, const EvalContext& c,
            FieldValue& o) {
  if (p == nullptr) return false;
  switch (part) {
    case Part::Name:
      o.set_str(p->comm);
      return true;
    case Part::Exe:
      o.set_str(p->exe);
      return true;
    case Part::ExePath:
      o.set_str(p->exepath);
      return true;
    default:
      break;
  }
  std::string& s = f.buf();
  s.clear();
  append_part(s, c, *p, part);
  o.set_str(s);
  return true;
}

// ---- extractors --------------------------------------------------------------------------

#define PROC_FN(name)                                                                   \
  bool name([[maybe_unused]] const ProcField& f, [[maybe_unused]] const EvalContext& c, \
            [[maybe_unused]] const ThreadInfo& t, FieldValue& o)

PROC_FN(x_exe) { return str_of(&t, Part::Exe, f, c, o); }
PROC_FN(x_pexe) { return str_of(parent_proc(c, t), Part::Exe, f, c, o); }
PROC_FN(x_aexe) { return ancestor_part(f, c, t, Part::Exe, o); }
PROC_FN(x_exepath) { return str_of(&t, Part::ExePath, f, c, o); }
PROC_FN(x_pexepath) { return str_of(parent_proc(c, t), Part::ExePath, f, c, o); }
PROC_FN(x_aexepath) { return ancestor_part(f, c, t, Part::ExePath, o); }
PROC_FN(x_name) { return str_of(&t, Part::Name, f, c, o); }
PROC_FN(x_pname) { return str_of(parent_proc(c, t), Part::Name, f, c, o); }
PROC_FN(x_aname) { return ancestor_part(f, c, t, Part::Name, o); }
PROC_FN(x_args) {
  if (f.index >= 0) {
    if (static_cast<size_t>(f.index) >= t.args.size()) return false;
    o.set_str(t.args[f.index]);
    return true;
  }
  return str_of(&t, Part::Args, f, c, o);
}
PROC_FN(x_aargs) { return ancestor_part(f, c, t, Part::Args, o); }
PROC_FN(x_cmdline) { return str_of(&t, Part::Cmdline, f, c, o); }
PROC_FN(x_pcmdline) { return str_of(parent_proc(c, t), Part::Cmdline, f, c, o); }
PROC_FN(x_acmdline) { return ancestor_part(f, c, t, Part::Cmdline, o); }
PROC_FN(x_cmdnargs) {
  o.set_uint(t.args.size());
  return true;
}
PROC_FN(x_cmdlenargs) {
  uint64_t n = 0;
  for (const std::string& a : t.args) n += a.size();
  o.set_uint(n);
  return true;
}
PROC_FN(x_exeline) {
  std::string& s = f.buf();
  s.assign(t.exe);
  s += ' ';
  append_args(s, t);
  o.set_str(s);
  return true;
}
PROC_FN(x_env) {
  const std::vector<std::string>& env = c.state->env_of(t);
  if (!f.key.empty()) {
    std::string_view v;
    if (!env_value(env, f.key, v)) return false;
    o.set_str(v);
    return true;
  }
  if (f.index >= 0) {
    if (static_cast<size_t>(f.index) >= env.size()) return false;
    o.set_str(env[f.index]);
    return true;
  }
  return str_of(&t, Part::Env, f, c, o);
}
PROC_FN(x_aenv) {
  if (!f.key.empty()) {
    // The first value of NAME found walking up the lineage (at most 20 levels, as Falco).
    std::string_view v;
    bool found = false;
    uint32_t depth = 0;
    for_each_ancestor(c, t, [&](const ThreadInfo& a) {
      if (++depth > 20) return false;
      found = env_value(c.state->env_of(a), f.key, v);
      return !found;
    });
    if (!found) return false;
    o.set_str(v);
    return true;
  }
  return ancestor_part(f, c, t, Part::Env, o);
}
PROC_FN(x_cwd) {
  o.set_str(c.state->cwd_of(t));
  return true;
}
PROC_FN(x_loginshellid) {
  // The eldest process in the lineage (itself included) whose name ends with "sh".
  auto is_shell = [](const ThreadInfo& p) { return p.comm.ends_with("sh"); };
  const ThreadInfo* self = leader(c, t);
  int64_t pid = -1;
  bool found = false;
  if (is_shell(*self)) {
    pid = self->pid;
    found = true;
  }
  for_each_ancestor(c, t, [&](const ThreadInfo& a) {
    if (is_shell(a)) {
      pid = a.pid;
      found = true;
    }
    return true;
  });
  if (!found) return false;
  o.set_int(pid);
  return true;
}
PROC_FN(x_tty) {
  o.set_uint(t.tty);
  return true;
}
PROC_FN(x_pid) {
  o.set_int(t.pid);
  return true;
}
PROC_FN(x_ppid) {
  o.set_int(leader(c, t)->ptid);
  return true;
}
PROC_FN(x_apid) {
  if (f.index < 0) {
    // Without an index: every ancestor's pid (a list).
    f.items.clear();
    for_each_ancestor(c, t, [&](const ThreadInfo& a) {
      f.items.emplace_back().set_int(a.pid);
      return true;
    });
    if (f.items.empty()) return false;
    o.set_list(f.items);
    return true;
  }
  const ThreadInfo* a = c.state->ancestor(t, static_cast<uint32_t>(f.index));
  if (a == nullptr) return false;
  o.set_int(a->pid);
  return true;
}
PROC_FN(x_vpid) {
  if (t.vpid == -1) return false;
  o.set_int(t.vpid);
  return true;
}
PROC_FN(x_pvpid) {
  const ThreadInfo* p = c.state->parent_of(t);
  if (p == nullptr) return false;
  o.set_int(p->vpid);
  return true;
}
PROC_FN(x_sid) {
  o.set_int(t.sid);
  return true;
}
PROC_FN(x_sname) { return str_of(session_leader(c, t), Part::Name, f, c, o); }
PROC_FN(x_sid_exe) { return str_of(session_leader(c, t), Part::Exe, f, c, o); }
PROC_FN(x_sid_exepath) { return str_of(session_leader(c, t), Part::ExePath, f, c, o); }
PROC_FN(x_vpgid) {
  o.set_int(t.vpgid);
  return true;
}
PROC_FN(x_vpgid_name) { return str_of(vpgid_leader(c, t), Part::Name, f, c, o); }
PROC_FN(x_vpgid_exe) { return str_of(vpgid_leader(c, t), Part::Exe, f, c, o); }
PROC_FN(x_vpgid_exepath) { return str_of(vpgid_leader(c, t), Part::ExePath, f, c, o); }
PROC_FN(x_pgid) {
  o.set_int(t.pgid);
  return true;
}
PROC_FN(x_pgid_name) { return str_of(pgid_leader(c, t), Part::Name, f, c, o); }
PROC_FN(x_pgid_exe) { return str_of(pgid_leader(c, t), Part::Exe, f, c, o); }
PROC_FN(x_pgid_exepath) { return str_of(pgid_leader(c, t), Part::ExePath, f, c, o); }

bool since(uint64_t now, uint64_t then, FieldValue& o) {
  if (then == 0) return false;
  o.set_uint(now >= then ? now - then : 0);
  return true;
}
PROC_FN(x_duration) { return since(c.evt ? c.evt->ts() : 0, t.clone_ts, o); }
PROC_FN(x_ppid_duration) {
  const ThreadInfo* p = parent_proc(c, t);
  return p != nullptr && since(c.evt ? c.evt->ts() : 0, p->clone_ts, o);
}
PROC_FN(x_pid_ts) {
  if (t.clone_ts == 0) return false;
  o.set_uint(t.clone_ts);
  return true;
}
PROC_FN(x_ppid_ts) {
  const ThreadInfo* p = c.state->parent_of(t);
  if (p == nullptr) return false;
  o.set_uint(p->clone_ts);
  return true;
}
PROC_FN(x_is_exe_writable) {
  o.set_bool(t.exe_writable);
  return true;
}
PROC_FN(x_is_exe_upper_layer) {
  o.set_bool(t.exe_upper_layer);
  return true;
}
PROC_FN(x_is_exe_lower_layer) {
  o.set_bool(t.exe_lower_layer);
  return true;
}
PROC_FN(x_is_exe_from_memfd) {
  o.set_bool(t.exe_from_memfd);
  return true;
}
PROC_FN(x_is_sid_leader) {
  o.set_bool(t.sid == t.vpid);
  return true;
}
PROC_FN(x_is_vpgid_leader) {
  o.set_bool(t.vpgid == t.vpid);
  return true;
}
PROC_FN(x_is_pgid_leader) {
  o.set_bool(t.pgid == t.pid);
  return true;
}
bool nonzero(uint64_t v, FieldValue& o) {
  if (v == 0) return false;
  o.set_uint(v);
  return true;
}
PROC_FN(x_exe_ino) {
  if (t.exe_ino == 0) return false;
  o.set_int(static_cast<int64_t>(t.exe_ino));
  return true;
}
PROC_FN(x_exe_ino_ctime) { return nonzero(t.exe_ino_ctime, o); }
PROC_FN(x_exe_ino_mtime) { return nonzero(t.exe_ino_mtime, o); }
PROC_FN(x_exe_ino_ctime_duration_proc_start) {
  // Time between the last status change of the executable and the process start.
  if (t.exe_ino_ctime == 0 || t.clone_ts == 0 || t.clone_ts < t.exe_ino_ctime) return false;
  return nonzero(t.clone_ts - t.exe_ino_ctime, o);
}
PROC_FN(x_exe_ino_ctime_duration_pidns_start) {
  if (t.exe_ino_ctime == 0 || t.pidns_init_start_ts == 0 ||
      t.exe_ino_ctime < t.pidns_init_start_ts) {
    return false;
  }
  return nonzero(t.exe_ino_ctime - t.pidns_init_start_ts, o);
}
PROC_FN(x_pidns_init_start_ts) { return nonzero(t.pidns_init_start_ts, o); }
PROC_FN(x_fdopencount) {
  const state::FdTable* fds = c.state->fds_of(t);
  o.set_uint(fds ? fds->size() : 0);
  return true;
}
PROC_FN(x_fdlimit) {
  // A thread known only from its events has no limit yet: sysdig shows -1.
  const ThreadInfo* l = leader(c, t);
  o.set_int(l->is_placeholder() && l->fdlimit == 0 ? -1 : l->fdlimit);
  return true;
}
PROC_FN(x_fdusage) {
  const int64_t limit = leader(c, t)->fdlimit;
  if (limit <= 0) return false;
  const state::FdTable* fds = c.state->fds_of(t);
  o.set_double(100.0 * static_cast<double>(fds ? fds->size() : 0) / static_cast<double>(limit));
  return true;
}
PROC_FN(x_vmsize) {
  o.set_uint(leader(c, t)->vmsize_kb);
  return true;
}
PROC_FN(x_vmrss) {
  o.set_uint(leader(c, t)->vmrss_kb);
  return true;
}
PROC_FN(x_vmswap) {
  o.set_uint(leader(c, t)->vmswap_kb);
  return true;
}
PROC_FN(x_nthreads) {
  // Threads of the process; a thread whose exit is being processed still counts, as in sysdig.
  const ThreadInfo* l = leader(c, t);
  int64_t n = l->alive_threads + (t.dead ? 1 : 0);
  o.set_uint(n > 1 ? static_cast<uint64_t>(n) : 1);
  return true;
}
PROC_FN(x_nchilds) {
  // As sysdig: the other threads of the process, counted on its main thread only.
  if (!t.is_leader()) {
    o.set_uint(0);
    return true;
  }
  const int64_t n = t.alive_threads + (t.dead ? 1 : 0) - 1;
  o.set_uint(n > 0 ? static_cast<uint64_t>(n) : 0);
  return true;
}
bool std_fd(const EvalContext& c, const ThreadInfo& t, int64_t fd, bool name, FieldValue& o) {
  const state::FdTable* fds = c.state->fds_of(t);
  const state::FdInfo* fi = fds ? fds->find(fd) : nullptr;
  if (fi == nullptr) return false;
  if (name) {
    o.set_str(fi->name);
  } else {
    o.set_str(fi->typestring());
  }
  return true;
}
PROC_FN(x_stdin_type) { return std_fd(c, t, 0, false, o); }
PROC_FN(x_stdout_type) { return std_fd(c, t, 1, false, o); }
PROC_FN(x_stderr_type) { return std_fd(c, t, 2, false, o); }
PROC_FN(x_stdin_name) { return std_fd(c, t, 0, true, o); }
PROC_FN(x_stdout_name) { return std_fd(c, t, 1, true, o); }
PROC_FN(x_stderr_name) { return std_fd(c, t, 2, true, o); }

#undef PROC_FN

struct Extractor {
  std::string_view name;
  ProcFn fn;
};

constexpr Extractor kExtractors[] = {
    {"proc.exe", x_exe},
    {"proc.pexe", x_pexe},
    {"proc.aexe", x_aexe},
    {"proc.exepath", x_exepath},
    {"proc.pexepath", x_pexepath},
    {"proc.aexepath", x_aexepath},
    {"proc.name", x_name},
    {"proc.pname", x_pname},
    {"proc.aname", x_aname},
    {"proc.args", x_args},
    {"proc.aargs", x_aargs},
    {"proc.cmdline", x_cmdline},
    {"proc.pcmdline", x_pcmdline},
    {"proc.acmdline", x_acmdline},
    {"proc.cmdnargs", x_cmdnargs},
    {"proc.cmdlenargs", x_cmdlenargs},
    {"proc.exeline", x_exeline},
    {"proc.env", x_env},
    {"proc.aenv", x_aenv},
    {"proc.cwd", x_cwd},
    {"proc.loginshellid", x_loginshellid},
    {"proc.tty", x_tty},
    {"proc.pid", x_pid},
    {"proc.ppid", x_ppid},
    {"proc.apid", x_apid},
    {"proc.vpid", x_vpid},
    {"proc.pvpid", x_pvpid},
    {"proc.sid", x_sid},
    {"proc.sname", x_sname},
    {"proc.sid.exe", x_sid_exe},
    {"proc.sid.exepath", x_sid_exepath},
    {"proc.vpgid", x_vpgid},
    {"proc.vpgid.name", x_vpgid_name},
    {"proc.vpgid.exe", x_vpgid_exe},
    {"proc.vpgid.exepath", x_vpgid_exepath},
    {"proc.pgid", x_pgid},
    {"proc.pgid.name", x_pgid_name},
    {"proc.pgid.exe", x_pgid_exe},
    {"proc.pgid.exepath", x_pgid_exepath},
    {"proc.duration", x_duration},
    {"proc.ppid.duration", x_ppid_duration},
    {"proc.pid.ts", x_pid_ts},
    {"proc.ppid.ts", x_ppid_ts},
    {"proc.is_exe_writable", x_is_exe_writable},
    {"proc.is_exe_upper_layer", x_is_exe_upper_layer},
    {"proc.is_exe_lower_layer", x_is_exe_lower_layer},
    {"proc.is_exe_from_memfd", x_is_exe_from_memfd},
    {"proc.is_sid_leader", x_is_sid_leader},
    {"proc.is_vpgid_leader", x_is_vpgid_leader},
    {"proc.is_pgid_leader", x_is_pgid_leader},
    {"proc.exe_ino", x_exe_ino},
    {"proc.exe_ino.ctime", x_exe_ino_ctime},
    {"proc.exe_ino.mtime", x_exe_ino_mtime},
    {"proc.exe_ino.ctime_duration_proc_start", x_exe_ino_ctime_duration_proc_start},
    {"proc.exe_ino.ctime_duration_pidns_start", x_exe_ino_ctime_duration_pidns_start},
    {"proc.pidns_init_start_ts", x_pidns_init_start_ts},
    {"proc.fdopencount", x_fdopencount},
    {"proc.fdlimit", x_fdlimit},
    {"proc.fdusage", x_fdusage},
    {"proc.vmsize", x_vmsize},
    {"proc.vmrss", x_vmrss},
    {"proc.vmswap", x_vmswap},
    {"proc.nthreads", x_nthreads},
    {"proc.nchilds", x_nchilds},
    {"proc.stdin.type", x_stdin_type},
    {"proc.stdout.type", x_stdout_type},
    {"proc.stderr.type", x_stderr_type},
    {"proc.stdin.name", x_stdin_name},
    {"proc.stdout.name", x_stdout_name},
    {"proc.stderr.name", x_stderr_name},
};

}  // namespace

ProcFn proc_extractor(std::string_view name) {
  for (const Extractor& e : kExtractors) {
    if (e.name == name) return e.fn;
  }
  return nullptr;
}

}  // namespace saker::fields::proc_detail
