/* D-decay -- the decaying-step theorem of Du, Hu & Lee (2018) run to convergence: asymmetric
 * factorization min 1/2 ||U V^T - M*||_F^2 by GD with eta_t = eta0/(t+1)^(1/2+delta) from a small
 * random initialization.  Every step is checked against the bound implied by the exact identity
 *     |D_t| <= |D_0| + sum_{s<t} eta_s^2 (||grad_U||^2 + ||grad_V||^2),   D = ||U||^2 - ||V||^2,
 * and the largest ||U||^2, ||V||^2 are kept (boundedness).  The error is recorded against t and the
 * elapsed time sum_{s<t} eta_s, which decides how far the small initialization gets.  Uses the
 * factorization gradient and step schedule of lib/models/mf.h.  Protocol designed for this artifact. */
#include <math.h>
#include <stdlib.h>
#include "experiment.h"
#include "mf_protocol.h"
#include "models/mf.h"

/* Every delta starts from the same init. */
static const rng_table streams = { NULL, "the same init for every delta", {
  { "M*", RNG_DATA, "1", NULL }, { "init", RNG_INIT, "1", "1" } } };

typedef struct {
  double errT, time, time_conv, bound_worst, u2max, v2max, u2T, v2T, D0, DT;
  size_t t_conv;
} decay_result;

static int run(const opt_parser *p, const mf_problem *pr, gsl_matrix *U, gsl_matrix *V, const mf_schedule *sch,
               size_t T, double tol, double growth, mf_work *w, out_file *f, size_t code, decay_result *r)
{
  const double mnorm = la_norm_frob(pr->X);
  double D0 = la_frob2(U) - la_frob2(V), splus = 0, time = 0, next = 0;
  *r = (decay_result) { .bound_worst = -INFINITY, .t_conv = T + 1, .time_conv = NAN, .D0 = D0 };
  mf_stepinfo info;
  for (size_t t = 0;; t++) {
    if (mf_gradient(pr->X, U, V, w, &info)) return proc_diverged(p->program, t, "delta %g", sch->delta);
    const double err = sqrt(2 * info.loss) / mnorm, u2 = la_frob2(U), v2 = la_frob2(V), D = u2 - v2;
    /* The bound is exact arithmetic's; rounding of D (computed from norms u2 + v2) is allowed for. */
    r->bound_worst = fmax(r->bound_worst, fabs(D) - fabs(D0) - splus - 1e-14 * (u2 + v2));
    r->u2max = fmax(r->u2max, u2);
    r->v2max = fmax(r->v2max, v2);
    if (err <= tol && r->t_conv > T) r->t_conv = t, r->time_conv = time;
    if ((double) t >= next || t == T) {
      fprintf(f->fp, "%zu\t%.17g\t%zu\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\n", code, sch->delta, t,
              mf_step_size(sch, t), time, err, u2, v2, D, fabs(D0) + splus);
      next = fmax(next + 1, next * growth);
    }
    if (t == T) {
      r->errT = err; r->time = time; r->u2T = u2; r->v2T = v2; r->DT = D;
      return 0;
    }
    const double eta = mf_step_size(sch, t);
    if (mf_apply(U, V, eta, w)) return proc_diverged(p->program, t + 1, "delta %g", sch->delta);
    splus += eta * eta * (info.gF2 + info.gG2);
    time += eta;
  }
}

int main(int argc, char **argv)
{
  proc_init();
  long d1 = 20, d2 = 15, k = 3, T = 1000000;
  double alpha = 1e-3, eta0 = 0.3, tol = 1e-6, growth = 1.05;
  opt_list sigma = { 3, { 3, 2, 1 } }, deltas = { 3, { 0.1, 0.25, 0.5 } };
  opt_spec specs[] = {
    { "d1", OPT_INT, &d1, 1, 2000, 0, "rows of M*" },
    { "d2", OPT_INT, &d2, 1, 2000, 0, "columns of M*" },
    { "k", OPT_INT, &k, 1, 2000, 0, "width of the factors U (d1 x k), V (d2 x k)" },
    { "sigma", OPT_REALS, &sigma, 0, 1e6, OPT_LO_OPEN, "singular values of M* (decreasing)" },
    { "alpha", OPT_REAL, &alpha, 0, 1e3, OPT_LO_OPEN, "init scale: entries ~ N(0, alpha^2)" },
    { "eta0", OPT_REAL, &eta0, 0, 10, OPT_LO_OPEN, "eta_t = eta0 / (t+1)^(1/2 + delta)" },
    { "deltas", OPT_REALS, &deltas, 0, 0.5, OPT_LO_OPEN, "decay exponents delta in (0, 1/2]" },
    { "T", OPT_INT, &T, 1, 1e8, 0, "iterations per run" },
    { "tol", OPT_REAL, &tol, 0, 1, OPT_LO_OPEN, "t_conv = first t with ||UV^T - M*||_F <= tol ||M*||_F" },
    { "growth", OPT_REAL, &growth, 1, 2, OPT_LO_OPEN, "trajectory rows at t growing by this factor" },
  };
  opt_parser p = OPT_PARSER("D-decay", "decaying steps eta0/(t+1)^(1/2+delta) run to convergence", specs);
  int status;
  if (!opt_parse(&p, argc, argv, &status)) return status;
  opt_list head = sigma;
  if ((status = mf_validate(&p, d1, d2, k, &head, 0.0, eta0))) return status;
  if (deltas.n > 8) return opt_fail(&p, "--deltas", "at most 8 values (got %zu)", deltas.n);

  const size_t m = (size_t) d1, n = (size_t) d2;
  gsl_rng *rx = rng_table_stream(&streams, "M*", p.seed, NULL);
  mf_problem *pr = rx ? mf_problem_alloc(m, n, sigma.v, sigma.n, rx) : NULL;
  mf_work *w = mf_work_alloc(m, n, (size_t) k, 0);
  gsl_matrix *U = gsl_matrix_alloc(m, (size_t) k), *V = gsl_matrix_alloc(n, (size_t) k);
  if (!pr || !w || !U || !V) return PROC_EXIT_NUMERIC;
  double nuc = 0;
  for (size_t i = 0; i < sigma.n; i++) nuc += sigma.v[i];

  out_file f, fs;
  if (out_tsv_open(&f, &p, NULL) || out_tsv_open(&fs, &p, "summary")) return PROC_EXIT_NUMERIC;
  out_streams(&f, &streams);
  out_comment(&f, "||M*||_* = %.17g", nuc);
  out_comment(&f, "time = sum_{s<t} eta_s; err = ||UV^T - M*||_F / ||M*||_F; bound = |D_0| + sum_{s<t} eta_s^2 "
                  "(||g_U||^2 + ||g_V||^2)");
  out_columns(&f, "run\tdelta\tt\teta_t\ttime\terr\tU2\tV2\tD\tbound");
  out_comment(&fs, "bound_worst = max_t (|D_t| - bound_t - 1e-14 (||U_t||^2 + ||V_t||^2)): <= 0 when the bound holds");
  out_columns(&fs, "run\tdelta\teta0\tT\terrT\tt_conv\ttime_conv\ttime\tbound_worst\tU2max\tV2max\tU2T\tV2T\tD0\tDT\tnuc");
  decay_result res[8];
  for (size_t j = 0; j < deltas.n; j++) {
    gsl_rng *ri = rng_table_stream(&streams, "init", p.seed, NULL);
    if (!ri) return PROC_EXIT_NUMERIC;
    mf_init_gaussian(U, V, alpha, ri);
    gsl_rng_free(ri);
    const mf_schedule sch = { eta0, deltas.v[j], 1 };
    if (run(&p, pr, U, V, &sch, (size_t) T, tol, growth, w, &f, j, &res[j])) {
      out_abort(&f); out_abort(&fs);
      return PROC_EXIT_NUMERIC;
    }
    const decay_result *r = &res[j];
    fprintf(fs.fp, "%zu\t%.17g\t%.17g\t%ld\t%.17g\t%zu\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\n",
            j, sch.delta, eta0, T, r->errT, r->t_conv, r->time_conv, r->time, r->bound_worst, r->u2max, r->v2max, r->u2T, r->v2T,
            r->D0, r->DT, nuc);
  }
  if (out_commit(&f) || out_commit(&fs)) return PROC_EXIT_NUMERIC;

  char num[64];
  static const char *names[] = { "A", "B", "C", "D", "E", "F", "G", "H" };
  if (out_macros_open(&f, &p)) return PROC_EXIT_NUMERIC;
  out_run_macro(&f, &p, "EtaZero", "%g", eta0);
  out_run_macro(&f, &p, "T", "%s", out_tex_number(num, sizeof num, (double) T, 2));
  out_run_macro(&f, &p, "Nuc", "%g", nuc);
  for (size_t j = 0; j < deltas.n; j++) {
    char name[64];
    snprintf(name, sizeof name, "Err%s", names[j]);
    out_run_macro(&f, &p, name, "%s", out_tex_number(num, sizeof num, res[j].errT, 2));
    snprintf(name, sizeof name, "Time%s", names[j]);
    out_run_macro(&f, &p, name, "%.1f", res[j].time);
    snprintf(name, sizeof name, "Conv%s", names[j]);
    if (res[j].t_conv <= (size_t) T) out_run_macro(&f, &p, name, "%zu", res[j].t_conv);
    else out_run_macro(&f, &p, name, "%s", "none");
    snprintf(name, sizeof name, "Norm%s", names[j]);
    out_run_macro(&f, &p, name, "%.4f", fmax(res[j].u2max, res[j].v2max));
  }
  /* With delta = 1/2 the time after T steps is eta0 (ln T + gamma) to first order: the T that would
   * give the longest time any converged run needed. */
  double need = NAN;
  for (size_t j = 0; j < deltas.n; j++)
    if (res[j].t_conv <= (size_t) T) need = isnan(need) ? res[j].time_conv : fmax(need, res[j].time_conv);
  out_run_macro(&f, &p, "TimeNeeded", "%.1f", need);
  out_run_macro(&f, &p, "HalfLogT", "%.0f", (need / eta0 - 0.5772156649015329) / log(10.0));
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;
  gsl_matrix_free(U); gsl_matrix_free(V);
  mf_work_free(w); mf_problem_free(pr); gsl_rng_free(rx);
  return 0;
}
