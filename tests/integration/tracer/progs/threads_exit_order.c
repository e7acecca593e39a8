// Threads that exit in a chosen order. argv[1]: leader_first | workers_first | reverse | forward.
// Each thread opens a path naming it (absent: ENOENT) so its syscalls are recognisable.
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

enum { kWorkers = 4 };
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int turn = 0;          // index in order[] allowed to exit now
static int order[kWorkers];   // exit order of workers
static int leader_first = 0;

static void* worker(void* arg) {
  int id = (int)(long)arg;
  char path[64];
  snprintf(path, sizeof(path), "/nonexistent/saker-thread-%d", id);
  int fd = open(path, O_RDONLY);
  if (fd >= 0) close(fd);
  pthread_mutex_lock(&mu);
  while (order[turn] != id) pthread_cond_wait(&cv, &mu);
  turn++;
  pthread_cond_broadcast(&cv);
  pthread_mutex_unlock(&mu);
  usleep(2000);
  return NULL;
}

int main(int argc, char** argv) {
  const char* mode = argc > 1 ? argv[1] : "forward";
  for (int i = 0; i < kWorkers; ++i) order[i] = i;
  if (strcmp(mode, "reverse") == 0) {
    for (int i = 0; i < kWorkers; ++i) order[i] = kWorkers - 1 - i;
  }
  leader_first = strcmp(mode, "leader_first") == 0;
  pthread_t th[kWorkers];
  pthread_mutex_lock(&mu);  // workers wait until all exist
  for (int i = 0; i < kWorkers; ++i) pthread_create(&th[i], NULL, worker, (void*)(long)i);
  printf("started %d workers (%s)\n", kWorkers, mode);
  fflush(stdout);
  pthread_mutex_unlock(&mu);
  if (leader_first) {
    syscall(SYS_exit, 0);  // the leader's thread only: the process lives on in its workers
  }
  for (int i = 0; i < kWorkers; ++i) pthread_join(th[i], NULL);
  printf("all joined\n");
  return 0;
}
