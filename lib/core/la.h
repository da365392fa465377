/* la.h -- dense linear-algebra helpers over gsl_matrix (prefix la_).
 *
 * Eigen- and singular-value decompositions go through LAPACK (dsyevd, dgesdd, provided by
 * OpenBLAS), roughly ten times faster than GSL's own at n ~ 800; gsl_linalg_SV_decomp_jacobi is
 * avoided on purpose (GSL 2.7.1 returns a non-orthogonal U on some Gaussian matrices).
 * Every function takes a caller-owned la_work whose buffers grow on demand and are then reused,
 * so calling them inside an iteration loop allocates nothing once sizes are stable.
 * Errors: GSL error codes (GSL_EBADLEN for shape mismatch, GSL_ENOMEM, GSL_EFAILED when LAPACK
 * reports non-convergence); the GSL error handler is called as usual.
 */
#ifndef AR_LA_H
#define AR_LA_H

#include <stddef.h>
#include <gsl/gsl_cblas.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>

typedef struct {
  double *a, *work, *u, *vt, *s;
  int *iwork;
  size_t na, nwork, nu, nvt, ns, niwork;
} la_work;

la_work *la_work_alloc(void);
void la_work_free(la_work *w);

/* Symmetric eigendecomposition S = Q diag(eval) Q^T, eigenvalues in DEcreasing order; column j of
 * evec is the eigenvector of eval[j].  evec may be NULL (values only).  S is not modified. */
int la_sym_eig(const gsl_matrix *S, gsl_vector *eval, gsl_matrix *evec, la_work *w);

/* The top-r eigenvectors of symmetric S as the columns of Q (n x r), r = Q->size2. */
int la_top_eigvecs(const gsl_matrix *S, gsl_matrix *Q, la_work *w);

/* Singular values of A (any shape), decreasing, into s (length min(m, n)). */
int la_singular_values(const gsl_matrix *A, gsl_vector *s, la_work *w);

/* Thin SVD A = U diag(s) V^T: U is m x p, V is n x p, s has length p = min(m, n). */
int la_svd(const gsl_matrix *A, gsl_matrix *U, gsl_vector *s, gsl_matrix *V, la_work *w);

/* Spectral norm (largest singular value); 0 for an empty matrix.  Returns NAN on failure. */
double la_norm2(const gsl_matrix *A, la_work *w);

/* Sine of the largest principal angle between span(A) and span(B), both with orthonormal columns
 * (n x r and n x s, s <= r): ||B - A A^T B||_2, accurate also for tiny angles (no 1 - cos^2).
 * C (r x s) and R (n x s) are caller-owned scratch.  Returns NAN on failure. */
double la_sin_angle(const gsl_matrix *A, const gsl_matrix *B, gsl_matrix *C, gsl_matrix *R,
                    la_work *w);

/* Replace the columns of A (m x n, m >= n) by an orthonormal basis of their span (thin Q of QR). */
int la_orthonormalize(gsl_matrix *A);

/* Frobenius norm of A - B (same shape). */
double la_dist_frob(const gsl_matrix *A, const gsl_matrix *B);

/* Frobenius norm. */
double la_norm_frob(const gsl_matrix *A);

/* The plain row-by-row sum of squares of A's entries (no scaling: the factorization and network
 * modules' conserved quantities are differences of these sums, compared to rounding). */
double la_frob2(const gsl_matrix *A);

/* C = alpha op(A) op(B) + beta C with CBLAS (op = transpose or not); sizes must agree. */
void la_gemm(CBLAS_TRANSPOSE_t ta, CBLAS_TRANSPOSE_t tb, double alpha, const gsl_matrix *A,
             const gsl_matrix *B, double beta, gsl_matrix *C);

#endif
