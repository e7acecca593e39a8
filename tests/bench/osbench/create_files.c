/* OSBench "create files": create N empty files in a fresh directory (open O_CREAT + write of
 * 32 bytes + close), then remove them all. Timed: the create and remove loops. */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "osbench.h"

int main(int argc, char** argv) {
  long n = osb_iterations(argc, argv, 20000);
  char dir[] = "/tmp/saker-osbench-files-XXXXXX";
  if (mkdtemp(dir) == NULL) osb_die("mkdtemp");
  char path[128];
  static const char data[32] = "saker osbench create_files....";
  long long t0 = osb_now_ns();
  for (long i = 0; i < n; ++i) {
    snprintf(path, sizeof path, "%s/f%ld", dir, i);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) osb_die("open");
    if (write(fd, data, sizeof data) != (ssize_t)sizeof data) osb_die("write");
    close(fd);
  }
  for (long i = 0; i < n; ++i) {
    snprintf(path, sizeof path, "%s/f%ld", dir, i);
    if (unlink(path) != 0) osb_die("unlink");
  }
  long long t1 = osb_now_ns();
  rmdir(dir);
  osb_report("create_files", n, t1 - t0);
  return 0;
}
