/* The probe's maps and the settings userspace writes before load. */
#ifndef SAKER_BPF_MAPS_H
#define SAKER_BPF_MAPS_H

#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

#include "probe_shared.h"
#include "scap_ids.h"

/* Set by the loader before load: CLOCK_REALTIME - CLOCK_BOOTTIME, so that event timestamps are
 * nanoseconds since the epoch as in scap files; and the loader's own process, whose syscalls
 * are not captured (its polling would otherwise feed itself under "all syscalls"). */
const volatile __u64 boot_to_epoch_ns = 0;
const volatile __u32 ignored_tgid = 0;

/* One ring buffer shared by all CPUs (see bpf/README.md for the measurement behind the choice);
 * its size is set by the loader. */
struct {
  __uint(type, BPF_MAP_TYPE_RINGBUF);
  __uint(max_entries, 8 * 1024 * 1024);
} ring SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_ARRAY);
  __uint(max_entries, SAKER_BPF_MAX_SYSCALLS);
  __type(key, __u32);
  __type(value, struct saker_bpf_selection);
} selection SEC(".maps");

/* Scratch areas, one per CPU (index: CPU id; max_entries set to the CPU count by the loader).
 * A plain array rather than a per-CPU array: per-CPU values are limited to 32 KiB. */
struct scratch_area {
  __u8 data[SAKER_BPF_SCRATCH];
};
struct {
  __uint(type, BPF_MAP_TYPE_ARRAY);
  __uint(max_entries, 1);
  __type(key, __u32);
  __type(value, struct scratch_area);
} scratch SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
  __uint(max_entries, 1);
  __type(key, __u32);
  __type(value, struct saker_bpf_counters);
} stats SEC(".maps");

/* Fillers by native syscall number (tail calls), filled by the loader. */
struct {
  __uint(type, BPF_MAP_TYPE_PROG_ARRAY);
  __uint(max_entries, SAKER_BPF_MAX_SYSCALLS);
  __type(key, __u32);
  __type(value, __u32);
} enter_fillers SEC(".maps");
struct {
  __uint(type, BPF_MAP_TYPE_PROG_ARRAY);
  __uint(max_entries, SAKER_BPF_MAX_SYSCALLS);
  __type(key, __u32);
  __type(value, __u32);
} exit_fillers SEC(".maps");

/* The path a thread is executing, recorded at sched_process_exec (the execve filename is gone
 * from user memory once the new image runs) and read by the execve exit filler. */
struct exec_path {
  char path[SAKER_BPF_PATH_MAX];
};
struct {
  __uint(type, BPF_MAP_TYPE_LRU_HASH);
  __uint(max_entries, 1024);
  __type(key, __u32);
  __type(value, struct exec_path);
} exec_paths SEC(".maps");
struct {
  __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
  __uint(max_entries, 1);
  __type(key, __u32);
  __type(value, struct exec_path);
} exec_path_tmp SEC(".maps");

#endif
