#include "engine/state/container.h"

namespace saker::state {

namespace {

constexpr size_t kIdLen = 64;
constexpr size_t kShortIdLen = 12;

bool is_hex_id(std::string_view s) {
  if (s.size() != kIdLen) return false;
  for (char c : s) {
    const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    if (!hex) return false;
  }
  return true;
}

// If `comp` is prefix + <64 hex> + suffix, returns the id.
std::string_view strip(std::string_view comp, std::string_view prefix, std::string_view suffix) {
  if (comp.size() != prefix.size() + kIdLen + suffix.size()) return {};
  if (comp.substr(0, prefix.size()) != prefix) return {};
  if (comp.substr(comp.size() - suffix.size()) != suffix) return {};
  std::string_view id = comp.substr(prefix.size(), kIdLen);
  return is_hex_id(id) ? id : std::string_view{};
}

struct Pattern {
  std::string_view prefix;
  std::string_view suffix;
  ContainerType type;
};

// Order matters only for readability: the patterns cannot match the same component.
constexpr Pattern kPatterns[] = {
    {"docker-", ".scope", ContainerType::Docker},
    {"libpod-", ".scope", ContainerType::Podman},
    {"libpod-", "", ContainerType::Podman},
    {"cri-containerd-", ".scope", ContainerType::Containerd},
    {"crio-", ".scope", ContainerType::Crio},
    {"crio-", "", ContainerType::Crio},
};

}  // namespace

const char* container_type_name(ContainerType t) {
  switch (t) {
    case ContainerType::Host: return "host";
    case ContainerType::Docker: return "docker";
    case ContainerType::Podman: return "podman";
    case ContainerType::Containerd: return "containerd";
    case ContainerType::Crio: return "cri-o";
    case ContainerType::Unknown: break;
  }
  return "unknown";
}

std::string ContainerMatch::short_id() const {
  if (full_id.empty()) return "host";
  return std::string(full_id.substr(0, kShortIdLen));
}

ContainerMatch match_cgroup_path(std::string_view path) {
  ContainerMatch m;
  const bool kube = path.find("/kubepods") != std::string_view::npos;
  // Walk the components from the last one: nested cgroups under a container scope
  // (".../libpod-<id>.scope/container") still belong to that container.
  size_t end = path.size();
  while (end > 0) {
    size_t slash = path.rfind('/', end - 1);
    size_t begin = slash == std::string_view::npos ? 0 : slash + 1;
    std::string_view comp = path.substr(begin, end - begin);
    for (const Pattern& p : kPatterns) {
      if (auto id = strip(comp, p.prefix, p.suffix); !id.empty()) {
        m.type = p.type;
        m.full_id = id;
        return m;
      }
    }
    if (is_hex_id(comp)) {
      // cgroupfs layouts: /docker/<id> (docker, or runc with a docker cgroup parent) and
      // /kubepods/<qos>/pod<uid>/<id> (a CRI runtime; containerd is the common one).
      m.type = kube ? ContainerType::Containerd : ContainerType::Docker;
      m.full_id = comp;
      return m;
    }
    if (slash == std::string_view::npos) break;
    end = slash;
  }
  return m;
}

ContainerMatch match_cgroups(std::span<const std::string> paths) {
  for (const std::string& p : paths) {
    ContainerMatch m = match_cgroup_path(p);
    if (m.type != ContainerType::Host) return m;
  }
  return {};
}

}  // namespace saker::state
