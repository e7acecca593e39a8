#pragma once
// One open file descriptor as the state engine knows it: what kind of object it names, the path
// or socket tuple, and the flags it was opened with. Type numbers follow the scap fd types so
// trace-file fd lists map onto FdType by a plain cast; `typechar()` gives Falco's fd.typechar.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace saker::state {

// Numbered as scap_fd_type (the .scap fd-list blocks store these values).
enum class FdType : int8_t {
  Uninitialized = -1,
  Unknown = 0,
  File = 1,
  Directory = 2,
  Ipv4Sock = 3,
  Ipv6Sock = 4,
  Ipv4ServSock = 5,
  Ipv6ServSock = 6,
  Fifo = 7,
  UnixSock = 8,
  Event = 9,
  Unsupported = 10,
  Signalfd = 11,
  Eventpoll = 12,
  Inotify = 13,
  Timerfd = 14,
  Netlink = 15,
  FileV2 = 16,
  Bpf = 17,
  Userfaultfd = 18,
  IoUring = 19,
  Memfd = 20,
  Pidfd = 21,
};

// Transport protocol, numbered as scap_l4_proto.
enum class L4Proto : uint8_t { Unknown = 0, NA = 1, Tcp = 2, Udp = 3, Icmp = 4, Raw = 5 };

enum class SockRole : uint8_t { None = 0, Client = 1, Server = 2 };
enum class ConnState : uint8_t { None = 0, Pending = 1, Connected = 2, Failed = 3 };

// Address family of a SockTuple, valued as PPM_AF_*.
inline constexpr uint8_t kFamilyNone = 0;
inline constexpr uint8_t kFamilyUnix = 1;
inline constexpr uint8_t kFamilyInet = 2;
inline constexpr uint8_t kFamilyInet6 = 10;

// Addresses of a socket. IPv4 addresses use the first 4 bytes of sip/dip, in network byte order
// (as the scap tuple stores them); ports are host-order integers.
// For a server socket (Ipv4ServSock/Ipv6ServSock) the bound address is in sip/sport.
// For a unix socket, unix_source/unix_dest are the kernel socket addresses.
struct SockTuple {
  uint8_t family = kFamilyNone;
  L4Proto l4proto = L4Proto::Unknown;
  uint16_t sport = 0;
  uint16_t dport = 0;
  std::array<uint8_t, 16> sip{};
  std::array<uint8_t, 16> dip{};
  uint64_t unix_source = 0;
  uint64_t unix_dest = 0;
};

struct FdInfo {
  // Bits of `flags`.
  static constexpr uint32_t kCloned = 1u << 0;         // copied from the parent at fork
  static constexpr uint32_t kOverlayUpper = 1u << 1;   // file on an overlay upper layer
  static constexpr uint32_t kOverlayLower = 1u << 2;   // file on an overlay lower layer
  static constexpr uint32_t kFromProc = 1u << 3;       // seeded from /proc or a state block

  int64_t fd = -1;
  FdType type = FdType::Uninitialized;
  SockRole role = SockRole::None;
  ConnState conn = ConnState::None;
  bool name_changed = false;  // the last event changed `name` (fd.name_changed)
  uint32_t openflags = 0;     // PPM_O_* bits (PPM_O_CLOEXEC marks close-on-exec)
  uint32_t flags = 0;         // k* bits above
  uint32_t dev = 0;
  uint32_t mount_id = 0;
  uint64_t ino = 0;
  std::string name;      // resolved path, socket tuple text, unix path, memfd name ...
  std::string name_raw;  // the path exactly as the syscall passed it (fs.path.nameraw)
  SockTuple sock;

  // Resets every field, keeping the strings' capacity (no allocation when an fd slot is reused).
  void reset() {
    fd = -1;
    type = FdType::Uninitialized;
    role = SockRole::None;
    conn = ConnState::None;
    name_changed = false;
    openflags = flags = dev = mount_id = 0;
    ino = 0;
    name.clear();
    name_raw.clear();
    sock = SockTuple{};
  }

  bool is_file() const { return type == FdType::File || type == FdType::FileV2; }
  bool is_inet() const {
    return type == FdType::Ipv4Sock || type == FdType::Ipv6Sock ||
           type == FdType::Ipv4ServSock || type == FdType::Ipv6ServSock;
  }
  bool is_socket() const { return is_inet() || type == FdType::UnixSock || type == FdType::Netlink; }
  bool is_tcp() const { return is_inet() && sock.l4proto == L4Proto::Tcp; }
  bool is_udp() const { return is_inet() && sock.l4proto == L4Proto::Udp; }
  bool close_on_exec() const;
  // The transport protocol as Falco reports it (fd.l4proto, the `<4t>` letter): a client-side
  // inet socket that has no role yet (not connected, accepted or used) reports none unless it
  // is raw; server sockets report theirs; non-inet fds have none.
  L4Proto effective_l4proto() const {
    switch (type) {
      case FdType::Ipv4Sock:
      case FdType::Ipv6Sock:
        if (sock.l4proto == L4Proto::Raw) return L4Proto::Raw;
        return role == SockRole::None ? L4Proto::NA : sock.l4proto;
      case FdType::Ipv4ServSock:
      case FdType::Ipv6ServSock:
        return sock.l4proto;
      default:
        return L4Proto::NA;
    }
  }

  // Falco's fd.typechar letter ('f', '4', '6', 'u', 'p', 'e', 's', 'l', 'i', 't', 'n', 'd',
  // 'b', 'r', 'm', 'P', 'o' unknown, 'X' unsupported, '?' uninitialized).
  char typechar() const { return fd_typechar(type); }
  // Falco's fd.type word ("file", "ipv4", "unix", ...; "<NA>" when unknown).
  const char* typestring() const { return fd_typestring(type); }

  static char fd_typechar(FdType t);
  static const char* fd_typestring(FdType t);
};

// Renders a socket tuple the way sysdig names sockets:
//   inet client/accepted: "10.0.0.1:40000->10.0.0.2:80"   (IPv6 without brackets)
//   inet server:          "0.0.0.0:80"
//   unix:                 "<source hex>-><dest hex> <path>"  (path appended by the caller)
// Appends to `out` (cleared first), reusing its capacity.
void format_inet_tuple(std::string& out, const SockTuple& t);
void format_inet_endpoint(std::string& out, uint8_t family, const uint8_t* ip, uint16_t port);
void format_unix_tuple(std::string& out, uint64_t source, uint64_t dest, std::string_view path);
// Text of one IP address (4 or 16 bytes) into `out` (appended).
void append_ip(std::string& out, uint8_t family, const uint8_t* ip);

// True for an IPv6 address that carries an IPv4 one (::ffff:a.b.c.d, or all zeros).
bool is_ipv4_mapped(const uint8_t* ip16);

}  // namespace saker::state
