/* cbass.h -- convex biclustering by algorithmic regularization: CBASS (prefix cbass_).
 *
 * Convex biclustering (Chi, Allen & Baraniuk 2017) of X (n x p) fuses rows and columns at once:
 *     U(lambda) = argmin_U 1/2 ||X - U||_F^2
 *                 + lambda ( sum_{l=(i,j) in E_r} w_l ||U_i. - U_j.||_2 + sum_{l=(k,m) in E_c} w_l ||U_.k - U_.m||_2 );
 * rows i and j share a row cluster at lambda when U_i. = U_j., columns likewise, and a bicluster is a
 * row cluster times a column cluster.  CBASS, the second method of the R package clustRviz, traces
 * the path by algorithmic regularization (one step per level, gamma <- t gamma, as CARP in
 * cc_path.h) with the package's splitting, the generalized ADMM of its vignette "Computational
 * Details of the CARP and CBASS Algorithms": with D_r (|E_r| x n) the row graph's difference
 * operator and D_c (p x |E_c|) the column graph's (column l = e_k - e_m),
 *     U   <- [X + alpha U + rho D_r^T (V_r - Z_r - D_r U) + rho (V_c - Z_c - U D_c) D_c^T] / (1 + alpha)
 *     V_r <- group soft-threshold of each row l of T_r = D_r U + Z_r at gamma w_l / rho,  Z_r <- T_r - V_r
 *     V_c <- group soft-threshold of each column l of T_c = U D_c + Z_c,                Z_c <- T_c - V_c
 * The quadratic alpha/2 ||dU||^2 - rho/2 ||D_r dU||^2 - rho/2 ||dU D_c||^2 added to the U-problem
 * turns the Sylvester equation of plain ADMM into this explicit update: no linear system is solved,
 * and neither D_r nor D_c is formed (each product runs over an edge list, cc.h).  Start (the
 * package's): U = X, V_r = D_r X, V_c = X D_c, Z_r = Z_c = 0.  An edge is fused when its row (column)
 * of V is exactly zero; the path ends when every row and every column edge is fused.
 *
 * Weights (the package's defaults): X is centred globally (its grand mean subtracted); the row graph
 * is cc_weights of the rows of X and the column graph cc_weights of the rows of X^T (the same rule
 * as CARP's: RBF kernel, variance-maximizing phi, smallest connected symmetrised kNN graph); then
 * the row weights are scaled to sum to 1/sqrt(n) and the column weights to 1/sqrt(p).
 *
 * Storage: column-major as in cc.h.  U, X: n x p.  V_r, Z_r: |E_r| x p (entry (l, c) at c |E_r| + l,
 * as CARP's V).  V_c, Z_c: n x |E_c| (column l of U D_c at l n, contiguous).  Errors: GSL codes as
 * in cc.h.  No allocation inside the iteration loops except when a path's storage grows.
 */
#ifndef AR_CBASS_H
#define AR_CBASS_H

#include <stddef.h>
#include "models/cc.h"
#include "models/cc_path.h"

/* ---- data and weights ---------------------------------------------------------------------- */

/* Subtract the grand mean of the n x p matrix x (in place); returns that mean (the sum in storage
 * order divided by n p). */
double cbass_center(double *x, size_t n, size_t p);

/* The package's row and column graphs of x (n x p, column-major, centred by the caller): *gr on
 * the n rows, *gc on the p columns, weights scaled to sum to 1/sqrt(n) and 1/sqrt(p).  Returns 0,
 * or GSL_EINVAL / GSL_ENOMEM (message printed) with *gr = *gc = NULL. */
int cbass_weights(const double *x, size_t n, size_t p, cc_graph **gr, cc_graph **gc);

/* The package's alpha: twice the product of the two graphs' largest degrees, raised when needed to
 * 2 rho (d_r + d_c) >= rho (lambda_max(D_r^T D_r) + lambda_max(D_c D_c^T)), which makes the added
 * quadratic positive semidefinite (the two agree whenever rho = 1 and both degrees are >= 2).
 * NAN when out of memory (which cbass_admm_alloc rejects). */
double cbass_alpha(const cc_graph *gr, const cc_graph *gc, double rho);

/* ---- the generalized ADMM step ------------------------------------------------------------------- */

/* The state (U, V_r, Z_r, V_c, Z_c) is held as U, T_r = V_r + Z_r, T_c = V_c + Z_c and one factor per
 * edge: every step sets V_l = s_l T_l (the soft-threshold, s_l in [0, 1], exactly 0 when fused) and
 * Z_l = T_l - V_l = (1 - s_l) T_l, so T and s determine V and Z (cbass_admm_split forms them). */
typedef struct {
  size_t n, p, ner, nec;
  const cc_graph *gr, *gc;
  double rho, alpha;
  const double *x;            /* n x p data (the caller's array, not copied) */
  double *u;                  /* n x p */
  double *tr, *sr;            /* |E_r| x p and |E_r| */
  double *tc, *sc;            /* n x |E_c| and |E_c| */
  double *vnorm_r, *vnorm_c;  /* ||V_l|| after the last step (0 exactly when fused) */
  double *rhs;                /* n x p scratch */
} cbass_admm;

/* Allocate and reset.  NULL on bad arguments (graph sizes, rho or alpha not positive) or memory. */
cbass_admm *cbass_admm_alloc(const double *x, size_t n, size_t p, const cc_graph *gr,
                             const cc_graph *gc, double rho, double alpha);
void cbass_admm_free(cbass_admm *a);

/* U = X, V_r = D_r X, V_c = X D_c, Z_r = Z_c = 0; nothing fused. */
void cbass_admm_reset(cbass_admm *a);

/* One step at level gamma (the updates above).  0, or GSL_ERUNAWAY when U is not finite. */
int cbass_admm_step(cbass_admm *a, double gamma);

/* V_r, Z_r (|E_r| x p) and V_c, Z_c (n x |E_c|) of the current state, into caller buffers. */
void cbass_admm_split(const cbass_admm *a, double *vr, double *zr, double *vc, double *zc);

/* 1 when every row edge and every column edge is fused. */
int cbass_admm_fused(const cbass_admm *a);

/* ---- biclusters ------------------------------------------------------------------------------------ */

/* The mean of x (n x p, column-major) over each bicluster of a labelling: rows labelled
 * labr[i] < kr, columns labc[c] < kc (e.g. cc_path_labels of the two records at one stored level);
 * means (kr x kc, row-major: means[a kc + b]) and counts (the same shape, may be NULL).  A bicluster
 * without entries gets NAN. */
void cbass_block_means(const double *x, size_t n, size_t p, const size_t *labr, size_t kr,
                       const size_t *labc, size_t kc, double *means, size_t *counts);

/* ---- paths ---------------------------------------------------------------------------------------- */

/* A biclustering path: two cc_path records of the same stored iterates, one per graph (row->u holds
 * the iterates when kept; col never keeps them).  Labels, dendrograms and Hausdorff distances are
 * read off with the functions of cc_path.h: (row, gr) for the rows, (col, gc) for the columns. */
typedef struct {
  cc_path *row, *col;
} cbass_path;

cbass_path *cbass_path_alloc(size_t n, size_t p, size_t ner, size_t nec, int keep_u);
void cbass_path_free(cbass_path *h);

/* CBASS from the reset state: `burnin` steps at eps, then one step per level gamma <- t gamma until
 * every row and column edge is fused, i.e. after 50 + ln(gamma_end/eps)/ln t steps with the
 * defaults.  Stores the iterate after burn-in, whenever a row or column edge newly fuses, every
 * `every`-th step and the last (the same stored index in both records).  GSL_EMAXITER when
 * max_steps is reached first. */
int cbass_run(cbass_admm *a, const cc_carp_config *cfg, cbass_path *h);

/* The exact biclustering path on a grid (increasing levels): from the reset state, iterate at each
 * level until one step changes U, V (both graphs) and Z (both graphs) each by less than tol ||X||_F
 * in Frobenius norm (or `cap` steps, counted in row->capped), store the iterate, and stop at the
 * first converged level where every edge is fused.  (A rule on U alone would stop after the first
 * step of every level that follows a converged one: that step leaves U exactly where it was, the
 * new level reaching V only.)  max_total > 0 caps the total number of steps (GSL_EMAXITER; the
 * levels done so far stay stored). */
int cbass_exact(cbass_admm *a, const double *grid, size_t ngrid, double tol, size_t cap,
                size_t max_total, cbass_path *h);

#endif
