/* D-mf -- asymmetric factorization min 1/2 ||U V^T - M*||_F^2 by GD (Du, Hu & Lee 2018): from a
 * small init the factors balance automatically (U^T U = V^T V at the limit, ||U||^2 = ||V||^2 =
 * ||M*||_*), from a large init the imbalance persists; with decaying steps eta_t = eta0/(t+1)^(1/2+delta)
 * the imbalance D = ||U||^2 - ||V||^2 moves by exactly eta_t^2 (||grad_U||^2 - ||grad_V||^2) per
 * step (the identity is derived for this artifact).  Uses lib/factor for the gradient.  Protocol
 * (shapes, scales, steps, seeds) designed for this artifact. */
#include <math.h>
#include <stdlib.h>
#include "experiment.h"
#include "mf_protocol.h"
#include "models/mf.h"

static const rng_table streams = { "c s", "c = case, s = seed", {
  { "M*", RNG_DATA, "1", NULL }, { "init", RNG_INIT, "c", "s" } } };

int main(int argc, char **argv)
{
  proc_init();
  long d1 = 20, d2 = 15, k = 3, T = 20000, seeds = 3;
  double alpha_small = 1e-3, alpha_large = 1, eta_small = 0.1, eta_large = 0.01, growth = 1.02;
  opt_list sigma = { 3, { 3, 2, 1 } }, deltas = { 2, { 0.1, 0.5 } };
  opt_spec specs[] = {
    { "d1", OPT_INT, &d1, 1, 2000, 0, "rows of M*" },
    { "d2", OPT_INT, &d2, 1, 2000, 0, "columns of M*" },
    { "k", OPT_INT, &k, 1, 2000, 0, "width of the factors U (d1 x k), V (d2 x k)" },
    { "sigma", OPT_REALS, &sigma, 0, 1e6, OPT_LO_OPEN, "singular values of M* (decreasing)" },
    { "alpha-small", OPT_REAL, &alpha_small, 0, 1e3, OPT_LO_OPEN, "small init scale: entries ~ N(0, alpha^2)" },
    { "alpha-large", OPT_REAL, &alpha_large, 0, 1e3, OPT_LO_OPEN, "large init scale" },
    { "eta-small", OPT_REAL, &eta_small, 0, 10, OPT_LO_OPEN, "eta (constant) or eta0 (decaying), small init" },
    { "eta-large", OPT_REAL, &eta_large, 0, 10, OPT_LO_OPEN, "eta or eta0, large init" },
    { "deltas", OPT_REALS, &deltas, 0, 0.5, OPT_LO_OPEN, "decay exponents delta in (0, 1/2]" },
    { "T", OPT_INT, &T, 1, 1e7, 0, "iterations per run" },
    { "seeds", OPT_INT, &seeds, 1, 100, 0, "init seeds per case" },
    { "growth", OPT_REAL, &growth, 1, 2, OPT_LO_OPEN, "trajectory rows at t growing by this factor" },
  };
  opt_parser p = OPT_PARSER("D-mf", "balance of asymmetric factorization: small vs large init, constant vs decaying steps", specs);
  int status;
  if (!opt_parse(&p, argc, argv, &status)) return status;
  opt_list head = sigma;
  if ((status = mf_validate(&p, d1, d2, k, &head, 0.0, eta_small))) return status;
  if (deltas.n > 4) return opt_fail(&p, "--deltas", "at most 4 values (got %zu)", deltas.n);

  const size_t m = (size_t) d1, n = (size_t) d2, nsched = 1 + deltas.n;
  gsl_rng *rx = rng_table_stream(&streams, "M*", p.seed, NULL);
  mf_problem *pr = mf_problem_alloc(m, n, sigma.v, sigma.n, rx);
  mf_work *w = mf_work_alloc(m, n, (size_t) k, 0);
  gsl_matrix *U = gsl_matrix_alloc(m, (size_t) k), *V = gsl_matrix_alloc(n, (size_t) k);
  if (!pr || !w || !U || !V) return PROC_EXIT_NUMERIC;
  double nuc = 0, mnorm = la_norm_frob(pr->X);
  for (size_t i = 0; i < sigma.n; i++) nuc += sigma.v[i];

  out_file f, fs;
  if (out_tsv_open(&f, &p, NULL) || out_tsv_open(&fs, &p, "summary")) return PROC_EXIT_NUMERIC;
  out_streams(&f, &streams);
  out_comment(&f, "case = 10 init + schedule; init 0 small, 1 large; schedule 0 constant, j >= 1: delta_j; "
                  "||M*||_* = %.17g", nuc);
  out_columns(&f, "case\tinit\tsched\tdelta\tseed\tt\teta_t\tU2\tV2\timb\tD\terr");
  out_columns(&fs, "case\tinit\tsched\tdelta\tseed\teta0\tT\tD0\tDT\tsum_minus\tsum_plus\timb0\timbT\tU2T\tV2T\terrT\tnuc\tS0");
  double small_err = 0, small_imb = 0, small_u2 = NAN, small_v2 = NAN, large_imb0 = NAN, large_imbT = NAN;
  double d5_worst = 0, d5_norm = 0, d5_abs = 0, sum_plus_min = INFINITY, d7_worst = 0;
  for (size_t init = 0; init < 2; init++)
    for (size_t sc = 0; sc < nsched; sc++)
      for (long s = 1; s <= seeds; s++) {
        const double alpha = init ? alpha_large : alpha_small;
        mf_schedule sch = { init ? eta_large : eta_small, sc ? deltas.v[sc - 1] : 0.0, sc > 0 };
        const unsigned cs = (unsigned) (10 * init + sc);
        gsl_rng *ri = rng_table_stream(&streams, "init", p.seed, (const long[]) { cs, s });
        if (!ri) return PROC_EXIT_NUMERIC;
        mf_init_gaussian(U, V, alpha, ri);
        gsl_rng_free(ri);
        char prefix[128];
        snprintf(prefix, sizeof prefix, "%u\t%zu\t%zu\t%.17g\t%ld\t", cs, init, sc, sch.delta, s);
        mf_balance_result r;
        size_t fail = 0;
        const int rc = mf_balance_run(pr, U, V, &sch, (size_t) T, s == 1 ? f.fp : NULL, prefix, growth, w, &r, &fail);
        if (rc) { out_abort(&f); out_abort(&fs); }
        if (rc == GSL_ERUNAWAY) return proc_diverged(p.program, fail, "init %g, eta0 %g", alpha, sch.eta0);
        if (rc) return PROC_EXIT_NUMERIC;
        fprintf(fs.fp, "%u\t%zu\t%zu\t%.17g\t%ld\t%.17g\t%ld\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\n",
                cs, init, sc, sch.delta, s, sch.eta0, T, r.D0, r.D, r.sum_minus, r.sum_plus, r.imb0, r.imb, r.u2, r.v2, r.err, nuc,
                r.S0);
        if (init == 0 && sc == 0 && s == 1) small_err = r.err, small_imb = r.imb, small_u2 = r.u2, small_v2 = r.v2;
        if (init == 1 && sc == 0 && s == 1) large_imb0 = r.imb0, large_imbT = r.imb;
        if (sc > 0) {
          d5_worst = fmax(d5_worst, fabs(r.D - r.D0 - r.sum_minus) / r.sum_plus);
          d5_norm = fmax(d5_norm, fabs(r.D - r.D0 - r.sum_minus) / (r.u2 + r.v2));
          d5_abs = fmax(d5_abs, fabs(r.D - r.D0 - r.sum_minus));
          sum_plus_min = fmin(sum_plus_min, r.sum_plus);
        }
        if (init == 1 && sc == 0) d7_worst = fmax(d7_worst, fabs(r.D - r.D0) / fabs(r.D0));
      }
  if (out_commit(&f) || out_commit(&fs)) return PROC_EXIT_NUMERIC;

  char num[64];
  if (out_macros_open(&f, &p)) return PROC_EXIT_NUMERIC;
  out_macro(&f, "DMfNuc", "%g", nuc);
  out_macro(&f, "DMfErrSmall", "%s", out_tex_number(num, sizeof num, small_err / mnorm, 2));
  out_macro(&f, "DMfImbSmall", "%s", out_tex_number(num, sizeof num, small_imb, 2));
  out_macro(&f, "DMfUSmall", "%.6f", small_u2);
  out_macro(&f, "DMfVSmall", "%.6f", small_v2);
  out_macro(&f, "DMfImbLargeStart", "%.2f", large_imb0);
  out_macro(&f, "DMfImbLargeEnd", "%.2f", large_imbT);
  out_macro(&f, "DMfIdentityWorst", "%s", out_tex_number(num, sizeof num, d5_worst, 2));
  out_macro(&f, "DMfIdentityWorstNorm", "%s", out_tex_number(num, sizeof num, d5_norm, 2));
  out_macro(&f, "DMfIdentityWorstAbs", "%s", out_tex_number(num, sizeof num, d5_abs, 2));
  out_macro(&f, "DMfSumPlusMin", "%s", out_tex_number(num, sizeof num, sum_plus_min, 2));
  out_macro(&f, "DMfDriftLargeWorst", "%.3f", d7_worst);
  out_macro(&f, "DMfT", "%ld", T);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;
  gsl_matrix_free(U); gsl_matrix_free(V);
  mf_work_free(w); mf_problem_free(pr); gsl_rng_free(rx);
  return 0;
}
