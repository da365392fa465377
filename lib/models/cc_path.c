/* cc_path.c -- the paths of cc_path.h: CARP, CARP-VIZ, the exact path, and what is read off
 * them (clusters, dendrogram, ARI, Hausdorff distance).  The ADMM step itself is in cc.c. */
#include "models/cc_path.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_errno.h>
#include "core/uf.h"

cc_path *cc_path_alloc(size_t n, size_t p, size_t ne, int keep_u)
{
  cc_path *h = calloc(1, sizeof *h);
  if (!h) return NULL;
  h->n = n; h->p = p; h->ne = ne; h->keep_u = keep_u;
  h->fuse_at = malloc((ne ? ne : 1) * sizeof(size_t));
  h->fuse_key = malloc((ne ? ne : 1) * sizeof(double));
  h->key_prev = malloc((ne ? ne : 1) * sizeof(double));
  if (!h->fuse_at || !h->fuse_key || !h->key_prev) { cc_path_free(h); return NULL; }
  for (size_t l = 0; l < ne; l++) { h->fuse_at[l] = SIZE_MAX; h->fuse_key[l] = NAN; h->key_prev[l] = INFINITY; }
  h->gamma_end = NAN;
  return h;
}

void cc_path_free(cc_path *h)
{
  if (!h) return;
  free(h->gamma); free(h->step); free(h->nfused); free(h->u);
  free(h->fuse_at); free(h->fuse_key); free(h->key_prev);
  free(h);
}

void cc_path_clear(cc_path *h)
{
  h->nstore = 0; h->steps = 0; h->gamma_end = NAN; h->max_new = 0; h->max_new_ok = 0; h->tries_out = 0; h->capped = 0;
  for (size_t l = 0; l < h->ne; l++) { h->fuse_at[l] = SIZE_MAX; h->fuse_key[l] = NAN; h->key_prev[l] = INFINITY; }
}

static int path_grow(cc_path *h)
{
  if (h->nstore < h->cap) return 0;
  const size_t cap = h->cap ? 2 * h->cap : 256, np = h->n * h->p;
  double *gm = realloc(h->gamma, cap * sizeof *gm);
  if (gm) h->gamma = gm;
  size_t *st = realloc(h->step, cap * sizeof *st);
  if (st) h->step = st;
  size_t *nf = realloc(h->nfused, cap * sizeof *nf);
  if (nf) h->nfused = nf;
  if (!gm || !st || !nf) return GSL_ENOMEM;
  if (h->keep_u) {
    double *u = realloc(h->u, cap * np * sizeof *u);
    if (!u) return GSL_ENOMEM;
    h->u = u;
  }
  h->cap = cap;
  return 0;
}

size_t cc_path_count_new(const cc_path *h, const double *vnorm)
{
  size_t m = 0;
  for (size_t l = 0; l < h->ne; l++) m += vnorm[l] == 0 && h->fuse_at[l] == SIZE_MAX;
  return m;
}

int cc_path_all_zero(const double *vnorm, size_t ne)
{
  for (size_t l = 0; l < ne; l++)
    if (vnorm[l] != 0) return 0;
  return 1;
}

int cc_path_observe(cc_path *h, const double *u, const double *vnorm, double gamma, int force, size_t *nnew)
{
  const size_t m = cc_path_count_new(h, vnorm);
  if (nnew) *nnew = m;
  if (m > h->max_new) h->max_new = m;
  if (!m && !force) return 0;
  int rc = path_grow(h);
  if (rc) return rc;
  const size_t s = h->nstore++;
  size_t fused = 0;
  for (size_t l = 0; l < h->ne; l++) {
    if (vnorm[l] == 0 && h->fuse_at[l] == SIZE_MAX) { h->fuse_at[l] = s; h->fuse_key[l] = h->key_prev[l]; }
    fused += h->fuse_at[l] != SIZE_MAX;
    h->key_prev[l] = vnorm[l];
  }
  h->gamma[s] = gamma;
  h->step[s] = h->steps;
  h->nfused[s] = fused;
  if (h->keep_u) memcpy(h->u + s * h->n * h->p, u, h->n * h->p * sizeof(double));
  return 0;
}

static int burn_in(cc_admm *a, const cc_carp_config *cfg, cc_path *h)
{
  cc_admm_reset(a);
  cc_path_clear(h);
  for (size_t b = 0; b < cfg->burnin; b++) {
    int rc = cc_admm_step(a, cfg->eps);
    if (rc) return rc;
    h->steps++;
  }
  return cc_path_observe(h, a->u, a->vnorm, cfg->eps, 1, NULL);
}

int cc_carp(cc_admm *a, const cc_carp_config *cfg, cc_path *h)
{
  if (!(cfg->t > 1) || !(cfg->eps > 0)) GSL_ERROR("CARP needs t > 1 and eps > 0", GSL_EINVAL);
  const int keep = a->keep_vz;
  a->keep_vz = 0;   /* CARP reads U and the norms only: V and Z are formed once, at the end */
  int rc = burn_in(a, cfg, h);
  double gamma = cfg->eps;
  for (size_t j = 1; !rc; j++) {
    if (h->steps >= cfg->max_steps) return GSL_EMAXITER;
    gamma *= cfg->t;
    if ((rc = cc_admm_step(a, gamma))) break;
    h->steps++;
    const int done = cc_path_all_zero(a->vnorm, a->ne);
    rc = cc_path_observe(h, a->u, a->vnorm, gamma, done || (cfg->every && j % cfg->every == 0), NULL);
    if (done) { h->gamma_end = gamma; break; }
  }
  a->keep_vz = keep;
  cc_admm_vz(a);
  return rc;
}

int cc_carp_viz(cc_admm *a, const cc_carp_config *cfg, double t0, double t1, size_t tries,
                cc_path *h)
{
  if (!(t0 > 1) || !(t1 > 1) || !(cfg->eps > 0)) GSL_ERROR("CARP-VIZ needs t > 1", GSL_EINVAL);
  double *saved = malloc(cc_admm_state_size(a) * sizeof *saved);
  if (!saved) return GSL_ENOMEM;
  const int keep = a->keep_vz;
  a->keep_vz = 0;
  int rc = burn_in(a, cfg, h);
  double gamma = cfg->eps, t = t0;
  while (!rc) {
    if (h->steps >= cfg->max_steps) { rc = GSL_EMAXITER; break; }
    cc_admm_save(a, saved);
    double trial = gamma * t, lo = gamma, hi = trial;
    if ((rc = cc_admm_step(a, trial))) break;
    h->steps++;
    size_t m = cc_path_count_new(h, a->vnorm), k = 0;
    if (m >= 2) {   /* too many at once: bisect the level between lo and hi */
      while (m != 1 && k < tries && !rc) {
        cc_admm_restore(a, saved);
        trial = sqrt(lo * hi);
        rc = cc_admm_step(a, trial);
        h->steps++;
        k++;
        m = cc_path_count_new(h, a->vnorm);
        if (m >= 2) hi = trial;
        else if (m == 0) lo = trial;
      }
      if (rc) break;
      if (m >= 2) h->tries_out++;
    }
    if (m < 2) h->max_new_ok = m > h->max_new_ok ? m : h->max_new_ok;
    gamma = trial;
    const int done = cc_path_all_zero(a->vnorm, a->ne);
    rc = cc_path_observe(h, a->u, a->vnorm, gamma, 1, NULL);
    if (h->nstore && h->nfused[h->nstore - 1] > 0) t = t1;
    if (done) { h->gamma_end = gamma; break; }
  }
  free(saved);
  a->keep_vz = keep;
  cc_admm_vz(a);
  return rc;
}

int cc_exact_run(const cc_iterate *it, const double *grid, size_t ngrid, cc_rule rule, double tol,
                 size_t cap, size_t max_total, cc_path *h)
{
  const size_t np = it->n * it->p, ep = it->ne * it->p, nedge = it->nedge;
  if (nedge > 2) GSL_ERROR("at most two edge iterates", GSL_EINVAL);
  double *prev = malloc((np + nedge * ep + 1) * sizeof *prev);
  if (!prev) return GSL_ENOMEM;
  cc_path_clear(h);
  double xnorm = 0;
  for (size_t q = 0; q < np; q++) xnorm += it->x[q] * it->x[q];
  xnorm = sqrt(xnorm);
  int rc = 0;
  for (size_t j = 0; j < ngrid && !rc; j++) {
    size_t k = 0;
    int conv = 0;
    if (it->level) it->level(it->solver);
    while (!conv && k < cap) {
      if (max_total && h->steps >= max_total) { rc = GSL_EMAXITER; break; }
      memcpy(prev, it->u, np * sizeof *prev);
      if (rule == CC_RULE_R)
        for (size_t e = 0; e < nedge; e++) memcpy(prev + np + e * ep, it->edge[e], ep * sizeof *prev);
      if ((rc = it->step(it->solver, grid[j]))) break;
      h->steps++;
      k++;
      double du = 0, de[2] = { 0, 0 };
      for (size_t q = 0; q < np; q++) { const double d = it->u[q] - prev[q]; du += d * d; }
      /* The first step at a new level computes U from the previous level's multipliers, so its
       * change says nothing about this level: judge convergence from the second step on. */
      if (k < 2) conv = 0;
      else if (rule == CC_RULE_DU) conv = sqrt(du) < tol * xnorm;
      else {
        for (size_t e = 0; e < nedge; e++)
          for (size_t q = 0; q < ep; q++) { const double d = it->edge[e][q] - prev[np + e * ep + q]; de[e] += d * d; }
        conv = du / (double) np < tol;
        for (size_t e = 0; e < nedge && ep; e++) conv = conv && de[e] / (double) ep < tol;
      }
    }
    if (rc) break;
    if (!conv) h->capped++;
    const int done = cc_path_all_zero(it->vnorm, it->ne);
    rc = cc_path_observe(h, it->u, it->vnorm, grid[j], 1, NULL);
    if (it->report) it->report(it->ctx, j + 1);
    if (done && conv) { h->gamma_end = grid[j]; break; }
  }
  free(prev);
  return rc;
}

static int admm_step(void *a, double gamma) { return cc_admm_step(a, gamma); }

cc_iterate cc_admm_iterate(cc_admm *a)
{
  const cc_iterate it = { a, admm_step, NULL, a->n, a->p, a->ne, a->x, a->u, a->vnorm, { a->v, a->z }, 2, NULL, NULL };
  return it;
}

int cc_exact(cc_admm *a, const double *grid, size_t ngrid, cc_rule rule, double tol, size_t cap,
             size_t max_total, cc_path *h)
{
  cc_admm_reset(a);
  const cc_iterate it = cc_admm_iterate(a);
  return cc_exact_run(&it, grid, ngrid, rule, tol, cap, max_total, h);
}

/* ---- labels, dendrogram ----------------------------------------------------------- */

/* parent/size -> labels numbered by first appearance (size[] reused as root -> label map) */
static size_t number_roots(size_t n, size_t *labels, size_t *parent, size_t *size)
{
  for (size_t i = 0; i < n; i++) size[i] = SIZE_MAX;
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    const size_t r = uf_find(parent, i);
    if (size[r] == SIZE_MAX) size[r] = k++;
    labels[i] = size[r];
  }
  return k;
}

size_t cc_path_labels(const cc_path *h, const cc_graph *g, size_t s, size_t *labels,
                      size_t *parent, size_t *size)
{
  const size_t n = g->n;
  uf_init(parent, size, n);
  for (size_t l = 0; l < g->ne; l++)
    if (h->fuse_at[l] <= s) uf_union(parent, size, g->ei[l], g->ej[l]);
  return number_roots(n, labels, parent, size);
}

static const cc_path *sort_path;   /* qsort context, set only inside cc_dendrogram */
static int by_fusion(const void *pa, const void *pb)
{
  const size_t a = *(const size_t *) pa, b = *(const size_t *) pb;
  const size_t sa = sort_path->fuse_at[a], sb = sort_path->fuse_at[b];
  if (sa != sb) return sa < sb ? -1 : 1;
  const double ka = sort_path->fuse_key[a], kb = sort_path->fuse_key[b];
  if (ka != kb) return ka < kb ? -1 : 1;
  return (a > b) - (a < b);
}

size_t cc_dendrogram(const cc_path *h, const cc_graph *g, int *merge, double *height, size_t *order)
{
  const size_t n = g->n, ne = g->ne;
  size_t *edges = malloc((ne ? ne : 1) * sizeof *edges), *parent = malloc(n * sizeof(size_t));
  size_t *size = malloc(n * sizeof(size_t));
  int *cid = malloc(n * sizeof *cid);
  size_t m = 0, nm = 0;
  if (!edges || !parent || !size || !cid) goto done;
  for (size_t l = 0; l < ne; l++)
    if (h->fuse_at[l] != SIZE_MAX) edges[m++] = l;
  sort_path = h;
  qsort(edges, m, sizeof *edges, by_fusion);
  sort_path = NULL;
  uf_init(parent, size, n);
  for (size_t i = 0; i < n; i++) cid[i] = -(int) (i + 1);
  for (size_t q = 0; q < m;) {
    const size_t s = h->fuse_at[edges[q]];
    size_t r = q;
    while (r < m && h->fuse_at[edges[r]] == s) r++;
    const double g1 = h->gamma[s], g0 = s ? h->gamma[s - 1] : g1;
    for (size_t e = q; e < r; e++) {
      const size_t l = edges[e];
      const size_t a = uf_find(parent, g->ei[l]), b = uf_find(parent, g->ej[l]);
      if (a == b) continue;
      int ca = cid[a], cb = cid[b];
      /* hclust order inside a row: singletons first, then the smaller entry */
      if ((ca > 0 && cb < 0) || (ca < 0 && cb < 0 && -ca > -cb) || (ca > 0 && cb > 0 && ca > cb)) {
        int t = ca; ca = cb; cb = t;
      }
      merge[2 * nm] = ca;
      merge[2 * nm + 1] = cb;
      height[nm] = g0 + (g1 - g0) * (double) (e - q + 1) / (double) (r - q);
      uf_union(parent, size, a, b);
      cid[uf_find(parent, a)] = (int) (++nm);
    }
    q = r;
  }
  /* leaf order: depth-first from each root (a merge no later merge uses, the last first, then any
   * leftover singleton), left child first */
  if (order) {
    unsigned char *used = calloc(nm + n + 1, 1);   /* used[k] for merge k (1-based), then leaves */
    int *stack = (int *) parent;                    /* reuse: fewer than n entries at a time */
    if (!used) { nm = 0; goto done; }
    for (size_t k = 0; k < nm; k++)
      for (int c = 0; c < 2; c++)
        if (merge[2 * k + c] > 0) used[merge[2 * k + c]] = 1;
    size_t no = 0;
    for (size_t k = nm + n; k-- > 0;) {
      int top;
      if (k >= n) {
        if (used[k - n + 1]) continue;
        top = (int) (k - n + 1);
      } else {
        const size_t i = n - 1 - k;   /* leftover singletons in index order */
        if (used[nm + 1 + i]) continue;
        top = -(int) (i + 1);
      }
      size_t sp = 0;
      stack[sp++] = top;
      while (sp) {
        const int c = stack[--sp];
        if (c < 0) { order[no++] = (size_t) (-c - 1); used[nm + (size_t) (-c)] = 1; }
        else { stack[sp++] = merge[2 * (c - 1) + 1]; stack[sp++] = merge[2 * (c - 1)]; }
      }
    }
    free(used);
  }
done:
  free(edges); free(parent); free(size); free(cid);
  return nm;
}

size_t cc_dendrogram_segments(const int *merge, const double *height, const size_t *order,
                              size_t n, size_t nmerge, double *seg)
{
  double *x = malloc((n + nmerge + 1) * sizeof *x), *y = malloc((n + nmerge + 1) * sizeof *y);
  size_t ns = 0;
  if (!x || !y) goto done;
  /* index: leaf i at i, merge k (1-based) at n + k - 1 */
  for (size_t r = 0; r < n; r++) { x[order[r]] = (double) (r + 1); y[order[r]] = 0; }
  for (size_t k = 0; k < nmerge; k++) {
    double cx[2], cy[2];
    for (int c = 0; c < 2; c++) {
      const int m = merge[2 * k + c];
      const size_t id = m < 0 ? (size_t) (-m - 1) : n + (size_t) m - 1;
      cx[c] = x[id]; cy[c] = y[id];
    }
    const double h = height[k];
    for (int c = 0; c < 2; c++) {
      double *sg = seg + 4 * ns++;
      sg[0] = cx[c]; sg[1] = cy[c]; sg[2] = cx[c]; sg[3] = h;
    }
    double *sg = seg + 4 * ns++;
    sg[0] = cx[0]; sg[1] = h; sg[2] = cx[1]; sg[3] = h;
    x[n + k] = 0.5 * (cx[0] + cx[1]);
    y[n + k] = h;
  }
done:
  free(x); free(y);
  return ns;
}

size_t cc_dendrogram_cut(const int *merge, size_t nmerge, size_t n, size_t K, size_t *labels,
                         size_t *parent, size_t *size)
{
  uf_init(parent, size, n);
  /* rep[m] = one observation of the cluster made at merge row m (1-based): its first leaf */
  size_t *rep = malloc((nmerge + 1) * sizeof *rep);
  if (!rep) return 0;
  const size_t todo = K < n ? n - K : 0;
  for (size_t m = 0; m < nmerge; m++) {
    size_t r[2];
    for (int c = 0; c < 2; c++) {
      const int e = merge[2 * m + c];
      r[c] = e < 0 ? (size_t) (-e - 1) : rep[e];
    }
    rep[m + 1] = r[0];
    if (m < todo) uf_union(parent, size, r[0], r[1]);
  }
  free(rep);
  return number_roots(n, labels, parent, size);
}

size_t cc_path_at(const cc_path *h, double lambda)
{
  size_t s = SIZE_MAX;
  for (size_t q = 0; q < h->nstore && h->gamma[q] <= lambda; q++) s = q;
  return s;
}

void cc_centroids(const double *x, const unsigned char *observed, size_t n, size_t p,
                  const size_t *labels, size_t K, double *cent, size_t *count)
{
  for (size_t c = 0; c < p; c++) {
    double *cc = cent + c * K;
    size_t *m = count + c * K;
    for (size_t k = 0; k < K; k++) { cc[k] = 0; m[k] = 0; }
    for (size_t i = 0; i < n; i++)
      if (!observed || observed[c * n + i]) { cc[labels[i]] += x[c * n + i]; m[labels[i]]++; }
    for (size_t k = 0; k < K; k++) cc[k] = m[k] ? cc[k] / (double) m[k] : NAN;
  }
}

double cc_ari(const size_t *a, const size_t *b, size_t n)
{
  size_t ka = 0, kb = 0;
  for (size_t i = 0; i < n; i++) { if (a[i] + 1 > ka) ka = a[i] + 1; if (b[i] + 1 > kb) kb = b[i] + 1; }
  double *tab = calloc(ka * kb + ka + kb, sizeof *tab);
  if (!tab) return NAN;
  double *ra = tab + ka * kb, *rb = ra + ka;
  for (size_t i = 0; i < n; i++) { tab[a[i] * kb + b[i]]++; ra[a[i]]++; rb[b[i]]++; }
  double sij = 0, sa = 0, sb = 0;
  for (size_t q = 0; q < ka * kb; q++) sij += tab[q] * (tab[q] - 1) / 2;
  for (size_t q = 0; q < ka; q++) sa += ra[q] * (ra[q] - 1) / 2;
  for (size_t q = 0; q < kb; q++) sb += rb[q] * (rb[q] - 1) / 2;
  free(tab);
  const double pairs = (double) n * (double) (n - 1) / 2, expct = sa * sb / pairs;
  const double mx = 0.5 * (sa + sb);
  if (mx == expct) return 1.0;   /* both trivial (all singletons or one cluster): identical */
  return (sij - expct) / (mx - expct);
}

/* max over points of A of the distance to the nearest point of B, with the early break of Taha &
 * Hanbury (a point whose running minimum falls below the current maximum cannot raise it).  Paths
 * are ordered along lambda, so the search for point i starts at the proportional index of B and
 * moves outwards: the nearest point is usually found first and the break comes at once. */
static double directed(const double *A, size_t na, const double *B, size_t nb, size_t dim)
{
  double cmax = 0;
  for (size_t i = 0; i < na; i++) {
    double cmin = INFINITY;
    const size_t j0 = na > 1 ? (size_t) ((double) i * (double) (nb - 1) / (double) (na - 1)) : 0;
    for (size_t q = 0; q < 2 * nb; q++) {
      /* j0, j0 + 1, j0 - 1, j0 + 2, ... within [0, nb) */
      const size_t off = (q + 1) / 2;
      size_t j;
      if (q % 2) { if (j0 + off >= nb) continue; j = j0 + off; }
      else { if (off > j0) continue; j = j0 - off; }
      double d = 0;
      for (size_t c = 0; c < dim; c++) { const double e = A[i * dim + c] - B[j * dim + c]; d += e * e; }
      if (d < cmin) cmin = d;
      if (cmin < cmax) break;
    }
    if (cmin > cmax) cmax = cmin;
  }
  return sqrt(cmax);
}

double cc_hausdorff(const double *A, size_t na, const double *B, size_t nb, size_t dim)
{
  if (!na || !nb) return NAN;
  return fmax(directed(A, na, B, nb, dim), directed(B, nb, A, na, dim));
}
