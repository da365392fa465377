/* W-baselines -- CARP against the exact-path baselines of the paper's timings, run to completion on
 * the authors and TCGA data: ADMM (the module's own step iterated to convergence, warm-started) and
 * AMA (Chi & Lange 2015, accelerated as in their package cvxclustr), each on a geometric grid from
 * eps = 1e-6 to twice the last level of CARP at the first t, under one rule (--tight 0: the R
 * package's, mean squared change below 1e-10, cap 2500 per level; --tight 1: ||dU||_F < 1e-12
 * ||X||_F, cap 1e5); CARP at each t, the fastest of --carp-reps runs, as the reference of the same
 * run.  Each run has a process of its own (child.h), so that its peak memory is its own.  Steps and
 * levels go to STEM.tsv; seconds, CPU seconds, MB and the machine's load to STEM-timing.tsv and
 * STEM-timing-macros.tex.  Long: an opt-in run (make extended), recorded in paper/recorded/.
 * The runs themselves: experiments/common/cc_baseline. */
#include <math.h>
#include <stdlib.h>
#include "cc_baseline.h"
#include "experiment.h"

enum { MAXJ = 16 };
static const char *dname[2] = { "Authors", "TCGA" };

/* The data (steps, levels), the timing table and both macro files of the runs. */
static int write_all(const opt_parser *p, cc_baseline_job jb[2][MAXJ], cc_baseline_outcome o[2][MAXJ], const size_t nj[2], long grid,
                     long carp_reps)   /* nj[s] == 0: data set s not run */
{
  out_file f, ft, fm, fmt;
  char pre[64];
  out_macro_prefix(p, pre, sizeof pre);
  if (out_tsv_open(&f, p, NULL) || out_tsv_open(&ft, p, "timing") || out_macros_open(&fm, p) || out_timing_macros_open(&fmt, p))
    return 1;
  out_comment(&f, "dataset 0 = authors, 1 = TCGA; method 0 = CARP(t), 1 = exact path by ADMM, 2 = exact path by AMA; "
              "tight 0 = the R package's rule, 1 = ||dU||_F < 1e-12 ||X||_F");
  out_comment(&ft, "seconds: wall time of the solver alone, the fastest run; cpu_seconds: its CPU time; peak_mb: largest "
              "peak resident memory of the runs' processes; ratio: seconds / seconds of CARP at the first t; load0, load1: "
              "the machine's 1-minute load average before and after the runs (2 cores)");
  out_columns(&f, "dataset\tmethod\ttight\tt\tgrid\tsteps\tlevels\tcapped\tcomplete\tgamma_end");
  out_columns(&ft, "dataset\tmethod\ttight\tt\tsteps\tseconds\tcpu_seconds\tpeak_mb\tratio\tload0\tload1");
  for (int s = 0; s < 2; s++) {
    for (size_t i = 0; i < nj[s]; i++) {
      const cc_baseline_job *j = &jb[s][i];
      const cc_baseline_outcome *r = &o[s][i];
      const double t = j->method == CC_BASELINE_CARP ? j->t : NAN;
      fprintf(f.fp, "%d\t%d\t%d\t%.17g\t%ld\t%zu\t%zu\t%zu\t%zu\t%.17g\n", s, j->method, j->tight, t,
              j->method == CC_BASELINE_CARP ? 0 : grid, r->steps, r->levels, r->capped, r->complete, r->gamma_end);
      fprintf(ft.fp, "%d\t%d\t%d\t%.17g\t%zu\t%.6g\t%.6g\t%.4g\t%.6g\t%.3g\t%.3g\n", s, j->method, j->tight, t, r->steps,
              r->wall, r->cpu, r->mb, r->wall / o[s][0].wall, r->load[0], r->load[1]);
    }
    cc_baseline_macros(&fm, &fmt, pre, dname[s], jb[s], o[s], nj[s]);
  }
  double lo = INFINITY, hi = -INFINITY;
  for (int s = 0; s < 2; s++)
    for (size_t i = 0; i < nj[s]; i++) { lo = fmin(lo, fmin(o[s][i].load[0], o[s][i].load[1])); hi = fmax(hi, fmax(o[s][i].load[0], o[s][i].load[1])); }
  fprintf(fmt.fp, "\\newcommand{\\%sLoadMin}{%.1f}\n\\newcommand{\\%sLoadMax}{%.1f}\n", pre, lo, pre, hi);
  out_run_macro(&fm, p, "Grid", "%ld", grid);
  out_run_macro(&fm, p, "CarpReps", "%ld", carp_reps);
  return out_commit(&f) || out_commit(&ft) || out_commit(&fm) || out_commit(&fmt);
}

int main(int argc, char **argv)
{
  proc_init();
  const char *path[2] = { "experiments/data/authors.csv", "experiments/data/tcga-breast.csv" };
  opt_list ts = { 2, { 1.05, 1.01 } }, sets = { 2, { 0, 1 } }, methods = { 2, { CC_BASELINE_ADMM, CC_BASELINE_AMA } };
  long grid = 100, carp_reps = 5, exact_reps = 1, tight = 1, accelerate = 1;
  opt_spec specs[] = {
    { "authors", OPT_STR, &path[0], 0, 0, 0, "CSV of the authors data" },
    { "tcga", OPT_STR, &path[1], 0, 0, 0, "CSV of the TCGA data" },
    { "ts", OPT_REALS, &ts, 1, 10, OPT_LO_OPEN, "CARP step ratios t > 1 (the first sets the grid)" },
    { "grid", OPT_INT, &grid, 2, 100000, 0, "levels of the exact paths' grid" },
    { "carp-reps", OPT_INT, &carp_reps, 1, 100, 0, "runs of each CARP (the fastest is kept)" },
    { "exact-reps", OPT_INT, &exact_reps, 1, 100, 0, "runs of each exact path (the fastest is kept)" },
    { "tight", OPT_INT, &tight, 0, 1, 0, "the exact paths' rule: 0 the R package's, 1 the tight rule" },
    { "accelerate", OPT_INT, &accelerate, 0, 1, 0, "1: accelerated AMA (the package's default)" },
    { "sets", OPT_INTS, &sets, 0, 1, 0, "data sets to run: 0 authors, 1 TCGA" },
    { "methods", OPT_INTS, &methods, 1, 2, 0, "exact paths to run: 1 ADMM, 2 AMA" },
  };
  opt_parser p = OPT_PARSER("W-baselines", "CARP vs the exact paths by ADMM and AMA, run to completion", specs);
  int status;
  if (!opt_parse(&p, argc, argv, &status)) return status;
  cc_data *d[2];
  cc_graph *g[2];
  for (int s = 0; s < 2; s++)
    if (!(d[s] = cc_data_load(path[s])) || !(g[s] = cc_weights(d[s]->x, d[s]->n, d[s]->p))) return PROC_EXIT_NUMERIC;
  cc_baseline_job jb[2][MAXJ];
  cc_baseline_outcome o[2][MAXJ];
  size_t nj[2];
  double *gr[2] = { NULL, NULL };
  prog_bar bar;
  for (int s = 0; s < 2; s++) {
    const cc_baseline_job base = { d[s], g[s], CC_BASELINE_CARP, (int) tight, (int) accelerate, ts.v[0], NULL, (size_t) grid, &bar, 0 };
    int use = 0;
    for (size_t i = 0; i < sets.n; i++) use |= (int) sets.v[i] == s;
    nj[s] = use ? cc_baseline_plan(jb[s], &base, &ts, &methods) : 0;
  }
  prog_start(&bar, "W-baselines", 100 * (long) (nj[0] + nj[1]), p.quiet);
  for (int s = 0; s < 2; s++)
    for (size_t i = 0; i < nj[s]; i++) {
      cc_baseline_job *j = &jb[s][i];
      j->bar_at = 100 * (long) ((size_t) s * nj[0] + i);
      if (j->method != CC_BASELINE_CARP && !gr[s]) {   /* eps to twice CARP(first t)'s last level */
        if (!(gr[s] = malloc((size_t) grid * sizeof *gr[s]))) return PROC_EXIT_NUMERIC;
        for (long q = 0; q < grid; q++) gr[s][q] = 1e-6 * pow(2 * o[s][0].gamma_end / 1e-6, (double) q / (double) (grid - 1));
      }
      j->grid = gr[s];
      if (cc_baseline_run(j, j->method == CC_BASELINE_CARP ? carp_reps : exact_reps, &o[s][i]))
        return proc_fail(p.program, "a run failed (%s, %s)", dname[s], cc_baseline_name[j->method]);
    }
  prog_finish(&bar);

  if (write_all(&p, jb, o, nj, grid, carp_reps)) return PROC_EXIT_NUMERIC;
  for (int s = 0; s < 2; s++) { free(gr[s]); cc_graph_free(g[s]); cc_data_free(d[s]); }
  return 0;
}
