#pragma once
// Starts the container metadata service for the live modes (`saker -u`, `saker trace`) from the
// `container_engines` configuration and the environment, and hands it to the pipeline's state.
#include <memory>

#include "engine/app/app_context.h"
#include "engine/core/pipeline.h"
#include "engine/state/metadata/metadata_service.h"

namespace saker::app {

// nullptr when every provider is disabled. The service must outlive the pipeline's use of it
// (keep the pointer until the event loop is done).
std::unique_ptr<state::metadata::MetadataService> start_container_metadata(const AppContext& ctx,
                                                                           core::Pipeline& pipeline);

}  // namespace saker::app
