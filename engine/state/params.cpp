#include "engine/state/params.h"

#include <array>
#include <cstring>
#include <vector>

namespace saker::state {

namespace {

constexpr std::string_view kNames[] = {
    "res", "fd", "name", "flags", "mode", "dev", "ino", "dirfd", "exe", "args", "tid", "pid",
    "ptid", "cwd", "fdlimit", "pgft_maj", "pgft_min", "vm_size", "vm_rss", "vm_swap", "comm",
    "cgroups", "env", "tty", "vpgid", "loginuid", "cap_inheritable", "cap_permitted",
    "cap_effective", "exe_ino", "exe_ino_ctime", "exe_ino_mtime", "uid", "gid", "trusted_exepath",
    "pgid", "filename", "pathname", "vtid", "vpid", "pidns_init_start_ts", "tuple", "addr",
    "domain", "type", "proto", "fd1", "fd2", "source", "peer", "oldfd", "newfd", "cmd", "arg",
    "path", "option", "arg2_str", "arg2_int", "ruid", "euid", "suid", "rgid", "egid", "sgid",
    "reaper_tid", "creat_flags", "first", "last", "res_or_fd", "home", "shell", "container_id",
    "in_fd", "out_fd",
};
static_assert(std::size(kNames) == static_cast<size_t>(P::kCount));

using Row = std::array<int8_t, static_cast<size_t>(P::kCount)>;

const std::vector<Row>& table() {
  static const std::vector<Row> t = [] {
    std::vector<Row> rows(events::event_type_count());
    for (size_t type = 0; type < rows.size(); ++type) {
      rows[type].fill(-1);
      const events::EventInfo* info = events::event_info(static_cast<uint16_t>(type));
      if (info == nullptr) continue;
      for (size_t i = 0; i < info->params.size(); ++i) {
        std::string_view pname = info->params[i].name ? info->params[i].name : "";
        for (size_t k = 0; k < std::size(kNames); ++k) {
          if (kNames[k] == pname && rows[type][k] < 0) rows[type][k] = static_cast<int8_t>(i);
        }
      }
    }
    return rows;
  }();
  return t;
}

}  // namespace

int param_pos(uint16_t type, P k) {
  const auto& t = table();
  if (type >= t.size()) return -1;
  return t[type][static_cast<size_t>(k)];
}

std::string_view param_key_name(P k) { return kNames[static_cast<size_t>(k)]; }

bool read_int(std::span<const uint8_t> p, int64_t& out) {
  switch (p.size()) {
    case 1: out = static_cast<int8_t>(p[0]); return true;
    case 2: { int16_t v; std::memcpy(&v, p.data(), 2); out = v; return true; }
    case 4: { int32_t v; std::memcpy(&v, p.data(), 4); out = v; return true; }
    case 8: { std::memcpy(&out, p.data(), 8); return true; }
    default: return false;
  }
}

std::span<const uint8_t> Params::raw(P k) const {
  int pos = param_pos(ev_.type(), k);
  if (pos >= 0) {
    auto p = ev_.param(static_cast<uint32_t>(pos));
    if (!p.empty()) return p;
  }
  if (enter_ != nullptr) {
    pos = param_pos(enter_->type(), k);
    if (pos >= 0) return enter_->param(static_cast<uint32_t>(pos));
  }
  return {};
}

bool Params::i64(P k, int64_t& out) const { return read_int(raw(k), out); }

bool Params::u64(P k, uint64_t& out) const {
  auto p = raw(k);
  switch (p.size()) {
    case 1: out = p[0]; return true;
    case 2: { uint16_t v; std::memcpy(&v, p.data(), 2); out = v; return true; }
    case 4: { uint32_t v; std::memcpy(&v, p.data(), 4); out = v; return true; }
    case 8: { std::memcpy(&out, p.data(), 8); return true; }
    default: return false;
  }
}

std::string_view Params::str(P k) const {
  auto p = raw(k);
  size_t n = p.size();
  while (n > 0 && p[n - 1] == 0) --n;
  return {reinterpret_cast<const char*>(p.data()), n};
}

}  // namespace saker::state
