#include "engine/state/metadata/cri_verbose_info.h"

#include "engine/state/metadata/json_util.h"

namespace saker::state::metadata {

bool parse_cri_verbose_info(std::string_view info_json, CriVerboseInfo& out, std::string& error) {
  nlohmann::json j;
  if (!parse_json(info_json, j, error)) return false;
  out.sandbox_id = str_of(j, "sandboxID");
  // CRI-O states it at the top; containerd keeps the CRI container config it was created with.
  const nlohmann::json* p = member(j, "privileged");
  if (p == nullptr) p = member(obj_of(obj_of(obj_of(j, "config"), "linux"), "security_context"), "privileged");
  if (p != nullptr && p->is_boolean()) out.privileged = p->get<bool>();
  return true;
}

}  // namespace saker::state::metadata
