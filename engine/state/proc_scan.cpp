#include "engine/state/proc_scan.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#include "engine/events/ppm_flags.h"

namespace saker::state {

namespace {

bool slurp(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

std::string readlink_str(const std::string& path) {
  char buf[4096];
  ssize_t n = ::readlink(path.c_str(), buf, sizeof(buf) - 1);
  if (n < 0) return {};
  return std::string(buf, static_cast<size_t>(n));
}

std::vector<int64_t> list_numeric(const std::string& dir) {
  std::vector<int64_t> out;
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) return out;
  while (dirent* e = ::readdir(d)) {
    char* end = nullptr;
    long long v = std::strtoll(e->d_name, &end, 10);
    if (end != e->d_name && *end == '\0') out.push_back(v);
  }
  ::closedir(d);
  return out;
}

// Value of "Key:\t..." in /proc/PID/status, split into whitespace-separated numbers.
std::vector<uint64_t> status_nums(const std::string& status, std::string_view key, int base = 10) {
  std::vector<uint64_t> v;
  size_t pos = status.find(std::string(key) + ":");
  if (pos == std::string::npos) return v;
  std::istringstream line(status.substr(pos + key.size() + 1, status.find('\n', pos) - pos - key.size() - 1));
  std::string tok;
  while (line >> tok) v.push_back(std::strtoull(tok.c_str(), nullptr, base));
  return v;
}

// Parses a hex address "0100007F:1F90" of /proc/net/tcp into 4 or 16 raw bytes and a port.
void parse_net_addr(const std::string& s, uint8_t* ip, size_t iplen, uint16_t& port) {
  size_t colon = s.find(':');
  std::string hex = s.substr(0, colon);
  // The kernel prints each 32-bit word in host byte order.
  for (size_t w = 0; w < iplen / 4; ++w) {
    uint32_t word = static_cast<uint32_t>(std::strtoul(hex.substr(w * 8, 8).c_str(), nullptr, 16));
    std::memcpy(ip + w * 4, &word, 4);
  }
  port = static_cast<uint16_t>(std::strtoul(s.substr(colon + 1).c_str(), nullptr, 16));
}

}  // namespace

void ProcScan::load_sockets() {
  sockets_loaded_ = true;
  struct Src { const char* file; bool v6; uint8_t l4; };
  const Src srcs[] = {{"tcp", false, 2}, {"udp", false, 3}, {"tcp6", true, 2}, {"udp6", true, 3}};
  for (const Src& s : srcs) {
    std::ifstream in(root_ + "/net/" + s.file);
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
      std::istringstream ls(line);
      std::string sl, local, remote, st, queues, tr, retr, uid, timeout, inode;
      ls >> sl >> local >> remote >> st >> queues >> tr >> retr >> uid >> timeout >> inode;
      if (inode.empty()) continue;
      scap::FdInfo f;
      f.ino = std::strtoull(inode.c_str(), nullptr, 10);
      if (f.ino == 0) continue;
      f.l4proto = s.l4;
      const bool listening = st == "0A" || (s.l4 == 3 && remote.find_first_not_of("0:") == std::string::npos);
      if (s.v6) {
        parse_net_addr(local, f.sip6.data(), 16, f.sport);
        parse_net_addr(remote, f.dip6.data(), 16, f.dport);
        f.type = listening ? scap::FdType::Ipv6ServSock : scap::FdType::Ipv6Sock;
      } else {
        parse_net_addr(local, reinterpret_cast<uint8_t*>(&f.sip4), 4, f.sport);
        parse_net_addr(remote, reinterpret_cast<uint8_t*>(&f.dip4), 4, f.dport);
        f.type = listening ? scap::FdType::Ipv4ServSock : scap::FdType::Ipv4Sock;
      }
      sockets_[f.ino] = f;
    }
  }
  std::ifstream un(root_ + "/net/unix");
  std::string line;
  std::getline(un, line);
  while (std::getline(un, line)) {
    std::istringstream ls(line);
    std::string num, refc, proto, flags, type, st, inode, path;
    ls >> num >> refc >> proto >> flags >> type >> st >> inode >> path;
    scap::FdInfo f;
    f.type = scap::FdType::UnixSock;
    f.ino = std::strtoull(inode.c_str(), nullptr, 10);
    f.unix_source = std::strtoull(num.c_str(), nullptr, 16);
    f.name = path;
    if (f.ino != 0) sockets_[f.ino] = f;
  }
}

bool ProcScan::read_thread(int64_t pid, int64_t tid, scap::ProcessInfo& out) const {
  const std::string dir = root_ + "/" + std::to_string(pid) + "/task/" + std::to_string(tid);
  const std::string pdir = root_ + "/" + std::to_string(pid);
  std::string stat, status, buf;
  if (!slurp(dir + "/stat", stat) || !slurp(dir + "/status", status)) return false;
  out = scap::ProcessInfo{};
  out.tid = static_cast<uint64_t>(tid);
  out.pid = static_cast<uint64_t>(pid);
  // stat: "pid (comm) state ppid pgrp session tty_nr ..."; comm may hold spaces and ')'.
  size_t lp = stat.find('('), rp = stat.rfind(')');
  if (lp == std::string::npos || rp == std::string::npos) return false;
  out.comm = stat.substr(lp + 1, rp - lp - 1);
  std::istringstream rest(stat.substr(rp + 2));
  std::string state;
  int64_t ppid = 0, pgrp = 0, session = 0, tty = 0;
  rest >> state >> ppid >> pgrp >> session >> tty;
  std::string skip;
  uint64_t minflt = 0, majflt = 0;
  rest >> skip >> skip >> minflt >> skip >> majflt;
  out.pfminor = minflt;
  out.pfmajor = majflt;
  out.ptid = static_cast<uint64_t>(ppid);
  out.sid = session;
  out.pgid = pgrp;
  out.tty = static_cast<uint32_t>(tty);
  if (auto v = status_nums(status, "Uid"); v.size() >= 2) out.uid = static_cast<uint32_t>(v[1]);
  if (auto v = status_nums(status, "Gid"); v.size() >= 2) out.gid = static_cast<uint32_t>(v[1]);
  if (auto v = status_nums(status, "NSpid"); !v.empty()) out.vpid = static_cast<int64_t>(v.back());
  if (auto v = status_nums(status, "NSpid"); !v.empty()) out.vtid = tid == pid ? static_cast<int64_t>(v.back()) : -1;
  if (auto v = status_nums(status, "NSpgid"); !v.empty()) out.vpgid = static_cast<int64_t>(v.back());
  if (auto v = status_nums(status, "VmSize"); !v.empty()) out.vmsize_kb = static_cast<uint32_t>(v[0]);
  if (auto v = status_nums(status, "VmRSS"); !v.empty()) out.vmrss_kb = static_cast<uint32_t>(v[0]);
  if (auto v = status_nums(status, "VmSwap"); !v.empty()) out.vmswap_kb = static_cast<uint32_t>(v[0]);
  if (auto v = status_nums(status, "CapInh", 16); !v.empty()) out.cap_inheritable = v[0];
  if (auto v = status_nums(status, "CapPrm", 16); !v.empty()) out.cap_permitted = v[0];
  if (auto v = status_nums(status, "CapEff", 16); !v.empty()) out.cap_effective = v[0];
  if (slurp(pdir + "/cmdline", buf) && !buf.empty()) {
    size_t z = buf.find('\0');
    out.exe = buf.substr(0, z);
    if (z != std::string::npos) out.args = buf.substr(z + 1);
  } else {
    out.exe = out.comm;
  }
  out.exepath = readlink_str(pdir + "/exe");
  if (out.exepath.size() > 10 && out.exepath.ends_with(" (deleted)")) out.exepath.resize(out.exepath.size() - 10);
  if (out.exepath.starts_with("/memfd:")) out.exe_from_memfd = true;
  out.cwd = readlink_str(pdir + "/cwd");
  out.root = readlink_str(pdir + "/root");
  if (slurp(pdir + "/environ", buf)) out.env = buf;
  if (slurp(dir + "/loginuid", buf)) out.loginuid = static_cast<uint32_t>(std::strtoul(buf.c_str(), nullptr, 10));
  if (slurp(dir + "/cgroup", buf)) {
    // "id:subsys[,subsys]:path" lines -> "subsys=path\0" entries.
    std::istringstream ls(buf);
    std::string line;
    while (std::getline(ls, line)) {
      size_t c1 = line.find(':'), c2 = line.find(':', c1 + 1);
      if (c1 == std::string::npos || c2 == std::string::npos) continue;
      std::string subsys = line.substr(c1 + 1, c2 - c1 - 1);
      if (subsys.empty()) subsys = "unified";
      out.cgroups += subsys + "=" + line.substr(c2 + 1);
      out.cgroups.push_back('\0');
    }
  }
  struct stat st;
  if (::stat((pdir + "/exe").c_str(), &st) == 0) {
    out.exe_ino = st.st_ino;
    out.exe_ino_ctime = static_cast<uint64_t>(st.st_ctim.tv_sec) * 1000000000ull + st.st_ctim.tv_nsec;
    out.exe_ino_mtime = static_cast<uint64_t>(st.st_mtim.tv_sec) * 1000000000ull + st.st_mtim.tv_nsec;
  }
  std::string lim;
  if (slurp(pdir + "/limits", lim)) {
    size_t pos = lim.find("Max open files");
    if (pos != std::string::npos) {
      std::istringstream ls(lim.substr(pos + 14));
      std::string soft;
      ls >> soft;
      out.fdlimit = std::strtoull(soft.c_str(), nullptr, 10);
    }
  }
  if (tid != pid) out.flags |= events::PPM_CL_CLONE_THREAD | events::PPM_CL_CLONE_FILES;
  return true;
}

void ProcScan::read_fds(int64_t pid, scap::FdList& out) {
  if (!sockets_loaded_) load_sockets();
  out.tid = static_cast<uint64_t>(pid);
  out.entries.clear();
  const std::string dir = root_ + "/" + std::to_string(pid) + "/fd";
  for (int64_t fd : list_numeric(dir)) {
    const std::string link = readlink_str(dir + "/" + std::to_string(fd));
    if (link.empty()) continue;
    scap::FdInfo f;
    f.fd = fd;
    struct stat st;
    if (::stat((dir + "/" + std::to_string(fd)).c_str(), &st) == 0) {
      f.ino = st.st_ino;
      f.dev = static_cast<uint32_t>(makedev(major(st.st_dev), minor(st.st_dev)));
      f.has_dev = true;
    }
    std::string info;
    if (slurp(root_ + "/" + std::to_string(pid) + "/fdinfo/" + std::to_string(fd), info)) {
      size_t pos = info.find("flags:");
      if (pos != std::string::npos) {
        const unsigned long fl = std::strtoul(info.c_str() + pos + 6, nullptr, 8);
        uint32_t pf = 0;
        switch (fl & O_ACCMODE) {
          case O_RDONLY: pf |= events::PPM_O_RDONLY; break;
          case O_WRONLY: pf |= events::PPM_O_WRONLY; break;
          default: pf |= events::PPM_O_RDWR; break;
        }
        if (fl & O_CLOEXEC) pf |= events::PPM_O_CLOEXEC;
        if (fl & O_APPEND) pf |= events::PPM_O_APPEND;
        if (fl & O_NONBLOCK) pf |= events::PPM_O_NONBLOCK;
        if (fl & O_DIRECTORY) pf |= events::PPM_O_DIRECTORY;
        f.open_flags = pf;
      }
    }
    if (link.starts_with("socket:[")) {
      const uint64_t ino = std::strtoull(link.c_str() + 8, nullptr, 10);
      auto it = sockets_.find(ino);
      if (it != sockets_.end()) {
        const int64_t keep = f.fd;
        f = it->second;
        f.fd = keep;
      } else {
        f.type = scap::FdType::Unknown;
        f.ino = ino;
      }
    } else if (link.starts_with("pipe:[")) {
      f.type = scap::FdType::Fifo;
      f.name = link;
    } else if (link.starts_with("anon_inode:")) {
      std::string_view k = std::string_view(link).substr(11);
      if (k == "[eventfd]") f.type = scap::FdType::Event;
      else if (k == "[signalfd]") f.type = scap::FdType::Signalfd;
      else if (k == "[eventpoll]") f.type = scap::FdType::Eventpoll;
      else if (k == "inotify") f.type = scap::FdType::Inotify;
      else if (k == "[timerfd]") f.type = scap::FdType::Timerfd;
      else if (k == "bpf-map" || k == "bpf-prog" || k == "bpf_link") f.type = scap::FdType::Bpf;
      else if (k == "[userfaultfd]") f.type = scap::FdType::Userfaultfd;
      else if (k == "[io_uring]") f.type = scap::FdType::Iouring;
      else if (k == "[pidfd]") f.type = scap::FdType::Pidfd;
      else f.type = scap::FdType::Unknown;
      f.name = link;
    } else if (link.starts_with("/memfd:")) {
      f.type = scap::FdType::Memfd;
      f.name = link.substr(1);
    } else if (link.starts_with("/")) {
      f.type = S_ISDIR(st.st_mode) ? scap::FdType::Directory : scap::FdType::FileV2;
      f.name = link;
    } else {
      f.type = scap::FdType::Unknown;
      f.name = link;
    }
    out.entries.push_back(std::move(f));
  }
}

void ProcScan::seed_pid(State& state, int64_t pid, Snapshot* snapshot) {
  scap::ProcessInfo p;
  if (!read_thread(pid, pid, p)) return;
  state.seed_process(p);
  if (snapshot != nullptr) snapshot->processes.entries.push_back(p);
  for (int64_t tid : list_numeric(root_ + "/" + std::to_string(pid) + "/task")) {
    if (tid == pid) continue;
    scap::ProcessInfo t;
    if (!read_thread(pid, tid, t)) continue;
    state.seed_process(t);
    if (snapshot != nullptr) snapshot->processes.entries.push_back(std::move(t));
  }
  scap::FdList fds;
  read_fds(pid, fds);
  state.seed_fds(fds);
  if (snapshot != nullptr) snapshot->fds.push_back(std::move(fds));
}

Status ProcScan::scan_all(State& state, Snapshot* snapshot) {
  std::vector<int64_t> pids = list_numeric(root_);
  if (pids.empty()) return Status::Error("no processes found under " + root_);
  for (int64_t pid : pids) seed_pid(state, pid, snapshot);
  return Status::Ok();
}

Status ProcScan::scan_tree(State& state, int64_t pid) {
  // Parents first so that children link to them; then everything below pid.
  std::vector<int64_t> pids = list_numeric(root_);
  std::unordered_map<int64_t, std::vector<int64_t>> kids;
  for (int64_t p : pids) {
    std::string stat;
    if (!slurp(root_ + "/" + std::to_string(p) + "/stat", stat)) continue;
    size_t rp = stat.rfind(')');
    if (rp == std::string::npos) continue;
    std::istringstream rest(stat.substr(rp + 2));
    std::string st;
    int64_t ppid = 0;
    rest >> st >> ppid;
    kids[ppid].push_back(p);
  }
  std::string probe;
  if (!slurp(root_ + "/" + std::to_string(pid) + "/stat", probe)) {
    return Status::Error("process " + std::to_string(pid) + " not found under " + root_);
  }
  std::vector<int64_t> todo{pid};
  for (size_t i = 0; i < todo.size(); ++i) {
    seed_pid(state, todo[i]);
    for (int64_t c : kids[todo[i]]) todo.push_back(c);
  }
  return Status::Ok();
}

}  // namespace saker::state
