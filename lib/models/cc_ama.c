/* cc_ama.c -- AMA for convex clustering (Chi & Lange 2015); see cc_ama.h. */
#include "models/cc_ama.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_errno.h>

double cc_ama_step_size(const cc_graph *g)
{
  size_t *deg = calloc(g->n ? g->n : 1, sizeof *deg), bound = 0;
  if (!deg) return NAN;
  for (size_t l = 0; l < g->ne; l++) { deg[g->ei[l]]++; deg[g->ej[l]]++; }
  for (size_t l = 0; l < g->ne; l++) {
    const size_t b = deg[g->ei[l]] + deg[g->ej[l]];
    if (b > bound) bound = b;
  }
  free(deg);
  if (bound > g->n) bound = g->n;
  return bound ? 1.9999 / (double) bound : NAN;
}

cc_ama *cc_ama_alloc(const double *x, size_t n, size_t p, const cc_graph *g, double nu, int accelerate)
{
  if (g->n != n || !(nu > 0) || !isfinite(nu)) GSL_ERROR_NULL("bad AMA arguments", GSL_EINVAL);
  cc_ama *a = calloc(1, sizeof *a);
  if (!a) return NULL;
  const size_t ne = g->ne, ep = (ne ? ne : 1) * p;
  a->n = n; a->p = p; a->ne = ne; a->g = g; a->x = x; a->nu = nu; a->accelerate = accelerate != 0;
  a->u = malloc(n * p * sizeof(double));
  a->lam = malloc(ep * sizeof(double)); a->lam_prev = malloc(ep * sizeof(double));
  a->t = malloc(ep * sizeof(double)); a->vnorm = malloc((ne ? ne : 1) * sizeof(double));
  a->scale = malloc((ne ? ne : 1) * sizeof(double));
  if (!a->u || !a->lam || !a->lam_prev || !a->t || !a->vnorm || !a->scale) { cc_ama_free(a); GSL_ERROR_NULL("no memory for AMA", GSL_ENOMEM); }
  cc_ama_reset(a);
  return a;
}

void cc_ama_free(cc_ama *a)
{
  if (!a) return;
  free(a->u); free(a->lam); free(a->lam_prev); free(a->t); free(a->vnorm); free(a->scale);
  free(a);
}

void cc_ama_reset(cc_ama *a)
{
  memcpy(a->u, a->x, a->n * a->p * sizeof(double));
  memset(a->lam, 0, a->ne * a->p * sizeof(double));
  memset(a->lam_prev, 0, a->ne * a->p * sizeof(double));
  for (size_t l = 0; l < a->ne; l++) a->vnorm[l] = INFINITY;   /* nothing fused yet */
  a->k = 0;
}

void cc_ama_restart(cc_ama *a) { a->k = 0; }

int cc_ama_step(cc_ama *a, double gamma)
{
  const size_t n = a->n, p = a->p, ne = a->ne, np = n * p, ep = ne * p;
  const cc_graph *g = a->g;
  const double nu = a->nu;
  /* the point the gradient is taken at: Lambda, or its extrapolation (kept in t) */
  const double *s = a->lam;
  if (a->accelerate && a->k >= 2) {
    const double beta = (double) (a->k - 1) / (double) (a->k + 2);
    for (size_t q = 0; q < ep; q++) a->t[q] = a->lam[q] + beta * (a->lam[q] - a->lam_prev[q]);
    s = a->t;
  }
  /* U = X + D^T S: the minimizer of the Lagrangian in U */
  cc_diff_t(g, p, s, a->u);
  double sum = 0;
  for (size_t q = 0; q < np; q++) { a->u[q] += a->x[q]; sum += fabs(a->u[q]); }
  if (!isfinite(sum)) return GSL_ERUNAWAY;
  if (a->accelerate) memcpy(a->lam_prev, a->lam, ep * sizeof(double));
  /* T = S - nu D U (in t; s may alias t entry by entry) and its row norms */
  for (size_t l = 0; l < ne; l++) a->vnorm[l] = 0;
  for (size_t c = 0; c < p; c++) {
    const double *uc = a->u + c * n, *sc = s + c * ne;
    double *tc = a->t + c * ne;
    for (size_t l = 0; l < ne; l++) {
      const double t = sc[l] - nu * (uc[g->ei[l]] - uc[g->ej[l]]);
      tc[l] = t;
      a->vnorm[l] += t * t;
    }
  }
  /* project each row onto the ball of radius gamma w_l; V_l = 0 exactly inside it */
  for (size_t l = 0; l < ne; l++) {
    const double nrm = sqrt(a->vnorm[l]), r = gamma * g->w[l];
    a->scale[l] = nrm > r ? r / nrm : 1.0;
    a->vnorm[l] = nrm > r ? (nrm - r) / nu : 0.0;
  }
  for (size_t c = 0; c < p; c++) {
    const double *tc = a->t + c * ne;
    double *lc = a->lam + c * ne;
    for (size_t l = 0; l < ne; l++) lc[l] = a->scale[l] * tc[l];
  }
  a->k++;
  return 0;
}

static int ama_step(void *a, double gamma) { return cc_ama_step(a, gamma); }
static void ama_level(void *a) { cc_ama_restart(a); }

cc_iterate cc_ama_iterate(cc_ama *a)
{
  const cc_iterate it = { a, ama_step, ama_level, a->n, a->p, a->ne, a->x, a->u, a->vnorm, { a->lam, NULL }, 1, NULL, NULL };
  return it;
}

int cc_ama_exact(cc_ama *a, const double *grid, size_t ngrid, cc_rule rule, double tol, size_t cap,
                 size_t max_total, cc_path *path)
{
  cc_ama_reset(a);
  const cc_iterate it = cc_ama_iterate(a);
  return cc_exact_run(&it, grid, ngrid, rule, tol, cap, max_total, path);
}
