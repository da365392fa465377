/* cbass.c -- convex biclustering by algorithmic regularization; see cbass.h. */
#include "models/cbass.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_errno.h>

/* ---- data and weights ---------------------------------------------------------------------- */

double cbass_center(double *x, size_t n, size_t p)
{
  double m = 0;
  for (size_t q = 0; q < n * p; q++) m += x[q];
  m /= (double) (n * p);
  for (size_t q = 0; q < n * p; q++) x[q] -= m;
  return m;
}

static void scale_weights(cc_graph *g, size_t npoints)
{
  double s = 0;
  for (size_t l = 0; l < g->ne; l++) s += g->w[l];
  const double f = 1.0 / (s * sqrt((double) npoints));
  for (size_t l = 0; l < g->ne; l++) g->w[l] *= f;
}

int cbass_weights(const double *x, size_t n, size_t p, cc_graph **gr, cc_graph **gc)
{
  *gr = *gc = NULL;
  if (n < 2 || p < 2) GSL_ERROR("biclustering needs at least two rows and two columns", GSL_EINVAL);
  /* x (n x p, column-major) read as row-major is X^T (p x n): its column-major copy has the
   * columns of X as rows, the points of the column graph */
  double *xt = cc_colmajor(x, p, n);
  if (!xt) GSL_ERROR("out of memory", GSL_ENOMEM);
  *gr = cc_weights(x, n, p);
  *gc = *gr ? cc_weights(xt, p, n) : NULL;
  free(xt);
  if (!*gr || !*gc) {
    cc_graph_free(*gr);
    cc_graph_free(*gc);
    *gr = *gc = NULL;
    return GSL_EINVAL;
  }
  scale_weights(*gr, n);
  scale_weights(*gc, p);
  return 0;
}

/* The largest degree of g, NAN when out of memory. */
static double max_degree(const cc_graph *g)
{
  size_t *deg = calloc(g->n, sizeof *deg), dmax = 0;
  if (!deg) return NAN;
  for (size_t l = 0; l < g->ne; l++) { deg[g->ei[l]]++; deg[g->ej[l]]++; }
  for (size_t i = 0; i < g->n; i++) dmax = deg[i] > dmax ? deg[i] : dmax;
  free(deg);
  return (double) dmax;
}

double cbass_alpha(const cc_graph *gr, const cc_graph *gc, double rho)
{
  const double dr = max_degree(gr), dc = max_degree(gc);
  if (isnan(dr) || isnan(dc)) return NAN;
  return fmax(2 * dr * dc, 2 * rho * (dr + dc));
}

/* ---- the generalized ADMM step ------------------------------------------------------------------- */

cbass_admm *cbass_admm_alloc(const double *x, size_t n, size_t p, const cc_graph *gr,
                             const cc_graph *gc, double rho, double alpha)
{
  if (gr->n != n || gc->n != p || !(rho > 0) || !(alpha > 0))
    GSL_ERROR_NULL("bad biclustering ADMM arguments", GSL_EINVAL);
  cbass_admm *a = calloc(1, sizeof *a);
  if (!a) return NULL;
  const size_t ner = gr->ne, nec = gc->ne;
  a->n = n; a->p = p; a->ner = ner; a->nec = nec; a->gr = gr; a->gc = gc;
  a->rho = rho; a->alpha = alpha; a->x = x;
  a->u = malloc(n * p * sizeof(double));
  a->rhs = malloc(n * p * sizeof(double));
  a->tr = malloc((ner ? ner : 1) * p * sizeof(double));
  a->tc = malloc(n * (nec ? nec : 1) * sizeof(double));
  a->sr = malloc((ner ? ner : 1) * sizeof(double));
  a->sc = malloc((nec ? nec : 1) * sizeof(double));
  a->vnorm_r = malloc((ner ? ner : 1) * sizeof(double));
  a->vnorm_c = malloc((nec ? nec : 1) * sizeof(double));
  if (!a->u || !a->rhs || !a->tr || !a->tc || !a->sr || !a->sc || !a->vnorm_r || !a->vnorm_c) {
    cbass_admm_free(a);
    return NULL;
  }
  cbass_admm_reset(a);
  return a;
}

void cbass_admm_free(cbass_admm *a)
{
  if (!a) return;
  free(a->u); free(a->rhs); free(a->tr); free(a->tc); free(a->sr); free(a->sc);
  free(a->vnorm_r); free(a->vnorm_c);
  free(a);
}

void cbass_admm_reset(cbass_admm *a)
{
  memcpy(a->u, a->x, a->n * a->p * sizeof(double));
  cc_diff(a->gr, a->p, a->x, a->tr);          /* T = V + Z with V = D X, Z = 0: s = 1 */
  cc_diff_cols(a->gc, a->n, a->x, a->tc);
  for (size_t l = 0; l < a->ner; l++) { a->sr[l] = 1; a->vnorm_r[l] = INFINITY; }   /* nothing fused yet */
  for (size_t l = 0; l < a->nec; l++) { a->sc[l] = 1; a->vnorm_c[l] = INFINITY; }
}

/* The group soft-threshold factor of a vector of norm nrm at threshold thr: exactly 0 once
 * thr >= nrm (and for a zero vector). */
static double shrink(double nrm, double thr)
{
  return nrm > 0 ? fmax(0.0, 1.0 - thr / nrm) : 0.0;
}

/* un (columns c .. c+nc-1) += g D_r^T ((2 s - 1) T - D_r U), g = rho / (1 + alpha), for nc (1 or 4)
 * columns at once: the columns' read-modify-write chains through un overlap (one column alone is
 * latency-bound). */
static void row_scatter(const cbass_admm *a, double *un, double g, size_t c, size_t nc)
{
  const size_t n = a->n, ner = a->ner, *ri = a->gr->ei, *rj = a->gr->ej;
  const double *sr = a->sr, *u = a->u + c * n, *t = a->tr + c * ner;
  double *r = un + c * n;
  if (nc == 4)
    for (size_t l = 0; l < ner; l++) {
      const size_t i = ri[l], j = rj[l];
      const double f = 2 * sr[l] - 1;
      const double d0 = g * (f * t[l] - (u[i] - u[j]));
      const double d1 = g * (f * t[ner + l] - (u[n + i] - u[n + j]));
      const double d2 = g * (f * t[2 * ner + l] - (u[2 * n + i] - u[2 * n + j]));
      const double d3 = g * (f * t[3 * ner + l] - (u[3 * n + i] - u[3 * n + j]));
      r[i] += d0; r[j] -= d0;
      r[n + i] += d1; r[n + j] -= d1;
      r[2 * n + i] += d2; r[2 * n + j] -= d2;
      r[3 * n + i] += d3; r[3 * n + j] -= d3;
    }
  else
    for (size_t l = 0; l < ner; l++) {
      const size_t i = ri[l], j = rj[l];
      const double d = g * ((2 * sr[l] - 1) * t[l] - (u[i] - u[j]));
      r[i] += d; r[j] -= d;
    }
}

/* T_r <- D_r U + (1 - s) T_r for nc (1 or 4) columns, adding the squares to vnorm_r in column order. */
static void row_update(cbass_admm *a, size_t c, size_t nc)
{
  const size_t n = a->n, ner = a->ner, *ri = a->gr->ei, *rj = a->gr->ej;
  const double *sr = a->sr, *u = a->u + c * n;
  double *t = a->tr + c * ner, *nr = a->vnorm_r;
  if (nc == 4)
    for (size_t l = 0; l < ner; l++) {
      const size_t i = ri[l], j = rj[l];
      const double z = 1 - sr[l];
      const double t0 = u[i] - u[j] + z * t[l], t1 = u[n + i] - u[n + j] + z * t[ner + l];
      const double t2 = u[2 * n + i] - u[2 * n + j] + z * t[2 * ner + l];
      const double t3 = u[3 * n + i] - u[3 * n + j] + z * t[3 * ner + l];
      t[l] = t0; t[ner + l] = t1; t[2 * ner + l] = t2; t[3 * ner + l] = t3;
      double q = nr[l];
      q += t0 * t0; q += t1 * t1; q += t2 * t2; q += t3 * t3;
      nr[l] = q;
    }
  else
    for (size_t l = 0; l < ner; l++) {
      const double tt = u[ri[l]] - u[rj[l]] + (1 - sr[l]) * t[l];
      t[l] = tt;
      nr[l] += tt * tt;
    }
}

/* The state is kept as T and s (V = s T, Z = (1 - s) T, see cbass.h), so that a step reads and writes
 * each large array about twice: V - Z = (2 s - 1) T, and the new T = D U + Z = D U + (1 - s) T is
 * formed in place.  The new U is accumulated, already divided by 1 + alpha, in the second buffer,
 * and the two buffers are swapped. */
int cbass_admm_step(cbass_admm *a, double gamma)
{
  const size_t n = a->n, p = a->p, ner = a->ner, nec = a->nec;
  const size_t *ci = a->gc->ei, *cj = a->gc->ej;
  const double rho = a->rho, inv = 1.0 / (1.0 + a->alpha), ainv = a->alpha * inv, g = rho * inv;
  double *restrict un = a->rhs;
  /* U_new = [X + alpha U + rho D_r^T (V_r - Z_r - D_r U)] / (1 + alpha), four columns at a time */
  for (size_t c = 0; c < p;) {
    const size_t nc = c + 4 <= p ? 4 : 1;
    const double *restrict xc = a->x + c * n, *restrict uc = a->u + c * n;
    double *restrict rc = un + c * n;
    const size_t m = nc * n;
    size_t q = 0;
    for (; q + 2 <= m; q += 2) {   /* two at a time: the compiler pairs them into SSE2 operations */
      rc[q] = inv * xc[q] + ainv * uc[q];
      rc[q + 1] = inv * xc[q + 1] + ainv * uc[q + 1];
    }
    if (q < m) rc[q] = inv * xc[q] + ainv * uc[q];
    row_scatter(a, un, g, c, nc);
    c += nc;
  }
  /* + rho (V_c - Z_c - U D_c) D_c^T / (1 + alpha), column edge by column edge (contiguous columns,
   * two rows at a time; blocking the rows to keep U in L2 measured slower: each edge's short
   * segments defeat prefetching) */
  for (size_t l = 0; l < nec; l++) {
    const double *restrict uk = a->u + ci[l] * n, *restrict um = a->u + cj[l] * n, *restrict tl = a->tc + l * n;
    double *restrict rk = un + ci[l] * n, *restrict rm = un + cj[l] * n;
    const double f = 2 * a->sc[l] - 1;
    size_t r = 0;
    for (; r + 2 <= n; r += 2) {
      const double d0 = g * (f * tl[r] - (uk[r] - um[r])), d1 = g * (f * tl[r + 1] - (uk[r + 1] - um[r + 1]));
      rk[r] += d0; rk[r + 1] += d1;
      rm[r] -= d0; rm[r + 1] -= d1;
    }
    if (r < n) {
      const double d = g * (f * tl[r] - (uk[r] - um[r]));
      rk[r] += d;
      rm[r] -= d;
    }
  }
  a->rhs = a->u;
  a->u = un;
  /* T_r <- D_r U + (1 - s) T_r and its row norms, four columns at a time */
  for (size_t l = 0; l < ner; l++) a->vnorm_r[l] = 0;
  for (size_t c = 0; c < p;) {
    const size_t nc = c + 4 <= p ? 4 : 1;
    row_update(a, c, nc);
    c += nc;
  }
  /* T_c <- U D_c + (1 - s) T_c and its column norms */
  for (size_t l = 0; l < nec; l++) {
    const double *restrict uk = un + ci[l] * n, *restrict um = un + cj[l] * n;
    double *restrict tl = a->tc + l * n;
    const double z = 1 - a->sc[l];
    double q0 = 0, q1 = 0;   /* two partial sums: one is a chain of dependent additions */
    size_t r = 0;
    for (; r + 2 <= n; r += 2) {
      const double t0 = uk[r] - um[r] + z * tl[r], t1 = uk[r + 1] - um[r + 1] + z * tl[r + 1];
      tl[r] = t0; tl[r + 1] = t1;
      q0 += t0 * t0; q1 += t1 * t1;
    }
    if (r < n) {
      const double t0 = uk[r] - um[r] + z * tl[r];
      tl[r] = t0;
      q0 += t0 * t0;
    }
    a->vnorm_c[l] = q0 + q1;
  }
  /* a non-finite entry of U reaches the norm of every edge at its row or column (each has one) */
  double sum = 0;
  for (size_t l = 0; l < ner; l++) sum += a->vnorm_r[l];
  for (size_t l = 0; l < nec; l++) sum += a->vnorm_c[l];
  if (!isfinite(sum)) return GSL_ERUNAWAY;
  for (size_t l = 0; l < ner; l++) {
    const double nrm = sqrt(a->vnorm_r[l]), s = shrink(nrm, gamma * a->gr->w[l] / rho);
    a->sr[l] = s;
    a->vnorm_r[l] = s * nrm;
  }
  for (size_t l = 0; l < nec; l++) {
    const double nrm = sqrt(a->vnorm_c[l]), s = shrink(nrm, gamma * a->gc->w[l] / rho);
    a->sc[l] = s;
    a->vnorm_c[l] = s * nrm;
  }
  return 0;
}

void cbass_admm_split(const cbass_admm *a, double *vr, double *zr, double *vc, double *zc)
{
  for (size_t c = 0; c < a->p; c++)
    for (size_t l = 0; l < a->ner; l++) {
      const double t = a->tr[c * a->ner + l], v = a->sr[l] * t;
      vr[c * a->ner + l] = v;
      zr[c * a->ner + l] = t - v;
    }
  for (size_t l = 0; l < a->nec; l++)
    for (size_t r = 0; r < a->n; r++) {
      const double t = a->tc[l * a->n + r], v = a->sc[l] * t;
      vc[l * a->n + r] = v;
      zc[l * a->n + r] = t - v;
    }
}

int cbass_admm_fused(const cbass_admm *a)
{
  return cc_path_all_zero(a->vnorm_r, a->ner) && cc_path_all_zero(a->vnorm_c, a->nec);
}

/* ---- biclusters ------------------------------------------------------------------------------------ */

void cbass_block_means(const double *x, size_t n, size_t p, const size_t *labr, size_t kr,
                       const size_t *labc, size_t kc, double *means, size_t *counts)
{
  for (size_t q = 0; q < kr * kc; q++) { means[q] = 0; if (counts) counts[q] = 0; }
  for (size_t c = 0; c < p; c++)
    for (size_t i = 0; i < n; i++) means[labr[i] * kc + labc[c]] += x[c * n + i];
  size_t *nr = calloc(kr ? kr : 1, sizeof *nr), *nc = calloc(kc ? kc : 1, sizeof *nc);
  if (!nr || !nc) { for (size_t q = 0; q < kr * kc; q++) means[q] = NAN; free(nr); free(nc); return; }
  for (size_t i = 0; i < n; i++) nr[labr[i]]++;
  for (size_t c = 0; c < p; c++) nc[labc[c]]++;
  for (size_t a = 0; a < kr; a++)
    for (size_t b = 0; b < kc; b++) {
      const size_t m = nr[a] * nc[b];
      means[a * kc + b] = m ? means[a * kc + b] / (double) m : NAN;
      if (counts) counts[a * kc + b] = m;
    }
  free(nr);
  free(nc);
}

/* ---- paths ---------------------------------------------------------------------------------------- */

cbass_path *cbass_path_alloc(size_t n, size_t p, size_t ner, size_t nec, int keep_u)
{
  cbass_path *h = calloc(1, sizeof *h);
  if (!h) return NULL;
  h->row = cc_path_alloc(n, p, ner, keep_u);
  h->col = cc_path_alloc(n, p, nec, 0);
  if (!h->row || !h->col) { cbass_path_free(h); return NULL; }
  return h;
}

void cbass_path_free(cbass_path *h)
{
  if (!h) return;
  cc_path_free(h->row);
  cc_path_free(h->col);
  free(h);
}

static void path_start(cbass_path *h)
{
  cc_path_clear(h->row);
  cc_path_clear(h->col);
}

/* Store the state in both records, at the same index: when either graph has a new fusion, or when
 * forced. */
static int observe(cbass_path *h, const cbass_admm *a, double gamma, int force)
{
  force = force || cc_path_count_new(h->row, a->vnorm_r) || cc_path_count_new(h->col, a->vnorm_c);
  h->col->steps = h->row->steps;
  int rc = cc_path_observe(h->row, a->u, a->vnorm_r, gamma, force, NULL);
  return rc ? rc : cc_path_observe(h->col, NULL, a->vnorm_c, gamma, force, NULL);
}

static void path_end(cbass_path *h, double gamma)
{
  h->row->gamma_end = h->col->gamma_end = gamma;
}

int cbass_run(cbass_admm *a, const cc_carp_config *cfg, cbass_path *h)
{
  if (!(cfg->t > 1) || !(cfg->eps > 0)) GSL_ERROR("CBASS needs t > 1 and eps > 0", GSL_EINVAL);
  cbass_admm_reset(a);
  path_start(h);
  int rc = 0;
  for (size_t b = 0; b < cfg->burnin && !rc; b++) {
    rc = cbass_admm_step(a, cfg->eps);
    h->row->steps++;
  }
  if (!rc) rc = observe(h, a, cfg->eps, 1);
  double gamma = cfg->eps;
  for (size_t j = 1; !rc; j++) {
    if (h->row->steps >= cfg->max_steps) return GSL_EMAXITER;
    gamma *= cfg->t;
    if ((rc = cbass_admm_step(a, gamma))) break;
    h->row->steps++;
    const int done = cbass_admm_fused(a);
    rc = observe(h, a, gamma, done || (cfg->every && j % cfg->every == 0));
    if (done) { path_end(h, gamma); break; }
  }
  return rc;
}

/* ||V - V'||^2 and ||Z - Z'||^2 over one graph's m x ne block of T (V = s T, Z = (1 - s) T), edge l's
 * entries at t[l * es + k * ks], k < m. */
static void split_change(const double *t, const double *s, const double *t0, const double *s0, size_t ne,
                         size_t m, size_t es, size_t ks, double *dv, double *dz)
{
  for (size_t l = 0; l < ne; l++)
    for (size_t k = 0; k < m; k++) {
      const size_t q = l * es + k * ks;
      const double v = s[l] * t[q], v0 = s0[l] * t0[q];
      *dv += (v - v0) * (v - v0);
      *dz += (t[q] - v - (t0[q] - v0)) * (t[q] - v - (t0[q] - v0));
    }
}

int cbass_exact(cbass_admm *a, const double *grid, size_t ngrid, double tol, size_t cap,
                size_t max_total, cbass_path *h)
{
  const size_t n = a->n, p = a->p, np = n * p, ner = a->ner, nec = a->nec;
  double *u0 = malloc(np * sizeof *u0), *tr0 = malloc((ner ? ner : 1) * p * sizeof *tr0);
  double *tc0 = malloc(n * (nec ? nec : 1) * sizeof *tc0);
  double *sr0 = malloc((ner ? ner : 1) * sizeof *sr0), *sc0 = malloc((nec ? nec : 1) * sizeof *sc0);
  int rc = u0 && tr0 && tc0 && sr0 && sc0 ? 0 : GSL_ENOMEM;
  cbass_admm_reset(a);
  path_start(h);
  double xnorm = 0;
  for (size_t q = 0; q < np; q++) xnorm += a->x[q] * a->x[q];
  const double lim = tol * tol * xnorm;
  for (size_t k = 0; k < ngrid && !rc; k++) {
    size_t it = 0;
    int conv = 0;
    while (!conv && it < cap) {
      if (max_total && h->row->steps >= max_total) { rc = GSL_EMAXITER; break; }
      memcpy(u0, a->u, np * sizeof *u0);
      memcpy(tr0, a->tr, ner * p * sizeof *tr0);
      memcpy(tc0, a->tc, n * nec * sizeof *tc0);
      memcpy(sr0, a->sr, ner * sizeof *sr0);
      memcpy(sc0, a->sc, nec * sizeof *sc0);
      if ((rc = cbass_admm_step(a, grid[k]))) break;
      h->row->steps++;
      it++;
      double du = 0, dv = 0, dz = 0;
      for (size_t q = 0; q < np; q++) du += (a->u[q] - u0[q]) * (a->u[q] - u0[q]);
      split_change(a->tr, a->sr, tr0, sr0, ner, p, 1, ner, &dv, &dz);
      split_change(a->tc, a->sc, tc0, sc0, nec, n, n, 1, &dv, &dz);
      conv = du < lim && dv < lim && dz < lim;
    }
    if (rc) break;
    if (!conv) h->row->capped++;
    const int done = cbass_admm_fused(a);
    rc = observe(h, a, grid[k], 1);
    if (done && conv) { path_end(h, grid[k]); break; }
  }
  free(u0); free(tr0); free(tc0); free(sr0); free(sc0);
  return rc;
}
