#pragma once
// One thread as the state engine knows it. A process is its thread-group leader (tid == pid):
// the leader owns the process-wide data (fd table, cwd, env); other threads of the group read
// them through State::leader_of(). A dead leader stays in the table, marked dead, while other
// threads of its group are alive, so they keep their fds and cwd.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/state/fd_table.h"

namespace saker::state {

enum class ContainerType : uint8_t {
  Host = 0,     // not in a container
  Docker,
  Podman,       // libpod
  Containerd,   // containerd / CRI through containerd
  Crio,
  Unknown,      // looked like a container id but the runtime is not recognised
};
const char* container_type_name(ContainerType t);  // "docker", "podman", "containerd", "cri-o"...

struct ThreadInfo {
  // ---- identity --------------------------------------------------------------------------
  int64_t tid = -1;
  int64_t pid = -1;   // thread group id; -1 when unknown (placeholder thread)
  int64_t ptid = -1;  // parent thread (for a thread: the parent of its process); -1 unknown
  int64_t vtid = -1;  // ids inside the thread's pid namespace; -1 unknown
  int64_t vpid = -1;
  int64_t sid = -1;
  int64_t pgid = -1;
  int64_t vpgid = -1;
  uint32_t flags = 0;  // PPM_CL_* clone flags (+ PPM_CL_CLONE_INVERTED, PPM_CL_ACTIVE ...)

  // ---- program ---------------------------------------------------------------------------
  std::string comm;     // proc.name (task comm, at most 16 chars from the kernel)
  std::string exe;      // proc.exe: argv[0] as given to execve
  std::string exepath;  // proc.exepath: resolved path of the executable
  std::vector<std::string> args;  // argv[1..]
  std::vector<std::string> cgroups_subsys;  // thread.cgroups: parallel to cgroups_path
  std::vector<std::string> cgroups_path;
  std::string root = "/";  // chroot
  int64_t fdlimit = 0;
  uint32_t tty = 0;

  // ---- credentials -----------------------------------------------------------------------
  uint32_t uid = UINT32_MAX;  // effective uid (user.uid)
  uint32_t gid = UINT32_MAX;  // effective gid (group.gid)
  uint32_t ruid = UINT32_MAX, suid = UINT32_MAX;
  uint32_t rgid = UINT32_MAX, sgid = UINT32_MAX;
  uint32_t loginuid = UINT32_MAX;  // user.loginuid (UINT32_MAX: unset, shown as -1)
  uint64_t cap_permitted = 0, cap_effective = 0, cap_inheritable = 0;

  // ---- executable inode facts ------------------------------------------------------------
  bool exe_writable = false;
  bool exe_upper_layer = false;
  bool exe_lower_layer = false;
  bool exe_from_memfd = false;
  uint64_t exe_ino = 0, exe_ino_ctime = 0, exe_ino_mtime = 0;

  // ---- times and counters ----------------------------------------------------------------
  uint64_t clone_ts = 0;     // when the thread was created (0 when seeded)
  uint64_t lastexec_ts = 0;  // last successful execve
  uint64_t pidns_init_start_ts = 0;
  uint64_t last_access_ts = 0;  // last event of this thread (for inactivity purge)
  uint64_t pfmajor = 0, pfminor = 0;
  uint32_t vmsize_kb = 0, vmrss_kb = 0, vmswap_kb = 0;

  // ---- container -------------------------------------------------------------------------
  std::string container_id;  // 12 hex chars, "" for the host
  ContainerType container_type = ContainerType::Host;

  // ---- process-wide data, meaningful on the group leader only ----------------------------
  std::unique_ptr<FdTable> fds;  // created on first use
  std::string cwd;               // ends with '/'; "" when unknown
  std::vector<std::string> env;  // bounded by StateConfig::max_env_bytes
  int32_t alive_threads = 0;     // live threads of the group (leader included while alive)
  bool reaper = false;           // PR_SET_CHILD_SUBREAPER, or init of a pid namespace

  // ---- bookkeeping -----------------------------------------------------------------------
  bool dead = false;  // procexit seen; removed after the current event
  std::vector<int64_t> children;  // tids whose ptid is this thread

  // The last enter event of this thread (its exit often needs the enter's params), and the fd
  // the current syscall uses (from the enter event, or the exit's "fd" param), -1 if none.
  uint16_t last_enter_type = 0;
  bool last_enter_valid = false;
  int64_t last_fd = -1;
  std::vector<uint8_t> last_enter;

  bool is_leader() const { return tid == pid; }
  bool is_thread() const { return pid >= 0 && tid != pid; }
  // A thread created from an event that named it but told us nothing else (Falco: "invalid").
  bool is_placeholder() const { return pid < 0 || ptid < 0; }
  bool in_pid_namespace() const;

  // proc.cmdline: comm followed by the args, space-separated.
  std::string cmdline() const;
};

}  // namespace saker::state
