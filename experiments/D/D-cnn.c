/* D-cnn -- layers of a convolutional homogeneous net are balanced too (Du, Hu & Lee 2018 cover
 * "fully connected and convolutional" nets): GD at a fixed horizon eta T for decreasing eta, for
 * identity, ReLU and Leaky ReLU, checking at every step the exact discrete identity per layer and
 * per channel (lib/models/cnn.h),
 *     D(t+1) - D(t) = eta^2 (||g_in||^2 - ||g_out||^2),
 * and recording the drift of the layer differences (the run: experiments/common/cnn_protocol).
 * Protocol designed for this artifact. */
#include <math.h>
#include <stdlib.h>
#include "experiment.h"
#include "cnn_protocol.h"
#include "nn_protocol.h"

/* The init of an activation's runs is the same for every eta. */
static const rng_table streams = { "a", "a = activation (0 identity, 1 relu, 2 leaky); the same init for every eta", {
  { "X, Y", RNG_DATA, "1", NULL }, { "init", RNG_INIT, "a", NULL } } };

int main(int argc, char **argv)
{
  proc_init();
  long samples = 40, length = 16, dout = 3, points = 200;
  double init = 0.2, horizon = 5, leak = 0.1;
  opt_list channels = { 3, { 2, 6, 6 } }, kernels = { 2, { 3, 3 } }, etas = { 4, { 1e-1, 1e-2, 1e-3, 1e-4 } };
  opt_spec specs[] = {
    { "channels", OPT_INTS, &channels, 1, CNN_FLOW_MAX_CHANNELS, 0, "channels C_0 (input), C_1, ..., C_L" },
    { "kernels", OPT_INTS, &kernels, 1, 100, 0, "kernel widths K_1, ..., K_L (stride 1, no padding)" },
    { "length", OPT_INT, &length, 1, 10000, 0, "input length n_0" },
    { "head", OPT_INT, &dout, 0, 1000, 0, "outputs of the fully connected head (0: no head)" },
    { "samples", OPT_INT, &samples, 1, 100000, 0, "number of random samples" },
    { "init", OPT_REAL, &init, 0, 10, OPT_LO_OPEN, "init scale: weights ~ N(0, init^2)" },
    { "etas", OPT_REALS, &etas, 0, 1, OPT_LO_OPEN, "constant step sizes, decreasing" },
    { "horizon", OPT_REAL, &horizon, 0, 1e3, OPT_LO_OPEN, "fixed time eta T" },
    { "leak", OPT_REAL, &leak, 0, 1, OPT_LO_OPEN | OPT_HI_OPEN, "Leaky ReLU slope for z < 0" },
    { "points", OPT_INT, &points, 2, 100000, 0, "trajectory points written per run" },
  };
  opt_parser p = OPT_PARSER("D-cnn", "balance of a convolutional net at fixed eta T for decreasing eta", specs);
  int status;
  if (!opt_parse(&p, argc, argv, &status)) return status;
  const size_t L = kernels.n;
  if (L > CNN_MAX_LAYERS) return opt_fail(&p, "--kernels", "at most %d layers (got %zu)", CNN_MAX_LAYERS, L);
  if (channels.n != L + 1)
    return opt_fail(&p, "--channels", "needs one more value than --kernels (%zu) (got %zu)", L + 1, channels.n);
  if (L + (dout > 0) < 2) return opt_fail(&p, "--kernels", "needs at least two layers with the head (got %zu)", L + (dout > 0));
  size_t C[CNN_MAX_LAYERS + 1], K[CNN_MAX_LAYERS + 1] = { 0 }, n = (size_t) length;
  for (size_t h = 0; h <= L; h++) C[h] = (size_t) channels.v[h];
  for (size_t h = 1; h <= L; h++) {
    K[h] = (size_t) kernels.v[h - 1];
    if (K[h] > n) return opt_fail(&p, "--kernels", "kernel %zu is longer than its input (%zu)", K[h], n);
    n -= K[h] - 1;
  }
  for (size_t e = 1; e < etas.n; e++)
    if (!(etas.v[e] < etas.v[e - 1])) return opt_fail(&p, "--etas", "must be decreasing");
  if (horizon / etas.v[etas.n - 1] > 1e7)
    return opt_fail(&p, "--horizon", "horizon/eta = %g steps is more than 1e7", horizon / etas.v[etas.n - 1]);

  const size_t ns = (size_t) samples;
  cnn_net *shape = cnn_alloc(L, C, K, (size_t) length, (size_t) dout, ns, NN_RELU, leak);
  gsl_rng *rd = rng_table_stream(&streams, "X, Y", p.seed, NULL);
  if (!shape || !rd) return PROC_EXIT_NUMERIC;
  gsl_matrix *X = gsl_matrix_alloc(cnn_input_size(shape), ns), *Y = gsl_matrix_alloc(cnn_output_size(shape), ns);
  if (!X || !Y) return PROC_EXIT_NUMERIC;
  nn_flow_data(X, Y, rd);
  cnn_free(shape);

  out_file f, fs;
  if (out_tsv_open(&f, &p, NULL) || out_tsv_open(&fs, &p, "summary")) return PROC_EXIT_NUMERIC;
  out_streams(&f, &streams);
  out_comment(&f, "data X, Y ~ N(0,1)");
  out_comment(&f, "act: 0 identity, 1 relu, 2 leaky; n_h = ||W_h||^2 (layer 3 = head); dD_h = D_h(t) - D_h(0)");
  out_columns(&f, "act\teta\tt\ttime\tloss\tn1\tn2\tn3\tdD1\tdD2");
  out_comment(&fs, "id_*: max over steps, layers (channels) of |D(t+1) - D(t) - eta^2 dG(t)| / (1 + sum_h ||W_h||^2)");
  out_columns(&fs, "act\teta\tT\tdrift\tid_layer\tid_channel\tnorm0\tnormT\tloss0\tlossT");
  const nn_act acts[3] = { NN_IDENTITY, NN_RELU, NN_LEAKY };
  double worst_layer = 0, worst_channel = 0, ratio[3] = { 0, 0, 0 };
  for (int a = 0; a < 3; a++) {
    double q_lo = INFINITY, q_hi = 0;
    for (size_t e = 0; e < etas.n; e++) {
      const double eta = etas.v[e];
      const size_t T = (size_t) llround(horizon / eta);
      const size_t stride = T / (size_t) points > 0 ? T / (size_t) points : 1;
      cnn_net *net = cnn_alloc(L, C, K, (size_t) length, (size_t) dout, ns, acts[a], leak);
      gsl_rng *ri = rng_table_stream(&streams, "init", p.seed, (const long[]) { a });
      if (!net || !ri) return PROC_EXIT_NUMERIC;
      cnn_init_gaussian(net, init, ri);
      cnn_flow_result r;
      if (cnn_flow_run(p.program, net, X, Y, eta, T, stride, f.fp, a, &r)) {
        out_abort(&f); out_abort(&fs);
        return PROC_EXIT_NUMERIC;
      }
      fprintf(fs.fp, "%d\t%.17g\t%zu\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\n", a, eta, T, r.drift,
              r.id_layer, r.id_channel, r.norm0, r.normT, r.loss0, r.lossT);
      worst_layer = fmax(worst_layer, r.id_layer);
      worst_channel = fmax(worst_channel, r.id_channel);
      q_lo = fmin(q_lo, r.drift / eta); q_hi = fmax(q_hi, r.drift / eta);
      cnn_free(net);
      gsl_rng_free(ri);
    }
    ratio[a] = q_hi / q_lo;
  }
  if (out_commit(&f) || out_commit(&fs)) return PROC_EXIT_NUMERIC;

  char num[64];
  static const char *aname[3] = { "Identity", "Relu", "Leaky" };
  if (out_macros_open(&f, &p)) return PROC_EXIT_NUMERIC;
  out_run_macro(&f, &p, "IdLayer", "%s", out_tex_number(num, sizeof num, worst_layer, 2));
  out_run_macro(&f, &p, "IdChannel", "%s", out_tex_number(num, sizeof num, worst_channel, 2));
  for (int a = 0; a < 3; a++) {
    char name[64];
    snprintf(name, sizeof name, "DriftSpread%s", aname[a]);
    out_run_macro(&f, &p, name, "%.3f", ratio[a]);
  }
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;
  gsl_matrix_free(X); gsl_matrix_free(Y);
  gsl_rng_free(rd);
  return 0;
}
