/* cc_protocol.h -- the clustering experiments' protocol (W; prefix cc_): the synthetic blobs, the
 * exact path on CARP's geometric grid, partitions read off a path, and the cost measurement of one
 * configuration in its own process. */
#ifndef AR_CC_PROTOCOL_H
#define AR_CC_PROTOCOL_H

#include <gsl/gsl_rng.h>
#include "models/cc_path.h"

/* n points in p dimensions, point i in blob b = i mod nb, centred at sep (cos, sin)(2 pi b / nb) in
 * the first two coordinates (0 elsewhere), plus N(0, sd^2) noise from rng; column-major n x p,
 * columns centred (cc_center), with *xnorm = ||X||_F.  NULL if out of memory. */
double *cc_blobs(size_t n, size_t p, size_t nb, double sep, double sd, gsl_rng *rng, double *xnorm);

/* The exact path on CARP's grid 1e-6 t^j, j = 0 .. ceil(ln(1e9)/ln t) + 1 (from CARP's start past
 * the level where everything fuses), as cc_exact with RULE, TOL, CAP and MAX_TOTAL. */
int cc_exact_geometric(cc_admm *a, double t, cc_rule rule, double tol, size_t cap, size_t max_total, cc_path *h);

/* The accuracy study at one t (W-accuracy): CARP from 1e-6 with step ratio t, every iterate kept
 * (into carp), and on its grid the exact path under the R package's rule (exr) and under the
 * 1e-12 rule (ex, every level kept).  0, or the ADMM's error code. */
int cc_accuracy_at(cc_admm *a, double t, cc_path *carp, cc_path *exr, cc_path *ex);

/* The largest ||U_c(s) - U_e(s)||_F over the levels s both paths stored (the same-lambda error). */
double cc_same_level_dist(const cc_path *c, const cc_path *e);

/* part[K n + i] = the label of i in the first stored iterate of H with K clusters; seen[K] = 1 if
 * any (part: (n+1) x n, seen: n+1 entries, zeroed by the caller; lab, par, sz: n each, scratch). */
void cc_partitions(const cc_path *h, const cc_graph *g, size_t *part, unsigned char *seen, size_t *lab,
                   size_t *par, size_t *sz);

/* ---- cost of one configuration (W-speed) ----------------------------------------------------- */
enum { CC_SPEED_CARP = 0, CC_SPEED_VIZ = 1, CC_SPEED_EXACT_R = 2, CC_SPEED_EXACT = 3, CC_SPEED_SOLVE = 4 };

typedef struct {
  const double *x;          /* the data, n x p column-major, centred */
  size_t n, p;
  const cc_graph *g;
  int method;               /* CC_SPEED_... */
  double t, gamma_hi;       /* CARP's step ratio; the exact paths' grid end */
  size_t grid, max_total, reps;
  cc_solver solver;
} cc_speed_job;

typedef struct {
  int ok;
  size_t steps, levels, complete;
  double gamma_end, seconds, mb;
} cc_speed_result;

/* Run the job in a child process, so that its peak resident memory (getrusage in the child, MB) is
 * its own; seconds: the wall time of the solver alone (weights excluded).  CARP and CARP-VIZ run
 * from 1e-6 with t (VIZ: 1.1 then 1.01, 15 tries); the exact paths on `grid` points from 1e-6 to
 * gamma_hi, under the R package's rule (2500 steps a level) or the 1e-12 rule (max_total steps in
 * all; running out is reported as incomplete); SOLVE factors I + D^T D and solves `reps` times. */
cc_speed_result cc_speed_run(const cc_speed_job *j);

/* Every configuration of W-speed on one data set, each run by cc_speed_run, in this order: the
 * solver timing (CHOLMOD, then dense; reps solves), CARP at every t of ts, CARP-VIZ if viz, then
 * the exact path under the R package's rule on every grid size of grids (budget max_total_r, 0:
 * none) and, if max_total > 0, under the 1e-12 rule on the first grid with that budget.  The exact
 * paths' grids end at twice CARP(1.05)'s last level (or the largest t's).  Fills jobs[] and res[]
 * (room for CC_SPEED_MAXJ) and returns their number. */
#define CC_SPEED_MAXJ 64
size_t cc_speed_all(const double *x, size_t n, size_t p, const cc_graph *g, const double *ts, size_t nt,
                    const double *grids, size_t ngrids, size_t max_total, size_t max_total_r, size_t reps, int viz,
                    cc_speed_job *jobs, cc_speed_result *res);

#endif
