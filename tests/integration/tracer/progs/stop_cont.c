// Job control seen from a traced parent: stop a child with SIGSTOP, see it stopped with
// waitpid(WUNTRACED), continue it, see WIFCONTINUED, then terminate it.
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  pid_t pid = fork();
  if (pid == 0) {
    for (;;) pause();
  }
  int status = 0;
  kill(pid, SIGSTOP);
  waitpid(pid, &status, WUNTRACED);
  printf("stopped=%d sig=%d\n", WIFSTOPPED(status), WIFSTOPPED(status) ? WSTOPSIG(status) : 0);
  kill(pid, SIGCONT);
  waitpid(pid, &status, WCONTINUED);
  printf("continued=%d\n", WIFCONTINUED(status));
  kill(pid, SIGTERM);
  waitpid(pid, &status, 0);
  printf("signaled=%d sig=%d\n", WIFSIGNALED(status), WIFSIGNALED(status) ? WTERMSIG(status) : 0);
  fflush(stdout);
  return 0;
}
