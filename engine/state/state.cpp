// Thread table maintenance, event dispatch, lookups and seeding. The per-event handlers are in
// proc_events.cpp (processes) and fd_events.cpp (files and sockets).
#include "engine/state/state.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstring>
#include <string>

#include "engine/events/event_types.h"
#include "engine/events/ppm_flags.h"
#include "engine/events/schema.h"
#include "engine/state/container.h"
#include "engine/state/path.h"

namespace saker::state {

using namespace saker::events;

namespace {
constexpr size_t kMaxFreeThreads = 1024;  // ThreadInfo objects kept for reuse
constexpr uint32_t kMaxStoredEnter = 64 * 1024;
constexpr int kMaxAncestorWalk = 4096;  // guards parent-chain walks against loops
const std::string kEmpty;
const std::vector<std::string> kNoEnv;
}  // namespace

bool ThreadInfo::in_pid_namespace() const {
  return (flags & PPM_CL_CHILD_IN_PIDNS) != 0 || (vtid >= 0 && tid != vtid);
}

std::string ThreadInfo::cmdline() const {
  std::string s = comm;
  for (const auto& a : args) {
    s += ' ';
    s += a;
  }
  return s;
}

State::State(StateConfig cfg) : cfg_(cfg) {}
State::~State() = default;

// ---- table maintenance -------------------------------------------------------------------

ThreadInfo* State::find(int64_t tid) {
  if (tid == cache_tid_ && cache_ != nullptr) return cache_;
  auto it = threads_.find(tid);
  if (it == threads_.end()) return nullptr;
  cache_tid_ = tid;
  cache_ = it->second.get();
  return cache_;
}

ThreadInfo* State::insert(int64_t tid) {
  if (threads_.size() >= cfg_.max_threads) {
    ++stats_.thread_drops;
    return nullptr;
  }
  std::unique_ptr<ThreadInfo> t;
  if (!free_.empty()) {
    t = std::move(free_.back());
    free_.pop_back();
    // Reset every field but keep the buffers' capacity where that is cheap.
    std::vector<uint8_t> buf = std::move(t->last_enter);
    std::unique_ptr<FdTable> fds = std::move(t->fds);
    *t = ThreadInfo{};
    t->last_enter = std::move(buf);
    t->last_enter.clear();
    if (fds) {
      fds->clear();
      t->fds = std::move(fds);
    }
  } else {
    t = std::make_unique<ThreadInfo>();
  }
  t->tid = tid;
  ThreadInfo* raw = t.get();
  threads_[tid] = std::move(t);
  cache_tid_ = tid;
  cache_ = raw;
  return raw;
}

ThreadInfo* State::get_or_placeholder(int64_t tid) {
  if (ThreadInfo* t = find(tid)) return t;
  ThreadInfo* t = insert(tid);
  if (t == nullptr) return nullptr;
  // Falco's "invalid" thread: we only know its tid.
  t->pid = tid;  // as Falco: an unknown thread is taken for its process's main thread
  t->comm = "<NA>";
  t->exe = "<NA>";
  t->alive_threads = 1;
  ++stats_.placeholders;
  return t;
}

void State::link_parent(ThreadInfo& t) {
  if (t.ptid <= 0 || t.ptid == t.tid) return;
  if (ThreadInfo* p = find(t.ptid)) {
    if (std::find(p->children.begin(), p->children.end(), t.tid) == p->children.end()) {
      p->children.push_back(t.tid);
    }
  }
}

void State::unlink_parent(ThreadInfo& t) {
  if (t.ptid <= 0) return;
  if (ThreadInfo* p = find(t.ptid)) {
    auto it = std::find(p->children.begin(), p->children.end(), t.tid);
    if (it != p->children.end()) {
      *it = p->children.back();
      p->children.pop_back();
    }
  }
}

void State::set_parent(ThreadInfo& t, int64_t ptid) {
  if (t.ptid == ptid) return;
  unlink_parent(t);
  t.ptid = ptid;
  link_parent(t);
}

ThreadInfo* State::leader_mut(ThreadInfo& t) {
  if (t.pid < 0 || t.pid == t.tid) return &t;
  ThreadInfo* l = find(t.pid);
  return l != nullptr ? l : &t;
}

FdTable& State::fds_mut(ThreadInfo& t) {
  ThreadInfo* l = leader_mut(t);
  if (!l->fds) l->fds = std::make_unique<FdTable>(cfg_.max_fds_per_process);
  return *l->fds;
}

void State::erase_entry(int64_t tid) {
  auto it = threads_.find(tid);
  if (it == threads_.end()) return;
  unlink_parent(*it->second);
  if (cache_tid_ == tid) {
    cache_tid_ = -1;
    cache_ = nullptr;
  }
  if (pending_thread_ == tid) pending_thread_ = -1;
  std::unique_ptr<ThreadInfo> t = std::move(it->second);
  threads_.erase(it);
  ++stats_.threads_removed;
  if (free_.size() < kMaxFreeThreads) {
    t->children.clear();
    t->env.clear();
    t->args.clear();
    if (t->fds && t->fds->size() > 0) t->fds->clear();
    free_.push_back(std::move(t));
  }
}

ThreadInfo* State::find_reaper(ThreadInfo& dying) {
  // 1. Another live thread of the same group.
  ThreadInfo* leader = leader_mut(dying);
  if (leader->alive_threads > 0) {
    if (leader != &dying && !leader->dead) return leader;
    for (auto& [tid, t] : threads_) {
      if (t.get() != &dying && t->pid == dying.pid && !t->dead) return t.get();
    }
  }
  // 2. The closest ancestor process marked as a (sub)reaper, in the same pid namespace.
  const bool ns = dying.in_pid_namespace();
  ThreadInfo* cur = find(dying.ptid);
  for (int steps = 0; cur != nullptr && steps < kMaxAncestorWalk; ++steps) {
    if (cur->in_pid_namespace() != ns) break;
    ThreadInfo* l = leader_mut(*cur);
    if (l->reaper && l->alive_threads > 0 && l != leader) return l->dead ? cur : l;
    if (cur->ptid == cur->tid) break;
    cur = find(cur->ptid);
  }
  // 3. init.
  if (!ns) {
    ThreadInfo* init = find(1);
    if (init != nullptr && init != &dying) return init;
  }
  return nullptr;
}

void State::remove_thread(int64_t tid) {
  ThreadInfo* t = find(tid);
  if (t == nullptr) return;
  ThreadInfo* leader = leader_mut(*t);
  if (!t->dead) {
    t->dead = true;
    --leader->alive_threads;
  }
  if (!t->children.empty()) {
    ThreadInfo* reaper = find_reaper(*t);
    std::vector<int64_t> kids = std::move(t->children);
    t->children.clear();
    for (int64_t c : kids) {
      ThreadInfo* ct = find(c);
      if (ct == nullptr || ct->ptid != t->tid) continue;
      ct->ptid = reaper != nullptr ? reaper->tid : 0;
      if (reaper != nullptr) reaper->children.push_back(c);
    }
  }
  if (leader == t) {
    // The leader stays (dead) while other threads of its group live: they use its fds and cwd.
    if (t->alive_threads <= 0) erase_entry(tid);
  } else {
    const int64_t leader_tid = leader->tid;
    const bool leader_gone = leader->dead && leader->alive_threads <= 0;
    erase_entry(tid);
    if (leader_gone) erase_entry(leader_tid);
  }
}

void State::flush_pending() {
  if (pending_close_fd_ >= 0) {
    if (ThreadInfo* t = find(pending_close_tid_)) {
      ThreadInfo* l = leader_mut(*t);
      if (l->fds) l->fds->erase(pending_close_fd_);
    }
    pending_close_fd_ = -1;
    pending_close_tid_ = -1;
  }
  if (pending_thread_ >= 0) {
    int64_t tid = pending_thread_;
    pending_thread_ = -1;
    remove_thread(tid);
  }
}

size_t State::purge_inactive(uint64_t now_ns) {
  std::vector<int64_t> stale;
  for (auto& [tid, t] : threads_) {
    if (t->last_access_ts == 0) {  // seeded, not seen yet: start its clock now
      t->last_access_ts = now_ns;
      continue;
    }
    if (t->last_access_ts + cfg_.thread_timeout_ns >= now_ns) continue;
    if (t->is_leader() && t->alive_threads > 1) continue;  // its threads may still be busy
    if (cfg_.purge_checks_proc) {
      struct stat st;
      std::string p = "/proc/" + std::to_string(tid);
      if (::stat(p.c_str(), &st) == 0) {
        t->last_access_ts = now_ns;
        continue;
      }
    }
    stale.push_back(tid);
  }
  for (int64_t tid : stale) remove_thread(tid);
  return stale.size();
}

// ---- string-list params ------------------------------------------------------------------

namespace {
template <typename F>
void for_each_nul_item(std::string_view s, F&& f) {
  while (!s.empty()) {
    size_t z = s.find('\0');
    std::string_view item = s.substr(0, z);
    f(item);
    if (z == std::string_view::npos) break;
    s.remove_prefix(z + 1);
  }
}
}  // namespace

void State::set_args(ThreadInfo& t, std::string_view s) {
  t.args.clear();
  // Drop the trailing NUL of the last arg; keep empty args in the middle.
  if (!s.empty() && s.back() == '\0') s.remove_suffix(1);
  if (s.empty()) return;
  for_each_nul_item(s, [&](std::string_view a) {
    if (t.args.size() < cfg_.max_args) t.args.emplace_back(a);
  });
}

void State::set_env(ThreadInfo& t, std::string_view s) {
  ThreadInfo* l = leader_mut(t);
  l->env.clear();
  size_t budget = cfg_.max_env_bytes;
  for_each_nul_item(s, [&](std::string_view e) {
    if (e.empty() || e.size() > budget) return;
    budget -= e.size();
    l->env.emplace_back(e);
  });
}

void State::set_cgroups(ThreadInfo& t, std::string_view s) {
  t.cgroups_subsys.clear();
  t.cgroups_path.clear();
  for_each_nul_item(s, [&](std::string_view e) {
    if (e.empty()) return;
    size_t eq = e.find('=');
    if (eq == std::string_view::npos) return;
    // Controller names as Falco reports them: "<x>_cgroup" is "<x>", and the short or newer
    // kernel names map to the classic ones (perf -> perf_event, mem -> memory, io -> blkio).
    std::string_view subsys = e.substr(0, eq);
    std::string& name = t.cgroups_subsys.emplace_back(subsys);
    if (size_t pos = name.find("_cgroup"); pos != std::string::npos) name.erase(pos, 7);
    if (name == "perf") {
      name = "perf_event";
    } else if (name == "mem") {
      name = "memory";
    } else if (name == "io") {
      name = "blkio";
    }
    t.cgroups_path.emplace_back(e.substr(eq + 1));
  });
  update_container(t);
}

void State::update_container(ThreadInfo& t) {
  ContainerMatch m = match_cgroups(t.cgroups_path);
  t.container_type = m.type;
  if (m.full_id.empty()) {
    t.container_id.clear();
    // Inside a container whose cgroup namespace shows "/": the provider knows which one.
    if (const ContainerInfo* self = containers_.self()) {
      t.container_id = self->id;
      t.container_type = self->type;
    }
  } else {
    t.container_id.assign(m.full_id.substr(0, 12));
    containers_.seen(m.full_id, m.type);
  }
}

// ---- dispatch ----------------------------------------------------------------------------

void State::update(const EventView& ev) {
  ++stats_.events;
  flush_pending();
  containers_.refresh();
  if (changed_fd_ >= 0) {
    if (ThreadInfo* ct = find(changed_tid_)) {
      if (FdInfo* f = fds_mut(*ct).find(changed_fd_)) f->name_changed = false;
    }
    changed_fd_ = -1;
  }
  const uint64_t ts = ev.ts();
  if (last_purge_ts_ == 0) {
    last_purge_ts_ = ts;
  } else if (ts > last_purge_ts_ + cfg_.purge_interval_ns) {
    purge_inactive(ts);
    last_purge_ts_ = ts;
  }

  const uint16_t type = ev.type();
  switch (type) {
    case PPME_USER_ADDED_E:
    case PPME_USER_DELETED_E:
    case PPME_GROUP_ADDED_E:
    case PPME_GROUP_DELETED_E:
      on_user_event(ev);
      return;
    default:
      break;
  }
  const EventInfo* info = ev.info();
  if (info == nullptr || (info->flags & EF_SKIPPARSERESET) != 0 ||
      (info->category & EC_METAEVENT) != 0) {
    return;
  }
  switch (type) {
    case PPME_SCHEDSWITCH_1_E:
    case PPME_SCHEDSWITCH_6_E:
      return;
    default:
      break;
  }

  const bool clone_exit = type == PPME_SYSCALL_CLONE_11_X || type == PPME_SYSCALL_CLONE_16_X ||
                          type == PPME_SYSCALL_CLONE_17_X || type == PPME_SYSCALL_CLONE_20_X ||
                          type == PPME_SYSCALL_FORK_X || type == PPME_SYSCALL_FORK_17_X ||
                          type == PPME_SYSCALL_FORK_20_X || type == PPME_SYSCALL_VFORK_X ||
                          type == PPME_SYSCALL_VFORK_17_X || type == PPME_SYSCALL_VFORK_20_X ||
                          type == PPME_SYSCALL_CLONE3_X;
  const bool procexit = type == PPME_PROCEXIT_E || type == PPME_PROCEXIT_1_E;
  if (clone_exit) {
    on_clone_exit(ev, find(static_cast<int64_t>(ev.tid())));
    return;
  }
  ThreadInfo* t = procexit ? find(static_cast<int64_t>(ev.tid()))
                           : get_or_placeholder(static_cast<int64_t>(ev.tid()));
  if (t == nullptr) return;
  t->last_access_ts = ts;
  if (ev.is_enter()) {
    on_enter(ev, *t);
  } else {
    on_exit(ev, t);
  }
}

void State::on_enter(const EventView& ev, ThreadInfo& t) {
  const EventInfo* info = ev.info();
  t.last_enter_type = ev.type();
  t.last_fd = -1;
  if (info->flags & EF_USES_FD) {
    for (uint32_t i = 0; i < info->params.size() && i < ev.nparams(); ++i) {
      const ParamType pt = info->params[i].type;
      if (pt == ParamType::Fd || pt == ParamType::Fd32) {
        int64_t fd;
        if (ev.param_i64(i, fd)) t.last_fd = fd;
        break;
      }
    }
  }
  if (ev.len() <= kMaxStoredEnter) {
    auto b = ev.bytes();
    t.last_enter.assign(b.begin(), b.end());
    t.last_enter_valid = true;
  } else {
    t.last_enter_valid = false;
  }
  if (ev.type() == PPME_PROCEXIT_E || ev.type() == PPME_PROCEXIT_1_E) on_procexit(ev, t);
  if (ev.type() == PPME_SOCKET_SENDTO_E) on_sendto_enter(ev, t);
}

const EventView* State::enter_of(const EventView& exit, ThreadInfo& t) {
  if (!t.last_enter_valid || t.last_enter.empty()) return nullptr;
  const uint16_t et = t.last_enter_type;
  const bool match = et + 1 == exit.type() ||
                     (et == PPME_SYSCALL_EXECVEAT_E && is_enter(et) &&
                      (exit.type() == PPME_SYSCALL_EXECVE_19_X || exit.type() == PPME_SYSCALL_EXECVEAT_X));
  if (!match) return nullptr;
  if (!EventView::parse(t.last_enter, enter_view_).ok()) return nullptr;
  return &enter_view_;
}

void State::on_exit(const EventView& ev, ThreadInfo* tp) {
  ThreadInfo& t = *tp;
  const uint16_t type = ev.type();
  const EventInfo* info = ev.info();
  const bool paired = t.last_enter_valid && (t.last_enter_type + 1 == type ||
                                             t.last_enter_type == PPME_SYSCALL_EXECVEAT_E);
  if (!paired) t.last_fd = -1;
  if ((info->flags & EF_USES_FD) && t.last_fd == -1) {
    int pos = param_pos(type, P::fd);
    int64_t fd;
    if (pos > 0 && ev.param_i64(static_cast<uint32_t>(pos), fd)) t.last_fd = fd;
  }

  switch (type) {
    case PPME_SYSCALL_EXECVE_8_X:
    case PPME_SYSCALL_EXECVE_13_X:
    case PPME_SYSCALL_EXECVE_14_X:
    case PPME_SYSCALL_EXECVE_15_X:
    case PPME_SYSCALL_EXECVE_16_X:
    case PPME_SYSCALL_EXECVE_17_X:
    case PPME_SYSCALL_EXECVE_18_X:
    case PPME_SYSCALL_EXECVE_19_X:
    case PPME_SYSCALL_EXECVEAT_X:
      on_execve_exit(ev, t);
      break;
    case PPME_SYSCALL_OPEN_X:
    case PPME_SYSCALL_CREAT_X:
    case PPME_SYSCALL_OPENAT_X:
    case PPME_SYSCALL_OPENAT_2_X:
    case PPME_SYSCALL_OPENAT2_X:
    case PPME_SYSCALL_OPEN_BY_HANDLE_AT_X:
      on_open_exit(ev, t);
      break;
    case PPME_SYSCALL_CLOSE_X:
      on_close_exit(ev, t);
      break;
    case PPME_SYSCALL_CLOSE_RANGE_X: {
      Params p(ev, nullptr);
      if (p.ret() < 0) break;
      const uint64_t first = p.u64_or(P::first, 0), last = p.u64_or(P::last, 0);
      const uint64_t flags = p.u64_or(P::flags, 0);
      FdTable& fds = fds_mut(t);
      if (flags & PPM_CLOSE_RANGE_CLOEXEC) {
        for (uint64_t fd = first; fd <= last && fd < static_cast<uint64_t>(FdTable::kDirectSlots); ++fd) {
          if (FdInfo* f = fds.find(static_cast<int64_t>(fd))) f->openflags |= PPM_O_CLOEXEC;
        }
      } else {
        fds.erase_if([&](const FdInfo& f) {
          return static_cast<uint64_t>(f.fd) >= first && static_cast<uint64_t>(f.fd) <= last;
        });
      }
      break;
    }
    case PPME_SYSCALL_DUP_X:
    case PPME_SYSCALL_DUP_1_X:
    case PPME_SYSCALL_DUP2_X:
    case PPME_SYSCALL_DUP3_X:
      on_dup_exit(ev, t);
      break;
    case PPME_SYSCALL_FCNTL_X:
      on_fcntl_exit(ev, t);
      break;
    case PPME_SYSCALL_PIPE_X:
    case PPME_SYSCALL_PIPE2_X:
      on_pipe_exit(ev, t);
      break;
    case PPME_SYSCALL_EVENTFD_X:
    case PPME_SYSCALL_EVENTFD2_X:
      on_simple_fd_exit(ev, t, FdType::Event);
      break;
    case PPME_SYSCALL_SIGNALFD_X:
    case PPME_SYSCALL_SIGNALFD4_X:
      on_simple_fd_exit(ev, t, FdType::Signalfd);
      break;
    case PPME_SYSCALL_TIMERFD_CREATE_X:
      on_simple_fd_exit(ev, t, FdType::Timerfd);
      break;
    case PPME_SYSCALL_INOTIFY_INIT_X:
    case PPME_SYSCALL_INOTIFY_INIT1_X:
      on_simple_fd_exit(ev, t, FdType::Inotify);
      break;
    case PPME_SYSCALL_BPF_2_X:
      on_simple_fd_exit(ev, t, FdType::Bpf);
      break;
    case PPME_SYSCALL_USERFAULTFD_X:
      on_simple_fd_exit(ev, t, FdType::Userfaultfd);
      break;
    case PPME_SYSCALL_IO_URING_SETUP_X:
      on_simple_fd_exit(ev, t, FdType::IoUring);
      break;
    case PPME_SYSCALL_EPOLL_CREATE_X:
    case PPME_SYSCALL_EPOLL_CREATE1_X:
      on_simple_fd_exit(ev, t, FdType::Eventpoll);
      break;
    case PPME_SYSCALL_MEMFD_CREATE_X:
      on_simple_fd_exit(ev, t, FdType::Memfd);
      break;
    case PPME_SYSCALL_PIDFD_OPEN_X:
    case PPME_SYSCALL_PIDFD_GETFD_X:
      on_simple_fd_exit(ev, t, FdType::Pidfd);
      break;
    case PPME_SYSCALL_CHDIR_X:
      on_chdir_exit(ev, t, false);
      break;
    case PPME_SYSCALL_FCHDIR_X:
      on_chdir_exit(ev, t, true);
      break;
    case PPME_SYSCALL_GETCWD_X: {
      Params p(ev, nullptr);
      if (p.ret() >= 0 && p.has(P::path)) {
        ThreadInfo* l = leader_mut(t);
        set_dir_path(l->cwd, p.str(P::path));
      }
      break;
    }
    case PPME_SOCKET_SOCKET_X:
      on_socket_exit(ev, t);
      break;
    case PPME_SOCKET_SOCKETPAIR_X:
      on_socketpair_exit(ev, t);
      break;
    case PPME_SOCKET_BIND_X:
      on_bind_exit(ev, t);
      break;
    case PPME_SOCKET_CONNECT_X:
      on_connect_exit(ev, t);
      break;
    case PPME_SOCKET_ACCEPT_X:
    case PPME_SOCKET_ACCEPT_5_X:
    case PPME_SOCKET_ACCEPT4_X:
    case PPME_SOCKET_ACCEPT4_5_X:
    case PPME_SOCKET_ACCEPT4_6_X:
      on_accept_exit(ev, t);
      break;
    case PPME_SOCKET_SENDTO_X:
    case PPME_SOCKET_SENDMSG_X:
      on_datagram(ev, t, false);
      break;
    case PPME_SOCKET_RECVFROM_X:
    case PPME_SOCKET_RECVMSG_X:
      on_datagram(ev, t, true);
      break;
    case PPME_SYSCALL_SETUID_X:
    case PPME_SYSCALL_SETRESUID_X:
    case PPME_SYSCALL_SETREUID_X: {
      Params p(ev, enter_of(ev, t));
      if (p.ret() != 0) break;
      uint64_t v;
      if (type == PPME_SYSCALL_SETUID_X) {
        if (p.u64(P::uid, v) && v != UINT32_MAX) t.uid = t.ruid = t.suid = static_cast<uint32_t>(v);
      } else {
        if (p.u64(P::euid, v) && static_cast<uint32_t>(v) != UINT32_MAX) t.uid = static_cast<uint32_t>(v);
        if (p.u64(P::ruid, v) && static_cast<uint32_t>(v) != UINT32_MAX) t.ruid = static_cast<uint32_t>(v);
        if (p.u64(P::suid, v) && static_cast<uint32_t>(v) != UINT32_MAX) t.suid = static_cast<uint32_t>(v);
      }
      break;
    }
    case PPME_SYSCALL_SETGID_X:
    case PPME_SYSCALL_SETRESGID_X:
    case PPME_SYSCALL_SETREGID_X: {
      Params p(ev, enter_of(ev, t));
      if (p.ret() != 0) break;
      uint64_t v;
      if (type == PPME_SYSCALL_SETGID_X) {
        if (p.u64(P::gid, v) && v != UINT32_MAX) t.gid = t.rgid = t.sgid = static_cast<uint32_t>(v);
      } else {
        if (p.u64(P::egid, v) && static_cast<uint32_t>(v) != UINT32_MAX) t.gid = static_cast<uint32_t>(v);
        if (p.u64(P::rgid, v) && static_cast<uint32_t>(v) != UINT32_MAX) t.rgid = static_cast<uint32_t>(v);
        if (p.u64(P::sgid, v) && static_cast<uint32_t>(v) != UINT32_MAX) t.sgid = static_cast<uint32_t>(v);
      }
      break;
    }
    case PPME_SYSCALL_SETSID_X: {
      Params p(ev, nullptr);
      if (p.ret() >= 0) t.sid = p.ret();
      break;
    }
    case PPME_SYSCALL_SETPGID_X: {
      Params p(ev, enter_of(ev, t));
      if (p.ret() != 0) break;
      int64_t pid = p.i64_or(P::pid, 0), pgid = p.i64_or(P::pgid, 0);
      ThreadInfo* target = pid == 0 ? &t : find(pid);
      if (target == nullptr) break;
      target->pgid = pgid == 0 ? target->pid : pgid;
      break;
    }
    case PPME_SYSCALL_CHROOT_X: {
      Params p(ev, nullptr);
      if (p.ret() == 0 && p.has(P::path)) {
        resolve_path(scratch_, cwd_of(t), p.str(P::path));
        t.root = scratch_;
      }
      break;
    }
    case PPME_SYSCALL_CAPSET_X: {
      Params p(ev, nullptr);
      if (p.ret() < 0) break;
      t.cap_inheritable = p.u64_or(P::cap_inheritable, t.cap_inheritable);
      t.cap_permitted = p.u64_or(P::cap_permitted, t.cap_permitted);
      t.cap_effective = p.u64_or(P::cap_effective, t.cap_effective);
      break;
    }
    case PPME_SYSCALL_PRCTL_X: {
      Params p(ev, nullptr);
      if (p.ret() < 0) break;
      const uint64_t option = p.u64_or(P::option, 0);
      constexpr uint64_t kSetName = PPM_PR_SET_NAME, kSetChildSubreaper = PPM_PR_SET_CHILD_SUBREAPER;
      if (option == kSetName && cfg_.track_set_name && p.has(P::arg2_str)) {
        std::string_view name = p.str(P::arg2_str);
        t.comm.assign(name.substr(0, 15));
      } else if (option == kSetChildSubreaper) {
        leader_mut(t)->reaper = p.i64_or(P::arg2_int, 0) != 0;
      }
      break;
    }
    default:
      break;
  }
  // The enter event is consumed by its exit (as sysdig frees it after the exit).
  t.last_enter_valid = false;
  if (t.last_fd >= 0) {
    ThreadInfo* l = leader_mut(t);
    if (l->fds) {
      if (FdInfo* f = l->fds->find(t.last_fd); f != nullptr && f->name_changed) {
        changed_tid_ = t.tid;
        changed_fd_ = t.last_fd;
      }
    }
  }
}

// ---- lookups -----------------------------------------------------------------------------

const ThreadInfo* State::thread(int64_t tid) const { return const_cast<State*>(this)->find(tid); }
ThreadInfo* State::thread_mut(int64_t tid) { return find(tid); }

const ThreadInfo* State::leader_of(const ThreadInfo& t) const {
  if (t.pid < 0 || t.pid == t.tid) return &t;
  const ThreadInfo* l = thread(t.pid);
  return l != nullptr ? l : &t;
}

const ThreadInfo* State::parent_of(const ThreadInfo& t) const {
  if (t.ptid < 0) return nullptr;
  return thread(t.ptid);
}

const ThreadInfo* State::ancestor(const ThreadInfo& t, uint32_t n) const {
  const ThreadInfo* cur = leader_of(t);
  for (uint32_t i = 0; i < n && cur != nullptr; ++i) {
    const ThreadInfo* p = parent_of(*cur);
    if (p == nullptr || p == cur) return nullptr;
    cur = leader_of(*p);
  }
  return cur;
}

const std::string& State::cwd_of(const ThreadInfo& t) const { return leader_of(t)->cwd; }

const std::vector<std::string>& State::env_of(const ThreadInfo& t) const {
  const ThreadInfo* l = leader_of(t);
  return l != nullptr ? l->env : kNoEnv;
}

const FdTable* State::fds_of(const ThreadInfo& t) const { return leader_of(t)->fds.get(); }

const FdInfo* State::lookup_fd(int64_t tid, int64_t fd) const {
  const ThreadInfo* t = thread(tid);
  if (t == nullptr) return nullptr;
  const FdTable* fds = fds_of(*t);
  return fds != nullptr ? fds->find(fd) : nullptr;
}

int64_t State::event_fd_num(int64_t tid) const {
  const ThreadInfo* t = thread(tid);
  return t != nullptr ? t->last_fd : -1;
}

const FdInfo* State::event_fd(const EventView& ev) const {
  const int64_t tid = static_cast<int64_t>(ev.tid());
  return lookup_fd(tid, event_fd_num(tid));
}

const User* State::user_of(const ThreadInfo& t) const { return users_.user(t.uid, t.container_id); }
const Group* State::group_of(const ThreadInfo& t) const {
  return users_.group(t.gid, t.container_id);
}
const User* State::loginuser_of(const ThreadInfo& t) const {
  if (t.loginuid == UINT32_MAX) return nullptr;
  return users_.user(t.loginuid, t.container_id);
}

size_t State::fd_count() const {
  size_t n = 0;
  for (const auto& [tid, t] : threads_) {
    if (t->fds) n += t->fds->size();
  }
  return n;
}

// ---- seeding -----------------------------------------------------------------------------

void State::seed_process(const scap::ProcessInfo& p) {
  const int64_t tid = static_cast<int64_t>(p.tid);
  ThreadInfo* t = find(tid);
  if (t == nullptr) t = insert(tid);
  if (t == nullptr) return;
  unlink_parent(*t);
  t->pid = static_cast<int64_t>(p.pid);
  t->ptid = static_cast<int64_t>(p.ptid);
  t->sid = p.sid;
  t->vpgid = p.vpgid;
  t->pgid = p.pgid;
  t->comm = p.comm;
  t->exe = p.exe;
  t->exepath = p.exepath;
  set_args(*t, p.args);
  t->fdlimit = static_cast<int64_t>(p.fdlimit);
  t->flags = p.flags;
  t->uid = t->ruid = t->suid = p.uid;
  t->gid = t->rgid = t->sgid = p.gid;
  t->vmsize_kb = p.vmsize_kb;
  t->vmrss_kb = p.vmrss_kb;
  t->vmswap_kb = p.vmswap_kb;
  t->pfmajor = p.pfmajor;
  t->pfminor = p.pfminor;
  t->vtid = p.vtid;
  t->vpid = p.vpid;
  t->root = p.root.empty() ? "/" : p.root;
  t->pidns_init_start_ts = p.pidns_init_start_ts;
  t->tty = p.tty;
  t->loginuid = p.loginuid;
  t->exe_writable = p.exe_writable;
  t->cap_inheritable = p.cap_inheritable;
  t->cap_permitted = p.cap_permitted;
  t->cap_effective = p.cap_effective;
  t->exe_upper_layer = p.exe_upper_layer;
  t->exe_lower_layer = p.exe_lower_layer;
  t->exe_from_memfd = p.exe_from_memfd;
  t->exe_ino = p.exe_ino;
  t->exe_ino_ctime = p.exe_ino_ctime;
  t->exe_ino_mtime = p.exe_ino_mtime;
  t->dead = false;
  set_cgroups(*t, p.cgroups);
  if (tid == 1 || p.vpid == 1) t->reaper = true;

  // Thread-group accounting: the leader counts its live threads, itself included.
  ThreadInfo* leader = t;
  if (t->pid >= 0 && t->pid != tid) {
    leader = find(t->pid);
    if (leader == nullptr) {
      // The leader's own entry usually comes first; create a stand-in until it does.
      leader = insert(t->pid);
      if (leader != nullptr) {
        leader->pid = t->pid;
        leader->ptid = t->ptid;
        leader->comm = t->comm;
        leader->exe = t->exe;
      }
    }
  }
  if (leader != nullptr) {
    ++leader->alive_threads;
    if (leader == t) {
      set_dir_path(t->cwd, p.cwd);
      set_env(*t, p.env);
    }
  }
  link_parent(*t);
  // Children seeded before their parent.
  for (auto& [otid, o] : threads_) {
    if (o->ptid == tid && otid != tid &&
        std::find(t->children.begin(), t->children.end(), otid) == t->children.end()) {
      t->children.push_back(otid);
    }
  }
}

void State::seed_fds(const scap::FdList& list) {
  ThreadInfo* t = find(static_cast<int64_t>(list.tid));
  if (t == nullptr) return;
  FdTable& fds = fds_mut(*t);
  for (const scap::FdInfo& s : list.entries) {
    FdInfo* f = fds.add(s.fd);
    if (f == nullptr) {
      ++stats_.fd_drops;
      continue;
    }
    f->type = static_cast<FdType>(static_cast<int8_t>(s.type));
    f->ino = s.ino;
    f->openflags = s.open_flags;
    f->dev = s.dev;
    f->flags = FdInfo::kFromProc;
    switch (s.type) {
      case scap::FdType::Ipv4Sock:
      case scap::FdType::Ipv4ServSock:
        f->sock.family = kFamilyInet;
        std::memcpy(f->sock.sip.data(), &s.sip4, 4);
        std::memcpy(f->sock.dip.data(), &s.dip4, 4);
        f->sock.sport = s.sport;
        f->sock.dport = s.dport;
        f->sock.l4proto = static_cast<L4Proto>(s.l4proto);
        if (s.type == scap::FdType::Ipv4ServSock) {
          f->role = SockRole::Server;
          format_inet_endpoint(f->name, kFamilyInet, f->sock.sip.data(), f->sock.sport);
        } else {
          format_inet_tuple(f->name, f->sock);
        }
        break;
      case scap::FdType::Ipv6Sock:
      case scap::FdType::Ipv6ServSock:
        f->sock.family = kFamilyInet6;
        f->sock.sip = s.sip6;
        f->sock.dip = s.dip6;
        f->sock.sport = s.sport;
        f->sock.dport = s.dport;
        f->sock.l4proto = static_cast<L4Proto>(s.l4proto);
        if (s.type == scap::FdType::Ipv6ServSock) {
          f->role = SockRole::Server;
          format_inet_endpoint(f->name, kFamilyInet6, f->sock.sip.data(), f->sock.sport);
        } else {
          format_inet_tuple(f->name, f->sock);
        }
        break;
      case scap::FdType::UnixSock:
        f->sock.family = kFamilyUnix;
        f->sock.unix_source = s.unix_source;
        f->sock.unix_dest = s.unix_dest;
        f->name = s.name;
        break;
      default:
        f->name = s.name;
        break;
    }
  }
}

}  // namespace saker::state
