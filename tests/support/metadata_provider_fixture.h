#pragma once
// Scaffolding shared by the container metadata provider tests (ECS task metadata over HTTP, CRI
// over gRPC): the behaviours their fake servers put on (good, slow, failing, not found,
// malformed), the provider's log captured for assertions, a bounded wait for the provider's
// background work, and a metadata configuration that enables only the provider under test.
// Each test keeps its protocol's own server; only what does not depend on the protocol is here.
#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "engine/state/metadata/metadata_service.h"

namespace saker::testing {

// What a fake metadata server does with a request.
enum class FakeServerMode {
  Good,       // answers with its documents
  Slow,       // holds the request past the client's timeout
  Failing,    // answers with a server error (HTTP 500, gRPC INTERNAL)
  NotFound,   // does not know what was asked for (gRPC NOT_FOUND)
  Malformed,  // answers with a document that does not parse
};

// The protocol-independent state of a fake server: its mode, the requests it saw, and the
// stall of a Slow server, which the server's destructor releases so that shutdown is prompt.
class FakeServerBehaviour {
 public:
  explicit FakeServerBehaviour(FakeServerMode mode) : mode_(mode) {}

  // Counts one request and returns the mode to answer it with.
  FakeServerMode on_request() {
    ++requests_;
    return mode_;
  }
  FakeServerMode mode() const { return mode_; }
  int requests() const { return requests_; }

  // Holds the calling handler until `client_gone()` holds, release() was called or `limit`
  // passed, whichever comes first; the limit keeps a test bounded if neither ever happens.
  void stall(const std::function<bool()>& client_gone, std::chrono::milliseconds limit) const;
  void release() { released_ = true; }

 private:
  FakeServerMode mode_;
  std::atomic<int> requests_{0};
  std::atomic<bool> released_{false};
};

// The provider's warnings, kept for assertions (the provider logs from its worker thread).
class LogCapture {
 public:
  std::function<void(const std::string&)> sink();
  // Lines that contain `needle`.
  size_t count(const std::string& needle) const;
  // Every line, newline-terminated: for failure messages and "nothing logged" checks.
  std::string all() const;

 private:
  mutable std::mutex mu_;
  std::vector<std::string> lines_;
};

// Polls `done` until it holds or `limit` passed; returns its last value.
bool eventually(const std::function<bool()>& done,
                std::chrono::milliseconds limit = std::chrono::milliseconds(5000));

// A configuration with no runtime (Docker/Podman) sockets, no event stream and a short request
// timeout, logging into `logs`: the caller enables the one provider under test.
state::metadata::MetadataConfig provider_test_config(LogCapture& logs);

}  // namespace saker::testing
