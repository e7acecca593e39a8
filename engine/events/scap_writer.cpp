#include "engine/events/scap_writer.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstring>

namespace saker::scap {
namespace {

inline void put(std::vector<uint8_t>& v, const void* p, size_t n) {
  const auto* b = static_cast<const uint8_t*>(p);
  v.insert(v.end(), b, b + n);
}
template <typename T>
inline void put_v(std::vector<uint8_t>& v, T x) {
  put(v, &x, sizeof x);
}
// A string preceded by its uint16 length, truncated to `limit` bytes.
inline void put_str16(std::vector<uint8_t>& v, std::string_view s, size_t limit) {
  const size_t n = std::min(s.size(), limit);
  put_v(v, static_cast<uint16_t>(n));
  put(v, s.data(), n);
}
inline uint32_t pad4(uint64_t n) { return static_cast<uint32_t>((4 - n % 4) % 4); }

constexpr size_t kPathLimit = kMaxPathSize - 1;
constexpr size_t kCredLimit = kMaxCredentialsLen - 1;

z_stream* zs_of(void* p) { return static_cast<z_stream*>(p); }

}  // namespace

ScapWriter::~ScapWriter() { (void)close(); }

Status ScapWriter::open(const std::string& path, Options options) {
  if (open_) return Status::Error("scap writer: already open");
  fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd_ < 0) return Status::Error(path + ": cannot create: " + std::strerror(errno));
  return begin(options);
}

Status ScapWriter::open_memory(std::vector<uint8_t>* out, Options options) {
  if (open_) return Status::Error("scap writer: already open");
  if (out == nullptr) return Status::Error("scap writer: no output buffer");
  mem_ = out;
  return begin(options);
}

Status ScapWriter::begin(Options options) {
  options_ = options;
  open_ = true;
  seen_event_ = false;
  bytes_ = 0;
  events_ = 0;
  error_ = Status::Ok();
  buf_.clear();
  buf_.reserve(std::max<size_t>(options_.buffer_size, 1u << 16) + (1u << 16));
  if (options_.gzip) {
    auto* zs = new z_stream{};
    if (deflateInit2(zs, options_.gzip_level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
      delete zs;
      error_ = Status::Error("scap writer: deflateInit2 failed");
      (void)close();
      return Status::Error("scap writer: deflateInit2 failed");
    }
    zs_ = zs;
    zout_.resize(1u << 16);
  }
  // Section header: magic, version 1.2, section length unknown (-1); no options (sysdig 0.29
  // cannot read a section header with options).
  block_.clear();
  put_v(block_, kShbMagic);
  put_v(block_, kShbMajorVersion);
  put_v(block_, kShbMinorVersion);
  put_v(block_, ~uint64_t{0});
  return emit_block(kBlockSHB);
}

Status ScapWriter::state_allowed(const char* what) {
  if (!open_) return Status::Error("scap writer: not open");
  if (!error_.ok()) return error_;
  if (seen_event_) {
    return Status::Error(std::string("scap writer: ") + what +
                         " after events: sysdig reads state blocks only before the first event");
  }
  block_.clear();
  return Status::Ok();
}

Status ScapWriter::emit_block(uint32_t type) {
  const uint64_t total = kBlockHeaderSize + block_.size() + pad4(block_.size()) + kBlockTrailerSize;
  if (total > UINT32_MAX) {
    return Status::Error("scap writer: " + std::string(block_type_name(type)) + " block of " +
                         std::to_string(total) + " bytes exceeds the 4 GiB block limit");
  }
  const auto t32 = static_cast<uint32_t>(total);
  put_v(buf_, type);
  put_v(buf_, t32);
  put(buf_, block_.data(), block_.size());
  const uint32_t zero = 0;
  put(buf_, &zero, pad4(block_.size()));
  put_v(buf_, t32);
  bytes_ += total;
  if (buf_.size() >= options_.buffer_size) return flush();
  return Status::Ok();
}

Status ScapWriter::write_machine_info(const MachineInfo& mi) {
  if (Status s = state_allowed("machine info"); !s.ok()) return s;
  put_v(block_, mi.num_cpus);
  put_v(block_, mi.memory_size_bytes);
  put_v(block_, mi.max_pid);
  char host[128] = {};
  std::memcpy(host, mi.hostname.data(), std::min<size_t>(mi.hostname.size(), sizeof host - 1));
  put(block_, host, sizeof host);
  put_v(block_, mi.boot_ts_epoch);
  put_v(block_, mi.flags);
  put_v(block_, mi.reserved3);
  put_v(block_, mi.reserved4);
  return emit_block(kBlockMI);
}

Status ScapWriter::write_interfaces(const InterfaceList& il) {
  if (Status s = state_allowed("interface list"); !s.ok()) return s;
  for (const InterfaceInfo& i : il.entries) {
    const size_t namelen = std::min(i.name.size(), kPathLimit);
    const uint16_t type = i.ipv6 ? 2 : 1;  // always with link speed
    const uint32_t entry_len =
        static_cast<uint32_t>(2 + 2 + (i.ipv6 ? 48 : 12) + 8 + namelen);  // excludes itself
    put_v(block_, entry_len);
    put_v(block_, type);
    put_v(block_, static_cast<uint16_t>(namelen));
    if (i.ipv6) {
      put(block_, i.addr6.data(), 16);
      put(block_, i.netmask6.data(), 16);
      put(block_, i.bcast6.data(), 16);
    } else {
      put_v(block_, i.addr4);
      put_v(block_, i.netmask4);
      put_v(block_, i.bcast4);
    }
    put_v(block_, i.linkspeed);
    put(block_, i.name.data(), namelen);
  }
  return emit_block(kBlockIL_V2);
}

Status ScapWriter::write_users(const UserList& ul) {
  if (Status s = state_allowed("user list"); !s.ok()) return s;
  for (const UserInfo& u : ul.users) {
    const size_t start = block_.size();
    put_v(block_, uint32_t{0});  // entry length, patched below
    put_v(block_, uint8_t{0});
    put_v(block_, u.uid);
    put_v(block_, u.gid);
    put_str16(block_, u.name, kCredLimit);
    put_str16(block_, u.homedir, kCredLimit);
    put_str16(block_, u.shell, kCredLimit);
    const auto len = static_cast<uint32_t>(block_.size() - start);
    std::memcpy(block_.data() + start, &len, 4);
  }
  for (const GroupInfo& g : ul.groups) {
    const size_t start = block_.size();
    put_v(block_, uint32_t{0});
    put_v(block_, uint8_t{1});
    put_v(block_, g.gid);
    put_str16(block_, g.name, kCredLimit);
    const auto len = static_cast<uint32_t>(block_.size() - start);
    std::memcpy(block_.data() + start, &len, 4);
  }
  return emit_block(kBlockUL_V2);
}

Status ScapWriter::write_processes(const ProcessList& pl) {
  if (Status s = state_allowed("process list"); !s.ok()) return s;
  const bool full = options_.process_layout == ProcessLayout::kFull;
  for (const ProcessInfo& p : pl.entries) {
    const size_t start = block_.size();
    put_v(block_, uint32_t{0});  // entry length (counts itself), patched below
    put_v(block_, p.tid);
    put_v(block_, p.pid);
    put_v(block_, p.ptid);
    put_v(block_, p.sid);
    put_v(block_, p.vpgid);
    put_str16(block_, p.comm, kPathLimit);
    put_str16(block_, p.exe, kPathLimit);
    put_str16(block_, p.exepath, kPathLimit);
    put_str16(block_, p.args, kMaxArgsSize);
    put_str16(block_, p.cwd, kPathLimit);
    put_v(block_, p.fdlimit);
    put_v(block_, p.flags);
    put_v(block_, p.uid);
    put_v(block_, p.gid);
    put_v(block_, p.vmsize_kb);
    put_v(block_, p.vmrss_kb);
    put_v(block_, p.vmswap_kb);
    put_v(block_, p.pfmajor);
    put_v(block_, p.pfminor);
    put_str16(block_, p.env, kMaxArgsSize);
    put_v(block_, p.vtid);
    put_v(block_, p.vpid);
    put_str16(block_, p.cgroups, kMaxArgsSize);
    put_str16(block_, p.root, kPathLimit);
    if (full) {
      put_v(block_, p.pidns_init_start_ts);
      put_v(block_, p.tty);
    }
    put_v(block_, p.loginuid);
    put_v(block_, static_cast<uint8_t>(p.exe_writable));
    put_v(block_, p.cap_inheritable);
    put_v(block_, p.cap_permitted);
    put_v(block_, p.cap_effective);
    if (full) {
      put_v(block_, static_cast<uint8_t>(p.exe_upper_layer));
      put_v(block_, p.exe_ino);
      put_v(block_, p.exe_ino_ctime);
      put_v(block_, p.exe_ino_mtime);
      put_v(block_, static_cast<uint8_t>(p.exe_from_memfd));
      put_v(block_, static_cast<uint8_t>(p.exe_lower_layer));
      put_v(block_, p.pgid);
    }
    const auto len = static_cast<uint32_t>(block_.size() - start);
    std::memcpy(block_.data() + start, &len, 4);
  }
  return emit_block(kBlockPL_V9);
}

Status ScapWriter::write_fds(const FdList& fdl) {
  if (Status s = state_allowed("fd list"); !s.ok()) return s;
  put_v(block_, fdl.tid);
  for (const FdInfo& f : fdl.entries) {
    if (f.type == FdType::Unknown) continue;  // sysdig does not write these either
    const size_t start = block_.size();
    put_v(block_, uint32_t{0});  // entry length (counts itself), patched below
    put_v(block_, static_cast<uint64_t>(f.fd));
    put_v(block_, f.ino);
    put_v(block_, static_cast<uint8_t>(f.type));
    switch (f.type) {
      case FdType::Ipv4Sock:
        put_v(block_, f.sip4);
        put_v(block_, f.dip4);
        put_v(block_, f.sport);
        put_v(block_, f.dport);
        put_v(block_, f.l4proto);
        break;
      case FdType::Ipv4ServSock:
        put_v(block_, f.sip4);
        put_v(block_, f.sport);
        put_v(block_, f.l4proto);
        break;
      case FdType::Ipv6Sock:
        put(block_, f.sip6.data(), 16);
        put(block_, f.dip6.data(), 16);
        put_v(block_, f.sport);
        put_v(block_, f.dport);
        put_v(block_, f.l4proto);
        break;
      case FdType::Ipv6ServSock:
        put(block_, f.sip6.data(), 16);
        put_v(block_, f.sport);
        put_v(block_, f.l4proto);
        break;
      case FdType::UnixSock:
        put_v(block_, f.unix_source);
        put_v(block_, f.unix_dest);
        put_str16(block_, f.name, kPathLimit);
        break;
      case FdType::FileV2:
        put_v(block_, f.open_flags);
        put_str16(block_, f.name, kPathLimit);
        put_v(block_, f.dev);
        break;
      default:
        put_str16(block_, f.name, kPathLimit);
        break;
    }
    const auto len = static_cast<uint32_t>(block_.size() - start);
    std::memcpy(block_.data() + start, &len, 4);
  }
  return emit_block(kBlockFDL_V2);
}

Status ScapWriter::write_event(std::span<const uint8_t> event, uint16_t cpu, uint32_t flags) {
  if (!open_) return Status::Error("scap writer: not open");
  if (!error_.ok()) return error_;
  if (event.size() < sizeof(EventHeader)) {
    return Status::Error("scap writer: event of " + std::to_string(event.size()) +
                         " bytes is shorter than its 26-byte header");
  }
  uint32_t len;
  std::memcpy(&len, event.data() + offsetof(EventHeader, len), 4);
  if (len < sizeof(EventHeader) || len > event.size() || len > kMaxEventLen) {
    return Status::Error("scap writer: event length " + std::to_string(len) + " outside [26, " +
                         std::to_string(std::min<size_t>(event.size(), kMaxEventLen)) + "]");
  }
  const uint32_t prefix = flags ? 6 : 2;
  const uint32_t total = kBlockHeaderSize + prefix + len + pad4(prefix + len) + kBlockTrailerSize;
  const bool large = total - kBlockHeaderSize > kMaxSmallEventBlockRead;
  const uint32_t type = flags ? (large ? kBlockEVF_V2_LARGE : kBlockEVF_V2)
                              : (large ? kBlockEV_V2_LARGE : kBlockEV_V2);
  // Appended in place: one resize, then plain stores (the hot path of a capture copy).
  const size_t at = buf_.size();
  buf_.resize(at + total);
  uint8_t* d = buf_.data() + at;
  std::memcpy(d, &type, 4);
  std::memcpy(d + 4, &total, 4);
  std::memcpy(d + 8, &cpu, 2);
  if (flags) std::memcpy(d + 10, &flags, 4);
  std::memcpy(d + kBlockHeaderSize + prefix, event.data(), len);
  std::memset(d + kBlockHeaderSize + prefix + len, 0, pad4(prefix + len));
  std::memcpy(d + total - 4, &total, 4);
  bytes_ += total;
  ++events_;
  seen_event_ = true;
  if (buf_.size() >= options_.buffer_size) return flush();
  return Status::Ok();
}

Status ScapWriter::write_item(const ScapReader::Item& item) {
  using K = ScapReader::ItemKind;
  switch (item.kind) {
    case K::kEvent: return write_event(item.event.bytes(), item.cpu, item.flags);
    case K::kSectionHeader: return Status::Ok();
    case K::kMachineInfo: return write_machine_info(item.machine);
    case K::kProcessList: return write_processes(item.processes);
    case K::kFdList: return write_fds(item.fds);
    case K::kInterfaceList: return write_interfaces(item.interfaces);
    case K::kUserList: return write_users(item.users);
  }
  return Status::Error("scap writer: unknown item kind");
}

Status ScapWriter::flush() {
  if (!error_.ok()) return error_;
  auto sink = [this](const uint8_t* p, size_t n) -> Status {
    if (mem_ != nullptr) {
      mem_->insert(mem_->end(), p, p + n);
      return Status::Ok();
    }
    while (n > 0) {
      ssize_t w = ::write(fd_, p, n);
      if (w < 0) {
        if (errno == EINTR) continue;
        return Status::Error(std::string("scap writer: write failed: ") + std::strerror(errno));
      }
      p += w;
      n -= static_cast<size_t>(w);
    }
    return Status::Ok();
  };
  Status s;
  if (zs_ != nullptr) {
    z_stream* zs = zs_of(zs_);
    zs->next_in = buf_.data();
    zs->avail_in = static_cast<uInt>(buf_.size());
    do {
      zs->next_out = zout_.data();
      zs->avail_out = static_cast<uInt>(zout_.size());
      deflate(zs, Z_NO_FLUSH);
      s = sink(zout_.data(), zout_.size() - zs->avail_out);
    } while (s.ok() && zs->avail_in > 0);
  } else {
    s = sink(buf_.data(), buf_.size());
  }
  buf_.clear();
  if (!s.ok()) error_ = s;
  return s;
}

Status ScapWriter::close() {
  if (!open_) return Status::Ok();
  Status s = flush();
  if (zs_ != nullptr) {
    z_stream* zs = zs_of(zs_);
    if (s.ok()) {
      zs->next_in = nullptr;
      zs->avail_in = 0;
      int rc;
      do {
        zs->next_out = zout_.data();
        zs->avail_out = static_cast<uInt>(zout_.size());
        rc = deflate(zs, Z_FINISH);
        const size_t n = zout_.size() - zs->avail_out;
        if (mem_ != nullptr) {
          mem_->insert(mem_->end(), zout_.data(), zout_.data() + n);
        } else {
          const uint8_t* p = zout_.data();
          size_t left = n;
          while (left > 0) {
            ssize_t w = ::write(fd_, p, left);
            if (w < 0 && errno == EINTR) continue;
            if (w < 0) {
              s = Status::Error(std::string("scap writer: write failed: ") + std::strerror(errno));
              break;
            }
            p += w;
            left -= static_cast<size_t>(w);
          }
        }
      } while (s.ok() && rc == Z_OK);
    }
    deflateEnd(zs);
    delete zs;
    zs_ = nullptr;
  }
  if (fd_ >= 0) {
    if (::close(fd_) != 0 && s.ok()) {
      s = Status::Error(std::string("scap writer: close failed: ") + std::strerror(errno));
    }
    fd_ = -1;
  }
  mem_ = nullptr;
  open_ = false;
  return s;
}

}  // namespace saker::scap
