/* Native (x86_64 Linux uapi) syscall flag values -> the scap format's PPM values: the one copy
 * both producers compile, so the ptrace tracer (C++, tracer/encode/) and the CO-RE eBPF probe
 * (C, clang -target bpf, bpf/) cannot drift apart. Facts: the uapi headers for the native values,
 * the kernel drivers' flag helpers for how each argument is converted.
 *
 * Written in the subset of C that is also C++20, so it builds three ways:
 *   C++        the functions live in saker::events; PPM_* come from ppm_flags.h.
 *   BPF (C)    __u32 etc. come from vmlinux.h and PPM_* from the generated scap_ids.h, both
 *              included before this header (bpf/maps.bpf.h); functions are __always_inline.
 *   other C    <stdint.h> types; the includer provides PPM_* as macros (scap_ids.h).
 * The native values are spelled as UAPI_* constants below rather than taken from libc or the
 * kernel headers: vmlinux.h carries no macros, and glibc differs from the kernel for some
 * (O_LARGEFILE is 0 in 64-bit glibc). The unit test checks them against libc where libc agrees. */
#ifndef SAKER_EVENTS_PPM_FLAG_CONVERT_H
#define SAKER_EVENTS_PPM_FLAG_CONVERT_H

/* ---- prelude: integer types and function qualifiers ------------------------------------------ */
#if defined(__cplusplus)
#include <cstdint>

#include "engine/events/ppm_flags.h"
#define SAKER_PPM_CONVERT static constexpr inline
namespace saker::events {
typedef uint8_t saker_u8;
typedef uint32_t saker_u32;
typedef uint64_t saker_u64;
typedef int32_t saker_s32;
#elif defined(__bpf__)
#ifndef __always_inline
#define __always_inline inline __attribute__((always_inline))
#endif
#define SAKER_PPM_CONVERT static __always_inline
typedef __u8 saker_u8;
typedef __u32 saker_u32;
typedef __u64 saker_u64;
typedef __s32 saker_s32;
#else
#include <stdint.h>
#define SAKER_PPM_CONVERT static inline
typedef uint8_t saker_u8;
typedef uint32_t saker_u32;
typedef uint64_t saker_u64;
typedef int32_t saker_s32;
#endif

/* ---- native values (x86_64; asm-generic where x86 takes the generic ones) -------------------- */
/* open flags: asm-generic/fcntl.h */
#define UAPI_O_ACCMODE 03u
#define UAPI_O_WRONLY 01u
#define UAPI_O_RDWR 02u
#define UAPI_O_CREAT 0100u
#define UAPI_O_EXCL 0200u
#define UAPI_O_TRUNC 01000u
#define UAPI_O_APPEND 02000u
#define UAPI_O_NONBLOCK 04000u
#define UAPI_O_DSYNC 010000u
#define UAPI_O_DIRECT 040000u
#define UAPI_O_LARGEFILE 0100000u
#define UAPI_O_DIRECTORY 0200000u
#define UAPI_O_CLOEXEC 02000000u
#define UAPI_O_SYNC 04010000u    /* __O_SYNC | O_DSYNC */
#define UAPI_O_TMPFILE 020200000u /* __O_TMPFILE | O_DIRECTORY */
/* linux/fcntl.h */
#define UAPI_AT_SYMLINK_NOFOLLOW 0x100u
#define UAPI_AT_REMOVEDIR 0x200u
#define UAPI_AT_SYMLINK_FOLLOW 0x400u
#define UAPI_AT_EMPTY_PATH 0x1000u
/* linux/stat.h */
#define UAPI_S_IFMT 0170000u
#define UAPI_S_IFSOCK 0140000u
#define UAPI_S_IFREG 0100000u
#define UAPI_S_IFBLK 060000u
#define UAPI_S_IFCHR 020000u
#define UAPI_S_IFIFO 010000u
#define UAPI_S_PERM_BITS 07777u /* S_ISUID | S_ISGID | S_ISVTX | S_IRWXU | S_IRWXG | S_IRWXO */
/* linux/sched.h */
#define UAPI_CLONE_VM 0x100u
#define UAPI_CLONE_FS 0x200u
#define UAPI_CLONE_FILES 0x400u
#define UAPI_CLONE_SIGHAND 0x800u
#define UAPI_CLONE_PTRACE 0x2000u
#define UAPI_CLONE_VFORK 0x4000u
#define UAPI_CLONE_PARENT 0x8000u
#define UAPI_CLONE_THREAD 0x10000u
#define UAPI_CLONE_NEWNS 0x20000u
#define UAPI_CLONE_SYSVSEM 0x40000u
#define UAPI_CLONE_SETTLS 0x80000u
#define UAPI_CLONE_PARENT_SETTID 0x100000u
#define UAPI_CLONE_CHILD_CLEARTID 0x200000u
#define UAPI_CLONE_UNTRACED 0x800000u
#define UAPI_CLONE_CHILD_SETTID 0x1000000u
#define UAPI_CLONE_NEWCGROUP 0x2000000u
#define UAPI_CLONE_NEWUTS 0x4000000u
#define UAPI_CLONE_NEWIPC 0x8000000u
#define UAPI_CLONE_NEWUSER 0x10000000u
#define UAPI_CLONE_NEWPID 0x20000000u
#define UAPI_CLONE_NEWNET 0x40000000u
#define UAPI_CLONE_IO 0x80000000u
/* linux/mount.h (the pre-2.4 magic number mount(2) still strips) and linux/fs.h (umount2) */
#define UAPI_MS_MGC_MSK 0xffff0000u
#define UAPI_MS_MGC_VAL 0xC0ED0000u
#define UAPI_MNT_FORCE 1u
#define UAPI_MNT_DETACH 2u
#define UAPI_MNT_EXPIRE 4u
#define UAPI_UMOUNT_NOFOLLOW 8u
/* linux/memfd.h */
#define UAPI_MFD_CLOEXEC 1u
#define UAPI_MFD_ALLOW_SEALING 2u
#define UAPI_MFD_HUGETLB 4u
/* asm-generic/mman-common.h */
#define UAPI_PROT_READ 0x1u
#define UAPI_PROT_WRITE 0x2u
#define UAPI_PROT_EXEC 0x4u
#define UAPI_PROT_GROWSDOWN 0x01000000u
#define UAPI_PROT_GROWSUP 0x02000000u
/* linux/net.h */
#define UAPI_SHUT_RD 0u
#define UAPI_SHUT_WR 1u
#define UAPI_SHUT_RDWR 2u
/* asm-generic/fcntl.h and linux/fcntl.h (F_LINUX_SPECIFIC_BASE = 1024) */
#define UAPI_F_DUPFD 0u
#define UAPI_F_GETFD 1u
#define UAPI_F_SETFD 2u
#define UAPI_F_GETFL 3u
#define UAPI_F_SETFL 4u
#define UAPI_F_GETLK 5u
#define UAPI_F_SETLK 6u
#define UAPI_F_SETLKW 7u
#define UAPI_F_SETOWN 8u
#define UAPI_F_GETOWN 9u
#define UAPI_F_SETSIG 10u
#define UAPI_F_GETSIG 11u
#define UAPI_F_SETOWN_EX 15u
#define UAPI_F_GETOWN_EX 16u
#define UAPI_F_OFD_GETLK 36u
#define UAPI_F_OFD_SETLK 37u
#define UAPI_F_OFD_SETLKW 38u
#define UAPI_F_SETLEASE 1024u
#define UAPI_F_GETLEASE 1025u
#define UAPI_F_NOTIFY 1026u
#define UAPI_F_CANCELLK 1029u
#define UAPI_F_DUPFD_CLOEXEC 1030u
#define UAPI_F_SETPIPE_SZ 1031u
#define UAPI_F_GETPIPE_SZ 1032u
/* linux/ptrace.h and asm/ptrace-abi.h (x86_64) */
#define UAPI_PTRACE_TRACEME 0u
#define UAPI_PTRACE_PEEKTEXT 1u
#define UAPI_PTRACE_PEEKDATA 2u
#define UAPI_PTRACE_PEEKUSR 3u
#define UAPI_PTRACE_POKETEXT 4u
#define UAPI_PTRACE_POKEDATA 5u
#define UAPI_PTRACE_POKEUSR 6u
#define UAPI_PTRACE_CONT 7u
#define UAPI_PTRACE_KILL 8u
#define UAPI_PTRACE_SINGLESTEP 9u
#define UAPI_PTRACE_GETREGS 12u
#define UAPI_PTRACE_SETREGS 13u
#define UAPI_PTRACE_GETFPREGS 14u
#define UAPI_PTRACE_SETFPREGS 15u
#define UAPI_PTRACE_ATTACH 16u
#define UAPI_PTRACE_DETACH 17u
#define UAPI_PTRACE_GETFPXREGS 18u
#define UAPI_PTRACE_SETFPXREGS 19u
#define UAPI_PTRACE_SYSCALL 24u
#define UAPI_PTRACE_GET_THREAD_AREA 25u
#define UAPI_PTRACE_SET_THREAD_AREA 26u
#define UAPI_PTRACE_ARCH_PRCTL 30u
#define UAPI_PTRACE_SYSEMU 31u
#define UAPI_PTRACE_SYSEMU_SINGLESTEP 32u
#define UAPI_PTRACE_SINGLEBLOCK 33u
#define UAPI_PTRACE_SETOPTIONS 0x4200u
#define UAPI_PTRACE_GETEVENTMSG 0x4201u
#define UAPI_PTRACE_GETSIGINFO 0x4202u
#define UAPI_PTRACE_SETSIGINFO 0x4203u
#define UAPI_PTRACE_GETREGSET 0x4204u
#define UAPI_PTRACE_SETREGSET 0x4205u
#define UAPI_PTRACE_SEIZE 0x4206u
#define UAPI_PTRACE_INTERRUPT 0x4207u
#define UAPI_PTRACE_LISTEN 0x4208u
#define UAPI_PTRACE_PEEKSIGINFO 0x4209u
#define UAPI_PTRACE_GETSIGMASK 0x420au
#define UAPI_PTRACE_SETSIGMASK 0x420bu
/* linux/openat2.h */
#define UAPI_RESOLVE_NO_XDEV 0x01u
#define UAPI_RESOLVE_NO_MAGICLINKS 0x02u
#define UAPI_RESOLVE_NO_SYMLINKS 0x04u
#define UAPI_RESOLVE_BENEATH 0x08u
#define UAPI_RESOLVE_IN_ROOT 0x10u
#define UAPI_RESOLVE_CACHED 0x20u
/* linux/io_uring.h (IORING_SQ_NEED_WAKEUP, an sq_ring flag, has IORING_SETUP_IOPOLL's bit) */
#define UAPI_IORING_SETUP_IOPOLL (1u << 0)
#define UAPI_IORING_SETUP_SQPOLL (1u << 1)
#define UAPI_IORING_SETUP_SQ_AFF (1u << 2)
#define UAPI_IORING_SETUP_CQSIZE (1u << 3)
#define UAPI_IORING_SETUP_CLAMP (1u << 4)
#define UAPI_IORING_SETUP_ATTACH_WQ (1u << 5)
#define UAPI_IORING_SETUP_R_DISABLED (1u << 6)
/* linux/module.h */
#define UAPI_MODULE_INIT_IGNORE_MODVERSIONS 1u
#define UAPI_MODULE_INIT_IGNORE_VERMAGIC 2u
#define UAPI_MODULE_INIT_COMPRESSED_FILE 4u
/* linux/close_range.h */
#define UAPI_CLOSE_RANGE_UNSHARE (1u << 1)
#define UAPI_CLOSE_RANGE_CLOEXEC (1u << 2)
/* Flags defined as open flags: SOCK_NONBLOCK/SOCK_CLOEXEC, EFD_*, IN_*, TFD_*, SFD_*,
 * EPOLL_CLOEXEC, PIDFD_NONBLOCK, and delete_module's O_NONBLOCK / O_TRUNC. */

/* ---- open, creat, openat, openat2, open_by_handle_at ----------------------------------------- */

SAKER_PPM_CONVERT saker_u32 open_flags_to_ppm(saker_u32 f) {
  saker_u32 r = 0;
  switch (f & UAPI_O_ACCMODE) {
    case UAPI_O_WRONLY: r |= PPM_O_WRONLY; break;
    case UAPI_O_RDWR: r |= PPM_O_RDWR; break;
    default: r |= PPM_O_RDONLY; break;
  }
  if (f & UAPI_O_CREAT) r |= PPM_O_CREAT;
  /* O_TMPFILE and O_SYNC are multi-bit: all of their bits, not O_DIRECTORY or O_DSYNC alone. */
  if ((f & UAPI_O_TMPFILE) == UAPI_O_TMPFILE) r |= PPM_O_TMPFILE;
  if (f & UAPI_O_APPEND) r |= PPM_O_APPEND;
  if (f & UAPI_O_DSYNC) r |= PPM_O_DSYNC;
  if (f & UAPI_O_EXCL) r |= PPM_O_EXCL;
  if (f & UAPI_O_NONBLOCK) r |= PPM_O_NONBLOCK;
  if ((f & UAPI_O_SYNC) == UAPI_O_SYNC) r |= PPM_O_SYNC;
  if (f & UAPI_O_TRUNC) r |= PPM_O_TRUNC;
  if (f & UAPI_O_DIRECT) r |= PPM_O_DIRECT;
  if (f & UAPI_O_DIRECTORY) r |= PPM_O_DIRECTORY;
  if (f & UAPI_O_LARGEFILE) r |= PPM_O_LARGEFILE;
  if (f & UAPI_O_CLOEXEC) r |= PPM_O_CLOEXEC;
  return r;
}

/* chmod, fchmod, fchmodat and the permission part of every mode: PPM_S_* permission bits have
 * the kernel's octal values, so only the known bits are kept. */
SAKER_PPM_CONVERT saker_u32 chmod_mode_to_ppm(saker_u32 mode) { return mode & UAPI_S_PERM_BITS; }

/* The mode of open/openat/creat/openat2 means something only with O_CREAT or O_TMPFILE (any of
 * its bits, as the drivers test it); otherwise it is reported as 0. */
SAKER_PPM_CONVERT saker_u32 open_mode_to_ppm(saker_u32 flags, saker_u32 mode) {
  if ((flags & (UAPI_O_CREAT | UAPI_O_TMPFILE)) == 0) return 0;
  return chmod_mode_to_ppm(mode);
}

/* mknod, mknodat: permissions plus the file type; a zero type means a regular file. */
SAKER_PPM_CONVERT saker_u32 mknod_mode_to_ppm(saker_u32 mode) {
  saker_u32 r = chmod_mode_to_ppm(mode);
  switch (mode & UAPI_S_IFMT) {
    case UAPI_S_IFSOCK: r |= PPM_S_IFSOCK; break;
    case 0:
    case UAPI_S_IFREG: r |= PPM_S_IFREG; break;
    case UAPI_S_IFBLK: r |= PPM_S_IFBLK; break;
    case UAPI_S_IFCHR: r |= PPM_S_IFCHR; break;
    case UAPI_S_IFIFO: r |= PPM_S_IFIFO; break;
    default: break;
  }
  return r;
}

/* openat2's how.resolve */
SAKER_PPM_CONVERT saker_u32 resolve_flags_to_ppm(saker_u64 f) {
  saker_u32 r = 0;
  if (f & UAPI_RESOLVE_NO_XDEV) r |= PPM_RESOLVE_NO_XDEV;
  if (f & UAPI_RESOLVE_NO_MAGICLINKS) r |= PPM_RESOLVE_NO_MAGICLINKS;
  if (f & UAPI_RESOLVE_NO_SYMLINKS) r |= PPM_RESOLVE_NO_SYMLINKS;
  if (f & UAPI_RESOLVE_BENEATH) r |= PPM_RESOLVE_BENEATH;
  if (f & UAPI_RESOLVE_IN_ROOT) r |= PPM_RESOLVE_IN_ROOT;
  if (f & UAPI_RESOLVE_CACHED) r |= PPM_RESOLVE_CACHED;
  return r;
}

/* ---- path syscalls --------------------------------------------------------------------------- */

/* linkat, and fchownat (same flags, as the drivers) */
SAKER_PPM_CONVERT saker_u32 linkat_flags_to_ppm(saker_u64 f) {
  saker_u32 r = 0;
  if (f & UAPI_AT_SYMLINK_FOLLOW) r |= PPM_AT_SYMLINK_FOLLOW;
  if (f & UAPI_AT_EMPTY_PATH) r |= PPM_AT_EMPTY_PATH;
  return r;
}

SAKER_PPM_CONVERT saker_u32 unlinkat_flags_to_ppm(saker_u64 f) {
  return (f & UAPI_AT_REMOVEDIR) ? PPM_AT_REMOVEDIR : 0;
}

/* PPM_RENAME_* have the kernel's RENAME_* values. */
SAKER_PPM_CONVERT saker_u32 renameat2_flags_to_ppm(saker_u64 f) {
  return (saker_u32)f & (PPM_RENAME_NOREPLACE | PPM_RENAME_EXCHANGE | PPM_RENAME_WHITEOUT);
}

SAKER_PPM_CONVERT saker_u32 execveat_flags_to_ppm(saker_u64 f) {
  saker_u32 r = 0;
  if (f & UAPI_AT_EMPTY_PATH) r |= PPM_EXVAT_AT_EMPTY_PATH;
  if (f & UAPI_AT_SYMLINK_NOFOLLOW) r |= PPM_EXVAT_AT_SYMLINK_NOFOLLOW;
  return r;
}

/* mount(2): PPM_MS_* have the kernel's MS_* values; the historic magic number in the top half
 * is dropped, as the kernel does. */
SAKER_PPM_CONVERT saker_u32 mount_flags_to_ppm(saker_u64 f) {
  if ((f & UAPI_MS_MGC_MSK) == UAPI_MS_MGC_VAL) f &= ~UAPI_MS_MGC_MSK; /* keeps the low 16 bits */
  return (saker_u32)f;
}

SAKER_PPM_CONVERT saker_u32 umount2_flags_to_ppm(saker_u64 f) {
  saker_u32 r = 0;
  if (f & UAPI_MNT_FORCE) r |= PPM_MNT_FORCE;
  if (f & UAPI_MNT_DETACH) r |= PPM_MNT_DETACH;
  if (f & UAPI_MNT_EXPIRE) r |= PPM_MNT_EXPIRE;
  if (f & UAPI_UMOUNT_NOFOLLOW) r |= PPM_UMOUNT_NOFOLLOW;
  return r;
}

/* ---- fd syscalls ----------------------------------------------------------------------------- */

/* SOCK_NONBLOCK / SOCK_CLOEXEC of socket's type and accept4's flags, and the same-valued flags
 * of eventfd2, signalfd4, timerfd_create, inotify_init1 and userfaultfd. The argument is the
 * kernel's `int`: a caller passes the register's low 32 bits, and a negative value (which the
 * kernel refuses) converts to no flag at all rather than to every bit. */
SAKER_PPM_CONVERT saker_u32 nonblock_cloexec_to_ppm(saker_s32 f) {
  if (f < 0) return 0;
  saker_u32 r = 0;
  if ((saker_u32)f & UAPI_O_NONBLOCK) r |= PPM_O_NONBLOCK;
  if ((saker_u32)f & UAPI_O_CLOEXEC) r |= PPM_O_CLOEXEC;
  return r;
}

SAKER_PPM_CONVERT saker_u32 pipe2_flags_to_ppm(saker_s32 f) {
  saker_u32 r = nonblock_cloexec_to_ppm(f);
  if (f >= 0 && ((saker_u32)f & UAPI_O_DIRECT)) r |= PPM_O_DIRECT;
  return r;
}

SAKER_PPM_CONVERT saker_u32 dup3_flags_to_ppm(saker_u64 f) {
  return (f & UAPI_O_CLOEXEC) ? PPM_O_CLOEXEC : 0;
}

/* EPOLL_CLOEXEC is O_CLOEXEC. */
SAKER_PPM_CONVERT saker_u32 epoll_create1_flags_to_ppm(saker_u64 f) {
  return (f & UAPI_O_CLOEXEC) ? PPM_EPOLL_CLOEXEC : 0;
}

SAKER_PPM_CONVERT saker_u32 memfd_flags_to_ppm(saker_u64 f) {
  saker_u32 r = 0;
  if (f & UAPI_MFD_CLOEXEC) r |= PPM_MFD_CLOEXEC;
  if (f & UAPI_MFD_ALLOW_SEALING) r |= PPM_MFD_ALLOW_SEALING;
  if (f & UAPI_MFD_HUGETLB) r |= PPM_MFD_HUGETLB;
  return r;
}

SAKER_PPM_CONVERT saker_u32 close_range_flags_to_ppm(saker_u64 f) {
  saker_u32 r = 0;
  if (f & UAPI_CLOSE_RANGE_UNSHARE) r |= PPM_CLOSE_RANGE_UNSHARE;
  if (f & UAPI_CLOSE_RANGE_CLOEXEC) r |= PPM_CLOSE_RANGE_CLOEXEC;
  return r;
}

SAKER_PPM_CONVERT saker_u32 fcntl_cmd_to_ppm(saker_u64 cmd) {
  switch (cmd) {
    case UAPI_F_DUPFD: return PPM_FCNTL_F_DUPFD;
    case UAPI_F_GETFD: return PPM_FCNTL_F_GETFD;
    case UAPI_F_SETFD: return PPM_FCNTL_F_SETFD;
    case UAPI_F_GETFL: return PPM_FCNTL_F_GETFL;
    case UAPI_F_SETFL: return PPM_FCNTL_F_SETFL;
    case UAPI_F_GETLK: return PPM_FCNTL_F_GETLK;
    case UAPI_F_SETLK: return PPM_FCNTL_F_SETLK;
    case UAPI_F_SETLKW: return PPM_FCNTL_F_SETLKW;
    case UAPI_F_SETOWN: return PPM_FCNTL_F_SETOWN;
    case UAPI_F_GETOWN: return PPM_FCNTL_F_GETOWN;
    case UAPI_F_SETSIG: return PPM_FCNTL_F_SETSIG;
    case UAPI_F_GETSIG: return PPM_FCNTL_F_GETSIG;
    case UAPI_F_SETOWN_EX: return PPM_FCNTL_F_SETOWN_EX;
    case UAPI_F_GETOWN_EX: return PPM_FCNTL_F_GETOWN_EX;
    case UAPI_F_OFD_GETLK: return PPM_FCNTL_F_OFD_GETLK;
    case UAPI_F_OFD_SETLK: return PPM_FCNTL_F_OFD_SETLK;
    case UAPI_F_OFD_SETLKW: return PPM_FCNTL_F_OFD_SETLKW;
    case UAPI_F_SETLEASE: return PPM_FCNTL_F_SETLEASE;
    case UAPI_F_GETLEASE: return PPM_FCNTL_F_GETLEASE;
    case UAPI_F_NOTIFY: return PPM_FCNTL_F_NOTIFY;
    case UAPI_F_CANCELLK: return PPM_FCNTL_F_CANCELLK;
    case UAPI_F_DUPFD_CLOEXEC: return PPM_FCNTL_F_DUPFD_CLOEXEC;
    case UAPI_F_SETPIPE_SZ: return PPM_FCNTL_F_SETPIPE_SZ;
    case UAPI_F_GETPIPE_SZ: return PPM_FCNTL_F_GETPIPE_SZ;
    default: return PPM_FCNTL_UNKNOWN;
  }
}

/* ---- network --------------------------------------------------------------------------------- */

/* PPM_AF_* have the kernel's AF_* values for every family up to AF_NFC, the last the scap
 * format names; anything above is PPM_AF_UNSPEC. */
SAKER_PPM_CONVERT saker_u8 socket_family_to_ppm(saker_u64 family) {
  return family <= PPM_AF_NFC ? (saker_u8)family : (saker_u8)PPM_AF_UNSPEC;
}

SAKER_PPM_CONVERT saker_u32 shutdown_how_to_ppm(saker_u64 how) {
  switch (how) {
    case UAPI_SHUT_RD: return PPM_SHUT_RD;
    case UAPI_SHUT_WR: return PPM_SHUT_WR;
    case UAPI_SHUT_RDWR: return PPM_SHUT_RDWR;
    default: return PPM_SHUT_UNKNOWN;
  }
}

/* ---- processes and memory -------------------------------------------------------------------- */

/* clone, clone3, fork, vfork (their implied flags), unshare */
SAKER_PPM_CONVERT saker_u32 clone_flags_to_ppm(saker_u64 f) {
  saker_u32 r = 0;
  if (f & UAPI_CLONE_FILES) r |= PPM_CL_CLONE_FILES;
  if (f & UAPI_CLONE_FS) r |= PPM_CL_CLONE_FS;
  if (f & UAPI_CLONE_IO) r |= PPM_CL_CLONE_IO;
  if (f & UAPI_CLONE_NEWIPC) r |= PPM_CL_CLONE_NEWIPC;
  if (f & UAPI_CLONE_NEWNET) r |= PPM_CL_CLONE_NEWNET;
  if (f & UAPI_CLONE_NEWNS) r |= PPM_CL_CLONE_NEWNS;
  if (f & UAPI_CLONE_NEWPID) r |= PPM_CL_CLONE_NEWPID;
  if (f & UAPI_CLONE_NEWUTS) r |= PPM_CL_CLONE_NEWUTS;
  if (f & UAPI_CLONE_PARENT_SETTID) r |= PPM_CL_CLONE_PARENT_SETTID;
  if (f & UAPI_CLONE_PARENT) r |= PPM_CL_CLONE_PARENT;
  if (f & UAPI_CLONE_PTRACE) r |= PPM_CL_CLONE_PTRACE;
  if (f & UAPI_CLONE_SIGHAND) r |= PPM_CL_CLONE_SIGHAND;
  if (f & UAPI_CLONE_SYSVSEM) r |= PPM_CL_CLONE_SYSVSEM;
  if (f & UAPI_CLONE_THREAD) r |= PPM_CL_CLONE_THREAD;
  if (f & UAPI_CLONE_UNTRACED) r |= PPM_CL_CLONE_UNTRACED;
  if (f & UAPI_CLONE_VM) r |= PPM_CL_CLONE_VM;
  if (f & UAPI_CLONE_NEWUSER) r |= PPM_CL_CLONE_NEWUSER;
  if (f & UAPI_CLONE_CHILD_CLEARTID) r |= PPM_CL_CLONE_CHILD_CLEARTID;
  if (f & UAPI_CLONE_CHILD_SETTID) r |= PPM_CL_CLONE_CHILD_SETTID;
  if (f & UAPI_CLONE_SETTLS) r |= PPM_CL_CLONE_SETTLS;
  if (f & UAPI_CLONE_VFORK) r |= PPM_CL_CLONE_VFORK;
  if (f & UAPI_CLONE_NEWCGROUP) r |= PPM_CL_CLONE_NEWCGROUP;
  return r;
}

SAKER_PPM_CONVERT saker_u32 ptrace_request_to_ppm(saker_u64 req) {
  switch (req) {
    case UAPI_PTRACE_TRACEME: return PPM_PTRACE_TRACEME;
    case UAPI_PTRACE_PEEKTEXT: return PPM_PTRACE_PEEKTEXT;
    case UAPI_PTRACE_PEEKDATA: return PPM_PTRACE_PEEKDATA;
    case UAPI_PTRACE_PEEKUSR: return PPM_PTRACE_PEEKUSR;
    case UAPI_PTRACE_POKETEXT: return PPM_PTRACE_POKETEXT;
    case UAPI_PTRACE_POKEDATA: return PPM_PTRACE_POKEDATA;
    case UAPI_PTRACE_POKEUSR: return PPM_PTRACE_POKEUSR;
    case UAPI_PTRACE_CONT: return PPM_PTRACE_CONT;
    case UAPI_PTRACE_KILL: return PPM_PTRACE_KILL;
    case UAPI_PTRACE_SINGLESTEP: return PPM_PTRACE_SINGLESTEP;
    case UAPI_PTRACE_GETREGS: return PPM_PTRACE_GETREGS;
    case UAPI_PTRACE_SETREGS: return PPM_PTRACE_SETREGS;
    case UAPI_PTRACE_GETFPREGS: return PPM_PTRACE_GETFPREGS;
    case UAPI_PTRACE_SETFPREGS: return PPM_PTRACE_SETFPREGS;
    case UAPI_PTRACE_ATTACH: return PPM_PTRACE_ATTACH;
    case UAPI_PTRACE_DETACH: return PPM_PTRACE_DETACH;
    case UAPI_PTRACE_GETFPXREGS: return PPM_PTRACE_GETFPXREGS;
    case UAPI_PTRACE_SETFPXREGS: return PPM_PTRACE_SETFPXREGS;
    case UAPI_PTRACE_SYSCALL: return PPM_PTRACE_SYSCALL;
    case UAPI_PTRACE_GET_THREAD_AREA: return PPM_PTRACE_GET_THREAD_AREA;
    case UAPI_PTRACE_SET_THREAD_AREA: return PPM_PTRACE_SET_THREAD_AREA;
    case UAPI_PTRACE_ARCH_PRCTL: return PPM_PTRACE_ARCH_PRCTL;
    case UAPI_PTRACE_SYSEMU: return PPM_PTRACE_SYSEMU;
    case UAPI_PTRACE_SYSEMU_SINGLESTEP: return PPM_PTRACE_SYSEMU_SINGLESTEP;
    case UAPI_PTRACE_SINGLEBLOCK: return PPM_PTRACE_SINGLEBLOCK;
    case UAPI_PTRACE_SETOPTIONS: return PPM_PTRACE_SETOPTIONS;
    case UAPI_PTRACE_GETEVENTMSG: return PPM_PTRACE_GETEVENTMSG;
    case UAPI_PTRACE_GETSIGINFO: return PPM_PTRACE_GETSIGINFO;
    case UAPI_PTRACE_SETSIGINFO: return PPM_PTRACE_SETSIGINFO;
    case UAPI_PTRACE_GETREGSET: return PPM_PTRACE_GETREGSET;
    case UAPI_PTRACE_SETREGSET: return PPM_PTRACE_SETREGSET;
    case UAPI_PTRACE_SEIZE: return PPM_PTRACE_SEIZE;
    case UAPI_PTRACE_INTERRUPT: return PPM_PTRACE_INTERRUPT;
    case UAPI_PTRACE_LISTEN: return PPM_PTRACE_LISTEN;
    case UAPI_PTRACE_PEEKSIGINFO: return PPM_PTRACE_PEEKSIGINFO;
    case UAPI_PTRACE_GETSIGMASK: return PPM_PTRACE_GETSIGMASK;
    case UAPI_PTRACE_SETSIGMASK: return PPM_PTRACE_SETSIGMASK;
    default: return PPM_PTRACE_UNKNOWN;
  }
}

/* mprotect */
SAKER_PPM_CONVERT saker_u32 prot_to_ppm(saker_u64 p) {
  saker_u32 r = 0;
  if (p & UAPI_PROT_READ) r |= PPM_PROT_READ;
  if (p & UAPI_PROT_WRITE) r |= PPM_PROT_WRITE;
  if (p & UAPI_PROT_EXEC) r |= PPM_PROT_EXEC;
  if (p & UAPI_PROT_GROWSDOWN) r |= PPM_PROT_GROWSDOWN;
  if (p & UAPI_PROT_GROWSUP) r |= PPM_PROT_GROWSUP;
  return r;
}

/* PIDFD_NONBLOCK is O_NONBLOCK. */
SAKER_PPM_CONVERT saker_u32 pidfd_open_flags_to_ppm(saker_u64 f) {
  return (f & UAPI_O_NONBLOCK) ? PPM_PIDFD_NONBLOCK : 0;
}

SAKER_PPM_CONVERT saker_u32 finit_module_flags_to_ppm(saker_u64 f) {
  saker_u32 r = 0;
  if (f & UAPI_MODULE_INIT_IGNORE_MODVERSIONS) r |= PPM_MODULE_INIT_IGNORE_MODVERSIONS;
  if (f & UAPI_MODULE_INIT_IGNORE_VERMAGIC) r |= PPM_MODULE_INIT_IGNORE_VERMAGIC;
  if (f & UAPI_MODULE_INIT_COMPRESSED_FILE) r |= PPM_MODULE_INIT_COMPRESSED_FILE;
  return r;
}

/* delete_module takes O_NONBLOCK and O_TRUNC. */
SAKER_PPM_CONVERT saker_u32 delete_module_flags_to_ppm(saker_u64 f) {
  saker_u32 r = 0;
  if (f & UAPI_O_NONBLOCK) r |= PPM_DELETE_MODULE_O_NONBLOCK;
  if (f & UAPI_O_TRUNC) r |= PPM_DELETE_MODULE_O_TRUNC;
  return r;
}

/* ---- io_uring -------------------------------------------------------------------------------- */

/* IORING_SQ_NEED_WAKEUP shares IORING_SETUP_IOPOLL's bit; the drivers report both for it. */
SAKER_PPM_CONVERT saker_u32 io_uring_setup_flags_to_ppm(saker_u64 f) {
  saker_u32 r = 0;
  if (f & UAPI_IORING_SETUP_IOPOLL) r |= PPM_IORING_SETUP_IOPOLL | PPM_IORING_SQ_NEED_WAKEUP;
  if (f & UAPI_IORING_SETUP_SQPOLL) r |= PPM_IORING_SETUP_SQPOLL;
  if (f & UAPI_IORING_SETUP_SQ_AFF) r |= PPM_IORING_SETUP_SQ_AFF;
  if (f & UAPI_IORING_SETUP_CQSIZE) r |= PPM_IORING_SETUP_CQSIZE;
  if (f & UAPI_IORING_SETUP_CLAMP) r |= PPM_IORING_SETUP_CLAMP;
  if (f & UAPI_IORING_SETUP_ATTACH_WQ) r |= PPM_IORING_SETUP_ATTACH_WQ;
  if (f & UAPI_IORING_SETUP_R_DISABLED) r |= PPM_IORING_SETUP_R_DISABLED;
  return r;
}

/* io_uring_params.features: PPM_IORING_FEAT_* have the kernel's bits, SINGLE_MMAP..RSRC_TAGS. */
SAKER_PPM_CONVERT saker_u32 io_uring_features_to_ppm(saker_u64 f) {
  return (saker_u32)f &
         (PPM_IORING_FEAT_SINGLE_MMAP | PPM_IORING_FEAT_NODROP | PPM_IORING_FEAT_SUBMIT_STABLE |
          PPM_IORING_FEAT_RW_CUR_POS | PPM_IORING_FEAT_CUR_PERSONALITY |
          PPM_IORING_FEAT_FAST_POLL | PPM_IORING_FEAT_POLL_32BITS |
          PPM_IORING_FEAT_SQPOLL_NONFIXED | PPM_IORING_FEAT_ENTER_EXT_ARG |
          PPM_IORING_FEAT_NATIVE_WORKERS | PPM_IORING_FEAT_RSRC_TAGS);
}

/* io_uring_enter: PPM_IORING_ENTER_* have the kernel's bits, GETEVENTS..EXT_ARG. */
SAKER_PPM_CONVERT saker_u32 io_uring_enter_flags_to_ppm(saker_u64 f) {
  return (saker_u32)f & (PPM_IORING_ENTER_GETEVENTS | PPM_IORING_ENTER_SQ_WAKEUP |
                         PPM_IORING_ENTER_SQ_WAIT | PPM_IORING_ENTER_EXT_ARG);
}

#if defined(__cplusplus)
}  // namespace saker::events
#endif
#undef SAKER_PPM_CONVERT

#endif
