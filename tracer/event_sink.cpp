#include "tracer/event_sink.h"

#include <sched.h>
#include <time.h>

#include "engine/events/event_types.h"
#include "engine/events/syscall_map.h"
#include "tracer/arch.h"
#include "tracer/syscall_set.h"

namespace saker::tracer {

using namespace saker::events;

namespace {
constexpr uint64_t kCloneIntoCgroup = 0x200000000ull;  // clone3: the child starts in another cgroup
}  // namespace

EventSink::EventSink(EventOutput& out, bool checked) : out_(out), b_(checked) {
  by_nr_.assign(native_syscall_count(), encode::NamedEncoder{nullptr, nullptr, nullptr});
  auto add = [&](const encode::NamedEncoder* tab, size_t n) {
    for (size_t i = 0; i < n; ++i) {
      const int32_t nr = native_syscall_nr(tab[i].syscall);
      if (nr >= 0) by_nr_[nr] = tab[i];
    }
  };
  add(encode::kFileEncoders, encode::kFileEncodersCount);
  add(encode::kProcessEncoders, encode::kProcessEncodersCount);
  add(encode::kNetEncoders, encode::kNetEncodersCount);
  i386_to_native_.assign(1024, -2);  // -2: not looked up yet
}

int32_t EventSink::native_nr(const SyscallRegs& r) {
  if (r.nr < 0) return -1;
  if (r.arch == kAuditArchI386) {
    if (r.nr >= static_cast<int64_t>(i386_to_native_.size())) return -1;
    int32_t& slot = i386_to_native_[r.nr];
    if (slot == -2) slot = native_syscall_nr(syscall_name(r.arch, r.nr));
    return slot;
  }
  const int64_t nr = r.nr & ~static_cast<int64_t>(kX32SyscallBit);
  return nr < static_cast<int64_t>(native_syscall_count()) ? static_cast<int32_t>(nr) : -1;
}

uint64_t EventSink::now_ns() {
  timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  uint64_t now = static_cast<uint64_t>(ts.tv_sec) * 1000000000ull + static_cast<uint64_t>(ts.tv_nsec);
  if (now <= last_ts_) now = last_ts_ + 1;
  last_ts_ = now;
  return now;
}

bool EventSink::begin(uint16_t type, uint32_t budget) {
  std::span<uint8_t> buf = out_.begin(budget);
  if (buf.empty()) return false;
  if (!b_.start(type, buf)) {
    out_.commit(0);
    ++stats_.encode_errors;
    last_error_.assign(b_.error());
    return false;
  }
  return true;
}

void EventSink::finish(pid_t tid) {
  const uint32_t len = b_.finish(now_ns(), static_cast<uint64_t>(tid));
  if (len == 0) {
    ++stats_.encode_errors;
    last_error_.assign(b_.error());
  } else {
    ++stats_.events;
  }
  out_.commit(len);
}

encode::Ctx EventSink::ctx(Tracee& t, const SyscallRegs& in, int32_t nr) {
  encode::Ctx c{b_, h_, pending_[t.tid], t.tid, t.tgid != 0 ? t.tgid : t.tid, in};
  c.nr = static_cast<uint32_t>(nr);
  c.ptr_size = (in.arch == kAuditArchI386 || (in.nr >= 0 && (in.nr & kX32SyscallBit))) ? 4 : 8;
  return c;
}

ExitStop EventSink::on_syscall_enter(Tracee& t, const SyscallRegs& regs) {
  facts_of_fork_ = 0;
  const int32_t nr = native_nr(regs);
  if (nr < 0) return ExitStop::kTake;  // reported as a generic event at the exit
  const SyscallEvents ev = syscall_events(static_cast<uint32_t>(nr));
  const encode::NamedEncoder& enc = by_nr_[nr];
  if (enc.enter != nullptr) {
    encode::Ctx c = ctx(t, regs, nr);
    if (ev.enter != kNoEvent) {
      if (begin(ev.enter, kSmallEventMax)) {
        enc.enter(c);
        finish(t.tid);
      }
    } else {
      enc.enter(c);  // no enter event: only remembers what the exit needs (execve's filename)
    }
  }
  return syscall_needs_exit(static_cast<uint32_t>(nr)) ? ExitStop::kTake : ExitStop::kSkip;
}

void EventSink::on_syscall_exit(Tracee& t, const SyscallRegs& entry, const SyscallRegs& exit) {
  const bool facts_of_fork = facts_of_fork_ == t.tid;
  facts_of_fork_ = 0;
  const int32_t nr = native_nr(entry);
  const SyscallEvents ev = nr >= 0 ? syscall_events(static_cast<uint32_t>(nr))
                                   : SyscallEvents{kNoEvent, PPME_GENERIC_X, false};
  const encode::NamedEncoder* enc = nr >= 0 ? &by_nr_[nr] : nullptr;
  const bool fork = ev.exit == PPME_SYSCALL_CLONE_20_X || ev.exit == PPME_SYSCALL_CLONE3_X ||
                    ev.exit == PPME_SYSCALL_FORK_20_X || ev.exit == PPME_SYSCALL_VFORK_20_X;
  const bool process = fork || ev.exit == PPME_SYSCALL_EXECVE_19_X || ev.exit == PPME_SYSCALL_EXECVEAT_X;
  if (!begin(ev.exit, process ? kProcessEventMax : kSmallEventMax)) return;
  if (ev.specific && enc != nullptr && enc->exit != nullptr) {
    encode::Ctx c = ctx(t, entry, nr);
    c.ret = exit.ret;
    c.at_exit = true;
    c.facts_ready = facts_of_fork && fork;
    enc->exit(c);
  } else {
    b_.add_u16(nr >= 0 ? ppm_sc_of_native(static_cast<uint32_t>(nr)) : 0);
    b_.add_u16(static_cast<uint16_t>(nr >= 0 ? nr : entry.nr));
  }
  finish(t.tid);
}

void EventSink::emit_procexit(pid_t tid, int status) {
  if (!exit_reported_.insert(tid).second) return;
  if (!begin(PPME_PROCEXIT_1_E, kSmallEventMax)) return;
  encode::encode_procexit(b_, status);
  finish(tid);
}

void EventSink::on_process_event(Tracee& t, const ProcessEvent& ev) {
  facts_of_fork_ = 0;
  switch (ev.kind) {
    case ProcessEventKind::kFork:
    case ProcessEventKind::kVfork:
    case ProcessEventKind::kClone: {
      Child ch;
      ch.parent = t.tid;
      const int32_t nr = native_nr(t.cur);
      ch.exit_type = nr >= 0 ? syscall_events(static_cast<uint32_t>(nr)).exit : kNoEvent;
      if (ch.exit_type == kNoEvent || ch.exit_type == PPME_GENERIC_X) {
        ch.exit_type = ev.kind == ProcessEventKind::kFork    ? PPME_SYSCALL_FORK_20_X
                       : ev.kind == ProcessEventKind::kVfork ? PPME_SYSCALL_VFORK_20_X
                                                             : PPME_SYSCALL_CLONE_20_X;
      }
      uint64_t flags = 0;
      if (!arch_clone_flags(t.tid, t.cur, &flags)) {
        flags = ev.kind == ProcessEventKind::kVfork ? (CLONE_VM | CLONE_VFORK) : 0;
      }
      if (ev.kind == ProcessEventKind::kClone && ev.is_thread) flags |= CLONE_THREAD;
      ch.flags = flags;
      if (ev.child <= 0) return;
      // The parent is stopped inside the fork: its facts now are what the child starts with
      // and what its own exit event reports (which follows before anything else happens).
      if (h_.proc.read(t.tid, t.tgid, ProcReader::kClone, &h_.facts)) {
        const ProcFacts& f = h_.facts;
        ch.inherited = true;
        ch.exe = f.exe;
        ch.args = f.args;
        ch.comm = f.comm;
        ch.cwd = f.cwd;
        ch.cgroups = f.cgroups;
        ch.fdlimit = f.fdlimit;
        facts_of_fork_ = t.tid;
      }
      children_[ev.child] = std::move(ch);
      return;
    }
    case ProcessEventKind::kNew: {
      auto it = children_.find(t.tid);
      if (it == children_.end()) return;  // the spawned or attached root: no clone to report
      Child ch = std::move(it->second);
      children_.erase(it);
      if (!begin(ch.exit_type, kProcessEventMax)) return;
      SyscallRegs none;
      encode::Ctx c = ctx(t, none, -1);
      c.at_exit = true;
      if (ch.inherited) {
        ProcFacts& f = h_.facts;
        uint32_t own = ProcReader::kStatus | ProcReader::kStat;
        if (ch.flags & kCloneIntoCgroup) own |= ProcReader::kCgroups;  // placed elsewhere
        else f.cgroups.swap(ch.cgroups);
        c.facts_ready = h_.proc.read(t.tid, t.tgid, own, &f);
        f.fdlimit = ch.fdlimit;
        f.exe.swap(ch.exe);
        f.args.swap(ch.args);
        f.comm.swap(ch.comm);
        f.cwd.swap(ch.cwd);
      }
      encode::encode_clone_exit(c, 0, ch.flags, true);
      finish(t.tid);
      return;
    }
    case ProcessEventKind::kExec:
      if (ev.old_tid != 0 && ev.old_tid != t.tid) {
        auto it = pending_.find(ev.old_tid);
        if (it != pending_.end()) {
          pending_[t.tid] = std::move(it->second);
          pending_.erase(ev.old_tid);
        }
        exit_reported_.erase(ev.old_tid);
      }
      h_.forget_process(t.tgid);
      return;
    case ProcessEventKind::kExit:
      emit_procexit(t.tid, ev.status);
      return;
    case ProcessEventKind::kVanished:
      // The old leader, replaced by the thread that exec'd; its tid lives on in that thread.
      emit_procexit(t.tid, 0);
      exit_reported_.erase(t.tid);
      return;
    case ProcessEventKind::kDeath:
      emit_procexit(t.tid, ev.status);
      exit_reported_.erase(t.tid);
      pending_.erase(t.tid);
      children_.erase(t.tid);
      if (t.tid == t.tgid) h_.forget_process(t.tgid);
      out_.flush();
      return;
    default:
      return;
  }
}

}  // namespace saker::tracer
