/* Reading the current task: syscall arguments, fds, and the process facts of the clone and
 * execve exit events. Everything goes through CO-RE reads so one object fits every kernel whose
 * BTF has these fields. */
#ifndef SAKER_BPF_TASK_H
#define SAKER_BPF_TASK_H

#include "event_writer.bpf.h"

/* x86_64 syscall argument i from the saved user registers (still intact at sys_exit). */
static __always_inline __u64 sc_arg(struct pt_regs *regs, int i) {
  switch (i) {
    case 0: return BPF_CORE_READ(regs, di);
    case 1: return BPF_CORE_READ(regs, si);
    case 2: return BPF_CORE_READ(regs, dx);
    case 3: return BPF_CORE_READ(regs, r10);
    case 4: return BPF_CORE_READ(regs, r8);
    case 5: return BPF_CORE_READ(regs, r9);
    default: return 0;
  }
}
/* An fd argument: the low 32 bits, sign-extended (as the kernel reads an int). */
static __always_inline __s64 sc_fd(struct pt_regs *regs, int i) { return (__s32)sc_arg(regs, i); }

/* The struct file of the current task's fd, NULL when there is none. */
static __always_inline struct file *fd_file(__s64 fd) {
  if (fd < 0) return NULL;
  struct task_struct *t = bpf_get_current_task_btf();
  struct fdtable *fdt = BPF_CORE_READ(t, files, fdt);
  if (!fdt) return NULL;
  if ((__u64)fd >= BPF_CORE_READ(fdt, max_fds)) return NULL;
  struct file **fds = BPF_CORE_READ(fdt, fd);
  struct file *f = NULL;
  bpf_probe_read_kernel(&f, sizeof(f), &fds[fd]);
  return f;
}

/* Device number in the encoding the drivers use for dev params (new_encode_dev of a kernel
 * dev_t, major << 20 | minor). */
static __always_inline __u32 encode_dev(__u32 kdev) {
  __u32 major = kdev >> 20, minor = kdev & 0xfffffu;
  return (minor & 0xffu) | (major << 8) | ((minor & ~0xffu) << 12);
}

static __always_inline void file_dev_ino(struct file *f, __u32 *dev, __u64 *ino) {
  *dev = 0;
  *ino = 0;
  if (!f) return;
  *dev = encode_dev(BPF_CORE_READ(f, f_inode, i_sb, s_dev));
  *ino = BPF_CORE_READ(f, f_inode, i_ino);
}

/* pid number of `pid` seen from namespace level `level` (0: the host). */
static __always_inline __s64 pid_nr_at(struct pid *pid, unsigned int level) {
  if (!pid) return 0;
  if (BPF_CORE_READ(pid, level) < level) return 0;
  struct upid up = {};
  bpf_probe_read_kernel(&up, sizeof(up), &pid->numbers[level & 7]);
  return up.nr;
}
static __always_inline unsigned int task_ns_level(struct task_struct *t) {
  return BPF_CORE_READ(t, thread_pid, level);
}
static __always_inline __s64 task_pgid(struct task_struct *t, bool virt) {
  struct pid *p = BPF_CORE_READ(t, signal, pids[PIDTYPE_PGID]);
  return pid_nr_at(p, virt ? task_ns_level(t) : 0);
}
static __always_inline __s64 task_vtid(struct task_struct *t) {
  return pid_nr_at(BPF_CORE_READ(t, thread_pid), task_ns_level(t));
}
static __always_inline __s64 task_vpid(struct task_struct *t) {
  struct task_struct *leader = BPF_CORE_READ(t, group_leader);
  return pid_nr_at(BPF_CORE_READ(leader, thread_pid), task_ns_level(t));
}

static __always_inline __u64 mm_counter(struct mm_struct *mm, int i) {
  __s64 v = 0;
  bpf_core_read(&v, sizeof(v), &mm->rss_stat[i & 3].count);
  return v > 0 ? (__u64)v : 0;
}

/* The controlling tty as /proc/PID/stat's tty_nr: MKDEV(major, minor_start) + index. */
static __always_inline __u32 task_tty(struct task_struct *t) {
  struct tty_struct *tty = BPF_CORE_READ(t, signal, tty);
  if (!tty) return 0;
  __u32 major = BPF_CORE_READ(tty, driver, major);
  __u32 minor = BPF_CORE_READ(tty, driver, minor_start) + BPF_CORE_READ(tty, index);
  return encode_dev((major << 20) | minor);
}

/* ---- fields that moved between kernel versions (CO-RE flavors) -------------------------------- */

/* kernfs_node.parent became __parent in 6.15. */
struct kernfs_node___old {
  struct kernfs_node *parent;
} __attribute__((preserve_access_index));
static __always_inline struct kernfs_node *kn_parent(struct kernfs_node *kn) {
  if (bpf_core_field_exists(kn->__parent)) return BPF_CORE_READ(kn, __parent);
  return BPF_CORE_READ((struct kernfs_node___old *)kn, parent);
}

/* kernel_cap_t is one u64 since 6.3 and two u32 before: the same 8 little-endian bytes. */
static __always_inline __u64 cap_bits(const kernel_cap_t *cap) {
  __u64 v = 0;
  bpf_probe_read_kernel(&v, sizeof(v), cap);
  return v;
}

/* Inode times: i_{c,m}time_sec/_nsec since 6.11 (the top bit of i_ctime_nsec flags a queried
 * multigrain ctime since 6.13); struct timespec64 i_ctime / __i_ctime before. */
struct inode___timespec {
  struct timespec64 i_mtime;
  struct timespec64 i_ctime;
} __attribute__((preserve_access_index));
struct inode___underscore_ctime {
  struct timespec64 __i_ctime;
} __attribute__((preserve_access_index));
static __always_inline __u64 ts_ns(__s64 sec, __u64 nsec) {
  return sec > 0 ? (__u64)sec * 1000000000ull + nsec : 0;
}
static __always_inline __u64 inode_ctime_ns(struct inode *ino) {
  if (bpf_core_field_exists(ino->i_ctime_sec))
    return ts_ns(BPF_CORE_READ(ino, i_ctime_sec), BPF_CORE_READ(ino, i_ctime_nsec) & 0x7fffffffu);
  struct inode___underscore_ctime *u = (void *)ino;
  if (bpf_core_field_exists(u->__i_ctime))
    return ts_ns(BPF_CORE_READ(u, __i_ctime.tv_sec), BPF_CORE_READ(u, __i_ctime.tv_nsec));
  struct inode___timespec *o = (void *)ino;
  return ts_ns(BPF_CORE_READ(o, i_ctime.tv_sec), BPF_CORE_READ(o, i_ctime.tv_nsec));
}
static __always_inline __u64 inode_mtime_ns(struct inode *ino) {
  if (bpf_core_field_exists(ino->i_mtime_sec))
    return ts_ns(BPF_CORE_READ(ino, i_mtime_sec), BPF_CORE_READ(ino, i_mtime_nsec));
  struct inode___timespec *o = (void *)ino;
  return ts_ns(BPF_CORE_READ(o, i_mtime.tv_sec), BPF_CORE_READ(o, i_mtime.tv_nsec));
}

/* A cgroup's path ("/a/b", NUL-terminated) from its kernfs node, written at buf[pos]; returns
 * the bytes written with the NUL, 0 when deeper than CGROUP_DEPTH or longer than 1 KiB. */
#define CGROUP_DEPTH 10
#define CGROUP_PATH_MAX 1024
static __always_inline __u32 write_kn_path(__u8 *buf, __u32 pos, struct kernfs_node *kn) {
  const char *names[CGROUP_DEPTH] = {};
  int n = 0;
#pragma unroll
  for (int i = 0; i < CGROUP_DEPTH; i++) {
    if (!kn) break;
    struct kernfs_node *parent = kn_parent(kn);
    if (!parent) break; /* the root's own name is not part of paths */
    names[i] = BPF_CORE_READ(kn, name);
    n = i + 1;
    kn = parent;
  }
  if (kn && kn_parent(kn)) return 0; /* deeper than CGROUP_DEPTH */
  __u32 start = pos;
  if (n == 0) {
    buf[masked(pos)] = '/';
    buf[masked(pos + 1)] = 0;
    return 2;
  }
#pragma unroll
  for (int i = CGROUP_DEPTH - 1; i >= 0; i--) {
    if (i >= n) continue;
    if (pos - start > CGROUP_PATH_MAX - 256) return 0;
    buf[masked(pos)] = '/';
    pos++;
    long r = bpf_probe_read_kernel_str(&buf[masked(pos)], 256, names[i]);
    if (r <= 0) return 0;
    pos += r - 1; /* without the NUL; the next '/' overwrites it */
  }
  buf[masked(pos)] = 0;
  return pos + 1 - start;
}

/* The cgroups param: "subsystem=path\0" for each subsystem of the task's css_set, as
 * /proc/PID/cgroup lists them: a cgroup v1 hierarchy gives its own path under the legacy name
 * ("blkio"), a subsystem on the v2 hierarchy the task's v2 path under its v2 name ("io"). Named
 * v1 hierarchies without a subsystem (name=systemd) are not in the css_set and not reported. */
#define N_SUBSYS (sizeof(((struct css_set *)0)->subsys) / sizeof(void *))
struct cgroups_walk {
  __u8 *buf;
  struct css_set *cset;
  struct kernfs_node *dfl_kn;
  __u32 start;
  __u32 pos;
};

static long cgroups_step(__u32 i, void *ctx) {
  struct cgroups_walk *c = ctx;
  if (i >= N_SUBSYS) return 1;
  struct cgroup_subsys_state *css = NULL;
  struct css_set *cset = c->cset; /* our own struct: no CO-RE relocation through it */
  bpf_core_read(&css, sizeof(css), &cset->subsys[i]);
  if (!css) return 0;
  struct cgroup *cg = BPF_CORE_READ(css, cgroup);
  bool dfl = BPF_CORE_READ(cg, root, hierarchy_id) == 0;
  const char *name = dfl ? BPF_CORE_READ(css, ss, name) : BPF_CORE_READ(css, ss, legacy_name);
  struct kernfs_node *kn = dfl ? c->dfl_kn : BPF_CORE_READ(cg, kn);
  __u8 *buf = c->buf;
  if (!buf || c->pos - c->start > SAKER_BPF_PATH_MAX - CGROUP_PATH_MAX - 64) return 1;
  __u32 pos = c->pos;
  long r = bpf_probe_read_kernel_str(&buf[masked(pos)], 32, name);
  if (r <= 1) return 0;
  pos += r - 1;
  buf[masked(pos)] = '=';
  pos++;
  __u32 w = write_kn_path(buf, pos, kn);
  if (w == 0) return 0; /* an unreadable path: leave the entry out */
  c->pos = pos + w;
  return 0;
}

static __always_inline void push_cgroups(struct ev *e, struct task_struct *t) {
  if (room(e, 2 * SAKER_BPF_PATH_MAX) < 2 * SAKER_BPF_PATH_MAX) {
    push_empty(e);
    return;
  }
  struct cgroups_walk c = {};
  c.buf = e->buf;
  c.cset = BPF_CORE_READ(t, cgroups);
  c.dfl_kn = BPF_CORE_READ(t, cgroups, dfl_cgrp, kn);
  c.start = e->off;
  c.pos = e->off;
  if (c.cset) bpf_loop(N_SUBSYS, cgroups_step, &c, 0);
  ev_len(e, (__u16)(c.pos - c.start));
}

/* The absolute path of (dentry, vfsmount) as the host's root sees it, walking up the dentries
 * and across mount points the way d_path does (bpf_d_path is not allowed in tp_btf programs).
 * The walk and the write are bpf_loop callbacks, so the verifier checks one step, not every
 * possible depth. Pushed as a string param; empty when deeper than PATH_DEPTH components. */
#define PATH_DEPTH 16
struct path_walk {
  struct dentry *d;
  struct mount *mnt;
  struct dentry *mnt_root;
  const unsigned char *names[PATH_DEPTH];
  __u32 n;
  __u32 complete;
  /* write phase */
  __u8 *buf;
  __u32 pos;
  __u32 start;
};

static long path_walk_step(__u32 i, void *ctx) {
  struct path_walk *w = ctx;
  struct dentry *d = w->d;
  if (!d) return 1;
  struct dentry *parent = BPF_CORE_READ(d, d_parent);
  if (d == w->mnt_root || d == parent) {
    struct mount *mnt = w->mnt;
    struct mount *up = BPF_CORE_READ(mnt, mnt_parent);
    if (d == w->mnt_root && up && up != mnt) { /* cross into the parent mount */
      w->d = BPF_CORE_READ(mnt, mnt_mountpoint);
      w->mnt = up;
      w->mnt_root = BPF_CORE_READ(up, mnt.mnt_root);
      return 0;
    }
    w->complete = 1; /* the root of the host's mount tree */
    if (d != w->mnt_root && w->n == 0) {
      /* A file in no mount tree (memfd, anonymous files: its own parent, no mount's root):
       * its name, as /proc/PID/exe shows it ("/memfd:NAME"), rather than a bare "/". */
      w->names[0] = BPF_CORE_READ(d, d_name.name);
      w->n = 1;
    }
    return 1;
  }
  __u32 n = w->n;
  if (n >= PATH_DEPTH) return 1;
  w->names[n & (PATH_DEPTH - 1)] = BPF_CORE_READ(d, d_name.name);
  w->n = n + 1;
  w->d = parent;
  return 0;
}

static long path_write_step(__u32 i, void *ctx) {
  struct path_walk *w = ctx;
  if (i >= w->n) return 1;
  __u32 k = w->n - 1 - i;
  if (w->pos - w->start > SAKER_BPF_PATH_MAX - 256) return 1;
  __u8 *buf = w->buf;
  if (!buf) return 1;
  buf[masked(w->pos)] = '/';
  w->pos++;
  long r = bpf_probe_read_kernel_str(&buf[masked(w->pos)], 256, w->names[k & (PATH_DEPTH - 1)]);
  if (r <= 0) return 1;
  w->pos += r - 1;
  return 0;
}

static __always_inline void push_path_walk(struct ev *e, struct dentry *d, struct vfsmount *vm) {
  struct path_walk w = {};
  w.d = d;
  w.mnt = (struct mount *)((void *)vm - bpf_core_field_offset(struct mount, mnt));
  w.mnt_root = BPF_CORE_READ(vm, mnt_root);
  bpf_loop(PATH_DEPTH + 8, path_walk_step, &w, 0);
  if (!w.complete || room(e, SAKER_BPF_PATH_MAX) < SAKER_BPF_PATH_MAX) {
    if (d) count_fault();
    push_empty(e);
    return;
  }
  w.buf = e->buf;
  w.start = e->off;
  w.pos = e->off;
  if (w.n == 0) {
    e->buf[masked(w.pos)] = '/';
    w.pos++;
  } else {
    bpf_loop(PATH_DEPTH, path_write_step, &w, 0);
  }
  e->buf[masked(w.pos)] = 0;
  ev_len(e, (__u16)(w.pos + 1 - w.start));
}

static __always_inline void push_cwd(struct ev *e, struct task_struct *t) {
  struct fs_struct *fs = BPF_CORE_READ(t, fs);
  if (!fs) {
    push_empty(e);
    return;
  }
  push_path_walk(e, BPF_CORE_READ(fs, pwd.dentry), BPF_CORE_READ(fs, pwd.mnt));
}

/* Params exe, args, tid, pid, ptid, cwd, fdlimit, pgft_maj, pgft_min, vm_size, vm_rss, vm_swap,
 * comm, cgroups: the common part of the clone and execve exits, from the current task. */
static __always_inline void push_proc_common(struct ev *e, struct task_struct *t) {
  struct mm_struct *mm = BPF_CORE_READ(t, mm);
  __u64 arg_start = mm ? BPF_CORE_READ(mm, arg_start) : 0;
  __u64 arg_end = mm ? BPF_CORE_READ(mm, arg_end) : 0;
  /* exe: argv[0]; args: the rest of the argument area, NUL-separated. */
  __u32 before = e->off;
  push_str(e, (const void *)arg_start, SAKER_BPF_PATH_MAX, true);
  __u32 exe_len = e->off - before;
  if (arg_start && arg_end > arg_start + exe_len) {
    push_ubytes(e, arg_start + exe_len, arg_end - arg_start - exe_len, SAKER_BPF_ARGS_MAX);
  } else {
    push_empty(e);
  }
  push_s64(e, BPF_CORE_READ(t, pid));
  push_s64(e, BPF_CORE_READ(t, tgid));
  push_s64(e, BPF_CORE_READ(t, real_parent, tgid));
  push_cwd(e, t);
  push_s64(e, (__s64)BPF_CORE_READ(t, signal, rlim[7].rlim_cur)); /* RLIMIT_NOFILE */
  push_u64(e, BPF_CORE_READ(t, maj_flt));
  push_u64(e, BPF_CORE_READ(t, min_flt));
  if (mm) {
    push_u32(e, (__u32)(BPF_CORE_READ(mm, total_vm) << 2)); /* pages of 4 KiB -> KiB */
    push_u32(e, (__u32)((mm_counter(mm, 0) + mm_counter(mm, 1) + mm_counter(mm, 3)) << 2));
    push_u32(e, (__u32)(mm_counter(mm, 2) << 2));
  } else {
    push_u32(e, 0);
    push_u32(e, 0);
    push_u32(e, 0);
  }
  push_str(e, t->comm, 16, false);
  push_cgroups(e, t);
}

#endif
