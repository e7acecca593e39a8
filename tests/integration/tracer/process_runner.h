#pragma once
// Running a real process for a test: stdin fed, stdout/stderr captured, bounded in time, and the
// whole process group killed at the end whatever happens.
#include <sys/types.h>

#include <string>
#include <vector>

namespace saker::tracer::testing {

struct RunResult {
  std::string out, err;
  int code = -1;           // exit code, or 128+N if killed by signal N (shell convention)
  bool timed_out = false;
};

class Process {
 public:
  // Starts argv in its own process group.
  Process(const std::vector<std::string>& argv, const std::string& input = "");
  ~Process();
  pid_t pid() const { return pid_; }
  // Reads stdout until it contains `text` or the timeout passes. Returns whether it was seen.
  bool wait_for_output(const std::string& text, int timeout_ms);
  // Waits for exit (killing the group after timeout_ms) and returns everything captured.
  RunResult finish(int timeout_ms);

 private:
  bool pump(int timeout_ms);  // one poll round; false once both pipes are closed
  pid_t pid_ = -1;
  int out_fd_ = -1, err_fd_ = -1;
  RunResult result_;
  bool done_ = false;
};

RunResult run(const std::vector<std::string>& argv, const std::string& input = "",
              int timeout_ms = 30000);

}  // namespace saker::tracer::testing
