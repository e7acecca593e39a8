#pragma once
// Bounded HTTP GETs for metadata providers, through libcurl: over a Unix socket (container
// runtime APIs) or TCP (the ECS task metadata endpoint). Blocking; called from provider threads.
#include <atomic>
#include <functional>
#include <string>
#include <string_view>

namespace saker::state::metadata {

struct HttpTarget {
  std::string unix_socket;  // when set, the request goes over this socket
  std::string base_url;     // "http://d" for a socket, "http://169.254.170.2/v4/ID" for ECS
};

struct HttpResult {
  long status = 0;    // HTTP status, 0 when no response
  std::string body;
  std::string error;  // transport error ("Timeout was reached", ...), "" when a response came
  bool ok() const { return error.empty() && status >= 200 && status < 300; }
  // "HTTP 500" or the transport error, for logs.
  std::string describe() const;
};

// GET base_url + path, giving up after timeout_ms (connect + transfer). Bodies above
// max_bytes are cut and reported as an error.
HttpResult http_get(const HttpTarget& target, std::string_view path, long timeout_ms,
                    size_t max_bytes = 4 << 20);

// Streams GET base_url + path (a never-ending response such as /events), calling on_data for
// every chunk, until the server closes it, an error, or `stop` becomes true (checked about
// every second). Returns the reason it ended.
HttpResult http_stream(const HttpTarget& target, std::string_view path, long connect_timeout_ms,
                       const std::function<void(std::string_view)>& on_data,
                       const std::atomic<bool>& stop);

}  // namespace saker::state::metadata
