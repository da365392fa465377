/* nn.h -- fully connected homogeneous networks trained by gradient descent (prefix nn_).
 *
 * Model (Du, Hu & Lee 2018).  Layers h = 1..L with widths d_0 (input) .. d_L (output):
 *     a_0 = x,  z_h = W_h a_{h-1} + b_h,  a_h = phi(z_h) (h < L),  f(x) = z_L,
 * W_h in R^{d_h x d_{h-1}}, biases b_h optional (all layers or none), phi the identity, ReLU or
 * Leaky ReLU, all with phi(z) = phi'(z) z (homogeneity: what makes the layers balance).
 * Loss on ns samples (columns of X, Y):  L = 1/(2 ns) sum_j ||f(x_j) - y_j||^2.
 * Exact backpropagation with CBLAS dgemm:  delta_L = (z_L - Y)/ns,
 *     grad W_h = delta_h a_{h-1}^T,  grad b_h = delta_h 1,  delta_{h-1} = phi'(z_{h-1}) o W_h^T delta_h.
 * phi'(0) is taken as 0 for ReLU and the leak for Leaky ReLU (a measure-zero convention).
 * GD: W <- W - eta_t grad W with eta_t constant or eta0/(t+1)^(1/2 + delta) (use mf_schedule).
 *
 * Bookkeeping for the balance: layer h (1 <= h < L) and layer h+1 share the neurons of layer h;
 *     layer difference D_h = ||W_h||_F^2 (+ ||b_h||^2 if biases are counted) - ||W_{h+1}||_F^2,
 *     neuron difference D_{h,i} = ||W_h[i,:]||^2 (+ b_h[i]^2) - ||W_{h+1}[:,i]||^2,
 * and the same expressions with gradients in place of weights (the eta^2 terms of the exact
 * discrete identity, see nn_pair).  All buffers are allocated once in nn_alloc.
 */
#ifndef AR_NN_H
#define AR_NN_H

#include <stddef.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_vector.h>

#define NN_MAX_LAYERS 16

typedef enum { NN_IDENTITY = 0, NN_RELU = 1, NN_LEAKY = 2 } nn_act;

/* phi(z) and phi'(z) of an activation (leak: the Leaky ReLU slope for z < 0), with phi'(0) = 0 for
 * ReLU and the leak for Leaky ReLU.  Shared by every homogeneous model (nn, cnn). */
static inline double nn_phi(nn_act act, double leak, double z)
{
  return act == NN_RELU ? (z > 0 ? z : 0.0) : act == NN_LEAKY ? (z > 0 ? z : leak * z) : z;
}
static inline double nn_dphi(nn_act act, double leak, double z)
{
  return act == NN_RELU ? (z > 0 ? 1.0 : 0.0) : act == NN_LEAKY ? (z > 0 ? 1.0 : leak) : 1.0;
}

typedef struct {
  size_t L, ns;
  size_t d[NN_MAX_LAYERS + 1];
  nn_act act;
  double leak;            /* slope for z < 0 of Leaky ReLU */
  int bias;               /* 1: every layer has a bias */
  gsl_matrix *W[NN_MAX_LAYERS + 1], *gW[NN_MAX_LAYERS + 1];   /* index 1..L */
  gsl_vector *b[NN_MAX_LAYERS + 1], *gb[NN_MAX_LAYERS + 1];   /* NULL without biases */
  gsl_matrix *Z[NN_MAX_LAYERS + 1], *A[NN_MAX_LAYERS + 1];    /* d_h x ns; A[0] unused (input) */
  gsl_matrix *delta[NN_MAX_LAYERS + 1];                        /* d_h x ns */
} nn_net;

/* A net with L layers (1 <= L <= NN_MAX_LAYERS) of widths d[0..L] for ns samples; NULL on bad
 * arguments or out of memory (GSL error raised). */
nn_net *nn_alloc(size_t L, const size_t *d, size_t ns, nn_act act, double leak, int bias);
void nn_free(nn_net *net);

/* Every weight and bias i.i.d. N(0, scale^2), layer by layer. */
void nn_init_gaussian(nn_net *net, double scale, gsl_rng *rng);

/* Forward and backward pass on X (d_0 x ns), Y (d_L x ns): fills gW, gb; *loss (may be NULL) is L.
 * GSL_ERUNAWAY if the loss is not finite. */
int nn_gradient(nn_net *net, const gsl_matrix *X, const gsl_matrix *Y, double *loss);

/* W_h -= eta gW_h, b_h -= eta gb_h for every layer; GSL_ERUNAWAY if an entry is not finite. */
int nn_step(nn_net *net, double eta);

/* The balance of layers h and h+1 (1 <= h < L) at the current weights and gradients:
 *     *dw = ||W_h||^2 (+ ||b_h||^2 when with_bias) - ||W_{h+1}||^2,
 *     *dg = the same with gradients.
 * Exact identity for one GD step (homogeneity gives <W_h, gW_h> (+ <b_h, gb_h>) = <W_{h+1}, gW_{h+1}>):
 *     dw(after) = dw(before) + eta^2 dg(before)   -- when biases are counted if the net has any. */
void nn_pair(const nn_net *net, size_t h, int with_bias, double *dw, double *dg);

/* Same per neuron i of layer h (row i of W_h, column i of W_{h+1}). */
void nn_pair_neuron(const nn_net *net, size_t h, size_t i, int with_bias, double *dw, double *dg);

/* ||W_h||_F^2. */
double nn_layer_norm2(const nn_net *net, size_t h);

/* The balance ratio max_h ||W_h||_F^2 / min_h ||W_h||_F^2 over the layers (1 when every layer has
 * the same squared norm); *min (may be NULL) receives min_h ||W_h||_F^2. */
double nn_norm_ratio(const nn_net *net, double *min);

/* max_h |D_h| over 1 <= h < L, D_h = ||W_h||_F^2 - ||W_{h+1}||_F^2 (biases left out; 0 when L = 1). */
double nn_max_difference(const nn_net *net);

/* Linear nets, matrix form: M <- W_h W_h^T - W_{h+1}^T W_{h+1} (M is d_h x d_h); with gradients
 * when grads != 0.  Exact identity for identity activation and no biases:
 *     M(after) = M(before) + eta^2 M_grad(before). */
int nn_pair_matrix(const nn_net *net, size_t h, int grads, gsl_matrix *M);

/* Parse "identity", "relu", "leaky": 0 on success, -1 otherwise. */
int nn_act_parse(const char *s, nn_act *act);
const char *nn_act_name(nn_act act);

#endif
