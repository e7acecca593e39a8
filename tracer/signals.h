#pragma once
// The tracer's own signal handling and entrypoint duties (tini-like):
//  - forward SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2 to the workload, except when the
//    kernel generated them for the terminal's foreground group (si_code SI_KERNEL): the workload
//    shares our process group and got that one already;
//  - in attach mode the same signals ask the tracer to detach and leave instead;
//  - child subreaper, so orphans of the traced tree are re-parented to (and reaped by) us;
//  - the child restores the dispositions and mask the tracer inherited before it execs.
#include <sys/types.h>

namespace saker::tracer::signals {

enum class Mode { kForward, kDetach };

// Installs the handlers (no SA_RESTART: waitpid returns EINTR). Saves what they replace.
void install(Mode mode);
// The process the forwarded signals go to (the workload's main pid); 0 = none yet.
void set_forward_target(pid_t pid);
// In attach mode: the tracee to PTRACE_INTERRUPT so the wait loop wakes for a detach request.
void set_wakeup_tracee(pid_t tid);
// True once a detach was requested (attach mode).
bool detach_requested();
// In a forked child before exec: put back the inherited dispositions and signal mask.
void restore_in_child();
// PR_SET_CHILD_SUBREAPER. Returns false if the kernel refused.
bool become_subreaper();

}  // namespace saker::tracer::signals
