/* S-width -- test error versus iteration for several widths k of the factor U at a fixed small
 * alpha: with k = r gradient descent converges linearly to the truth; with k > r the error stops at
 * a floor set by alpha, while the iterations needed to reach 1e-2 barely depend on k. */
#include <math.h>
#include <stdlib.h>
#include "experiment.h"
#include "ms_protocol.h"
#include "models/ms.h"

int main(int argc, char **argv)
{
  proc_init();
  long n = 40, r = 2, m = 400, T = 3000, data_seeds = 3, init_seeds = 3, every = 10;
  double kappa = 2.0, mu = 0.1, alpha = 1e-6, hit_level = 1e-2;
  opt_list widths = { 6, { 2, 3, 4, 8, 20, 40 } };
  opt_spec specs[] = {
    { "n", OPT_INT, &n, 2, 2000, 0, "dimension n" },
    { "r", OPT_INT, &r, 1, 2000, 0, "rank r of the ground truth" },
    { "widths", OPT_INTS, &widths, 1, 2000, 0, "widths k to compare (each >= r)" },
    { "m", OPT_INT, &m, 1, 1e8, 0, "number of measurements" },
    { "kappa", OPT_REAL, &kappa, 1, 1e6, 0, "condition number of X" },
    { "mu", OPT_REAL, &mu, 0, 10, OPT_LO_OPEN, "step size" },
    { "alpha", OPT_REAL, &alpha, 0, 1e3, OPT_LO_OPEN, "initialization scale" },
    { "T", OPT_INT, &T, 1, 1e7, 0, "iterations per run" },
    { "every", OPT_INT, &every, 1, 1e7, 0, "write the curves every so many iterations" },
    { "data-seeds", OPT_INT, &data_seeds, 1, 1000, 0, "ground truths and operators" },
    { "init-seeds", OPT_INT, &init_seeds, 1, 1000, 0, "initializations per data seed" },
    { "hit-level", OPT_REAL, &hit_level, 0, 1e3, OPT_LO_OPEN, "t_hit = first t with test below this" },
  };
  opt_parser p = OPT_PARSER("S-width", "test error versus iteration for several widths k", specs);
  int status;
  if (!opt_parse(&p, argc, argv, &status)) return status;
  for (size_t w = 0; w < widths.n; w++)
    if ((status = ms_validate(&p, n, r, (long) widths.v[w], m))) return status;

  const size_t nw = widths.n, nd = (size_t) data_seeds, ni = (size_t) init_seeds, per = nd * ni;
  const size_t Tz = (size_t) T;
  double *curves = malloc(nw * per * (Tz + 1) * sizeof(double)), *col = malloc(per * sizeof(double));
  size_t *t_hit = malloc(nw * per * sizeof(size_t));
  ms_trace *tr = ms_trace_alloc(Tz);
  if (!curves || !col || !t_hit || !tr) return PROC_EXIT_NUMERIC;
  prog_bar bar;
  prog_start(&bar, "S-width", (long) (nw * per), p.quiet);
  for (size_t d = 0; d < nd; d++) {
    ms_problem *pr = ms_sweep_problem(p.seed, d + 1, (size_t) n, (size_t) r, (size_t) m, kappa);
    if (!pr) return PROC_EXIT_NUMERIC;
    for (size_t w = 0; w < nw; w++) {
      gsl_matrix *U = gsl_matrix_alloc((size_t) n, (size_t) widths.v[w]);
      if (!U) return PROC_EXIT_NUMERIC;
      for (size_t i = 0; i < ni; i++) {
        if (ms_sweep_init(U, alpha, p.seed, d + 1, i + 1)) return PROC_EXIT_NUMERIC;
        ms_config cfg = { .mu = mu, .T = Tz };
        size_t fail_at = 0;
        int rc = ms_run(pr, &cfg, U, tr, &fail_at);
        if (rc == GSL_ERUNAWAY) return proc_diverged(p.program, fail_at, "k = %g, mu = %g", widths.v[w], mu);
        if (rc) return PROC_EXIT_NUMERIC;
        const size_t run = w * per + d * ni + i;
        for (size_t t = 0; t <= Tz; t++) curves[run * (Tz + 1) + t] = tr->test[t];
        t_hit[run] = ms_first_below(tr->test, Tz, hit_level);
        prog_update(&bar, (long) (d * nw * ni + w * ni + i + 1));
      }
      gsl_matrix_free(U);
    }
    ms_problem_free(pr);
  }
  prog_finish(&bar);

  out_file f;
  if (out_tsv_open(&f, &p, "final")) return PROC_EXIT_NUMERIC;
  out_comment(&f, "per width: test at T and t_hit, median/min/max over %zu data x %zu init seeds", nd, ni);
  out_columns(&f, "k\ttest_median\ttest_min\ttest_max\tt_hit_median\tt_hit_min\tt_hit_max");
  for (size_t w = 0; w < nw; w++) {
    for (size_t j = 0; j < per; j++) col[j] = curves[(w * per + j) * (Tz + 1) + Tz];
    stats_summary s = stats_summarize(col, per);
    for (size_t j = 0; j < per; j++) col[j] = (double) t_hit[w * per + j];
    stats_summary h = stats_summarize(col, per);
    fprintf(f.fp, "%.0f\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\n", widths.v[w], s.median, s.min,
            s.max, h.median, h.min, h.max);
  }
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  if (out_tsv_open(&f, &p, NULL)) return PROC_EXIT_NUMERIC;
  out_streams(&f, &ms_sweep_streams);
  out_comment(&f, "test error every %ld iterations and at T: median/min/max over seeds per width k", every);
  fputs("t", f.fp);
  for (size_t w = 0; w < nw; w++)
    fprintf(f.fp, "\tmedian_k%.0f\tmin_k%.0f\tmax_k%.0f", widths.v[w], widths.v[w], widths.v[w]);
  fputc('\n', f.fp);
  for (size_t t = 0; t <= Tz; t++) {
    if (t % (size_t) every && t != Tz) continue;
    fprintf(f.fp, "%zu", t);
    for (size_t w = 0; w < nw; w++) {
      for (size_t j = 0; j < per; j++) col[j] = curves[(w * per + j) * (Tz + 1) + t];
      stats_summary s = stats_summarize(col, per);
      fprintf(f.fp, "\t%.17g\t%.17g\t%.17g", s.median, s.min, s.max);
    }
    fputc('\n', f.fp);
  }
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  char num[64];
  if (out_macros_open(&f, &p)) return PROC_EXIT_NUMERIC;
  for (size_t j = 0; j < per; j++) col[j] = curves[j * (Tz + 1) + Tz];
  out_run_macro(&f, &p, "TestKEqualsR", "%s", out_tex_number(num, sizeof num, stats_summarize(col, per).median, 2));
  for (size_t j = 0; j < per; j++) col[j] = curves[((nw - 1) * per + j) * (Tz + 1) + Tz];
  out_run_macro(&f, &p, "TestKWidest", "%s", out_tex_number(num, sizeof num, stats_summarize(col, per).median, 2));
  out_run_macro(&f, &p, "KWidest", "%.0f", widths.v[nw - 1]);
  out_run_macro(&f, &p, "T", "%ld", T);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  free(curves); free(col); free(t_hit);
  ms_trace_free(tr);
  return 0;
}
