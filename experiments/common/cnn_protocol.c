/* cnn_protocol.c -- see cnn_protocol.h. */
#include "cnn_protocol.h"

#include <math.h>
#include "io/proc.h"

int cnn_flow_run(const char *program, cnn_net *net, const gsl_matrix *X, const gsl_matrix *Y, double eta, size_t T,
                 size_t stride, FILE *fp, int code, cnn_flow_result *res)
{
  const size_t N = net->N;
  double D0[CNN_MAX_LAYERS + 1], Dp[CNN_MAX_LAYERS + 1], Gp[CNN_MAX_LAYERS + 1];
  double Cp[CNN_MAX_LAYERS + 1][CNN_FLOW_MAX_CHANNELS], CGp[CNN_MAX_LAYERS + 1][CNN_FLOW_MAX_CHANNELS];
  *res = (cnn_flow_result) { 0, 0, 0, 0, 0, 0, 0 };
  for (size_t t = 0;; t++) {
    double loss;
    if (cnn_gradient(net, X, Y, &loss)) return proc_diverged(program, t, "eta = %g", eta);
    double wn = 0;
    for (size_t h = 1; h <= N; h++) wn += cnn_layer_norm2(net, h);
    const double scale = 1.0 + wn;
    for (size_t h = 1; h < N; h++) {
      double dw, dg;
      cnn_pair(net, h, &dw, &dg);
      if (t == 0) D0[h] = dw;
      else {
        res->id_layer = fmax(res->id_layer, fabs(dw - Dp[h] - eta * eta * Gp[h]) / scale);
        res->drift = fmax(res->drift, fabs(dw - D0[h]));
      }
      Dp[h] = dw; Gp[h] = dg;
      for (size_t c = 0; c < net->C[h]; c++) {
        cnn_pair_channel(net, h, c, &dw, &dg);
        if (t > 0) res->id_channel = fmax(res->id_channel, fabs(dw - Cp[h][c] - eta * eta * CGp[h][c]) / scale);
        Cp[h][c] = dw; CGp[h][c] = dg;
      }
    }
    if (t == 0) res->norm0 = wn, res->loss0 = loss;
    if (t % stride == 0 || t == T) {
      fprintf(fp, "%d\t%.17g\t%zu\t%.17g\t%.17g", code, eta, t, eta * (double) t, loss);
      for (size_t h = 1; h <= 3; h++) fprintf(fp, "\t%.17g", h <= N ? cnn_layer_norm2(net, h) : NAN);
      for (size_t h = 1; h <= 2; h++) fprintf(fp, "\t%.17g", h < N ? Dp[h] - D0[h] : NAN);
      fputc('\n', fp);
    }
    if (t == T) { res->normT = wn; res->lossT = loss; return 0; }
    if (cnn_step(net, eta)) return proc_diverged(program, t + 1, "eta = %g", eta);
  }
}
