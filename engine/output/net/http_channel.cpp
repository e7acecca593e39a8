#include "engine/output/net/http_channel.h"

#include <curl/curl.h>
#include <zlib.h>

#include <cstdio>
#include <mutex>

namespace saker::output {

namespace {

std::once_flag g_curl_once;

size_t collect_reply(char* data, size_t size, size_t nmemb, void* user) {
  static_cast<std::string*>(user)->append(data, size * nmemb);
  return size * nmemb;
}

}  // namespace

bool gzip_compress(std::string_view in, std::string& out) {
  z_stream zs{};
  // windowBits 15 + 16: a gzip header and trailer instead of zlib's.
  if (deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return false;
  const std::size_t start = out.size();
  out.resize(start + deflateBound(&zs, static_cast<uLong>(in.size())) + 32);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data() + start);
  zs.avail_out = static_cast<uInt>(out.size() - start);
  const int rc = deflate(&zs, Z_FINISH);
  out.resize(start + zs.total_out);
  deflateEnd(&zs);
  return rc == Z_STREAM_END;
}

HttpChannel::HttpChannel(HttpOutputConfig cfg, std::chrono::milliseconds timeout)
    : cfg_(std::move(cfg)), timeout_ms_(static_cast<long>(timeout.count())) {
  std::call_once(g_curl_once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  setup();
}

HttpChannel::~HttpChannel() {
  if (curl_ != nullptr) curl_easy_cleanup(static_cast<CURL*>(curl_));
  if (headers_ != nullptr) curl_slist_free_all(static_cast<curl_slist*>(headers_));
}

void HttpChannel::setup() {
  CURL* c = curl_easy_init();
  curl_ = c;
  curl_slist* h = nullptr;
  h = curl_slist_append(h, "Content-Type: application/json");
  if (cfg_.compress_uploads) h = curl_slist_append(h, "Content-Encoding: gzip");
  for (const auto& [name, value] : cfg_.custom_headers) h = curl_slist_append(h, (name + ": " + value).c_str());
  h = curl_slist_append(h, "Expect:");  // no 100-continue round trip
  if (headers_ != nullptr) curl_slist_free_all(static_cast<curl_slist*>(headers_));
  headers_ = h;

  curl_easy_setopt(c, CURLOPT_URL, cfg_.url.c_str());
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
  curl_easy_setopt(c, CURLOPT_USERAGENT, cfg_.user_agent.c_str());
  curl_easy_setopt(c, CURLOPT_POST, 1L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, timeout_ms_);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms_);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect_reply);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &reply_);
  curl_easy_setopt(c, CURLOPT_FORBID_REUSE, cfg_.keep_alive ? 0L : 1L);
  if (cfg_.insecure) {
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 0L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 0L);
  }
  if (!cfg_.ca_cert.empty()) {
    curl_easy_setopt(c, CURLOPT_CAINFO, cfg_.ca_cert.c_str());
  } else if (!cfg_.ca_bundle.empty()) {
    curl_easy_setopt(c, CURLOPT_CAINFO, cfg_.ca_bundle.c_str());
  }
  if (!cfg_.ca_path.empty()) curl_easy_setopt(c, CURLOPT_CAPATH, cfg_.ca_path.c_str());
  if (cfg_.mtls) {
    curl_easy_setopt(c, CURLOPT_SSLCERT, cfg_.client_cert.c_str());
    curl_easy_setopt(c, CURLOPT_SSLKEY, cfg_.client_key.c_str());
  }
}

void HttpChannel::reopen() {
  if (curl_ != nullptr) curl_easy_cleanup(static_cast<CURL*>(curl_));
  setup();
}

Status HttpChannel::write(const RenderedAlert& a) {
  CURL* c = static_cast<CURL*>(curl_);
  retryable_ = true;
  if (c == nullptr) return Status::Error("http: curl_easy_init failed");
  std::string_view payload = a.json;
  if (cfg_.compress_uploads) {
    body_.clear();
    if (!gzip_compress(payload, body_)) return Status::Error("http: gzip failed");
    payload = body_;
  }
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, payload.data());
  curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(payload.size()));
  reply_.clear();
  const CURLcode rc = curl_easy_perform(c);
  if (rc != CURLE_OK) {
    last_code_ = 0;
    return Status::Error("http " + cfg_.url + ": " + curl_easy_strerror(rc));
  }
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &last_code_);
  if (cfg_.echo) {
    std::fwrite(reply_.data(), 1, reply_.size(), stdout);
    std::fputc('\n', stdout);
  }
  if (last_code_ >= 200 && last_code_ < 300) return Status::Ok();
  retryable_ = last_code_ >= 500 || last_code_ == 429 || last_code_ == 408;
  return Status::Error("http " + cfg_.url + ": HTTP " + std::to_string(last_code_));
}

}  // namespace saker::output
