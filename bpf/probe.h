// Userspace API of the CO-RE eBPF probe (bpf/*.bpf.c): loads and attaches the programs, programs the
// in-kernel syscall selection and hands out events in the scap layout of engine/events.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace saker::bpf {

// Counters summed over all CPUs (the kernel keeps them per CPU so the hot path never contends).
struct ProbeStats {
  uint64_t events = 0;       // events written into a ring buffer
  uint64_t drops_full = 0;   // events lost because the ring buffer was full
  uint64_t drops_fault = 0;  // events written with an empty param because a kernel/user read failed
  uint64_t n_cpus = 0;       // possible CPUs the counters were summed over
};

class Probe {
 public:
  // Loads and attaches the probe. On failure returns nullptr and sets *why_not (when non-null) to a
  // one-line reason: missing BTF, missing capability (CAP_BPF / CAP_PERFMON / CAP_SYS_RESOURCE),
  // or the tail of the verifier log. Nothing is selected until set_syscalls is called.
  // The calling process's own syscalls are never captured (its polling would feed itself);
  // procexit events of every other process always are.
  static std::unique_ptr<Probe> open(std::string* why_not);

  // Replaces the selection: native (x86_64) syscall numbers to capture, or every syscall when `all`.
  // Can be called again at any time (rules reload). Scheduler events (fork/exec/exit) are always on.
  bool set_syscalls(const std::vector<uint32_t>& native_nrs, bool all, std::string* err);

  // Waits up to timeout_ms (0: no wait, <0: forever) for events, then calls fn(ptr, len) for each
  // available event, pointing into the ring buffer (no copy; the pointer is valid only during the
  // call). Returns the number of events handled. One ring is shared by all CPUs, so events come
  // in the order they were committed: strictly per thread, and across CPUs in timestamp order up
  // to the few nanoseconds between a filler reading the clock and reserving its slot.
  // The probe wakes the consumer once 256 KiB are waiting; a quieter ring is read when the
  // timeout expires, so timeout_ms bounds the delivery latency (use a few tens of ms).
  size_t poll(int timeout_ms, const std::function<void(const uint8_t*, size_t)>& fn);

  ProbeStats stats() const;

  ~Probe();
  Probe(const Probe&) = delete;
  Probe& operator=(const Probe&) = delete;

 private:
  struct Impl;
  explicit Probe(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace saker::bpf
