// Native → PPM flag conversions (facts: the kernel drivers' flag helpers and the uapi headers).
#include "tracer/encode/ppm_convert.h"

#include <fcntl.h>
#include <linux/sched.h>
#include <sched.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include "engine/events/ppm_flags.h"

namespace saker::tracer::encode {

using namespace saker::events;

uint32_t open_flags_to_ppm(uint32_t f) {
  uint32_t r = 0;
  switch (f & O_ACCMODE) {
    case O_WRONLY: r |= PPM_O_WRONLY; break;
    case O_RDWR: r |= PPM_O_RDWR; break;
    default: r |= PPM_O_RDONLY; break;
  }
  if (f & O_CREAT) r |= PPM_O_CREAT;
  if ((f & O_TMPFILE) == O_TMPFILE) r |= PPM_O_TMPFILE;
  if (f & O_APPEND) r |= PPM_O_APPEND;
  if (f & O_DSYNC) r |= PPM_O_DSYNC;
  if (f & O_EXCL) r |= PPM_O_EXCL;
  if (f & O_NONBLOCK) r |= PPM_O_NONBLOCK;
  if ((f & O_SYNC) == O_SYNC) r |= PPM_O_SYNC;
  if (f & O_TRUNC) r |= PPM_O_TRUNC;
  if (f & O_DIRECT) r |= PPM_O_DIRECT;
  if (f & O_DIRECTORY) r |= PPM_O_DIRECTORY;
  if (f & 0100000 /* O_LARGEFILE on x86_64 */) r |= PPM_O_LARGEFILE;
  if (f & O_CLOEXEC) r |= PPM_O_CLOEXEC;
  return r;
}

uint32_t open_mode_to_ppm(uint32_t flags, uint32_t mode) {
  if ((flags & (O_CREAT | O_TMPFILE)) == 0) return 0;
  return chmod_mode_to_ppm(mode);
}

// PPM_S_* permission bits have the kernel's octal values.
uint32_t chmod_mode_to_ppm(uint32_t mode) { return mode & 07777u; }

uint32_t mknod_mode_to_ppm(uint32_t mode) {
  uint32_t r = chmod_mode_to_ppm(mode);
  switch (mode & S_IFMT) {
    case S_IFSOCK: r |= PPM_S_IFSOCK; break;
    case 0:
    case S_IFREG: r |= PPM_S_IFREG; break;
    case S_IFBLK: r |= PPM_S_IFBLK; break;
    case S_IFCHR: r |= PPM_S_IFCHR; break;
    case S_IFIFO: r |= PPM_S_IFIFO; break;
    default: break;
  }
  return r;
}

uint32_t clone_flags_to_ppm(uint64_t f) {
  struct M { uint64_t native; uint32_t ppm; };
  static constexpr M kMap[] = {
      {CLONE_FILES, PPM_CL_CLONE_FILES}, {CLONE_FS, PPM_CL_CLONE_FS},
      {CLONE_IO, PPM_CL_CLONE_IO}, {CLONE_NEWIPC, PPM_CL_CLONE_NEWIPC},
      {CLONE_NEWNET, PPM_CL_CLONE_NEWNET}, {CLONE_NEWNS, PPM_CL_CLONE_NEWNS},
      {CLONE_NEWPID, PPM_CL_CLONE_NEWPID}, {CLONE_NEWUTS, PPM_CL_CLONE_NEWUTS},
      {CLONE_PARENT_SETTID, PPM_CL_CLONE_PARENT_SETTID}, {CLONE_PARENT, PPM_CL_CLONE_PARENT},
      {CLONE_PTRACE, PPM_CL_CLONE_PTRACE}, {CLONE_SIGHAND, PPM_CL_CLONE_SIGHAND},
      {CLONE_SYSVSEM, PPM_CL_CLONE_SYSVSEM}, {CLONE_THREAD, PPM_CL_CLONE_THREAD},
      {CLONE_UNTRACED, PPM_CL_CLONE_UNTRACED}, {CLONE_VM, PPM_CL_CLONE_VM},
      {CLONE_NEWUSER, PPM_CL_CLONE_NEWUSER}, {CLONE_CHILD_CLEARTID, PPM_CL_CLONE_CHILD_CLEARTID},
      {CLONE_CHILD_SETTID, PPM_CL_CLONE_CHILD_SETTID}, {CLONE_SETTLS, PPM_CL_CLONE_SETTLS},
      {CLONE_VFORK, PPM_CL_CLONE_VFORK}, {CLONE_NEWCGROUP, PPM_CL_CLONE_NEWCGROUP},
  };
  uint32_t r = 0;
  for (const M& m : kMap) {
    if (f & m.native) r |= m.ppm;
  }
  return r;
}

uint32_t nonblock_cloexec_to_ppm(int64_t f) {
  if (f < 0) return 0;
  uint32_t r = 0;
  if (f & O_NONBLOCK) r |= PPM_O_NONBLOCK;
  if (f & O_CLOEXEC) r |= PPM_O_CLOEXEC;
  return r;
}

uint32_t pipe2_flags_to_ppm(int64_t f) {
  if (f < 0) return 0;
  uint32_t r = nonblock_cloexec_to_ppm(f);
  if (f & O_DIRECT) r |= PPM_O_DIRECT;
  return r;
}

uint32_t mount_flags_to_ppm(uint64_t f) {
  // The historic magic number in the top half is dropped, as the kernel does.
  if ((f & 0xffff0000u) == 0xC0ED0000u) f &= 0xffffu;
  return static_cast<uint32_t>(f);  // PPM_MS_* have the kernel's MS_* values
}

uint32_t umount2_flags_to_ppm(uint64_t f) {
  uint32_t r = 0;
  if (f & MNT_FORCE) r |= PPM_MNT_FORCE;
  if (f & MNT_DETACH) r |= PPM_MNT_DETACH;
  if (f & MNT_EXPIRE) r |= PPM_MNT_EXPIRE;
  if (f & UMOUNT_NOFOLLOW) r |= PPM_UMOUNT_NOFOLLOW;
  return r;
}

uint32_t linkat_flags_to_ppm(uint64_t f) {
  uint32_t r = 0;
  if (f & AT_SYMLINK_FOLLOW) r |= PPM_AT_SYMLINK_FOLLOW;
  if (f & AT_EMPTY_PATH) r |= PPM_AT_EMPTY_PATH;
  return r;
}

uint32_t unlinkat_flags_to_ppm(uint64_t f) { return (f & AT_REMOVEDIR) ? PPM_AT_REMOVEDIR : 0; }

uint32_t renameat2_flags_to_ppm(uint64_t f) {
  return static_cast<uint32_t>(f) & (PPM_RENAME_NOREPLACE | PPM_RENAME_EXCHANGE |
                                     PPM_RENAME_WHITEOUT);
}

uint32_t execveat_flags_to_ppm(uint64_t f) {
  uint32_t r = 0;
  if (f & AT_EMPTY_PATH) r |= PPM_EXVAT_AT_EMPTY_PATH;
  if (f & AT_SYMLINK_NOFOLLOW) r |= PPM_EXVAT_AT_SYMLINK_NOFOLLOW;
  return r;
}

uint32_t memfd_flags_to_ppm(uint64_t f) {
  uint32_t r = 0;
  if (f & 1u /* MFD_CLOEXEC */) r |= PPM_MFD_CLOEXEC;
  if (f & 2u /* MFD_ALLOW_SEALING */) r |= PPM_MFD_ALLOW_SEALING;
  if (f & 4u /* MFD_HUGETLB */) r |= PPM_MFD_HUGETLB;
  return r;
}

uint32_t prot_to_ppm(uint64_t p) {
  uint32_t r = 0;
  if (p & PROT_READ) r |= PPM_PROT_READ;
  if (p & PROT_WRITE) r |= PPM_PROT_WRITE;
  if (p & PROT_EXEC) r |= PPM_PROT_EXEC;
  if (p & PROT_GROWSDOWN) r |= PPM_PROT_GROWSDOWN;
  if (p & PROT_GROWSUP) r |= PPM_PROT_GROWSUP;
  return r;
}

uint32_t shutdown_how_to_ppm(uint64_t how) {
  switch (how) {
    case SHUT_RD: return PPM_SHUT_RD;
    case SHUT_WR: return PPM_SHUT_WR;
    case SHUT_RDWR: return PPM_SHUT_RDWR;
    default: return PPM_SHUT_UNKNOWN;
  }
}

uint32_t fcntl_cmd_to_ppm(uint64_t cmd) {
  switch (cmd) {
    case F_DUPFD: return PPM_FCNTL_F_DUPFD;
    case F_GETFD: return PPM_FCNTL_F_GETFD;
    case F_SETFD: return PPM_FCNTL_F_SETFD;
    case F_GETFL: return PPM_FCNTL_F_GETFL;
    case F_SETFL: return PPM_FCNTL_F_SETFL;
    case F_GETLK: return PPM_FCNTL_F_GETLK;
    case F_SETLK: return PPM_FCNTL_F_SETLK;
    case F_SETLKW: return PPM_FCNTL_F_SETLKW;
    case F_SETOWN: return PPM_FCNTL_F_SETOWN;
    case F_GETOWN: return PPM_FCNTL_F_GETOWN;
    case F_SETSIG: return PPM_FCNTL_F_SETSIG;
    case F_GETSIG: return PPM_FCNTL_F_GETSIG;
    case F_SETOWN_EX: return PPM_FCNTL_F_SETOWN_EX;
    case F_GETOWN_EX: return PPM_FCNTL_F_GETOWN_EX;
    case F_SETLEASE: return PPM_FCNTL_F_SETLEASE;
    case F_GETLEASE: return PPM_FCNTL_F_GETLEASE;
    case 1029 /* F_CANCELLK */: return PPM_FCNTL_F_CANCELLK;
    case F_DUPFD_CLOEXEC: return PPM_FCNTL_F_DUPFD_CLOEXEC;
    case F_NOTIFY: return PPM_FCNTL_F_NOTIFY;
    case F_SETPIPE_SZ: return PPM_FCNTL_F_SETPIPE_SZ;
    case F_GETPIPE_SZ: return PPM_FCNTL_F_GETPIPE_SZ;
    case F_OFD_GETLK: return PPM_FCNTL_F_OFD_GETLK;
    case F_OFD_SETLK: return PPM_FCNTL_F_OFD_SETLK;
    case F_OFD_SETLKW: return PPM_FCNTL_F_OFD_SETLKW;
    default: return PPM_FCNTL_UNKNOWN;
  }
}

uint32_t ptrace_request_to_ppm(uint64_t req) {
  struct M { uint64_t native; uint32_t ppm; };
  static constexpr M kMap[] = {
      {PTRACE_TRACEME, PPM_PTRACE_TRACEME}, {PTRACE_PEEKTEXT, PPM_PTRACE_PEEKTEXT},
      {PTRACE_PEEKDATA, PPM_PTRACE_PEEKDATA}, {PTRACE_PEEKUSER, PPM_PTRACE_PEEKUSR},
      {PTRACE_POKETEXT, PPM_PTRACE_POKETEXT}, {PTRACE_POKEDATA, PPM_PTRACE_POKEDATA},
      {PTRACE_POKEUSER, PPM_PTRACE_POKEUSR}, {PTRACE_CONT, PPM_PTRACE_CONT},
      {PTRACE_KILL, PPM_PTRACE_KILL}, {PTRACE_SINGLESTEP, PPM_PTRACE_SINGLESTEP},
      {PTRACE_ATTACH, PPM_PTRACE_ATTACH}, {PTRACE_DETACH, PPM_PTRACE_DETACH},
      {PTRACE_SYSCALL, PPM_PTRACE_SYSCALL}, {PTRACE_SETOPTIONS, PPM_PTRACE_SETOPTIONS},
      {PTRACE_GETEVENTMSG, PPM_PTRACE_GETEVENTMSG}, {PTRACE_GETSIGINFO, PPM_PTRACE_GETSIGINFO},
      {PTRACE_SETSIGINFO, PPM_PTRACE_SETSIGINFO}, {PTRACE_GETREGSET, PPM_PTRACE_GETREGSET},
      {PTRACE_SETREGSET, PPM_PTRACE_SETREGSET}, {PTRACE_SEIZE, PPM_PTRACE_SEIZE},
      {PTRACE_INTERRUPT, PPM_PTRACE_INTERRUPT}, {PTRACE_LISTEN, PPM_PTRACE_LISTEN},
      {PTRACE_PEEKSIGINFO, PPM_PTRACE_PEEKSIGINFO}, {PTRACE_GETSIGMASK, PPM_PTRACE_GETSIGMASK},
      {PTRACE_SETSIGMASK, PPM_PTRACE_SETSIGMASK}, {PTRACE_GETREGS, PPM_PTRACE_GETREGS},
      {PTRACE_SETREGS, PPM_PTRACE_SETREGS}, {PTRACE_GETFPREGS, PPM_PTRACE_GETFPREGS},
      {PTRACE_SETFPREGS, PPM_PTRACE_SETFPREGS}, {PTRACE_GETFPXREGS, PPM_PTRACE_GETFPXREGS},
      {PTRACE_SETFPXREGS, PPM_PTRACE_SETFPXREGS},
      {PTRACE_GET_THREAD_AREA, PPM_PTRACE_GET_THREAD_AREA},
      {PTRACE_SET_THREAD_AREA, PPM_PTRACE_SET_THREAD_AREA},
      {PTRACE_ARCH_PRCTL, PPM_PTRACE_ARCH_PRCTL}, {PTRACE_SYSEMU, PPM_PTRACE_SYSEMU},
      {PTRACE_SYSEMU_SINGLESTEP, PPM_PTRACE_SYSEMU_SINGLESTEP},
      {PTRACE_SINGLEBLOCK, PPM_PTRACE_SINGLEBLOCK},
  };
  for (const M& m : kMap) {
    if (m.native == req) return m.ppm;
  }
  return PPM_PTRACE_UNKNOWN;
}

uint32_t resolve_flags_to_ppm(uint64_t f) {
  uint32_t r = 0;
  if (f & 0x01) r |= PPM_RESOLVE_NO_XDEV;        // RESOLVE_NO_XDEV
  if (f & 0x02) r |= PPM_RESOLVE_NO_MAGICLINKS;  // RESOLVE_NO_MAGICLINKS
  if (f & 0x04) r |= PPM_RESOLVE_NO_SYMLINKS;    // RESOLVE_NO_SYMLINKS
  if (f & 0x08) r |= PPM_RESOLVE_BENEATH;        // RESOLVE_BENEATH
  if (f & 0x10) r |= PPM_RESOLVE_IN_ROOT;        // RESOLVE_IN_ROOT
  if (f & 0x20) r |= PPM_RESOLVE_CACHED;         // RESOLVE_CACHED
  return r;
}

uint32_t io_uring_setup_flags_to_ppm(uint64_t f) {
  uint32_t r = 0;
  if (f & 1u) r |= PPM_IORING_SETUP_IOPOLL | PPM_IORING_SQ_NEED_WAKEUP;  // same bit, as drivers
  if (f & 2u) r |= PPM_IORING_SETUP_SQPOLL;
  if (f & 4u) r |= PPM_IORING_SETUP_SQ_AFF;
  if (f & 8u) r |= PPM_IORING_SETUP_CQSIZE;
  if (f & 16u) r |= PPM_IORING_SETUP_CLAMP;
  if (f & 32u) r |= PPM_IORING_SETUP_ATTACH_WQ;
  if (f & 64u) r |= PPM_IORING_SETUP_R_DISABLED;
  return r;
}

uint32_t io_uring_features_to_ppm(uint64_t f) { return static_cast<uint32_t>(f) & 0x7ffu; }
uint32_t io_uring_enter_flags_to_ppm(uint64_t f) { return static_cast<uint32_t>(f) & 0xfu; }

uint32_t finit_module_flags_to_ppm(uint64_t f) {
  uint32_t r = 0;
  if (f & 1u) r |= PPM_MODULE_INIT_IGNORE_MODVERSIONS;
  if (f & 2u) r |= PPM_MODULE_INIT_IGNORE_VERMAGIC;
  if (f & 4u) r |= PPM_MODULE_INIT_COMPRESSED_FILE;
  return r;
}

uint32_t delete_module_flags_to_ppm(uint64_t f) {
  uint32_t r = 0;
  if (f & O_NONBLOCK) r |= PPM_DELETE_MODULE_O_NONBLOCK;
  if (f & O_TRUNC) r |= PPM_DELETE_MODULE_O_TRUNC;
  return r;
}

uint32_t close_range_flags_to_ppm(uint64_t f) {
  uint32_t r = 0;
  if (f & (1u << 1)) r |= PPM_CLOSE_RANGE_UNSHARE;
  if (f & (1u << 2)) r |= PPM_CLOSE_RANGE_CLOEXEC;
  return r;
}

uint32_t epoll_create1_flags_to_ppm(uint64_t f) { return (f & O_CLOEXEC) ? PPM_EPOLL_CLOEXEC : 0; }

// PPM_AF_* have the kernel's AF_* values for every family the drivers name.
uint8_t socket_family_to_ppm(uint64_t family) {
  return family <= 39 ? static_cast<uint8_t>(family) : static_cast<uint8_t>(PPM_AF_UNSPEC);
}

}  // namespace saker::tracer::encode
