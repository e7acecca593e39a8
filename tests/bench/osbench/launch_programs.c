/* OSBench "launch programs": fork + exec /bin/true + wait, N times. */
#include <sys/wait.h>
#include <unistd.h>

#include "osbench.h"

int main(int argc, char** argv) {
  long n = osb_iterations(argc, argv, 1000);
  char* const args[] = {(char*)"/bin/true", NULL};
  char* const env[] = {NULL};
  long long t0 = osb_now_ns();
  for (long i = 0; i < n; ++i) {
    pid_t pid = fork();
    if (pid < 0) osb_die("fork");
    if (pid == 0) {
      execve("/bin/true", args, env);
      _exit(127);
    }
    int st;
    if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st) != 0) osb_die("child");
  }
  long long t1 = osb_now_ns();
  osb_report("launch_programs", n, t1 - t0);
  return 0;
}
