#pragma once
// Reading a stopped tracee's memory without ever faulting the tracer: process_vm_readv first,
// then /proc/TID/mem, then PTRACE_PEEKDATA (for kernels or sandboxes that deny the former).
// All lengths are bounded by the caller; a bad pointer yields a short or empty read.
#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace saker::tracer {

class TraceeMemory {
 public:
  // Copies up to len bytes at addr into buf; returns how many leading bytes were readable.
  static size_t read(pid_t tid, uint64_t addr, void* buf, size_t len);

  // Reads a NUL-terminated string of at most `max` bytes. Returns false when addr is unreadable
  // (out is then empty); *truncated (if given) is set when no NUL came within `max` bytes.
  static bool read_string(pid_t tid, uint64_t addr, size_t max, std::string* out,
                          bool* truncated = nullptr);

  // Reads a NULL-terminated array of pointers (argv, envp) of `ptr_size` (8 or 4) bytes each, at
  // most max_items. *more (if given) is set when the array continues past max_items.
  static bool read_pointer_array(pid_t tid, uint64_t addr, size_t ptr_size, size_t max_items,
                                 std::vector<uint64_t>* out, bool* more = nullptr);
};

}  // namespace saker::tracer
