/* M-control -- the controlled version of Figure 1 of Ma, Lavaei & Sojoudi 2023 at one n (claims M8,
 * M8b): lifted (l = 3) and unlifted runs whose initial points are drawn from the same law
 * (w_0 = eps x0^{(x)l}/n^{l/2}, the same g on both sides), for CustomGD and plain GD, next to the
 * published arms (lifted from v1, unlifted from x0 = g) and unlifted from v1. */
#include <math.h>
#include <stdlib.h>
#include "experiment.h"
#include "lt_protocol.h"
#include "models/lt.h"

/* Every arm of both algorithms is paired: trial i draws the same g everywhere. */
static const rng_table streams = { "n trial", "trial from 1; all arms share the trial's g", {
  { "init", RNG_INIT, "1000 + n", "trial" }, { "noise", RNG_NOISE, "1000 + n", "trial" } } };

int main(int argc, char **argv)
{
  proc_init();
  lt_fig1_config c = LT_FIG1_CONFIG_DEFAULT;
  long n = 5, trials = 200;
  double eps = 1e-7;
  opt_spec specs[] = {
    { "n", OPT_INT, &n, 2, 16, 0, "dimension n" },
    { "l", OPT_INT, &c.l, 2, 4, 0, "lifting order" },
    { "eps", OPT_REAL, &eps, 0, 1, OPT_LO_OPEN, "initialization scale" },
    LT_FIG1_OPTIONS(c),
    { "trials", OPT_INT, &trials, 1, 100000, 0, "trials per arm" },
  };
  opt_parser p = OPT_PARSER("M-control", "controlled Figure 1: identical init laws, CustomGD and GD", specs);
  int status;
  if (!opt_parse(&p, argc, argv, &status)) return status;
  if ((status = lt_validate_size(&p, "--n", (double) n, c.l, 5e4))) return status;

  lt_arm_result cres[2][LT_FIG1_ARMS];
  lt_base *B = lt_base_completion((size_t) n, c.rho);
  if (!B) return PROC_EXIT_NUMERIC;
  const lt_algo algos[2] = { LT_CUSTOM, LT_GD };
  const long all[3] = { trials, trials, trials };
  prog_bar bar;
  prog_start(&bar, "M-control", 2, p.quiet);
  for (int a = 0; a < 2; a++) {
    if ((status = lt_fig1_arms(&p, B, &c, algos[a], eps, all, &streams, n, cres[a]))) return status;
    prog_update(&bar, a + 1);
  }
  prog_finish(&bar);
  lt_base_free(B);

  out_file f;
  if (out_tsv_open(&f, &p, NULL)) return PROC_EXIT_NUMERIC;
  out_streams(&f, &streams);
  out_comment(&f, "algo 1 = CustomGD, 0 = GD; arm 0..4 = %s, %s, %s, %s, %s", lt_fig1_column[0], lt_fig1_column[1],
              lt_fig1_column[2], lt_fig1_column[3], lt_fig1_column[4]);
  out_comment(&f, "lifted_v1: w0 = eps (v1 + 0.01 g)^{(x)l}/n^{l/2}; unlifted_unit: x0 = g; "
              "lifted_gauss / unlifted_gauss / unlifted_v1: w0 = eps x0^{(x)l}/n^{l/2} with l = %ld / 1 / 1", c.l);
  out_columns(&f, "algo\tarm\ttrials\tsuccesses\trate\tmedian_iters\tmean_escapes");
  for (int a = 0; a < 2; a++)
    for (int k = 0; k < LT_FIG1_ARMS; k++)
      fprintf(f.fp, "%d\t%d\t%zu\t%zu\t%.17g\t%.17g\t%.17g\n", algos[a] == LT_CUSTOM, k, cres[a][k].trials,
              cres[a][k].successes, cres[a][k].rate, cres[a][k].median_iters, cres[a][k].escapes);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  if (out_macros_open(&f, &p)) return PROC_EXIT_NUMERIC;
  static const char *alg_tex[2] = { "Custom", "GD" };
  char name[96];
  for (int a = 0; a < 2; a++)
    for (int k = 0; k < LT_FIG1_ARMS; k++) {
      snprintf(name, sizeof name, "MControl%s%s", alg_tex[a], lt_fig1_tex[k]);
      out_macro(&f, name, "%.3f", cres[a][k].rate);
    }
  out_macro(&f, "MControlEscLifted", "%.2f", cres[0][LT_FIG1_LIFTED_GAUSS].escapes);
  out_macro(&f, "MControlEscUnlifted", "%.2f", cres[0][LT_FIG1_UNLIFTED_GAUSS].escapes);
  out_macro(&f, "MControlDiff", "%.3f", cres[0][LT_FIG1_LIFTED_GAUSS].rate - cres[0][LT_FIG1_UNLIFTED_GAUSS].rate);
  out_macro(&f, "MControlDiffGD", "%.3f", cres[1][LT_FIG1_LIFTED_GAUSS].rate - cres[1][LT_FIG1_UNLIFTED_GAUSS].rate);
  out_macro(&f, "MControlN", "%ld", n);
  out_macro(&f, "MControlTrials", "%ld", trials);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;
  return 0;
}
