/* W-speed -- wall time, ADMM steps and peak memory of CARP (several t), CARP-VIZ and the exact path
 * on 100- and 1000-point grids, on the authors and TCGA data; and the measurement behind the
 * choice of solver (sparse CHOLMOD vs dense LAPACK Cholesky of I + D^T D at the data's n).
 * Each configuration runs in its own child process, so that its peak resident memory
 * (getrusage in the child) is its own.  Steps and levels (deterministic) go to W-speed.tsv;
 * seconds and megabytes (machine-dependent) only to W-speed-timing.tsv and
 * W-speed-timing-macros.tex. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "cc_protocol.h"
#include "experiment.h"
#include "io/cc_data.h"

int main(int argc, char **argv)
{
  proc_init();
  const char *auth = "experiments/data/authors.csv", *tcga = "experiments/data/tcga-breast.csv";
  opt_list ts = { 4, { 1.1, 1.05, 1.01, 1.005 } }, grids = { 2, { 100, 1000 } };
  long max_total = 20000, max_total_r = 0, reps = 200, viz = 1;
  opt_spec specs[] = {
    { "authors", OPT_STR, &auth, 0, 0, 0, "CSV of the authors data" },
    { "tcga", OPT_STR, &tcga, 0, 0, 0, "CSV of the TCGA data" },
    { "ts", OPT_REALS, &ts, 1, 10, OPT_LO_OPEN, "CARP step ratios t > 1" },
    { "grids", OPT_INTS, &grids, 2, 100000, 0, "grid sizes of the exact path (R package's rule)" },
    { "exact-max-steps", OPT_INT, &max_total, 0, 1e9, 0,
      "step budget of the exact path under the 1e-12 rule on the first grid (0: skip it)" },
    { "exact-r-max-steps", OPT_INT, &max_total_r, 0, 1e9, 0,
      "step budget of each exact path under the R package's rule (0: none)" },
    { "solve-reps", OPT_INT, &reps, 1, 1e6, 0, "solves timed for the solver choice" },
    { "viz", OPT_INT, &viz, 0, 1, 0, "1: also run CARP-VIZ" },
  };
  opt_parser p = OPT_PARSER("W-speed", "wall time, ADMM steps and peak memory of CARP, CARP-VIZ and the exact path",
                            specs);
  int status;
  if (!opt_parse(&p, argc, argv, &status)) return status;
  const char *path[2] = { auth, tcga }, *dname[2] = { "Authors", "TCGA" };
  cc_speed_job jobs[2][CC_SPEED_MAXJ];
  cc_speed_result res[2][CC_SPEED_MAXJ];
  size_t nj[2] = { 0, 0 };
  cc_data *d[2];
  cc_graph *g[2];
  for (int s = 0; s < 2; s++) {
    d[s] = cc_data_load(path[s]);
    g[s] = d[s] ? cc_weights(d[s]->x, d[s]->n, d[s]->p) : NULL;
    if (!g[s]) return PROC_EXIT_NUMERIC;
  }
  prog_bar bar;
  prog_start(&bar, "W-speed", 2, p.quiet);
  for (int s = 0; s < 2; s++) {
    const size_t k = nj[s] = cc_speed_all(d[s]->x, d[s]->n, d[s]->p, g[s], ts.v, ts.n, grids.v, grids.n,
                                          (size_t) max_total, (size_t) max_total_r, (size_t) reps, (int) viz,
                                          jobs[s], res[s]);
    for (size_t i = 0; i < k; i++)
      if (!res[s][i].ok) return proc_fail(p.program, "a run failed (%s, method %d)", dname[s], jobs[s][i].method);
    prog_update(&bar, s + 1);
  }
  prog_finish(&bar);

  /* the deterministic table (steps, levels) and the machine's (seconds, megabytes), row by row */
  out_file f, ft;
  if (out_tsv_open(&f, &p, NULL) || out_tsv_open(&ft, &p, "timing")) return PROC_EXIT_NUMERIC;
  out_comment(&f, "dataset 0 = authors, 1 = TCGA; method 0 = CARP(t), 1 = CARP-VIZ, 2 = exact path (R package rule, "
              "grid points), 3 = exact path (||dU||_F < 1e-12 ||X||_F, step budget), 4 = solver timing (solver 0 = CHOLMOD, 1 = dense)");
  out_columns(&f, "dataset\tmethod\tsolver\tt\tgrid\tsteps\tlevels\tcomplete\tgamma_end");
  out_comment(&ft, "wall seconds of the solver alone (weights excluded) and peak resident MB of the run's process");
  out_columns(&ft, "dataset\tmethod\tsolver\tt\tgrid\tsteps\tcomplete\tseconds\tpeak_mb\tms_per_step");
  for (int s = 0; s < 2; s++)
    for (size_t i = 0; i < nj[s]; i++) {
      const cc_speed_job *j = &jobs[s][i];
      const cc_speed_result *r = &res[s][i];
      const double t = j->method == CC_SPEED_CARP ? j->t : NAN;
      fprintf(f.fp, "%d\t%d\t%d\t%.17g\t%zu\t%zu\t%zu\t%zu\t%.17g\n", s, j->method, (int) j->solver, t, j->grid,
              r->steps, r->levels, r->complete, j->method == CC_SPEED_SOLVE ? NAN : r->gamma_end);
      fprintf(ft.fp, "%d\t%d\t%d\t%.17g\t%zu\t%zu\t%zu\t%.6g\t%.4g\t%.6g\n", s, j->method, (int) j->solver, t, j->grid,
              r->steps, r->complete, r->seconds, r->mb, 1e3 * r->seconds / (double) r->steps);
    }
  if (out_commit(&f) || out_commit(&ft)) return PROC_EXIT_NUMERIC;

  /* macros: steps (reproducible) in W-speed-macros.tex; seconds and MB in W-speed-timing-macros.tex */
  static const char *mname[] = { "Carp", "Viz", "ExactR", "Exact", "Solve" };
  char mac[96], num[64];
  if (out_macros_open(&f, &p) || out_timing_macros_open(&ft, &p)) return PROC_EXIT_NUMERIC;
  for (int s = 0; s < 2; s++) {
    size_t nc = 0, ng = 0;
    for (size_t i = 0; i < nj[s]; i++) {
      const cc_speed_job *j = &jobs[s][i];
      const cc_speed_result *r = &res[s][i];
      const int m = j->method;
      char key[48], which[8] = "";   /* CARP and exact paths: A, B, ... in order; the solver's name */
      if (m == CC_SPEED_CARP || m == CC_SPEED_EXACT_R) which[0] = (char) ('A' + (m == CC_SPEED_CARP ? nc++ : ng++) % 10);
      if (m == CC_SPEED_SOLVE) strcpy(which, j->solver ? "Dense" : "Cholmod");
      snprintf(key, sizeof key, "WSpeed%s%s%s", dname[s], mname[m], which);
      if (m != CC_SPEED_SOLVE) {
        out_macro(&f, strcat(strcpy(mac, key), "Steps"), "%zu", r->steps);
        out_macro(&f, strcat(strcpy(mac, key), "Levels"), "%zu", r->levels);
      }
      out_macro(&ft, strcat(strcpy(mac, key), "Sec"), "%s", out_tex_number(num, sizeof num, r->seconds, 3));
      out_macro(&ft, strcat(strcpy(mac, key), "MB"), "%.0f", r->mb);
      out_macro(&ft, strcat(strcpy(mac, key), "MsPerStep"), "%s", out_tex_number(num, sizeof num, 1e3 * r->seconds / (double) r->steps, 3));
    }
  }
  for (size_t i = 0; i < ts.n && i < 10; i++) out_macro_at(&f, "WSpeedT", i, "%g", ts.v[i]);
  for (size_t i = 0; i < grids.n && i < 10; i++) out_macro_at(&f, "WSpeedGrid", i, "%g", grids.v[i]);
  out_macro(&f, "WSpeedExactBudget", "%ld", max_total);
  out_macro(&f, "WSpeedSolveReps", "%ld", reps);
  if (out_commit(&f) || out_commit(&ft)) return PROC_EXIT_NUMERIC;
  for (int s = 0; s < 2; s++) { cc_graph_free(g[s]); cc_data_free(d[s]); }
  return 0;
}
