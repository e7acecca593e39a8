#pragma once
// Runs a shell command for tests and captures its stdout (and, apart, its stderr) and exit status.
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace saker::testing {

struct CommandResult {
  int exit_code = -1;  // exit status, or 128+signal
  std::string out;
};

inline CommandResult run_command(const std::string& cmd) {
  CommandResult r;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return r;
  std::array<char, 65536> buf;
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int st = ::pclose(p);
  if (WIFEXITED(st)) r.exit_code = WEXITSTATUS(st);
  else if (WIFSIGNALED(st)) r.exit_code = 128 + WTERMSIG(st);
  return r;
}

// The command's stdout and stderr kept apart (stderr through a temporary file), stdin /dev/null.
struct SplitOutcome {
  int code = -1;  // exit status, or 128+signal
  std::string out;
  std::string err;
};

inline SplitOutcome run_command_split(const std::string& cmd) {
  SplitOutcome r;
  char err_path[] = "/tmp/saker-test-stderr.XXXXXX";
  const int fd = ::mkstemp(err_path);
  if (fd < 0) return r;
  ::close(fd);
  const CommandResult c = run_command(cmd + " 2>" + err_path + " </dev/null");
  r.code = c.exit_code;
  r.out = c.out;
  std::ifstream in(err_path);
  std::stringstream ss;
  ss << in.rdbuf();
  r.err = ss.str();
  ::unlink(err_path);
  return r;
}

inline std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < s.size()) {
    size_t nl = s.find('\n', start);
    if (nl == std::string::npos) nl = s.size();
    lines.emplace_back(s, start, nl - start);
    start = nl + 1;
  }
  return lines;
}

// Single-quotes a string for /bin/sh.
inline std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'') q += "'\\''";
    else q += c;
  }
  return q + "'";
}

}  // namespace saker::testing
