/* proc.c -- process-wide settings, clock, divergence report and cost record; see proc.h. */
#include "io/proc.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <sys/resource.h>
#include <gsl/gsl_errno.h>

void openblas_set_num_threads(int);

/* The one piece of process-wide state: when the process started and which run it is. */
static double process_start;
static char resources_stem[4096];

static void report(const char *reason, const char *file, int line, int gsl_errno)
{
  fprintf(stderr, "gsl: %s:%d: %s (%s)\n", file, line, reason, gsl_strerror(gsl_errno));
}

static double clock_seconds(clockid_t id)
{
  struct timespec ts;
  clock_gettime(id, &ts);
  return (double) ts.tv_sec + 1e-9 * (double) ts.tv_nsec;
}

double proc_seconds(void) { return clock_seconds(CLOCK_MONOTONIC); }

double proc_cpu_seconds(void) { return clock_seconds(CLOCK_PROCESS_CPUTIME_ID); }

double proc_loadavg(void)
{
  double l = NAN;
  FILE *fp = fopen("/proc/loadavg", "r");
  if (fp && fscanf(fp, "%lf", &l) != 1) l = NAN;
  if (fp) fclose(fp);
  return l;
}

double proc_peak_mib(void)
{
  struct rusage ru;
  return getrusage(RUSAGE_SELF, &ru) == 0 ? (double) ru.ru_maxrss / 1024 : NAN;   /* Linux: KiB */
}

static void write_resources(void)
{
  if (!resources_stem[0]) return;
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  char path[sizeof resources_stem + 16];
  snprintf(path, sizeof path, "%s.resources", resources_stem);
  FILE *fp = fopen(path, "w");
  if (!fp) return;
  fprintf(fp, "wall_s\tmax_rss_kib\n%.3f\t%ld\n", proc_seconds() - process_start, ru.ru_maxrss);
  fclose(fp);
}

void proc_init(void)
{
  openblas_set_num_threads(1);
  gsl_set_error_handler(report);
  process_start = proc_seconds();
  atexit(write_resources);
}

int proc_threads(void)
{
  const char *s = getenv("AR_THREADS");
  if (!s || !*s) return 1;
  char *end;
  long n = strtol(s, &end, 10);
  if (*end || n < 1 || n > PROC_MAX_THREADS) {
    fprintf(stderr, "AR_THREADS: expected an integer from 1 to %d, got '%s'\n", PROC_MAX_THREADS, s);
    exit(2);
  }
  return (int) n;
}

void proc_note_output(const char *stem)
{
  if (!resources_stem[0]) snprintf(resources_stem, sizeof resources_stem, "%s", stem);
}

int proc_fail(const char *program, const char *fmt, ...)
{
  va_list ap;
  fprintf(stderr, "%s: ", program);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  return PROC_EXIT_NUMERIC;
}

int proc_diverged(const char *program, size_t iter, const char *fmt, ...)
{
  fprintf(stderr, "%s: diverged at iteration %zu", program, iter);
  if (fmt) {
    va_list ap;
    fputs(" (", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc(')', stderr);
  }
  fputs(": non-finite iterate\n", stderr);
  return PROC_EXIT_NUMERIC;
}
