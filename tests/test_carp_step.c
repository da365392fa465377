/* test_carp_step.c -- the fast CARP step, bit for bit: the many-column LDL' solve (cc_ldl.h)
 * against CHOLMOD's own cholmod_solve2; the ADMM step against the step as first written (column-
 * major right-hand sides solved by cholmod_solve2, the edge passes column after column), complete
 * and with missing cells; CARP, CARP-VIZ and the exact path with 1, 2 and 3 threads (the same bytes
 * for every count). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_randist.h>
#include <suitesparse/cholmod.h>
#include "check.h"
#include "core/rng.h"
#include "io/proc.h"
#include "models/cc_ldl.h"
#include "models/cc_path.h"

/* Blobs: n points in p dimensions around 3 centres, centred (column-major). */
static void blobs(gsl_rng *r, size_t n, size_t p, double *x)
{
  for (size_t i = 0; i < n; i++)
    for (size_t c = 0; c < p; c++) x[c * n + i] = (double) ((i + c) % 3) * 2.0 + gsl_ran_gaussian(r, 0.7);
  cc_center(x, n, p);
}

/* I + rho D^T D factored as cc.c factors it (simplicial LDL', CHOLMOD's default ordering). */
static cholmod_factor *factor(const cc_graph *g, double rho, cholmod_common *cm)
{
  cholmod_sparse *A = cc_ldl_system(g, rho, cm);
  if (!A) return NULL;
  cholmod_factor *L = cholmod_analyze(A, cm);
  cholmod_factorize(A, L, cm);
  cholmod_free_sparse(&A, cm);
  return L;
}

/* cc_ldl_solve (row form, any width) and cc_ldl_solve4 (groups of 4) give cholmod_solve2's bits. */
static void test_ldl(gsl_rng *r)
{
  const size_t n = 90;
  double x[90 * 9];
  blobs(r, n, 9, x);
  cc_graph *g = cc_weights(x, n, 9);
  cholmod_common cm;
  cholmod_start(&cm);
  cm.print = 0;
  cm.supernodal = CHOLMOD_SIMPLICIAL;
  cholmod_factor *L = factor(g, 1.0, &cm);
  CHECK(L && !L->is_super && !L->is_ll, "a simplicial LDL' factor");
  cc_ldl *s = cc_ldl_make(n, L->p, L->nz, L->i, L->x, L->Perm);
  size_t chains = 0;
  for (size_t k = 0; k < s->nfwd; k++) chains += s->fwd[2 * k + 1] > 1;
  CHECK(chains > 0, "the factor has chains of columns (%zu), so they are exercised", chains);
  for (size_t p = 1; p <= 9; p++) {
    cholmod_dense *B = cholmod_allocate_dense(n, p, n, CHOLMOD_REAL, &cm);
    double *b = B->x, *y = malloc(n * p * sizeof *y), *yg = calloc(((p + 3) / 4) * n * 4, sizeof *yg);
    for (size_t q = 0; q < n * p; q++) b[q] = gsl_ran_gaussian(r, 1.0);
    for (size_t k = 0; k < n; k++)
      for (size_t c = 0; c < p; c++) {
        y[k * p + c] = b[c * n + (size_t) s->perm[k]];
        yg[((c / 4) * n + k) * 4 + c % 4] = y[k * p + c];
      }
    cholmod_dense *X = cholmod_solve(CHOLMOD_A, L, B, &cm);
    for (size_t c0 = 0; c0 < p; c0 += 4) cc_ldl_solve(s, y, p, c0, c0 + 4 < p ? c0 + 4 : p);
    for (size_t bb = 0; bb < (p + 3) / 4; bb++) cc_ldl_solve4(s, yg + bb * n * 4, p - 4 * bb < 4 ? p - 4 * bb : 4);
    size_t bad = 0, bad4 = 0;
    const double *xx = X->x;
    for (size_t k = 0; k < n; k++)
      for (size_t c = 0; c < p; c++) {
        const double ref = xx[c * n + (size_t) s->perm[k]];
        bad += memcmp(&y[k * p + c], &ref, sizeof ref) != 0;
        bad4 += memcmp(&yg[((c / 4) * n + k) * 4 + c % 4], &ref, sizeof ref) != 0;
      }
    CHECK(bad == 0 && bad4 == 0, "p = %zu: cholmod_solve2's bits (%zu, %zu entries differ)", p, bad, bad4);
    cholmod_free_dense(&X, &cm);
    cholmod_free_dense(&B, &cm);
    free(y); free(yg);
  }
  cc_ldl_free(s);
  cholmod_free_factor(&L, &cm);
  cholmod_finish(&cm);
  cc_graph_free(g);
}

/* The step as first written: X (missing cells from U) + rho D^T (V - Z) column after column,
 * cholmod_solve2, T = D U + Z with the norms summed in column order, the threshold, V and Z. */
typedef struct {
  size_t n, p, ne;
  const cc_graph *g;
  const double *x;
  const unsigned char *obs;
  double *u, *v, *z, *t, *vnorm;
  cholmod_common cm;
  cholmod_factor *L;
} ref_step;

static void ref_reset(ref_step *s)
{
  memcpy(s->u, s->x, s->n * s->p * sizeof(double));
  cc_diff(s->g, s->p, s->x, s->v);
  memcpy(s->z, s->v, s->ne * s->p * sizeof(double));
}

static void ref_run(ref_step *s, double gamma)
{
  const size_t n = s->n, p = s->p, ne = s->ne;
  cholmod_dense *B = cholmod_allocate_dense(n, p, n, CHOLMOD_REAL, &s->cm);
  double *b = B->x;
  for (size_t q = 0; q < n * p; q++) b[q] = s->obs && !s->obs[q] ? s->u[q] : s->x[q];
  for (size_t c = 0; c < p; c++)
    for (size_t l = 0; l < ne; l++) {
      const double d = 1.0 * (s->v[c * ne + l] - s->z[c * ne + l]);
      b[c * n + s->g->ei[l]] += d; b[c * n + s->g->ej[l]] -= d;
    }
  cholmod_dense *X = cholmod_solve(CHOLMOD_A, s->L, B, &s->cm);
  memcpy(s->u, X->x, n * p * sizeof(double));
  for (size_t l = 0; l < ne; l++) s->vnorm[l] = 0;
  for (size_t c = 0; c < p; c++)
    for (size_t l = 0; l < ne; l++) {
      const double t = s->u[c * n + s->g->ei[l]] - s->u[c * n + s->g->ej[l]] + s->z[c * ne + l];
      s->t[c * ne + l] = t;
      s->vnorm[l] += t * t;
    }
  for (size_t l = 0; l < ne; l++) {
    const double nrm = sqrt(s->vnorm[l]);
    const double sc = nrm > 0 ? fmax(0.0, 1.0 - gamma * s->g->w[l] / (1.0 * nrm)) : 0.0;
    s->vnorm[l] = sc * nrm;
    for (size_t c = 0; c < p; c++) {
      s->v[c * ne + l] = sc * s->t[c * ne + l];
      s->z[c * ne + l] = s->t[c * ne + l] - s->v[c * ne + l];
    }
  }
  cholmod_free_dense(&X, &s->cm);
  cholmod_free_dense(&B, &s->cm);
}

static int same(const double *a, const double *b, size_t m) { return memcmp(a, b, m * sizeof *a) == 0; }

static void test_step(gsl_rng *r, int masked)
{
  const size_t n = 70, p = 7;
  double x[70 * 7];
  unsigned char obs[70 * 7];
  blobs(r, n, p, x);
  for (size_t q = 0; q < n * p; q++) obs[q] = gsl_rng_uniform(r) > 0.1;
  cc_graph *g = cc_weights(x, n, p);
  ref_step s;
  memset(&s, 0, sizeof s);
  s.n = n; s.p = p; s.ne = g->ne; s.g = g; s.x = x; s.obs = masked ? obs : NULL;
  s.u = malloc(n * p * sizeof(double)); s.v = malloc(g->ne * p * sizeof(double));
  s.z = malloc(g->ne * p * sizeof(double)); s.t = malloc(g->ne * p * sizeof(double));
  s.vnorm = malloc(g->ne * sizeof(double));
  cholmod_start(&s.cm);
  s.cm.print = 0;
  s.cm.supernodal = CHOLMOD_SIMPLICIAL;
  s.L = factor(g, 1.0, &s.cm);
  for (int threads = 1; threads <= 3; threads++)
    for (int keep = 0; keep <= 1; keep++) {
      cc_admm *a = cc_admm_alloc(x, n, p, g, 1.0, CC_SOLVER_CHOLMOD);
      a->observed = masked ? obs : NULL;
      a->threads = threads;
      a->keep_vz = keep;
      ref_reset(&s);
      int ok = 1;
      double gamma = 1e-3;
      for (int k = 0; k < 50 && ok; k++, gamma *= 1.25) {
        ref_run(&s, gamma);
        ok = cc_admm_step(a, gamma) == 0 && same(a->u, s.u, n * p) && same(a->vnorm, s.vnorm, g->ne)
             && same(a->t, s.t, g->ne * p);
        if (keep) ok = ok && same(a->v, s.v, g->ne * p) && same(a->z, s.z, g->ne * p);
      }
      cc_admm_vz(a);
      ok = ok && same(a->v, s.v, g->ne * p) && same(a->z, s.z, g->ne * p);
      CHECK(ok, "%s, %d thread(s), keep_vz %d: the first step's bits at every step", masked ? "missing cells" : "complete data",
            threads, keep);
      cc_admm_free(a);
    }
  cholmod_free_factor(&s.L, &s.cm);
  cholmod_finish(&s.cm);
  free(s.u); free(s.v); free(s.z); free(s.t); free(s.vnorm);
  cc_graph_free(g);
}

/* One run's bytes: CARP, CARP-VIZ and the exact path (R rule: reads V and Z after every step). */
typedef struct { size_t steps[3], nstore[3]; double *u[3], gend[3]; size_t *fuse[3]; double *end; } run;

static run paths(const double *x, size_t n, size_t p, const cc_graph *g, int threads)
{
  run o;
  cc_admm *a = cc_admm_alloc(x, n, p, g, 1.0, CC_SOLVER_CHOLMOD);
  a->threads = threads;
  const cc_carp_config cfg = { 1.2, 1e-6, 50, 10, 1000000 };
  double grid[16];
  for (int k = 0; k < 16; k++) grid[k] = 1e-2 * pow(2.0, k);
  for (int m = 0; m < 3; m++) {
    cc_path *h = cc_path_alloc(n, p, g->ne, 1);
    if (m == 0) cc_carp(a, &cfg, h);
    else if (m == 1) cc_carp_viz(a, &cfg, 1.1, 1.01, 15, h);
    else cc_exact(a, grid, 16, CC_RULE_R, 1e-8, 40, 0, h);
    o.steps[m] = h->steps; o.nstore[m] = h->nstore; o.gend[m] = h->gamma_end;
    o.u[m] = malloc(h->nstore * n * p * sizeof(double));
    memcpy(o.u[m], h->u, h->nstore * n * p * sizeof(double));
    o.fuse[m] = malloc(g->ne * sizeof(size_t));
    memcpy(o.fuse[m], h->fuse_at, g->ne * sizeof(size_t));
    cc_path_free(h);
  }
  const size_t ep = g->ne * p;
  o.end = malloc((n * p + 2 * ep + g->ne) * sizeof(double));
  memcpy(o.end, a->u, n * p * sizeof(double));
  memcpy(o.end + n * p, a->v, ep * sizeof(double));
  memcpy(o.end + n * p + ep, a->z, ep * sizeof(double));
  memcpy(o.end + n * p + 2 * ep, a->vnorm, g->ne * sizeof(double));
  cc_admm_free(a);
  return o;
}

static void test_threads(gsl_rng *r)
{
  const size_t n = 50, p = 6;
  double x[50 * 6];
  blobs(r, n, p, x);
  cc_graph *g = cc_weights(x, n, p);
  run one = paths(x, n, p, g, 1);
  CHECK(isfinite(one.gend[0]) && isfinite(one.gend[1]) && one.nstore[2] > 1, "the three paths run (CARP %zu steps)", one.steps[0]);
  for (int threads = 2; threads <= 3; threads++) {
    run o = paths(x, n, p, g, threads);
    int ok = 1;
    for (int m = 0; m < 3; m++) {
      ok = ok && o.steps[m] == one.steps[m] && o.nstore[m] == one.nstore[m]
           && memcmp(&o.gend[m], &one.gend[m], sizeof(double)) == 0
           && same(o.u[m], one.u[m], o.nstore[m] * n * p)
           && memcmp(o.fuse[m], one.fuse[m], g->ne * sizeof(size_t)) == 0;
      free(o.u[m]); free(o.fuse[m]);
    }
    ok = ok && same(o.end, one.end, n * p + 2 * g->ne * p + g->ne);
    free(o.end);
    CHECK(ok, "%d threads: CARP, CARP-VIZ and the exact path give the 1-thread bytes", threads);
  }
  for (int m = 0; m < 3; m++) { free(one.u[m]); free(one.fuse[m]); }
  free(one.end);
  cc_graph_free(g);
}

int main(void)
{
  proc_init();
  gsl_rng *r = rng_stream(7, RNG_MISC, 2, 0);
  test_ldl(r);
  test_step(r, 0);
  test_step(r, 1);
  test_threads(r);
  gsl_rng_free(r);
  return check_done("test_carp_step");
}
