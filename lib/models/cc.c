/* cc.c -- convex clustering: weights, the edge operator and the ADMM step; see cc.h. */
#include "models/cc.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_errno.h>
#include <suitesparse/cholmod.h>
#include "core/uf.h"

/* LAPACK (Fortran symbols from OpenBLAS). */
extern void dpotrf_(const char *uplo, const int *n, double *a, const int *lda, int *info);
extern void dpotrs_(const char *uplo, const int *n, const int *nrhs, const double *a,
                    const int *lda, double *b, const int *ldb, int *info);

/* ---- weights -------------------------------------------------------------------------------- */

double *cc_colmajor(const double *x, size_t n, size_t p)
{
  double *y = malloc((n > 0 && p > 0 ? n * p : 1) * sizeof *y);
  if (!y) return NULL;
  for (size_t i = 0; i < n; i++)
    for (size_t c = 0; c < p; c++) y[c * n + i] = x[i * p + c];
  return y;
}

void cc_center(double *x, size_t n, size_t p)
{
  for (size_t c = 0; c < p; c++) {
    double m = 0;
    for (size_t i = 0; i < n; i++) m += x[c * n + i];
    m /= (double) n;
    for (size_t i = 0; i < n; i++) x[c * n + i] -= m;
  }
}

void cc_sqdist(const double *x, size_t n, size_t p, double *d2)
{
  memset(d2, 0, n * n * sizeof *d2);
  for (size_t c = 0; c < p; c++) {
    const double *xc = x + c * n;
    for (size_t i = 0; i < n; i++)
      for (size_t j = i + 1; j < n; j++) {
        double d = xc[i] - xc[j];
        d2[i * n + j] += d * d;
      }
  }
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++) d2[j * n + i] = d2[i * n + j];
}

double cc_choose_phi(const double *d2, size_t m)
{
  double best_phi = NAN, best_var = -1;
  for (int e = -10; e <= 10; e++) {
    const double phi = pow(10.0, e);
    double mean = 0, m2 = 0;   /* Welford: the variance of many values near 0 or 1 */
    for (size_t q = 0; q < m; q++) {
      const double w = exp(-phi * d2[q]), dlt = w - mean;
      mean += dlt / (double) (q + 1);
      m2 += dlt * (w - mean);
    }
    const double var = m > 1 ? m2 / (double) (m - 1) : 0;
    if (var > best_var) { best_var = var; best_phi = phi; }
  }
  return best_phi;
}

static int descending(const void *a, const void *b)
{
  const double x = *(const double *) a, y = *(const double *) b;
  return x > y ? -1 : x < y;
}

/* kth[i] = the k-th largest entry of row i of the weight matrix w (zero diagonal included, as in
 * the package, which takes the k-th largest of each column of the full matrix).  sorted: n x n
 * scratch holding each row in decreasing order, filled once (when fill is set). */
static void kth_largest(const double *w, size_t n, size_t k, double *sorted, int fill, double *kth)
{
  for (size_t i = 0; i < n; i++) {
    double *row = sorted + i * n;
    if (fill) {
      memcpy(row, w + i * n, n * sizeof *row);
      qsort(row, n, sizeof *row, descending);
    }
    kth[i] = row[k - 1];
  }
}

/* mask = symmetrised (w_ij >= kth[i]) and w_ij > 0: ties at the boundary are all kept. */
static void mask_from_kth(const double *w, size_t n, const double *kth, unsigned char *mask)
{
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < n; j++) mask[i * n + j] = i != j && w[i * n + j] > 0 && w[i * n + j] >= kth[i];
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++) mask[i * n + j] = mask[j * n + i] = mask[i * n + j] | mask[j * n + i];
}

void cc_knn_mask(const double *w, size_t n, size_t k, unsigned char *mask)
{
  memset(mask, 0, n * n);
  double *sorted = malloc(n * n * sizeof *sorted), *kth = malloc(n * sizeof *kth);
  if (sorted && kth && k >= 1 && k < n) {
    kth_largest(w, n, k, sorted, 1, kth);
    mask_from_kth(w, n, kth, mask);
  }
  free(sorted);
  free(kth);
}

int cc_connected(const unsigned char *mask, size_t n)
{
  size_t *parent = malloc(n * sizeof *parent), *size = malloc(n * sizeof *size), comps = n;
  if (!parent || !size) { free(parent); free(size); return 0; }
  uf_init(parent, size, n);
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++)
      if (mask[i * n + j]) comps -= (size_t) uf_union(parent, size, i, j);
  free(parent);
  free(size);
  return comps == 1;
}

cc_graph *cc_graph_make(size_t n, size_t ne, const size_t *ei, const size_t *ej, const double *w)
{
  cc_graph *g = calloc(1, sizeof *g);
  if (!g) return NULL;
  g->n = n;
  g->ne = ne;
  g->ei = malloc((ne ? ne : 1) * sizeof(size_t));
  g->ej = malloc((ne ? ne : 1) * sizeof(size_t));
  g->w = malloc((ne ? ne : 1) * sizeof(double));
  if (!g->ei || !g->ej || !g->w) { cc_graph_free(g); return NULL; }
  for (size_t l = 0; l < ne; l++) {
    if (!(ei[l] < ej[l] && ej[l] < n)) { cc_graph_free(g); GSL_ERROR_NULL("edge needs i < j < n", GSL_EINVAL); }
    g->ei[l] = ei[l]; g->ej[l] = ej[l]; g->w[l] = w[l];
  }
  g->phi = NAN;
  return g;
}

void cc_graph_free(cc_graph *g)
{
  if (!g) return;
  free(g->ei); free(g->ej); free(g->w); free(g);
}

cc_graph *cc_weights(const double *x, size_t n, size_t p)
{
  if (n < 2) GSL_ERROR_NULL("need at least two points", GSL_EINVAL);
  cc_graph *g = NULL;
  const int rc = cc_weights_opt(x, n, p, 0, 0, &g, NULL);
  if (rc == GSL_EINVAL) fprintf(stderr, "cc_weights: no k gives a connected nearest-neighbour graph\n");
  return g;
}

int cc_weights_opt(const double *x, size_t n, size_t p, double phi_given, size_t k_given, cc_graph **out,
                   size_t *kmin)
{
  *out = NULL;
  if (kmin) *kmin = 0;
  if (n < 2 || !isfinite(phi_given)) return GSL_EINVAL;
  const size_t m = n * (n - 1) / 2;
  double *d2 = malloc(n * n * sizeof *d2), *pairs = calloc(m, sizeof *pairs);   /* calloc: quiets gcc -Wmaybe-uninitialized */
  double *sorted = malloc(n * n * sizeof *sorted), *kth = malloc(n * sizeof *kth);
  unsigned char *mask = calloc(n * n, 1);
  cc_graph *g = NULL;
  int rc = GSL_ENOMEM;
  if (!d2 || !pairs || !sorted || !kth || !mask) goto done;
  cc_sqdist(x, n, p, d2);
  double phi = phi_given;
  if (!(phi > 0)) {
    for (size_t i = 0, q = 0; i < n; i++)
      for (size_t j = i + 1; j < n; j++) pairs[q++] = d2[i * n + j];
    phi = cc_choose_phi(pairs, m);
  }
  for (size_t q = 0; q < n * n; q++) d2[q] = exp(-phi * d2[q]);   /* d2 now holds the weights */
  for (size_t i = 0; i < n; i++) d2[i * n + i] = 0;
  size_t k = 1;
  for (;; k++) {
    if (k >= n) {   /* no k connects the graph */
      rc = GSL_EINVAL;
      goto done;
    }
    kth_largest(d2, n, k, sorted, k == 1, kth);
    mask_from_kth(d2, n, kth, mask);
    if (cc_connected(mask, n)) break;
  }
  if (kmin) *kmin = k;
  if (k_given >= 1) {   /* a given k: its graph, which must be connected as well */
    if (k_given > k) {
      kth_largest(d2, n, k_given < n ? k_given : n - 1, sorted, 0, kth);
      mask_from_kth(d2, n, kth, mask);
    } else if (k_given < k) {
      rc = GSL_EINVAL;
      goto done;
    }
    k = k_given;
  }
  size_t ne = 0;
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++) ne += mask[i * n + j];
  g = calloc(1, sizeof *g);
  if (!g) goto done;
  g->n = n; g->ne = ne; g->phi = phi; g->k = k;
  g->ei = malloc(ne * sizeof(size_t)); g->ej = malloc(ne * sizeof(size_t));
  g->w = malloc(ne * sizeof(double));
  if (!g->ei || !g->ej || !g->w) { cc_graph_free(g); g = NULL; goto done; }
  rc = 0;
  for (size_t i = 0, l = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++)
      if (mask[i * n + j]) {
        g->ei[l] = i; g->ej[l] = j; g->w[l] = d2[i * n + j];
        l++;
      }
done:
  free(d2); free(pairs); free(sorted); free(kth); free(mask);
  *out = g;
  return rc;
}

/* ---- the difference operator ------------------------------------------------------------------ */

void cc_diff(const cc_graph *g, size_t p, const double *u, double *out)
{
  const size_t n = g->n, ne = g->ne;
  for (size_t c = 0; c < p; c++) {
    const double *uc = u + c * n;
    double *oc = out + c * ne;
    for (size_t l = 0; l < ne; l++) oc[l] = uc[g->ei[l]] - uc[g->ej[l]];
  }
}

void cc_diff_t(const cc_graph *g, size_t p, const double *v, double *out)
{
  const size_t n = g->n, ne = g->ne;
  memset(out, 0, n * p * sizeof *out);
  for (size_t c = 0; c < p; c++) {
    const double *vc = v + c * ne;
    double *oc = out + c * n;
    for (size_t l = 0; l < ne; l++) { oc[g->ei[l]] += vc[l]; oc[g->ej[l]] -= vc[l]; }
  }
}

void cc_diff_cols(const cc_graph *g, size_t m, const double *u, double *out)
{
  for (size_t l = 0; l < g->ne; l++) {
    const double *ui = u + g->ei[l] * m, *uj = u + g->ej[l] * m;
    double *ol = out + l * m;
    for (size_t r = 0; r < m; r++) ol[r] = ui[r] - uj[r];
  }
}

void cc_diff_cols_t(const cc_graph *g, size_t m, const double *v, double *out)
{
  memset(out, 0, g->n * m * sizeof *out);
  for (size_t l = 0; l < g->ne; l++) {
    const double *vl = v + l * m;
    double *oi = out + g->ei[l] * m, *oj = out + g->ej[l] * m;
    for (size_t r = 0; r < m; r++) { oi[r] += vl[r]; oj[r] -= vl[r]; }
  }
}

/* ---- the factorization of I + rho D^T D -------------------------------------------------------- */

struct cc_factor {
  cc_solver kind;
  size_t n, p;
  cholmod_common cm;
  cholmod_factor *L;
  cholmod_dense *X, *Y, *E;   /* cholmod_solve2's reusable workspace */
  double *a;                  /* dense: the Cholesky factor, n x n */
};

static void factor_free(cc_factor *f)
{
  if (!f) return;
  if (f->kind == CC_SOLVER_CHOLMOD) {
    cholmod_free_factor(&f->L, &f->cm);
    cholmod_free_dense(&f->X, &f->cm);
    cholmod_free_dense(&f->Y, &f->cm);
    cholmod_free_dense(&f->E, &f->cm);
    cholmod_finish(&f->cm);
  }
  free(f->a);
  free(f);
}

static cc_factor *factor_alloc(const cc_graph *g, size_t p, double rho, cc_solver kind)
{
  const size_t n = g->n, ne = g->ne;
  cc_factor *f = calloc(1, sizeof *f);
  if (!f) return NULL;
  f->kind = kind; f->n = n; f->p = p;
  if (kind == CC_SOLVER_DENSE) {
    f->a = calloc(n * n, sizeof *f->a);
    if (!f->a) { free(f); return NULL; }
    for (size_t i = 0; i < n; i++) f->a[i * n + i] = 1;
    for (size_t l = 0; l < ne; l++) {
      const size_t i = g->ei[l], j = g->ej[l];
      f->a[i * n + i] += rho; f->a[j * n + j] += rho;
      f->a[i * n + j] -= rho; f->a[j * n + i] -= rho;
    }
    int nn = (int) n, info = 0;
    dpotrf_("L", &nn, f->a, &nn, &info);
    if (info) { free(f->a); free(f); fprintf(stderr, "dpotrf failed (info %d)\n", info); return NULL; }
    return f;
  }
  cholmod_start(&f->cm);
  f->cm.print = 0;
  f->cm.supernodal = CHOLMOD_SIMPLICIAL;   /* a sparse Laplacian: no dense supernodes, no threads */
  /* Lower triangle, column-compressed: column i holds the diagonal then the edges (i, j), j > i. */
  size_t *deg = calloc(n, sizeof *deg);
  cholmod_sparse *A = deg ? cholmod_allocate_sparse(n, n, n + ne, 1, 1, -1, CHOLMOD_REAL, &f->cm) : NULL;
  if (!A) { free(deg); factor_free(f); return NULL; }
  for (size_t l = 0; l < ne; l++) { deg[g->ei[l]]++; deg[g->ej[l]]++; }
  int *Ap = A->p, *Ai = A->i;
  double *Ax = A->x;
  size_t q = 0, l = 0;
  for (size_t i = 0; i < n; i++) {
    Ap[i] = (int) q;
    Ai[q] = (int) i; Ax[q++] = 1 + rho * (double) deg[i];
    for (; l < ne && g->ei[l] == i; l++) { Ai[q] = (int) g->ej[l]; Ax[q++] = -rho; }
  }
  Ap[n] = (int) q;
  free(deg);
  f->L = cholmod_analyze(A, &f->cm);
  int ok = f->L && cholmod_factorize(A, f->L, &f->cm) && f->cm.status == CHOLMOD_OK;
  cholmod_free_sparse(&A, &f->cm);
  if (!ok) { fprintf(stderr, "cholmod factorization failed\n"); factor_free(f); return NULL; }
  return f;
}

int cc_admm_solve(cc_admm *a, double *b)
{
  cc_factor *f = a->f;
  if (f->kind == CC_SOLVER_DENSE) {
    int nn = (int) f->n, np = (int) a->p, info = 0;
    dpotrs_("L", &nn, &np, f->a, &nn, b, &nn, &info);
    return info ? GSL_EFAILED : 0;
  }
  cholmod_dense B = { 0 };
  B.nrow = f->n; B.ncol = a->p; B.nzmax = f->n * a->p; B.d = f->n; B.x = b;
  B.xtype = CHOLMOD_REAL; B.dtype = CHOLMOD_DOUBLE;
  if (!cholmod_solve2(CHOLMOD_A, f->L, &B, NULL, &f->X, NULL, &f->Y, &f->E, &f->cm))
    return GSL_EFAILED;
  memcpy(b, f->X->x, f->n * a->p * sizeof *b);
  return 0;
}

/* ---- ADMM ------------------------------------------------------------------------------------- */

cc_admm *cc_admm_alloc(const double *x, size_t n, size_t p, const cc_graph *g, double rho,
                       cc_solver solver)
{
  if (g->n != n || !(rho > 0)) GSL_ERROR_NULL("bad ADMM arguments", GSL_EINVAL);
  cc_admm *a = calloc(1, sizeof *a);
  if (!a) return NULL;
  const size_t ne = g->ne;
  a->n = n; a->p = p; a->ne = ne; a->g = g; a->rho = rho; a->x = x;
  a->u = malloc(n * p * sizeof(double)); a->rhs = malloc(n * p * sizeof(double));
  a->v = malloc(ne * p * sizeof(double)); a->z = malloc(ne * p * sizeof(double));
  a->t = malloc(ne * p * sizeof(double)); a->vnorm = malloc(ne * sizeof(double));
  a->scale = malloc((ne ? ne : 1) * sizeof(double));
  a->f = factor_alloc(g, p, rho, solver);
  if (!a->u || !a->rhs || !a->v || !a->z || !a->t || !a->vnorm || !a->scale || !a->f) { cc_admm_free(a); return NULL; }
  cc_admm_reset(a);
  return a;
}

void cc_admm_free(cc_admm *a)
{
  if (!a) return;
  factor_free(a->f);
  free(a->u); free(a->rhs); free(a->v); free(a->z); free(a->t); free(a->vnorm); free(a->scale);
  free(a);
}

void cc_admm_reset(cc_admm *a)
{
  memcpy(a->u, a->x, a->n * a->p * sizeof(double));
  cc_diff(a->g, a->p, a->x, a->v);
  memcpy(a->z, a->v, a->ne * a->p * sizeof(double));
  for (size_t l = 0; l < a->ne; l++) a->vnorm[l] = INFINITY;   /* nothing fused yet */
}

/* Missing data: the majorizer's data matrix, P_obs(X) + P_miss(U), in rhs (which holds X). */
static void fill_missing(cc_admm *a)
{
  for (size_t q = 0; q < a->n * a->p; q++)
    if (!a->observed[q]) a->rhs[q] = a->u[q];
}

int cc_admm_step(cc_admm *a, double gamma)
{
  const size_t n = a->n, p = a->p, ne = a->ne;
  const cc_graph *g = a->g;
  const double rho = a->rho;
  /* rhs = X + rho D^T (V - Z), from the edge list */
  memcpy(a->rhs, a->x, n * p * sizeof(double));
  if (a->observed) fill_missing(a);   /* taken only with a mask: complete data are untouched */
  /* Four columns per pass over the edges: each entry still receives its terms in edge order (the
   * same sums, bit for bit), but the four columns' read-modify-write chains overlap. */
  size_t c = 0;
  for (; c + 4 <= p; c += 4) {
    const double *v0 = a->v + c * ne, *z0 = a->z + c * ne;
    double *r0 = a->rhs + c * n;
    for (size_t l = 0; l < ne; l++) {
      const size_t i = g->ei[l], j = g->ej[l];
      const double d0 = rho * (v0[l] - z0[l]), d1 = rho * (v0[ne + l] - z0[ne + l]);
      const double d2 = rho * (v0[2 * ne + l] - z0[2 * ne + l]), d3 = rho * (v0[3 * ne + l] - z0[3 * ne + l]);
      r0[i] += d0; r0[j] -= d0;
      r0[n + i] += d1; r0[n + j] -= d1;
      r0[2 * n + i] += d2; r0[2 * n + j] -= d2;
      r0[3 * n + i] += d3; r0[3 * n + j] -= d3;
    }
  }
  for (; c < p; c++) {
    const double *vc = a->v + c * ne, *zc = a->z + c * ne;
    double *rc = a->rhs + c * n;
    for (size_t l = 0; l < ne; l++) {
      const double d = rho * (vc[l] - zc[l]);
      rc[g->ei[l]] += d; rc[g->ej[l]] -= d;
    }
  }
  int rc = cc_admm_solve(a, a->rhs);
  if (rc) return rc;
  double sum = 0;
  for (size_t q = 0; q < n * p; q++) sum += fabs(a->rhs[q]);
  if (!isfinite(sum)) return GSL_ERUNAWAY;
  memcpy(a->u, a->rhs, n * p * sizeof(double));
  /* T = D U + Z and its row norms */
  for (size_t l = 0; l < ne; l++) a->vnorm[l] = 0;
  for (c = 0; c + 4 <= p; c += 4) {   /* four columns per pass; each norm sums in column order */
    const double *u0 = a->u + c * n, *z0 = a->z + c * ne;
    double *t0 = a->t + c * ne;
    for (size_t l = 0; l < ne; l++) {
      const size_t i = g->ei[l], j = g->ej[l];
      const double s0 = u0[i] - u0[j] + z0[l], s1 = u0[n + i] - u0[n + j] + z0[ne + l];
      const double s2 = u0[2 * n + i] - u0[2 * n + j] + z0[2 * ne + l];
      const double s3 = u0[3 * n + i] - u0[3 * n + j] + z0[3 * ne + l];
      t0[l] = s0; t0[ne + l] = s1; t0[2 * ne + l] = s2; t0[3 * ne + l] = s3;
      double q = a->vnorm[l];
      q += s0 * s0; q += s1 * s1; q += s2 * s2; q += s3 * s3;
      a->vnorm[l] = q;
    }
  }
  for (; c < p; c++) {
    const double *uc = a->u + c * n, *zc = a->z + c * ne;
    double *tc = a->t + c * ne;
    for (size_t l = 0; l < ne; l++) {
      const double t = uc[g->ei[l]] - uc[g->ej[l]] + zc[l];
      tc[l] = t;
      a->vnorm[l] += t * t;
    }
  }
  /* group soft-threshold: the scale is exactly 0 once gamma w_l >= rho ||T_l|| */
  for (size_t l = 0; l < ne; l++) {
    const double nrm = sqrt(a->vnorm[l]);
    const double s = nrm > 0 ? fmax(0.0, 1.0 - gamma * g->w[l] / (rho * nrm)) : 0.0;
    a->vnorm[l] = s * nrm;
    a->scale[l] = s;
  }
  for (c = 0; c < p; c++) {
    const double *tc = a->t + c * ne;
    double *vc = a->v + c * ne, *zc = a->z + c * ne;
    for (size_t l = 0; l < ne; l++) {
      vc[l] = a->scale[l] * tc[l];
      zc[l] = tc[l] - vc[l];
    }
  }
  return 0;
}

size_t cc_admm_state_size(const cc_admm *a) { return (a->n + 2 * a->ne) * a->p + a->ne; }

void cc_admm_save(const cc_admm *a, double *buf)
{
  const size_t np = a->n * a->p, ep = a->ne * a->p;
  memcpy(buf, a->u, np * sizeof *buf);
  memcpy(buf + np, a->v, ep * sizeof *buf);
  memcpy(buf + np + ep, a->z, ep * sizeof *buf);
  memcpy(buf + np + 2 * ep, a->vnorm, a->ne * sizeof *buf);
}

void cc_admm_restore(cc_admm *a, const double *buf)
{
  const size_t np = a->n * a->p, ep = a->ne * a->p;
  memcpy(a->u, buf, np * sizeof *buf);
  memcpy(a->v, buf + np, ep * sizeof *buf);
  memcpy(a->z, buf + np + ep, ep * sizeof *buf);
  memcpy(a->vnorm, buf + np + 2 * ep, a->ne * sizeof *buf);
}
