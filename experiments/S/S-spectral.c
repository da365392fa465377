/* S-spectral -- how well gradient descent has aligned with the spectral initializer (the top-r
 * eigenspace L of A*(y)) when Phase I ends, as the initialization scale alpha shrinks and as the
 * width k grows (--k takes a list).  Phase I ends at the first t where
 * ||U_t - (I + mu A*(y))^t U_0||_F / ||(I + mu A*(y))^t U_0||_F > 1e-2; L_t is the top-r left
 * singular space of U_t (ms_diagnose). */
#include <math.h>
#include <stdlib.h>
#include "experiment.h"
#include "ms_protocol.h"
#include "models/ms.h"

int main(int argc, char **argv)
{
  proc_init();
  long n = 40, r = 2, m = 400, T = 3000, data_seeds = 3, init_seeds = 3;
  double kappa = 2.0, mu = 0.1, pm_level = 1e-2;
  opt_list alphas = { 3, { 1e-4, 1e-8, 1e-12 } }, widths = { 1, { 40 } };
  opt_spec specs[] = {
    { "n", OPT_INT, &n, 2, 2000, 0, "dimension n" },
    { "r", OPT_INT, &r, 1, 2000, 0, "rank r of the ground truth" },
    { "k", OPT_INTS, &widths, 1, 2000, 0, "widths k of U (each >= r)" },
    { "m", OPT_INT, &m, 1, 1e8, 0, "number of measurements" },
    { "kappa", OPT_REAL, &kappa, 1, 1e6, 0, "condition number of X" },
    { "mu", OPT_REAL, &mu, 0, 10, OPT_LO_OPEN, "step size" },
    { "alphas", OPT_REALS, &alphas, 0, 1e3, OPT_LO_OPEN, "initialization scales (> 0)" },
    { "pm-level", OPT_REAL, &pm_level, 0, 1, OPT_LO_OPEN, "power-method deviation ending Phase I" },
    { "T", OPT_INT, &T, 1, 1e7, 0, "iteration cap (a run stops when Phase I ends)" },
    { "data-seeds", OPT_INT, &data_seeds, 1, 1000, 0, "number of ground truths and operators" },
    { "init-seeds", OPT_INT, &init_seeds, 1, 1000, 0, "initializations per data seed" },
  };
  opt_parser p = OPT_PARSER("S-spectral", "alignment with the spectral initializer at the end of "
                            "Phase I, versus alpha and width k", specs);
  int status;
  if (!opt_parse(&p, argc, argv, &status)) return status;
  for (size_t w = 0; w < widths.n; w++)
    if ((status = ms_validate(&p, n, r, (long) widths.v[w], m))) return status;

  const size_t nk = widths.n, na = alphas.n, nd = (size_t) data_seeds, ni = (size_t) init_seeds;
  const size_t per = nd * ni, runs = nk * na * per;
  double *sin_spec = malloc(runs * sizeof(double)), *sin_truth = malloc(runs * sizeof(double));
  double *test = malloc(runs * sizeof(double)), *t_end = malloc(runs * sizeof(double));
  ms_trace *tr = ms_trace_alloc((size_t) T);
  if (!sin_spec || !sin_truth || !test || !t_end || !tr) return PROC_EXIT_NUMERIC;

  prog_bar bar;
  prog_start(&bar, "S-spectral", (long) runs, p.quiet);
  for (size_t d = 0; d < nd; d++) {
    ms_problem *pr = ms_sweep_problem(p.seed, d + 1, (size_t) n, (size_t) r, (size_t) m, kappa);
    if (!pr) return PROC_EXIT_NUMERIC;
    for (size_t kw = 0; kw < nk; kw++) {
      /* the same init streams at every width: U_0 of width k is drawn afresh from (d, i) */
      gsl_matrix *U = gsl_matrix_alloc((size_t) n, (size_t) widths.v[kw]);
      if (!U) return PROC_EXIT_NUMERIC;
      for (size_t a = 0; a < na; a++)
        for (size_t i = 0; i < ni; i++) {
          const size_t run = (kw * na + a) * per + d * ni + i;
          if (ms_sweep_init(U, alphas.v[a], p.seed, d + 1, i + 1)) return PROC_EXIT_NUMERIC;
          ms_config cfg = { .mu = mu, .T = (size_t) T, .power_method = 1, .pm_stop = pm_level };
          size_t fail_at = 0;
          int rc = ms_run(pr, &cfg, U, tr, &fail_at);
          if (rc == GSL_ERUNAWAY) return proc_diverged(p.program, fail_at, "k = %g, alpha = %g, mu = %g", widths.v[kw], alphas.v[a], mu);
          if (rc) return PROC_EXIT_NUMERIC;
          const size_t te = tr->t_end;
          if (!(tr->pm_dev[te] > pm_level))
            return proc_fail(p.program, "Phase I did not end within T = %ld (alpha = %g)", T, alphas.v[a]);
          sin_spec[run] = tr->sin_spec[te];
          sin_truth[run] = tr->sin_truth[te];
          test[run] = tr->test[te];
          t_end[run] = (double) te;
          prog_update(&bar, (long) (d * nk * na * ni + (kw * na + a) * ni + i + 1));
        }
      gsl_matrix_free(U);
    }
    ms_problem_free(pr);
  }
  prog_finish(&bar);

  out_file f;
  if (out_tsv_open(&f, &p, "summary")) return PROC_EXIT_NUMERIC;
  out_comment(&f, "over %zu data x %zu init seeds; sin_spec = sin angle(L, L_t), sin_truth = sin angle(V_X, L_t) "
                  "at the end of Phase I (t_end)", nd, ni);
  out_columns(&f, "k\talpha\tsin_spec_median\tsin_spec_min\tsin_spec_max\tsin_truth_median\tsin_truth_min\t"
                  "sin_truth_max\tt_end_median\tt_end_min\tt_end_max");
  for (size_t kw = 0; kw < nk; kw++)
    for (size_t a = 0; a < na; a++) {
      const size_t o = (kw * na + a) * per;
      stats_summary s = stats_summarize(sin_spec + o, per), st = stats_summarize(sin_truth + o, per);
      stats_summary te = stats_summarize(t_end + o, per);
      fprintf(f.fp, "%.0f\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\n", widths.v[kw],
              alphas.v[a], s.median, s.min, s.max, st.median, st.min, st.max, te.median, te.min, te.max);
    }
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  if (out_tsv_open(&f, &p, NULL)) return PROC_EXIT_NUMERIC;
  out_streams(&f, &ms_sweep_streams);
  out_columns(&f, "k\talpha\tdata_seed\tinit_seed\tt_end\tsin_spec\tsin_truth\ttest");
  for (size_t kw = 0; kw < nk; kw++)
    for (size_t a = 0; a < na; a++)
      for (size_t d = 0; d < nd; d++)
        for (size_t i = 0; i < ni; i++) {
          const size_t run = (kw * na + a) * per + d * ni + i;
          fprintf(f.fp, "%.0f\t%.17g\t%zu\t%zu\t%.0f\t%.17g\t%.17g\t%.17g\n", widths.v[kw], alphas.v[a], d + 1,
                  i + 1, t_end[run], sin_spec[run], sin_truth[run], test[run]);
        }
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  /* One width: macros per alpha (SinA, AlphaA, ...); several widths: per width at the first alpha. */
  char num[64];
  if (out_macros_open(&f, &p)) return PROC_EXIT_NUMERIC;
  const size_t nm = nk > 1 ? nk : na;
  for (size_t q = 0; q < nm && q < 8; q++) {
    const size_t o = (nk > 1 ? q * na : q) * per;
    stats_summary s = stats_summarize(sin_spec + o, per), te = stats_summarize(t_end + o, per);
    out_run_macro_at(&f, &p, "Sin", q, "%s", out_tex_number(num, sizeof num, s.median, 2));
    out_run_macro_at(&f, &p, "Alpha", q, "%s", out_tex_number(num, sizeof num, alphas.v[nk > 1 ? 0 : q], 2));
    out_run_macro_at(&f, &p, "K", q, "%.0f", widths.v[nk > 1 ? q : 0]);
    out_run_macro_at(&f, &p, "TEnd", q, "%.0f", te.median);
  }
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  free(sin_spec); free(sin_truth); free(test); free(t_end);
  ms_trace_free(tr);
  return 0;
}
