#pragma once
// The syscall encoders: one function per event, grouped by family (file.cpp, process.cpp,
// net.cpp). An encoder appends the params of its event, in schema order, through an EventBuilder;
// the caller (EventSink) starts the event, stamps it and hands it to the output.
//
// Facts follow the kernel drivers: native flags become PPM flags (ppm_convert.h), paths are the
// tracee's own strings (relative ones are resolved by the engine), a pointer that cannot be read
// gives an empty param, socket tuples come from the tracee's socket itself (pidfd_getfd +
// getsockname/getpeername, or /proc/PID/net), byte buffers are cut at the snap length.
#include <sys/types.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "engine/events/event_builder.h"
#include "tracer/proc_facts.h"
#include "tracer/syscall_regs.h"

namespace saker::tracer::encode {

inline constexpr uint32_t kSnapLen = 80;      // data bytes of read/write-like events (sysdig's)
inline constexpr size_t kMaxPath = 4096;      // PATH_MAX

// Per-thread memory of a syscall in flight (kept by the sink between entry and exit).
struct Pending {
  std::string path;      // execve filename read at entry (gone from memory after a good exec)
  bool existed = true;   // open family with O_CREAT: the file existed at entry
};

// Long-lived helpers shared by all encoders (one per sink): scratch strings whose capacity
// stays, the /proc reader, and per-process pidfds for reading sockets.
class Helpers {
 public:
  ~Helpers();
  std::string str[4];          // scratch strings for paths read from the tracee
  std::string bytes;           // scratch buffer for data reads
  ProcReader proc;
  ProcFacts facts;             // facts of the last read (clone / execve)

  // A copy of the tracee's fd in this process (pidfd_getfd), -1 if unavailable. Cached per
  // call; closed by release_fd().
  int grab_fd(pid_t tgid, int fd);
  void release_fd(int fd);
  // Forgets a process (its pidfd).
  void forget_process(pid_t tgid);

 private:
  int pidfd(pid_t tgid);
  pid_t pidfd_tgid_ = 0;
  int pidfd_ = -1;
};

// One syscall stop as the encoders see it.
struct Ctx {
  events::EventBuilder& b;
  Helpers& h;
  Pending& pend;
  pid_t tid;
  pid_t tgid;
  const SyscallRegs& in;  // entry registers
  uint32_t nr = 0;        // native (x86_64) syscall number of the call
  int64_t ret = 0;        // exit only: return value (-errno on failure)
  bool at_exit = false;
  bool facts_ready = false;  // h.facts already hold this thread's facts for this stop
  uint32_t ptr_size = 8;  // 4 for ia32 / x32 tracees

  uint64_t arg(int i) const { return in.args[i]; }
  int64_t sarg(int i) const { return ptr_size == 8 ? static_cast<int64_t>(in.args[i])
                                                   : static_cast<int32_t>(in.args[i]); }
  int64_t fd_arg(int i) const { return static_cast<int32_t>(in.args[i]); }

  // Reads the string at addr into scratch slot `slot`; false when NULL or unreadable.
  bool read_str(uint64_t addr, int slot, size_t max = kMaxPath);
  // Appends the string at args[i] (Charbuf / Fspath), or an empty param.
  void add_path(int i, int slot = 0);
  void add_str_at(uint64_t addr, int slot = 0);
  // Appends up to `len` (<= kSnapLen) bytes at addr as a Bytebuf (empty when unreadable).
  void add_data(uint64_t addr, uint64_t len);
  // Appends the sockaddr at addr (len bytes) in scap encoding, or an empty param.
  void add_sockaddr(uint64_t addr, uint64_t len);
  // Appends the socket tuple of the tracee's fd. outbound: local → remote (connect, send);
  // inbound: remote → local (accept, recv). usr_addr/usr_len: the syscall's address argument,
  // used for the remote end when the socket itself has none (unconnected UDP).
  void add_tuple(int64_t fd, bool outbound, uint64_t usr_addr, uint64_t usr_len);
  // dev and ino of the tracee's fd (0 when unknown).
  void fd_dev_ino(int64_t fd, uint32_t* dev, uint64_t* ino);
  // The inode of a socket / pipe fd ("socket:[N]" / "pipe:[N]" link), 0 when unknown.
  uint64_t fd_inode(int64_t fd);
};

using EncodeFn = void (*)(Ctx&);

struct NamedEncoder {
  const char* syscall;
  EncodeFn enter;  // nullptr: no enter event
  EncodeFn exit;
};

// The encoders of each family (file.cpp, process.cpp, net.cpp).
extern const NamedEncoder kFileEncoders[];
extern const size_t kFileEncodersCount;
extern const NamedEncoder kProcessEncoders[];
extern const size_t kProcessEncodersCount;
extern const NamedEncoder kNetEncoders[];
extern const size_t kNetEncodersCount;

// Process-event encoders (process.cpp): the clone exit seen by the child, execve, procexit.
// `exit_type` is the clone-family exit event type; `native_flags` the clone flags.
void encode_clone_exit(Ctx& c, int64_t res, uint64_t native_flags, bool in_child);
void encode_procexit(events::EventBuilder& b, int status);

}  // namespace saker::tracer::encode
