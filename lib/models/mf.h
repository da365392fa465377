/* mf.h -- asymmetric matrix factorization by gradient descent (prefix mf_).
 *
 * Model (Jiang, Chen & Ding 2023; Du, Hu & Lee 2018).  Any X in R^{m x n}; factors F in R^{m x k},
 * G in R^{n x k}, k arbitrary (it may exceed rank X and even min(m, n)).
 *     f(F, G) = 1/2 ||F G^T - X||_F^2,   R = F G^T - X,
 *     grad_F = R G,   grad_G = R^T F,
 *     F <- F - eta_t R G,   G <- G - eta_t R^T F      (simultaneous: both from iterate t).
 * This is the one implementation of the factorization gradient in the artifact (J and D use it).
 * Step schedules: constant eta, or eta_t = eta0 / (t+1)^(1/2 + delta), 0 < delta <= 1/2 (Du et al.).
 *
 * Each step is three dgemm calls (R, R G, R^T F) into caller-owned workspace: no allocation in the
 * iteration loop.  A step whose iterate or loss is not finite returns GSL_ERUNAWAY (divergence).
 * Errors are GSL codes (GSL_EBADLEN for shape mismatch, GSL_ENOMEM).
 */
#ifndef AR_MF_H
#define AR_MF_H

#include <stddef.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_vector.h>
#include "core/la.h"

typedef struct {
  size_t m, n, k, r;
  gsl_matrix *R;        /* m x n: residual F G^T - X (after mf_gradient) */
  gsl_matrix *P;        /* m x n: the product F G^T (mf_product, mf_singular_values general path) */
  gsl_matrix *gF, *gG;  /* m x k, n x k: gradients (after mf_gradient) */
  gsl_matrix *QF, *QG;  /* m x k, n x k: QR scratch of the small-k singular values */
  gsl_matrix *core;     /* k x k: R_F R_G^T, or F^T F - G^T G (mf_imbalance) */
  gsl_matrix *A, *B;    /* r x k: U_r^T F, V_r^T G (mf_components) */
  gsl_vector *tauF, *tauG, *s;
  la_work *la;
} mf_work;

/* Workspace for m x n targets, width k, and r tracked components (r may be 0). */
mf_work *mf_work_alloc(size_t m, size_t n, size_t k, size_t r);
void mf_work_free(mf_work *w);

/* Numbers of one step, all at the iterate BEFORE the step. */
typedef struct {
  double loss;      /* 1/2 ||F G^T - X||_F^2 */
  double gF2, gG2;  /* ||grad_F||_F^2, ||grad_G||_F^2 */
} mf_stepinfo;

/* w->R <- F G^T - X, w->gF <- R G, w->gG <- R^T F; info (may be NULL) filled.  GSL_ERUNAWAY if the
 * loss is not finite. */
int mf_gradient(const gsl_matrix *X, const gsl_matrix *F, const gsl_matrix *G, mf_work *w,
                mf_stepinfo *info);

/* One GD step with step size eta from (F, G); info as in mf_gradient (before the step). */
int mf_step(const gsl_matrix *X, gsl_matrix *F, gsl_matrix *G, double eta, mf_work *w,
            mf_stepinfo *info);

/* F -= eta w->gF, G -= eta w->gG with the gradients left by mf_gradient (mf_step = mf_gradient +
 * mf_apply; split so that a caller can look at iterate t between the two).  GSL_ERUNAWAY if an entry
 * is not finite. */
int mf_apply(gsl_matrix *F, gsl_matrix *G, double eta, const mf_work *w);

/* Step-size schedule: constant (decaying = 0) or eta0 / (t+1)^(1/2 + delta). */
typedef struct {
  double eta0, delta;
  int decaying;
} mf_schedule;
double mf_step_size(const mf_schedule *s, size_t t);

/* Q (m x p, m >= p) <- orthonormal columns from a Gaussian matrix (QR with positive diag(R)). */
int mf_random_orthonormal(gsl_matrix *Q, gsl_rng *rng);

/* X <- U diag(sigma) V^T, U m x p, V n x p, sigma of length p; only the first r <= p components
 * when r < p (the best rank-r approximation X_r when the columns are orthonormal). */
int mf_build(gsl_matrix *X, const gsl_matrix *U, const gsl_vector *sigma, const gsl_matrix *V,
             size_t r);

/* F, G <- i.i.d. N(0, alpha^2) entries (F first, row by row, then G). */
void mf_init_gaussian(gsl_matrix *F, gsl_matrix *G, double alpha, gsl_rng *rng);

/* w->P <- F G^T; returns w->P. */
gsl_matrix *mf_product(const gsl_matrix *F, const gsl_matrix *G, mf_work *w);

/* Singular values of F G^T, decreasing, into s (length min(m, n)).  When k < min(m, n) the m x n
 * product is never formed: F = Q_F R_F, G = Q_G R_G, and the nonzero singular values of F G^T are
 * those of the k x k core R_F R_G^T (the rest are 0).  Otherwise via F G^T and LAPACK dgesdd. */
int mf_singular_values(const gsl_matrix *F, const gsl_matrix *G, gsl_vector *s, mf_work *w);

/* Tracked components i < r along given singular vectors U_r (m x r), V_r (n x r) of X:
 *     s_i  = u_i^T F G^T v_i                    (the learned i-th component)
 *     s0_i = ||u_i^T F + v_i^T G||^2 / 4        (= ||p_i||^2 / 2, p_i = (u_i^T F + v_i^T G)/sqrt 2,
 *                                               the amplitude of the growing mode)
 * Either output may be NULL.  Cost O(r (m + n) k). */
int mf_components(const gsl_matrix *F, const gsl_matrix *G, const gsl_matrix *Ur,
                  const gsl_matrix *Vr, gsl_vector *s, gsl_vector *s0, mf_work *w);

/* First-order emergence time (first t with s_i >= sigma_i / 2), from s_i(t+1) = s_i(1+eta sigma_i)^2
 * growth followed by logistic saturation:  ln(sigma/s0 - 1) / (2 ln(1 + eta sigma)).
 * NAN unless 0 < s0 < sigma and eta sigma > 0. */
double mf_t_pred(double sigma, double s0, double eta);

/* Balance of the factors: returns ||F^T F - G^T G||_F (uses w->core); *d (may be NULL) gets the
 * scalar D = ||F||_F^2 - ||G||_F^2 = trace(F^T F - G^T G). */
double mf_imbalance(const gsl_matrix *F, const gsl_matrix *G, mf_work *w, double *d);

/* A target with a given spectrum: X = U diag(sigma) V^T with U (m x p), V (n x p) orthonormal
 * (random, from rng: U first, then V), p = number of singular values <= min(m, n). */
typedef struct {
  size_t m, n, p;
  gsl_vector *sigma;
  gsl_matrix *U, *V, *X;
} mf_problem;
mf_problem *mf_problem_alloc(size_t m, size_t n, const double *sigma, size_t p, gsl_rng *rng);
void mf_problem_free(mf_problem *pr);

/* Emergence times of the first r components of pr (r <= w->r): GD with constant eta from (F, G)
 * until every s_i(t) >= sigma_i / 2 or t = Tmax.  t_emerge[i] = first such t (NAN if not reached),
 * s0[i] as in mf_components at t = 0.  On divergence returns GSL_ERUNAWAY with *fail_iter set. */
int mf_emergence(const mf_problem *pr, size_t r, gsl_matrix *F, gsl_matrix *G, double eta,
                 size_t Tmax, mf_work *w, double *t_emerge, double *s0, size_t *fail_iter);

/* Learning times by the spectrum of the product (basis-free; the synthesis section's definition):
 * GD with constant eta from (F, G) until, for every i < r, the i-th largest singular value of
 * F_t G_t^T has reached frac * sigma_i (sigma_i = pr->sigma[i]), or t = Tmax.  t_hit[i] = first such
 * t (NAN if not reached by Tmax).  r <= pr->p.  On divergence returns GSL_ERUNAWAY with *fail_iter
 * set.  Allocates one vector of length min(m, n) per call (not per iteration). */
int mf_learn_times(const mf_problem *pr, size_t r, gsl_matrix *F, gsl_matrix *G, double eta,
                   size_t Tmax, double frac, mf_work *w, double *t_hit, size_t *fail_iter);

/* The spectrum of the J experiments: the decreasing head, then `tail` repeated up to min(m, n)
 * values (tail = 0: no tail).  Writes into sigma (capacity cap), returns the count p. */
size_t mf_spectrum(const double *head, size_t nhead, double tail, size_t m, size_t n,
                   double *sigma, size_t cap);

#endif
