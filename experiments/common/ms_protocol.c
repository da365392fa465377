/* ms_protocol.c -- see ms_protocol.h. */
#include "ms_protocol.h"

#include <math.h>
#include <stdlib.h>
#include <gsl/gsl_errno.h>
#include "core/rng.h"
#include "io/proc.h"

void ms_find_landmarks(const ms_trace *tr, double sigma_min, double pm_level, double hit_level,
                       ms_landmarks *lm)
{
  const size_t T = tr->T;
  lm->phase1_end = T + 1;
  for (size_t t = 0; t <= T; t++)
    if (tr->pm_dev[t] > pm_level || isnan(tr->pm_dev[t])) { lm->phase1_end = t; break; }
  lm->phase2_end = T + 1;
  for (size_t t = lm->phase1_end; t <= T; t++)
    if (tr->signal[t] >= sigma_min / sqrt(10.0)) { lm->phase2_end = t; break; }
  lm->plateau_t = T + 1;
  lm->plateau = NAN;
  double best = INFINITY;
  for (size_t t = lm->phase1_end; t + 1 < lm->phase2_end && t + 1 <= T; t++) {
    double rate = fabs(log(tr->test[t + 1]) - log(tr->test[t]));
    if (rate < best) { best = rate; lm->plateau_t = t; lm->plateau = tr->test[t]; }
  }
  lm->t_hit = ms_first_below(tr->test, T, hit_level);
}

int ms_validate(const opt_parser *p, long n, long r, long k, long m)
{
  if (r > n) return opt_fail(p, "--r", "must be <= --n (%ld) (got %ld)", n, r);
  if (k < r) return opt_fail(p, "--k", "must be >= --r (%ld) (got %ld)", r, k);
  if (m < 1) return opt_fail(p, "--m", "must be >= 1 (got %ld)", m);
  if ((size_t) m >= ms_packed_size((size_t) n))
    opt_warn(p, "--m %ld >= n(n+1)/2 = %zu: the measurements determine every symmetric matrix, "
                "so there is no overfitting regime", m, ms_packed_size((size_t) n));
  return 0;
}

const rng_table ms_sweep_streams = { "d i", NULL, {
  { "truth", RNG_DATA, "d", NULL }, { "operator", RNG_OPERATOR, "d", NULL }, { "init", RNG_INIT, "d", "i" } } };

ms_problem *ms_sweep_problem(unsigned long seed, size_t d, size_t n, size_t r, size_t m, double kappa)
{
  const long idx[2] = { (long) d, 0 };
  gsl_rng *rt = rng_table_stream(&ms_sweep_streams, "truth", seed, idx);
  gsl_rng *ra = rng_table_stream(&ms_sweep_streams, "operator", seed, idx);
  ms_problem *pr = rt && ra ? ms_problem_alloc(n, r, m, kappa, rt, ra) : NULL;
  gsl_rng_free(rt);
  gsl_rng_free(ra);
  return ms_threaded(pr);
}

ms_problem *ms_threaded(ms_problem *pr)
{
  if (pr && ms_operator_set_threads(pr->A, proc_threads())) {
    ms_problem_free(pr);
    return NULL;
  }
  return pr;
}

int ms_sweep_init(gsl_matrix *U, double alpha, unsigned long seed, size_t d, size_t i)
{
  gsl_rng *ri = rng_table_stream(&ms_sweep_streams, "init", seed, (const long[]) { (long) d, (long) i });
  if (!ri) return GSL_ENOMEM;
  ms_init_small(U, alpha, ri);
  gsl_rng_free(ri);
  return 0;
}

int ms_sweep(const ms_sweep_config *cfg, const double *alphas, size_t na, ms_outcome *out,
             prog_bar *bar, double *fail_alpha, size_t *fail_iter)
{
  const size_t nd = cfg->data_seeds, ni = cfg->init_seeds;
  gsl_matrix *U = gsl_matrix_alloc(cfg->n, cfg->k);
  ms_trace *tr = ms_trace_alloc(cfg->T);
  int rc = (!U || !tr) ? GSL_ENOMEM : 0;
  size_t done = 0;
  for (size_t d = 0; !rc && d < nd; d++) {
    ms_problem *pr = ms_sweep_problem(cfg->seed, d + 1, cfg->n, cfg->r, cfg->m, cfg->kappa);
    if (!pr) rc = GSL_ENOMEM;
    for (size_t a = 0; !rc && a < na; a++)
      for (size_t i = 0; !rc && i < ni; i++) {
        if ((rc = ms_sweep_init(U, alphas[a], cfg->seed, d + 1, i + 1))) break;
        const int noise = cfg->noise_every && alphas[a] <= cfg->noise_alpha_max;
        ms_config run = { .mu = cfg->mu, .T = cfg->T, .noise_every = noise ? cfg->noise_every : 0 };
        rc = ms_run(pr, &run, U, tr, fail_iter);
        if (rc == GSL_ERUNAWAY && fail_alpha) *fail_alpha = alphas[a];
        if (rc) break;
        ms_outcome *o = &out[(a * nd + d) * ni + i];
        o->alpha = alphas[a];
        o->data_seed = d + 1;
        o->init_seed = i + 1;
        o->test = tr->test[cfg->T];
        o->train = tr->train[cfg->T];
        o->train0 = tr->train[0];
        o->t_hit = ms_first_below(tr->test, cfg->T, cfg->hit_level);
        o->noise_max = NAN;
        if (noise) {
          o->noise_max = 0.0;
          for (size_t t = 0; t <= cfg->T; t += cfg->noise_every) o->noise_max = fmax(o->noise_max, tr->noise[t]);
        }
        if (bar) prog_update(bar, (long) ++done);
      }
    ms_problem_free(pr);
  }
  gsl_matrix_free(U);
  ms_trace_free(tr);
  return rc;
}


ms_sweep_summary ms_sweep_summarize(const ms_outcome *o, size_t runs)
{
  ms_sweep_summary s = { .train_ratio_max = 0, .noise_over_alpha_max = NAN };
  double *col = calloc(runs ? runs : 1, sizeof *col);
  if (!col) {
    s.test = s.train = s.t_hit = (stats_summary) { NAN, NAN, NAN, 0 };
    s.train_ratio_max = NAN;
    return s;
  }
  for (size_t j = 0; j < runs; j++) col[j] = o[j].test;
  s.test = stats_summarize(col, runs);
  for (size_t j = 0; j < runs; j++) col[j] = o[j].train;
  s.train = stats_summarize(col, runs);
  for (size_t j = 0; j < runs; j++) col[j] = (double) o[j].t_hit;
  s.t_hit = stats_summarize(col, runs);
  for (size_t j = 0; j < runs; j++) {
    s.train_ratio_max = fmax(s.train_ratio_max, o[j].train / o[j].train0);
    if (!isnan(o[j].noise_max))
      s.noise_over_alpha_max = isnan(s.noise_over_alpha_max) ? o[j].noise_max / o[j].alpha
                                                               : fmax(s.noise_over_alpha_max, o[j].noise_max / o[j].alpha);
  }
  free(col);
  return s;
}
