/* test_cvxclust.c -- convex clustering: the weights rules on hand cases, the edge operator's
 * adjoint, the ADMM step against a dense closed form, union-find, the ARI, the dendrogram of a
 * 4-point example, the Hausdorff distance, CARP's termination; partitions, centroids, Newick and
 * hclust text; missing cells (a closed form, a hand case, a neutral mask). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_randist.h>
#include "check.h"
#include "core/rng.h"
#include "core/uf.h"
#include "io/proc.h"
#include "io/cc_data.h"
#include "io/cc_view.h"
#include "models/cc_path.h"

/* The variance rule written out directly (two-pass variance). */
static double phi_by_definition(const double *d2, size_t m)
{
  double best = -1, arg = NAN;
  for (int e = -10; e <= 10; e++) {
    double phi = pow(10.0, e), mean = 0, var = 0;
    for (size_t q = 0; q < m; q++) mean += exp(-phi * d2[q]);
    mean /= (double) m;
    for (size_t q = 0; q < m; q++) var += (exp(-phi * d2[q]) - mean) * (exp(-phi * d2[q]) - mean);
    var /= (double) (m - 1);
    if (var > best * (1 + 1e-12)) { best = var; arg = phi; }
  }
  return arg;
}

static void test_weights(void)
{
  /* two pairs far apart on a line: 0, 1, 10, 11 -- k = 1 leaves two components, k = 2 connects */
  double x[4] = { 0, 1, 10, 11 };
  cc_graph *g = cc_weights(x, 4, 1);
  CHECK(g != NULL, "weights on 4 points");
  if (!g) return;
  CHECK(g->k == 2, "k = %zu, expected 2", g->k);
  CHECK(g->ne == 5, "%zu edges, expected 5 ((0,1) (0,2) (1,2) (1,3) (2,3))", g->ne);
  static const size_t ei[5] = { 0, 0, 1, 1, 2 }, ej[5] = { 1, 2, 2, 3, 3 };
  for (size_t l = 0; l < 5 && l < g->ne; l++) {
    CHECK(g->ei[l] == ei[l] && g->ej[l] == ej[l], "edge %zu = (%zu, %zu)", l, g->ei[l], g->ej[l]);
    const double d = x[g->ej[l]] - x[g->ei[l]];
    CHECK_NEAR(g->w[l], exp(-g->phi * d * d), 1e-15, "w = exp(-phi d^2)");
  }
  const double d2[6] = { 1, 100, 121, 81, 100, 1 };
  CHECK_NEAR(g->phi, phi_by_definition(d2, 6), 0, "phi = the variance-maximizing grid value");
  cc_graph_free(g);
  /* ties are kept: the middle point of -1, 0, 1 has two nearest neighbours at k = 1 */
  double w[9], y[3] = { -1, 0, 1 };
  unsigned char mask[9];
  for (size_t i = 0; i < 3; i++)
    for (size_t j = 0; j < 3; j++) w[i * 3 + j] = i == j ? 0 : exp(-(y[i] - y[j]) * (y[i] - y[j]));
  cc_knn_mask(w, 3, 1, mask);
  CHECK(mask[1 * 3 + 0] && mask[1 * 3 + 2] && !mask[0 * 3 + 2] && mask[0 * 3 + 1] == mask[1 * 3 + 0],
        "tied neighbours both kept, mask symmetric, no (0,2)");
  CHECK(cc_connected(mask, 3), "connected");
  /* the rule on another hand set */
  const double e2[4] = { 0.5, 2, 8, 1e4 };
  CHECK_NEAR(cc_choose_phi(e2, 4), phi_by_definition(e2, 4), 0, "phi rule");
}

/* <D U, V> = <U, D^T V> and D U by the definition. */
static void test_operator(gsl_rng *r)
{
  const size_t n = 5, p = 3, ne = 6;
  const size_t ei[6] = { 0, 0, 1, 1, 2, 3 }, ej[6] = { 1, 3, 2, 4, 3, 4 };
  const double wt[6] = { 1, 0.5, 0.7, 0.2, 0.9, 0.4 };
  cc_graph *g = cc_graph_make(n, ne, ei, ej, wt);
  double u[15], v[18], du[18], dtv[15];
  for (size_t q = 0; q < 15; q++) u[q] = gsl_ran_gaussian(r, 1);
  for (size_t q = 0; q < 18; q++) v[q] = gsl_ran_gaussian(r, 1);
  cc_diff(g, p, u, du);
  cc_diff_t(g, p, v, dtv);
  double lhs = 0, rhs = 0;
  for (size_t q = 0; q < 18; q++) lhs += du[q] * v[q];
  for (size_t q = 0; q < 15; q++) rhs += u[q] * dtv[q];
  CHECK_NEAR(lhs, rhs, 1e-12, "adjoint identity");
  CHECK_NEAR(du[1 * ne + 3], u[1 * n + 1] - u[1 * n + 4], 0, "(D U)_{l=3, c=1} = U_1 - U_4");
  cc_graph_free(g);
}

/* One ADMM step against the dense closed form: U = (I + D^T D)^{-1}(X + D^T(V - Z)), ... */
static void test_admm_step(gsl_rng *r, cc_solver solver)
{
  const size_t n = 5, p = 2, ne = 6;
  const size_t ei[6] = { 0, 0, 1, 1, 2, 3 }, ej[6] = { 1, 3, 2, 4, 3, 4 };
  const double wt[6] = { 1, 0.5, 0.7, 0.2, 0.9, 0.4 };
  cc_graph *g = cc_graph_make(n, ne, ei, ej, wt);
  double x[10];
  for (size_t q = 0; q < 10; q++) x[q] = gsl_ran_gaussian(r, 1);
  const double rho = 1.0;
  cc_admm *a = cc_admm_alloc(x, n, p, g, rho, solver);
  CHECK(a != NULL, "ADMM allocated");
  if (!a) return;
  /* dense D and the Cholesky factor of I + rho D^T D */
  gsl_matrix *D = gsl_matrix_calloc(ne, n), *A = gsl_matrix_alloc(n, n);
  for (size_t l = 0; l < ne; l++) { gsl_matrix_set(D, l, ei[l], 1); gsl_matrix_set(D, l, ej[l], -1); }
  gsl_matrix_set_identity(A);
  gsl_blas_dgemm(CblasTrans, CblasNoTrans, rho, D, D, 1.0, A);
  gsl_linalg_cholesky_decomp1(A);
  double V[12], Z[12];   /* column-major ne x p, start: V = Z = D X */
  cc_diff(g, p, x, V);
  memcpy(Z, V, sizeof V);
  const double gammas[3] = { 0.05, 0.5, 5.0 };
  for (int k = 0; k < 3; k++) {
    CHECK(cc_admm_step(a, gammas[k]) == 0, "step");
    double U[10], T[12];
    gsl_vector *b = gsl_vector_alloc(n);
    for (size_t c = 0; c < p; c++) {
      for (size_t i = 0; i < n; i++) {
        double s = x[c * n + i];
        for (size_t l = 0; l < ne; l++) s += rho * gsl_matrix_get(D, l, i) * (V[c * ne + l] - Z[c * ne + l]);
        gsl_vector_set(b, i, s);
      }
      gsl_linalg_cholesky_svx(A, b);
      for (size_t i = 0; i < n; i++) U[c * n + i] = gsl_vector_get(b, i);
    }
    gsl_vector_free(b);
    for (size_t c = 0; c < p; c++)
      for (size_t l = 0; l < ne; l++) T[c * ne + l] = U[c * n + ei[l]] - U[c * n + ej[l]] + Z[c * ne + l];
    for (size_t l = 0; l < ne; l++) {
      double nrm = 0;
      for (size_t c = 0; c < p; c++) nrm += T[c * ne + l] * T[c * ne + l];
      nrm = sqrt(nrm);
      const double s = fmax(0, 1 - gammas[k] * wt[l] / (rho * nrm));
      for (size_t c = 0; c < p; c++) { V[c * ne + l] = s * T[c * ne + l]; Z[c * ne + l] = T[c * ne + l] - V[c * ne + l]; }
      CHECK(s > 0 || a->vnorm[l] == 0, "edge %zu fused exactly (vnorm %.3g)", l, a->vnorm[l]);
    }
    double eu = 0, ev = 0, ez = 0;
    for (size_t q = 0; q < n * p; q++) eu = fmax(eu, fabs(U[q] - a->u[q]));
    for (size_t q = 0; q < ne * p; q++) { ev = fmax(ev, fabs(V[q] - a->v[q])); ez = fmax(ez, fabs(Z[q] - a->z[q])); }
    CHECK(eu < 1e-12 && ev < 1e-12 && ez < 1e-12, "solver %d step %d: |dU| %.2g |dV| %.2g |dZ| %.2g", (int) solver, k, eu, ev, ez);
  }
  /* a large gamma fuses every edge: V = 0 exactly */
  CHECK(cc_admm_step(a, 1e6) == 0, "step");
  int allz = 1;
  for (size_t q = 0; q < ne * p; q++) allz &= a->v[q] == 0.0;
  CHECK(allz, "large gamma: every row of V exactly zero");
  gsl_matrix_free(D); gsl_matrix_free(A);
  cc_admm_free(a);
  cc_graph_free(g);
}

static void test_union_find(void)
{
  size_t parent[6], size[6];
  uf_init(parent, size, 6);
  CHECK(uf_union(parent, size, 0, 1) == 1, "merge 0-1");
  CHECK(uf_union(parent, size, 2, 3) == 1, "merge 2-3");
  CHECK(uf_union(parent, size, 1, 0) == 0, "0-1 again: no merge");
  CHECK(uf_find(parent, 0) == uf_find(parent, 1) && uf_find(parent, 0) != uf_find(parent, 2), "components");
  CHECK(uf_union(parent, size, 3, 0) == 1, "merge {2,3} with {0,1}");
  CHECK(uf_find(parent, 1) == uf_find(parent, 2) && uf_find(parent, 4) == 4, "4 alone");
  CHECK(size[uf_find(parent, 0)] == 4, "size 4");
}

static void test_ari(void)
{
  const size_t a[6] = { 0, 0, 0, 1, 1, 1 }, b[6] = { 0, 0, 1, 1, 2, 2 }, c[6] = { 1, 1, 1, 0, 0, 0 };
  CHECK_NEAR(cc_ari(a, c, 6), 1.0, 1e-15, "relabelled partition: ARI 1");
  /* contingency sums: sum C(n_ij,2) = 2, rows 6, columns 3, 15 pairs: (2 - 1.2)/(4.5 - 1.2) */
  CHECK_NEAR(cc_ari(a, b, 6), 0.8 / 3.3, 1e-15, "hand-computed ARI");
  CHECK_NEAR(cc_ari(b, a, 6), 0.8 / 3.3, 1e-15, "symmetric");
}

static cc_path *hand_path(const size_t *fuse_at, const double *key, const double *gamma, size_t ns)
{
  cc_path *h = cc_path_alloc(4, 1, 3, 0);
  h->gamma = malloc(ns * sizeof(double));
  h->nstore = h->cap = ns;
  for (size_t s = 0; s < ns; s++) h->gamma[s] = gamma[s];
  for (size_t l = 0; l < 3; l++) { h->fuse_at[l] = fuse_at[l]; h->fuse_key[l] = key[l]; }
  return h;
}

static void test_dendrogram(void)
{
  const size_t ei[3] = { 0, 1, 2 }, ej[3] = { 1, 2, 3 };
  const double w[3] = { 1, 1, 1 }, gam[3] = { 1, 2, 3 };
  cc_graph *g = cc_graph_make(4, 3, ei, ej, w);
  int merge[6];
  double height[3];
  size_t order[4];
  /* (0,1) at level 1, (2,3) at 2, (1,2) at 3 */
  const size_t f1[3] = { 0, 2, 1 };
  const double k1[3] = { 0, 0, 0 };
  cc_path *h = hand_path(f1, k1, gam, 3);
  size_t nm = cc_dendrogram(h, g, merge, height, order);
  CHECK(nm == 3, "3 merges");
  CHECK(merge[0] == -1 && merge[1] == -2 && merge[2] == -3 && merge[3] == -4 && merge[4] == 1 && merge[5] == 2,
        "merge = [-1 -2; -3 -4; 1 2], got [%d %d; %d %d; %d %d]", merge[0], merge[1], merge[2], merge[3], merge[4], merge[5]);
  CHECK(height[0] == 1 && height[1] == 2 && height[2] == 3, "heights 1 2 3");
  CHECK(order[0] == 0 && order[1] == 1 && order[2] == 2 && order[3] == 3, "order 0 1 2 3");
  double seg[36];
  size_t ns = cc_dendrogram_segments(merge, height, order, 4, nm, seg);
  CHECK(ns == 9, "9 segments");
  CHECK_NEAR(seg[4 * 8 + 0], 1.5, 0, "top bar from x = 1.5");
  CHECK_NEAR(seg[4 * 8 + 2], 3.5, 0, "to x = 3.5");
  cc_path_free(h);
  /* two edges fusing at the same stored step: ordered by their V norm before, heights spread */
  const size_t f2[3] = { 1, 1, 0 };
  const double k2[3] = { 0.5, 0.2, 0 };
  h = hand_path(f2, k2, gam, 2);
  nm = cc_dendrogram(h, g, merge, height, order);
  CHECK(nm == 3 && merge[0] == -3 && merge[1] == -4 && merge[2] == -2 && merge[3] == 1 && merge[4] == -1 && merge[5] == 2,
        "merge = [-3 -4; -2 1; -1 2], got [%d %d; %d %d; %d %d]", merge[0], merge[1], merge[2], merge[3], merge[4], merge[5]);
  CHECK(height[0] == 1 && height[1] == 1.5 && height[2] == 2, "heights 1 1.5 2 (interpolated)");
  CHECK(order[0] == 0 && order[1] == 1 && order[2] == 2 && order[3] == 3, "order");
  size_t lab[4], par[4], sz[4];
  CHECK(cc_path_labels(h, g, 0, lab, par, sz) == 3 && lab[2] == lab[3] && lab[0] != lab[1], "3 clusters at s = 0");
  cc_path_free(h);
  cc_graph_free(g);
}

/* Reading a partition off a dendrogram and a path; centroids from observed entries; the dendrogram
 * as Newick and as R's hclust object. */
static void test_cut_and_text(void)
{
  /* merges of the second hand example: (2,3) at 1, (1, m1) at 1.5, (0, m2) at 2 */
  int merge[6] = { -3, -4, -2, 1, -1, 2 };
  double height[3] = { 1, 1.5, 2 };
  size_t order[4] = { 0, 1, 2, 3 }, lab[4], par[4], sz[4];
  CHECK(cc_dendrogram_cut(merge, 3, 4, 2, lab, par, sz) == 2 && lab[0] == 0 && lab[1] == 1 && lab[2] == 1 && lab[3] == 1,
        "K = 2: {0} {1 2 3}");
  CHECK(cc_dendrogram_cut(merge, 3, 4, 3, lab, par, sz) == 3 && lab[1] == 1 && lab[2] == 2 && lab[3] == 2, "K = 3: {0} {1} {2 3}");
  CHECK(cc_dendrogram_cut(merge, 3, 4, 4, lab, par, sz) == 4 && lab[3] == 3, "K = 4: singletons");
  CHECK(cc_dendrogram_cut(merge, 3, 4, 1, lab, par, sz) == 1 && lab[0] == 0 && lab[3] == 0, "K = 1: one cluster");
  const size_t f[3] = { 1, 1, 0 };
  const double k[3] = { 0.5, 0.2, 0 }, gam[2] = { 1, 2 };
  cc_path *h = hand_path(f, k, gam, 2);
  CHECK(cc_path_at(h, 0.5) == SIZE_MAX && cc_path_at(h, 1) == 0 && cc_path_at(h, 1.9) == 0 && cc_path_at(h, 7) == 1,
        "the stored iterate holding the path's partition at a level");
  cc_path_free(h);
  /* centroids: column 0 fully observed, column 1 with a gap; a cluster with no observed entry: NAN */
  const double x[8] = { 1, 3, 10, 20, 5, 99, NAN, NAN };
  const unsigned char obs[8] = { 1, 1, 1, 1, 1, 0, 0, 0 };
  const size_t cl[4] = { 0, 0, 1, 2 };
  double cent[6];
  size_t cnt[6];
  cc_centroids(x, obs, 4, 2, cl, 3, cent, cnt);
  CHECK(cent[0] == 2 && cent[1] == 10 && cent[2] == 20 && cnt[0] == 2, "column 0: means of the members");
  CHECK(cent[3] == 5 && cnt[3] == 1 && isnan(cent[4]) && cnt[4] == 0 && isnan(cent[5]), "column 1: observed entries only, NAN when none");
  cc_view v = { 0 };
  v.n = 4; v.nmerge = 3; v.merge = merge; v.height = height; v.order = order;
  char *const names[4] = { "a", "b c", "d'e", "f" };
  char *buf = NULL;
  size_t len = 0;
  FILE *ms = open_memstream(&buf, &len);
  CHECK(ms && cc_view_write_newick(ms, &v, names) == 0, "Newick written");
  if (ms) fclose(ms);
  CHECK(buf && strcmp(buf, "(a:2,(b_c:1.5,('d''e':1,f:1):0.5):0.5);\n") == 0, "Newick text: %s", buf ? buf : "");
  free(buf);
  buf = NULL;
  ms = open_memstream(&buf, &len);
  CHECK(ms && cc_view_write_hclust_r(ms, &v, names, "tree") == 0, "hclust written");
  if (ms) fclose(ms);
  CHECK(buf && strstr(buf, "merge = matrix(as.integer(c(-3, -2, -1, -4, 1, 2)), ncol = 2)") && strstr(buf, "height = c(1, 1.5, 2)")
        && strstr(buf, "order = as.integer(c(1, 2, 3, 4))") && strstr(buf, "class = \"hclust\""), "hclust text: %s", buf ? buf : "");
  free(buf);
}

/* Missing cells (the masked loss, fitted by filling them with the current U at each step). */
static void test_missing(void)
{
  /* two rows, one edge: x = [1 5; NA -5].  Centred by observed means: [0 5; (0) -5].  The masked
   * problem 1/2 sum_obs (x - u)^2 + lambda ||u_1 - u_2|| is solved by u_21 = u_11 = 0 (the gap
   * follows its partner at no cost) and u_12 = -u_22 = max(5 - lambda, 0). */
  static const char text[] = "1,5\nNA,-5\n";
  csv_data *c = csv_parse_opt(text, sizeof text - 1, "gap.csv", CSV_MISSING);
  cc_data *d = c ? cc_data_from_csv(c, "gap.csv", CC_DATA_MISSING) : NULL;
  CHECK(d && d->observed && d->nmiss == 1 && d->center[0] == 1 && d->x[1] == 0 && d->x[2] == 5, "gap read, centred, imputed");
  if (!d) return;
  const size_t ei[1] = { 0 }, ej[1] = { 1 };
  const double w[1] = { 1 }, grid[3] = { 1, 3, 6 };
  cc_graph *g = cc_graph_make(2, 1, ei, ej, w);
  cc_admm *a = cc_admm_alloc(d->x, 2, 2, g, 1.0, CC_SOLVER_DENSE);
  cc_path *h = cc_path_alloc(2, 2, 1, 1);
  a->observed = d->observed;
  CHECK(cc_exact(a, grid, 3, CC_RULE_R, 1e-24, 100000, 0, h) == 0 && h->nstore == 3, "exact path with a gap");
  for (size_t s = 0; s < h->nstore; s++) {
    const double *u = h->u + s * 4, want = fmax(5 - grid[s], 0);
    CHECK_NEAR(u[0], 0, 1e-6, "u_11 = 0");
    CHECK_NEAR(u[1], 0, 1e-6, "the missing u_21 follows its partner");
    CHECK_NEAR(u[2], want, 1e-6, "u_12 = max(5 - lambda, 0)");
    CHECK_NEAR(u[3], -want, 1e-6, "u_22 = -u_12");
  }
  cc_path_free(h); cc_admm_free(a); cc_graph_free(g); cc_data_free(d);

  /* a row with a gap in an obvious cluster joins it: A near the origin, B near (10, 10, 10), the
   * gapped row observed at (., 10.1, 9.9) */
  static const char hand[] = "name,x,y,z\na1,0,0,0\na2,0.2,0.1,-0.1\na3,-0.1,0.2,0.1\na4,0.1,-0.2,0.2\nb1,10,10,10\n"
                             "b2,10.2,9.9,10.1\nb3,9.8,10.1,9.9\ngap,,10.1,9.9\n";
  c = csv_parse_opt(hand, sizeof hand - 1, "hand.csv", CSV_MISSING);
  d = c ? cc_data_from_csv(c, "hand.csv", CC_DATA_MISSING) : NULL;
  CHECK(d && d->nmiss == 1 && d->n == 8, "hand case read");
  if (!d) return;
  g = cc_weights(d->x, 8, 3);
  a = g ? cc_admm_alloc(d->x, 8, 3, g, 1.0, CC_SOLVER_CHOLMOD) : NULL;
  h = g ? cc_path_alloc(8, 3, g->ne, 0) : NULL;
  int merge[14];
  double height[7];
  size_t lab[8], par[8], sz[8];
  const cc_carp_config cfg = { 1.05, 1e-6, 50, 10, 1000000 };
  if (a) a->observed = d->observed;
  CHECK(a && h && cc_carp(a, &cfg, h) == 0 && cc_dendrogram(h, g, merge, height, NULL) == 7, "CARP with a gap");
  if (a && h) {
    cc_dendrogram_cut(merge, 7, 8, 2, lab, par, sz);
    CHECK(lab[7] == lab[4] && lab[7] == lab[5] && lab[7] == lab[6] && lab[7] != lab[0], "K = 2: the gapped row is in B");
  }
  cc_path_free(h); cc_admm_free(a); cc_graph_free(g); cc_data_free(d);
}

/* A mask that marks every cell observed changes nothing, bit for bit (the branch is exact). */
static void test_mask_neutral(gsl_rng *r)
{
  const size_t n = 15, p = 3;
  double x[45];
  unsigned char all[45];
  for (size_t q = 0; q < n * p; q++) { x[q] = (double) (q % 3) * 3 + gsl_ran_gaussian(r, 0.5); all[q] = 1; }
  cc_center(x, n, p);
  cc_graph *g = cc_weights(x, n, p);
  cc_admm *a = cc_admm_alloc(x, n, p, g, 1.0, CC_SOLVER_CHOLMOD), *b = cc_admm_alloc(x, n, p, g, 1.0, CC_SOLVER_CHOLMOD);
  cc_path *ha = cc_path_alloc(n, p, g->ne, 1), *hb = cc_path_alloc(n, p, g->ne, 1);
  b->observed = all;
  const cc_carp_config cfg = { 1.1, 1e-6, 50, 10, 1000000 };
  CHECK(cc_carp(a, &cfg, ha) == 0 && cc_carp(b, &cfg, hb) == 0 && ha->nstore == hb->nstore
        && memcmp(ha->u, hb->u, ha->nstore * n * p * sizeof(double)) == 0, "all-observed mask: the same path, bit for bit");
  cc_path_free(ha); cc_path_free(hb); cc_admm_free(a); cc_admm_free(b); cc_graph_free(g);
}

static void test_hausdorff(void)
{
  const double A[2] = { 0, 1 }, B[2] = { 0, 3 }, C[1] = { 0.5 };
  CHECK_NEAR(cc_hausdorff(A, 2, B, 2, 1), 2, 0, "d_H({0,1},{0,3}) = 2");
  CHECK_NEAR(cc_hausdorff(A, 2, C, 1, 1), 0.5, 0, "d_H({0,1},{0.5}) = 0.5");
  const double P[4] = { 0, 0, 3, 4 }, Q[2] = { 0, 0 };
  CHECK_NEAR(cc_hausdorff(P, 2, Q, 1, 2), 5, 0, "2-d points");
}

/* CARP on blobs: every edge fused at the end, after 50 + ln(gamma_end/eps)/ln t steps; the
 * dendrogram has n - 1 merges with nondecreasing heights. */
static void test_carp(gsl_rng *r)
{
  const size_t n = 12, p = 2;
  double x[24];
  for (size_t i = 0; i < n; i++) {
    x[i] = (i % 3) * 4.0 + gsl_ran_gaussian(r, 0.3);
    x[n + i] = gsl_ran_gaussian(r, 0.3);
  }
  cc_center(x, n, p);
  cc_graph *g = cc_weights(x, n, p);
  cc_admm *a = cc_admm_alloc(x, n, p, g, 1.0, CC_SOLVER_CHOLMOD);
  cc_path *h = cc_path_alloc(n, p, g->ne, 1);
  const cc_carp_config cfg = { 1.05, 1e-6, 50, 10, 1000000 };
  CHECK(cc_carp(a, &cfg, h) == 0, "CARP runs");
  CHECK(isfinite(h->gamma_end), "CARP ends with every row of V zero");
  const double pred = 50 + log(h->gamma_end / 1e-6) / log(1.05);
  CHECK(fabs((double) h->steps - pred) < 1e-6, "steps %zu vs %.6f", h->steps, pred);
  int merge[2 * 12];
  double height[12];
  size_t order[12];
  const size_t nm = cc_dendrogram(h, g, merge, height, order);
  int mono = 1;
  for (size_t k = 1; k < nm; k++) mono &= height[k] >= height[k - 1];
  CHECK(nm == n - 1 && mono, "n - 1 merges (%zu), nondecreasing heights", nm);
  unsigned char seen[12] = { 0 };
  size_t distinct = 0;
  for (size_t i = 0; i < n; i++) distinct += !seen[order[i]]++;
  CHECK(distinct == n, "order is a permutation");
  /* the final iterate: every point at the mean (zero, data centred) up to ADMM accuracy */
  double far = 0;
  for (size_t q = 0; q < n * p; q++) far = fmax(far, fabs(h->u[(h->nstore - 1) * n * p + q]));
  CHECK(far < 0.5, "final iterate near the centroid (max |U| = %.3g)", far);
  /* CARP-VIZ: at most one new edge per accepted step unless tries ran out */
  cc_path *v = cc_path_alloc(n, p, g->ne, 0);
  CHECK(cc_carp_viz(a, &cfg, 1.1, 1.01, 15, v) == 0 && v->max_new_ok <= 1 && isfinite(v->gamma_end), "CARP-VIZ");
  /* the exact path's iterates satisfy the stopping rule; the two solvers agree */
  cc_admm *b = cc_admm_alloc(x, n, p, g, 1.0, CC_SOLVER_DENSE);
  cc_admm_reset(a);
  double diff = 0;
  for (int k = 0; k < 20; k++) {
    cc_admm_step(a, 0.1 * k);
    cc_admm_step(b, 0.1 * k);
  }
  for (size_t q = 0; q < n * p; q++) diff = fmax(diff, fabs(a->u[q] - b->u[q]));
  CHECK(diff < 1e-12, "CHOLMOD and dense LAPACK agree (%.2g)", diff);
  cc_admm_free(b);
  cc_path_free(v);
  cc_path_free(h);
  cc_admm_free(a);
  cc_graph_free(g);
}

int main(void)
{
  proc_init();
  gsl_rng *r = rng_stream(7, RNG_MISC, 1, 0);
  test_weights();
  test_operator(r);
  test_admm_step(r, CC_SOLVER_CHOLMOD);
  test_admm_step(r, CC_SOLVER_DENSE);
  test_union_find();
  test_ari();
  test_dendrogram();
  test_hausdorff();
  test_carp(r);
  test_cut_and_text();
  test_missing();
  test_mask_neutral(r);
  gsl_rng_free(r);
  return check_done("test_cvxclust");
}
