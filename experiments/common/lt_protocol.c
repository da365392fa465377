/* lt_protocol.c -- see lt_protocol.h. */
#include "lt_protocol.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_errno.h>
#include "core/rng.h"
#include "core/stats.h"

int lt_arm(const lt_base *B, size_t l, lt_algo algo, double eta, size_t T, lt_init_kind init,
           double eps, size_t trials, unsigned long seed, unsigned long stream, lt_arm_result *res,
           size_t *fail_iter)
{
  lt_work *W = lt_work_alloc(B, l);
  double *w = W ? malloc(lt_work_size(W) * sizeof(double)) : NULL, *iters = malloc((trials + 1) * sizeof(double));
  if (!W || !w || !iters) {
    lt_work_free(W); free(w); free(iters);
    GSL_ERROR("lt_arm: out of memory", GSL_ENOMEM);
  }
  const lt_config cfg = lt_config_default(algo, eta, T, B->n, l);
  memset(res, 0, sizeof *res);
  res->trials = trials;
  int rc = 0;
  for (size_t i = 0; i < trials && !rc; i++) {
    gsl_rng *ri = rng_stream(seed, RNG_INIT, stream, i + 1), *rn = rng_stream(seed, RNG_NOISE, stream, i + 1);
    lt_trial_result tr;
    rc = (ri && rn) ? lt_trial(B, W, &cfg, init, eps, ri, rn, w, NULL, &tr, fail_iter) : GSL_ENOMEM;
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
