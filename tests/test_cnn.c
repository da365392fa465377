/* test_cnn.c -- the convolutional network: backpropagation against central differences (three
 * activations, with and without a head), a hand case of the per-layer and per-channel identity,
 * the channel rescaling symmetry, and the exact identity on random nets over several steps. */
#include <gsl/gsl_randist.h>
#include "check.h"
#include "core/rng.h"
#include "io/proc.h"
#include "models/cnn.h"

static const size_t C3[] = { 2, 3, 2, 4 }, K3[] = { 0, 3, 2, 2 };

static void random_fill(gsl_matrix *M, double s, gsl_rng *rng)
{
  for (size_t i = 0; i < M->size1; i++)
    for (size_t j = 0; j < M->size2; j++) gsl_matrix_set(M, i, j, gsl_ran_gaussian(rng, s));
}

static cnn_net *random_net(nn_act act, size_t dout, size_t ns, gsl_matrix **X, gsl_matrix **Y, gsl_rng *rng)
{
  cnn_net *net = cnn_alloc(3, C3, K3, 9, dout, ns, act, 0.1);
  *X = gsl_matrix_alloc(cnn_input_size(net), ns);
  *Y = gsl_matrix_alloc(cnn_output_size(net), ns);
  random_fill(*X, 1.0, rng);
  random_fill(*Y, 1.0, rng);
  cnn_init_gaussian(net, 0.4, rng);
  return net;
}

/* Every weight derivative against a central difference of the loss. */
static void test_backprop_fd(nn_act act, size_t dout)
{
  gsl_rng *rng = rng_stream(31, RNG_MISC, (unsigned long) act, dout);
  gsl_matrix *X, *Y;
  cnn_net *net = random_net(act, dout, 5, &X, &Y, rng);
  CHECK(net->n[3] == 9 - 2 - 1 - 1, "lengths shrink by K - 1 per layer (%zu)", net->n[3]);
  double loss, lp, lm;
  CHECK(cnn_gradient(net, X, Y, &loss) == 0 && loss > 0, "gradient runs, loss %g", loss);
  double g[1024];
  size_t q = 0;
  for (size_t h = 1; h <= net->N; h++)
    for (size_t i = 0; i < net->W[h]->size1 * net->W[h]->size2; i++) g[q++] = net->gW[h]->data[i];
  const double eps = 1e-6;
  double worst = 0, gmax = 0;
  q = 0;
  for (size_t h = 1; h <= net->N; h++)
    for (size_t i = 0; i < net->W[h]->size1 * net->W[h]->size2; i++) {
      double *w = net->W[h]->data + i, x = *w;
      *w = x + eps; cnn_gradient(net, X, Y, &lp);
      *w = x - eps; cnn_gradient(net, X, Y, &lm);
      *w = x;
      gmax = fmax(gmax, fabs(g[q]));
      worst = fmax(worst, fabs((lp - lm) / (2 * eps) - g[q++]));
    }
  CHECK(worst <= 1e-8 * (1 + gmax) && gmax > 1e-3, "backprop vs central differences (%s, head %zu): %.3g (largest gradient %.3g)",
        nn_act_name(act), dout, worst, gmax);
  cnn_free(net); gsl_matrix_free(X); gsl_matrix_free(Y); gsl_rng_free(rng);
}

/* Hand case: one input channel of length 2, one conv layer with two channels of kernel width 2
 * (so n_1 = 1), ReLU, a head with one output; x = (1, 2), y = 3.
 *   channel 0: w = (0.5, 1), z = 2.5, a = 2.5;  channel 1: w = (1, -1), z = -1, a = 0;  H = (2, 3).
 *   f = 5, e = 2, loss 2;  grad H = e a = (5, 0);  grad w_0 = e H_0 x = (4, 8);  grad w_1 = 0.
 *   channel 0: D = 1.25 - 4 = -2.75, dG = 80 - 25 = 55;  channel 1: D = 2 - 9 = -7, dG = 0;
 *   layer: D = 3.25 - 13 = -9.75, dG = 55.  One step eta = 0.1: w_0 = (0.1, 0.2), H = (1.5, 3):
 *   channel 0: D = 0.05 - 2.25 = -2.2 = -2.75 + 0.01 * 55;  channel 1 unchanged;  layer -9.2. */
static void test_hand_case(void)
{
  const size_t C[] = { 1, 2 }, K[] = { 0, 2 };
  cnn_net *net = cnn_alloc(1, C, K, 2, 1, 1, NN_RELU, 0.0);
  gsl_matrix *X = gsl_matrix_alloc(2, 1), *Y = gsl_matrix_alloc(1, 1);
  gsl_matrix_set(X, 0, 0, 1.0); gsl_matrix_set(X, 1, 0, 2.0); gsl_matrix_set(Y, 0, 0, 3.0);
  const double w[4] = { 0.5, 1, 1, -1 }, H[2] = { 2, 3 };
  for (size_t i = 0; i < 4; i++) net->W[1]->data[i] = w[i];
  for (size_t i = 0; i < 2; i++) net->W[2]->data[i] = H[i];
  double loss, dw, dg, dw1, dg1, lw, lg;
  CHECK(cnn_gradient(net, X, Y, &loss) == 0, "hand gradient runs");
  CHECK_NEAR(loss, 2.0, 1e-15, "hand loss");
  CHECK_NEAR(net->gW[2]->data[0], 5.0, 1e-15, "hand grad H_0");
  CHECK_NEAR(net->gW[2]->data[1], 0.0, 0, "hand grad H_1 (dead channel)");
  CHECK_NEAR(net->gW[1]->data[0], 4.0, 1e-15, "hand grad w_0[0]");
  CHECK_NEAR(net->gW[1]->data[1], 8.0, 1e-15, "hand grad w_0[1]");
  CHECK_NEAR(net->gW[1]->data[2], 0.0, 0, "hand grad w_1 (ReLU off)");
  cnn_pair_channel(net, 1, 0, &dw, &dg);
  CHECK_NEAR(dw, -2.75, 1e-15, "hand channel 0 difference");
  CHECK_NEAR(dg, 55.0, 1e-13, "hand channel 0 gradient difference");
  cnn_pair_channel(net, 1, 1, &dw1, &dg1);
  CHECK_NEAR(dw1, -7.0, 1e-15, "hand channel 1 difference");
  CHECK_NEAR(dg1, 0.0, 0, "hand channel 1 gradient difference");
  cnn_pair(net, 1, &lw, &lg);
  CHECK_NEAR(lw, -9.75, 1e-15, "hand layer difference");
  CHECK_NEAR(lg, 55.0, 1e-13, "hand layer gradient difference");
  CHECK(cnn_step(net, 0.1) == 0, "hand step");
  cnn_gradient(net, X, Y, &loss);
  double a, b;
  cnn_pair_channel(net, 1, 0, &a, &b);
  CHECK_NEAR(a, -2.2, 1e-14, "hand channel 0 after the step");
  CHECK_NEAR(a - dw, 0.01 * dg, 1e-14, "hand channel identity");
  cnn_pair_channel(net, 1, 1, &a, &b);
  CHECK_NEAR(a, -7.0, 1e-15, "hand channel 1 unchanged");
  cnn_pair(net, 1, &a, &b);
  CHECK_NEAR(a, -9.2, 1e-14, "hand layer after the step");
  cnn_free(net); gsl_matrix_free(X); gsl_matrix_free(Y);
}

/* Scaling the filters producing channel c by s and the weights reading it by 1/s leaves the loss
 * unchanged: checks which entries cnn_pair_channel counts as "reading channel c". */
static void test_channel_symmetry(nn_act act, size_t dout)
{
  gsl_rng *rng = rng_stream(32, RNG_MISC, (unsigned long) act, dout);
  gsl_matrix *X, *Y;
  cnn_net *net = random_net(act, dout, 4, &X, &Y, rng);
  double l0, l1;
  cnn_gradient(net, X, Y, &l0);
  const double s = 3.0;
  for (size_t h = 1; h < net->N; h++)
    for (size_t c = 0; c < net->C[h]; c++) {
      double dw0, dg0, dw1, dg1;
      cnn_pair_channel(net, h, c, &dw0, &dg0);
      gsl_matrix *Wi = net->W[h], *Wo = net->W[h + 1];
      const size_t span = h + 1 <= net->L ? net->K[h + 1] : net->n[net->L];
      for (size_t q = 0; q < Wi->size2; q++) Wi->data[c * Wi->tda + q] *= s;
      for (size_t i = 0; i < Wo->size1; i++)
        for (size_t q = 0; q < span; q++) Wo->data[i * Wo->tda + c * span + q] /= s;
      cnn_gradient(net, X, Y, &l1);
      CHECK(fabs(l1 - l0) <= 1e-12 * (1 + l0), "channel rescaling (%s, head %zu, layer %zu, channel %zu): loss %.17g vs %.17g",
            nn_act_name(act), dout, h, c, l1, l0);
      cnn_pair_channel(net, h, c, &dw1, &dg1);
      CHECK(fabs(dw1 - dw0) > 1e-3, "rescaling changes the channel difference (layer %zu channel %zu)", h, c);
      for (size_t q = 0; q < Wi->size2; q++) Wi->data[c * Wi->tda + q] /= s;
      for (size_t i = 0; i < Wo->size1; i++)
        for (size_t q = 0; q < span; q++) Wo->data[i * Wo->tda + c * span + q] *= s;
    }
  cnn_free(net); gsl_matrix_free(X); gsl_matrix_free(Y); gsl_rng_free(rng);
}

/* The exact identity, per layer and channel, over 20 steps of a random net. */
static void test_identity_random(nn_act act, size_t dout)
{
  gsl_rng *rng = rng_stream(33, RNG_MISC, (unsigned long) act, dout);
  gsl_matrix *X, *Y;
  cnn_net *net = random_net(act, dout, 6, &X, &Y, rng);
  const double eta = 0.01;
  double worst = 0, moved = 0;
  for (int t = 0; t < 20; t++) {
    double loss, before[2][8], gbefore[2][8], lb[4], lgb[4];
    cnn_gradient(net, X, Y, &loss);
    for (size_t h = 1; h < net->N; h++) {
      cnn_pair(net, h, &lb[h], &lgb[h]);
      for (size_t c = 0; c < net->C[h] && h <= 2; c++) cnn_pair_channel(net, h, c, &before[h - 1][c], &gbefore[h - 1][c]);
    }
    cnn_step(net, eta);
    cnn_gradient(net, X, Y, &loss);
    for (size_t h = 1; h < net->N; h++) {
      double a, b;
      cnn_pair(net, h, &a, &b);
      worst = fmax(worst, fabs(a - lb[h] - eta * eta * lgb[h]));
      moved = fmax(moved, fabs(a - lb[h]));
      for (size_t c = 0; c < net->C[h] && h <= 2; c++) {
        cnn_pair_channel(net, h, c, &a, &b);
        worst = fmax(worst, fabs(a - before[h - 1][c] - eta * eta * gbefore[h - 1][c]));
      }
    }
  }
  CHECK(worst <= 1e-13 && moved > 1e-8, "identity over 20 steps (%s, head %zu): residual %.3g, moved %.3g",
        nn_act_name(act), dout, worst, moved);
  cnn_free(net); gsl_matrix_free(X); gsl_matrix_free(Y); gsl_rng_free(rng);
}

int main(void)
{
  proc_init();
  const nn_act acts[3] = { NN_IDENTITY, NN_RELU, NN_LEAKY };
  for (int a = 0; a < 3; a++)
    for (size_t dout = 0; dout <= 2; dout += 2) {
      test_backprop_fd(acts[a], dout);
      test_channel_symmetry(acts[a], dout);
      test_identity_random(acts[a], dout);
    }
  test_hand_case();
  const size_t C[] = { 1, 1 }, K[] = { 0, 5 };
  CHECK(cnn_alloc(1, C, K, 4, 0, 1, NN_RELU, 0) == NULL, "kernel longer than the input is refused");
  return check_done("test_cnn");
}
