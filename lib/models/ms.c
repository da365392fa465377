/* ms.c -- symmetric low-rank matrix sensing; see ms.h. */
#include "models/ms.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <gsl/gsl_cblas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include "core/rng.h"

/* The power-method iterate is followed while the deviation stays below this. */
#define MS_PM_FOLLOW_MAX 0.5

/* ---- problem ---------------------------------------------------------------------------- */

void ms_problem_free(ms_problem *pr)
{
  if (!pr) return;
  gsl_vector_free(pr->sigma);
  gsl_matrix_free(pr->VX);
  gsl_matrix_free(pr->X);
  gsl_matrix_free(pr->M);
  ms_operator_free(pr->A);
  gsl_vector_free(pr->y);
  gsl_matrix_free(pr->spec);
  gsl_matrix_free(pr->L);
  free(pr);
}

ms_problem *ms_problem_alloc(size_t n, size_t r, size_t m, double kappa, gsl_rng *rng_truth,
                             gsl_rng *rng_operator)
{
  return ms_problem_alloc_kind(n, r, m, kappa, rng_truth, rng_operator, MS_AUTO);
}

ms_problem *ms_problem_alloc_kind(size_t n, size_t r, size_t m, double kappa, gsl_rng *rng_truth,
                                  gsl_rng *rng_operator, ms_storage kind)
{
  if (r < 1 || r > n || m < 1 || !(kappa >= 1.0))
    GSL_ERROR_NULL("ms_problem_alloc: need 1 <= r <= n, m >= 1, kappa >= 1", GSL_EINVAL);
  ms_problem *pr = calloc(1, sizeof *pr);
  if (!pr) GSL_ERROR_NULL("ms_problem_alloc: out of memory", GSL_ENOMEM);
  pr->n = n;
  pr->r = r;
  pr->m = m;
  pr->kappa = kappa;
  pr->sigma = gsl_vector_alloc(r);
  pr->VX = gsl_matrix_alloc(n, r);
  pr->X = gsl_matrix_alloc(n, r);
  pr->M = gsl_matrix_alloc(n, n);
  pr->A = ms_operator_alloc_kind(n, m, kind);
  pr->y = gsl_vector_alloc(m);
  pr->spec = gsl_matrix_alloc(n, n);
  pr->L = gsl_matrix_alloc(n, r);
  double *scratch = malloc(ms_packed_size(n) * sizeof(double));
  la_work *lw = la_work_alloc();
  int rc = GSL_ENOMEM;
  if (pr->sigma && pr->VX && pr->X && pr->M && pr->A && pr->y && pr->spec && pr->L && scratch &&
      lw) {
    for (size_t i = 0; i < n; i++)
      for (size_t j = 0; j < r; j++)
        gsl_matrix_set(pr->VX, i, j, gsl_ran_gaussian_ziggurat(rng_truth, 1.0));
    rc = la_orthonormalize(pr->VX);
    for (size_t j = 0; j < r; j++)
      gsl_vector_set(pr->sigma, j, r == 1 ? 1.0 : 1.0 - (1.0 - 1.0 / kappa) * j / (double) (r - 1));
    for (size_t i = 0; i < n; i++)
      for (size_t j = 0; j < r; j++)
        gsl_matrix_set(pr->X, i, j, gsl_matrix_get(pr->VX, i, j) * gsl_vector_get(pr->sigma, j));
    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, (int) n, (int) n, (int) r, 1.0,
                pr->X->data, (int) pr->X->tda, pr->X->data, (int) pr->X->tda, 0.0, pr->M->data,
                (int) pr->M->tda);
    pr->M_norm = la_norm_frob(pr->M);
    if (!rc) rc = ms_operator_gaussian(pr->A, rng_operator);
    if (!rc) rc = ms_apply(pr->A, pr->M, pr->y, scratch);
    if (!rc) rc = ms_adjoint(pr->A, pr->y, pr->spec, scratch);
    if (!rc) rc = la_top_eigvecs(pr->spec, pr->L, lw);
  }
  free(scratch);
  la_work_free(lw);
  if (rc) {
    ms_problem_free(pr);
    GSL_ERROR_NULL("ms_problem_alloc: failed", rc);
  }
  return pr;
}

void ms_init_small(gsl_matrix *U, double alpha, gsl_rng *rng)
{
  const double sd = alpha / sqrt((double) U->size2);
  for (size_t i = 0; i < U->size1; i++)
    for (size_t j = 0; j < U->size2; j++)
      gsl_matrix_set(U, i, j, gsl_ran_gaussian_ziggurat(rng, sd));
}

/* ---- gradient descent ------------------------------------------------------------------- */

ms_work *ms_work_alloc(size_t n, size_t k)
{
  ms_work *w = calloc(1, sizeof *w);
  if (!w) GSL_ERROR_NULL("ms_work_alloc: out of memory", GSL_ENOMEM);
  w->n = n;
  w->k = k;
  w->Z = gsl_matrix_alloc(n, n);
  w->S = gsl_matrix_alloc(n, n);
  w->G = gsl_matrix_alloc(n, k);
  w->zp = malloc(ms_packed_size(n) * sizeof(double));
  w->sp = malloc(ms_packed_size(n) * sizeof(double));
  if (!w->Z || !w->S || !w->G || !w->zp || !w->sp) {
    ms_work_free(w);
    GSL_ERROR_NULL("ms_work_alloc: out of memory", GSL_ENOMEM);
  }
  return w;
}

void ms_work_free(ms_work *w)
{
  if (!w) return;
  gsl_matrix_free(w->Z);
  gsl_matrix_free(w->S);
  gsl_matrix_free(w->G);
  free(w->zp);
  free(w->sp);
  free(w);
}

int ms_evaluate(const ms_problem *pr, const gsl_matrix *U, ms_work *w, double *loss, double *test)
{
  const size_t n = pr->n, k = U->size2;
  if (U->size1 != n || k != w->k || w->n != n) GSL_ERROR("ms_evaluate: shape mismatch", GSL_EBADLEN);
  /* Z = U U^T, upper triangle only: everything downstream reads the upper triangle. */
  cblas_dsyrk(CblasRowMajor, CblasUpper, CblasNoTrans, (int) n, (int) k, 1.0, U->data,
              (int) U->tda, 0.0, w->Z->data, (int) w->Z->tda);
  double err = 0.0;
  for (size_t j = 0; j < n; j++)
    for (size_t l = j; l < n; l++) {
      double d = gsl_matrix_get(w->Z, j, l) - gsl_matrix_get(pr->M, j, l);
      err += (l == j ? 1.0 : 2.0) * d * d;
    }
  ms_pack_weighted(w->Z, w->zp);
  double ss = ms_fused_residual_adjoint(pr->A, w->zp, pr->y, w->sp);
  ms_unpack_sym(w->sp, w->S);
  *loss = 0.25 * ss;
  *test = sqrt(err) / pr->M_norm;
  if (!isfinite(*loss) || !isfinite(*test)) return GSL_ERUNAWAY;
  return 0;
}

int ms_gradient(const ms_problem *pr, const gsl_matrix *U, gsl_matrix *grad, ms_work *w)
{
  double loss, test;
  int rc = ms_evaluate(pr, U, w, &loss, &test);
  if (rc) return rc;
  cblas_dsymm(CblasRowMajor, CblasLeft, CblasUpper, (int) pr->n, (int) U->size2, 1.0, w->S->data,
              (int) w->S->tda, U->data, (int) U->tda, 0.0, grad->data, (int) grad->tda);
  return 0;
}

int ms_gd_step(const ms_problem *pr, gsl_matrix *U, double mu, ms_work *w, double *loss,
               double *test)
{
  int rc = ms_evaluate(pr, U, w, loss, test);
  if (rc) return rc;
  /* U <- U - mu S U: dsymm into G, then axpy (no aliasing of input and output). */
  cblas_dsymm(CblasRowMajor, CblasLeft, CblasUpper, (int) pr->n, (int) U->size2, 1.0, w->S->data,
              (int) w->S->tda, U->data, (int) U->tda, 0.0, w->G->data, (int) w->G->tda);
  gsl_matrix_scale(w->G, -mu);
  gsl_matrix_add(U, w->G);
  return 0;
}

/* ---- diagnostics ------------------------------------------------------------------------ */

ms_diag_work *ms_diag_work_alloc(size_t n, size_t r, size_t k)
{
  ms_diag_work *w = calloc(1, sizeof *w);
  if (!w) GSL_ERROR_NULL("ms_diag_work_alloc: out of memory", GSL_ENOMEM);
  const size_t p = n < k ? n : k;
  w->B = gsl_matrix_alloc(r, k);
  w->Bu = gsl_matrix_alloc(r, r);
  w->Bv = gsl_matrix_alloc(k, r);
  w->Bs = gsl_vector_alloc(r);
  w->UW = gsl_matrix_alloc(n, r);
  w->N = gsl_matrix_alloc(n, k);
  w->Uu = gsl_matrix_alloc(n, p);
  w->Us = gsl_vector_alloc(p);
  w->Uv = gsl_matrix_alloc(k, p);
  w->C = gsl_matrix_alloc(r, r);
  w->R = gsl_matrix_alloc(n, r);
  w->la = la_work_alloc();
  if (!w->B || !w->Bu || !w->Bv || !w->Bs || !w->UW || !w->N || !w->Uu || !w->Us || !w->Uv ||
      !w->C || !w->R || !w->la) {
    ms_diag_work_free(w);
    GSL_ERROR_NULL("ms_diag_work_alloc: out of memory", GSL_ENOMEM);
  }
  return w;
}

void ms_diag_work_free(ms_diag_work *w)
{
  if (!w) return;
  gsl_matrix_free(w->B); gsl_matrix_free(w->Bu); gsl_matrix_free(w->Bv); gsl_vector_free(w->Bs);
  gsl_matrix_free(w->UW); gsl_matrix_free(w->N); gsl_matrix_free(w->Uu); gsl_vector_free(w->Us);
  gsl_matrix_free(w->Uv); gsl_matrix_free(w->C); gsl_matrix_free(w->R);
  la_work_free(w->la);
  free(w);
}

/* signal and noise: B = V_X^T U = Bu diag(Bs) Bv^T, W = Bv (k x r), N = U - (U W) W^T. */
static int signal_noise(const ms_problem *pr, const gsl_matrix *U, ms_diag_work *w, double *signal,
                        double *noise)
{
  const size_t n = pr->n, r = pr->r, k = U->size2;
  if (k < r) GSL_ERROR("ms_diagnose: width below rank", GSL_EBADLEN);
  cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, (int) r, (int) k, (int) n, 1.0,
              pr->VX->data, (int) pr->VX->tda, U->data, (int) U->tda, 0.0, w->B->data,
              (int) w->B->tda);
  int rc = la_svd(w->B, w->Bu, w->Bs, w->Bv, w->la);
  if (rc) return rc;
  *signal = gsl_vector_get(w->Bs, r - 1);
  cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, (int) n, (int) r, (int) k, 1.0, U->data,
              (int) U->tda, w->Bv->data, (int) w->Bv->tda, 0.0, w->UW->data, (int) w->UW->tda);
  gsl_matrix_memcpy(w->N, U);
  cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, (int) n, (int) k, (int) r, -1.0,
              w->UW->data, (int) w->UW->tda, w->Bv->data, (int) w->Bv->tda, 1.0, w->N->data,
              (int) w->N->tda);
  *noise = k > r ? la_norm2(w->N, w->la) : 0.0;   /* k = r: W is square, W_perp is empty */
  return 0;
}

double ms_noise(const ms_problem *pr, const gsl_matrix *U, ms_diag_work *w)
{
  double signal, noise;
  return signal_noise(pr, U, w, &signal, &noise) ? NAN : noise;
}

int ms_diagnose(const ms_problem *pr, const gsl_matrix *U, ms_diag *d, ms_diag_work *w)
{
  const size_t n = pr->n, r = pr->r;
  int rc = signal_noise(pr, U, w, &d->signal, &d->noise);
  if (rc) return rc;
  /* L_U = top-r left singular vectors of U. */
  rc = la_svd(U, w->Uu, w->Us, w->Uv, w->la);
  if (rc) return rc;
  gsl_matrix_const_view LU = gsl_matrix_const_submatrix(w->Uu, 0, 0, n, r);
  d->sin_truth = la_sin_angle(pr->VX, &LU.matrix, w->C, w->R, w->la);
  d->sin_spec = la_sin_angle(pr->L, &LU.matrix, w->C, w->R, w->la);
  if (!isfinite(d->noise) || !isfinite(d->sin_truth) || !isfinite(d->sin_spec))
    GSL_ERROR("ms_diagnose: decomposition failed", GSL_EFAILED);
  return 0;
}

/* ---- whole runs ------------------------------------------------------------------------- */

ms_trace *ms_trace_alloc(size_t T)
{
  ms_trace *tr = calloc(1, sizeof *tr);
  if (!tr) GSL_ERROR_NULL("ms_trace_alloc: out of memory", GSL_ENOMEM);
  tr->T = T;
  double **cols[] = { &tr->test, &tr->train, &tr->signal, &tr->noise, &tr->sin_truth,
                      &tr->sin_spec, &tr->pm_dev };
  for (size_t c = 0; c < sizeof cols / sizeof cols[0]; c++) {
    *cols[c] = malloc((T + 1) * sizeof(double));
    if (!*cols[c]) {
      ms_trace_free(tr);
      GSL_ERROR_NULL("ms_trace_alloc: out of memory", GSL_ENOMEM);
    }
    for (size_t t = 0; t <= T; t++) (*cols[c])[t] = NAN;
  }
  return tr;
}

void ms_trace_free(ms_trace *tr)
{
  if (!tr) return;
  free(tr->test); free(tr->train); free(tr->signal); free(tr->noise);
  free(tr->sin_truth); free(tr->sin_spec); free(tr->pm_dev);
  free(tr);
}

int ms_run(const ms_problem *pr, const ms_config *cfg, gsl_matrix *U, ms_trace *tr,
           size_t *fail_iter)
{
  const size_t n = pr->n, k = U->size2;
  const int want_diag = cfg->diag_every > 0 || cfg->pm_stop > 0 || cfg->noise_every > 0;
  const int want_pm = cfg->power_method || cfg->pm_stop > 0;
  if (tr->T < cfg->T) GSL_ERROR("ms_run: trace too short", GSL_EBADLEN);
  ms_work *w = ms_work_alloc(n, k);
  ms_diag_work *dw = want_diag ? ms_diag_work_alloc(n, pr->r, k) : NULL;
  gsl_matrix *Upm = want_pm ? gsl_matrix_alloc(n, k) : NULL;
  gsl_matrix *tmp = want_pm ? gsl_matrix_alloc(n, k) : NULL;
  int rc = (!w || (want_diag && !dw) || (want_pm && (!Upm || !tmp))) ? GSL_ENOMEM : 0;
  int tracking = want_pm;
  if (Upm) gsl_matrix_memcpy(Upm, U);
  for (size_t t = 0; !rc && t <= cfg->T; t++) {
    int stop = t == cfg->T;
    if (tracking) {
      tr->pm_dev[t] = la_dist_frob(U, Upm) / la_norm_frob(Upm);
      /* Far from the power method: stop following it (its iterate grows without bound). */
      if (!(tr->pm_dev[t] <= MS_PM_FOLLOW_MAX)) tracking = 0;
      if (cfg->pm_stop > 0 && !(tr->pm_dev[t] <= cfg->pm_stop)) stop = 1;
      /* Upm <- Upm + mu A*(y) Upm */
      cblas_dsymm(CblasRowMajor, CblasLeft, CblasUpper, (int) n, (int) k, cfg->mu,
                  pr->spec->data, (int) pr->spec->tda, Upm->data, (int) Upm->tda, 0.0, tmp->data,
                  (int) tmp->tda);
      gsl_matrix_add(Upm, tmp);
    }
    if (dw && (stop || (cfg->diag_every && t % cfg->diag_every == 0))) {
      ms_diag d;
      rc = ms_diagnose(pr, U, &d, dw);
      if (rc) break;
      tr->signal[t] = d.signal;
      tr->noise[t] = d.noise;
      tr->sin_truth[t] = d.sin_truth;
      tr->sin_spec[t] = d.sin_spec;
    } else if (dw && cfg->noise_every && t % cfg->noise_every == 0) {
      tr->noise[t] = ms_noise(pr, U, dw);
      if (isnan(tr->noise[t])) { rc = GSL_EFAILED; break; }
    }
    rc = stop ? ms_evaluate(pr, U, w, &tr->train[t], &tr->test[t])
              : ms_gd_step(pr, U, cfg->mu, w, &tr->train[t], &tr->test[t]);
    if (rc == GSL_ERUNAWAY && fail_iter) *fail_iter = t;
    tr->t_end = t;
    if (stop) break;
  }
  ms_work_free(w);
  ms_diag_work_free(dw);
  gsl_matrix_free(Upm);
  gsl_matrix_free(tmp);
  return rc;
}

size_t ms_first_below(const double *x, size_t T, double level)
{
  for (size_t t = 0; t <= T; t++)
    if (x[t] < level) return t;
  return T + 1;
}

int ms_learn_times(const ms_problem *pr, gsl_matrix *U, double mu, size_t Tmax, double frac,
                   ms_work *w, double *t_hit, size_t *fail_iter)
{
  const size_t q = U->size1 < U->size2 ? U->size1 : U->size2;
  if (pr->r > q) GSL_ERROR("ms_learn_times: width below the rank", GSL_EBADLEN);
  gsl_vector *s = gsl_vector_alloc(q);
  la_work *la = la_work_alloc();
  if (!s || !la) {
    gsl_vector_free(s);
    la_work_free(la);
    GSL_ERROR("ms_learn_times: out of memory", GSL_ENOMEM);
  }
  int rc = 0;
  size_t left = pr->r;
  for (size_t i = 0; i < pr->r; i++) t_hit[i] = NAN;
  for (size_t t = 0; left > 0; t++) {
    if ((rc = la_singular_values(U, s, la))) break;
    for (size_t i = 0; i < pr->r; i++) {
      const double si = gsl_vector_get(s, i), li = gsl_vector_get(pr->sigma, i);
      if (isnan(t_hit[i]) && si * si >= frac * li * li) {
        t_hit[i] = (double) t;
        left--;
      }
    }
    if (left == 0 || t == Tmax) break;
    double loss, test;
    if ((rc = ms_gd_step(pr, U, mu, w, &loss, &test))) {
      if (fail_iter) *fail_iter = t + 1;
      break;
    }
  }
  gsl_vector_free(s);
  la_work_free(la);
  return rc;
}
