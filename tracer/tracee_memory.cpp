#include "tracer/tracee_memory.h"

#include <fcntl.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace saker::tracer {
namespace {

constexpr uint64_t kPage = 4096;

// process_vm_readv is refused in some sandboxes (ENOSYS, EPERM); remember and stop trying.
bool g_vm_readv_ok = true;

size_t read_vm(pid_t tid, uint64_t addr, void* buf, size_t len) {
  iovec local{buf, len};
  iovec remote{reinterpret_cast<void*>(addr), len};
  ssize_t n = process_vm_readv(tid, &local, 1, &remote, 1, 0);
  if (n >= 0) return static_cast<size_t>(n);
  if (errno == ENOSYS || errno == EPERM) g_vm_readv_ok = false;
  return static_cast<size_t>(-1);
}

size_t read_proc_mem(pid_t tid, uint64_t addr, void* buf, size_t len) {
  char path[64];
  std::snprintf(path, sizeof(path), "/proc/%d/mem", tid);
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return static_cast<size_t>(-1);
  size_t done = 0;
  while (done < len) {
    ssize_t n = pread(fd, static_cast<char*>(buf) + done, len - done,
                      static_cast<off_t>(addr + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  close(fd);
  return done;
}

size_t read_peek(pid_t tid, uint64_t addr, void* buf, size_t len) {
  size_t done = 0;
  while (done < len) {
    const uint64_t word_addr = (addr + done) & ~uint64_t{7};
    const size_t skip = (addr + done) - word_addr;
    errno = 0;
    long w = ptrace(PTRACE_PEEKDATA, tid, reinterpret_cast<void*>(word_addr), nullptr);
    if (errno != 0) break;
    const size_t take = std::min(sizeof(w) - skip, len - done);
    std::memcpy(static_cast<char*>(buf) + done, reinterpret_cast<char*>(&w) + skip, take);
    done += take;
  }
  return done;
}

}  // namespace

size_t TraceeMemory::read(pid_t tid, uint64_t addr, void* buf, size_t len) {
  if (len == 0 || addr == 0) return 0;
  if (g_vm_readv_ok) {
    size_t n = read_vm(tid, addr, buf, len);
    if (n != static_cast<size_t>(-1)) return n;
    if (g_vm_readv_ok) return 0;  // EFAULT or ESRCH: the address (or thread) is not there
  }
  size_t n = read_proc_mem(tid, addr, buf, len);
  if (n != static_cast<size_t>(-1)) return n;
  return read_peek(tid, addr, buf, len);
}

bool TraceeMemory::read_string(pid_t tid, uint64_t addr, size_t max, std::string* out,
                               bool* truncated) {
  out->clear();
  if (truncated) *truncated = false;
  if (addr == 0) return false;
  char chunk[kPage];
  uint64_t p = addr;
  while (out->size() < max) {
    // Never cross a page boundary in one read: the next page may be unmapped.
    size_t want = static_cast<size_t>(kPage - (p % kPage));
    want = std::min(want, max - out->size());
    size_t n = read(tid, p, chunk, want);
    if (n == 0) return !out->empty() || p != addr;
    const void* nul = std::memchr(chunk, 0, n);
    if (nul != nullptr) {
      out->append(chunk, static_cast<const char*>(nul) - chunk);
      return true;
    }
    out->append(chunk, n);
    if (n < want) return true;  // unreadable tail: what we got is all there is
    p += n;
  }
  if (truncated) *truncated = true;
  return true;
}

bool TraceeMemory::read_pointer_array(pid_t tid, uint64_t addr, size_t ptr_size, size_t max_items,
                                      std::vector<uint64_t>* out, bool* more) {
  out->clear();
  if (more) *more = false;
  if (addr == 0) return false;
  for (size_t i = 0; i < max_items; ++i) {
    uint64_t v = 0;
    if (read(tid, addr + i * ptr_size, &v, ptr_size) != ptr_size) return i > 0;
    if (v == 0) return true;
    out->push_back(v);
  }
  if (more) *more = true;
  return true;
}

}  // namespace saker::tracer
