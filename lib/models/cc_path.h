/* cc_path.h -- convex clustering paths by algorithmic regularization, and what is read off them
 * (prefix cc_): CARP, CARP-VIZ, the exact path on a grid, cluster labels, the dendrogram, the
 * adjusted Rand index and the Hausdorff distance between paths.  The model, the weights and the
 * ADMM step are in cc.h; storage conventions (column-major) and error codes as there. */
#ifndef AR_CC_PATH_H
#define AR_CC_PATH_H

#include <stddef.h>
#include "models/cc.h"

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

/* Building a path step by step (what cc_carp, cc_carp_viz and cc_exact_run do, open to other
 * algorithms on the same edge bookkeeping, e.g. the row and column graphs of cbass.h).  vnorm holds
 * the ne norms ||V_l|| of the current state (exactly 0 when edge l is fused), u its iterate
 * (n x p, read only when the path keeps iterates).  The caller counts steps in path->steps. */
/* Start afresh: nothing stored, nothing fused, no steps (the object can record several runs). */
void cc_path_clear(cc_path *path);
/* Edges fused in vnorm that the path has not yet recorded as fused. */
size_t cc_path_count_new(const cc_path *path, const double *vnorm);
/* 1 when every one of the ne norms is zero (every edge fused). */
int cc_path_all_zero(const double *vnorm, size_t ne);
/* Store the state at level gamma when it fuses new edges or when `force`; the number of new
 * fusions goes to *nnew (when not NULL).  GSL_ENOMEM when the storage cannot grow. */
int cc_path_observe(cc_path *path, const double *u, const double *vnorm, double gamma, int force,
                    size_t *nnew);

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

/* An iterative solver as the exact path sees it (ADMM here, AMA in cc_ama.h): one call takes a step
 * at level gamma, the pointers show its current iterates (stable between steps). */
typedef struct {
  void *solver;
  int (*step)(void *solver, double gamma);   /* one iteration; 0 or a GSL error code */
  void (*level)(void *solver);               /* called before each grid level (NULL: nothing) */
  size_t n, p, ne;
  const double *x;                           /* the data, n x p */
  const double *u;                           /* U, n x p */
  const double *vnorm;                       /* ne: ||V_l|| (0 exactly when edge l is fused) */
  const double *edge[2];                     /* edge iterates (ne x p) the R rule also checks */
  size_t nedge;                              /* how many of edge[] are used (<= 2) */
  void (*report)(void *ctx, size_t levels);  /* called after each grid level (NULL: nothing), */
  void *ctx;                                 /* e.g. for a progress bar */
} cc_iterate;

/* ADMM as an iterate: its step, U, ||V_l||, and V and Z as the edge iterates; no report. */
cc_iterate cc_admm_iterate(cc_admm *a);

/* The exact path of any solver, from its current state (the caller resets it): at each grid level
 * iterate until the rule holds (or `cap` steps), store the iterate, and stop at the first converged
 * level where every row of V is zero.  Under CC_RULE_R the mean squared change of U and of each
 * edge iterate must be below tol.  max_total > 0 caps the total number of steps (GSL_EMAXITER). */
int cc_exact_run(const cc_iterate *it, const double *grid, size_t ngrid, cc_rule rule, double tol,
                 size_t cap, size_t max_total, cc_path *path);

/* The exact path by ADMM (cc_exact_run of cc_admm_iterate from the reset state): at each grid level
 * iterate ADMM until the rule holds (or `cap` steps), store the converged iterate, and stop at the first converged level where every
 * row of V is zero.  grid: increasing levels.  max_total > 0 caps the total number of steps
 * (GSL_EMAXITER when reached; the levels done so far stay stored). */
int cc_exact(cc_admm *a, const double *grid, size_t ngrid, cc_rule rule, double tol, size_t cap,
             size_t max_total, cc_path *path);

/* ---- clusters, dendrogram, comparisons ------------------------------------------------------ */

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

/* The partition into K clusters (1 <= K <= n) read off a dendrogram: the first n - K merges of
 * merge (nmerge rows, hclust convention) applied to n singletons; labels (n) numbered 0, 1, ... in
 * order of first appearance.  Returns the number of clusters (> K when nmerge < n - K).
 * parent, size: n scratch each. */
size_t cc_dendrogram_cut(const int *merge, size_t nmerge, size_t n, size_t K, size_t *labels,
                         size_t *parent, size_t *size);

/* The stored iterate that holds the path's partition at level lambda: the last s with
 * gamma[s] <= lambda (every fusion is stored, so the partition is constant until the next stored
 * level), or SIZE_MAX when lambda is below the first stored level (no fusion yet). */
size_t cc_path_at(const cc_path *path, double lambda);

/* Cluster centroids from observed entries only: cent (K x p, column-major) = the mean of x over
 * the members of each cluster at which the column is observed (observed NULL: every entry), NAN
 * when no member observes it; count (K x p) = the number of entries averaged.
 * x: n x p, column-major; labels < K. */
void cc_centroids(const double *x, const unsigned char *observed, size_t n, size_t p,
                  const size_t *labels, size_t K, double *cent, size_t *count);

/* Adjusted Rand index of two labelings (labels < n). */
double cc_ari(const size_t *a, const size_t *b, size_t n);

/* Hausdorff distance between the point sets A (na points) and B (nb points) of dimension dim,
 * stored point after point: max(max_a min_b ||a - b||, max_b min_a ||a - b||). */
double cc_hausdorff(const double *A, size_t na, const double *B, size_t nb, size_t dim);

#endif
