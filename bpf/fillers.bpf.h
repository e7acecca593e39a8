/* What every filler file includes: the writer, the task readers, the flag conversions, and the
 * two declaration macros. A filler is a tp_btf program reached by tail call from the sys_enter /
 * sys_exit dispatchers (probe.bpf.c); its name says which syscall it serves (e_<syscall> for the
 * enter event, x_<syscall> for the exit), which is how the loader files it in the tail-call maps. */
#ifndef SAKER_BPF_FILLERS_H
#define SAKER_BPF_FILLERS_H

#include "event_writer.bpf.h"
#include "flags.bpf.h"
#include "task.bpf.h"

#define ENTER_FILLER(name) \
  SEC("tp_btf/sys_enter") int BPF_PROG(e_##name, struct pt_regs *regs, long id)
#define EXIT_FILLER(name) \
  SEC("tp_btf/sys_exit") int BPF_PROG(x_##name, struct pt_regs *regs, long ret)

#endif
