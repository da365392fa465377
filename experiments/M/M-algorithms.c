/* M-algorithms -- Figure 2 of Ma, Lavaei & Sojoudi 2023: on the perturbed matrix-completion
 * instance (n = 10, l = 3, spectral init v1), the success of GD, CustomGD, perturbed GD and Adam
 * versus the initialization scale eps, and one loss trajectory per algorithm. */
#include <math.h>
#include <stdlib.h>
#include "experiment.h"
#include "lt_protocol.h"
#include "models/lt.h"

/* The four algorithms at one eps are paired (trial i has the same init); one trajectory each from
 * the same w0. */
static const rng_table streams = { "k trial", "k = eps index (from 0), trial from 1", {
  { "init", RNG_INIT, "3000 + k", "trial" }, { "noise", RNG_NOISE, "3000 + k", "trial" },
  { "trajectory init", RNG_INIT, "4000", "1" }, { "trajectory noise", RNG_NOISE, "4000", "1" } } };

int main(int argc, char **argv)
{
  proc_init();
  opt_list epss = { 5, { 1e-3, 1e-4, 1e-5, 1e-6, 1e-7 } };
  long n = 10, l = 3, T = 2000, trials = 20;
  double rho = 0.01, eta = 0.02, lr = 0.1, eps_traj = 1e-7;
  opt_spec specs[] = {
    { "n", OPT_INT, &n, 2, 16, 0, "dimension n" },
    { "l", OPT_INT, &l, 1, 4, 0, "lifting order" },
    { "epss", OPT_REALS, &epss, 0, 1, OPT_LO_OPEN, "initialization scales" },
    { "rho", OPT_REAL, &rho, 0, 1, OPT_LO_OPEN, "off-mask weight of the completion instance" },
    { "eta", OPT_REAL, &eta, 0, 1, OPT_LO_OPEN, "step of GD, CustomGD and perturbed GD" },
    { "lr", OPT_REAL, &lr, 0, 1, OPT_LO_OPEN, "Adam's learning rate" },
    { "T", OPT_INT, &T, 1, 1e6, 0, "iteration cap" },
    { "trials", OPT_INT, &trials, 1, 10000, 0, "trials per algorithm and eps" },
    { "eps-traj", OPT_REAL, &eps_traj, 0, 1, OPT_LO_OPEN, "eps of the loss trajectories" },
  };
  opt_parser p = OPT_PARSER("M-algorithms", "Figure 2: success and loss trajectories of four algorithms", specs);
  int status;
  if (!opt_parse(&p, argc, argv, &status)) return status;
  if ((status = lt_validate_size(&p, "--n", (double) n, l, 5e4))) return status;

  enum { NALG = 4 };
  static const lt_algo algos[NALG] = { LT_GD, LT_CUSTOM, LT_PGD, LT_ADAM };
  static const char *tex[NALG] = { "GD", "Custom", "PGD", "Adam" };
  lt_base *B = lt_base_completion((size_t) n, rho);
  if (!B) return PROC_EXIT_NUMERIC;
  lt_arm_result res[OPT_LIST_MAX][NALG];
  prog_bar bar;
  prog_start(&bar, "M-algorithms", (long) (epss.n * NALG), p.quiet);
  for (size_t k = 0; k < epss.n; k++)
    for (int a = 0; a < NALG; a++) {
      size_t fail = 0;
      const lt_arm_config arm = { (size_t) l, algos[a], algos[a] == LT_ADAM ? lr : eta, (size_t) T, LT_INIT_V1,
                                  epss.v[k], (size_t) trials };
      int rc = lt_arm(B, &arm, &streams, p.seed, (long) k, &res[k][a], &fail);
      if (rc == GSL_ERUNAWAY) return proc_diverged(p.program, fail, "%s, eps = %g", tex[a], epss.v[k]);
      if (rc) return PROC_EXIT_NUMERIC;
      prog_update(&bar, (long) (k * NALG + (size_t) a) + 1);
    }
  prog_finish(&bar);

  /* One trajectory per algorithm: trial 1 of stream 4000, the same initial point for all four. */
  double *trace = malloc((size_t) (NALG * (T + 1)) * sizeof(double));
  size_t stop[NALG];
  if (!trace) return PROC_EXIT_NUMERIC;
  for (int a = 0; a < NALG; a++) {
    const lt_arm_config run = { (size_t) l, algos[a], algos[a] == LT_ADAM ? lr : eta, (size_t) T, LT_INIT_V1, eps_traj, 1 };
    size_t fail = 0;
    const int rc = lt_trace_run(B, &run, &streams, "trajectory init", "trajectory noise", p.seed, trace + a * (T + 1),
                                &stop[a], &fail);
    if (rc == GSL_ERUNAWAY) return proc_diverged(p.program, fail, "%s, eps = %g", tex[a], eps_traj);
    if (rc) return PROC_EXIT_NUMERIC;
  }

  out_file f;
  if (out_tsv_open(&f, &p, NULL)) return PROC_EXIT_NUMERIC;
  out_streams(&f, &streams);
  out_comment(&f, "success rates over %ld trials from w0 = eps (v1 + 0.01 g)^{(x)l}/n^{l/2}", trials);
  out_columns(&f, "eps\tgd\tcustom\tpgd\tadam\titers_gd\titers_custom\titers_pgd\titers_adam");
  for (size_t k = 0; k < epss.n; k++) {
    fprintf(f.fp, "%.17g", epss.v[k]);
    for (int a = 0; a < NALG; a++) fprintf(f.fp, "\t%.17g", res[k][a].rate);
    for (int a = 0; a < NALG; a++) fprintf(f.fp, "\t%.17g", res[k][a].median_iters);
    fputc('\n', f.fp);
  }
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  if (out_tsv_open(&f, &p, "traj")) return PROC_EXIT_NUMERIC;
  out_comment(&f, "loss h(w_t) of one run per algorithm from the same w0 (eps = %g); nan after the run stopped", eps_traj);
  out_columns(&f, "t\tgd\tcustom\tpgd\tadam");
  for (long t = 0; t <= T; t++) {
    fprintf(f.fp, "%ld", t);
    for (int a = 0; a < NALG; a++) fprintf(f.fp, "\t%.17g", trace[a * (T + 1) + t]);
    fputc('\n', f.fp);
  }
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  if (out_macros_open(&f, &p)) return PROC_EXIT_NUMERIC;
  static const char *idx_tex[] = { "A", "B", "C", "D", "E", "F", "G", "H" };
  char name[96], num[64];
  for (size_t k = 0; k < epss.n && k < 8; k++)
    for (int a = 0; a < NALG; a++) {
      snprintf(name, sizeof name, "MAlgorithms%s%s", tex[a], idx_tex[k]);
      out_macro(&f, name, "%.2f", res[k][a].rate);
      snprintf(name, sizeof name, "MAlgorithmsIters%s%s", tex[a], idx_tex[k]);
      out_macro(&f, name, "%.0f", res[k][a].median_iters);
    }
  for (int a = 0; a < NALG; a++) {
    snprintf(name, sizeof name, "MAlgorithmsStop%s", tex[a]);
    if (stop[a] <= (size_t) T) out_macro(&f, name, "%zu", stop[a]);
    else out_macro(&f, name, "none within %ld", T);
  }
  out_macro(&f, "MAlgorithmsPlateau", "%s", out_tex_number(num, sizeof num, trace[0], 3));
  out_macro(&f, "MAlgorithmsTrials", "%ld", trials);
  out_macro(&f, "MAlgorithmsLr", "%g", lr);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;
  free(trace); lt_base_free(B);
  return 0;
}
