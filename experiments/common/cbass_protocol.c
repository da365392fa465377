/* cbass_protocol.c -- the CBASS heatmaps' reading of a path: see cbass_protocol.h. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_randist.h>
#include "cbass_protocol.h"

double *cbass_planted(size_t n, size_t p, size_t nrg, size_t ncg, double sep, double sd, gsl_rng *rng, double *xnorm)
{
  double *mu = malloc(nrg * ncg * sizeof *mu), *x = malloc(n * p * sizeof *x);
  if (!mu || !x) { free(mu); free(x); return NULL; }
  for (size_t q = 0; q < nrg * ncg; q++) mu[q] = gsl_ran_gaussian(rng, sep);
  for (size_t c = 0; c < p; c++)
    for (size_t i = 0; i < n; i++) x[c * n + i] = mu[(i % nrg) * ncg + c % ncg] + gsl_ran_gaussian(rng, sd);
  free(mu);
  cbass_center(x, n, p);
  double s = 0;
  for (size_t q = 0; q < n * p; q++) s += x[q] * x[q];
  *xnorm = sqrt(s);
  return x;
}

int cbass_exact_geometric(cbass_admm *a, double t, cbass_path *h)
{
  const size_t m = (size_t) ceil(log(1e18) / log(t)) + 2;   /* 1e-6 .. 1e12: it stops once all fused */
  double *grid = malloc(m * sizeof *grid);
  if (!grid) return GSL_ENOMEM;
  for (size_t j = 0; j < m; j++) grid[j] = 1e-6 * pow(t, (double) j);
  int rc = cbass_exact(a, grid, m, 1e-12, 100000, 0, h);
  free(grid);
  return rc;
}

cbass_heat *cbass_heat_make(const csv_data *raw, const cbass_path *h, const cc_graph *gr, const cc_graph *gc)
{
  const size_t n = raw->n, pp = raw->p, m = n > pp ? n : pp;
  cbass_heat *R = calloc(1, sizeof *R);
  double *height = malloc(m * sizeof *height);
  if (!R || !height) { free(R); free(height); return NULL; }
  *R = (cbass_heat) { raw, { gr, gc }, { h->row, h->col }, { 0 }, { 0 }, { 0 }, malloc(m * sizeof(size_t)),
                      malloc(m * sizeof(size_t)), { malloc(2 * n * sizeof(int)), malloc(2 * pp * sizeof(int)) }, { 0 } };
  int bad = !R->par || !R->sz || !R->merge[0] || !R->merge[1];
  for (int s = 0; s < 2 && !bad; s++) {
    const size_t k = s ? pp : n;
    R->order[s] = malloc(k * sizeof(size_t)); R->pos[s] = malloc(k * sizeof(size_t)); R->lab[s] = malloc(k * sizeof(size_t));
    if ((bad = !R->order[s] || !R->pos[s] || !R->lab[s])) break;
    R->nmerge[s] = cc_dendrogram(R->h[s], R->g[s], R->merge[s], height, R->order[s]);
    for (size_t r = 0; r < k; r++) R->pos[s][R->order[s][r]] = r;
  }
  free(height);
  if (bad) { cbass_heat_free(R); return NULL; }
  return R;
}

void cbass_heat_free(cbass_heat *R)
{
  if (!R) return;
  for (int s = 0; s < 2; s++) { free(R->order[s]); free(R->pos[s]); free(R->lab[s]); free(R->merge[s]); }
  free(R->par); free(R->sz); free(R);
}

static int cmp_double(const void *a, const void *b)
{
  const double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static size_t fuse_step(const cc_path *h, size_t l)
{
  return h->fuse_at[l] == SIZE_MAX ? SIZE_MAX : h->step[h->fuse_at[l]];
}

/* The step at which the fused edges of side s first connect all its points. */
static size_t connected_step(cbass_heat *R, int s)
{
  for (size_t k = 0; k < R->h[s]->nstore; k++)
    if (cc_path_labels(R->h[s], R->g[s], k, R->lab[s], R->par, R->sz) == 1) return R->h[s]->step[k];
  return SIZE_MAX;
}

/* The biclusters of panel k at stored level s: one rectangle each (a cluster is a subtree, so a run
 * of consecutive leaves), edges at half-integer leaf positions. */
int cbass_heat_blocks(out_file *f, cbass_heat *R, const double *x, double mean, size_t k, size_t s)
{
  const size_t n = R->raw->n, p = R->raw->p;
  size_t kr, kc;
  cbass_heat_counts(R, s, &kr, &kc);
  double *m = malloc(kr * kc * sizeof *m);
  size_t *cnt = malloc(kr * kc * sizeof *cnt), *lo = malloc((kr + kc) * sizeof *lo), *hi = malloc((kr + kc) * sizeof *hi);
  if (!m || !cnt || !lo || !hi) return 1;
  cbass_block_means(x, n, p, R->lab[0], kr, R->lab[1], kc, m, cnt);
  for (size_t q = 0; q < kr + kc; q++) { lo[q] = SIZE_MAX; hi[q] = 0; }
  for (int sd = 0; sd < 2; sd++)
    for (size_t i = 0; i < (sd ? p : n); i++) {
      const size_t q = (sd ? kr : 0) + R->lab[sd][i], at = R->pos[sd][i];
      lo[q] = at < lo[q] ? at : lo[q];
      hi[q] = at > hi[q] ? at : hi[q];
    }
  int bad = 0;
  for (size_t a = 0; a < kr; a++)
    for (size_t b = 0; b < kc; b++) {
      bad |= (hi[a] - lo[a] + 1) * (hi[kr + b] - lo[kr + b] + 1) != cnt[a * kc + b];   /* not a rectangle */
      fprintf(f->fp, "%zu\t%.1f\t%.1f\t%.1f\t%.1f\t%.17g\n", k, (double) lo[kr + b] + 0.5, (double) hi[kr + b] + 1.5,
              (double) lo[a] + 0.5, (double) hi[a] + 1.5, mean + m[a * kc + b]);
    }
  free(m); free(cnt); free(lo); free(hi);
  if (bad) fprintf(stderr, "W-cbass-heatmap: a bicluster is not a block of consecutive leaves\n");
  return bad;
}

/* Every edge: its graph, ends, weight, the step and level at which it fused, its ends' labels. */
int cbass_heat_edges(out_file *f, const opt_parser *p, const cbass_heat *R)
{
  if (out_tsv_open(f, p, "edges")) return 1;
  out_comment(f, "graph 0 = rows, 1 = columns; i < j (0-based); the step and level at which the edge fused; labels");
  out_columns(f, "graph\tedge\ti\tj\tweight\tfuse_step\tfuse_gamma\tlabel_i\tlabel_j");
  for (int s = 0; s < 2; s++) {
    char **lab = s ? R->raw->colname : R->raw->rowname;
    const cc_graph *g = R->g[s];
    const cc_path *h = R->h[s];
    for (size_t l = 0; l < g->ne; l++)
      fprintf(f->fp, "%d\t%zu\t%zu\t%zu\t%.17g\t%zu\t%.17g\t%s\t%s\n", s, l, g->ei[l], g->ej[l], g->w[l], fuse_step(h, l),
              h->fuse_at[l] == SIZE_MAX ? NAN : h->gamma[h->fuse_at[l]], lab[g->ei[l]], lab[g->ej[l]]);
  }
  return out_commit(f);
}

/* The data in dendrogram order, for the first panel. */
int cbass_heat_image(out_file *f, const opt_parser *p, const cbass_heat *R)
{
  const size_t n = R->raw->n, pp = R->raw->p;
  if (out_tsv_open(f, p, "image")) return 1;
  out_comment(f, "the data in dendrogram order: column position x, row position y (1-based), value");
  out_columns(f, "x\ty\tvalue");
  for (size_t r = 0; r < n; r++)
    for (size_t c = 0; c < pp; c++) fprintf(f->fp, "%zu\t%zu\t%.10g\n", c + 1, r + 1, R->raw->x[R->order[0][r] * pp + R->order[1][c]]);
  return out_commit(f);
}

/* The cluster counts at stored level s (rows first: the label scratch of both sides is set). */
void cbass_heat_counts(cbass_heat *R, size_t s, size_t *kr, size_t *kc)
{
  *kr = cc_path_labels(R->h[0], R->g[0], s, R->lab[0], R->par, R->sz);
  *kc = cc_path_labels(R->h[1], R->g[1], s, R->lab[1], R->par, R->sz);
}

size_t cbass_heat_level(cbass_heat *R, size_t krows)
{
  size_t s = 0;
  while (s + 1 < R->h[0]->nstore && cc_path_labels(R->h[0], R->g[0], s, R->lab[0], R->par, R->sz) > krows) s++;
  return s;
}

int cbass_heat_panels(out_file *f, const opt_parser *p, cbass_heat *R, const opt_list *rows, size_t *level,
                      size_t kk[2][6])
{
  if (out_tsv_open(f, p, "panels")) return 1;
  out_comment(f, "panel 0: the data; panel k: the first stored level with at most rows[k-1] row clusters");
  out_columns(f, "panel\tstored\tstep\tgamma\trow_clusters\tcol_clusters");
  fprintf(f->fp, "0\t0\t0\t0\t%zu\t%zu\n", R->raw->n, R->raw->p);
  for (size_t k = 0; k < rows->n; k++) {
    const size_t s = level[k] = cbass_heat_level(R, (size_t) rows->v[k]);
    cbass_heat_counts(R, s, &kk[0][k], &kk[1][k]);
    fprintf(f->fp, "%zu\t%zu\t%zu\t%.17g\t%zu\t%zu\n", k + 1, s, R->h[0]->step[s], R->h[0]->gamma[s], kk[0][k],
            kk[1][k]);
  }
  return out_commit(f);
}

/* Where the steps went: the side that connected last, the point of its last merge when that point
 * joined alone, and the last fusion elsewhere (the steps in between fused nothing else). */
void cbass_heat_tail_macros(out_file *f, const opt_parser *p, cbass_heat *R)
{
  char num[64];
  const size_t conn[2] = { connected_step(R, 0), connected_step(R, 1) };
  const int s = conn[1] > conn[0];
  size_t last = 0, quiet = 0, node = SIZE_MAX, nedges = 0;
  double wmax = 0;
  const int *mg = R->merge[s] + 2 * (R->nmerge[s] - 1);
  if (R->nmerge[s] && (mg[0] < 0 || mg[1] < 0)) node = (size_t) (-(mg[0] < 0 ? mg[0] : mg[1]) - 1);
  for (int sd = 0; sd < 2; sd++)
    for (size_t l = 0; l < R->g[sd]->ne; l++) {
      const size_t st = fuse_step(R->h[sd], l);
      const int mine = sd == s && (R->g[sd]->ei[l] == node || R->g[sd]->ej[l] == node);
      last = st > last ? st : last;
      if (mine) { nedges++; wmax = fmax(wmax, R->g[sd]->w[l]); }
      else quiet = st > quiet ? st : quiet;
    }
  double *w = malloc(R->g[s]->ne * sizeof *w), med = NAN;
  if (w) {
    memcpy(w, R->g[s]->w, R->g[s]->ne * sizeof *w);
    qsort(w, R->g[s]->ne, sizeof *w, cmp_double);
    med = w[R->g[s]->ne / 2];
    free(w);
  }
  char **labels = s ? R->raw->colname : R->raw->rowname;
  out_run_macro(f, p, "RowConnectedStep", "%zu", conn[0]);
  out_run_macro(f, p, "ColConnectedStep", "%zu", conn[1]);
  out_run_macro(f, p, "LastStep", "%zu", last);
  out_run_macro(f, p, "LastSide", "%s", s ? "column" : "row");
  if (node == SIZE_MAX) return;
  out_run_macro(f, p, "LastNode", "%s", labels ? labels[node] : "?");
  out_run_macro(f, p, "LastNodeEdges", "%zu", nedges);
  out_run_macro(f, p, "QuietFrom", "%zu", quiet);
  out_run_macro(f, p, "TailSteps", "%zu", last - quiet);
  out_run_macro(f, p, "TailPercent", "%.0f", 100.0 * (double) (last - quiet) / (double) R->h[0]->steps);
  out_run_macro(f, p, "LastNodeWeight", "%s", out_tex_number(num, sizeof num, wmax, 2));
  out_run_macro(f, p, "LastNodeWeightRatio", "%s", out_tex_number(num, sizeof num, med / wmax, 2));
}

/* Row clusters against the row labels (when labels repeat, as TCGA's subtypes) at stored level s:
 * the second-largest row cluster, its most common label, and how many rows carry that label. */
void cbass_heat_label_macros(out_file *f, const opt_parser *p, cbass_heat *R, size_t s)
{
  int repeated = 0;
  for (size_t i = 1; i < R->raw->n && !repeated; i++)
    for (size_t j = 0; j < i && !repeated; j++) repeated = !strcmp(R->raw->rowname[i], R->raw->rowname[j]);
  if (!repeated) return;
  const size_t n = R->raw->n, k = cc_path_labels(R->h[0], R->g[0], s, R->lab[0], R->par, R->sz);
  char **name = R->raw->rowname;
  size_t *size = calloc(k, sizeof *size), big = 0, second = SIZE_MAX;
  if (!size || k < 2) { free(size); return; }
  for (size_t i = 0; i < n; i++) size[R->lab[0][i]]++;
  for (size_t c = 1; c < k; c++) big = size[c] > size[big] ? c : big;
  for (size_t c = 0; c < k; c++)
    if (c != big && (second == SIZE_MAX || size[c] > size[second])) second = c;
  size_t best = SIZE_MAX, bestn = 0, total = 0;   /* the most common label in that cluster (first on ties) */
  for (size_t i = 0; i < n; i++) {
    if (R->lab[0][i] != second) continue;
    size_t m = 0;
    for (size_t j = 0; j < n; j++) m += R->lab[0][j] == second && !strcmp(name[j], name[i]);
    if (m > bestn) { bestn = m; best = i; }
  }
  for (size_t j = 0; j < n; j++) total += !strcmp(name[j], name[best]);
  out_run_macro(f, p, "LabelClusters", "%zu", k);
  out_run_macro(f, p, "LabelLargest", "%zu", size[big]);
  out_run_macro(f, p, "LabelSecond", "%zu", size[second]);
  out_run_macro(f, p, "LabelSecondName", "%s", name[best]);
  out_run_macro(f, p, "LabelSecondCount", "%zu", bestn);
  out_run_macro(f, p, "LabelSecondTotal", "%zu", total);
  free(size);
}

void cbass_heat_color_range(const csv_data *raw, double *lo, double *hi)
{
  const size_t N = raw->n * raw->p;
  double *sorted = malloc(N * sizeof *sorted);
  *lo = *hi = NAN;
  if (!sorted) return;
  memcpy(sorted, raw->x, N * sizeof *sorted);
  qsort(sorted, N, sizeof *sorted, cmp_double);
  *lo = sorted[(N - 1) / 100];
  *hi = sorted[(size_t) (0.99 * (double) (N - 1))];
  free(sorted);
}
