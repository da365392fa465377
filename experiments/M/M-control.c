/* M-control -- the controlled version of Figure 1 of Ma, Lavaei & Sojoudi 2023 at one n (claims M8,
 * M8b): lifted (l = 3) and unlifted runs whose initial points are drawn from the same law
 * (w_0 = eps x0^{(x)l}/n^{l/2}, the same g on both sides), for CustomGD and plain GD, next to the
 * published arms (lifted from v1, unlifted from x0 = g) and unlifted from v1. */
#include <math.h>
#include <stdlib.h>
#include "experiment.h"
#include "lt_protocol.h"
#include "models/lt.h"

static int arm(const opt_parser *p, const lt_base *B, size_t l, lt_algo algo, double eta, long T,
               lt_init_kind init, double eps, long trials, unsigned long stream, lt_arm_result *r)
{
  size_t fail = 0;
  int rc = lt_arm(B, l, algo, eta, (size_t) T, init, eps, (size_t) trials, p->seed, stream, r, &fail);
  if (rc == GSL_ERUNAWAY)
    fprintf(stderr, "%s: diverged at iteration %zu (n = %zu, l = %zu, step %g)\n", p->program, fail, B->n, l, eta);
  return rc ? PROC_EXIT_NUMERIC : 0;
}

int main(int argc, char **argv)
{
  proc_init();
  long l = 3, T = 2000, n = 5, trials = 200;
  double eps = 1e-7, rho = 0.01, eta_l = 0.02, eta_u = 0.04;
  opt_spec specs[] = {
    { "n", OPT_INT, &n, 2, 16, 0, "dimension n" },
    { "l", OPT_INT, &l, 2, 4, 0, "lifting order" },
    { "eps", OPT_REAL, &eps, 0, 1, OPT_LO_OPEN, "initialization scale" },
    { "rho", OPT_REAL, &rho, 0, 1, OPT_LO_OPEN, "off-mask weight of the completion instance" },
    { "eta-lifted", OPT_REAL, &eta_l, 0, 1, OPT_LO_OPEN, "step of the lifted runs" },
    { "eta-unlifted", OPT_REAL, &eta_u, 0, 1, OPT_LO_OPEN, "step of the unlifted runs" },
    { "T", OPT_INT, &T, 1, 1e6, 0, "iteration cap" },
    { "trials", OPT_INT, &trials, 1, 100000, 0, "trials per arm" },
  };
  opt_parser p = OPT_PARSER("M-control", "controlled Figure 1: identical init laws, CustomGD and GD", specs);
  int status;
  if (!opt_parse(&p, argc, argv, &status)) return status;
  if (pow((double) n, (double) l) > 5e4) return opt_fail(&p, "--n", "n^l must be <= 5e4 (got n = %ld, l = %ld)", n, l);

  enum { A_LV1, A_UUNIT, A_LG, A_UG, A_UV1, NA };
  static const char *names[NA] = { "lifted_v1", "unlifted_unit", "lifted_gauss", "unlifted_gauss", "unlifted_v1" };
  lt_arm_result cres[2][NA];
  lt_base *B = lt_base_completion((size_t) n, rho);
  if (!B) return PROC_EXIT_NUMERIC;
  const lt_algo algos[2] = { LT_CUSTOM, LT_GD };
  const unsigned long cs = 1000 + (unsigned long) n;
  prog_bar bar;
  prog_start(&bar, "M-control", 2, p.quiet);
  for (int a = 0; a < 2; a++) {
    if ((status = arm(&p, B, (size_t) l, algos[a], eta_l, T, LT_INIT_V1, eps, trials, cs, &cres[a][A_LV1])) ||
        (status = arm(&p, B, 1, algos[a], eta_u, T, LT_INIT_UNIT, eps, trials, cs, &cres[a][A_UUNIT])) ||
        (status = arm(&p, B, (size_t) l, algos[a], eta_l, T, LT_INIT_GAUSS, eps, trials, cs, &cres[a][A_LG])) ||
        (status = arm(&p, B, 1, algos[a], eta_u, T, LT_INIT_GAUSS, eps, trials, cs, &cres[a][A_UG])) ||
        (status = arm(&p, B, 1, algos[a], eta_u, T, LT_INIT_V1, eps, trials, cs, &cres[a][A_UV1])))
      return status;
    prog_update(&bar, a + 1);
  }
  prog_finish(&bar);
  lt_base_free(B);

  out_file f;
  if (out_tsv_open(&f, &p, NULL)) return PROC_EXIT_NUMERIC;
  out_comment(&f, "algo 1 = CustomGD, 0 = GD; arm 0..4 = %s, %s, %s, %s, %s; init streams (seed, INIT, %lu, trial), "
              "shared by all arms (paired)", names[0], names[1], names[2], names[3], names[4], cs);
  out_comment(&f, "lifted_v1: w0 = eps (v1 + 0.01 g)^{(x)l}/n^{l/2}; unlifted_unit: x0 = g; "
              "lifted_gauss / unlifted_gauss / unlifted_v1: w0 = eps x0^{(x)l}/n^{l/2} with l = %ld / 1 / 1", l);
  out_columns(&f, "algo\tarm\ttrials\tsuccesses\trate\tmedian_iters\tmean_escapes");
  for (int a = 0; a < 2; a++)
    for (int k = 0; k < NA; k++)
      fprintf(f.fp, "%d\t%d\t%zu\t%zu\t%.17g\t%.17g\t%.17g\n", algos[a] == LT_CUSTOM, k, cres[a][k].trials,
              cres[a][k].successes, cres[a][k].rate, cres[a][k].median_iters, cres[a][k].escapes);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  if (out_macros_open(&f, &p)) return PROC_EXIT_NUMERIC;
  static const char *arm_tex[NA] = { "LiftedVone", "UnliftedUnit", "LiftedGauss", "UnliftedGauss", "UnliftedVone" };
  static const char *alg_tex[2] = { "Custom", "GD" };
  char name[96];
  for (int a = 0; a < 2; a++)
    for (int k = 0; k < NA; k++) {
      snprintf(name, sizeof name, "MControl%s%s", alg_tex[a], arm_tex[k]);
      out_macro(&f, name, "%.3f", cres[a][k].rate);
    }
  out_macro(&f, "MControlEscLifted", "%.2f", cres[0][A_LG].escapes);
  out_macro(&f, "MControlEscUnlifted", "%.2f", cres[0][A_UG].escapes);
  out_macro(&f, "MControlDiff", "%.3f", cres[0][A_LG].rate - cres[0][A_UG].rate);
  out_macro(&f, "MControlDiffGD", "%.3f", cres[1][A_LG].rate - cres[1][A_UG].rate);
  out_macro(&f, "MControlN", "%ld", n);
  out_macro(&f, "MControlTrials", "%ld", trials);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;
  return 0;
}
