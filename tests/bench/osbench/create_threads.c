/* OSBench "create threads": start a thread that does nothing and join it, N times. */
#include <pthread.h>

#include "osbench.h"

static void* nothing(void* arg) { return arg; }

int main(int argc, char** argv) {
  long n = osb_iterations(argc, argv, 5000);
  long long t0 = osb_now_ns();
  for (long i = 0; i < n; ++i) {
    pthread_t t;
    if (pthread_create(&t, NULL, nothing, NULL) != 0) osb_die("pthread_create");
    pthread_join(t, NULL);
  }
  long long t1 = osb_now_ns();
  osb_report("create_threads", n, t1 - t0);
  return 0;
}
