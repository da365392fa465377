/* cc_protocol.c -- see cc_protocol.h. */
#include "cc_protocol.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include "child.h"
#include "core/la.h"
#include "io/proc.h"

double *cc_blobs(size_t n, size_t p, size_t nb, double sep, double sd, gsl_rng *rng, double *xnorm)
{
  double *x = malloc(n * p * sizeof *x);
  if (!x) return NULL;
  for (size_t i = 0; i < n; i++) {
    const double ang = 6.283185307179586 * (double) (i % nb) / (double) nb;
    for (size_t c = 0; c < p; c++) {
      const double centre = c == 0 ? sep * cos(ang) : c == 1 ? sep * sin(ang) : 0;
      x[c * n + i] = centre + gsl_ran_gaussian(rng, sd);
    }
  }
  cc_center(x, n, p);
  double s = 0;
  for (size_t q = 0; q < n * p; q++) s += x[q] * x[q];
  *xnorm = sqrt(s);
  return x;
}

int cc_exact_geometric(cc_admm *a, double t, cc_rule rule, double tol, size_t cap, size_t max_total, cc_path *h)
{
  const size_t m = (size_t) ceil(log(1e9) / log(t)) + 2;   /* eps 1e-6 .. 1e3 x the data scale */
  double *grid = malloc(m * sizeof *grid);
  if (!grid) return GSL_ENOMEM;
  for (size_t j = 0; j < m; j++) grid[j] = 1e-6 * pow(t, (double) j);
  const int rc = cc_exact(a, grid, m, rule, tol, cap, max_total, h);
  free(grid);
  return rc;
}

int cc_accuracy_at(cc_admm *a, double t, cc_path *carp, cc_path *exr, cc_path *ex)
{
  const cc_carp_config cfg = { t, 1e-6, 50, 1, 100000000 };
  int rc = cc_carp(a, &cfg, carp);
  if (!rc) rc = cc_exact_geometric(a, t, CC_RULE_R, 1e-10, 2500, 0, exr);
  if (!rc) rc = cc_exact_geometric(a, t, CC_RULE_DU, 1e-12, 100000, 0, ex);
  return rc;
}

double cc_same_level_dist(const cc_path *c, const cc_path *e)
{
  const size_t np = c->n * c->p, m = c->nstore < e->nstore ? c->nstore : e->nstore;
  double err = 0;
  for (size_t s = 0; s < m; s++) {
    double d = 0;
    for (size_t q = 0; q < np; q++) { const double r = c->u[s * np + q] - e->u[s * np + q]; d += r * r; }
    err = fmax(err, sqrt(d));
  }
  return err;
}

void cc_partitions(const cc_path *h, const cc_graph *g, size_t *part, unsigned char *seen, size_t *lab,
                   size_t *par, size_t *sz)
{
  const size_t n = g->n;
  for (size_t s = 0; s < h->nstore; s++) {
    const size_t K = cc_path_labels(h, g, s, lab, par, sz);
    if (!seen[K]) {
      seen[K] = 1;
      for (size_t i = 0; i < n; i++) part[K * n + i] = lab[i];
    }
  }
}

/* The work of one configuration (in the child). */
static cc_speed_result work(const cc_speed_job *j)
{
  cc_speed_result r = { 0 };
  cc_admm *a = cc_admm_alloc(j->x, j->n, j->p, j->g, 1.0, j->solver);
  cc_path *h = a ? cc_path_alloc(j->n, j->p, j->g->ne, 0) : NULL;
  if (!h) return r;
  a->threads = proc_threads();   /* AR_THREADS (default 1): the same bytes for every count */
  const cc_carp_config cfg = { j->t, 1e-6, 50, 10, 100000000 };
  double t0 = proc_seconds();
  int rc = 0;
  if (j->method == CC_SPEED_CARP) rc = cc_carp(a, &cfg, h);
  else if (j->method == CC_SPEED_VIZ) rc = cc_carp_viz(a, &cfg, 1.1, 1.01, 15, h);
  else if (j->method == CC_SPEED_SOLVE) {
    /* factor (again, timed) and solve reps right-hand sides of the data's width */
    cc_admm_free(a);
    t0 = proc_seconds();
    a = cc_admm_alloc(j->x, j->n, j->p, j->g, 1.0, j->solver);
    for (size_t k = 0; a && k < j->reps; k++) {
      memcpy(a->rhs, j->x, j->n * j->p * sizeof(double));
      rc = cc_admm_solve(a, a->rhs);
    }
    h->steps = j->reps;
  } else {
    double *grid = malloc(j->grid * sizeof *grid);
    if (!grid) return r;
    for (size_t q = 0; q < j->grid; q++)
      grid[q] = 1e-6 * pow(j->gamma_hi / 1e-6, (double) q / (double) (j->grid - 1));
    rc = j->method == CC_SPEED_EXACT_R ? cc_exact(a, grid, j->grid, CC_RULE_R, 1e-10, 2500, j->max_total, h)
                                       : cc_exact(a, grid, j->grid, CC_RULE_DU, 1e-12, 100000, j->max_total, h);
    free(grid);
    if (rc == GSL_EMAXITER) rc = 0;   /* the step budget ran out: reported as incomplete */
  }
  r.seconds = proc_seconds() - t0;
  r.ok = rc == 0 && a != NULL;
  r.steps = h->steps;
  r.levels = h->nstore;
  r.gamma_end = h->gamma_end;
  r.complete = isfinite(h->gamma_end);
  cc_path_free(h);
  cc_admm_free(a);
  return r;
}

static int work_fn(const void *j, void *r)
{
  *(cc_speed_result *) r = work(j);
  return 0;
}

cc_speed_result cc_speed_run(const cc_speed_job *j)
{
  cc_speed_result r = { 0 };
  child_usage u;
  if (child_run(work_fn, j, &r, sizeof r, &u)) r.ok = 0;
  else r.mb = u.peak_mb;
  return r;
}

size_t cc_speed_all(const double *x, size_t n, size_t p, const cc_graph *g, const double *ts, size_t nt,
                    const double *grids, size_t ngrids, size_t max_total, size_t max_total_r, size_t reps, int viz,
                    cc_speed_job *jobs, cc_speed_result *res)
{
  const cc_speed_job base = { x, n, p, g, CC_SPEED_CARP, 1.05, 0, 0, 0, 0, CC_SOLVER_CHOLMOD };
  size_t k = 0;
  for (int sv = 0; sv < 2; sv++) {   /* the solver measurement */
    jobs[k] = base; jobs[k].method = CC_SPEED_SOLVE; jobs[k].reps = reps;
    jobs[k].solver = sv ? CC_SOLVER_DENSE : CC_SOLVER_CHOLMOD; k++;
  }
  for (size_t i = 0; i < nt; i++) { jobs[k] = base; jobs[k].t = ts[i]; k++; }
  if (viz) { jobs[k] = base; jobs[k].method = CC_SPEED_VIZ; k++; }
  for (size_t i = 0; i < k; i++) res[i] = cc_speed_run(&jobs[i]);
  double ghi = NAN;
  for (size_t i = 0; i < k; i++)
    if (jobs[i].method == CC_SPEED_CARP && res[i].ok && (isnan(ghi) || jobs[i].t == 1.05)) ghi = 2 * res[i].gamma_end;
  for (size_t i = 0; i < ngrids; i++) {
    jobs[k] = base; jobs[k].method = CC_SPEED_EXACT_R; jobs[k].grid = (size_t) grids[i];
    jobs[k].gamma_hi = ghi; jobs[k].max_total = max_total_r;
    res[k] = cc_speed_run(&jobs[k]); k++;
  }
  if (max_total > 0) {
    jobs[k] = base; jobs[k].method = CC_SPEED_EXACT; jobs[k].grid = (size_t) grids[0];
    jobs[k].gamma_hi = ghi; jobs[k].max_total = max_total; res[k] = cc_speed_run(&jobs[k]); k++;
  }
  return k;
}
