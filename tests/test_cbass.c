/* test_cbass.c -- convex biclustering (CBASS): the column edge operator's adjoint, the weights and
 * alpha rules, the generalized ADMM step against the vignette's formulas written out with dense
 * matrices, the exact path against closed forms (2 x 2 hand cases) and against an independent solver
 * (plain ADMM whose U-update solves the Sylvester equation as one dense linear system), CBASS
 * against the closed form at each level, and its termination rule. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_randist.h>
#include "check.h"
#include "core/rng.h"
#include "io/proc.h"
#include "models/cbass.h"

static double frob(const double *a, size_t m)
{
  double s = 0;
  for (size_t q = 0; q < m; q++) s += a[q] * a[q];
  return sqrt(s);
}

static void test_operator_cols(gsl_rng *r)
{
  const size_t m = 3, np = 5, ne = 6;
  const size_t ei[6] = { 0, 0, 1, 1, 2, 3 }, ej[6] = { 1, 3, 2, 4, 3, 4 };
  const double w[6] = { 1, 1, 1, 1, 1, 1 };
  cc_graph *g = cc_graph_make(np, ne, ei, ej, w);
  double u[15], v[18], du[18], dtv[15];
  for (size_t q = 0; q < 15; q++) u[q] = gsl_ran_gaussian(r, 1);
  for (size_t q = 0; q < 18; q++) v[q] = gsl_ran_gaussian(r, 1);
  cc_diff_cols(g, m, u, du);
  cc_diff_cols_t(g, m, v, dtv);
  double lhs = 0, rhs = 0;
  for (size_t q = 0; q < 18; q++) lhs += du[q] * v[q];
  for (size_t q = 0; q < 15; q++) rhs += u[q] * dtv[q];
  CHECK_NEAR(lhs, rhs, 1e-12, "column operator: adjoint identity");
  CHECK_NEAR(du[3 * m + 2], u[1 * m + 2] - u[4 * m + 2], 0, "(U D)_{r=2, l=3} = U_{2,1} - U_{2,4}");
  cc_graph_free(g);
}

/* a 2 x 2 hand case: the grand mean of {1, 2, 3, 6} is 3, exactly */
static void test_center(void)
{
  double x[4] = { 1, 2, 3, 6 };
  const double m = cbass_center(x, 2, 2);
  CHECK(m == 3, "cbass_center returns the grand mean 3: got %g", m);
  CHECK(x[0] == -2 && x[1] == -1 && x[2] == 0 && x[3] == 3, "cbass_center: {1,2,3,6} - 3");
}

static void test_weights(gsl_rng *r)
{
  const size_t n = 7, p = 5;
  double x[35], xt[35];
  for (size_t q = 0; q < n * p; q++) x[q] = 3 + gsl_ran_gaussian(r, 1);
  cbass_center(x, n, p);
  double mean = 0;
  for (size_t q = 0; q < n * p; q++) mean += x[q];
  CHECK_NEAR(mean, 0, 1e-13, "global centring: grand mean zero");
  cc_graph *gr, *gc;
  CHECK(cbass_weights(x, n, p, &gr, &gc) == 0, "weights");
  for (size_t i = 0; i < n; i++)
    for (size_t c = 0; c < p; c++) xt[i * p + c] = x[c * n + i];   /* X^T, column-major p x n */
  cc_graph *g0 = cc_weights(x, n, p), *g1 = cc_weights(xt, p, n);
  int same = gr->ne == g0->ne && gc->ne == g1->ne;
  double s0 = 0, s1 = 0, sr = 0, sc = 0;
  for (size_t l = 0; same && l < gr->ne; l++) { same &= gr->ei[l] == g0->ei[l] && gr->ej[l] == g0->ej[l]; s0 += g0->w[l]; sr += gr->w[l]; }
  for (size_t l = 0; same && l < gc->ne; l++) { same &= gc->ei[l] == g1->ei[l] && gc->ej[l] == g1->ej[l]; s1 += g1->w[l]; sc += gc->w[l]; }
  CHECK(same, "row graph = CARP's rule on the rows, column graph = the same rule on the columns");
  CHECK_NEAR(sr, 1 / sqrt((double) n), 1e-15, "row weights sum to 1/sqrt(n)");
  CHECK_NEAR(sc, 1 / sqrt((double) p), 1e-15, "column weights sum to 1/sqrt(p)");
  CHECK_NEAR(gr->w[0], g0->w[0] / (s0 * sqrt((double) n)), 1e-17, "row weight = kernel weight scaled");
  CHECK_NEAR(gc->w[0], g1->w[0] / (s1 * sqrt((double) p)), 1e-17, "column weight = kernel weight scaled");
  cc_graph_free(g0); cc_graph_free(g1); cc_graph_free(gr); cc_graph_free(gc);
}

static void test_alpha(void)
{
  const size_t pi[3] = { 0, 1, 2 }, pj[3] = { 1, 2, 3 }, si[3] = { 0, 0, 0 }, sj[3] = { 1, 2, 3 };
  const size_t ei[1] = { 0 }, ej[1] = { 1 };
  const double w[3] = { 1, 1, 1 };
  cc_graph *path = cc_graph_make(4, 3, pi, pj, w), *star = cc_graph_make(4, 3, si, sj, w);
  cc_graph *one = cc_graph_make(2, 1, ei, ej, w);
  CHECK_NEAR(cbass_alpha(path, star, 1), 12, 0, "alpha = 2 d_r d_c = 2 * 2 * 3");
  CHECK_NEAR(cbass_alpha(one, one, 1), 4, 0, "single edges: raised to 2 rho (1 + 1)");
  CHECK_NEAR(cbass_alpha(path, star, 3), 30, 0, "rho = 3: raised to 2 rho (2 + 3)");
  cc_graph_free(path); cc_graph_free(star); cc_graph_free(one);
}

/* Group soft-threshold of the vector a[0], a[st], ..., a[(m-1) st] at thr, in place; 1 if zeroed. */
static int prox(double *a, size_t m, size_t st, double thr)
{
  double nrm = 0;
  for (size_t k = 0; k < m; k++) nrm += a[k * st] * a[k * st];
  nrm = sqrt(nrm);
  const double s = nrm > 0 ? fmax(0, 1 - thr / nrm) : 0;
  for (size_t k = 0; k < m; k++) a[k * st] *= s;
  return s == 0;
}

/* The vignette's step with dense D_r (ner x n) and D_c (p x nec) and explicit V, Z. */
static void dense_step(const double *x, size_t n, size_t p, const gsl_matrix *Dr, const gsl_matrix *Dc,
                       const double *wr, const double *wc, double rho, double alpha, double gamma,
                       gsl_matrix *U, gsl_matrix *Vr, gsl_matrix *Zr, gsl_matrix *Vc, gsl_matrix *Zc)
{
  const size_t ner = Dr->size1, nec = Dc->size2;
  gsl_matrix *Wr = gsl_matrix_alloc(ner, p), *Wc = gsl_matrix_alloc(n, nec), *R = gsl_matrix_alloc(n, p);
  gsl_matrix *Tr = gsl_matrix_alloc(ner, p), *Tc = gsl_matrix_alloc(n, nec);
  /* Wr = V_r - Z_r - D_r U; Wc = V_c - Z_c - U D_c */
  gsl_matrix_memcpy(Wr, Vr); gsl_matrix_sub(Wr, Zr);
  gsl_blas_dgemm(CblasNoTrans, CblasNoTrans, -1, Dr, U, 1, Wr);
  gsl_matrix_memcpy(Wc, Vc); gsl_matrix_sub(Wc, Zc);
  gsl_blas_dgemm(CblasNoTrans, CblasNoTrans, -1, U, Dc, 1, Wc);
  /* R = X + alpha U + rho D_r^T Wr + rho Wc D_c^T; U = R / (1 + alpha) */
  for (size_t i = 0; i < n; i++)
    for (size_t c = 0; c < p; c++) gsl_matrix_set(R, i, c, x[c * n + i] + alpha * gsl_matrix_get(U, i, c));
  gsl_blas_dgemm(CblasTrans, CblasNoTrans, rho, Dr, Wr, 1, R);
  gsl_blas_dgemm(CblasNoTrans, CblasTrans, rho, Wc, Dc, 1, R);
  gsl_matrix_scale(R, 1 / (1 + alpha));
  gsl_matrix_memcpy(U, R);
  /* T = D U + Z, V = prox(T), Z = T - V */
  gsl_matrix_memcpy(Tr, Zr);
  gsl_blas_dgemm(CblasNoTrans, CblasNoTrans, 1, Dr, U, 1, Tr);
  gsl_matrix_memcpy(Tc, Zc);
  gsl_blas_dgemm(CblasNoTrans, CblasNoTrans, 1, U, Dc, 1, Tc);
  gsl_matrix_memcpy(Vr, Tr);
  gsl_matrix_memcpy(Vc, Tc);
  for (size_t l = 0; l < ner; l++) prox(Vr->data + l * Vr->tda, p, 1, gamma * wr[l] / rho);
  for (size_t l = 0; l < nec; l++) prox(Vc->data + l, n, Vc->tda, gamma * wc[l] / rho);
  gsl_matrix_memcpy(Zr, Tr); gsl_matrix_sub(Zr, Vr);
  gsl_matrix_memcpy(Zc, Tc); gsl_matrix_sub(Zc, Vc);
  gsl_matrix_free(Wr); gsl_matrix_free(Wc); gsl_matrix_free(R); gsl_matrix_free(Tr); gsl_matrix_free(Tc);
}

static void test_step(gsl_rng *r)
{
  const size_t n = 5, p = 4, ner = 6, nec = 4;
  const size_t ri[6] = { 0, 0, 1, 1, 2, 3 }, rj[6] = { 1, 3, 2, 4, 3, 4 };
  const size_t ci[4] = { 0, 0, 1, 2 }, cj[4] = { 1, 2, 3, 3 };
  const double wr[6] = { 1, 0.5, 0.7, 0.2, 0.9, 0.4 }, wc[4] = { 0.3, 0.8, 0.6, 0.5 };
  cc_graph *gr = cc_graph_make(n, ner, ri, rj, wr), *gc = cc_graph_make(p, nec, ci, cj, wc);
  double x[20];
  for (size_t q = 0; q < n * p; q++) x[q] = gsl_ran_gaussian(r, 1);
  const double rho = 1.3, alpha = cbass_alpha(gr, gc, rho);
  cbass_admm *a = cbass_admm_alloc(x, n, p, gr, gc, rho, alpha);
  CHECK(a != NULL, "CBASS ADMM allocated");
  if (!a) return;
  gsl_matrix *Dr = gsl_matrix_calloc(ner, n), *Dc = gsl_matrix_calloc(p, nec), *U = gsl_matrix_alloc(n, p);
  gsl_matrix *Vr = gsl_matrix_alloc(ner, p), *Zr = gsl_matrix_calloc(ner, p);
  gsl_matrix *Vc = gsl_matrix_alloc(n, nec), *Zc = gsl_matrix_calloc(n, nec);
  for (size_t l = 0; l < ner; l++) { gsl_matrix_set(Dr, l, ri[l], 1); gsl_matrix_set(Dr, l, rj[l], -1); }
  for (size_t l = 0; l < nec; l++) { gsl_matrix_set(Dc, ci[l], l, 1); gsl_matrix_set(Dc, cj[l], l, -1); }
  for (size_t i = 0; i < n; i++)
    for (size_t c = 0; c < p; c++) gsl_matrix_set(U, i, c, x[c * n + i]);
  gsl_blas_dgemm(CblasNoTrans, CblasNoTrans, 1, Dr, U, 0, Vr);   /* the package's start */
  gsl_blas_dgemm(CblasNoTrans, CblasNoTrans, 1, U, Dc, 0, Vc);
  double vr[24], zr[24], vc[20], zc[20];
  const double gammas[4] = { 0.01, 0.3, 1.0, 3.0 };
  for (int k = 0; k < 4; k++) {
    CHECK(cbass_admm_step(a, gammas[k]) == 0, "step");
    dense_step(x, n, p, Dr, Dc, wr, wc, rho, alpha, gammas[k], U, Vr, Zr, Vc, Zc);
    cbass_admm_split(a, vr, zr, vc, zc);
    double eu = 0, ev = 0, ez = 0;
    for (size_t i = 0; i < n; i++)
      for (size_t c = 0; c < p; c++) eu = fmax(eu, fabs(a->u[c * n + i] - gsl_matrix_get(U, i, c)));
    for (size_t l = 0; l < ner; l++)
      for (size_t c = 0; c < p; c++) {
        ev = fmax(ev, fabs(vr[c * ner + l] - gsl_matrix_get(Vr, l, c)));
        ez = fmax(ez, fabs(zr[c * ner + l] - gsl_matrix_get(Zr, l, c)));
      }
    for (size_t l = 0; l < nec; l++)
      for (size_t i = 0; i < n; i++) {
        ev = fmax(ev, fabs(vc[l * n + i] - gsl_matrix_get(Vc, i, l)));
        ez = fmax(ez, fabs(zc[l * n + i] - gsl_matrix_get(Zc, i, l)));
      }
    CHECK(eu < 1e-12 && ev < 1e-12 && ez < 1e-12, "step %d against the dense formulas: |dU| %.2g |dV| %.2g |dZ| %.2g",
          k, eu, ev, ez);
    int exact = 1;   /* a fused edge has an exactly zero V (and norm), and only then */
    for (size_t l = 0; l < ner; l++) exact &= (a->vnorm_r[l] == 0) == (vr[l] == 0 && vr[ner + l] == 0 && vr[2 * ner + l] == 0 && vr[3 * ner + l] == 0);
    for (size_t l = 0; l < nec; l++) exact &= (a->vnorm_c[l] == 0) == (frob(vc + l * n, n) == 0);
    CHECK(exact, "fusion flags match V's zero rows and columns");
  }
  CHECK(cbass_admm_step(a, 1e6) == 0 && cbass_admm_fused(a), "a large gamma fuses every row and column edge");
  gsl_matrix_free(Dr); gsl_matrix_free(Dc); gsl_matrix_free(U); gsl_matrix_free(Vr); gsl_matrix_free(Zr);
  gsl_matrix_free(Vc); gsl_matrix_free(Zc);
  cbass_admm_free(a);
  cc_graph_free(gr); cc_graph_free(gc);
}

/* The 2 x 2 hand cases: X = s [1 -1; -1 1] (case 0) has U(lambda) = c X with
 * c = (1 - lambda (w_r + w_c) / (sqrt 2 s))_+, rows and columns fusing together; X = s [1 -1; 1 -1]
 * (case 1, identical rows) has c = (1 - lambda w_c / (sqrt 2 s))_+.  (The symmetries of each X leave
 * only the line c X for the unique minimizer; on it the objective is a scalar quadratic plus |c|.) */
static double hand_c(int kase, double s, double wr, double wc, double lambda)
{
  return fmax(0, 1 - lambda * (kase == 0 ? wr + wc : wc) / (sqrt(2.0) * s));
}

static void test_hand(void)
{
  const size_t ei[1] = { 0 }, ej[1] = { 1 };
  const double s = 1.5, wr[1] = { 0.3 }, wc[1] = { 0.5 };
  cc_graph *gr = cc_graph_make(2, 1, ei, ej, wr), *gc = cc_graph_make(2, 1, ei, ej, wc);
  for (int kase = 0; kase < 2; kase++) {
    const double x[4] = { s, kase == 0 ? -s : s, -s, kase == 0 ? s : -s };   /* column-major */
    const double lstar = sqrt(2.0) * s / (kase == 0 ? wr[0] + wc[0] : wc[0]);
    cbass_admm *a = cbass_admm_alloc(x, 2, 2, gr, gc, 1.0, cbass_alpha(gr, gc, 1.0));
    cbass_path *h = cbass_path_alloc(2, 2, 1, 1, 1);
    double grid[40];
    for (int k = 0; k < 40; k++) grid[k] = lstar * (0.05 + 0.05 * k);
    CHECK(cbass_exact(a, grid, 40, 1e-13, 1000000, 0, h) == 0, "exact path runs");
    double err = 0;
    for (size_t k = 0; k < h->row->nstore; k++) {
      const double c = hand_c(kase, s, wr[0], wc[0], h->row->gamma[k]);
      for (size_t q = 0; q < 4; q++) err = fmax(err, fabs(h->row->u[4 * k + q] - c * x[q]));
    }
    CHECK(err < 1e-9 * 2 * s, "case %d: exact path = closed form at every level (max error %.2g)", kase, err);
    const double gcol = h->col->gamma[h->col->fuse_at[0]], grow = h->row->gamma[h->row->fuse_at[0]];
    CHECK(gcol >= lstar && gcol < lstar * 1.051, "case %d: the column edge fuses at the first level >= lambda* (%.4g vs %.4g)",
          kase, gcol, lstar);
    CHECK(kase == 0 ? grow == gcol : h->row->fuse_at[0] == 0, "case %d: the row edge fuses %s", kase,
          kase == 0 ? "with the column edge" : "from the start (identical rows)");
    cbass_path_free(h);
    cbass_admm_free(a);
  }
  cc_graph_free(gr); cc_graph_free(gc);
}

/* Plain ADMM for convex biclustering, independent of cbass.c: the U-update solves
 * (I + rho (I (x) L_r) + rho (L_c (x) I)) vec U = vec(X + rho D_r^T (V_r - Z_r) + rho (V_c - Z_c) D_c^T)
 * as one dense system (Cholesky), V and Z as usual; `iters` steps from U = X, V = D X, Z = 0. */
static void sylvester_admm(const double *x, size_t n, size_t p, const cc_graph *gr, const cc_graph *gc,
                           double lambda, size_t iters, double *u)
{
  const size_t np = n * p, ner = gr->ne, nec = gc->ne;
  gsl_matrix *K = gsl_matrix_calloc(np, np);
  gsl_vector *b = gsl_vector_alloc(np);
  double *vr = calloc(ner * p, sizeof *vr), *zr = calloc(ner * p, sizeof *zr);
  double *vc = calloc(n * nec, sizeof *vc), *zc = calloc(n * nec, sizeof *zc);
  double *rr = malloc(np * sizeof *rr), *w = malloc((ner * p > n * nec ? ner * p : n * nec) * sizeof *w);
  for (size_t q = 0; q < np; q++) gsl_matrix_set(K, q, q, 1);
  for (size_t c = 0; c < p; c++)   /* I (x) L_r: within each column of U */
    for (size_t l = 0; l < ner; l++) {
      const size_t i = c * n + gr->ei[l], j = c * n + gr->ej[l];
      *gsl_matrix_ptr(K, i, i) += 1; *gsl_matrix_ptr(K, j, j) += 1;
      *gsl_matrix_ptr(K, i, j) -= 1; *gsl_matrix_ptr(K, j, i) -= 1;
    }
  for (size_t r = 0; r < n; r++)   /* L_c (x) I: within each row of U */
    for (size_t l = 0; l < nec; l++) {
      const size_t i = gc->ei[l] * n + r, j = gc->ej[l] * n + r;
      *gsl_matrix_ptr(K, i, i) += 1; *gsl_matrix_ptr(K, j, j) += 1;
      *gsl_matrix_ptr(K, i, j) -= 1; *gsl_matrix_ptr(K, j, i) -= 1;
    }
  gsl_linalg_cholesky_decomp1(K);   /* rho = 1 */
  memcpy(u, x, np * sizeof *u);
  cc_diff(gr, p, x, vr);
  cc_diff_cols(gc, n, x, vc);
  for (size_t it = 0; it < iters; it++) {
    for (size_t q = 0; q < ner * p; q++) w[q] = vr[q] - zr[q];
    cc_diff_t(gr, p, w, rr);
    for (size_t q = 0; q < np; q++) gsl_vector_set(b, q, x[q] + rr[q]);
    for (size_t q = 0; q < n * nec; q++) w[q] = vc[q] - zc[q];
    cc_diff_cols_t(gc, n, w, rr);
    for (size_t q = 0; q < np; q++) *gsl_vector_ptr(b, q) += rr[q];
    gsl_linalg_cholesky_svx(K, b);
    for (size_t q = 0; q < np; q++) u[q] = gsl_vector_get(b, q);
    cc_diff(gr, p, u, w);
    for (size_t q = 0; q < ner * p; q++) vr[q] = w[q] + zr[q];
    for (size_t l = 0; l < ner; l++) prox(vr + l, p, ner, lambda * gr->w[l]);
    for (size_t q = 0; q < ner * p; q++) zr[q] += w[q] - vr[q];
    cc_diff_cols(gc, n, u, w);
    for (size_t q = 0; q < n * nec; q++) vc[q] = w[q] + zc[q];
    for (size_t l = 0; l < nec; l++) prox(vc + l * n, n, 1, lambda * gc->w[l]);
    for (size_t q = 0; q < n * nec; q++) zc[q] += w[q] - vc[q];
  }
  gsl_matrix_free(K); gsl_vector_free(b);
  free(vr); free(zr); free(vc); free(zc); free(rr); free(w);
}

static void test_independent(gsl_rng *r)
{
  const size_t n = 6, p = 5;
  double x[30];
  for (size_t q = 0; q < n * p; q++) x[q] = gsl_ran_gaussian(r, 1) + (q % n < 3 ? 2.0 : -1.0);
  cbass_center(x, n, p);
  cc_graph *gr, *gc;
  if (cbass_weights(x, n, p, &gr, &gc)) { CHECK(0, "weights"); return; }
  cbass_admm *a = cbass_admm_alloc(x, n, p, gr, gc, 1.0, cbass_alpha(gr, gc, 1.0));
  cbass_path *h = cbass_path_alloc(n, p, gr->ne, gc->ne, 1);
  /* levels across the path, from nothing fused to everything */
  double grid[6] = { 5, 12, 20, 35, 60, 100 };
  CHECK(cbass_exact(a, grid, 6, 1e-13, 1000000, 0, h) == 0, "exact path runs");
  const double xn = frob(x, n * p);
  double worst = 0, u[30];
  for (size_t k = 0; k < h->row->nstore; k++) {
    sylvester_admm(x, n, p, gr, gc, h->row->gamma[k], 4000, u);
    double d = 0;
    for (size_t q = 0; q < n * p; q++) d += (u[q] - h->row->u[k * n * p + q]) * (u[q] - h->row->u[k * n * p + q]);
    worst = fmax(worst, sqrt(d) / xn);
  }
  CHECK(h->row->nstore >= 4 && worst < 1e-8, "exact path = an independent ADMM (dense Sylvester solve) at %zu levels: "
        "max ||dU||/||X|| = %.2g", h->row->nstore, worst);
  int part_r = 0, part_c = 0;   /* the comparison covers levels partly fused on each side */
  for (size_t k = 0; k < h->row->nstore; k++) {
    size_t kr = 0, kc = 0;
    for (size_t l = 0; l < gr->ne; l++) kr += h->row->fuse_at[l] <= k;
    for (size_t l = 0; l < gc->ne; l++) kc += h->col->fuse_at[l] <= k;
    part_r |= kr > 0 && kr < gr->ne;
    part_c |= kc > 0 && kc < gc->ne;
  }
  CHECK(part_r && part_c, "some compared level has the row graph partly fused, some the column graph");
  cbass_path_free(h);
  cbass_admm_free(a);
  cc_graph_free(gr); cc_graph_free(gc);
}

/* CBASS itself against the closed form of hand case 0, at every stored level: the error
 * max_k ||U_k - U(gamma_k)||_F / ||X||_F shrinks with t (below 1e-2 at t = 1.001); and its
 * termination rule: every edge fused after exactly 50 + ln(gamma_end/eps)/ln t steps. */
static void test_cbass_run(void)
{
  const size_t ei[1] = { 0 }, ej[1] = { 1 };
  const double s = 1.5, wr[1] = { 0.3 }, wc[1] = { 0.5 }, x[4] = { s, -s, -s, s };
  const double lstar = sqrt(2.0) * s / (wr[0] + wc[0]), xn = 2 * s;
  cc_graph *gr = cc_graph_make(2, 1, ei, ej, wr), *gc = cc_graph_make(2, 1, ei, ej, wc);
  cbass_admm *a = cbass_admm_alloc(x, 2, 2, gr, gc, 1.0, cbass_alpha(gr, gc, 1.0));
  const double ts[2] = { 1.01, 1.001 };
  double err[2];
  for (int k = 0; k < 2; k++) {
    cbass_path *h = cbass_path_alloc(2, 2, 1, 1, 1);
    const cc_carp_config cfg = { ts[k], 1e-6, 50, 1, 10000000 };
    CHECK(cbass_run(a, &cfg, h) == 0, "CBASS runs (t = %g)", ts[k]);
    CHECK(isfinite(h->row->gamma_end) && h->col->gamma_end == h->row->gamma_end, "ends with every edge fused");
    const double pred = 50 + log(h->row->gamma_end / 1e-6) / log(ts[k]);
    CHECK(fabs((double) h->row->steps - pred) < 1e-6, "t = %g: %zu steps vs 50 + ln(gamma_end/eps)/ln t = %.6f",
          ts[k], h->row->steps, pred);
    CHECK(h->row->gamma_end >= lstar && h->row->gamma_end < lstar * (1 + 10 * (ts[k] - 1)),
          "t = %g: the last fusion (%.5g) just after lambda* = %.5g, within 10 (t - 1) of it", ts[k], h->row->gamma_end, lstar);
    CHECK(h->row->nstore == h->col->nstore && h->row->step[h->row->nstore - 1] == h->col->step[h->col->nstore - 1],
          "the row and column records share the stored iterates");
    err[k] = 0;
    for (size_t j = 1; j < h->row->nstore; j++) {
      const double c = hand_c(0, s, wr[0], wc[0], h->row->gamma[j]);
      double d = 0;
      for (size_t q = 0; q < 4; q++) d += (h->row->u[4 * j + q] - c * x[q]) * (h->row->u[4 * j + q] - c * x[q]);
      err[k] = fmax(err[k], sqrt(d) / xn);
    }
    cbass_path_free(h);
  }
  CHECK(err[1] < 1e-2 && err[1] < 0.3 * err[0], "same-level error against the closed form: %.3g at t = 1.01, %.3g at t = 1.001",
        err[0], err[1]);
  cbass_admm_free(a);
  cc_graph_free(gr); cc_graph_free(gc);
}

/* Dendrograms of both graphs on a planted 2 x 2 bicluster matrix: n - 1 and p - 1 merges, and the
 * last row and column merges join the planted groups. */
static void test_dendrograms(gsl_rng *r)
{
  const size_t n = 8, p = 6;
  double x[48];
  for (size_t c = 0; c < p; c++)
    for (size_t i = 0; i < n; i++) x[c * n + i] = ((i < 4) == (c < 3) ? 3.0 : -3.0) + gsl_ran_gaussian(r, 0.3);
  cbass_center(x, n, p);
  cc_graph *gr, *gc;
  if (cbass_weights(x, n, p, &gr, &gc)) { CHECK(0, "weights"); return; }
  cbass_admm *a = cbass_admm_alloc(x, n, p, gr, gc, 1.0, cbass_alpha(gr, gc, 1.0));
  cbass_path *h = cbass_path_alloc(n, p, gr->ne, gc->ne, 0);
  const cc_carp_config cfg = { 1.05, 1e-6, 50, 10, 10000000 };
  CHECK(cbass_run(a, &cfg, h) == 0, "CBASS on a planted matrix");
  int merge[16];
  double height[8];
  size_t order[8], lab[8], par[8], sz[8];
  CHECK(cc_dendrogram(h->row, gr, merge, height, order) == n - 1, "n - 1 row merges");
  CHECK(cc_dendrogram(h->col, gc, merge, height, order) == p - 1, "p - 1 column merges");
  /* the first stored level with two row (column) clusters has the planted ones */
  size_t ok = 1;
  for (int side = 0; side < 2; side++) {
    const cc_path *hp = side ? h->col : h->row;
    const cc_graph *g = side ? gc : gr;
    const size_t m = side ? p : n, half = side ? 3 : 4;
    size_t k = 0, sidx = 0;
    while (sidx < hp->nstore && (k = cc_path_labels(hp, g, sidx, lab, par, sz)) > 2) sidx++;
    for (size_t i = 0; i < m; i++) ok &= k == 2 && (lab[i] == lab[0]) == (i < half);
  }
  CHECK(ok, "the first level with two row (column) clusters has the planted ones");
  cbass_path_free(h);
  cbass_admm_free(a);
  cc_graph_free(gr); cc_graph_free(gc);
}

static void test_block_means(void)
{
  /* 3 x 4, rows {0, 2} {1}, columns {0} {1, 3} {2} */
  const double x[12] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };
  const size_t labr[3] = { 0, 1, 0 }, labc[4] = { 0, 1, 2, 1 };
  double m[6];
  size_t cnt[6];
  cbass_block_means(x, 3, 4, labr, 2, labc, 3, m, cnt);
  CHECK_NEAR(m[0 * 3 + 1], (4 + 6 + 10 + 12) / 4.0, 1e-15, "block (rows {0,2}, columns {1,3})");
  CHECK_NEAR(m[1 * 3 + 0], 2, 0, "block (row 1, column 0)");
  CHECK(cnt[0 * 3 + 1] == 4 && cnt[1 * 3 + 2] == 1, "block sizes");
}

int main(void)
{
  proc_init();
  gsl_rng *r = rng_stream(11, RNG_MISC, 2, 0);
  test_operator_cols(r);
  test_center();
  test_weights(r);
  test_alpha();
  test_step(r);
  test_hand();
  test_independent(r);
  test_cbass_run();
  test_dendrograms(r);
  test_block_means();
  gsl_rng_free(r);
  return check_done("test_cbass");
}
