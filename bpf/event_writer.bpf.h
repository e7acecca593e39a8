/* Building one event in the scap layout (engine/events/scap_layout.h) inside a per-CPU scratch
 * area, then copying it into the ring buffer in one bpf_ringbuf_output call:
 *
 *   header (ts u64, tid u64, len u32, type u16, nparams u32) | nparams x u16 lengths | params
 *
 * Params are appended in schema order; a read that fails gives an empty param (length 0) and
 * counts in drops_fault, as the tracer does with unreadable pointers. */
#ifndef SAKER_BPF_EVENT_WRITER_H
#define SAKER_BPF_EVENT_WRITER_H

#include "maps.bpf.h"

#define HDR_LEN 26u
#define OFF_MASK (SAKER_BPF_EVENT_MAX - 1u)
#define WAKEUP_BYTES (256u * 1024u)

struct ev {
  __u8 *buf;     /* this CPU's scratch area */
  __u32 off;     /* where the next param goes */
  __u32 idx;     /* index of the next param */
  __u32 nparams;
  __u16 type;
};

/* An offset into the scratch area, masked so the verifier sees it in range; barrier_var keeps
 * clang from dropping a mask it can prove redundant (the verifier cannot always prove it). */
static __always_inline __u32 masked(__u32 off) {
  barrier_var(off);
  return off & OFF_MASK;
}

static __always_inline struct saker_bpf_counters *counters(void) {
  __u32 zero = 0;
  return bpf_map_lookup_elem(&stats, &zero);
}

static __always_inline void count_fault(void) {
  struct saker_bpf_counters *c = counters();
  if (c) c->drops_fault++;
}

/* Starts an event; false when the scratch area is unavailable (never expected). */
static __always_inline bool ev_begin(struct ev *e, __u16 type, __u32 nparams) {
  __u32 cpu = bpf_get_smp_processor_id();
  e->buf = bpf_map_lookup_elem(&scratch, &cpu);
  if (!e->buf) return false;
  e->type = type;
  e->nparams = nparams;
  e->idx = 0;
  e->off = HDR_LEN + nparams * 2u;
  return true;
}

static __always_inline void ev_len(struct ev *e, __u16 len) {
  __u32 i = e->idx & 31u;
  *(__u16 *)&e->buf[(HDR_LEN + i * 2u) & OFF_MASK] = len;
  e->idx++;
  e->off += len;
}

static __always_inline void push_u8(struct ev *e, __u8 v) {
  *(__u8 *)&e->buf[e->off & OFF_MASK] = v;
  ev_len(e, 1);
}
static __always_inline void push_u16(struct ev *e, __u16 v) {
  *(__u16 *)&e->buf[e->off & OFF_MASK] = v;
  ev_len(e, 2);
}
static __always_inline void push_u32(struct ev *e, __u32 v) {
  *(__u32 *)&e->buf[e->off & OFF_MASK] = v;
  ev_len(e, 4);
}
static __always_inline void push_u64(struct ev *e, __u64 v) {
  *(__u64 *)&e->buf[e->off & OFF_MASK] = v;
  ev_len(e, 8);
}
static __always_inline void push_s64(struct ev *e, __s64 v) { push_u64(e, (__u64)v); }
static __always_inline void push_empty(struct ev *e) { ev_len(e, 0); }

/* Room left for a variable-size param, capped at `max`. */
static __always_inline __u32 room(struct ev *e, __u32 max) {
  if (e->off >= SAKER_BPF_EVENT_MAX) return 0;
  __u32 left = SAKER_BPF_EVENT_MAX - e->off;
  return left < max ? left : max;
}

/* A NUL-terminated string (length includes the NUL). user: from the traced process's memory. */
static __always_inline void push_str(struct ev *e, const void *p, __u32 max, bool user) {
  __u32 n = room(e, max);
  long r = -1;
  if (p && n > 0) {
    n &= (SAKER_BPF_EVENT_MAX - 1u);
    r = user ? bpf_probe_read_user_str(&e->buf[e->off & OFF_MASK], n, p)
             : bpf_probe_read_kernel_str(&e->buf[e->off & OFF_MASK], n, p);
  }
  if (r <= 0) {
    if (p) count_fault();
    push_empty(e);
    return;
  }
  ev_len(e, (__u16)r);
}
static __always_inline void push_ustr(struct ev *e, __u64 p) {
  push_str(e, (const void *)p, SAKER_BPF_PATH_MAX, true);
}

/* `len` raw bytes of user memory (capped at `max`), e.g. argv / envp areas. */
static __always_inline void push_ubytes(struct ev *e, __u64 p, __u64 len, __u32 max) {
  __u32 n = room(e, max);
  if (len < n) n = (__u32)len;
  n &= (SAKER_BPF_EVENT_MAX - 1u);
  if (!p || n == 0) {
    push_empty(e);
    return;
  }
  if (bpf_probe_read_user(&e->buf[e->off & OFF_MASK], n, (const void *)p) != 0) {
    count_fault();
    push_empty(e);
    return;
  }
  ev_len(e, (__u16)n);
}

/* Writes the header and copies the event into the ring. */
static __always_inline void ev_submit(struct ev *e) {
  struct saker_bpf_counters *c = counters();
  __u32 len = e->off;
  if (len > SAKER_BPF_EVENT_MAX) {
    if (c) c->drops_fault++;
    return;
  }
  __u64 pid_tgid = bpf_get_current_pid_tgid();
  *(__u64 *)&e->buf[0] = bpf_ktime_get_boot_ns() + boot_to_epoch_ns;
  *(__u64 *)&e->buf[8] = (__u32)pid_tgid;
  *(__u32 *)&e->buf[16] = len;
  *(__u16 *)&e->buf[20] = e->type;
  *(__u32 *)&e->buf[22] = e->nparams;
  /* Wake the consumer only once a batch is waiting: a wake-up per event costs more than the
   * event itself. The consumer polls with a timeout, which bounds the latency of a quiet ring. */
  __u64 wake = bpf_ringbuf_query(&ring, BPF_RB_AVAIL_DATA) >= WAKEUP_BYTES ? BPF_RB_FORCE_WAKEUP
                                                                          : BPF_RB_NO_WAKEUP;
  if (bpf_ringbuf_output(&ring, e->buf, len, wake) != 0) {
    if (c) c->drops_full++;
    return;
  }
  if (c) c->events++;
}

#endif
