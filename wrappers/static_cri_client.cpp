// engine/state/metadata/cri_client.h for the static engine, linked in place of saker_metadata_net's
// net/cri_client.cpp: the CRI is gRPC, and gRPC's static archives would triple the binary, so
// inside saker-wrap every CRI lookup fails with a clear reason, reported once by the provider like
// an unreachable socket. The docker/podman and ECS providers work (static_http_get.cpp).
#include "engine/state/metadata/cri_client.h"

namespace saker::state::metadata {

struct CriClient::Stub {};

CriClient::CriClient(std::string socket_path, long timeout_ms)
    : socket_path_(std::move(socket_path)), timeout_ms_(timeout_ms) {}

CriClient::~CriClient() = default;

CriOutcome CriClient::lookup(const std::string&, ContainerType, ContainerInfo&, std::string& error,
                             std::string& error_kind) {
  error = "no CRI (gRPC) client in the static engine; run the dynamic saker for CRI metadata";
  error_kind = "static";
  return CriOutcome::Failed;
}

}  // namespace saker::state::metadata
