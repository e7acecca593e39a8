// A non-leader thread calls execve while the leader blocks: the kernel gives the exec'ing thread
// the leader's tid (PTRACE_EVENT_EXEC with the old tid).
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static void* run(void* arg) {
  (void)arg;
  int fd = open("/nonexistent/saker-before-exec", O_RDONLY);
  if (fd >= 0) close(fd);
  execl("/bin/echo", "echo", "from-thread", (char*)NULL);
  perror("execl");
  return NULL;
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, run, NULL);
  for (;;) pause();
}
