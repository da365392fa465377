/* M-rank1 -- the implicit rank-1 bias of lifted GD (Lemma 2 / Theorem 1 of Ma, Lavaei & Sojoudi
 * 2023) and its linear regime (Lemma 12), on a Gaussian instance with a clear spectral gap.
 *  - kappa-hat_t = max_{u perp v1} |<w_t, u^{(x)l}>| / |<w_t, v1^{(x)l}>| for l = 1 and l = 3, with
 *    the bound of the linear regime  B_t = rho_l^t ||P^{(x)l} w_0||_F / |<w_0, v1^{(x)l}>|,
 *    rho_l = (1 + eta s2^l) / (1 + eta sigma1^l), s2 = max_{j >= 2} |sigma_j(U)|, P = I - v1 v1^T.
 *  - ||w_t - w~_t|| / ||w~_t||, w~_t = (I + eta U^{(x)l})^t w_0, at t = t-lin for several eps. */
#include <math.h>
#include <stdlib.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include "experiment.h"
#include "lt_protocol.h"
#include "models/lt.h"

static const rng_table streams = { NULL, NULL, { { "instance", RNG_DATA, "1", NULL }, { "x0", RNG_INIT, "1", NULL } } };

int main(int argc, char **argv)
{
  proc_init();
  long n = 4, m = 40, T = 500, t_lin = 100, l = 3;
  double z_norm = M_SQRT2, eta = 0.005, eps = 1e-12;
  opt_list epss = { 5, { 1e-6, 3e-6, 1e-5, 3e-5, 1e-4 } };
  opt_spec specs[] = {
    { "n", OPT_INT, &n, 2, 10, 0, "dimension n" },
    { "m", OPT_INT, &m, 1, 10000, 0, "number of Gaussian measurements" },
    { "l", OPT_INT, &l, 2, 4, 0, "lifting order compared with l = 1" },
    { "z-norm", OPT_REAL, &z_norm, 0, 100, OPT_LO_OPEN, "norm of the ground truth z (sigma_1(U) ~ |z|^2)" },
    { "eta", OPT_REAL, &eta, 0, 1, OPT_LO_OPEN, "step size" },
    { "eps", OPT_REAL, &eps, 0, 1, OPT_LO_OPEN, "initialization scale of the kappa-hat runs" },
    { "T", OPT_INT, &T, 1, 100000, 0, "iterations of the kappa-hat runs" },
    { "epss", OPT_REALS, &epss, 0, 1, OPT_LO_OPEN, "initialization scales of the linear-regime check" },
    { "t-lin", OPT_INT, &t_lin, 1, 100000, 0, "iteration at which the linear-regime deviation is measured" },
  };
  opt_parser p = OPT_PARSER("M-rank1", "rank-1 bias (kappa-hat vs t, l = 1 and l) and the linear regime", specs);
  int status;
  if (!opt_parse(&p, argc, argv, &status)) return status;
  if ((status = lt_validate_size(&p, "--n", (double) n, l, 4096))) return status;
  if (epss.n < 2) return opt_fail(&p, "--epss", "needs at least two values for a slope");

  gsl_rng *rd = rng_table_stream(&streams, "instance", p.seed, NULL), *ri = rng_table_stream(&streams, "x0", p.seed, NULL);
  lt_base *B = lt_base_gaussian((size_t) n, (size_t) m, z_norm, rd);
  if (!B) return PROC_EXIT_NUMERIC;
  double s2 = 0;
  for (long j = 1; j < n; j++) s2 = fmax(s2, fabs(B->sigma[j]));
  const double s1 = B->sigma[0];
  double x0[16];
  for (long a = 0; a < n; a++) x0[a] = gsl_ran_gaussian(ri, 1.0);

  /* kappa-hat runs, l = 1 and l = l; the linear regime at order l for every eps */
  const size_t ls[2] = { 1, (size_t) l };
  double *kap = malloc(2 * (size_t) (T + 1) * sizeof(double)), *bnd = malloc(2 * (size_t) (T + 1) * sizeof(double));
  double *lin = malloc(2 * (size_t) (T + 1) * sizeof(double));
  double rate[2], dev[OPT_LIST_MAX];
  if (!kap || !bnd || !lin) return PROC_EXIT_NUMERIC;
  for (int k = 0; k < 2; k++) {
    size_t fail = 0;
    const int rc = lt_kappa_run(B, ls[k], x0, eps, eta, (size_t) T, kap + k * (T + 1), bnd + k * (T + 1), lin + k * (T + 1),
                                &rate[k], &fail);
    if (rc == GSL_ERUNAWAY) return proc_diverged(p.program, fail, "l = %zu", ls[k]);
    if (rc) return PROC_EXIT_NUMERIC;
  }
  for (size_t e = 0; e < epss.n; e++) {
    size_t fail = 0;
    const int rc = lt_linear_deviation(B, (size_t) l, x0, epss.v[e], eta, (size_t) t_lin, &dev[e], &fail);
    if (rc == GSL_ERUNAWAY) return proc_diverged(p.program, fail, "eps = %g", epss.v[e]);
    if (rc) return PROC_EXIT_NUMERIC;
  }
  /* least-squares slope of log dev against log eps */
  double lx[OPT_LIST_MAX], ly[OPT_LIST_MAX];
  for (size_t e = 0; e < epss.n; e++) lx[e] = log(epss.v[e]), ly[e] = log(dev[e]);
  const double slope = stats_fit_line(lx, ly, epss.n).slope;

  out_file f;
  if (out_tsv_open(&f, &p, NULL)) return PROC_EXIT_NUMERIC;
  out_streams(&f, &streams);
  out_comment(&f, "Gaussian instance; w0 = eps x0^{(x)l}/n^{l/2}");
  out_comment(&f, "sigma_1(U) = %.17g, s2 = max_{j>=2} |sigma_j(U)| = %.17g; rate_1 = %.17g, rate_%ld = %.17g", s1, s2, rate[0], l, rate[1]);
  out_comment(&f, "lin_dev_1, lin_dev_l: ||w_t - w~_t|| / ||w~_t||, w~_t = (I + eta U^{(x)l})^t w_0 (the linear regime)");
  out_columns(&f, "t\tkappa_1\tbound_1\tkappa_l\tbound_l\tlin_dev_1\tlin_dev_l");
  for (long t = 0; t <= T; t++)
    fprintf(f.fp, "%ld\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\n", t, kap[t], bnd[t], kap[T + 1 + t], bnd[T + 1 + t],
            lin[t], lin[T + 1 + t]);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  if (out_tsv_open(&f, &p, "linear")) return PROC_EXIT_NUMERIC;
  out_comment(&f, "||w_t - w~_t|| / ||w~_t|| at t = %ld, l = %ld; least-squares log-log slope %.17g", t_lin, l, slope);
  out_columns(&f, "eps\tdeviation");
  for (size_t e = 0; e < epss.n; e++) fprintf(f.fp, "%.17g\t%.17g\n", epss.v[e], dev[e]);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  char num[64];
  if (out_macros_open(&f, &p)) return PROC_EXIT_NUMERIC;
  out_macro(&f, "MRankoneSigmaOne", "%.3f", s1);
  out_macro(&f, "MRankoneSigmaTwo", "%.3f", s2);
  out_macro(&f, "MRankoneRateOne", "%.5f", rate[0]);
  out_macro(&f, "MRankoneRateL", "%.5f", rate[1]);
  out_macro(&f, "MRankoneKappaEndOne", "%s", out_tex_number(num, sizeof num, kap[T], 3));
  out_macro(&f, "MRankoneKappaEndL", "%s", out_tex_number(num, sizeof num, kap[2 * T + 1], 3));
  out_macro(&f, "MRankoneKappaStartOne", "%s", out_tex_number(num, sizeof num, kap[0], 3));
  out_macro(&f, "MRankoneKappaStartL", "%s", out_tex_number(num, sizeof num, kap[T + 1], 3));
  out_macro(&f, "MRankoneSlope", "%.3f", slope);
  out_macro(&f, "MRankoneT", "%ld", T);
  out_macro(&f, "MRankoneTlin", "%ld", t_lin);
  out_macro(&f, "MRankoneEta", "%g", eta);
  out_macro(&f, "MRankoneEps", "%s", out_tex_number(num, sizeof num, eps, 2));
  out_macro(&f, "MRankoneN", "%ld", n);
  out_macro(&f, "MRankoneM", "%ld", m);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;
  lt_base_free(B); gsl_rng_free(rd); gsl_rng_free(ri); free(kap); free(bnd); free(lin);
  return 0;
}
