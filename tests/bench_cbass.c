/* bench_cbass.c -- CBASS (lib/models/cbass, paper W) at the package's default t = 1.01 with the
 * package's weights rule, on the presidential speeches (44 x 75) and TCGA (438 x 353), for
 * `make bench`, against the R package clustRviz's CBASS with its defaults on the same data and this
 * kind of machine (one thread): 3.1 s and 0.41 GiB, 512 s and 15.0 GiB.  Those four figures are
 * external reference points, measured once with the package (not by this artifact) and written here
 * as constants; the goals are >= 50x in time and >= 50x in peak memory.
 *
 * Each measurement runs in a child process, so that its peak resident set is its own: load
 * the CSV, centre, the row and column weights, the whole CBASS path, both dendrograms (what the
 * package's CBASS() returns); the time is the median of three children, the path alone is also
 * reported, and so is the children's CPU time (median), less sensitive than wall time to other jobs
 * on a shared machine.  Only TCGA has goals (the presidential speeches are reported for scale).
 * Usage: bench_cbass OUT.tsv [quick]   (quick: the presidential speeches only) */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include "bench.h"
#include "io/csv.h"
#include "io/proc.h"
#include "models/cbass.h"

typedef struct {
  double total, path, steps, cpu;
  long rss_kib;
} result;

/* The package's CBASS() on one data set, in this process. */
static result work(const char *csv)
{
  result r = { NAN, NAN, NAN, NAN, 0 };
  const double t0 = proc_seconds();
  csv_data *raw = csv_read(csv);
  if (!raw) return r;
  const size_t n = raw->n, p = raw->p, m = n > p ? n : p;
  double *x = cc_colmajor(raw->x, n, p);
  cc_graph *gr = NULL, *gc = NULL;
  if (!x) return r;
  cbass_center(x, n, p);
  if (cbass_weights(x, n, p, &gr, &gc)) return r;
  cbass_admm *a = cbass_admm_alloc(x, n, p, gr, gc, 1.0, cbass_alpha(gr, gc, 1.0));
  cbass_path *h = a ? cbass_path_alloc(n, p, gr->ne, gc->ne, 0) : NULL;
  int *merge = malloc(2 * m * sizeof *merge);
  double *height = malloc(m * sizeof *height);
  size_t *order = malloc(m * sizeof *order);
  if (!h || !merge || !height || !order) return r;
  const cc_carp_config cfg = { 1.01, 1e-6, 50, 10, 100000000 };
  const double t1 = proc_seconds();
  if (cbass_run(a, &cfg, h) || !isfinite(h->row->gamma_end)) return r;
  r.path = proc_seconds() - t1;
  if (cc_dendrogram(h->row, gr, merge, height, order) != n - 1 || cc_dendrogram(h->col, gc, merge, height, order) != p - 1)
    return r;
  r.total = proc_seconds() - t0;
  r.steps = (double) h->row->steps;
  free(merge); free(height); free(order); free(x);
  cbass_path_free(h); cbass_admm_free(a); cc_graph_free(gr); cc_graph_free(gc); csv_free(raw);
  return r;
}

static result child(const char *csv)
{
  result r = { NAN, NAN, NAN, NAN, 0 };
  int fd[2];
  if (pipe(fd)) return r;
  fflush(NULL);
  const pid_t pid = fork();
  if (pid < 0) return r;
  if (pid == 0) {
    close(fd[0]);
    result c = work(csv);
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) == 0) {
      c.rss_kib = ru.ru_maxrss;   /* Linux: KiB */
      c.cpu = (double) ru.ru_utime.tv_sec + 1e-6 * (double) ru.ru_utime.tv_usec + (double) ru.ru_stime.tv_sec +
              1e-6 * (double) ru.ru_stime.tv_usec;
    }
    _exit(write(fd[1], &c, sizeof c) == (ssize_t) sizeof c ? 0 : 1);
  }
  close(fd[1]);
  const ssize_t got = read(fd[0], &r, sizeof r);
  close(fd[0]);
  int st;
  if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st) || got != (ssize_t) sizeof r) r.total = NAN;
  return r;
}

static double median3(double a, double b, double c)
{
  return fmax(fmin(a, b), fmin(fmax(a, b), c));
}

int main(int argc, char **argv)
{
  FILE *f = bench_open(argc, argv, "OUT.tsv [quick]");
  const int quick = argc > 2 && !strcmp(argv[2], "quick");
  proc_init();
  static const char *name[2] = { "pres", "tcga" };
  static const char *csv[2] = { "experiments/data/presidential-speech.csv", "experiments/data/tcga-breast.csv" };
  static const double ref_s[2] = { 3.1, 512 }, ref_gib[2] = { 0.41, 15.0 };   /* clustRviz CBASS(), see above */
  for (int d = 0; d < (quick ? 1 : 2); d++) {
    result r[3];
    long rss = 0;
    for (int k = 0; k < 3; k++) {
      r[k] = child(csv[d]);
      if (!isfinite(r[k].total)) { fprintf(stderr, "bench_cbass: the run on %s failed\n", csv[d]); return 1; }
      rss = r[k].rss_kib > rss ? r[k].rss_kib : rss;
    }
    char row[64], ref[64];
    snprintf(ref, sizeof ref, "rpkg.cbass.%s.t1.01", name[d]);
    bench_row(f, ref, ref_s[d], "s", "-", "-", "lo");
    snprintf(row, sizeof row, "cbass.%s.t1.01", name[d]);
    bench_row(f, row, median3(r[0].total, r[1].total, r[2].total), "s", ref, d ? ">=50" : "-", "lo");
    snprintf(row, sizeof row, "cbass.cpu.%s.t1.01", name[d]);
    bench_row(f, row, median3(r[0].cpu, r[1].cpu, r[2].cpu), "s", ref, "-", "lo");
    snprintf(row, sizeof row, "cbass.path.%s.t1.01", name[d]);
    bench_row(f, row, median3(r[0].path, r[1].path, r[2].path), "s", "-", "-", "lo");
    snprintf(row, sizeof row, "cbass.steps.%s.t1.01", name[d]);
    bench_row(f, row, r[0].steps, "steps", "-", "-", "lo");
    snprintf(ref, sizeof ref, "rpkg.cbass.rss.%s.t1.01", name[d]);
    bench_row(f, ref, ref_gib[d] * 1024, "MiB", "-", "-", "lo");
    snprintf(row, sizeof row, "cbass.rss.%s.t1.01", name[d]);
    bench_row(f, row, (double) rss / 1024, "MiB", ref, d ? ">=50" : "-", "lo");
  }
  return fclose(f) ? 1 : 0;
}
