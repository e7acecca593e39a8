#include <cstdio>

#include "saker_version.h"

int main() {
  std::printf("saker %s\n", SAKER_VERSION);
  return 0;
}
