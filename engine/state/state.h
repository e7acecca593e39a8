#pragma once
// The state engine: the thread/process table with the parent chain, each process's fd table,
// users and groups, and containers, kept in sync by events. The pipeline calls update() for
// every event BEFORE the rules run, so fields read a consistent world:
//
//   events::EventView ev; ...parse...
//   state.update(ev);                       // apply the event
//   const ThreadInfo* t = state.thread(ev.tid());
//   const FdInfo* f = state.event_fd(ev);   // the fd the event is about, if any
//
// What an event removes (a closed fd, an exited thread) stays visible while that event is
// evaluated and disappears at the next update() (or flush_pending()), as in sysdig.
//
// Seeding: from a trace file's state blocks (seed_process / seed_fds / users().load_user_list)
// or from /proc (proc_scan.h produces the same scap structs). Memory is bounded: the thread
// table holds at most `max_threads` entries (new threads beyond that are not tracked and are
// counted in stats().thread_drops), each process at most `max_fds_per_process` fds, exited
// threads and closed fds are purged, and threads with no events for `thread_timeout_ns` are
// purged by purge_inactive().
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/events/event.h"
#include "engine/events/scap_blocks.h"
#include "engine/state/container_table.h"
#include "engine/state/fd_info.h"
#include "engine/state/params.h"
#include "engine/state/thread_info.h"
#include "engine/state/users.h"

namespace saker::state {

struct StateConfig {
  uint32_t max_threads = 262144;          // Falco's falco_libs.thread_table_size
  uint32_t max_fds_per_process = 4096;    // fds tracked per process; more are dropped
  uint32_t max_env_bytes = 16384;         // env kept per process (the rest is cut)
  uint32_t max_args = 1024;               // args kept per process
  uint64_t thread_timeout_ns = 1800ull * 1000000000ull;  // purge_inactive() threshold
  uint64_t purge_interval_ns = 60ull * 1000000000ull;    // update() runs purge at most this often
  bool track_set_name = true;  // prctl(PR_SET_NAME) updates comm (sysdig does not)
  // Live mode: purge_inactive() keeps an idle thread whose /proc/<tid> still exists.
  bool purge_checks_proc = false;
};

struct StateStats {
  uint64_t events = 0;
  uint64_t thread_drops = 0;     // new threads not added because the table was full
  uint64_t fd_drops = 0;         // fds not added because a process's fd table was full
  uint64_t threads_removed = 0;  // exited or purged
  uint64_t placeholders = 0;     // threads created from an event naming an unknown tid
};

class State {
 public:
  explicit State(StateConfig cfg = {});
  ~State();
  State(const State&) = delete;
  State& operator=(const State&) = delete;

  const StateConfig& config() const { return cfg_; }

  // ---- feeding -----------------------------------------------------------------------------
  // Applies one event. Unknown event types and malformed params are ignored (state stays as
  // it was); this never fails.
  void update(const events::EventView& ev);
  // Applies the removals the last event scheduled (closed fds, exited threads).
  void flush_pending();
  // Purges threads with no event since `now - thread_timeout_ns` (dead processes whose exit we
  // missed). Called by update() every purge_interval_ns of event time.
  size_t purge_inactive(uint64_t now_ns);

  // ---- seeding (trace-file state blocks, or /proc through proc_scan.h) ---------------------
  // Adds or replaces one thread; links it to its leader and parent if they are known.
  void seed_process(const scap::ProcessInfo& p);
  // Adds the fds of one thread's process (the fd list block of a thread).
  void seed_fds(const scap::FdList& fds);
  UserTable& users() { return users_; }
  const UserTable& users() const { return users_; }
  // Containers and their runtime metadata (set_provider() enables lookups).
  ContainerTable& containers() { return containers_; }
  const ContainerTable& containers() const { return containers_; }
  // Machine boot time (ns since epoch), used for pidns_init_start_ts.
  void set_boot_ts(uint64_t boot_ts_ns) { boot_ts_ = boot_ts_ns; }
  // The machine's network interfaces (trace-file interface list, or the host's), used to fill
  // the unspecified local address of a datagram socket as Falco does.
  void set_interfaces(const scap::InterfaceList& ifs);
  // Whether `ip` (4 or 16 bytes, network order) is an address of the machine the events come
  // from, decided as sysdig does from the interface list: an IPv4 address equal to an
  // interface's, an IPv6 address in an interface's /64. nullopt when no list is known.
  std::optional<bool> is_local_ip(bool ipv6, const uint8_t* ip) const;

  // ---- lookups (never allocate) ------------------------------------------------------------
  const ThreadInfo* thread(int64_t tid) const;
  ThreadInfo* thread_mut(int64_t tid);
  // The thread-group leader (the process) of t: t itself for a leader or when unknown.
  const ThreadInfo* leader_of(const ThreadInfo& t) const;
  // The parent (ptid) of t, nullptr when unknown.
  const ThreadInfo* parent_of(const ThreadInfo& t) const;
  // The n-th ancestor process (n = 1 is the parent), walking ptid as proc.aname[n] does.
  const ThreadInfo* ancestor(const ThreadInfo& t, uint32_t n) const;
  // cwd and env of t's process.
  const std::string& cwd_of(const ThreadInfo& t) const;
  const std::vector<std::string>& env_of(const ThreadInfo& t) const;
  // The fd table of t's process (nullptr when it has none yet).
  const FdTable* fds_of(const ThreadInfo& t) const;
  // The fd `fd` of thread `tid`'s process, as sysdig's renderer shows `3(<f>/etc/passwd)`.
  const FdInfo* lookup_fd(int64_t tid, int64_t fd) const;
  // The fd the event `ev` is about (the fd param of the syscall, or the fd it created), as set
  // by the last update() of that thread; nullptr when none.
  const FdInfo* event_fd(const events::EventView& ev) const;
  // The fd number the current syscall of thread `tid` uses (-1 when none).
  int64_t event_fd_num(int64_t tid) const;
  // The user / group of t (in t's container), nullptr when unknown.
  const User* user_of(const ThreadInfo& t) const;
  const Group* group_of(const ThreadInfo& t) const;
  const User* loginuser_of(const ThreadInfo& t) const;

  size_t thread_count() const { return threads_.size(); }
  size_t fd_count() const;  // over every process (O(processes))
  const StateStats& stats() const { return stats_; }

  // Calls f(const ThreadInfo&) for each thread.
  template <typename F>
  void for_each_thread(F&& f) const {
    for (const auto& [tid, t] : threads_) f(*t);
  }

 private:
  // ---- table maintenance (state.cpp) ----
  ThreadInfo* find(int64_t tid);
  ThreadInfo* get_or_placeholder(int64_t tid);
  ThreadInfo* insert(int64_t tid);  // nullptr when the table is full
  void link_parent(ThreadInfo& t);
  void unlink_parent(ThreadInfo& t);
  void set_parent(ThreadInfo& t, int64_t ptid);
  ThreadInfo* leader_mut(ThreadInfo& t);
  FdTable& fds_mut(ThreadInfo& t);
  void remove_thread(int64_t tid);
  ThreadInfo* find_reaper(ThreadInfo& dying);
  void erase_entry(int64_t tid);
  void set_cgroups(ThreadInfo& t, std::string_view nul_separated);
  void set_env(ThreadInfo& t, std::string_view nul_separated);
  void set_args(ThreadInfo& t, std::string_view nul_separated);
  void update_container(ThreadInfo& t);

  // ---- event handlers (proc_events.cpp, fd_events.cpp, net_events.cpp) ----
  void on_enter(const events::EventView& ev, ThreadInfo& t);
  void on_exit(const events::EventView& ev, ThreadInfo* t);
  void on_clone_exit(const events::EventView& ev, ThreadInfo* t);
  void clone_from_parent(const events::EventView& ev, ThreadInfo& caller, int64_t child_tid);
  void clone_in_child(const events::EventView& ev);
  void fill_from_clone_event(ThreadInfo& child, const Params& p);
  void inherit(ThreadInfo& child, const ThreadInfo& from, bool copy_process_data);
  void on_execve_exit(const events::EventView& ev, ThreadInfo& t);
  void on_procexit(const events::EventView& ev, ThreadInfo& t);
  void on_open_exit(const events::EventView& ev, ThreadInfo& t);
  void on_close_exit(const events::EventView& ev, ThreadInfo& t);
  void on_dup_exit(const events::EventView& ev, ThreadInfo& t);
  void on_fcntl_exit(const events::EventView& ev, ThreadInfo& t);
  void on_simple_fd_exit(const events::EventView& ev, ThreadInfo& t, FdType type);
  void on_pipe_exit(const events::EventView& ev, ThreadInfo& t);
  void on_chdir_exit(const events::EventView& ev, ThreadInfo& t, bool by_fd);
  void on_socket_exit(const events::EventView& ev, ThreadInfo& t);
  void on_socketpair_exit(const events::EventView& ev, ThreadInfo& t);
  void on_bind_exit(const events::EventView& ev, ThreadInfo& t);
  void on_connect_exit(const events::EventView& ev, ThreadInfo& t);
  void on_accept_exit(const events::EventView& ev, ThreadInfo& t);
  void on_datagram(const events::EventView& ev, ThreadInfo& t, bool incoming);
  void on_sendto_enter(const events::EventView& ev, ThreadInfo& t);
  void patch_from_interfaces(SockTuple& s) const;
  void on_user_event(const events::EventView& ev);
  const events::EventView* enter_of(const events::EventView& exit, ThreadInfo& t);

  StateConfig cfg_;
  StateStats stats_;
  UserTable users_;
  ContainerTable containers_;
  uint64_t boot_ts_ = 0;
  uint64_t last_purge_ts_ = 0;

  // Owns every ThreadInfo. Free entries are kept for reuse, bounded, to avoid allocator churn.
  std::unordered_map<int64_t, std::unique_ptr<ThreadInfo>> threads_;
  std::vector<std::unique_ptr<ThreadInfo>> free_;
  // One-entry lookup cache (most consecutive events come from the same thread).
  mutable int64_t cache_tid_ = -1;
  mutable ThreadInfo* cache_ = nullptr;

  // Removals scheduled by the last event.
  int64_t pending_thread_ = -1;
  int64_t pending_close_tid_ = -1;
  int64_t pending_close_fd_ = -1;
  // The fd whose name_changed flag the last event set (cleared at the next event).
  int64_t changed_tid_ = -1;
  int64_t changed_fd_ = -1;

  // Scratch buffers reused across events.
  std::string scratch_;
  struct Iface {
    bool ipv6 = false;
    std::array<uint8_t, 16> addr{};
    std::array<uint8_t, 16> netmask{};
  };
  std::vector<Iface> ifaces_;
  std::string scratch2_;
  std::string old_name_;  // an fd's name before the event changed it (fd.name_changed)
  events::EventView enter_view_;
};

}  // namespace saker::state
