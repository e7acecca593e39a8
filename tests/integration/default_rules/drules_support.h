#pragma once
// Helpers shared by the default-rules live tests (`saker trace` and `saker --modern-bpf`): the
// action helper's path, temporary directories, loopback listeners and the port lists that keep
// one action to one rule. Needs SAKER_DRULES_ACTION (the built progs/drules_action).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace drules {

namespace fs = std::filesystem;

// The action helper, run from a non-temporary path: when the build tree lives below /tmp (a CI
// clone there), executing it from there is itself an alert (Execution From Temporary Directory)
// and every "exactly this rule fires" check would see two rules.
inline std::string action_binary() {
  const std::string built = SAKER_DRULES_ACTION;
  for (const char* tmp : {"/tmp/", "/var/tmp/", "/dev/shm/"}) {
    if (built.rfind(tmp, 0) != 0) continue;
    // One copy per test process (ctest runs several at once, and a binary being executed cannot
    // be overwritten), in a directory of its own so the program keeps its name; removed at exit.
    static struct Copy {
      fs::path dir;
      ~Copy() {
        std::error_code ec;
        if (!dir.empty()) fs::remove_all(dir, ec);
      }
    } copy;
    copy.dir = fs::path("/var/lib/saker-tests") / ("bin-" + std::to_string(::getpid()));
    const fs::path dst = copy.dir / "drules_action";
    std::error_code ec;
    fs::create_directories(copy.dir, ec);
    fs::copy_file(built, dst, fs::copy_options::overwrite_existing, ec);
    if (!ec) return dst.string();
  }
  return built;
}

inline std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class TempDir {
 public:
  explicit TempDir(const std::string& base = "/tmp") {
    std::string t = base + "/saker-drules-XXXXXX";
    path_ = mkdtemp(t.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// A loopback listener owned by the test (outside the observed process tree): the first of
// `ports` that is free (0: the kernel picks).
struct Listener {
  int fd = -1, port = 0;
  explicit Listener(const std::vector<int>& ports = {0}) {
    for (int p : ports) {
      int s = socket(AF_INET, SOCK_STREAM, 0);
      int one = 1;
      setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
      sockaddr_in a{};
      a.sin_family = AF_INET;
      a.sin_port = htons(static_cast<uint16_t>(p));
      a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
      socklen_t len = sizeof a;
      if (bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 && listen(s, 8) == 0 &&
          getsockname(s, reinterpret_cast<sockaddr*>(&a), &len) == 0) {
        fd = s;
        port = ntohs(a.sin_port);
        return;
      }
      close(s);
    }
  }
  ~Listener() {
    if (fd >= 0) close(fd);
  }
  Listener(const Listener&) = delete;
  Listener& operator=(const Listener&) = delete;
};

// Ports the ruleset knows (so a connect there is not "unusual") and mining-pool ports.
inline const std::set<int> kKnownOrMiningPorts = {
    22,   53,   80,   123,  443,  465,  587,  853,  993,  995,  3306, 5432,  6379,  8000,
    8080, 8443, 9092, 9200, 11211, 27017, 3333, 3334, 3335, 3336, 3357, 4444, 5555, 5556,
    5588, 5730, 6099, 6666, 7777, 7778, 8899, 9332, 9999, 14433, 14444, 45560, 45700};
// Known ports for "connect here and only the intended rule fires" (not mining, not unusual).
inline const std::vector<int> kKnownPorts = {8000, 8080, 8443, 9092, 9200, 11211, 27017, 5432, 3306, 6379};
inline const std::vector<int> kMiningPorts = {3333, 5555, 7777, 14444, 14433, 45560, 45700, 9999};

inline std::string unique(const std::string& stem) { return stem + std::to_string(getpid()); }

}  // namespace drules
