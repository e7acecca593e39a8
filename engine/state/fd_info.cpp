#include "engine/state/fd_info.h"

#include <arpa/inet.h>

#include <cinttypes>
#include <cstdio>
#include <cstring>

#include "engine/events/ppm_flags.h"

namespace saker::state {

bool FdInfo::close_on_exec() const { return (openflags & events::PPM_O_CLOEXEC) != 0; }

char FdInfo::fd_typechar(FdType t) {
  switch (t) {
    case FdType::File:
    case FdType::FileV2: return 'f';
    case FdType::Directory: return 'd';
    case FdType::Ipv4Sock:
    case FdType::Ipv4ServSock: return '4';
    case FdType::Ipv6Sock:
    case FdType::Ipv6ServSock: return '6';
    case FdType::Fifo: return 'p';
    case FdType::UnixSock: return 'u';
    case FdType::Event: return 'e';
    case FdType::Unknown: return 'o';
    case FdType::Unsupported: return 'X';
    case FdType::Signalfd: return 's';
    case FdType::Eventpoll: return 'l';
    case FdType::Inotify: return 'i';
    case FdType::Timerfd: return 't';
    case FdType::Netlink: return 'n';
    case FdType::Bpf: return 'b';
    case FdType::Userfaultfd: return 'u';
    case FdType::IoUring: return 'r';
    case FdType::Memfd: return 'm';
    case FdType::Pidfd: return 'P';
    case FdType::Uninitialized: break;
  }
  return '?';
}

const char* FdInfo::fd_typestring(FdType t) {
  switch (t) {
    case FdType::File:
    case FdType::FileV2: return "file";
    case FdType::Directory: return "directory";
    case FdType::Ipv4Sock:
    case FdType::Ipv4ServSock: return "ipv4";
    case FdType::Ipv6Sock:
    case FdType::Ipv6ServSock: return "ipv6";
    case FdType::UnixSock: return "unix";
    case FdType::Fifo: return "pipe";
    case FdType::Event: return "event";
    case FdType::Signalfd: return "signalfd";
    case FdType::Eventpoll: return "eventpoll";
    case FdType::Inotify: return "inotify";
    case FdType::Timerfd: return "timerfd";
    case FdType::Netlink: return "netlink";
    case FdType::Bpf: return "bpf";
    case FdType::Userfaultfd: return "userfaultfd";
    case FdType::IoUring: return "io_uring";
    case FdType::Memfd: return "memfd";
    case FdType::Pidfd: return "pidfd";
    default: break;
  }
  return "<NA>";
}

bool is_ipv4_mapped(const uint8_t* p) {
  for (int i = 0; i < 10; ++i) {
    if (p[i] != 0) return false;
  }
  if (p[10] == 0xff && p[11] == 0xff) return true;
  return p[10] == 0 && p[11] == 0 && p[12] == 0 && p[13] == 0 && p[14] == 0 && p[15] == 0;
}

void append_ip(std::string& out, uint8_t family, const uint8_t* ip) {
  char buf[INET6_ADDRSTRLEN];
  const int af = family == kFamilyInet6 ? AF_INET6 : AF_INET;
  if (inet_ntop(af, ip, buf, sizeof(buf)) != nullptr) out += buf;
}

void format_inet_endpoint(std::string& out, uint8_t family, const uint8_t* ip, uint16_t port) {
  out.clear();
  append_ip(out, family, ip);
  char buf[8];
  int n = std::snprintf(buf, sizeof(buf), ":%u", static_cast<unsigned>(port));
  out.append(buf, static_cast<size_t>(n));
}

void format_inet_tuple(std::string& out, const SockTuple& t) {
  out.clear();
  char buf[8];
  append_ip(out, t.family, t.sip.data());
  int n = std::snprintf(buf, sizeof(buf), ":%u", static_cast<unsigned>(t.sport));
  out.append(buf, static_cast<size_t>(n));
  out += "->";
  append_ip(out, t.family, t.dip.data());
  n = std::snprintf(buf, sizeof(buf), ":%u", static_cast<unsigned>(t.dport));
  out.append(buf, static_cast<size_t>(n));
}

void format_unix_tuple(std::string& out, uint64_t source, uint64_t dest, std::string_view path) {
  char buf[48];
  int n = std::snprintf(buf, sizeof(buf), "%" PRIx64 "->%" PRIx64 " ", source, dest);
  out.assign(buf, static_cast<size_t>(n));
  out.append(path);
}

}  // namespace saker::state
