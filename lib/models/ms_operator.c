/* ms_operator.c -- the Gaussian sensing operator; see ms_operator.h. */
#include "models/ms_operator.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <gsl/gsl_cblas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include "core/rng.h"

size_t ms_packed_size(size_t n) { return n * (n + 1) / 2; }

/* ---- the operator ------------------------------------------------------------------------ */

size_t ms_block_rows(size_t n, size_t m)
{
  const size_t row_bytes = ms_packed_size(n) * sizeof(double);
  size_t b = MS_BLOCK_BYTES / row_bytes;
  if (b < MS_BLOCK_MIN_ROWS) b = MS_BLOCK_MIN_ROWS;
  return b < m ? b : m;
}

size_t ms_memory_budget(void)
{
  const char *env = getenv("AR_MEM_BUDGET_MB");
  if (env && *env) {
    char *end;
    errno = 0;
    unsigned long long mb = strtoull(env, &end, 10);
    if (!errno && *end == '\0' && mb > 0 && mb < (unsigned long long) SIZE_MAX / (1024 * 1024))
      return (size_t) mb * 1024 * 1024;
  }
  long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
  if (pages <= 0 || page <= 0) return (size_t) 1 << 30;   /* unknown: assume a small machine */
  return (size_t) pages / 2 * (size_t) page;
}

ms_operator *ms_operator_alloc_kind(size_t n, size_t m, ms_storage kind)
{
  if (n < 1 || m < 1) GSL_ERROR_NULL("ms_operator_alloc: need n, m >= 1", GSL_EINVAL);
  const size_t P = ms_packed_size(n);
  if (kind == MS_AUTO) {
    /* m P doubles, compared without overflow */
    const size_t budget = ms_memory_budget() / sizeof(double);
    kind = (m <= budget / P) ? MS_STORED : MS_MATRIX_FREE;
  }
  ms_operator *A = calloc(1, sizeof *A);
  if (!A) GSL_ERROR_NULL("ms_operator_alloc: out of memory", GSL_ENOMEM);
  A->n = n;
  A->m = m;
  A->P = P;
  A->block = ms_block_rows(n, m);
  A->res = malloc(A->block * sizeof(double));
  int ok = A->res != NULL;
  if (kind == MS_STORED) {
    A->a = ok && m <= SIZE_MAX / sizeof(double) / P ? calloc(m * P, sizeof(double)) : NULL;
    ok = ok && A->a;
  } else {
    A->blk = ok ? malloc(A->block * P * sizeof(double)) : NULL;
    A->gen = gsl_rng_alloc(gsl_rng_mt19937);
    ok = ok && A->blk && A->gen;
  }
  if (!ok) {
    ms_operator_free(A);
    GSL_ERROR_NULL("ms_operator_alloc: out of memory for the operator", GSL_ENOMEM);
  }
  return A;
}

ms_operator *ms_operator_alloc(size_t n, size_t m) { return ms_operator_alloc_kind(n, m, MS_STORED); }

int ms_operator_is_matrix_free(const ms_operator *A) { return A->a == NULL; }

/* Row i of A (i from 0): its own mt19937 stream, so that any row can be drawn alone. */
static void draw_row(const ms_operator *A, gsl_rng *gen, size_t i, double *row)
{
  const double scale = 1.0 / sqrt((double) A->m), off = sqrt(0.5) * scale;
  gsl_rng_set(gen, rng_derive(A->key, RNG_OPERATOR, i + 1, 0));
  for (size_t j = 0, q = 0; j < A->n; j++)
    for (size_t l = j; l < A->n; l++, q++)
      row[q] = gsl_ran_gaussian_ziggurat(gen, 1.0) * (l == j ? scale : off);
}

int ms_operator_gaussian(ms_operator *A, gsl_rng *rng)
{
  A->key = gsl_rng_get(rng);
  if (!A->a) return 0;   /* matrix-free: the key is the whole operator */
  gsl_rng *gen = gsl_rng_alloc(gsl_rng_mt19937);
  if (!gen) GSL_ERROR("ms_operator_gaussian: out of memory", GSL_ENOMEM);
  for (size_t i = 0; i < A->m; i++) draw_row(A, gen, i, A->a + i * A->P);
  gsl_rng_free(gen);
  return 0;
}

void ms_operator_free(ms_operator *A)
{
  if (!A) return;
  free(A->a);
  free(A->blk);
  free(A->res);
  if (A->gen) gsl_rng_free(A->gen);
  free(A);
}

/* Rows i0 .. i0+nb-1 (nb <= A->block) as one row-major nb x P block: in place for a stored
 * operator, regenerated into the operator's scratch for a matrix-free one.  Every product below
 * goes through this, block by block with the same block size, so both kinds give the same bits. */
static const double *op_rows(const ms_operator *A, size_t i0, size_t nb)
{
  if (A->a) return A->a + i0 * A->P;
  for (size_t b = 0; b < nb; b++) draw_row(A, A->gen, i0 + b, A->blk + b * A->P);
  return A->blk;
}

void ms_pack_weighted(const gsl_matrix *Z, double *zp)
{
  const size_t n = Z->size1;
  for (size_t j = 0, q = 0; j < n; j++) {
    const double *row = Z->data + j * Z->tda;
    zp[q++] = row[j];
    for (size_t l = j + 1; l < n; l++) zp[q++] = 2.0 * row[l];
  }
}

void ms_unpack_sym(const double *sp, gsl_matrix *S)
{
  const size_t n = S->size1;
  for (size_t j = 0, q = 0; j < n; j++)
    for (size_t l = j; l < n; l++, q++) {
      S->data[j * S->tda + l] = sp[q];
      S->data[l * S->tda + j] = sp[q];
    }
}

int ms_apply_packed(const ms_operator *A, const double *zp, double *out)
{
  const int P = (int) A->P;
  for (size_t i0 = 0; i0 < A->m; i0 += A->block) {
    const size_t nb = A->m - i0 < A->block ? A->m - i0 : A->block;
    cblas_dgemv(CblasRowMajor, CblasNoTrans, (int) nb, P, 1.0, op_rows(A, i0, nb), P, zp, 1, 0.0,
                out + i0, 1);
  }
  return 0;
}

int ms_adjoint_packed(const ms_operator *A, const double *z, double *sp)
{
  const int P = (int) A->P;
  memset(sp, 0, A->P * sizeof(double));
  for (size_t i0 = 0; i0 < A->m; i0 += A->block) {
    const size_t nb = A->m - i0 < A->block ? A->m - i0 : A->block;
    cblas_dgemv(CblasRowMajor, CblasTrans, (int) nb, P, 1.0, op_rows(A, i0, nb), P, z + i0, 1, 1.0,
                sp, 1);
  }
  return 0;
}

int ms_apply(const ms_operator *A, const gsl_matrix *Z, gsl_vector *out, double *zp)
{
  if (Z->size1 != A->n || Z->size2 != A->n || out->size != A->m)
    GSL_ERROR("ms_apply: shape mismatch", GSL_EBADLEN);
  if (out->stride != 1) GSL_ERROR("ms_apply: output must be contiguous", GSL_EBADLEN);
  ms_pack_weighted(Z, zp);
  return ms_apply_packed(A, zp, out->data);
}

int ms_adjoint(const ms_operator *A, const gsl_vector *z, gsl_matrix *S, double *sp)
{
  if (S->size1 != A->n || S->size2 != A->n || z->size != A->m)
    GSL_ERROR("ms_adjoint: shape mismatch", GSL_EBADLEN);
  if (z->stride != 1) GSL_ERROR("ms_adjoint: input must be contiguous", GSL_EBADLEN);
  ms_adjoint_packed(A, z->data, sp);
  ms_unpack_sym(sp, S);
  return 0;
}

/* One pass over the operator, a block of rows at a time (ms_block_rows): the block is
 * read from memory once by the first product and is still in cache for the second. */
double ms_fused_residual_adjoint(const ms_operator *A, const double *zp, const gsl_vector *y,
                                 double *sp)
{
  const int P = (int) A->P;
  double ss = 0.0;
  memset(sp, 0, A->P * sizeof(double));
  for (size_t i0 = 0; i0 < A->m; i0 += A->block) {
    const size_t nb = A->m - i0 < A->block ? A->m - i0 : A->block;
    const double *rows = op_rows(A, i0, nb);
    cblas_dgemv(CblasRowMajor, CblasNoTrans, (int) nb, P, 1.0, rows, P, zp, 1, 0.0, A->res, 1);
    for (size_t b = 0; b < nb; b++) {
      A->res[b] -= gsl_vector_get(y, i0 + b);
      ss += A->res[b] * A->res[b];
    }
    cblas_dgemv(CblasRowMajor, CblasTrans, (int) nb, P, 1.0, rows, P, A->res, 1, 1.0, sp, 1);
  }
  return ss;
}

