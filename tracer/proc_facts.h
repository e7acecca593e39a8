#pragma once
// What /proc says about one traced thread, in the units and encodings the scap clone/execve exit
// events carry (the facts a kernel driver reads from task_struct). Read while the thread is
// stopped, so the answer is the thread's state at that stop.
//
// Every reader is bounded and tolerant: a missing or unreadable file leaves the defaults. The
// strings are members reused across reads (their capacity stays), so steady-state reads do not
// allocate beyond what the kernel's text needs.
#include <sys/types.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace saker::tracer {

struct ProcFacts {
  // Process identity (host view) and namespace view.
  int64_t tid = -1, pid = -1, ptid = -1;
  int64_t vtid = -1, vpid = -1;      // innermost pid namespace (NSpid / NStgid)
  int64_t pgid = -1, vpgid = -1;     // process group, host and innermost namespace
  // Command: argv[0] as `exe`, the rest NUL-terminated back to back as `args` (scap layout).
  std::string exe;
  std::string args;
  std::string comm;
  std::string cwd;
  std::string env;      // NUL-terminated strings back to back
  std::string cgroups;  // "subsys=path\0" per controller
  std::string exepath;  // readlink(/proc/PID/exe): the trusted exe path
  // Limits and memory.
  int64_t fdlimit = 0;
  uint64_t pgft_maj = 0, pgft_min = 0;
  uint32_t vm_size_kb = 0, vm_rss_kb = 0, vm_swap_kb = 0;
  // Credentials.
  uint32_t uid = 0, gid = 0;     // effective
  uint32_t ruid = 0, rgid = 0;
  uint32_t loginuid = 0xffffffffu;
  uint64_t cap_inheritable = 0, cap_permitted = 0, cap_effective = 0;
  uint32_t tty = 0;  // controlling tty, device number encoded as the drivers do
  // The executable's inode facts.
  uint32_t exe_flags = 0;  // PPM_EXE_WRITABLE | PPM_EXE_UPPER_LAYER | PPM_EXE_FROM_MEMFD | ...
  uint64_t exe_ino = 0, exe_ctime_ns = 0, exe_mtime_ns = 0;
};

class ProcReader {
 public:
  // What to read: the clone event needs less than execve (no env, no exe inode facts).
  enum Parts : uint32_t {
    kIds = 1, kCmdline = 2, kComm = 4, kCwd = 8, kEnv = 16, kCgroups = 32, kExe = 64,
    kLimits = 128, kStat = 256, kStatus = 512, kLoginuid = 1024,
    kClone = kIds | kCmdline | kComm | kCwd | kCgroups | kLimits | kStat | kStatus,
    kExecve = kClone | kEnv | kExe | kLoginuid,
  };

  // Reads /proc/<tgid>/task/<tid> facts into *out (fields not in `parts` keep their values).
  // tgid may be 0 (then /proc/<tid> is used). Returns false if the thread is gone.
  bool read(pid_t tid, pid_t tgid, uint32_t parts, ProcFacts* out);

  // Caps on the sizes copied, as the drivers cap them (one page each).
  static constexpr size_t kMaxArgs = 4096;
  static constexpr size_t kMaxEnv = 4096;
  static constexpr size_t kMaxCgroups = 4096;

 private:
  bool slurp(const char* path, std::string* out, size_t max);
  std::string buf_;
  char path_[96];
};

// Device number in the encoding the drivers use for dev params (also /proc's tty_nr):
// minor low byte, major in bits 8..19, the minor's high bits from bit 20.
uint32_t encode_dev(uint32_t major, uint32_t minor);

}  // namespace saker::tracer
