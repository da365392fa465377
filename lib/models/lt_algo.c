/* lt_algo.c -- the four algorithms on the lifted loss (GD, CustomGD, perturbed GD, Adam); see
 * lt.h.  All buffers live in the lt_work: nothing is allocated inside the iteration loop. */
#include "models/lt.h"
#include "models/lt_internal.h"

#include <math.h>
#include <string.h>
#include <gsl/gsl_cblas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include <stdlib.h>

lt_config lt_config_default(lt_algo a, double eta, size_t T, size_t n, size_t l)
{
  lt_config c;
  memset(&c, 0, sizeof c);
  c.algo = a;
  c.eta = eta;
  c.T = T;
  c.tol = 1e-7;
  c.esc_grad = 1e-5;
  c.esc_after = 100;
  c.esc_every = 100;
  c.armijo_step0 = 0.1;
  c.armijo_beta = 0.5;
  c.armijo_c = 0.5;
  c.noise = 1e-3 / sqrt((double) (n * l));
  c.beta1 = 0.9;
  c.beta2 = 0.999;
  c.adam_eps = 1e-8;
  return c;
}

/* One escape step of CustomGD from w (loss h, gradient in W->g): along +-u^{(x)l}, u the
 * eigenvector of the smallest eigenvalue of grad f(x x^T) at the read-out x, with Armijo
 * backtracking.  Returns 1 if a step was taken, 0 if none decreased h, < 0 on error. */
static int escape(const lt_base *B, lt_work *W, const lt_config *cfg, double *w, double h)
{
  const size_t n = W->n, N = W->N;
  int rc = lt_readout(B, W, w, W->x, NULL);
  if (rc) return -rc;
  lt_base_gradmat(B, W->x, W->S);
  for (size_t a = 0; a < n; a++)
    for (size_t c = 0; c < n; c++) gsl_matrix_set(W->Sm, a, c, W->S[a * n + c]);
  if ((rc = la_sym_eig(W->Sm, W->ev, W->Ev, W->la))) return -rc;
  for (size_t a = 0; a < n; a++) W->un[a] = gsl_matrix_get(W->Ev, a, n - 1);
  lt_power(W->un, n, W->l, W->d);
  double gd = cblas_ddot((int) N, W->g, 1, W->d, 1);
  if (gd > 0) {   /* the eigenvector's sign is arbitrary: take the non-ascent direction */
    cblas_dscal((int) N, -1.0, W->d, 1);
    gd = -gd;
  }
  double alpha = cfg->armijo_step0;
  for (int k = 0; k < 40; k++, alpha *= cfg->armijo_beta) {
    memcpy(W->wt, w, N * sizeof(double));
    cblas_daxpy((int) N, alpha, W->d, 1, W->wt, 1);
    double ht;
    rc = lt_loss_grad(B, W, W->wt, &ht, NULL);
    if (rc == GSL_ERUNAWAY) continue;
    if (rc) return -rc;
    if (ht <= h + cfg->armijo_c * alpha * gd) {
      memcpy(w, W->wt, N * sizeof(double));
      return 1;
    }
  }
  return 0;
}

int lt_run(const lt_base *B, lt_work *W, const lt_config *cfg, double *w, gsl_rng *rng,
           double *trace, lt_outcome *out, size_t *fail_iter)
{
  const size_t N = W->N;
  if (cfg->algo == LT_PGD && !rng) GSL_ERROR("lt_run: perturbed GD needs an rng", GSL_EINVAL);
  memset(out, 0, sizeof *out);
  if (trace)
    for (size_t t = 0; t <= cfg->T; t++) trace[t] = NAN;
  if (cfg->algo == LT_ADAM) {
    memset(W->m1, 0, N * sizeof(double));
    memset(W->m2, 0, N * sizeof(double));
  }
  size_t small = 0;
  double b1t = 1.0, b2t = 1.0;
  for (size_t t = 0;; t++) {
    double h;
    int rc = lt_loss_grad(B, W, w, &h, W->g);
    int finite = (rc == 0);
    for (size_t f = 0; finite && f < N; f++) finite = isfinite(w[f]);
    if (rc == GSL_ERUNAWAY || !finite) {
      *fail_iter = t;
      return GSL_ERUNAWAY;
    }
    if (rc) return rc;
    if (trace) trace[t] = h;
    out->iters = t;
    out->loss = h;
    if (h < cfg->tol) { out->converged = 1; break; }
    if (t == cfg->T) break;
    if (cfg->algo == LT_CUSTOM && t > cfg->esc_after &&
        cblas_dnrm2((int) N, W->g, 1) < cfg->esc_grad && ++small % cfg->esc_every == 0) {
      int e = escape(B, W, cfg, w, h);
      if (e < 0) return -e;
      out->escapes += (size_t) e;
      if (e) continue;
    }
    switch (cfg->algo) {
    case LT_ADAM:
      b1t *= cfg->beta1;
      b2t *= cfg->beta2;
      for (size_t f = 0; f < N; f++) {
        const double g = W->g[f];
        W->m1[f] = cfg->beta1 * W->m1[f] + (1 - cfg->beta1) * g;
        W->m2[f] = cfg->beta2 * W->m2[f] + (1 - cfg->beta2) * g * g;
        w[f] -= cfg->eta * (W->m1[f] / (1 - b1t)) / (sqrt(W->m2[f] / (1 - b2t)) + cfg->adam_eps);
      }
      break;
    case LT_PGD: {
      double s = 0;
      for (size_t f = 0; f < N; f++) { W->d[f] = gsl_ran_gaussian(rng, 1.0); s += W->d[f] * W->d[f]; }
      cblas_daxpy((int) N, cfg->noise / sqrt(s), W->d, 1, W->g, 1);
    }
      /* fall through */
    default:
      cblas_daxpy((int) N, -cfg->eta, W->g, 1, w, 1);
    }
  }
  return 0;
}

int lt_trial(const lt_base *B, lt_work *W, const lt_config *cfg, lt_init_kind init, double eps,
             gsl_rng *rng_init, gsl_rng *rng_noise, double *w, double *trace, lt_trial_result *res,
             size_t *fail_iter)
{
  const size_t n = W->n, l = W->l;
  if (init == LT_INIT_UNIT && l != 1) GSL_ERROR("lt_trial: the unit-scale init is unlifted only", GSL_EINVAL);
  for (size_t a = 0; a < n; a++) {
    const double g = gsl_ran_gaussian(rng_init, 1.0);
    W->x[a] = init == LT_INIT_V1 ? B->v1[a] + 0.01 * g : g;
  }
  if (init == LT_INIT_UNIT) memcpy(w, W->x, n * sizeof(double));
  else lt_init(w, W->x, n, l, eps);
  int rc = lt_run(B, W, cfg, w, rng_noise, trace, &res->run, fail_iter);
  if (rc) return rc;
  if ((rc = lt_readout(B, W, w, W->x, &res->dist))) return rc;
  res->success = res->dist <= LT_SUCCESS_DIST;
  return 0;
}

int lt_gd_step(const lt_base *B, lt_work *W, double *w, double eta, double *loss)
{
  int rc = lt_loss_grad(B, W, w, loss, W->g);
  if (rc) return rc;
  cblas_daxpy((int) W->N, -eta, W->g, 1, w, 1);
  return 0;
}

void lt_linear_step(const lt_base *B, lt_work *W, double *w, double eta)
{
  memcpy(W->c1, w, W->N * sizeof(double));
  lt_kron_apply(B->U, W->n, 1, W->l, W->c1, W->c2);
  cblas_daxpy((int) W->N, eta, W->c1, 1, w, 1);
}

double lt_curvature(const lt_base *B, lt_work *W, const double *w, const double *d, double s)
{
  const size_t N = W->N;
  double hp, hm, h0;
  for (size_t f = 0; f < N; f++) W->wt[f] = w[f] + s * d[f];
  if (lt_loss_grad(B, W, W->wt, &hp, NULL)) return NAN;
  for (size_t f = 0; f < N; f++) W->wt[f] = w[f] - s * d[f];
  if (lt_loss_grad(B, W, W->wt, &hm, NULL)) return NAN;
  if (lt_loss_grad(B, W, w, &h0, NULL)) return NAN;
  return (hp - 2.0 * h0 + hm) / (s * s);
}

int lt_learn_time(const lt_base *B, lt_work *W, double *w, double eta, size_t Tmax, double frac,
                  double *t_hit, size_t *fail_iter)
{
  const size_t N = W->N;
  const double z2 = cblas_ddot((int) B->n, B->z, 1, B->z, 1);
  const double level = frac * pow(z2, (double) W->l);
  *t_hit = NAN;
  for (size_t t = 0;; t++) {
    const double w2 = cblas_ddot((int) N, w, 1, w, 1);
    if (!isfinite(w2)) {
      if (fail_iter) *fail_iter = t;
      GSL_ERROR("lt_learn_time: iterate not finite", GSL_ERUNAWAY);
    }
    if (w2 >= level) { *t_hit = (double) t; return 0; }
    if (t == Tmax) return 0;
    double loss;
    int rc = lt_gd_step(B, W, w, eta, &loss);
    if (rc) {
      if (fail_iter) *fail_iter = t + 1;
      return rc;
    }
  }
}
