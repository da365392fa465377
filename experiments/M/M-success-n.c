/* M-success-n -- Figure 1 (left) of Ma, Lavaei & Sojoudi 2023: success of CustomGD on the perturbed
 * matrix-completion instance versus n, as published (lifted l = 3 from the spectral init v1,
 * unlifted from a unit Gaussian init), and the controlled comparison in which both sides draw their
 * initial point from the same law (same g, w_0 = eps x0^{(x)l}/n^{l/2}).  M-control repeats the
 * controlled comparison with many trials at one n, for CustomGD and plain GD (claims M8, M8b). */
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
  opt_list ns = { 4, { 5, 8, 10, 12 } };
  long l = 3, T = 2000, tl = 20, tu = 200, tc = 20;
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
  };
  opt_parser p = OPT_PARSER("M-success-n", "Figure 1 (success vs n) as published and controlled", specs);
  int status;
  if (!opt_parse(&p, argc, argv, &status)) return status;
  for (size_t i = 0; i < ns.n; i++)
    if (pow(ns.v[i], (double) l) > 5e4) return opt_fail(&p, "--ns", "n^l must be <= 5e4 (got n = %g, l = %ld)", ns.v[i], l);

  /* Columns: the published arms, then the controlled arms (same g on both sides). */
  enum { A_LV1, A_UUNIT, A_LG, A_UG, A_UV1, NA };
  lt_arm_result res[OPT_LIST_MAX][NA];
  prog_bar bar;
  prog_start(&bar, "M-success-n", (long) ns.n, p.quiet);
  for (size_t i = 0; i < ns.n; i++) {
    const size_t n = (size_t) ns.v[i];
    lt_base *B = lt_base_completion(n, rho);
    if (!B) return PROC_EXIT_NUMERIC;
    if ((status = arm(&p, B, (size_t) l, LT_CUSTOM, eta_l, T, LT_INIT_V1, eps, tl, n, &res[i][A_LV1])) ||
        (status = arm(&p, B, 1, LT_CUSTOM, eta_u, T, LT_INIT_UNIT, eps, tu, n, &res[i][A_UUNIT])) ||
        (status = arm(&p, B, (size_t) l, LT_CUSTOM, eta_l, T, LT_INIT_GAUSS, eps, tc, n, &res[i][A_LG])) ||
        (status = arm(&p, B, 1, LT_CUSTOM, eta_u, T, LT_INIT_GAUSS, eps, tc, n, &res[i][A_UG])) ||
        (status = arm(&p, B, 1, LT_CUSTOM, eta_u, T, LT_INIT_V1, eps, tc, n, &res[i][A_UV1])))
      return status;
    lt_base_free(B);
    prog_update(&bar, (long) i + 1);
  }
  prog_finish(&bar);

  out_file f;
  if (out_tsv_open(&f, &p, NULL)) return PROC_EXIT_NUMERIC;
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
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  if (out_macros_open(&f, &p)) return PROC_EXIT_NUMERIC;
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
  out_macro(&f, "MSuccessNTrialsLifted", "%ld", tl);
  out_macro(&f, "MSuccessNTrialsUnlifted", "%ld", tu);
  out_macro(&f, "MSuccessNTrialsControl", "%ld", tc);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;
  return 0;
}
