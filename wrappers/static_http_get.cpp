// engine/state/metadata/http_get.h for the static engine, linked in place of net/http_get.cpp:
// libcurl cannot be linked statically from Debian's packages (no static archives for its
// dependencies), so the static engine speaks HTTP/1.1 itself through Boost.Beast, which is
// header-only. Plain http:// only (the ECS task metadata endpoint and the container runtimes'
// Unix sockets); https:// is refused with a clear error.
//
// Timeouts: Beast's own deadlines (beast::tcp_stream) exist only for TCP, and the Unix socket
// needs the same, so every step is an asynchronous operation run on a private io_context until
// it completes or the deadline passes; then the socket is closed, which aborts the operation.
#include "engine/state/metadata/http_get.h"

#include <algorithm>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/local/stream_protocol.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <chrono>

namespace saker::state::metadata {

namespace {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using boost::system::error_code;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

struct Url {
  std::string host;    // as written, for the Host header
  std::string port;    // "80" when absent
  std::string target;  // path and query, at least "/"
};

bool parse_url(const std::string& url, Url& out, std::string& error) {
  constexpr std::string_view kScheme = "http://";
  if (url.rfind("https://", 0) == 0) {
    error = "https is not supported by the static engine's HTTP client (plain http:// only): " + url;
    return false;
  }
  if (url.rfind(kScheme, 0) != 0) {
    error = "not an http:// URL: " + url;
    return false;
  }
  const size_t start = kScheme.size();
  const size_t slash = std::min(url.find('/', start), url.size());
  const std::string authority = url.substr(start, slash - start);
  // "[::1]:80": the port follows the bracket, not the last colon inside the address.
  const size_t bracket = authority.rfind(']');
  const size_t colon = authority.rfind(':');
  const bool has_port = colon != std::string::npos && (bracket == std::string::npos || colon > bracket);
  out.host = has_port ? authority.substr(0, colon) : authority;
  out.port = has_port ? authority.substr(colon + 1) : "80";
  out.target = url.substr(slash);
  if (out.host.empty()) {
    error = "no host in URL: " + url;
    return false;
  }
  return true;
}

// One connection whose steps each block until done, `deadline` or `stop` (polled every 100 ms).
template <class Socket>
class Exchange {
 public:
  Exchange(asio::io_context& io, Socket& socket) : io_(io), socket_(socket) {}

  void set_deadline(Clock::time_point deadline, const std::atomic<bool>* stop = nullptr) {
    deadline_ = deadline;
    stop_ = stop;
  }
  bool expired() const { return expired_; }
  bool stopped() const { return stopped_; }

  // `start` begins one asynchronous operation with the completion handler it is given.
  template <class Start>
  error_code run(Start start) {
    error_code result = asio::error::would_block;
    start([&result](error_code ec, auto&&...) { result = ec; });
    io_.restart();
    while (result == asio::error::would_block) {
      stopped_ = stop_ != nullptr && stop_->load();
      expired_ = !stopped_ && Clock::now() >= deadline_;
      if (stopped_ || expired_) {
        error_code ignored;
        socket_.close(ignored);
        io_.run();  // delivers operation_aborted to the handler
        break;
      }
      io_.run_one_for(std::min<Clock::duration>(deadline_ - Clock::now(), 100ms));
    }
    return result;
  }

 private:
  asio::io_context& io_;
  Socket& socket_;
  Clock::time_point deadline_ = Clock::time_point::max();
  const std::atomic<bool>* stop_ = nullptr;
  bool expired_ = false;
  bool stopped_ = false;
};

std::string failure(const error_code& ec, bool expired, long timeout_ms) {
  if (expired) return "Timeout was reached (" + std::to_string(timeout_ms) + " ms)";
  return ec.message();
}

// Connects `socket` to the target: the Unix socket when set, else the URL's host and port.
// Host names go through getaddrinfo, which a static glibc can resolve only from /etc/hosts or
// numerically; the ECS endpoint is an address (169.254.170.2), so that is enough.
template <class Socket>
error_code connect(Exchange<Socket>& ex, Socket& socket, const HttpTarget& target, const Url& url);

template <>
error_code connect(Exchange<asio::local::stream_protocol::socket>& ex, asio::local::stream_protocol::socket& socket,
                   const HttpTarget& target, const Url&) {
  const asio::local::stream_protocol::endpoint ep(target.unix_socket);
  return ex.run([&](auto handler) { socket.async_connect(ep, std::move(handler)); });
}

template <>
error_code connect(Exchange<asio::ip::tcp::socket>& ex, asio::ip::tcp::socket& socket, const HttpTarget&,
                   const Url& url) {
  error_code ec;
  asio::ip::tcp::resolver resolver(socket.get_executor());
  std::string host = url.host;
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  const auto endpoints = resolver.resolve(host, url.port, ec);
  if (ec) return ec;
  return ex.run([&](auto handler) { asio::async_connect(socket, endpoints, std::move(handler)); });
}

// Connects and sends the GET; the response is read by the caller.
template <class Socket>
error_code send_get(Exchange<Socket>& ex, Socket& socket, const HttpTarget& target, const Url& url,
                    std::string_view path) {
  if (error_code ec = connect(ex, socket, target, url)) return ec;
  std::string request_target = url.target + std::string(path);
  if (request_target.empty()) request_target = "/";
  http::request<http::empty_body> req{http::verb::get, request_target, 11};
  req.set(http::field::host, url.host);
  req.set(http::field::user_agent, "saker");
  return ex.run([&](auto handler) { http::async_write(socket, req, std::move(handler)); });
}

template <class Socket>
HttpResult get_over(const HttpTarget& target, const Url& url, std::string_view path, long timeout_ms,
                    size_t max_bytes) {
  asio::io_context io;
  Socket socket(io);
  Exchange<Socket> ex(io, socket);
  ex.set_deadline(Clock::now() + std::chrono::milliseconds(timeout_ms));
  HttpResult r;
  error_code ec = send_get(ex, socket, target, url, path);
  http::response_parser<http::string_body> parser;
  parser.body_limit(max_bytes);
  boost::beast::flat_buffer buffer;
  if (!ec) ec = ex.run([&](auto handler) { http::async_read_header(socket, buffer, parser, std::move(handler)); });
  if (parser.is_header_done()) r.status = parser.get().result_int();
  // Beast 1.74 lets a Content-Length above body_limit through when the head and the body come in
  // one read, so the declared length and the body read are checked here too.
  if (!ec && parser.content_length().value_or(0) > max_bytes) ec = http::error::body_limit;
  if (!ec) ec = ex.run([&](auto handler) { http::async_read(socket, buffer, parser, std::move(handler)); });
  if (!ec && parser.get().body().size() > max_bytes) ec = http::error::body_limit;
  if (ec == http::error::body_limit) {
    r.error = "response larger than " + std::to_string(max_bytes) + " bytes";
  } else if (ec) {
    r.error = failure(ec, ex.expired(), timeout_ms);
  } else {
    r.body = std::move(parser.get().body());
  }
  return r;
}

template <class Socket>
HttpResult stream_over(const HttpTarget& target, const Url& url, std::string_view path, long connect_timeout_ms,
                       const std::function<void(std::string_view)>& on_data, const std::atomic<bool>& stop) {
  asio::io_context io;
  Socket socket(io);
  Exchange<Socket> ex(io, socket);
  ex.set_deadline(Clock::now() + std::chrono::milliseconds(connect_timeout_ms), &stop);
  HttpResult r;
  // buffer_body hands over the body as it is parsed (chunk framing removed), without holding it.
  http::response_parser<http::buffer_body> parser;
  parser.body_limit(boost::none);
  boost::beast::flat_buffer buffer;
  error_code ec = send_get(ex, socket, target, url, path);
  if (!ec) ec = ex.run([&](auto handler) { http::async_read_header(socket, buffer, parser, std::move(handler)); });
  if (parser.is_header_done()) r.status = parser.get().result_int();
  // The connect timeout covers the response head; the body may be silent for as long as it likes.
  ex.set_deadline(Clock::time_point::max(), &stop);
  char chunk[16 * 1024];
  while (!ec && !parser.is_done()) {
    parser.get().body().data = chunk;
    parser.get().body().size = sizeof(chunk);
    ec = ex.run([&](auto handler) { http::async_read_some(socket, buffer, parser, std::move(handler)); });
    if (ec == http::error::need_buffer) ec = {};
    const size_t n = sizeof(chunk) - parser.get().body().size;
    if (n > 0) on_data(std::string_view(chunk, n));
  }
  if (ex.stopped()) {
    r.error = "stopped";
  } else if (ec) {
    r.error = failure(ec, ex.expired(), connect_timeout_ms);
  }
  return r;
}

}  // namespace

std::string HttpResult::describe() const {
  if (!error.empty()) return error;
  return "HTTP " + std::to_string(status);
}

HttpResult http_get(const HttpTarget& target, std::string_view path, long timeout_ms, size_t max_bytes) {
  Url url;
  HttpResult r;
  if (!parse_url(target.base_url, url, r.error)) return r;
  if (!target.unix_socket.empty())
    return get_over<asio::local::stream_protocol::socket>(target, url, path, timeout_ms, max_bytes);
  return get_over<asio::ip::tcp::socket>(target, url, path, timeout_ms, max_bytes);
}

HttpResult http_stream(const HttpTarget& target, std::string_view path, long connect_timeout_ms,
                       const std::function<void(std::string_view)>& on_data, const std::atomic<bool>& stop) {
  Url url;
  HttpResult r;
  if (!parse_url(target.base_url, url, r.error)) return r;
  if (!target.unix_socket.empty())
    return stream_over<asio::local::stream_protocol::socket>(target, url, path, connect_timeout_ms, on_data, stop);
  return stream_over<asio::ip::tcp::socket>(target, url, path, connect_timeout_ms, on_data, stop);
}

}  // namespace saker::state::metadata
