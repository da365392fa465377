/* nn_protocol.h -- the balance experiments' protocol (D-flow, D-balance; prefix nn_): a GD run at a
 * fixed horizon that checks the exact per-step identity of Du, Hu & Lee's balance at every step, and
 * the long run whose balance ratio can be seen. */
#ifndef AR_NN_PROTOCOL_H
#define AR_NN_PROTOCOL_H

#include <stdio.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_rng.h>
#include "models/mf.h"
#include "models/nn.h"

/* X and Y with i.i.d. N(0, 1) entries from rng (X row by row, then Y). */
void nn_flow_data(gsl_matrix *X, gsl_matrix *Y, gsl_rng *rng);

/* What one run measured: the largest drift |D_h(t) - D_h(0)| of the layer differences; the largest
 * violation of the per-step identity D_h(t+1) - D_h(t) = eta^2 (||g_h||^2 - ||g_{h+1}||^2) per
 * layer, per neuron, in matrix form (linear nets without biases, else NAN) and with the biases left
 * out (biased nets, else NAN), each divided by 1 + sum_h ||W_h||^2; norms and losses at 0 and T. */
typedef struct {
  double drift, id_layer, id_neuron, id_matrix, id_nobias, norm0, normT, loss0, lossT;
} nn_flow_result;

/* T steps of GD with step eta on the squared loss of NET on (X, Y), every step checked; the
 * trajectory written to FP every `stride` steps and at T, one row "code bias eta t time loss n1 n2
 * n3 dD1 dD2".  0; on divergence one line on stderr naming PROGRAM (proc_diverged) and
 * PROC_EXIT_NUMERIC; GSL_ENOMEM. */
int nn_flow_run(const char *program, nn_net *net, const gsl_matrix *X, const gsl_matrix *Y, double eta, size_t T,
                size_t stride, FILE *fp, int code, nn_flow_result *res);

/* D-balance's task: a teacher M = U diag(sigma) V^T (dL x d0, q singular values; mf_problem_alloc
 * from rng), whitened inputs X = sqrt(ns) Q^T (d0 x ns; Q, ns x d0 orthonormal, drawn next from
 * rng), so that (1/ns) X X^T = I, and Y = M X (dL x ns).  0 or GSL_ENOMEM; the caller frees all. */
int nn_balance_data(size_t d0, size_t dL, size_t ns, const double *sigma, size_t q, gsl_rng *rng,
                    mf_problem **teacher, gsl_matrix **X, gsl_matrix **Y);

/* What a balance run measured: loss, ratio (nn_norm_ratio) and max |D_h| (nn_max_difference) at 0
 * and T, the smallest ratio on the way, and the growth min_h ||W_h||^2 (T) / min_h ||W_h||^2 (0). */
typedef struct { double loss0, lossT, ratio0, ratioT, ratio_min, growth, dmax0, dmaxT; size_t T; } nn_balance_result;

/* T steps of GD with step eta; trajectory rows "code t loss n_1 .. n_L ratio dmax" to FP at t = 0,
 * whenever t has grown by the factor GROWTH, and at T.  0; on divergence one line naming PROGRAM
 * (proc_diverged) and PROC_EXIT_NUMERIC. */
int nn_balance_run(const char *program, nn_net *net, const gsl_matrix *X, const gsl_matrix *Y, double eta, size_t T,
                   double growth, FILE *fp, int code, nn_balance_result *res);

#endif
