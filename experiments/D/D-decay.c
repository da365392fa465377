/* D-decay -- the decaying-step theorem of Du, Hu & Lee (2018) run to convergence: asymmetric
 * factorization min 1/2 ||U V^T - M*||_F^2 by GD with eta_t = eta0/(t+1)^(1/2+delta) from a small
 * random initialization.  Every step is checked against the bound implied by the exact identity
 *     |D_t| <= |D_0| + sum_{s<t} eta_s^2 (||grad_U||^2 + ||grad_V||^2),   D = ||U||^2 - ||V||^2,
 * and the largest ||U||^2, ||V||^2 are kept (boundedness).  The error is recorded against t and the
 * elapsed time sum_{s<t} eta_s, which decides how far the small initialization gets.  Uses the
 * factorization gradient and step schedule of lib/models/mf.h; the checked run is mf_decay_run
 * (experiments/common/mf_protocol).  Protocol designed for this artifact. */
#include <math.h>
#include <stdlib.h>
#include "experiment.h"
#include "mf_protocol.h"
#include "models/mf.h"

/* Every delta starts from the same init. */
static const rng_table streams = { NULL, "the same init for every delta", {
  { "M*", RNG_DATA, "1", NULL }, { "init", RNG_INIT, "1", "1" } } };

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
  mf_decay_result res[8];
  for (size_t j = 0; j < deltas.n; j++) {
    gsl_rng *ri = rng_table_stream(&streams, "init", p.seed, NULL);
    if (!ri) return PROC_EXIT_NUMERIC;
    mf_init_gaussian(U, V, alpha, ri);
    gsl_rng_free(ri);
    const mf_schedule sch = { eta0, deltas.v[j], 1 };
    if (mf_decay_run(p.program, pr, U, V, &sch, (size_t) T, tol, growth, w, f.fp, j, &res[j])) {
      out_abort(&f); out_abort(&fs);
      return PROC_EXIT_NUMERIC;
    }
    const mf_decay_result *r = &res[j];
    fprintf(fs.fp, "%zu\t%.17g\t%.17g\t%ld\t%.17g\t%zu\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\n",
            j, sch.delta, eta0, T, r->errT, r->t_conv, r->time_conv, r->time, r->bound_worst, r->u2max, r->v2max, r->u2T, r->v2T,
            r->D0, r->DT, nuc);
  }
  if (out_commit(&f) || out_commit(&fs)) return PROC_EXIT_NUMERIC;

  char num[64];
  if (out_macros_open(&f, &p)) return PROC_EXIT_NUMERIC;
  out_run_macro(&f, &p, "EtaZero", "%g", eta0);
  out_run_macro(&f, &p, "T", "%s", out_tex_number(num, sizeof num, (double) T, 2));
  out_run_macro(&f, &p, "Nuc", "%g", nuc);
  for (size_t j = 0; j < deltas.n; j++) {
    out_run_macro_at(&f, &p, "Err", j, "%s", out_tex_number(num, sizeof num, res[j].errT, 2));
    out_run_macro_at(&f, &p, "Time", j, "%.1f", res[j].time);
    if (res[j].t_conv <= (size_t) T) out_run_macro_at(&f, &p, "Conv", j, "%zu", res[j].t_conv);
    else out_run_macro_at(&f, &p, "Conv", j, "%s", "none");
    out_run_macro_at(&f, &p, "Norm", j, "%.4f", fmax(res[j].u2max, res[j].v2max));
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
