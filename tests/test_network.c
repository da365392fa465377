/* test_network.c -- backpropagation against finite differences for every activation (with and
 * without biases), a 2-layer hand case of the exact discrete identity, and the identity on random
 * nets. */
#include <gsl/gsl_randist.h>
#include "check.h"
#include "core/rng.h"
#include "io/proc.h"
#include "models/nn.h"

static void random_data(gsl_matrix *X, gsl_matrix *Y, gsl_rng *rng)
{
  for (size_t i = 0; i < X->size1; i++)
    for (size_t j = 0; j < X->size2; j++) gsl_matrix_set(X, i, j, gsl_ran_gaussian(rng, 1.0));
  for (size_t i = 0; i < Y->size1; i++)
    for (size_t j = 0; j < Y->size2; j++) gsl_matrix_set(Y, i, j, gsl_ran_gaussian(rng, 1.0));
}

/* Every weight and bias derivative against a central difference of the loss. */
static void test_backprop_fd(nn_act act, int bias)
{
  const size_t d[] = { 4, 6, 5, 3 }, ns = 7;
  gsl_rng *rng = rng_stream(21, RNG_MISC, (unsigned long) act, (unsigned long) bias);
  nn_net *net = nn_alloc(3, d, ns, act, 0.1, bias);
  gsl_matrix *X = gsl_matrix_alloc(d[0], ns), *Y = gsl_matrix_alloc(d[3], ns);
  random_data(X, Y, rng);
  nn_init_gaussian(net, 0.7, rng);
  double loss, lp, lm;
  nn_gradient(net, X, Y, &loss);
  /* Keep the analytic gradients before the probes overwrite them. */
  double g[512], gb[64];
  size_t q = 0, qb = 0;
  for (size_t h = 1; h <= 3; h++) {
    for (size_t i = 0; i < net->W[h]->size1 * net->W[h]->size2; i++) g[q++] = net->gW[h]->data[i];
    for (size_t i = 0; bias && i < d[h]; i++) gb[qb++] = gsl_vector_get(net->gb[h], i);
  }
  const double eps = 1e-6;
  double worst = 0;
  q = qb = 0;
  for (size_t h = 1; h <= 3; h++) {
    for (size_t i = 0; i < net->W[h]->size1 * net->W[h]->size2; i++) {
      double *w = net->W[h]->data + i, x = *w;
      *w = x + eps; nn_gradient(net, X, Y, &lp);
      *w = x - eps; nn_gradient(net, X, Y, &lm);
      *w = x;
      worst = fmax(worst, fabs((lp - lm) / (2 * eps) - g[q++]));
    }
    for (size_t i = 0; bias && i < d[h]; i++) {
      double *w = net->b[h]->data + i, x = *w;
      *w = x + eps; nn_gradient(net, X, Y, &lp);
      *w = x - eps; nn_gradient(net, X, Y, &lm);
      *w = x;
      worst = fmax(worst, fabs((lp - lm) / (2 * eps) - gb[qb++]));
    }
  }
  CHECK(worst <= 1e-7, "backprop vs central differences (%s, bias %d): %.3g", nn_act_name(act), bias, worst);
  nn_free(net); gsl_matrix_free(X); gsl_matrix_free(Y); gsl_rng_free(rng);
}

/* Hand case: widths 1-1-1, W_1 = a = 2, W_2 = b = 0.5, x = 1, y = 3, identity activation.
 * f = ab = 1, e = -2, grad a = e b = -1, grad b = e a = -4; one step eta = 0.1: a' = 2.1, b' = 0.9;
 * D = a^2 - b^2: 3.75 -> 3.6, and eta^2 (1 - 16) = -0.15. */
static void test_hand_case(void)
{
  const size_t d[] = { 1, 1, 1 };
  nn_net *net = nn_alloc(2, d, 1, NN_IDENTITY, 0.0, 0);
  gsl_matrix *X = gsl_matrix_alloc(1, 1), *Y = gsl_matrix_alloc(1, 1);
  gsl_matrix_set(X, 0, 0, 1.0); gsl_matrix_set(Y, 0, 0, 3.0);
  gsl_matrix_set(net->W[1], 0, 0, 2.0); gsl_matrix_set(net->W[2], 0, 0, 0.5);
  double loss, dw0, dg0, dw1, dg1;
  nn_gradient(net, X, Y, &loss);
  CHECK_NEAR(loss, 2.0, 1e-15, "hand loss 1/2 (1 - 3)^2");
  CHECK_NEAR(gsl_matrix_get(net->gW[1], 0, 0), -1.0, 1e-15, "hand grad a");
  CHECK_NEAR(gsl_matrix_get(net->gW[2], 0, 0), -4.0, 1e-15, "hand grad b");
  nn_pair(net, 1, 1, &dw0, &dg0);
  CHECK_NEAR(dw0, 3.75, 1e-15, "hand D before");
  CHECK_NEAR(dg0, -15.0, 1e-15, "hand gradient difference");
  nn_step(net, 0.1);
  nn_pair(net, 1, 1, &dw1, &dg1);
  CHECK_NEAR(dw1, 3.6, 1e-14, "hand D after");
  CHECK_NEAR(dw1 - dw0, 0.01 * dg0, 1e-14, "hand identity");
  /* ReLU with a negative pre-activation: the hidden unit is off, both gradients vanish. */
  nn_net *r = nn_alloc(2, d, 1, NN_RELU, 0.0, 0);
  gsl_matrix_set(r->W[1], 0, 0, -2.0); gsl_matrix_set(r->W[2], 0, 0, 0.5);
  nn_gradient(r, X, Y, &loss);
  CHECK(gsl_matrix_get(r->gW[1], 0, 0) == 0.0 && gsl_matrix_get(r->gW[2], 0, 0) == 0.0, "ReLU off: zero gradients");
  CHECK_NEAR(loss, 4.5, 1e-15, "ReLU off: loss 1/2 y^2");
  nn_free(net); nn_free(r); gsl_matrix_free(X); gsl_matrix_free(Y);
}

/* Norms of a 3-layer hand case: ||W_1||^2 = 4 + 9 = 13, ||W_2||^2 = 1, ||W_3||^2 = 4; ratio 13/1,
 * differences D_1 = 12, D_2 = -3, so max |D_h| = 12. */
static void test_norm_ratio(void)
{
  const size_t d[] = { 2, 1, 1, 1 };
  nn_net *net = nn_alloc(3, d, 1, NN_IDENTITY, 0.0, 0);
  gsl_matrix_set(net->W[1], 0, 0, 2.0); gsl_matrix_set(net->W[1], 0, 1, -3.0);
  gsl_matrix_set(net->W[2], 0, 0, 1.0); gsl_matrix_set(net->W[3], 0, 0, -2.0);
  double lo = 0;
  CHECK(nn_norm_ratio(net, &lo) == 13.0 && lo == 1.0, "norm ratio 13/1 (min %g)", lo);
  CHECK(nn_max_difference(net) == 12.0, "max |D_h| = 12: got %g", nn_max_difference(net));
  gsl_matrix_set(net->W[2], 0, 0, sqrt(13.0)); gsl_matrix_set(net->W[3], 0, 0, sqrt(13.0));
  CHECK_NEAR(nn_norm_ratio(net, NULL), 1.0, 1e-15, "balanced layers: ratio 1");
  nn_free(net);
}

/* Random nets: per-layer, per-neuron and matrix identity for one step; and with biases the
 * identity fails unless the bias is counted. */
static void test_identity_random(void)
{
  const size_t d[] = { 5, 8, 6, 3 }, ns = 9;
  gsl_rng *rng = rng_stream(23, RNG_MISC, 9, 0);
  gsl_matrix *X = gsl_matrix_alloc(d[0], ns), *Y = gsl_matrix_alloc(d[3], ns);
  random_data(X, Y, rng);
  const double eta = 0.05;
  for (int a = 0; a < 3; a++)
    for (int bias = 0; bias < 2; bias++) {
      nn_net *net = nn_alloc(3, d, ns, (nn_act) a, 0.2, bias);
      nn_init_gaussian(net, 0.8, rng);
      double loss, dw[3], dg[3], dwn[3], dgn[3], nw[8], ng[8], after, g;
      nn_gradient(net, X, Y, &loss);
      for (size_t h = 1; h <= 2; h++) {
        nn_pair(net, h, 1, &dw[h], &dg[h]);
        nn_pair(net, h, 0, &dwn[h], &dgn[h]);
      }
      for (size_t i = 0; i < d[1]; i++) nn_pair_neuron(net, 1, i, 1, &nw[i], &ng[i]);
      gsl_matrix *M0 = gsl_matrix_alloc(d[2], d[2]), *Mg = gsl_matrix_alloc(d[2], d[2]), *M1 = gsl_matrix_alloc(d[2], d[2]);
      nn_pair_matrix(net, 2, 0, M0);
      nn_pair_matrix(net, 2, 1, Mg);
      nn_step(net, eta);
      double worst = 0, worst_nobias = 0;
      for (size_t h = 1; h <= 2; h++) {
        nn_pair(net, h, 1, &after, &g);
        worst = fmax(worst, fabs(after - dw[h] - eta * eta * dg[h]));
        nn_pair(net, h, 0, &after, &g);
        worst_nobias = fmax(worst_nobias, fabs(after - dwn[h] - eta * eta * dgn[h]));
      }
      for (size_t i = 0; i < d[1]; i++) {
        nn_pair_neuron(net, 1, i, 1, &after, &g);
        worst = fmax(worst, fabs(after - nw[i] - eta * eta * ng[i]));
      }
      CHECK(worst <= 1e-12, "identity (%s, bias %d): %.3g", nn_act_name((nn_act) a), bias, worst);
      if (bias) CHECK(worst_nobias >= 1e-6, "identity without the bias fails (%s): %.3g", nn_act_name((nn_act) a), worst_nobias);
      if (a == NN_IDENTITY && !bias) {
        nn_pair_matrix(net, 2, 0, M1);
        double e = 0;
        for (size_t i = 0; i < d[2]; i++)
          for (size_t j = 0; j < d[2]; j++)
            e = fmax(e, fabs(gsl_matrix_get(M1, i, j) - gsl_matrix_get(M0, i, j) - eta * eta * gsl_matrix_get(Mg, i, j)));
        CHECK(e <= 1e-12, "matrix identity, linear net: %.3g", e);
      }
      gsl_matrix_free(M0); gsl_matrix_free(Mg); gsl_matrix_free(M1);
      nn_free(net);
    }
  gsl_matrix_free(X); gsl_matrix_free(Y); gsl_rng_free(rng);
}

int main(void)
{
  proc_init();
  gsl_set_error_handler_off();
  for (int a = 0; a < 3; a++)
    for (int b = 0; b < 2; b++) test_backprop_fd((nn_act) a, b);
  test_hand_case();
  test_norm_ratio();
  test_identity_random();
  nn_act act;
  CHECK(nn_act_parse("leaky", &act) == 0 && act == NN_LEAKY && nn_act_parse("tanh", &act) == -1, "activation names");
  return check_done("test_network");
}
