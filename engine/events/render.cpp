// Param rendering, matching sysdig 0.29's text output byte for byte (see render.h). Each param
// type renders in two steps: its value, then its resolved form (names of flags, errnos, fds ...).
// Both append to strings the caller owns; nothing here allocates beyond growing those strings.
#include "engine/events/render.h"

#include <arpa/inet.h>

#include <cinttypes>
#include <cstdio>
#include <cstring>

#include "engine/events/flag_names.h"
#include "engine/events/ppm_flags.h"

namespace saker::events {
namespace {

// The param being rendered, with Dyn params already narrowed to their sub-param.
struct Param {
  const EventView& ev;
  uint32_t index;
  const ParamInfo& info;  // the schema entry (name, print format, flag names)
  ParamType type;         // the type that decides the rendering (a Dyn param's sub-type)
  PrintFormat fmt;        // always the schema entry's format, as in sysdig
  std::span<const uint8_t> data;
  bool dyn_invalid = false;
  const RenderResolver* resolver;
  const RenderOptions& opts;
};

template <typename T>
T load(std::span<const uint8_t> d, size_t off = 0) {
  T v{};
  if (d.size() >= off + sizeof(T)) std::memcpy(&v, d.data() + off, sizeof(T));
  return v;
}

// Reads an unsigned integer of the payload's own size (sysdig reads the type's size; params in
// the wild always have it, this only avoids reading past a short param).
uint64_t load_uint(std::span<const uint8_t> d, size_t want) {
  uint64_t v = 0;
  std::memcpy(&v, d.data(), d.size() < want ? d.size() : want);
  return v;
}

void appendf(std::string& out, const char* fmt, auto... args) {
  char buf[64];
  int n = std::snprintf(buf, sizeof(buf), fmt, args...);
  if (n > 0) out.append(buf, static_cast<size_t>(n) < sizeof(buf) ? n : sizeof(buf) - 1);
}

constexpr bool printable(uint8_t c) { return c >= 0x20 && c < 0x7f; }

// sysdig drops non-printable characters from names (fd names, unix socket paths, user names).
void append_sanitized(std::string& out, std::string_view s) {
  for (char c : s) {
    if (printable(static_cast<uint8_t>(c))) out.push_back(c);
  }
}

// The payload as a C string: up to the first NUL.
std::string_view c_string(std::span<const uint8_t> d) {
  const char* p = reinterpret_cast<const char*>(d.data());
  const void* nul = std::memchr(p, 0, d.size());
  return {p, nul ? static_cast<size_t>(static_cast<const char*>(nul) - p) : d.size()};
}

// Signed/unsigned/octal/hex rendering of an integer according to the param's print format, with
// sysdig's printf conversions (notably: Uint32 in Dec prints as a signed int, octal with a 0).
void append_int(std::string& out, PrintFormat fmt, int64_t sval, uint64_t uval, int bits,
                bool is_signed) {
  (void)is_signed;
  // Narrow values went through printf as (promoted) ints.
  const uint64_t x = bits == 64 ? uval : static_cast<uint32_t>(static_cast<int32_t>(sval));
  switch (fmt) {
    case PrintFormat::Oct:
      appendf(out, "%#" PRIo64, x);
      return;
    case PrintFormat::Hex:
      appendf(out, "%" PRIX64, x);
      return;
    case PrintFormat::PaddedDec10:
      if (bits == 64) appendf(out, "%09" PRId64, sval);
      else appendf(out, "%09" PRId32, static_cast<int32_t>(sval));
      return;
    default:
      if (bits == 64) appendf(out, "%" PRId64, sval);
      else appendf(out, "%" PRId32, static_cast<int32_t>(sval));
      return;
  }
}

// Flag names as sysdig 0.29 resolves them: walk the table in order; a table entry equal to the
// whole value ends the walk and is printed; otherwise every entry whose bits are all set is
// printed and its bits removed.
void append_flag_names(std::string& out, std::span<const NameValue> names, uint32_t initial) {
  uint32_t val = initial;
  const char* sep = "";
  size_t k = 0;
  for (; k < names.size() && names[k].value != initial; ++k) {
    const uint32_t f = names[k].value;
    if ((f == 0 && initial == 0) || (f != 0 && (val & f) == f && val != 0)) {
      out += sep;
      out += names[k].name;
      sep = "|";
      val &= ~f;
    }
  }
  if (k < names.size()) {
    out += sep;
    out += names[k].name;
  }
}

void append_ipv4(std::string& out, const uint8_t* ip) {
  appendf(out, "%u.%u.%u.%u", ip[0], ip[1], ip[2], ip[3]);
}

bool append_ipv6(std::string& out, const uint8_t* ip) {
  char buf[INET6_ADDRSTRLEN];
  if (inet_ntop(AF_INET6, ip, buf, sizeof(buf)) == nullptr) return false;
  out += buf;
  return true;
}

bool ipv4_mapped(const uint8_t* a) {
  for (int k = 0; k < 10; ++k) {
    if (a[k] != 0) return false;
  }
  if (a[10] == 0xff && a[11] == 0xff) return true;
  return a[10] == 0 && a[11] == 0 && a[12] == 0 && a[13] == 0 && a[14] == 0 && a[15] == 0;
}

// sysdig writes a unix socket's family with the host's AF_UNIX, inet families with PPM_AF_*.
constexpr uint8_t kFamilyUnix = 1;

void render_sockaddr(std::string& out, std::span<const uint8_t> d) {
  if (d.empty()) { out += "NULL"; return; }
  const uint8_t fam = d[0];
  if (fam == kFamilyUnix) {
    append_sanitized(out, c_string(d.subspan(1)));
  } else if (fam == PPM_AF_INET) {
    if (d.size() != 1 + 4 + 2) { out += "INVALID IPv4"; return; }
    append_ipv4(out, d.data() + 1);
    appendf(out, ":%u", load<uint16_t>(d, 5));
  } else if (fam == PPM_AF_INET6) {
    if (d.size() != 1 + 16 + 2) { out += "INVALID IPv6"; return; }
    if (append_ipv6(out, d.data() + 1)) appendf(out, ":%u", load<uint16_t>(d, 17));
  } else {
    appendf(out, "family %d", static_cast<int>(static_cast<int8_t>(fam)));
  }
}

void render_socktuple(std::string& out, std::span<const uint8_t> d) {
  if (d.empty()) { out += "NULL"; return; }
  const uint8_t fam = d[0];
  if (fam == PPM_AF_INET) {
    if (d.size() != 1 + 4 + 2 + 4 + 2) { out += "INVALID IPv4"; return; }
    append_ipv4(out, d.data() + 1);
    appendf(out, ":%u->", load<uint16_t>(d, 5));
    append_ipv4(out, d.data() + 7);
    appendf(out, ":%u", load<uint16_t>(d, 11));
  } else if (fam == PPM_AF_INET6) {
    if (d.size() == 1 + 16 + 2 + 16 + 2) {
      const uint8_t* sip = d.data() + 1;
      const uint8_t* dip = d.data() + 19;
      if (ipv4_mapped(sip) && ipv4_mapped(dip)) {
        append_ipv4(out, sip + 12);
        appendf(out, ":%u->", load<uint16_t>(d, 17));
        append_ipv4(out, dip + 12);
        appendf(out, ":%u", load<uint16_t>(d, 35));
        return;
      }
      char s[INET6_ADDRSTRLEN], t[INET6_ADDRSTRLEN];
      if (inet_ntop(AF_INET6, sip, s, sizeof(s)) && inet_ntop(AF_INET6, dip, t, sizeof(t))) {
        out += s;
        appendf(out, ":%u->", load<uint16_t>(d, 17));
        out += t;
        appendf(out, ":%u", load<uint16_t>(d, 35));
        return;
      }
    }
    out += "INVALID IPv6";
  } else if (fam == kFamilyUnix) {
    appendf(out, "%" PRIx64 "->%" PRIx64 " ", load<uint64_t>(d, 1), load<uint64_t>(d, 9));
    if (d.size() > 17) append_sanitized(out, c_string(d.subspan(17)));
  } else {
    appendf(out, "family %d", static_cast<int>(static_cast<int8_t>(fam)));
  }
}

// Bytes with non-printables as '.', cut to opts.max_buffer_len with a "..." tail.
void render_bytebuf(std::string& out, std::span<const uint8_t> d, uint32_t max_len) {
  const size_t start = out.size();
  for (uint8_t c : d) out.push_back(printable(c) ? static_cast<char>(c) : '.');
  const size_t n = out.size() - start;
  if (max_len != 0 && n > max_len) {
    out.resize(start + max_len);
    if (max_len > 3) out.replace(out.size() - 3, 3, "...");
  }
}

// Appends `path` after the base directory already written at out[root..], resolving it the way
// sysdig does: non-printable characters become '.', "./" and repeated '/' vanish, "../" removes
// the last component (never past root + 1), a trailing '/' is dropped.
void append_resolved_path(std::string& out, size_t root, std::string_view path) {
  size_t pc = 0;
  auto at = [&](size_t k) -> char { return k < path.size() ? path[k] : '\0'; };
  auto rewind = [&](size_t delta) {
    size_t tc = out.size() - root;
    if (tc > 1) {
      --tc;
      while (tc >= 1 && out[root + tc - 1] != '/') --tc;
      out.resize(root + tc);
    }
    pc += delta;
  };
  while (true) {
    const char c = at(pc);
    if (c == '\0') {
      if (out.size() - root > 1 && out.back() == '/') out.pop_back();
      return;
    }
    if (!printable(static_cast<uint8_t>(c))) {
      out.push_back('.');
      ++pc;
    } else if (c == '.' && at(pc + 1) == '.' && at(pc + 2) == '/') {
      rewind(3);
    } else if (c == '.' && at(pc + 1) == '.') {
      if (at(pc + 2) == '\0') {
        rewind(2);
      } else {
        out += "..";
        pc += 2;
      }
    } else if (c == '.' && at(pc + 1) == '/') {
      pc += 2;
    } else if (c == '.') {
      if (at(pc + 1) != '\0') out.push_back('.');
      ++pc;
    } else if (c == '/') {
      if (!(out.size() > root && out.back() == '/')) out.push_back('/');
      ++pc;
    } else {
      out.push_back(c);
      ++pc;
    }
  }
}

bool thread_known(const Param& p) {
  return p.resolver != nullptr && p.resolver->thread_known(p.ev.tid());
}

void render_fd_resolved(const Param& p, int64_t fd, std::string& out) {
  if (!thread_known(p)) return;
  if (fd >= 0) {
    FdDesc d;
    if (!p.resolver->lookup_fd(p.ev.tid(), fd, d)) return;
    out.push_back('<');
    out.push_back(d.type_char);
    if (d.l4_char) out.push_back(d.l4_char);
    out.push_back('>');
    append_sanitized(out, d.name);
  } else if (fd == PPM_AT_FDCWD) {
    out += "AT_FDCWD";
  } else {
    out += errno_name(static_cast<int32_t>(fd));
  }
}

// Resolved form of a relative path: the thread's cwd (or, for an Fsrelpath whose dirfd param is
// a real fd, that directory's path and '/') joined with the path. Absolute paths have none.
void render_path_resolved(const Param& p, std::string& out) {
  if (p.data.empty() || !thread_known(p)) return;
  const std::string_view path = c_string(p.data);
  if (path.empty() || path[0] == '/' || path.substr(0, 4) == "<NA>") return;
  const size_t root = out.size();
  const int di = p.info.dirfd_param;
  const EventInfo* info = p.ev.info();
  int64_t dirfd = PPM_AT_FDCWD;
  if (p.info.type == ParamType::Fsrelpath && di >= 0 && info != nullptr &&
      static_cast<size_t>(di) < info->params.size() && info->params[di].type == ParamType::Fd &&
      p.ev.param_i64(static_cast<uint32_t>(di), dirfd) && dirfd != PPM_AT_FDCWD) {
    std::string_view dir;
    if (p.resolver->dir_fd_path(p.ev.tid(), dirfd, dir) && !dir.empty()) {
      append_sanitized(out, dir);
      out.push_back('/');
    }
  } else {
    std::string_view cwd;
    if (p.resolver->thread_cwd(p.ev.tid(), cwd)) out += cwd;
  }
  append_resolved_path(out, root, path);
}

void render_value(const Param& p, std::string& out) {
  const auto& d = p.data;
  if (p.dyn_invalid) {
    out += "INVALID DYNAMIC PARAMETER";
    return;
  }
  switch (p.type) {
    case ParamType::Int8:
      append_int(out, p.fmt, load<int8_t>(d), load<uint8_t>(d), 8, true);
      break;
    case ParamType::Int16:
      append_int(out, p.fmt, load<int16_t>(d), load<uint16_t>(d), 16, true);
      break;
    case ParamType::Int32:
      append_int(out, p.fmt, load<int32_t>(d), load<uint32_t>(d), 32, true);
      break;
    case ParamType::Int64:
      append_int(out, p.fmt, load<int64_t>(d), load<uint64_t>(d), 64, true);
      break;
    case ParamType::Uint8:
      append_int(out, p.fmt, load<uint8_t>(d), load<uint8_t>(d), 32, false);
      break;
    case ParamType::Uint16:
      append_int(out, p.fmt, load<uint16_t>(d), load<uint16_t>(d), 32, false);
      break;
    case ParamType::Uint32:
      append_int(out, p.fmt, static_cast<int32_t>(load<uint32_t>(d)), load<uint32_t>(d), 32, false);
      break;
    case ParamType::Uint64:
      append_int(out, p.fmt, load<int64_t>(d), load<uint64_t>(d), 64, false);
      break;
    case ParamType::Fd:
    case ParamType::Pid:
    case ParamType::Errno:
      appendf(out, "%" PRId64, load<int64_t>(d));
      break;
    case ParamType::Fd32:
    case ParamType::Pid32:
      appendf(out, "%" PRId32, load<int32_t>(d));
      break;
    case ParamType::Charbuf:
      out += c_string(d);
      break;
    case ParamType::Fspath:
    case ParamType::Fsrelpath:
      append_sanitized(out, c_string(d));
      break;
    case ParamType::Bytebuf:
      render_bytebuf(out, d, p.opts.max_buffer_len);
      break;
    case ParamType::Charbufarray:
    case ParamType::CharbufPairArray:
      // Strings separated by NULs in the scap payload; shown with '.' separators.
      render_bytebuf(out, d.empty() || d.back() != 0 ? d : d.first(d.size() - 1), 0);
      break;
    case ParamType::Sockaddr:
      render_sockaddr(out, d);
      break;
    case ParamType::Socktuple:
      render_socktuple(out, d);
      break;
    case ParamType::Fdlist: {
      if (!thread_known(p) || d.size() < 2) break;
      const uint16_t n = load<uint16_t>(d);
      size_t pos = 2;
      for (uint32_t k = 0; k < n && pos + 10 <= d.size(); ++k, pos += 10) {
        const int64_t fd = load<int64_t>(d, pos);
        const int16_t flags = load<int16_t>(d, pos + 8);
        FdDesc desc;
        const char tc = p.resolver->lookup_fd(p.ev.tid(), fd, desc) ? desc.type_char : '?';
        appendf(out, "%" PRIu64 ":%c%x", static_cast<uint64_t>(fd), tc,
                static_cast<uint32_t>(static_cast<int32_t>(flags)));
        if (k + 1 < n) out.push_back(' ');
      }
      break;
    }
    case ParamType::Syscallid: {
      const uint16_t id = load<uint16_t>(d);
      if (id >= syscall_code_count()) out += "<unknown syscall>";
      else appendf(out, "%u", id);
      break;
    }
    case ParamType::Sigtype:
      appendf(out, "%u", load<uint8_t>(d));
      break;
    case ParamType::Reltime: {
      const uint64_t v = load<uint64_t>(d);
      if (v == ~0ull) out += "none";
      else appendf(out, "%" PRIu64, v);
      break;
    }
    case ParamType::Abstime:
      appendf(out, "%" PRIu64, load<uint64_t>(d));
      break;
    case ParamType::Flags8:
    case ParamType::Flags16:
    case ParamType::Flags32:
    case ParamType::Enumflags8:
    case ParamType::Enumflags16:
    case ParamType::Enumflags32: {
      const size_t w = (p.type == ParamType::Flags8 || p.type == ParamType::Enumflags8)     ? 1
                       : (p.type == ParamType::Flags16 || p.type == ParamType::Enumflags16) ? 2
                                                                                            : 4;
      appendf(out, "%" PRIu32, static_cast<uint32_t>(load_uint(d, w)));
      break;
    }
    case ParamType::Mode:
      append_int(out, p.fmt, static_cast<int32_t>(load<uint32_t>(d)), load<uint32_t>(d), 32,
                 false);
      break;
    case ParamType::Uid:
    case ParamType::Gid: {
      const uint32_t v = load<uint32_t>(d);
      if (v == ~0u) out += "-1";
      else appendf(out, "%d", static_cast<int32_t>(v));
      break;
    }
    case ParamType::Sigset: {
      const uint32_t v = load<uint32_t>(d);
      bool first = true;
      for (uint32_t sig = 0; sig < 32; ++sig) {
        if ((v & (1u << sig)) == 0) continue;
        const std::string_view name = signal_name(sig + 1);
        if (name.empty()) continue;
        if (!first) out.push_back(' ');
        out += name;
        first = false;
      }
      break;
    }
    case ParamType::Port:
      appendf(out, "%u", load<uint16_t>(d));
      break;
    case ParamType::L4proto:
    case ParamType::Sockfamily:
      appendf(out, "%u", load<uint8_t>(d));
      break;
    case ParamType::Bool:
      out += load<uint32_t>(d) ? "true" : "false";
      break;
    case ParamType::Ipv4addr:
      if (d.size() >= 4) append_ipv4(out, d.data());
      break;
    case ParamType::Ipv6addr:
      if (d.size() >= 16) append_ipv6(out, d.data());
      break;
    case ParamType::Ipaddr:
      if (d.size() == 4) append_ipv4(out, d.data());
      else if (d.size() == 16) append_ipv6(out, d.data());
      break;
    case ParamType::Double:
      appendf(out, "%lf", load<double>(d));
      break;
    case ParamType::Dyn:
      out += "INVALID DYNAMIC PARAMETER";
      break;
    default:
      out += "(n.a.)";
      break;
  }
}

void render_resolved(const Param& p, std::string& out) {
  if (p.dyn_invalid) return;
  const auto& d = p.data;
  switch (p.type) {
    case ParamType::Fd:
      render_fd_resolved(p, load<int64_t>(d), out);
      break;
    case ParamType::Fd32:
      render_fd_resolved(p, load<int32_t>(d), out);
      break;
    case ParamType::Pid:
    case ParamType::Pid32: {
      const int64_t pid = p.type == ParamType::Pid ? load<int64_t>(d) : load<int32_t>(d);
      std::string_view comm;
      if (p.resolver != nullptr && p.resolver->thread_comm(pid, comm)) out += comm;
      break;
    }
    case ParamType::Errno: {
      const int64_t v = load<int64_t>(d);
      if (v < 0) out += errno_name(static_cast<int32_t>(v));
      break;
    }
    case ParamType::Fspath:
    case ParamType::Fsrelpath:
      render_path_resolved(p, out);
      break;
    case ParamType::Syscallid: {
      const uint16_t id = load<uint16_t>(d);
      if (id < syscall_code_count()) out += syscall_name(id);
      break;
    }
    case ParamType::Sigtype:
      out += signal_name(load<uint8_t>(d));
      break;
    case ParamType::Reltime: {
      const uint64_t v = load<uint64_t>(d);
      if (v != ~0ull) appendf(out, "%lgs", static_cast<double>(v) / 1000000000);
      break;
    }
    case ParamType::Flags8:
    case ParamType::Flags16:
    case ParamType::Flags32:
    case ParamType::Mode: {
      const size_t w = p.type == ParamType::Flags8 ? 1 : p.type == ParamType::Flags16 ? 2 : 4;
      append_flag_names(out, p.info.flags, static_cast<uint32_t>(load_uint(d, w)));
      break;
    }
    case ParamType::Enumflags8:
    case ParamType::Enumflags16:
    case ParamType::Enumflags32: {
      const size_t w = p.type == ParamType::Enumflags8 ? 1 : p.type == ParamType::Enumflags16 ? 2 : 4;
      const uint32_t v = static_cast<uint32_t>(load_uint(d, w));
      for (const NameValue& nv : p.info.flags) {
        if (nv.value == v) { out += nv.name; break; }
      }
      break;
    }
    case ParamType::Uid:
    case ParamType::Gid: {
      const uint32_t v = load<uint32_t>(d);
      if (v == ~0u) { out += "<NONE>"; break; }
      std::string_view name;
      const bool found = p.resolver != nullptr && (p.type == ParamType::Uid
                                                       ? p.resolver->user_name(v, name)
                                                       : p.resolver->group_name(v, name));
      if (found) append_sanitized(out, name);
      else out += "<NA>";
      break;
    }
    default:
      break;
  }
}

// Builds the Param for index i, or returns false when absent.
template <typename F>
bool with_param(const EventView& ev, uint32_t i, const RenderResolver* resolver,
                const RenderOptions& opts, F&& fn) {
  const EventInfo* info = ev.info();
  if (info == nullptr || i >= ev.nparams() || i >= info->params.size()) return false;
  const ParamInfo& pi = info->params[i];
  Param p{ev, i, pi, pi.type, pi.fmt, ev.param(i), false, resolver, opts};
  if (pi.type == ParamType::Dyn) {
    if (!pi.dyn.empty() && !p.data.empty()) {
      const uint8_t idx = p.data[0];
      if (idx < pi.dyn.size()) {
        p.type = pi.dyn[idx].type;
        p.data = p.data.subspan(1);
      } else {
        p.dyn_invalid = true;
      }
    } else {
      p.dyn_invalid = true;
    }
  }
  fn(p);
  return true;
}

}  // namespace

uint32_t rendered_param_count(const EventView& ev, const RenderOptions& opts) {
  const EventInfo* info = ev.info();
  if (info == nullptr) return 0;
  uint32_t n = ev.nparams();
  if (n > info->params.size()) n = static_cast<uint32_t>(info->params.size());
  if (opts.sysdig029_params) {
    const uint32_t legacy = sysdig029_param_count(ev.type());
    if (n > legacy) n = legacy;
  }
  return n;
}

int32_t param_index(const EventView& ev, std::string_view name, const RenderOptions& opts) {
  const uint32_t n = rendered_param_count(ev, opts);
  for (uint32_t i = 0; i < n; ++i) {
    if (name == ev.info()->params[i].name) return static_cast<int32_t>(i);
  }
  return -1;
}

bool render_param(const EventView& ev, uint32_t i, const RenderResolver* resolver,
                  std::string& value, std::string& resolved, const RenderOptions& opts) {
  return with_param(ev, i, resolver, opts, [&](const Param& p) {
    render_value(p, value);
    render_resolved(p, resolved);
  });
}

bool render_arg(const EventView& ev, uint32_t i, const RenderResolver* resolver, std::string& out,
                const RenderOptions& opts) {
  return with_param(ev, i, resolver, opts, [&](const Param& p) {
    const size_t start = out.size();
    render_resolved(p, out);
    if (out.size() == start) render_value(p, out);
  });
}

bool render_rawarg(const EventView& ev, uint32_t i, std::string& out) {
  static const RenderOptions kRaw{0, false};
  return with_param(ev, i, nullptr, kRaw, [&](const Param& p) {
    const auto& d = p.data;
    const bool oct = p.fmt == PrintFormat::Oct;
    switch (p.type) {
      case ParamType::Int8:
      case ParamType::Int16:
      case ParamType::Int32:
      case ParamType::Int64:
      case ParamType::Pid:
      case ParamType::Errno:
      case ParamType::Fd:
      case ParamType::Fd32:
      case ParamType::Pid32: {
        int64_t v = 0;
        if (p.info.type == ParamType::Dyn) v = static_cast<int64_t>(load_uint(d, d.size() > 8 ? 8 : d.size()));
        else ev.param_i64(i, v);
        if (oct) appendf(out, "%" PRIo64, static_cast<uint64_t>(v));
        else if (p.fmt == PrintFormat::Hex) appendf(out, "%" PRIX64, static_cast<uint64_t>(v));
        else appendf(out, "%" PRId64, v);
        break;
      }
      case ParamType::Uint64:
      case ParamType::Reltime:
      case ParamType::Abstime: {
        const uint64_t v = load<uint64_t>(d);
        if (oct) appendf(out, "%" PRIo64, v);
        else if (p.fmt == PrintFormat::Hex) appendf(out, "%" PRIX64, v);
        else appendf(out, "%" PRIu64, v);
        break;
      }
      case ParamType::Uint8:
      case ParamType::Uint16:
      case ParamType::Uint32:
      case ParamType::Flags8:
      case ParamType::Flags16:
      case ParamType::Flags32:
      case ParamType::Enumflags8:
      case ParamType::Enumflags16:
      case ParamType::Enumflags32:
      case ParamType::Mode:
      case ParamType::Uid:
      case ParamType::Gid:
      case ParamType::Sigtype:
      case ParamType::Sigset:
      case ParamType::Port:
      case ParamType::L4proto:
      case ParamType::Sockfamily:
      case ParamType::Syscallid:
      case ParamType::Bool: {
        const uint64_t v = d.empty() ? 0 : load_uint(d, d.size() > 8 ? 8 : d.size());
        appendf(out, oct ? "%" PRIo64 : "%" PRIu64, v);
        break;
      }
      case ParamType::Charbuf:
      case ParamType::Fspath:
      case ParamType::Fsrelpath:
        out += c_string(d);
        break;
      case ParamType::Bytebuf:
        out.append(reinterpret_cast<const char*>(d.data()), d.size());
        break;
      default:
        render_value(p, out);
        break;
    }
  });
}

void render_args(const EventView& ev, const RenderResolver* resolver, std::string& out,
                 const RenderOptions& opts) {
  if (ev.type() == PPME_GENERIC_E || ev.type() == PPME_GENERIC_X) return;
  const uint32_t n = rendered_param_count(ev, opts);
  for (uint32_t i = 0; i < n; ++i) {
    with_param(ev, i, resolver, opts, [&](const Param& p) {
      out += p.info.name;
      out.push_back('=');
      render_value(p, out);
      const size_t open = out.size();
      out.push_back('(');
      render_resolved(p, out);
      if (out.size() == open + 1) out.pop_back();
      else out.push_back(')');
      out.push_back(' ');
    });
  }
}

}  // namespace saker::events
