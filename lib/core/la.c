/* la.c -- dense linear-algebra helpers; see la.h. */
#include "core/la.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_cblas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>

/* LAPACK (Fortran interface, provided by OpenBLAS). */
void dsyevd_(const char *jobz, const char *uplo, const int *n, double *a, const int *lda, double *w,
             double *work, const int *lwork, int *iwork, const int *liwork, int *info);
void dgesdd_(const char *jobz, const int *m, const int *n, double *a, const int *lda, double *s,
             double *u, const int *ldu, double *vt, const int *ldvt, double *work,
             const int *lwork, int *iwork, int *info);

la_work *la_work_alloc(void) { return calloc(1, sizeof(la_work)); }

void la_work_free(la_work *w)
{
  if (!w) return;
  free(w->a); free(w->work); free(w->u); free(w->vt); free(w->s); free(w->iwork);
  free(w);
}

/* Grow *buf to at least n elements of size `size`; 0 or GSL_ENOMEM. */
static int grow(void **buf, size_t *cap, size_t n, size_t size)
{
  if (n <= *cap) return 0;
  void *p = realloc(*buf, n * size);
  if (!p) GSL_ERROR("la: out of memory", GSL_ENOMEM);
  *buf = p;
  *cap = n;
  return 0;
}
#define GROW(w, field, count) grow((void **) &(w)->field, &(w)->n##field, (count), sizeof *(w)->field)

/* Copy a gsl_matrix into a dense row-major buffer (tda may exceed size2). */
static void pack(const gsl_matrix *A, double *dst)
{
  for (size_t i = 0; i < A->size1; i++)
    memcpy(dst + i * A->size2, A->data + i * A->tda, A->size2 * sizeof(double));
}

int la_sym_eig(const gsl_matrix *S, gsl_vector *eval, gsl_matrix *evec, la_work *w)
{
  const int n = (int) S->size1;
  if (S->size2 != S->size1 || eval->size != S->size1 ||
      (evec && (evec->size1 != S->size1 || evec->size2 != S->size1)))
    GSL_ERROR("la_sym_eig: shape mismatch", GSL_EBADLEN);
  if (n == 0) return 0;
  const char jobz = evec ? 'V' : 'N', uplo = 'U';
  int info, lwork = -1, liwork = -1, iq;
  double wq;
  if (GROW(w, a, (size_t) n * n) || GROW(w, s, (size_t) n)) return GSL_ENOMEM;
  dsyevd_(&jobz, &uplo, &n, w->a, &n, w->s, &wq, &lwork, &iq, &liwork, &info);
  lwork = (int) wq;
  liwork = iq;
  if (GROW(w, work, (size_t) lwork) || GROW(w, iwork, (size_t) liwork)) return GSL_ENOMEM;
  pack(S, w->a);   /* symmetric: row-major equals column-major */
  dsyevd_(&jobz, &uplo, &n, w->a, &n, w->s, w->work, &lwork, w->iwork, &liwork, &info);
  if (info != 0) GSL_ERROR("la_sym_eig: dsyevd failed", GSL_EFAILED);
  /* LAPACK: ascending values; eigenvector j is column j of the column-major result, i.e. row j of
   * our buffer.  Reverse to decreasing order. */
  for (int j = 0; j < n; j++) {
    gsl_vector_set(eval, (size_t) j, w->s[n - 1 - j]);
    if (evec)
      for (int i = 0; i < n; i++)
        gsl_matrix_set(evec, (size_t) i, (size_t) j, w->a[(size_t) (n - 1 - j) * n + i]);
  }
  return 0;
}

int la_top_eigvecs(const gsl_matrix *S, gsl_matrix *Q, la_work *w)
{
  const size_t n = S->size1, r = Q->size2;
  if (Q->size1 != n || r > n) GSL_ERROR("la_top_eigvecs: shape mismatch", GSL_EBADLEN);
  gsl_vector *eval = gsl_vector_alloc(n);
  gsl_matrix *evec = gsl_matrix_alloc(n, n);
  if (!eval || !evec) {
    gsl_vector_free(eval);
    gsl_matrix_free(evec);
    GSL_ERROR("la_top_eigvecs: out of memory", GSL_ENOMEM);
  }
  int rc = la_sym_eig(S, eval, evec, w);
  if (!rc) {
    gsl_matrix_const_view top = gsl_matrix_const_submatrix(evec, 0, 0, n, r);
    gsl_matrix_memcpy(Q, &top.matrix);
  }
  gsl_vector_free(eval);
  gsl_matrix_free(evec);
  return rc;
}

/* dgesdd on A^T (our row-major m x n buffer is column-major n x m). */
static int gesdd(const gsl_matrix *A, char jobz, la_work *w)
{
  const int m = (int) A->size2, n = (int) A->size1;   /* LAPACK's view: A^T, m x n */
  const int p = m < n ? m : n;
  int info, lwork = -1;
  double wq;
  if (GROW(w, a, (size_t) m * n) || GROW(w, s, (size_t) p) || GROW(w, iwork, (size_t) 8 * p))
    return GSL_ENOMEM;
  if (jobz == 'S' && (GROW(w, u, (size_t) m * p) || GROW(w, vt, (size_t) p * n)))
    return GSL_ENOMEM;
  const int ldu = m, ldvt = p;
  dgesdd_(&jobz, &m, &n, w->a, &m, w->s, w->u, &ldu, w->vt, &ldvt, &wq, &lwork, w->iwork, &info);
  lwork = (int) wq;
  if (GROW(w, work, (size_t) lwork)) return GSL_ENOMEM;
  pack(A, w->a);
  dgesdd_(&jobz, &m, &n, w->a, &m, w->s, w->u, &ldu, w->vt, &ldvt, w->work, &lwork, w->iwork,
          &info);
  if (info != 0) GSL_ERROR("la: dgesdd failed", GSL_EFAILED);
  return 0;
}

int la_singular_values(const gsl_matrix *A, gsl_vector *s, la_work *w)
{
  const size_t p = A->size1 < A->size2 ? A->size1 : A->size2;
  if (s->size != p) GSL_ERROR("la_singular_values: shape mismatch", GSL_EBADLEN);
  if (p == 0) return 0;
  int rc = gesdd(A, 'N', w);
  if (rc) return rc;
  for (size_t i = 0; i < p; i++) gsl_vector_set(s, i, w->s[i]);
  return 0;
}

int la_svd(const gsl_matrix *A, gsl_matrix *U, gsl_vector *s, gsl_matrix *V, la_work *w)
{
  const size_t m = A->size1, n = A->size2, p = m < n ? m : n;
  if (s->size != p || U->size1 != m || U->size2 != p || V->size1 != n || V->size2 != p)
    GSL_ERROR("la_svd: shape mismatch", GSL_EBADLEN);
  if (p == 0) return 0;
  int rc = gesdd(A, 'S', w);
  if (rc) return rc;
  /* A^T = U' S V'^T  =>  A = V' S U'^T.  VT' (p x m column-major) read row-major is U (m x p);
   * U' (n x p column-major, ld n) is V. */
  for (size_t i = 0; i < m; i++)
    for (size_t j = 0; j < p; j++) gsl_matrix_set(U, i, j, w->vt[i * p + j]);
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < p; j++) gsl_matrix_set(V, i, j, w->u[j * n + i]);
  for (size_t i = 0; i < p; i++) gsl_vector_set(s, i, w->s[i]);
  return 0;
}

double la_norm2(const gsl_matrix *A, la_work *w)
{
  if (A->size1 == 0 || A->size2 == 0) return 0.0;
  if (gesdd(A, 'N', w)) return NAN;
  return w->s[0];
}

double la_sin_angle(const gsl_matrix *A, const gsl_matrix *B, gsl_matrix *C, gsl_matrix *R,
                    la_work *w)
{
  const size_t n = A->size1, r = A->size2, s = B->size2;
  if (B->size1 != n || s > r || C->size1 != r || C->size2 != s || R->size1 != n || R->size2 != s) {
    gsl_error("la_sin_angle: shape mismatch", __FILE__, __LINE__, GSL_EBADLEN);
    return NAN;
  }
  gsl_matrix_memcpy(R, B);
  cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, (int) r, (int) s, (int) n, 1.0, A->data,
              (int) A->tda, B->data, (int) B->tda, 0.0, C->data, (int) C->tda);
  cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, (int) n, (int) s, (int) r, -1.0, A->data,
              (int) A->tda, C->data, (int) C->tda, 1.0, R->data, (int) R->tda);
  return la_norm2(R, w);
}

int la_orthonormalize(gsl_matrix *A)
{
  const size_t m = A->size1, n = A->size2;
  if (m < n) GSL_ERROR("la_orthonormalize: needs rows >= columns", GSL_EBADLEN);
  gsl_vector *tau = gsl_vector_alloc(n);
  gsl_matrix *Q = gsl_matrix_alloc(m, m), *R = gsl_matrix_alloc(m, n);
  int rc = GSL_ENOMEM;
  if (tau && Q && R) {
    rc = gsl_linalg_QR_decomp(A, tau);
    if (!rc) rc = gsl_linalg_QR_unpack(A, tau, Q, R);
    if (!rc) {
      /* Fix signs so that diag(R) > 0: the factor is then unique and the basis deterministic. */
      for (size_t j = 0; j < n; j++) {
        double sign = gsl_matrix_get(R, j, j) < 0 ? -1.0 : 1.0;
        for (size_t i = 0; i < m; i++) gsl_matrix_set(A, i, j, sign * gsl_matrix_get(Q, i, j));
      }
    }
  }
  gsl_vector_free(tau);
  gsl_matrix_free(Q);
  gsl_matrix_free(R);
  return rc;
}

double la_dist_frob(const gsl_matrix *A, const gsl_matrix *B)
{
  double s = 0.0;
  for (size_t i = 0; i < A->size1; i++)
    for (size_t j = 0; j < A->size2; j++) {
      double d = gsl_matrix_get(A, i, j) - gsl_matrix_get(B, i, j);
      s += d * d;
    }
  return sqrt(s);
}

double la_norm_frob(const gsl_matrix *A)
{
  double s = 0.0;
  for (size_t i = 0; i < A->size1; i++)
    for (size_t j = 0; j < A->size2; j++) s += gsl_matrix_get(A, i, j) * gsl_matrix_get(A, i, j);
  return sqrt(s);
}

double la_frob2(const gsl_matrix *A)
{
  double s = 0.0;
  for (size_t i = 0; i < A->size1; i++) {
    const double *row = A->data + i * A->tda;
    for (size_t j = 0; j < A->size2; j++) s += row[j] * row[j];
  }
  return s;
}

void la_gemm(CBLAS_TRANSPOSE_t ta, CBLAS_TRANSPOSE_t tb, double alpha, const gsl_matrix *A,
             const gsl_matrix *B, double beta, gsl_matrix *C)
{
  const int kdim = (int) (ta == CblasNoTrans ? A->size2 : A->size1);
  cblas_dgemm(CblasRowMajor, ta, tb, (int) C->size1, (int) C->size2, kdim, alpha, A->data,
              (int) A->tda, B->data, (int) B->tda, beta, C->data, (int) C->tda);
}
