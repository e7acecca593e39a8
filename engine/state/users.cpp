#include "engine/state/users.h"

#include <charconv>
#include <fstream>
#include <sstream>

namespace saker::state {

namespace {

bool parse_u32(std::string_view s, uint32_t& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

// Splits one ':'-separated line into at most N fields; returns the number found.
template <size_t N>
size_t split_colon(std::string_view line, std::string_view (&f)[N]) {
  size_t n = 0;
  while (n < N) {
    size_t c = line.find(':');
    f[n++] = line.substr(0, c);
    if (c == std::string_view::npos) break;
    line.remove_prefix(c + 1);
  }
  return n;
}

template <typename F>
void for_each_line(std::string_view text, F&& f) {
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty() && line[0] != '#') f(line);
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
}

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

}  // namespace

UserTable::Db& UserTable::db(std::string_view container_id) {
  if (container_id.empty()) return host_;
  auto it = containers_.find(std::string(container_id));
  if (it == containers_.end()) it = containers_.emplace(std::string(container_id), Db{}).first;
  return it->second;
}

const UserTable::Db* UserTable::find_db(std::string_view container_id) const {
  if (container_id.empty()) return &host_;
  // Heterogeneous lookup is not available for std::unordered_map<std::string> in C++20 without
  // a transparent hash; container ids are 12 chars, so the temporary stays in SSO (no heap).
  auto it = containers_.find(std::string(container_id));
  return it == containers_.end() ? nullptr : &it->second;
}

void UserTable::load_passwd_text(std::string_view text, std::string_view container_id) {
  Db& d = db(container_id);
  for_each_line(text, [&](std::string_view line) {
    std::string_view f[7];
    if (split_colon(line, f) < 7) return;
    User u;
    if (!parse_u32(f[2], u.uid) || !parse_u32(f[3], u.gid)) return;
    u.name = f[0];
    u.homedir = f[5];
    u.shell = f[6];
    // The first entry for an id wins, as getpwuid() does.
    d.users.try_emplace(u.uid, std::move(u));
  });
}

void UserTable::load_group_text(std::string_view text, std::string_view container_id) {
  Db& d = db(container_id);
  for_each_line(text, [&](std::string_view line) {
    std::string_view f[4];
    if (split_colon(line, f) < 3) return;
    Group g;
    if (!parse_u32(f[2], g.gid)) return;
    g.name = f[0];
    d.groups.try_emplace(g.gid, std::move(g));
  });
}

Status UserTable::load_from_root(std::string_view root, std::string_view container_id) {
  std::string base(root);
  while (!base.empty() && base.back() == '/') base.pop_back();
  Db& d = db(container_id);
  d.users.clear();
  d.groups.clear();
  std::string text;
  if (read_file(base + "/etc/passwd", text)) load_passwd_text(text, container_id);
  if (read_file(base + "/etc/group", text)) load_group_text(text, container_id);
  return Status::Ok();
}

void UserTable::load_user_list(const scap::UserList& list, std::string_view container_id) {
  for (const auto& u : list.users) add_user(User{u.uid, u.gid, u.name, u.homedir, u.shell}, container_id);
  for (const auto& g : list.groups) add_group(Group{g.gid, g.name}, container_id);
}

void UserTable::add_user(const User& u, std::string_view container_id) {
  db(container_id).users[u.uid] = u;
}
void UserTable::add_group(const Group& g, std::string_view container_id) {
  db(container_id).groups[g.gid] = g;
}
void UserTable::remove_user(uint32_t uid, std::string_view container_id) {
  db(container_id).users.erase(uid);
}
void UserTable::remove_group(uint32_t gid, std::string_view container_id) {
  db(container_id).groups.erase(gid);
}

const User* UserTable::user(uint32_t uid, std::string_view container_id) const {
  const Db* d = find_db(container_id);
  if (d == nullptr) return nullptr;
  auto it = d->users.find(uid);
  return it == d->users.end() ? nullptr : &it->second;
}

const Group* UserTable::group(uint32_t gid, std::string_view container_id) const {
  const Db* d = find_db(container_id);
  if (d == nullptr) return nullptr;
  auto it = d->groups.find(gid);
  return it == d->groups.end() ? nullptr : &it->second;
}

size_t UserTable::user_count() const {
  size_t n = host_.users.size();
  for (const auto& [id, d] : containers_) n += d.users.size();
  return n;
}

}  // namespace saker::state
