#pragma once
// Users and groups by id, per container: the host's (container id "") from /etc/passwd and
// /etc/group, a container's from the same files under its root, and a trace file's user-list
// block. Lookups are map finds returning pointers into the table: no allocation on the hot path.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "engine/common/status.h"
#include "engine/events/scap_blocks.h"

namespace saker::state {

struct User {
  uint32_t uid = 0;
  uint32_t gid = 0;
  std::string name;
  std::string homedir;
  std::string shell;
};

struct Group {
  uint32_t gid = 0;
  std::string name;
};

class UserTable {
 public:
  // Reads `<root>/etc/passwd` and `<root>/etc/group` for `container_id` ("" = host, root "/"),
  // replacing what was known for it. Missing files are not an error (nothing is added).
  Status load_from_root(std::string_view root, std::string_view container_id = {});
  // Parses passwd / group text (for tests and for a container's files read elsewhere).
  void load_passwd_text(std::string_view text, std::string_view container_id = {});
  void load_group_text(std::string_view text, std::string_view container_id = {});
  // A trace file's user list block (host users).
  void load_user_list(const scap::UserList& list, std::string_view container_id = {});

  void add_user(const User& u, std::string_view container_id = {});
  void add_group(const Group& g, std::string_view container_id = {});
  void remove_user(uint32_t uid, std::string_view container_id = {});
  void remove_group(uint32_t gid, std::string_view container_id = {});

  // nullptr when unknown. A container without its own entry falls back to nothing (Falco shows
  // the uid then), not to the host's.
  const User* user(uint32_t uid, std::string_view container_id = {}) const;
  const Group* group(uint32_t gid, std::string_view container_id = {}) const;

  size_t user_count() const;

 private:
  struct Db {
    std::unordered_map<uint32_t, User> users;
    std::unordered_map<uint32_t, Group> groups;
  };
  Db& db(std::string_view container_id);
  const Db* find_db(std::string_view container_id) const;

  Db host_;
  std::unordered_map<std::string, Db> containers_;
};

}  // namespace saker::state
