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
     "the unique number identifying the file descriptor."},
    {"fd.type", T::Charbuf, PF::Dec, kNone, Arg::None, "FD Type",
     "type of FD. Can be 'file', 'directory', 'ipv4', 'ipv6', 'unix', 'pipe', 'event', "
     "'signalfd', 'eventpoll', 'inotify'  'signalfd' or 'memfd'."},
    {"fd.typechar", T::Charbuf, PF::Dec, kNone, Arg::None, "FD Type Char",
     "type of FD as a single character. Can be 'f' for file, 4 for IPv4 socket, 6 for IPv6 "
     "socket, 'u' for unix socket, p for pipe, 'e' for eventfd, 's' for signalfd, 'l' for "
     "eventpoll, 'i' for inotify, 'b' for bpf, 'u' for userfaultd, 'r' for io_uring, 'm' for "
     "memfd ,'o' for unknown."},
    {"fd.name", T::Charbuf, PF::NA, kNone, Arg::None, "FD Name",
     "FD full name. If the fd is a file, this field contains the full path. If the FD is a "
     "socket, this field contain the connection tuple."},
    {"fd.directory", T::Charbuf, PF::NA, kNone, Arg::None, "FD Directory",
     "If the fd is a file, the directory that contains it."},
    {"fd.filename", T::Charbuf, PF::NA, kNone, Arg::None, "FD Filename",
     "If the fd is a file, the filename without the path."},
    {"fd.ip", T::Ipaddr, PF::NA, kFilterOnly | kNoRhs | kNoTransformer, Arg::None, "FD IP Address",
     "matches the ip address (client or server) of the fd."},
    {"fd.cip", T::Ipaddr, PF::NA, kNone, Arg::None, "FD Client Address", "client IP address."},
    {"fd.sip", T::Ipaddr, PF::NA, kNone, Arg::None, "FD Server Address", "server IP address."},
    {"fd.lip", T::Ipaddr, PF::NA, kNone, Arg::None, "FD Local Address", "local IP address."},
    {"fd.rip", T::Ipaddr, PF::NA, kNone, Arg::None, "FD Remote Address", "remote IP address."},
    {"fd.port", T::Port, PF::Dec, kFilterOnly | kNoRhs | kNoTransformer, Arg::None, "FD Port",
     "matches the port (either client or server) of the fd."},
    {"fd.cport", T::Port, PF::Dec, kNone, Arg::None, "FD Client Port",
     "for TCP/UDP FDs, the client port."},
    {"fd.sport", T::Port, PF::Dec, kNone, Arg::None, "FD Server Port",
     "for TCP/UDP FDs, server port."},
    {"fd.lport", T::Port, PF::Dec, kNone, Arg::None, "FD Local Port",
     "for TCP/UDP FDs, the local port."},
    {"fd.rport", T::Port, PF::Dec, kNone, Arg::None, "FD Remote Port",
     "for TCP/UDP FDs, the remote port."},
    {"fd.l4proto", T::Charbuf, PF::NA, kNone, Arg::None, "FD IP Protocol",
     "the IP protocol of a socket. Can be 'tcp', 'udp', 'icmp' or 'raw'."},
    {"fd.sockfamily", T::Charbuf, PF::NA, kNone, Arg::None, "FD Socket Family",
     "the socket family for socket events. Can be 'ip' or 'unix'."},
    {"fd.is_server", T::Bool, PF::NA, kNone, Arg::None, "FD Server",
     "'true' if the process owning this FD is the server endpoint in the connection."},
    {"fd.uid", T::Charbuf, PF::NA, kNone, Arg::None, "FD ID",
     "a unique identifier for the FD, created by chaining the FD number and the thread ID."},
    {"fd.containername", T::Charbuf, PF::NA, kNone, Arg::None, "FD Container Name",
     "chaining of the container ID and the FD name. Useful when trying to identify which "
     "container an FD belongs to."},
    {"fd.containerdirectory", T::Charbuf, PF::NA, kNone, Arg::None, "FD Container Directory",
     "chaining of the container ID and the directory name. Useful when trying to identify "
     "which container a directory belongs to."},
    {"fd.proto", T::Port, PF::NA, kFilterOnly | kNoRhs | kNoTransformer, Arg::None, "FD Protocol",
     "matches the protocol (either client or server) of the fd."},
    {"fd.cproto", T::Charbuf, PF::NA, kNone, Arg::None, "FD Client Protocol",
     "for TCP/UDP FDs, the client protocol."},
    {"fd.sproto", T::Charbuf, PF::NA, kNone, Arg::None, "FD Server Protocol",
     "for TCP/UDP FDs, server protocol."},
    {"fd.lproto", T::Charbuf, PF::NA, kNone, Arg::None, "FD Local Protocol",
     "for TCP/UDP FDs, the local protocol."},
    {"fd.rproto", T::Charbuf, PF::NA, kNone, Arg::None, "FD Remote Protocol",
     "for TCP/UDP FDs, the remote protocol."},
    {"fd.net", T::Ipnet, PF::NA, kFilterOnly | kNoRhs | kNoTransformer, Arg::None, "FD IP Network",
     "matches the IP network (client or server) of the fd."},
    {"fd.cnet", T::Ipnet, PF::NA, kFilterOnly | kNoRhs | kNoTransformer, Arg::None,
     "FD Client Network", "matches the client IP network of the fd."},
    {"fd.snet", T::Ipnet, PF::NA, kFilterOnly | kNoRhs | kNoTransformer, Arg::None,
     "FD Server Network", "matches the server IP network of the fd."},
    {"fd.lnet", T::Ipnet, PF::NA, kFilterOnly | kNoRhs | kNoTransformer, Arg::None,
     "FD Local Network", "matches the local IP network of the fd."},
    {"fd.rnet", T::Ipnet, PF::NA, kFilterOnly | kNoRhs | kNoTransformer, Arg::None,
     "FD Remote Network", "matches the remote IP network of the fd."},
    {"fd.connected", T::Bool, PF::NA, kNone, Arg::None, "FD Connected",
     "for TCP/UDP FDs, 'true' if the socket is connected."},
    {"fd.name_changed", T::Bool, PF::NA, kNone, Arg::None, "FD Name Changed",
     "True when an event changes the name of an fd used by this event. This can occur in some "
     "cases such as udp connections where the connection tuple changes."},
    {"fd.cip.name", T::Charbuf, PF::NA, kNoRhs | kNoTransformer, Arg::None, "FD Client Domain Name",
     "Domain name associated with the client IP address."},
    {"fd.sip.name", T::Charbuf, PF::NA, kNoRhs | kNoTransformer, Arg::None, "FD Server Domain Name",
     "Domain name associated with the server IP address."},
    {"fd.lip.name", T::Charbuf, PF::NA, kNoRhs | kNoTransformer, Arg::None, "FD Local Domain Name",
     "Domain name associated with the local IP address."},
    {"fd.rip.name", T::Charbuf, PF::NA, kNoRhs | kNoTransformer, Arg::None, "FD Remote Domain Name",
     "Domain name associated with the remote IP address."},
    {"fd.dev", T::Int32, PF::Hex, kNone, Arg::None, "FD Device",
     "device number (major/minor) containing the referenced file"},
    {"fd.dev.major", T::Int32, PF::Dec, kNone, Arg::None, "FD Major Device",
     "major device number containing the referenced file"},
    {"fd.dev.minor", T::Int32, PF::Dec, kNone, Arg::None, "FD Minor Device",
     "minor device number containing the referenced file"},
    {"fd.ino", T::Int64, PF::Dec, kNone, Arg::None, "FD Inode Number",
     "inode number of the referenced file"},
    {"fd.nameraw", T::Charbuf, PF::NA, kNone, Arg::None, "FD Name Raw",
     "FD full name raw. Just like fd.name, but only used if fd is a file path. File path is "
     "kept raw with limited sanitization and without deriving the absolute path."},
    {"fd.types", T::Charbuf, PF::Dec, kIsList | kArgAllowed | kNoRhs, Arg::Index, "FD Type",
     "List of FD types in used. Can be passed an fd number e.g. fd.types[0] to get the type of"
     " stdout as a single item list."},
    {"fd.is_upper_layer", T::Bool, PF::NA, kNone, Arg::None, "FD Upper Layer",
     "'true' if the fd is of a file in the upper layer of an overlayfs."},
    {"fd.is_lower_layer", T::Bool, PF::NA, kNone, Arg::None, "FD Lower Layer",
     "'true' if the fd is of a file  in the lower layer of an overlayfs."},
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
// Whether the client side (sip) of a connected socket is this machine. sysdig asks the
// capture's interface list; we know our role in the connection, and loopback is always local.
bool client_is_local(const FdInfo& fd) {
  return fd.role == state::SockRole::Client || is_loopback(ip_of(fd, fd.sock.sip));
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
  o.set_ip(ip_of(*fd, client_is_local(*fd) ? fd->sock.sip : fd->sock.dip));
  return true;
}
FD_FN(x_rip) {
  if (fd == nullptr || !is_inet_conn(*fd) || fd->role == state::SockRole::None) return false;
  o.set_ip(ip_of(*fd, client_is_local(*fd) ? fd->sock.dip : fd->sock.sip));
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
  o.set_uint(client_is_local(*fd) ? fd->sock.sport : fd->sock.dport);
  return true;
}
FD_FN(x_rport) {
  if (fd == nullptr || !is_inet_conn(*fd) || fd->role == state::SockRole::None) return false;
  o.set_uint(client_is_local(*fd) ? fd->sock.dport : fd->sock.sport);
  return true;
}
// Port "protocols": without service name resolution, the port number as text.
bool proto_text(const FdField& f, uint16_t port, FieldValue& o) {
  f.buf() = std::to_string(port);
  o.set_str(f.buf());
  return true;
}
FD_FN(x_cproto) {
  if (fd == nullptr || fd->role == state::SockRole::None || !is_inet_conn(*fd)) return false;
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
  return proto_text(f, client_is_local(*fd) ? fd->sock.sport : fd->sock.dport, o);
}
FD_FN(x_rproto) {
  if (fd == nullptr || !is_inet_conn(*fd) || fd->role == state::SockRole::None) return false;
  return proto_text(f, client_is_local(*fd) ? fd->sock.dport : fd->sock.sport, o);
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
    // sysdig: the server end is local; an unset (all-zero) address counts as local too.
    const IpAddr dip = ip_of(*fd, fd->sock.dip);
    const bool unset =
        std::all_of(dip.bytes.begin(), dip.bytes.end(), [](uint8_t b) { return b == 0; });
    o.set_bool(fd->role == state::SockRole::Server || is_loopback(dip) || unset);
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
      "Every syscall that has a file descriptor in its arguments has these fields set with "
      "information related to the file.",
      kFields,
      bind_fd};
  return c;
}

}  // namespace saker::fields
