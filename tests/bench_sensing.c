/* bench_sensing.c -- the sensing operator and sensing GD (lib/models/ms, ms_operator), measured for `make bench`.
 *   1. A, A* and the fused pass at (n, m) = (40,400), (100,5000), (200,20000): bytes of the packed
 *      operator per second, over the streaming bandwidth (goal when it exceeds the L3: >= 0.8 for A
 *      and A*, >= 0.85 for the fused pass); the floor (one read of the operator at that bandwidth)
 *      against the fused pass's time;
 *      GD time per iteration with k = n, against numpy (tests/bench_sensing.py; goal >= 3.5x at the
 *      two large sizes).
 *   2. The matrix-free operator: cost per measurement of the fused pass against the stored one;
 *      drawing a row of n = 100 (5050 Gaussians) with the counter-based generator (core/crng)
 *      against GSL's own way to draw such a row, an mt19937 seeded per row and GSL's
 *      ziggurat (goal >= 5x).
 *   3. Cost growth: GD time per iteration against n at m = 5nr (r = 2), k = n; the fitted
 *      exponent against the model's n^3 (m n^2 bytes per pass).
 *   5. Threads (ms_operator_set_threads): GD per iteration at 1 and 2 threads, stored at
 *      (200, 20000) and matrix-free at n = 300 (m = 5nr = 3000, k = n); the ratio is the speedup.
 *   4. Scale: n = 500 (m = 5000, a 5 GB operator) stored, and matrix-free when the memory budget is
 *      capped (AR_MEM_BUDGET_MB=1024): bit-identical iterates, resident memory of each.  Then
 *      n = 1000, m = 5nr = 10000 (a stored operator would need 40 GB): matrix-free, one GD iteration
 *      on all threads allowed by AR_THREADS (default 1), its time and resident memory.
 * Usage: bench_sensing OUT.tsv [quick] [gd]   (quick: small sizes only, to test the harness; gd:
 * only the GD times of part 1, see tests/bench.sh) */
#define _GNU_SOURCE
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <gsl/gsl_cblas.h>
#include <gsl/gsl_randist.h>
#include "bench.h"
#include "core/crng.h"
#include "core/rng.h"
#include "core/stats.h"
#include "io/proc.h"
#include "models/ms.h"

typedef struct {
  ms_problem *pr;
  gsl_matrix *U;
  ms_work *w;
  double *zp, *out;
} ctx;

static void run_apply(void *p) { ctx *c = p; ms_apply_packed(c->pr->A, c->zp, c->out); }
static void run_adjoint(void *p) { ctx *c = p; ms_adjoint_packed(c->pr->A, c->out, c->w->sp); }
static void run_fused(void *p) { ctx *c = p; ms_fused_residual_adjoint(c->pr->A, c->zp, c->pr->y, c->w->sp); }
static void run_gd(void *p)
{
  ctx *c = p;
  double loss, test;
  if (ms_gd_step(c->pr, c->U, 1e-3, c->w, &loss, &test)) abort();
}

/* The streaming reference inside this process: OpenBLAS ddot over two 64 MiB arrays (the read
 * kernel of bench_stream, the fastest of its three). */
typedef struct { double *a, *b, bytes, sink; } stream_ctx;
#define STREAM_N ((size_t) 1 << 23)
static void run_stream(void *p)
{
  stream_ctx *s = p;
  s->sink += cblas_ddot((int) STREAM_N, s->a, 1, s->b, 1);
}

/* One row of n = 100 by each generator (the row index advances, as in a pass over the operator). */
typedef struct {
  gsl_rng *mt;
  uint32_t row;
  double out[5050];
} rowgen;
static void run_row_crng(void *p) { rowgen *g = p; crng_gaussian_row(7, RNG_OPERATOR, g->row++, 5050, g->out); }
static void run_row_mt(void *p)
{
  rowgen *g = p;
  gsl_rng_set(g->mt, rng_derive(7, RNG_OPERATOR, ++g->row, 0));
  for (size_t q = 0; q < 5050; q++) g->out[q] = gsl_ran_gaussian_ziggurat(g->mt, 1.0);
}
static void run_rows(void *p)
{
  for (int i = 0; i < 200; i++) run_row_crng(p);
}
static void run_rows_mt(void *p)
{
  for (int i = 0; i < 200; i++) run_row_mt(p);
}

static ctx *setup_threads(size_t n, size_t m, size_t k, ms_storage kind, int threads)
{
  ctx *c = calloc(1, sizeof *c);
  gsl_rng *rt = rng_stream(1, RNG_DATA, 1, 0), *ra = rng_stream(1, RNG_OPERATOR, 1, 0);
  gsl_rng *ri = rng_stream(1, RNG_INIT, 1, 1);
  c->pr = ms_problem_alloc_kind(n, 2, m, 2.0, rt, ra, kind);
  c->U = gsl_matrix_alloc(n, k);
  c->w = ms_work_alloc(n, k);
  c->zp = malloc(ms_packed_size(n) * sizeof(double));
  c->out = malloc(m * sizeof(double));
  if (!c->pr || !c->U || !c->w || !c->zp || !c->out || ms_operator_set_threads(c->pr->A, threads)) {
    fprintf(stderr, "out of memory\n");
    exit(1);
  }
  ms_init_small(c->U, 0.1, ri);
  ms_pack_weighted(c->pr->M, c->zp);
  for (size_t i = 0; i < m; i++) c->out[i] = gsl_vector_get(c->pr->y, i);
  gsl_rng_free(rt); gsl_rng_free(ra); gsl_rng_free(ri);
  return c;
}

static ctx *setup(size_t n, size_t m, size_t k, ms_storage kind)
{
  return setup_threads(n, m, k, kind, 1);
}

static void teardown(ctx *c)
{
  ms_problem_free(c->pr);
  gsl_matrix_free(c->U);
  ms_work_free(c->w);
  free(c->zp);
  free(c->out);
  free(c);
}

/* The last-level cache: sysfs first (glibc's sysconf reports 256 MiB, the sum over the chip, on
 * the EPYC this was written on), then sysconf, then 32 MiB. */
static double l3_bytes(void)
{
  FILE *f = fopen("/sys/devices/system/cpu/cpu0/cache/index3/size", "r");
  double kib = 0;
  if (f) {
    if (fscanf(f, "%lfK", &kib) != 1) kib = 0;
    fclose(f);
  }
  if (kib > 0) return kib * 1024;
  long s = sysconf(_SC_LEVEL3_CACHE_SIZE);
  return s > 0 ? (double) s : 32.0 * 1024 * 1024;
}

/* Resident memory now (not the process's peak, which earlier parts set). */
static double rss_mb(void)
{
  long pages = 0, resident = 0;
  FILE *f = fopen("/proc/self/statm", "r");
  if (!f || fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = -1;
  if (f) fclose(f);
  return resident < 0 ? NAN : (double) resident * (double) sysconf(_SC_PAGESIZE) / (1024.0 * 1024.0);
}

int main(int argc, char **argv)
{
  FILE *f = bench_open(argc, argv, "OUT.tsv [quick]");
  int quick = 0, gd = 0;
  for (int a = 2; a < argc; a++) {
    quick |= !strcmp(argv[a], "quick");
    gd |= !strcmp(argv[a], "gd");
  }
  proc_init();
  char name[96], ref[96];
  stream_ctx st = { malloc(STREAM_N * sizeof(double)), malloc(STREAM_N * sizeof(double)),
                    2.0 * STREAM_N * sizeof(double), 0 };
  if (!st.a || !st.b) return 1;
  for (size_t i = 0; i < STREAM_N; i++) { st.a[i] = 1.0; st.b[i] = 0.5; }

  const size_t sizes[][2] = { { 40, 400 }, { 100, 5000 }, { 200, 20000 } };
  /* Part "gd": GD per iteration only, run by tests/bench.sh in turn with the numpy reference's
   * part "gd" (several rounds, medians), so that both sides see the same machine load. */
  if (gd) {
    for (size_t s = 0; s < (quick ? 1u : 3u); s++) {
      const size_t n = sizes[s][0], m = sizes[s][1];
      ctx *c = setup(n, m, n, MS_STORED);
      snprintf(name, sizeof name, "sensing.gd.n%zu.m%zu", n, m);
      snprintf(ref, sizeof ref, "numpy.sensing.gd.n%zu.m%zu", n, m);
      bench_row(f, name, bench_median(run_gd, c, 7), "s/iter", ref, n >= 100 ? ">=3.5" : "-", "lo");
      teardown(c);
    }
    free(st.a);
    free(st.b);
    return fclose(f) ? 1 : 0;
  }

  /* 1. operator bandwidth */
  for (size_t s = 0; s < (quick ? 1u : 3u); s++) {
    const size_t n = sizes[s][0], m = sizes[s][1];
    ctx *c = setup(n, m, n, MS_STORED);
    const double bytes = (double) m * (double) c->pr->A->P * sizeof(double);
    const char *goal = bytes > l3_bytes() ? ">=0.8" : "-";
    /* the streaming reference, measured in turn with the three products */
    void (*fns[4])(void *) = { run_stream, run_apply, run_adjoint, run_fused };
    void *ctxs[4] = { &st, c, c, c };
    const char *what[4] = { "stream", "apply", "adjoint", "fused" };
    double med[4];
    bench_interleaved(4, fns, ctxs, 9, med);
    snprintf(ref, sizeof ref, "stream.read.beside.n%zu.m%zu", n, m);
    bench_row(f, ref, st.bytes / med[0], "B/s", "-", "-", "hi");
    for (int o = 1; o < 4; o++) {
      snprintf(name, sizeof name, "sensing.%s.n%zu.m%zu", what[o], n, m);
      const char *g = bytes <= l3_bytes() ? "-" : o < 3 ? goal : ">=0.85";
      bench_row(f, name, bytes / med[o], "B/s", ref, g, "hi");
    }
    /* The floor: one read of the packed operator, 8 m n(n+1)/2 bytes, at the bandwidth measured
     * beside it; the fused pass's time against it (ratio = floor / ours). */
    snprintf(ref, sizeof ref, "sensing.floor.n%zu.m%zu", n, m);
    bench_row(f, ref, bytes / (st.bytes / med[0]), "s/iter", "-", "-", "lo");
    snprintf(name, sizeof name, "sensing.fused.time.n%zu.m%zu", n, m);
    bench_row(f, name, med[3], "s/iter", ref, "-", "lo");
    teardown(c);
  }

  /* 2. matrix-free against stored: the fused pass per measurement */
  {
    const size_t n = quick ? 40 : 100, m = quick ? 400 : 5000;
    double per[2];
    for (int kind = 0; kind < 2; kind++) {
      ctx *c = setup(n, m, n, kind ? MS_MATRIX_FREE : MS_STORED);
      per[kind] = bench_median(run_fused, c, kind ? 3 : 7) / (double) m;
      teardown(c);
    }
    snprintf(ref, sizeof ref, "sensing.fused.stored.n%zu.m%zu", n, m);
    bench_row(f, ref, per[0], "s/meas", "-", "-", "lo");
    snprintf(name, sizeof name, "sensing.fused.free.n%zu.m%zu", n, m);
    bench_row(f, name, per[1], "s/meas", ref, "-", "lo");
    rowgen *g = calloc(1, sizeof *g);
    if (!g || !(g->mt = gsl_rng_alloc(gsl_rng_mt19937))) abort();
    const double t_mt = bench_median(run_rows_mt, g, 5) / 200, t_crng = bench_median(run_rows, g, 5) / 200;
    bench_row(f, "sensing.row.mt19937_gsl_ziggurat.n100", t_mt, "s/row", "-", "-", "lo");
    bench_row(f, "sensing.row.crng.n100", t_crng, "s/row", "sensing.row.mt19937_gsl_ziggurat.n100", ">=5", "lo");
    gsl_rng_free(g->mt);
    free(g);
  }

  /* 3. cost growth at m = 5nr = 10n */
  {
    const size_t ns[] = { 100, 141, 200, 283, 400 };
    const size_t count = quick ? 2 : 5;
    double lx[5], ly[5];
    for (size_t j = 0; j < count; j++) {
      const size_t n = quick ? ns[j] / 2 : ns[j];
      ctx *c = setup(n, 10 * n, n, MS_STORED);
      double t = bench_median(run_gd, c, 5);
      snprintf(name, sizeof name, "sensing.growth.gd.n%zu.m%zu", n, 10 * n);
      bench_row(f, name, t, "s/iter", "-", "-", "lo");
      lx[j] = log((double) n);
      ly[j] = log(t);
      teardown(c);
    }
    const double slope = stats_fit_line(lx, ly, count).slope;
    bench_row(f, "model.growth.exponent", 3.0, "-", "-", "-", "hi");
    bench_row(f, "sensing.growth.exponent", slope, "-", "model.growth.exponent", "~0.1", "hi");
  }

  /* 5. threads: GD per iteration at 1 and 2 threads (wall time); the ratio is the speedup */
  {
    const size_t cases[2][3] = { { quick ? 40 : 200, quick ? 400 : 20000, MS_STORED },
                                 { quick ? 30 : 300, quick ? 300 : 3000, MS_MATRIX_FREE } };
    const char *kind_name[2] = { "stored", "free" };
    for (int cse = 0; cse < 2; cse++) {
      const size_t n = cases[cse][0], m = cases[cse][1];
      double t[2];
      for (int T = 1; T <= 2; T++) {
        ctx *c = setup_threads(n, m, n, (ms_storage) cases[cse][2], T);
        t[T - 1] = bench_median(run_gd, c, cse ? 3 : 5);
        teardown(c);
      }
      snprintf(ref, sizeof ref, "sensing.gd.%s.threads1.n%zu.m%zu", kind_name[cse], n, m);
      bench_row(f, ref, t[0], "s/iter", "-", "-", "lo");
      snprintf(name, sizeof name, "sensing.gd.%s.threads2.n%zu.m%zu", kind_name[cse], n, m);
      bench_row(f, name, t[1], "s/iter", ref, "-", "lo");
    }
  }

  /* 4. n = 500, matrix-free under a capped budget first (low memory), then stored */
  if (!quick) {
    const size_t n = 500, m = 5000, k = 500;
    double loss[2][2], rss[2], t[2];
    int free_kind = 0;
    for (int pass = 0; pass < 2; pass++) {
      if (pass == 0) setenv("AR_MEM_BUDGET_MB", "1024", 1);
      else unsetenv("AR_MEM_BUDGET_MB");
      ctx *c = setup(n, m, k, MS_AUTO);
      if (pass == 0) free_kind = ms_operator_is_matrix_free(c->pr->A);
      double test, t0 = proc_seconds();
      for (int it = 0; it < 2; it++)
        if (ms_gd_step(c->pr, c->U, 1e-3, c->w, &loss[pass][it], &test)) abort();
      t[pass] = (proc_seconds() - t0) / 2;
      rss[pass] = rss_mb();
      teardown(c);
    }
    bench_row(f, "sensing.n500.auto_free_under_1GiB_cap", free_kind, "bool", "-", "-", "hi");
    bench_row(f, "sensing.n500.free.rss", rss[0], "MiB", "-", "-", "lo");
    bench_row(f, "sensing.n500.stored.rss", rss[1], "MiB", "-", "-", "lo");
    bench_row(f, "sensing.n500.stored.gd", t[1], "s/iter", "-", "-", "lo");
    bench_row(f, "sensing.n500.free.gd", t[0], "s/iter", "sensing.n500.stored.gd", "-", "lo");
    bench_row(f, "sensing.n500.free_equals_stored",
              memcmp(loss[0], loss[1], sizeof loss[0]) == 0, "bool", "-", "-", "hi");
  }
  /* n = 1000, m = 5nr = 10000, matrix-free (8 m P bytes = 40 GB stored) */
  if (!quick) {
    const size_t n = 1000, m = 10000, k = 1000;
    const int threads = proc_threads();
    ctx *c = setup_threads(n, m, k, MS_MATRIX_FREE, threads);
    double loss, test, t0 = proc_seconds();
    if (ms_gd_step(c->pr, c->U, 1e-3, c->w, &loss, &test)) abort();
    const double t = proc_seconds() - t0;
    bench_row(f, "sensing.n1000.free.threads", threads, "-", "-", "-", "hi");
    bench_row(f, "sensing.n1000.free.gd", t, "s/iter", "-", "-", "lo");
    bench_row(f, "sensing.n1000.free.rss", rss_mb(), "MiB", "-", "-", "lo");
    bench_row(f, "sensing.n1000.stored_would_need", 8.0 * (double) m * (double) ms_packed_size(n) / 1e9, "GB", "-", "-", "lo");
    teardown(c);
  }
  if (st.sink == 42.0) fputc(' ', stderr);   /* keep the stream kernel's result live */
  free(st.a);
  free(st.b);
  return fclose(f) ? 1 : 0;
}
