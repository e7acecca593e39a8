// File and fd-table syscalls: open family, close, links, renames, dirs, modes and owners,
// mounts, cwd/root, dup family, fcntl, and the single-fd creators (pipe, memfd, eventfd,
// signalfd, timerfd, inotify, epoll, userfaultfd). Param order is the schema's.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>

#include "engine/events/ppm_flags.h"
#include "tracer/encode/encode.h"
#include "tracer/encode/ppm_convert.h"
#include "tracer/tracee_memory.h"

namespace saker::tracer::encode {
namespace {

// Flags the kernel declares `int`: the register's low 32 bits, as the kernel and the eBPF probe
// read them (a set high bit makes the value negative, not a larger flag set).
int32_t int_flags(const Ctx& c, int i) { return static_cast<int32_t>(c.arg(i)); }

// ---- open family ---------------------------------------------------------------------------

// Whether `path` (relative to dirfd) exists, seen from the tracee (its cwd, fds and root).
bool exists_for_tracee(Ctx& c, int64_t dirfd, const std::string& path) {
  char full[kMaxPath + 64];
  if (!path.empty() && path[0] == '/') {
    std::snprintf(full, sizeof(full), "/proc/%d/root%s", c.tid, path.c_str());
  } else if (dirfd == AT_FDCWD) {
    std::snprintf(full, sizeof(full), "/proc/%d/cwd/%s", c.tid, path.c_str());
  } else {
    std::snprintf(full, sizeof(full), "/proc/%d/fd/%lld/%s", c.tid,
                  static_cast<long long>(dirfd), path.c_str());
  }
  return faccessat(AT_FDCWD, full, F_OK, AT_EACCESS | AT_SYMLINK_NOFOLLOW) == 0;
}

// At the entry of an open with O_CREAT: remember whether the file existed, for O_F_CREATED.
void note_existence(Ctx& c, int64_t dirfd, uint32_t flags) {
  c.pend.existed = true;
  if ((flags & O_CREAT) && !c.h.str[0].empty()) c.pend.existed = exists_for_tracee(c, dirfd, c.h.str[0]);
}

uint32_t exit_open_flags(Ctx& c, uint32_t native) {
  uint32_t f = open_flags_to_ppm(native);
  if (c.ret >= 0 && (native & O_CREAT) && !c.pend.existed) f |= events::PPM_O_F_CREATED;
  return f;
}

void open_e(Ctx& c) {
  const uint32_t fl = static_cast<uint32_t>(c.arg(1));
  c.add_path(0);
  note_existence(c, AT_FDCWD, fl);
  c.b.add_u32(open_flags_to_ppm(fl));
  c.b.add_u32(open_mode_to_ppm(fl, static_cast<uint32_t>(c.arg(2))));
}
void open_x(Ctx& c) {
  const uint32_t fl = static_cast<uint32_t>(c.arg(1));
  uint32_t dev;
  uint64_t ino;
  c.fd_dev_ino(c.ret, &dev, &ino);
  c.b.add_i64(c.ret);
  c.add_path(0);
  c.b.add_u32(exit_open_flags(c, fl));
  c.b.add_u32(open_mode_to_ppm(fl, static_cast<uint32_t>(c.arg(2))));
  c.b.add_u32(dev);
  c.b.add_u64(ino);
}
void openat_e(Ctx& c) {
  const uint32_t fl = static_cast<uint32_t>(c.arg(2));
  c.b.add_i64(c.fd_arg(0));
  c.add_path(1);
  note_existence(c, c.fd_arg(0), fl);
  c.b.add_u32(open_flags_to_ppm(fl));
  c.b.add_u32(open_mode_to_ppm(fl, static_cast<uint32_t>(c.arg(3))));
}
void openat_x(Ctx& c) {
  const uint32_t fl = static_cast<uint32_t>(c.arg(2));
  uint32_t dev;
  uint64_t ino;
  c.fd_dev_ino(c.ret, &dev, &ino);
  c.b.add_i64(c.ret);
  c.b.add_i64(c.fd_arg(0));
  c.add_path(1);
  c.b.add_u32(exit_open_flags(c, fl));
  c.b.add_u32(open_mode_to_ppm(fl, static_cast<uint32_t>(c.arg(3))));
  c.b.add_u32(dev);
  c.b.add_u64(ino);
}
struct OpenHow {
  uint64_t flags = 0, mode = 0, resolve = 0;
};
OpenHow read_how(Ctx& c) {
  OpenHow how;
  const size_t n = c.arg(3) < sizeof(how) ? c.arg(3) : sizeof(how);
  TraceeMemory::read(c.tid, c.arg(2), &how, n);
  return how;
}
void openat2_e(Ctx& c) {
  const OpenHow how = read_how(c);
  const uint32_t fl = static_cast<uint32_t>(how.flags);
  c.b.add_i64(c.fd_arg(0));
  c.add_path(1);
  note_existence(c, c.fd_arg(0), fl);
  c.b.add_u32(open_flags_to_ppm(fl));
  c.b.add_u32(open_mode_to_ppm(fl, static_cast<uint32_t>(how.mode)));
  c.b.add_u32(resolve_flags_to_ppm(how.resolve));
}
void openat2_x(Ctx& c) {
  const OpenHow how = read_how(c);
  const uint32_t fl = static_cast<uint32_t>(how.flags);
  uint32_t dev;
  uint64_t ino;
  c.fd_dev_ino(c.ret, &dev, &ino);
  c.b.add_i64(c.ret);
  c.b.add_i64(c.fd_arg(0));
  c.add_path(1);
  c.b.add_u32(exit_open_flags(c, fl));
  c.b.add_u32(open_mode_to_ppm(fl, static_cast<uint32_t>(how.mode)));
  c.b.add_u32(resolve_flags_to_ppm(how.resolve));
  c.b.add_u32(dev);
  c.b.add_u64(ino);
}
void creat_e(Ctx& c) {
  c.add_path(0);
  note_existence(c, AT_FDCWD, O_CREAT);
  c.b.add_u32(chmod_mode_to_ppm(static_cast<uint32_t>(c.arg(1))));
}
void creat_x(Ctx& c) {
  uint32_t dev;
  uint64_t ino;
  c.fd_dev_ino(c.ret, &dev, &ino);
  c.b.add_i64(c.ret);
  c.add_path(0);
  c.b.add_u32(chmod_mode_to_ppm(static_cast<uint32_t>(c.arg(1))));
  c.b.add_u32(dev);
  c.b.add_u64(ino);
  c.b.add_u16(0);  // creat_flags: overlay layer (not visible from userspace)
}
void open_by_handle_at_x(Ctx& c) {
  uint32_t dev;
  uint64_t ino;
  c.fd_dev_ino(c.ret, &dev, &ino);
  c.b.add_i64(c.ret);
  c.b.add_i64(c.fd_arg(0));
  c.b.add_u32(open_flags_to_ppm(static_cast<uint32_t>(c.arg(2))));
  // The path of the opened file, as the kernel resolves it.
  std::string& p = c.h.str[0];
  p.clear();
  if (c.ret >= 0) {
    char link[64], buf[kMaxPath];
    std::snprintf(link, sizeof(link), "/proc/%d/fd/%lld", c.tid, static_cast<long long>(c.ret));
    ssize_t n = readlink(link, buf, sizeof(buf));
    if (n > 0) p.assign(buf, static_cast<size_t>(n));
  }
  if (p.empty()) c.b.add_empty(); else c.b.add_str(p);
  c.b.add_u32(dev);
  c.b.add_u64(ino);
}

// ---- close, links, renames, dirs -------------------------------------------------------------

void close_x(Ctx& c) { c.b.add_i64(c.ret); c.b.add_i64(c.fd_arg(0)); }
void close_range_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.b.add_u32(static_cast<uint32_t>(c.arg(0)));
  c.b.add_u32(static_cast<uint32_t>(c.arg(1)));
  c.b.add_u32(close_range_flags_to_ppm(c.arg(2)));
}
void res_path0(Ctx& c) { c.b.add_i64(c.ret); c.add_path(0); }  // unlink, rmdir, chroot
void unlinkat_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.b.add_i64(c.fd_arg(0));
  c.add_path(1);
  c.b.add_u32(unlinkat_flags_to_ppm(c.arg(2)));
}
void two_paths_x(Ctx& c) { c.b.add_i64(c.ret); c.add_path(0, 0); c.add_path(1, 1); }  // rename, link
void renameat_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.b.add_i64(c.fd_arg(0));
  c.add_path(1, 0);
  c.b.add_i64(c.fd_arg(2));
  c.add_path(3, 1);
}
void renameat2_x(Ctx& c) { renameat_x(c); c.b.add_u32(renameat2_flags_to_ppm(c.arg(4))); }
void linkat_x(Ctx& c) { renameat_x(c); c.b.add_u32(linkat_flags_to_ppm(c.arg(4))); }
void mkdir_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.add_path(0);
  c.b.add_u32(chmod_mode_to_ppm(static_cast<uint32_t>(c.arg(1))));
}
void mkdirat_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.b.add_i64(c.fd_arg(0));
  c.add_path(1);
  c.b.add_u32(chmod_mode_to_ppm(static_cast<uint32_t>(c.arg(2))));
}
void symlink_x(Ctx& c) { c.b.add_i64(c.ret); c.add_path(0, 0); c.add_path(1, 1); }
void symlinkat_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.add_path(0, 0);
  c.b.add_i64(c.fd_arg(1));
  c.add_path(2, 1);
}
void mknod_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.add_path(0);
  c.b.add_u32(mknod_mode_to_ppm(static_cast<uint32_t>(c.arg(1))));
  c.b.add_u32(static_cast<uint32_t>(c.arg(2)));  // already the kernel's encoded dev
}
void mknodat_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.b.add_i64(c.fd_arg(0));
  c.add_path(1);
  c.b.add_u32(mknod_mode_to_ppm(static_cast<uint32_t>(c.arg(2))));
  c.b.add_u32(static_cast<uint32_t>(c.arg(3)));
}

// ---- modes, owners, mounts ---------------------------------------------------------------------

void chmod_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.add_path(0);
  c.b.add_u32(chmod_mode_to_ppm(static_cast<uint32_t>(c.arg(1))));
}
void fchmod_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.b.add_i64(c.fd_arg(0));
  c.b.add_u32(chmod_mode_to_ppm(static_cast<uint32_t>(c.arg(1))));
}
void fchmodat_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.b.add_i64(c.fd_arg(0));
  c.add_path(1);
  c.b.add_u32(chmod_mode_to_ppm(static_cast<uint32_t>(c.arg(2))));
}
void chown_x(Ctx& c) {  // chown, lchown
  c.b.add_i64(c.ret);
  c.add_path(0);
  c.b.add_u32(static_cast<uint32_t>(c.arg(1)));
  c.b.add_u32(static_cast<uint32_t>(c.arg(2)));
}
void fchown_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.b.add_i64(c.fd_arg(0));
  c.b.add_u32(static_cast<uint32_t>(c.arg(1)));
  c.b.add_u32(static_cast<uint32_t>(c.arg(2)));
}
void fchownat_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.b.add_i64(c.fd_arg(0));
  c.add_path(1);
  c.b.add_u32(static_cast<uint32_t>(c.arg(2)));
  c.b.add_u32(static_cast<uint32_t>(c.arg(3)));
  c.b.add_u32(linkat_flags_to_ppm(c.arg(4)));
}
void mount_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.add_path(0, 0);
  c.add_path(1, 1);
  c.add_path(2, 2);
  c.b.add_u32(mount_flags_to_ppm(c.arg(3)));
}
void umount2_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.add_path(0);
  c.b.add_u32(umount2_flags_to_ppm(c.arg(1)));
}
void fd_x(Ctx& c) { c.b.add_i64(c.ret); c.b.add_i64(c.fd_arg(0)); }  // fchdir

// ---- dup, fcntl ------------------------------------------------------------------------------

void dup_x(Ctx& c) { c.b.add_i64(c.ret); c.b.add_i64(c.fd_arg(0)); }
void dup2_x(Ctx& c) { c.b.add_i64(c.ret); c.b.add_i64(c.fd_arg(0)); c.b.add_i64(c.fd_arg(1)); }
void dup3_x(Ctx& c) {
  dup2_x(c);
  c.b.add_u32(dup3_flags_to_ppm(c.arg(2)));
}
void fcntl_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.b.add_i64(c.fd_arg(0));
  c.b.add_u8(static_cast<uint8_t>(fcntl_cmd_to_ppm(c.arg(1))));
  c.b.add_u64(c.arg(2));
}

// ---- fd creators -------------------------------------------------------------------------------

void pipe_common(Ctx& c) {
  int fds[2] = {-1, -1};
  if (c.ret >= 0) TraceeMemory::read(c.tid, c.arg(0), fds, sizeof(fds));
  c.b.add_i64(c.ret);
  c.b.add_i64(fds[0]);
  c.b.add_i64(fds[1]);
  c.b.add_u64(c.ret >= 0 ? c.fd_inode(fds[0]) : 0);
}
void pipe_x(Ctx& c) { pipe_common(c); }
void pipe2_x(Ctx& c) { pipe_common(c); c.b.add_u32(pipe2_flags_to_ppm(int_flags(c, 1))); }
void memfd_create_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.add_path(0);
  c.b.add_u32(memfd_flags_to_ppm(c.arg(1)));
}
void eventfd_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.b.add_u64(static_cast<uint32_t>(c.arg(0)));
  c.b.add_u32(0);
}
void eventfd2_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.b.add_u16(static_cast<uint16_t>(nonblock_cloexec_to_ppm(int_flags(c, 1))));
  c.b.add_u64(static_cast<uint32_t>(c.arg(0)));
}
uint32_t read_sigmask(Ctx& c, uint64_t addr) {
  uint32_t m = 0;
  if (addr != 0) TraceeMemory::read(c.tid, addr, &m, sizeof(m));
  return m;
}
void signalfd_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.b.add_i64(c.fd_arg(0));
  c.b.add_u32(read_sigmask(c, c.arg(1)));
  c.b.add_u8(0);
}
void signalfd4_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.b.add_u16(static_cast<uint16_t>(nonblock_cloexec_to_ppm(int_flags(c, 3))));
  c.b.add_i64(c.fd_arg(0));
  c.b.add_u32(read_sigmask(c, c.arg(1)));
}
void timerfd_create_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.b.add_u8(static_cast<uint8_t>(c.arg(0)));
  c.b.add_u8(static_cast<uint8_t>(nonblock_cloexec_to_ppm(int_flags(c, 1))));
}
void inotify_init_x(Ctx& c) { c.b.add_i64(c.ret); c.b.add_u8(0); }
void inotify_init1_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.b.add_u16(static_cast<uint16_t>(nonblock_cloexec_to_ppm(int_flags(c, 0))));
}
void epoll_create_x(Ctx& c) { c.b.add_i64(c.ret); c.b.add_i32(static_cast<int32_t>(c.arg(0))); }
void epoll_create1_x(Ctx& c) { c.b.add_i64(c.ret); c.b.add_u32(epoll_create1_flags_to_ppm(c.arg(0))); }
void userfaultfd_x(Ctx& c) {
  c.b.add_i64(c.ret);
  c.b.add_u32(nonblock_cloexec_to_ppm(int_flags(c, 0)));
}

}  // namespace

const NamedEncoder kFileEncoders[] = {
    {"open", open_e, open_x},
    {"openat", openat_e, openat_x},
    {"openat2", openat2_e, openat2_x},
    {"creat", creat_e, creat_x},
    {"open_by_handle_at", nullptr, open_by_handle_at_x},
    {"close", nullptr, close_x},
    {"close_range", nullptr, close_range_x},
    {"unlink", nullptr, res_path0},
    {"unlinkat", nullptr, unlinkat_x},
    {"rename", nullptr, two_paths_x},
    {"renameat", nullptr, renameat_x},
    {"renameat2", nullptr, renameat2_x},
    {"mkdir", nullptr, mkdir_x},
    {"mkdirat", nullptr, mkdirat_x},
    {"rmdir", nullptr, res_path0},
    {"link", nullptr, two_paths_x},
    {"linkat", nullptr, linkat_x},
    {"symlink", nullptr, symlink_x},
    {"symlinkat", nullptr, symlinkat_x},
    {"mknod", nullptr, mknod_x},
    {"mknodat", nullptr, mknodat_x},
    {"chmod", nullptr, chmod_x},
    {"fchmod", nullptr, fchmod_x},
    {"fchmodat", nullptr, fchmodat_x},
    {"chown", nullptr, chown_x},
    {"lchown", nullptr, chown_x},
    {"fchown", nullptr, fchown_x},
    {"fchownat", nullptr, fchownat_x},
    {"mount", nullptr, mount_x},
    {"umount2", nullptr, umount2_x},
    {"chdir", nullptr, res_path0},
    {"fchdir", nullptr, fd_x},
    {"chroot", nullptr, res_path0},
    {"dup", nullptr, dup_x},
    {"dup2", nullptr, dup2_x},
    {"dup3", nullptr, dup3_x},
    {"fcntl", nullptr, fcntl_x},
    {"pipe", nullptr, pipe_x},
    {"pipe2", nullptr, pipe2_x},
    {"memfd_create", nullptr, memfd_create_x},
    {"eventfd", nullptr, eventfd_x},
    {"eventfd2", nullptr, eventfd2_x},
    {"signalfd", nullptr, signalfd_x},
    {"signalfd4", nullptr, signalfd4_x},
    {"timerfd_create", nullptr, timerfd_create_x},
    {"inotify_init", nullptr, inotify_init_x},
    {"inotify_init1", nullptr, inotify_init1_x},
    {"epoll_create", nullptr, epoll_create_x},
    {"epoll_create1", nullptr, epoll_create1_x},
    {"userfaultfd", nullptr, userfaultfd_x},
};
const size_t kFileEncodersCount = sizeof(kFileEncoders) / sizeof(kFileEncoders[0]);

}  // namespace saker::tracer::encode
