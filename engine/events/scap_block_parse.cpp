#include "engine/events/scap_block_parse.h"

#include <cstring>
#include <string>

namespace saker::scap {

std::string_view block_type_name(uint32_t type) {
  switch (type) {
    case kBlockSHB: return "SHB";
    case kBlockMI: return "MI";
    case kBlockMI_INT: return "MI_INT";
    case kBlockPL_V1: return "PL_V1";
    case kBlockPL_V1_INT: return "PL_V1_INT";
    case kBlockPL_V2: return "PL_V2";
    case kBlockPL_V2_INT: return "PL_V2_INT";
    case kBlockPL_V3: return "PL_V3";
    case kBlockPL_V3_INT: return "PL_V3_INT";
    case kBlockPL_V4: return "PL_V4";
    case kBlockPL_V5: return "PL_V5";
    case kBlockPL_V6: return "PL_V6";
    case kBlockPL_V7: return "PL_V7";
    case kBlockPL_V8: return "PL_V8";
    case kBlockPL_V9: return "PL_V9";
    case kBlockFDL: return "FDL";
    case kBlockFDL_INT: return "FDL_INT";
    case kBlockFDL_V2: return "FDL_V2";
    case kBlockEV: return "EV";
    case kBlockEV_INT: return "EV_INT";
    case kBlockEV_V2: return "EV_V2";
    case kBlockEV_V2_LARGE: return "EV_V2_LARGE";
    case kBlockEVF: return "EVF";
    case kBlockEVF_V2: return "EVF_V2";
    case kBlockEVF_V2_LARGE: return "EVF_V2_LARGE";
    case kBlockIL: return "IL";
    case kBlockIL_INT: return "IL_INT";
    case kBlockIL_V2: return "IL_V2";
    case kBlockUL: return "UL";
    case kBlockUL_INT: return "UL_INT";
    case kBlockUL_V2: return "UL_V2";
    default: return "unknown";
  }
}

int process_list_version(uint32_t type) {
  switch (type) {
    case kBlockPL_V1: case kBlockPL_V1_INT: return 1;
    case kBlockPL_V2: case kBlockPL_V2_INT: return 2;
    case kBlockPL_V3: case kBlockPL_V3_INT: return 3;
    case kBlockPL_V4: return 4;
    case kBlockPL_V5: return 5;
    case kBlockPL_V6: return 6;
    case kBlockPL_V7: return 7;
    case kBlockPL_V8: return 8;
    case kBlockPL_V9: return 9;
    default: return 0;
  }
}

namespace detail {
namespace {

std::string hex(uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
  return buf;
}

// A bounded little-endian reader over a byte range; `base` is the file offset of its first byte.
class Cursor {
 public:
  Cursor(std::span<const uint8_t> bytes, uint64_t base) : p_(bytes.data()), n_(bytes.size()), base_(base) {}

  size_t pos() const { return pos_; }
  size_t left() const { return n_ - pos_; }
  uint64_t offset() const { return base_ + pos_; }

  template <typename T>
  bool get(T& v) {
    if (left() < sizeof(T)) return false;
    std::memcpy(&v, p_ + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  bool bytes(size_t n, std::string& s) {
    if (left() < n) return false;
    s.assign(reinterpret_cast<const char*>(p_ + pos_), n);
    pos_ += n;
    return true;
  }
  bool raw(void* dst, size_t n) {
    if (left() < n) return false;
    std::memcpy(dst, p_ + pos_, n);
    pos_ += n;
    return true;
  }
  bool skip(size_t n) {
    if (left() < n) return false;
    pos_ += n;
    return true;
  }
  // A sub-cursor over the next n bytes (which this cursor skips).
  bool sub(size_t n, Cursor& out) {
    if (left() < n) return false;
    out = Cursor({p_ + pos_, n}, base_ + pos_);
    pos_ += n;
    return true;
  }

 private:
  const uint8_t* p_;
  size_t n_;
  uint64_t base_;
  size_t pos_ = 0;
};

// Builds "offset N: <what>" errors for one block kind.
struct Where {
  const char* block;
  Status fail(uint64_t offset, const std::string& what) const {
    return Status::Error("offset " + std::to_string(offset) + ": " + block + " block: " + what);
  }
  Status short_read(const Cursor& c, const char* field, size_t need) const {
    return fail(c.offset(), "field '" + std::string(field) + "' needs " + std::to_string(need) +
                                " bytes, only " + std::to_string(c.left()) + " left");
  }
};

#define SAKER_GET(cur, var, field)                                    \
  do {                                                                \
    if (!(cur).get(var)) return where.short_read(cur, field, sizeof(var)); \
  } while (0)

// A string preceded by its uint16 length.
Status get_str16(const Where& where, Cursor& c, const char* field, std::string& out) {
  uint16_t len;
  SAKER_GET(c, len, field);
  if (!c.bytes(len, out)) {
    return where.fail(c.offset(), "field '" + std::string(field) + "' of length " +
                                      std::to_string(len) + " runs past the end (" +
                                      std::to_string(c.left()) + " bytes left)");
  }
  return Status::Ok();
}

#define SAKER_STR(cur, var, field)                                    \
  do {                                                                \
    if (Status s_ = get_str16(where, cur, field, var); !s_.ok()) return s_; \
  } while (0)

// Reads an entry-length prefix (the length counts the prefix itself when `counts_self`) and
// returns a cursor bounded by the entry. A zero length means "unknown": the entry is parsed
// against the rest of the block, as sysdig does.
Status entry_cursor(const Where& where, Cursor& c, bool counts_self, uint32_t& len, Cursor& entry,
                    const char* what) {
  const uint64_t start = c.offset();
  SAKER_GET(c, len, "entry length");
  if (len == 0) {
    entry = c;  // the caller continues from where the entry's parse ends
    return Status::Ok();
  }
  const uint64_t body = counts_self ? uint64_t{len} : uint64_t{len} + 4;
  if (body < 4) {
    return where.fail(start, std::string(what) + " length " + std::to_string(len) +
                                 " is shorter than its own length field");
  }
  if (!c.sub(body - 4, entry)) {
    return where.fail(start, std::string(what) + " length " + std::to_string(len) +
                                 " runs past the end of the block (" +
                                 std::to_string(c.left() + 4) + " bytes left)");
  }
  return Status::Ok();
}

}  // namespace

Status parse_section_header(std::span<const uint8_t> body, uint64_t offset, SectionHeader& out) {
  const Where where{"section header"};
  Cursor c(body, offset);
  uint32_t magic;
  SAKER_GET(c, magic, "byte_order_magic");
  if (magic == kShbMagicSwapped) {
    return where.fail(offset, "byte-order magic 0x4d3c2b1a: the capture was written by a "
                              "big-endian host, which is not supported");
  }
  if (magic != kShbMagic) {
    return where.fail(offset, "bad byte-order magic " + hex(magic) + " (expected 0x1a2b3c4d)");
  }
  SAKER_GET(c, out.major, "major_version");
  SAKER_GET(c, out.minor, "minor_version");
  SAKER_GET(c, out.section_length, "section_length");
  if (out.major > kShbMajorVersion) {
    return where.fail(offset + 4, "format version " + std::to_string(out.major) + "." +
                                      std::to_string(out.minor) + " is newer than the " +
                                      std::to_string(kShbMajorVersion) + ".x we read");
  }
  // pcapng options: {code u16, length u16, value, pad to 4}, ended by code 0 or the block end.
  out.options.clear();
  while (c.left() >= 4) {
    uint16_t code = 0, len = 0;
    c.get(code);
    c.get(len);
    if (code == 0) break;
    std::string value;
    if (!c.bytes(len, value)) break;  // malformed options are ignored, as sysdig does
    while (!value.empty() && value.back() == '\0') value.pop_back();
    out.options.push_back({code, std::move(value)});
    c.skip(std::min<size_t>((4 - len % 4) % 4, c.left()));
  }
  return Status::Ok();
}

Status parse_machine_info(std::span<const uint8_t> body, uint64_t offset, MachineInfo& out) {
  const Where where{"machine info"};
  if (body.size() < kMachineInfoSize) {
    return where.fail(offset, "body is " + std::to_string(body.size()) + " bytes, expected " +
                                  std::to_string(kMachineInfoSize));
  }
  Cursor c(body, offset);
  char host[128];
  c.get(out.num_cpus);
  c.get(out.memory_size_bytes);
  c.get(out.max_pid);
  c.raw(host, sizeof host);
  out.hostname.assign(host, strnlen(host, sizeof host));
  c.get(out.boot_ts_epoch);
  c.get(out.flags);
  c.get(out.reserved3);
  c.get(out.reserved4);
  return Status::Ok();
}

Status parse_process_list(uint32_t block_type, std::span<const uint8_t> body, uint64_t offset,
                          ProcessList& out) {
  const Where where{"process list"};
  const int v = process_list_version(block_type);
  if (v == 0) return where.fail(offset, "block type " + hex(block_type) + " is not a process list");
  out.entries.clear();
  Cursor blk(body, offset);
  while (blk.left() >= 4) {
    ProcessInfo& p = out.entries.emplace_back();
    p.version = v;
    uint32_t sub_len = 0;
    Cursor c = blk;
    if (v >= 9) {
      if (Status s = entry_cursor(where, blk, true, sub_len, c, "process entry"); !s.ok()) return s;
    }
    SAKER_GET(c, p.tid, "tid");
    SAKER_GET(c, p.pid, "pid");
    SAKER_GET(c, p.ptid, "ptid");
    if (v >= 6) SAKER_GET(c, p.sid, "sid");
    if (v >= 8) SAKER_GET(c, p.vpgid, "vpgid");
    SAKER_STR(c, p.comm, "comm");
    SAKER_STR(c, p.exe, "exe");
    if (v >= 7) SAKER_STR(c, p.exepath, "exepath");
    SAKER_STR(c, p.args, "args");
    SAKER_STR(c, p.cwd, "cwd");
    SAKER_GET(c, p.fdlimit, "fdlimit");
    SAKER_GET(c, p.flags, "flags");
    SAKER_GET(c, p.uid, "uid");
    SAKER_GET(c, p.gid, "gid");
    if (v >= 2) {
      SAKER_GET(c, p.vmsize_kb, "vmsize_kb");
      SAKER_GET(c, p.vmrss_kb, "vmrss_kb");
      SAKER_GET(c, p.vmswap_kb, "vmswap_kb");
      SAKER_GET(c, p.pfmajor, "pfmajor");
      SAKER_GET(c, p.pfminor, "pfminor");
    }
    if (v >= 3) SAKER_STR(c, p.env, "env");
    if (v >= 4) {
      SAKER_GET(c, p.vtid, "vtid");
      SAKER_GET(c, p.vpid, "vpid");
      SAKER_STR(c, p.cgroups, "cgroups");
    }
    if (v >= 5) SAKER_STR(c, p.root, "root");
    if (sub_len) {
      // Fields appended over time; an entry carries a prefix of them. Producers before libs
      // 0.10 wrote loginuid, exe_writable and the three capability sets (29 bytes) right here;
      // 0.10 inserted pidns_init_start_ts and tty before them. An entry with at most 29 bytes
      // left is of the older kind.
      const bool pre_0_10 = c.left() <= 29;
      auto opt = [&c](auto& field) {
        if (c.left() >= sizeof(field)) c.get(field);
      };
      auto opt_bool = [&c](bool& field) {
        uint8_t b;
        if (c.left() >= 1) {
          c.get(b);
          field = b != 0;
        }
      };
      if (!pre_0_10) {
        opt(p.pidns_init_start_ts);
        opt(p.tty);
      }
      opt(p.loginuid);
      opt_bool(p.exe_writable);
      opt(p.cap_inheritable);
      opt(p.cap_permitted);
      opt(p.cap_effective);
      opt_bool(p.exe_upper_layer);
      opt(p.exe_ino);
      opt(p.exe_ino_ctime);
      opt(p.exe_ino_mtime);
      opt_bool(p.exe_from_memfd);
      opt_bool(p.exe_lower_layer);
      opt(p.pgid);
      // Anything left belongs to fields newer than ours: the bounded cursor skips it.
    } else {
      blk = c;
    }
  }
  return Status::Ok();
}

Status parse_fd_list(uint32_t block_type, std::span<const uint8_t> body, uint64_t offset,
                     FdList& out) {
  const Where where{"fd list"};
  const bool v2 = block_type == kBlockFDL_V2;
  out.entries.clear();
  Cursor blk(body, offset);
  SAKER_GET(blk, out.tid, "tid");
  while (blk.left() >= 4) {
    const uint64_t entry_off = blk.offset();
    FdInfo& f = out.entries.emplace_back();
    uint32_t sub_len = 0;
    Cursor c = blk;
    if (v2) {
      if (Status s = entry_cursor(where, blk, true, sub_len, c, "fd entry"); !s.ok()) return s;
    }
    uint64_t fd;
    SAKER_GET(c, fd, "fd");
    f.fd = static_cast<int64_t>(fd);
    SAKER_GET(c, f.ino, "ino");
    SAKER_GET(c, f.raw_type, "type");
    f.type = static_cast<FdType>(f.raw_type);
    switch (f.type) {
      case FdType::Ipv4Sock:
        SAKER_GET(c, f.sip4, "sip");
        SAKER_GET(c, f.dip4, "dip");
        SAKER_GET(c, f.sport, "sport");
        SAKER_GET(c, f.dport, "dport");
        SAKER_GET(c, f.l4proto, "l4proto");
        break;
      case FdType::Ipv4ServSock:
        SAKER_GET(c, f.sip4, "ip");
        SAKER_GET(c, f.sport, "port");
        SAKER_GET(c, f.l4proto, "l4proto");
        break;
      case FdType::Ipv6Sock:
        SAKER_GET(c, f.sip6, "sip");
        SAKER_GET(c, f.dip6, "dip");
        SAKER_GET(c, f.sport, "sport");
        SAKER_GET(c, f.dport, "dport");
        SAKER_GET(c, f.l4proto, "l4proto");
        break;
      case FdType::Ipv6ServSock:
        SAKER_GET(c, f.sip6, "ip");
        SAKER_GET(c, f.sport, "port");
        SAKER_GET(c, f.l4proto, "l4proto");
        break;
      case FdType::UnixSock:
        SAKER_GET(c, f.unix_source, "source");
        SAKER_GET(c, f.unix_dest, "destination");
        SAKER_STR(c, f.name, "name");
        break;
      case FdType::FileV2:
        SAKER_GET(c, f.open_flags, "open_flags");
        SAKER_STR(c, f.name, "name");
        if (sub_len && c.left() >= 4) {
          c.get(f.dev);
          f.has_dev = true;
        }
        break;
      case FdType::File: case FdType::Directory: case FdType::Fifo: case FdType::Event:
      case FdType::Unsupported: case FdType::Signalfd: case FdType::Eventpoll:
      case FdType::Inotify: case FdType::Timerfd: case FdType::Netlink: case FdType::Bpf:
      case FdType::Userfaultfd: case FdType::Iouring: case FdType::Memfd: case FdType::Pidfd:
        SAKER_STR(c, f.name, "name");
        break;
      default:
        // A type from a newer producer: a v2 entry says its length, so skip it as sysdig does;
        // a v1 entry does not, so the next entry cannot be found.
        if (!sub_len) {
          return where.fail(entry_off, "fd entry of unknown type " + std::to_string(f.raw_type) +
                                           " without an entry length: cannot find the next entry");
        }
        f.type = FdType::Unsupported;
        f.name = "unknown-type:[" + std::to_string(f.raw_type) + "]";
        break;
    }
    if (!sub_len) blk = c;
  }
  return Status::Ok();
}

Status parse_interface_list(uint32_t block_type, std::span<const uint8_t> body, uint64_t offset,
                            InterfaceList& out) {
  const Where where{"interface list"};
  const bool v2 = block_type == kBlockIL_V2;
  out.entries.clear();
  Cursor blk(body, offset);
  while (blk.left() >= 4) {
    const uint64_t entry_off = blk.offset();
    uint32_t entry_len = 0;
    Cursor c = blk;
    if (v2) {
      if (Status s = entry_cursor(where, blk, false, entry_len, c, "interface entry"); !s.ok()) {
        return s;
      }
    }
    InterfaceInfo i;
    uint16_t namelen;
    SAKER_GET(c, i.type, "type");
    SAKER_GET(c, namelen, "ifnamelen");
    switch (i.type) {
      case 1: case 3:
        SAKER_GET(c, i.addr4, "addr");
        SAKER_GET(c, i.netmask4, "netmask");
        SAKER_GET(c, i.bcast4, "bcast");
        break;
      case 2: case 4:
        i.ipv6 = true;
        SAKER_GET(c, i.addr6, "addr");
        SAKER_GET(c, i.netmask6, "netmask");
        SAKER_GET(c, i.bcast6, "bcast");
        break;
      default:
        if (entry_len) continue;  // v2: a newer kind of entry, skipped by its length
        return where.fail(entry_off, "unknown interface type " + std::to_string(i.type));
    }
    if (i.type == 1 || i.type == 2) SAKER_GET(c, i.linkspeed, "linkspeed");
    if (!c.bytes(namelen, i.name)) {
      return where.fail(c.offset(), "interface name of length " + std::to_string(namelen) +
                                        " runs past the end (" + std::to_string(c.left()) +
                                        " bytes left)");
    }
    i.name.resize(strnlen(i.name.data(), i.name.size()));
    out.entries.push_back(std::move(i));
    if (!entry_len) blk = c;
  }
  return Status::Ok();
}

Status parse_user_list(uint32_t block_type, std::span<const uint8_t> body, uint64_t offset,
                       UserList& out) {
  const Where where{"user list"};
  const bool v2 = block_type == kBlockUL_V2;
  out.users.clear();
  out.groups.clear();
  Cursor blk(body, offset);
  while (blk.left() >= 4) {
    uint32_t sub_len = 0;
    Cursor c = blk;
    if (v2) {
      if (Status s = entry_cursor(where, blk, true, sub_len, c, "user entry"); !s.ok()) return s;
    }
    uint8_t type;
    SAKER_GET(c, type, "type");
    if (type == 0) {
      UserInfo& u = out.users.emplace_back();
      SAKER_GET(c, u.uid, "uid");
      SAKER_GET(c, u.gid, "gid");
      SAKER_STR(c, u.name, "name");
      SAKER_STR(c, u.homedir, "homedir");
      SAKER_STR(c, u.shell, "shell");
    } else {
      GroupInfo& g = out.groups.emplace_back();
      SAKER_GET(c, g.gid, "gid");
      SAKER_STR(c, g.name, "name");
    }
    if (!sub_len) blk = c;
  }
  return Status::Ok();
}

#undef SAKER_GET
#undef SAKER_STR

}  // namespace detail
}  // namespace saker::scap
