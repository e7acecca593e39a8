#include "tracer/signals.h"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>

namespace saker::tracer::signals {
namespace {

constexpr int kHandled[] = {SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGPIPE};
struct sigaction g_saved[sizeof(kHandled) / sizeof(kHandled[0])];
sigset_t g_saved_mask;
bool g_installed = false;
Mode g_mode = Mode::kForward;
std::atomic<pid_t> g_target{0};
std::atomic<pid_t> g_wakeup{0};
volatile sig_atomic_t g_detach = 0;

void on_signal(int sig, siginfo_t* info, void*) {
  const int saved_errno = errno;
  if (g_mode == Mode::kDetach) {
    g_detach = 1;
    pid_t w = g_wakeup.load();
    if (w > 0) ptrace(PTRACE_INTERRUPT, w, nullptr, nullptr);
  } else {
    pid_t target = g_target.load();
    if (target > 0 && info->si_code != SI_KERNEL) kill(target, sig);
  }
  errno = saved_errno;
}

}  // namespace

void install(Mode mode) {
  g_mode = mode;
  sigprocmask(SIG_SETMASK, nullptr, &g_saved_mask);
  for (size_t i = 0; i < sizeof(kHandled) / sizeof(kHandled[0]); ++i) {
    struct sigaction sa {};
    if (kHandled[i] == SIGPIPE) {
      sa.sa_handler = SIG_IGN;  // a closed --debug-output pipe must not kill the tracer
    } else {
      sa.sa_sigaction = on_signal;
      sa.sa_flags = SA_SIGINFO;
    }
    sigemptyset(&sa.sa_mask);
    sigaction(kHandled[i], &sa, &g_saved[i]);
  }
  // The forwarded signals must reach us even if our parent blocked them.
  sigset_t unblock;
  sigemptyset(&unblock);
  for (int s : kHandled) sigaddset(&unblock, s);
  sigprocmask(SIG_UNBLOCK, &unblock, nullptr);
  g_installed = true;
}

void set_forward_target(pid_t pid) { g_target.store(pid); }
void set_wakeup_tracee(pid_t tid) { g_wakeup.store(tid); }
bool detach_requested() { return g_detach != 0; }

void restore_in_child() {
  if (!g_installed) return;
  for (size_t i = 0; i < sizeof(kHandled) / sizeof(kHandled[0]); ++i) {
    sigaction(kHandled[i], &g_saved[i], nullptr);
  }
  sigprocmask(SIG_SETMASK, &g_saved_mask, nullptr);
}

bool become_subreaper() { return prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0; }

}  // namespace saker::tracer::signals
