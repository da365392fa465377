/* child.c -- one measured configuration in its own process; see child.h. */
#include "child.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include "io/proc.h"

/* The whole of buf through fd (a pipe may take it in pieces). */
static int move_all(int fd, void *buf, size_t size, int writing)
{
  char *p = buf;
  while (size) {
    const ssize_t k = writing ? write(fd, p, size) : read(fd, p, size);
    if (k <= 0) return -1;
    p += k;
    size -= (size_t) k;
  }
  return 0;
}

int child_run(int (*fn)(const void *arg, void *result), const void *arg, void *result, size_t size,
              child_usage *usage)
{
  int fd[2];
  if (pipe(fd)) return -1;
  fflush(NULL);
  const pid_t pid = fork();
  if (pid < 0) { close(fd[0]); close(fd[1]); return -1; }
  if (pid == 0) {
    close(fd[0]);
    child_usage u = { 0 };
    const int rc = fn(arg, result);
    u.peak_mb = proc_peak_mib();
    _exit(rc == 0 && move_all(fd[1], &u, sizeof u, 1) == 0 && move_all(fd[1], result, size, 1) == 0 ? 0 : 1);
  }
  close(fd[1]);
  child_usage u;
  const int got = move_all(fd[0], &u, sizeof u, 0) || move_all(fd[0], result, size, 0);
  close(fd[0]);
  int st;
  if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st) || got) return -1;
  if (usage) *usage = u;
  return 0;
}
