/* Makes one call of each syscall whose flags the producers convert to PPM values, in a fixed
 * order, inside the directory argv[1]. Some flags arrive with garbage in the register's upper
 * 32 bits: the kernel reads an `int` there, and so must both producers. Failures (EINVAL, EPERM,
 * ...) are fine: the flags are reported either way. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/close_range.h>
#include <signal.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <unistd.h>

#define HIGH_GARBAGE 0xabcd000100000000ull /* upper half only: the kernel ignores it for an int */

int main(int argc, char** argv) {
  if (argc != 2 || chdir(argv[1]) != 0) return 2;
  int fd = openat(AT_FDCWD, "created", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_APPEND, 0640);
  int dir = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  int sock = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  int pfd[2];
  syscall(SYS_pipe2, pfd, HIGH_GARBAGE | O_DIRECT | O_CLOEXEC);
  syscall(SYS_eventfd2, 3, HIGH_GARBAGE | EFD_CLOEXEC | EFD_NONBLOCK);
  syscall(SYS_eventfd2, 3, 0x80000000ull | EFD_CLOEXEC); /* a negative int: refused */
  syscall(SYS_inotify_init1, HIGH_GARBAGE | IN_NONBLOCK);
  timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
  epoll_create1(EPOLL_CLOEXEC);
  memfd_create("flags", MFD_CLOEXEC | MFD_ALLOW_SEALING);
  dup3(fd, 40, O_CLOEXEC);
  fcntl(fd, F_DUPFD_CLOEXEC, 50);
  fcntl(fd, F_SETPIPE_SZ, 4096);
  mkdirat(dir, "sub", 0750);
  mknodat(dir, "fifo", S_IFIFO | 0600, 0);
  linkat(dir, "created", dir, "hard", AT_SYMLINK_FOLLOW);
  syscall(SYS_renameat2, dir, "hard", dir, "created", RENAME_NOREPLACE);
  unlinkat(dir, "sub", AT_REMOVEDIR);
  fchmodat(dir, "created", S_ISGID | 0604, 0);
  umount2("/nonexistent-saker-mountpoint", MNT_DETACH | UMOUNT_NOFOLLOW);
  void* page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (page != MAP_FAILED) mprotect(page, 4096, PROT_READ | PROT_EXEC);
  shutdown(sock, SHUT_RDWR);
  syscall(SYS_pidfd_open, getpid(), 0);
  syscall(SYS_close_range, 1000, 1001, CLOSE_RANGE_CLOEXEC);
  return 0;
}
