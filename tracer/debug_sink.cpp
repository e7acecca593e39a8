#include "tracer/debug_sink.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include <cinttypes>
#include <cstring>
#include <map>
#include <string_view>
#include <vector>

#include "tracer/syscall_set.h"
#include "tracer/tracee_memory.h"

namespace saker::tracer {
namespace {

constexpr size_t kMaxString = 4096;
constexpr size_t kMaxArgv = 256;

// Argument kinds: d = int, x = hex, o = octal, s = string, f = dirfd, v = argv, e = envp (count).
const std::map<std::string_view, std::string_view>& arg_kinds() {
  static const std::map<std::string_view, std::string_view> m = {
      {"open", "sxo"},        {"openat", "fsxo"},     {"openat2", "fsxd"},
      {"creat", "so"},        {"execve", "sve"},      {"execveat", "fsvex"},
      {"chdir", "s"},         {"fchdir", "d"},        {"chroot", "s"},
      {"unlink", "s"},        {"unlinkat", "fsx"},    {"rmdir", "s"},
      {"mkdir", "so"},        {"mkdirat", "fso"},     {"rename", "ss"},
      {"renameat", "fsfs"},   {"renameat2", "fsfsx"}, {"link", "ss"},
      {"linkat", "fsfsx"},    {"symlink", "ss"},      {"symlinkat", "sfs"},
      {"chmod", "so"},        {"fchmodat", "fso"},    {"chown", "sdd"},
      {"lchown", "sdd"},      {"fchownat", "fsddx"},  {"mount", "sssx"},
      {"umount2", "sx"},      {"exit", "d"},          {"exit_group", "d"},
      {"close", "d"},         {"dup", "d"},           {"dup2", "dd"},
      {"dup3", "ddx"},        {"kill", "dd"},         {"tgkill", "ddd"},
      {"clone", "xxxxx"},     {"clone3", "xd"},       {"fork", ""},
      {"vfork", ""},          {"ptrace", "ddxx"},     {"seccomp", "dxx"},
      {"prctl", "dxxxx"},     {"io_uring_setup", "dx"}, {"io_uring_register", "ddxd"},
      {"setuid", "d"},        {"setgid", "d"},        {"socket", "ddd"},
      {"connect", "dxd"},     {"bind", "dxd"},        {"listen", "dd"},
      {"getpid", ""},         {"gettid", ""},         {"write", "dxd"},
      {"read", "dxd"},        {"memfd_create", "sx"}, {"pipe2", "xx"},
  };
  return m;
}

void append_escaped(std::string* out, const std::string& s) {
  out->push_back('"');
  for (unsigned char c : s) {
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\t': out->append("\\t"); break;
      case '\r': out->append("\\r"); break;
      case '\v': out->append("\\v"); break;
      case '\f': out->append("\\f"); break;
      default:
        if (c < 0x20 || c >= 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof(buf), "\\%o", c);
          out->append(buf);
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
  }
  out->push_back('"');
}

void append_string_arg(std::string* out, pid_t tid, uint64_t addr) {
  std::string s;
  bool truncated = false;
  if (addr == 0) {
    out->append("NULL");
  } else if (!TraceeMemory::read_string(tid, addr, kMaxString, &s, &truncated)) {
    char buf[32];
    std::snprintf(buf, sizeof(buf), "0x%" PRIx64, addr);
    out->append(buf);
  } else {
    append_escaped(out, s);
    if (truncated) out->append("...");
  }
}

std::string sig_name(int sig) {
  const char* abbrev = sigabbrev_np(sig);
  char buf[32];
  if (abbrev != nullptr) {
    std::snprintf(buf, sizeof(buf), "SIG%s", abbrev);
  } else {
    std::snprintf(buf, sizeof(buf), "SIG%d", sig);
  }
  return buf;
}

}  // namespace

std::string DebugSink::format_call(const Tracee& t, const SyscallRegs& r) {
  const std::string& name = syscall_name(r.arch, r.nr);
  std::string line = std::to_string(t.tid) + " " + name + "(";
  auto it = arg_kinds().find(name);
  std::string_view kinds = it != arg_kinds().end() ? it->second : std::string_view("xxxxxx");
  const size_t ptr_size = r.arch == kAuditArchI386 ? 4 : 8;
  char buf[64];
  for (size_t i = 0; i < kinds.size() && i < 6; ++i) {
    if (i) line.append(", ");
    const uint64_t a = r.args[i];
    switch (kinds[i]) {
      case 'd':
        line.append(std::to_string(static_cast<int32_t>(a)));
        break;
      case 'o':
        std::snprintf(buf, sizeof(buf), "0%" PRIo64, a);
        line.append(buf);
        break;
      case 'f':
        if (static_cast<int32_t>(a) == -100) {
          line.append("AT_FDCWD");
        } else {
          line.append(std::to_string(static_cast<int32_t>(a)));
        }
        break;
      case 's':
        append_string_arg(&line, t.tid, a);
        break;
      case 'v': {
        std::vector<uint64_t> ptrs;
        bool more = false;
        if (!TraceeMemory::read_pointer_array(t.tid, a, ptr_size, kMaxArgv, &ptrs, &more)) {
          std::snprintf(buf, sizeof(buf), "0x%" PRIx64, a);
          line.append(buf);
          break;
        }
        line.push_back('[');
        for (size_t k = 0; k < ptrs.size(); ++k) {
          if (k) line.append(", ");
          append_string_arg(&line, t.tid, ptrs[k]);
        }
        if (more) line.append(", ...");
        line.push_back(']');
        break;
      }
      case 'e': {
        std::vector<uint64_t> ptrs;
        bool more = false;
        TraceeMemory::read_pointer_array(t.tid, a, ptr_size, 4096, &ptrs, &more);
        std::snprintf(buf, sizeof(buf), "0x%" PRIx64 " /* %zu vars */", a, ptrs.size());
        line.append(buf);
        break;
      }
      default:
        std::snprintf(buf, sizeof(buf), "0x%" PRIx64, a);
        line.append(buf);
    }
  }
  line.push_back(')');
  return line;
}

// A syscall that entered but whose thread died (or vanished) before it returned.
void DebugSink::flush_unfinished(pid_t tid) {
  auto it = pending_.find(tid);
  if (it == pending_.end()) return;
  std::fprintf(out_, "%s = ?\n", it->second.c_str());
  pending_.erase(it);
}

ExitStop DebugSink::on_syscall_enter(Tracee& t, const SyscallRegs& regs) {
  std::string line = format_call(t, regs);
  const std::string& name = syscall_name(regs.arch, regs.nr);
  if (name == "exit" || name == "exit_group") {
    std::fprintf(out_, "%s = ?\n", line.c_str());
    return ExitStop::kSkip;
  }
  pending_[t.tid] = std::move(line);
  return ExitStop::kTake;
}

void DebugSink::on_syscall_exit(Tracee& t, const SyscallRegs& entry, const SyscallRegs& exit) {
  std::string line;
  auto it = pending_.find(t.tid);
  if (it != pending_.end()) {
    line = std::move(it->second);
    pending_.erase(it);
  } else {
    line = format_call(t, entry);
  }
  if (exit.is_error) {
    const int err = static_cast<int>(-exit.ret);
    const char* ename = strerrorname_np(err);
    char ebuf[24];
    if (ename == nullptr) {
      std::snprintf(ebuf, sizeof(ebuf), "E%d", err);  // ERESTARTSYS and other kernel-internal
      ename = ebuf;
    }
    std::fprintf(out_, "%s = -1 %s (%s)\n", line.c_str(), ename, std::strerror(err));
  } else {
    std::fprintf(out_, "%s = %" PRId64 "\n", line.c_str(), exit.ret);
  }
}

void DebugSink::on_process_event(Tracee& t, const ProcessEvent& ev) {
  switch (ev.kind) {
    case ProcessEventKind::kNew:
      std::fprintf(out_, "%d # new tgid=%d\n", t.tid, t.tgid);
      break;
    case ProcessEventKind::kFork:
    case ProcessEventKind::kVfork:
    case ProcessEventKind::kClone:
      std::fprintf(out_, "%d # %s child=%d%s\n", t.tid,
                   ev.kind == ProcessEventKind::kFork    ? "fork"
                   : ev.kind == ProcessEventKind::kVfork ? "vfork"
                                                         : "clone",
                   ev.child, ev.is_thread ? " thread" : "");
      break;
    case ProcessEventKind::kExec: {
      std::fprintf(out_, "%d # exec old_tid=%d\n", t.tid, ev.old_tid);
      if (ev.old_tid != t.tid) {
        // The pending execve line moves with the thread to its new tid.
        auto it = pending_.find(ev.old_tid);
        if (it != pending_.end()) {
          pending_[t.tid] = std::move(it->second);
          pending_.erase(it);
        }
      }
      break;
    }
    case ProcessEventKind::kExit:
      break;  // the death report prints the status
    case ProcessEventKind::kVanished:
      flush_unfinished(t.tid);
      std::fprintf(out_, "%d # vanished\n", t.tid);
      break;
    case ProcessEventKind::kDeath:
      flush_unfinished(t.tid);
      if (WIFEXITED(ev.status)) {
        std::fprintf(out_, "%d +++ exited with %d +++\n", t.tid, WEXITSTATUS(ev.status));
      } else if (WIFSIGNALED(ev.status)) {
        std::fprintf(out_, "%d +++ killed by %s%s +++\n", t.tid,
                     sig_name(WTERMSIG(ev.status)).c_str(),
                     WCOREDUMP(ev.status) ? " (core dumped)" : "");
      }
      break;
    case ProcessEventKind::kSignal:
      std::fprintf(out_, "%d --- %s ---\n", t.tid, sig_name(ev.signal).c_str());
      break;
    case ProcessEventKind::kGroupStop:
      std::fprintf(out_, "%d --- stopped by %s ---\n", t.tid, sig_name(ev.signal).c_str());
      break;
    case ProcessEventKind::kSeccompTrace:
      std::fprintf(out_, "%d # own seccomp RET_TRACE data=%d\n", t.tid, ev.status);
      break;
  }
}

}  // namespace saker::tracer
