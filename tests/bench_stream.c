/* bench_stream.c -- the machine's streaming bandwidth (STREAM-like copy, triad and read kernels on
 * arrays of 256 MiB each, far beyond the last-level cache), the reference line of every
 * bandwidth figure.  Bytes counted as STREAM does: copy 16, triad 24, read (a dot product of two
 * arrays, OpenBLAS ddot) 16 per element; write-allocate traffic is not counted.
 * stream.best = the largest of the three: the strictest reference. */
#include <string.h>
#include <gsl/gsl_cblas.h>
#include "bench.h"

#define N ((size_t) 1 << 25)

typedef struct { double *a, *b, *c; double sink; } arrays;

static void copy(void *p)
{
  arrays *x = p;
  for (size_t i = 0; i < N; i++) x->c[i] = x->a[i];
}
static void triad(void *p)
{
  arrays *x = p;
  for (size_t i = 0; i < N; i++) x->a[i] = x->b[i] + 3.0 * x->c[i];
}
static void readk(void *p)
{
  arrays *x = p;
  x->sink += cblas_ddot((int) N, x->a, 1, x->b, 1);
}

int main(int argc, char **argv)
{
  FILE *f = bench_open(argc, argv, "OUT.tsv");
  arrays x = { malloc(N * sizeof(double)), malloc(N * sizeof(double)), malloc(N * sizeof(double)), 0 };
  if (!x.a || !x.b || !x.c) return 1;
  for (size_t i = 0; i < N; i++) { x.a[i] = 1.0; x.b[i] = 2.0; x.c[i] = 0.5; }
  const double bytes = (double) N * sizeof(double);
  double bw[3];
  bw[0] = 2 * bytes / bench_median(copy, &x, 7);
  bw[1] = 3 * bytes / bench_median(triad, &x, 7);
  bw[2] = 2 * bytes / bench_median(readk, &x, 7);
  bench_row(f, "stream.copy", bw[0], "B/s", "-", "-", "hi");
  bench_row(f, "stream.triad", bw[1], "B/s", "-", "-", "hi");
  bench_row(f, "stream.read", bw[2], "B/s", "-", "-", "hi");
  double best = bw[0];
  for (int i = 1; i < 3; i++) best = bw[i] > best ? bw[i] : best;
  bench_row(f, "stream.best", best, "B/s", "-", "-", "hi");
  if (x.sink == 42.0) fputc(' ', stderr);   /* keep the read kernel's result live */
  free(x.a); free(x.b); free(x.c);
  return fclose(f) ? 1 : 0;
}
