/* bench_carp.c -- the CARP path of lib/cvxclust (paper W) on the authors data (841 chapters x 69
 * function words, rows clustered) at t = 1.01, for `make bench`: the same algorithm, weights, rho
 * and stopping rule as experiments/W-speed (CHOLMOD factor of I + D^T D, rho = 1, eps = 1e-6, 50
 * burn-in steps, one ADMM step per level gamma <- t gamma until every row of V is zero), against
 * the plain numpy CARP of tests/bench_carp.py (run in turn, part "path").
 *
 * Timed: the whole path (cc_carp: reset, burn-in, every level, the bookkeeping), from the factored
 * ADMM; the weights (both sides compute their own) and the factorization (numpy: the inverse) are
 * setup, reported apart, and so is the sparse solve of one step alone (against numpy's product with
 * its inverse, which dominates numpy's step).  Goal: the path >= 10x faster than numpy's.
 * Also: the step's parts on the authors data mid-path (the CARP step alone, ms; the solve alone
 * through cc_admm_solve, i.e. cholmod_solve2's arithmetic on groups of 4 columns; the rest of the
 * step -- right-hand side, U, T, norms, threshold -- as the difference); the path with 2 threads
 * (AR_THREADS-style opt-in, bit-identical results) against the path with 1; and the path against
 * the R package clustRviz's CARP() on the same data, 93 s: an external reference point measured
 * once with the package (not by this artifact), written here as a constant.  Besides OUT.tsv the program
 * writes OUTDIR/carp-c-T.tsv (T = t), the run's edges, fusion steps and final U, which the numpy
 * reference reads to check that the two paths agree.
 * Usage: bench_carp OUT.tsv [path] [quick]   (quick: t = 1.1) */
#include <math.h>
#include <stdint.h>
#include <string.h>
#include "bench.h"
#include "io/proc.h"
#include "io/cc_data.h"
#include "models/cc_path.h"

#define AUTHORS "experiments/data/authors.csv"

typedef struct {
  cc_admm *a;
  cc_carp_config cfg;
  cc_path *h;
  int rc;
} ctx;

static void run_path(void *p)
{
  ctx *c = p;
  c->rc = cc_carp(c->a, &c->cfg, c->h);
  if (c->rc) abort();
}

/* One CARP step at a mid-path level (V and Z not written, as inside cc_carp). */
static void run_step(void *p)
{
  ctx *c = p;
  if (cc_admm_step(c->a, 0.05)) abort();
}

/* The solve of one step alone: (I + D^T D) Y = X, the p = 69 columns at once. */
static void run_solve(void *p)
{
  ctx *c = p;
  memcpy(c->a->rhs, c->a->x, c->a->n * c->a->p * sizeof(double));
  if (cc_admm_solve(c->a, c->a->rhs)) abort();
}

/* The run for the numpy side's agreement check: header, one line per edge, then U row by row. */
static int write_run(const char *out, double t, const cc_data *d, const cc_graph *g, const cc_admm *a,
                     const cc_path *h)
{
  char path[4096];
  const char *slash = strrchr(out, '/');
  int dir = slash ? (int) (slash - out) : 1;
  snprintf(path, sizeof path, "%.*s/carp-c-%g.tsv", dir, slash ? out : ".", t);
  FILE *f = fopen(path, "w");
  if (!f) { perror(path); return 1; }
  fprintf(f, "# bench_carp: CARP on %s, t = %g, rho = 1, CHOLMOD\n", AUTHORS, t);
  fprintf(f, "n\t%zu\np\t%zu\nne\t%zu\nphi\t%.17g\nk\t%zu\nsteps\t%zu\ngamma_end\t%.17g\n", d->n, d->p,
          g->ne, g->phi, g->k, h->steps, h->gamma_end);
  for (size_t l = 0; l < g->ne; l++)   /* i j w step-at-which-it-fused */
    fprintf(f, "edge\t%zu\t%zu\t%.17g\t%zu\n", g->ei[l], g->ej[l], g->w[l],
            h->fuse_at[l] == SIZE_MAX ? (size_t) 0 : h->step[h->fuse_at[l]]);
  for (size_t i = 0; i < d->n; i++) {
    fputs("u", f);
    for (size_t c = 0; c < d->p; c++) fprintf(f, "\t%.17g", a->u[c * d->n + i]);
    fputc('\n', f);
  }
  return fclose(f) ? 1 : 0;
}

int main(int argc, char **argv)
{
  FILE *f = bench_open(argc, argv, "OUT.tsv [path] [quick]");
  int quick = 0;
  for (int a = 2; a < argc; a++) quick |= !strcmp(argv[a], "quick");
  proc_init();
  const double t = quick ? 1.1 : 1.01;
  cc_data *d = cc_data_load(AUTHORS);
  if (!d) return 1;
  double t0 = proc_seconds();
  cc_graph *g = cc_weights(d->x, d->n, d->p);
  const double tw = proc_seconds() - t0;
  if (!g) return 1;
  t0 = proc_seconds();
  ctx c = { cc_admm_alloc(d->x, d->n, d->p, g, 1.0, CC_SOLVER_CHOLMOD), { t, 1e-6, 50, 10, 100000000 },
            cc_path_alloc(d->n, d->p, g->ne, 0), 0 };
  const double tf = proc_seconds() - t0;
  if (!c.a || !c.h) return 1;
  const double sec = bench_median(run_path, &c, 3);
  if (!isfinite(c.h->gamma_end)) { fprintf(stderr, "bench_carp: the path did not end in one cluster\n"); return 1; }
  if (write_run(argv[1], t, d, g, c.a, c.h)) return 1;   /* before the solves below change U */
  char name[64], ref[64], tag[32];
  snprintf(tag, sizeof tag, "authors.t%g", t);
  snprintf(name, sizeof name, "carp.path.%s", tag);
  snprintf(ref, sizeof ref, "numpy.carp.path.%s", tag);
  bench_row(f, name, sec, "s", ref, quick ? "-" : ">=10", "lo");
  snprintf(name, sizeof name, "carp.steps.%s", tag);
  bench_row(f, name, (double) c.h->steps, "steps", "-", "-", "lo");
  snprintf(name, sizeof name, "carp.steps_per_s.%s", tag);
  snprintf(ref, sizeof ref, "numpy.carp.steps_per_s.%s", tag);
  bench_row(f, name, (double) c.h->steps / sec, "steps/s", ref, "-", "hi");
  const double ms_step = 1e3 * sec / (double) c.h->steps;
  snprintf(name, sizeof name, "carp.ms_per_step.%s", tag);
  bench_row(f, name, ms_step, "ms", "-", "-", "lo");
  /* the clustRviz reference (external constant, see above) */
  if (!quick) {
    bench_row(f, "rpkg.carp.path.authors.t1.01", 93, "s", "-", "-", "lo");
    bench_row(f, "carp.path_vs_rpkg.authors.t1.01", sec, "s", "rpkg.carp.path.authors.t1.01", "-", "lo");
  }
  /* the path with 2 threads: the same bytes (checked), the speedup over 1 thread */
  {
    cc_path *h2 = cc_path_alloc(d->n, d->p, g->ne, 0);
    if (!h2) return 1;
    ctx c2 = { c.a, c.cfg, h2, 0 };
    c.a->threads = 2;
    const double sec2 = bench_median(run_path, &c2, 3);
    c.a->threads = 1;
    int same = h2->steps == c.h->steps && h2->nstore == c.h->nstore
               && !memcmp(h2->fuse_at, c.h->fuse_at, g->ne * sizeof *h2->fuse_at)
               && !memcmp(h2->gamma, c.h->gamma, h2->nstore * sizeof *h2->gamma);
    if (!same) { fprintf(stderr, "bench_carp: 2 threads changed the path\n"); return 1; }
    snprintf(name, sizeof name, "carp.path.%s.N2", tag);
    snprintf(ref, sizeof ref, "carp.path.%s", tag);
    bench_row(f, name, sec2, "s", ref, "-", "lo");
    cc_path_free(h2);
  }
  /* the step's parts, mid-path (the state left by the path: every edge fused, the same work) */
  c.a->keep_vz = 0;
  const double st = bench_median(run_step, &c, 7), so = bench_median(run_solve, &c, 7);
  c.a->keep_vz = 1;
  bench_row(f, "carp.part.step.authors", 1e3 * st, "ms", "-", "-", "lo");
  bench_row(f, "carp.part.solve.authors", 1e3 * so, "ms", "-", "-", "lo");
  bench_row(f, "carp.part.rest.authors", 1e3 * (st - so), "ms", "-", "-", "lo");
  bench_row(f, "carp.solve.authors", so, "s", "numpy.carp.product.authors", "-", "lo");
  bench_row(f, "carp.factor.authors", tf, "s", "numpy.carp.inverse.authors", "-", "lo");
  bench_row(f, "carp.weights.authors", tw, "s", "numpy.carp.weights.authors", "-", "lo");
  cc_path_free(c.h);
  cc_admm_free(c.a);
  cc_graph_free(g);
  cc_data_free(d);
  return fclose(f) ? 1 : 0;
}
