/* cc_ama.h -- convex clustering by AMA, the alternating minimization algorithm of Chi & Lange
 * ("Splitting methods for convex clustering", JCGS 2015), as in their R package cvxclustr
 * (prefix cc_ama_).  The baseline the CARP paper's timings compare against.
 *
 * The problem is that of cc.h.  AMA is proximal gradient ascent on the dual: with one multiplier
 * row Lambda_l per edge (ne x p) and the edge difference operator D of cc.h,
 *     U <- X + D^T Lambda;    T = Lambda - nu D U;    Lambda_l <- T_l min(1, gamma w_l / ||T_l||)
 * (projection of T_l onto the ball of radius gamma w_l).  The primal split variable is
 *     V_l = prox_{gamma w_l / nu}((D U)_l - Lambda_l / nu),  so  ||V_l|| = (||T_l|| - gamma w_l)_+ / nu
 * with T_l taken before the projection: edge l is fused (V_l = 0 exactly) when T_l lies in the ball.
 * Convergence needs nu < 2 / rho(D^T D); cc_ama_step_size gives the package's choice.
 * Accelerated AMA (the package's default) takes the step from the extrapolated multiplier
 * S = Lambda + (k - 2)/(k + 1) (Lambda - Lambda_prev) from the third iteration k of a level on (the
 * package restarts the momentum at every level of a path).  Its convergence needs nu <= 1 / rho(D^T D):
 * pass half of cc_ama_step_size (with the package's full step the accelerated iteration is not
 * guaranteed to converge, and on small examples it does not).
 *
 * Storage column-major as in cc.h; errors as there.  The workspace is allocated once; steps
 * allocate nothing.  The graph, the data and the path storage are the caller's (cc.h, cc_path.h).
 */
#ifndef AR_CC_AMA_H
#define AR_CC_AMA_H

#include <stddef.h>
#include "models/cc.h"
#include "models/cc_path.h"

typedef struct {
  size_t n, p, ne;
  const cc_graph *g;
  const double *x;     /* n x p data (the caller's array, not copied) */
  double nu;           /* step size */
  int accelerate;      /* 1: accelerated AMA */
  size_t k;            /* iterations since the last restart of the momentum */
  double *u;           /* n x p: U = X + D^T S of the last step */
  double *lam;         /* ne x p: the multipliers Lambda */
  double *lam_prev;    /* ne x p: Lambda one iteration earlier (acceleration) */
  double *t;           /* ne x p scratch */
  double *vnorm;       /* ne: ||V_l|| after the last step (0 exactly when fused) */
  double *scale;       /* ne scratch: projection factors */
} cc_ama;

/* The package's step size: 1.9999 / min(max over edges (i, j) of deg(i) + deg(j), n), an upper
 * bound on the largest eigenvalue of the graph Laplacian D^T D (Anderson & Morley) inverted, so
 * that nu < 2 / rho(D^T D). */
double cc_ama_step_size(const cc_graph *g);

/* Allocate for the data x (n x p) on graph g with step nu > 0.  NULL on failure (GSL_EINVAL for
 * bad arguments, GSL_ENOMEM). */
cc_ama *cc_ama_alloc(const double *x, size_t n, size_t p, const cc_graph *g, double nu, int accelerate);
void cc_ama_free(cc_ama *a);

/* Lambda = 0 (so U = X), no momentum, nothing fused. */
void cc_ama_reset(cc_ama *a);

/* Restart the momentum (the next two steps are plain AMA steps). */
void cc_ama_restart(cc_ama *a);

/* One (accelerated) AMA step at level gamma.  Returns 0, or GSL_ERUNAWAY when an entry of U is not
 * finite. */
int cc_ama_step(cc_ama *a, double gamma);

/* AMA as an iterate of the exact path (cc_path.h): its step, the momentum restarted before every
 * level, U, ||V_l||, and the multipliers as the edge iterate of CC_RULE_R; no report. */
cc_iterate cc_ama_iterate(cc_ama *a);

/* The exact path by AMA: cc_exact_run of cc_ama_iterate from the reset state (Lambda = 0),
 * warm-started from level to level. */
int cc_ama_exact(cc_ama *a, const double *grid, size_t ngrid, cc_rule rule, double tol, size_t cap,
                 size_t max_total, cc_path *path);

#endif
