// Process lifecycle events: clone/fork/vfork/clone3 (caller and child sides), execve/execveat,
// procexit, and the user/group meta events. Every old version of these events is read through
// Params by name, so they all update the state identically.
#include <algorithm>

#include "engine/events/event_types.h"
#include "engine/events/ppm_flags.h"
#include "engine/state/path.h"
#include "engine/state/state.h"

namespace saker::state {

using namespace saker::events;

namespace {
// A child entry found at clone time that is older than this is a stale entry of a reused tid.
constexpr uint64_t kCloneStaleNs = 2ull * 1000000000ull;
constexpr uint32_t kExeWritable = 1u << 0, kExeUpperLayer = 1u << 1, kExeFromMemfd = 1u << 2,
                   kExeLowerLayer = 1u << 3;  // PPM_EXE_* bits of execve's "flags"
constexpr uint32_t kExecveatEmptyPath = 1u;    // PPM_EXVAT_AT_EMPTY_PATH
}  // namespace

void State::inherit(ThreadInfo& child, const ThreadInfo& from, bool copy_process_data) {
  child.exepath = from.exepath;
  child.exe_writable = from.exe_writable;
  child.exe_upper_layer = from.exe_upper_layer;
  child.exe_lower_layer = from.exe_lower_layer;
  child.exe_from_memfd = from.exe_from_memfd;
  child.exe_ino = from.exe_ino;
  child.exe_ino_ctime = from.exe_ino_ctime;
  child.exe_ino_mtime = from.exe_ino_mtime;
  child.root = from.root;
  child.sid = from.sid;
  child.pgid = from.pgid;
  child.vpgid = from.vpgid;
  child.tty = from.tty;
  child.loginuid = from.loginuid;
  child.cap_permitted = from.cap_permitted;
  child.cap_effective = from.cap_effective;
  child.cap_inheritable = from.cap_inheritable;
  child.ruid = from.ruid;
  child.suid = from.suid;
  child.rgid = from.rgid;
  child.sgid = from.sgid;
  if (child.cgroups_path.empty()) {
    child.cgroups_subsys = from.cgroups_subsys;
    child.cgroups_path = from.cgroups_path;
    child.container_id = from.container_id;
    child.container_type = from.container_type;
  }
  if (copy_process_data) {
    const ThreadInfo* fl = leader_of(from);
    child.cwd = fl->cwd;
    child.env = fl->env;
    // fork copies the fd table (CLONE_FILES without CLONE_THREAD shares it in the kernel; like
    // sysdig we copy it too, since O_CLOEXEC and later opens diverge rarely enough).
    if (fl->fds && fl->fds->size() > 0) {
      if (!child.fds) child.fds = std::make_unique<FdTable>(cfg_.max_fds_per_process);
      child.fds->copy_from(*fl->fds);
    }
  } else {
    child.lastexec_ts = from.lastexec_ts;
  }
}

void State::fill_from_clone_event(ThreadInfo& child, const Params& p) {
  child.exe.assign(p.str(P::exe));
  set_args(child, p.str(P::args));
  if (p.has(P::comm)) {
    child.comm.assign(p.str(P::comm));
  } else {
    child.comm = child.exe;
  }
  child.fdlimit = p.i64_or(P::fdlimit, child.fdlimit);
  if (p.has(P::vm_swap)) {
    child.pfmajor = p.u64_or(P::pgft_maj, 0);
    child.pfminor = p.u64_or(P::pgft_min, 0);
    child.vmsize_kb = static_cast<uint32_t>(p.u64_or(P::vm_size, 0));
    child.vmrss_kb = static_cast<uint32_t>(p.u64_or(P::vm_rss, 0));
    child.vmswap_kb = static_cast<uint32_t>(p.u64_or(P::vm_swap, 0));
  }
  uint64_t v;
  if (p.u64(P::uid, v)) child.uid = static_cast<uint32_t>(v);
  if (p.u64(P::gid, v)) child.gid = static_cast<uint32_t>(v);
  if (p.has(P::cgroups)) set_cgroups(child, p.str(P::cgroups));
  child.clone_ts = p.event().ts();
  child.last_access_ts = p.event().ts();
}

void State::on_clone_exit(const EventView& ev, ThreadInfo* t) {
  Params p(ev, nullptr);
  const int64_t res = p.ret();
  if (res < 0) return;
  if (t != nullptr) {
    t->last_access_ts = ev.ts();
    t->last_fd = -1;
  }
  if (res == 0) {
    clone_in_child(ev);
    return;
  }
  // Caller side. Make sure the caller exists (it may be a placeholder we complete here).
  ThreadInfo* caller = t != nullptr ? t : get_or_placeholder(static_cast<int64_t>(ev.tid()));
  if (caller == nullptr) return;
  if (caller->is_placeholder()) {
    caller->pid = p.i64_or(P::pid, caller->pid);
    set_parent(*caller, p.i64_or(P::ptid, caller->ptid));
    if (p.has(P::vpid)) {
      caller->vtid = p.i64_or(P::vtid, -1);
      caller->vpid = p.i64_or(P::vpid, -1);
    } else {
      caller->vtid = caller->tid;
      caller->vpid = -1;
    }
    if (caller->pid >= 0 && caller->pid != caller->tid) {
      if (ThreadInfo* l = find(caller->pid)) ++l->alive_threads;
    }
    caller->comm.assign(p.has(P::comm) ? p.str(P::comm) : p.str(P::exe));
    caller->exe.assign(p.str(P::exe));
    set_args(*caller, p.str(P::args));
  }
  clone_from_parent(ev, *caller, res);
}

void State::clone_from_parent(const EventView& ev, ThreadInfo& caller, int64_t child_tid) {
  Params p(ev, nullptr);
  const uint32_t flags = static_cast<uint32_t>(p.u64_or(P::flags, 0));
  // In a child pid namespace `res` is not a host tid; the child's own event creates it.
  if ((flags & (PPM_CL_CHILD_IN_PIDNS | PPM_CL_CLONE_NEWPID | PPM_CL_CLONE_PARENT)) != 0 ||
      (caller.vtid >= 0 && caller.vtid != caller.tid)) {
    return;
  }
  // vfork: the child may already have run and exited; let its own event create it.
  const uint16_t type = ev.type();
  if ((flags & PPM_CL_CLONE_VFORK) != 0 || type == PPME_SYSCALL_VFORK_X ||
      type == PPME_SYSCALL_VFORK_17_X || type == PPME_SYSCALL_VFORK_20_X) {
    return;
  }
  if (ThreadInfo* existing = find(child_tid)) {
    if ((existing->flags & PPM_CL_CLONE_INVERTED) != 0 && !existing->dead) return;
    remove_thread(child_tid);  // a stale entry of a reused tid
    if (find(child_tid) != nullptr) erase_entry(child_tid);
  }
  const int64_t caller_tid = caller.tid;
  ThreadInfo* child = insert(child_tid);
  if (child == nullptr) return;
  ThreadInfo* c = find(caller_tid);  // insert() may rehash; pointers stay valid (unique_ptr)
  child->flags = flags;
  const bool is_thread = (flags & PPM_CL_CLONE_THREAD) != 0;
  if (is_thread) {
    child->pid = c->pid;
    child->ptid = c->ptid;
    child->flags |= PPM_CL_CLONE_FILES;
  } else {
    child->pid = child_tid;
    child->ptid = c->tid;
  }
  child->vtid = child->tid;
  child->vpid = child->pid;
  fill_from_clone_event(*child, p);
  child->pidns_init_start_ts = boot_ts_;
  inherit(*child, *c, !is_thread);
  ThreadInfo* leader = leader_mut(*child);
  ++leader->alive_threads;
  link_parent(*child);
}

void State::clone_in_child(const EventView& ev) {
  Params p(ev, nullptr);
  const int64_t tid = static_cast<int64_t>(ev.tid());
  if (ThreadInfo* existing = find(tid)) {
    if (existing->clone_ts != 0 && ev.ts() - existing->clone_ts < kCloneStaleNs && !existing->dead) {
      return;  // the caller's event already created it
    }
    remove_thread(tid);
    if (find(tid) != nullptr) erase_entry(tid);
  }
  ThreadInfo* child = insert(tid);
  if (child == nullptr) return;
  child->pid = p.i64_or(P::pid, -1);
  child->ptid = p.i64_or(P::ptid, -1);
  if (p.has(P::vpid)) {
    child->vtid = p.i64_or(P::vtid, -1);
    child->vpid = p.i64_or(P::vpid, -1);
  } else {
    child->vtid = tid;
    child->vpid = -1;
  }
  child->flags = static_cast<uint32_t>(p.u64_or(P::flags, 0)) | PPM_CL_CLONE_INVERTED;
  const bool is_thread = (child->flags & PPM_CL_CLONE_THREAD) != 0;
  if (is_thread) child->flags |= PPM_CL_CLONE_FILES;
  fill_from_clone_event(*child, p);
  if (child->in_pid_namespace() || (child->flags & PPM_CL_CLONE_NEWPID) != 0) {
    child->pidns_init_start_ts = p.u64_or(P::pidns_init_start_ts, 0) + boot_ts_;
    if (child->vpid == 1) child->reaper = true;
  } else {
    child->pidns_init_start_ts = boot_ts_;
  }
  // Copy from the parent (new process) or the leader (new thread).
  const int64_t lookup_tid = is_thread ? child->pid : child->ptid;
  const int64_t child_tid = tid;
  ThreadInfo* from = lookup_tid >= 0 ? find(lookup_tid) : nullptr;
  child = find(child_tid);
  if (from != nullptr && !from->is_placeholder()) {
    inherit(*child, *from, !is_thread);
  } else if (!is_thread) {
    // Unknown parent: what the event says is all we know.
    set_dir_path(child->cwd, p.str(P::cwd));
  }
  if (is_thread && find(child->pid) == nullptr) {
    // A thread whose process we never saw: a stand-in leader keeps the group's fds and cwd.
    if (ThreadInfo* l = insert(child->pid)) {
      l->pid = l->tid;
      l->ptid = find(child_tid)->ptid;
      l->comm = find(child_tid)->comm;
      l->exe = find(child_tid)->exe;
      l->alive_threads = 1;
      l->clone_ts = 0;
      link_parent(*l);
    }
    child = find(child_tid);
  }
  ++leader_mut(*child)->alive_threads;
  link_parent(*child);
}

void State::on_execve_exit(const EventView& ev, ThreadInfo& t) {
  const EventView* enter = enter_of(ev, t);
  Params p(ev, enter);
  if (p.ret() < 0) return;  // a failed execve changes nothing

  if (t.dead) {  // exec by a thread whose leader had exited: the kernel reuses the leader's tid
    t.dead = false;
    ++leader_mut(t)->alive_threads;
  }
  t.exe.assign(p.str(P::exe));
  t.lastexec_ts = ev.ts();
  if (p.has(P::comm)) {
    t.comm.assign(p.str(P::comm));
  } else {
    t.comm = t.exe;
  }
  set_args(t, p.str(P::args));
  const int64_t new_pid = p.i64_or(P::pid, t.pid);
  if (t.is_placeholder()) {
    // Patch what a thread known only from its events lacks, as sysdig does: pid and parent.
    // Its vtid/vpid and cwd stay unknown (sysdig reads neither from the execve exit).
    t.pid = new_pid;
    set_parent(t, p.i64_or(P::ptid, t.ptid));
  }
  t.fdlimit = p.i64_or(P::fdlimit, t.fdlimit);
  if (p.has(P::vm_swap)) {
    t.pfmajor = p.u64_or(P::pgft_maj, 0);
    t.pfminor = p.u64_or(P::pgft_min, 0);
    t.vmsize_kb = static_cast<uint32_t>(p.u64_or(P::vm_size, 0));
    t.vmrss_kb = static_cast<uint32_t>(p.u64_or(P::vm_rss, 0));
    t.vmswap_kb = static_cast<uint32_t>(p.u64_or(P::vm_swap, 0));
  }
  if (p.has(P::env)) set_env(t, p.str(P::env));
  if (p.has(P::cgroups)) set_cgroups(t, p.str(P::cgroups));
  uint64_t v;
  if (p.u64(P::tty, v)) t.tty = static_cast<uint32_t>(v);

  // exepath: the kernel's trusted path when present; else rebuilt from the enter's filename.
  if (p.has(P::trusted_exepath)) {
    t.exepath.assign(p.str(P::trusted_exepath));
  } else if (enter != nullptr) {
    if (enter->type() == PPME_SYSCALL_EXECVEAT_E) {
      Params e(*enter, nullptr);
      const int64_t dirfd = e.i64_or(P::dirfd, PPM_AT_FDCWD);
      const uint32_t flags = static_cast<uint32_t>(e.u64_or(P::flags, 0));
      std::string_view path = e.str(P::pathname);
      const FdInfo* dir = nullptr;
      bool unknown = false;
      if (!(path.size() > 0 && path[0] == '/')) {
        if (dirfd == PPM_AT_FDCWD) {
          scratch2_ = cwd_of(t);
        } else if ((dir = lookup_fd(t.tid, dirfd)) != nullptr) {
          set_dir_path(scratch2_, dir->name);
          if (dir->name.empty()) scratch2_.clear();
        } else {
          unknown = true;
        }
      } else {
        scratch2_.clear();
      }
      if (unknown || (!(flags & kExecveatEmptyPath) && path == "<NA>")) {
        t.exepath = "<NA>";
      } else if (flags & kExecveatEmptyPath) {
        resolve_path(t.exepath, "", dir != nullptr ? std::string_view(dir->name) : std::string_view(scratch2_));
      } else {
        resolve_path(t.exepath, scratch2_, path);
      }
    } else if (param_pos(enter->type(), P::filename) >= 0) {
      Params e(*enter, nullptr);
      std::string_view filename = e.str(P::filename);
      if (filename == "<NA>") {
        t.exepath = "<NA>";
      } else {
        resolve_path(t.exepath, cwd_of(t), filename);
      }
    }
  }
  int64_t iv;
  if (p.i64(P::vpgid, iv)) t.vpgid = iv;
  if (p.u64(P::loginuid, v)) t.loginuid = static_cast<uint32_t>(v);
  if (p.u64(P::flags, v)) {
    const uint32_t f = static_cast<uint32_t>(v);
    t.exe_writable = (f & kExeWritable) != 0;
    t.exe_upper_layer = (f & kExeUpperLayer) != 0;
    t.exe_from_memfd = (f & kExeFromMemfd) != 0;
    t.exe_lower_layer = (f & kExeLowerLayer) != 0;
  }
  if (p.has(P::cap_effective)) {
    t.cap_inheritable = p.u64_or(P::cap_inheritable, 0);
    t.cap_permitted = p.u64_or(P::cap_permitted, 0);
    t.cap_effective = p.u64_or(P::cap_effective, 0);
  }
  if (p.has(P::exe_ino_mtime)) {
    t.exe_ino = p.u64_or(P::exe_ino, 0);
    t.exe_ino_ctime = p.u64_or(P::exe_ino_ctime, 0);
    t.exe_ino_mtime = p.u64_or(P::exe_ino_mtime, 0);
  }
  if (p.u64(P::uid, v)) t.uid = static_cast<uint32_t>(v);
  if (p.u64(P::gid, v)) t.gid = static_cast<uint32_t>(v);
  if (p.i64(P::pgid, iv)) t.pgid = iv;

  // Close-on-exec fds go away.
  fds_mut(t).erase_if([](const FdInfo& f) { return f.close_on_exec(); });

  const uint32_t keep = t.flags & (PPM_CL_PIPE_SRC | PPM_CL_PIPE_DST | PPM_CL_IS_MAIN_THREAD |
                                   PPM_CL_CLONE_INVERTED | PPM_CL_CHILD_IN_PIDNS);
  t.flags = keep | PPM_CL_ACTIVE | PPM_CL_NAME_CHANGED;

  // execve kills every other thread of the group.
  ThreadInfo* leader = leader_mut(t);
  if (leader->alive_threads > 1) {
    std::vector<int64_t> others;
    for (const auto& [otid, o] : threads_) {
      if (o->pid == t.pid && otid != t.tid && otid != t.pid && !o->dead) others.push_back(otid);
    }
    for (int64_t o : others) remove_thread(o);
  }
}

void State::on_procexit(const EventView& ev, ThreadInfo& t) {
  Params p(ev, nullptr);
  ThreadInfo* leader = leader_mut(t);
  if (!t.dead) {
    t.dead = true;
    --leader->alive_threads;
  }
  pending_thread_ = t.tid;
  (void)p;
}

void State::on_user_event(const EventView& ev) {
  Params p(ev, nullptr);
  const uint16_t type = ev.type();
  std::string_view container = p.str(P::container_id);
  if (type == PPME_USER_ADDED_E || type == PPME_USER_DELETED_E) {
    const uint32_t uid = static_cast<uint32_t>(p.u64_or(P::uid, 0));
    if (type == PPME_USER_DELETED_E) {
      users_.remove_user(uid, container);
      return;
    }
    User u;
    u.uid = uid;
    u.gid = static_cast<uint32_t>(p.u64_or(P::gid, 0));
    u.name.assign(p.str(P::name));
    u.homedir.assign(p.str(P::home));
    u.shell.assign(p.str(P::shell));
    users_.add_user(u, container);
  } else {
    const uint32_t gid = static_cast<uint32_t>(p.u64_or(P::gid, 0));
    if (type == PPME_GROUP_DELETED_E) {
      users_.remove_group(gid, container);
      return;
    }
    users_.add_group(Group{gid, std::string(p.str(P::name))}, container);
  }
}

}  // namespace saker::state
