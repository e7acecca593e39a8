#pragma once
// Param access by name, for every version of an event. Old and new versions of clone, execve,
// open ... share param names ("exe", "args", "cwd", "flags" ...) but not positions, so the state
// engine reads params by name. The name -> position map is built once from the event schema;
// on the hot path a lookup is two array reads.
//
// An exit event's param that is absent (old versions) or empty falls back to the same-named
// param of the thread's stored enter event, as sysdig does for old captures.
#include <cstdint>
#include <span>
#include <string_view>

#include "engine/events/event.h"

namespace saker::state {

enum class P : uint8_t {
  res, fd, name, flags, mode, dev, ino, dirfd, exe, args, tid, pid, ptid, cwd, fdlimit,
  pgft_maj, pgft_min, vm_size, vm_rss, vm_swap, comm, cgroups, env, tty, vpgid, loginuid,
  cap_inheritable, cap_permitted, cap_effective, exe_ino, exe_ino_ctime, exe_ino_mtime, uid, gid,
  trusted_exepath, pgid, filename, pathname, vtid, vpid, pidns_init_start_ts, tuple, addr,
  domain, type, proto, fd1, fd2, source, peer, oldfd, newfd, cmd, arg, path, option, arg2_str,
  arg2_int, ruid, euid, suid, rgid, egid, sgid, reaper_tid, creat_flags, first, last, res_or_fd,
  home, shell, container_id, in_fd, out_fd,
  kCount
};

// Position of param `k` in events of `type`, or -1.
int param_pos(uint16_t type, P k);

// Name of a P key as it appears in the schema.
std::string_view param_key_name(P k);

// Reads params of one exit event (and optionally its enter event) by name.
class Params {
 public:
  Params(const events::EventView& ev, const events::EventView* enter) : ev_(ev), enter_(enter) {}

  std::span<const uint8_t> raw(P k) const;
  bool has(P k) const { return !raw(k).empty(); }
  bool i64(P k, int64_t& out) const;
  bool u64(P k, uint64_t& out) const;
  int64_t i64_or(P k, int64_t def) const {
    int64_t v;
    return i64(k, v) ? v : def;
  }
  uint64_t u64_or(P k, uint64_t def) const {
    uint64_t v;
    return u64(k, v) ? v : def;
  }
  std::string_view str(P k) const;  // without trailing NULs; "" when absent
  // The syscall's return value: param 0 of an exit event.
  int64_t ret() const {
    int64_t v = 0;
    ev_.param_i64(0, v);
    return v;
  }

  const events::EventView& event() const { return ev_; }
  const events::EventView* enter() const { return enter_; }

 private:
  const events::EventView& ev_;
  const events::EventView* enter_;
};

// Reads a little-endian integer of 1, 2, 4 or 8 bytes.
bool read_int(std::span<const uint8_t> p, int64_t& out);

}  // namespace saker::state
