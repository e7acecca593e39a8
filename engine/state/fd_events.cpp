// File descriptor events: open family, close, dup family, fcntl, pipes and the single-fd
// creators (eventfd, signalfd, timerfd, inotify, bpf, userfaultfd, io_uring, epoll, memfd,
// pidfd), chdir/fchdir, and sockets (socket, socketpair, bind, connect, accept, UDP tuples).
#include <cstring>

#include "engine/events/event_types.h"
#include "engine/events/ppm_flags.h"
#include "engine/state/path.h"
#include "engine/state/state.h"

namespace saker::state {

using namespace saker::events;

namespace {

constexpr uint32_t kCreatUpperLayer = 1, kCreatLowerLayer = 2;  // creat's creat_flags

// Socket params in the scap layout:
//   sockaddr  family(1) | AF_INET: ip(4) port(2) | AF_INET6: ip(16) port(2) | AF_UNIX: path
//   socktuple family(1) | AF_INET: sip(4) sport(2) dip(4) dport(2)
//                       | AF_INET6: sip(16) sport(2) dip(16) dport(2)
//                       | AF_UNIX: source(8) dest(8) path
uint16_t rd16(const uint8_t* p) {
  uint16_t v;
  std::memcpy(&v, p, 2);
  return v;
}
uint64_t rd64(const uint8_t* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
std::string_view cstr(const uint8_t* p, size_t n) {
  size_t len = 0;
  while (len < n && p[len] != 0) ++len;
  return {reinterpret_cast<const char*>(p), len};
}

// Fills `t` from a socktuple param; false when the param is not a valid tuple.
bool parse_tuple(std::span<const uint8_t> b, SockTuple& t, std::string_view& unix_path) {
  if (b.empty()) return false;
  const uint8_t fam = b[0];
  if (fam == kFamilyInet && b.size() >= 13) {
    t.family = kFamilyInet;
    t.sip = {};
    t.dip = {};
    std::memcpy(t.sip.data(), &b[1], 4);
    t.sport = rd16(&b[5]);
    std::memcpy(t.dip.data(), &b[7], 4);
    t.dport = rd16(&b[11]);
    return true;
  }
  if (fam == kFamilyInet6 && b.size() >= 37) {
    const uint8_t* sip = &b[1];
    const uint8_t* dip = &b[19];
    if (is_ipv4_mapped(sip) && is_ipv4_mapped(dip)) {
      t.family = kFamilyInet;
      t.sip = {};
      t.dip = {};
      std::memcpy(t.sip.data(), sip + 12, 4);
      std::memcpy(t.dip.data(), dip + 12, 4);
    } else {
      t.family = kFamilyInet6;
      std::memcpy(t.sip.data(), sip, 16);
      std::memcpy(t.dip.data(), dip, 16);
    }
    t.sport = rd16(&b[17]);
    t.dport = rd16(&b[35]);
    return true;
  }
  if (fam == kFamilyUnix && b.size() >= 17) {
    t.family = kFamilyUnix;
    t.unix_source = rd64(&b[1]);
    t.unix_dest = rd64(&b[9]);
    unix_path = cstr(&b[17], b.size() - 17);
    return true;
  }
  return false;
}

void swap_ends(SockTuple& t) {
  std::swap(t.sip, t.dip);
  std::swap(t.sport, t.dport);
}

bool ip_empty(const std::array<uint8_t, 16>& ip) {
  for (uint8_t b : ip) {
    if (b != 0) return false;
  }
  return true;
}

// Applies an inet tuple to a socket as Falco does: nothing changes when the socket already has
// this tuple (either way round, and `compare` is set); the source end is taken, the destination
// only where the socket has none yet (a connected datagram socket keeps its peer). Returns
// whether anything changed.
bool apply_inet_tuple(SockTuple& s, const SockTuple& t, bool compare) {
  if (compare && ((s.sip == t.sip && s.sport == t.sport && s.dip == t.dip && s.dport == t.dport) ||
                  (s.dip == t.sip && s.dport == t.sport && s.sip == t.dip && s.sport == t.dport))) {
    return false;
  }
  bool changed = false;
  if (s.sip != t.sip) s.sip = t.sip, changed = true;
  if (s.sport != t.sport) s.sport = t.sport, changed = true;
  if (ip_empty(s.dip)) s.dip = t.dip, changed = true;
  if (s.dport == 0) s.dport = t.dport, changed = true;
  s.family = t.family;
  return changed;
}

}  // namespace

// ---- files -------------------------------------------------------------------------------

void State::on_open_exit(const EventView& ev, ThreadInfo& t) {
  const uint16_t type = ev.type();
  const EventView* enter = type == PPME_SYSCALL_OPEN_BY_HANDLE_AT_X ? nullptr : enter_of(ev, t);
  Params p(ev, enter);
  const int64_t fd = p.ret();

  std::string_view name = type == PPME_SYSCALL_OPEN_BY_HANDLE_AT_X ? p.str(P::path) : p.str(P::name);
  uint32_t flags = static_cast<uint32_t>(p.u64_or(P::flags, 0));
  // The enter event's name and flags are authoritative (the exit's may be missing or empty);
  // the exit adds what only it knows (O_F_CREATED and the overlay bits).
  if (enter != nullptr) {
    Params e(*enter, nullptr);
    std::string_view en = e.str(P::name);
    if (!en.empty() && en != "<NA>") {
      name = en;
      const uint32_t added = flags & ~(PPM_O_F_CREATED - 1);
      flags = static_cast<uint32_t>(e.u64_or(P::flags, 0)) | added;
    }
  }
  if (type == PPME_SYSCALL_CREAT_X) {
    flags = 0;
    const uint64_t cf = p.u64_or(P::creat_flags, 0);
    if (cf & kCreatUpperLayer) flags |= PPM_FD_UPPER_LAYER;
    else if (cf & kCreatLowerLayer) flags |= PPM_FD_LOWER_LAYER;
  }

  // Base directory for a relative name.
  std::string_view base;
  bool unknown_dir = false;
  if (type == PPME_SYSCALL_OPEN_X || type == PPME_SYSCALL_CREAT_X) {
    base = cwd_of(t);
  } else if (type == PPME_SYSCALL_OPEN_BY_HANDLE_AT_X) {
    base = "";
  } else {
    int64_t dirfd;
    if (!name.empty() && name[0] == '/') {
      base = "";
    } else if (p.i64(P::dirfd, dirfd)) {
      if (dirfd == PPM_AT_FDCWD) {
        base = cwd_of(t);
      } else if (const FdInfo* d = lookup_fd(t.tid, dirfd)) {
        set_dir_path(scratch2_, d->name);
        if (d->name.empty()) scratch2_.clear();
        base = scratch2_;
      } else {
        unknown_dir = true;
        base = "<UNKNOWN>";
      }
    }
  }
  (void)unknown_dir;
  if (fd < 0) return;

  FdInfo* f = fds_mut(t).add(fd);
  if (f == nullptr) {
    ++stats_.fd_drops;
    return;
  }
  f->type = (flags & PPM_O_DIRECTORY) ? FdType::Directory : FdType::FileV2;
  f->openflags = flags;
  f->dev = static_cast<uint32_t>(p.u64_or(P::dev, 0));
  f->ino = p.u64_or(P::ino, 0);
  f->name_raw.assign(name);
  resolve_path(f->name, base, name);
  if (flags & PPM_FD_UPPER_LAYER) f->flags |= FdInfo::kOverlayUpper;
  if (flags & PPM_FD_LOWER_LAYER) f->flags |= FdInfo::kOverlayLower;
  f->name_changed = true;
  t.last_fd = fd;
}

void State::on_close_exit(const EventView& ev, ThreadInfo& t) {
  Params p(ev, nullptr);
  if (p.ret() < 0) return;
  int64_t fd = t.last_fd;
  if (fd < 0) fd = p.i64_or(P::fd, -1);
  if (fd < 0) return;
  // The fd stays visible while this event is evaluated.
  pending_close_tid_ = t.tid;
  pending_close_fd_ = fd;
}

void State::on_dup_exit(const EventView& ev, ThreadInfo& t) {
  const EventView* enter = enter_of(ev, t);
  Params p(ev, enter);
  const int64_t res = p.ret();
  if (res < 0) return;
  int64_t oldfd = t.last_fd;
  if (oldfd < 0) oldfd = p.i64_or(P::oldfd, p.i64_or(P::fd, -1));
  FdTable& fds = fds_mut(t);
  const FdInfo* src = fds.find(oldfd);
  if (src == nullptr) return;
  if (res == 0) t.flags |= PPM_CL_PIPE_DST;
  if (res == 1) t.flags |= PPM_CL_PIPE_SRC;
  if (res == oldfd) return;  // dup2(fd, fd)
  FdInfo copy = *src;        // add() may move the slot storage
  FdInfo* dst = fds.add(res);  // replaces (closes) an fd open at `res`
  if (dst == nullptr) {
    ++stats_.fd_drops;
    return;
  }
  *dst = std::move(copy);
  dst->fd = res;
  dst->openflags &= ~PPM_O_CLOEXEC;
  if (ev.type() == PPME_SYSCALL_DUP3_X && (p.u64_or(P::flags, 0) & PPM_O_CLOEXEC)) {
    dst->openflags |= PPM_O_CLOEXEC;
  }
  t.last_fd = res;
}

void State::on_fcntl_exit(const EventView& ev, ThreadInfo& t) {
  const EventView* enter = enter_of(ev, t);
  Params p(ev, enter);
  const uint64_t cmd = p.u64_or(P::cmd, 0);
  if (cmd != PPM_FCNTL_F_DUPFD && cmd != PPM_FCNTL_F_DUPFD_CLOEXEC && cmd != PPM_FCNTL_F_SETFD) {
    return;
  }
  const int64_t res = p.ret();
  if (res < 0) return;
  int64_t fd = t.last_fd >= 0 ? t.last_fd : p.i64_or(P::fd, -1);
  FdTable& fds = fds_mut(t);
  FdInfo* src = fds.find(fd);
  if (src == nullptr) return;
  if (cmd == PPM_FCNTL_F_SETFD) {
    src->openflags &= ~PPM_O_CLOEXEC;
    if (p.u64_or(P::arg, 0) & 1 /* FD_CLOEXEC */) src->openflags |= PPM_O_CLOEXEC;
    return;
  }
  FdInfo copy = *src;
  FdInfo* dst = fds.add(res);
  if (dst == nullptr) {
    ++stats_.fd_drops;
    return;
  }
  *dst = std::move(copy);
  dst->fd = res;
  dst->openflags &= ~PPM_O_CLOEXEC;
  if (cmd == PPM_FCNTL_F_DUPFD_CLOEXEC) dst->openflags |= PPM_O_CLOEXEC;
  t.last_fd = res;  // the new fd is the event's, as for dup
}

void State::on_simple_fd_exit(const EventView& ev, ThreadInfo& t, FdType type) {
  Params p(ev, nullptr);
  int64_t fd = p.ret();
  if (ev.type() == PPME_SYSCALL_BPF_2_X) fd = p.i64_or(P::fd, -1);
  if (fd < 0) return;
  FdInfo* f = fds_mut(t).add(fd);
  if (f == nullptr) {
    ++stats_.fd_drops;
    return;
  }
  f->type = type;
  const uint64_t flags = p.u64_or(P::flags, 0);
  switch (ev.type()) {
    case PPME_SYSCALL_EVENTFD2_X:
    case PPME_SYSCALL_INOTIFY_INIT1_X:
    case PPME_SYSCALL_SIGNALFD4_X:
    case PPME_SYSCALL_TIMERFD_CREATE_X:
      f->openflags = static_cast<uint32_t>(flags);
      break;
    case PPME_SYSCALL_EPOLL_CREATE1_X:
      if (flags & 1u /* PPM_EPOLL_CLOEXEC */) f->openflags |= PPM_O_CLOEXEC;
      break;
    case PPME_SYSCALL_MEMFD_CREATE_X:
      f->name.assign("memfd:");
      f->name.append(p.str(P::name));
      if (flags & 1u /* PPM_MFD_CLOEXEC */) f->openflags |= PPM_O_CLOEXEC;
      break;
    default:
      break;
  }
  t.last_fd = fd;
}

void State::on_pipe_exit(const EventView& ev, ThreadInfo& t) {
  Params p(ev, nullptr);
  if (p.ret() < 0) return;
  const int64_t fd1 = p.i64_or(P::fd1, -1), fd2 = p.i64_or(P::fd2, -1);
  const uint64_t ino = p.u64_or(P::ino, 0);
  const uint32_t flags =
      ev.type() == PPME_SYSCALL_PIPE2_X ? static_cast<uint32_t>(p.u64_or(P::flags, 0)) : 0;
  FdTable& fds = fds_mut(t);
  for (int64_t fd : {fd1, fd2}) {
    if (fd < 0) continue;
    FdInfo* f = fds.add(fd);
    if (f == nullptr) {
      ++stats_.fd_drops;
      continue;
    }
    f->type = FdType::Fifo;
    f->ino = ino;
    f->openflags = flags;
  }
  // The event's fd is the last one added (fd2), as in sysdig.
  t.last_fd = fd2 >= 0 ? fd2 : fd1;
}

void State::on_chdir_exit(const EventView& ev, ThreadInfo& t, bool by_fd) {
  const EventView* enter = enter_of(ev, t);
  Params p(ev, enter);
  if (p.ret() < 0) return;
  ThreadInfo* l = leader_mut(t);
  if (by_fd) {
    int64_t fd = t.last_fd >= 0 ? t.last_fd : p.i64_or(P::fd, -1);
    const FdInfo* f = lookup_fd(t.tid, fd);
    if (f == nullptr) return;
    resolve_path(scratch_, l->cwd, f->name);
  } else {
    if (!p.has(P::path)) return;
    resolve_path(scratch_, l->cwd, p.str(P::path));
  }
  set_dir_path(l->cwd, scratch_);
}

// ---- sockets -----------------------------------------------------------------------------

void State::on_socket_exit(const EventView& ev, ThreadInfo& t) {
  const EventView* enter = enter_of(ev, t);
  Params p(ev, enter);
  const int64_t fd = p.ret();
  if (fd < 0) return;
  const uint32_t domain = static_cast<uint32_t>(p.u64_or(P::domain, 0));
  const uint32_t stype = static_cast<uint32_t>(p.u64_or(P::type, 0));
  const uint32_t proto = static_cast<uint32_t>(p.u64_or(P::proto, 0));
  FdInfo* f = fds_mut(t).add(fd);
  if (f == nullptr) {
    ++stats_.fd_drops;
    return;
  }
  f->openflags = static_cast<uint32_t>(p.u64_or(P::flags, 0));
  f->type = FdType::Unknown;
  constexpr uint32_t kStream = 1, kDgram = 2, kRaw = 3;            // SOCK_*
  constexpr uint32_t kIp = 0, kIcmp = 1, kTcp = 6, kUdp = 17, kIpRaw = 255;  // IPPROTO_*
  if (domain == PPM_AF_UNIX) {
    f->type = FdType::UnixSock;
    f->sock.family = kFamilyUnix;
  } else if (domain == PPM_AF_INET || domain == PPM_AF_INET6) {
    f->type = domain == PPM_AF_INET ? FdType::Ipv4Sock : FdType::Ipv6Sock;
    f->sock.family = domain == PPM_AF_INET ? kFamilyInet : kFamilyInet6;
    const uint32_t base = stype & 0xff;
    L4Proto l4 = L4Proto::Unknown;
    if (proto == kTcp) l4 = base == kRaw ? L4Proto::Raw : L4Proto::Tcp;
    else if (proto == kUdp) l4 = base == kRaw ? L4Proto::Raw : L4Proto::Udp;
    else if (proto == kIp) l4 = base == kStream ? L4Proto::Tcp : base == kDgram ? L4Proto::Udp : L4Proto::Unknown;
    else if (proto == kIcmp) l4 = base == kRaw ? L4Proto::Raw : L4Proto::Icmp;
    else if (proto == kIpRaw) l4 = L4Proto::Raw;
    f->sock.l4proto = l4;
  } else if (domain == PPM_AF_NETLINK) {
    f->type = FdType::Netlink;
  }
  t.last_fd = fd;
}

void State::on_socketpair_exit(const EventView& ev, ThreadInfo& t) {
  Params p(ev, nullptr);
  if (p.ret() < 0) return;
  const int64_t fd1 = p.i64_or(P::fd1, -1), fd2 = p.i64_or(P::fd2, -1);
  if (fd1 < 0 || fd2 < 0 || fd1 == fd2) return;
  const uint64_t src = p.u64_or(P::source, 0), peer = p.u64_or(P::peer, 0);
  FdTable& fds = fds_mut(t);
  for (int64_t fd : {fd1, fd2}) {
    FdInfo* f = fds.add(fd);
    if (f == nullptr) {
      ++stats_.fd_drops;
      continue;
    }
    f->type = FdType::UnixSock;
    f->sock.family = kFamilyUnix;
    f->sock.unix_source = src;
    f->sock.unix_dest = peer;
  }
  t.last_fd = fd2;  // the last fd added, as in sysdig
}

void State::on_bind_exit(const EventView& ev, ThreadInfo& t) {
  Params p(ev, nullptr);
  if (p.ret() < 0) return;
  FdInfo* f = fds_mut(t).find(t.last_fd >= 0 ? t.last_fd : p.i64_or(P::fd, -1));
  if (f == nullptr) return;
  auto a = p.raw(P::addr);
  if (a.empty()) return;
  old_name_.assign(f->name);
  const uint8_t fam = a[0];
  if (fam == kFamilyInet && a.size() >= 7) {
    uint8_t ip[16] = {};
    std::memcpy(ip, &a[1], 4);
    const uint16_t port = rd16(&a[5]);
    if (port > 0) {
      f->type = FdType::Ipv4ServSock;
      f->sock.family = kFamilyInet;
      std::memcpy(f->sock.sip.data(), ip, 16);
      f->sock.sport = port;
      f->role = SockRole::Server;
    }
    format_inet_endpoint(f->name, kFamilyInet, ip, port);
  } else if (fam == kFamilyInet6 && a.size() >= 19) {
    const uint8_t* ip = &a[1];
    const uint16_t port = rd16(&a[17]);
    if (port > 0) {
      f->sock.sport = port;
      f->role = SockRole::Server;
      if (is_ipv4_mapped(ip)) {
        f->type = FdType::Ipv4ServSock;
        f->sock.family = kFamilyInet;
        f->sock.sip = {};
        std::memcpy(f->sock.sip.data(), ip + 12, 4);
      } else {
        f->type = FdType::Ipv6ServSock;
        f->sock.family = kFamilyInet6;
        std::memcpy(f->sock.sip.data(), ip, 16);
      }
    }
    format_inet_endpoint(f->name, kFamilyInet6, ip, port);
  } else if (fam == kFamilyUnix) {
    f->name.assign(cstr(&a[1], a.size() - 1));
  }
  f->name_changed = f->name != old_name_;
}

void State::on_connect_exit(const EventView& ev, ThreadInfo& t) {
  const EventView* enter = enter_of(ev, t);
  Params p(ev, enter);
  FdInfo* f = fds_mut(t).find(t.last_fd >= 0 ? t.last_fd : p.i64_or(P::fd, -1));
  if (f == nullptr) return;  // a socket we never saw created
  const int64_t res = p.ret();
  constexpr int64_t kEinprogress = -115;
  // A failed connect leaves the socket as it was. A non-blocking one in progress counts as
  // connected, as in sysdig and Falco (which track pending/failed states only on request).
  if (res < 0 && res != kEinprogress) return;
  f->conn = ConnState::Connected;
  old_name_.assign(f->name);

  SockTuple tup;
  std::string_view unix_path;
  auto raw = ev.param(static_cast<uint32_t>(std::max(0, param_pos(ev.type(), P::tuple))));
  if (param_pos(ev.type(), P::tuple) < 0 || !parse_tuple(raw, tup, unix_path)) {
    // No tuple (old captures, failures): the destination from the enter's sockaddr.
    auto a = p.raw(P::addr);
    if (a.empty()) return;
    if (a[0] == kFamilyInet && a.size() >= 7) {
      f->type = FdType::Ipv4Sock;
      f->sock.family = kFamilyInet;
      f->sock.dip = {};
      std::memcpy(f->sock.dip.data(), &a[1], 4);
      f->sock.dport = rd16(&a[5]);
    } else if (a[0] == kFamilyInet6 && a.size() >= 19) {
      f->type = FdType::Ipv6Sock;
      f->sock.family = kFamilyInet6;
      std::memcpy(f->sock.dip.data(), &a[1], 16);
      f->sock.dport = rd16(&a[17]);
    } else if (a[0] == kFamilyUnix) {
      f->name.assign(cstr(&a[1], a.size() - 1));
      f->name_changed = f->name != old_name_;
    }
    return;
  }
  if (tup.family == kFamilyUnix) {
    f->type = FdType::UnixSock;
    f->sock.family = kFamilyUnix;
    f->sock.unix_source = tup.unix_source;
    f->sock.unix_dest = tup.unix_dest;
    format_unix_tuple(f->name, tup.unix_source, tup.unix_dest, unix_path);
  } else {
    const FdType nt = tup.family == kFamilyInet ? FdType::Ipv4Sock : FdType::Ipv6Sock;
    const bool same_type = f->type == nt;
    f->type = nt;
    const bool changed = apply_inet_tuple(f->sock, tup, same_type);
    if (changed && f->role == SockRole::Server && f->sock.l4proto == L4Proto::Udp) swap_ends(f->sock);
    format_inet_tuple(f->name, f->sock);
  }
  if (f->role == SockRole::None) f->role = SockRole::Client;
  f->name_changed = f->name != old_name_;
}

void State::on_accept_exit(const EventView& ev, ThreadInfo& t) {
  Params p(ev, nullptr);
  const int64_t fd = p.ret();
  if (fd < 0) return;
  SockTuple tup;
  std::string_view unix_path;
  if (!parse_tuple(p.raw(P::tuple), tup, unix_path)) return;
  FdInfo* f = fds_mut(t).add(fd);
  if (f == nullptr) {
    ++stats_.fd_drops;
    return;
  }
  f->sock = tup;
  if (tup.family == kFamilyUnix) {
    f->type = FdType::UnixSock;
    format_unix_tuple(f->name, tup.unix_source, tup.unix_dest, unix_path);
  } else {
    f->type = tup.family == kFamilyInet ? FdType::Ipv4Sock : FdType::Ipv6Sock;
    f->sock.l4proto = L4Proto::Tcp;
    format_inet_tuple(f->name, f->sock);
  }
  if (ev.type() == PPME_SOCKET_ACCEPT4_6_X && (p.u64_or(P::flags, 0) & PPM_O_CLOEXEC)) {
    f->openflags |= PPM_O_CLOEXEC;
  }
  f->role = SockRole::Server;
  f->conn = ConnState::Connected;
  f->name_changed = true;
  t.last_fd = fd;
}

void State::on_sendto_enter(const EventView& ev, ThreadInfo& t) {
  // sendto() on an fd we never saw created: assume a UDP socket of the destination's family,
  // as Falco does (only for sendto, and only for inet destinations).
  if (t.last_fd < 0) return;
  FdTable& fds = fds_mut(t);
  if (fds.find(t.last_fd) != nullptr) return;
  const int pos = param_pos(ev.type(), P::addr) >= 0 ? param_pos(ev.type(), P::addr)
                                                      : param_pos(ev.type(), P::tuple);
  if (pos < 0) return;
  auto a = ev.param(static_cast<uint32_t>(pos));
  if (a.empty() || (a[0] != kFamilyInet && a[0] != kFamilyInet6)) return;
  FdInfo* f = fds.add(t.last_fd);
  if (f == nullptr) {
    ++stats_.fd_drops;
    return;
  }
  f->type = a[0] == kFamilyInet ? FdType::Ipv4Sock : FdType::Ipv6Sock;
  f->sock.family = a[0];
  f->sock.l4proto = L4Proto::Udp;
}

void State::set_interfaces(const scap::InterfaceList& ifs) {
  ifaces_.clear();
  for (const auto& e : ifs.entries) {
    Iface i;
    i.ipv6 = e.ipv6;
    if (e.ipv6) {
      i.addr = e.addr6;
      i.netmask = e.netmask6;
    } else {
      std::memcpy(i.addr.data(), &e.addr4, 4);
      std::memcpy(i.netmask.data(), &e.netmask4, 4);
    }
    ifaces_.push_back(i);
  }
}

std::optional<bool> State::is_local_ip(bool ipv6, const uint8_t* ip) const {
  if (ifaces_.empty()) return std::nullopt;
  for (const auto& i : ifaces_) {
    if (i.ipv6 != ipv6) continue;
    if (std::memcmp(i.addr.data(), ip, ipv6 ? 8 : 4) == 0) return true;
  }
  return false;
}

// Fills the unspecified end of a datagram socket's tuple from the machine's interfaces, as
// Falco does: the interface with that address, else one on the same subnet, else the first
// that is not loopback.
void State::patch_from_interfaces(SockTuple& s) const {
  const bool v6 = s.family == kFamilyInet6;
  const size_t n = v6 ? 16 : 4;
  auto empty = [&](const std::array<uint8_t, 16>& ip) {
    for (size_t i = 0; i < n; ++i) {
      if (ip[i] != 0) return false;
    }
    return true;
  };
  const bool sip_empty = empty(s.sip), dip_empty = empty(s.dip);
  if (!sip_empty && !dip_empty) return;
  const std::array<uint8_t, 16>& known = sip_empty ? s.dip : s.sip;
  auto eq = [&](const std::array<uint8_t, 16>& a) { return std::memcmp(a.data(), known.data(), n) == 0; };
  auto same_net = [&](const Iface& i) {
    if (v6) return std::memcmp(i.addr.data(), known.data(), 8) == 0;
    for (size_t k = 0; k < 4; ++k) {
      if ((i.addr[k] & i.netmask[k]) != (known[k] & i.netmask[k])) return false;
    }
    return true;
  };
  auto loopback = [&](const Iface& i) {
    if (v6) {
      static constexpr std::array<uint8_t, 16> kLo{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
      return i.addr == kLo;
    }
    return i.addr[0] == 127 && i.addr[1] == 0 && i.addr[2] == 0 && i.addr[3] == 1;
  };
  std::array<uint8_t, 16> found{};
  bool got = false;
  for (const auto& i : ifaces_) {
    if (i.ipv6 == v6 && eq(i.addr)) { found = i.addr; got = true; break; }
  }
  if (!got) {
    for (const auto& i : ifaces_) {
      if (i.ipv6 == v6 && same_net(i)) { found = i.addr; got = true; break; }
    }
  }
  if (!got) {
    for (const auto& i : ifaces_) {
      if (i.ipv6 == v6 && !loopback(i)) { found = i.addr; got = true; break; }
    }
  }
  if (!v6) std::fill(found.begin() + 4, found.end(), 0);
  if (got && eq(found) && s.sport == s.dport) return;
  (sip_empty ? s.sip : s.dip) = found;
}

void State::on_datagram(const EventView& ev, ThreadInfo& t, bool incoming) {
  Params p(ev, enter_of(ev, t));
  if (p.ret() < 0) return;
  const int64_t fd = t.last_fd >= 0 ? t.last_fd : p.i64_or(P::fd, -1);
  FdInfo* f = fds_mut(t).find(fd);
  if (f == nullptr) return;
  if (f->type == FdType::Ipv4Sock || f->type == FdType::Ipv6Sock) {
    if (f->conn == ConnState::None || f->conn == ConnState::Pending) f->conn = ConnState::Connected;
  }
  // A TCP socket's tuple was set at connect/accept; only datagram sockets follow their peers.
  if (!f->name.empty() && f->is_tcp()) return;
  SockTuple tup;
  std::string_view unix_path;
  if (!parse_tuple(p.raw(P::tuple), tup, unix_path)) return;
  if (tup.family == kFamilyUnix) {
    f->type = FdType::UnixSock;
    f->sock.family = kFamilyUnix;
    f->sock.unix_source = tup.unix_source;
    f->sock.unix_dest = tup.unix_dest;
    f->name.assign(unix_path);
    f->name_changed = true;
    return;
  }
  const FdType nt = tup.family == kFamilyInet ? FdType::Ipv4Sock : FdType::Ipv6Sock;
  const bool same_type = f->type == nt || tup.family == kFamilyInet;
  if (tup.family == kFamilyInet) f->type = FdType::Ipv4Sock;
  if (!apply_inet_tuple(f->sock, tup, same_type)) return;
  if (f->type != FdType::Ipv4Sock && f->type != FdType::Ipv6Sock) f->type = nt;
  if (f->sock.l4proto == L4Proto::Unknown) f->sock.l4proto = L4Proto::Udp;
  patch_from_interfaces(f->sock);
  if (f->role == SockRole::None) f->role = incoming ? SockRole::Server : SockRole::Client;
  if (incoming && f->role == SockRole::Client) swap_ends(f->sock);
  if (!incoming && f->role == SockRole::Server) swap_ends(f->sock);
  format_inet_tuple(f->name, f->sock);
  f->name_changed = true;
}

}  // namespace saker::state
