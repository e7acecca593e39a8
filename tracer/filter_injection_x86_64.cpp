// x86_64 implementation of filter_injection.h.
#include "tracer/filter_injection.h"

#if !defined(__x86_64__)
#error "saker-trace: filter injection is implemented for x86_64 only"
#endif

#include <elf.h>
#include <fcntl.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "tracer/tracee_memory.h"

namespace saker::tracer {
namespace {

constexpr uint8_t kSyscallInsn[2] = {0x0f, 0x05};
constexpr size_t kSyscallInsnLen = sizeof(kSyscallInsn);

bool get_regs(pid_t tid, user_regs_struct* r, bool* is_64bit) {
  iovec iov{r, sizeof(*r)};
  if (ptrace(PTRACE_GETREGSET, tid, reinterpret_cast<void*>(NT_PRSTATUS), &iov) != 0) return false;
  *is_64bit = iov.iov_len == sizeof(*r);
  return true;
}

bool set_regs(pid_t tid, const user_regs_struct& r) {
  iovec iov{const_cast<user_regs_struct*>(&r), sizeof(r)};
  return ptrace(PTRACE_SETREGSET, tid, reinterpret_cast<void*>(NT_PRSTATUS), &iov) == 0;
}

bool write_memory(pid_t tid, uint64_t addr, const void* data, size_t len) {
  iovec local{const_cast<void*>(data), len};
  iovec remote{reinterpret_cast<void*>(addr), len};
  if (process_vm_writev(tid, &local, 1, &remote, 1, 0) == static_cast<ssize_t>(len)) return true;
  // process_vm_writev may be denied (e.g. by a sandbox); /proc/TID/mem writes as the tracer.
  const std::string path = "/proc/" + std::to_string(tid) + "/mem";
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = ::pwrite(fd, data, len, static_cast<off_t>(addr)) == static_cast<ssize_t>(len);
  ::close(fd);
  return ok;
}

// One borrowed thread: runs syscalls of ours, then gives the thread back.
class Borrowed {
 public:
  Borrowed(pid_t tid, const user_regs_struct& entry) : tid_(tid), entry_(entry) {}

  // Runs nr(args) in the thread; false if the thread left us (result_.kind = kLost).
  bool call(int64_t nr, std::initializer_list<uint64_t> args, int64_t* ret) {
    user_regs_struct r = entry_;
    unsigned long long* slots[6] = {&r.rdi, &r.rsi, &r.rdx, &r.r10, &r.r8, &r.r9};
    size_t i = 0;
    for (uint64_t a : args) *slots[i++] = a;
    if (first_) {
      // At the entry stop the kernel has not read the number yet: replace it.
      r.orig_rax = static_cast<uint64_t>(nr);
      if (!set_regs(tid_, r)) return lost("PTRACE_SETREGSET");
      first_ = false;
    } else {
      // At an exit stop: back onto the `syscall` instruction with our number in rax.
      r.rip = entry_.rip - kSyscallInsnLen;
      r.rax = static_cast<uint64_t>(nr);
      if (!set_regs(tid_, r)) return lost("PTRACE_SETREGSET");
      if (!step_to_syscall_stop()) return false;  // its entry stop
    }
    if (!step_to_syscall_stop()) return false;  // its exit stop
    bool is_64bit = true;
    user_regs_struct out;
    if (!get_regs(tid_, &out, &is_64bit)) return lost("PTRACE_GETREGSET");
    *ret = static_cast<int64_t>(out.rax);
    return true;
  }

  // The thread re-executes the syscall it was entering when borrowed (only valid after call()).
  bool give_back() {
    user_regs_struct r = entry_;
    r.rip = entry_.rip - kSyscallInsnLen;
    r.rax = entry_.orig_rax;
    return set_regs(tid_, r);
  }

  InjectionResult& result() { return result_; }
  bool held_stop() const { return held_stop_; }

 private:
  bool lost(const char* what) {
    result_.kind = InjectionResult::Kind::kLost;
    result_.error = std::string(what) + ": " + std::strerror(errno);
    return false;
  }

  // Resumes to the next syscall stop. Seccomp stops on the way (our own filter, once installed,
  // traces munmap with -a) are passed through; anything else means the thread left us.
  bool step_to_syscall_stop() {
    for (;;) {
      if (ptrace(PTRACE_SYSCALL, tid_, nullptr, nullptr) != 0) return lost("PTRACE_SYSCALL");
      int st = 0;
      pid_t r;
      do r = ::waitpid(tid_, &st, __WALL);
      while (r < 0 && errno == EINTR);
      if (r != tid_) return lost("waitpid");
      if (WIFSTOPPED(st) && WSTOPSIG(st) == (SIGTRAP | 0x80)) return true;
      if (WIFSTOPPED(st) && (st >> 8) == (SIGTRAP | (PTRACE_EVENT_SECCOMP << 8))) continue;
      // Between our calls the thread passes through user mode, where only SIGSTOP (which no
      // mask blocks) can stop it: it is held back and sent again once the thread is given back.
      // A group stop begun by another thread (PTRACE_EVENT_STOP) is passed through likewise:
      // this thread joins the next one only (see tracer/README.md).
      if (WIFSTOPPED(st) && (st >> 16) == 0 && WSTOPSIG(st) == SIGSTOP) {
        held_stop_ = true;
        continue;
      }
      if (WIFSTOPPED(st) && (st >> 16) == PTRACE_EVENT_STOP) continue;
      result_.kind = InjectionResult::Kind::kLost;
      result_.status = st;
      result_.error = "the thread stopped or died during the injection";
      return false;
    }
  }

  pid_t tid_;
  user_regs_struct entry_;
  bool first_ = true;
  bool held_stop_ = false;
  InjectionResult result_;
};

// The page the program is written to: struct sock_fprog, then the instructions.
struct ProgramPage {
  uint64_t addr = 0;
  size_t size = 0;
};

}  // namespace

InjectionResult inject_seccomp_filter(pid_t tid, std::span<const uint8_t> program) {
  InjectionResult res;
  res.kind = InjectionResult::Kind::kNotHere;
  user_regs_struct entry;
  bool is_64bit = false;
  if (!get_regs(tid, &entry, &is_64bit) || !is_64bit) return res;
  // An `int 0x80` entry (ia32 ABI) or a syscall number with the x32 bit: use a later stop.
  uint8_t insn[kSyscallInsnLen] = {};
  if (TraceeMemory::read(tid, entry.rip - kSyscallInsnLen, insn, sizeof(insn)) != sizeof(insn) ||
      std::memcmp(insn, kSyscallInsn, sizeof(insn)) != 0 || (entry.orig_rax & __X32_SYSCALL_BIT) != 0)
    return res;
  if (program.empty() || program.size() % sizeof(sock_filter) != 0 ||
      program.size() / sizeof(sock_filter) > BPF_MAXINSNS) {
    res.kind = InjectionResult::Kind::kFailed;
    res.error = "bad filter program size " + std::to_string(program.size());
    return res;
  }

  // No signal handler may run on our registers: block everything while borrowed.
  uint64_t old_mask = 0;
  const uint64_t all = ~uint64_t{0};
  if (ptrace(PTRACE_GETSIGMASK, tid, reinterpret_cast<void*>(sizeof(old_mask)), &old_mask) != 0 ||
      ptrace(PTRACE_SETSIGMASK, tid, reinterpret_cast<void*>(sizeof(all)), &all) != 0)
    return res;

  Borrowed b(tid, entry);
  auto finish = [&](InjectionResult::Kind kind, std::string error) {
    InjectionResult& r = b.result();
    if (r.kind == InjectionResult::Kind::kLost) return r;  // nothing left to restore
    r.kind = kind;
    r.error = std::move(error);
    if (!b.give_back() ||
        ptrace(PTRACE_SETSIGMASK, tid, reinterpret_cast<void*>(sizeof(old_mask)), &old_mask) != 0) {
      r.kind = InjectionResult::Kind::kFailed;
      r.error = "cannot restore the thread: " + std::string(std::strerror(errno));
    }
    if (b.held_stop()) ::syscall(SYS_tkill, tid, SIGSTOP);
    return r;
  };

  ProgramPage page;
  page.size = (sizeof(sock_fprog) + program.size() + 4095) & ~size_t{4095};
  int64_t ret = 0;
  if (!b.call(SYS_mmap, {0, page.size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, ~uint64_t{0}, 0}, &ret))
    return finish(InjectionResult::Kind::kLost, "");
  if (ret < 0 && ret >= -4095) return finish(InjectionResult::Kind::kFailed, std::string("mmap in the tracee: ") + std::strerror(static_cast<int>(-ret)));
  page.addr = static_cast<uint64_t>(ret);

  // The tracee's struct sock_fprog: its pointer is the tracee's address, not ours.
  std::vector<uint8_t> image(sizeof(sock_fprog) + program.size());
  sock_fprog fprog{};
  fprog.len = static_cast<unsigned short>(program.size() / sizeof(sock_filter));
  fprog.filter = reinterpret_cast<sock_filter*>(page.addr + sizeof(sock_fprog));
  std::memcpy(image.data(), &fprog, sizeof(fprog));
  std::memcpy(image.data() + sizeof(fprog), program.data(), program.size());

  std::string error;
  if (!write_memory(tid, page.addr, image.data(), image.size())) {
    error = std::string("cannot write the filter into the tracee: ") + std::strerror(errno);
  } else {
    const uint64_t flags = SECCOMP_FILTER_FLAG_TSYNC;
    if (!b.call(SYS_seccomp, {SECCOMP_SET_MODE_FILTER, flags, page.addr}, &ret)) return finish(InjectionResult::Kind::kLost, "");
    if (ret == -EACCES) {
      // No CAP_SYS_ADMIN in its namespace: the same fallback as at spawn (see tracer/README.md).
      int64_t nnp = 0;
      if (!b.call(SYS_prctl, {PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0}, &nnp)) return finish(InjectionResult::Kind::kLost, "");
      if (nnp == 0) {
        b.result().set_no_new_privs = true;
        if (!b.call(SYS_seccomp, {SECCOMP_SET_MODE_FILTER, flags, page.addr}, &ret)) return finish(InjectionResult::Kind::kLost, "");
      }
    }
    if (ret > 0) {
      error = "thread " + std::to_string(ret) + " of the process could not take the filter (TSYNC)";
    } else if (ret < 0) {
      error = std::string("seccomp in the tracee: ") + std::strerror(static_cast<int>(-ret));
    }
  }
  int64_t unmapped = 0;
  if (!b.call(SYS_munmap, {page.addr, page.size}, &unmapped)) return finish(InjectionResult::Kind::kLost, "");
  return error.empty() ? finish(InjectionResult::Kind::kInstalled, "") : finish(InjectionResult::Kind::kFailed, error);
}

}  // namespace saker::tracer
