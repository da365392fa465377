/* W-cbass-heatmap -- CBASS on a real data set (the package's defaults: global centring, its row and
 * column weights, t = 1.01), drawn as a cluster heatmap: rows and columns in the leaf order of their
 * dendrograms, the data, then the biclusters at a few levels of the path (the first stored level
 * with at most K row clusters, for each K of --rows), each bicluster one block holding the mean of
 * the data over it.  Also the step count against 50 + ln(gamma_end/eps)/ln t, and where the steps
 * went: when each edge fused, and which point joined its graph last.
 * Tables: NAME.tsv (the run, one line), -edges (every edge: graph, ends, weight, fusion step and
 * level, labels), -panels (the levels drawn), -blocks (their biclusters), -image (the data in
 * dendrogram order); and, machine-dependent, -timing.tsv and -timing-macros.tex: the wall time of
 * what the package's CBASS() computes (weights, path, both dendrograms) and the peak memory.
 * The dendrograms' reading of the path and its tables: experiments/common/cbass_protocol. */
#include <math.h>
#include <stdlib.h>
#include "experiment.h"
#include "cbass_protocol.h"

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
  if (!raw->colname || !raw->rowname) return proc_fail(p.program, "%s: needs row labels and a header", csv);
  const size_t n = raw->n, pp = raw->p;
  const double t0 = proc_seconds();
  double *x = cc_colmajor(raw->x, n, pp);
  if (!x) return PROC_EXIT_NUMERIC;
  const double mean = cbass_center(x, n, pp);   /* added back to the biclusters' means */
  cc_graph *gr, *gc;
  if (cbass_weights(x, n, pp, &gr, &gc)) return PROC_EXIT_NUMERIC;
  const double alpha = cbass_alpha(gr, gc, 1.0);
  cbass_admm *a = cbass_admm_alloc(x, n, pp, gr, gc, 1.0, alpha);
  cbass_path *h = a ? cbass_path_alloc(n, pp, gr->ne, gc->ne, 0) : NULL;
  if (!h) return PROC_EXIT_NUMERIC;
  const cc_carp_config cfg = { t, 1e-6, 50, 10, 100000000 };
  int rc = cbass_run(a, &cfg, h);
  if (rc == GSL_ERUNAWAY) return proc_diverged(p.program, h->row->steps + 1, "t = %g", t);
  if (rc) return PROC_EXIT_NUMERIC;
  cbass_heat *R = cbass_heat_make(raw, h, gr, gc);
  if (!R) return PROC_EXIT_NUMERIC;
  const double seconds = proc_seconds() - t0;
  double color[2];
  cbass_heat_color_range(raw, &color[0], &color[1]);

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
          h->row->gamma_end, gr->ne, gc->ne, R->nmerge[0], R->nmerge[1], color[0], color[1]);
  if (out_commit(&f) || cbass_heat_edges(&f, &p, R)) return PROC_EXIT_NUMERIC;
  size_t pidx[6], kk[2][6];   /* panel k: the first stored level with at most rows[k-1] row clusters */
  if (cbass_heat_panels(&f, &p, R, &rows, pidx, kk)) return PROC_EXIT_NUMERIC;
  if (out_tsv_open(&f, &p, "blocks")) return PROC_EXIT_NUMERIC;
  out_comment(&f, "the biclusters of each panel: leaf positions (1-based, edges at half-integers), mean of the data");
  out_columns(&f, "panel\tx0\tx1\ty0\ty1\tvalue");
  for (size_t k = 0; k < rows.n; k++)
    if (cbass_heat_blocks(&f, R, x, mean, k + 1, pidx[k])) return PROC_EXIT_NUMERIC;
  if (out_commit(&f) || cbass_heat_image(&f, &p, R)) return PROC_EXIT_NUMERIC;

  char num[64];
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
    out_run_macro_at(&f, &p, "PanelRows", k, "%zu", kk[0][k]);
    out_run_macro_at(&f, &p, "PanelCols", k, "%zu", kk[1][k]);
    out_run_macro_at(&f, &p, "PanelStep", k, "%zu", h->row->step[pidx[k]]);
  }
  cbass_heat_tail_macros(&f, &p, R);
  cbass_heat_label_macros(&f, &p, R, pidx[rows.n - 1]);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;
  /* machine-dependent: in their own files, out of the reproducible data */
  const double mib = proc_peak_mib();
  if (out_tsv_open(&f, &p, "timing")) return PROC_EXIT_NUMERIC;
  out_comment(&f, "wall seconds of centring, weights, the CBASS path and both dendrograms; peak resident MiB of the process");
  out_columns(&f, "seconds\tpeak_mib");
  fprintf(f.fp, "%.6g\t%.4g\n", seconds, mib);
  if (out_commit(&f) || out_timing_macros_open(&f, &p)) return PROC_EXIT_NUMERIC;
  out_run_macro(&f, &p, "Sec", "%s", out_tex_number(num, sizeof num, seconds, 3));
  out_run_macro(&f, &p, "MiB", "%.0f", mib);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  cbass_heat_free(R);
  free(x);
  cbass_path_free(h);
  cbass_admm_free(a);
  cc_graph_free(gr); cc_graph_free(gc);
  csv_free(raw);
  return 0;
}
