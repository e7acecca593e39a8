// Exits with argv[1] (a number), or is killed by signal N when argv[1] is "sig:N".
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc < 2) return 0;
  printf("out:%s\n", argv[1]);
  fprintf(stderr, "err:%s\n", argv[1]);
  fflush(NULL);
  if (strncmp(argv[1], "sig:", 4) == 0) {
    int sig = atoi(argv[1] + 4);
    signal(sig, SIG_DFL);
    raise(sig);
    for (;;) pause();
  }
  return atoi(argv[1]);
}
