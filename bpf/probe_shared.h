/* Structures and limits both sides of the probe see: the BPF programs (C, vmlinux.h) and the
 * userspace loader (C++). Plain C with __u* types so it compiles in both worlds. */
#ifndef SAKER_BPF_PROBE_SHARED_H
#define SAKER_BPF_PROBE_SHARED_H

/* Native syscall numbers the selection map covers (x86_64 tops out below 470). */
#define SAKER_BPF_MAX_SYSCALLS 512

/* The scratch area an event is built in before it is copied into the ring buffer in one piece.
 * Offsets are masked with SAKER_BPF_EVENT_MAX - 1 and no single write is larger than
 * SAKER_BPF_EVENT_MAX, so every access stays inside SAKER_BPF_SCRATCH bytes (what the verifier
 * needs to see). An event never exceeds SAKER_BPF_EVENT_MAX bytes. */
#define SAKER_BPF_EVENT_MAX (1u << 15)
#define SAKER_BPF_SCRATCH (2u * SAKER_BPF_EVENT_MAX)

/* Caps, as the tracer applies them (tracer/proc_facts.h, tracer/encode/encode.h). */
#define SAKER_BPF_PATH_MAX 4096u
#define SAKER_BPF_ARGS_MAX 4096u
#define SAKER_BPF_ENV_MAX 4096u

/* One entry of the selection map, indexed by native syscall number. */
struct saker_bpf_selection {
  __u8 selected; /* 0: the dispatchers return at once */
  __u8 pad;
  __u16 ppm_sc;  /* PPM_SC_* code, the ID param of generic events */
};

/* Per-CPU counters (one PERCPU_ARRAY entry). */
struct saker_bpf_counters {
  __u64 events;      /* events written to the ring */
  __u64 drops_full;  /* events lost: ring full */
  __u64 drops_fault; /* failed kernel/user reads (the param is sent empty), oversize events */
};

#endif
