/* nn_protocol.c -- see nn_protocol.h. */
#include "nn_protocol.h"

#include <math.h>
#include <stdlib.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include "core/la.h"
#include "io/proc.h"

void nn_flow_data(gsl_matrix *X, gsl_matrix *Y, gsl_rng *rng)
{
  for (size_t i = 0; i < X->size1; i++)
    for (size_t j = 0; j < X->size2; j++) gsl_matrix_set(X, i, j, gsl_ran_gaussian(rng, 1.0));
  for (size_t i = 0; i < Y->size1; i++)
    for (size_t j = 0; j < Y->size2; j++) gsl_matrix_set(Y, i, j, gsl_ran_gaussian(rng, 1.0));
}

int nn_flow_run(const char *program, nn_net *net, const gsl_matrix *X, const gsl_matrix *Y, double eta, size_t T,
                size_t stride, FILE *fp, int code, nn_flow_result *res)
{
  const size_t L = net->L, npair = L - 1;
  double D0[NN_MAX_LAYERS], Dprev[NN_MAX_LAYERS], Gprev[NN_MAX_LAYERS];
  double Dnb[NN_MAX_LAYERS], Gnb[NN_MAX_LAYERS];
  size_t maxw = 0;
  for (size_t h = 1; h < L; h++) maxw = net->d[h] > maxw ? net->d[h] : maxw;
  double *Dn = malloc(npair * maxw * sizeof *Dn), *Gn = malloc(npair * maxw * sizeof *Gn);
  gsl_matrix *M[NN_MAX_LAYERS], *Mg[NN_MAX_LAYERS], *Mn = gsl_matrix_alloc(maxw, maxw);
  if (!Dn || !Gn || !Mn) return GSL_ENOMEM;
  const int linear = net->act == NN_IDENTITY && !net->bias;
  for (size_t h = 1; h < L; h++) {
    M[h] = gsl_matrix_alloc(net->d[h], net->d[h]);
    Mg[h] = gsl_matrix_alloc(net->d[h], net->d[h]);
    if (!M[h] || !Mg[h]) return GSL_ENOMEM;
  }
  *res = (nn_flow_result) { 0, 0, 0, linear ? 0 : NAN, net->bias ? 0 : NAN, 0, 0, 0, 0 };
  for (size_t t = 0;; t++) {
    double loss;
    int rc = nn_gradient(net, X, Y, &loss);
    if (rc) return proc_diverged(program, t, "eta = %g", eta);
    double wn = 0;
    for (size_t h = 1; h <= L; h++) wn += nn_layer_norm2(net, h);
    const double scale = 1.0 + wn;
    /* Check the identity of the previous step against the state now reached. */
    for (size_t h = 1; h < L; h++) {
      double dw, dg;
      nn_pair(net, h, 1, &dw, &dg);
      if (t == 0) D0[h] = dw;
      else {
        res->id_layer = fmax(res->id_layer, fabs(dw - Dprev[h] - eta * eta * Gprev[h]) / scale);
        res->drift = fmax(res->drift, fabs(dw - D0[h]));
      }
      Dprev[h] = dw; Gprev[h] = dg;
      if (net->bias) {
        double dwn, dgn;
        nn_pair(net, h, 0, &dwn, &dgn);
        if (t > 0) res->id_nobias = fmax(res->id_nobias, fabs(dwn - Dnb[h] - eta * eta * Gnb[h]) / scale);
        Dnb[h] = dwn; Gnb[h] = dgn;
      }
      for (size_t i = 0; i < net->d[h]; i++) {
        double a, b;
        nn_pair_neuron(net, h, i, 1, &a, &b);
        double *pd = Dn + (h - 1) * maxw + i, *pg = Gn + (h - 1) * maxw + i;
        if (t > 0) res->id_neuron = fmax(res->id_neuron, fabs(a - *pd - eta * eta * *pg) / scale);
        *pd = a; *pg = b;
      }
      if (linear) {
        gsl_matrix_view Mv = gsl_matrix_submatrix(Mn, 0, 0, net->d[h], net->d[h]);
        nn_pair_matrix(net, h, 0, &Mv.matrix);
        if (t > 0) {
          /* M(now) - M(prev) - eta^2 Mg(prev), Frobenius norm */
          double s = 0;
          for (size_t i = 0; i < net->d[h]; i++)
            for (size_t j = 0; j < net->d[h]; j++) {
              const double e = gsl_matrix_get(&Mv.matrix, i, j) - gsl_matrix_get(M[h], i, j) -
                               eta * eta * gsl_matrix_get(Mg[h], i, j);
              s += e * e;
            }
          res->id_matrix = fmax(res->id_matrix, sqrt(s) / scale);
        }
        gsl_matrix_memcpy(M[h], &Mv.matrix);
        nn_pair_matrix(net, h, 1, Mg[h]);
      }
    }
    if (t == 0) res->norm0 = wn, res->loss0 = loss;
    if (t % stride == 0 || t == T) {
      fprintf(fp, "%d\t%d\t%.17g\t%zu\t%.17g\t%.17g", code, net->bias, eta, t, eta * (double) t, loss);
      for (size_t h = 1; h <= 3; h++) fprintf(fp, "\t%.17g", h <= L ? nn_layer_norm2(net, h) : NAN);
      for (size_t h = 1; h <= 2; h++) fprintf(fp, "\t%.17g", h < L ? Dprev[h] - D0[h] : NAN);
      fputc('\n', fp);
    }
    if (t == T) { res->normT = wn; res->lossT = loss; break; }
    if (nn_step(net, eta)) return proc_diverged(program, t + 1, "eta = %g", eta);
  }
  for (size_t h = 1; h < L; h++) gsl_matrix_free(M[h]), gsl_matrix_free(Mg[h]);
  gsl_matrix_free(Mn);
  free(Dn); free(Gn);
  return 0;
}


int nn_balance_data(size_t d0, size_t dL, size_t ns, const double *sigma, size_t q, gsl_rng *rng,
                    mf_problem **teacher, gsl_matrix **X, gsl_matrix **Y)
{
  *teacher = mf_problem_alloc(dL, d0, sigma, q, rng);
  gsl_matrix *Q = gsl_matrix_alloc(ns, d0);
  *X = gsl_matrix_alloc(d0, ns);
  *Y = gsl_matrix_alloc(dL, ns);
  if (!*teacher || !Q || !*X || !*Y || mf_random_orthonormal(Q, rng)) { if (Q) gsl_matrix_free(Q); return GSL_ENOMEM; }
  for (size_t i = 0; i < d0; i++)
    for (size_t j = 0; j < ns; j++) gsl_matrix_set(*X, i, j, sqrt((double) ns) * gsl_matrix_get(Q, j, i));
  la_gemm(CblasNoTrans, CblasNoTrans, 1.0, (*teacher)->X, *X, 0.0, *Y);
  gsl_matrix_free(Q);
  return 0;
}

int nn_balance_run(const char *program, nn_net *net, const gsl_matrix *X, const gsl_matrix *Y, double eta, size_t T,
                   double growth, FILE *fp, int code, nn_balance_result *res)
{
  double next = 0, lo0 = 0, lo;
  res->ratio_min = INFINITY;
  for (size_t t = 0;; t++) {
    double loss;
    int rc = nn_gradient(net, X, Y, &loss);
    if (rc) return proc_diverged(program, t, "run %d, eta = %g", code, eta);
    const double ratio = nn_norm_ratio(net, &lo);
    res->ratio_min = fmin(res->ratio_min, ratio);
    if (t == 0) res->loss0 = loss, res->ratio0 = ratio, res->dmax0 = nn_max_difference(net), lo0 = lo;
    if ((double) t >= next || t == T) {
      fprintf(fp, "%d\t%zu\t%.17g", code, t, loss);
      for (size_t h = 1; h <= net->L; h++) fprintf(fp, "\t%.17g", nn_layer_norm2(net, h));
      fprintf(fp, "\t%.17g\t%.17g\n", ratio, nn_max_difference(net));
      next = fmax(next + 1, next * growth);
    }
    if (t == T) {
      res->lossT = loss; res->ratioT = ratio; res->T = T; res->growth = lo / lo0; res->dmaxT = nn_max_difference(net);
      return 0;
    }
    if (nn_step(net, eta)) return proc_diverged(program, t + 1, "run %d, eta = %g", code, eta);
  }
}
