/* cnn.c -- one-dimensional convolutional homogeneous networks; see cnn.h. */
#include "models/cnn.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_cblas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include "core/la.h"

cnn_net *cnn_alloc(size_t L, const size_t *C, const size_t *K, size_t n0, size_t dout, size_t ns,
                   nn_act act, double leak)
{
  if (L < 1 || L > CNN_MAX_LAYERS || ns < 1 || n0 < 1 || C[0] < 1)
    GSL_ERROR_NULL("cnn_alloc: bad depth, length or samples", GSL_EINVAL);
  size_t n[CNN_MAX_LAYERS + 1];
  n[0] = n0;
  for (size_t h = 1; h <= L; h++) {
    if (C[h] < 1 || K[h] < 1 || K[h] > n[h - 1]) GSL_ERROR_NULL("cnn_alloc: empty layer or kernel too long", GSL_EINVAL);
    n[h] = n[h - 1] - K[h] + 1;
  }
  cnn_net *net = calloc(1, sizeof *net);
  if (!net) GSL_ERROR_NULL("cnn_alloc: out of memory", GSL_ENOMEM);
  net->L = L; net->N = L + (dout > 0); net->ns = ns; net->dout = dout; net->act = act; net->leak = leak;
  memcpy(net->C, C, (L + 1) * sizeof *C);
  memcpy(net->n, n, (L + 1) * sizeof *n);
  for (size_t h = 1; h <= L; h++) net->K[h] = K[h];
  int ok = 1;
  size_t maxcol = 0;
  for (size_t h = 1; h <= L; h++) {
    const size_t rows = C[h - 1] * K[h], cols = ns * n[h];
    net->W[h] = gsl_matrix_alloc(C[h], rows);
    net->gW[h] = gsl_matrix_alloc(C[h], rows);
    net->col[h] = gsl_matrix_alloc(rows, cols);
    net->Z[h] = gsl_matrix_alloc(C[h], cols);
    net->A[h] = gsl_matrix_alloc(C[h], cols);
    net->delta[h] = gsl_matrix_alloc(C[h], cols);
    ok = ok && net->W[h] && net->gW[h] && net->col[h] && net->Z[h] && net->A[h] && net->delta[h];
    if (rows * cols > maxcol) maxcol = rows * cols;
  }
  net->dcol = gsl_matrix_alloc(1, maxcol);   /* reshaped per layer through views */
  ok = ok && net->dcol;
  if (dout) {
    const size_t flat = C[L] * n[L];
    net->W[L + 1] = gsl_matrix_alloc(dout, flat);
    net->gW[L + 1] = gsl_matrix_alloc(dout, flat);
    net->flat = gsl_matrix_alloc(flat, ns);
    net->out = gsl_matrix_alloc(dout, ns);
    net->dout_m = gsl_matrix_alloc(dout, ns);
    ok = ok && net->W[L + 1] && net->gW[L + 1] && net->flat && net->out && net->dout_m;
  }
  if (!ok) {
    cnn_free(net);
    GSL_ERROR_NULL("cnn_alloc: out of memory", GSL_ENOMEM);
  }
  return net;
}

void cnn_free(cnn_net *net)
{
  if (!net) return;
  for (size_t h = 1; h <= net->L + 1; h++) {
    if (net->W[h]) gsl_matrix_free(net->W[h]);
    if (net->gW[h]) gsl_matrix_free(net->gW[h]);
  }
  for (size_t h = 1; h <= net->L; h++) {
    if (net->col[h]) gsl_matrix_free(net->col[h]);
    if (net->Z[h]) gsl_matrix_free(net->Z[h]);
    if (net->A[h]) gsl_matrix_free(net->A[h]);
    if (net->delta[h]) gsl_matrix_free(net->delta[h]);
  }
  if (net->dcol) gsl_matrix_free(net->dcol);
  if (net->flat) gsl_matrix_free(net->flat);
  if (net->out) gsl_matrix_free(net->out);
  if (net->dout_m) gsl_matrix_free(net->dout_m);
  free(net);
}

size_t cnn_input_size(const cnn_net *net) { return net->C[0] * net->n[0]; }
size_t cnn_output_size(const cnn_net *net) { return net->dout ? net->dout : net->C[net->L] * net->n[net->L]; }

void cnn_init_gaussian(cnn_net *net, double scale, gsl_rng *rng)
{
  for (size_t h = 1; h <= net->N; h++) {
    gsl_matrix *W = net->W[h];
    for (size_t i = 0; i < W->size1; i++)
      for (size_t j = 0; j < W->size2; j++) gsl_matrix_set(W, i, j, gsl_ran_gaussian(rng, scale));
  }
}

/* Entry (c, p) of sample j of the input of layer h: X's rows for h = 1, else A[h-1]. */
static double input_at(const cnn_net *net, const gsl_matrix *X, size_t h, size_t c, size_t j, size_t p)
{
  if (h == 1) return X->data[(c * net->n[0] + p) * X->tda + j];
  const size_t m = net->n[h - 1];
  return net->A[h - 1]->data[c * net->A[h - 1]->tda + j * m + p];
}

int cnn_gradient(cnn_net *net, const gsl_matrix *X, const gsl_matrix *Y, double *loss)
{
  const size_t L = net->L, ns = net->ns;
  if (X->size1 != cnn_input_size(net) || X->size2 != ns || Y->size1 != cnn_output_size(net) || Y->size2 != ns)
    GSL_ERROR("cnn_gradient: shape mismatch", GSL_EBADLEN);
  /* Forward: im2col, one dgemm, activation (the last layer is linear without a head). */
  for (size_t h = 1; h <= L; h++) {
    const size_t K = net->K[h], nh = net->n[h];
    gsl_matrix *col = net->col[h];
    for (size_t c = 0; c < net->C[h - 1]; c++)
      for (size_t k = 0; k < K; k++) {
        double *row = col->data + (c * K + k) * col->tda;
        for (size_t j = 0; j < ns; j++)
          for (size_t p = 0; p < nh; p++) row[j * nh + p] = input_at(net, X, h, c, j, p + k);
      }
    la_gemm(CblasNoTrans, CblasNoTrans, 1.0, net->W[h], col, 0.0, net->Z[h]);
    const int linear = h == L && !net->dout;
    const size_t sz = net->Z[h]->size1 * net->Z[h]->size2;
    for (size_t i = 0; i < sz; i++)
      net->A[h]->data[i] = linear ? net->Z[h]->data[i] : nn_phi(net->act, net->leak, net->Z[h]->data[i]);
  }
  /* Output and its error dL/df = (f - y)/ns. */
  const size_t nL = net->n[L], CL = net->C[L];
  double sse = 0.0;
  if (net->dout) {
    for (size_t c = 0; c < CL; c++)
      for (size_t j = 0; j < ns; j++)
        for (size_t p = 0; p < nL; p++)
          net->flat->data[(c * nL + p) * ns + j] = net->A[L]->data[c * net->A[L]->tda + j * nL + p];
    la_gemm(CblasNoTrans, CblasNoTrans, 1.0, net->W[L + 1], net->flat, 0.0, net->out);
    for (size_t i = 0; i < net->dout; i++)
      for (size_t j = 0; j < ns; j++) {
        const double e = gsl_matrix_get(net->out, i, j) - gsl_matrix_get(Y, i, j);
        sse += e * e;
        gsl_matrix_set(net->dout_m, i, j, e / (double) ns);
      }
  } else {
    for (size_t c = 0; c < CL; c++)
      for (size_t j = 0; j < ns; j++)
        for (size_t p = 0; p < nL; p++) {
          const double e = net->Z[L]->data[c * net->Z[L]->tda + j * nL + p] - gsl_matrix_get(Y, c * nL + p, j);
          sse += e * e;
          net->delta[L]->data[c * net->delta[L]->tda + j * nL + p] = e / (double) ns;
        }
  }
  if (loss) *loss = sse / (2.0 * (double) ns);
  if (!isfinite(sse)) return GSL_ERUNAWAY;
  /* Backward through the head: grad H = dout flat^T, delta_L = phi'(z_L) o unflatten(H^T dout). */
  if (net->dout) {
    la_gemm(CblasNoTrans, CblasTrans, 1.0, net->dout_m, net->flat, 0.0, net->gW[L + 1]);
    la_gemm(CblasTrans, CblasNoTrans, 1.0, net->W[L + 1], net->dout_m, 0.0, net->flat);   /* reused */
    for (size_t c = 0; c < CL; c++)
      for (size_t j = 0; j < ns; j++)
        for (size_t p = 0; p < nL; p++) {
          const size_t a = c * net->delta[L]->tda + j * nL + p;
          net->delta[L]->data[a] = net->flat->data[(c * nL + p) * ns + j] *
                                   nn_dphi(net->act, net->leak, net->Z[L]->data[a]);
        }
  }
  /* Backward through the convolutions. */
  for (size_t h = L; h >= 1; h--) {
    la_gemm(CblasNoTrans, CblasTrans, 1.0, net->delta[h], net->col[h], 0.0, net->gW[h]);
    if (h == 1) break;
    const size_t K = net->K[h], nh = net->n[h], m = net->n[h - 1], Cin = net->C[h - 1];
    gsl_matrix_view dv = gsl_matrix_view_array(net->dcol->data, Cin * K, ns * nh);
    la_gemm(CblasTrans, CblasNoTrans, 1.0, net->W[h], net->delta[h], 0.0, &dv.matrix);
    gsl_matrix *dp = net->delta[h - 1];
    gsl_matrix_set_zero(dp);
    for (size_t c = 0; c < Cin; c++)
      for (size_t k = 0; k < K; k++) {
        const double *row = dv.matrix.data + (c * K + k) * dv.matrix.tda;
        double *out = dp->data + c * dp->tda;
        for (size_t j = 0; j < ns; j++)
          for (size_t p = 0; p < nh; p++) out[j * m + p + k] += row[j * nh + p];
      }
    const size_t sz = dp->size1 * dp->size2;
    for (size_t i = 0; i < sz; i++) dp->data[i] *= nn_dphi(net->act, net->leak, net->Z[h - 1]->data[i]);
  }
  return 0;
}

int cnn_step(cnn_net *net, double eta)
{
  double s = 0.0;
  for (size_t h = 1; h <= net->N; h++) {
    gsl_matrix *W = net->W[h];
    cblas_daxpy((int) (W->size1 * W->size2), -eta, net->gW[h]->data, 1, W->data, 1);
    s += la_frob2(W);
  }
  return isfinite(s) ? 0 : GSL_ERUNAWAY;
}

double cnn_layer_norm2(const cnn_net *net, size_t h) { return la_frob2(net->W[h]); }

void cnn_pair(const cnn_net *net, size_t h, double *dw, double *dg)
{
  *dw = la_frob2(net->W[h]) - la_frob2(net->W[h + 1]);
  *dg = la_frob2(net->gW[h]) - la_frob2(net->gW[h + 1]);
}

/* Sum of squares of the entries of M (rows x cols view of layer h+1) that read channel c. */
static double reading_norm2(const cnn_net *net, const gsl_matrix *M, size_t h, size_t c)
{
  /* Columns c K + k (conv layer h+1) or c n_L + p (head): a contiguous block of `span` columns. */
  const size_t span = h + 1 <= net->L ? net->K[h + 1] : net->n[net->L];
  double s = 0.0;
  for (size_t i = 0; i < M->size1; i++)
    for (size_t q = 0; q < span; q++) {
      const double v = M->data[i * M->tda + c * span + q];
      s += v * v;
    }
  return s;
}

void cnn_pair_channel(const cnn_net *net, size_t h, size_t c, double *dw, double *dg)
{
  gsl_vector_const_view w = gsl_matrix_const_row(net->W[h], c), g = gsl_matrix_const_row(net->gW[h], c);
  double win = 0, gin = 0;
  for (size_t q = 0; q < w.vector.size; q++) {
    win += gsl_vector_get(&w.vector, q) * gsl_vector_get(&w.vector, q);
    gin += gsl_vector_get(&g.vector, q) * gsl_vector_get(&g.vector, q);
  }
  *dw = win - reading_norm2(net, net->W[h + 1], h, c);
  *dg = gin - reading_norm2(net, net->gW[h + 1], h, c);
}
