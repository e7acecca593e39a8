/* Fillers of socket syscalls (tracer/encode/net.cpp writes the same params). Socket tuples come
 * from the kernel's own struct sock of the fd. */
#ifndef SAKER_BPF_FILL_NET_H
#define SAKER_BPF_FILL_NET_H

#include "fillers.bpf.h"

#define N_AF_UNIX 1
#define N_AF_INET 2
#define N_AF_INET6 10

static __always_inline __u16 bswap16(__u16 v) { return (__u16)((v >> 8) | (v << 8)); }

/* A user sockaddr (addr, len) in scap encoding: family, then address and host-order port
 * (inet), or the path (unix; an abstract name loses its leading NUL). */
static __always_inline void push_sockaddr(struct ev *e, __u64 addr, __u64 len) {
  __u16 fam = 0;
  if (!addr || len < 2 || bpf_probe_read_user(&fam, 2, (void *)addr) != 0) {
    push_empty(e);
    return;
  }
  __u8 *p = &e->buf[e->off & OFF_MASK];
  if (room(e, 128) < 128) {
    push_empty(e);
    return;
  }
  if (fam == N_AF_INET && len >= 16) {
    struct sockaddr_in in = {};
    bpf_probe_read_user(&in, sizeof(in), (void *)addr);
    p[0] = PPM_AF_INET;
    __builtin_memcpy(p + 1, &in.sin_addr.s_addr, 4);
    __u16 port = bswap16(in.sin_port);
    __builtin_memcpy(p + 5, &port, 2);
    ev_len(e, 7);
  } else if (fam == N_AF_INET6 && len >= 28) {
    struct sockaddr_in6 in6 = {};
    bpf_probe_read_user(&in6, sizeof(in6), (void *)addr);
    p[0] = PPM_AF_INET6;
    __builtin_memcpy(p + 1, &in6.sin6_addr, 16);
    __u16 port = bswap16(in6.sin6_port);
    __builtin_memcpy(p + 17, &port, 2);
    ev_len(e, 19);
  } else if (fam == N_AF_UNIX) {
    char first = 0;
    bpf_probe_read_user(&first, 1, (void *)(addr + 2));
    p[0] = PPM_AF_UNIX;
    long r = bpf_probe_read_user_str(p + 1, 109, (void *)(addr + 2 + (first == 0 ? 1 : 0)));
    if (r <= 0) {
      p[1] = 0;
      r = 1;
    }
    ev_len(e, (__u16)(1 + r));
  } else {
    push_empty(e);
  }
}

/* The socket of an fd, NULL when the fd is not a socket. */
static __always_inline struct sock *fd_sock(__s64 fd) {
  struct file *f = fd_file(fd);
  if (!f) return NULL;
  if ((BPF_CORE_READ(f, f_inode, i_mode) & 0170000) != 0140000) return NULL; /* S_IFSOCK */
  struct socket *s = BPF_CORE_READ(f, private_data);
  return s ? BPF_CORE_READ(s, sk) : NULL;
}

/* The socket tuple of fd. outbound: local -> remote (connect); else remote -> local (accept).
 * usr/usr_len: the syscall's address, the remote end when the socket has none. */
static __always_inline void push_tuple(struct ev *e, __s64 fd, bool outbound, __u64 usr,
                                       __u64 usr_len) {
  struct sock *sk = fd_sock(fd);
  if (!sk || room(e, 160) < 160) {
    push_empty(e);
    return;
  }
  __u16 fam = BPF_CORE_READ(sk, __sk_common.skc_family);
  __u8 *p = &e->buf[e->off & OFF_MASK];
  __u16 lport = BPF_CORE_READ(sk, __sk_common.skc_num);
  __u16 rport = bswap16(BPF_CORE_READ(sk, __sk_common.skc_dport));
  if (fam == N_AF_INET) {
    __u32 laddr = BPF_CORE_READ(sk, __sk_common.skc_rcv_saddr);
    __u32 raddr = BPF_CORE_READ(sk, __sk_common.skc_daddr);
    if (rport == 0 && usr && usr_len >= 16) {
      struct sockaddr_in in = {};
      if (bpf_probe_read_user(&in, sizeof(in), (void *)usr) == 0 && in.sin_family == N_AF_INET) {
        raddr = in.sin_addr.s_addr;
        rport = bswap16(in.sin_port);
      }
    }
    p[0] = PPM_AF_INET;
    if (outbound) {
      __builtin_memcpy(p + 1, &laddr, 4);
      __builtin_memcpy(p + 5, &lport, 2);
      __builtin_memcpy(p + 7, &raddr, 4);
      __builtin_memcpy(p + 11, &rport, 2);
    } else {
      __builtin_memcpy(p + 1, &raddr, 4);
      __builtin_memcpy(p + 5, &rport, 2);
      __builtin_memcpy(p + 7, &laddr, 4);
      __builtin_memcpy(p + 11, &lport, 2);
    }
    ev_len(e, 13);
  } else if (fam == N_AF_INET6) {
    struct in6_addr l = BPF_CORE_READ(sk, __sk_common.skc_v6_rcv_saddr);
    struct in6_addr r = BPF_CORE_READ(sk, __sk_common.skc_v6_daddr);
    p[0] = PPM_AF_INET6;
    if (outbound) {
      __builtin_memcpy(p + 1, &l, 16);
      __builtin_memcpy(p + 17, &lport, 2);
      __builtin_memcpy(p + 19, &r, 16);
      __builtin_memcpy(p + 35, &rport, 2);
    } else {
      __builtin_memcpy(p + 1, &r, 16);
      __builtin_memcpy(p + 17, &rport, 2);
      __builtin_memcpy(p + 19, &l, 16);
      __builtin_memcpy(p + 35, &lport, 2);
    }
    ev_len(e, 37);
  } else if (fam == N_AF_UNIX) {
    /* As the tracer: the socket inode stands in for the local end, 0 for the peer; the path is
     * the address the caller passed (outbound) or the socket's own bound name (inbound). */
    __u64 me = BPF_CORE_READ(fd_file(fd), f_inode, i_ino), zero = 0;
    p[0] = PPM_AF_UNIX;
    __builtin_memcpy(p + 1, outbound ? &zero : &me, 8);
    __builtin_memcpy(p + 9, outbound ? &me : &zero, 8);
    long r = -1;
    if (outbound && usr && usr_len > 2) {
      char first = 0;
      bpf_probe_read_user(&first, 1, (void *)(usr + 2));
      r = bpf_probe_read_user_str(p + 17, 109, (void *)(usr + 2 + (first == 0 ? 1 : 0)));
    } else if (!outbound) {
      struct unix_address *ua = BPF_CORE_READ((struct unix_sock *)sk, addr);
      if (ua) {
        char *path = (char *)&ua->name[0].sun_path[0];
        char first = 0;
        bpf_probe_read_kernel(&first, 1, path);
        r = bpf_probe_read_kernel_str(p + 17, 109, path + (first == 0 ? 1 : 0));
      }
    }
    if (r <= 0) {
      p[17] = 0;
      r = 1;
    }
    ev_len(e, (__u16)(17 + r));
  } else {
    push_empty(e);
  }
}

EXIT_FILLER(socket) {
  struct ev e;
  if (!ev_begin(&e, PPME_SOCKET_SOCKET_X, 5)) return 0;
  push_s64(&e, ret);
  push_u32(&e, socket_family_to_ppm(sc_arg(regs, 0) & 0xff));
  push_u32(&e, (__u32)sc_arg(regs, 1));
  push_u32(&e, (__u32)sc_arg(regs, 2));
  push_u32(&e, nonblock_cloexec_to_ppm((__s32)sc_arg(regs, 1)));
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(bind) {
  struct ev e;
  if (!ev_begin(&e, PPME_SOCKET_BIND_X, 3)) return 0;
  push_s64(&e, ret);
  push_sockaddr(&e, sc_arg(regs, 1), sc_arg(regs, 2));
  push_s64(&e, sc_fd(regs, 0));
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(listen) {
  struct ev e;
  if (!ev_begin(&e, PPME_SOCKET_LISTEN_X, 3)) return 0;
  push_s64(&e, ret);
  push_s64(&e, sc_fd(regs, 0));
  push_u32(&e, (__u32)sc_arg(regs, 1));
  ev_submit(&e);
  return 0;
}

ENTER_FILLER(connect) {
  struct ev e;
  if (!ev_begin(&e, PPME_SOCKET_CONNECT_E, 2)) return 0;
  push_s64(&e, sc_fd(regs, 0));
  push_sockaddr(&e, sc_arg(regs, 1), sc_arg(regs, 2));
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(connect) {
  struct ev e;
  if (!ev_begin(&e, PPME_SOCKET_CONNECT_X, 4)) return 0;
  push_s64(&e, ret);
  if (ret == 0 || ret == -115 /* EINPROGRESS */)
    push_tuple(&e, sc_fd(regs, 0), true, sc_arg(regs, 1), sc_arg(regs, 2));
  else
    push_empty(&e);
  push_s64(&e, sc_fd(regs, 0));
  push_sockaddr(&e, sc_arg(regs, 1), sc_arg(regs, 2));
  ev_submit(&e);
  return 0;
}

/* res, tuple, queuepct, queuelen, queuemax: the queue figures are those of the listening
 * socket (arg 0), which the kernel knows. */
static __always_inline void push_accept(struct ev *e, struct pt_regs *regs, long ret) {
  push_s64(e, ret);
  if (ret >= 0) push_tuple(e, ret, false, 0, 0); else push_empty(e);
  struct sock *ls = fd_sock(sc_fd(regs, 0));
  __u32 qlen = ls ? BPF_CORE_READ(ls, sk_ack_backlog) : 0;
  __u32 qmax = ls ? BPF_CORE_READ(ls, sk_max_ack_backlog) : 0;
  push_u8(e, qmax ? (__u8)(qlen * 100 / qmax) : 0);
  push_u32(e, qlen);
  push_u32(e, qmax);
}

EXIT_FILLER(accept) {
  struct ev e;
  if (!ev_begin(&e, PPME_SOCKET_ACCEPT_5_X, 5)) return 0;
  push_accept(&e, regs, ret);
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(accept4) {
  struct ev e;
  if (!ev_begin(&e, PPME_SOCKET_ACCEPT4_6_X, 6)) return 0;
  push_accept(&e, regs, ret);
  push_u32(&e, nonblock_cloexec_to_ppm((__s32)sc_arg(regs, 3)));
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(socketpair) {
  struct ev e;
  if (!ev_begin(&e, PPME_SOCKET_SOCKETPAIR_X, 8)) return 0;
  __s32 fds[2] = {-1, -1};
  if (ret >= 0 && bpf_probe_read_user(fds, sizeof(fds), (void *)sc_arg(regs, 3)) != 0)
    count_fault();
  __u32 dev;
  __u64 ino0 = 0, ino1 = 0;
  /* As the tracer: the sockets' inodes stand in for the kernel socket pointers. */
  if (ret >= 0) {
    file_dev_ino(fd_file(fds[0]), &dev, &ino0);
    file_dev_ino(fd_file(fds[1]), &dev, &ino1);
  }
  push_s64(&e, ret);
  push_s64(&e, fds[0]);
  push_s64(&e, fds[1]);
  push_u64(&e, ino0);
  push_u64(&e, ino1);
  push_u32(&e, socket_family_to_ppm(sc_arg(regs, 0) & 0xff));
  push_u32(&e, (__u32)sc_arg(regs, 1));
  push_u32(&e, (__u32)sc_arg(regs, 2));
  ev_submit(&e);
  return 0;
}

/* sendto / recvfrom: no payload (the data param is empty: no snaplen capture by default). */
EXIT_FILLER(sendto) {
  struct ev e;
  if (!ev_begin(&e, PPME_SOCKET_SENDTO_X, 5)) return 0;
  push_s64(&e, ret);
  push_empty(&e);
  push_s64(&e, sc_fd(regs, 0));
  push_u32(&e, (__u32)sc_arg(regs, 2));
  if (ret >= 0) push_tuple(&e, sc_fd(regs, 0), true, sc_arg(regs, 4), sc_arg(regs, 5));
  else push_empty(&e);
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(recvfrom) {
  struct ev e;
  if (!ev_begin(&e, PPME_SOCKET_RECVFROM_X, 5)) return 0;
  push_s64(&e, ret);
  push_empty(&e);
  if (ret >= 0) push_tuple(&e, sc_fd(regs, 0), false, 0, 0);
  else push_empty(&e);
  push_s64(&e, sc_fd(regs, 0));
  push_u32(&e, (__u32)sc_arg(regs, 2));
  ev_submit(&e);
  return 0;
}

/* struct user_msghdr of x86_64 and the total of its iovec lengths (up to 64 iovecs). */
struct msg_sum {
  __u64 iov;
  __u64 iovlen;
  __u64 total;
};
static long iov_len_step(__u32 i, void *ctx) {
  struct msg_sum *m = ctx;
  if (i >= m->iovlen) return 1;
  struct iovec v = {};
  if (bpf_probe_read_user(&v, sizeof(v), (void *)(m->iov + (__u64)i * sizeof(v))) != 0) return 1;
  m->total += v.iov_len;
  return 0;
}
static __always_inline void read_msghdr(__u64 addr, struct user_msghdr *h, __u64 *total) {
  __builtin_memset(h, 0, sizeof(*h));
  *total = 0;
  if (!addr || bpf_probe_read_user(h, sizeof(*h), (void *)addr) != 0) return;
  struct msg_sum m = {(__u64)h->msg_iov, h->msg_iovlen, 0};
  bpf_loop(64, iov_len_step, &m, 0);
  *total = m.total;
}

/* sendmsg / recvmsg: sizes and tuples, no payload (data params empty). */
EXIT_FILLER(sendmsg) {
  struct ev e;
  if (!ev_begin(&e, PPME_SOCKET_SENDMSG_X, 5)) return 0;
  struct user_msghdr h;
  __u64 size;
  read_msghdr(sc_arg(regs, 1), &h, &size);
  push_s64(&e, ret);
  push_empty(&e);
  push_s64(&e, sc_fd(regs, 0));
  push_u32(&e, (__u32)size);
  if (ret >= 0) push_tuple(&e, sc_fd(regs, 0), true, (__u64)h.msg_name, h.msg_namelen);
  else push_empty(&e);
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(recvmsg) {
  struct ev e;
  if (!ev_begin(&e, PPME_SOCKET_RECVMSG_X, 6)) return 0;
  struct user_msghdr h;
  __u64 size;
  read_msghdr(sc_arg(regs, 1), &h, &size);
  push_s64(&e, ret);
  push_u32(&e, (__u32)size);
  push_empty(&e);
  if (ret >= 0) push_tuple(&e, sc_fd(regs, 0), false, 0, 0);
  else push_empty(&e);
  push_empty(&e); /* msgcontrol: payload, not captured */
  push_s64(&e, sc_fd(regs, 0));
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(shutdown) {
  struct ev e;
  if (!ev_begin(&e, PPME_SOCKET_SHUTDOWN_X, 3)) return 0;
  push_s64(&e, ret);
  push_s64(&e, sc_fd(regs, 0));
  /* PPM_SHUT_UNKNOWN is cut to 8 bits, as the tracer does. */
  push_u8(&e, (__u8)shutdown_how_to_ppm(sc_arg(regs, 1)));
  ev_submit(&e);
  return 0;
}

#endif
