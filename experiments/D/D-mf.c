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
  out_columns(&fs, "case\tinit\tsched\tdelta\tseed\teta0\tT\tD0\tDT\tsum_minus\tsum_plus\timb0\timbT\tU2T\tV2T\terrT\tnuc");
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
        double D0, D, imb0 = mf_imbalance(U, V, w, &D0), imb = imb0, sum_minus = 0, sum_plus = 0;
        double next = 0, err = NAN;
        D = D0;
        mf_stepinfo info;
        for (size_t t = 0;; t++) {
          const double eta = mf_step_size(&sch, t);
          /* The gradient at iterate t gives its error and the eta^2 terms of the step t -> t+1. */
          int rc = mf_gradient(pr->X, U, V, w, &info);   /* at iterate t */
          err = sqrt(2 * info.loss);
          if (rc == GSL_ERUNAWAY || !isfinite(err)) {
            out_abort(&f); out_abort(&fs);
            return proc_diverged(p.program, t, "init %g, eta0 %g", alpha, sch.eta0);
          }
          if (rc) return PROC_EXIT_NUMERIC;
          if (s == 1 && ((double) t >= next || t == (size_t) T)) {
            const double u = la_norm_frob(U), v = la_norm_frob(V);
            fprintf(f.fp, "%u\t%zu\t%zu\t%.17g\t%ld\t%zu\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\n", cs, init,
                    sc, sch.delta, s, t, eta, u * u, v * v, imb, D, err);
            next = fmax(next + 1, next * growth);
          }
          if (t == (size_t) T) break;
          if (mf_apply(U, V, eta, w)) {
            out_abort(&f); out_abort(&fs);
            return proc_diverged(p.program, t + 1, "init %g, eta0 %g", alpha, sch.eta0);
          }
          sum_minus += eta * eta * (info.gF2 - info.gG2);
          sum_plus += eta * eta * (info.gF2 + info.gG2);
          imb = mf_imbalance(U, V, w, &D);
        }
        double u2 = 0, v2 = 0;
        for (size_t i = 0; i < m; i++)
          for (size_t j = 0; j < (size_t) k; j++) u2 += gsl_matrix_get(U, i, j) * gsl_matrix_get(U, i, j);
        for (size_t i = 0; i < n; i++)
          for (size_t j = 0; j < (size_t) k; j++) v2 += gsl_matrix_get(V, i, j) * gsl_matrix_get(V, i, j);
        fprintf(fs.fp, "%u\t%zu\t%zu\t%.17g\t%ld\t%.17g\t%ld\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\n",
                cs, init, sc, sch.delta, s, sch.eta0, T, D0, D, sum_minus, sum_plus, imb0, imb, u2, v2, err, nuc);
        if (init == 0 && sc == 0 && s == 1) small_err = err, small_imb = imb, small_u2 = u2, small_v2 = v2;
        if (init == 1 && sc == 0 && s == 1) large_imb0 = imb0, large_imbT = imb;
        if (sc > 0) {
          d5_worst = fmax(d5_worst, fabs(D - D0 - sum_minus) / sum_plus);
          d5_norm = fmax(d5_norm, fabs(D - D0 - sum_minus) / (u2 + v2));
          d5_abs = fmax(d5_abs, fabs(D - D0 - sum_minus));
          sum_plus_min = fmin(sum_plus_min, sum_plus);
        }
        if (init == 1 && sc == 0) d7_worst = fmax(d7_worst, fabs(D - D0) / fabs(D0));
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
