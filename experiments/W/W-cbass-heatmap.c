/* W-cbass-heatmap -- CBASS on a real data set (the package's defaults: global centring, its row and
 * column weights, t = 1.01), drawn as a cluster heatmap: rows and columns in the leaf order of their
 * dendrograms, the data, then the biclusters at a few levels of the path (the first stored level
 * with at most K row clusters, for each K of --rows), each bicluster one block holding the mean of
 * the data over it.  Also the step count against 50 + ln(gamma_end/eps)/ln t, and where the steps
 * went: when each edge fused, and which point joined its graph last.
 * Tables: NAME.tsv (the run, one line), -edges (every edge: graph, ends, weight, fusion step and
 * level, labels), -panels (the levels drawn), -blocks (their biclusters), -image (the data in
 * dendrogram order); and, machine-dependent, -timing.tsv and -timing-macros.tex: the wall time of
 * what the package's CBASS() computes (weights, path, both dendrograms) and the peak memory. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include "experiment.h"
#include "io/csv.h"
#include "models/cbass.h"

typedef struct {
  const csv_data *raw;
  const cc_graph *g[2];            /* rows, columns */
  const cc_path *h[2];
  size_t *order[2], *pos[2];       /* leaf order of each dendrogram and each point's place in it */
  size_t *lab[2], *par, *sz;       /* scratch */
  int *merge[2];
  size_t nmerge[2];
} run;

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
static size_t connected_step(run *R, int s)
{
  for (size_t k = 0; k < R->h[s]->nstore; k++)
    if (cc_path_labels(R->h[s], R->g[s], k, R->lab[s], R->par, R->sz) == 1) return R->h[s]->step[k];
  return SIZE_MAX;
}

/* The biclusters of panel k at stored level s: one rectangle each (a cluster is a subtree, so a run
 * of consecutive leaves), edges at half-integer leaf positions. */
static int write_blocks(out_file *f, run *R, const double *x, double mean, size_t k, size_t s)
{
  const size_t n = R->raw->n, p = R->raw->p;
  const size_t kr = cc_path_labels(R->h[0], R->g[0], s, R->lab[0], R->par, R->sz);
  const size_t kc = cc_path_labels(R->h[1], R->g[1], s, R->lab[1], R->par, R->sz);
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
static int write_edges(out_file *f, const opt_parser *p, const run *R)
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
static int write_image(out_file *f, const opt_parser *p, const run *R)
{
  const size_t n = R->raw->n, pp = R->raw->p;
  if (out_tsv_open(f, p, "image")) return 1;
  out_comment(f, "the data in dendrogram order: column position x, row position y (1-based), value");
  out_columns(f, "x\ty\tvalue");
  for (size_t r = 0; r < n; r++)
    for (size_t c = 0; c < pp; c++) fprintf(f->fp, "%zu\t%zu\t%.10g\n", c + 1, r + 1, R->raw->x[R->order[0][r] * pp + R->order[1][c]]);
  return out_commit(f);
}

/* Where the steps went: the side that connected last, the point of its last merge when that point
 * joined alone, and the last fusion elsewhere (the steps in between fused nothing else). */
static void write_tail(out_file *f, const opt_parser *p, run *R)
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
static void write_labels(out_file *f, const opt_parser *p, run *R, size_t s)
{
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

int main(int argc, char **argv)
{
  proc_init();
  const char *csv = "experiments/data/presidential-speech.csv";
  double t = 1.01;
  opt_list rows = { 3, { 12, 4, 2 } };
  opt_spec specs[] = {
    { "csv", OPT_STR, &csv, 0, 0, 0, "data set (CSV with row labels and a header)" },
    { "t", OPT_REAL, &t, 1, 10, OPT_LO_OPEN, "CBASS step ratio (> 1; the package's default 1.01)" },
    { "rows", OPT_INTS, &rows, 1, 1e6, 0, "row-cluster counts of the panels, decreasing (at most 6)" },
  };
  opt_parser p = OPT_PARSER("W-cbass-heatmap", "CBASS cluster heatmaps of a real data set", specs);
  int status;
  if (!opt_parse(&p, argc, argv, &status)) return status;
  if (rows.n > 6) return opt_fail(&p, "--rows", "at most 6 panels");
  for (size_t k = 1; k < rows.n; k++)
    if (!(rows.v[k] < rows.v[k - 1])) return opt_fail(&p, "--rows", "must be strictly decreasing");
  csv_data *raw = csv_read(csv);
  if (!raw) return PROC_EXIT_NUMERIC;
  if (!raw->colname || !raw->rowname) { fprintf(stderr, "W-cbass-heatmap: %s: needs row labels and a header\n", csv); return PROC_EXIT_NUMERIC; }
  const size_t n = raw->n, pp = raw->p, m = n > pp ? n : pp;
  const double t0 = proc_seconds();
  double *x = cc_colmajor(raw->x, n, pp), mean = 0;
  if (!x) return PROC_EXIT_NUMERIC;
  for (size_t q = 0; q < n * pp; q++) mean += x[q];   /* added back to the biclusters' means */
  mean /= (double) (n * pp);
  cbass_center(x, n, pp);
  cc_graph *gr, *gc;
  if (cbass_weights(x, n, pp, &gr, &gc)) return PROC_EXIT_NUMERIC;
  const double alpha = cbass_alpha(gr, gc, 1.0);
  cbass_admm *a = cbass_admm_alloc(x, n, pp, gr, gc, 1.0, alpha);
  cbass_path *h = a ? cbass_path_alloc(n, pp, gr->ne, gc->ne, 0) : NULL;
  if (!h) return PROC_EXIT_NUMERIC;
  const cc_carp_config cfg = { t, 1e-6, 50, 10, 100000000 };
  int rc = cbass_run(a, &cfg, h);
  if (rc == GSL_ERUNAWAY) return proc_diverged("W-cbass-heatmap", h->row->steps + 1, "t = %g", t);
  if (rc) return PROC_EXIT_NUMERIC;

  run R = { raw, { gr, gc }, { h->row, h->col }, { 0 }, { 0 }, { 0 }, malloc(m * sizeof(size_t)),
            malloc(m * sizeof(size_t)), { malloc(2 * n * sizeof(int)), malloc(2 * pp * sizeof(int)) }, { 0 } };
  double *height = malloc(m * sizeof *height), *sorted = malloc(n * pp * sizeof *sorted);
  if (!R.par || !R.sz || !R.merge[0] || !R.merge[1] || !height || !sorted) return PROC_EXIT_NUMERIC;
  for (int s = 0; s < 2; s++) {
    const size_t k = s ? pp : n;
    R.order[s] = malloc(k * sizeof(size_t)); R.pos[s] = malloc(k * sizeof(size_t)); R.lab[s] = malloc(k * sizeof(size_t));
    if (!R.order[s] || !R.pos[s] || !R.lab[s]) return PROC_EXIT_NUMERIC;
    R.nmerge[s] = cc_dendrogram(R.h[s], R.g[s], R.merge[s], height, R.order[s]);
    for (size_t r = 0; r < k; r++) R.pos[s][R.order[s][r]] = r;
  }
  const double seconds = proc_seconds() - t0;
  memcpy(sorted, raw->x, n * pp * sizeof *sorted);
  qsort(sorted, n * pp, sizeof *sorted, cmp_double);

  out_file f;
  if (out_tsv_open(&f, &p, NULL)) return PROC_EXIT_NUMERIC;
  out_comment(&f, "one CBASS run: rows phi = %.17g, k = %zu; columns phi = %.17g, k = %zu; weights scaled to sum to "
              "1/sqrt(n) and 1/sqrt(p); rho = 1, alpha = %.17g, eps = 1e-6, 50 burn-in steps", gr->phi, gr->k, gc->phi,
              gc->k, alpha);
  out_comment(&f, "color_lo, color_hi: the 1%% and 99%% quantiles of the data (the heatmaps' color range)");
  out_columns(&f, "n\tp\tt\tsteps\tpredicted_steps\tall_fused\tgamma_end\trow_edges\tcol_edges\trow_merges\tcol_merges\t"
              "color_lo\tcolor_hi");
  fprintf(f.fp, "%zu\t%zu\t%.17g\t%zu\t%.17g\t%d\t%.17g\t%zu\t%zu\t%zu\t%zu\t%.17g\t%.17g\n", n, pp, t, h->row->steps,
          50 + log(h->row->gamma_end / 1e-6) / log(t), isfinite(h->row->gamma_end) && isfinite(h->col->gamma_end),
          h->row->gamma_end, gr->ne, gc->ne, R.nmerge[0], R.nmerge[1], sorted[(n * pp - 1) / 100],
          sorted[(size_t) (0.99 * (double) (n * pp - 1))]);
  if (out_commit(&f) || write_edges(&f, &p, &R)) return PROC_EXIT_NUMERIC;
  /* panel k: the first stored level with at most rows[k-1] row clusters */
  size_t pidx[6], kk[2][6];
  if (out_tsv_open(&f, &p, "panels")) return PROC_EXIT_NUMERIC;
  out_comment(&f, "panel 0: the data; panel k: the first stored level with at most rows[k-1] row clusters");
  out_columns(&f, "panel\tstored\tstep\tgamma\trow_clusters\tcol_clusters");
  fprintf(f.fp, "0\t0\t0\t0\t%zu\t%zu\n", n, pp);
  for (size_t k = 0; k < rows.n; k++) {
    size_t s = 0;
    while (s + 1 < h->row->nstore && cc_path_labels(h->row, gr, s, R.lab[0], R.par, R.sz) > (size_t) rows.v[k]) s++;
    pidx[k] = s;
    for (int sd = 0; sd < 2; sd++) kk[sd][k] = cc_path_labels(R.h[sd], R.g[sd], s, R.lab[sd], R.par, R.sz);
    fprintf(f.fp, "%zu\t%zu\t%zu\t%.17g\t%zu\t%zu\n", k + 1, s, h->row->step[s], h->row->gamma[s], kk[0][k], kk[1][k]);
  }
  if (out_commit(&f) || out_tsv_open(&f, &p, "blocks")) return PROC_EXIT_NUMERIC;
  out_comment(&f, "the biclusters of each panel: leaf positions (1-based, edges at half-integers), mean of the data");
  out_columns(&f, "panel\tx0\tx1\ty0\ty1\tvalue");
  for (size_t k = 0; k < rows.n; k++)
    if (write_blocks(&f, &R, x, mean, k + 1, pidx[k])) return PROC_EXIT_NUMERIC;
  if (out_commit(&f) || write_image(&f, &p, &R)) return PROC_EXIT_NUMERIC;

  char num[64], mac[64];
  if (out_macros_open(&f, &p)) return PROC_EXIT_NUMERIC;
  out_run_macro(&f, &p, "N", "%zu", n);
  out_run_macro(&f, &p, "P", "%zu", pp);
  out_run_macro(&f, &p, "T", "%g", t);
  out_run_macro(&f, &p, "Steps", "%zu", h->row->steps);
  out_run_macro(&f, &p, "GammaEnd", "%s", out_tex_number(num, sizeof num, h->row->gamma_end, 3));
  out_run_macro(&f, &p, "RowEdges", "%zu", gr->ne);
  out_run_macro(&f, &p, "ColEdges", "%zu", gc->ne);
  out_run_macro(&f, &p, "RowPhi", "%s", out_tex_number(num, sizeof num, gr->phi, 2));
  out_run_macro(&f, &p, "ColPhi", "%s", out_tex_number(num, sizeof num, gc->phi, 2));
  out_run_macro(&f, &p, "RowK", "%zu", gr->k);
  out_run_macro(&f, &p, "ColK", "%zu", gc->k);
  out_run_macro(&f, &p, "Alpha", "%g", alpha);
  for (size_t k = 0; k < rows.n; k++) {
    const char tag[2] = { (char) ('A' + k), 0 };
    snprintf(mac, sizeof mac, "PanelRows%s", tag);
    out_run_macro(&f, &p, mac, "%zu", kk[0][k]);
    snprintf(mac, sizeof mac, "PanelCols%s", tag);
    out_run_macro(&f, &p, mac, "%zu", kk[1][k]);
    snprintf(mac, sizeof mac, "PanelStep%s", tag);
    out_run_macro(&f, &p, mac, "%zu", h->row->step[pidx[k]]);
  }
  write_tail(&f, &p, &R);
  int repeated = 0;
  for (size_t i = 1; i < n && !repeated; i++)
    for (size_t j = 0; j < i && !repeated; j++) repeated = !strcmp(raw->rowname[i], raw->rowname[j]);
  if (repeated) write_labels(&f, &p, &R, pidx[rows.n - 1]);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;
  /* machine-dependent: in their own files, out of the reproducible data */
  struct rusage ru;
  const double mib = getrusage(RUSAGE_SELF, &ru) == 0 ? (double) ru.ru_maxrss / 1024 : NAN;   /* Linux: KiB */
  char path[OUT_PATH_MAX], prefix[64];
  if (out_tsv_open(&f, &p, "timing")) return PROC_EXIT_NUMERIC;
  out_comment(&f, "wall seconds of centring, weights, the CBASS path and both dendrograms; peak resident MiB of the process");
  out_columns(&f, "seconds\tpeak_mib");
  fprintf(f.fp, "%.6g\t%.4g\n", seconds, mib);
  snprintf(path, sizeof path, "%s-timing-macros.tex", out_stem(&p));
  out_macro_prefix(&p, prefix, sizeof prefix);
  if (out_commit(&f) || out_open(&f, path)) return PROC_EXIT_NUMERIC;
  fprintf(f.fp, "\\newcommand{\\%sSec}{%s}\n", prefix, out_tex_number(num, sizeof num, seconds, 3));
  fprintf(f.fp, "\\newcommand{\\%sMiB}{%.0f}\n", prefix, mib);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  for (int s = 0; s < 2; s++) { free(R.order[s]); free(R.pos[s]); free(R.lab[s]); free(R.merge[s]); }
  free(R.par); free(R.sz); free(height); free(sorted); free(x);
  cbass_path_free(h);
  cbass_admm_free(a);
  cc_graph_free(gr); cc_graph_free(gc);
  csv_free(raw);
  return 0;
}
