#pragma once
// The block format of .scap trace files (pcapng-style), as written by sysdig and Falco, and the
// plain structs the state blocks parse into.
//
// A file is a sequence of blocks, all little-endian:
//
//   BlockHeader{type, total_length} | body | padding to 4 bytes | uint32 total_length (trailer)
//
// total_length counts the whole block (header, body, padding and trailer). The first block is a
// section header (SHB). State blocks (machine info, process / fd / interface / user lists) follow;
// then event blocks, each one event preceded by the cpu id (and, for EVF blocks, 32 bits of flags).
// Newer block versions prefix every list entry with its own length, so readers can skip fields
// appended after them; the structs below hold the union of all versions' fields, with defaults
// for the fields an older version does not carry.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace saker::scap {

// ---- Block type ids -------------------------------------------------------------------------
// "_INT" ids are the numbers used before the first public release; old captures still have them.
enum BlockType : uint32_t {
  kBlockSHB = 0x0A0D0D0A,  // section header ("\n\r\r\n")

  kBlockMI = 0x201,  // machine info
  kBlockMI_INT = 0x8002ABCD,

  kBlockPL_V1 = 0x202,  // process list, one id per layout version
  kBlockPL_V1_INT = 0x8000ABCD,
  kBlockPL_V2 = 0x207,
  kBlockPL_V2_INT = 0x8013ABCD,
  kBlockPL_V3 = 0x209,
  kBlockPL_V3_INT = 0x8014ABCD,
  kBlockPL_V4 = 0x210,
  kBlockPL_V5 = 0x211,
  kBlockPL_V6 = 0x212,
  kBlockPL_V7 = 0x213,
  kBlockPL_V8 = 0x214,
  kBlockPL_V9 = 0x215,  // entries carry their own length; current writers use this one

  kBlockFDL = 0x203,  // fd list of one thread
  kBlockFDL_INT = 0x8001ABCD,
  kBlockFDL_V2 = 0x218,  // entries carry their own length

  kBlockEV = 0x204,  // event without nparams in its header (old captures)
  kBlockEV_INT = 0x8010ABCD,
  kBlockEV_V2 = 0x216,        // event with the current 26-byte header
  kBlockEV_V2_LARGE = 0x221,  // same, block may exceed 64 KiB
  kBlockEVF = 0x208,          // EV + 32 bits of flags
  kBlockEVF_V2 = 0x217,
  kBlockEVF_V2_LARGE = 0x222,

  kBlockIL = 0x205,  // network interface list
  kBlockIL_INT = 0x8011ABCD,
  kBlockIL_V2 = 0x219,  // entries carry their own length

  kBlockUL = 0x206,  // user and group list
  kBlockUL_INT = 0x8012ABCD,
  kBlockUL_V2 = 0x220,  // entries carry their own length
};

// Short name of a block type for messages ("PL_V9", "EVF_V2", ...); "unknown" otherwise.
std::string_view block_type_name(uint32_t type);

// Layout version of a process-list block type: 1..9, or 0 when `type` is not a process list.
int process_list_version(uint32_t type);

inline constexpr uint32_t kShbMagic = 0x1A2B3C4D;         // byte-order magic, host order
inline constexpr uint32_t kShbMagicSwapped = 0x4D3C2B1A;  // written by a big-endian host
inline constexpr uint16_t kShbMajorVersion = 1;           // highest major version we read
inline constexpr uint16_t kShbMinorVersion = 2;           // what our writer writes
inline constexpr uint32_t kBlockHeaderSize = 8;           // type + total_length
inline constexpr uint32_t kBlockTrailerSize = 4;
inline constexpr uint32_t kMachineInfoSize = 180;  // the on-disk machine info body
// Largest block readers of non-LARGE event blocks accept (sysdig's read buffer): header
// excluded, trailer included.
inline constexpr uint32_t kMaxSmallEventBlockRead = 65536;

// Event types whose length old (EV v1) captures recorded 3 bytes too long.
inline constexpr uint16_t kTypeNotificationE = 280;
inline constexpr uint16_t kTypeInfrastructureEventE = 286;

// Limits sysdig applies to strings in state blocks; our writer never exceeds them.
inline constexpr size_t kMaxPathSize = 1024;
inline constexpr size_t kMaxArgsSize = 4096;  // also env and cgroups
inline constexpr size_t kMaxCredentialsLen = 256;

// ---- State block contents -------------------------------------------------------------------

// Section header (SHB). Options are pcapng options found after the fixed fields (sysdig 0.29
// cannot read a file whose SHB has options; newer readers skip them).
struct SectionHeader {
  uint16_t major = kShbMajorVersion;
  uint16_t minor = kShbMinorVersion;
  uint64_t section_length = ~uint64_t{0};
  struct Option {
    uint16_t code;  // 1 = comment, 2..4 = hardware / os / user application
    std::string value;
  };
  std::vector<Option> options;
};

struct MachineInfo {
  uint32_t num_cpus = 0;
  uint64_t memory_size_bytes = 0;
  uint64_t max_pid = 0;
  std::string hostname;  // at most 127 bytes on disk (128 with the NUL)
  uint64_t boot_ts_epoch = 0;  // ns; 0 in captures older than libs 0.11
  uint64_t flags = 0;
  uint64_t reserved3 = 0;
  uint64_t reserved4 = 0;
};

// One thread of a process list block, every version's fields. `version` says which layout the
// entry came from (1..9); fields that layout lacks keep the defaults below.
struct ProcessInfo {
  int version = 9;
  uint64_t tid = 0;
  uint64_t pid = 0;
  uint64_t ptid = 0;
  int64_t sid = -1;    // v6+
  int64_t vpgid = -1;  // v8+
  std::string comm;
  std::string exe;      // argv[0]
  std::string exepath;  // v7+: resolved executable path
  std::string args;     // arguments after argv[0], each NUL-terminated, as on disk
  std::string cwd;
  uint64_t fdlimit = 0;
  uint32_t flags = 0;  // PPM_CL_* clone flags
  uint32_t uid = 0;
  uint32_t gid = 0;
  uint32_t vmsize_kb = 0;  // v2+
  uint32_t vmrss_kb = 0;
  uint32_t vmswap_kb = 0;
  uint64_t pfmajor = 0;
  uint64_t pfminor = 0;
  std::string env;  // v3+: NUL-separated, as on disk
  int64_t vtid = -1;  // v4+
  int64_t vpid = -1;
  std::string cgroups;  // v4+: "subsys=path" entries, NUL-separated, as on disk
  std::string root;     // v5+
  // v9 entries only (present when the entry's length covers them):
  uint64_t pidns_init_start_ts = 0;
  uint32_t tty = 0;
  uint32_t loginuid = UINT32_MAX;
  bool exe_writable = false;
  uint64_t cap_inheritable = 0;
  uint64_t cap_permitted = 0;
  uint64_t cap_effective = 0;
  bool exe_upper_layer = false;
  uint64_t exe_ino = 0;
  uint64_t exe_ino_ctime = 0;
  uint64_t exe_ino_mtime = 0;
  bool exe_from_memfd = false;
  bool exe_lower_layer = false;
  int64_t pgid = -1;
};

struct ProcessList {
  std::vector<ProcessInfo> entries;
};

// fd types as numbered in the scap format.
enum class FdType : uint8_t {
  Unknown = 0, File = 1, Directory = 2, Ipv4Sock = 3, Ipv6Sock = 4, Ipv4ServSock = 5,
  Ipv6ServSock = 6, Fifo = 7, UnixSock = 8, Event = 9, Unsupported = 10, Signalfd = 11,
  Eventpoll = 12, Inotify = 13, Timerfd = 14, Netlink = 15, FileV2 = 16, Bpf = 17,
  Userfaultfd = 18, Iouring = 19, Memfd = 20, Pidfd = 21,
};

// One fd of a thread. Which fields are meaningful depends on `type`:
//   Ipv4Sock: sip4 dip4 sport dport l4proto      Ipv4ServSock: sip4 (ip) sport (port) l4proto
//   Ipv6Sock: sip6 dip6 sport dport l4proto      Ipv6ServSock: sip6 (ip) sport (port) l4proto
//   UnixSock: unix_source unix_dest name         FileV2: open_flags name [dev]
//   every other type: name
// IPv4 addresses and ports are stored as the kernel reports them (network byte order values
// read as little-endian integers, as sysdig does).
struct FdInfo {
  int64_t fd = 0;
  uint64_t ino = 0;
  FdType type = FdType::Unknown;
  uint8_t raw_type = 0;  // the type byte on disk (differs from `type` for unknown types)
  uint32_t sip4 = 0;
  uint32_t dip4 = 0;
  std::array<uint8_t, 16> sip6{};
  std::array<uint8_t, 16> dip6{};
  uint16_t sport = 0;
  uint16_t dport = 0;
  uint8_t l4proto = 0;
  uint64_t unix_source = 0;
  uint64_t unix_dest = 0;
  uint32_t open_flags = 0;
  uint32_t dev = 0;
  bool has_dev = false;
  std::string name;
};

struct FdList {
  uint64_t tid = 0;
  std::vector<FdInfo> entries;
};

// One address of a network interface. Type ids: 1 IPv4, 2 IPv6, 3 IPv4 without link speed,
// 4 IPv6 without link speed (old captures). `ipv6` tells which address fields apply.
struct InterfaceInfo {
  uint16_t type = 1;
  bool ipv6 = false;
  uint32_t addr4 = 0;
  uint32_t netmask4 = 0;
  uint32_t bcast4 = 0;
  std::array<uint8_t, 16> addr6{};
  std::array<uint8_t, 16> netmask6{};
  std::array<uint8_t, 16> bcast6{};
  uint64_t linkspeed = 0;
  std::string name;
};

struct InterfaceList {
  std::vector<InterfaceInfo> entries;
};

struct UserInfo {
  uint32_t uid = 0;
  uint32_t gid = 0;
  std::string name;
  std::string homedir;
  std::string shell;
};

struct GroupInfo {
  uint32_t gid = 0;
  std::string name;
};

struct UserList {
  std::vector<UserInfo> users;
  std::vector<GroupInfo> groups;
};

}  // namespace saker::scap
