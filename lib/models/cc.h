/* cc.h -- convex clustering: weights, the edge graph and the ADMM step (prefix cc_).
 *
 * Weylandt, Nagorski & Allen (JCGS 2020).  Rows x_i of X (n x p) are clustered by
 *     U(lambda) = argmin_U 1/2 ||X - U||_F^2 + lambda sum_{l=(i,j) in E} w_l ||U_i - U_j||_2;
 * i and j share a cluster at lambda when U_i = U_j.  The module provides
 *   - the weights (package defaults): w_ij = exp(-phi ||x_i - x_j||^2) on the centred data, phi the
 *     grid value 10^-10..10^10 maximizing the sample variance of the weights, then a symmetrised
 *     k-nearest-neighbour mask with the smallest k >= 1 that makes the graph connected;
 *   - the edge difference operator D (row l = e_i^T - e_j^T for edge l = (i, j), i < j, edges in
 *     lexicographic order) applied as D U and D^T V in O(|E| p) from the edge list, never formed;
 *   - the ADMM step of the spec (rho = 1 by default) with I + rho D^T D (identity plus a graph
 *     Laplacian) factored ONCE, by CHOLMOD (sparse) or LAPACK dpotrf (dense), never inverted;
 *   - CARP (one ADMM step per level, gamma <- t gamma), CARP-VIZ (back-tracking so that each
 *     accepted step fuses at most one edge), and the exact path (converged ADMM on a grid);
 *   - fusion bookkeeping, union-find clusters, the dendrogram in R's hclust merge/height
 *     convention, the adjusted Rand index and the Hausdorff distance between two paths.
 *
 * Storage: matrices in this module are COLUMN-major arrays (entry (r, c) of an R x C matrix is
 * a[c * R + r]), the layout CHOLMOD and LAPACK solve in place; so are the stored iterates.
 * Errors: GSL codes (GSL_ENOMEM, GSL_EINVAL for bad arguments or a disconnected graph,
 * GSL_EFAILED for a failed factorization, GSL_ERUNAWAY for a non-finite iterate).
 * Workspaces are allocated once; the iteration loops allocate nothing except when a path's
 * storage grows (amortised doubling).
 */
#ifndef AR_CC_H
#define AR_CC_H

#include <stddef.h>

/* ---- weights and the edge graph ---------------------------------------------------------- */

typedef struct {
  size_t n, ne;     /* points and edges */
  size_t *ei, *ej;  /* edge l joins ei[l] < ej[l]; lexicographic order */
  double *w;        /* weights w_l > 0 */
  double phi;       /* chosen bandwidth */
  size_t k;         /* chosen number of neighbours */
} cc_graph;

/* A column-major copy of the row-major n x p matrix x (malloc'd; NULL if out of memory). */
double *cc_colmajor(const double *x, size_t n, size_t p);

/* Subtract the column means of the n x p column-major matrix x (in place). */
void cc_center(double *x, size_t n, size_t p);

/* Squared Euclidean distances between the rows of x (n x p, column-major) into d2 (n x n,
 * symmetric, zero diagonal). */
void cc_sqdist(const double *x, size_t n, size_t p, double *d2);

/* The phi rule: argmax over phi = 10^e, e = -10..10, of the sample variance (divisor m - 1) of
 * exp(-phi d2[q]) over the m pair distances d2[0..m-1]; the first maximizer on ties. */
double cc_choose_phi(const double *d2pairs, size_t m);

/* The package's kNN mask for the n x n weight matrix w (zero diagonal): mask[i*n+j] = 1 when
 * w_ij > 0 and w_ij >= the k-th largest entry of row i (so ties at the boundary are all kept),
 * symmetrised (i ~ j when either row selects the other). */
void cc_knn_mask(const double *w, size_t n, size_t k, unsigned char *mask);

/* 1 when the graph of mask (n x n, symmetric) is connected. */
int cc_connected(const unsigned char *mask, size_t n);

/* The whole weights rule on the rows of x (n x p, column-major, used as given: centre first).
 * Weights are those of the package: exp(-phi d^2), the same matrix that ranks neighbours.
 * Returns NULL when no k <= n - 1 gives a connected graph (message on stderr) or out of memory. */
cc_graph *cc_weights(const double *x, size_t n, size_t p);

/* The weights rule with either part fixed: phi > 0 is used as given (else the variance rule), and
 * k >= 1 as given (else the smallest k that connects the graph).  Returns 0 and the graph in *out;
 * GSL_EINVAL when n < 2, when phi is not finite, or when the given k (or every k <= n - 1) leaves
 * the graph disconnected (then *kmin, if not NULL, is the smallest k that connects it, 0 if none);
 * GSL_ENOMEM.  Prints nothing.  cc_weights(x, n, p) is cc_weights_opt(x, n, p, 0, 0, ...) plus a
 * message on failure. */
int cc_weights_opt(const double *x, size_t n, size_t p, double phi, size_t k, cc_graph **out, size_t *kmin);

/* A graph from an explicit edge list (for tests): edges must satisfy i < j, lexicographic. */
cc_graph *cc_graph_make(size_t n, size_t ne, const size_t *ei, const size_t *ej, const double *w);
void cc_graph_free(cc_graph *g);

/* out (ne x p) = D u (u: n x p); out (n x p) = D^T v (v: ne x p).  Column-major. */
void cc_diff(const cc_graph *g, size_t p, const double *u, double *out);
void cc_diff_t(const cc_graph *g, size_t p, const double *v, double *out);

/* The same operator on a graph whose points are the COLUMNS of a matrix (the column graph of
 * biclustering): out (m x ne) = u D^T, column l = u_{:,i} - u_{:,j} for edge l = (i, j) (u: m x n);
 * out (m x n) = v D, the adjoint (v: m x ne).  Column-major, so each edge moves a contiguous column. */
void cc_diff_cols(const cc_graph *g, size_t m, const double *u, double *out);
void cc_diff_cols_t(const cc_graph *g, size_t m, const double *v, double *out);

/* ---- ADMM ---------------------------------------------------------------------------------- */

typedef enum { CC_SOLVER_CHOLMOD = 0, CC_SOLVER_DENSE = 1 } cc_solver;

typedef struct cc_factor cc_factor;   /* opaque: a factorization of I + rho D^T D */

typedef struct {
  size_t n, p, ne;
  const cc_graph *g;
  double rho;
  const double *x;    /* n x p data (the caller's array, kept alive and unchanged after
                       * cc_admm_alloc, which also stores a permuted copy for the sparse step) */
  const unsigned char *observed;   /* NULL (complete data, the default), or n x p with 0 at each
                                    * missing cell of x: set by the caller after cc_admm_alloc */
  double *u;          /* n x p */
  double *v, *z;      /* ne x p: split variable V ~ D U and scaled dual Z */
  double *vnorm;      /* ne: ||V_l||_2 after the last step (0 exactly when fused) */
  double *rhs;        /* scratch n x p (the dense solver's right-hand sides) */
  double *t;          /* ne x p: T = D U + Z of the last step (V = scale T, Z = T - V) */
  double *scale;      /* ne: the last soft-threshold factors */
  int keep_vz;        /* 1 (after cc_admm_alloc): v and z are written at every step; 0: the sparse
                       * step keeps only T and the scales (what it reads: less memory traffic),
                       * and v, z are stale until cc_admm_vz -- CARP runs this way */
  int threads;        /* threads for the step (1 after cc_admm_alloc; the caller may set it, e.g.
                       * from proc_threads()): results are bit-identical for every count */
  cc_factor *f;
} cc_admm;

/* Allocate and factor I + rho D^T D once.  NULL on failure (message on stderr). */
cc_admm *cc_admm_alloc(const double *x, size_t n, size_t p, const cc_graph *g, double rho,
                       cc_solver solver);
void cc_admm_free(cc_admm *a);

/* U = X, V = Z = D X (T = 2 D X, scales 1/2). */
void cc_admm_reset(cc_admm *a);

/* One ADMM step at level gamma:
 *   U <- (I + rho D^T D)^{-1} [X + rho D^T (V - Z)];  T = D U + Z;
 *   V_l <- (1 - gamma w_l / (rho ||T_l||))_+ T_l;      Z <- T - V.
 * Missing data (observed != NULL): the loss is 1/2 ||P_obs(X - U)||_F^2 over the observed cells
 * only.  As in the R package, each step minimizes its majorizer at the current U, i.e. X in the U
 * update is replaced by  P_obs(X) + P_miss(U)  (missing cells filled with the current U); a fixed
 * point satisfies the optimality conditions of the masked problem.  Without a mask nothing changes.
 * With the sparse solver the step works on groups of 4 columns (right-hand side, solve, U and T
 * of the group while it is in cache), then on blocks of edges (norms, threshold, V and Z); with
 * a->threads > 1 the groups, then the edge blocks, are split among OpenMP threads.  Each entry is
 * computed by the same floating-point operations in the same order as in the one-thread step (and
 * the solve is CHOLMOD's own arithmetic, see cc_ldl.h), so the results do not depend on the count.
 * Returns 0, or GSL_ERUNAWAY when an entry of U is not finite (the state is then unspecified). */
int cc_admm_step(cc_admm *a, double gamma);

/* Solve (I + rho D^T D) Y = B in place (B: n x p), through the stored factorization (the sparse
 * solver gives cholmod_solve2's bits). */
int cc_admm_solve(cc_admm *a, double *b);

/* V = scale T and Z = T - V from the stored T and scales (what a step with keep_vz writes). */
void cc_admm_vz(cc_admm *a);

/* Copy the state (U, T, the scales, the norms: V and Z follow) to / from a caller buffer of
 * cc_admm_state_size doubles; restore forms V and Z when keep_vz (or with the dense solver). */
size_t cc_admm_state_size(const cc_admm *a);
void cc_admm_save(const cc_admm *a, double *buf);
void cc_admm_restore(cc_admm *a, const double *buf);

#endif
