/* Fillers of the single-fd creators and fd-range syscalls (eventfd, signalfd, timerfd, inotify,
 * epoll_create, userfaultfd, close_range), and of mknod / mount / umount2: the rest of
 * tracer/encode/file.cpp. */
#ifndef SAKER_BPF_FILL_FD_H
#define SAKER_BPF_FILL_FD_H

#include "fillers.bpf.h"

EXIT_FILLER(close_range) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_CLOSE_RANGE_X, 4)) return 0;
  push_s64(&e, ret);
  push_u32(&e, (__u32)sc_arg(regs, 0));
  push_u32(&e, (__u32)sc_arg(regs, 1));
  push_u32(&e, close_range_flags_to_ppm(sc_arg(regs, 2)));
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(eventfd) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_EVENTFD_X, 3)) return 0;
  push_s64(&e, ret);
  push_u64(&e, (__u32)sc_arg(regs, 0));
  push_u32(&e, 0);
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(eventfd2) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_EVENTFD2_X, 3)) return 0;
  push_s64(&e, ret);
  push_u16(&e, (__u16)nonblock_cloexec_to_ppm((__s32)sc_arg(regs, 1)));
  push_u64(&e, (__u32)sc_arg(regs, 0));
  ev_submit(&e);
  return 0;
}

static __always_inline __u32 read_sigmask(__u64 addr) {
  __u32 m = 0;
  if (addr && bpf_probe_read_user(&m, sizeof(m), (void *)addr) != 0) count_fault();
  return m;
}

EXIT_FILLER(signalfd) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_SIGNALFD_X, 4)) return 0;
  push_s64(&e, ret);
  push_s64(&e, sc_fd(regs, 0));
  push_u32(&e, read_sigmask(sc_arg(regs, 1)));
  push_u8(&e, 0);
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(signalfd4) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_SIGNALFD4_X, 4)) return 0;
  push_s64(&e, ret);
  push_u16(&e, (__u16)nonblock_cloexec_to_ppm((__s32)sc_arg(regs, 3)));
  push_s64(&e, sc_fd(regs, 0));
  push_u32(&e, read_sigmask(sc_arg(regs, 1)));
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(timerfd_create) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_TIMERFD_CREATE_X, 3)) return 0;
  push_s64(&e, ret);
  push_u8(&e, (__u8)sc_arg(regs, 0));
  push_u8(&e, (__u8)nonblock_cloexec_to_ppm((__s32)sc_arg(regs, 1)));
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(inotify_init) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_INOTIFY_INIT_X, 2)) return 0;
  push_s64(&e, ret);
  push_u8(&e, 0);
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(inotify_init1) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_INOTIFY_INIT1_X, 2)) return 0;
  push_s64(&e, ret);
  push_u16(&e, (__u16)nonblock_cloexec_to_ppm((__s32)sc_arg(regs, 0)));
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(epoll_create) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_EPOLL_CREATE_X, 2)) return 0;
  push_s64(&e, ret);
  push_u32(&e, (__u32)sc_arg(regs, 0));
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(userfaultfd) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_USERFAULTFD_X, 2)) return 0;
  push_s64(&e, ret);
  push_u32(&e, nonblock_cloexec_to_ppm((__s32)sc_arg(regs, 0)));
  ev_submit(&e);
  return 0;
}

/* ---- mknod, mount, umount2 -------------------------------------------------------------------- */

EXIT_FILLER(mknod) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_MKNOD_X, 4)) return 0;
  push_s64(&e, ret);
  push_ustr(&e, sc_arg(regs, 0));
  push_u32(&e, mknod_mode_to_ppm((__u32)sc_arg(regs, 1)));
  push_u32(&e, (__u32)sc_arg(regs, 2));
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(mknodat) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_MKNODAT_X, 5)) return 0;
  push_s64(&e, ret);
  push_s64(&e, sc_fd(regs, 0));
  push_ustr(&e, sc_arg(regs, 1));
  push_u32(&e, mknod_mode_to_ppm((__u32)sc_arg(regs, 2)));
  push_u32(&e, (__u32)sc_arg(regs, 3));
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(mount) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_MOUNT_X, 5)) return 0;
  push_s64(&e, ret);
  push_ustr(&e, sc_arg(regs, 0));
  push_ustr(&e, sc_arg(regs, 1));
  push_ustr(&e, sc_arg(regs, 2));
  push_u32(&e, mount_flags_to_ppm(sc_arg(regs, 3)));
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(umount2) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_UMOUNT2_X, 3)) return 0;
  push_s64(&e, ret);
  push_ustr(&e, sc_arg(regs, 0));
  push_u32(&e, umount2_flags_to_ppm(sc_arg(regs, 1)));
  ev_submit(&e);
  return 0;
}

#endif
