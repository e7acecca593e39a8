/* Fillers of process syscalls: execve/execveat, the clone family (parent and child sides),
 * credentials, ptrace, namespaces, bpf, kernel modules, io_uring (tracer/encode/process.cpp
 * writes the same params). */
#ifndef SAKER_BPF_FILL_PROC_H
#define SAKER_BPF_FILL_PROC_H

#include "fillers.bpf.h"

#define ARGV_MAX_ITEMS 32

/* A user string array (argv / envp of a failed execve) as NUL-separated bytes; skip_first
 * leaves argv[0] out (it is the exe param). */
static __always_inline void push_str_array(struct ev *e, __u64 arr, bool skip_first, __u32 max) {
  __u32 start = e->off;
  if (!arr || room(e, max) < max) {
    push_empty(e);
    return;
  }
#pragma unroll
  for (int i = 0; i < ARGV_MAX_ITEMS; i++) {
    __u64 p = 0;
    if (bpf_probe_read_user(&p, sizeof(p), (void *)(arr + i * 8)) != 0 || !p) break;
    if (i == 0 && skip_first) continue;
    __u32 used = e->off - start;
    if (used >= max - 256) break;
    long r = bpf_probe_read_user_str(&e->buf[e->off & OFF_MASK], 256, (void *)p);
    if (r <= 0) break;
    e->off += r;
  }
  __u32 len = e->off - start;
  e->off = start;
  ev_len(e, (__u16)len);
}

/* PPM_EXE_* flags of mm->exe_file, as the tracer derives them: writable by the task's effective
 * ids (root always, as CAP_DAC_OVERRIDE passes the kernel's check), and run from a memfd. The
 * overlayfs layer flags are not derived (neither does the tracer). */
static __always_inline __u32 exe_flags(struct task_struct *t) {
  struct file *exe = BPF_CORE_READ(t, mm, exe_file);
  if (!exe) return 0;
  __u32 flags = 0;
  struct inode *ino = BPF_CORE_READ(exe, f_inode);
  const struct cred *cred = BPF_CORE_READ(t, cred);
  __u32 euid = BPF_CORE_READ(cred, euid.val), egid = BPF_CORE_READ(cred, egid.val);
  __u16 mode = BPF_CORE_READ(ino, i_mode);
  if (euid == 0 || (BPF_CORE_READ(ino, i_uid.val) == euid && (mode & 0200)) ||
      (BPF_CORE_READ(ino, i_gid.val) == egid && (mode & 020)) || (mode & 02))
    flags |= PPM_EXE_WRITABLE;
  char name[8] = {};
  bpf_probe_read_kernel_str(name, sizeof(name), BPF_CORE_READ(exe, f_path.dentry, d_name.name));
  if (name[0] == 'm' && name[1] == 'e' && name[2] == 'm' && name[3] == 'f' && name[4] == 'd' &&
      name[5] == ':')
    flags |= PPM_EXE_FROM_MEMFD;
  return flags;
}


/* The execve / execveat exit (schema order: see tracer/encode/process.cpp execve_common). */
static __always_inline int execve_exit(struct pt_regs *regs, long ret, bool execveat) {
  struct ev e;
  if (!ev_begin(&e, execveat ? PPME_SYSCALL_EXECVEAT_X : PPME_SYSCALL_EXECVE_19_X,
                execveat ? 30 : 31))
    return 0;
  struct task_struct *t = bpf_get_current_task_btf();
  push_s64(&e, ret);
  __u64 argv = sc_arg(regs, execveat ? 2 : 1), envp = sc_arg(regs, execveat ? 3 : 2);
  if (ret == 0) {
    push_proc_common(&e, t);
  } else {
    /* Failed: the old image is still there; exe and args from the call's own argv. The rest of
     * the common part is the caller's, as the tracer reports it. */
    __u64 a0 = 0;
    bpf_probe_read_user(&a0, sizeof(a0), (void *)argv);
    push_ustr(&e, a0);
    push_str_array(&e, argv, true, SAKER_BPF_ARGS_MAX);
    push_s64(&e, BPF_CORE_READ(t, pid));
    push_s64(&e, BPF_CORE_READ(t, tgid));
    push_s64(&e, BPF_CORE_READ(t, real_parent, tgid));
    push_cwd(&e, t);
    push_s64(&e, (__s64)BPF_CORE_READ(t, signal, rlim[7].rlim_cur));
    push_u64(&e, BPF_CORE_READ(t, maj_flt));
    push_u64(&e, BPF_CORE_READ(t, min_flt));
    struct mm_struct *mm = BPF_CORE_READ(t, mm);
    push_u32(&e, mm ? (__u32)(BPF_CORE_READ(mm, total_vm) << 2) : 0);
    push_u32(&e, mm ? (__u32)((mm_counter(mm, 0) + mm_counter(mm, 1) + mm_counter(mm, 3)) << 2) : 0);
    push_u32(&e, mm ? (__u32)(mm_counter(mm, 2) << 2) : 0);
    push_str(&e, t->comm, 16, false);
    push_cgroups(&e, t);
  }
  /* env */
  if (ret == 0) {
    struct mm_struct *mm = BPF_CORE_READ(t, mm);
    __u64 es = BPF_CORE_READ(mm, env_start), ee = BPF_CORE_READ(mm, env_end);
    push_ubytes(&e, es, ee > es ? ee - es : 0, SAKER_BPF_ENV_MAX);
  } else {
    push_str_array(&e, envp, false, SAKER_BPF_ENV_MAX);
  }
  push_u32(&e, task_tty(t));
  push_s64(&e, task_pgid(t, true));
  push_u32(&e, BPF_CORE_READ(t, loginuid.val));
  push_u32(&e, exe_flags(t));
  const struct cred *cred = BPF_CORE_READ(t, cred);
  push_u64(&e, cap_bits(&cred->cap_inheritable));
  push_u64(&e, cap_bits(&cred->cap_permitted));
  push_u64(&e, cap_bits(&cred->cap_effective));
  struct inode *ino = BPF_CORE_READ(t, mm, exe_file, f_inode);
  push_u64(&e, ino ? BPF_CORE_READ(ino, i_ino) : 0);
  push_u64(&e, ino ? inode_ctime_ns(ino) : 0);
  push_u64(&e, ino ? inode_mtime_ns(ino) : 0);
  push_u32(&e, BPF_CORE_READ(cred, euid.val));
  struct file *exe_file = BPF_CORE_READ(t, mm, exe_file);
  if (exe_file)
    push_path_walk(&e, BPF_CORE_READ(exe_file, f_path.dentry), BPF_CORE_READ(exe_file, f_path.mnt));
  else
    push_empty(&e);
  push_s64(&e, task_pgid(t, false));
  push_u32(&e, BPF_CORE_READ(cred, egid.val));
  if (!execveat) {
    /* filename: recorded at sched_process_exec for a good exec; the call's argument otherwise. */
    __u32 tid = (__u32)bpf_get_current_pid_tgid();
    struct exec_path *ep = ret == 0 ? bpf_map_lookup_elem(&exec_paths, &tid) : NULL;
    if (ep) {
      push_str(&e, ep->path, SAKER_BPF_PATH_MAX, false);
      bpf_map_delete_elem(&exec_paths, &tid);
    } else {
      push_ustr(&e, sc_arg(regs, 0));
    }
  }
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(execve) { return execve_exit(regs, ret, false); }
EXIT_FILLER(execveat) { return execve_exit(regs, ret, true); }

/* Clone-family exit, in the parent (ret = child tid) and in the child (ret = 0). */
static __always_inline int clone_exit(long ret, __u16 type, __u64 native_flags) {
  struct ev e;
  if (!ev_begin(&e, type, 21)) return 0;
  struct task_struct *t = bpf_get_current_task_btf();
  push_s64(&e, ret);
  push_proc_common(&e, t);
  __u32 flags = clone_flags_to_ppm(native_flags);
  __s64 vpid = task_vpid(t);
  if (ret == 0 && vpid != BPF_CORE_READ(t, tgid)) flags |= PPM_CL_CHILD_IN_PIDNS;
  push_u32(&e, flags);
  const struct cred *cred = BPF_CORE_READ(t, cred);
  push_u32(&e, BPF_CORE_READ(cred, euid.val));
  push_u32(&e, BPF_CORE_READ(cred, egid.val));
  push_s64(&e, task_vtid(t));
  push_s64(&e, vpid);
  push_u64(&e, 0); /* pidns_init_start_ts: as the tracer (not read) */
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(clone) { return clone_exit(ret, PPME_SYSCALL_CLONE_20_X, sc_arg(regs, 0)); }
EXIT_FILLER(clone3) {
  __u64 flags = 0;
  if (bpf_probe_read_user(&flags, sizeof(flags), (void *)sc_arg(regs, 0)) != 0) count_fault();
  return clone_exit(ret, PPME_SYSCALL_CLONE3_X, flags);
}
EXIT_FILLER(fork) { return clone_exit(ret, PPME_SYSCALL_FORK_20_X, 0); }
EXIT_FILLER(vfork) { return clone_exit(ret, PPME_SYSCALL_VFORK_20_X, 0x4000 | 0x100); }

/* ---- credentials, sessions ---------------------------------------------------------------------- */

#define RES_U32S_FILLER(name, type, n)                                   \
  EXIT_FILLER(name) {                                                    \
    struct ev e;                                                         \
    if (!ev_begin(&e, type, 1 + n)) return 0;                            \
    push_s64(&e, ret);                                                   \
    for (int i = 0; i < n; i++) push_u32(&e, (__u32)sc_arg(regs, i));    \
    ev_submit(&e);                                                       \
    return 0;                                                            \
  }
RES_U32S_FILLER(setuid, PPME_SYSCALL_SETUID_X, 1)
RES_U32S_FILLER(setgid, PPME_SYSCALL_SETGID_X, 1)
RES_U32S_FILLER(setreuid, PPME_SYSCALL_SETREUID_X, 2)
RES_U32S_FILLER(setregid, PPME_SYSCALL_SETREGID_X, 2)
RES_U32S_FILLER(setresuid, PPME_SYSCALL_SETRESUID_X, 3)
RES_U32S_FILLER(setresgid, PPME_SYSCALL_SETRESGID_X, 3)

EXIT_FILLER(setsid) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_SETSID_X, 1)) return 0;
  push_s64(&e, ret);
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(setpgid) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_SETPGID_X, 3)) return 0;
  push_s64(&e, ret);
  push_s64(&e, (__s64)sc_arg(regs, 0));
  push_s64(&e, (__s64)sc_arg(regs, 1));
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(capset) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_CAPSET_X, 4)) return 0;
  const struct cred *cred = BPF_CORE_READ((struct task_struct *)bpf_get_current_task_btf(), cred);
  push_s64(&e, ret);
  push_u64(&e, cap_bits(&cred->cap_inheritable));
  push_u64(&e, cap_bits(&cred->cap_permitted));
  push_u64(&e, cap_bits(&cred->cap_effective));
  ev_submit(&e);
  return 0;
}

/* ---- ptrace, signals, namespaces ---------------------------------------------------------------- */

static __always_inline void push_dyn_u64(struct ev *e, __u64 v) {
  __u8 *p = &e->buf[e->off & OFF_MASK];
  p[0] = PPM_PTRACE_IDX_UINT64;
  __builtin_memcpy(p + 1, &v, 8);
  ev_len(e, 9);
}

EXIT_FILLER(ptrace) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_PTRACE_X, 5)) return 0;
  push_s64(&e, ret);
  push_dyn_u64(&e, sc_arg(regs, 2));
  push_dyn_u64(&e, sc_arg(regs, 3));
  push_u16(&e, (__u16)ptrace_request_to_ppm(sc_arg(regs, 0)));
  push_s64(&e, (__s64)sc_arg(regs, 1));
  ev_submit(&e);
  return 0;
}

#define KILL_FILLER(name, type)                        \
  EXIT_FILLER(name) {                                  \
    struct ev e;                                       \
    if (!ev_begin(&e, type, 3)) return 0;              \
    push_s64(&e, ret);                                 \
    push_s64(&e, (__s32)sc_arg(regs, 0));              \
    push_u8(&e, (__u8)sc_arg(regs, 1));                \
    ev_submit(&e);                                     \
    return 0;                                          \
  }
KILL_FILLER(kill, PPME_SYSCALL_KILL_X)
KILL_FILLER(tkill, PPME_SYSCALL_TKILL_X)

EXIT_FILLER(tgkill) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_TGKILL_X, 4)) return 0;
  push_s64(&e, ret);
  push_s64(&e, (__s32)sc_arg(regs, 0));
  push_s64(&e, (__s32)sc_arg(regs, 1));
  push_u8(&e, (__u8)sc_arg(regs, 2));
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(unshare) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_UNSHARE_X, 2)) return 0;
  push_s64(&e, ret);
  push_u32(&e, clone_flags_to_ppm(sc_arg(regs, 0)));
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(setns) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_SETNS_X, 3)) return 0;
  push_s64(&e, ret);
  push_s64(&e, sc_fd(regs, 0));
  push_u32(&e, clone_flags_to_ppm(sc_arg(regs, 1)));
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(seccomp) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_SECCOMP_X, 3)) return 0;
  push_s64(&e, ret);
  push_u64(&e, sc_arg(regs, 0));
  push_u64(&e, sc_arg(regs, 1));
  ev_submit(&e);
  return 0;
}

/* ---- bpf, modules, io_uring, pidfds ------------------------------------------------------------- */

EXIT_FILLER(bpf) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_BPF_2_X, 2)) return 0;
  push_s64(&e, ret);
  push_u32(&e, (__u32)sc_arg(regs, 0));
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(init_module) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_INIT_MODULE_X, 4)) return 0;
  push_s64(&e, ret);
  push_ubytes(&e, sc_arg(regs, 0), sc_arg(regs, 1), 80); /* snap length, as the tracer */
  push_u64(&e, sc_arg(regs, 1));
  push_ustr(&e, sc_arg(regs, 2));
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(finit_module) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_FINIT_MODULE_X, 4)) return 0;
  push_s64(&e, ret);
  push_s64(&e, sc_fd(regs, 0));
  push_ustr(&e, sc_arg(regs, 1));
  push_u32(&e, finit_module_flags_to_ppm(sc_arg(regs, 2)));
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(io_uring_setup) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_IO_URING_SETUP_X, 8)) return 0;
  /* struct io_uring_params: sq_entries, cq_entries, flags, sq_thread_cpu, sq_thread_idle,
   * features (u32 each), filled by the kernel on success. */
  __u32 p[6] = {};
  if (bpf_probe_read_user(p, sizeof(p), (void *)sc_arg(regs, 1)) != 0) count_fault();
  push_s64(&e, ret);
  push_u32(&e, (__u32)sc_arg(regs, 0));
  push_u32(&e, p[0]);
  push_u32(&e, p[1]);
  push_u32(&e, io_uring_setup_flags_to_ppm(p[2]));
  push_u32(&e, p[3]);
  push_u32(&e, p[4]);
  push_u32(&e, io_uring_features_to_ppm(p[5]));
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(delete_module) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_DELETE_MODULE_X, 3)) return 0;
  push_s64(&e, ret);
  push_ustr(&e, sc_arg(regs, 0));
  push_u32(&e, delete_module_flags_to_ppm(sc_arg(regs, 1)));
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(io_uring_enter) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_IO_URING_ENTER_X, 6)) return 0;
  __u32 sig = 0;
  if (sc_arg(regs, 4) && bpf_probe_read_user(&sig, sizeof(sig), (void *)sc_arg(regs, 4)) != 0)
    count_fault();
  push_s64(&e, ret);
  push_s64(&e, sc_fd(regs, 0));
  push_u32(&e, (__u32)sc_arg(regs, 1));
  push_u32(&e, (__u32)sc_arg(regs, 2));
  push_u32(&e, io_uring_enter_flags_to_ppm(sc_arg(regs, 3)));
  push_u32(&e, sig);
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(io_uring_register) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_IO_URING_REGISTER_X, 5)) return 0;
  push_s64(&e, ret);
  push_s64(&e, sc_fd(regs, 0));
  push_u16(&e, (__u16)sc_arg(regs, 1));
  push_u64(&e, sc_arg(regs, 2));
  push_u32(&e, (__u32)sc_arg(regs, 3));
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(mprotect) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_MPROTECT_X, 4)) return 0;
  push_s64(&e, ret);
  push_u64(&e, sc_arg(regs, 0));
  push_u64(&e, sc_arg(regs, 1));
  push_u32(&e, prot_to_ppm(sc_arg(regs, 2)));
  ev_submit(&e);
  return 0;
}

/* prctl: res, option, arg2_str (PR_SET_NAME / PR_GET_NAME), arg2_int. */
EXIT_FILLER(prctl) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_PRCTL_X, 4)) return 0;
  __u64 option = sc_arg(regs, 0);
  push_s64(&e, ret);
  push_u32(&e, (__u32)option);
  if (option == 15 || option == 16) { /* PR_SET_NAME, PR_GET_NAME */
    push_str(&e, (const void *)sc_arg(regs, 1), 16, true);
    push_s64(&e, 0);
  } else if (option == 37) { /* PR_GET_CHILD_SUBREAPER: the int written back */
    __s32 v = 0;
    bpf_probe_read_user(&v, sizeof(v), (void *)sc_arg(regs, 1));
    push_empty(&e);
    push_s64(&e, v);
  } else {
    push_empty(&e);
    push_s64(&e, (__s64)sc_arg(regs, 1));
  }
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(pidfd_open) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_PIDFD_OPEN_X, 3)) return 0;
  push_s64(&e, ret);
  push_s64(&e, (__s32)sc_arg(regs, 0));
  push_u32(&e, pidfd_open_flags_to_ppm(sc_arg(regs, 1)));
  ev_submit(&e);
  return 0;
}

EXIT_FILLER(pidfd_getfd) {
  struct ev e;
  if (!ev_begin(&e, PPME_SYSCALL_PIDFD_GETFD_X, 4)) return 0;
  push_s64(&e, ret);
  push_s64(&e, sc_fd(regs, 0));
  push_s64(&e, sc_fd(regs, 1));
  push_u32(&e, (__u32)sc_arg(regs, 2));
  ev_submit(&e);
  return 0;
}

#endif
