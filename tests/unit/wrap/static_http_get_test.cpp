// wrappers/static_http_get.cpp (the static engine's HTTP client, Boost.Beast) against real
// servers on loopback: cpp-httplib over TCP (plain, chunked, slow, endless), and a Unix socket
// server of our own (Debian's cpp-httplib 0.11 cannot listen on one).
#include <gtest/gtest.h>
#include <httplib.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "engine/state/metadata/http_get.h"

namespace saker::testing {
namespace {

using namespace std::chrono_literals;
using state::metadata::http_get;
using state::metadata::http_stream;
using state::metadata::HttpTarget;

class TcpServer {
 public:
  TcpServer() {
    server_.Get("/v4/abc", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("{\"DockerId\":\"abc\"}", "application/json");
    });
    server_.Get("/v4/abc/task", [](const httplib::Request& req, httplib::Response& res) {
      res.set_content("task host=" + req.get_header_value("Host"), "text/plain");
    });
    // Transfer-Encoding: chunked, three chunks.
    server_.Get("/chunked", [](const httplib::Request&, httplib::Response& res) {
      res.set_chunked_content_provider("text/plain", [](size_t offset, httplib::DataSink& sink) {
        const std::string part = "part" + std::to_string(offset) + ";";
        if (offset > 12) {
          sink.done();
          return true;
        }
        sink.write(part.data(), part.size());
        return true;
      });
    });
    server_.Get("/big", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(std::string(10000, 'x'), "text/plain");
    });
    server_.Get("/slow", [this](const httplib::Request&, httplib::Response& res) {
      for (int i = 0; i < 50 && !stopping_; ++i) std::this_thread::sleep_for(50ms);
      res.set_content("late", "text/plain");
    });
    // Never ends: one chunk every 50 ms until the server stops.
    server_.Get("/events", [this](const httplib::Request&, httplib::Response& res) {
      res.set_chunked_content_provider("application/json", [this](size_t, httplib::DataSink& sink) {
        if (stopping_) return false;
        sink.write("{\"e\":1}\n", 8);
        std::this_thread::sleep_for(50ms);
        return true;
      });
    });
    server_.Get("/missing", [](const httplib::Request&, httplib::Response& res) { res.status = 404; });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(5ms);
  }
  ~TcpServer() {
    stopping_ = true;
    server_.stop();
    thread_.join();
  }
  std::string url(const std::string& path = "") const { return "http://127.0.0.1:" + std::to_string(port_) + path; }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
};

// Accepts one connection on a Unix socket, keeps the request head, answers `response` and closes.
class UnixServer {
 public:
  explicit UnixServer(std::string response) : response_(std::move(response)) {
    path_ = (std::filesystem::temp_directory_path() / ("saker-http-" + std::to_string(getpid()) + ".sock")).string();
    ::unlink(path_.c_str());
    fd_ = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    path_.copy(addr.sun_path, sizeof(addr.sun_path) - 1);
    EXPECT_EQ(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
    EXPECT_EQ(::listen(fd_, 1), 0);
    thread_ = std::thread([this] {
      const int c = ::accept(fd_, nullptr, nullptr);
      if (c < 0) return;
      char buf[4096];
      while (request_.find("\r\n\r\n") == std::string::npos) {
        const ssize_t n = ::read(c, buf, sizeof(buf));
        if (n <= 0) break;
        request_.append(buf, static_cast<size_t>(n));
      }
      EXPECT_EQ(::write(c, response_.data(), response_.size()), static_cast<ssize_t>(response_.size()));
      ::close(c);
    });
  }
  ~UnixServer() {
    ::shutdown(fd_, SHUT_RDWR);
    thread_.join();
    ::close(fd_);
    ::unlink(path_.c_str());
  }
  const std::string& path() const { return path_; }
  std::string request() {
    thread_.join();
    thread_ = std::thread([] {});
    return request_;
  }

 private:
  std::string response_, path_, request_;
  int fd_ = -1;
  std::thread thread_;
};

TEST(StaticHttpGet, GetsABodyOverTcpWithThePathAppended) {
  TcpServer server;
  auto r = http_get(HttpTarget{"", server.url("/v4/abc")}, "", 2000);
  EXPECT_TRUE(r.ok()) << r.describe();
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "{\"DockerId\":\"abc\"}");
  r = http_get(HttpTarget{"", server.url("/v4/abc")}, "/task", 2000);
  EXPECT_TRUE(r.ok()) << r.describe();
  EXPECT_NE(r.body.find("task host=127.0.0.1"), std::string::npos) << r.body;
}

TEST(StaticHttpGet, ReportsHttpStatusWithoutTransportError) {
  TcpServer server;
  const auto r = http_get(HttpTarget{"", server.url()}, "/missing", 2000);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(r.describe(), "HTTP 404");
}

TEST(StaticHttpGet, AssemblesAChunkedBody) {
  TcpServer server;
  const auto r = http_get(HttpTarget{"", server.url()}, "/chunked", 2000);
  EXPECT_TRUE(r.ok()) << r.describe();
  EXPECT_EQ(r.body, "part0;part6;part12;");
}

TEST(StaticHttpGet, CutsBodiesAboveTheLimit) {
  TcpServer server;
  auto r = http_get(HttpTarget{"", server.url()}, "/big", 2000, 1000);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.error, "response larger than 1000 bytes");
  r = http_get(HttpTarget{"", server.url()}, "/big", 2000, 10000);
  EXPECT_TRUE(r.ok()) << r.describe();
  EXPECT_EQ(r.body.size(), 10000u);
  // Chunked: no length announced, the limit applies to the chunks.
  r = http_get(HttpTarget{"", server.url()}, "/chunked", 2000, 10);
  EXPECT_EQ(r.error, "response larger than 10 bytes");
}

TEST(StaticHttpGet, CutsABodyReadUntilCloseAboveTheLimit) {
  UnixServer server("HTTP/1.0 200 OK\r\n\r\nuntil-eof");
  const auto r = http_get(HttpTarget{server.path(), "http://d"}, "/_ping", 2000, 5);
  EXPECT_EQ(r.error, "response larger than 5 bytes");
}

TEST(StaticHttpGet, GivesUpOnASlowServerAtTheTimeout) {
  TcpServer server;
  const auto start = std::chrono::steady_clock::now();
  const auto r = http_get(HttpTarget{"", server.url()}, "/slow", 300);
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.error.find("Timeout"), std::string::npos) << r.error;
  EXPECT_GE(took, 290ms);
  EXPECT_LT(took, 1500ms);  // the server answers after 2.5 s
}

TEST(StaticHttpGet, ReportsARefusedConnection) {
  int port = 0;
  {
    TcpServer gone;  // a port that was just free, now closed again
    port = std::stoi(gone.url().substr(std::string("http://127.0.0.1:").size()));
  }
  const auto r = http_get(HttpTarget{"", "http://127.0.0.1:" + std::to_string(port)}, "/", 1000);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.error, "");
}

TEST(StaticHttpGet, RefusesHttpsAndOtherSchemesClearly) {
  auto r = http_get(HttpTarget{"", "https://169.254.170.2/v4/x"}, "", 1000);
  EXPECT_NE(r.error.find("https is not supported"), std::string::npos) << r.error;
  r = http_get(HttpTarget{"", "ftp://x"}, "", 1000);
  EXPECT_NE(r.error.find("not an http:// URL"), std::string::npos) << r.error;
}

TEST(StaticHttpGet, GetsOverAUnixSocket) {
  UnixServer server("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    "5\r\n{\"Id\"\r\n7\r\n:\"abc\"}\r\n0\r\n\r\n");
  const auto r = http_get(HttpTarget{server.path(), "http://d"}, "/v1.41/containers/abc/json", 2000);
  EXPECT_TRUE(r.ok()) << r.describe();
  EXPECT_EQ(r.body, "{\"Id\":\"abc\"}");
  const std::string req = server.request();
  EXPECT_EQ(req.rfind("GET /v1.41/containers/abc/json HTTP/1.1\r\n", 0), 0u) << req;
  EXPECT_NE(req.find("Host: d\r\n"), std::string::npos) << req;
}

TEST(StaticHttpGet, UnixSocketBodyUntilCloseWithoutLength) {
  UnixServer server("HTTP/1.0 200 OK\r\n\r\nuntil-eof");
  const auto r = http_get(HttpTarget{server.path(), "http://d"}, "/_ping", 2000);
  EXPECT_TRUE(r.ok()) << r.describe();
  EXPECT_EQ(r.body, "until-eof");
}

TEST(StaticHttpGet, MissingUnixSocketFailsWithReason) {
  const auto r = http_get(HttpTarget{"/nonexistent/saker.sock", "http://d"}, "/_ping", 1000);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.error, "");
}

TEST(StaticHttpStream, DeliversAFiniteChunkedStreamThenEnds) {
  TcpServer server;
  std::string got;
  std::atomic<bool> stop{false};
  const auto r = http_stream(HttpTarget{"", server.url()}, "/chunked", 2000,
                             [&](std::string_view d) { got.append(d); }, stop);
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(got, "part0;part6;part12;");
}

TEST(StaticHttpStream, DeliversDataAsItComesAndStopsOnRequest) {
  TcpServer server;
  std::string got;
  std::atomic<bool> stop{false};
  std::chrono::steady_clock::time_point stop_at;
  const auto r = http_stream(HttpTarget{"", server.url()}, "/events", 2000,
                             [&](std::string_view d) {
                               got.append(d);
                               // Three events arrive one by one, not in one buffer-full.
                               if (got.size() >= 24 && !stop) {
                                 stop = true;
                                 stop_at = std::chrono::steady_clock::now();
                               }
                             },
                             stop);
  EXPECT_EQ(r.error, "stopped");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(got.substr(0, 24), "{\"e\":1}\n{\"e\":1}\n{\"e\":1}\n");
  EXPECT_LT(std::chrono::steady_clock::now() - stop_at, 1500ms);
}

TEST(StaticHttpStream, ConnectTimeoutBoundsTheResponseHead) {
  TcpServer server;
  std::atomic<bool> stop{false};
  const auto start = std::chrono::steady_clock::now();
  const auto r = http_stream(HttpTarget{"", server.url()}, "/slow", 300, [](std::string_view) {}, stop);
  EXPECT_NE(r.error.find("Timeout"), std::string::npos) << r.error;
  EXPECT_LT(std::chrono::steady_clock::now() - start, 1500ms);
}

}  // namespace
}  // namespace saker::testing
