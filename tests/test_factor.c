/* test_factor.c -- the factorization module against finite differences, rotation invariance,
 * closed forms and hand cases. */
#include <stdlib.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_randist.h>
#include "check.h"
#include "core/la.h"
#include "core/rng.h"
#include "io/proc.h"
#include "models/mf.h"
#include "core/la.h"

static double loss_at(const gsl_matrix *X, const gsl_matrix *F, const gsl_matrix *G, mf_work *w)
{
  mf_stepinfo info;
  mf_gradient(X, F, G, w, &info);
  return info.loss;
}

/* grad_F = R G and grad_G = R^T F against central differences of f, entry by entry. */
static void test_gradient_fd(void)
{
  const size_t m = 6, n = 4, k = 7;   /* k > min(m, n): the overparametrized case */
  gsl_rng *rng = rng_stream(3, RNG_MISC, 1, 0);
  gsl_matrix *X = gsl_matrix_alloc(m, n), *F = gsl_matrix_alloc(m, k), *G = gsl_matrix_alloc(n, k);
  mf_work *w = mf_work_alloc(m, n, k, 0), *w2 = mf_work_alloc(m, n, k, 0);
  for (size_t i = 0; i < m; i++)
    for (size_t j = 0; j < n; j++) gsl_matrix_set(X, i, j, gsl_ran_gaussian(rng, 1.0));
  mf_init_gaussian(F, G, 0.5, rng);
  mf_gradient(X, F, G, w, NULL);
  const double h = 1e-6;
  double worst = 0;
  for (int which = 0; which < 2; which++) {
    gsl_matrix *M = which ? G : F, *g = which ? w->gG : w->gF;
    for (size_t i = 0; i < M->size1; i++)
      for (size_t j = 0; j < k; j++) {
        const double x = gsl_matrix_get(M, i, j);
        gsl_matrix_set(M, i, j, x + h);
        const double fp = loss_at(X, F, G, w2);
        gsl_matrix_set(M, i, j, x - h);
        const double fm = loss_at(X, F, G, w2);
        gsl_matrix_set(M, i, j, x);
        worst = fmax(worst, fabs((fp - fm) / (2 * h) - gsl_matrix_get(g, i, j)));
      }
  }
  CHECK(worst <= 1e-7, "gradient vs central differences: max deviation %.3g", worst);
  /* A wrong gradient (transposed role) must be caught by the same comparison. */
  CHECK(fabs(gsl_matrix_get(w->gF, 0, 0) - gsl_matrix_get(w->gG, 0, 0)) > 1e-3, "F and G gradients differ");
  gsl_matrix_free(X); gsl_matrix_free(F); gsl_matrix_free(G);
  mf_work_free(w); mf_work_free(w2);
  gsl_rng_free(rng);
}

/* Rotation invariance of GD: for X = U diag(sigma) V^T with orthogonal U, V, GD on diag(sigma)
 * from (U^T F_0, V^T G_0) reproduces U^T F_t, V^T G_t of GD on X. */
static void test_rotation_invariance(void)
{
  const size_t m = 7, n = 5, k = 9, T = 200;
  const double sig[] = { 1.0, 0.6, 0.3, 0.1, 0.05 };
  gsl_rng *rng = rng_stream(5, RNG_MISC, 2, 0);
  mf_problem *pr = mf_problem_alloc(m, n, sig, 5, rng);
  /* Full orthogonal U (m x m): extend the m x 5 basis by a random orthonormal complement. */
  gsl_matrix *Uf = gsl_matrix_alloc(m, m), *Vf = gsl_matrix_alloc(n, n);
  for (size_t i = 0; i < m; i++)
    for (size_t j = 0; j < m; j++)
      gsl_matrix_set(Uf, i, j, j < 5 ? gsl_matrix_get(pr->U, i, j) : gsl_ran_gaussian(rng, 1.0));
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < n; j++) gsl_matrix_set(Vf, i, j, gsl_matrix_get(pr->V, i, j));
  la_orthonormalize(Uf);   /* keeps the first 5 columns up to sign: diag(R) > 0 keeps them */
  gsl_matrix *F = gsl_matrix_alloc(m, k), *G = gsl_matrix_alloc(n, k);
  gsl_matrix *Fr = gsl_matrix_alloc(m, k), *Gr = gsl_matrix_alloc(n, k);
  gsl_matrix *A = gsl_matrix_alloc(m, k), *B = gsl_matrix_alloc(n, k);
  mf_init_gaussian(F, G, 1e-2, rng);
  gsl_blas_dgemm(CblasTrans, CblasNoTrans, 1.0, Uf, F, 0.0, Fr);
  gsl_blas_dgemm(CblasTrans, CblasNoTrans, 1.0, Vf, G, 0.0, Gr);
  mf_work *w = mf_work_alloc(m, n, k, 0);
  gsl_matrix *D = gsl_matrix_calloc(m, n);   /* diag(sigma), m x n */
  for (size_t i = 0; i < 5; i++) gsl_matrix_set(D, i, i, sig[i]);
  for (size_t t = 0; t < T; t++) {
    mf_step(pr->X, F, G, 0.3, w, NULL);
    mf_step(D, Fr, Gr, 0.3, w, NULL);
  }
  gsl_blas_dgemm(CblasTrans, CblasNoTrans, 1.0, Uf, F, 0.0, A);
  gsl_blas_dgemm(CblasTrans, CblasNoTrans, 1.0, Vf, G, 0.0, B);
  const double dF = la_dist_frob(A, Fr), dG = la_dist_frob(B, Gr);
  CHECK(dF <= 1e-12 && dG <= 1e-12, "rotated path vs path on diag(sigma): %.3g, %.3g", dF, dG);
  CHECK(la_norm_frob(Fr) > 0.5, "the run went past the small-init phase (||F|| = %.3g)", la_norm_frob(Fr));
  gsl_matrix_free(Uf); gsl_matrix_free(Vf); gsl_matrix_free(F); gsl_matrix_free(G);
  gsl_matrix_free(Fr); gsl_matrix_free(Gr); gsl_matrix_free(A); gsl_matrix_free(B); gsl_matrix_free(D);
  mf_work_free(w); mf_problem_free(pr); gsl_rng_free(rng);
}

/* Singular values: the small-k QR path equals the SVD of the formed product; and the product of a
 * hand case. */
static void test_singular_values(void)
{
  const size_t m = 12, n = 9, k = 3;
  gsl_rng *rng = rng_stream(7, RNG_MISC, 3, 0);
  gsl_matrix *F = gsl_matrix_alloc(m, k), *G = gsl_matrix_alloc(n, k);
  mf_init_gaussian(F, G, 1.0, rng);
  mf_work *w = mf_work_alloc(m, n, k, 0);
  gsl_vector *s = gsl_vector_alloc(n), *s2 = gsl_vector_alloc(n);
  mf_singular_values(F, G, s, w);
  la_work *la = la_work_alloc();
  la_singular_values(mf_product(F, G, w), s2, la);
  double worst = 0;
  for (size_t i = 0; i < n; i++) worst = fmax(worst, fabs(gsl_vector_get(s, i) - gsl_vector_get(s2, i)));
  CHECK(worst <= 1e-12, "QR path vs formed product: %.3g", worst);
  CHECK(gsl_vector_get(s, k) == 0.0 && gsl_vector_get(s, k - 1) > 0.1, "rank k exactly");
  /* Hand case: F = [2 0; 0 1; 0 0], G = [1 0; 0 3]: F G^T = diag-like with singular values 3, 2. */
  gsl_matrix *F2 = gsl_matrix_calloc(3, 2), *G2 = gsl_matrix_calloc(2, 2);
  gsl_matrix_set(F2, 0, 0, 2); gsl_matrix_set(F2, 1, 1, 1);
  gsl_matrix_set(G2, 0, 0, 1); gsl_matrix_set(G2, 1, 1, 3);
  mf_work *w2 = mf_work_alloc(3, 2, 2, 0);
  gsl_vector *s3 = gsl_vector_alloc(2);
  mf_singular_values(F2, G2, s3, w2);
  CHECK_NEAR(gsl_vector_get(s3, 0), 3.0, 1e-14, "hand case sigma_1");
  CHECK_NEAR(gsl_vector_get(s3, 1), 2.0, 1e-14, "hand case sigma_2");
  gsl_matrix_free(F); gsl_matrix_free(G); gsl_matrix_free(F2); gsl_matrix_free(G2);
  gsl_vector_free(s); gsl_vector_free(s2); gsl_vector_free(s3);
  mf_work_free(w); mf_work_free(w2); la_work_free(la); gsl_rng_free(rng);
}

/* t_pred on a hand case, and against the exact scalar recursion it is derived from. */
static void test_t_pred(void)
{
  /* sigma = 1, s0 = 1/(e^2 + 1), eta = e - 1: ln(sigma/s0 - 1) = 2, 2 ln(1 + eta) = 2. */
  const double e = exp(1.0);
  CHECK_NEAR(mf_t_pred(1.0, 1.0 / (e * e + 1.0), e - 1.0), 1.0, 1e-14, "t_pred hand case");
  CHECK(isnan(mf_t_pred(1.0, 2.0, 0.1)) && isnan(mf_t_pred(1.0, 0.0, 0.1)), "t_pred outside its domain");
  /* Rank one, k = 1, exactly balanced start f = g: the scalar recursion f <- f + eta (sigma - f^2) f
   * is the 1 x 1 factorization; its emergence is within a step or two of t_pred. */
  gsl_matrix *X = gsl_matrix_alloc(1, 1), *F = gsl_matrix_alloc(1, 1), *G = gsl_matrix_alloc(1, 1);
  gsl_matrix_set(X, 0, 0, 0.5);
  gsl_matrix_set(F, 0, 0, 1e-4); gsl_matrix_set(G, 0, 0, 1e-4);
  mf_work *w = mf_work_alloc(1, 1, 1, 0);
  const double s0 = 1e-8, tp = mf_t_pred(0.5, s0, 0.1);   /* ||p||^2/2 = (2e-4)^2/4 = 1e-8 */
  size_t t = 0;
  while (gsl_matrix_get(F, 0, 0) * gsl_matrix_get(G, 0, 0) < 0.25 && t < 100000) mf_step(X, F, G, 0.1, w, NULL), t++;
  CHECK(fabs((double) t - tp) <= 2.0, "scalar emergence %zu vs t_pred %.2f", t, tp);
  gsl_matrix_free(X); gsl_matrix_free(F); gsl_matrix_free(G); mf_work_free(w);
}

/* The scalar imbalance D = ||F||^2 - ||G||^2 moves by exactly eta^2 (||gF||^2 - ||gG||^2). */
static void test_imbalance_identity(void)
{
  const size_t m = 5, n = 4, k = 2;
  gsl_rng *rng = rng_stream(9, RNG_MISC, 4, 0);
  mf_problem *pr = mf_problem_alloc(m, n, (const double[]) { 3, 1 }, 2, rng);
  gsl_matrix *F = gsl_matrix_alloc(m, k), *G = gsl_matrix_alloc(n, k);
  mf_init_gaussian(F, G, 1.0, rng);
  mf_work *w = mf_work_alloc(m, n, k, 0);
  double d0, d1;
  mf_imbalance(F, G, w, &d0);
  mf_stepinfo info;
  const double eta = 0.05;
  mf_step(pr->X, F, G, eta, w, &info);
  mf_imbalance(F, G, w, &d1);
  CHECK_NEAR(d1 - d0, eta * eta * (info.gF2 - info.gG2), 1e-12 * (1 + fabs(d0)), "one-step imbalance identity");
  CHECK(fabs(info.gF2 - info.gG2) > 1e-3, "the identity is tested with a nonzero eta^2 term");
  CHECK_NEAR(mf_step_size(&(mf_schedule) { 0.1, 0.5, 1 }, 3), 0.1 / 4.0, 1e-16, "decaying step at t = 3");
  CHECK_NEAR(mf_step_size(&(mf_schedule) { 0.1, 0.5, 0 }, 3), 0.1, 0, "constant step");
  /* The decaying schedule of D12: eta_0 = eta0, eta_15 = eta0/16^(3/4) = eta0/8 (delta = 1/4), and the
   * sum over t < T lies between the integrals of eta0 x^-(1/2+delta) over [1, T+1] and 1 + [1, T]. */
  const mf_schedule q = { 0.3, 0.25, 1 };
  CHECK_NEAR(mf_step_size(&q, 0), 0.3, 0, "decaying step at t = 0 is eta0");
  CHECK_NEAR(mf_step_size(&q, 15), 0.3 / 8.0, 1e-16, "decaying step at t = 15, delta = 1/4");
  double sum = 0;
  const size_t T = 10000;
  for (size_t t = 0; t < T; t++) sum += mf_step_size(&q, t);
  const double lo = 0.3 * (pow(T + 1.0, 0.25) - 1) / 0.25, hi = 0.3 * (1 + (pow((double) T, 0.25) - 1) / 0.25);
  CHECK(sum >= lo && sum <= hi, "sum of decaying steps %.6g within the integral bounds [%.6g, %.6g]", sum, lo, hi);
  gsl_matrix_free(F); gsl_matrix_free(G); mf_work_free(w); mf_problem_free(pr); gsl_rng_free(rng);
}

/* Divergence is reported as GSL_ERUNAWAY. */
static void test_divergence(void)
{
  gsl_matrix *X = gsl_matrix_alloc(1, 1), *F = gsl_matrix_alloc(1, 1), *G = gsl_matrix_alloc(1, 1);
  gsl_matrix_set(X, 0, 0, 1.0);
  gsl_matrix_set(F, 0, 0, 10.0); gsl_matrix_set(G, 0, 0, 10.0);
  mf_work *w = mf_work_alloc(1, 1, 1, 0);
  int rc = 0;
  for (int t = 0; t < 100 && !rc; t++) rc = mf_step(X, F, G, 1.0, w, NULL);
  CHECK(rc == GSL_ERUNAWAY, "divergence detected (rc %d)", rc);
  gsl_matrix_free(X); gsl_matrix_free(F); gsl_matrix_free(G); mf_work_free(w);
}

/* mf_learn_times: the first t at which sigma_i(F_t G_t^T) >= frac sigma_i, against a plain loop of
 * mf_step and mf_singular_values; NAN when the cap comes first; ordered by sigma. */
static void test_learn_times(void)
{
  const size_t m = 6, n = 5, k = 3, r = 2;
  gsl_rng *rng = rng_stream(11, RNG_MISC, 5, 0);
  mf_problem *pr = mf_problem_alloc(m, n, (const double[]) { 1.0, 0.5, 0.01 }, 3, rng);
  gsl_matrix *F = gsl_matrix_alloc(m, k), *G = gsl_matrix_alloc(n, k);
  gsl_matrix *F0 = gsl_matrix_alloc(m, k), *G0 = gsl_matrix_alloc(n, k);
  mf_init_gaussian(F0, G0, 1e-4, rng);
  mf_work *w = mf_work_alloc(m, n, k, 0);
  gsl_vector *s = gsl_vector_alloc(n);
  double th[2], ref[2] = { NAN, NAN };
  size_t fail = 0;
  gsl_matrix_memcpy(F, F0); gsl_matrix_memcpy(G, G0);
  CHECK(mf_learn_times(pr, r, F, G, 0.1, 5000, 0.5, w, th, &fail) == 0, "mf_learn_times runs");
  gsl_matrix_memcpy(F, F0); gsl_matrix_memcpy(G, G0);
  for (size_t t = 0; t <= 5000 && isnan(ref[1]); t++) {
    mf_singular_values(F, G, s, w);
    for (size_t i = 0; i < r; i++)
      if (isnan(ref[i]) && gsl_vector_get(s, i) >= 0.5 * gsl_vector_get(pr->sigma, i)) ref[i] = (double) t;
    mf_step(pr->X, F, G, 0.1, w, NULL);
  }
  CHECK(th[0] == ref[0] && th[1] == ref[1], "learn times %g %g vs plain loop %g %g", th[0], th[1], ref[0], ref[1]);
  CHECK(th[0] > 50 && th[0] < th[1], "the larger component first (%g < %g)", th[0], th[1]);
  gsl_matrix_memcpy(F, F0); gsl_matrix_memcpy(G, G0);
  CHECK(mf_learn_times(pr, r, F, G, 0.1, (size_t) th[1] - 1, 0.5, w, th, &fail) == 0
        && !isnan(th[0]) && isnan(th[1]), "NAN for a component not learned by the cap");
  gsl_matrix_free(F); gsl_matrix_free(G); gsl_matrix_free(F0); gsl_matrix_free(G0);
  gsl_vector_free(s); mf_work_free(w); mf_problem_free(pr); gsl_rng_free(rng);
}

/* The shared helpers la_gemm and la_frob2 on a 2x3 hand case: A B^T and the sum of squares. */
static void test_la_helpers(void)
{
  double a[] = { 1, 2, 3, 4, 5, 6 }, b[] = { 1, 0, -1, 2, 1, 0 };
  gsl_matrix_view A = gsl_matrix_view_array(a, 2, 3), B = gsl_matrix_view_array(b, 2, 3);
  gsl_matrix *C = gsl_matrix_alloc(2, 2);
  gsl_matrix_set_all(C, 1.0);
  la_gemm(CblasNoTrans, CblasTrans, 2.0, &A.matrix, &B.matrix, 0.5, C);   /* 2 A B^T + 0.5 */
  const double want[] = { 2 * (1 - 3) + 0.5, 2 * (2 + 2) + 0.5, 2 * (4 - 6) + 0.5, 2 * (8 + 5) + 0.5 };
  for (int i = 0; i < 4; i++) CHECK_NEAR(C->data[i], want[i], 0.0, "la_gemm entry");
  CHECK_NEAR(la_frob2(&A.matrix), 91.0, 0.0, "la_frob2 = 1+4+9+16+25+36");
  gsl_matrix_free(C);
}

int main(void)
{
  proc_init();
  gsl_set_error_handler_off();
  test_gradient_fd();
  test_la_helpers();
  test_rotation_invariance();
  test_singular_values();
  test_t_pred();
  test_learn_times();
  test_imbalance_identity();
  test_divergence();
  return check_done("test_factor");
}
