/* S-alpha -- final test error and train loss of gradient descent for matrix sensing versus the
 * initialization scale alpha, over data and initialization seeds, with the fitted slope of
 * log test versus log alpha.  Runs of this program draw the S-alpha figure (small and large alpha)
 * and the S-oversampling figure (one run per number of measurements). */
#include <math.h>
#include <stdlib.h>
#include "experiment.h"
#include "ms_protocol.h"
#include "models/ms.h"

int main(int argc, char **argv)
{
  proc_init();
  long n = 40, r = 2, k = 40, m = 400, T = 3000, data_seeds = 3, init_seeds = 3, noise_every = 1;
  double kappa = 2.0, mu = 0.1, noise_alpha_max = 1e-4, hit_level = 1e-2;
  opt_list alphas = { 4, { 1e-2, 1e-4, 1e-6, 1e-8 } };
  opt_spec specs[] = {
    MS_PROBLEM_OPTIONS(n, r, k, m, kappa, mu),
    { "alphas", OPT_REALS, &alphas, 0, 1e3, OPT_LO_OPEN, "initialization scales, decreasing" },
    { "T", OPT_INT, &T, 1, 1e7, 0, "iterations per run" },
    { "data-seeds", OPT_INT, &data_seeds, 1, 1000, 0, "ground truths and operators" },
    { "init-seeds", OPT_INT, &init_seeds, 1, 1000, 0, "initializations per data seed" },
    { "noise-every", OPT_INT, &noise_every, 0, 1e7, 0, "track the noise every N iterations (0: never)" },
    { "noise-alpha-max", OPT_REAL, &noise_alpha_max, 0, 1e3, 0, "track the noise only for alpha <= this" },
    { "hit-level", OPT_REAL, &hit_level, 0, 1e3, OPT_LO_OPEN, "t_hit = first t with test below this" },
  };
  opt_parser p = OPT_PARSER("S-alpha", "final test and train error versus alpha over seeds", specs);
  int status;
  if (!opt_parse(&p, argc, argv, &status)) return status;
  if ((status = ms_validate(&p, n, r, k, m))) return status;
  for (size_t a = 1; a < alphas.n; a++)
    if (!(alphas.v[a] < alphas.v[a - 1])) return opt_fail(&p, "--alphas", "must be strictly decreasing");

  const size_t na = alphas.n, nd = (size_t) data_seeds, ni = (size_t) init_seeds, per = nd * ni;
  ms_sweep_config cfg = { (size_t) n, (size_t) r, (size_t) k, (size_t) m, kappa, mu, (size_t) T,
                          (size_t) noise_every, noise_alpha_max, hit_level, p.seed, nd, ni };
  ms_outcome *o = malloc(na * per * sizeof *o);
  double *lx = malloc(na * sizeof(double)), *ly = malloc(na * sizeof(double));
  if (!o || !lx || !ly) return PROC_EXIT_NUMERIC;
  prog_bar bar;
  prog_start(&bar, out_stem(&p), (long) (na * per), p.quiet);
  double fail_alpha = 0;
  size_t fail_iter = 0;
  int rc = ms_sweep(&cfg, alphas.v, na, o, &bar, &fail_alpha, &fail_iter);
  prog_finish(&bar);
  if (rc == GSL_ERUNAWAY) return proc_diverged(p.program, fail_iter, "alpha = %g, mu = %g", fail_alpha, mu);
  if (rc) return PROC_EXIT_NUMERIC;

  ms_sweep_summary *sum = malloc(na * sizeof *sum);
  if (!sum) return PROC_EXIT_NUMERIC;
  out_file f;
  if (out_tsv_open(&f, &p, "summary")) return PROC_EXIT_NUMERIC;
  out_comment(&f, "medians, minima and maxima over %zu data x %zu init seeds", nd, ni);
  out_columns(&f, "alpha\ttest_median\ttest_min\ttest_max\ttrain_median\ttrain_min\ttrain_max\t"
                  "train_ratio_max\tt_hit_median\tt_hit_min\tt_hit_max\tnoise_over_alpha_max");
  for (size_t a = 0; a < na; a++) {
    const ms_sweep_summary s = sum[a] = ms_sweep_summarize(o + a * per, per);
    fprintf(f.fp, "%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\n",
            alphas.v[a], s.test.median, s.test.min, s.test.max, s.train.median, s.train.min, s.train.max,
            s.train_ratio_max, s.t_hit.median, s.t_hit.min, s.t_hit.max, s.noise_over_alpha_max);
    lx[a] = log(alphas.v[a]);
    ly[a] = log(s.test.median);
  }
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  /* Least-squares slope of log(median test) on log(alpha) over all alphas of this run. */
  const stats_line fit = stats_fit_line(lx, ly, na);
  if (out_tsv_open(&f, &p, "fit")) return PROC_EXIT_NUMERIC;
  out_comment(&f, "log(test median) = intercept + slope * log(alpha), least squares over the alphas");
  out_columns(&f, "m_over_nr\tn\tr\tm\tslope\tintercept\talpha_max\talpha_min");
  fprintf(f.fp, "%.17g\t%ld\t%ld\t%ld\t%.17g\t%.17g\t%.17g\t%.17g\n", (double) m / (double) (n * r),
          n, r, m, fit.slope, fit.intercept, alphas.v[0], alphas.v[na - 1]);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  if (out_tsv_open(&f, &p, NULL)) return PROC_EXIT_NUMERIC;
  out_streams(&f, &ms_sweep_streams);
  out_columns(&f, "alpha\tdata_seed\tinit_seed\ttest\ttrain\ttrain0\tt_hit\tnoise_max");
  for (size_t j = 0; j < na * per; j++)
    fprintf(f.fp, "%.17g\t%zu\t%zu\t%.17g\t%.17g\t%.17g\t%zu\t%.17g\n", o[j].alpha, o[j].data_seed,
            o[j].init_seed, o[j].test, o[j].train, o[j].train0, o[j].t_hit, o[j].noise_max);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  char num[64];
  if (out_macros_open(&f, &p)) return PROC_EXIT_NUMERIC;
  out_run_macro(&f, &p, "Slope", "%.2f", fit.slope);
  out_run_macro(&f, &p, "MOverNR", "%g", (double) m / (double) (n * r));
  out_run_macro(&f, &p, "SmallestAlpha", "%s", out_tex_number(num, sizeof num, alphas.v[na - 1], 2));
  out_run_macro(&f, &p, "TestAtSmallestAlpha", "%s", out_tex_number(num, sizeof num, sum[na - 1].test.median, 2));
  out_run_macro(&f, &p, "TestAtLargestAlpha", "%s", out_tex_number(num, sizeof num, sum[0].test.median, 2));
  out_run_macro(&f, &p, "Seeds", "%zu", per);
  /* Per alpha, in the order given: Alpha<L>, Test<L>, THit<L>, Noise<L> with L = A, B, C, ... */
  for (size_t a = 0; a < na && a < 26; a++) {
    const double noise = sum[a].noise_over_alpha_max;
    out_run_macro_at(&f, &p, "Alpha", a, "%s", out_tex_number(num, sizeof num, alphas.v[a], 2));
    out_run_macro_at(&f, &p, "Test", a, "%s", out_tex_number(num, sizeof num, sum[a].test.median, 2));
    out_run_macro_at(&f, &p, "THit", a, "%.0f", sum[a].t_hit.median);
    out_run_macro_at(&f, &p, "Noise", a, "%s", isnan(noise) ? "\\text{--}" : out_tex_number(num, sizeof num, noise, 2));
  }
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  free(o); free(sum); free(lx); free(ly);
  return 0;
}
