/* sensing.h -- symmetric low-rank matrix sensing by gradient descent (prefix ms_).
 *
 * Model (Stoger & Soltanolkotabi 2021; Li, Ma & Zhang 2018).  Ground truth X = V_X diag(s) with
 * V_X in R^{n x r} orthonormal and s linearly spaced from 1 down to 1/kappa (so ||X|| = 1).
 * Measurements A_i = (G_i + G_i^T)/2 with G_i i.i.d. N(0,1), i = 1..m;
 *     A(Z)_i = <A_i, Z>/sqrt(m),   A*(z) = sum_i z_i A_i / sqrt(m),   y = A(X X^T),
 * so that E[A*A(Z)] = Z for symmetric Z.  Loss f(U) = 1/4 ||A(U U^T) - y||^2, U in R^{n x k},
 * gradient A*(A(U U^T) - y) U, and gradient descent U <- U - mu A*(A(U U^T) - y) U.
 *
 * Storage: only the n(n+1)/2 independent entries of each A_i are kept, row i of an m x P array
 * (P = n(n+1)/2), upper triangle row by row, already divided by sqrt(m).  The diagonal of A_i is
 * drawn N(0,1) and the off-diagonal N(0,1/2): the same law as (G + G^T)/2.  Against a symmetric Z
 * packed with its off-diagonal entries doubled ("weighted packing"), <A_i, Z>/sqrt(m) is a plain dot
 * product.  The hot loop is memory-bound, so the residual r_i = <A_i,Z>/sqrt(m) - y_i and the
 * accumulation S += r_i A_i are fused into one pass over the operator (a block of rows at a time,
 * two dgemv on a block that is still in cache): about four times fewer bytes than two dense
 * m x n^2 products.
 *
 * Per-row streams and the matrix-free operator.  Drawing the operator takes one 32-bit key from
 * the caller's generator; row i (from 0) is then drawn alone from an mt19937 seeded with
 * rng_derive(key, RNG_OPERATOR, i + 1, 0).  So any row can be regenerated on demand: a
 * MATRIX-FREE operator stores only the key and redraws each block of rows on every application
 * (no m x P array; each product costs P Gaussian draws per measurement instead of 8P bytes read).
 * Every product runs block by block with the same block size (ms_block_rows) for both kinds, so a
 * matrix-free operator gives the same results, bit for bit, as the stored one with the same key.
 * MS_AUTO stores the operator when its m P doubles fit in ms_memory_budget() (half the physical
 * memory, or AR_MEM_BUDGET_MB mebibytes when that environment variable is set: a cap for testing
 * the switch), else goes matrix-free.  An operator is not reentrant: its scratch lives inside it.
 *
 * Errors are GSL codes.  A step whose loss or iterate is not finite returns GSL_ERUNAWAY (the run
 * diverged); ms_run reports the iteration.
 */
#ifndef AR_SENSING_H
#define AR_SENSING_H

#include <stddef.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_vector.h>
#include "la.h"
#include "progress.h"

typedef struct {
  size_t n, m, P;
  double *a;           /* m x P, row i = packed upper triangle of A_i / sqrt(m); NULL if matrix-free */
  unsigned long key;   /* row i is drawn from rng_derive(key, RNG_OPERATOR, i + 1, 0) */
  size_t block;        /* rows per block in every product (ms_block_rows) */
  double *res;         /* scratch: block residuals */
  double *blk;         /* matrix-free scratch: block x P regenerated rows (NULL if stored) */
  gsl_rng *gen;        /* matrix-free generator (NULL if stored) */
} ms_operator;

typedef enum { MS_AUTO = 0, MS_STORED, MS_MATRIX_FREE } ms_storage;

/* Number of packed entries n(n+1)/2. */
size_t ms_packed_size(size_t n);

/* Rows per block: max(MS_BLOCK_MIN_ROWS, MS_BLOCK_BYTES / (8P)), at most m.  A function of n and
 * m only (never of the machine), because the block size fixes the summation order of the adjoint.
 * 1 MiB: the block read from memory by the first product is re-read from the last-level cache by
 * the second, and several rows per block let the transposed product update sp once per block
 * instead of once per row (measured on a 32 MiB-L3 machine: 128 KiB to 4 MiB blocks, 1-2 MiB
 * fastest).  At least 8 rows for large n (16 MB at n = 700): with one row per block the transposed
 * product would read and write all of sp once per measurement. */
#ifndef MS_BLOCK_BYTES
#define MS_BLOCK_BYTES (1024u * 1024u)
#endif
#define MS_BLOCK_MIN_ROWS 8u
size_t ms_block_rows(size_t n, size_t m);

/* Bytes an operator may occupy under MS_AUTO: AR_MEM_BUDGET_MB (a positive integer) MiB if set,
 * else half the physical memory. */
size_t ms_memory_budget(void);

/* Allocate an m x P operator (stored and zeroed, or matrix-free, or chosen by MS_AUTO); draw a
 * Gaussian one from rng (one key drawn from rng, then row by row from the per-row streams).
 * ms_operator_alloc(n, m) is ms_operator_alloc_kind(n, m, MS_STORED). */
ms_operator *ms_operator_alloc(size_t n, size_t m);
ms_operator *ms_operator_alloc_kind(size_t n, size_t m, ms_storage kind);
int ms_operator_gaussian(ms_operator *A, gsl_rng *rng);
int ms_operator_is_matrix_free(const ms_operator *A);
void ms_operator_free(ms_operator *A);

/* Products on packed vectors: out (length m) <- A zp; sp (length P) <- A^T z. */
int ms_apply_packed(const ms_operator *A, const double *zp, double *out);
int ms_adjoint_packed(const ms_operator *A, const double *z, double *sp);

/* zp (length P) <- upper triangle of symmetric Z with off-diagonal entries doubled. */
void ms_pack_weighted(const gsl_matrix *Z, double *zp);
/* S (n x n, both triangles) <- the symmetric matrix whose upper triangle is packed in sp. */
void ms_unpack_sym(const double *sp, gsl_matrix *S);

/* out <- A(Z) for symmetric Z; zp is caller scratch of length P; out and z contiguous. */
int ms_apply(const ms_operator *A, const gsl_matrix *Z, gsl_vector *out, double *zp);
/* S <- A*(z); sp is caller scratch of length P. */
int ms_adjoint(const ms_operator *A, const gsl_vector *z, gsl_matrix *S, double *sp);
/* The fused pass: with r_i = a_i . zp - y_i, sp <- sum_i r_i a_i (packed A*(r)); returns sum r_i^2. */
double ms_fused_residual_adjoint(const ms_operator *A, const double *zp, const gsl_vector *y,
                                 double *sp);

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


/* Phase landmarks of one trajectory (Stoger & Soltanolkotabi's three phases), from a trace with
 * diagnostics every iteration and the power-method deviation:
 *   phase1_end = first t with pm_dev[t] > pm_level (the iterates leave the power method)
 *   phase2_end = first t >= phase1_end with signal[t] >= sigma_min / sqrt(10)
 *   plateau_t  = argmin over [phase1_end, phase2_end) of |ln test[t+1] - ln test[t]|, and
 *   plateau    = test[plateau_t] (the saddle plateau)
 *   t_hit      = first t with test[t] < hit_level
 * Missing landmarks are T+1 (and plateau NAN). */
typedef struct {
  size_t phase1_end, phase2_end, plateau_t, t_hit;
  double plateau;
} ms_landmarks;
void ms_find_landmarks(const ms_trace *tr, double sigma_min, double pm_level, double hit_level,
                       ms_landmarks *lm);

/* Validate the shape options shared by the sensing experiments (1 <= r <= n, r <= k, m >= 1):
 * one error line and OPT_EXIT_USAGE on violation, else 0.  Warns (run goes on) when
 * m >= n(n+1)/2: then A is injective on symmetric matrices and there is no overfitting regime. */
#include "opt.h"
int ms_validate(const opt_parser *p, long n, long r, long k, long m);

/* A sweep: every alpha x data seed x init seed, one run of T steps each, with the outcomes that the
 * S experiments summarize.  Streams: truth (seed, RNG_DATA, d), operator (seed, RNG_OPERATOR, d),
 * init (seed, RNG_INIT, d, i), d and i counted from 1; the operator is drawn row by row, so with
 * the same data seed a smaller m measures with the first rows of a larger one. */
typedef struct {
  size_t n, r, k, m;
  double kappa, mu;
  size_t T;
  size_t noise_every;   /* track the noise every so many iterations when alpha <= noise_alpha_max */
  double noise_alpha_max;
  double hit_level;     /* t_hit = first t with test < hit_level */
  unsigned long seed;
  size_t data_seeds, init_seeds;
} ms_sweep_config;

typedef struct {
  double alpha;
  size_t data_seed, init_seed;
  double test, train;   /* at t = T */
  double train0;        /* f(U_0) */
  double noise_max;     /* max over tracked t of ||U_t W_perp||, NAN when not tracked */
  size_t t_hit;         /* T + 1 if never */
} ms_outcome;

/* Fills out[(a * data_seeds + d) * init_seeds + i].  On divergence returns GSL_ERUNAWAY with
 * *fail_alpha and *fail_iter set.  bar may be NULL. */
int ms_sweep(const ms_sweep_config *cfg, const double *alphas, size_t na, ms_outcome *out,
             prog_bar *bar, double *fail_alpha, size_t *fail_iter);

#endif
