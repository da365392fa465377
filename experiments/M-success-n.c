/* M-success-n -- Figure 1 (left) of Ma, Lavaei & Sojoudi 2023: success of CustomGD on the perturbed
 * matrix-completion instance versus n, as published (lifted l = 3 from the spectral init v1,
 * unlifted from a unit Gaussian init), and the controlled comparison in which both sides draw their
 * initial point from the same law (same g, w_0 = eps x0^{(x)l}/n^{l/2}).  A separate table repeats
 * the controlled comparison with many trials at one n, for CustomGD and plain GD (claim M8). */
#include <math.h>
#include <stdlib.h>
#include "core.h"
#include "lifted.h"

static int arm(const opt_parser *p, const lt_base *B, size_t l, lt_algo algo, double eta, long T,
               lt_init_kind init, double eps, long trials, unsigned long stream, lt_arm_result *r)
{
  size_t fail = 0;
  int rc = lt_arm(B, l, algo, eta, (size_t) T, init, eps, (size_t) trials, p->seed, stream, r, &fail);
  if (rc == GSL_ERUNAWAY)
    fprintf(stderr, "%s: diverged at iteration %zu (n = %zu, l = %zu, step %g)\n", p->program, fail, B->n, l, eta);
  return rc ? CORE_EXIT_NUMERIC : 0;
}

int main(int argc, char **argv)
{
  core_init();
  opt_list ns = { 4, { 5, 8, 10, 12 } };
  long l = 3, T = 2000, tl = 20, tu = 200, tc = 20, cn = 5, ct = 200;
  double eps = 1e-7, rho = 0.01, eta_l = 0.02, eta_u = 0.04;
  opt_spec specs[] = {
    { "ns", OPT_INTS, &ns, 2, 16, 0, "dimensions n" },
    { "l", OPT_INT, &l, 2, 4, 0, "lifting order" },
    { "eps", OPT_REAL, &eps, 0, 1, OPT_LO_OPEN, "initialization scale" },
    { "rho", OPT_REAL, &rho, 0, 1, OPT_LO_OPEN, "off-mask weight of the completion instance" },
    { "eta-lifted", OPT_REAL, &eta_l, 0, 1, OPT_LO_OPEN, "step of the lifted runs" },
    { "eta-unlifted", OPT_REAL, &eta_u, 0, 1, OPT_LO_OPEN, "step of the unlifted runs" },
    { "T", OPT_INT, &T, 1, 1e6, 0, "iteration cap" },
    { "trials-lifted", OPT_INT, &tl, 1, 10000, 0, "trials of the published lifted arm" },
    { "trials-unlifted", OPT_INT, &tu, 1, 100000, 0, "trials of the published unlifted arm" },
    { "trials-control", OPT_INT, &tc, 1, 10000, 0, "trials per arm of the controlled comparison" },
    { "control-n", OPT_INT, &cn, 2, 16, 0, "n of the large controlled comparison" },
    { "control-trials", OPT_INT, &ct, 1, 100000, 0, "trials per arm of the large controlled comparison" },
  };
  opt_parser p = OPT_PARSER("M-success-n", "Figure 1 (success vs n) as published and controlled", specs);
  int status;
  if (!opt_parse(&p, argc, argv, &status)) return status;
  for (size_t i = 0; i < ns.n; i++)
    if (pow(ns.v[i], (double) l) > 5e4) return opt_fail(&p, "--ns", "n^l must be <= 5e4 (got n = %g, l = %ld)", ns.v[i], l);
  if (pow((double) cn, (double) l) > 5e4) return opt_fail(&p, "--control-n", "n^l must be <= 5e4");

  /* Columns: the published arms, then the controlled arms (same g on both sides). */
  enum { A_LV1, A_UUNIT, A_LG, A_UG, A_UV1, NA };
  static const char *names[NA] = { "lifted_v1", "unlifted_unit", "lifted_gauss", "unlifted_gauss", "unlifted_v1" };
  lt_arm_result res[OPT_LIST_MAX][NA];
  prog_bar bar;
  prog_start(&bar, "M-success-n", (long) ns.n + 1, p.quiet);
  for (size_t i = 0; i < ns.n; i++) {
    const size_t n = (size_t) ns.v[i];
    lt_base *B = lt_base_completion(n, rho);
    if (!B) return CORE_EXIT_NUMERIC;
    if ((status = arm(&p, B, (size_t) l, LT_CUSTOM, eta_l, T, LT_INIT_V1, eps, tl, n, &res[i][A_LV1])) ||
        (status = arm(&p, B, 1, LT_CUSTOM, eta_u, T, LT_INIT_UNIT, eps, tu, n, &res[i][A_UUNIT])) ||
        (status = arm(&p, B, (size_t) l, LT_CUSTOM, eta_l, T, LT_INIT_GAUSS, eps, tc, n, &res[i][A_LG])) ||
        (status = arm(&p, B, 1, LT_CUSTOM, eta_u, T, LT_INIT_GAUSS, eps, tc, n, &res[i][A_UG])) ||
        (status = arm(&p, B, 1, LT_CUSTOM, eta_u, T, LT_INIT_V1, eps, tc, n, &res[i][A_UV1])))
      return status;
    lt_base_free(B);
    prog_update(&bar, (long) i + 1);
  }
  /* The large controlled comparison at n = control-n, CustomGD and GD. */
  lt_arm_result cres[2][NA];
  lt_base *B = lt_base_completion((size_t) cn, rho);
  if (!B) return CORE_EXIT_NUMERIC;
  const lt_algo algos[2] = { LT_CUSTOM, LT_GD };
  const unsigned long cs = 1000 + (unsigned long) cn;
  for (int a = 0; a < 2; a++)
    if ((status = arm(&p, B, (size_t) l, algos[a], eta_l, T, LT_INIT_V1, eps, ct, cs, &cres[a][A_LV1])) ||
        (status = arm(&p, B, 1, algos[a], eta_u, T, LT_INIT_UNIT, eps, ct, cs, &cres[a][A_UUNIT])) ||
        (status = arm(&p, B, (size_t) l, algos[a], eta_l, T, LT_INIT_GAUSS, eps, ct, cs, &cres[a][A_LG])) ||
        (status = arm(&p, B, 1, algos[a], eta_u, T, LT_INIT_GAUSS, eps, ct, cs, &cres[a][A_UG])) ||
        (status = arm(&p, B, 1, algos[a], eta_u, T, LT_INIT_V1, eps, ct, cs, &cres[a][A_UV1])))
      return status;
  lt_base_free(B);
  prog_finish(&bar);

  out_file f;
  if (out_tsv_open(&f, &p, NULL)) return CORE_EXIT_NUMERIC;
  out_comment(&f, "CustomGD; success iff ||x x^T - z z^T||_F <= %g; init streams (seed, INIT, n, trial): "
              "arms with the same trial index share g", LT_SUCCESS_DIST);
  out_comment(&f, "lifted_v1: w0 = eps (v1 + 0.01 g)^{(x)l}/n^{l/2}; unlifted_unit: x0 = g; "
              "lifted_gauss / unlifted_gauss / unlifted_v1: w0 = eps x0^{(x)l}/n^{l/2} with l = %ld / 1 / 1", l);
  out_columns(&f, "n\tp\tref\tlifted_v1\tunlifted_unit\tlifted_gauss\tunlifted_gauss\tunlifted_v1\t"
              "iters_lifted_v1\tescapes_lifted_v1");
  for (size_t i = 0; i < ns.n; i++) {
    const double n = ns.v[i], pz = ceil(n / 2);
    fprintf(f.fp, "%.0f\t%.0f\t%.17g", n, pz, 2.0 / pow(2.0, pz));
    for (int a = 0; a < NA; a++) fprintf(f.fp, "\t%.17g", res[i][a].rate);
    fprintf(f.fp, "\t%.17g\t%.17g\n", res[i][A_LV1].median_iters, res[i][A_LV1].escapes);
  }
  if (out_commit(&f)) return CORE_EXIT_NUMERIC;

  if (out_tsv_open(&f, &p, "control")) return CORE_EXIT_NUMERIC;
  out_comment(&f, "n = %ld; algo 1 = CustomGD, 0 = GD; arm 0..4 = %s, %s, %s, %s, %s; init streams (seed, INIT, %lu, trial)",
              cn, names[0], names[1], names[2], names[3], names[4], cs);
  out_columns(&f, "algo\tarm\ttrials\tsuccesses\trate\tmedian_iters\tmean_escapes");
  for (int a = 0; a < 2; a++)
    for (int k = 0; k < NA; k++)
      fprintf(f.fp, "%d\t%d\t%zu\t%zu\t%.17g\t%.17g\t%.17g\n", algos[a] == LT_CUSTOM, k, cres[a][k].trials,
              cres[a][k].successes, cres[a][k].rate, cres[a][k].median_iters, cres[a][k].escapes);
  if (out_commit(&f)) return CORE_EXIT_NUMERIC;

  if (out_macros_open(&f, &p)) return CORE_EXIT_NUMERIC;
  static const char *arm_tex[NA] = { "LiftedVone", "UnliftedUnit", "LiftedGauss", "UnliftedGauss", "UnliftedVone" };
  static const char *idx_tex[] = { "A", "B", "C", "D", "E", "F", "G", "H" };
  char name[96];
  for (size_t i = 0; i < ns.n && i < 8; i++) {
    snprintf(name, sizeof name, "MSuccessNn%s", idx_tex[i]);
    out_macro(&f, name, "%.0f", ns.v[i]);
    for (int a = 0; a < NA; a++) {
      snprintf(name, sizeof name, "MSuccessN%s%s", arm_tex[a], idx_tex[i]);
      out_macro(&f, name, "%.2f", res[i][a].rate);
    }
    snprintf(name, sizeof name, "MSuccessNIters%s", idx_tex[i]);
    out_macro(&f, name, "%.0f", res[i][A_LV1].median_iters);
  }
  static const char *alg_tex[2] = { "Custom", "GD" };
  for (int a = 0; a < 2; a++)
    for (int k = 0; k < NA; k++) {
      snprintf(name, sizeof name, "MSuccessNCtl%s%s", alg_tex[a], arm_tex[k]);
      out_macro(&f, name, "%.3f", cres[a][k].rate);
    }
  out_macro(&f, "MSuccessNCtlEscLifted", "%.2f", cres[0][A_LG].escapes);
  out_macro(&f, "MSuccessNCtlEscUnlifted", "%.2f", cres[0][A_UG].escapes);
  out_macro(&f, "MSuccessNCtlDiff", "%.3f", cres[0][A_LG].rate - cres[0][A_UG].rate);
  out_macro(&f, "MSuccessNCtlDiffGD", "%.3f", cres[1][A_LG].rate - cres[1][A_UG].rate);
  out_macro(&f, "MSuccessNCtlN", "%ld", cn);
  out_macro(&f, "MSuccessNCtlTrials", "%ld", ct);
  out_macro(&f, "MSuccessNTrialsLifted", "%ld", tl);
  out_macro(&f, "MSuccessNTrialsUnlifted", "%ld", tu);
  out_macro(&f, "MSuccessNTrialsControl", "%ld", tc);
  if (out_commit(&f)) return CORE_EXIT_NUMERIC;
  return 0;
}
