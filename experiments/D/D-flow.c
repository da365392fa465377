/* D-flow -- layers of a homogeneous net are automatically balanced (Du, Hu & Lee 2018): under
 * gradient flow ||W_h||_F^2 - ||W_{h+1}||_F^2 is constant.  GD at a fixed horizon eta T for
 * decreasing eta, for identity, ReLU and Leaky ReLU, checking at every step the exact discrete
 * identity derived for this artifact,
 *     D_h(t+1) - D_h(t) = eta^2 (||grad W_h||^2 - ||grad W_{h+1}||^2),
 * per layer, per neuron and (identity activation) in matrix form; and one run with biases, where
 * the identity holds only when the bias joins the incoming weights.  Protocol designed for this
 * artifact (the paper gives no parameters). */
#include <math.h>
#include <stdlib.h>
#include "experiment.h"
#include "nn_protocol.h"
#include "models/nn.h"

/* The init of an activation's runs is the same for every eta. */
static const rng_table streams = { "a", "a = activation (0 identity, 1 relu, 2 leaky); the same init for every eta", {
  { "X, Y", RNG_DATA, "1", NULL }, { "init", RNG_INIT, "a", NULL }, { "biased init", RNG_INIT, "9", NULL } } };

int main(int argc, char **argv)
{
  proc_init();
  long samples = 50, points = 200;
  double init = 0.1, horizon = 5, leak = 0.1, bias_eta = 1e-2;
  opt_list widths = { 4, { 10, 20, 20, 5 } }, etas = { 4, { 1e-1, 1e-2, 1e-3, 1e-4 } };
  opt_spec specs[] = {
    { "widths", OPT_INTS, &widths, 1, 1000, 0, "layer widths d_0 (input), ..., d_L (output)" },
    { "samples", OPT_INT, &samples, 1, 100000, 0, "number of random samples" },
    { "init", OPT_REAL, &init, 0, 10, OPT_LO_OPEN, "init scale: weights ~ N(0, init^2)" },
    { "etas", OPT_REALS, &etas, 0, 1, OPT_LO_OPEN, "constant step sizes, decreasing" },
    { "horizon", OPT_REAL, &horizon, 0, 1e3, OPT_LO_OPEN, "fixed time eta T" },
    { "leak", OPT_REAL, &leak, 0, 1, OPT_LO_OPEN | OPT_HI_OPEN, "Leaky ReLU slope for z < 0" },
    { "bias-eta", OPT_REAL, &bias_eta, 0, 1, OPT_LO_OPEN, "step of the ReLU run with biases" },
    { "points", OPT_INT, &points, 2, 100000, 0, "trajectory points written per run" },
  };
  opt_parser p = OPT_PARSER("D-flow", "balance of layers at fixed eta T for decreasing eta", specs);
  int status;
  if (!opt_parse(&p, argc, argv, &status)) return status;
  if (widths.n < 3 || widths.n > 4)
    return opt_fail(&p, "--widths", "needs 3 or 4 widths (2 or 3 layers) (got %zu)", widths.n);
  for (size_t e = 1; e < etas.n; e++)
    if (!(etas.v[e] < etas.v[e - 1])) return opt_fail(&p, "--etas", "must be decreasing");
  if (horizon / etas.v[etas.n - 1] > 1e7)
    return opt_fail(&p, "--horizon", "horizon/eta = %g steps is more than 1e7", horizon / etas.v[etas.n - 1]);

  const size_t L = widths.n - 1, ns = (size_t) samples;
  size_t d[NN_MAX_LAYERS + 1];
  for (size_t h = 0; h <= L; h++) d[h] = (size_t) widths.v[h];
  gsl_rng *rd = rng_table_stream(&streams, "X, Y", p.seed, NULL);
  gsl_matrix *X = gsl_matrix_alloc(d[0], ns), *Y = gsl_matrix_alloc(d[L], ns);
  if (!rd || !X || !Y) return PROC_EXIT_NUMERIC;
  nn_flow_data(X, Y, rd);

  out_file f, fs;
  if (out_tsv_open(&f, &p, NULL) || out_tsv_open(&fs, &p, "summary")) return PROC_EXIT_NUMERIC;
  out_streams(&f, &streams);
  out_comment(&f, "data X, Y ~ N(0,1)");
  out_comment(&f, "act: 0 identity, 1 relu, 2 leaky; D_h = ||W_h||^2 (+||b_h||^2) - ||W_{h+1}||^2");
  out_columns(&f, "act\tbias\teta\tt\ttime\tloss\tn1\tn2\tn3\tdD1\tdD2");
  out_comment(&fs, "id_*: max over steps of |D(t+1) - D(t) - eta^2 dG(t)| / (1 + sum_h ||W_h||^2)");
  out_columns(&fs, "act\tbias\teta\tT\tdrift\tid_layer\tid_neuron\tid_matrix\tid_nobias\tnorm0\tnormT\tloss0\tlossT");
  const nn_act acts[3] = { NN_IDENTITY, NN_RELU, NN_LEAKY };
  double drift[3][OPT_LIST_MAX], worst_layer = 0, worst_neuron = 0, worst_matrix = 0;
  nn_flow_result br = { 0 };
  for (int a = 0; a <= 3; a++) {
    const int biased = a == 3;
    const size_t ne = biased ? 1 : etas.n;
    for (size_t e = 0; e < ne; e++) {
      const double eta = biased ? bias_eta : etas.v[e];
      const size_t T = (size_t) llround(horizon / eta);
      const size_t stride = T / (size_t) points > 0 ? T / (size_t) points : 1;
      nn_net *net = nn_alloc(L, d, ns, biased ? NN_RELU : acts[a], leak, biased);
      gsl_rng *ri = rng_table_stream(&streams, biased ? "biased init" : "init", p.seed, (const long[]) { a });
      if (!net || !ri) return PROC_EXIT_NUMERIC;
      nn_init_gaussian(net, init, ri);
      nn_flow_result r;
      if (nn_flow_run(p.program, net, X, Y, eta, T, stride, f.fp, biased ? 1 : a, &r)) {
        out_abort(&f); out_abort(&fs);
        return PROC_EXIT_NUMERIC;
      }
      fprintf(fs.fp, "%d\t%d\t%.17g\t%zu\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\n",
              biased ? 1 : a, biased, eta, T, r.drift, r.id_layer, r.id_neuron, r.id_matrix, r.id_nobias,
              r.norm0, r.normT, r.loss0, r.lossT);
      if (!biased) {
        drift[a][e] = r.drift;
        worst_layer = fmax(worst_layer, r.id_layer);
        worst_neuron = fmax(worst_neuron, r.id_neuron);
        if (a == 0) worst_matrix = fmax(worst_matrix, r.id_matrix);
      } else br = r;
      nn_free(net);
      gsl_rng_free(ri);
    }
  }
  if (out_commit(&f) || out_commit(&fs)) return PROC_EXIT_NUMERIC;

  char num[64];
  static const char *aname[3] = { "Identity", "Relu", "Leaky" };
  if (out_macros_open(&f, &p)) return PROC_EXIT_NUMERIC;
  out_macro(&f, "DFlowIdLayer", "%s", out_tex_number(num, sizeof num, worst_layer, 2));
  out_macro(&f, "DFlowIdNeuron", "%s", out_tex_number(num, sizeof num, worst_neuron, 2));
  out_macro(&f, "DFlowIdMatrix", "%s", out_tex_number(num, sizeof num, worst_matrix, 2));
  out_macro(&f, "DFlowBiasWith", "%s", out_tex_number(num, sizeof num, br.id_layer, 2));
  out_macro(&f, "DFlowBiasWithout", "%s", out_tex_number(num, sizeof num, br.id_nobias, 2));
  for (int a = 0; a < 3; a++) {
    char name[64];
    snprintf(name, sizeof name, "DFlowDriftRatio%s", aname[a]);
    out_macro(&f, name, "%s", out_tex_number(num, sizeof num, drift[a][etas.n - 1] / drift[a][0], 3));
    snprintf(name, sizeof name, "DFlowDriftLarge%s", aname[a]);
    out_macro(&f, name, "%s", out_tex_number(num, sizeof num, drift[a][0], 2));
  }
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;
  gsl_matrix_free(X); gsl_matrix_free(Y);
  gsl_rng_free(rd);
  return 0;
}
