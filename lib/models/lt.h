/* lt.h -- lifted tensor matrix sensing (Ma, Lavaei & Sojoudi 2023; prefix lt_).
 *
 * Base problem: symmetric sensing matrices A_1..A_m (n x n), ground truth M* = z z^T,
 * b_i = <A_i, M*>, unlifted loss f(x) = 1/4 sum_i (<A_i, x x^T> - b_i)^2.
 *
 * Lift of order l: w in R^N, N = n^l, a dense tensor stored row-major (mode 0 most significant:
 * w[(i_0 n + i_1) n + ... + i_{l-1}]).  For k in [m]^l
 *     meas_k(w) = vec(w)^T (A_{k_1} (x) ... (x) A_{k_l}) vec(w),   target_k = b_{k_1} ... b_{k_l},
 *     h(w) = 1/4 sum_k (meas_k(w) - target_k)^2,   grad h(w) = sum_k r_k (A_{k_1} (x) ...) w.
 * Summing over k factors: with G = sum_i vec(A_i) vec(A_i)^T (the n^2 x n^2 Gram matrix) and
 * E = w w^T - w* w*^T (N x N, w* = z^{(x)l}),  h = 1/4 <E, G^{(x)l} E> and grad h = (G^{(x)l} E) w,
 * where G acts on every index pair (i_s, j_s) of E.  No loop over the m^l multi-indices is needed.
 *
 * Two evaluation paths, chosen by the instance:
 *  - LT_GRAM (any operator, small n): G^{(x)l} applied mode by mode to the dense N x N matrix E,
 *    O(l n^{2l+2}) per gradient.
 *  - LT_MASK (the matrix-completion instance, A_(i,j) = mask_ij (e_i e_j^T + e_j e_i^T)/2 for every
 *    ordered pair): then G(X) = Omega o (X + X^T)/2 with Omega = mask o mask, so G^{(x)l} E is
 *    Omega^{(x)l} times the average of E over the 2^l partial transposes pi_S (swap i_s <-> j_s for
 *    s in S).  For E = w w^T each pi_S term (Omega^{(x)l} o pi_S(w w^T)) w is a contraction of three
 *    copies of w that is evaluated without forming an N x N matrix: with the modes of S first,
 *        g[i_S, i_K] = sum_{j_S} Omega^{(x)|S|}[i_S, j_S] w[j_S, i_K] Q[i_S, j_S, i_K],
 *        Q = (w[i_S, .] o w[j_S, .]) Omega^{(x)|K|}   (mode-wise products, K = complement of S),
 *    O(l n^{l+|S|+1}) flops; pi_S = pi_{K}, so only |S| <= l/2 is evaluated.  The target term is
 *    w* o Omega^{(x)l}(w* o w), and h = 1/4 (<w, g_W> - 2 <w, g_T> + <w*^2, Omega^{(x)l} w*^2>).
 *    For n = 10, l = 3 a gradient costs about 3e5 flops instead of the 1e6 x 2^l of a dense
 *    weighted N x N residual.
 *
 * Errors are GSL codes; a loss or iterate that is not finite gives GSL_ERUNAWAY.
 */
#ifndef AR_LT_H
#define AR_LT_H

#include <stddef.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>
#include "core/la.h"

typedef enum { LT_GRAM = 0, LT_MASK = 1 } lt_kind;

typedef struct {
  size_t n, m;
  lt_kind kind;
  double *A;       /* m x n x n, each A_i symmetric, row-major */
  double *b;       /* m: b_i = <A_i, z z^T> */
  double *z;       /* n: ground truth factor */
  double *gram;    /* n^2 x n^2: G[(a,b),(c,d)] = sum_i A_i[a,b] A_i[c,d] */
  double *omega;   /* n x n: mask o mask (LT_MASK only, else NULL) */
  double *U;       /* n x n: sum_i b_i A_i (the linear-regime matrix) */
  double *sigma;   /* n eigenvalues of U, decreasing */
  double *V;       /* n x n: column j (V[i*n + j]) is the eigenvector of sigma[j] */
  double *v1;      /* n: the spectral vector, column 0 of V, sign fixed so that <v1, z> >= 0 */
} lt_base;

/* The perturbed matrix-completion instance: z_i = 1 at even 0-based i (odd 1-based), mask rho
 * everywhere, 1 on the diagonal and on every odd 0-based (even 1-based) row and column;
 * m = n^2 matrices, one per ordered pair.  Requires n >= 2, 0 < rho <= 1. */
lt_base *lt_base_completion(size_t n, double rho);

/* A Gaussian instance: A_i = (G_i + G_i^T)/(2 sqrt(m)), G_i i.i.d. N(0,1), and z = z_norm times a
 * uniformly random unit vector (both from rng). */
lt_base *lt_base_gaussian(size_t n, size_t m, double z_norm, gsl_rng *rng);

/* The two-dimensional instance with delta ~ 0.54 (n = 2, m = 3, z = e_1): the operator is the
 * symmetric square root of the Gram form ||A(X)||^2 = 0.6 X11^2 + (2/3) X11 X22 + (2/3) X22^2
 * + 2 X12^2 in the coordinates (X11, X22, sqrt(2) X12).  x = (0, 1/sqrt 2) is a spurious local
 * minimum of f. */
lt_base *lt_base_delta(void);

/* An instance from explicit matrices A (m x n x n, symmetrized here) and z. */
lt_base *lt_base_from(size_t n, size_t m, const double *A, const double *z, lt_kind kind,
                      const double *omega);
void lt_base_free(lt_base *B);

/* Workspace for the lift of order l of base B (sizes fixed at allocation; nothing is allocated
 * afterwards).  Holds w* = z^{(x)l}. */
typedef struct lt_work lt_work;
lt_work *lt_work_alloc(const lt_base *B, size_t l);
void lt_work_free(lt_work *W);
size_t lt_work_order(const lt_work *W);
size_t lt_work_size(const lt_work *W);   /* N = n^l */

/* h(w) and, if grad != NULL, grad h(w) (length N).  GSL_ERUNAWAY if h is not finite. */
int lt_loss_grad(const lt_base *B, lt_work *W, const double *w, double *loss, double *grad);

/* h(x^{(x)l}) by the factorization: 1/4 sum_{k in [m]^l} (prod_s <A_{k_s}, x x^T> - prod_s b_{k_s})^2,
 * an explicit loop over the m^l multi-indices.  The reference implementation against which
 * M-identities checks lt_loss_grad (claim M1), and a test oracle; O(m^l), not for the runs. */
double lt_loss_factored(const lt_base *B, size_t l, const double *x);

/* out = x^{(x)l} (length n^l). */
void lt_power(const double *x, size_t n, size_t l, double *out);

/* x (rows x n^k, row-major) <- x with the n x n matrix M applied to each of its k trailing modes
 * (x <- x (I (x) M^T ... ) i.e. y[.., i_t, ..] = sum_j M[i_t, j] x[.., j, ..]).  tmp: same size. */
void lt_kron_apply(const double *M, size_t n, size_t rows, size_t k, double *x, double *tmp);

/* max over the l! permutations sigma of the modes of max_i |w_i - w_sigma(i)| (l <= 8). */
double lt_sym_defect(const double *w, size_t n, size_t l);

/* Best symmetric rank-1 approximation lambda u^{(x)l} of the symmetric part of w: higher-order power
 * method from the top singular vector of the mode-0 unfolding and from e_1..e_n (deterministic),
 * keeping the largest |lambda|.  For l = 1: u = w/|w|, lambda = |w|. */
int lt_rank1(const double *w, size_t n, size_t l, double *lambda, double *u, lt_work *W);

/* The read-out x = sign(lambda) |lambda|^{1/l} u, and its error ||x x^T - z z^T||_F. */
int lt_readout(const lt_base *B, lt_work *W, const double *w, double *x, double *dist);

/* kappa-hat = max_{u perp v, |u|=1} |<w, u^{(x)l}>| / |<w, v^{(x)l}>|  (v unit). */
int lt_kappa(const double *w, size_t n, size_t l, const double *v, double *kappa, lt_work *W);

/* ---- algorithms ------------------------------------------------------------------------------ */
typedef enum { LT_GD = 0, LT_CUSTOM = 1, LT_PGD = 2, LT_ADAM = 3 } lt_algo;

typedef struct {
  lt_algo algo;
  double eta;            /* step (GD, CustomGD, PGD) or learning rate (Adam) */
  size_t T;              /* iteration cap */
  double tol;            /* stop when h < tol */
  /* CustomGD: when |grad| < esc_grad after iteration esc_after, every esc_every such small-gradient
   * iterations take one escape step along u^{(x)l} (u: eigenvector of the smallest eigenvalue of
   * grad f(x x^T), x the read-out), with Armijo backtracking from armijo_step0, factor armijo_beta,
   * sufficient-decrease constant armijo_c. */
  double esc_grad;
  size_t esc_after, esc_every;
  double armijo_step0, armijo_beta, armijo_c;
  double noise;          /* PGD: norm of the Gaussian perturbation added to each gradient */
  double beta1, beta2, adam_eps;
} lt_config;

/* The published settings for algorithm a with step eta (paper and authors' code). */
lt_config lt_config_default(lt_algo a, double eta, size_t T, size_t n, size_t l);

typedef struct {
  size_t iters;      /* iterations taken (first t with h(w_t) < tol, or T) */
  double loss;       /* h at the end */
  int converged;     /* h < tol */
  size_t escapes;    /* escape steps taken (CustomGD) */
} lt_outcome;

/* Run from w (holding w_0; on return the last iterate).  trace (length T+1 or NULL) receives
 * h(w_t), NAN after stopping.  rng: PGD noise (may be NULL otherwise).  On divergence returns
 * GSL_ERUNAWAY with *fail_iter set. */
int lt_run(const lt_base *B, lt_work *W, const lt_config *cfg, double *w, gsl_rng *rng,
           double *trace, lt_outcome *out, size_t *fail_iter);

/* The small initialization w_0 = eps x0^{(x)l} / n^{l/2}. */
void lt_init(double *w, const double *x0, size_t n, size_t l, double eps);

/* One trial of the figures' protocol.  x0 = v1 + 0.01 g (LT_INIT_V1) or x0 = g (LT_INIT_GAUSS),
 * g ~ N(0, I_n) from rng_init, and w_0 = eps x0^{(x)l} / n^{l/2}; LT_INIT_UNIT (l = 1 only) is the
 * unlifted baseline's w_0 = g (eps ignored).  Runs cfg from w_0 (buffer w of length N, trace as in
 * lt_run), reads x out and counts a success when ||x x^T - z z^T||_F <= LT_SUCCESS_DIST. */
#define LT_SUCCESS_DIST 0.05
typedef enum { LT_INIT_V1 = 0, LT_INIT_GAUSS = 1, LT_INIT_UNIT = 2 } lt_init_kind;
typedef struct {
  int success;
  double dist;
  lt_outcome run;
} lt_trial_result;
int lt_trial(const lt_base *B, lt_work *W, const lt_config *cfg, lt_init_kind init, double eps,
             gsl_rng *rng_init, gsl_rng *rng_noise, double *w, double *trace, lt_trial_result *res,
             size_t *fail_iter);

/* One plain gradient step w <- w - eta grad h(w); *loss = h before the step. */
int lt_gd_step(const lt_base *B, lt_work *W, double *w, double eta, double *loss);

/* Learning time of the lifted problem (the synthesis section's definition): plain GD with step
 * eta from w until the only eigenvalue of w w^T, |w|^2, has reached frac * |z|^(2l) (the eigenvalue
 * of the lifted ground truth w* w*^T, w* = z^{(x)l}), or t = Tmax.  *t_hit = first such t (NAN if
 * not reached by Tmax).  On divergence returns GSL_ERUNAWAY with *fail_iter set. */
int lt_learn_time(const lt_base *B, lt_work *W, double *w, double eta, size_t Tmax, double frac,
                  double *t_hit, size_t *fail_iter);

/* One step of the linear-regime recursion w <- (I + eta U^{(x)l}) w, U = sum_i b_i A_i (the
 * dynamics of GD near w = 0, Lemma 12). */
void lt_linear_step(const lt_base *B, lt_work *W, double *w, double eta);

/* Second directional derivative of h at w along d by central differences with step s:
 * (h(w + s d) - 2 h(w) + h(w - s d)) / s^2.  NAN on failure. */
double lt_curvature(const lt_base *B, lt_work *W, const double *w, const double *d, double s);

/* Gradient of the unlifted loss at the matrix X = x x^T: S = sum_i (<A_i, x x^T> - b_i) A_i. */
void lt_base_gradmat(const lt_base *B, const double *x, double *S);

#endif
