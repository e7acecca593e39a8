/* Shared by the OSBench-like workloads: a monotonic clock and the one-line result.
 * Each workload times only its own loop (not process start-up) and prints
 *   <name> <iterations> <total ns> <ns per op>
 * on stdout, so a driver can compare native and traced runs of the same loop. */
#ifndef SAKER_OSBENCH_H
#define SAKER_OSBENCH_H
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static inline long long osb_now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Iterations: the default, or argv[1] when given. */
static inline long osb_iterations(int argc, char** argv, long dflt) {
  if (argc > 1) {
    long n = strtol(argv[1], NULL, 10);
    if (n > 0) return n;
  }
  return dflt;
}

static inline void osb_report(const char* name, long n, long long ns) {
  printf("%s %ld %lld %.1f\n", name, n, ns, (double)ns / (double)n);
}

static inline void osb_die(const char* what) {
  perror(what);
  exit(1);
}
#endif
