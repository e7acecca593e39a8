#include "tracer/spawn.h"

#include <signal.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "tracer/signals.h"

namespace saker::tracer {
namespace {

bool is_executable_file(const std::string& p) {
  struct stat st;
  return stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode) && access(p.c_str(), X_OK) == 0;
}

[[noreturn]] void child_fail(const char* what, const std::string& arg, int err, int code) {
  std::fprintf(stderr, "saker-trace: %s%s%s: %s\n", what, arg.empty() ? "" : " ", arg.c_str(),
               std::strerror(err));
  _exit(code);
}

}  // namespace

std::string resolve_command(const std::string& name) {
  if (name.empty()) return {};
  if (name.find('/') != std::string::npos) return name;
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
  size_t start = 0;
  for (;;) {
    size_t colon = dirs.find(':', start);
    std::string dir = dirs.substr(start, colon == std::string::npos ? std::string::npos
                                                                    : colon - start);
    std::string cand = (dir.empty() ? std::string(".") : dir) + "/" + name;
    if (is_executable_file(cand)) return cand;
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  return {};
}

Status spawn_traced(const std::string& path, const std::vector<std::string>& argv,
                    const SeccompFilter* filter, long ptrace_options, pid_t* pid) {
  std::vector<char*> cargv;
  for (const auto& a : argv) cargv.push_back(const_cast<char*>(a.c_str()));
  cargv.push_back(nullptr);

  pid_t child = fork();
  if (child < 0) return Status::Error(std::string("fork: ") + std::strerror(errno));
  if (child == 0) {
    signals::restore_in_child();
    if (raise(SIGSTOP) != 0) _exit(127);
    if (filter != nullptr && filter->built()) {
      bool nnp = false;
      int rc = filter->load(&nnp);
      if (rc != 0) child_fail("cannot install the seccomp filter", "", -rc, 127);
    }
    execv(path.c_str(), cargv.data());
    const int err = errno;
    child_fail("cannot run", argv[0], err, err == ENOENT ? 127 : 126);
  }

  int status = 0;
  if (waitpid(child, &status, WSTOPPED) != child || !WIFSTOPPED(status)) {
    return Status::Error("child did not stop before exec");
  }
  if (ptrace(PTRACE_SEIZE, child, nullptr, reinterpret_cast<void*>(ptrace_options)) != 0) {
    const int err = errno;
    kill(child, SIGKILL);
    waitpid(child, &status, 0);
    return Status::Error(std::string("PTRACE_SEIZE: ") + std::strerror(err));
  }
  kill(child, SIGCONT);
  *pid = child;
  return Status::Ok();
}

}  // namespace saker::tracer
