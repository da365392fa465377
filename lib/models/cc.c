/* cc.c -- convex clustering: weights, the edge operator and the ADMM step; see cc.h. */
#include "models/cc.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_errno.h>
#include <omp.h>
#include <suitesparse/cholmod.h>
#include "core/uf.h"
#include "models/cc_ldl.h"

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

/* The sparse solver factors with CHOLMOD (simplicial LDL') but solves with cc_ldl.h, whose
 * results are CHOLMOD's bit for bit: the right-hand sides live in f->y as nb = ceil(p / 4) groups
 * of 4 columns, each an n x 4 block in row form with the rows permuted (entry (i, c) at
 * y[(c / 4) n 4 + iperm[i] 4 + c % 4]), the groups CHOLMOD itself would solve. */
struct cc_factor {
  cc_solver kind;
  size_t n, p, nb;
  cholmod_common cm;
  cholmod_factor *L;
  cc_ldl *ldl;
  double *y;                  /* nb blocks of n x 4 */
  double *xp;                 /* X in the same layout (read as one stream by each step) */
  int *eki, *ekj;             /* edge l joins permuted rows eki[l], ekj[l] */
  double *a;                  /* dense: the Cholesky factor, n x n */
};

static void factor_free(cc_factor *f)
{
  if (!f) return;
  if (f->kind == CC_SOLVER_CHOLMOD) {
    cholmod_free_factor(&f->L, &f->cm);
    cholmod_finish(&f->cm);
  }
  cc_ldl_free(f->ldl);
  free(f->y); free(f->xp); free(f->eki); free(f->ekj);
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
  cholmod_sparse *A = cc_ldl_system(g, rho, &f->cm);
  if (!A) { factor_free(f); return NULL; }
  f->L = cholmod_analyze(A, &f->cm);
  int ok = f->L && cholmod_factorize(A, f->L, &f->cm) && f->cm.status == CHOLMOD_OK;
  cholmod_free_sparse(&A, &f->cm);
  if (!ok) { fprintf(stderr, "cholmod factorization failed\n"); factor_free(f); return NULL; }
  const cholmod_factor *L = f->L;
  if (L->is_super || L->is_ll || L->itype != CHOLMOD_INT) {   /* what cc_ldl.h reads */
    fprintf(stderr, "cholmod: expected a simplicial LDL' factor\n");
    factor_free(f);
    return NULL;
  }
  f->ldl = cc_ldl_make(n, L->p, L->nz, L->i, L->x, L->Perm);   /* NULL Perm: identity */
  f->nb = (p + 3) / 4;
  f->y = malloc((f->nb * n * 4 + 1) * sizeof *f->y);
  f->eki = malloc((ne + 1) * sizeof *f->eki); f->ekj = malloc((ne + 1) * sizeof *f->ekj);
  if (!f->ldl || !f->y || !f->eki || !f->ekj) { factor_free(f); return NULL; }
  for (size_t e = 0; e < ne; e++) { f->eki[e] = f->ldl->iperm[g->ei[e]]; f->ekj[e] = f->ldl->iperm[g->ej[e]]; }
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
  const size_t n = f->n, p = a->p;
  const int *perm = f->ldl->perm;
  for (size_t bb = 0; bb < f->nb; bb++) {
    double *yb = f->y + bb * n * 4;
    const size_t c0 = 4 * bb, w = p - c0 < 4 ? p - c0 : 4;
    for (size_t c = 0; c < w; c++)
      for (size_t k = 0; k < n; k++) yb[k * 4 + c] = b[(c0 + c) * n + (size_t) perm[k]];
    cc_ldl_solve4(f->ldl, yb, w);
    for (size_t c = 0; c < w; c++)
      for (size_t k = 0; k < n; k++) b[(c0 + c) * n + (size_t) perm[k]] = yb[k * 4 + c];
  }
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
  a->threads = 1;
  a->keep_vz = 1;
  a->f = factor_alloc(g, p, rho, solver);
  if (a->f && solver == CC_SOLVER_CHOLMOD) {   /* X, permuted, in groups of 4 columns (0 past p) */
    cc_factor *f = a->f;
    f->xp = calloc(f->nb * n * 4 + 1, sizeof *f->xp);
    if (f->xp)
      for (size_t c = 0; c < p; c++)
        for (size_t k = 0; k < n; k++) f->xp[((c / 4) * n + k) * 4 + c % 4] = x[c * n + (size_t) f->ldl->perm[k]];
  }
  if (!a->u || !a->rhs || !a->v || !a->z || !a->t || !a->vnorm || !a->scale || !a->f ||
      (solver == CC_SOLVER_CHOLMOD && !a->f->xp)) { cc_admm_free(a); return NULL; }
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
  /* the same V and Z as T and scales (V = s T, Z = T - V): T = 2 D X, s = 1/2, exact */
  for (size_t q = 0; q < a->ne * a->p; q++) a->t[q] = 2 * a->v[q];
  for (size_t l = 0; l < a->ne; l++) { a->vnorm[l] = INFINITY; a->scale[l] = 0.5; }   /* nothing fused yet */
}

void cc_admm_vz(cc_admm *a)
{
  const size_t ne = a->ne;
  for (size_t c = 0; c < a->p; c++) {
    const double *tc = a->t + c * ne;
    double *vc = a->v + c * ne, *zc = a->z + c * ne;
    for (size_t l = 0; l < ne; l++) {
      vc[l] = a->scale[l] * tc[l];
      zc[l] = tc[l] - vc[l];
    }
  }
}

/* Missing data: the majorizer's data matrix, P_obs(X) + P_miss(U), in rhs (which holds X). */
static void fill_missing(cc_admm *a)
{
  for (size_t q = 0; q < a->n * a->p; q++)
    if (!a->observed[q]) a->rhs[q] = a->u[q];
}

/* The step with the dense solver (column-major right-hand sides through dpotrs), as first written. */
static int step_dense(cc_admm *a, double gamma)
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

/* ---- the sparse step: groups of 4 columns, then edges ------------------------------------------ */

/* Two doubles as one SSE2 register (GCC's vector extension): elementwise IEEE operations, so each
 * lane computes exactly what the scalar expression computes. */
typedef double v2 __attribute__((vector_size(16)));

/* Group bb (columns c0 .. c0 + w - 1): its right-hand side X + rho D^T (V - Z) built in place
 * (each entry receives X, then its edge terms in edge order, as in step_dense; V and Z formed from
 * T and the scales exactly as cc_admm_vz forms them). */
static void group_rhs(cc_admm *a, size_t bb)
{
  cc_factor *f = a->f;
  const size_t n = a->n, p = a->p, ne = a->ne, c0 = 4 * bb, w = p - c0 < 4 ? p - c0 : 4;
  const int *perm = f->ldl->perm, *eki = f->eki, *ekj = f->ekj;
  const double rho = a->rho, *sc = a->scale;
  double *restrict yb = f->y + bb * n * 4;
  memcpy(yb, f->xp + bb * n * 4, n * 4 * sizeof *yb);
  if (a->observed)   /* the majorizer's data: missing cells filled with the current U */
    for (size_t c = 0; c < w; c++) {
      const unsigned char *oc = a->observed + (c0 + c) * n;
      const double *uc = a->u + (c0 + c) * n;
      for (size_t k = 0; k < n; k++)
        if (!oc[perm[k]]) yb[k * 4 + c] = uc[perm[k]];
    }
  double *t0 = a->t + c0 * ne;
  if (w == 4) {
    /* Edges come in runs with the same first end i (lexicographic order): row i takes only the
     * run's "+ d" terms meanwhile (a second end j > i is never i), so it stays in registers and
     * receives the same terms in the same order. */
    for (size_t l = 0; l < ne;) {
      const int ki = eki[l];
      double *ri = yb + 4 * (size_t) ki;
      v2 r01, r23;   /* columns (0, 1) and (2, 3) of row i: SSE2 pairs, elementwise IEEE */
      memcpy(&r01, ri, sizeof r01); memcpy(&r23, ri + 2, sizeof r23);
      for (; l < ne && eki[l] == ki; l++) {
        double *rj = yb + 4 * (size_t) ekj[l];
        const double *tl = t0 + l;
        const v2 s = { sc[l], sc[l] }, u01 = { tl[0], tl[ne] }, u23 = { tl[2 * ne], tl[3 * ne] };
        const v2 v01 = s * u01, v23 = s * u23;
        const v2 d01 = rho * (v01 - (u01 - v01)), d23 = rho * (v23 - (u23 - v23));
        r01 += d01; r23 += d23;
        v2 j01, j23;
        memcpy(&j01, rj, sizeof j01); memcpy(&j23, rj + 2, sizeof j23);
        j01 -= d01; j23 -= d23;
        memcpy(rj, &j01, sizeof j01); memcpy(rj + 2, &j23, sizeof j23);
      }
      memcpy(ri, &r01, sizeof r01); memcpy(ri + 2, &r23, sizeof r23);
    }
  } else
    for (size_t l = 0; l < ne; l++) {
      double *ri = yb + 4 * (size_t) eki[l], *rj = yb + 4 * (size_t) ekj[l];
      const double s = sc[l];
      for (size_t c = 0; c < w; c++) {
        const double t = t0[c * ne + l], v = s * t, z = t - v, d = rho * (v - z);
        ri[c] += d; rj[c] -= d;
      }
    }
}

/* Group bb once solved: U for its columns, and T <- D U + Z.  When q is not NULL, q[l] += T_lc^2
 * for its columns in column order (the norms of a one-thread step, whose groups run in order).
 * Returns 1 when an entry of U is not finite. */
static int group_finish(cc_admm *a, size_t bb, double *q)
{
  cc_factor *f = a->f;
  const size_t n = a->n, p = a->p, ne = a->ne, c0 = 4 * bb, w = p - c0 < 4 ? p - c0 : 4;
  const int *iperm = f->ldl->iperm, *eki = f->eki, *ekj = f->ekj;
  const double *sc = a->scale;
  const double *yb = f->y + bb * n * 4;
  double *t0 = a->t + c0 * ne;
  int bad = 0;
  for (size_t c = 0; c < w; c++) {
    double *uc = a->u + (c0 + c) * n;
    for (size_t i = 0; i < n; i++) {
      const double y = yb[4 * (size_t) iperm[i] + c];
      bad |= !isfinite(y);
      uc[i] = y;
    }
  }
  /* T <- D U + Z, Z = T - scale T; the norms' squares in column order */
  if (w == 4) {
    for (size_t l = 0; l < ne; l++) {
      const double *yi = yb + 4 * (size_t) eki[l], *yj = yb + 4 * (size_t) ekj[l];
      double *tl = t0 + l;
      v2 i01, i23, j01, j23;
      memcpy(&i01, yi, sizeof i01); memcpy(&i23, yi + 2, sizeof i23);
      memcpy(&j01, yj, sizeof j01); memcpy(&j23, yj + 2, sizeof j23);
      const v2 s = { sc[l], sc[l] }, t01 = { tl[0], tl[ne] }, t23 = { tl[2 * ne], tl[3 * ne] };
      const v2 n01 = i01 - j01 + (t01 - s * t01), n23 = i23 - j23 + (t23 - s * t23);
      tl[0] = n01[0]; tl[ne] = n01[1]; tl[2 * ne] = n23[0]; tl[3 * ne] = n23[1];
      if (q) {
        const v2 s01 = n01 * n01, s23 = n23 * n23;
        double acc = q[l];
        acc += s01[0]; acc += s01[1]; acc += s23[0]; acc += s23[1];
        q[l] = acc;
      }
    }
    return bad;
  }
  for (size_t l = 0; l < ne; l++) {
    const double *yi = yb + 4 * (size_t) eki[l], *yj = yb + 4 * (size_t) ekj[l];
    const double s = sc[l];
    double *tl = t0 + l, acc = q ? q[l] : 0;
    for (size_t c = 0; c < w; c++) {
      const double t = tl[c * ne], tn = yi[c] - yj[c] + (t - s * t);
      tl[c * ne] = tn;
      acc += tn * tn;
    }
    if (q) q[l] = acc;
  }
  return bad;
}

/* Groups [b0, b1) in order, each while it is in cache. */
static int groups_solve(cc_admm *a, size_t b0, size_t b1, double *q)
{
  cc_factor *f = a->f;
  const size_t n = a->n, p = a->p;
  int bad = 0;
  for (size_t bb = b0; bb < b1; bb++) {
    group_rhs(a, bb);
    cc_ldl_solve4(f->ldl, f->y + bb * n * 4, p - 4 * bb < 4 ? p - 4 * bb : 4);
    bad |= group_finish(a, bb, q);
  }
  return bad;
}

/* Edges [l0, l1): ||T_l|| (the sum over columns in column order, as in step_dense; taken from
 * vnorm when the groups summed it already), the group soft-threshold, and V and Z when kept; in
 * blocks of EB edges so that a block of T is read once from memory. */
#define EB 32
static void edges_threshold(cc_admm *a, double gamma, size_t l0, size_t l1, int summed)
{
  const size_t p = a->p, ne = a->ne;
  const double rho = a->rho, *w = a->g->w;
  for (size_t b0 = l0; b0 < l1; b0 += EB) {
    const size_t m = l1 - b0 < EB ? l1 - b0 : EB;
    double q[EB];
    if (summed)
      for (size_t e = 0; e < m; e++) q[e] = a->vnorm[b0 + e];
    else {
      for (size_t e = 0; e < m; e++) q[e] = 0;
      for (size_t c = 0; c < p; c++) {
        const double *tc = a->t + c * ne + b0;
        for (size_t e = 0; e < m; e++) q[e] += tc[e] * tc[e];
      }
    }
    for (size_t e = 0; e < m; e++) {   /* the scale is exactly 0 once gamma w_l >= rho ||T_l|| */
      const double nrm = sqrt(q[e]);
      const double s = nrm > 0 ? fmax(0.0, 1.0 - gamma * w[b0 + e] / (rho * nrm)) : 0.0;
      a->vnorm[b0 + e] = s * nrm;
      a->scale[b0 + e] = s;
    }
    if (!a->keep_vz) continue;
    const double *sc = a->scale + b0;
    for (size_t c = 0; c < p; c++) {
      const double *tc = a->t + c * ne + b0;
      double *vc = a->v + c * ne + b0, *zc = a->z + c * ne + b0;
      for (size_t e = 0; e < m; e++) {
        vc[e] = sc[e] * tc[e];
        zc[e] = tc[e] - vc[e];
      }
    }
  }
}

/* Thread k of nt: its share [lo, hi) of m items, contiguous, in thread order (a fixed partition;
 * nothing computed depends on it). */
static void share(size_t m, int k, int nt, size_t *lo, size_t *hi)
{
  *lo = m * (size_t) k / (size_t) nt;
  *hi = m * (size_t) (k + 1) / (size_t) nt;
}

int cc_admm_step(cc_admm *a, double gamma)
{
  if (a->f->kind == CC_SOLVER_DENSE) return step_dense(a, gamma);
  const size_t nb = a->f->nb, ne = a->ne;
  int bad = 0;
  if (a->threads <= 1) {   /* the groups in order: they sum the norms on the way */
    for (size_t l = 0; l < ne; l++) a->vnorm[l] = 0;
    bad = groups_solve(a, 0, nb, a->vnorm);
    if (bad) return GSL_ERUNAWAY;
    edges_threshold(a, gamma, 0, ne, 1);
    return 0;
  }
  /* Groups of columns, then (after the barrier) blocks of edges, split among the threads; every
   * entry is computed by the same operations whatever the split, so the bits do not depend on the
   * thread count. */
  #pragma omp parallel num_threads(a->threads) reduction(|:bad)
  {
    const int k = omp_get_thread_num(), nt = omp_get_num_threads();
    size_t lo, hi;
    share(nb, k, nt, &lo, &hi);
    bad |= groups_solve(a, lo, hi, NULL);
    #pragma omp barrier
    share((ne + EB - 1) / EB, k, nt, &lo, &hi);
    if (lo < hi) edges_threshold(a, gamma, lo * EB, hi * EB < ne ? hi * EB : ne, 0);
  }
  return bad ? GSL_ERUNAWAY : 0;
}

size_t cc_admm_state_size(const cc_admm *a) { return (a->n + a->ne) * a->p + 2 * a->ne; }

/* The state is U, T, the scales and the norms: V and Z follow from T and the scales. */
void cc_admm_save(const cc_admm *a, double *buf)
{
  const size_t np = a->n * a->p, ep = a->ne * a->p;
  memcpy(buf, a->u, np * sizeof *buf);
  memcpy(buf + np, a->t, ep * sizeof *buf);
  memcpy(buf + np + ep, a->scale, a->ne * sizeof *buf);
  memcpy(buf + np + ep + a->ne, a->vnorm, a->ne * sizeof *buf);
}

void cc_admm_restore(cc_admm *a, const double *buf)
{
  const size_t np = a->n * a->p, ep = a->ne * a->p;
  memcpy(a->u, buf, np * sizeof *buf);
  memcpy(a->t, buf + np, ep * sizeof *buf);
  memcpy(a->scale, buf + np + ep, a->ne * sizeof *buf);
  memcpy(a->vnorm, buf + np + ep + a->ne, a->ne * sizeof *buf);
  if (a->keep_vz || a->f->kind == CC_SOLVER_DENSE) cc_admm_vz(a);
}
