// Prints "ready", then reports each SIGUSR1/SIGUSR2/SIGHUP it receives and exits 42 on SIGTERM.
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t last = 0;
static void on_sig(int sig) { last = sig; }

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof(sa));
  sa.sa_handler = on_sig;
  sigaction(SIGUSR1, &sa, NULL);
  sigaction(SIGUSR2, &sa, NULL);
  sigaction(SIGHUP, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  // Block them until sigsuspend so none slips in between the check and the wait.
  sigset_t block, none;
  sigemptyset(&block);
  sigaddset(&block, SIGUSR1);
  sigaddset(&block, SIGUSR2);
  sigaddset(&block, SIGHUP);
  sigaddset(&block, SIGTERM);
  sigprocmask(SIG_BLOCK, &block, &none);
  sigdelset(&none, SIGUSR1);
  sigdelset(&none, SIGUSR2);
  sigdelset(&none, SIGHUP);
  sigdelset(&none, SIGTERM);
  printf("ready\n");
  fflush(stdout);
  for (;;) {
    sigsuspend(&none);
    int s = last;
    printf("got %d\n", s);
    fflush(stdout);
    if (s == SIGTERM) return 42;
  }
}
