// Does what the event tests check: open a file, connect to 127.0.0.1:PORT (a listener it makes
// itself), start a thread (clone with CLONE_THREAD), fork, and execve /bin/true in the child.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static void* thread_main(void* arg) {
  (void)arg;
  int fd = open("/etc/hostname", O_RDONLY);
  if (fd >= 0) close(fd);
  return NULL;
}

int main(void) {
  int fd = open("/etc/passwd", O_RDONLY | O_CLOEXEC);
  int ls = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  struct sockaddr_in a = {0};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  bind(ls, (struct sockaddr*)&a, sizeof(a));
  listen(ls, 4);
  socklen_t al = sizeof(a);
  getsockname(ls, (struct sockaddr*)&a, &al);
  int cs = socket(AF_INET, SOCK_STREAM, 0);
  if (connect(cs, (struct sockaddr*)&a, sizeof(a)) != 0) perror("connect");
  int as = accept(ls, NULL, NULL);
  printf("port=%d\n", ntohs(a.sin_port));
  pthread_t t;
  pthread_create(&t, NULL, thread_main, NULL);
  pthread_join(t, NULL);
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    char* argv[] = {"/bin/true", "arg1", NULL};
    execv("/bin/true", argv);
    _exit(127);
  }
  int st = 0;
  waitpid(pid, &st, 0);
  close(as);
  close(cs);
  close(ls);
  close(fd);
  return 0;
}
