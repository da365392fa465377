/* ms.h -- symmetric low-rank matrix sensing by gradient descent (prefix ms_).
 *
 * Model (Stoger & Soltanolkotabi 2021; Li, Ma & Zhang 2018).  Ground truth X = V_X diag(s) with
 * V_X in R^{n x r} orthonormal and s linearly spaced from 1 down to 1/kappa (so ||X|| = 1).
 * Measurements A_i = (G_i + G_i^T)/2 with G_i i.i.d. N(0,1), i = 1..m;
 *     A(Z)_i = <A_i, Z>/sqrt(m),   A*(z) = sum_i z_i A_i / sqrt(m),   y = A(X X^T),
 * so that E[A*A(Z)] = Z for symmetric Z.  Loss f(U) = 1/4 ||A(U U^T) - y||^2, U in R^{n x k},
 * gradient A*(A(U U^T) - y) U, and gradient descent U <- U - mu A*(A(U U^T) - y) U.
 *
 * The measurement operator (storage, products, matrix-free rows) is ms_operator.h.
 *
 * Errors are GSL codes.  A step whose loss or iterate is not finite returns GSL_ERUNAWAY (the run
 * diverged); ms_run reports the iteration.
 */
#ifndef AR_MS_H
#define AR_MS_H

#include <stddef.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_vector.h>
#include "core/la.h"
#include "models/ms_operator.h"

typedef struct {
  size_t n, r, m;
  double kappa;
  gsl_vector *sigma;   /* singular values of X, decreasing, sigma[0] = 1 */
  gsl_matrix *VX;      /* n x r orthonormal */
  gsl_matrix *X;       /* n x r */
  gsl_matrix *M;       /* X X^T */
  double M_norm;       /* ||X X^T||_F */
  ms_operator *A;
  gsl_vector *y;       /* A(X X^T) */
  gsl_matrix *spec;    /* A*(y): the spectral initializer's matrix */
  gsl_matrix *L;       /* n x r: top-r eigenvectors of A*(y) */
} ms_problem;

/* Draw a problem: X from rng_truth, the operator from rng_operator (separate streams, so that the
 * same truth can be measured by operators of different sizes).  Requires 1 <= r <= n, m >= 1,
 * kappa >= 1.  NULL on failure (GSL error raised). */
ms_problem *ms_problem_alloc(size_t n, size_t r, size_t m, double kappa, gsl_rng *rng_truth,
                             gsl_rng *rng_operator);
/* The same with the operator's storage chosen by the caller (ms_problem_alloc uses MS_AUTO). */
ms_problem *ms_problem_alloc_kind(size_t n, size_t r, size_t m, double kappa, gsl_rng *rng_truth,
                                  gsl_rng *rng_operator, ms_storage kind);
void ms_problem_free(ms_problem *pr);

/* U <- alpha * G, G_ij i.i.d. N(0, 1/k) with k = U->size2. */
void ms_init_small(gsl_matrix *U, double alpha, gsl_rng *rng);

/* Per-iteration scratch for width k. */
typedef struct {
  size_t n, k;
  gsl_matrix *Z, *S, *G;   /* n x n, n x n, n x k */
  double *zp, *sp;         /* P each */
} ms_work;
ms_work *ms_work_alloc(size_t n, size_t k);
void ms_work_free(ms_work *w);

/* Loss f(U) and test error ||U U^T - X X^T||_F / ||X X^T||_F at U; leaves A*(A(UU^T) - y) in w->S.
 * GSL_ERUNAWAY if the loss is not finite. */
int ms_evaluate(const ms_problem *pr, const gsl_matrix *U, ms_work *w, double *loss, double *test);

/* One gradient step U <- U - mu A*(A(UU^T) - y) U; *loss and *test are those of U before the step. */
int ms_gd_step(const ms_problem *pr, gsl_matrix *U, double mu, ms_work *w, double *loss,
               double *test);

/* Gradient of f at U into grad (n x k). */
int ms_gradient(const ms_problem *pr, const gsl_matrix *U, gsl_matrix *grad, ms_work *w);

/* Learning times by the spectrum of U U^T (the synthesis section's definition): gradient descent
 * with step mu from U until, for every i < pr->r, the i-th largest eigenvalue of U_t U_t^T (the
 * square of the i-th singular value of U_t) has reached frac * sigma_i^2 (sigma_i^2: the i-th
 * eigenvalue of X X^T), or t = Tmax.  t_hit[i] = first such t (NAN if not reached by Tmax).  On
 * divergence returns GSL_ERUNAWAY with *fail_iter set.  Allocates its spectrum scratch per call. */
int ms_learn_times(const ms_problem *pr, gsl_matrix *U, double mu, size_t Tmax, double frac,
                   ms_work *w, double *t_hit, size_t *fail_iter);

/* Diagnostics of Stoger & Soltanolkotabi at one iterate.  With V_X^T U = V Sigma W^T:
 *   signal    = sigma_r(V_X^T U)
 *   noise     = ||U W_perp||_2 = ||U - U W W^T||_2
 *   sin_truth = sin of the largest principal angle between span(X) and L_U (top-r left singular
 *               space of U)
 *   sin_spec  = the same between L (top-r eigenspace of A*(y)) and L_U */
typedef struct {
  double signal, noise, sin_truth, sin_spec;
} ms_diag;

typedef struct {
  gsl_matrix *B, *Bu, *Bv, *UW, *N, *Uu, *Uv, *C, *R;
  gsl_vector *Bs, *Us;
  la_work *la;
} ms_diag_work;
ms_diag_work *ms_diag_work_alloc(size_t n, size_t r, size_t k);
void ms_diag_work_free(ms_diag_work *w);
int ms_diagnose(const ms_problem *pr, const gsl_matrix *U, ms_diag *d, ms_diag_work *w);

/* Only the noise ||U W_perp||_2 (a third of the cost of ms_diagnose); NAN on failure. */
double ms_noise(const ms_problem *pr, const gsl_matrix *U, ms_diag_work *w);

/* A whole run of T steps, recording per-iteration test error and loss (t = 0..T) and optionally
 * the diagnostics every `diag_every` iterations (0: never) and the deviation from the power method
 * ||U_t - Ut~||_F/||Ut~||_F, Ut~ = (I + mu A*(y))^t U_0 (tracked until it exceeds 0.5, NAN after). */
typedef struct {
  double mu;
  size_t T;
  size_t diag_every;
  int power_method;
  double pm_stop;   /* > 0: stop at the first t with deviation > pm_stop (diagnosed there) */
  size_t noise_every;   /* > 0: record only the noise every noise_every iterations (cheaper) */
} ms_config;

typedef struct {
  size_t T;
  size_t t_end;                               /* last iteration recorded */
  double *test, *train;                       /* length T+1 */
  double *signal, *noise, *sin_truth, *sin_spec, *pm_dev;  /* length T+1, NAN where not computed */
} ms_trace;

ms_trace *ms_trace_alloc(size_t T);
void ms_trace_free(ms_trace *tr);

/* Run from U (holding U_0; on return U_T).  On divergence returns GSL_ERUNAWAY with *fail_iter
 * set to the iteration whose iterate was not finite. */
int ms_run(const ms_problem *pr, const ms_config *cfg, gsl_matrix *U, ms_trace *tr,
           size_t *fail_iter);

/* First t with x[t] < level (x of length T+1); T+1 if never. */
size_t ms_first_below(const double *x, size_t T, double level);


#endif
