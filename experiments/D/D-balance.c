/* D-balance -- balancing that can be seen (Du, Hu & Lee 2018): a deep net started from a small
 * initialization (every layer's squared norm a fraction --init-ratio of its size at the balanced
 * solution) grows by orders of magnitude while the differences ||W_h||^2 - ||W_{h+1}||^2 stay of the
 * order of their initial value, so the ratio max_h ||W_h||^2 / min_h ||W_h||^2 ends near 1; the
 * contrast run starts large and unbalanced (squared norms --contrast times the balanced size) and
 * its ratio stays large.  Task: whitened inputs ((1/ns) X X^T = I) and a linear teacher Y = M X with
 * singular values of order one, so the loss is 1/2 ||W_L ... W_1 - M||_F^2 for linear nets.
 * Protocol designed for this artifact. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "experiment.h"
#include "nn_protocol.h"

static const rng_table streams = { "r", "r = run (0 small init, 1 contrast)", {
  { "teacher and inputs", RNG_DATA, "1", NULL }, { "init", RNG_INIT, "r", NULL } } };

int main(int argc, char **argv)
{
  proc_init();
  long samples = 20, T = 200000;
  double eta = 0.1, eta_contrast = 0.02, init_ratio = 1e-4, growth = 1.02, leak = 0.1;
  const char *act_s = "identity";
  opt_list widths = { 5, { 6, 6, 6, 6, 6 } }, sigma = { 2, { 2, 1.5 } }, contrast = { 4, { 4, 1, 1, 0.25 } };
  opt_spec specs[] = {
    { "widths", OPT_INTS, &widths, 1, 1000, 0, "layer widths d_0 (input), ..., d_L (output)" },
    { "samples", OPT_INT, &samples, 1, 100000, 0, "number of samples (>= d_0: the inputs are whitened)" },
    { "sigma", OPT_REALS, &sigma, 0, 1e3, OPT_LO_OPEN, "singular values of the teacher M (decreasing; its rank)" },
    { "act", OPT_STR, &act_s, 0, 0, 0, "activation: identity, relu or leaky" },
    { "leak", OPT_REAL, &leak, 0, 1, OPT_LO_OPEN | OPT_HI_OPEN, "Leaky ReLU slope for z < 0" },
    { "init-ratio", OPT_REAL, &init_ratio, 0, 1, OPT_LO_OPEN, "small run: ||W_h||^2 at init / balanced size" },
    { "contrast", OPT_REALS, &contrast, 0, 1e3, OPT_LO_OPEN, "contrast run: ||W_h||^2 at init / balanced size, per layer" },
    { "eta", OPT_REAL, &eta, 0, 10, OPT_LO_OPEN, "constant step size" },
    { "eta-contrast", OPT_REAL, &eta_contrast, 0, 10, OPT_LO_OPEN, "constant step size of the contrast run" },
    { "T", OPT_INT, &T, 1, 1e7, 0, "iterations per run" },
    { "growth", OPT_REAL, &growth, 1, 2, OPT_LO_OPEN, "trajectory rows at t growing by this factor" },
  };
  opt_parser p = OPT_PARSER("D-balance", "small init grows into a balanced deep net; a large unbalanced init stays unbalanced", specs);
  int status;
  if (!opt_parse(&p, argc, argv, &status)) return status;
  nn_act act;
  if (nn_act_parse(act_s, &act)) return opt_fail(&p, "--act", "must be identity, relu or leaky (got %s)", act_s);
  const size_t L = widths.n - 1;
  if (widths.n < 3 || L > NN_MAX_LAYERS) return opt_fail(&p, "--widths", "needs 2 to %d layers (got %zu)", NN_MAX_LAYERS, L);
  if (contrast.n != L) return opt_fail(&p, "--contrast", "needs one value per layer (%zu) (got %zu)", L, contrast.n);
  if (samples < (long) widths.v[0]) return opt_fail(&p, "--samples", "must be >= d_0 = %.0f (got %ld)", widths.v[0], samples);

  size_t d[NN_MAX_LAYERS + 1];
  for (size_t h = 0; h <= L; h++) d[h] = (size_t) widths.v[h];
  const size_t ns = (size_t) samples, q = sigma.n;
  if (q > d[0] || q > d[L]) return opt_fail(&p, "--sigma", "rank %zu exceeds the input or output width", q);
  for (size_t i = 1; i < q; i++)
    if (sigma.v[i] > sigma.v[i - 1]) return opt_fail(&p, "--sigma", "must be decreasing");
  /* Teacher M = U diag(s) V^T (d_L x d_0); whitened inputs X = sqrt(ns) Q^T, Q (ns x d_0) orthonormal. */
  double bal = 0;
  for (size_t i = 0; i < q; i++) bal += pow(sigma.v[i], 2.0 / (double) L);   /* ||W_h||^2, balanced factors of M */
  gsl_rng *rd = rng_table_stream(&streams, "teacher and inputs", p.seed, NULL);
  mf_problem *teacher;
  gsl_matrix *X, *Y;
  if (!rd || nn_balance_data(d[0], d[L], ns, sigma.v, q, rd, &teacher, &X, &Y)) return PROC_EXIT_NUMERIC;

  out_file f, fs;
  if (out_tsv_open(&f, &p, NULL) || out_tsv_open(&fs, &p, "summary")) return PROC_EXIT_NUMERIC;
  out_streams(&f, &streams);
  out_comment(&f, "init: N(0, 1) entries scaled per layer; balanced size sum_i sigma_i^(2/L) = %.17g", bal);
  out_comment(&f, "run 0: small init; run 1: large unbalanced contrast; n_h = ||W_h||_F^2; dmax = max_h |D_h|");
  char cols[256] = "run\tt\tloss";
  for (size_t h = 1; h <= L; h++) snprintf(cols + strlen(cols), sizeof cols - strlen(cols), "\tn%zu", h);
  strncat(cols, "\tratio\tdmax", sizeof cols - strlen(cols) - 1);
  out_columns(&f, cols);
  out_columns(&fs, "run\tT\tloss0\tlossT\tdrop\tratio0\tratioT\tratio_min\tgrowth\tdmax0\tdmaxT\tbalanced");
  nn_balance_result r[2];
  for (int run_i = 0; run_i < 2; run_i++) {
    nn_net *net = nn_alloc(L, d, ns, act, leak, 0);
    gsl_rng *ri = rng_table_stream(&streams, "init", p.seed, (const long[]) { run_i });
    if (!net || !ri) return PROC_EXIT_NUMERIC;
    nn_init_gaussian(net, 1.0, ri);
    for (size_t h = 1; h <= L; h++) {
      const double target = (run_i ? contrast.v[h - 1] : init_ratio) * bal;
      gsl_matrix_scale(net->W[h], sqrt(target / (double) (d[h] * d[h - 1])));
    }
    if (nn_balance_run(p.program, net, X, Y, run_i ? eta_contrast : eta, (size_t) T, growth, f.fp, run_i, &r[run_i])) {
      out_abort(&f); out_abort(&fs);
      return PROC_EXIT_NUMERIC;
    }
    const nn_balance_result *b = &r[run_i];
    fprintf(fs.fp, "%d\t%zu\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\n", run_i, b->T,
            b->loss0, b->lossT, b->loss0 / b->lossT, b->ratio0, b->ratioT, b->ratio_min, b->growth, b->dmax0,
            b->dmaxT, bal);
    nn_free(net);
    gsl_rng_free(ri);
  }
  if (out_commit(&f) || out_commit(&fs)) return PROC_EXIT_NUMERIC;

  char num[64];
  if (out_macros_open(&f, &p)) return PROC_EXIT_NUMERIC;
  out_run_macro(&f, &p, "Layers", "%zu", L);
  out_run_macro(&f, &p, "Drop", "%s", out_tex_number(num, sizeof num, r[0].loss0 / r[0].lossT, 2));
  out_run_macro(&f, &p, "RatioStart", "%.3f", r[0].ratio0);
  out_run_macro(&f, &p, "RatioEnd", "%.6f", r[0].ratioT);
  out_run_macro(&f, &p, "Growth", "%s", out_tex_number(num, sizeof num, r[0].growth, 2));
  out_run_macro(&f, &p, "DiffStart", "%s", out_tex_number(num, sizeof num, r[0].dmax0, 2));
  out_run_macro(&f, &p, "DiffEnd", "%s", out_tex_number(num, sizeof num, r[0].dmaxT, 2));
  out_run_macro(&f, &p, "Balanced", "%.3f", bal);
  out_run_macro(&f, &p, "ContrastStart", "%.2f", r[1].ratio0);
  out_run_macro(&f, &p, "ContrastEnd", "%.2f", r[1].ratioT);
  out_run_macro(&f, &p, "ContrastMin", "%.2f", r[1].ratio_min);
  out_run_macro(&f, &p, "ContrastDrop", "%s", out_tex_number(num, sizeof num, r[1].loss0 / r[1].lossT, 2));
  out_run_macro(&f, &p, "T", "%ld", T);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;
  gsl_matrix_free(X); gsl_matrix_free(Y);
  mf_problem_free(teacher); gsl_rng_free(rd);
  return 0;
}
