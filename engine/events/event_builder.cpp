#include "engine/events/event_builder.h"

#include <cstdio>
#include <cstring>

#include "engine/events/ppm_flags.h"

namespace saker::events {

uint32_t param_type_width(ParamType t) {
  switch (t) {
    case ParamType::Int64: case ParamType::Uint64: case ParamType::Errno: case ParamType::Fd:
    case ParamType::Pid: case ParamType::Reltime: case ParamType::Abstime:
    case ParamType::Double:
      return 8;
    case ParamType::Int32: case ParamType::Uint32: case ParamType::Flags32:
    case ParamType::Enumflags32: case ParamType::Uid: case ParamType::Gid: case ParamType::Mode:
    case ParamType::Sigset: case ParamType::Bool: case ParamType::Ipv4addr: case ParamType::Fd32:
    case ParamType::Pid32:
      return 4;
    case ParamType::Int16: case ParamType::Uint16: case ParamType::Flags16:
    case ParamType::Enumflags16: case ParamType::Port: case ParamType::Syscallid:
      return 2;
    case ParamType::Int8: case ParamType::Uint8: case ParamType::Flags8:
    case ParamType::Enumflags8: case ParamType::Sigtype: case ParamType::L4proto:
    case ParamType::Sockfamily:
      return 1;
    default:
      return 0;
  }
}

namespace {

// The appender kind each variable-size ParamType accepts.
bool kind_accepts(uint8_t kind, ParamType t) {
  enum : uint8_t { Int, Str, Bytes, Sockaddr, Socktuple, Fdlist, Dyn };
  switch (kind) {
    case Str:
      return t == ParamType::Charbuf || t == ParamType::Fspath || t == ParamType::Fsrelpath;
    case Bytes:
      return t == ParamType::Bytebuf || t == ParamType::Charbufarray ||
             t == ParamType::CharbufPairArray || t == ParamType::Ipv6addr ||
             t == ParamType::Ipaddr || t == ParamType::Ipnet || t == ParamType::Ipv4net ||
             t == ParamType::Ipv6net;
    case Sockaddr:
      return t == ParamType::Sockaddr;
    case Socktuple:
      return t == ParamType::Socktuple;
    case Fdlist:
      return t == ParamType::Fdlist;
    case Dyn:
      return t == ParamType::Dyn;
    default:
      return false;
  }
}

const char* kind_name(uint8_t kind, uint32_t width) {
  static const char* ints[] = {"?", "int8", "int16", "?", "int32", "?", "?", "?", "int64"};
  static const char* others[] = {"int", "string", "bytes", "sockaddr", "socktuple", "fdlist",
                                 "dyn", "empty"};
  if (kind == 0) return width <= 8 ? ints[width] : "int";
  return kind < 8 ? others[kind] : "?";
}

const char* type_name(ParamType t) {
  static const char* n[] = {
      "NONE", "INT8", "INT16", "INT32", "INT64", "UINT8", "UINT16", "UINT32", "UINT64",
      "CHARBUF", "BYTEBUF", "ERRNO", "SOCKADDR", "SOCKTUPLE", "FD", "PID", "FDLIST", "FSPATH",
      "SYSCALLID", "SIGTYPE", "RELTIME", "ABSTIME", "PORT", "L4PROTO", "SOCKFAMILY", "BOOL",
      "IPV4ADDR", "DYN", "FLAGS8", "FLAGS16", "FLAGS32", "UID", "GID", "DOUBLE", "SIGSET",
      "CHARBUFARRAY", "CHARBUF_PAIR_ARRAY", "IPV4NET", "IPV6ADDR", "IPV6NET", "IPADDR", "IPNET",
      "MODE", "FSRELPATH", "ENUMFLAGS8", "ENUMFLAGS16", "ENUMFLAGS32", "FD32", "PID32"};
  const auto i = static_cast<size_t>(t);
  return i < sizeof(n) / sizeof(n[0]) ? n[i] : "?";
}

}  // namespace

void EventBuilder::fail(const char* what, Kind kind, uint32_t width) {
  if (!failed_ || error_len_ == 0) {
    const char* ev = info_ != nullptr ? info_->name : "?";
    int n;
    if (kind != Kind::Any && info_ != nullptr && nparams_ < info_->params.size()) {
      const ParamInfo& p = info_->params[nparams_];
      n = std::snprintf(error_, sizeof(error_), "event %u (%s) param %u '%s' is %s: %s (%s)",
                        type_, ev, nparams_, p.name, type_name(p.type), what,
                        kind_name(static_cast<uint8_t>(kind), width));
    } else {
      n = std::snprintf(error_, sizeof(error_), "event %u (%s) param %u: %s", type_, ev,
                        nparams_, what);
    }
    error_len_ = n < 0 ? 0 : (static_cast<size_t>(n) < sizeof(error_) ? n : sizeof(error_) - 1);
  }
  failed_ = true;
}

bool EventBuilder::start(uint16_t type, std::span<uint8_t> buf) {
  failed_ = false;
  open_ = true;
  error_len_ = 0;
  error_[0] = 0;
  nparams_ = 0;
  type_ = type;
  buf_ = buf.data();
  cap_ = buf.size();
  info_ = event_info(type);
  if (info_ == nullptr) {
    fail("event type unknown to the schema");
    return false;
  }
  len_size_ = param_len_size(*info_);
  expected_ = static_cast<uint32_t>(info_->params.size());
  pos_ = sizeof(scap::EventHeader) + static_cast<size_t>(expected_) * len_size_;
  if (pos_ > cap_) {
    fail("buffer too small for the header");
    return false;
  }
  return true;
}

uint8_t* EventBuilder::next_param(Kind kind, uint32_t width, size_t len) {
  if (!open_) {
    fail("no event started");
    return nullptr;
  }
  if (failed_) return nullptr;
  if (nparams_ >= expected_) {
    fail("more params than the schema defines");
    return nullptr;
  }
  if (checked_ && kind != Kind::Any) {
    const ParamType t = info_->params[nparams_].type;
    const bool ok = kind == Kind::Int ? param_type_width(t) == width
                                      : kind_accepts(static_cast<uint8_t>(kind), t);
    if (!ok) {
      fail("appended", kind, width);
      return nullptr;
    }
  }
  const size_t max_len = len_size_ == 2 ? 0xffffu : 0xffffffffu;
  if (len > max_len || pos_ + len > cap_) {
    fail("does not fit in the buffer");
    return nullptr;
  }
  uint8_t* lens = buf_ + sizeof(scap::EventHeader) + static_cast<size_t>(nparams_) * len_size_;
  if (len_size_ == 2) {
    const uint16_t l = static_cast<uint16_t>(len);
    std::memcpy(lens, &l, 2);
  } else {
    const uint32_t l = static_cast<uint32_t>(len);
    std::memcpy(lens, &l, 4);
  }
  uint8_t* at = buf_ + pos_;
  pos_ += len;
  ++nparams_;
  return at;
}

bool EventBuilder::add_int(uint64_t v, uint32_t width) {
  uint8_t* p = next_param(Kind::Int, width, width);
  if (p == nullptr) return false;
  std::memcpy(p, &v, width);  // little-endian host: the low `width` bytes
  return true;
}

bool EventBuilder::add_str(std::string_view s) {
  const void* nul = std::memchr(s.data(), 0, s.size());
  if (nul != nullptr) s = s.substr(0, static_cast<const char*>(nul) - s.data());
  uint8_t* p = next_param(Kind::Str, 0, s.size() + 1);
  if (p == nullptr) return false;
  std::memcpy(p, s.data(), s.size());
  p[s.size()] = 0;
  return true;
}

bool EventBuilder::add_str_trunc(std::string_view s) {
  if (!open_ || failed_) return add_str(s);
  const void* nul = std::memchr(s.data(), 0, s.size());
  if (nul != nullptr) s = s.substr(0, static_cast<const char*>(nul) - s.data());
  const size_t room = cap_ > pos_ ? cap_ - pos_ : 0;
  const size_t max_len = (len_size_ == 2 ? 0xffffu : 0xffffffffu);
  size_t fit = room < max_len ? room : max_len;
  if (fit == 0) return add_str(s);  // reports the overflow
  if (s.size() + 1 > fit) s = s.substr(0, fit - 1);
  return add_str(s);
}

bool EventBuilder::add_bytes(std::span<const uint8_t> b) {
  uint8_t* p = next_param(Kind::Bytes, 0, b.size());
  if (p == nullptr) return false;
  if (!b.empty()) std::memcpy(p, b.data(), b.size());
  return true;
}

bool EventBuilder::add_str_list(std::span<const std::string_view> items) {
  size_t total = 0;
  for (auto s : items) total += s.size() + 1;
  uint8_t* p = next_param(Kind::Bytes, 0, total);
  if (p == nullptr) return false;
  for (auto s : items) {
    std::memcpy(p, s.data(), s.size());
    p += s.size();
    *p++ = 0;
  }
  return true;
}

bool EventBuilder::add_sockaddr_inet(uint32_t addr_be, uint16_t port) {
  uint8_t* p = next_param(Kind::Sockaddr, 0, 7);
  if (p == nullptr) return false;
  p[0] = static_cast<uint8_t>(PPM_AF_INET);
  std::memcpy(p + 1, &addr_be, 4);
  std::memcpy(p + 5, &port, 2);
  return true;
}

bool EventBuilder::add_sockaddr_inet6(const uint8_t addr[16], uint16_t port) {
  uint8_t* p = next_param(Kind::Sockaddr, 0, 19);
  if (p == nullptr) return false;
  p[0] = static_cast<uint8_t>(PPM_AF_INET6);
  std::memcpy(p + 1, addr, 16);
  std::memcpy(p + 17, &port, 2);
  return true;
}

bool EventBuilder::add_sockaddr_unix(std::string_view path) {
  const void* nul = std::memchr(path.data(), 0, path.size());
  if (nul != nullptr) path = path.substr(0, static_cast<const char*>(nul) - path.data());
  uint8_t* p = next_param(Kind::Sockaddr, 0, 1 + path.size() + 1);
  if (p == nullptr) return false;
  p[0] = static_cast<uint8_t>(PPM_AF_UNIX);
  std::memcpy(p + 1, path.data(), path.size());
  p[1 + path.size()] = 0;
  return true;
}

bool EventBuilder::add_socktuple_inet(uint32_t saddr_be, uint16_t sport, uint32_t daddr_be,
                                      uint16_t dport) {
  uint8_t* p = next_param(Kind::Socktuple, 0, 13);
  if (p == nullptr) return false;
  p[0] = static_cast<uint8_t>(PPM_AF_INET);
  std::memcpy(p + 1, &saddr_be, 4);
  std::memcpy(p + 5, &sport, 2);
  std::memcpy(p + 7, &daddr_be, 4);
  std::memcpy(p + 11, &dport, 2);
  return true;
}

bool EventBuilder::add_socktuple_inet6(const uint8_t saddr[16], uint16_t sport,
                                       const uint8_t daddr[16], uint16_t dport) {
  uint8_t* p = next_param(Kind::Socktuple, 0, 37);
  if (p == nullptr) return false;
  p[0] = static_cast<uint8_t>(PPM_AF_INET6);
  std::memcpy(p + 1, saddr, 16);
  std::memcpy(p + 17, &sport, 2);
  std::memcpy(p + 19, daddr, 16);
  std::memcpy(p + 35, &dport, 2);
  return true;
}

bool EventBuilder::add_socktuple_unix(uint64_t source, uint64_t dest, std::string_view path) {
  const void* nul = std::memchr(path.data(), 0, path.size());
  if (nul != nullptr) path = path.substr(0, static_cast<const char*>(nul) - path.data());
  uint8_t* p = next_param(Kind::Socktuple, 0, 17 + path.size() + 1);
  if (p == nullptr) return false;
  p[0] = static_cast<uint8_t>(PPM_AF_UNIX);
  std::memcpy(p + 1, &source, 8);
  std::memcpy(p + 9, &dest, 8);
  std::memcpy(p + 17, path.data(), path.size());
  p[17 + path.size()] = 0;
  return true;
}

bool EventBuilder::add_fdlist(std::span<const FdListEntry> fds) {
  if (fds.size() > 0xffff) {
    fail("fd list longer than 65535 entries");
    return false;
  }
  uint8_t* p = next_param(Kind::Fdlist, 0, 2 + fds.size() * 10);
  if (p == nullptr) return false;
  const uint16_t n = static_cast<uint16_t>(fds.size());
  std::memcpy(p, &n, 2);
  p += 2;
  for (const auto& e : fds) {
    std::memcpy(p, &e.fd, 8);
    std::memcpy(p + 8, &e.flags, 2);
    p += 10;
  }
  return true;
}

bool EventBuilder::add_dyn(uint8_t index, std::span<const uint8_t> value) {
  if (checked_ && info_ != nullptr && nparams_ < expected_) {
    const ParamInfo& pi = info_->params[nparams_];
    if (pi.type == ParamType::Dyn && index >= pi.dyn.size()) {
      fail("dyn sub-param index out of range");
      return false;
    }
  }
  uint8_t* p = next_param(Kind::Dyn, 0, 1 + value.size());
  if (p == nullptr) return false;
  p[0] = index;
  if (!value.empty()) std::memcpy(p + 1, value.data(), value.size());
  return true;
}

bool EventBuilder::add_empty() { return next_param(Kind::Any, 0, 0) != nullptr; }

uint32_t EventBuilder::finish(uint64_t ts, uint64_t tid) {
  if (!open_ || failed_) return 0;
  if (nparams_ != expected_) {
    fail("fewer params than the schema defines");
    return 0;
  }
  if (pos_ > scap::kMaxEventLen) {
    fail("event longer than kMaxEventLen");
    return 0;
  }
  scap::EventHeader h;
  h.ts = ts;
  h.tid = tid;
  h.len = static_cast<uint32_t>(pos_);
  h.type = type_;
  h.nparams = nparams_;
  std::memcpy(buf_, &h, sizeof(h));
  open_ = false;  // one finish per start
  return h.len;
}

}  // namespace saker::events
