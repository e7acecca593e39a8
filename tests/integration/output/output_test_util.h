#pragma once
// Helpers for the output integration tests: temp dirs, test certificates, waiting, alerts.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "engine/output/alert.h"
#include "engine/output/output_config.h"

namespace saker::output::testing {

// A fresh directory under $TMPDIR, removed with everything in it at scope exit.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "saker-output-XXXXXX").string();
    if (::mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline std::vector<std::string> read_lines(const std::string& path) {
  std::vector<std::string> lines;
  std::ifstream in(path);
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  return lines;
}

inline bool wait_until(const std::function<bool()>& pred, std::chrono::milliseconds max = std::chrono::seconds(10)) {
  const auto until = std::chrono::steady_clock::now() + max;
  while (std::chrono::steady_clock::now() < until) {
    if (pred()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return pred();
}

// CA, server (CN/SAN localhost, 127.0.0.1) and client certificates made with the openssl CLI.
struct TestCerts {
  std::string ca_crt, ca_key, server_crt, server_key, client_crt, client_key;
  bool ok = false;
};

inline TestCerts make_certs(const TempDir& dir) {
  TestCerts c;
  c.ca_crt = dir.file("ca.crt");
  c.ca_key = dir.file("ca.key");
  c.server_crt = dir.file("server.crt");
  c.server_key = dir.file("server.key");
  c.client_crt = dir.file("client.crt");
  c.client_key = dir.file("client.key");
  {
    std::ofstream ext(dir.file("san.ext"));
    ext << "subjectAltName=DNS:localhost,IP:127.0.0.1\n";
  }
  const std::string d = dir.path().string();
  std::string script =
      "set -e; cd '" + d + "';"
      "openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 2 -subj /CN=saker-test-ca;"
      "openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj /CN=localhost;"
      "openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out server.crt -days 2 "
      "-extfile san.ext;"
      "openssl req -newkey rsa:2048 -nodes -keyout client.key -out client.csr -subj /CN=saker-test-client;"
      "openssl x509 -req -in client.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out client.crt -days 2";
  const std::string cmd = "sh -c \"" + script + "\" >/dev/null 2>&1";
  c.ok = std::system(cmd.c_str()) == 0;
  return c;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The alert of Falco's legacy cat_write fixture at `ns`.
inline Alert cat_alert(std::uint64_t ns) {
  Alert a;
  a.time_ns = ns;
  a.priority = Priority::Warning;
  a.rule = "open_from_cat";
  a.source = "syscall";
  a.tags = {"filesystem", "process", "testing"};
  a.message = "An open was seen (command=cat /dev/null)";
  a.fields.push_back(OutputField{"proc.cmdline", FieldValue(std::string("cat /dev/null")), "cat /dev/null"});
  return a;
}

inline constexpr std::uint64_t kCatTimes[] = {
    1470327477881781397ull, 1470327477881785348ull, 1470327477881796705ull, 1470327477881799840ull,
    1470327477882003104ull, 1470327477882008208ull, 1470327477882045694ull, 1470327477882054739ull};

// Outputs with nothing enabled, ISO time, a fixed hostname and fast retries.
inline OutputsConfig base_config() {
  OutputsConfig cfg;
  cfg.stdout_output.enabled = false;
  cfg.time_format_iso_8601 = true;
  cfg.hostname = "test-falco-hostname";
  cfg.retry_backoff_ms = 1;
  return cfg;
}

}  // namespace saker::output::testing
