/* cnn_protocol.h -- the convolutional balance experiment's protocol (D-cnn; prefix cnn_): a GD run
 * at a fixed horizon that checks, at every step, the exact discrete identity per layer and per
 * channel of lib/models/cnn.h, D(t+1) - D(t) = eta^2 (||g_in||^2 - ||g_out||^2). */
#ifndef AR_CNN_PROTOCOL_H
#define AR_CNN_PROTOCOL_H

#include <stdio.h>
#include <gsl/gsl_matrix.h>
#include "models/cnn.h"

#define CNN_FLOW_MAX_CHANNELS 64   /* channels per layer that a run can check */

/* What one run measured: the largest drift |D_h(t) - D_h(0)|; the largest violation of the identity
 * per layer and per channel, divided by 1 + sum_h ||W_h||^2; the summed squared norms and the loss
 * at 0 and T. */
typedef struct { double drift, id_layer, id_channel, norm0, normT, loss0, lossT; } cnn_flow_result;

/* T steps of GD with step eta, every step checked; the trajectory to FP every `stride` steps and at
 * T, one row "code eta t time loss n1 n2 n3 dD1 dD2" (NAN past the net's layers).  0; on divergence
 * one line naming PROGRAM (proc_diverged) and PROC_EXIT_NUMERIC. */
int cnn_flow_run(const char *program, cnn_net *net, const gsl_matrix *X, const gsl_matrix *Y, double eta, size_t T,
                 size_t stride, FILE *fp, int code, cnn_flow_result *res);

#endif
