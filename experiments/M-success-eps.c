/* M-success-eps -- Figure 1 (right) of Ma, Lavaei & Sojoudi 2023: success of CustomGD on the perturbed
 * matrix-completion instance at one n versus the initialization scale eps, as published (lifted
 * l = 3 from the spectral init v1, unlifted from a unit Gaussian init) and controlled (both sides
 * from the same law, w_0 = eps x0^{(x)l}/n^{l/2}, same g). */
#include <math.h>
#include <stdlib.h>
#include "core.h"
#include "lifted.h"

static int arm(const opt_parser *p, const lt_base *B, size_t l, lt_init_kind init, double eta,
               long T, double eps, long trials, unsigned long stream, lt_arm_result *r)
{
  size_t fail = 0;
  int rc = lt_arm(B, l, LT_CUSTOM, eta, (size_t) T, init, eps, (size_t) trials, p->seed, stream, r, &fail);
  if (rc == GSL_ERUNAWAY)
    fprintf(stderr, "%s: diverged at iteration %zu (eps = %g, l = %zu, step %g)\n", p->program, fail, eps, l, eta);
  return rc ? CORE_EXIT_NUMERIC : 0;
}

int main(int argc, char **argv)
{
  core_init();
  opt_list epss = { 5, { 1e-3, 1e-4, 1e-5, 1e-6, 1e-7 } };
  long n = 10, l = 3, T = 2000, tl = 20, tu = 200, tc = 20;
  double rho = 0.01, eta_l = 0.02, eta_u = 0.04;
  opt_spec specs[] = {
    { "n", OPT_INT, &n, 2, 16, 0, "dimension n" },
    { "l", OPT_INT, &l, 2, 4, 0, "lifting order" },
    { "epss", OPT_REALS, &epss, 0, 1, OPT_LO_OPEN, "initialization scales" },
    { "rho", OPT_REAL, &rho, 0, 1, OPT_LO_OPEN, "off-mask weight of the completion instance" },
    { "eta-lifted", OPT_REAL, &eta_l, 0, 1, OPT_LO_OPEN, "step of the lifted runs" },
    { "eta-unlifted", OPT_REAL, &eta_u, 0, 1, OPT_LO_OPEN, "step of the unlifted runs" },
    { "T", OPT_INT, &T, 1, 1e6, 0, "iteration cap" },
    { "trials-lifted", OPT_INT, &tl, 1, 10000, 0, "trials of the published lifted arm" },
    { "trials-unlifted", OPT_INT, &tu, 1, 100000, 0, "trials of the published unlifted arm" },
    { "trials-control", OPT_INT, &tc, 1, 10000, 0, "trials per arm of the controlled comparison" },
  };
  opt_parser p = OPT_PARSER("M-success-eps", "Figure 1 (success vs eps) as published and controlled", specs);
  int status;
  if (!opt_parse(&p, argc, argv, &status)) return status;
  if (pow((double) n, (double) l) > 5e4) return opt_fail(&p, "--n", "n^l must be <= 5e4 (got n = %ld, l = %ld)", n, l);

  enum { A_LV1, A_UUNIT, A_LG, A_UG, A_UV1, NA };
  lt_arm_result res[OPT_LIST_MAX][NA];
  lt_base *B = lt_base_completion((size_t) n, rho);
  if (!B) return CORE_EXIT_NUMERIC;
  prog_bar bar;
  prog_start(&bar, "M-success-eps", (long) epss.n, p.quiet);
  for (size_t k = 0; k < epss.n; k++) {
    const double eps = epss.v[k];
    const unsigned long st = 2000 + k;
    if ((status = arm(&p, B, (size_t) l, LT_INIT_V1, eta_l, T, eps, tl, st, &res[k][A_LV1])) ||
        (status = arm(&p, B, 1, LT_INIT_UNIT, eta_u, T, eps, tu, st, &res[k][A_UUNIT])) ||
        (status = arm(&p, B, (size_t) l, LT_INIT_GAUSS, eta_l, T, eps, tc, st, &res[k][A_LG])) ||
        (status = arm(&p, B, 1, LT_INIT_GAUSS, eta_u, T, eps, tc, st, &res[k][A_UG])) ||
        (status = arm(&p, B, 1, LT_INIT_V1, eta_u, T, eps, tc, st, &res[k][A_UV1])))
      return status;
    prog_update(&bar, (long) k + 1);
  }
  prog_finish(&bar);
  lt_base_free(B);

  out_file f;
  if (out_tsv_open(&f, &p, NULL)) return CORE_EXIT_NUMERIC;
  out_comment(&f, "CustomGD; success iff ||x x^T - z z^T||_F <= %g; init streams (seed, INIT, 2000 + eps index, trial)",
              LT_SUCCESS_DIST);
  out_comment(&f, "lifted_v1: w0 = eps (v1 + 0.01 g)^{(x)l}/n^{l/2}; unlifted_unit: x0 = g (eps unused); "
              "lifted_gauss / unlifted_gauss / unlifted_v1: w0 = eps x0^{(x)l}/n^{l/2} with l = %ld / 1 / 1", l);
  out_columns(&f, "eps\tlifted_v1\tunlifted_unit\tlifted_gauss\tunlifted_gauss\tunlifted_v1\titers_lifted_v1");
  for (size_t k = 0; k < epss.n; k++) {
    fprintf(f.fp, "%.17g", epss.v[k]);
    for (int a = 0; a < NA; a++) fprintf(f.fp, "\t%.17g", res[k][a].rate);
    fprintf(f.fp, "\t%.17g\n", res[k][A_LV1].median_iters);
  }
  if (out_commit(&f)) return CORE_EXIT_NUMERIC;

  if (out_macros_open(&f, &p)) return CORE_EXIT_NUMERIC;
  static const char *arm_tex[NA] = { "LiftedVone", "UnliftedUnit", "LiftedGauss", "UnliftedGauss", "UnliftedVone" };
  static const char *idx_tex[] = { "A", "B", "C", "D", "E", "F", "G", "H" };
  /* Macro names from the run's name (MSuccessEps... for M-success-eps), so that a second run of this
   * program (another eps grid) has its own. */
  char pre[64], name[128], num[64];
  out_macro_prefix(&p, pre, sizeof pre);
  for (size_t k = 0; k < epss.n && k < 8; k++) {
    snprintf(name, sizeof name, "%sEps%s", pre, idx_tex[k]);
    out_macro(&f, name, "%s", out_tex_number(num, sizeof num, epss.v[k], 2));
    for (int a = 0; a < NA; a++) {
      snprintf(name, sizeof name, "%s%s%s", pre, arm_tex[a], idx_tex[k]);
      out_macro(&f, name, "%.2f", res[k][a].rate);
    }
  }
  snprintf(name, sizeof name, "%sN", pre);
  out_macro(&f, name, "%ld", n);
  snprintf(name, sizeof name, "%sTrialsLifted", pre);
  out_macro(&f, name, "%ld", tl);
  snprintf(name, sizeof name, "%sTrialsControl", pre);
  out_macro(&f, name, "%ld", tc);
  if (out_commit(&f)) return CORE_EXIT_NUMERIC;
  return 0;
}
