/* lt.c -- lifted tensor matrix sensing: instances, loss and gradient, tensor helpers, rank-1
 * read-out; see lt.h.  The algorithms are in lt_algo.c. */
#include "models/lt.h"
#include "models/lt_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_cblas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>

static size_t ipow(size_t n, size_t l)
{
  size_t p = 1;
  for (size_t s = 0; s < l; s++) p *= n;
  return p;
}

/* ---- instances -------------------------------------------------------------------------------- */
void lt_base_free(lt_base *B)
{
  if (!B) return;
  free(B->A); free(B->b); free(B->z); free(B->gram); free(B->omega); free(B->U);
  free(B->sigma); free(B->V); free(B->v1);
  free(B);
}

lt_base *lt_base_from(size_t n, size_t m, const double *A, const double *z, lt_kind kind,
                      const double *omega)
{
  if (n < 1 || m < 1 || (kind == LT_MASK && !omega)) GSL_ERROR_NULL("lt_base_from: bad shape", GSL_EINVAL);
  const size_t n2 = n * n;
  lt_base *B = calloc(1, sizeof *B);
  if (!B) GSL_ERROR_NULL("lt_base_from: out of memory", GSL_ENOMEM);
  B->n = n; B->m = m; B->kind = kind;
  B->A = malloc(m * n2 * sizeof(double)); B->b = malloc(m * sizeof(double));
  B->z = malloc(n * sizeof(double)); B->gram = calloc(n2 * n2, sizeof(double));
  B->U = calloc(n2, sizeof(double)); B->sigma = malloc(n * sizeof(double));
  B->V = malloc(n2 * sizeof(double)); B->v1 = malloc(n * sizeof(double));
  if (kind == LT_MASK) B->omega = malloc(n2 * sizeof(double));
  if (!B->A || !B->b || !B->z || !B->gram || !B->U || !B->sigma || !B->V || !B->v1 ||
      (kind == LT_MASK && !B->omega)) {
    lt_base_free(B);
    GSL_ERROR_NULL("lt_base_from: out of memory", GSL_ENOMEM);
  }
  for (size_t i = 0; i < m; i++)
    for (size_t a = 0; a < n; a++)
      for (size_t c = 0; c < n; c++)
        B->A[i * n2 + a * n + c] = 0.5 * (A[i * n2 + a * n + c] + A[i * n2 + c * n + a]);
  memcpy(B->z, z, n * sizeof(double));
  if (omega) memcpy(B->omega, omega, n2 * sizeof(double));
  /* b_i = z^T A_i z; U = sum_i b_i A_i; Gram = sum_i vec(A_i) vec(A_i)^T. */
  for (size_t i = 0; i < m; i++) {
    const double *Ai = B->A + i * n2;
    double s = 0;
    for (size_t a = 0; a < n; a++)
      for (size_t c = 0; c < n; c++) s += z[a] * Ai[a * n + c] * z[c];
    B->b[i] = s;
    cblas_daxpy((int) n2, s, Ai, 1, B->U, 1);
    cblas_dger(CblasRowMajor, (int) n2, (int) n2, 1.0, Ai, 1, Ai, 1, B->gram, (int) n2);
  }
  gsl_matrix_view Uv = gsl_matrix_view_array(B->U, n, n);
  gsl_matrix_view Vv = gsl_matrix_view_array(B->V, n, n);
  gsl_vector_view sv = gsl_vector_view_array(B->sigma, n);
  la_work *la = la_work_alloc();
  int rc = la ? la_sym_eig(&Uv.matrix, &sv.vector, &Vv.matrix, la) : GSL_ENOMEM;
  la_work_free(la);
  if (rc) { lt_base_free(B); return NULL; }
  double dot = 0;
  for (size_t a = 0; a < n; a++) dot += B->V[a * n] * z[a];
  for (size_t a = 0; a < n; a++) B->v1[a] = (dot < 0 ? -1.0 : 1.0) * B->V[a * n];
  return B;
}

lt_base *lt_base_completion(size_t n, double rho)
{
  if (n < 2 || !(rho > 0 && rho <= 1)) GSL_ERROR_NULL("lt_base_completion: n >= 2, 0 < rho <= 1", GSL_EINVAL);
  const size_t n2 = n * n, m = n2;
  double *A = calloc(m * n2, sizeof(double)), *z = malloc(n * sizeof(double));
  double *mask = malloc(n2 * sizeof(double)), *om = malloc(n2 * sizeof(double));
  if (!A || !z || !mask || !om) {
    free(A); free(z); free(mask); free(om);
    GSL_ERROR_NULL("lt_base_completion: out of memory", GSL_ENOMEM);
  }
  /* 0-based: z_i = 1 at even i (the paper's odd 1-based positions); full weight on the diagonal
   * and on odd 0-based rows/columns (the paper's even 1-based ones). */
  for (size_t i = 0; i < n; i++) z[i] = (i % 2 == 0) ? 1.0 : 0.0;
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < n; j++) {
      mask[i * n + j] = (i == j || i % 2 == 1 || j % 2 == 1) ? 1.0 : rho;
      om[i * n + j] = mask[i * n + j] * mask[i * n + j];
    }
  for (size_t i = 0, k = 0; i < n; i++)
    for (size_t j = 0; j < n; j++, k++) {
      A[k * n2 + i * n + j] += 0.5 * mask[i * n + j];
      A[k * n2 + j * n + i] += 0.5 * mask[i * n + j];
    }
  lt_base *B = lt_base_from(n, m, A, z, LT_MASK, om);
  free(A); free(z); free(mask); free(om);
  return B;
}

lt_base *lt_base_gaussian(size_t n, size_t m, double z_norm, gsl_rng *rng)
{
  const size_t n2 = n * n;
  double *A = malloc(m * n2 * sizeof(double)), *z = malloc(n * sizeof(double));
  if (!A || !z) { free(A); free(z); GSL_ERROR_NULL("lt_base_gaussian: out of memory", GSL_ENOMEM); }
  const double s = 1.0 / sqrt((double) m);
  for (size_t i = 0; i < m; i++)
    for (size_t a = 0; a < n; a++)
      for (size_t c = a; c < n; c++) {
        /* (G + G^T)/2: N(0,1) on the diagonal, N(0,1/2) off it. */
        double g = gsl_ran_gaussian(rng, a == c ? 1.0 : M_SQRT1_2) * s;
        A[i * n2 + a * n + c] = A[i * n2 + c * n + a] = g;
      }
  double nz = 0;
  for (size_t a = 0; a < n; a++) { z[a] = gsl_ran_gaussian(rng, 1.0); nz += z[a] * z[a]; }
  for (size_t a = 0; a < n; a++) z[a] *= z_norm / sqrt(nz);
  lt_base *B = lt_base_from(n, m, A, z, LT_GRAM, NULL);
  free(A); free(z);
  return B;
}

lt_base *lt_base_delta(void)
{
  /* Gram form in the coordinates phi = (X11, X22, sqrt2 X12); A = its symmetric square root. */
  double q[9] = { 0.6, 1.0 / 3.0, 0, 1.0 / 3.0, 2.0 / 3.0, 0, 0, 0, 1.0 };
  gsl_matrix_view Q = gsl_matrix_view_array(q, 3, 3);
  gsl_matrix *E = gsl_matrix_alloc(3, 3);
  gsl_vector *ev = gsl_vector_alloc(3);
  la_work *la = la_work_alloc();
  if (!E || !ev || !la || la_sym_eig(&Q.matrix, ev, E, la)) {
    gsl_matrix_free(E); gsl_vector_free(ev); la_work_free(la);
    GSL_ERROR_NULL("lt_base_delta: eigendecomposition failed", GSL_EFAILED);
  }
  double R[9] = { 0 };
  for (size_t i = 0; i < 3; i++)
    for (size_t j = 0; j < 3; j++)
      for (size_t k = 0; k < 3; k++)
        R[i * 3 + j] += gsl_matrix_get(E, i, k) * sqrt(gsl_vector_get(ev, k)) * gsl_matrix_get(E, j, k);
  gsl_matrix_free(E); gsl_vector_free(ev); la_work_free(la);
  double A[12], z[2] = { 1.0, 0.0 };
  for (size_t i = 0; i < 3; i++) {
    A[i * 4 + 0] = R[i * 3 + 0];
    A[i * 4 + 3] = R[i * 3 + 1];
    A[i * 4 + 1] = A[i * 4 + 2] = R[i * 3 + 2] * M_SQRT1_2;
  }
  return lt_base_from(2, 3, A, z, LT_GRAM, NULL);
}

void lt_base_gradmat(const lt_base *B, const double *x, double *S)
{
  const size_t n = B->n, n2 = n * n;
  memset(S, 0, n2 * sizeof(double));
  for (size_t i = 0; i < B->m; i++) {
    const double *Ai = B->A + i * n2;
    double s = 0;
    for (size_t a = 0; a < n; a++)
      for (size_t c = 0; c < n; c++) s += x[a] * Ai[a * n + c] * x[c];
    cblas_daxpy((int) n2, s - B->b[i], Ai, 1, S, 1);
  }
}

/* ---- workspace -------------------------------------------------------------------------------- */
static double *kron(const double *A, size_t ra, const double *Bm, size_t rb)
{
  double *K = malloc(ra * rb * ra * rb * sizeof(double));
  if (!K) return NULL;
  const size_t r = ra * rb;
  for (size_t i1 = 0; i1 < ra; i1++)
    for (size_t i2 = 0; i2 < rb; i2++)
      for (size_t j1 = 0; j1 < ra; j1++)
        for (size_t j2 = 0; j2 < rb; j2++)
          K[(i1 * rb + i2) * r + j1 * rb + j2] = A[i1 * ra + j1] * Bm[i2 * rb + j2];
  return K;
}

static unsigned popcount(unsigned s)
{
  unsigned c = 0;
  for (; s; s >>= 1) c += s & 1u;
  return c;
}

void lt_work_free(lt_work *W)
{
  if (!W) return;
  free(W->wstar); free(W->sub); free(W->idx);
  if (W->omk)
    for (size_t a = 0; a <= W->l / 2; a++) free(W->omk[a]);
  free(W->omk);
  free(W->wp); free(W->P); free(W->T1); free(W->gp); free(W->gw); free(W->gt);
  free(W->E); free(W->R); free(W->v); free(W->v2);
  free(W->ws); free(W->c1); free(W->c2); free(W->u); free(W->un); free(W->kb); free(W->kt);
  free(W->Pm); free(W->x); free(W->g); free(W->m1); free(W->m2); free(W->d); free(W->wt);
  free(W->S);
  gsl_matrix_free(W->Sm); gsl_matrix_free(W->Ev); gsl_vector_free(W->ev);
  la_work_free(W->la);
  free(W);
}

size_t lt_work_order(const lt_work *W) { return W->l; }
size_t lt_work_size(const lt_work *W) { return W->N; }

lt_work *lt_work_alloc(const lt_base *B, size_t l)
{
  const size_t n = B->n;
  if (l < 1 || l > 8) GSL_ERROR_NULL("lt_work_alloc: 1 <= l <= 8", GSL_EINVAL);
  const size_t N = ipow(n, l);
  if (B->kind == LT_GRAM && N > 4096) GSL_ERROR_NULL("lt_work_alloc: the dense path needs n^l <= 4096", GSL_EINVAL);
  lt_work *W = calloc(1, sizeof *W);
  if (!W) GSL_ERROR_NULL("lt_work_alloc: out of memory", GSL_ENOMEM);
  W->n = n; W->l = l; W->N = N; W->kind = B->kind;
  int ok = 1;
#define ALLOC(field, count) ok = ok && ((W->field = calloc((count), sizeof *W->field)) != NULL)
  ALLOC(wstar, N); ALLOC(gw, N); ALLOC(gt, N); ALLOC(gp, N); ALLOC(wp, N); ALLOC(T1, N);
  ALLOC(ws, N); ALLOC(c1, N); ALLOC(c2, N); ALLOC(u, n); ALLOC(un, n); ALLOC(kb, N); ALLOC(kt, N);
  ALLOC(Pm, n * n); ALLOC(x, n); ALLOC(g, N); ALLOC(m1, N); ALLOC(m2, N); ALLOC(d, N); ALLOC(wt, N);
  ALLOC(S, n * n);
  W->Sm = gsl_matrix_alloc(n, n); W->Ev = gsl_matrix_alloc(n, n); W->ev = gsl_vector_alloc(n);
  W->la = la_work_alloc();
  ok = ok && W->Sm && W->Ev && W->ev && W->la;
  if (!ok) { lt_work_free(W); GSL_ERROR_NULL("lt_work_alloc: out of memory", GSL_ENOMEM); }
  lt_power(B->z, n, l, W->wstar);
  if (B->kind == LT_MASK) {
    /* Subsets S of the modes evaluated: |S| < l/2, and |S| = l/2 containing mode 0 (pi_S = pi_K). */
    W->nsub = 0;
    ALLOC(sub, (size_t) 1 << l);
    for (unsigned s = 0; ok && s < (1u << l); s++) {
      const unsigned a = popcount(s);
      if (2 * a < l || (2 * a == l && (s & 1u))) W->sub[W->nsub++] = s;
    }
    W->subw = ldexp(1.0, 1 - (int) l);
    ALLOC(idx, W->nsub * N);
    ok = ok && (W->omk = calloc(l / 2 + 1, sizeof *W->omk)) != NULL;
    if (!ok) { lt_work_free(W); GSL_ERROR_NULL("lt_work_alloc: out of memory", GSL_ENOMEM); }
    const double one = 1.0;
    W->omk[0] = malloc(sizeof(double));
    if (W->omk[0]) W->omk[0][0] = one;
    for (size_t a = 1; a <= l / 2 && W->omk[a - 1]; a++)
      W->omk[a] = kron(W->omk[a - 1], ipow(n, a - 1), B->omega, n);
    for (size_t a = 0; a <= l / 2; a++) ok = ok && W->omk[a];
    size_t maxP = 0;
    for (size_t k = 0; k < W->nsub; k++) {
      const unsigned s = W->sub[k];
      const size_t a = popcount(s), r = ipow(n, a), c = N / r;
      if (r * r * c > maxP) maxP = r * r * c;
      /* idx[p] = the original position of permuted position p = iS * c + iK. */
      size_t *idx = W->idx + k * N;
      size_t dig[8] = { 0 };
      for (size_t f = 0; f < N; f++) {
        size_t iS = 0, iK = 0;
        for (size_t m = 0; m < l; m++) {
          if (s & (1u << m)) iS = iS * n + dig[m];
          else iK = iK * n + dig[m];
        }
        idx[iS * c + iK] = f;
        for (size_t m = l; m-- > 0;) {   /* odometer: next multi-index, last mode fastest */
          if (++dig[m] < n) break;
          dig[m] = 0;
        }
      }
    }
    free(W->T1);
    W->T1 = NULL;
    ALLOC(P, maxP); ALLOC(T1, maxP);
    if (!ok) { lt_work_free(W); GSL_ERROR_NULL("lt_work_alloc: out of memory", GSL_ENOMEM); }
    /* c* = <w*^2, Omega^{(x)l} w*^2> */
    for (size_t f = 0; f < N; f++) W->kb[f] = W->wstar[f] * W->wstar[f];
    memcpy(W->c1, W->kb, N * sizeof(double));
    lt_kron_apply(B->omega, n, 1, l, W->c1, W->kt);
    W->cstar = cblas_ddot((int) N, W->kb, 1, W->c1, 1);
  } else {
    ALLOC(E, N * N); ALLOC(R, N * N); ALLOC(v, n * n); ALLOC(v2, n * n);
    if (!ok) { lt_work_free(W); GSL_ERROR_NULL("lt_work_alloc: out of memory", GSL_ENOMEM); }
  }
#undef ALLOC
  return W;
}

/* ---- tensor helpers --------------------------------------------------------------------------- */
void lt_power(const double *x, size_t n, size_t l, double *out)
{
  out[0] = 1.0;
  size_t len = 1;
  for (size_t s = 0; s < l; s++) {   /* out[(i * n) + a] = old[i] x[a], built in place backwards */
    for (size_t i = len; i-- > 0;) {
      const double o = out[i];
      for (size_t a = n; a-- > 0;) out[i * n + a] = o * x[a];
    }
    len *= n;
  }
}

void lt_kron_apply(const double *M, size_t n, size_t rows, size_t k, double *x, double *tmp)
{
  double *src = x, *dst = tmp;
  for (size_t t = 0; t < k; t++) {
    const size_t inner = ipow(n, k - 1 - t), outer = rows * ipow(n, t);
    if (inner == 1) {   /* last mode: one product X M^T */
      cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, (int) outer, (int) n, (int) n, 1.0, src,
                  (int) n, M, (int) n, 0.0, dst, (int) n);
    } else {   /* a middle mode: n x n times n x inner per block, too small for a BLAS call */
      for (size_t o = 0; o < outer; o++) {
        const double *xo = src + o * n * inner;
        double *yo = dst + o * n * inner;
        for (size_t i = 0; i < n; i++) {
          double *yi = yo + i * inner;
          for (size_t q = 0; q < inner; q++) yi[q] = 0.0;
          for (size_t j = 0; j < n; j++) {
            const double mij = M[i * n + j];
            const double *xj = xo + j * inner;
            for (size_t q = 0; q < inner; q++) yi[q] += mij * xj[q];
          }
        }
      }
    }
    double *sw = src; src = dst; dst = sw;
  }
  if (src != x) memcpy(x, src, rows * ipow(n, k) * sizeof(double));
}

/* Next permutation in lexicographic order; 0 after the last. */
static int next_perm(size_t *p, size_t l)
{
  if (l < 2) return 0;
  size_t i = l - 1;
  while (i > 0 && p[i - 1] >= p[i]) i--;
  if (i == 0) return 0;
  size_t j = l - 1;
  while (p[j] <= p[i - 1]) j--;
  size_t t = p[i - 1]; p[i - 1] = p[j]; p[j] = t;
  for (size_t a = i, b = l - 1; a < b; a++, b--) { t = p[a]; p[a] = p[b]; p[b] = t; }
  return 1;
}

/* out (+)= w permuted by modes perm: out[f] gets w at the index whose digit s is digit perm[s] of f. */
static void permute_acc(const double *w, size_t n, size_t l, const size_t *perm, double *out, double scale)
{
  const size_t N = ipow(n, l);
  size_t dig[8] = { 0 }, stride[8];
  for (size_t s = 0; s < l; s++) stride[s] = ipow(n, l - 1 - s);
  for (size_t f = 0; f < N; f++) {
    size_t g = 0;
    for (size_t s = 0; s < l; s++) g += dig[perm[s]] * stride[s];
    out[f] += scale * w[g];
    for (size_t m = l; m-- > 0;) {
      if (++dig[m] < n) break;
      dig[m] = 0;
    }
  }
}

double lt_sym_defect(const double *w, size_t n, size_t l)
{
  const size_t N = ipow(n, l);
  size_t perm[8], dig[8] = { 0 }, stride[8];
  for (size_t s = 0; s < l; s++) { perm[s] = s; stride[s] = ipow(n, l - 1 - s); }
  double worst = 0;
  while (next_perm(perm, l)) {
    memset(dig, 0, sizeof dig);
    for (size_t f = 0; f < N; f++) {
      size_t g = 0;
      for (size_t s = 0; s < l; s++) g += dig[perm[s]] * stride[s];
      const double e = fabs(w[f] - w[g]);
      if (!(e <= worst)) worst = e;   /* NaN propagates */
      for (size_t m = l; m-- > 0;) {
        if (++dig[m] < n) break;
        dig[m] = 0;
      }
    }
  }
  return worst;
}

/* ---- loss and gradient ------------------------------------------------------------------------ */
static int loss_grad_mask(const lt_base *B, lt_work *W, const double *w, double *loss, double *grad)
{
  const size_t n = W->n, l = W->l, N = W->N;
  memset(W->gw, 0, N * sizeof(double));
  for (size_t k = 0; k < W->nsub; k++) {
    const unsigned s = W->sub[k];
    const size_t a = popcount(s), r = ipow(n, a), c = N / r;
    const size_t *idx = W->idx + k * N;
    const double *omS = W->omk[a];
    for (size_t p = 0; p < N; p++) W->wp[p] = w[idx[p]];
    /* P[(iS, jS), jK] = w[iS, jK] w[jS, jK] for iS <= jS (P is symmetric in the pair), then Omega
     * applied to every K mode. */
    size_t row = 0;
    for (size_t iS = 0; iS < r; iS++)
      for (size_t jS = iS; jS < r; jS++, row++) {
        double *Pr = W->P + row * c;
        const double *wi = W->wp + iS * c, *wj = W->wp + jS * c;
        for (size_t q = 0; q < c; q++) Pr[q] = wi[q] * wj[q];
      }
    lt_kron_apply(B->omega, n, row, l - a, W->P, W->T1);
    memset(W->gp, 0, N * sizeof(double));
    for (size_t iS = 0; iS < r; iS++) {
      double *gi = W->gp + iS * c;
      for (size_t jS = 0; jS < r; jS++) {
        const size_t lo = iS < jS ? iS : jS, hi = iS < jS ? jS : iS;
        const size_t pr = lo * r - lo * (lo - 1) / 2 + (hi - lo);   /* row of the pair (lo, hi) */
        const double om = omS[iS * r + jS];
        const double *Q = W->P + pr * c, *wj = W->wp + jS * c;
        for (size_t q = 0; q < c; q++) gi[q] += om * wj[q] * Q[q];
      }
    }
    for (size_t p = 0; p < N; p++) W->gw[idx[p]] += W->subw * W->gp[p];
  }
  /* Target term g_T = w* o Omega^{(x)l} (w* o w). */
  for (size_t f = 0; f < N; f++) W->gt[f] = W->wstar[f] * w[f];
  lt_kron_apply(B->omega, n, 1, l, W->gt, W->kt);
  for (size_t f = 0; f < N; f++) W->gt[f] *= W->wstar[f];
  const double h = 0.25 * (cblas_ddot((int) N, w, 1, W->gw, 1) - 2.0 * cblas_ddot((int) N, w, 1, W->gt, 1) + W->cstar);
  *loss = h;
  if (grad)
    for (size_t f = 0; f < N; f++) grad[f] = W->gw[f] - W->gt[f];
  return 0;
}

static int loss_grad_gram(const lt_base *B, lt_work *W, const double *w, double *loss, double *grad)
{
  const size_t n = W->n, l = W->l, N = W->N, n2 = n * n;
  for (size_t i = 0; i < N; i++)
    for (size_t j = 0; j < N; j++) W->E[i * N + j] = w[i] * w[j] - W->wstar[i] * W->wstar[j];
  memcpy(W->R, W->E, N * N * sizeof(double));
  /* Apply G to the index pair (i_s, j_s) of R, for every mode s. */
  for (size_t s = 0; s < l; s++) {
    const size_t si = ipow(n, l - 1 - s);
    for (size_t i = 0; i < N; i++) {
      if ((i / si) % n) continue;
      for (size_t j = 0; j < N; j++) {
        if ((j / si) % n) continue;
        for (size_t a = 0; a < n; a++)
          for (size_t c = 0; c < n; c++) W->v[a * n + c] = W->R[(i + a * si) * N + j + c * si];
        cblas_dgemv(CblasRowMajor, CblasNoTrans, (int) n2, (int) n2, 1.0, B->gram, (int) n2, W->v, 1,
                    0.0, W->v2, 1);
        for (size_t a = 0; a < n; a++)
          for (size_t c = 0; c < n; c++) W->R[(i + a * si) * N + j + c * si] = W->v2[a * n + c];
      }
    }
  }
  double h = 0;
  for (size_t f = 0; f < N * N; f++) h += W->E[f] * W->R[f];
  *loss = 0.25 * h;
  if (grad)
    cblas_dgemv(CblasRowMajor, CblasNoTrans, (int) N, (int) N, 1.0, W->R, (int) N, w, 1, 0.0, grad, 1);
  return 0;
}

int lt_loss_grad(const lt_base *B, lt_work *W, const double *w, double *loss, double *grad)
{
  if (B->n != W->n || B->kind != W->kind) GSL_ERROR("lt_loss_grad: workspace of another instance", GSL_EBADLEN);
  int rc = B->kind == LT_MASK ? loss_grad_mask(B, W, w, loss, grad) : loss_grad_gram(B, W, w, loss, grad);
  if (rc) return rc;
  return isfinite(*loss) ? 0 : GSL_ERUNAWAY;
}

double lt_loss_factored(const lt_base *B, size_t l, const double *x)
{
  const size_t n = B->n, m = B->m, n2 = n * n;
  double *meas = malloc(m * sizeof(double));
  if (!meas) return NAN;
  for (size_t i = 0; i < m; i++) {
    double s = 0;
    for (size_t a = 0; a < n; a++)
      for (size_t c = 0; c < n; c++) s += x[a] * B->A[i * n2 + a * n + c] * x[c];
    meas[i] = s;
  }
  size_t k[8] = { 0 };
  double h = 0;
  for (;;) {
    double pm = 1, pb = 1;
    for (size_t s = 0; s < l; s++) { pm *= meas[k[s]]; pb *= B->b[k[s]]; }
    h += (pm - pb) * (pm - pb);
    size_t s = l;
    while (s-- > 0) {
      if (++k[s] < m) break;
      k[s] = 0;
    }
    if (s == (size_t) -1) break;
  }
  free(meas);
  return 0.25 * h;
}

/* ---- rank-1 read-out -------------------------------------------------------------------------- */
/* out = T(u) = ws contracted with u on modes 1..l-1 (ws symmetric, in W->ws). */
static void contract(lt_work *W, size_t l, const double *u, double *out)
{
  const size_t n = W->n;
  const double *src = W->ws;
  double *bufs[2] = { W->c1, W->c2 };
  size_t len = ipow(n, l), b = 0;
  for (size_t s = l; s > 1; s--) {
    double *dst = (s == 2) ? out : bufs[b];
    cblas_dgemv(CblasRowMajor, CblasNoTrans, (int) (len / n), (int) n, 1.0, src, (int) n, u, 1, 0.0, dst, 1);
    src = dst;
    len /= n;
    b ^= 1u;
  }
  if (l == 1) memcpy(out, W->ws, n * sizeof(double));
}

int lt_rank1(const double *w, size_t n, size_t l, double *lambda, double *u, lt_work *W)
{
  if (n != W->n || l != W->l) GSL_ERROR("lt_rank1: workspace of another shape", GSL_EBADLEN);
  const size_t N = W->N;
  if (l == 1) {
    const double nw = cblas_dnrm2((int) n, w, 1);
    *lambda = nw;
    for (size_t a = 0; a < n; a++) u[a] = nw > 0 ? w[a] / nw : (a == 0);
    return 0;
  }
  /* Symmetric part of w (iterates of perturbed GD are not exactly symmetric). */
  size_t perm[8];
  for (size_t s = 0; s < l; s++) perm[s] = s;
  double nperm = 1;
  for (size_t s = 2; s <= l; s++) nperm *= (double) s;
  memset(W->ws, 0, N * sizeof(double));
  do permute_acc(w, n, l, perm, W->ws, 1.0 / nperm); while (next_perm(perm, l));
  /* Start 0: top eigenvector of the mode-0 unfolding's Gram matrix; starts 1..n: e_a. */
  cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, (int) n, (int) n, (int) (N / n), 1.0, W->ws,
              (int) (N / n), W->ws, (int) (N / n), 0.0, W->Sm->data, (int) W->Sm->tda);
  int rc = la_sym_eig(W->Sm, W->ev, W->Ev, W->la);
  if (rc) return rc;
  double best = -1;
  *lambda = 0;
  for (size_t st = 0; st <= n; st++) {
    for (size_t a = 0; a < n; a++) W->u[a] = st == 0 ? gsl_matrix_get(W->Ev, a, 0) : (a + 1 == st);
    for (int it = 0; it < 500; it++) {
      contract(W, l, W->u, W->un);
      const double nu = cblas_dnrm2((int) n, W->un, 1);
      if (!(nu > 0)) break;
      cblas_dscal((int) n, 1.0 / nu, W->un, 1);
      const double cosang = fabs(cblas_ddot((int) n, W->un, 1, W->u, 1));
      memcpy(W->u, W->un, n * sizeof(double));
      if (cosang > 1.0 - 1e-15) break;
    }
    contract(W, l, W->u, W->un);
    const double lam = cblas_ddot((int) n, W->un, 1, W->u, 1);
    if (!isfinite(lam)) return GSL_ERUNAWAY;
    if (fabs(lam) > best) {
      best = fabs(lam);
      *lambda = lam;
      memcpy(u, W->u, n * sizeof(double));
    }
  }
  return 0;
}

int lt_readout(const lt_base *B, lt_work *W, const double *w, double *x, double *dist)
{
  const size_t n = B->n, l = W->l;
  double lam, *u = W->kb;   /* kb is free here (used only by lt_kappa) */
  int rc = lt_rank1(w, n, l, &lam, u, W);
  if (rc) return rc;
  const double scale = (lam < 0 ? -1.0 : 1.0) * pow(fabs(lam), 1.0 / (double) l);
  for (size_t a = 0; a < n; a++) x[a] = scale * u[a];
  if (dist) {
    double s = 0;
    for (size_t a = 0; a < n; a++)
      for (size_t c = 0; c < n; c++) {
        const double e = x[a] * x[c] - B->z[a] * B->z[c];
        s += e * e;
      }
    *dist = sqrt(s);
  }
  return 0;
}

int lt_kappa(const double *w, size_t n, size_t l, const double *v, double *kappa, lt_work *W)
{
  if (n != W->n || l != W->l) GSL_ERROR("lt_kappa: workspace of another shape", GSL_EBADLEN);
  const size_t N = W->N;
  /* numerator: spectral norm (symmetric) of P^{(x)l} w, P = I - v v^T */
  for (size_t a = 0; a < n; a++)
    for (size_t c = 0; c < n; c++) W->Pm[a * n + c] = (a == c) - v[a] * v[c];
  memcpy(W->kb, w, N * sizeof(double));
  lt_kron_apply(W->Pm, n, 1, l, W->kb, W->kt);
  double lam, u[64];
  if (n > 64) GSL_ERROR("lt_kappa: n <= 64", GSL_EINVAL);
  int rc = lt_rank1(W->kb, n, l, &lam, u, W);
  if (rc) return rc;
  /* denominator: <w, v^{(x)l}> */
  lt_power(v, n, l, W->kt);
  const double den = cblas_ddot((int) N, w, 1, W->kt, 1);
  *kappa = fabs(lam) / fabs(den);
  return 0;
}

void lt_init(double *w, const double *x0, size_t n, size_t l, double eps)
{
  lt_power(x0, n, l, w);
  const size_t N = ipow(n, l);
  const double s = eps / pow((double) n, 0.5 * (double) l);
  for (size_t f = 0; f < N; f++) w[f] *= s;
}
