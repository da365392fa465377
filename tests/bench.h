/* bench.h -- the benchmarks' tiny harness (tests/bench_*.c; run by `make bench`, not by make test).
 *
 * A benchmark writes raw rows "name value unit reference goal sense" to its output file; the
 * summary step (tests/bench-summary.awk) looks each reference up among every benchmark's rows and
 * computes ratio = value/reference (sense "hi": higher is better, e.g. bytes/s) or
 * reference/value (sense "lo": lower is better, e.g. seconds), and the verdict against the goal
 * (">=X" on the ratio, or "-" for none).  Times are medians of several repetitions, each long
 * enough (>= BENCH_MIN_S) for the monotonic clock (proc_seconds) to resolve it.
 */
#ifndef AR_BENCH_H
#define AR_BENCH_H

#include <stdio.h>
#include <stdlib.h>
#include "core/stats.h"
#include "io/proc.h"

#define BENCH_MIN_S 0.02

/* Median over `reps` samples of the time of one call of fn(ctx); each sample repeats the call
 * enough times to last BENCH_MIN_S (calibrated on a first call, which also warms the caches). */
static inline double bench_median(void (*fn)(void *), void *ctx, int reps)
{
  double t0 = proc_seconds();
  fn(ctx);
  double once = proc_seconds() - t0;
  long inner = once >= BENCH_MIN_S ? 1 : (long) (BENCH_MIN_S / (once > 1e-9 ? once : 1e-9)) + 1;
  double s[64];
  if (reps > 64) reps = 64;
  for (int r = 0; r < reps; r++) {
    t0 = proc_seconds();
    for (long i = 0; i < inner; i++) fn(ctx);
    s[r] = (proc_seconds() - t0) / (double) inner;
  }
  return stats_summarize(s, (size_t) reps).median;
}

/* Side by side: medians of nf kernels measured in turn, round after round (reps rounds), so that
 * a reference (e.g. the streaming kernel) and the kernels it normalizes see the same machine load.
 * med[j] = median seconds per call of fns[j](ctxs[j]). */
static inline void bench_interleaved(int nf, void (**fns)(void *), void **ctxs, int reps, double *med)
{
  long inner[16];
  double s[16][64];
  if (nf > 16) nf = 16;
  if (reps > 64) reps = 64;
  for (int j = 0; j < nf; j++) {
    double t0 = proc_seconds();
    fns[j](ctxs[j]);
    double once = proc_seconds() - t0;
    inner[j] = once >= BENCH_MIN_S ? 1 : (long) (BENCH_MIN_S / (once > 1e-9 ? once : 1e-9)) + 1;
  }
  for (int r = 0; r < reps; r++)
    for (int j = 0; j < nf; j++) {
      double t0 = proc_seconds();
      for (long i = 0; i < inner[j]; i++) fns[j](ctxs[j]);
      s[j][r] = (proc_seconds() - t0) / (double) inner[j];
    }
  for (int j = 0; j < nf; j++) med[j] = stats_summarize(s[j], (size_t) reps).median;
}

/* One raw row; reference and goal "-" when none. */
static inline void bench_row(FILE *f, const char *name, double value, const char *unit,
                             const char *reference, const char *goal, const char *sense)
{
  fprintf(f, "%s\t%.6g\t%s\t%s\t%s\t%s\n", name, value, unit, reference, goal, sense);
  fflush(f);
  fprintf(stderr, "  %-34s %12.6g %s\n", name, value, unit);
}

static inline FILE *bench_open(int argc, char **argv, const char *usage)
{
  if (argc < 2) {
    fprintf(stderr, "usage: %s %s\n", argv[0], usage);
    exit(2);
  }
  FILE *f = fopen(argv[1], "w");
  if (!f) {
    perror(argv[1]);
    exit(1);
  }
  return f;
}

#endif
