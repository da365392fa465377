/* W-path -- the CARP path of the presidential speeches: every stored iterate projected on the first
 * two principal components of the data (the paper's path plot), the cluster labels along the path,
 * and the dendrogram in hclust merge/height form.  W-path.tsv holds both (column `record`: 0 = a
 * point of the path, 1 = a merge of the dendrogram) so that one file feeds the static figures and
 * an interactive page; W-path-segments.tsv and W-path-leaves.tsv are drawing aids. */
#include <math.h>
#include <stdlib.h>
#include "cc_protocol.h"
#include "experiment.h"
#include "io/cc_data.h"

int main(int argc, char **argv)
{
  proc_init();
  const char *csv = "experiments/data/presidential-speech.csv";
  double t = 1.05;
  opt_spec specs[] = {
    { "csv", OPT_STR, &csv, 0, 0, 0, "data set (CSV with row labels)" },
    { "t", OPT_REAL, &t, 1, 10, OPT_LO_OPEN, "CARP step ratio (> 1)" },
  };
  opt_parser p = OPT_PARSER("W-path", "CARP path plot (first two principal components) and dendrogram",
                            specs);
  int status;
  if (!opt_parse(&p, argc, argv, &status)) return status;
  cc_data *d = cc_data_load(csv);
  if (!d) return PROC_EXIT_NUMERIC;
  const size_t n = d->n, pp = d->p;
  cc_graph *g = cc_weights(d->x, n, pp);
  cc_admm *a = g ? cc_admm_alloc(d->x, n, pp, g, 1.0, CC_SOLVER_CHOLMOD) : NULL;
  cc_path *h = g ? cc_path_alloc(n, pp, g->ne, 1) : NULL;
  if (!a || !h) return PROC_EXIT_NUMERIC;
  const cc_carp_config cfg = { t, 1e-6, 50, 10, 10000000 };
  int rc = cc_carp(a, &cfg, h);
  if (rc == GSL_ERUNAWAY) return proc_diverged(p.program, h->steps + 1, "ADMM, t = %g", t);
  if (rc) return PROC_EXIT_NUMERIC;

  int *merge = malloc(2 * n * sizeof *merge);
  double *height = malloc(n * sizeof *height), *seg = malloc(12 * n * sizeof *seg);
  size_t *order = malloc(n * sizeof *order);
  size_t *par = malloc(n * sizeof *par), *sz = malloc(n * sizeof *sz);
  if (!merge || !height || !seg || !order || !par || !sz) return PROC_EXIT_NUMERIC;
  const size_t nm = cc_dendrogram(h, g, merge, height, order);
  const size_t ns = cc_dendrogram_segments(merge, height, order, n, nm, seg);

  out_file f;
  if (out_tsv_open(&f, &p, NULL)) return PROC_EXIT_NUMERIC;
  out_comment(&f, "weights: phi = %.17g, k = %zu, %zu edges; CARP: %zu steps, gamma_end = %.17g", g->phi,
              g->k, g->ne, h->steps, h->gamma_end);
  out_comment(&f, "record 0: stored iterate s (ADMM step `step`, level gamma) of observation obs (0-based)"
              " projected on principal axes 1-2, its cluster label and cluster count");
  out_comment(&f, "record 1: hclust merge row s (1-based): merge_a, merge_b (negative -i = observation i, 1-based), height");
  out_columns(&f, "record\ts\tstep\tgamma\tobs\tpc1\tpc2\tcluster\tnclusters\tmerge_a\tmerge_b\theight");
  /* rows observation by observation (each observation's path is one polyline) */
  size_t *labs = malloc(h->nstore * n * sizeof *labs), *ks = malloc(h->nstore * sizeof *ks);
  double *proj = malloc(2 * h->nstore * n * sizeof *proj);
  if (!labs || !ks || !proj || cc_path_project(h, d->x, n, pp, proj)) return PROC_EXIT_NUMERIC;
  for (size_t s = 0; s < h->nstore; s++) ks[s] = cc_path_labels(h, g, s, labs + s * n, par, sz);
  for (size_t i = 0; i < n; i++)
    for (size_t s = 0; s < h->nstore; s++)
      fprintf(f.fp, "0\t%zu\t%zu\t%.17g\t%zu\t%.17g\t%.17g\t%zu\t%zu\tnan\tnan\tnan\n", s, h->step[s],
              h->gamma[s], i, proj[2 * (s * n + i)], proj[2 * (s * n + i) + 1], labs[s * n + i], ks[s]);
  free(labs); free(ks); free(proj);
  for (size_t k = 0; k < nm; k++)
    fprintf(f.fp, "1\t%zu\tnan\tnan\tnan\tnan\tnan\tnan\tnan\t%d\t%d\t%.17g\n", k + 1, merge[2 * k],
            merge[2 * k + 1], height[k]);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  if (out_tsv_open(&f, &p, "segments")) return PROC_EXIT_NUMERIC;
  out_columns(&f, "x0\ty0\tx1\ty1");
  for (size_t q = 0; q < ns; q++)
    fprintf(f.fp, "%.17g\t%.17g\t%.17g\t%.17g\n", seg[4 * q], seg[4 * q + 1], seg[4 * q + 2], seg[4 * q + 3]);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  if (out_tsv_open(&f, &p, "leaves")) return PROC_EXIT_NUMERIC;
  out_comment(&f, "x position of each leaf, its observation index and row label (text)");
  out_columns(&f, "x\tobs\tlabel");
  for (size_t r = 0; r < n; r++)
    fprintf(f.fp, "%zu\t%zu\t%s\n", r + 1, order[r], d->raw->rowname ? d->raw->rowname[order[r]] : "?");
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  char num[64];
  if (out_macros_open(&f, &p)) return PROC_EXIT_NUMERIC;
  out_macro(&f, "WPathSteps", "%zu", h->steps);
  out_macro(&f, "WPathStored", "%zu", h->nstore);
  out_macro(&f, "WPathGammaEnd", "%s", out_tex_number(num, sizeof num, h->gamma_end, 3));
  out_macro(&f, "WPathMerges", "%zu", nm);
  out_macro(&f, "WPathT", "%g", t);
  out_macro(&f, "WPathMaxNew", "%zu", h->max_new);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  free(merge); free(height); free(seg); free(order); free(par); free(sz);
  cc_path_free(h); cc_admm_free(a); cc_graph_free(g); cc_data_free(d);
  return 0;
}
