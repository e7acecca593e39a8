// SPDX-License-Identifier: GPL-2.0
/* Saker's CO-RE eBPF probe: the sys_enter / sys_exit dispatchers, the generic filler, and the
 * scheduler programs. The per-syscall fillers live in fill_*.bpf.h (one family per file).
 *
 * Path of one syscall: the dispatcher checks the selection map (unselected syscalls return
 * there, a handful of instructions in), then tail-calls the syscall's filler, which builds the
 * event in the CPU's scratch area and copies it into the shared ring buffer. */
#include "fill_fd.bpf.h"
#include "fill_file.bpf.h"
#include "fill_net.bpf.h"
#include "fill_proc.bpf.h"

char LICENSE[] SEC("license") = "GPL";

#define TS_COMPAT 0x0002 /* x86 thread_info.status: a 32-bit syscall in progress */

static __always_inline bool wanted(long id, __u32 *nr) {
  if ((__u64)id >= SAKER_BPF_MAX_SYSCALLS) return false;
  __u32 k = (__u32)id;
  struct saker_bpf_selection *sel = bpf_map_lookup_elem(&selection, &k);
  if (!sel || !sel->selected) return false;
  if ((bpf_get_current_pid_tgid() >> 32) == ignored_tgid) return false;
  /* ia32 syscalls have their own numbering; they are not captured. */
  struct task_struct *t = bpf_get_current_task_btf();
  if (BPF_CORE_READ(t, thread_info.status) & TS_COMPAT) return false;
  *nr = k;
  return true;
}

SEC("tp_btf/sys_enter")
int BPF_PROG(sys_enter, struct pt_regs *regs, long id) {
  __u32 nr;
  if (!wanted(id, &nr)) return 0;
  bpf_tail_call(ctx, &enter_fillers, nr); /* no enter event for most syscalls: falls through */
  return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(sys_exit, struct pt_regs *regs, long ret) {
  __u32 nr;
  if (!wanted(BPF_CORE_READ(regs, orig_ax), &nr)) return 0;
  bpf_tail_call(ctx, &exit_fillers, nr);
  return 0;
}

/* Any selected syscall without a filler of its own: PPME_GENERIC_X (PPM_SC code, native id). */
SEC("tp_btf/sys_exit")
int BPF_PROG(x_generic, struct pt_regs *regs, long ret) {
  __u32 nr = (__u32)BPF_CORE_READ(regs, orig_ax);
  struct saker_bpf_selection *sel = bpf_map_lookup_elem(&selection, &nr);
  struct ev e;
  if (!sel || !ev_begin(&e, PPME_GENERIC_X, 2)) return 0;
  push_u16(&e, sel->ppm_sc);
  push_u16(&e, (__u16)nr);
  ev_submit(&e);
  return 0;
}

/* A good exec: remember the path being executed for the execve exit filler (the user memory
 * holding it is gone once the new image runs). Only for threads whose execve is selected. */
SEC("tp_btf/sched_process_exec")
int BPF_PROG(sched_exec, struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm) {
  __u32 k = 59; /* __NR_execve */
  struct saker_bpf_selection *sel = bpf_map_lookup_elem(&selection, &k);
  if (!sel || !sel->selected) return 0;
  __u32 zero = 0;
  struct exec_path *tmp = bpf_map_lookup_elem(&exec_path_tmp, &zero);
  if (!tmp) return 0;
  if (bpf_probe_read_kernel_str(tmp->path, sizeof(tmp->path), BPF_CORE_READ(bprm, filename)) <= 0)
    return 0;
  __u32 tid = (__u32)bpf_get_current_pid_tgid();
  bpf_map_update_elem(&exec_paths, &tid, tmp, BPF_ANY);
  return 0;
}

/* A thread's death: PPME_PROCEXIT_1_E (always on: the state engine needs it to purge threads). */
SEC("tp_btf/sched_process_exit")
int BPF_PROG(sched_exit, struct task_struct *p) {
  if ((bpf_get_current_pid_tgid() >> 32) == ignored_tgid) return 0;
  struct ev e;
  if (!ev_begin(&e, PPME_PROCEXIT_1_E, 5)) return 0;
  __s64 status = BPF_CORE_READ(p, exit_code);
  push_s64(&e, status);
  push_s64(&e, (status >> 8) & 0xff);
  push_u8(&e, (status & 0x7f) ? (__u8)(status & 0x7f) : 0);
  push_u8(&e, (status & 0x80) ? 1 : 0);
  push_s64(&e, 0); /* reaper_tid: left to the engine, as the tracer does */
  ev_submit(&e);
  return 0;
}
