/* W-baselines -- CARP against the exact-path baselines of the paper's timings, run to completion on
 * the authors and TCGA data: ADMM (the module's own step iterated to convergence, warm-started) and
 * AMA (Chi & Lange 2015, accelerated as in their package cvxclustr), each on a geometric grid from
 * eps = 1e-6 to twice the last level of CARP at the first t, under one rule (--tight 0: the R
 * package's, mean squared change below 1e-10, cap 2500 per level; --tight 1: ||dU||_F < 1e-12
 * ||X||_F, cap 1e5); CARP at each t, the fastest of --carp-reps runs, as the reference of the same
 * run.  Each run has a process of its own (child.h), so that its peak memory is its own.  Steps and
 * levels go to STEM.tsv; seconds, CPU seconds, MB and the machine's load to STEM-timing.tsv and
 * STEM-timing-macros.tex.  Long: an opt-in run (make extended), recorded in paper/recorded/. */
#include <math.h>
#include <stdlib.h>
#include <time.h>
#include "child.h"
#include "experiment.h"
#include "io/cc_data.h"
#include "models/cc_ama.h"

enum { M_CARP = 0, M_ADMM = 1, M_AMA = 2, MAXJ = 16 };
static const char *mname[] = { "Carp", "Admm", "Ama" }, *dname[2] = { "Authors", "TCGA" };

typedef struct {
  const cc_data *d;
  const cc_graph *g;
  int method, tight, accelerate;
  double t;
  const double *grid;
  size_t ngrid;
  prog_bar *bar;      /* the parent's bar: the child draws on its own copy */
  long bar_at;        /* the bar's position when the job starts (100 units per job) */
} job;

typedef struct {
  size_t steps, levels, capped, complete;
  double gamma_end, wall, cpu, mb;
  double load[2];     /* 1-minute load average of the machine before and after the runs */
} outcome;

/* The machine's 1-minute load average (NAN where /proc/loadavg is missing). */
static double loadavg(void)
{
  double l = NAN;
  FILE *fp = fopen("/proc/loadavg", "r");
  if (fp && fscanf(fp, "%lf", &l) != 1) l = NAN;
  if (fp) fclose(fp);
  return l;
}

static double cpu_seconds(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double) ts.tv_sec + 1e-9 * (double) ts.tv_nsec;
}

static void report(void *ctx, size_t levels)
{
  const job *j = ctx;
  prog_update(j->bar, j->bar_at + (long) (100 * levels / j->ngrid));
}

/* One run (in the child): the solver alone is timed, weights and factorization excluded. */
static int work(const void *arg, void *res)
{
  const job *j = arg;
  outcome *o = res;
  const size_t n = j->d->n, p = j->d->p;
  cc_admm *a = j->method == M_AMA ? NULL : cc_admm_alloc(j->d->x, n, p, j->g, 1.0, CC_SOLVER_CHOLMOD);
  const double nu = cc_ama_step_size(j->g) / (j->accelerate ? 2 : 1);   /* FISTA needs nu <= 1/L */
  cc_ama *m = j->method == M_AMA ? cc_ama_alloc(j->d->x, n, p, j->g, nu, j->accelerate) : NULL;
  cc_path *h = cc_path_alloc(n, p, j->g->ne, 0);
  if ((!a && !m) || !h) return 1;
  const cc_rule rule = j->tight ? CC_RULE_DU : CC_RULE_R;
  const double tol = j->tight ? 1e-12 : 1e-10;
  const size_t cap = j->tight ? 100000 : 2500;
  cc_iterate it;
  if (a) { cc_admm_reset(a); it = cc_admm_iterate(a); }
  else { cc_ama_reset(m); it = cc_ama_iterate(m); }
  it.report = report;
  it.ctx = (void *) j;
  const cc_carp_config cfg = { j->t, 1e-6, 50, 10, 100000000 };
  const double w0 = proc_seconds(), c0 = cpu_seconds();
  const int rc = j->method == M_CARP ? cc_carp(a, &cfg, h) : cc_exact_run(&it, j->grid, j->ngrid, rule, tol, cap, 0, h);
  *o = (outcome) { h->steps, h->nstore, h->capped, isfinite(h->gamma_end), h->gamma_end, proc_seconds() - w0,
                   cpu_seconds() - c0, 0, { NAN, NAN } };
  cc_path_free(h);
  cc_admm_free(a);
  cc_ama_free(m);
  return rc;
}

/* The job `reps` times, each in its own process: the fastest wall time (and its CPU time), the
 * largest peak memory. */
static int run(const job *j, long reps, outcome *o)
{
  const double load0 = loadavg();
  for (long r = 0; r < reps; r++) {
    outcome x;
    child_usage u;
    if (child_run(work, j, &x, sizeof x, &u)) return 1;
    x.mb = u.peak_mb;
    if (r == 0 || x.wall < o->wall) { const double mb = r ? fmax(o->mb, x.mb) : x.mb; *o = x; o->mb = mb; }
    else o->mb = fmax(o->mb, x.mb);
  }
  o->load[0] = load0;
  o->load[1] = loadavg();
  prog_update(j->bar, j->bar_at + 100);
  return 0;
}

/* The jobs of one data set: CARP at each t, then the exact paths on the grid CARP's first t sets. */
static size_t plan(job *jobs, const job *base, const opt_list *ts, const opt_list *methods)
{
  size_t k = 0;
  for (size_t i = 0; i < ts->n; i++) { jobs[k] = *base; jobs[k].method = M_CARP; jobs[k++].t = ts->v[i]; }
  for (size_t i = 0; i < methods->n; i++) { jobs[k] = *base; jobs[k++].method = (int) methods->v[i]; }
  return k;
}

/* Macros: steps and levels (deterministic) in f; seconds, MB and the multiple of the run's own
 * CARP(first t) wall time in ft.  An exact path's are WBaselines[Tight]<data set><Admm|Ama>..., the
 * same whichever run measured it; CARP's (the run's reference) PREFIX<data set>Carp<A, B...>... */
static void write_macros(out_file *f, out_file *ft, const char *pre, const char *ds, const job *jb, const outcome *o,
                         size_t nj)
{
  char key[128], num[64];
  double best = INFINITY;
  size_t nexact = 0;
  for (size_t i = 0, nc = 0; i < nj; i++) {
    if (jb[i].method == M_CARP) snprintf(key, sizeof key, "%s%sCarp%c", pre, ds, (int) ('A' + nc++));
    else {
      snprintf(key, sizeof key, "WBaselines%s%s%s", jb[i].tight ? "Tight" : "", ds, mname[jb[i].method]);
      best = fmin(best, o[i].wall);
      nexact++;
    }
    fprintf(f->fp, "\\newcommand{\\%sSteps}{%zu}\n\\newcommand{\\%sLevels}{%zu}\n\\newcommand{\\%sCapped}{%zu}\n",
            key, o[i].steps, key, o[i].levels, key, o[i].capped);
    fprintf(ft->fp, "\\newcommand{\\%sSec}{%s}\n", key, out_tex_number(num, sizeof num, o[i].wall, 3));
    fprintf(ft->fp, "\\newcommand{\\%sMB}{%.0f}\n", key, o[i].mb);
    fprintf(ft->fp, "\\newcommand{\\%sRatio}{%s}\n", key, out_tex_number(num, sizeof num, o[i].wall / o[0].wall, 3));
  }
  if (nexact > 1)   /* the faster exact path, as a multiple of CARP at the first t */
    fprintf(ft->fp, "\\newcommand{\\%s%sFastestRatio}{%s}\n", pre, ds, out_tex_number(num, sizeof num, best / o[0].wall, 3));
}

/* The data (steps, levels), the timing table and both macro files of the runs. */
static int write_all(const opt_parser *p, job jb[2][MAXJ], outcome o[2][MAXJ], const size_t nj[2], long grid,
                     long carp_reps)   /* nj[s] == 0: data set s not run */
{
  out_file f, ft, fm, fmt;
  char tpath[OUT_PATH_MAX], pre[64];
  out_macro_prefix(p, pre, sizeof pre);
  snprintf(tpath, sizeof tpath, "%s-timing-macros.tex", out_stem(p));
  if (out_tsv_open(&f, p, NULL) || out_tsv_open(&ft, p, "timing") || out_macros_open(&fm, p) || out_open(&fmt, tpath))
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
      const job *j = &jb[s][i];
      const outcome *r = &o[s][i];
      const double t = j->method == M_CARP ? j->t : NAN;
      fprintf(f.fp, "%d\t%d\t%d\t%.17g\t%ld\t%zu\t%zu\t%zu\t%zu\t%.17g\n", s, j->method, j->tight, t,
              j->method == M_CARP ? 0 : grid, r->steps, r->levels, r->capped, r->complete, r->gamma_end);
      fprintf(ft.fp, "%d\t%d\t%d\t%.17g\t%zu\t%.6g\t%.6g\t%.4g\t%.6g\t%.3g\t%.3g\n", s, j->method, j->tight, t, r->steps,
              r->wall, r->cpu, r->mb, r->wall / o[s][0].wall, r->load[0], r->load[1]);
    }
    write_macros(&fm, &fmt, pre, dname[s], jb[s], o[s], nj[s]);
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
  opt_list ts = { 2, { 1.05, 1.01 } }, sets = { 2, { 0, 1 } }, methods = { 2, { M_ADMM, M_AMA } };
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
  job jb[2][MAXJ];
  outcome o[2][MAXJ];
  size_t nj[2];
  double *gr[2] = { NULL, NULL };
  prog_bar bar;
  for (int s = 0; s < 2; s++) {
    const job base = { d[s], g[s], M_CARP, (int) tight, (int) accelerate, ts.v[0], NULL, (size_t) grid, &bar, 0 };
    int use = 0;
    for (size_t i = 0; i < sets.n; i++) use |= (int) sets.v[i] == s;
    nj[s] = use ? plan(jb[s], &base, &ts, &methods) : 0;
  }
  prog_start(&bar, "W-baselines", 100 * (long) (nj[0] + nj[1]), p.quiet);
  for (int s = 0; s < 2; s++)
    for (size_t i = 0; i < nj[s]; i++) {
      job *j = &jb[s][i];
      j->bar_at = 100 * (long) ((size_t) s * nj[0] + i);
      if (j->method != M_CARP && !gr[s]) {   /* eps to twice CARP(first t)'s last level */
        if (!(gr[s] = malloc((size_t) grid * sizeof *gr[s]))) return PROC_EXIT_NUMERIC;
        for (long q = 0; q < grid; q++) gr[s][q] = 1e-6 * pow(2 * o[s][0].gamma_end / 1e-6, (double) q / (double) (grid - 1));
      }
      j->grid = gr[s];
      if (run(j, j->method == M_CARP ? carp_reps : exact_reps, &o[s][i])) {
        fprintf(stderr, "W-baselines: a run failed (%s, %s)\n", dname[s], mname[j->method]);
        return PROC_EXIT_NUMERIC;
      }
    }
  prog_finish(&bar);

  if (write_all(&p, jb, o, nj, grid, carp_reps)) return PROC_EXIT_NUMERIC;
  for (int s = 0; s < 2; s++) { free(gr[s]); cc_graph_free(g[s]); cc_data_free(d[s]); }
  return 0;
}
