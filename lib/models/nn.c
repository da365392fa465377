/* nn.c -- fully connected homogeneous networks; see nn.h. */
#include "models/nn.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_cblas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include "core/la.h"

nn_net *nn_alloc(size_t L, const size_t *d, size_t ns, nn_act act, double leak, int bias)
{
  if (L < 1 || L > NN_MAX_LAYERS || ns < 1) GSL_ERROR_NULL("nn_alloc: bad depth or samples", GSL_EINVAL);
  for (size_t h = 0; h <= L; h++)
    if (d[h] < 1) GSL_ERROR_NULL("nn_alloc: empty layer", GSL_EINVAL);
  nn_net *net = calloc(1, sizeof *net);
  if (!net) GSL_ERROR_NULL("nn_alloc: out of memory", GSL_ENOMEM);
  net->L = L; net->ns = ns; net->act = act; net->leak = leak; net->bias = bias;
  memcpy(net->d, d, (L + 1) * sizeof *d);
  int ok = 1;
  for (size_t h = 1; h <= L; h++) {
    net->W[h] = gsl_matrix_alloc(d[h], d[h - 1]);
    net->gW[h] = gsl_matrix_alloc(d[h], d[h - 1]);
    net->Z[h] = gsl_matrix_alloc(d[h], ns);
    net->A[h] = gsl_matrix_alloc(d[h], ns);
    net->delta[h] = gsl_matrix_alloc(d[h], ns);
    ok = ok && net->W[h] && net->gW[h] && net->Z[h] && net->A[h] && net->delta[h];
    if (bias) {
      net->b[h] = gsl_vector_calloc(d[h]);
      net->gb[h] = gsl_vector_alloc(d[h]);
      ok = ok && net->b[h] && net->gb[h];
    }
  }
  if (!ok) {
    nn_free(net);
    GSL_ERROR_NULL("nn_alloc: out of memory", GSL_ENOMEM);
  }
  return net;
}

void nn_free(nn_net *net)
{
  if (!net) return;
  for (size_t h = 1; h <= net->L; h++) {
    gsl_matrix_free(net->W[h]); gsl_matrix_free(net->gW[h]);
    gsl_matrix_free(net->Z[h]); gsl_matrix_free(net->A[h]); gsl_matrix_free(net->delta[h]);
    if (net->b[h]) gsl_vector_free(net->b[h]);
    if (net->gb[h]) gsl_vector_free(net->gb[h]);
  }
  free(net);
}

void nn_init_gaussian(nn_net *net, double scale, gsl_rng *rng)
{
  for (size_t h = 1; h <= net->L; h++) {
    gsl_matrix *W = net->W[h];
    for (size_t i = 0; i < W->size1; i++)
      for (size_t j = 0; j < W->size2; j++) gsl_matrix_set(W, i, j, gsl_ran_gaussian(rng, scale));
    if (net->bias)
      for (size_t i = 0; i < net->b[h]->size; i++) gsl_vector_set(net->b[h], i, gsl_ran_gaussian(rng, scale));
  }
}

static double vec2(const gsl_vector *v)
{
  double s = 0.0;
  for (size_t i = 0; v && i < v->size; i++) s += gsl_vector_get(v, i) * gsl_vector_get(v, i);
  return s;
}

int nn_gradient(nn_net *net, const gsl_matrix *X, const gsl_matrix *Y, double *loss)
{
  const size_t L = net->L, ns = net->ns;
  if (X->size1 != net->d[0] || X->size2 != ns || Y->size1 != net->d[L] || Y->size2 != ns)
    GSL_ERROR("nn_gradient: shape mismatch", GSL_EBADLEN);
  /* Forward. */
  for (size_t h = 1; h <= L; h++) {
    const gsl_matrix *in = h == 1 ? X : net->A[h - 1];
    gsl_matrix *Z = net->Z[h];
    la_gemm(CblasNoTrans, CblasNoTrans, 1.0, net->W[h], in, 0.0, Z);
    /* Hot loop on raw rows: the matrices are allocated contiguous by nn_alloc. */
    for (size_t i = 0; i < Z->size1; i++) {
      double *z = Z->data + i * ns, *a = net->A[h]->data + i * ns;
      const double bi = net->bias ? gsl_vector_get(net->b[h], i) : 0.0;
      for (size_t j = 0; j < ns; j++) {
        z[j] += bi;
        a[j] = h < L ? nn_phi(net->act, net->leak, z[j]) : z[j];
      }
    }
  }
  /* Output error. */
  double sse = 0.0;
  gsl_matrix *dL = net->delta[L];
  for (size_t i = 0; i < dL->size1; i++)
    for (size_t j = 0; j < ns; j++) {
      double e = gsl_matrix_get(net->Z[L], i, j) - gsl_matrix_get(Y, i, j);
      sse += e * e;
      gsl_matrix_set(dL, i, j, e / (double) ns);
    }
  if (loss) *loss = sse / (2.0 * (double) ns);
  if (!isfinite(sse)) return GSL_ERUNAWAY;
  /* Backward. */
  for (size_t h = L; h >= 1; h--) {
    const gsl_matrix *in = h == 1 ? X : net->A[h - 1];
    la_gemm(CblasNoTrans, CblasTrans, 1.0, net->delta[h], in, 0.0, net->gW[h]);
    if (net->bias)
      for (size_t i = 0; i < net->d[h]; i++) {
        double s = 0.0;
        for (size_t j = 0; j < ns; j++) s += gsl_matrix_get(net->delta[h], i, j);
        gsl_vector_set(net->gb[h], i, s);
      }
    if (h == 1) break;
    gsl_matrix *dp = net->delta[h - 1];
    la_gemm(CblasTrans, CblasNoTrans, 1.0, net->W[h], net->delta[h], 0.0, dp);
    if (net->act == NN_IDENTITY) continue;
    for (size_t i = 0; i < dp->size1; i++) {
      double *e = dp->data + i * ns;
      const double *z = net->Z[h - 1]->data + i * ns;
      for (size_t j = 0; j < ns; j++) e[j] *= nn_dphi(net->act, net->leak, z[j]);
    }
  }
  return 0;
}

int nn_step(nn_net *net, double eta)
{
  double s = 0.0;
  for (size_t h = 1; h <= net->L; h++) {
    gsl_matrix *W = net->W[h];
    cblas_daxpy((int) (W->size1 * W->size2), -eta, net->gW[h]->data, 1, W->data, 1);
    s += la_frob2(W);
    if (net->bias) {
      cblas_daxpy((int) net->b[h]->size, -eta, net->gb[h]->data, 1, net->b[h]->data, 1);
      s += vec2(net->b[h]);
    }
  }
  return isfinite(s) ? 0 : GSL_ERUNAWAY;
}

void nn_pair(const nn_net *net, size_t h, int with_bias, double *dw, double *dg)
{
  const int b = with_bias && net->bias;
  *dw = la_frob2(net->W[h]) + (b ? vec2(net->b[h]) : 0.0) - la_frob2(net->W[h + 1]);
  *dg = la_frob2(net->gW[h]) + (b ? vec2(net->gb[h]) : 0.0) - la_frob2(net->gW[h + 1]);
}

void nn_pair_neuron(const nn_net *net, size_t h, size_t i, int with_bias, double *dw, double *dg)
{
  const int b = with_bias && net->bias;
  const gsl_matrix *Wi = net->W[h], *Wo = net->W[h + 1], *Gi = net->gW[h], *Go = net->gW[h + 1];
  double win = 0, wout = 0, gin = 0, gout = 0;
  for (size_t j = 0; j < Wi->size2; j++) {
    win += gsl_matrix_get(Wi, i, j) * gsl_matrix_get(Wi, i, j);
    gin += gsl_matrix_get(Gi, i, j) * gsl_matrix_get(Gi, i, j);
  }
  if (b) {
    win += gsl_vector_get(net->b[h], i) * gsl_vector_get(net->b[h], i);
    gin += gsl_vector_get(net->gb[h], i) * gsl_vector_get(net->gb[h], i);
  }
  for (size_t j = 0; j < Wo->size1; j++) {
    wout += gsl_matrix_get(Wo, j, i) * gsl_matrix_get(Wo, j, i);
    gout += gsl_matrix_get(Go, j, i) * gsl_matrix_get(Go, j, i);
  }
  *dw = win - wout;
  *dg = gin - gout;
}

double nn_layer_norm2(const nn_net *net, size_t h) { return la_frob2(net->W[h]); }

double nn_norm_ratio(const nn_net *net, double *min)
{
  double lo = INFINITY, hi = 0;
  for (size_t h = 1; h <= net->L; h++) {
    const double v = nn_layer_norm2(net, h);
    lo = fmin(lo, v); hi = fmax(hi, v);
  }
  if (min) *min = lo;
  return hi / lo;
}

double nn_max_difference(const nn_net *net)
{
  double m = 0, dw, dg;
  for (size_t h = 1; h < net->L; h++) nn_pair(net, h, 0, &dw, &dg), m = fmax(m, fabs(dw));
  return m;
}

int nn_pair_matrix(const nn_net *net, size_t h, int grads, gsl_matrix *M)
{
  if (h < 1 || h >= net->L || M->size1 != net->d[h] || M->size2 != net->d[h])
    GSL_ERROR("nn_pair_matrix: shape mismatch", GSL_EBADLEN);
  const gsl_matrix *Wi = grads ? net->gW[h] : net->W[h], *Wo = grads ? net->gW[h + 1] : net->W[h + 1];
  la_gemm(CblasNoTrans, CblasTrans, 1.0, Wi, Wi, 0.0, M);
  la_gemm(CblasTrans, CblasNoTrans, -1.0, Wo, Wo, 1.0, M);
  return 0;
}

int nn_act_parse(const char *s, nn_act *a)
{
  if (!strcmp(s, "identity")) *a = NN_IDENTITY;
  else if (!strcmp(s, "relu")) *a = NN_RELU;
  else if (!strcmp(s, "leaky")) *a = NN_LEAKY;
  else return -1;
  return 0;
}

const char *nn_act_name(nn_act a)
{
  return a == NN_RELU ? "relu" : a == NN_LEAKY ? "leaky" : "identity";
}
