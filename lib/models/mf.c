/* mf.c -- asymmetric matrix factorization by gradient descent; see mf.h. */
#include "models/mf.h"

#include <math.h>
#include <stdlib.h>
#include <gsl/gsl_cblas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_randist.h>
#include "core/la.h"

mf_work *mf_work_alloc(size_t m, size_t n, size_t k, size_t r)
{
  if (m == 0 || n == 0 || k == 0) GSL_ERROR_NULL("mf_work_alloc: empty shape", GSL_EBADLEN);
  mf_work *w = calloc(1, sizeof *w);
  if (!w) GSL_ERROR_NULL("mf_work_alloc: out of memory", GSL_ENOMEM);
  w->m = m; w->n = n; w->k = k; w->r = r;
  const size_t p = m < n ? m : n;
  w->R = gsl_matrix_alloc(m, n); w->P = gsl_matrix_alloc(m, n);
  w->gF = gsl_matrix_alloc(m, k); w->gG = gsl_matrix_alloc(n, k);
  w->QF = gsl_matrix_alloc(m, k); w->QG = gsl_matrix_alloc(n, k);
  w->core = gsl_matrix_alloc(k, k);
  w->A = gsl_matrix_alloc(r ? r : 1, k); w->B = gsl_matrix_alloc(r ? r : 1, k);
  w->tauF = gsl_vector_alloc(k < m ? k : m); w->tauG = gsl_vector_alloc(k < n ? k : n);
  w->s = gsl_vector_alloc(k < p ? k : p);
  w->la = la_work_alloc();
  if (!w->R || !w->P || !w->gF || !w->gG || !w->QF || !w->QG || !w->core || !w->A || !w->B ||
      !w->tauF || !w->tauG || !w->s || !w->la) {
    mf_work_free(w);
    GSL_ERROR_NULL("mf_work_alloc: out of memory", GSL_ENOMEM);
  }
  return w;
}

void mf_work_free(mf_work *w)
{
  if (!w) return;
  gsl_matrix_free(w->R); gsl_matrix_free(w->P); gsl_matrix_free(w->gF); gsl_matrix_free(w->gG);
  gsl_matrix_free(w->QF); gsl_matrix_free(w->QG); gsl_matrix_free(w->core);
  gsl_matrix_free(w->A); gsl_matrix_free(w->B);
  gsl_vector_free(w->tauF); gsl_vector_free(w->tauG); gsl_vector_free(w->s);
  la_work_free(w->la);
  free(w);
}

/* C <- alpha op(A) op(B) + beta C on gsl_matrix views (row-major, any tda). */
static int check_shapes(size_t m, size_t n, const gsl_matrix *F, const gsl_matrix *G,
                        const mf_work *w)
{
  if (F->size1 != m || G->size1 != n || F->size2 != G->size2 || w->m != m || w->n != n ||
      w->k != F->size2)
    GSL_ERROR("mf: shape mismatch", GSL_EBADLEN);
  return 0;
}

/* Given w->R, the gradients and the step's numbers. */
static int finish_gradient(const gsl_matrix *F, const gsl_matrix *G, mf_work *w, mf_stepinfo *info)
{
  la_gemm(CblasNoTrans, CblasNoTrans, 1.0, w->R, G, 0.0, w->gF);
  la_gemm(CblasTrans, CblasNoTrans, 1.0, w->R, F, 0.0, w->gG);
  const double loss = 0.5 * la_frob2(w->R);
  if (info) {
    info->loss = loss;
    info->gF2 = la_frob2(w->gF);
    info->gG2 = la_frob2(w->gG);
  }
  return isfinite(loss) ? 0 : GSL_ERUNAWAY;
}

int mf_gradient(const gsl_matrix *X, const gsl_matrix *F, const gsl_matrix *G, mf_work *w,
                mf_stepinfo *info)
{
  int rc = check_shapes(X->size1, X->size2, F, G, w);
  if (rc) return rc;
  gsl_matrix_memcpy(w->R, X);
  la_gemm(CblasNoTrans, CblasTrans, 1.0, F, G, -1.0, w->R);
  return finish_gradient(F, G, w, info);
}

/* A -= eta B row by row (views may have tda > size2). */
static void axpy_rows(double eta, const gsl_matrix *B, gsl_matrix *A)
{
  for (size_t i = 0; i < A->size1; i++)
    cblas_daxpy((int) A->size2, -eta, B->data + i * B->tda, 1, A->data + i * A->tda, 1);
}

/* F -= eta gF, G -= eta gG (gradients left in place); GSL_ERUNAWAY if an entry is no longer
 * finite: checking here names the iteration whose step produced it. */
int mf_apply(gsl_matrix *F, gsl_matrix *G, double eta, const mf_work *w)
{
  axpy_rows(eta, w->gF, F);
  axpy_rows(eta, w->gG, G);
  return isfinite(la_frob2(F) + la_frob2(G)) ? 0 : GSL_ERUNAWAY;
}

int mf_step(const gsl_matrix *X, gsl_matrix *F, gsl_matrix *G, double eta, mf_work *w,
            mf_stepinfo *info)
{
  int rc = mf_gradient(X, F, G, w, info);
  return rc ? rc : mf_apply(F, G, eta, w);
}

double mf_step_size(const mf_schedule *s, size_t t)
{
  return s->decaying ? s->eta0 / pow((double) t + 1.0, 0.5 + s->delta) : s->eta0;
}

int mf_random_orthonormal(gsl_matrix *Q, gsl_rng *rng)
{
  for (size_t i = 0; i < Q->size1; i++)
    for (size_t j = 0; j < Q->size2; j++) gsl_matrix_set(Q, i, j, gsl_ran_gaussian(rng, 1.0));
  return la_orthonormalize(Q);
}

int mf_build(gsl_matrix *X, const gsl_matrix *U, const gsl_vector *sigma, const gsl_matrix *V,
             size_t r)
{
  const size_t p = sigma->size;
  if (U->size2 != p || V->size2 != p || X->size1 != U->size1 || X->size2 != V->size1 || r > p)
    GSL_ERROR("mf_build: shape mismatch", GSL_EBADLEN);
  gsl_matrix_set_zero(X);
  if (r == 0) return 0;
  gsl_matrix *US = gsl_matrix_alloc(U->size1, r);
  if (!US) GSL_ERROR("mf_build: out of memory", GSL_ENOMEM);
  for (size_t i = 0; i < U->size1; i++)
    for (size_t j = 0; j < r; j++)
      gsl_matrix_set(US, i, j, gsl_matrix_get(U, i, j) * gsl_vector_get(sigma, j));
  gsl_matrix_const_view Vr = gsl_matrix_const_submatrix(V, 0, 0, V->size1, r);
  la_gemm(CblasNoTrans, CblasTrans, 1.0, US, &Vr.matrix, 0.0, X);
  gsl_matrix_free(US);
  return 0;
}

void mf_init_gaussian(gsl_matrix *F, gsl_matrix *G, double alpha, gsl_rng *rng)
{
  for (size_t i = 0; i < F->size1; i++)
    for (size_t j = 0; j < F->size2; j++) gsl_matrix_set(F, i, j, gsl_ran_gaussian(rng, alpha));
  for (size_t i = 0; i < G->size1; i++)
    for (size_t j = 0; j < G->size2; j++) gsl_matrix_set(G, i, j, gsl_ran_gaussian(rng, alpha));
}

gsl_matrix *mf_product(const gsl_matrix *F, const gsl_matrix *G, mf_work *w)
{
  la_gemm(CblasNoTrans, CblasTrans, 1.0, F, G, 0.0, w->P);
  return w->P;
}

/* Upper-triangular R (k x k) of the QR of Q (rows >= k), into the first k rows of Q itself. */
static int qr_in_place(gsl_matrix *Q, gsl_vector *tau)
{
  int rc = gsl_linalg_QR_decomp(Q, tau);
  if (rc) return rc;
  const size_t k = Q->size2;
  for (size_t i = 1; i < k; i++)
    for (size_t j = 0; j < i; j++) gsl_matrix_set(Q, i, j, 0.0);
  return 0;
}

int mf_singular_values(const gsl_matrix *F, const gsl_matrix *G, gsl_vector *s, mf_work *w)
{
  int rc = check_shapes(w->m, w->n, F, G, w);
  if (rc) return rc;
  const size_t m = w->m, n = w->n, k = w->k, p = m < n ? m : n;
  if (s->size != p) GSL_ERROR("mf_singular_values: s must have length min(m, n)", GSL_EBADLEN);
  if (k >= p) return la_singular_values(mf_product(F, G, w), s, w->la);
  gsl_matrix_memcpy(w->QF, F);
  gsl_matrix_memcpy(w->QG, G);
  if ((rc = qr_in_place(w->QF, w->tauF)) || (rc = qr_in_place(w->QG, w->tauG))) return rc;
  gsl_matrix_const_view RF = gsl_matrix_const_submatrix(w->QF, 0, 0, k, k);
  gsl_matrix_const_view RG = gsl_matrix_const_submatrix(w->QG, 0, 0, k, k);
  la_gemm(CblasNoTrans, CblasTrans, 1.0, &RF.matrix, &RG.matrix, 0.0, w->core);
  if ((rc = la_singular_values(w->core, w->s, w->la))) return rc;
  gsl_vector_set_zero(s);
  for (size_t i = 0; i < k; i++) gsl_vector_set(s, i, gsl_vector_get(w->s, i));
  return 0;
}

int mf_components(const gsl_matrix *F, const gsl_matrix *G, const gsl_matrix *Ur,
                  const gsl_matrix *Vr, gsl_vector *s, gsl_vector *s0, mf_work *w)
{
  const size_t r = w->r, k = w->k;
  if (r == 0 || Ur->size2 != r || Vr->size2 != r || Ur->size1 != F->size1 || Vr->size1 != G->size1 ||
      F->size2 != k || G->size2 != k || (s && s->size != r) || (s0 && s0->size != r))
    GSL_ERROR("mf_components: shape mismatch", GSL_EBADLEN);
  la_gemm(CblasTrans, CblasNoTrans, 1.0, Ur, F, 0.0, w->A);
  la_gemm(CblasTrans, CblasNoTrans, 1.0, Vr, G, 0.0, w->B);
  for (size_t i = 0; i < r; i++) {
    const double *a = w->A->data + i * w->A->tda, *b = w->B->data + i * w->B->tda;
    if (s) gsl_vector_set(s, i, cblas_ddot((int) k, a, 1, b, 1));
    if (s0) {
      double q = 0.0;
      for (size_t j = 0; j < k; j++) q += (a[j] + b[j]) * (a[j] + b[j]);
      gsl_vector_set(s0, i, q / 4.0);
    }
  }
  return 0;
}

double mf_t_pred(double sigma, double s0, double eta)
{
  if (!(s0 > 0 && s0 < sigma && eta * sigma > 0)) return NAN;
  return log(sigma / s0 - 1.0) / (2.0 * log1p(eta * sigma));
}

double mf_imbalance(const gsl_matrix *F, const gsl_matrix *G, mf_work *w, double *d)
{
  la_gemm(CblasTrans, CblasNoTrans, 1.0, F, F, 0.0, w->core);
  la_gemm(CblasTrans, CblasNoTrans, -1.0, G, G, 1.0, w->core);
  if (d) {
    double tr = 0.0;
    for (size_t i = 0; i < w->k; i++) tr += gsl_matrix_get(w->core, i, i);
    *d = tr;
  }
  return sqrt(la_frob2(w->core));
}

mf_problem *mf_problem_alloc(size_t m, size_t n, const double *sigma, size_t p, gsl_rng *rng)
{
  if (p < 1 || p > m || p > n) GSL_ERROR_NULL("mf_problem_alloc: need 1 <= p <= min(m, n)", GSL_EBADLEN);
  mf_problem *pr = calloc(1, sizeof *pr);
  if (!pr) GSL_ERROR_NULL("mf_problem_alloc: out of memory", GSL_ENOMEM);
  pr->m = m; pr->n = n; pr->p = p;
  pr->sigma = gsl_vector_alloc(p);
  pr->U = gsl_matrix_alloc(m, p); pr->V = gsl_matrix_alloc(n, p); pr->X = gsl_matrix_alloc(m, n);
  if (!pr->sigma || !pr->U || !pr->V || !pr->X) {
    mf_problem_free(pr);
    GSL_ERROR_NULL("mf_problem_alloc: out of memory", GSL_ENOMEM);
  }
  for (size_t i = 0; i < p; i++) gsl_vector_set(pr->sigma, i, sigma[i]);
  if (mf_random_orthonormal(pr->U, rng) || mf_random_orthonormal(pr->V, rng) ||
      mf_build(pr->X, pr->U, pr->sigma, pr->V, p)) {
    mf_problem_free(pr);
    return NULL;
  }
  return pr;
}

void mf_problem_free(mf_problem *pr)
{
  if (!pr) return;
  gsl_vector_free(pr->sigma);
  gsl_matrix_free(pr->U); gsl_matrix_free(pr->V); gsl_matrix_free(pr->X);
  free(pr);
}

int mf_emergence(const mf_problem *pr, size_t r, gsl_matrix *F, gsl_matrix *G, double eta,
                 size_t Tmax, mf_work *w, double *t_emerge, double *s0, size_t *fail_iter)
{
  if (r < 1 || r > w->r || w->r > pr->p) GSL_ERROR("mf_emergence: bad r", GSL_EBADLEN);
  gsl_matrix_const_view Ur = gsl_matrix_const_submatrix(pr->U, 0, 0, pr->m, w->r);
  gsl_matrix_const_view Vr = gsl_matrix_const_submatrix(pr->V, 0, 0, pr->n, w->r);
  double sbuf[64], s0buf[64];
  if (w->r > 64) GSL_ERROR("mf_emergence: at most 64 tracked components", GSL_EBADLEN);
  gsl_vector_view s = gsl_vector_view_array(sbuf, w->r), sz = gsl_vector_view_array(s0buf, w->r);
  int rc = mf_components(F, G, &Ur.matrix, &Vr.matrix, &s.vector, &sz.vector, w);
  if (rc) return rc;
  size_t left = r;
  for (size_t i = 0; i < r; i++) { s0[i] = s0buf[i]; t_emerge[i] = NAN; }
  for (size_t t = 0; left > 0; t++) {
    for (size_t i = 0; i < r; i++)
      if (isnan(t_emerge[i]) && sbuf[i] >= 0.5 * gsl_vector_get(pr->sigma, i)) {
        t_emerge[i] = (double) t;
        left--;
      }
    if (left == 0 || t == Tmax) break;
    if ((rc = mf_step(pr->X, F, G, eta, w, NULL))) {
      if (fail_iter) *fail_iter = t + 1;
      return rc;
    }
    if ((rc = mf_components(F, G, &Ur.matrix, &Vr.matrix, &s.vector, NULL, w))) return rc;
  }
  return 0;
}

size_t mf_spectrum(const double *head, size_t nhead, double tail, size_t m, size_t n,
                   double *sigma, size_t cap)
{
  const size_t q = m < n ? m : n;
  size_t p = 0;
  for (size_t i = 0; i < nhead && p < cap; i++) sigma[p++] = head[i];
  if (tail > 0)
    while (p < q && p < cap) sigma[p++] = tail;
  return p;
}

int mf_learn_times(const mf_problem *pr, size_t r, gsl_matrix *F, gsl_matrix *G, double eta,
                   size_t Tmax, double frac, mf_work *w, double *t_hit, size_t *fail_iter)
{
  if (r < 1 || r > pr->p) GSL_ERROR("mf_learn_times: bad r", GSL_EBADLEN);
  const size_t q = pr->m < pr->n ? pr->m : pr->n;
  gsl_vector *s = gsl_vector_alloc(q);
  if (!s) GSL_ERROR("mf_learn_times: out of memory", GSL_ENOMEM);
  int rc = 0;
  size_t left = r;
  for (size_t i = 0; i < r; i++) t_hit[i] = NAN;
  for (size_t t = 0; left > 0; t++) {
    if ((rc = mf_singular_values(F, G, s, w))) break;
    for (size_t i = 0; i < r; i++)
      if (isnan(t_hit[i]) && gsl_vector_get(s, i) >= frac * gsl_vector_get(pr->sigma, i)) {
        t_hit[i] = (double) t;
        left--;
      }
    if (left == 0 || t == Tmax) break;
    if ((rc = mf_step(pr->X, F, G, eta, w, NULL))) {
      if (fail_iter) *fail_iter = t + 1;
      break;
    }
  }
  gsl_vector_free(s);
  return rc;
}
