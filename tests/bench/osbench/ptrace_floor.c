/* ptrace_floor: the cheapest tracer that stops where saker-trace stops, as a yardstick.
 *
 *   ptrace_floor [-x] -e SYSCALL[,SYSCALL...] CMD ARGS...
 *
 * Runs CMD under a seccomp filter that returns TRACE for the listed syscalls (ALLOW otherwise),
 * follows forks, clones and execs like saker-trace, and at every stop does nothing but resume:
 * no registers, no memory, no events. With -x it also takes the syscall-exit stop of every traced
 * syscall (PTRACE_SYSCALL from the seccomp stop), as a tracer that reports results must.
 * Whatever this costs per operation is the price of the stops themselves on this machine (two
 * context switches each, plus the wake-ups), which no ptrace tracer can go below: it tells how much
 * of a traced/native ratio is the platform and how much is the tracer's own work.
 * Exit status: CMD's, or 128+N if signal N killed it. Bench tool, not a product. */
#define _GNU_SOURCE
#include <seccomp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

static int add_rules(scmp_filter_ctx f, char* list) {
  for (char* name = strtok(list, ","); name != NULL; name = strtok(NULL, ",")) {
    int nr = seccomp_syscall_resolve_name(name);
    if (nr == __NR_SCMP_ERROR) continue; /* not on this architecture */
    if (seccomp_rule_add(f, SCMP_ACT_TRACE(1), nr, 0) != 0) return -1;
  }
  return 0;
}

static int is_stop_signal(int sig) {
  return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

int main(int argc, char** argv) {
  int exits = 0, opt;
  char* list = NULL;
  while ((opt = getopt(argc, argv, "+xe:")) != -1) {
    if (opt == 'x') exits = 1;
    else if (opt == 'e') list = optarg;
    else return 2;
  }
  if (list == NULL || optind >= argc) {
    fprintf(stderr, "usage: ptrace_floor [-x] -e SYSCALL[,...] CMD ARGS...\n");
    return 2;
  }
  pid_t child = fork();
  if (child < 0) return 1;
  if (child == 0) {
    raise(SIGSTOP); /* until the parent has seized us */
    scmp_filter_ctx f = seccomp_init(SCMP_ACT_ALLOW);
    if (f == NULL || add_rules(f, list) != 0 || seccomp_load(f) != 0) {
      perror("ptrace_floor: seccomp");
      _exit(1);
    }
    execvp(argv[optind], argv + optind);
    _exit(127);
  }
  waitpid(child, NULL, WSTOPPED);
  const long options = PTRACE_O_TRACESECCOMP | PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEFORK |
                       PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE | PTRACE_O_TRACEEXEC |
                       PTRACE_O_EXITKILL;
  if (ptrace(PTRACE_SEIZE, child, NULL, (void*)options) != 0) {
    perror("ptrace_floor: PTRACE_SEIZE");
    kill(child, SIGKILL);
    return 1;
  }
  kill(child, SIGCONT);
  int code = 0, swallow_sigcont = 1;
  for (;;) {
    int st;
    pid_t p = waitpid(-1, &st, __WALL);
    if (p < 0) break;
    if (WIFEXITED(st) || WIFSIGNALED(st)) {
      if (p == child) code = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
      continue;
    }
    const int sig = WSTOPSIG(st), event = st >> 16;
    if (event == PTRACE_EVENT_SECCOMP) {
      ptrace(exits ? PTRACE_SYSCALL : PTRACE_CONT, p, NULL, NULL);
    } else if (event == PTRACE_EVENT_STOP && is_stop_signal(sig)) {
      ptrace(PTRACE_LISTEN, p, NULL, NULL); /* a group stop: stays stopped, as untraced */
    } else if (sig == (SIGTRAP | 0x80) || event != 0) {
      ptrace(PTRACE_CONT, p, NULL, NULL); /* syscall-exit stop or fork/clone/exec/stop event */
    } else if (sig == SIGCONT && p == child && swallow_sigcont) {
      swallow_sigcont = 0; /* ours, from the start-up handshake */
      ptrace(PTRACE_CONT, p, NULL, NULL);
    } else {
      ptrace(PTRACE_CONT, p, NULL, (void*)(long)sig); /* re-inject the signal */
    }
  }
  return code;
}
