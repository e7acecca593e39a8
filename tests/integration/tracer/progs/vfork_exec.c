// vfork + exec: the parent is suspended until the child execs.
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  pid_t pid = vfork();
  if (pid == 0) {
    execl("/bin/echo", "echo", "vforked-child", (char*)NULL);
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  printf("child exited %d\n", WEXITSTATUS(status));
  pid = vfork();
  if (pid == 0) _exit(7);  // vfork child exiting without exec
  waitpid(pid, &status, 0);
  printf("second child exited %d\n", WEXITSTATUS(status));
  return 0;
}
