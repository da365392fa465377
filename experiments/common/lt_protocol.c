/* lt_protocol.c -- see lt_protocol.h. */
#include "lt_protocol.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_cblas.h>
#include <gsl/gsl_errno.h>
#include "core/la.h"
#include "core/stats.h"
#include "io/proc.h"

int lt_arm(const lt_base *B, const lt_arm_config *cfg, const rng_table *streams, unsigned long seed,
           long arm, lt_arm_result *res, size_t *fail_iter)
{
  const size_t trials = cfg->trials;
  lt_work *W = lt_work_alloc(B, cfg->l);
  double *w = W ? malloc(lt_work_size(W) * sizeof(double)) : NULL, *iters = malloc((trials + 1) * sizeof(double));
  if (!W || !w || !iters) {
    lt_work_free(W); free(w); free(iters);
    GSL_ERROR("lt_arm: out of memory", GSL_ENOMEM);
  }
  const lt_config run = lt_config_default(cfg->algo, cfg->eta, cfg->T, B->n, cfg->l);
  memset(res, 0, sizeof *res);
  res->trials = trials;
  int rc = 0;
  for (size_t i = 0; i < trials && !rc; i++) {
    const long idx[2] = { arm, (long) i + 1 };
    gsl_rng *ri = rng_table_stream(streams, "init", seed, idx), *rn = rng_table_stream(streams, "noise", seed, idx);
    lt_trial_result tr;
    rc = (ri && rn) ? lt_trial(B, W, &run, cfg->init, cfg->eps, ri, rn, w, NULL, &tr, fail_iter) : GSL_ENOMEM;
    if (!rc) {
      res->successes += (size_t) tr.success;
      iters[i] = (double) tr.run.iters;
      res->escapes += (double) tr.run.escapes / (double) trials;
    }
    gsl_rng_free(ri);
    gsl_rng_free(rn);
  }
  if (!rc) {
    res->rate = trials ? (double) res->successes / (double) trials : NAN;
    res->median_iters = stats_summarize(iters, trials).median;
  }
  lt_work_free(W); free(w); free(iters);
  return rc;
}

int lt_trace_run(const lt_base *B, const lt_arm_config *cfg, const rng_table *streams, const char *init,
                 const char *noise, unsigned long seed, double *trace, size_t *stop, size_t *fail_iter)
{
  lt_work *W = lt_work_alloc(B, cfg->l);
  double *w = W ? malloc(lt_work_size(W) * sizeof(double)) : NULL;
  gsl_rng *ri = rng_table_stream(streams, init, seed, NULL), *rn = rng_table_stream(streams, noise, seed, NULL);
  const lt_config run = lt_config_default(cfg->algo, cfg->eta, cfg->T, B->n, cfg->l);
  lt_trial_result tr;
  const int rc = W && w && ri && rn ? lt_trial(B, W, &run, cfg->init, cfg->eps, ri, rn, w, trace, &tr, fail_iter)
                                    : GSL_ENOMEM;
  if (!rc) *stop = tr.run.converged ? tr.run.iters : cfg->T + 1;
  lt_work_free(W); free(w); gsl_rng_free(ri); gsl_rng_free(rn);
  return rc;
}

const char *const lt_fig1_column[LT_FIG1_ARMS] = { "lifted_v1", "unlifted_unit", "lifted_gauss", "unlifted_gauss",
                                                   "unlifted_v1" };
const char *const lt_fig1_tex[LT_FIG1_ARMS] = { "LiftedVone", "UnliftedUnit", "LiftedGauss", "UnliftedGauss",
                                                "UnliftedVone" };

int lt_fig1_arms(const opt_parser *p, const lt_base *B, const lt_fig1_config *c, lt_algo algo, double eps,
                 const long trials[3], const rng_table *streams, long arm, lt_arm_result res[LT_FIG1_ARMS])
{
  const size_t l = (size_t) c->l, T = (size_t) c->T;
  const lt_arm_config arms[LT_FIG1_ARMS] = {
    [LT_FIG1_LIFTED_V1] = { l, algo, c->eta_lifted, T, LT_INIT_V1, eps, (size_t) trials[0] },
    [LT_FIG1_UNLIFTED_UNIT] = { 1, algo, c->eta_unlifted, T, LT_INIT_UNIT, eps, (size_t) trials[1] },
    [LT_FIG1_LIFTED_GAUSS] = { l, algo, c->eta_lifted, T, LT_INIT_GAUSS, eps, (size_t) trials[2] },
    [LT_FIG1_UNLIFTED_GAUSS] = { 1, algo, c->eta_unlifted, T, LT_INIT_GAUSS, eps, (size_t) trials[2] },
    [LT_FIG1_UNLIFTED_V1] = { 1, algo, c->eta_unlifted, T, LT_INIT_V1, eps, (size_t) trials[2] },
  };
  for (int a = 0; a < LT_FIG1_ARMS; a++) {
    size_t fail = 0;
    const int rc = lt_arm(B, &arms[a], streams, p->seed, arm, &res[a], &fail);
    if (rc == GSL_ERUNAWAY)
      return proc_diverged(p->program, fail, "n = %zu, eps = %g, l = %zu, step %g", B->n, eps, arms[a].l, arms[a].eta);
    if (rc) return PROC_EXIT_NUMERIC;
  }
  return 0;
}

int lt_validate_size(const opt_parser *p, const char *option, double n, long l, double max)
{
  if (pow(n, (double) l) > max) return opt_fail(p, option, "n^l must be <= %g (got n = %g, l = %ld)", max, n, l);
  return 0;
}

int lt_kappa_run(const lt_base *B, size_t l, const double *x0, double eps, double eta, size_t T, double *kappa,
                 double *bound, double *dev, double *rate, size_t *fail_iter)
{
  const size_t n = B->n;
  lt_work *W = lt_work_alloc(B, l);
  const size_t N = W ? lt_work_size(W) : 0;
  double *w = malloc(N * sizeof(double)), *pw = malloc(N * sizeof(double)), *tmp = malloc(N * sizeof(double));
  double *pm = malloc(n * n * sizeof(double)), *v1l = malloc(N * sizeof(double)), *wl = malloc(N * sizeof(double));
  int rc = W && w && pw && tmp && pm && v1l && wl ? 0 : GSL_ENOMEM;
  double s2 = 0;
  for (size_t j = 1; j < n; j++) s2 = fmax(s2, fabs(B->sigma[j]));
  if (!rc) {
    lt_init(w, x0, n, l, eps);
    memcpy(wl, w, N * sizeof(double));
    for (size_t a = 0; a < n; a++)
      for (size_t c = 0; c < n; c++) pm[a * n + c] = (a == c) - B->v1[a] * B->v1[c];
    memcpy(pw, w, N * sizeof(double));
    lt_kron_apply(pm, n, 1, l, pw, tmp);
    lt_power(B->v1, n, l, v1l);
  }
  const double c0 = rc ? NAN : cblas_dnrm2((int) N, pw, 1) / fabs(cblas_ddot((int) N, w, 1, v1l, 1));
  *rate = (1 + eta * pow(s2, (double) l)) / (1 + eta * pow(B->sigma[0], (double) l));
  for (size_t t = 0; !rc && t <= T; t++) {
    double loss;
    if ((rc = lt_kappa(w, n, l, B->v1, &kappa[t], W))) break;
    bound[t] = c0 * pow(*rate, (double) t);
    if (dev) {
      for (size_t f = 0; f < N; f++) tmp[f] = w[f] - wl[f];
      dev[t] = cblas_dnrm2((int) N, tmp, 1) / cblas_dnrm2((int) N, wl, 1);
    }
    if (t < T && (rc = lt_gd_step(B, W, w, eta, &loss)) == GSL_ERUNAWAY) *fail_iter = t;
    if (t < T && dev) lt_linear_step(B, W, wl, eta);
  }
  lt_work_free(W); free(w); free(pw); free(tmp); free(pm); free(v1l); free(wl);
  return rc;
}

int lt_linear_deviation(const lt_base *B, size_t l, const double *x0, double eps, double eta, size_t t_lin,
                        double *dev, size_t *fail_iter)
{
  lt_work *W = lt_work_alloc(B, l);
  const size_t N = W ? lt_work_size(W) : 0;
  double *w = malloc(N * sizeof(double)), *wl = malloc(N * sizeof(double));
  int rc = W && w && wl ? 0 : GSL_ENOMEM;
  if (!rc) {
    lt_init(w, x0, B->n, l, eps);
    memcpy(wl, w, N * sizeof(double));
  }
  for (size_t t = 0; !rc && t < t_lin; t++) {
    double loss;
    if ((rc = lt_gd_step(B, W, w, eta, &loss))) *fail_iter = t;
    else lt_linear_step(B, W, wl, eta);
  }
  if (!rc) {
    const double nl = cblas_dnrm2((int) N, wl, 1);
    cblas_daxpy((int) N, -1.0, wl, 1, w, 1);
    *dev = cblas_dnrm2((int) N, w, 1) / nl;
  }
  lt_work_free(W); free(w); free(wl);
  return rc;
}

int lt_point_loss(const lt_base *B, size_t l, const double *x, double *h, double *grad_norm)
{
  lt_work *W = lt_work_alloc(B, l);
  const size_t N = W ? lt_work_size(W) : 0;
  double *w = malloc(N * sizeof(double)), *g = grad_norm ? malloc(N * sizeof(double)) : NULL;
  int rc = W && w && (g || !grad_norm) ? 0 : GSL_ENOMEM;
  if (!rc) {
    lt_power(x, B->n, l, w);
    rc = lt_loss_grad(B, W, w, h, g);
  }
  if (!rc && grad_norm) *grad_norm = cblas_dnrm2((int) N, g, 1);
  lt_work_free(W); free(w); free(g);
  return rc;
}

int lt_sym_run(const lt_base *B, size_t l, const double *x0, double eps, double eta, size_t T, double *rel,
               size_t *fail_iter)
{
  lt_work *W = lt_work_alloc(B, l);
  const size_t N = W ? lt_work_size(W) : 0;
  double *w = malloc(N * sizeof(double));
  int rc = W && w ? 0 : GSL_ENOMEM;
  if (!rc) lt_init(w, x0, B->n, l, eps);
  for (size_t t = 0; !rc && t <= T; t++) {
    rel[t] = lt_sym_defect(w, B->n, l) / cblas_dnrm2((int) N, w, 1);
    double loss;
    if (t < T && (rc = lt_gd_step(B, W, w, eta, &loss)) == GSL_ERUNAWAY) *fail_iter = t;
  }
  lt_work_free(W); free(w);
  return rc;
}

double lt_hessian_min_fd(const lt_base *B, lt_work *W, const double *w, double s)
{
  const size_t N = lt_work_size(W);
  double *H = malloc(N * N * sizeof(double)), *ei = malloc(N * sizeof(double)), *ej = malloc(N * sizeof(double));
  gsl_vector *ev = gsl_vector_alloc(N);
  la_work *la = la_work_alloc();
  double hmin = NAN;
  if (H && ei && ej && ev && la) {
    for (size_t i = 0; i < N; i++)
      for (size_t j = i; j < N; j++) {
        memset(ei, 0, N * sizeof(double));
        memset(ej, 0, N * sizeof(double));
        ei[i] += 1; ei[j] += 1;   /* d = e_i + e_j */
        ej[i] += 1; ej[j] -= 1;   /* d = e_i - e_j */
        const double a = lt_curvature(B, W, w, ei, s), c = i == j ? 0.0 : lt_curvature(B, W, w, ej, s);
        H[i * N + j] = H[j * N + i] = 4 * (i == j ? a / 4 : (a - c) / 4);
      }
    gsl_matrix_view Hv = gsl_matrix_view_array(H, N, N);
    if (!la_sym_eig(&Hv.matrix, ev, NULL, la)) hmin = gsl_vector_get(ev, N - 1);
  }
  free(H); free(ei); free(ej); gsl_vector_free(ev); la_work_free(la);
  return hmin;
}
