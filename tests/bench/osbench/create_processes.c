/* OSBench "create processes": fork a child that exits at once + wait, N times. */
#include <sys/wait.h>
#include <unistd.h>

#include "osbench.h"

int main(int argc, char** argv) {
  long n = osb_iterations(argc, argv, 3000);
  long long t0 = osb_now_ns();
  for (long i = 0; i < n; ++i) {
    pid_t pid = fork();
    if (pid < 0) osb_die("fork");
    if (pid == 0) _exit(0);
    int st;
    if (waitpid(pid, &st, 0) != pid) osb_die("waitpid");
  }
  long long t1 = osb_now_ns();
  osb_report("create_processes", n, t1 - t0);
  return 0;
}
