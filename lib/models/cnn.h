/* cnn.h -- one-dimensional convolutional homogeneous networks trained by gradient descent
 * (prefix cnn_).
 *
 * Model (Du, Hu & Lee 2018 cover "fully connected and convolutional" nets).  A sample is a signal
 * with C_0 channels of length n_0.  Convolutional layers h = 1..L, stride 1, no padding, no pooling:
 *     z_h[c, p] = sum_{c' < C_{h-1}} sum_{k < K_h} W_h[c, c' K_h + k] a_{h-1}[c', p + k],
 *     p = 0 .. n_h - 1,  n_h = n_{h-1} - K_h + 1,   a_h = phi(z_h),
 * W_h in R^{C_h x (C_{h-1} K_h)} (row c: every filter that produces channel c).  An optional fully
 * connected head H in R^{d_out x (C_L n_L)} reads the flattened last layer, f(x) = H vec(a_L)
 * (vec index c n_L + p); without a head the last layer is linear, f(x) = vec(z_L).  phi is the
 * identity, ReLU or Leaky ReLU of nn.h (phi(z) = phi'(z) z).  No biases.
 * Layers are numbered 1..N, N = L + 1 with a head (layer N is the head), N = L without.
 * Loss on ns samples (columns of X: C_0 n_0 rows, index c n_0 + p; columns of Y: d_out rows, or
 * C_L n_L without a head):  L = 1/(2 ns) sum_j ||f(x_j) - y_j||^2.
 *
 * Backpropagation is exact and goes through im2col: col_h (C_{h-1} K_h x ns n_h) holds the patches
 * of a_{h-1}, so z_h = W_h col_h and grad W_h = delta_h col_h^T are single dgemm calls; the patch
 * gradient W_h^T delta_h is scattered back (col2im) and multiplied by phi'(z_{h-1}).  Activations
 * are stored C_h x (ns n_h), column j n_h + p.  Every buffer is allocated by cnn_alloc.
 *
 * Conserved quantities (the reason for the model): scaling the filters that produce channel c of
 * layer h by s > 0 and every weight that reads channel c in layer h+1 by 1/s leaves f unchanged,
 * so <in_c, grad in_c> = <out_c, grad out_c>, and one GD step changes
 *     per layer    D_h   = ||W_h||_F^2 - ||W_{h+1}||_F^2                    (1 <= h < N)
 *     per channel  D_h,c = ||W_h[c, :]||^2 - ||weights of layer h+1 reading channel c||^2
 * by exactly eta^2 times the same expressions with gradients (cnn_pair, cnn_pair_channel); the
 * weights reading channel c are W_{h+1}[:, c K_{h+1} + k] for all k (a convolutional layer) or
 * H[:, c n_L + p] for all p (the head).
 * Errors are GSL codes; a non-finite loss or iterate returns GSL_ERUNAWAY.
 */
#ifndef AR_CNN_H
#define AR_CNN_H

#include <stddef.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_rng.h>
#include "models/nn.h"

#define CNN_MAX_LAYERS 8

typedef struct {
  size_t L, N, ns, dout;                 /* conv layers, all layers, samples, head outputs (0: none) */
  size_t C[CNN_MAX_LAYERS + 1], K[CNN_MAX_LAYERS + 1], n[CNN_MAX_LAYERS + 1];
  nn_act act;
  double leak;
  gsl_matrix *W[CNN_MAX_LAYERS + 2], *gW[CNN_MAX_LAYERS + 2];   /* 1..N; W[N] is H with a head */
  gsl_matrix *col[CNN_MAX_LAYERS + 1];                          /* 1..L, im2col of a_{h-1} */
  gsl_matrix *Z[CNN_MAX_LAYERS + 1], *A[CNN_MAX_LAYERS + 1], *delta[CNN_MAX_LAYERS + 1];
  gsl_matrix *dcol;                      /* patch gradients, the largest col */
  gsl_matrix *flat, *out, *dout_m;       /* head only: C_L n_L x ns, d_out x ns, d_out x ns */
} cnn_net;

/* A net with L conv layers (1 <= L <= CNN_MAX_LAYERS): C[0..L] channels, K[1..L] kernel widths
 * (K[0] unused), input length n0, a head with dout outputs (0: no head), ns samples.  NULL on bad
 * arguments (an empty layer, a kernel longer than its input) or out of memory (GSL error raised). */
cnn_net *cnn_alloc(size_t L, const size_t *C, const size_t *K, size_t n0, size_t dout, size_t ns,
                   nn_act act, double leak);
void cnn_free(cnn_net *net);

/* Rows of X and Y the net expects: C_0 n_0 and (d_out or C_L n_L). */
size_t cnn_input_size(const cnn_net *net);
size_t cnn_output_size(const cnn_net *net);

/* Every weight i.i.d. N(0, scale^2), layer 1 first, row by row. */
void cnn_init_gaussian(cnn_net *net, double scale, gsl_rng *rng);

/* Forward and backward pass: fills gW[1..N]; *loss (may be NULL) is L.  GSL_EBADLEN on shape
 * mismatch, GSL_ERUNAWAY if the loss is not finite. */
int cnn_gradient(cnn_net *net, const gsl_matrix *X, const gsl_matrix *Y, double *loss);

/* W_h -= eta gW_h for every layer; GSL_ERUNAWAY if an entry is not finite. */
int cnn_step(cnn_net *net, double eta);

/* ||W_h||_F^2, 1 <= h <= N. */
double cnn_layer_norm2(const cnn_net *net, size_t h);

/* Layer pair (h, h+1), 1 <= h < N: *dw = ||W_h||^2 - ||W_{h+1}||^2, *dg the same with gradients.
 * Exact identity of one GD step: dw(after) = dw(before) + eta^2 dg(before). */
void cnn_pair(const cnn_net *net, size_t h, double *dw, double *dg);

/* Channel c < C_h of layer h, 1 <= h < N (so h <= L): the same for the filters producing c and the
 * weights reading c. */
void cnn_pair_channel(const cnn_net *net, size_t h, size_t c, double *dw, double *dg);

#endif
