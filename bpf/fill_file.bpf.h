/* Fillers of file and fd-table syscalls. Param order is the schema's (engine/events), the same
 * the tracer writes (tracer/encode/file.cpp). */
#ifndef SAKER_BPF_FILL_FILE_H
#define SAKER_BPF_FILL_FILE_H

#include "fillers.bpf.h"

/* ---- open family ---------------------------------------------------------------------------- */

ENTER_FILLER(open) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_OPEN_E, 3)) return 0;
  __u32 fl = (__u32)sc_arg(regs, 1);
  push_ustr(&e, sc_arg(regs, 0));
  push_u32(&e, open_flags_to_ppm(fl));
  push_u32(&e, open_mode_to_ppm(fl, (__u32)sc_arg(regs, 2)));
  ev_submit(&e);
  return 0;
}

/* Exit flags: PPM flags plus O_F_CREATED when this open created the file (the kernel marks the
 * new struct file with FMODE_CREATED). */
static __always_inline __u32 exit_open_flags(__u32 native, struct file *f) {
  __u32 r = open_flags_to_ppm(native);
  if (f && (BPF_CORE_READ(f, f_mode) & N_FMODE_CREATED)) r |= PPM_O_F_CREATED;
  return r;
}

EXIT_FILLER(open) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_OPEN_X, 6)) return 0;
  __u32 fl = (__u32)sc_arg(regs, 1);
  struct file *f = fd_file(ret);
  __u32 dev;
  __u64 ino;
  file_dev_ino(f, &dev, &ino);
  push_s64(&e, ret);
  push_ustr(&e, sc_arg(regs, 0));
  push_u32(&e, exit_open_flags(fl, f));
  push_u32(&e, open_mode_to_ppm(fl, (__u32)sc_arg(regs, 2)));
  push_u32(&e, dev);
  push_u64(&e, ino);
  ev_submit(&e);
  return 0;
}

ENTER_FILLER(openat) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_OPENAT_2_E, 4)) return 0;
  __u32 fl = (__u32)sc_arg(regs, 2);
  push_s64(&e, sc_fd(regs, 0));
  push_ustr(&e, sc_arg(regs, 1));
  push_u32(&e, open_flags_to_ppm(fl));
  push_u32(&e, open_mode_to_ppm(fl, (__u32)sc_arg(regs, 3)));
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(openat) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_OPENAT_2_X, 7)) return 0;
  __u32 fl = (__u32)sc_arg(regs, 2);
  struct file *f = fd_file(ret);
  __u32 dev;
  __u64 ino;
  file_dev_ino(f, &dev, &ino);
  push_s64(&e, ret);
  push_s64(&e, sc_fd(regs, 0));
  push_ustr(&e, sc_arg(regs, 1));
  push_u32(&e, exit_open_flags(fl, f));
  push_u32(&e, open_mode_to_ppm(fl, (__u32)sc_arg(regs, 3)));
  push_u32(&e, dev);
  push_u64(&e, ino);
  ev_submit(&e);
  return 0;
}

struct open_how_prefix {
  __u64 flags, mode, resolve;
};
static __always_inline struct open_how_prefix read_how(struct pt_regs *regs) {
  struct open_how_prefix how = {};
  __u64 size = sc_arg(regs, 3);
  if (size >= sizeof(how) && bpf_probe_read_user(&how, sizeof(how), (void *)sc_arg(regs, 2)) != 0)
    count_fault();
  return how;
}

ENTER_FILLER(openat2) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_OPENAT2_E, 5)) return 0;
  struct open_how_prefix how = read_how(regs);
  push_s64(&e, sc_fd(regs, 0));
  push_ustr(&e, sc_arg(regs, 1));
  push_u32(&e, open_flags_to_ppm((__u32)how.flags));
  push_u32(&e, open_mode_to_ppm((__u32)how.flags, (__u32)how.mode));
  push_u32(&e, resolve_flags_to_ppm(how.resolve));
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(openat2) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_OPENAT2_X, 8)) return 0;
  struct open_how_prefix how = read_how(regs);
  struct file *f = fd_file(ret);
  __u32 dev;
  __u64 ino;
  file_dev_ino(f, &dev, &ino);
  push_s64(&e, ret);
  push_s64(&e, sc_fd(regs, 0));
  push_ustr(&e, sc_arg(regs, 1));
  push_u32(&e, exit_open_flags((__u32)how.flags, f));
  push_u32(&e, open_mode_to_ppm((__u32)how.flags, (__u32)how.mode));
  push_u32(&e, resolve_flags_to_ppm(how.resolve));
  push_u32(&e, dev);
  push_u64(&e, ino);
  ev_submit(&e);
  return 0;
}

ENTER_FILLER(creat) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_CREAT_E, 2)) return 0;
  push_ustr(&e, sc_arg(regs, 0));
  push_u32(&e, (__u32)sc_arg(regs, 1) & 07777u);
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(creat) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_CREAT_X, 6)) return 0;
  __u32 dev;
  __u64 ino;
  file_dev_ino(fd_file(ret), &dev, &ino);
  push_s64(&e, ret);
  push_ustr(&e, sc_arg(regs, 0));
  push_u32(&e, (__u32)sc_arg(regs, 1) & 07777u);
  push_u32(&e, dev);
  push_u64(&e, ino);
  push_u16(&e, 0); /* creat_flags (overlay layer): not read, as in the tracer */
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(open_by_handle_at) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_OPEN_BY_HANDLE_AT_X, 6)) return 0;
  struct file *f = fd_file(ret);
  __u32 dev;
  __u64 ino;
  file_dev_ino(f, &dev, &ino);
  push_s64(&e, ret);
  push_s64(&e, sc_fd(regs, 0));
  push_u32(&e, open_flags_to_ppm((__u32)sc_arg(regs, 2)));
  /* The path of the opened file, as the kernel resolves it. */
  if (f)
    push_path_walk(&e, BPF_CORE_READ(f, f_path.dentry), BPF_CORE_READ(f, f_path.mnt));
  else
    push_empty(&e);
  push_u32(&e, dev);
  push_u64(&e, ino);
  ev_submit(&e);
  return 0;
}

/* ---- close, links, renames, dirs -------------------------------------------------------------- */

/* res, fd(arg0): close, fchdir, dup */
#define RES_FD0_FILLER(name, type)            \
  EXIT_FILLER(name) {                         \
    struct ev e;                              \
    if (!ev_begin(&e, type, 2)) return 0;     \
    push_s64(&e, ret);                        \
    push_s64(&e, sc_fd(regs, 0));             \
    ev_submit(&e);                            \
    return 0;                                 \
  }
RES_FD0_FILLER(close, PPME_SYSCALL_CLOSE_X)
RES_FD0_FILLER(fchdir, PPME_SYSCALL_FCHDIR_X)
RES_FD0_FILLER(dup, PPME_SYSCALL_DUP_1_X)

/* res, path(arg0): unlink, rmdir, chdir, chroot */
#define RES_PATH0_FILLER(name, type)          \
  EXIT_FILLER(name) {                         \
    struct ev e;                              \
    if (!ev_begin(&e, type, 2)) return 0;     \
    push_s64(&e, ret);                        \
    push_ustr(&e, sc_arg(regs, 0));           \
    ev_submit(&e);                            \
    return 0;                                 \
  }
RES_PATH0_FILLER(unlink, PPME_SYSCALL_UNLINK_2_X)
RES_PATH0_FILLER(rmdir, PPME_SYSCALL_RMDIR_2_X)
RES_PATH0_FILLER(chdir, PPME_SYSCALL_CHDIR_X)
RES_PATH0_FILLER(chroot, PPME_SYSCALL_CHROOT_X)

EXIT_FILLER(unlinkat) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_UNLINKAT_2_X, 4)) return 0;
  push_s64(&e, ret);
  push_s64(&e, sc_fd(regs, 0));
  push_ustr(&e, sc_arg(regs, 1));
  push_u32(&e, unlinkat_flags_to_ppm(sc_arg(regs, 2)));
  ev_submit(&e);
  return 0;
}

/* res, path(arg0), path(arg1): rename, link, symlink */
#define TWO_PATHS_FILLER(name, type)          \
  EXIT_FILLER(name) {                         \
    struct ev e;                              \
    if (!ev_begin(&e, type, 3)) return 0;     \
    push_s64(&e, ret);                        \
    push_ustr(&e, sc_arg(regs, 0));           \
    push_ustr(&e, sc_arg(regs, 1));           \
    ev_submit(&e);                            \
    return 0;                                 \
  }
TWO_PATHS_FILLER(rename, PPME_SYSCALL_RENAME_X)
TWO_PATHS_FILLER(link, PPME_SYSCALL_LINK_2_X)
TWO_PATHS_FILLER(symlink, PPME_SYSCALL_SYMLINK_X)

static __always_inline void push_two_dirfd_paths(struct ev *e, struct pt_regs *regs) {
  push_s64(e, sc_fd(regs, 0));
  push_ustr(e, sc_arg(regs, 1));
  push_s64(e, sc_fd(regs, 2));
  push_ustr(e, sc_arg(regs, 3));
}

EXIT_FILLER(renameat) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_RENAMEAT_X, 5)) return 0;
  push_s64(&e, ret);
  push_two_dirfd_paths(&e, regs);
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(renameat2) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_RENAMEAT2_X, 6)) return 0;
  push_s64(&e, ret);
  push_two_dirfd_paths(&e, regs);
  push_u32(&e, renameat2_flags_to_ppm(sc_arg(regs, 4)));
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(linkat) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_LINKAT_2_X, 6)) return 0;
  push_s64(&e, ret);
  push_two_dirfd_paths(&e, regs);
  push_u32(&e, linkat_flags_to_ppm(sc_arg(regs, 4)));
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(symlinkat) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_SYMLINKAT_X, 4)) return 0;
  push_s64(&e, ret);
  push_ustr(&e, sc_arg(regs, 0));
  push_s64(&e, sc_fd(regs, 1));
  push_ustr(&e, sc_arg(regs, 2));
  ev_submit(&e);
  return 0;
}

/* res, path(arg0), mode(arg1): mkdir, chmod */
#define PATH_MODE_FILLER(name, type)                    \
  EXIT_FILLER(name) {                                   \
    struct ev e;                                        \
    if (!ev_begin(&e, type, 3)) return 0;               \
    push_s64(&e, ret);                                  \
    push_ustr(&e, sc_arg(regs, 0));                     \
    push_u32(&e, (__u32)sc_arg(regs, 1) & 07777u);      \
    ev_submit(&e);                                      \
    return 0;                                           \
  }
PATH_MODE_FILLER(mkdir, PPME_SYSCALL_MKDIR_2_X)
PATH_MODE_FILLER(chmod, PPME_SYSCALL_CHMOD_X)

/* res, dirfd(arg0), path(arg1), mode(arg2): mkdirat, fchmodat */
#define DIRFD_PATH_MODE_FILLER(name, type)              \
  EXIT_FILLER(name) {                                   \
    struct ev e;                                        \
    if (!ev_begin(&e, type, 4)) return 0;               \
    push_s64(&e, ret);                                  \
    push_s64(&e, sc_fd(regs, 0));                       \
    push_ustr(&e, sc_arg(regs, 1));                     \
    push_u32(&e, (__u32)sc_arg(regs, 2) & 07777u);      \
    ev_submit(&e);                                      \
    return 0;                                           \
  }
DIRFD_PATH_MODE_FILLER(mkdirat, PPME_SYSCALL_MKDIRAT_X)
DIRFD_PATH_MODE_FILLER(fchmodat, PPME_SYSCALL_FCHMODAT_X)

EXIT_FILLER(fchmod) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_FCHMOD_X, 3)) return 0;
  push_s64(&e, ret);
  push_s64(&e, sc_fd(regs, 0));
  push_u32(&e, (__u32)sc_arg(regs, 1) & 07777u);
  ev_submit(&e);
  return 0;
}

/* res, path(arg0), uid, gid: chown, lchown */
#define CHOWN_FILLER(name, type)                  \
  EXIT_FILLER(name) {                             \
    struct ev e;                                  \
    if (!ev_begin(&e, type, 4)) return 0;         \
    push_s64(&e, ret);                            \
    push_ustr(&e, sc_arg(regs, 0));               \
    push_u32(&e, (__u32)sc_arg(regs, 1));         \
    push_u32(&e, (__u32)sc_arg(regs, 2));         \
    ev_submit(&e);                                \
    return 0;                                     \
  }
CHOWN_FILLER(chown, PPME_SYSCALL_CHOWN_X)
CHOWN_FILLER(lchown, PPME_SYSCALL_LCHOWN_X)

EXIT_FILLER(fchown) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_FCHOWN_X, 4)) return 0;
  push_s64(&e, ret);
  push_s64(&e, sc_fd(regs, 0));
  push_u32(&e, (__u32)sc_arg(regs, 1));
  push_u32(&e, (__u32)sc_arg(regs, 2));
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(fchownat) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_FCHOWNAT_X, 6)) return 0;
  push_s64(&e, ret);
  push_s64(&e, sc_fd(regs, 0));
  push_ustr(&e, sc_arg(regs, 1));
  push_u32(&e, (__u32)sc_arg(regs, 2));
  push_u32(&e, (__u32)sc_arg(regs, 3));
  push_u32(&e, linkat_flags_to_ppm(sc_arg(regs, 4)));
  ev_submit(&e);
  return 0;
}

/* ---- dup, fcntl, fd creators ------------------------------------------------------------------ */

EXIT_FILLER(dup2) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_DUP2_X, 3)) return 0;
  push_s64(&e, ret);
  push_s64(&e, sc_fd(regs, 0));
  push_s64(&e, sc_fd(regs, 1));
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(dup3) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_DUP3_X, 4)) return 0;
  push_s64(&e, ret);
  push_s64(&e, sc_fd(regs, 0));
  push_s64(&e, sc_fd(regs, 1));
  push_u32(&e, dup3_flags_to_ppm(sc_arg(regs, 2)));
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(fcntl) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_FCNTL_X, 4)) return 0;
  push_s64(&e, ret);
  push_s64(&e, sc_fd(regs, 0));
  push_u8(&e, (__u8)fcntl_cmd_to_ppm(sc_arg(regs, 1)));
  push_u64(&e, sc_arg(regs, 2));
  ev_submit(&e);
  return 0;
}

/* res, fd0, fd1, ino of the pipe (pipe, pipe2). */
static __always_inline void push_pipe(struct ev *e, struct pt_regs *regs, long ret) {
  __s32 fds[2] = {-1, -1};
  if (ret >= 0 && bpf_probe_read_user(fds, sizeof(fds), (void *)sc_arg(regs, 0)) != 0)
    count_fault();
  __u32 dev;
  __u64 ino;
  file_dev_ino(ret >= 0 ? fd_file(fds[0]) : NULL, &dev, &ino);
  push_s64(e, ret);
  push_s64(e, fds[0]);
  push_s64(e, fds[1]);
  push_u64(e, ino);
}

EXIT_FILLER(pipe) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_PIPE_X, 4)) return 0;
  push_pipe(&e, regs, ret);
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(pipe2) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_PIPE2_X, 5)) return 0;
  push_pipe(&e, regs, ret);
  push_u32(&e, pipe2_flags_to_ppm((__s32)sc_arg(regs, 1)));
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(memfd_create) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_MEMFD_CREATE_X, 3)) return 0;
  push_s64(&e, ret);
  push_ustr(&e, sc_arg(regs, 0));
  push_u32(&e, memfd_flags_to_ppm(sc_arg(regs, 1)));
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(epoll_create1) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_EPOLL_CREATE1_X, 2)) return 0;
  push_s64(&e, ret);
  push_u32(&e, epoll_create1_flags_to_ppm(sc_arg(regs, 0)));
  ev_submit(&e);
  return 0;
}

#endif
