#pragma once
// POSTs each alert's JSON document to a URL with libcurl, as Falco's http_output does, so that
// Falcosidekick (or any webhook) receives it as is. Transfers are bounded by the output timeout;
// a 5xx reply or a transport error is retryable, a 4xx reply is not.
#include <chrono>
#include <string>

#include "engine/output/channel.h"
#include "engine/output/output_config.h"

namespace saker::output {

class HttpChannel final : public Channel {
 public:
  HttpChannel(HttpOutputConfig cfg, std::chrono::milliseconds timeout);
  ~HttpChannel() override;
  HttpChannel(const HttpChannel&) = delete;
  HttpChannel& operator=(const HttpChannel&) = delete;

  std::string_view name() const override { return "http"; }
  bool wants_json() const override { return true; }
  Status write(const RenderedAlert& a) override;
  bool retryable() const override { return retryable_; }
  void reopen() override;  // drops the kept connection

  long last_http_code() const { return last_code_; }

 private:
  void setup();
  HttpOutputConfig cfg_;
  long timeout_ms_;
  void* curl_ = nullptr;      // CURL*
  void* headers_ = nullptr;   // curl_slist*
  std::string body_;          // compressed body, reused
  std::string reply_;         // reply body, reused
  long last_code_ = 0;
  bool retryable_ = true;
};

// gzip of `in` (RFC 1952), appended to `out`. Returns false if zlib failed.
bool gzip_compress(std::string_view in, std::string& out);

}  // namespace saker::output
