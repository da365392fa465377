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
#include "child.h"
#include "experiment.h"
#include "io/cc_data.h"
#include "models/cc_path.h"

enum { M_CARP = 0, M_VIZ = 1, M_EXACT_R = 2, M_EXACT = 3, M_SOLVE = 4 };

typedef struct {
  int ok;
  size_t steps, levels, complete;
  double gamma_end, seconds, mb;
} result;

typedef struct {
  const cc_data *d;
  const cc_graph *g;
  int method;
  double t, gamma_hi;
  size_t grid, max_total, reps;
  cc_solver solver;
} job;

/* The work of one configuration (in the child). */
static result work(const job *j)
{
  result r = { 0 };
  cc_admm *a = cc_admm_alloc(j->d->x, j->d->n, j->d->p, j->g, 1.0, j->solver);
  cc_path *h = a ? cc_path_alloc(j->d->n, j->d->p, j->g->ne, 0) : NULL;
  if (!h) return r;
  const cc_carp_config cfg = { j->t, 1e-6, 50, 10, 100000000 };
  double t0 = proc_seconds();
  int rc = 0;
  if (j->method == M_CARP) rc = cc_carp(a, &cfg, h);
  else if (j->method == M_VIZ) rc = cc_carp_viz(a, &cfg, 1.1, 1.01, 15, h);
  else if (j->method == M_SOLVE) {
    /* factor (again, timed) and solve reps right-hand sides of the data's width */
    cc_admm_free(a);
    t0 = proc_seconds();
    a = cc_admm_alloc(j->d->x, j->d->n, j->d->p, j->g, 1.0, j->solver);
    for (size_t k = 0; a && k < j->reps; k++) {
      memcpy(a->rhs, j->d->x, j->d->n * j->d->p * sizeof(double));
      rc = cc_admm_solve(a, a->rhs);
    }
    h->steps = j->reps;
  } else {
    double *grid = malloc(j->grid * sizeof *grid);
    if (!grid) return r;
    for (size_t q = 0; q < j->grid; q++)
      grid[q] = 1e-6 * pow(j->gamma_hi / 1e-6, (double) q / (double) (j->grid - 1));
    rc = j->method == M_EXACT_R ? cc_exact(a, grid, j->grid, CC_RULE_R, 1e-10, 2500, j->max_total, h)
                                : cc_exact(a, grid, j->grid, CC_RULE_DU, 1e-12, 100000, j->max_total, h);
    free(grid);
    if (rc == GSL_EMAXITER) rc = 0;   /* the step budget ran out: reported as incomplete */
  }
  r.seconds = proc_seconds() - t0;
  r.ok = rc == 0 && a != NULL;
  r.steps = h->steps;
  r.levels = h->nstore;
  r.gamma_end = h->gamma_end;
  r.complete = isfinite(h->gamma_end);
  cc_path_free(h);
  cc_admm_free(a);
  return r;
}

static int work_fn(const void *j, void *r)
{
  *(result *) r = work(j);
  return 0;
}

/* One job in its own process (child.h), so that its peak resident memory is its own. */
static result run_child(const job *j)
{
  result r = { 0 };
  child_usage u;
  if (child_run(work_fn, j, &r, sizeof r, &u)) r.ok = 0;
  else r.mb = u.peak_mb;
  return r;
}

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
  enum { MAXJ = 64 };
  job jobs[2][MAXJ];
  result res[2][MAXJ];
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
    job base = { d[s], g[s], M_CARP, 1.05, 0, 0, 0, 0, CC_SOLVER_CHOLMOD };
    size_t k = 0;
    for (int sv = 0; sv < 2; sv++) {   /* the solver measurement */
      jobs[s][k] = base; jobs[s][k].method = M_SOLVE; jobs[s][k].reps = (size_t) reps;
      jobs[s][k].solver = sv ? CC_SOLVER_DENSE : CC_SOLVER_CHOLMOD; k++;
    }
    for (size_t i = 0; i < ts.n; i++) { jobs[s][k] = base; jobs[s][k].t = ts.v[i]; k++; }
    if (viz) { jobs[s][k] = base; jobs[s][k].method = M_VIZ; k++; }
    for (size_t i = 0; i < k; i++) res[s][i] = run_child(&jobs[s][i]);
    /* the exact paths' grids run from eps to twice CARP(1.05)'s last level (or the largest t's) */
    double ghi = NAN;
    for (size_t i = 0; i < k; i++)
      if (jobs[s][i].method == M_CARP && res[s][i].ok && (isnan(ghi) || jobs[s][i].t == 1.05)) ghi = 2 * res[s][i].gamma_end;
    for (size_t i = 0; i < grids.n; i++) {
      jobs[s][k] = base; jobs[s][k].method = M_EXACT_R; jobs[s][k].grid = (size_t) grids.v[i];
      jobs[s][k].gamma_hi = ghi; jobs[s][k].max_total = (size_t) max_total_r;
      res[s][k] = run_child(&jobs[s][k]); k++;
    }
    if (max_total > 0) {
      jobs[s][k] = base; jobs[s][k].method = M_EXACT; jobs[s][k].grid = (size_t) grids.v[0];
      jobs[s][k].gamma_hi = ghi; jobs[s][k].max_total = (size_t) max_total; res[s][k] = run_child(&jobs[s][k]); k++;
    }
    nj[s] = k;
    for (size_t i = 0; i < k; i++)
      if (!res[s][i].ok) { fprintf(stderr, "W-speed: a run failed (%s, method %d)\n", dname[s], jobs[s][i].method); return PROC_EXIT_NUMERIC; }
    prog_update(&bar, s + 1);
  }
  prog_finish(&bar);

  out_file f;
  if (out_tsv_open(&f, &p, NULL)) return PROC_EXIT_NUMERIC;
  out_comment(&f, "dataset 0 = authors, 1 = TCGA; method 0 = CARP(t), 1 = CARP-VIZ, 2 = exact path (R package rule, "
              "grid points), 3 = exact path (||dU||_F < 1e-12 ||X||_F, step budget), 4 = solver timing (solver 0 = CHOLMOD, 1 = dense)");
  out_columns(&f, "dataset\tmethod\tsolver\tt\tgrid\tsteps\tlevels\tcomplete\tgamma_end");
  for (int s = 0; s < 2; s++)
    for (size_t i = 0; i < nj[s]; i++) {
      const job *j = &jobs[s][i];
      const result *r = &res[s][i];
      fprintf(f.fp, "%d\t%d\t%d\t%.17g\t%zu\t%zu\t%zu\t%zu\t%.17g\n", s, j->method, (int) j->solver,
              j->method == M_CARP ? j->t : NAN, j->grid, r->steps, r->levels, r->complete,
              j->method == M_SOLVE ? NAN : r->gamma_end);
    }
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;
  if (out_tsv_open(&f, &p, "timing")) return PROC_EXIT_NUMERIC;
  out_comment(&f, "wall seconds of the solver alone (weights excluded) and peak resident MB of the run's process");
  out_columns(&f, "dataset\tmethod\tsolver\tt\tgrid\tsteps\tcomplete\tseconds\tpeak_mb\tms_per_step");
  for (int s = 0; s < 2; s++)
    for (size_t i = 0; i < nj[s]; i++) {
      const job *j = &jobs[s][i];
      const result *r = &res[s][i];
      fprintf(f.fp, "%d\t%d\t%d\t%.17g\t%zu\t%zu\t%zu\t%.6g\t%.4g\t%.6g\n", s, j->method, (int) j->solver,
              j->method == M_CARP ? j->t : NAN, j->grid, r->steps, r->complete, r->seconds, r->mb,
              1e3 * r->seconds / (double) r->steps);
    }
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  /* macros: steps (reproducible) in W-speed-macros.tex; seconds and MB in the timing macros */
  static const char *tag[] = { "A", "B", "C", "D", "E", "F", "G", "H", "I", "J" };
  static const char *mname[] = { "Carp", "Viz", "ExactR", "Exact", "Solve" };
  char mac[96], num[64];
  out_file ft;
  char tpath[OUT_PATH_MAX];
  snprintf(tpath, sizeof tpath, "%s-timing-macros.tex", out_stem(&p));
  if (out_macros_open(&f, &p) || out_open(&ft, tpath)) return PROC_EXIT_NUMERIC;
  for (int s = 0; s < 2; s++) {
    size_t nc = 0, ng = 0;
    for (size_t i = 0; i < nj[s]; i++) {
      const job *j = &jobs[s][i];
      const result *r = &res[s][i];
      char key[48];
      if (j->method == M_CARP) snprintf(key, sizeof key, "%s%s", mname[j->method], tag[nc++ % 10]);
      else if (j->method == M_EXACT_R) snprintf(key, sizeof key, "%s%s", mname[j->method], tag[ng++ % 10]);
      else if (j->method == M_SOLVE) snprintf(key, sizeof key, "%s%s", mname[j->method], j->solver ? "Dense" : "Cholmod");
      else snprintf(key, sizeof key, "%s", mname[j->method]);
      if (j->method != M_SOLVE) {
        snprintf(mac, sizeof mac, "WSpeed%s%sSteps", dname[s], key);
        out_macro(&f, mac, "%zu", r->steps);
        snprintf(mac, sizeof mac, "WSpeed%s%sLevels", dname[s], key);
        out_macro(&f, mac, "%zu", r->levels);
      }
      fprintf(ft.fp, "\\newcommand{\\WSpeed%s%sSec}{%s}\n", dname[s], key, out_tex_number(num, sizeof num, r->seconds, 3));
      fprintf(ft.fp, "\\newcommand{\\WSpeed%s%sMB}{%.0f}\n", dname[s], key, r->mb);
      fprintf(ft.fp, "\\newcommand{\\WSpeed%s%sMsPerStep}{%s}\n", dname[s], key,
              out_tex_number(num, sizeof num, 1e3 * r->seconds / (double) r->steps, 3));
    }
  }
  for (size_t i = 0; i < ts.n && i < 10; i++) {
    snprintf(mac, sizeof mac, "WSpeedT%s", tag[i]);
    out_macro(&f, mac, "%g", ts.v[i]);
  }
  for (size_t i = 0; i < grids.n && i < 10; i++) {
    snprintf(mac, sizeof mac, "WSpeedGrid%s", tag[i]);
    out_macro(&f, mac, "%g", grids.v[i]);
  }
  out_macro(&f, "WSpeedExactBudget", "%ld", max_total);
  out_macro(&f, "WSpeedSolveReps", "%ld", reps);
  if (out_commit(&f) || out_commit(&ft)) return PROC_EXIT_NUMERIC;
  for (int s = 0; s < 2; s++) { cc_graph_free(g[s]); cc_data_free(d[s]); }
  return 0;
}
