#pragma once
// Starting the workload traced, without PTRACE_TRACEME (which a tracee could detect and which
// leaves a window with the legacy SIGTRAP-after-exec semantics):
//   child:  restore inherited signal state; raise SIGSTOP
//   parent: wait for that stop; PTRACE_SEIZE with our options; SIGCONT
//   child:  install the seccomp filter (no_new_privs only if needed); execv(resolved path)
// The first traced syscall is therefore the workload's own execve, as strace shows it.
#include <sys/types.h>

#include <string>
#include <vector>

#include "engine/common/status.h"
#include "tracer/seccomp_filter.h"

namespace saker::tracer {

// Resolves argv[0] through PATH as execvp would (in the parent, so that the tracee makes one
// execve, not one per PATH entry). Empty if not found.
std::string resolve_command(const std::string& name);

// Forks and seizes the child; filter may be null (no seccomp: every syscall stops). On success
// *pid is the running, seized child (a SIGCONT is pending for it: see Tracee::swallow_sigcont).
Status spawn_traced(const std::string& path, const std::vector<std::string>& argv,
                    const SeccompFilter* filter, long ptrace_options, pid_t* pid);

}  // namespace saker::tracer
