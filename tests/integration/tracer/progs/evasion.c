// What a workload may try against its tracer: PTRACE_TRACEME (fails under a tracer), io_uring
// (syscalls the filter cannot see), its own seccomp filter with RET_TRACE (ENOSYS without a
// tracer) and RET_ERRNO. Prints what it observed.
#define _GNU_SOURCE
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char** argv) {
  const char* what = argc > 1 ? argv[1] : "all";
  if (!strcmp(what, "all") || !strcmp(what, "traceme")) {
    long r = ptrace(PTRACE_TRACEME, 0, NULL, NULL);
    printf("traceme=%ld\n", r);
  }
  if (!strcmp(what, "all") || !strcmp(what, "io_uring")) {
    char params[120];
    memset(params, 0, sizeof(params));
    long fd = syscall(SYS_io_uring_setup, 4, params);
    printf("io_uring_setup ok=%d\n", fd >= 0 || errno != ENOSYS);
    if (fd >= 0) close((int)fd);
  }
  if (!strcmp(what, "seccomp")) {
    // getppid -> RET_TRACE (data 7), getuid -> RET_ERRNO(EPERM), the rest allowed.
    struct sock_filter f[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_getppid, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE | 7),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_getuid, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    struct sock_fprog prog = {sizeof(f) / sizeof(f[0]), f};
    prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
    long r = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog);
    printf("seccomp=%ld\n", r);
    errno = 0;
    long p = syscall(SYS_getppid);
    printf("getppid=%ld errno=%s\n", p, p < 0 ? strerrorname_np(errno) : "0");
    errno = 0;
    long u = syscall(SYS_getuid);
    printf("getuid=%ld errno=%s\n", u, u < 0 ? strerrorname_np(errno) : "0");
  }
  fflush(stdout);
  return 0;
}
