// Field class `fd`: the file descriptor the event uses or creates, from the state engine's fd
// table (ctx.fd). For fd-creating exit events whose fd is not in the table (the call failed),
// fd.name, fd.directory and fd.typechar fall back to the event's own params, as sysdig does.
#include <algorithm>
#include <vector>

#include "engine/events/event_types.h"
#include "engine/events/ppm_flags.h"
#include "engine/events/render.h"
#include "engine/fields/bound_field.h"
#include "engine/fields/classes.h"
#include "engine/state/path.h"
#include "engine/state/state.h"

namespace saker::fields {
namespace {

using T = FieldType;
using PF = PrintFormat;
using Arg = ArgSyntax;

constexpr FieldInfo kFields[] = {
    {"fd.num", T::Int64, PF::Id, kNone, Arg::None, "FD Number",
     "Number of the file descriptor the event acts on or returns."},
    {"fd.type", T::Charbuf, PF::Dec, kNone, Arg::None, "FD Type",
     "Kind of object behind the fd: file or directory; ipv4, ipv6 or unix socket; pipe; event "
     "(eventfd); signalfd; eventpoll; inotify; memfd; and rarer kinds such as bpf, userfaultfd, "
     "io_uring or timerfd."},
    {"fd.typechar", T::Charbuf, PF::Dec, kNone, Arg::None, "FD Type Letter",
     "fd.type as one letter: f file, 4 IPv4 socket, 6 IPv6 socket, u unix socket or userfaultfd, "
     "p pipe, e eventfd, s signalfd, l eventpoll, i inotify, b bpf, r io_uring, m memfd, o "
     "anything else."},
    {"fd.name", T::Charbuf, PF::NA, kNone, Arg::None, "FD Name",
     "Name of the fd: the absolute path for files and directories, the connection tuple "
     "(client:port->server:port) for sockets, the socket path for unix sockets."},
    {"fd.directory", T::Charbuf, PF::NA, kNone, Arg::None, "FD Directory",
     "For a file fd, the directory part of fd.name."},
    {"fd.filename", T::Charbuf, PF::NA, kNone, Arg::None, "FD Filename",
     "For a file fd, the last component of fd.name."},
    {"fd.ip", T::Ipaddr, PF::NA, kFilterOnly | kNoRhs | kNoTransformer, Arg::None, "FD IP",
     "Filter-only: matches when either end of the socket (client or server) has this IP address."},
    {"fd.cip", T::Ipaddr, PF::NA, kNone, Arg::None, "Client IP",
     "IP address of the client end of the socket."},
    {"fd.sip", T::Ipaddr, PF::NA, kNone, Arg::None, "Server IP",
     "IP address of the server end of the socket."},
    {"fd.lip", T::Ipaddr, PF::NA, kNone, Arg::None, "Local IP",
     "IP address of the end of the socket on this host."},
    {"fd.rip", T::Ipaddr, PF::NA, kNone, Arg::None, "Remote IP",
     "IP address of the peer end of the socket."},
    {"fd.port", T::Port, PF::Dec, kFilterOnly | kNoRhs | kNoTransformer, Arg::None, "FD Port",
     "Filter-only: matches when either end of a TCP/UDP socket uses this port."},
    {"fd.cport", T::Port, PF::Dec, kNone, Arg::None, "Client Port",
     "Port of the client end of a TCP/UDP socket."},
    {"fd.sport", T::Port, PF::Dec, kNone, Arg::None, "Server Port",
     "Port of the server end of a TCP/UDP socket."},
    {"fd.lport", T::Port, PF::Dec, kNone, Arg::None, "Local Port",
     "Port of the end of a TCP/UDP socket on this host."},
    {"fd.rport", T::Port, PF::Dec, kNone, Arg::None, "Remote Port",
     "Port of the peer end of a TCP/UDP socket."},
    {"fd.l4proto", T::Charbuf, PF::NA, kNone, Arg::None, "L4 Protocol",
     "Transport protocol of a socket (tcp, udp, icmp or raw)."},
    {"fd.sockfamily", T::Charbuf, PF::NA, kNone, Arg::None, "Socket Family",
     "Address family of a socket fd: ip or unix."},
    {"fd.is_server", T::Bool, PF::NA, kNone, Arg::None, "FD Server",
     "True when this process holds the server end: a listening socket, or the accepting side of "
     "a connection."},
    {"fd.uid", T::Charbuf, PF::NA, kNone, Arg::None, "FD Unique ID",
     "Thread id and fd number written one after the other, which names one fd of one thread "
     "uniquely."},
    {"fd.containername", T::Charbuf, PF::NA, kNone, Arg::None, "FD Container Name",
     "container.id, a colon, then fd.name, so the same path in two containers stays distinct."},
    {"fd.containerdirectory", T::Charbuf, PF::NA, kNone, Arg::None, "FD Container Directory",
     "container.id, a colon, then fd.directory, so the same directory in two containers stays "
     "distinct."},
    {"fd.proto", T::Port, PF::NA, kFilterOnly | kNoRhs | kNoTransformer, Arg::None, "FD Protocol",
     "Filter-only: matches when the protocol of either end equals the value. Saker does not map "
     "ports to service names, so the protocol is the port number as text."},
    {"fd.cproto", T::Charbuf, PF::NA, kNone, Arg::None, "Client Protocol",
     "Protocol of the client end of a TCP/UDP socket; Saker gives the port number as text (no "
     "service-name lookup)."},
    {"fd.sproto", T::Charbuf, PF::NA, kNone, Arg::None, "Server Protocol",
     "Protocol of the server end of a TCP/UDP socket; Saker gives the port number as text (no "
     "service-name lookup)."},
    {"fd.lproto", T::Charbuf, PF::NA, kNone, Arg::None, "Local Protocol",
     "Protocol of the local end of a TCP/UDP socket; Saker gives the port number as text (no "
     "service-name lookup)."},
    {"fd.rproto", T::Charbuf, PF::NA, kNone, Arg::None, "Remote Protocol",
     "Protocol of the remote end of a TCP/UDP socket; Saker gives the port number as text (no "
     "service-name lookup)."},
    {"fd.net", T::Ipnet, PF::NA, kFilterOnly | kNoRhs | kNoTransformer, Arg::None, "FD Network",
     "Filter-only: matches when either end's IP address lies in the given network (CIDR such as "
     "10.0.0.0/8)."},
    {"fd.cnet", T::Ipnet, PF::NA, kFilterOnly | kNoRhs | kNoTransformer, Arg::None,
     "Client Network",
     "Filter-only: matches when the client IP lies in the given network."},
    {"fd.snet", T::Ipnet, PF::NA, kFilterOnly | kNoRhs | kNoTransformer, Arg::None,
     "Server Network",
     "Filter-only: matches when the server IP lies in the given network."},
    {"fd.lnet", T::Ipnet, PF::NA, kFilterOnly | kNoRhs | kNoTransformer, Arg::None,
     "Local Network",
     "Filter-only: matches when the local IP lies in the given network."},
    {"fd.rnet", T::Ipnet, PF::NA, kFilterOnly | kNoRhs | kNoTransformer, Arg::None,
     "Remote Network",
     "Filter-only: matches when the remote IP lies in the given network."},
    {"fd.connected", T::Bool, PF::NA, kNone, Arg::None, "FD Connected",
     "True once a TCP/UDP socket has a peer (connect or accept succeeded)."},
    {"fd.name_changed", T::Bool, PF::NA, kNone, Arg::None, "FD Name Changed",
     "True when this event gave the fd a new name, as when a UDP socket's tuple changes on "
     "connect or sendto."},
    {"fd.cip.name", T::Charbuf, PF::NA, kNoRhs | kNoTransformer, Arg::None, "Client Hostname",
     "DNS name of the client IP. Saker does no name lookups, so this is never set."},
    {"fd.sip.name", T::Charbuf, PF::NA, kNoRhs | kNoTransformer, Arg::None, "Server Hostname",
     "DNS name of the server IP. Never set in Saker."},
    {"fd.lip.name", T::Charbuf, PF::NA, kNoRhs | kNoTransformer, Arg::None, "Local Hostname",
     "DNS name of the local IP. Never set in Saker."},
    {"fd.rip.name", T::Charbuf, PF::NA, kNoRhs | kNoTransformer, Arg::None, "Remote Hostname",
     "DNS name of the remote IP. Never set in Saker."},
    {"fd.dev", T::Int32, PF::Hex, kNone, Arg::None, "FD Device",
     "Device number of the filesystem holding the file, major and minor packed as the kernel "
     "encodes them."},
    {"fd.dev.major", T::Int32, PF::Dec, kNone, Arg::None, "FD Major Device",
     "Major part of fd.dev."},
    {"fd.dev.minor", T::Int32, PF::Dec, kNone, Arg::None, "FD Minor Device",
     "Minor part of fd.dev."},
    {"fd.ino", T::Int64, PF::Dec, kNone, Arg::None, "FD Inode",
     "Inode number of the file the fd refers to."},
    {"fd.nameraw", T::Charbuf, PF::NA, kNone, Arg::None, "FD Name Raw",
     "For file fds, the path exactly as the syscall passed it (lightly cleaned, not made "
     "absolute); see fd.name for the resolved one."},
    {"fd.types", T::Charbuf, PF::Dec, kIsList | kArgAllowed | kNoRhs, Arg::Index, "FD Types",
     "List of the distinct fd.type values among the process's open fds; fd.types[N] yields only "
     "the type of fd N, as a one-item list."},
    {"fd.is_upper_layer", T::Bool, PF::NA, kNone, Arg::None, "FD Upper Layer",
     "True when the file lives in the writable upper layer of an overlayfs. The ptrace tracer "
     "does not detect overlay layers, so only trace files that carry the flag set it."},
    {"fd.is_lower_layer", T::Bool, PF::NA, kNone, Arg::None, "FD Lower Layer",
     "True when the file comes from a read-only lower layer of an overlayfs. The ptrace tracer "
     "does not detect overlay layers, so only trace files that carry the flag set it."},
};

using state::FdInfo;
using state::FdType;

class FdField;
using FdFn = bool (*)(const FdField& f, const EvalContext& ctx, const FdInfo* fd, FieldValue& out);

class FdField final : public BoundField {
 public:
  FdField(const FieldInfo& info, FdFn fn) : BoundField(info), fn_(fn) {}

  bool extract(const EvalContext& ctx, FieldValue& out) const override {
    out.clear();
    // As sysdig: only events that create, use or destroy an fd, of a known thread.
    if (ctx.evt == nullptr || ctx.thread == nullptr || ctx.state == nullptr) return false;
    const events::EventInfo* info = ctx.evt->info();
    if (info == nullptr ||
        !(info->flags & (events::EF_CREATES_FD | events::EF_USES_FD | events::EF_DESTROYS_FD))) {
      return false;
    }
    // mmap and mmap2 use an fd only since 2023's tables; sysdig 0.29 gives them no fd.
    const uint16_t type = ctx.evt->type();
    if ((type & ~1u) == events::PPME_SYSCALL_MMAP_E ||
        (type & ~1u) == events::PPME_SYSCALL_MMAP2_E) {
      return false;
    }
    return fn_(*this, ctx, ctx.fd, out) && out.present();
  }

  std::string& buf() const { return scratch(); }
  using BoundField::set_list;

  int32_t index = -1;  // fd.types[N]
  mutable std::vector<FieldValue> items;

 private:
  FdFn fn_;
};

bool is_inet_conn(const FdInfo& fd) {
  return fd.type == FdType::Ipv4Sock || fd.type == FdType::Ipv6Sock;
}
bool is_server_sock(const FdInfo& fd) {
  return fd.type == FdType::Ipv4ServSock || fd.type == FdType::Ipv6ServSock;
}
uint8_t ip_family(const FdInfo& fd) {
  return (fd.type == FdType::Ipv6Sock || fd.type == FdType::Ipv6ServSock) ? 6 : 4;
}
IpAddr ip_of(const FdInfo& fd, const std::array<uint8_t, 16>& b) {
  IpAddr a;
  a.family = ip_family(fd);
  std::copy(b.begin(), b.begin() + (a.family == 4 ? 4 : 16), a.bytes.begin());
  return a;
}
bool is_loopback(const IpAddr& a) {
  if (a.family == 4) return a.bytes[0] == 127;
  static constexpr uint8_t kV6Loopback[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
  return std::equal(a.bytes.begin(), a.bytes.end(), kV6Loopback);
}
// Whether an address of a connected socket is this machine's: as sysdig, from the interface
// list of the capture. Without one (live events) we know our role in the connection, and
// loopback is always local.
bool ip_is_local(const EvalContext& c, const FdInfo& fd, const std::array<uint8_t, 16>& ip,
                 bool fallback) {
  if (auto local = c.state->is_local_ip(ip_family(fd) == 6, ip.data())) return *local;
  return fallback || is_loopback(ip_of(fd, ip));
}
// Whether the client side (sip) of a connected socket is this machine.
bool client_is_local(const EvalContext& c, const FdInfo& fd) {
  return ip_is_local(c, fd, fd.sock.sip, fd.role == state::SockRole::Client);
}

// ---- names from the event itself (sysdig's "fdname from creator") ----------------------------

// Appends the path/tuple the fd-creating exit event names; false when it names none.
bool name_from_creator(const EvalContext& c, std::string& s) {
  using namespace events;
  const EventView& ev = *c.evt;
  const uint16_t t = ev.type();
  if (ev.is_enter()) return false;
  switch (t) {
    case PPME_SYSCALL_OPEN_X:
    case PPME_SOCKET_ACCEPT_X:
    case PPME_SOCKET_ACCEPT_5_X:
    case PPME_SOCKET_ACCEPT4_X:
    case PPME_SOCKET_ACCEPT4_5_X:
    case PPME_SOCKET_ACCEPT4_6_X:
    case PPME_SYSCALL_CREAT_X:
    case PPME_SOCKET_CONNECT_X:
      render_arg(ev, 1, c.resolver, s);
      return true;
    case PPME_SYSCALL_OPENAT_X:
    case PPME_SYSCALL_OPENAT_2_X:
    case PPME_SYSCALL_OPENAT2_X: {
      const EventView* src = &ev;
      uint32_t dirfd_i = 1, name_i = 2;
      if (t == PPME_SYSCALL_OPENAT_X) {
        if (c.enter == nullptr) return false;
        src = c.enter;
        dirfd_i = 0;
        name_i = 1;
      }
      int64_t dirfd = 0;
      src->param_i64(dirfd_i, dirfd);
      std::string_view name = src->param_str(name_i);
      std::string_view base;
      if (!name.empty() && name[0] == '/') {
        base = "";
      } else if (dirfd == PPM_AT_FDCWD) {
        base = c.state->cwd_of(*c.thread);
      } else if (const FdInfo* d = c.state->lookup_fd(static_cast<int64_t>(ev.tid()), dirfd)) {
        base = d->name;
      }
      std::string dir(base);  // sysdig joins "<dir>/" + name
      if (!dir.empty() && dir.back() != '/') dir += '/';
      std::string full;
      state::resolve_path(full, dir, name);
      s += full;
      return true;
    }
    default:
      return true;  // sysdig: an empty name
  }
}

char typechar_from_creator(uint16_t type) {
  using namespace events;
  switch (type & ~1u) {
    case PPME_SYSCALL_OPEN_E:
    case PPME_SYSCALL_OPENAT_E:
    case PPME_SYSCALL_OPENAT_2_E:
    case PPME_SYSCALL_OPENAT2_E:
    case PPME_SYSCALL_CREAT_E:
      return 'f';
    case PPME_SOCKET_SOCKET_E:
    case PPME_SOCKET_ACCEPT_E:
    case PPME_SOCKET_ACCEPT_5_E:
    case PPME_SOCKET_ACCEPT4_E:
    case PPME_SOCKET_ACCEPT4_5_E:
      return '4';
    case PPME_SYSCALL_PIPE_E:
      return 'p';
    case PPME_SYSCALL_EVENTFD_E:
      return 'e';
    case PPME_SYSCALL_SIGNALFD_E:
      return 's';
    case PPME_SYSCALL_TIMERFD_CREATE_E:
      return 't';
    case PPME_SYSCALL_INOTIFY_INIT_E:
      return 'i';
    default:
      return 'o';
  }
}

// A failed connect keeps the tuple of the attempt in the event, not in the fd.
bool failed_connect(const EvalContext& c) {
  if (c.evt->type() != events::PPME_SOCKET_CONNECT_X) return false;
  int64_t res = 0;
  return c.evt->param_i64(0, res) && res < 0;
}

#define FD_FN(name)                                                                   \
  bool name([[maybe_unused]] const FdField& f, [[maybe_unused]] const EvalContext& c, \
            [[maybe_unused]] const FdInfo* fd, FieldValue& o)

FD_FN(x_num) {
  o.set_int(c.fd_num);
  return true;
}
FD_FN(x_type) {
  if (fd == nullptr) return false;
  o.set_str(fd->typestring());
  return true;
}
FD_FN(x_typechar) {
  std::string& s = f.buf();
  s.assign(1, fd ? fd->typechar() : typechar_from_creator(c.evt->type()));
  o.set_str(s);
  return true;
}
FD_FN(x_name) {
  if (fd == nullptr || failed_connect(c)) {
    std::string& s = f.buf();
    s.clear();
    if (!name_from_creator(c, s)) return false;
    o.set_str(s);
    return true;
  }
  o.set_str(fd->name);
  return true;
}
FD_FN(x_containername) {
  std::string& s = f.buf();
  s.assign(c.thread->container_id);
  s += ':';
  if (fd == nullptr || failed_connect(c)) {
    if (!name_from_creator(c, s)) return false;
  } else {
    s += fd->name;
  }
  o.set_str(s);
  return true;
}
bool directory(const FdField& f, const EvalContext& c, const FdInfo* fd, bool container,
               FieldValue& o) {
  std::string& s = f.buf();
  s.clear();
  size_t start = 0;
  if (container) {
    s += c.thread->container_id;
    s += ':';
    start = s.size();
  }
  if (fd == nullptr) {
    if (!name_from_creator(c, s)) return false;
  } else {
    if (!fd->is_file() && fd->type != FdType::Directory) return false;
    s += fd->name;
  }
  if (fd == nullptr || fd->is_file()) {
    // sysdig's directory of a path: up to the last '/', "/" for top-level names.
    std::string_view path = std::string_view(s).substr(start);
    size_t pos = path.rfind('/');
    if (pos != std::string_view::npos && pos != 0) {
      if (pos < path.size() - 1) s.resize(start + pos);
    } else {
      s.resize(start);
      s += '/';
    }
  }
  o.set_str(s);
  return true;
}
FD_FN(x_directory) { return directory(f, c, fd, false, o); }
FD_FN(x_containerdirectory) { return directory(f, c, fd, true, o); }
FD_FN(x_filename) {
  if (fd == nullptr || !fd->is_file()) return false;
  std::string_view n = fd->name;
  size_t pos = n.rfind('/');
  if (pos == std::string_view::npos) {
    o.set_str("/");
  } else {
    o.set_str(pos < n.size() - 1 ? n.substr(pos + 1) : n);
  }
  return true;
}
FD_FN(x_ip) {
  // Filter only: either end of the connection (a list), or the bound address of a server.
  if (fd == nullptr) return false;
  f.items.resize(2);
  if (is_inet_conn(*fd)) {
    f.items[0].set_ip(ip_of(*fd, fd->sock.sip));
    f.items[1].set_ip(ip_of(*fd, fd->sock.dip));
    o.set_list(f.items);
  } else if (is_server_sock(*fd)) {
    f.items[0].set_ip(ip_of(*fd, fd->sock.sip));
    o.set_list(std::span<const FieldValue>(f.items.data(), 1));
  } else {
    return false;
  }
  return true;
}
FD_FN(x_cip) {
  if (fd == nullptr || fd->role == state::SockRole::None || !is_inet_conn(*fd)) return false;
  o.set_ip(ip_of(*fd, fd->sock.sip));
  return true;
}
FD_FN(x_sip) {
  if (fd == nullptr || fd->role == state::SockRole::None) return false;
  if (is_inet_conn(*fd)) {
    o.set_ip(ip_of(*fd, fd->sock.dip));
  } else if (is_server_sock(*fd)) {
    o.set_ip(ip_of(*fd, fd->sock.sip));
  } else {
    return false;
  }
  return true;
}
FD_FN(x_lip) {
  if (fd == nullptr || !is_inet_conn(*fd) || fd->role == state::SockRole::None) return false;
  o.set_ip(ip_of(*fd, client_is_local(c, *fd) ? fd->sock.sip : fd->sock.dip));
  return true;
}
FD_FN(x_rip) {
  if (fd == nullptr || !is_inet_conn(*fd) || fd->role == state::SockRole::None) return false;
  o.set_ip(ip_of(*fd, client_is_local(c, *fd) ? fd->sock.dip : fd->sock.sip));
  return true;
}
FD_FN(x_port) {
  if (fd == nullptr) return false;
  f.items.resize(2);
  if (is_inet_conn(*fd)) {
    f.items[0].set_uint(fd->sock.sport);
    f.items[1].set_uint(fd->sock.dport);
    o.set_list(f.items);
  } else if (is_server_sock(*fd)) {
    f.items[0].set_uint(fd->sock.sport);
    o.set_list(std::span<const FieldValue>(f.items.data(), 1));
  } else {
    return false;
  }
  return true;
}
FD_FN(x_cport) {
  if (fd == nullptr || fd->role == state::SockRole::None || !is_inet_conn(*fd)) return false;
  o.set_uint(fd->sock.sport);
  return true;
}
FD_FN(x_sport) {
  if (fd == nullptr) return false;
  if (is_inet_conn(*fd)) {
    if (fd->role == state::SockRole::None) return false;
    o.set_uint(fd->sock.dport);
  } else if (is_server_sock(*fd)) {
    o.set_uint(fd->sock.sport);
  } else {
    return false;
  }
  return true;
}
FD_FN(x_lport) {
  if (fd == nullptr || !is_inet_conn(*fd) || fd->role == state::SockRole::None) return false;
  o.set_uint(client_is_local(c, *fd) ? fd->sock.sport : fd->sock.dport);
  return true;
}
FD_FN(x_rport) {
  if (fd == nullptr || !is_inet_conn(*fd) || fd->role == state::SockRole::None) return false;
  o.set_uint(client_is_local(c, *fd) ? fd->sock.dport : fd->sock.sport);
  return true;
}
// Port "protocols": without service name resolution, the port number as text.
bool proto_text(const FdField& f, uint16_t port, FieldValue& o) {
  f.buf() = std::to_string(port);
  o.set_str(f.buf());
  return true;
}
FD_FN(x_cproto) {
  if (fd == nullptr || fd->role == state::SockRole::None) return false;
  if (!is_inet_conn(*fd)) {
    o.set_str("");  // a server or unix socket with a role has no client port: sysdig says ""
    return true;
  }
  return proto_text(f, fd->sock.sport, o);
}
FD_FN(x_sproto) {
  if (fd == nullptr) return false;
  if (is_inet_conn(*fd)) {
    if (fd->role == state::SockRole::None) return false;
    return proto_text(f, fd->sock.dport, o);
  }
  if (is_server_sock(*fd)) {
    o.set_str("");  // sysdig names only connected sockets' ports
    return true;
  }
  return false;
}
FD_FN(x_lproto) {
  if (fd == nullptr || !is_inet_conn(*fd) || fd->role == state::SockRole::None) return false;
  return proto_text(f, client_is_local(c, *fd) ? fd->sock.sport : fd->sock.dport, o);
}
FD_FN(x_rproto) {
  if (fd == nullptr || !is_inet_conn(*fd) || fd->role == state::SockRole::None) return false;
  return proto_text(f, client_is_local(c, *fd) ? fd->sock.dport : fd->sock.sport, o);
}
FD_FN(x_l4proto) {
  if (fd == nullptr) return false;
  switch (fd->effective_l4proto()) {
    case state::L4Proto::Tcp:
      o.set_str("tcp");
      break;
    case state::L4Proto::Udp:
      o.set_str("udp");
      break;
    case state::L4Proto::Icmp:
      o.set_str("icmp");
      break;
    case state::L4Proto::Raw:
      o.set_str("raw");
      break;
    default:
      o.set_str("<NA>");
      break;
  }
  return true;
}
FD_FN(x_sockfamily) {
  if (fd == nullptr) return false;
  if (fd->is_inet()) {
    o.set_str("ip");
  } else if (fd->type == FdType::UnixSock) {
    o.set_str("unix");
  } else {
    return false;
  }
  return true;
}
FD_FN(x_is_server) {
  if (fd == nullptr) return false;
  if (is_server_sock(*fd)) {
    o.set_bool(true);
  } else if (is_inet_conn(*fd)) {
    // sysdig: whether the server end (dip) is this machine, whatever the socket's role.
    o.set_bool(ip_is_local(c, *fd, fd->sock.dip, fd->role == state::SockRole::Server));
  } else {
    o.set_bool(false);
  }
  return true;
}
FD_FN(x_uid) {
  f.buf() = std::to_string(c.thread->tid) + std::to_string(c.fd_num);
  o.set_str(f.buf());
  return true;
}
FD_FN(x_cnet) { return x_cip(f, c, fd, o); }
FD_FN(x_snet) { return x_sip(f, c, fd, o); }
FD_FN(x_lnet) { return x_lip(f, c, fd, o); }
FD_FN(x_rnet) { return x_rip(f, c, fd, o); }
FD_FN(x_connected) {
  if (fd == nullptr) return false;
  o.set_bool(fd->conn == state::ConnState::Connected);
  return true;
}
FD_FN(x_name_changed) {
  if (fd == nullptr) return false;
  o.set_bool(fd->name_changed);
  return true;
}
FD_FN(x_dev) {
  if (fd == nullptr) return false;
  o.set_int(static_cast<int32_t>(fd->dev));
  return true;
}
FD_FN(x_dev_major) {
  if (fd == nullptr) return false;
  o.set_int(static_cast<int32_t>((fd->dev & 0xfff00u) >> 8));
  return true;
}
FD_FN(x_dev_minor) {
  if (fd == nullptr) return false;
  o.set_int(static_cast<int32_t>((fd->dev & 0xffu) | ((fd->dev >> 12) & 0xfff00u)));
  return true;
}
FD_FN(x_ino) {
  if (fd == nullptr) return false;
  o.set_int(static_cast<int64_t>(fd->ino));
  return true;
}
FD_FN(x_nameraw) {
  if (fd == nullptr) return false;
  o.set_str(fd->name_raw);
  return true;
}
FD_FN(x_types) {
  // The distinct types of the process's fds, or of fd N only.
  f.items.clear();
  auto add = [&](const FdInfo& x) {
    std::string_view t = x.typestring();
    for (const FieldValue& v : f.items) {
      if (v.str == t) return;
    }
    f.items.emplace_back().set_str(t);
  };
  const state::FdTable* fds = c.state->fds_of(*c.thread);
  if (fds == nullptr) return false;
  if (f.index >= 0) {
    const FdInfo* x = fds->find(f.index);
    if (x == nullptr) return false;
    add(*x);
  } else {
    fds->for_each(add);
  }
  if (f.items.empty()) return false;
  o.set_list(f.items);
  return true;
}
FD_FN(x_is_upper_layer) {
  if (fd == nullptr) return false;
  o.set_bool(fd->flags & FdInfo::kOverlayUpper);
  return true;
}
FD_FN(x_is_lower_layer) {
  if (fd == nullptr) return false;
  o.set_bool(fd->flags & FdInfo::kOverlayLower);
  return true;
}

#undef FD_FN

struct Extractor {
  std::string_view name;
  FdFn fn;
};

constexpr Extractor kExtractors[] = {
    {"fd.num", x_num},
    {"fd.type", x_type},
    {"fd.typechar", x_typechar},
    {"fd.name", x_name},
    {"fd.directory", x_directory},
    {"fd.filename", x_filename},
    {"fd.ip", x_ip},
    {"fd.cip", x_cip},
    {"fd.sip", x_sip},
    {"fd.lip", x_lip},
    {"fd.rip", x_rip},
    {"fd.port", x_port},
    {"fd.cport", x_cport},
    {"fd.sport", x_sport},
    {"fd.lport", x_lport},
    {"fd.rport", x_rport},
    {"fd.l4proto", x_l4proto},
    {"fd.sockfamily", x_sockfamily},
    {"fd.is_server", x_is_server},
    {"fd.uid", x_uid},
    {"fd.containername", x_containername},
    {"fd.containerdirectory", x_containerdirectory},
    {"fd.proto", x_port},
    {"fd.cproto", x_cproto},
    {"fd.sproto", x_sproto},
    {"fd.lproto", x_lproto},
    {"fd.rproto", x_rproto},
    {"fd.net", x_ip},
    {"fd.cnet", x_cnet},
    {"fd.snet", x_snet},
    {"fd.lnet", x_lnet},
    {"fd.rnet", x_rnet},
    {"fd.connected", x_connected},
    {"fd.name_changed", x_name_changed},
    {"fd.dev", x_dev},
    {"fd.dev.major", x_dev_major},
    {"fd.dev.minor", x_dev_minor},
    {"fd.ino", x_ino},
    {"fd.nameraw", x_nameraw},
    {"fd.types", x_types},
    {"fd.is_upper_layer", x_is_upper_layer},
    {"fd.is_lower_layer", x_is_lower_layer},
};

std::unique_ptr<BoundField> bind_fd(const BindRequest& req, std::string& error) {
  (void)error;
  for (const Extractor& e : kExtractors) {
    if (e.name != req.info.name) continue;
    auto f = std::make_unique<FdField>(req.info, e.fn);
    std::string_view n = req.info.name;
    if (n == "fd.types") {
      f->index = req.arg.present() ? static_cast<int32_t>(req.arg.index) : -1;
      f->set_list(true);
    } else if (n == "fd.ip" || n == "fd.net" || n == "fd.port" || n == "fd.proto") {
      f->set_list(true, /*space_separated=*/false, /*any_of=*/true);
    }
    return f;
  }
  return nullptr;
}

}  // namespace

const FieldClass& fd_class() {
  static constexpr FieldClass c{
      "fd",
      "fd",
      "",
      "The file descriptor a syscall passes or returns, as the state engine's fd table knows it: "
      "the file, socket, pipe or other object behind it.",
      kFields,
      bind_fd};
  return c;
}

}  // namespace saker::fields
