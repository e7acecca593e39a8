// A small process tree for attach tests: the parent forks a child; both loop opening
// /nonexistent/saker-attach-<role> every 20 ms until killed. Prints the child's pid.
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

static void loop(const char* path) {
  for (;;) {
    int fd = open(path, O_RDONLY);
    if (fd >= 0) close(fd);
    usleep(20000);
  }
}

int main(void) {
  pid_t pid = fork();
  if (pid == 0) loop("/nonexistent/saker-attach-child");
  printf("child %d\n", pid);
  fflush(stdout);
  loop("/nonexistent/saker-attach-parent");
}
