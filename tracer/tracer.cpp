#include "tracer/tracer.h"

#include <sched.h>
#include <signal.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "tracer/arch.h"
#include "tracer/attach.h"
#include "tracer/filter_injection.h"
#include "tracer/signals.h"
#include "tracer/spawn.h"
#include "tracer/syscall_stop.h"

namespace saker::tracer {
namespace {

SyscallSet with_always(SyscallSet s) {
  SyscallSet a;
  a.names = SyscallSet::always();
  s.add(a);
  return s;
}

bool is_group_stop_signal(int sig) {
  return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

}  // namespace

Tracer::Tracer(TracerConfig config, TraceSink& sink)
    : config_(std::move(config)), sink_(sink), matcher_(with_always(config_.syscalls)) {}

long Tracer::ptrace_options() const {
  long o = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK |
           PTRACE_O_TRACECLONE | PTRACE_O_TRACEEXEC | PTRACE_O_TRACESECCOMP;
  if (config_.exit_events) o |= PTRACE_O_TRACEEXIT;
  // Our filter answers RET_TRACE: a tracee outliving us would see ENOSYS from every traced
  // syscall, so it dies with us. Without a filter (plain -p) the kernel detaches it unharmed.
  if (seccomp_) o |= PTRACE_O_EXITKILL;
  return o;
}

Status Tracer::spawn(const std::vector<std::string>& argv) {
  std::string path = resolve_command(argv[0]);
  if (path.empty()) return Status::Error(argv[0] + ": command not found");
  seccomp_ = config_.use_seccomp;
  if (seccomp_) {
    Status s = filter_.build(with_always(config_.syscalls));
    if (!s.ok()) return s;
  }
  pid_t pid = 0;
  Status s = spawn_traced(path, argv, seccomp_ ? &filter_ : nullptr, ptrace_options(), &pid);
  if (!s.ok()) return s;
  Tracee& t = table_.get_or_add(pid);
  t.tgid = pid;
  t.swallow_sigcont = true;
  main_pid_ = pid;
  signals::set_forward_target(pid);
  return Status::Ok();
}

Status Tracer::attach(pid_t pid) {
  attached_ = true;
  seccomp_ = false;  // seized without EXITKILL: nothing of ours is in the tree yet
  if (config_.use_seccomp) {
    if (Status s = filter_.build(with_always(config_.syscalls)); !s.ok()) return s;
    if (const int rc = filter_.program(&program_); rc != 0)
      return Status::Error(std::string("cannot export the seccomp filter: ") + std::strerror(-rc));
  }
  std::vector<SeizedThread> seized;
  Status s = seize_tree(pid, ptrace_options(), &seized);
  if (!s.ok()) return s;
  seccomp_ = config_.use_seccomp;
  for (const auto& st : seized) {
    Tracee& t = table_.get_or_add(st.tid);
    t.tgid = st.tgid;
    t.needs_filter = seccomp_;
  }
  main_pid_ = pid;
  signals::set_wakeup_tracee(pid);
  return Status::Ok();
}

int Tracer::run() {
  for (;;) {
    if (signals::detach_requested() && !detaching_ && !detach_refused_) start_detach();
    if (detaching_ && table_.empty()) break;
    if (!config_.wait_all && main_done_) break;
    int status = 0;
    pid_t pid = waitpid(-1, &status, __WALL);
    if (pid < 0) {
      if (errno == EINTR) continue;
      if (errno != ECHILD) std::perror("saker-trace: waitpid");
      break;
    }
    handle(pid, status);
  }
  return exit_code_;
}

void Tracer::handle(pid_t pid, int status) {
  Tracee* t = table_.find(pid);
  if (WIFEXITED(status) || WIFSIGNALED(status)) {
    on_death(pid, t, status);
    return;
  }
  if (!WIFSTOPPED(status)) return;
  if (t == nullptr) {
    // A new child or thread whose first stop overtook its parent's fork/clone event: it is
    // auto-attached; the parent's event will tell us its thread group.
    t = &table_.get_or_add(pid);
    // attach -S: whether its process has our filter is known at that event; until then it
    // stops at every syscall (a filter's seccomp stop then tells, see on_seccomp_stop).
    t->needs_filter = attached_ && seccomp_;
  }
  const int sig = WSTOPSIG(status);
  const int event = status >> 16;
  if (t->detaching) {
    detach_at_stop(*t, sig, event);
    return;
  }
  if (sig == (SIGTRAP | 0x80)) {
    on_syscall_stop(*t);
    return;
  }
  switch (event) {
    case 0:
      on_signal_stop(*t, sig);
      return;
    case PTRACE_EVENT_SECCOMP:
      on_seccomp_stop(*t);
      return;
    case PTRACE_EVENT_FORK:
    case PTRACE_EVENT_VFORK:
    case PTRACE_EVENT_CLONE:
      on_fork_event(*t, event);
      return;
    case PTRACE_EVENT_EXEC:
      on_exec_event(*t);
      return;
    case PTRACE_EVENT_EXIT:
      on_exit_event(*t);
      return;
    case PTRACE_EVENT_STOP:
      on_event_stop(*t, sig);
      return;
    default:
      resume(*t, 0);
      return;
  }
}

// Resumes with PTRACE_SYSCALL only when a syscall-exit stop is due (or no filter of ours exists);
// otherwise PTRACE_CONT so that the thread runs untouched until its next RET_TRACE syscall.
void Tracer::resume(Tracee& t, int sig) {
  const auto req = (t.in_syscall || !filtered(t)) ? PTRACE_SYSCALL : PTRACE_CONT;
  ptrace(req, t.tid, nullptr, reinterpret_cast<void*>(static_cast<long>(sig)));
  // ESRCH: killed meanwhile (SIGKILL); its death report follows.
}

void Tracer::announce(Tracee& t) {
  if (t.announced || t.tgid == 0) return;
  t.announced = true;
  sink_.on_process_event(t, ProcessEvent{ProcessEventKind::kNew});
}

void Tracer::on_death(pid_t pid, Tracee* t, int status) {
  if (pid == main_pid_) {
    main_done_ = true;
    exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  if (t == nullptr) return;  // an orphan we reaped as subreaper, not traced
  if (t->tgid == 0) t->tgid = pid;
  announce(*t);
  ProcessEvent ev{ProcessEventKind::kDeath};
  ev.status = status;
  sink_.on_process_event(*t, ev);
  table_.erase(pid);
}

// The syscall entry, wherever it was seen (seccomp stop or syscall-enter stop).
void Tracer::syscall_entry(Tracee& t, const SyscallRegs& regs) {
  announce(t);
  t.cur = regs;  // kept even when not traced: a clone event reads its flags from here
  t.exit_wanted = false;
  if (matcher_.matches(regs.arch, regs.nr, regs.args[0])) {
    t.exit_wanted = sink_.on_syscall_enter(t, regs) == ExitStop::kTake;
  }
}

void Tracer::on_seccomp_stop(Tracee& t) {
  SyscallRegs regs;
  uint32_t data = kTraceData;
  StopOp op = read_syscall_stop(t.tid, true, &regs, &data);
  if (op == StopOp::kGone) return;
  const bool ours = seccomp_ && (data & 0xffff) == kTraceData;
  if (ours && t.in_syscall) {
    // attach -S: a thread resumed with PTRACE_SYSCALL (its entry already seen at the
    // syscall-enter stop) whose process has just got our filter. From now on the filter rules.
    t.needs_filter = false;
    resume(t, 0);
    return;
  }
  if (ours) t.needs_filter = false;
  if (filtered(t)) {
    syscall_entry(t, regs);
    t.in_syscall = t.exit_wanted;
  }
  // Without us the RET_TRACE of the tracee's own filter finds no tracer and the syscall fails
  // with ENOSYS; do exactly that (the sink hears of it: a filter aimed at a tracer is notable).
  if (!ours) {
    ProcessEvent ev{ProcessEventKind::kSeccompTrace};
    ev.status = static_cast<int>(data);
    sink_.on_process_event(t, ev);
    arch_skip_syscall(t.tid, -ENOSYS);
  }
  resume(t, 0);
}

void Tracer::on_syscall_stop(Tracee& t) {
  SyscallRegs regs;
  StopOp op = read_syscall_stop(t.tid, false, &regs, nullptr);
  if (op == StopOp::kGone) return;
  if (op == StopOp::kUnknown) {
    // No PTRACE_GET_SYSCALL_INFO: in seccomp mode we only ever ask for exits; without a filter
    // stops alternate enter/exit per thread.
    op = (filtered(t) || t.in_syscall) ? StopOp::kExit : StopOp::kEntry;
  }
  if (op == StopOp::kEntry) {
    if (filtered(t)) {
      // Kernels < 4.8 report the syscall-enter stop after the seccomp stop; nothing new here.
      resume(t, 0);
      return;
    }
    if (t.needs_filter && !t.filter_refused && t.tgid != 0 && inject_filter(t)) return;
    syscall_entry(t, regs);
    t.in_syscall = true;
    resume(t, 0);
    return;
  }
  // Exit stop. A new child's first stop may be the exit of the fork it never entered: ignore.
  if (t.in_syscall && t.exit_wanted) sink_.on_syscall_exit(t, t.cur, regs);
  t.in_syscall = false;
  t.exit_wanted = false;
  resume(t, 0);
}

void Tracer::on_fork_event(Tracee& t, int event) {
  unsigned long msg = 0;
  ptrace(PTRACE_GETEVENTMSG, t.tid, nullptr, &msg);
  const pid_t child = static_cast<pid_t>(msg);
  if (!t.in_syscall) {
    // No entry stop: the fork family is not in our filter, since every successful fork, vfork
    // and clone comes through here anyway. The kernel still holds the caller's entry registers.
    SyscallRegs regs;
    if (arch_read_syscall_at_event(t.tid, &regs)) {
      announce(t);
      t.cur = regs;
      t.exit_wanted = sink_.on_syscall_enter(t, regs) == ExitStop::kTake;
      t.in_syscall = true;
    }
  }
  ProcessEvent ev{event == PTRACE_EVENT_FORK    ? ProcessEventKind::kFork
                  : event == PTRACE_EVENT_VFORK ? ProcessEventKind::kVfork
                                                : ProcessEventKind::kClone};
  ev.child = child;
  if (event == PTRACE_EVENT_CLONE) {
    uint64_t flags = 0;
    if (arch_clone_flags(t.tid, t.cur, &flags)) {
      ev.is_thread = (flags & CLONE_THREAD) != 0;
    } else {
      ev.is_thread = read_tgid(child) == t.tgid;
    }
  }
  announce(t);
  sink_.on_process_event(t, ev);
  // Past this event the kernel returns the new pid to the caller unconditionally, so the exit
  // stop would tell nothing new: report the exit here and save a stop per fork. Only where the
  // caller's pid namespace is ours (GETEVENTMSG gives the pid as the tracer sees it) and our
  // filter rules its stops (without one, PTRACE_SYSCALL stops at the exit anyway).
  if (child > 0 && t.in_syscall && filtered(t) && shares_our_pidns(t)) {
    if (t.exit_wanted) {
      SyscallRegs ret = t.cur;
      ret.ret = child;
      ret.is_error = false;
      sink_.on_syscall_exit(t, t.cur, ret);
    }
    t.in_syscall = false;
    t.exit_wanted = false;
  }
  if (child > 0) {
    Tracee& c = table_.get_or_add(child);
    c.tgid = ev.is_thread ? t.tgid : child;
    c.needs_filter = t.needs_filter;  // filters are inherited by threads and children
    c.filter_refused = t.filter_refused;
    if (ev.is_thread) c.pidns_ours = t.pidns_ours;  // a thread shares its creator's namespace
    if (!c.startup) announce(c);  // its attach stop came first
  }
  resume(t, 0);
}

// A task's pid namespace never changes (unshare/setns only affect its future children), so
// the answer is asked once per thread.
bool Tracer::shares_our_pidns(Tracee& t) {
  if (t.pidns_ours < 0) {
    static const ino_t ours = [] {
      struct stat st {};
      return stat("/proc/self/ns/pid", &st) == 0 ? st.st_ino : 0;
    }();
    char path[64];
    std::snprintf(path, sizeof(path), "/proc/%d/ns/pid", t.tid);
    struct stat st {};
    t.pidns_ours = (ours != 0 && stat(path, &st) == 0 && st.st_ino == ours) ? 1 : 0;
  }
  return t.pidns_ours == 1;
}

void Tracer::on_exec_event(Tracee& t) {
  unsigned long msg = 0;
  ptrace(PTRACE_GETEVENTMSG, t.tid, nullptr, &msg);
  const pid_t old_tid = static_cast<pid_t>(msg);
  const pid_t tid = t.tid;
  if (old_tid != 0 && old_tid != tid) {
    // A non-leader thread exec'd: the kernel gave it the leader's tid. The old leader vanished
    // without a death report; the exec'ing thread's state continues under the leader's tid.
    if (t.tgid == 0) t.tgid = tid;
    announce(t);
    sink_.on_process_event(t, ProcessEvent{ProcessEventKind::kVanished});
    Tracee* from = table_.find(old_tid);
    if (from != nullptr) {
      Tracee moved = *from;
      table_.erase(old_tid);
      moved.tid = tid;
      t = moved;
    } else {
      t = Tracee{};
      t.tid = tid;
      t.startup = false;
    }
  }
  t.tgid = tid;
  announce(t);
  ProcessEvent ev{ProcessEventKind::kExec};
  ev.old_tid = old_tid ? old_tid : tid;
  sink_.on_process_event(t, ev);
  resume(t, 0);
}

void Tracer::on_exit_event(Tracee& t) {
  unsigned long msg = 0;
  ptrace(PTRACE_GETEVENTMSG, t.tid, nullptr, &msg);
  t.exited = true;
  t.in_syscall = false;
  announce(t);
  ProcessEvent ev{ProcessEventKind::kExit};
  ev.status = static_cast<int>(msg);
  sink_.on_process_event(t, ev);
  resume(t, 0);
}

// PTRACE_EVENT_STOP: a group stop (stop signal), or otherwise the attach stop of a new tracee,
// a PTRACE_INTERRUPT stop, or the end of a group stop (SIGTRAP).
void Tracer::on_event_stop(Tracee& t, int sig) {
  t.startup = false;
  announce(t);
  if (is_group_stop_signal(sig)) {
    // Stay stopped like an untraced process would, but keep receiving events (SIGCONT, death).
    // The real parent is notified of the stop by the kernel as without ptrace.
    // (The spawned child's own startup SIGSTOP is ours, not the workload's: not reported.)
    if (!t.group_stopped && !t.swallow_sigcont) {
      t.group_stopped = true;
      ProcessEvent ev{ProcessEventKind::kGroupStop};
      ev.signal = sig;
      sink_.on_process_event(t, ev);
    }
    ptrace(PTRACE_LISTEN, t.tid, nullptr, nullptr);
    return;
  }
  t.group_stopped = false;
  resume(t, 0);
}

// Signal-delivery stop: re-inject the signal unchanged (same number, so the kernel keeps the
// original siginfo).
void Tracer::on_signal_stop(Tracee& t, int sig) {
  if (sig == SIGCONT && t.swallow_sigcont) {
    t.swallow_sigcont = false;  // ours, from the spawn handshake
    resume(t, 0);
    return;
  }
  announce(t);
  ProcessEvent ev{ProcessEventKind::kSignal};
  ev.signal = sig;
  sink_.on_process_event(t, ev);
  resume(t, sig);
}

bool Tracer::inject_filter(Tracee& t) {
  const pid_t tid = t.tid;
  const pid_t tgid = t.tgid;
  const InjectionResult r = inject_seccomp_filter(tid, program_);
  switch (r.kind) {
    case InjectionResult::Kind::kNotHere:
      return false;
    case InjectionResult::Kind::kInstalled:
      // TSYNC put it on every thread of the process.
      table_.for_each([&](Tracee& o) {
        if (o.tgid == tgid) o.needs_filter = false;
      });
      // From now on a tracee left without us would see ENOSYS: it dies with us, as spawned ones.
      ptrace(PTRACE_SETOPTIONS, tid, nullptr, reinterpret_cast<void*>(ptrace_options()));
      if (r.set_no_new_privs)
        std::fprintf(stderr, "saker-trace: process %d had no CAP_SYS_ADMIN: no_new_privs set to install the filter\n", tgid);
      break;
    case InjectionResult::Kind::kFailed:
      std::fprintf(stderr, "saker-trace: process %d: cannot install the seccomp filter (%s); tracing it without\n",
                   tgid, r.error.c_str());
      table_.for_each([&](Tracee& o) {
        if (o.tgid == tgid) o.filter_refused = true;
      });
      break;
    case InjectionResult::Kind::kLost:
      if (r.status != 0) handle(tid, r.status);
      return true;
  }
  // Either way the thread now re-executes the syscall it was entering: its entry comes again.
  t.in_syscall = false;
  t.exit_wanted = false;
  resume(t, 0);
  return true;
}

void Tracer::start_detach() {
  if (seccomp_) {
    bool ours_left = false;
    table_.for_each([&](Tracee& t) { ours_left = ours_left || !t.needs_filter; });
    if (ours_left) {
      // The filter cannot be removed, and without us its RET_TRACE would fail their syscalls.
      detach_refused_ = true;
      std::fprintf(stderr, "saker-trace: not detaching: the attached processes carry our seccomp filter (-S); "
                           "tracing goes on until they exit\n");
      return;
    }
  }
  detaching_ = true;
  table_.for_each([](Tracee& t) {
    t.detaching = true;
    ptrace(PTRACE_INTERRUPT, t.tid, nullptr, nullptr);
  });
}

void Tracer::detach_at_stop(Tracee& t, int sig, int event) {
  // A signal-delivery stop carries a signal the thread must still get; a group stop stays a
  // stop after the detach (the kernel leaves it in TASK_STOPPED).
  const int deliver = (event == 0 && sig != (SIGTRAP | 0x80)) ? sig : 0;
  ptrace(PTRACE_DETACH, t.tid, nullptr, reinterpret_cast<void*>(static_cast<long>(deliver)));
  table_.erase(t.tid);
}

}  // namespace saker::tracer
