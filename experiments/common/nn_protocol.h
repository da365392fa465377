/* nn_protocol.h -- the balance experiment's protocol (D-flow; prefix nn_): a GD run at a fixed
 * horizon that checks the exact per-step identity of Du, Hu & Lee's balance at every step. */
#ifndef AR_NN_PROTOCOL_H
#define AR_NN_PROTOCOL_H

#include <stdio.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_rng.h>
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

#endif
