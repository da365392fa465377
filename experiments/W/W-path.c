/* W-path -- the CARP path of the presidential speeches: every stored iterate projected on the first
 * two principal components of the data (the paper's path plot), the cluster labels along the path,
 * and the dendrogram in hclust merge/height form.  W-path.tsv holds both (column `record`: 0 = a
 * point of the path, 1 = a merge of the dendrogram) so that one file feeds the static figures and
 * the interactive page W-path-page.html, written from the same view (io/cc_view.h, shared with the
 * carp tool); W-path-segments.tsv and W-path-leaves.tsv are drawing aids. */
#include "experiment.h"
#include "io/cc_data.h"
#include "io/cc_view.h"

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
  a->threads = proc_threads();   /* AR_THREADS (default 1): the same bytes for every count */
  const cc_carp_config cfg = { t, 1e-6, 50, 10, 10000000 };
  int rc = cc_carp(a, &cfg, h);
  if (rc == GSL_ERUNAWAY) return proc_diverged(p.program, h->steps + 1, "ADMM, t = %g", t);
  if (rc) return PROC_EXIT_NUMERIC;

  cc_view *v = cc_view_make(h, g, d->x, n, pp);
  if (!v) return PROC_EXIT_NUMERIC;
  char *const *names = d->raw->rowname;
  char summary[256], path[OUT_PATH_MAX];
  snprintf(summary, sizeof summary, "weights: phi = %.17g, k = %zu, %zu edges; CARP: %zu steps, gamma_end = %.17g",
           g->phi, g->k, g->ne, h->steps, h->gamma_end);
  out_file f;
  if (out_tsv_open(&f, &p, NULL)) return PROC_EXIT_NUMERIC;
  out_comment(&f, "%s", summary);
  if (cc_view_write_path(f.fp, v) || out_commit(&f)) return PROC_EXIT_NUMERIC;
  if (out_tsv_open(&f, &p, "segments") || cc_view_write_segments(f.fp, v) || out_commit(&f)) return PROC_EXIT_NUMERIC;
  if (out_tsv_open(&f, &p, "leaves") || cc_view_write_leaves(f.fp, v, names) || out_commit(&f)) return PROC_EXIT_NUMERIC;

  /* the interactive page (STEM-page.html): the same view, with the run's provenance */
  snprintf(path, sizeof path, "%s-page.html", out_stem(&p));
  if (cc_view_page_file(path, v, names, csv, &p, summary)) return PROC_EXIT_NUMERIC;

  char num[64];
  if (out_macros_open(&f, &p)) return PROC_EXIT_NUMERIC;
  /* macros named after the run (W-path: \WPathSteps, ...; W-path-authors: \WPathAuthorsSteps, ...) */
  out_run_macro(&f, &p, "Steps", "%zu", h->steps);
  out_run_macro(&f, &p, "Stored", "%zu", h->nstore);
  out_run_macro(&f, &p, "GammaEnd", "%s", out_tex_number(num, sizeof num, h->gamma_end, 3));
  out_run_macro(&f, &p, "Merges", "%zu", v->nmerge);
  out_run_macro(&f, &p, "T", "%g", t);
  out_run_macro(&f, &p, "MaxNew", "%zu", h->max_new);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  cc_view_free(v);
  cc_path_free(h); cc_admm_free(a); cc_graph_free(g); cc_data_free(d);
  return 0;
}
