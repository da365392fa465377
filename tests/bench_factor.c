/* bench_factor.c -- factorization GD (lib/models/mf, paper J) per iteration, for `make bench`: m = n
 * = 20, 100, 400, 1000, k = 2n, against the plain numpy loop of tests/bench_factor.py (run in turn,
 * part "gd").  Goal >= 1.5x up to n = 100, where per-call overhead matters; reported at 400, 1000.
 * Usage: bench_factor OUT.tsv [gd] [quick] */
#include <string.h>
#include <gsl/gsl_randist.h>
#include "bench.h"
#include "core/rng.h"
#include "io/proc.h"
#include "models/mf.h"

typedef struct {
  gsl_matrix *X, *F, *G;
  mf_work *w;
} ctx;

static void run_step(void *p)
{
  ctx *c = p;
  if (mf_step(c->X, c->F, c->G, 1e-4, c->w, NULL)) abort();
}

int main(int argc, char **argv)
{
  FILE *f = bench_open(argc, argv, "OUT.tsv [gd] [quick]");
  int quick = 0;
  for (int a = 2; a < argc; a++) quick |= !strcmp(argv[a], "quick");
  proc_init();
  const size_t ns[] = { 20, 100, 400, 1000 };
  for (size_t s = 0; s < (quick ? 2u : 4u); s++) {
    const size_t n = ns[s], k = 2 * n;
    gsl_rng *rng = rng_stream(1, RNG_MISC, n, 0);
    ctx c = { gsl_matrix_alloc(n, n), gsl_matrix_alloc(n, k), gsl_matrix_alloc(n, k),
              mf_work_alloc(n, n, k, 0) };
    if (!c.X || !c.F || !c.G || !c.w) return 1;
    for (size_t i = 0; i < n; i++)
      for (size_t j = 0; j < n; j++) gsl_matrix_set(c.X, i, j, gsl_ran_gaussian_ziggurat(rng, 1.0));
    mf_init_gaussian(c.F, c.G, 1e-3, rng);
    char name[64], ref[64];
    snprintf(name, sizeof name, "factor.gd.n%zu.k%zu", n, k);
    snprintf(ref, sizeof ref, "numpy.factor.gd.n%zu.k%zu", n, k);
    bench_row(f, name, bench_median(run_step, &c, 7), "s/iter", ref, n <= 100 ? ">=1.5" : "-", "lo");
    gsl_matrix_free(c.X); gsl_matrix_free(c.F); gsl_matrix_free(c.G);
    mf_work_free(c.w);
    gsl_rng_free(rng);
  }
  return fclose(f) ? 1 : 0;
}
