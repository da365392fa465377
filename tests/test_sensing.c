/* test_sensing.c -- the sensing operator and gradient descent against closed forms. */
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_randist.h>
#include "check.h"
#include "core/la.h"
#include "core/rng.h"
#include "io/proc.h"
#include "models/ms.h"
#include "ms_protocol.h"

static void random_sym(gsl_matrix *Z, gsl_rng *rng)
{
  for (size_t i = 0; i < Z->size1; i++)
    for (size_t j = i; j < Z->size2; j++) {
      double x = gsl_ran_gaussian(rng, 1.0);
      gsl_matrix_set(Z, i, j, x);
      gsl_matrix_set(Z, j, i, x);
    }
}

static double frob_dot(const gsl_matrix *A, const gsl_matrix *B)
{
  double s = 0;
  for (size_t i = 0; i < A->size1; i++)
    for (size_t j = 0; j < A->size2; j++) s += gsl_matrix_get(A, i, j) * gsl_matrix_get(B, i, j);
  return s;
}

/* <A(Z), z> = <Z, A*(z)>, and the fused pass equals apply-then-adjoint. */
static void test_adjoint(void)
{
  const size_t n = 7, m = 30;
  gsl_rng *rng = rng_stream(11, RNG_MISC, 1, 0);
  ms_operator *A = ms_operator_alloc(n, m);
  ms_operator_gaussian(A, rng);
  gsl_matrix *Z = gsl_matrix_alloc(n, n), *S = gsl_matrix_alloc(n, n), *S2 = gsl_matrix_alloc(n, n);
  gsl_vector *z = gsl_vector_alloc(m), *az = gsl_vector_alloc(m), *r = gsl_vector_alloc(m);
  double *buf = malloc(ms_packed_size(n) * sizeof(double));
  random_sym(Z, rng);
  for (size_t i = 0; i < m; i++) gsl_vector_set(z, i, gsl_ran_gaussian(rng, 1.0));
  ms_apply(A, Z, az, buf);
  ms_adjoint(A, z, S, buf);
  double lhs, rhs = frob_dot(Z, S);
  gsl_blas_ddot(az, z, &lhs);
  CHECK(fabs(lhs - rhs) <= 1e-13 * (fabs(lhs) + 1), "adjoint identity: %.17g vs %.17g", lhs, rhs);

  /* Direct definition for one measurement: <A_i, Z>/sqrt(m) with the full symmetric A_i. */
  double direct = 0;
  for (size_t j = 0, q = 0; j < n; j++)
    for (size_t l = j; l < n; l++, q++)
      direct += (l == j ? 1.0 : 2.0) * A->a[q] * gsl_matrix_get(Z, j, l);
  CHECK_NEAR(gsl_vector_get(az, 0), direct, 1e-13, "A(Z)_0 by the definition");

  /* fused: r = A(Z) - z, sp = A*(r) */
  ms_pack_weighted(Z, buf);
  double *sp = malloc(ms_packed_size(n) * sizeof(double));
  double ss = ms_fused_residual_adjoint(A, buf, z, sp);
  ms_unpack_sym(sp, S2);
  gsl_vector_memcpy(r, az);
  gsl_vector_sub(r, z);
  double ss_ref;
  gsl_blas_ddot(r, r, &ss_ref);
  ms_adjoint(A, r, S, buf);
  double diff = 0;
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < n; j++) diff = fmax(diff, fabs(gsl_matrix_get(S, i, j) - gsl_matrix_get(S2, i, j)));
  CHECK(diff < 1e-13, "fused pass equals apply then adjoint (max diff %g)", diff);
  CHECK_NEAR(ss, ss_ref, 1e-12 * ss_ref, "fused residual norm");
  free(sp);
  free(buf);
  gsl_vector_free(z); gsl_vector_free(az); gsl_vector_free(r);
  gsl_matrix_free(Z); gsl_matrix_free(S); gsl_matrix_free(S2);
  ms_operator_free(A);
  gsl_rng_free(rng);
}

/* E[A*A(Z)] = Z: averaged over many independent operators the error shrinks like 1/sqrt(draws). */
static void test_isotropy(void)
{
  const size_t n = 4, m = 50, draws = 400;
  gsl_rng *rng = rng_stream(5, RNG_MISC, 2, 0);
  gsl_matrix *Z = gsl_matrix_alloc(n, n), *S = gsl_matrix_alloc(n, n), *avg = gsl_matrix_calloc(n, n);
  gsl_vector *v = gsl_vector_alloc(m);
  double *buf = malloc(ms_packed_size(n) * sizeof(double));
  random_sym(Z, rng);
  ms_operator *A = ms_operator_alloc(n, m);
  for (size_t d = 0; d < draws; d++) {
    ms_operator_gaussian(A, rng);
    ms_apply(A, Z, v, buf);
    ms_adjoint(A, v, S, buf);
    gsl_matrix_add(avg, S);
  }
  gsl_matrix_scale(avg, 1.0 / draws);
  double err = la_dist_frob(avg, Z) / la_norm_frob(Z);
  /* One draw has relative error about sqrt((n^2+n)/m) ~ 0.6; 400 draws: ~0.03. */
  CHECK(err < 0.1, "E[A*A(Z)] = Z within sampling error (relative error %.3g)", err);
  free(buf);
  ms_operator_free(A);
  gsl_vector_free(v);
  gsl_matrix_free(Z); gsl_matrix_free(S); gsl_matrix_free(avg);
  gsl_rng_free(rng);
}

/* Gradient against central finite differences of f, in random directions. */
static void test_gradient(void)
{
  const size_t n = 6, r = 2, k = 3, m = 25;
  gsl_rng *rt = rng_stream(9, RNG_DATA, 1, 0), *ra = rng_stream(9, RNG_OPERATOR, 1, 0);
  gsl_rng *ri = rng_stream(9, RNG_INIT, 1, 1);
  ms_problem *pr = ms_problem_alloc(n, r, m, 2.0, rt, ra);
  CHECK(pr != NULL, "problem");
  gsl_matrix *U = gsl_matrix_alloc(n, k), *G = gsl_matrix_alloc(n, k), *D = gsl_matrix_alloc(n, k);
  gsl_matrix *Up = gsl_matrix_alloc(n, k);
  ms_work *w = ms_work_alloc(n, k);
  ms_init_small(U, 0.7, ri);
  ms_gradient(pr, U, G, w);
  for (int trial = 0; trial < 5; trial++) {
    for (size_t i = 0; i < n; i++)
      for (size_t j = 0; j < k; j++) gsl_matrix_set(D, i, j, gsl_ran_gaussian(ri, 1.0));
    const double h = 1e-5;
    double fp, fm, test;
    gsl_matrix_memcpy(Up, D);
    gsl_matrix_scale(Up, h);
    gsl_matrix_add(Up, U);
    ms_evaluate(pr, Up, w, &fp, &test);
    gsl_matrix_memcpy(Up, D);
    gsl_matrix_scale(Up, -h);
    gsl_matrix_add(Up, U);
    ms_evaluate(pr, Up, w, &fm, &test);
    double fd = (fp - fm) / (2 * h), an = frob_dot(G, D);
    CHECK(fabs(fd - an) <= 1e-7 * (1 + fabs(an)), "gradient vs central difference: %.12g vs %.12g", an, fd);
  }
  /* The GD step is U - mu grad. */
  double loss, test;
  gsl_matrix_memcpy(Up, U);
  ms_gd_step(pr, Up, 0.05, w, &loss, &test);
  gsl_matrix_scale(G, -0.05);
  gsl_matrix_add(G, U);
  CHECK(la_dist_frob(Up, G) < 1e-15, "gd step equals U - mu * gradient");
  /* At the truth the loss vanishes and the test error is 0. */
  gsl_matrix *Xk = gsl_matrix_calloc(n, k);
  gsl_matrix_view sub = gsl_matrix_submatrix(Xk, 0, 0, n, r);
  gsl_matrix_memcpy(&sub.matrix, pr->X);
  ms_evaluate(pr, Xk, w, &loss, &test);
  CHECK(loss < 1e-28 && test < 1e-15, "loss %g and test %g vanish at the truth", loss, test);
  /* Ground truth: ||X|| = 1, sigma linearly spaced to 1/kappa, V_X orthonormal. */
  CHECK_NEAR(gsl_vector_get(pr->sigma, 0), 1.0, 0, "sigma_1 = 1");
  CHECK_NEAR(gsl_vector_get(pr->sigma, r - 1), 0.5, 1e-15, "sigma_r = 1/kappa");
  gsl_matrix_free(Xk);
  ms_work_free(w);
  gsl_matrix_free(U); gsl_matrix_free(G); gsl_matrix_free(D); gsl_matrix_free(Up);
  ms_problem_free(pr);
  gsl_rng_free(rt); gsl_rng_free(ra); gsl_rng_free(ri);
}

/* A small run: GD from small init is a power method at first, then recovers X; diagnostics agree. */
static void test_run(void)
{
  const size_t n = 10, r = 1, k = 10, m = 60, T = 1500;
  gsl_rng *rt = rng_stream(4, RNG_DATA, 1, 0), *ra = rng_stream(4, RNG_OPERATOR, 1, 0);
  gsl_rng *ri = rng_stream(4, RNG_INIT, 1, 1);
  ms_problem *pr = ms_problem_alloc(n, r, m, 1.0, rt, ra);
  gsl_matrix *U = gsl_matrix_alloc(n, k);
  ms_init_small(U, 1e-6, ri);
  ms_trace *tr = ms_trace_alloc(T);
  ms_config cfg = { .mu = 0.1, .T = T, .diag_every = 10, .power_method = 1 };
  size_t fail = 0;
  CHECK(ms_run(pr, &cfg, U, tr, &fail) == 0, "run");
  CHECK(tr->pm_dev[0] == 0.0, "power-method deviation starts at 0");
  CHECK(tr->pm_dev[20] < 1e-4, "early iterates follow the power method (%g)", tr->pm_dev[20]);
  /* k > r: the error stops at an alpha-dependent floor whose level depends on the operator's draw
   * (about 1e-4 here), so the bounds leave a decade of room. */
  CHECK(tr->test[T] < 1e-3, "recovers X (test %g)", tr->test[T]);
  CHECK(tr->train[T] < 1e-7 * tr->train[0], "train loss falls (%g -> %g)", tr->train[0], tr->train[T]);
  CHECK(tr->sin_truth[T] < 1e-3, "column space aligned with X (%g)", tr->sin_truth[T]);
  CHECK(isnan(tr->signal[5]) && !isnan(tr->signal[10]), "diagnostics only every 10 iterations");
  ms_landmarks lm;
  ms_find_landmarks(tr, 1.0, 1e-2, 1e-2, &lm);
  CHECK(lm.phase1_end > 20 && lm.phase1_end < lm.t_hit && lm.t_hit <= T, "landmarks ordered");
  /* Divergence is detected and located. */
  ms_init_small(U, 1.0, ri);
  ms_config wild = { .mu = 50.0, .T = 100 };
  gsl_set_error_handler_off();
  int rc = ms_run(pr, &wild, U, tr, &fail);
  proc_init();
  CHECK(rc == GSL_ERUNAWAY && fail > 0 && fail < 100, "divergence reported at iteration %zu", fail);
  ms_trace_free(tr);
  gsl_matrix_free(U);
  ms_problem_free(pr);
  gsl_rng_free(rt); gsl_rng_free(ra); gsl_rng_free(ri);
}

/* The packed layout round-trips, and weighted packing doubles the off-diagonal. */
static void test_packing(void)
{
  gsl_matrix *Z = gsl_matrix_alloc(3, 3), *S = gsl_matrix_alloc(3, 3);
  double v[] = { 1, 2, 3, 2, 4, 5, 3, 5, 6 }, zp[6];
  memcpy(Z->data, v, sizeof v);
  ms_pack_weighted(Z, zp);
  double want[] = { 1, 4, 6, 4, 10, 6 };
  CHECK(memcmp(zp, want, sizeof want) == 0, "weighted packing");
  double sp[] = { 1, 2, 3, 4, 5, 6 };
  ms_unpack_sym(sp, S);
  double want_s[] = { 1, 2, 3, 2, 4, 5, 3, 5, 6 };
  CHECK(memcmp(S->data, want_s, sizeof want_s) == 0, "unpacking");
  CHECK(ms_packed_size(40) == 820, "n(n+1)/2");
  gsl_matrix_free(Z);
  gsl_matrix_free(S);
}


/* A sweep is deterministic, indexes its outcomes as documented, and agrees with a single run. */
static void test_sweep(void)
{
  const double alphas[] = { 1e-3, 1e-6 };
  ms_sweep_config cfg = { 8, 1, 8, 40, 1.0, 0.1, 300, 5, 1e-4, 1e-2, 21, 2, 2 };
  ms_outcome a[8], b[8];
  CHECK(ms_sweep(&cfg, alphas, 2, a, NULL, NULL, NULL) == 0, "sweep runs");
  CHECK(ms_sweep(&cfg, alphas, 2, b, NULL, NULL, NULL) == 0, "sweep runs again");
  CHECK(memcmp(a, b, sizeof a) == 0, "same seed, same outcomes to the bit");
  const ms_outcome *o = &a[(1 * 2 + 1) * 2 + 0];   /* alpha index 1, data seed 2, init seed 1 */
  CHECK(o->alpha == 1e-6 && o->data_seed == 2 && o->init_seed == 1, "outcome indexing");
  CHECK(!isnan(o->noise_max) && isnan(a[0].noise_max), "noise tracked only for alpha <= noise_alpha_max");
  /* Reproduce that outcome with the documented streams and a plain run. */
  gsl_rng *rt = rng_stream(21, RNG_DATA, 2, 0), *ra = rng_stream(21, RNG_OPERATOR, 2, 0);
  gsl_rng *ri = rng_stream(21, RNG_INIT, 2, 1);
  ms_problem *pr = ms_problem_alloc(8, 1, 40, 1.0, rt, ra);
  gsl_matrix *U = gsl_matrix_alloc(8, 8);
  ms_init_small(U, 1e-6, ri);
  ms_trace *tr = ms_trace_alloc(300);
  ms_config run = { .mu = 0.1, .T = 300 };
  ms_run(pr, &run, U, tr, NULL);
  CHECK(tr->test[300] == o->test && tr->train[0] == o->train0, "sweep outcome equals a plain run");
  CHECK(o->t_hit == ms_first_below(tr->test, 300, 1e-2), "t_hit is the first t below the level");
  /* ms_noise agrees with ms_diagnose; with k = r there is no complement and the noise is 0. */
  ms_diag_work *dw = ms_diag_work_alloc(8, 1, 8);
  ms_diag d;
  ms_diagnose(pr, U, &d, dw);
  CHECK(ms_noise(pr, U, dw) == d.noise, "noise alone equals the full diagnosis");
  gsl_matrix_view U1 = gsl_matrix_submatrix(U, 0, 0, 8, 1);
  ms_diag_work *d1 = ms_diag_work_alloc(8, 1, 1);
  CHECK(ms_noise(pr, &U1.matrix, d1) == 0.0, "k = r: noise 0");
  ms_diag_work_free(d1);
  ms_diag_work_free(dw);
  ms_trace_free(tr);
  gsl_matrix_free(U);
  ms_problem_free(pr);
  gsl_rng_free(rt); gsl_rng_free(ra); gsl_rng_free(ri);
}

/* Landmarks on a hand-made trace. */
static void test_landmarks(void)
{
  ms_trace *tr = ms_trace_alloc(6);
  const double pm[] = { 0, 1e-4, 1e-3, 0.05, 0.3, NAN, NAN };
  const double sig[] = { 0, 0, 0, 0.01, 0.1, 0.2, 0.3 };
  const double test[] = { 1, 1, 0.9, 0.5, 0.45, 0.005, 0.001 };
  for (size_t t = 0; t <= 6; t++) { tr->pm_dev[t] = pm[t]; tr->signal[t] = sig[t]; tr->test[t] = test[t]; }
  ms_landmarks lm;
  ms_find_landmarks(tr, 0.5, 1e-2, 1e-2, &lm);
  CHECK(lm.phase1_end == 3, "Phase I ends at the first deviation above the level (%zu)", lm.phase1_end);
  CHECK(lm.phase2_end == 5, "Phase II ends when the signal reaches sigma_min/sqrt(10) (%zu)", lm.phase2_end);
  CHECK(lm.plateau_t == 3 && lm.plateau == 0.5, "plateau where the error changes least (%zu)", lm.plateau_t);
  CHECK(lm.t_hit == 5, "t_hit (%zu)", lm.t_hit);
  ms_trace_free(tr);
}

/* Per-row streams: a matrix-free operator is the stored one, bit for bit (several blocks, a partial
 * last one); its adjoint identity holds; a smaller m is the first rows of a larger one, rescaled;
 * MS_AUTO switches on the memory budget. */
static int same_bits(const double *a, const double *b, size_t len)
{
  return memcmp(a, b, len * sizeof(double)) == 0;
}

static void test_matrix_free(void)
{
  const size_t n = 64, r = 2, k = 5, m = 150;
  CHECK(ms_block_rows(n, m) > 1 && ms_block_rows(n, m) < m && m % ms_block_rows(n, m) != 0,
        "the test spans several blocks and a partial one (block %zu)", ms_block_rows(n, m));
  ms_problem *pr[2];
  const ms_storage kinds[2] = { MS_STORED, MS_MATRIX_FREE };
  for (int s = 0; s < 2; s++) {
    gsl_rng *rt = rng_stream(13, RNG_DATA, 1, 0), *ra = rng_stream(13, RNG_OPERATOR, 1, 0);
    pr[s] = ms_problem_alloc_kind(n, r, m, 2.0, rt, ra, kinds[s]);
    gsl_rng_free(rt);
    gsl_rng_free(ra);
  }
  CHECK(!ms_operator_is_matrix_free(pr[0]->A) && ms_operator_is_matrix_free(pr[1]->A) &&
        pr[1]->A->a == NULL, "the two kinds were built");
  CHECK(same_bits(pr[0]->y->data, pr[1]->y->data, m), "y = A(XX^T) bit-identical");
  CHECK(same_bits(pr[0]->spec->data, pr[1]->spec->data, n * n), "A*(y) bit-identical");
  gsl_matrix *U[2];
  double loss[2] = { 0, 0 }, test[2] = { 0, 0 };
  for (int s = 0; s < 2; s++) {
    U[s] = gsl_matrix_alloc(n, k);
    gsl_rng *ri = rng_stream(13, RNG_INIT, 1, 1);
    ms_init_small(U[s], 0.1, ri);
    gsl_rng_free(ri);
    ms_work *w = ms_work_alloc(n, k);
    for (int t = 0; t < 5; t++) ms_gd_step(pr[s], U[s], 0.2, w, &loss[s], &test[s]);
    ms_work_free(w);
  }
  CHECK(same_bits(U[0]->data, U[1]->data, n * k) && loss[0] == loss[1] && test[0] == test[1],
        "five GD steps bit-identical (loss %.17g vs %.17g)", loss[0], loss[1]);

  /* Adjoint identity on the matrix-free path: <A zp, z> = <zp, A^T z>. */
  const size_t P = ms_packed_size(n);
  double *zp = malloc(P * sizeof(double)), *sp = malloc(P * sizeof(double));
  double *z = malloc(m * sizeof(double)), *az = malloc(m * sizeof(double));
  gsl_rng *rng = rng_stream(13, RNG_MISC, 3, 0);
  for (size_t q = 0; q < P; q++) zp[q] = gsl_ran_gaussian(rng, 1.0);
  for (size_t i = 0; i < m; i++) z[i] = gsl_ran_gaussian(rng, 1.0);
  ms_apply_packed(pr[1]->A, zp, az);
  ms_adjoint_packed(pr[1]->A, z, sp);
  double lhs = 0, rhs = 0;
  for (size_t i = 0; i < m; i++) lhs += az[i] * z[i];
  for (size_t q = 0; q < P; q++) rhs += zp[q] * sp[q];
  CHECK(fabs(lhs - rhs) <= 1e-12 * (fabs(lhs) + 1), "matrix-free adjoint identity: %.17g vs %.17g",
        lhs, rhs);
  /* Row 0 by the definition (column q of A = A e_q): the matrix-free product regenerates the rows
   * the stored operator holds. */
  memset(zp, 0, P * sizeof(double));
  zp[P - 1] = 1.0;
  ms_apply_packed(pr[1]->A, zp, az);
  CHECK(az[m - 1] == pr[0]->A->a[(m - 1) * P + P - 1] && az[0] == pr[0]->A->a[P - 1],
        "regenerated entries equal the stored ones");

  /* A smaller m from the same stream: the first rows of the larger operator, rescaled. */
  gsl_rng *ra = rng_stream(13, RNG_OPERATOR, 1, 0);
  ms_operator *B = ms_operator_alloc(n, 7);
  ms_operator_gaussian(B, ra);
  double worst = 0;
  for (size_t q = 0; q < 7 * P; q++)
    worst = fmax(worst, fabs(B->a[q] * sqrt(7.0) - pr[0]->A->a[q] * sqrt((double) m)));
  CHECK(worst < 1e-13, "m = 7 measures with the first rows of m = %zu (max diff %g)", m, worst);
  ms_operator_free(B);
  gsl_rng_free(ra);

  /* MS_AUTO: 100 x 2080 doubles = 1.6 MB are stored under the default budget, matrix-free under a
   * 1 MiB cap; a malformed cap is ignored. */
  CHECK(ms_memory_budget() > ((size_t) 1 << 20), "default budget: half the memory (%zu bytes)",
        ms_memory_budget());
  ms_operator *C = ms_operator_alloc_kind(n, 100, MS_AUTO);
  CHECK(C && !ms_operator_is_matrix_free(C), "auto: stored within the default budget");
  ms_operator_free(C);
  setenv("AR_MEM_BUDGET_MB", "1", 1);
  CHECK(ms_memory_budget() == ((size_t) 1 << 20), "AR_MEM_BUDGET_MB caps the budget");
  C = ms_operator_alloc_kind(n, 100, MS_AUTO);
  CHECK(C && ms_operator_is_matrix_free(C), "auto: matrix-free beyond the cap");
  ms_operator_free(C);
  C = ms_operator_alloc_kind(n, 60, MS_AUTO);
  CHECK(C && !ms_operator_is_matrix_free(C), "auto: 60 rows (1.0 MB < 1 MiB) stored");
  ms_operator_free(C);
  setenv("AR_MEM_BUDGET_MB", "1x", 1);
  CHECK(ms_memory_budget() > ((size_t) 1 << 20), "a malformed cap is ignored");
  unsetenv("AR_MEM_BUDGET_MB");

  gsl_rng_free(rng);
  free(zp); free(sp); free(z); free(az);
  for (int s = 0; s < 2; s++) { gsl_matrix_free(U[s]); ms_problem_free(pr[s]); }
}

/* ms_learn_times: the first t at which lambda_i(U_t U_t^T) >= frac sigma_i^2, against a plain loop of
 * ms_gd_step and the singular values of U; NAN when the cap comes first. */
static void test_learn_times(void)
{
  const size_t n = 8, r = 2, k = 8, m = 60;
  gsl_rng *rt = rng_stream(6, RNG_DATA, 1, 0), *ra = rng_stream(6, RNG_OPERATOR, 1, 0);
  gsl_rng *ri = rng_stream(6, RNG_INIT, 1, 1);
  ms_problem *pr = ms_problem_alloc(n, r, m, 2.0, rt, ra);
  gsl_matrix *U = gsl_matrix_alloc(n, k), *U0 = gsl_matrix_alloc(n, k);
  ms_init_small(U0, 1e-5, ri);
  ms_work *w = ms_work_alloc(n, k);
  la_work *la = la_work_alloc();
  gsl_vector *s = gsl_vector_alloc(n);
  double th[2], ref[2] = { NAN, NAN }, loss, test;
  size_t fail = 0;
  gsl_matrix_memcpy(U, U0);
  CHECK(ms_learn_times(pr, U, 0.1, 3000, 0.5, w, th, &fail) == 0, "ms_learn_times runs");
  gsl_matrix_memcpy(U, U0);
  for (size_t t = 0; t <= 3000 && isnan(ref[1]); t++) {
    la_singular_values(U, s, la);
    for (size_t i = 0; i < r; i++) {
      const double si = gsl_vector_get(s, i), li = gsl_vector_get(pr->sigma, i);
      if (isnan(ref[i]) && si * si >= 0.5 * li * li) ref[i] = (double) t;
    }
    ms_gd_step(pr, U, 0.1, w, &loss, &test);
  }
  CHECK(th[0] == ref[0] && th[1] == ref[1], "learn times %g %g vs plain loop %g %g", th[0], th[1], ref[0], ref[1]);
  CHECK(th[0] > 20 && th[0] < th[1], "the larger component first (%g < %g)", th[0], th[1]);
  gsl_matrix_memcpy(U, U0);
  CHECK(ms_learn_times(pr, U, 0.1, (size_t) th[1] - 1, 0.5, w, th, &fail) == 0 && !isnan(th[0]) && isnan(th[1]),
        "NAN for a component not learned by the cap");
  gsl_vector_free(s); la_work_free(la); ms_work_free(w);
  gsl_matrix_free(U); gsl_matrix_free(U0); ms_problem_free(pr);
  gsl_rng_free(rt); gsl_rng_free(ra); gsl_rng_free(ri);
}

/* Threads: the fused pass and five GD steps give the same bytes for 1, 2 and 3 threads, stored and
 * matrix-free (several chunks and a partial last one, so that every thread count splits the
 * chunks differently); and the same bytes as the products taken apart agree to rounding. */
static void test_threads(void)
{
  const size_t n = 60, r = 2, k = 4, m = 2000, P = ms_packed_size(n);
  const size_t chunk = ms_block_rows(n, m) * MS_CHUNK_BLOCKS;
  CHECK(m / chunk >= 3 && m % chunk != 0, "the test spans %zu chunks and a partial one", m / chunk);
  const ms_storage kinds[2] = { MS_STORED, MS_MATRIX_FREE };
  gsl_matrix *U[2][3];
  double *sp[2][3], ss[2][3], loss[2][3], test[2][3];
  for (int s = 0; s < 2; s++)
    for (int T = 1; T <= 3; T++) {
      gsl_rng *rt = rng_stream(17, RNG_DATA, 1, 0), *ra = rng_stream(17, RNG_OPERATOR, 1, 0);
      gsl_rng *ri = rng_stream(17, RNG_INIT, 1, 1);
      ms_problem *pr = ms_problem_alloc_kind(n, r, m, 2.0, rt, ra, kinds[s]);
      CHECK(pr && ms_operator_set_threads(pr->A, T) == 0 && pr->A->threads == T,
            "kind %d: %d threads set", s, T);
      double *zp = malloc(P * sizeof(double));
      sp[s][T - 1] = malloc(P * sizeof(double));
      ms_pack_weighted(pr->M, zp);
      for (size_t q = 0; q < P; q++) zp[q] *= 0.5;   /* a residual that is not zero */
      ss[s][T - 1] = ms_fused_residual_adjoint(pr->A, zp, pr->y, sp[s][T - 1]);
      U[s][T - 1] = gsl_matrix_alloc(n, k);
      ms_init_small(U[s][T - 1], 0.1, ri);
      ms_work *w = ms_work_alloc(n, k);
      for (int t = 0; t < 5; t++) ms_gd_step(pr, U[s][T - 1], 0.2, w, &loss[s][T - 1], &test[s][T - 1]);
      ms_work_free(w);
      free(zp);
      ms_problem_free(pr);
      gsl_rng_free(rt); gsl_rng_free(ra); gsl_rng_free(ri);
    }
  for (int s = 0; s < 2; s++)
    for (int T = 2; T <= 3; T++) {
      CHECK(same_bits(sp[s][0], sp[s][T - 1], P) && ss[s][0] == ss[s][T - 1],
            "kind %d: fused pass with %d threads = 1 thread, bit for bit", s, T);
      CHECK(same_bits(U[s][0]->data, U[s][T - 1]->data, n * k) && loss[s][0] == loss[s][T - 1] &&
            test[s][0] == test[s][T - 1], "kind %d: five GD steps with %d threads = 1 thread", s, T);
    }
  CHECK(same_bits(sp[0][0], sp[1][0], P) && same_bits(U[0][0]->data, U[1][0]->data, n * k),
        "stored = matrix-free with threads");
  CHECK(ss[0][0] > 0, "the residual is not zero (%g)", ss[0][0]);
  for (int s = 0; s < 2; s++)
    for (int T = 0; T < 3; T++) {
      free(sp[s][T]);
      gsl_matrix_free(U[s][T]);
    }
}

int main(void)
{
  proc_init();
  test_packing();
  test_adjoint();
  test_isotropy();
  test_gradient();
  test_run();
  test_sweep();
  test_landmarks();
  test_learn_times();
  test_matrix_free();
  test_threads();
  return check_done("test_sensing");
}
