#include "tracer/proc_facts.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace saker::tracer {
namespace {

constexpr uint32_t kExeWritable = 1u, kExeFromMemfd = 4u;  // PPM_EXE_* (ppm_flags.h)

// Next whitespace-separated token of s after position *pos.
std::string_view token(std::string_view s, size_t* pos) {
  size_t i = *pos;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  size_t j = i;
  while (j < s.size() && s[j] != ' ' && s[j] != '\t' && s[j] != '\n') ++j;
  *pos = j;
  return s.substr(i, j - i);
}

int64_t to_i64(std::string_view s, int base = 10) {
  char tmp[32];
  const size_t n = s.size() < sizeof(tmp) - 1 ? s.size() : sizeof(tmp) - 1;
  std::memcpy(tmp, s.data(), n);
  tmp[n] = 0;
  return std::strtoll(tmp, nullptr, base);
}

uint64_t to_u64(std::string_view s, int base = 10) {
  char tmp[32];
  const size_t n = s.size() < sizeof(tmp) - 1 ? s.size() : sizeof(tmp) - 1;
  std::memcpy(tmp, s.data(), n);
  tmp[n] = 0;
  return std::strtoull(tmp, nullptr, base);
}

// The value of "Key:\t..." in a /proc status-like text.
std::string_view field(std::string_view text, std::string_view key) {
  size_t at = 0;
  while (at < text.size()) {
    size_t eol = text.find('\n', at);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(at, eol - at);
    if (line.size() > key.size() && line.substr(0, key.size()) == key && line[key.size()] == ':') {
      return line.substr(key.size() + 1);
    }
    at = eol + 1;
  }
  return {};
}

// The last whitespace-separated token (innermost namespace for NSpid lines).
std::string_view last_token(std::string_view s) {
  size_t pos = 0;
  std::string_view last;
  for (;;) {
    std::string_view t = token(s, &pos);
    if (t.empty()) break;
    last = t;
  }
  return last;
}

bool readlink_into(const char* path, std::string* out) {
  char buf[4096];
  ssize_t n = readlink(path, buf, sizeof(buf));
  if (n < 0) return false;
  out->assign(buf, static_cast<size_t>(n));
  return true;
}

}  // namespace

uint32_t encode_dev(uint32_t major, uint32_t minor) {
  return (minor & 0xffu) | (major << 8) | ((minor & ~0xffu) << 12);
}

bool ProcReader::slurp(const char* path, std::string* out, size_t max) {
  out->clear();
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char chunk[4096];
  while (out->size() < max) {
    const size_t want = max - out->size() < sizeof(chunk) ? max - out->size() : sizeof(chunk);
    ssize_t n = ::read(fd, chunk, want);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    out->append(chunk, static_cast<size_t>(n));
  }
  close(fd);
  return true;
}

bool ProcReader::read(pid_t tid, pid_t tgid, uint32_t parts, ProcFacts* f) {
  if (tgid <= 0) tgid = tid;
  // Process-wide files through /proc/<tgid>, thread ones through /proc/<tgid>/task/<tid>.
  auto P = [&](const char* leaf) {
    std::snprintf(path_, sizeof(path_), "/proc/%d/%s", tgid, leaf);
    return path_;
  };
  auto T = [&](const char* leaf) {
    std::snprintf(path_, sizeof(path_), "/proc/%d/task/%d/%s", tgid, tid, leaf);
    return path_;
  };
  f->tid = tid;
  if (parts & (kStatus | kIds)) {
    if (!slurp(T("status"), &buf_, 16384)) return false;
    std::string_view s = buf_;
    f->pid = to_i64(last_token(field(s, "Tgid")));
    f->ptid = to_i64(last_token(field(s, "PPid")));
    std::string_view nspid = field(s, "NSpid");
    f->vtid = nspid.empty() ? tid : to_i64(last_token(nspid));
    std::string_view nstgid = field(s, "NStgid");
    f->vpid = nstgid.empty() ? f->pid : to_i64(last_token(nstgid));
    std::string_view nspgid = field(s, "NSpgid");
    if (!nspgid.empty()) f->vpgid = to_i64(last_token(nspgid));
    size_t pos = 0;
    std::string_view uids = field(s, "Uid");
    f->ruid = static_cast<uint32_t>(to_u64(token(uids, &pos)));
    f->uid = static_cast<uint32_t>(to_u64(token(uids, &pos)));
    pos = 0;
    std::string_view gids = field(s, "Gid");
    f->rgid = static_cast<uint32_t>(to_u64(token(gids, &pos)));
    f->gid = static_cast<uint32_t>(to_u64(token(gids, &pos)));
    f->cap_inheritable = to_u64(last_token(field(s, "CapInh")), 16);
    f->cap_permitted = to_u64(last_token(field(s, "CapPrm")), 16);
    f->cap_effective = to_u64(last_token(field(s, "CapEff")), 16);
    f->vm_size_kb = static_cast<uint32_t>(to_u64(token(field(s, "VmSize"), &(pos = 0))));
    f->vm_rss_kb = static_cast<uint32_t>(to_u64(token(field(s, "VmRSS"), &(pos = 0))));
    f->vm_swap_kb = static_cast<uint32_t>(to_u64(token(field(s, "VmSwap"), &(pos = 0))));
  }
  if (parts & kStat) {
    if (slurp(T("stat"), &buf_, 4096)) {
      // "pid (comm) state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt ..."
      std::string_view s = buf_;
      size_t close_paren = s.rfind(')');
      if (close_paren != std::string_view::npos) {
        size_t pos = close_paren + 1;
        std::string_view fields[12];
        for (auto& x : fields) x = token(s, &pos);
        // fields: 0 state 1 ppid 2 pgrp 3 session 4 tty_nr 5 tpgid 6 flags 7 minflt 8 cminflt
        // 9 majflt 10 cmajflt
        f->pgid = to_i64(fields[2]);
        if (f->vpgid < 0) f->vpgid = f->pgid;
        f->tty = static_cast<uint32_t>(to_u64(fields[4]));
        f->pgft_min = to_u64(fields[7]);
        f->pgft_maj = to_u64(fields[9]);
      }
    }
  }
  if (parts & kCmdline) {
    f->exe.clear();
    f->args.clear();
    if (slurp(P("cmdline"), &buf_, kMaxArgs + 4096)) {
      std::string_view s = buf_;
      size_t nul = s.find('\0');
      if (nul == std::string_view::npos) {
        f->exe.assign(s);
      } else {
        f->exe.assign(s.substr(0, nul));
        std::string_view rest = s.substr(nul + 1);
        if (rest.size() > kMaxArgs) {
          rest = rest.substr(0, kMaxArgs);
          size_t last = rest.rfind('\0');
          rest = last == std::string_view::npos ? std::string_view() : rest.substr(0, last + 1);
        }
        f->args.assign(rest);
        if (!f->args.empty() && f->args.back() != '\0') f->args.push_back('\0');
      }
    }
  }
  if (parts & kComm) {
    if (slurp(T("comm"), &f->comm, 64)) {
      while (!f->comm.empty() && f->comm.back() == '\n') f->comm.pop_back();
    }
  }
  if (parts & kCwd) {
    if (!readlink_into(P("cwd"), &f->cwd)) f->cwd.clear();
  }
  if (parts & kEnv) {
    f->env.clear();
    if (slurp(P("environ"), &buf_, kMaxEnv)) {
      std::string_view e = buf_;
      if (e.size() >= kMaxEnv) {
        size_t last = e.rfind('\0');
        e = last == std::string_view::npos ? std::string_view() : e.substr(0, last + 1);
      }
      f->env.assign(e);
    }
  }
  if (parts & kCgroups) {
    f->cgroups.clear();
    if (slurp(P("cgroup"), &buf_, 16384)) {
      // "id:controllers:path" lines; cgroup v2 is "0::path" (no controller list): reported under
      // the v2 controllers the kernel enables, as the drivers report the css of each subsystem.
      std::string_view s = buf_;
      size_t at = 0;
      std::string v2path;
      bool has_v2 = false;
      while (at < s.size()) {
        size_t eol = s.find('\n', at);
        if (eol == std::string_view::npos) eol = s.size();
        std::string_view line = s.substr(at, eol - at);
        at = eol + 1;
        size_t c1 = line.find(':');
        if (c1 == std::string_view::npos) continue;
        size_t c2 = line.find(':', c1 + 1);
        if (c2 == std::string_view::npos) continue;
        std::string_view ctrls = line.substr(c1 + 1, c2 - c1 - 1);
        std::string_view path = line.substr(c2 + 1);
        if (ctrls.empty()) {
          has_v2 = true;
          v2path.assign(path);
          continue;
        }
        while (!ctrls.empty()) {
          size_t comma = ctrls.find(',');
          std::string_view c = ctrls.substr(0, comma);
          if (c.substr(0, 5) == "name=") c.remove_prefix(5);
          if (f->cgroups.size() + c.size() + path.size() + 2 <= kMaxCgroups) {
            f->cgroups.append(c).append("=").append(path).push_back('\0');
          }
          if (comma == std::string_view::npos) break;
          ctrls.remove_prefix(comma + 1);
        }
      }
      if (has_v2 && f->cgroups.empty()) {
        static const char* kV2[] = {"cpuset", "cpu", "cpuacct", "io", "memory", "hugetlb",
                                    "pids", "rdma", "misc"};
        for (const char* c : kV2) {
          f->cgroups.append(c).append("=").append(v2path).push_back('\0');
        }
      }
    }
  }
  if (parts & kLimits) {
    if (slurp(P("limits"), &buf_, 8192)) {
      std::string_view s = buf_;
      size_t at = s.find("Max open files");
      if (at != std::string_view::npos) {
        size_t pos = at + 14;
        std::string_view soft = token(s, &pos);
        f->fdlimit = soft == "unlimited" ? -1 : to_i64(soft);
      }
    }
  }
  if (parts & kLoginuid) {
    if (slurp(P("loginuid"), &buf_, 32)) f->loginuid = static_cast<uint32_t>(to_u64(buf_));
  }
  if (parts & kExe) {
    f->exe_flags = 0;
    f->exe_ino = f->exe_ctime_ns = f->exe_mtime_ns = 0;
    if (!readlink_into(P("exe"), &f->exepath)) f->exepath.clear();
    struct stat st;
    if (stat(P("exe"), &st) == 0) {
      f->exe_ino = st.st_ino;
      f->exe_ctime_ns = static_cast<uint64_t>(st.st_ctim.tv_sec) * 1000000000ull +
                        static_cast<uint64_t>(st.st_ctim.tv_nsec);
      f->exe_mtime_ns = static_cast<uint64_t>(st.st_mtim.tv_sec) * 1000000000ull +
                        static_cast<uint64_t>(st.st_mtim.tv_nsec);
      // Writable by the process's effective ids (root: always, as the kernel's permission check
      // passes with CAP_DAC_OVERRIDE).
      bool w = f->uid == 0 || (st.st_uid == f->uid && (st.st_mode & S_IWUSR)) ||
               (st.st_gid == f->gid && (st.st_mode & S_IWGRP)) || (st.st_mode & S_IWOTH);
      if (w) f->exe_flags |= kExeWritable;
    }
    if (f->exepath.rfind("/memfd:", 0) == 0) f->exe_flags |= kExeFromMemfd;
  }
  return true;
}

}  // namespace saker::tracer
