/* cvxclust.h -- convex clustering paths by algorithmic regularization (prefix cc_).
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
#ifndef AR_CVXCLUST_H
#define AR_CVXCLUST_H

#include <stddef.h>
#include "csv.h"

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

/* A graph from an explicit edge list (for tests): edges must satisfy i < j, lexicographic. */
cc_graph *cc_graph_make(size_t n, size_t ne, const size_t *ei, const size_t *ej, const double *w);
void cc_graph_free(cc_graph *g);

/* out (ne x p) = D u (u: n x p); out (n x p) = D^T v (v: ne x p).  Column-major. */
void cc_diff(const cc_graph *g, size_t p, const double *u, double *out);
void cc_diff_t(const cc_graph *g, size_t p, const double *v, double *out);

/* A data set ready for clustering: the CSV's matrix, column-major and column-centred (as the
 * package does by default), with the file's labels kept in raw. */
typedef struct {
  size_t n, p;
  double *x;       /* n x p, column-major, centred */
  double xnorm;    /* ||X||_F of the centred data */
  csv_data *raw;
} cc_data;

/* Load PATH (csv.h rules); NULL on error (message printed). */
cc_data *cc_data_load(const char *path);
void cc_data_free(cc_data *d);

/* ---- ADMM ---------------------------------------------------------------------------------- */

typedef enum { CC_SOLVER_CHOLMOD = 0, CC_SOLVER_DENSE = 1 } cc_solver;

typedef struct cc_factor cc_factor;   /* opaque: a factorization of I + rho D^T D */

typedef struct {
  size_t n, p, ne;
  const cc_graph *g;
  double rho;
  const double *x;    /* n x p data (the caller's array, not copied) */
  double *u;          /* n x p */
  double *v, *z;      /* ne x p: split variable V ~ D U and scaled dual Z */
  double *vnorm;      /* ne: ||V_l||_2 after the last step (0 exactly when fused) */
  double *rhs, *t;    /* scratch n x p and ne x p */
  double *scale;      /* scratch ne: soft-threshold factors */
  cc_factor *f;
} cc_admm;

/* Allocate and factor I + rho D^T D once.  NULL on failure (message on stderr). */
cc_admm *cc_admm_alloc(const double *x, size_t n, size_t p, const cc_graph *g, double rho,
                       cc_solver solver);
void cc_admm_free(cc_admm *a);

/* U = X, V = Z = D X. */
void cc_admm_reset(cc_admm *a);

/* One ADMM step at level gamma:
 *   U <- (I + rho D^T D)^{-1} [X + rho D^T (V - Z)];  T = D U + Z;
 *   V_l <- (1 - gamma w_l / (rho ||T_l||))_+ T_l;      Z <- T - V.
 * Returns 0, or GSL_ERUNAWAY when an entry of U is not finite. */
int cc_admm_step(cc_admm *a, double gamma);

/* Solve (I + rho D^T D) Y = B in place (B: n x p), through the stored factorization. */
int cc_admm_solve(cc_admm *a, double *b);

/* Copy the state (U, V, Z) to / from a caller buffer of cc_admm_state_size doubles. */
size_t cc_admm_state_size(const cc_admm *a);
void cc_admm_save(const cc_admm *a, double *buf);
void cc_admm_restore(cc_admm *a, const double *buf);

/* ---- paths --------------------------------------------------------------------------------- */

/* A path: stored iterates with their level, and when each edge first fused (cumulatively). */
typedef struct {
  size_t n, p, ne;
  size_t nstore, cap;
  double *gamma;       /* level of each stored iterate */
  size_t *step;        /* ADMM step count at each stored iterate */
  size_t *nfused;      /* cumulative fused edges at each stored iterate */
  double *u;           /* nstore x (n p) iterates when keep_u, else NULL */
  int keep_u;
  size_t *fuse_at;     /* ne: stored index where edge l first fused, SIZE_MAX if never */
  double *fuse_key;    /* ne: ||V_l|| at the stored iterate before the fusion (tie order) */
  double *key_prev;    /* ne: ||V_l|| at the last stored iterate (internal) */
  size_t steps;        /* total ADMM steps */
  double gamma_end;    /* level where every row of V was zero (NAN if never) */
  size_t max_new;      /* most edges newly fused by one accepted step */
  size_t tries_out;    /* CARP-VIZ: accepted steps whose bisection ran out of tries */
  size_t max_new_ok;   /* CARP-VIZ: most new edges in one accepted step whose tries did not run out */
  size_t capped;       /* exact path: levels that hit the iteration cap */
} cc_path;

cc_path *cc_path_alloc(size_t n, size_t p, size_t ne, int keep_u);
void cc_path_free(cc_path *path);

typedef struct {
  double t;            /* step ratio > 1 (CARP) */
  double eps;          /* starting level, 1e-6 */
  size_t burnin;       /* burn-in steps at eps, 50 */
  size_t every;        /* also store every `every`-th iterate after burn-in, 10 (0: never) */
  size_t max_steps;    /* safety cap on the number of steps */
} cc_carp_config;

/* CARP from the reset state: burn-in at eps, then one step per level gamma <- t gamma until every
 * row of V is zero.  Stores the iterate after burn-in, whenever the cumulative fused set changes,
 * every `every`-th step, and the last.  GSL_EMAXITER when max_steps is reached first. */
int cc_carp(cc_admm *a, const cc_carp_config *cfg, cc_path *path);

/* CARP-VIZ: t = t0 (1.1) until the first fusion, then t1 (1.01); a step that fuses two or more
 * new edges is undone and gamma bisected (geometrically) between the last accepted level and the
 * trial level, at most `tries` (15) times, until exactly one new edge fuses.  Every accepted step
 * is stored. */
int cc_carp_viz(cc_admm *a, const cc_carp_config *cfg, double t0, double t1, size_t tries,
                cc_path *path);

typedef enum {
  CC_RULE_DU = 0,   /* ||U_k - U_{k-1}||_F < tol ||X||_F (tol 1e-12)                       */
  CC_RULE_R = 1     /* the R package: mean squared change of U, V and Z each below tol (1e-10) */
} cc_rule;

/* The exact path: from the reset state, at each grid level iterate ADMM until the rule holds (or
 * `cap` steps), store the converged iterate, and stop at the first converged level where every
 * row of V is zero.  grid: increasing levels.  max_total > 0 caps the total number of steps
 * (GSL_EMAXITER when reached; the levels done so far stay stored). */
int cc_exact(cc_admm *a, const double *grid, size_t ngrid, cc_rule rule, double tol, size_t cap,
             size_t max_total, cc_path *path);

/* ---- clusters, dendrogram, comparisons ------------------------------------------------------ */

/* Union-find with path halving and union by size; parent and size have n entries. */
void cc_uf_init(size_t *parent, size_t *size, size_t n);
size_t cc_uf_find(size_t *parent, size_t i);
int cc_uf_union(size_t *parent, size_t *size, size_t i, size_t j);   /* 1 if merged */

/* Cluster labels (0, 1, ... in order of first appearance) of the cumulative fused graph at stored
 * iterate s; returns the number of clusters.  parent, size: n scratch each. */
size_t cc_path_labels(const cc_path *path, const cc_graph *g, size_t s, size_t *labels,
                      size_t *parent, size_t *size);

/* The dendrogram of a path, hclust convention: merge is (n-1) x 2 row-major; a negative entry -i
 * is observation i (1-based), a positive entry k is the cluster made at merge row k (1-based);
 * height nondecreasing.  Edges fusing at the same stored iterate are taken in increasing order of
 * fuse_key and their heights spread linearly between the previous and the current stored level.
 * order (n): leaves left to right (0-based) for drawing.  Returns the number of merges (n - 1
 * when the path ends in one cluster). */
size_t cc_dendrogram(const cc_path *path, const cc_graph *g, int *merge, double *height,
                     size_t *order);

/* Segments that draw the dendrogram: for merge k, lines (x0, y0) -- (x1, y1) into seg (up to
 * 3 per merge, 4 doubles each); x of leaf order[r] is r + 1, a cluster sits at the mean of its
 * children.  Returns the number of segments. */
size_t cc_dendrogram_segments(const int *merge, const double *height, const size_t *order,
                              size_t n, size_t nmerge, double *seg);

/* Adjusted Rand index of two labelings (labels < n). */
double cc_ari(const size_t *a, const size_t *b, size_t n);

/* Hausdorff distance between the point sets A (na points) and B (nb points) of dimension dim,
 * stored point after point: max(max_a min_b ||a - b||, max_b min_a ||a - b||). */
double cc_hausdorff(const double *A, size_t na, const double *B, size_t nb, size_t dim);

#endif
