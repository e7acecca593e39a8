// Network syscalls: socket, socketpair, bind, listen, connect, accept/accept4, sendto,
// recvfrom, sendmsg, recvmsg, shutdown.
#include <sys/socket.h>

#include "tracer/encode/encode.h"
#include "tracer/encode/ppm_convert.h"
#include "tracer/tracee_memory.h"

namespace saker::tracer::encode {
namespace {

void socket_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.b.add_u32(socket_family_to_ppm(c.arg(0) & 0xff));
  c.b.add_u32(static_cast<uint32_t>(c.arg(1)));
  c.b.add_u32(static_cast<uint32_t>(c.arg(2)));
  c.b.add_u32(nonblock_cloexec_to_ppm(static_cast<int32_t>(c.arg(1))));
}

void socketpair_x(Ctx& c) {
  int fds[2] = {-1, -1};
  if (c.ret >= 0) TraceeMemory::read(c.tid, c.arg(3), fds, sizeof(fds));
  c.b.add_i64(c.ret);
  c.b.add_i64(fds[0]);
  c.b.add_i64(fds[1]);
  // Kernel socket pointers are not visible: the sockets' inodes stand in for them.
  c.b.add_u64(c.ret >= 0 ? c.fd_inode(fds[0]) : 0);
  c.b.add_u64(c.ret >= 0 ? c.fd_inode(fds[1]) : 0);
  c.b.add_u32(socket_family_to_ppm(c.arg(0) & 0xff));
  c.b.add_u32(static_cast<uint32_t>(c.arg(1)));
  c.b.add_u32(static_cast<uint32_t>(c.arg(2)));
}

void bind_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.add_sockaddr(c.arg(1), c.arg(2));
  c.b.add_i64(c.fd_arg(0));
}

void listen_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.b.add_i64(c.fd_arg(0));
  c.b.add_i32(static_cast<int32_t>(c.arg(1)));
}

void connect_e(Ctx& c) {
  c.b.add_i64(c.fd_arg(0));
  c.add_sockaddr(c.arg(1), c.arg(2));
}

void connect_x(Ctx& c) {
  c.b.add_i64(c.ret);
  // A connect in progress (EINPROGRESS) has its tuple too, as the drivers report it.
  if (c.ret == 0 || c.ret == -115 /* EINPROGRESS */) {
    c.add_tuple(c.fd_arg(0), true, c.arg(1), c.arg(2));
  } else {
    c.b.add_empty();
  }
  c.b.add_i64(c.fd_arg(0));
  c.add_sockaddr(c.arg(1), c.arg(2));
}

void accept_common(Ctx& c) {
  c.b.add_i64(c.ret);
  if (c.ret >= 0) c.add_tuple(c.ret, false, 0, 0); else c.b.add_empty();
  c.b.add_u8(0);   // queuepct: the listening socket's backlog is not visible from userspace
  c.b.add_u32(0);  // queuelen
  c.b.add_u32(0);  // queuemax
}
void accept_x(Ctx& c) { accept_common(c); }
void accept4_x(Ctx& c) {
  accept_common(c);
  c.b.add_i32(static_cast<int32_t>(nonblock_cloexec_to_ppm(static_cast<int32_t>(c.arg(3)))));
}

void sendto_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.add_data(c.arg(1), c.ret > 0 ? static_cast<uint64_t>(c.ret) : 0);
  c.b.add_i64(c.fd_arg(0));
  c.b.add_u32(static_cast<uint32_t>(c.arg(2)));
  if (c.ret >= 0) c.add_tuple(c.fd_arg(0), true, c.arg(4), c.arg(5)); else c.b.add_empty();
}

void recvfrom_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.add_data(c.arg(1), c.ret > 0 ? static_cast<uint64_t>(c.ret) : 0);
  // The sender's address the kernel wrote back (unconnected datagram sockets).
  uint32_t alen = 0;
  if (c.arg(4) != 0 && c.arg(5) != 0) TraceeMemory::read(c.tid, c.arg(5), &alen, sizeof(alen));
  if (c.ret >= 0) c.add_tuple(c.fd_arg(0), false, c.arg(4), alen); else c.b.add_empty();
  c.b.add_i64(c.fd_arg(0));
  c.b.add_u32(static_cast<uint32_t>(c.arg(2)));
}

// struct msghdr of the tracee's ABI.
struct Msg {
  uint64_t name = 0, namelen = 0, iov = 0, iovlen = 0, control = 0, controllen = 0;
};
Msg read_msghdr(Ctx& c, uint64_t addr) {
  Msg m;
  if (c.ptr_size == 8) {
    struct { uint64_t name; uint32_t namelen, pad; uint64_t iov, iovlen, control, controllen; } r{};
    TraceeMemory::read(c.tid, addr, &r, sizeof(r));
    m = Msg{r.name, r.namelen, r.iov, r.iovlen, r.control, r.controllen};
  } else {
    struct { uint32_t name, namelen, iov, iovlen, control, controllen; } r{};
    TraceeMemory::read(c.tid, addr, &r, sizeof(r));
    m = Msg{r.name, r.namelen, r.iov, r.iovlen, r.control, r.controllen};
  }
  return m;
}

// Total size of the iovecs and the first kSnapLen bytes of their data (up to `limit` bytes).
uint64_t gather_iov(Ctx& c, const Msg& m, uint64_t limit, uint8_t* data, size_t* data_len) {
  uint64_t total = 0;
  *data_len = 0;
  const uint64_t n = m.iovlen < 64 ? m.iovlen : 64;
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t base = 0, len = 0;
    if (c.ptr_size == 8) {
      uint64_t v[2] = {0, 0};
      TraceeMemory::read(c.tid, m.iov + i * 16, v, sizeof(v));
      base = v[0];
      len = v[1];
    } else {
      uint32_t v[2] = {0, 0};
      TraceeMemory::read(c.tid, m.iov + i * 8, v, sizeof(v));
      base = v[0];
      len = v[1];
    }
    total += len;
    if (*data_len < kSnapLen && *data_len < limit) {
      size_t want = kSnapLen - *data_len;
      if (want > len) want = len;
      if (want > limit - *data_len) want = limit - *data_len;
      *data_len += TraceeMemory::read(c.tid, base, data + *data_len, want);
    }
  }
  return total;
}

void sendmsg_x(Ctx& c) {
  const Msg m = read_msghdr(c, c.arg(1));
  uint8_t data[kSnapLen];
  size_t dl = 0;
  const uint64_t size = gather_iov(c, m, c.ret > 0 ? c.ret : 0, data, &dl);
  c.b.add_i64(c.ret);
  c.b.add_bytes(std::span<const uint8_t>(data, dl));
  c.b.add_i64(c.fd_arg(0));
  c.b.add_u32(static_cast<uint32_t>(size));
  if (c.ret >= 0) c.add_tuple(c.fd_arg(0), true, m.name, m.namelen); else c.b.add_empty();
}

void recvmsg_x(Ctx& c) {
  const Msg m = read_msghdr(c, c.arg(1));  // the kernel updated namelen / controllen
  uint8_t data[kSnapLen];
  size_t dl = 0;
  const uint64_t size = gather_iov(c, m, c.ret > 0 ? c.ret : 0, data, &dl);
  c.b.add_i64(c.ret);
  c.b.add_u32(static_cast<uint32_t>(size));
  c.b.add_bytes(std::span<const uint8_t>(data, dl));
  if (c.ret >= 0) c.add_tuple(c.fd_arg(0), false, m.name, m.namelen); else c.b.add_empty();
  if (c.ret >= 0 && m.control != 0 && m.controllen > 0) {
    c.add_data(m.control, m.controllen);
  } else {
    c.b.add_empty();
  }
  c.b.add_i64(c.fd_arg(0));
}

void shutdown_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.b.add_i64(c.fd_arg(0));
  c.b.add_u8(static_cast<uint8_t>(shutdown_how_to_ppm(c.arg(1))));
}

}  // namespace

const NamedEncoder kNetEncoders[] = {
    {"socket", nullptr, socket_x},
    {"socketpair", nullptr, socketpair_x},
    {"bind", nullptr, bind_x},
    {"listen", nullptr, listen_x},
    {"connect", connect_e, connect_x},
    {"accept", nullptr, accept_x},
    {"accept4", nullptr, accept4_x},
    {"sendto", nullptr, sendto_x},
    {"recvfrom", nullptr, recvfrom_x},
    {"sendmsg", nullptr, sendmsg_x},
    {"recvmsg", nullptr, recvmsg_x},
    {"shutdown", nullptr, shutdown_x},
};
const size_t kNetEncodersCount = sizeof(kNetEncoders) / sizeof(kNetEncoders[0]);

}  // namespace saker::tracer::encode
