/* cc_baseline.c -- W-baselines' protocol: see cc_baseline.h. */
#include <math.h>
#include <stdio.h>
#include "cc_baseline.h"
#include "child.h"
#include "io/proc.h"
#include "models/cc_ama.h"

const char *const cc_baseline_name[3] = { "Carp", "Admm", "Ama" };

static void report(void *ctx, size_t levels)
{
  const cc_baseline_job *j = ctx;
  prog_update(j->bar, j->bar_at + (long) (100 * levels / j->ngrid));
}

/* One run (in the child): the solver alone is timed, weights and factorization excluded. */
static int work(const void *arg, void *res)
{
  const cc_baseline_job *j = arg;
  cc_baseline_outcome *o = res;
  const size_t n = j->d->n, p = j->d->p;
  cc_admm *a = j->method == CC_BASELINE_AMA ? NULL : cc_admm_alloc(j->d->x, n, p, j->g, 1.0, CC_SOLVER_CHOLMOD);
  const double nu = cc_ama_step_size(j->g) / (j->accelerate ? 2 : 1);   /* FISTA needs nu <= 1/L */
  cc_ama *m = j->method == CC_BASELINE_AMA ? cc_ama_alloc(j->d->x, n, p, j->g, nu, j->accelerate) : NULL;
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
  const double w0 = proc_seconds(), c0 = proc_cpu_seconds();
  const int rc = j->method == CC_BASELINE_CARP ? cc_carp(a, &cfg, h)
                                               : cc_exact_run(&it, j->grid, j->ngrid, rule, tol, cap, 0, h);
  *o = (cc_baseline_outcome) { h->steps, h->nstore, h->capped, isfinite(h->gamma_end), h->gamma_end,
                               proc_seconds() - w0, proc_cpu_seconds() - c0, 0, { NAN, NAN } };
  cc_path_free(h);
  cc_admm_free(a);
  cc_ama_free(m);
  return rc;
}

int cc_baseline_run(const cc_baseline_job *j, long reps, cc_baseline_outcome *o)
{
  const double load0 = proc_loadavg();
  for (long r = 0; r < reps; r++) {
    cc_baseline_outcome x;
    child_usage u;
    if (child_run(work, j, &x, sizeof x, &u)) return 1;
    x.mb = u.peak_mb;
    if (r == 0 || x.wall < o->wall) { const double mb = r ? fmax(o->mb, x.mb) : x.mb; *o = x; o->mb = mb; }
    else o->mb = fmax(o->mb, x.mb);
  }
  o->load[0] = load0;
  o->load[1] = proc_loadavg();
  prog_update(j->bar, j->bar_at + 100);
  return 0;
}

size_t cc_baseline_plan(cc_baseline_job *jobs, const cc_baseline_job *base, const opt_list *ts, const opt_list *methods)
{
  size_t k = 0;
  for (size_t i = 0; i < ts->n; i++) { jobs[k] = *base; jobs[k].method = CC_BASELINE_CARP; jobs[k++].t = ts->v[i]; }
  for (size_t i = 0; i < methods->n; i++) { jobs[k] = *base; jobs[k++].method = (int) methods->v[i]; }
  return k;
}

void cc_baseline_macros(out_file *f, out_file *ft, const char *pre, const char *ds, const cc_baseline_job *jb,
                        const cc_baseline_outcome *o, size_t nj)
{
  char key[128], num[64];
  double best = INFINITY;
  size_t nexact = 0;
  for (size_t i = 0, nc = 0; i < nj; i++) {
    if (jb[i].method == CC_BASELINE_CARP) snprintf(key, sizeof key, "%s%sCarp%c", pre, ds, (int) ('A' + nc++));
    else {
      snprintf(key, sizeof key, "WBaselines%s%s%s", jb[i].tight ? "Tight" : "", ds, cc_baseline_name[jb[i].method]);
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
