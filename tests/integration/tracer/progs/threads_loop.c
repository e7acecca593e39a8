// For attach tests of a multithreaded process: three threads besides main, each opening
// /nonexistent/saker-thread-N every 20 ms until killed. Prints "ready" once all run.
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

static void* loop(void* arg) {
  char path[64];
  snprintf(path, sizeof(path), "/nonexistent/saker-thread-%d", (int)(intptr_t)arg);
  for (;;) {
    int fd = open(path, O_RDONLY);
    if (fd >= 0) close(fd);
    usleep(20000);
  }
  return NULL;
}

int main(void) {
  pthread_t t[3];
  for (intptr_t i = 0; i < 3; ++i) pthread_create(&t[i], NULL, loop, (void*)(i + 1));
  printf("ready\n");
  fflush(stdout);
  loop((void*)0);
}
