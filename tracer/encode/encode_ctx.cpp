// Helpers shared by the encoders: strings, buffers, sockaddrs and socket tuples from the tracee.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>

#include "engine/events/ppm_flags.h"
#include "tracer/encode/encode.h"
#include "tracer/tracee_memory.h"

namespace saker::tracer::encode {

Helpers::~Helpers() {
  if (pidfd_ >= 0) close(pidfd_);
}

int Helpers::pidfd(pid_t tgid) {
  if (pidfd_ >= 0 && pidfd_tgid_ == tgid) return pidfd_;
  if (pidfd_ >= 0) close(pidfd_);
  pidfd_ = static_cast<int>(syscall(SYS_pidfd_open, tgid, 0));
  pidfd_tgid_ = pidfd_ >= 0 ? tgid : 0;
  return pidfd_;
}

int Helpers::grab_fd(pid_t tgid, int fd) {
  if (fd < 0) return -1;
  int p = pidfd(tgid);
  if (p < 0) return -1;
  return static_cast<int>(syscall(SYS_pidfd_getfd, p, fd, 0));
}

void Helpers::release_fd(int fd) {
  if (fd >= 0) close(fd);
}

void Helpers::forget_process(pid_t tgid) {
  if (pidfd_ >= 0 && pidfd_tgid_ == tgid) {
    close(pidfd_);
    pidfd_ = -1;
    pidfd_tgid_ = 0;
  }
}

bool Ctx::read_str(uint64_t addr, int slot, size_t max) {
  std::string& s = h.str[slot];
  s.clear();
  if (addr == 0) return false;
  return TraceeMemory::read_string(tid, addr, max, &s);
}

void Ctx::add_path(int i, int slot) { add_str_at(arg(i), slot); }

void Ctx::add_str_at(uint64_t addr, int slot) {
  if (read_str(addr, slot)) {
    b.add_str_trunc(h.str[slot]);
  } else {
    b.add_empty();
  }
}

void Ctx::add_data(uint64_t addr, uint64_t len) {
  if (len > kSnapLen) len = kSnapLen;
  if (addr == 0 || len == 0) {
    b.add_empty();
    return;
  }
  uint8_t buf[kSnapLen];
  const size_t n = TraceeMemory::read(tid, addr, buf, len);
  b.add_bytes(std::span<const uint8_t>(buf, n));
}

namespace {

// Encodes a native sockaddr (already in our memory) into the builder; false if not encodable.
bool add_native_sockaddr(events::EventBuilder& b, const uint8_t* p, size_t len) {
  if (len < sizeof(sa_family_t)) return false;
  sa_family_t fam;
  std::memcpy(&fam, p, sizeof(fam));
  if (fam == AF_INET && len >= sizeof(sockaddr_in)) {
    sockaddr_in in;
    std::memcpy(&in, p, sizeof(in));
    return b.add_sockaddr_inet(in.sin_addr.s_addr, ntohs(in.sin_port));
  }
  if (fam == AF_INET6 && len >= sizeof(sockaddr_in6)) {
    sockaddr_in6 in6;
    std::memcpy(&in6, p, sizeof(in6));
    return b.add_sockaddr_inet6(in6.sin6_addr.s6_addr, ntohs(in6.sin6_port));
  }
  if (fam == AF_UNIX) {
    const char* path = reinterpret_cast<const char*>(p) + sizeof(sa_family_t);
    size_t plen = len - sizeof(sa_family_t);
    if (plen > 0 && path[0] == 0) {  // abstract: the drivers skip the leading NUL
      ++path;
      --plen;
    }
    return b.add_sockaddr_unix(std::string_view(path, strnlen(path, plen)));
  }
  return false;
}

}  // namespace

void Ctx::add_sockaddr(uint64_t addr, uint64_t len) {
  uint8_t buf[sizeof(sockaddr_storage)] = {};
  if (addr == 0 || len == 0) {
    b.add_empty();
    return;
  }
  if (len > sizeof(buf)) len = sizeof(buf);
  const size_t n = TraceeMemory::read(tid, addr, buf, len);
  if (!add_native_sockaddr(b, buf, n)) b.add_empty();
}

uint64_t Ctx::fd_inode(int64_t fd) {
  char path[64], link[128];
  std::snprintf(path, sizeof(path), "/proc/%d/fd/%lld", tid, static_cast<long long>(fd));
  ssize_t n = readlink(path, link, sizeof(link) - 1);
  if (n <= 0) return 0;
  link[n] = 0;
  const char* lb = std::strchr(link, '[');
  return lb != nullptr ? std::strtoull(lb + 1, nullptr, 10) : 0;
}

void Ctx::fd_dev_ino(int64_t fd, uint32_t* dev, uint64_t* ino) {
  *dev = 0;
  *ino = 0;
  if (fd < 0) return;
  char path[64];
  std::snprintf(path, sizeof(path), "/proc/%d/fd/%lld", tid, static_cast<long long>(fd));
  struct stat st;
  if (stat(path, &st) != 0) return;
  *dev = encode_dev(major(st.st_dev), minor(st.st_dev));
  *ino = st.st_ino;
}

namespace {

// Looks a socket inode up in /proc/<tid>/net/<file> ("sl local_address rem_address st ...
// inode"): fills local and remote (hex, network-order words as the kernel prints them).
bool proc_net_lookup(pid_t tid, const char* file, uint64_t inode, bool v6, uint8_t* lip,
                     uint16_t* lport, uint8_t* rip, uint16_t* rport) {
  char path[64];
  std::snprintf(path, sizeof(path), "/proc/%d/net/%s", tid, file);
  FILE* f = std::fopen(path, "re");
  if (f == nullptr) return false;
  char line[512];
  bool found = false;
  std::fgets(line, sizeof(line), f);  // header
  while (std::fgets(line, sizeof(line), f) != nullptr) {
    char local[64], remote[64];
    unsigned long long ino = 0;
    // sl local rem st tx:rx tr:when retrnsmt uid timeout inode
    if (std::sscanf(line, " %*d: %63s %63s %*x %*x:%*x %*x:%*x %*x %*u %*u %llu", local, remote,
                    &ino) != 3) {
      continue;
    }
    if (ino != inode) continue;
    auto parse = [v6](const char* s, uint8_t* ip, uint16_t* port) {
      const char* colon = std::strchr(s, ':');
      if (colon == nullptr) return;
      const size_t words = v6 ? 4 : 1;
      for (size_t w = 0; w < words; ++w) {
        char hex[9] = {};
        std::memcpy(hex, s + w * 8, 8);
        uint32_t v = static_cast<uint32_t>(std::strtoul(hex, nullptr, 16));
        std::memcpy(ip + w * 4, &v, 4);  // the kernel printed the raw word in host order
      }
      *port = static_cast<uint16_t>(std::strtoul(colon + 1, nullptr, 16));
    };
    parse(local, lip, lport);
    parse(remote, rip, rport);
    found = true;
    break;
  }
  std::fclose(f);
  return found;
}

}  // namespace

void Ctx::add_tuple(int64_t fd, bool outbound, uint64_t usr_addr, uint64_t usr_len) {
  sockaddr_storage local{}, remote{}, usr{};
  socklen_t llen = sizeof(local), rlen = sizeof(remote);
  bool have_local = false, have_remote = false;
  int domain = -1;
  const int mine = h.grab_fd(tgid, static_cast<int>(fd));
  if (mine >= 0) {
    socklen_t dl = sizeof(domain);
    if (getsockopt(mine, SOL_SOCKET, SO_DOMAIN, &domain, &dl) != 0) domain = -1;
    have_local = getsockname(mine, reinterpret_cast<sockaddr*>(&local), &llen) == 0;
    have_remote = getpeername(mine, reinterpret_cast<sockaddr*>(&remote), &rlen) == 0;
    h.release_fd(mine);
  }
  size_t ulen = 0;
  if (usr_addr != 0 && usr_len > 0) {
    ulen = usr_len < sizeof(usr) ? usr_len : sizeof(usr);
    ulen = TraceeMemory::read(tid, usr_addr, &usr, ulen);
  }
  if (mine < 0) {
    // No pidfd_getfd (old kernel, or a process we may not grab from): /proc/PID/net by inode.
    const uint64_t ino = fd_inode(fd);
    uint8_t lip[16] = {}, rip[16] = {};
    uint16_t lport = 0, rport = 0;
    if (ino != 0) {
      for (const char* file : {"tcp", "udp"}) {
        if (proc_net_lookup(tid, file, ino, false, lip, &lport, rip, &rport)) {
          uint32_t l4, r4;
          std::memcpy(&l4, lip, 4);
          std::memcpy(&r4, rip, 4);
          if (outbound) b.add_socktuple_inet(l4, lport, r4, rport);
          else b.add_socktuple_inet(r4, rport, l4, lport);
          return;
        }
      }
      for (const char* file : {"tcp6", "udp6"}) {
        if (proc_net_lookup(tid, file, ino, true, lip, &lport, rip, &rport)) {
          if (outbound) b.add_socktuple_inet6(lip, lport, rip, rport);
          else b.add_socktuple_inet6(rip, rport, lip, lport);
          return;
        }
      }
    }
    b.add_empty();
    return;
  }
  if (domain == AF_INET) {
    sockaddr_in l{}, r{};
    if (have_local) std::memcpy(&l, &local, sizeof(l));
    if (have_remote) std::memcpy(&r, &remote, sizeof(r));
    if ((!have_remote || r.sin_port == 0) && ulen >= sizeof(sockaddr_in) && usr.ss_family == AF_INET) {
      std::memcpy(&r, &usr, sizeof(r));
    }
    if (outbound) {
      b.add_socktuple_inet(l.sin_addr.s_addr, ntohs(l.sin_port), r.sin_addr.s_addr, ntohs(r.sin_port));
    } else {
      b.add_socktuple_inet(r.sin_addr.s_addr, ntohs(r.sin_port), l.sin_addr.s_addr, ntohs(l.sin_port));
    }
    return;
  }
  if (domain == AF_INET6) {
    sockaddr_in6 l{}, r{};
    if (have_local) std::memcpy(&l, &local, sizeof(l));
    if (have_remote) std::memcpy(&r, &remote, sizeof(r));
    if ((!have_remote || r.sin6_port == 0) && ulen >= sizeof(sockaddr_in6) && usr.ss_family == AF_INET6) {
      std::memcpy(&r, &usr, sizeof(r));
    }
    if (outbound) {
      b.add_socktuple_inet6(l.sin6_addr.s6_addr, ntohs(l.sin6_port), r.sin6_addr.s6_addr, ntohs(r.sin6_port));
    } else {
      b.add_socktuple_inet6(r.sin6_addr.s6_addr, ntohs(r.sin6_port), l.sin6_addr.s6_addr, ntohs(l.sin6_port));
    }
    return;
  }
  if (domain == AF_UNIX) {
    // Kernel socket pointers are not visible from userspace: the socket inode stands in for the
    // local end (0 for the peer). The path: the peer's for outbound, our own for inbound.
    const uint64_t me = fd_inode(fd);
    const sockaddr_storage* named = outbound ? &remote : &local;
    socklen_t nlen = outbound ? rlen : llen;
    bool have = outbound ? have_remote : have_local;
    if (outbound && (!have || nlen <= sizeof(sa_family_t)) && ulen > sizeof(sa_family_t)) {
      named = &usr;
      nlen = static_cast<socklen_t>(ulen);
      have = true;
    }
    std::string_view path;
    if (have && nlen > sizeof(sa_family_t)) {
      const char* p = reinterpret_cast<const sockaddr_un*>(named)->sun_path;
      size_t plen = nlen - sizeof(sa_family_t);
      if (plen > 0 && p[0] == 0) {
        ++p;
        --plen;
      }
      path = std::string_view(p, strnlen(p, plen));
    }
    if (outbound) b.add_socktuple_unix(0, me, path);
    else b.add_socktuple_unix(me, 0, path);
    return;
  }
  b.add_empty();
}

}  // namespace saker::tracer::encode
