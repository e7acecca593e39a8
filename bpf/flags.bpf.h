/* Native (x86_64 uapi) flag values to the scap format's PPM values, as the tracer converts them
 * (tracer/encode/ppm_convert.cpp); the PPM_* names come from engine/events/ppm_flags.h. */
#ifndef SAKER_BPF_FLAGS_H
#define SAKER_BPF_FLAGS_H

#include "maps.bpf.h"

/* uapi values (asm-generic/fcntl.h, linux/sched.h); vmlinux.h carries no macros. */
#define N_O_WRONLY 01u
#define N_O_RDWR 02u
#define N_O_CREAT 0100u
#define N_O_EXCL 0200u
#define N_O_TRUNC 01000u
#define N_O_APPEND 02000u
#define N_O_NONBLOCK 04000u
#define N_O_DSYNC 010000u
#define N_O_DIRECT 040000u
#define N_O_LARGEFILE 0100000u
#define N_O_DIRECTORY 0200000u
#define N_O_CLOEXEC 02000000u
#define N_O_SYNC 04010000u
#define N_O_TMPFILE 020200000u
#define N_AT_SYMLINK_NOFOLLOW 0x100u
#define N_AT_REMOVEDIR 0x200u
#define N_AT_SYMLINK_FOLLOW 0x400u
#define N_AT_EMPTY_PATH 0x1000u
#define N_FMODE_CREATED (1u << 20)

static __always_inline __u32 open_flags_to_ppm(__u32 f) {
  __u32 r = 0;
  switch (f & 3u) {
    case N_O_WRONLY: r |= PPM_O_WRONLY; break;
    case N_O_RDWR: r |= PPM_O_RDWR; break;
    default: r |= PPM_O_RDONLY; break;
  }
  if (f & N_O_CREAT) r |= PPM_O_CREAT;
  if ((f & N_O_TMPFILE) == N_O_TMPFILE) r |= PPM_O_TMPFILE;
  if (f & N_O_APPEND) r |= PPM_O_APPEND;
  if (f & N_O_DSYNC) r |= PPM_O_DSYNC;
  if (f & N_O_EXCL) r |= PPM_O_EXCL;
  if (f & N_O_NONBLOCK) r |= PPM_O_NONBLOCK;
  if ((f & N_O_SYNC) == N_O_SYNC) r |= PPM_O_SYNC;
  if (f & N_O_TRUNC) r |= PPM_O_TRUNC;
  if (f & N_O_DIRECT) r |= PPM_O_DIRECT;
  if (f & N_O_DIRECTORY) r |= PPM_O_DIRECTORY;
  if (f & N_O_LARGEFILE) r |= PPM_O_LARGEFILE;
  if (f & N_O_CLOEXEC) r |= PPM_O_CLOEXEC;
  return r;
}

static __always_inline __u32 open_mode_to_ppm(__u32 flags, __u32 mode) {
  if ((flags & (N_O_CREAT | N_O_TMPFILE)) == 0) return 0;
  return mode & 07777u;
}

static __always_inline __u32 nonblock_cloexec_to_ppm(__s64 f) {
  if (f < 0) return 0;
  __u32 r = 0;
  if (f & N_O_NONBLOCK) r |= PPM_O_NONBLOCK;
  if (f & N_O_CLOEXEC) r |= PPM_O_CLOEXEC;
  return r;
}

static __always_inline __u32 clone_flags_to_ppm(__u64 f) {
  __u32 r = 0;
  if (f & 0x400) r |= PPM_CL_CLONE_FILES;
  if (f & 0x200) r |= PPM_CL_CLONE_FS;
  if (f & 0x80000000ull) r |= PPM_CL_CLONE_IO;
  if (f & 0x8000000) r |= PPM_CL_CLONE_NEWIPC;
  if (f & 0x40000000) r |= PPM_CL_CLONE_NEWNET;
  if (f & 0x20000) r |= PPM_CL_CLONE_NEWNS;
  if (f & 0x20000000) r |= PPM_CL_CLONE_NEWPID;
  if (f & 0x4000000) r |= PPM_CL_CLONE_NEWUTS;
  if (f & 0x100000) r |= PPM_CL_CLONE_PARENT_SETTID;
  if (f & 0x8000) r |= PPM_CL_CLONE_PARENT;
  if (f & 0x2000) r |= PPM_CL_CLONE_PTRACE;
  if (f & 0x800) r |= PPM_CL_CLONE_SIGHAND;
  if (f & 0x40000) r |= PPM_CL_CLONE_SYSVSEM;
  if (f & 0x10000) r |= PPM_CL_CLONE_THREAD;
  if (f & 0x800000) r |= PPM_CL_CLONE_UNTRACED;
  if (f & 0x100) r |= PPM_CL_CLONE_VM;
  if (f & 0x10000000) r |= PPM_CL_CLONE_NEWUSER;
  if (f & 0x200000) r |= PPM_CL_CLONE_CHILD_CLEARTID;
  if (f & 0x1000000) r |= PPM_CL_CLONE_CHILD_SETTID;
  if (f & 0x80000) r |= PPM_CL_CLONE_SETTLS;
  if (f & 0x4000) r |= PPM_CL_CLONE_VFORK;
  if (f & 0x2000000) r |= PPM_CL_CLONE_NEWCGROUP;
  return r;
}

static __always_inline __u32 linkat_flags_to_ppm(__u64 f) {
  __u32 r = 0;
  if (f & N_AT_SYMLINK_FOLLOW) r |= PPM_AT_SYMLINK_FOLLOW;
  if (f & N_AT_EMPTY_PATH) r |= PPM_AT_EMPTY_PATH;
  return r;
}

static __always_inline __u32 fcntl_cmd_to_ppm(__u64 cmd) {
  switch (cmd) {
    case 0: return PPM_FCNTL_F_DUPFD;
    case 1: return PPM_FCNTL_F_GETFD;
    case 2: return PPM_FCNTL_F_SETFD;
    case 3: return PPM_FCNTL_F_GETFL;
    case 4: return PPM_FCNTL_F_SETFL;
    case 5: return PPM_FCNTL_F_GETLK;
    case 6: return PPM_FCNTL_F_SETLK;
    case 7: return PPM_FCNTL_F_SETLKW;
    case 8: return PPM_FCNTL_F_SETOWN;
    case 9: return PPM_FCNTL_F_GETOWN;
    case 10: return PPM_FCNTL_F_SETSIG;
    case 11: return PPM_FCNTL_F_GETSIG;
    case 15: return PPM_FCNTL_F_SETOWN_EX;
    case 16: return PPM_FCNTL_F_GETOWN_EX;
    case 36: return PPM_FCNTL_F_OFD_GETLK;
    case 37: return PPM_FCNTL_F_OFD_SETLK;
    case 38: return PPM_FCNTL_F_OFD_SETLKW;
    case 1024: return PPM_FCNTL_F_SETLEASE;
    case 1025: return PPM_FCNTL_F_GETLEASE;
    case 1026: return PPM_FCNTL_F_NOTIFY;
    case 1029: return PPM_FCNTL_F_CANCELLK;
    case 1030: return PPM_FCNTL_F_DUPFD_CLOEXEC;
    case 1031: return PPM_FCNTL_F_SETPIPE_SZ;
    case 1032: return PPM_FCNTL_F_GETPIPE_SZ;
    default: return PPM_FCNTL_UNKNOWN;
  }
}

static __always_inline __u32 ptrace_request_to_ppm(__u64 req) {
  switch (req) {
    case 0: return PPM_PTRACE_TRACEME;
    case 1: return PPM_PTRACE_PEEKTEXT;
    case 2: return PPM_PTRACE_PEEKDATA;
    case 3: return PPM_PTRACE_PEEKUSR;
    case 4: return PPM_PTRACE_POKETEXT;
    case 5: return PPM_PTRACE_POKEDATA;
    case 6: return PPM_PTRACE_POKEUSR;
    case 7: return PPM_PTRACE_CONT;
    case 8: return PPM_PTRACE_KILL;
    case 9: return PPM_PTRACE_SINGLESTEP;
    case 12: return PPM_PTRACE_GETREGS;
    case 13: return PPM_PTRACE_SETREGS;
    case 14: return PPM_PTRACE_GETFPREGS;
    case 15: return PPM_PTRACE_SETFPREGS;
    case 16: return PPM_PTRACE_ATTACH;
    case 17: return PPM_PTRACE_DETACH;
    case 18: return PPM_PTRACE_GETFPXREGS;
    case 19: return PPM_PTRACE_SETFPXREGS;
    case 24: return PPM_PTRACE_SYSCALL;
    case 25: return PPM_PTRACE_GET_THREAD_AREA;
    case 26: return PPM_PTRACE_SET_THREAD_AREA;
    case 30: return PPM_PTRACE_ARCH_PRCTL;
    case 31: return PPM_PTRACE_SYSEMU;
    case 32: return PPM_PTRACE_SYSEMU_SINGLESTEP;
    case 33: return PPM_PTRACE_SINGLEBLOCK;
    case 0x4200: return PPM_PTRACE_SETOPTIONS;
    case 0x4201: return PPM_PTRACE_GETEVENTMSG;
    case 0x4202: return PPM_PTRACE_GETSIGINFO;
    case 0x4203: return PPM_PTRACE_SETSIGINFO;
    case 0x4204: return PPM_PTRACE_GETREGSET;
    case 0x4205: return PPM_PTRACE_SETREGSET;
    case 0x4206: return PPM_PTRACE_SEIZE;
    case 0x4207: return PPM_PTRACE_INTERRUPT;
    case 0x4208: return PPM_PTRACE_LISTEN;
    case 0x4209: return PPM_PTRACE_PEEKSIGINFO;
    case 0x420a: return PPM_PTRACE_GETSIGMASK;
    case 0x420b: return PPM_PTRACE_SETSIGMASK;
    default: return PPM_PTRACE_UNKNOWN;
  }
}

static __always_inline __u32 resolve_flags_to_ppm(__u64 f) {
  __u32 r = 0;
  if (f & 0x01) r |= PPM_RESOLVE_NO_XDEV;
  if (f & 0x02) r |= PPM_RESOLVE_NO_MAGICLINKS;
  if (f & 0x04) r |= PPM_RESOLVE_NO_SYMLINKS;
  if (f & 0x08) r |= PPM_RESOLVE_BENEATH;
  if (f & 0x10) r |= PPM_RESOLVE_IN_ROOT;
  if (f & 0x20) r |= PPM_RESOLVE_CACHED;
  return r;
}

static __always_inline __u32 io_uring_setup_flags_to_ppm(__u64 f) {
  __u32 r = 0;
  if (f & 1u) r |= PPM_IORING_SETUP_IOPOLL | PPM_IORING_SQ_NEED_WAKEUP;
  if (f & 2u) r |= PPM_IORING_SETUP_SQPOLL;
  if (f & 4u) r |= PPM_IORING_SETUP_SQ_AFF;
  if (f & 8u) r |= PPM_IORING_SETUP_CQSIZE;
  if (f & 16u) r |= PPM_IORING_SETUP_CLAMP;
  if (f & 32u) r |= PPM_IORING_SETUP_ATTACH_WQ;
  if (f & 64u) r |= PPM_IORING_SETUP_R_DISABLED;
  return r;
}

static __always_inline __u32 memfd_flags_to_ppm(__u64 f) {
  __u32 r = 0;
  if (f & 1u) r |= PPM_MFD_CLOEXEC;
  if (f & 2u) r |= PPM_MFD_ALLOW_SEALING;
  if (f & 4u) r |= PPM_MFD_HUGETLB;
  return r;
}

static __always_inline __u32 finit_module_flags_to_ppm(__u64 f) {
  __u32 r = 0;
  if (f & 1u) r |= PPM_MODULE_INIT_IGNORE_MODVERSIONS;
  if (f & 2u) r |= PPM_MODULE_INIT_IGNORE_VERMAGIC;
  if (f & 4u) r |= PPM_MODULE_INIT_COMPRESSED_FILE;
  return r;
}

/* PPM_AF_* have the kernel's AF_* values for every family the drivers name. */
static __always_inline __u8 socket_family_to_ppm(__u64 family) {
  return family <= 39 ? (__u8)family : (__u8)PPM_AF_UNSPEC;
}

#endif
