/* test_cc_ama.c -- AMA for convex clustering: the step size on hand graphs and against the largest
 * Laplacian eigenvalue, two points against the closed form, and the exact path by AMA (plain and
 * accelerated) against the exact path by ADMM on a 30-point, 3-blob data set: the same U at every
 * level within 1e-6 ||X||_F, the same clusters, the last level within one grid step. */
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_randist.h>
#include "check.h"
#include "core/rng.h"
#include "io/proc.h"
#include "models/cc_ama.h"

/* The package's bound on hand graphs, and nu < 2 / lambda_max(D^T D) on a random graph. */
static void test_step_size(gsl_rng *r)
{
  const size_t pi[3] = { 0, 1, 2 }, pj[3] = { 1, 2, 3 }, si[3] = { 0, 0, 0 }, sj[3] = { 1, 2, 3 };
  const double w[3] = { 1, 1, 1 };
  cc_graph *path = cc_graph_make(4, 3, pi, pj, w), *star = cc_graph_make(4, 3, si, sj, w);
  /* path 0-1-2-3: degrees 1 2 2 1, largest sum over an edge 4; star: 3 + 1 = 4, capped by n = 4 */
  CHECK_NEAR(cc_ama_step_size(path), 1.9999 / 4, 1e-15, "step size, path graph");
  CHECK_NEAR(cc_ama_step_size(star), 1.9999 / 4, 1e-15, "step size, star graph");
  cc_graph_free(path);
  cc_graph_free(star);
  enum { N = 12 };
  size_t ei[N * N], ej[N * N], ne = 0;
  double ww[N * N];
  for (size_t i = 0; i < N; i++)
    for (size_t j = i + 1; j < N; j++)
      if (j == i + 1 || gsl_rng_uniform(r) < 0.3) { ei[ne] = i; ej[ne] = j; ww[ne] = 1; ne++; }
  cc_graph *g = cc_graph_make(N, ne, ei, ej, ww);
  gsl_matrix *lap = gsl_matrix_calloc(N, N);
  for (size_t l = 0; l < ne; l++) {
    const size_t i = ei[l], j = ej[l];
    *gsl_matrix_ptr(lap, i, i) += 1; *gsl_matrix_ptr(lap, j, j) += 1;
    *gsl_matrix_ptr(lap, i, j) -= 1; *gsl_matrix_ptr(lap, j, i) -= 1;
  }
  gsl_vector *ev = gsl_vector_alloc(N);
  gsl_eigen_symm_workspace *ws = gsl_eigen_symm_alloc(N);
  gsl_eigen_symm(lap, ev, ws);
  const double lmax = gsl_vector_max(ev), nu = cc_ama_step_size(g);
  CHECK(nu > 0 && nu < 2 / lmax, "nu = %.4g below 2 / lambda_max = %.4g", nu, 2 / lmax);
  gsl_eigen_symm_free(ws);
  gsl_vector_free(ev);
  gsl_matrix_free(lap);
  cc_graph_free(g);
}

/* Two points, one edge of weight w: U_1 - U_2 = (1 - 2 gamma w / ||d||)_+ d, mean kept. */
static void test_two_points(void)
{
  const size_t ei[1] = { 0 }, ej[1] = { 1 };
  const double w[1] = { 0.7 }, x[4] = { 1.0, -1.0, 0.5, -0.5 };   /* column-major 2 x 2 */
  cc_graph *g = cc_graph_make(2, 1, ei, ej, w);
  const double dn = sqrt(2.0 * 2.0 + 1.0 * 1.0);
  for (int acc = 0; acc < 2; acc++) {
    /* D^T D has eigenvalues 0 and 2 here, so the package's step (1.9999 / 2) sits at the edge of
     * convergence; 0.5 converges for both variants (FISTA needs nu <= 1 / 2) */
    cc_ama *a = cc_ama_alloc(x, 2, 2, g, 0.5, acc);
    const double gammas[3] = { 0.3, 1.2, 2.0 };   /* fused from gamma w = ||d|| / 2, gamma = 1.597 */
    for (int k = 0; k < 3; k++) {
      cc_ama_restart(a);
      for (int it = 0; it < 2000; it++) cc_ama_step(a, gammas[k]);
      const double f = fmax(0.0, 1.0 - 2.0 * gammas[k] * w[0] / dn);
      double err = 0;
      for (size_t c = 0; c < 2; c++) {
        const double mean = 0.5 * (x[2 * c] + x[2 * c + 1]), d = x[2 * c] - x[2 * c + 1];
        err = fmax(err, fabs(a->u[2 * c] - (mean + 0.5 * f * d)));
        err = fmax(err, fabs(a->u[2 * c + 1] - (mean - 0.5 * f * d)));
      }
      CHECK(err < 1e-12, "two points, %s, gamma %g: |U - closed form| = %.3g", acc ? "accelerated" : "plain",
            gammas[k], err);
      CHECK((f == 0) == (a->vnorm[0] == 0), "two points, gamma %g: fused exactly when the closed form fuses "
            "(||V|| = %.3g)", gammas[k], a->vnorm[0]);
    }
    cc_ama_free(a);
  }
  cc_graph_free(g);
}

/* The exact path by AMA against the exact path by ADMM on the same grid. */
static void test_exact_path(void)
{
  gsl_rng *r = rng_stream(11, RNG_DATA, 30, 0);
  enum { N = 30, P = 2, M = 40 };
  double x[N * P];
  for (size_t i = 0; i < N; i++) {
    x[i] = 3.0 * (double) (i % 3) + gsl_ran_gaussian(r, 0.5);
    x[N + i] = (i % 3 == 1 ? 3.0 : 0.0) + gsl_ran_gaussian(r, 0.5);
  }
  cc_center(x, N, P);
  double xnorm = 0;
  for (size_t q = 0; q < N * P; q++) xnorm += x[q] * x[q];
  xnorm = sqrt(xnorm);
  cc_graph *g = cc_weights(x, N, P);
  double grid[M];
  for (size_t k = 0; k < M; k++) grid[k] = 1e-3 * pow(1e6, (double) k / (M - 1));
  cc_admm *b = cc_admm_alloc(x, N, P, g, 1.0, CC_SOLVER_CHOLMOD);
  cc_path *he = cc_path_alloc(N, P, g->ne, 1);
  CHECK(cc_exact(b, grid, M, CC_RULE_DU, 1e-12, 100000, 0, he) == 0 && he->capped == 0, "ADMM exact path");
  size_t la[N], lb[N], par[N], sz[N];
  for (int acc = 0; acc < 2; acc++) {
    /* the package's step for plain AMA, half of it (below 1 / lambda_max) with acceleration */
    cc_ama *a = cc_ama_alloc(x, N, P, g, cc_ama_step_size(g) / (acc ? 2 : 1), acc);
    cc_path *ha = cc_path_alloc(N, P, g->ne, 1);
    CHECK(cc_ama_exact(a, grid, M, CC_RULE_DU, 1e-12, 100000, 0, ha) == 0 && ha->capped == 0,
          "AMA exact path (%s) converged at every level", acc ? "accelerated" : "plain");
    /* "every row of V exactly zero" depends on the multipliers, which are not unique inside a
     * fused cluster with cycles: the two solvers may stop a level apart */
    CHECK(isfinite(ha->gamma_end) && isfinite(he->gamma_end) && ha->nstore + 1 >= he->nstore &&
          ha->nstore <= he->nstore + 1, "AMA (%s) and ADMM end within one level: %zu levels (gamma %g) vs %zu (%g)",
          acc ? "accelerated" : "plain", ha->nstore, ha->gamma_end, he->nstore, he->gamma_end);
    double worst = 0;
    size_t same = 0;
    const size_t ns = ha->nstore < he->nstore ? ha->nstore : he->nstore;
    for (size_t s = 0; s < ns; s++) {
      double d = 0;
      for (size_t q = 0; q < N * P; q++) {
        const double e = ha->u[s * N * P + q] - he->u[s * N * P + q];
        d += e * e;
      }
      worst = fmax(worst, sqrt(d) / xnorm);
      const size_t ka = cc_path_labels(ha, g, s, la, par, sz), kb = cc_path_labels(he, g, s, lb, par, sz);
      same += ka == kb && cc_ari(la, lb, N) == 1.0;
    }
    CHECK(ns > 10 && worst < 1e-6, "AMA (%s) vs ADMM: max over %zu levels of ||U_AMA - U_ADMM||_F / ||X||_F = %.3g",
          acc ? "accelerated" : "plain", ns, worst);
    CHECK(same == ns, "AMA (%s) and ADMM give the same clusters at %zu of %zu levels", acc ? "accelerated" : "plain",
          same, ns);
    cc_path_free(ha);
    cc_ama_free(a);
  }
  cc_path_free(he);
  cc_admm_free(b);
  cc_graph_free(g);
  gsl_rng_free(r);
}

int main(void)
{
  proc_init();
  gsl_rng *r = rng_stream(11, RNG_MISC, 2, 0);
  test_step_size(r);
  test_two_points();
  test_exact_path();
  gsl_rng_free(r);
  return check_done("test_cc_ama");
}
