/* ms_operator.h -- the Gaussian measurement operator of symmetric matrix sensing (prefix ms_).
 *
 * The model is in ms.h.
 *
 * Storage: only the n(n+1)/2 independent entries of each A_i are kept, row i of an m x P array
 * (P = n(n+1)/2), upper triangle row by row, already divided by sqrt(m).  The diagonal of A_i is
 * drawn N(0,1) and the off-diagonal N(0,1/2): the same law as (G + G^T)/2.  Against a symmetric Z
 * packed with its off-diagonal entries doubled ("weighted packing"), <A_i, Z>/sqrt(m) is a plain dot
 * product.  The hot loop is memory-bound, so the residual r_i = <A_i,Z>/sqrt(m) - y_i and the
 * accumulation S += r_i A_i are fused into one pass over the operator (a block of rows at a time,
 * two dgemv on a block that is still in cache): about four times fewer bytes than two dense
 * m x n^2 products.  The pass runs on ms_operator_set_threads threads (OpenMP, default 1): fixed
 * chunks of MS_CHUNK_BLOCKS blocks, one partial sum per chunk, the partial sums added in chunk
 * order, so the result is bit-identical for every thread count.
 *
 * Per-row streams and the matrix-free operator.  Drawing the operator takes one 32-bit key from
 * the caller's generator; row i (from 0) is then row i of the counter-based Gaussian stream with
 * key {key, RNG_OPERATOR} (core/crng.h: Philox4x32-10 and a ziggurat), a function of (key, i) alone.
 * So any row can be regenerated on demand, by any thread: a MATRIX-FREE operator stores only the
 * key and redraws each block of rows on every application (no m x P array; each product costs P
 * Gaussian draws per measurement instead of 8P bytes read).
 * Every product runs block by block with the same block size (ms_block_rows) for both kinds, so a
 * matrix-free operator gives the same results, bit for bit, as the stored one with the same key.
 * MS_AUTO stores the operator when its m P doubles fit in ms_memory_budget() (half the physical
 * memory, or AR_MEM_BUDGET_MB mebibytes when that environment variable is set: a cap for testing
 * the switch), else goes matrix-free.  An operator is not reentrant: its scratch lives inside it.
 * Errors are GSL codes.
 */
#ifndef AR_MS_OPERATOR_H
#define AR_MS_OPERATOR_H

#include <stddef.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_vector.h>


typedef struct {
  size_t n, m, P;
  double *a;           /* m x P, row i = packed upper triangle of A_i / sqrt(m); NULL if matrix-free */
  unsigned long key;   /* row i is row i of crng stream {key, RNG_OPERATOR} */
  size_t block;        /* rows per block in every product (ms_block_rows) */
  double *res;         /* scratch: the m residuals of the fused pass */
  int threads;         /* threads of the fused pass (ms_operator_set_threads; 1 by default) */
  double *part;        /* scratch: threads x MS_ROUND_CHUNKS x P chunk partial sums */
  double *blk;         /* matrix-free scratch: threads x block x P regenerated rows (NULL if stored) */
} ms_operator;

typedef enum { MS_AUTO = 0, MS_STORED, MS_MATRIX_FREE } ms_storage;

/* Number of packed entries n(n+1)/2. */
size_t ms_packed_size(size_t n);

/* Rows per block: max(MS_BLOCK_MIN_ROWS, MS_BLOCK_BYTES / (8P)), at most m.  A function of n and
 * m only (never of the machine), because the block size fixes the summation order of the adjoint.
 * 1 MiB: the block read from memory by the first product is re-read from the last-level cache by
 * the second, and several rows per block let the transposed product update sp once per block
 * instead of once per row (measured on a 32 MiB-L3 machine: 128 KiB to 4 MiB blocks, 1-2 MiB
 * fastest).  At least 8 rows for large n (16 MB at n = 700): with one row per block the transposed
 * product would read and write all of sp once per measurement. */
#ifndef MS_BLOCK_BYTES
#define MS_BLOCK_BYTES (1024u * 1024u)
#endif
#define MS_BLOCK_MIN_ROWS 8u
/* Blocks per chunk of the fused pass: the unit of its fixed partition (threads) and of its
 * fixed-order reduction (see ms_fused_residual_adjoint). */
/* Chunks per thread between two barriers of the threaded pass (any value gives the same bits). */
#define MS_ROUND_CHUNKS 8u
#ifndef MS_CHUNK_BLOCKS
#define MS_CHUNK_BLOCKS 8u
#endif
size_t ms_block_rows(size_t n, size_t m);

/* Bytes an operator may occupy under MS_AUTO: AR_MEM_BUDGET_MB (a positive integer) MiB if set,
 * else half the physical memory. */
size_t ms_memory_budget(void);

/* Allocate an m x P operator (stored and zeroed, or matrix-free, or chosen by MS_AUTO); draw a
 * Gaussian one from rng (one key drawn from rng, then row by row from the per-row streams).
 * m and P = n(n+1)/2 must be below 2^32 (the counters' width): GSL_EINVAL otherwise.
 * ms_operator_alloc(n, m) is ms_operator_alloc_kind(n, m, MS_STORED). */
ms_operator *ms_operator_alloc(size_t n, size_t m);
ms_operator *ms_operator_alloc_kind(size_t n, size_t m, ms_storage kind);
int ms_operator_gaussian(ms_operator *A, gsl_rng *rng);
int ms_operator_is_matrix_free(const ms_operator *A);
/* Threads of the fused pass (OpenMP), >= 1; the caller passes the count (programs: proc_threads()).
 * The result is bit-identical for every count (see ms_fused_residual_adjoint).  Reallocates the
 * per-thread scratch: GSL_ENOMEM (the operator then has none: free it) or GSL_EINVAL. */
int ms_operator_set_threads(ms_operator *A, int threads);
void ms_operator_free(ms_operator *A);

/* Products on packed vectors: out (length m) <- A zp; sp (length P) <- A^T z. */
int ms_apply_packed(const ms_operator *A, const double *zp, double *out);
int ms_adjoint_packed(const ms_operator *A, const double *z, double *sp);

/* zp (length P) <- upper triangle of symmetric Z with off-diagonal entries doubled. */
void ms_pack_weighted(const gsl_matrix *Z, double *zp);
/* S (n x n, both triangles) <- the symmetric matrix whose upper triangle is packed in sp. */
void ms_unpack_sym(const double *sp, gsl_matrix *S);

/* out <- A(Z) for symmetric Z; zp is caller scratch of length P; out and z contiguous. */
int ms_apply(const ms_operator *A, const gsl_matrix *Z, gsl_vector *out, double *zp);
/* S <- A*(z); sp is caller scratch of length P. */
int ms_adjoint(const ms_operator *A, const gsl_vector *z, gsl_matrix *S, double *sp);
/* The fused pass: with r_i = a_i . zp - y_i, sp <- sum_i r_i a_i (packed A*(r)); returns sum r_i^2. */
double ms_fused_residual_adjoint(const ms_operator *A, const double *zp, const gsl_vector *y,
                                 double *sp);

#endif
