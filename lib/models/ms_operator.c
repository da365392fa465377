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
#include <omp.h>
#include "core/crng.h"
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
  if (m > UINT32_MAX || P > UINT32_MAX)
    GSL_ERROR_NULL("ms_operator_alloc: m and n(n+1)/2 must be below 2^32", GSL_EINVAL);
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
  A->res = malloc(m * sizeof(double));
  int ok = A->res != NULL;
  if (kind == MS_STORED) {
    A->a = ok && m <= SIZE_MAX / sizeof(double) / P ? calloc(m * P, sizeof(double)) : NULL;
    ok = ok && A->a;
  }
  ok = ok && !ms_operator_set_threads(A, 1);
  if (!ok) {
    ms_operator_free(A);
    GSL_ERROR_NULL("ms_operator_alloc: out of memory for the operator", GSL_ENOMEM);
  }
  return A;
}

ms_operator *ms_operator_alloc(size_t n, size_t m) { return ms_operator_alloc_kind(n, m, MS_STORED); }

int ms_operator_is_matrix_free(const ms_operator *A) { return A->a == NULL; }

/* Row i of A (i from 0): row i of the counter-based stream with key {key, RNG_OPERATOR}, so that
 * any row can be drawn alone, by any thread. */
static void draw_row(const ms_operator *A, size_t i, double *row)
{
  const double scale = 1.0 / sqrt((double) A->m), off = sqrt(0.5) * scale;
  crng_gaussian_row((uint32_t) A->key, RNG_OPERATOR, (uint32_t) i, A->P, row);
  for (size_t j = 0, q = 0; j < A->n; j++)
    for (size_t l = j; l < A->n; l++, q++) row[q] *= l == j ? scale : off;
}

int ms_operator_gaussian(ms_operator *A, gsl_rng *rng)
{
  A->key = gsl_rng_get(rng);
  if (!A->a) return 0;   /* matrix-free: the key is the whole operator */
  for (size_t i = 0; i < A->m; i++) draw_row(A, i, A->a + i * A->P);
  return 0;
}

/* Per-thread scratch: a chunk's partial sum each, and for a matrix-free operator a block of
 * regenerated rows each. */
static void free_scratch(ms_operator *A)
{
  free(A->part);
  free(A->blk);
  A->part = A->blk = NULL;
  A->threads = 0;
}

int ms_operator_set_threads(ms_operator *A, int threads)
{
  if (threads < 1) GSL_ERROR("ms_operator_set_threads: need threads >= 1", GSL_EINVAL);
  free_scratch(A);
  const size_t T = (size_t) threads;
  A->part = malloc(T * MS_ROUND_CHUNKS * A->P * sizeof(double));
  int ok = A->part != NULL;
  if (ok && !A->a) {
    A->blk = malloc(T * A->block * A->P * sizeof(double));
    ok = A->blk != NULL;
  }
  A->threads = threads;
  if (!ok) {
    free_scratch(A);
    GSL_ERROR("ms_operator_set_threads: out of memory", GSL_ENOMEM);
  }
  return 0;
}

void ms_operator_free(ms_operator *A)
{
  if (!A) return;
  free_scratch(A);
  free(A->a);
  free(A->res);
  free(A);
}

/* Rows i0 .. i0+nb-1 (nb <= A->block) as one row-major nb x P block: in place for a stored
 * operator, regenerated into the operator's scratch for a matrix-free one.  Every product below
 * goes through this, block by block with the same block size, so both kinds give the same bits. */
static const double *op_rows_t(const ms_operator *A, int t, size_t i0, size_t nb)
{
  if (A->a) return A->a + i0 * A->P;
  double *blk = A->blk + (size_t) t * A->block * A->P;
  for (size_t b = 0; b < nb; b++) draw_row(A, i0 + b, blk + b * A->P);
  return blk;
}

static const double *op_rows(const ms_operator *A, size_t i0, size_t nb)
{
  return op_rows_t(A, 0, i0, nb);
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

/* One block of nb rows: res[b] = a_b . zp - y[b] and p (+)= sum_b res[b] a_b (set when first),
 * two dgemv on a block that the first reads from memory and the second re-reads from cache.
 * (Measured against this on the 2-core EPYC of the issue: a portable SSE2 kernel doing four dot
 * products then their axpy while the rows are in L2, also software-pipelined, reached 0.60-0.72
 * of the read bandwidth, the two dgemv 0.75-0.85.) */
static void block_pass(const double *rows, size_t nb, size_t P, const double *zp, const double *y,
                       double *res, double *p, int first)
{
  cblas_dgemv(CblasRowMajor, CblasNoTrans, (int) nb, (int) P, 1.0, rows, (int) P, zp, 1, 0.0, res,
              1);
  for (size_t b = 0; b < nb; b++) res[b] -= y[b];
  cblas_dgemv(CblasRowMajor, CblasTrans, (int) nb, (int) P, 1.0, rows, (int) P, res, 1,
              first ? 0.0 : 1.0, p, 1);
}

/* The fused pass, chunk by chunk (a chunk = MS_CHUNK_BLOCKS blocks of ms_block_rows rows, fixed
 * by n and m): chunk c gives its residuals and its partial sum p_c (block_pass, block after block);
 * sp = (((0 + p_0) + p_1) + ...) in chunk order.  With T threads, a round of T * R chunks
 * (R = MS_ROUND_CHUNKS) is computed at once, thread t doing R consecutive ones, each into its own
 * p; then the round's partial sums are added to sp in chunk order, the columns of sp split among
 * the threads.  Every sum has the same operands in the same order for every T: the same bits.
 * (A chunk is several blocks so that the extra pass over p and sp costs a few per cent.)  This is
 * the body run by thread t of T; with T = 1 it runs outside any parallel region (the barrier and
 * the worksharing loop then bind to the one thread). */
static void fused_body(const ms_operator *A, const double *zp, const double *yv, double *sp,
                       size_t T, size_t t)
{
  const size_t P = A->P, m = A->m, B = A->block, CB = B * MS_CHUNK_BLOCKS, nc = (m + CB - 1) / CB;
  const size_t R = MS_ROUND_CHUNKS;
  for (size_t c0 = 0; c0 < nc; c0 += T * R) {
    const size_t here = nc - c0 < T * R ? nc - c0 : T * R;
    for (size_t j = 0; j < R && t * R + j < here; j++) {
      const size_t c = c0 + t * R + j, end = (c + 1) * CB < m ? (c + 1) * CB : m;
      double *p = A->part + (t * R + j) * P;
      for (size_t i0 = c * CB; i0 < end; i0 += B) {
        const size_t nb = end - i0 < B ? end - i0 : B;
        block_pass(op_rows_t(A, (int) t, i0, nb), nb, P, zp, yv + i0, A->res + i0, p,
                   i0 == c * CB);
      }
    }
#pragma omp barrier
#pragma omp for schedule(static)
    for (size_t q = 0; q < P; q++) {
      double s = sp[q];
      for (size_t u = 0; u < here; u++) s += A->part[u * P + q];
      sp[q] = s;
    }
  }
}

double ms_fused_residual_adjoint(const ms_operator *A, const double *zp, const gsl_vector *y,
                                 double *sp)
{
  const size_t P = A->P, m = A->m, CB = A->block * MS_CHUNK_BLOCKS, nc = (m + CB - 1) / CB;
  const double *res = A->res;
  /* no more threads than chunks */
  const int T = (size_t) A->threads < nc ? A->threads : (int) nc;
  memset(sp, 0, P * sizeof(double));
  if (T > 1) {
#pragma omp parallel num_threads(T)
    fused_body(A, zp, y->data, sp, (size_t) T, (size_t) omp_get_thread_num());
  } else {
    fused_body(A, zp, y->data, sp, 1, 0);
  }
  double ss = 0.0;
  for (size_t i = 0; i < m; i++) ss += res[i] * res[i];
  return ss;
}
