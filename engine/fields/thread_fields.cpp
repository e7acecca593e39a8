// Field class `thread` (Falco's "process" class, thread.* part): facts of the thread itself
// rather than its process (id, capabilities, cgroups, page faults).
#include "engine/fields/bound_field.h"
#include "engine/fields/classes.h"
#include "engine/state/state.h"

namespace saker::fields {
namespace {

using T = FieldType;
using PF = PrintFormat;
using Arg = ArgSyntax;

constexpr FieldInfo kFields[] = {
    {"thread.cap_permitted", T::Charbuf, PF::NA, kNone, Arg::None, "Permitted capabilities",
     "The permitted capabilities set"},
    {"thread.cap_inheritable", T::Charbuf, PF::NA, kNone, Arg::None, "Inheritable capabilities",
     "The inheritable capabilities set"},
    {"thread.cap_effective", T::Charbuf, PF::NA, kNone, Arg::None, "Effective capabilities",
     "The effective capabilities set"},
    {"thread.pfmajor", T::Uint64, PF::Dec, kNone, Arg::None, "Major Page Faults",
     "Number of major page faults since thread start."},
    {"thread.pfminor", T::Uint64, PF::Dec, kNone, Arg::None, "Minor Page Faults",
     "Number of minor page faults since thread start."},
    {"thread.tid", T::Int64, PF::Id, kNone, Arg::None, "Thread ID",
     "The id of the thread generating the event."},
    {"thread.ismain", T::Bool, PF::NA, kNone, Arg::None, "Main Thread",
     "'true' if the thread generating the event is the main one in the process."},
    {"thread.vtid", T::Int64, PF::Id, kNone, Arg::None, "Virtual Thread ID",
     "The id of the thread generating the event as seen from its current PID namespace."},
    {"thread.nametid", T::Charbuf, PF::NA, kHidden, Arg::None, "Thread Name + ID",
     "This field chains the process name and tid of a thread and can be used as a specific "
     "identifier of a thread for a specific execve."},
    {"thread.exectime", T::Reltime, PF::Dec, kNone, Arg::None, "Scheduled Thread CPU Time",
     "CPU time spent by the last scheduled thread, in nanoseconds. Exported by switch events "
     "only."},
    {"thread.totexectime", T::Reltime, PF::Dec, kNone, Arg::None, "Current Thread CPU Time",
     "Total CPU time, in nanoseconds since the beginning of the capture, for the current "
     "thread. Exported by switch events only."},
    {"thread.cgroups", T::Charbuf, PF::NA, kNone, Arg::None, "Thread Cgroups",
     "All cgroups the thread belongs to, aggregated into a single string."},
    {"thread.cgroup", T::Charbuf, PF::NA, kArgRequired, Arg::DotKey, "Thread Cgroup",
     "The cgroup the thread belongs to, for a specific subsystem. e.g. thread.cgroup.cpuacct."},
    {"thread.cpu", T::Double, PF::NA, kNone, Arg::None, "Thread CPU",
     "The CPU consumed by the thread in the last second."},
    {"thread.cpu.user", T::Double, PF::NA, kNone, Arg::None, "Thread User CPU",
     "The user CPU consumed by the thread in the last second."},
    {"thread.cpu.system", T::Double, PF::NA, kNone, Arg::None, "Thread System CPU",
     "The system CPU consumed by the thread in the last second."},
    {"thread.vmsize", T::Uint64, PF::Dec, kNone, Arg::None, "Thread VM Size (kb)",
     "For the process main thread, this is the total virtual memory for the process (as kb). "
     "For the other threads, this field is zero."},
    {"thread.vmrss", T::Uint64, PF::Dec, kNone, Arg::None, "Thread VM RSS (kb)",
     "For the process main thread, this is the resident non-swapped memory for the process (as"
     " kb). For the other threads, this field is zero."},
    {"thread.vmsize.b", T::Uint64, PF::Dec, kHidden, Arg::None, "Thread VM Size (b)",
     "For the process main thread, this is the total virtual memory for the process (in "
     "bytes). For the other threads, this field is zero."},
    {"thread.vmrss.b", T::Uint64, PF::Dec, kHidden, Arg::None, "Thread VM RSS (b)",
     "For the process main thread, this is the resident non-swapped memory for the process (in"
     " bytes). For the other threads, this field is zero."},
};

using state::ThreadInfo;

// Linux capability names by bit number, as Falco prints capability sets.
constexpr std::string_view kCapabilities[] = {
    "CAP_CHOWN",
    "CAP_DAC_OVERRIDE",
    "CAP_DAC_READ_SEARCH",
    "CAP_FOWNER",
    "CAP_FSETID",
    "CAP_KILL",
    "CAP_SETGID",
    "CAP_SETUID",
    "CAP_SETPCAP",
    "CAP_LINUX_IMMUTABLE",
    "CAP_NET_BIND_SERVICE",
    "CAP_NET_BROADCAST",
    "CAP_NET_ADMIN",
    "CAP_NET_RAW",
    "CAP_IPC_LOCK",
    "CAP_IPC_OWNER",
    "CAP_SYS_MODULE",
    "CAP_SYS_RAWIO",
    "CAP_SYS_CHROOT",
    "CAP_SYS_PTRACE",
    "CAP_SYS_PACCT",
    "CAP_SYS_ADMIN",
    "CAP_SYS_BOOT",
    "CAP_SYS_NICE",
    "CAP_SYS_RESOURCE",
    "CAP_SYS_TIME",
    "CAP_SYS_TTY_CONFIG",
    "CAP_MKNOD",
    "CAP_LEASE",
    "CAP_AUDIT_WRITE",
    "CAP_AUDIT_CONTROL",
    "CAP_SETFCAP",
    "CAP_MAC_OVERRIDE",
    "CAP_MAC_ADMIN",
    "CAP_SYSLOG",
    "CAP_WAKE_ALARM",
    "CAP_BLOCK_SUSPEND",
    "CAP_AUDIT_READ",
    "CAP_PERFMON",
    "CAP_BPF",
    "CAP_CHECKPOINT_RESTORE",
};

class ThreadField;
using ThreadFn = bool (*)(const ThreadField& f, const EvalContext& ctx, const ThreadInfo& t,
                          FieldValue& out);

class ThreadField final : public BoundField {
 public:
  ThreadField(const FieldInfo& info, ThreadFn fn) : BoundField(info), fn_(fn) {}
  bool extract(const EvalContext& ctx, FieldValue& out) const override {
    out.clear();
    if (ctx.evt == nullptr) return false;
    if (ctx.thread == nullptr) {
      // thread.tid comes from the event itself.
      if (std::string_view(info().name) != "thread.tid") return false;
      out.set_int(static_cast<int64_t>(ctx.evt->tid()));
      return true;
    }
    return fn_(*this, ctx, *ctx.thread, out) && out.present();
  }
  std::string& buf() const { return scratch(); }
  std::string key;  // thread.cgroup.SUBSYS

 private:
  ThreadFn fn_;
};

#define THREAD_FN(name)                                                                   \
  bool name([[maybe_unused]] const ThreadField& f, [[maybe_unused]] const EvalContext& c, \
            [[maybe_unused]] const ThreadInfo& t, FieldValue& o)

bool caps(const ThreadField& f, uint64_t set, FieldValue& o) {
  std::string& s = f.buf();
  s.clear();
  for (size_t i = 0; i < std::size(kCapabilities); ++i) {
    if (set & (uint64_t{1} << i)) {
      if (!s.empty()) s += ' ';
      s += kCapabilities[i];
    }
  }
  o.set_str(s);
  return true;
}

THREAD_FN(x_cap_permitted) { return caps(f, t.cap_permitted, o); }
THREAD_FN(x_cap_inheritable) { return caps(f, t.cap_inheritable, o); }
THREAD_FN(x_cap_effective) { return caps(f, t.cap_effective, o); }
THREAD_FN(x_pfmajor) {
  o.set_uint(t.pfmajor);
  return true;
}
THREAD_FN(x_pfminor) {
  o.set_uint(t.pfminor);
  return true;
}
THREAD_FN(x_tid) {
  o.set_int(static_cast<int64_t>(c.evt->tid()));
  return true;
}
THREAD_FN(x_ismain) {
  o.set_bool(t.is_leader());
  return true;
}
THREAD_FN(x_vtid) {
  if (t.vtid == -1) return false;
  o.set_int(t.vtid);
  return true;
}
THREAD_FN(x_nametid) {
  std::string& s = f.buf();
  s.assign(t.comm);
  s += std::to_string(c.evt->tid());
  o.set_str(s);
  return true;
}
THREAD_FN(x_cgroups) {
  const size_t n = std::min(t.cgroups_subsys.size(), t.cgroups_path.size());
  if (n == 0) return false;
  std::string& s = f.buf();
  s.clear();
  for (size_t i = 0; i < n; ++i) {
    if (i) s += ' ';
    s += t.cgroups_subsys[i];
    s += '=';
    s += t.cgroups_path[i];
  }
  o.set_str(s);
  return true;
}
THREAD_FN(x_cgroup) {
  const size_t n = std::min(t.cgroups_subsys.size(), t.cgroups_path.size());
  for (size_t i = 0; i < n; ++i) {
    if (t.cgroups_subsys[i] == f.key) {
      o.set_str(t.cgroups_path[i]);
      return true;
    }
  }
  return false;
}
const ThreadInfo& main_of(const EvalContext& c, const ThreadInfo& t) {
  return *c.state->leader_of(t);
}
THREAD_FN(x_vmsize) {
  o.set_uint(t.is_leader() ? main_of(c, t).vmsize_kb : 0);
  return true;
}
THREAD_FN(x_vmrss) {
  o.set_uint(t.is_leader() ? main_of(c, t).vmrss_kb : 0);
  return true;
}
THREAD_FN(x_vmsize_b) {
  o.set_uint(t.is_leader() ? uint64_t{main_of(c, t).vmsize_kb} * 1024 : 0);
  return true;
}
THREAD_FN(x_vmrss_b) {
  o.set_uint(t.is_leader() ? uint64_t{main_of(c, t).vmrss_kb} * 1024 : 0);
  return true;
}

#undef THREAD_FN

struct Extractor {
  std::string_view name;
  ThreadFn fn;
};

constexpr Extractor kExtractors[] = {
    {"thread.cap_permitted", x_cap_permitted},
    {"thread.cap_inheritable", x_cap_inheritable},
    {"thread.cap_effective", x_cap_effective},
    {"thread.pfmajor", x_pfmajor},
    {"thread.pfminor", x_pfminor},
    {"thread.tid", x_tid},
    {"thread.ismain", x_ismain},
    {"thread.vtid", x_vtid},
    {"thread.nametid", x_nametid},
    {"thread.cgroups", x_cgroups},
    {"thread.cgroup", x_cgroup},
    {"thread.vmsize", x_vmsize},
    {"thread.vmrss", x_vmrss},
    {"thread.vmsize.b", x_vmsize_b},
    {"thread.vmrss.b", x_vmrss_b},
};

std::unique_ptr<BoundField> bind_thread(const BindRequest& req, std::string& error) {
  (void)error;
  for (const Extractor& e : kExtractors) {
    if (e.name == req.info.name) {
      auto f = std::make_unique<ThreadField>(req.info, e.fn);
      if (req.arg.present()) f->key.assign(req.arg.text);
      return f;
    }
  }
  return nullptr;
}

}  // namespace

const FieldClass& thread_class() {
  static constexpr FieldClass c{
      "thread", "process",
      "",       "Additional information about the process and thread executing the syscall event.",
      kFields,  bind_thread};
  return c;
}

}  // namespace saker::fields
