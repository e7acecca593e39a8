#include "engine/state/metadata/http_get.h"

#include <curl/curl.h>

#include <memory>

namespace saker::state::metadata {

namespace {

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
using CurlPtr = std::unique_ptr<CURL, CurlDeleter>;

struct Sink {
  std::string* body = nullptr;
  size_t max_bytes = 0;
  bool truncated = false;
  const std::function<void(std::string_view)>* on_data = nullptr;
  const std::atomic<bool>* stop = nullptr;
};

size_t on_write(char* data, size_t size, size_t n, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const size_t len = size * n;
  if (sink->on_data != nullptr) {
    (*sink->on_data)(std::string_view(data, len));
    return len;
  }
  if (sink->body->size() + len > sink->max_bytes) {
    sink->truncated = true;
    return 0;  // aborts the transfer
  }
  sink->body->append(data, len);
  return len;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  auto* sink = static_cast<Sink*>(user);
  return sink->stop != nullptr && sink->stop->load() ? 1 : 0;  // non-zero aborts
}

CurlPtr make_handle(const HttpTarget& target, std::string_view path, Sink& sink) {
  static const bool kInit = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
  (void)kInit;
  CurlPtr c(curl_easy_init());
  if (!c) return c;
  const std::string url = target.base_url + std::string(path);
  curl_easy_setopt(c.get(), CURLOPT_URL, url.c_str());  // curl copies the string
  if (!target.unix_socket.empty())
    curl_easy_setopt(c.get(), CURLOPT_UNIX_SOCKET_PATH, target.unix_socket.c_str());
  curl_easy_setopt(c.get(), CURLOPT_NOSIGNAL, 1L);  // threads: no SIGALRM for timeouts
  curl_easy_setopt(c.get(), CURLOPT_WRITEFUNCTION, on_write);
  curl_easy_setopt(c.get(), CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(c.get(), CURLOPT_PROXY, "");  // never through an environment proxy
  return c;
}

}  // namespace

std::string HttpResult::describe() const {
  if (!error.empty()) return error;
  return "HTTP " + std::to_string(status);
}

HttpResult http_get(const HttpTarget& target, std::string_view path, long timeout_ms, size_t max_bytes) {
  HttpResult r;
  Sink sink;
  sink.body = &r.body;
  sink.max_bytes = max_bytes;
  CurlPtr c = make_handle(target, path, sink);
  if (!c) {
    r.error = "curl_easy_init failed";
    return r;
  }
  curl_easy_setopt(c.get(), CURLOPT_TIMEOUT_MS, timeout_ms);
  curl_easy_setopt(c.get(), CURLOPT_CONNECTTIMEOUT_MS, timeout_ms);
  const CURLcode rc = curl_easy_perform(c.get());
  if (sink.truncated) {
    r.error = "response larger than " + std::to_string(max_bytes) + " bytes";
  } else if (rc != CURLE_OK) {
    r.error = curl_easy_strerror(rc);
  }
  curl_easy_getinfo(c.get(), CURLINFO_RESPONSE_CODE, &r.status);
  return r;
}

HttpResult http_stream(const HttpTarget& target, std::string_view path, long connect_timeout_ms,
                       const std::function<void(std::string_view)>& on_data,
                       const std::atomic<bool>& stop) {
  HttpResult r;
  Sink sink;
  sink.on_data = &on_data;
  sink.stop = &stop;
  CurlPtr c = make_handle(target, path, sink);
  if (!c) {
    r.error = "curl_easy_init failed";
    return r;
  }
  curl_easy_setopt(c.get(), CURLOPT_CONNECTTIMEOUT_MS, connect_timeout_ms);
  curl_easy_setopt(c.get(), CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(c.get(), CURLOPT_XFERINFOFUNCTION, on_progress);
  curl_easy_setopt(c.get(), CURLOPT_XFERINFODATA, &sink);
  const CURLcode rc = curl_easy_perform(c.get());
  if (rc != CURLE_OK) r.error = curl_easy_strerror(rc);
  curl_easy_getinfo(c.get(), CURLINFO_RESPONSE_CODE, &r.status);
  return r;
}

}  // namespace saker::state::metadata
