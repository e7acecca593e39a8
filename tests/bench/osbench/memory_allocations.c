/* OSBench "memory allocations": malloc + touch + free of small blocks (16..4111 bytes), N
 * times, 1024 of them alive at once. This is the allocator, not syscalls (a few brk calls):
 * a tracer should cost nothing here. */
#include <string.h>

#include "osbench.h"

int main(int argc, char** argv) {
  long n = osb_iterations(argc, argv, 5000000);
  void* keep[1024] = {0};
  unsigned sum = 0;
  long long t0 = osb_now_ns();
  for (long i = 0; i < n; ++i) {
    size_t size = 16u + (size_t)((i * 2654435761u) % 4096u);
    unsigned slot = (unsigned)(i & 1023);
    free(keep[slot]);
    char* p = malloc(size);
    if (p == NULL) osb_die("malloc");
    p[0] = (char)i;
    p[size - 1] = (char)i;
    sum += (unsigned char)p[0];
    keep[slot] = p;
  }
  for (int i = 0; i < 1024; ++i) free(keep[i]);
  long long t1 = osb_now_ns();
  osb_report("memory_allocations", n, t1 - t0);
  return sum == 12345u ? 2 : 0;  /* keep the loop observable */
}
