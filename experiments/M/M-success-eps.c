/* M-success-eps -- Figure 1 (right) of Ma, Lavaei & Sojoudi 2023: success of CustomGD on the perturbed
 * matrix-completion instance at one n versus the initialization scale eps, as published (lifted
 * l = 3 from the spectral init v1, unlifted from a unit Gaussian init) and controlled (both sides
 * from the same law, w_0 = eps x0^{(x)l}/n^{l/2}, same g). */
#include <math.h>
#include <stdlib.h>
#include "experiment.h"
#include "lt_protocol.h"
#include "models/lt.h"

/* The arms at one eps are paired: trial i draws the same g in every arm. */
static const rng_table streams = { "k trial", "k = eps index (from 0), trial from 1; arms with the same trial share g", {
  { "init", RNG_INIT, "2000 + k", "trial" }, { "noise", RNG_NOISE, "2000 + k", "trial" } } };

int main(int argc, char **argv)
{
  proc_init();
  opt_list epss = { 5, { 1e-3, 1e-4, 1e-5, 1e-6, 1e-7 } };
  lt_fig1_config c = LT_FIG1_CONFIG_DEFAULT;
  long n = 10, trials[3] = { 20, 200, 20 };
  opt_spec specs[] = {
    { "n", OPT_INT, &n, 2, 16, 0, "dimension n" },
    { "l", OPT_INT, &c.l, 2, 4, 0, "lifting order" },
    { "epss", OPT_REALS, &epss, 0, 1, OPT_LO_OPEN, "initialization scales" },
    LT_FIG1_OPTIONS(c),
    LT_FIG1_TRIALS(trials),
  };
  opt_parser p = OPT_PARSER("M-success-eps", "Figure 1 (success vs eps) as published and controlled", specs);
  int status;
  if (!opt_parse(&p, argc, argv, &status)) return status;
  if ((status = lt_validate_size(&p, "--n", (double) n, c.l, 5e4))) return status;

  lt_arm_result res[OPT_LIST_MAX][LT_FIG1_ARMS];
  lt_base *B = lt_base_completion((size_t) n, c.rho);
  if (!B) return PROC_EXIT_NUMERIC;
  prog_bar bar;
  prog_start(&bar, "M-success-eps", (long) epss.n, p.quiet);
  for (size_t k = 0; k < epss.n; k++) {
    if ((status = lt_fig1_arms(&p, B, &c, LT_CUSTOM, epss.v[k], trials, &streams, (long) k, res[k]))) return status;
    prog_update(&bar, (long) k + 1);
  }
  prog_finish(&bar);
  lt_base_free(B);

  out_file f;
  if (out_tsv_open(&f, &p, NULL)) return PROC_EXIT_NUMERIC;
  out_streams(&f, &streams);
  out_comment(&f, "CustomGD; success iff ||x x^T - z z^T||_F <= %g", LT_SUCCESS_DIST);
  out_comment(&f, "lifted_v1: w0 = eps (v1 + 0.01 g)^{(x)l}/n^{l/2}; unlifted_unit: x0 = g (eps unused); "
              "lifted_gauss / unlifted_gauss / unlifted_v1: w0 = eps x0^{(x)l}/n^{l/2} with l = %ld / 1 / 1", c.l);
  out_columns(&f, "eps\tlifted_v1\tunlifted_unit\tlifted_gauss\tunlifted_gauss\tunlifted_v1\titers_lifted_v1");
  for (size_t k = 0; k < epss.n; k++) {
    fprintf(f.fp, "%.17g", epss.v[k]);
    for (int a = 0; a < LT_FIG1_ARMS; a++) fprintf(f.fp, "\t%.17g", res[k][a].rate);
    fprintf(f.fp, "\t%.17g\n", res[k][LT_FIG1_LIFTED_V1].median_iters);
  }
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  if (out_macros_open(&f, &p)) return PROC_EXIT_NUMERIC;
  static const char *idx_tex[] = { "A", "B", "C", "D", "E", "F", "G", "H" };
  char name[96], num[64];
  for (size_t k = 0; k < epss.n && k < 8; k++) {
    snprintf(name, sizeof name, "MSuccessEpsEps%s", idx_tex[k]);
    out_macro(&f, name, "%s", out_tex_number(num, sizeof num, epss.v[k], 2));
    for (int a = 0; a < LT_FIG1_ARMS; a++) {
      snprintf(name, sizeof name, "MSuccessEps%s%s", lt_fig1_tex[a], idx_tex[k]);
      out_macro(&f, name, "%.2f", res[k][a].rate);
    }
  }
  out_macro(&f, "MSuccessEpsN", "%ld", n);
  out_macro(&f, "MSuccessEpsTrialsLifted", "%ld", trials[0]);
  out_macro(&f, "MSuccessEpsTrialsControl", "%ld", trials[2]);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;
  return 0;
}
