/* S-spectral -- how well gradient descent has aligned with the spectral initializer (the top-r
 * eigenspace L of A*(y)) when Phase I ends, as the initialization scale alpha shrinks.  Phase I ends
 * at the first t where ||U_t - (I + mu A*(y))^t U_0||_F / ||(I + mu A*(y))^t U_0||_F > 1e-2. */
#include <math.h>
#include <stdlib.h>
#include "experiment.h"
#include "ms_protocol.h"
#include "models/ms.h"

int main(int argc, char **argv)
{
  proc_init();
  long n = 40, r = 2, k = 40, m = 400, T = 3000, data_seeds = 3, init_seeds = 3;
  double kappa = 2.0, mu = 0.1, pm_level = 1e-2;
  opt_list alphas = { 3, { 1e-4, 1e-8, 1e-12 } };
  opt_spec specs[] = {
    MS_PROBLEM_OPTIONS(n, r, k, m, kappa, mu),
    { "alphas", OPT_REALS, &alphas, 0, 1e3, OPT_LO_OPEN, "initialization scales (> 0)" },
    { "pm-level", OPT_REAL, &pm_level, 0, 1, OPT_LO_OPEN, "power-method deviation ending Phase I" },
    { "T", OPT_INT, &T, 1, 1e7, 0, "iteration cap (a run stops when Phase I ends)" },
    { "data-seeds", OPT_INT, &data_seeds, 1, 1000, 0, "number of ground truths and operators" },
    { "init-seeds", OPT_INT, &init_seeds, 1, 1000, 0, "initializations per data seed" },
  };
  opt_parser p = OPT_PARSER("S-spectral", "alignment with the spectral initializer at the end of "
                            "Phase I, versus alpha", specs);
  int status;
  if (!opt_parse(&p, argc, argv, &status)) return status;
  if ((status = ms_validate(&p, n, r, k, m))) return status;

  const size_t na = alphas.n, nd = (size_t) data_seeds, ni = (size_t) init_seeds;
  const size_t runs = na * nd * ni;
  double *sin_spec = malloc(runs * sizeof(double)), *sin_truth = malloc(runs * sizeof(double));
  double *test = malloc(runs * sizeof(double)), *t_end = malloc(runs * sizeof(double));
  gsl_matrix *U = gsl_matrix_alloc((size_t) n, (size_t) k);
  ms_trace *tr = ms_trace_alloc((size_t) T);
  if (!sin_spec || !sin_truth || !test || !t_end || !U || !tr) return PROC_EXIT_NUMERIC;

  prog_bar bar;
  prog_start(&bar, "S-spectral", (long) runs, p.quiet);
  for (size_t d = 0; d < nd; d++) {
    ms_problem *pr = ms_sweep_problem(p.seed, d + 1, (size_t) n, (size_t) r, (size_t) m, kappa);
    if (!pr) return PROC_EXIT_NUMERIC;
    for (size_t a = 0; a < na; a++)
      for (size_t i = 0; i < ni; i++) {
        const size_t run = (a * nd + d) * ni + i;
        if (ms_sweep_init(U, alphas.v[a], p.seed, d + 1, i + 1)) return PROC_EXIT_NUMERIC;
        ms_config cfg = { .mu = mu, .T = (size_t) T, .power_method = 1, .pm_stop = pm_level };
        size_t fail_at = 0;
        int rc = ms_run(pr, &cfg, U, tr, &fail_at);
        if (rc == GSL_ERUNAWAY) return proc_diverged(p.program, fail_at, "alpha = %g, mu = %g", alphas.v[a], mu);
        if (rc) return PROC_EXIT_NUMERIC;
        const size_t te = tr->t_end;
        if (!(tr->pm_dev[te] > pm_level))
          return proc_fail(p.program, "Phase I did not end within T = %ld (alpha = %g)", T, alphas.v[a]);
        sin_spec[run] = tr->sin_spec[te];
        sin_truth[run] = tr->sin_truth[te];
        test[run] = tr->test[te];
        t_end[run] = (double) te;
        prog_update(&bar, (long) run + 1);
      }
    ms_problem_free(pr);
  }
  prog_finish(&bar);

  out_file f;
  if (out_tsv_open(&f, &p, "summary")) return PROC_EXIT_NUMERIC;
  out_comment(&f, "over %zu data x %zu init seeds; sin_spec = sin angle(L, L_t) at the end of Phase I", nd, ni);
  out_columns(&f, "alpha\tsin_spec_median\tsin_spec_min\tsin_spec_max\tsin_truth_median\tt_end_median");
  for (size_t a = 0; a < na; a++) {
    const size_t o = a * nd * ni;
    stats_summary s = stats_summarize(sin_spec + o, nd * ni), st = stats_summarize(sin_truth + o, nd * ni);
    stats_summary te = stats_summarize(t_end + o, nd * ni);
    fprintf(f.fp, "%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\n", alphas.v[a], s.median, s.min, s.max,
            st.median, te.median);
  }
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  if (out_tsv_open(&f, &p, NULL)) return PROC_EXIT_NUMERIC;
  out_streams(&f, &ms_sweep_streams);
  out_columns(&f, "alpha\tdata_seed\tinit_seed\tt_end\tsin_spec\tsin_truth\ttest");
  for (size_t a = 0; a < na; a++)
    for (size_t d = 0; d < nd; d++)
      for (size_t i = 0; i < ni; i++) {
        const size_t run = (a * nd + d) * ni + i;
        fprintf(f.fp, "%.17g\t%zu\t%zu\t%.0f\t%.17g\t%.17g\t%.17g\n", alphas.v[a], d + 1, i + 1,
                t_end[run], sin_spec[run], sin_truth[run], test[run]);
      }
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  char num[64];
  if (out_macros_open(&f, &p)) return PROC_EXIT_NUMERIC;
  static const char *names[] = { "A", "B", "C", "D", "E", "F", "G", "H" };
  for (size_t a = 0; a < na && a < 8; a++) {
    stats_summary s = stats_summarize(sin_spec + a * nd * ni, nd * ni);
    char name[64];
    snprintf(name, sizeof name, "SSpectralSin%s", names[a]);
    out_macro(&f, name, "%s", out_tex_number(num, sizeof num, s.median, 2));
    snprintf(name, sizeof name, "SSpectralAlpha%s", names[a]);
    out_macro(&f, name, "%s", out_tex_number(num, sizeof num, alphas.v[a], 2));
  }
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  free(sin_spec); free(sin_truth); free(test); free(t_end);
  gsl_matrix_free(U);
  ms_trace_free(tr);
  return 0;
}
