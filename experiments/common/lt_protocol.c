/* lt_protocol.c -- see lt_protocol.h. */
#include "lt_protocol.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_errno.h>
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
