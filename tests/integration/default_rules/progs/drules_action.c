// Small, safe actions for the default-rules live tests. Each one does one thing a rule watches
// for, bounded in time, touching only loopback, the process itself, or its own child.
//   drules_action connect HOST PORT        TCP connect (result ignored)
//   drules_action accept-once PORTFILE     listen on 127.0.0.1:0, write the port, accept one (10 s)
//   drules_action revshell PORT            connect to 127.0.0.1:PORT, dup2 onto 0/1/2, exec sh
//   drules_action sleep-read MS FILE       sleep, then open FILE for reading
//   drules_action ptrace-attach            PTRACE_ATTACH to its own sleeping child
//   drules_action traceme                  PTRACE_TRACEME
//   drules_action io-uring                 io_uring_setup(4)
//   drules_action memfd-exec               copy /bin/true into a memfd and execute it
//   drules_action unshare                  unshare(CLONE_NEWUTS) (own process only)
//   drules_action bpf                      bpf(BPF_PROG_LOAD) with an empty (invalid) program
//   drules_action finit-module             finit_module(-1) (always EBADF)
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int tcp_connect(const char* host, int port) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = {0};
  a.sin_family = AF_INET;
  a.sin_port = htons((unsigned short)port);
  inet_pton(AF_INET, host, &a.sin_addr);
  if (connect(s, (struct sockaddr*)&a, sizeof a) != 0) return -1;
  return s;
}

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  const char* cmd = argv[1];
  if (!strcmp(cmd, "connect") && argc == 4) {
    int s = tcp_connect(argv[2], atoi(argv[3]));
    if (s >= 0) close(s);
    return 0;
  }
  if (!strcmp(cmd, "accept-once") && argc == 3) {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {0};
    socklen_t len = sizeof a;
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(s, (struct sockaddr*)&a, sizeof a) || listen(s, 1) || getsockname(s, (struct sockaddr*)&a, &len))
      return 1;
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", argv[2]);
    FILE* f = fopen(tmp, "w");
    if (!f) return 1;
    fprintf(f, "%d\n", ntohs(a.sin_port));
    fclose(f);
    rename(tmp, argv[2]);
    struct pollfd p = {s, POLLIN, 0};
    if (poll(&p, 1, 10000) != 1) return 1;
    int c = accept(s, NULL, NULL);
    if (c >= 0) close(c);
    close(s);
    return 0;
  }
  if (!strcmp(cmd, "revshell") && argc == 3) {
    int s = tcp_connect("127.0.0.1", atoi(argv[2]));
    if (s < 0) return 1;
    dup2(s, 0);
    dup2(s, 1);
    close(s);
    execl("/bin/sh", "sh", "-c", "exit 0", (char*)NULL);
    return 127;
  }
  if (!strcmp(cmd, "sleep-read") && argc == 4) {
    long ms = atol(argv[2]);
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0) {}
    int fd = open(argv[3], O_RDONLY);
    if (fd >= 0) close(fd);
    return 0;
  }
  if (!strcmp(cmd, "ptrace-attach")) {
    pid_t child = fork();
    if (child == 0) {
      struct timespec ts = {3, 0};
      nanosleep(&ts, NULL);
      _exit(0);
    }
    ptrace(PTRACE_ATTACH, child, NULL, NULL);  // fails under a tracer: the attempt is the point
    kill(child, SIGKILL);
    waitpid(child, NULL, 0);
    return 0;
  }
  if (!strcmp(cmd, "traceme")) {
    ptrace(PTRACE_TRACEME, 0, NULL, NULL);
    return 0;
  }
  if (!strcmp(cmd, "io-uring")) {
    unsigned char params[120];
    memset(params, 0, sizeof params);
    long fd = syscall(__NR_io_uring_setup, 4, params);
    if (fd >= 0) close((int)fd);
    return 0;
  }
  if (!strcmp(cmd, "memfd-exec")) {
    int m = (int)syscall(__NR_memfd_create, "saker-drules", 0);
    int in = open("/bin/true", O_RDONLY);
    if (m < 0 || in < 0) return 1;
    char buf[65536];
    ssize_t n;
    while ((n = read(in, buf, sizeof buf)) > 0) {
      if (write(m, buf, (size_t)n) != n) return 1;
    }
    close(in);
    char* args[] = {"true", NULL};
    char* env[] = {NULL};
    fexecve(m, args, env);
    return 127;
  }
  if (!strcmp(cmd, "unshare")) {
    unshare(CLONE_NEWUTS);
    return 0;
  }
  if (!strcmp(cmd, "bpf")) {
    unsigned char attr[128];
    memset(attr, 0, sizeof attr);
    syscall(__NR_bpf, 5 /* BPF_PROG_LOAD */, attr, sizeof attr);
    return 0;
  }
  if (!strcmp(cmd, "finit-module")) {
    syscall(__NR_finit_module, -1, "", 0);
    return 0;
  }
  return 2;
}
