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

/* The arms at dimension n are paired: trial i draws the same g in every arm. */
static const rng_table streams = { "n trial", "trial from 1; arms with the same trial share g", {
  { "init", RNG_INIT, "n", "trial" }, { "noise", RNG_NOISE, "n", "trial" } } };

int main(int argc, char **argv)
{
  proc_init();
  opt_list ns = { 4, { 5, 8, 10, 12 } };
  lt_fig1_config c = LT_FIG1_CONFIG_DEFAULT;
  long trials[3] = { 20, 200, 20 };
  double eps = 1e-7;
  opt_spec specs[] = {
    { "ns", OPT_INTS, &ns, 2, 16, 0, "dimensions n" },
    { "l", OPT_INT, &c.l, 2, 4, 0, "lifting order" },
    { "eps", OPT_REAL, &eps, 0, 1, OPT_LO_OPEN, "initialization scale" },
    LT_FIG1_OPTIONS(c),
    LT_FIG1_TRIALS(trials),
  };
  opt_parser p = OPT_PARSER("M-success-n", "Figure 1 (success vs n) as published and controlled", specs);
  int status;
  if (!opt_parse(&p, argc, argv, &status)) return status;
  for (size_t i = 0; i < ns.n; i++)
    if ((status = lt_validate_size(&p, "--ns", ns.v[i], c.l, 5e4))) return status;

  lt_arm_result res[OPT_LIST_MAX][LT_FIG1_ARMS];
  prog_bar bar;
  prog_start(&bar, "M-success-n", (long) ns.n, p.quiet);
  for (size_t i = 0; i < ns.n; i++) {
    lt_base *B = lt_base_completion((size_t) ns.v[i], c.rho);
    if (!B) return PROC_EXIT_NUMERIC;
    if ((status = lt_fig1_arms(&p, B, &c, LT_CUSTOM, eps, trials, &streams, (long) ns.v[i], res[i]))) return status;
    lt_base_free(B);
    prog_update(&bar, (long) i + 1);
  }
  prog_finish(&bar);

  out_file f;
  if (out_tsv_open(&f, &p, NULL)) return PROC_EXIT_NUMERIC;
  out_streams(&f, &streams);
  out_comment(&f, "CustomGD; success iff ||x x^T - z z^T||_F <= %g", LT_SUCCESS_DIST);
  out_comment(&f, "lifted_v1: w0 = eps (v1 + 0.01 g)^{(x)l}/n^{l/2}; unlifted_unit: x0 = g; "
              "lifted_gauss / unlifted_gauss / unlifted_v1: w0 = eps x0^{(x)l}/n^{l/2} with l = %ld / 1 / 1", c.l);
  out_columns(&f, "n\tp\tref\tlifted_v1\tunlifted_unit\tlifted_gauss\tunlifted_gauss\tunlifted_v1\t"
              "iters_lifted_v1\tescapes_lifted_v1");
  for (size_t i = 0; i < ns.n; i++) {
    const double n = ns.v[i], pz = ceil(n / 2);
    fprintf(f.fp, "%.0f\t%.0f\t%.17g", n, pz, 2.0 / pow(2.0, pz));
    for (int a = 0; a < LT_FIG1_ARMS; a++) fprintf(f.fp, "\t%.17g", res[i][a].rate);
    fprintf(f.fp, "\t%.17g\t%.17g\n", res[i][LT_FIG1_LIFTED_V1].median_iters, res[i][LT_FIG1_LIFTED_V1].escapes);
  }
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  if (out_macros_open(&f, &p)) return PROC_EXIT_NUMERIC;
  static const char *idx_tex[] = { "A", "B", "C", "D", "E", "F", "G", "H" };
  char name[96];
  for (size_t i = 0; i < ns.n && i < 8; i++) {
    snprintf(name, sizeof name, "MSuccessNn%s", idx_tex[i]);
    out_macro(&f, name, "%.0f", ns.v[i]);
    for (int a = 0; a < LT_FIG1_ARMS; a++) {
      snprintf(name, sizeof name, "MSuccessN%s%s", lt_fig1_tex[a], idx_tex[i]);
      out_macro(&f, name, "%.2f", res[i][a].rate);
    }
    snprintf(name, sizeof name, "MSuccessNIters%s", idx_tex[i]);
    out_macro(&f, name, "%.0f", res[i][LT_FIG1_LIFTED_V1].median_iters);
  }
  out_macro(&f, "MSuccessNTrialsLifted", "%ld", trials[0]);
  out_macro(&f, "MSuccessNTrialsUnlifted", "%ld", trials[1]);
  out_macro(&f, "MSuccessNTrialsControl", "%ld", trials[2]);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;
  return 0;
}
