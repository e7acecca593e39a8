#pragma once
// The verbose `info` map of a CRI ContainerStatus answer: {"info": "<JSON>"}, where containerd's
// JSON has sandboxID and config.linux.security_context.privileged and CRI-O's has sandboxID and
// privileged at the top. Pure parsing, apart from the gRPC client, so the static engine and the
// fuzz target link it without gRPC.
#include <optional>
#include <string>
#include <string_view>

namespace saker::state::metadata {

struct CriVerboseInfo {
  std::string sandbox_id;
  std::optional<bool> privileged;
};

// Returns false with the byte offset in `error` when the JSON is malformed.
bool parse_cri_verbose_info(std::string_view info_json, CriVerboseInfo& out, std::string& error);

}  // namespace saker::state::metadata
