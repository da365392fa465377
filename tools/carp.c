/* carp -- convex clustering of any CSV file along its CARP path (Weylandt, Nagorski & Allen 2020),
 * the command-line counterpart of the R package clustRviz: CARP(X) and its path, dendrogram and
 * dynamic plots, get_cluster_labels / get_clustered_data at a cluster count or level, and
 * convex_clustering() (the exact solution on a grid of levels).  Missing cells (empty or NA) are
 * fitted as the package does (io/cc_data.h, models/cc.h).  Outputs: `carp --help`, tools/README.md.
 * The pieces are library code (io/cc_data, io/cc_view, models/cc, models/cc_path); this file
 * parses options and runs them in order; carp_out.c writes the user's tables, carp_plot.c the figures
 * (carp.h). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_errno.h>
#include "carp.h"
#include "io/out.h"
#include "io/proc.h"

static const char epilogue[] =
  "Reads any CSV (header and a first column of row labels optional; empty or NA cells are missing\n"
  "values), centres its columns, computes the clustRviz weights (or uses --phi, --k) and follows the\n"
  "CARP path until every observation is fused.  Writes, with STEM from --out (default: the CSV's\n"
  "name without .csv, in the current directory):\n"
  "  STEM-path.tsv        the path: each stored level's iterate of every observation on the first two\n"
  "                       principal components, its cluster and the cluster count (record 0), and\n"
  "                       the dendrogram's merges (record 1); -leaves.tsv, -segments.tsv: drawing aids\n"
  "  STEM.nwk             the dendrogram in Newick form (branch lengths: differences of lambda)\n"
  "  STEM-hclust.R        the dendrogram as an R \"hclust\" object (source it: carp_tree)\n"
  "  STEM-hclust.tsv      its merge matrix and heights\n"
  "  STEM.html            the interactive path page (self-contained: open it in any browser)\n"
  "  STEM-path.pdf/.png, STEM-dendrogram.pdf/.png   static figures (gnuplot; STEM-figures.gp)\n"
  "With --clusters K or --lambda L also STEM-clusters.tsv (each row's cluster), STEM-centroids.tsv\n"
  "(each cluster's size and centroid: the mean of its members' observed entries, NA when none) and\n"
  "STEM-clustered.csv (every row replaced by its cluster's centroid), and the partition on stdout.\n"
  "With --grid l1,l2,... also STEM-exact.tsv: the exact solution U(lambda) at each level (ADMM run\n"
  "to convergence), its clusters, and on stdout their agreement with CARP's partition into as many\n"
  "clusters (adjusted Rand index).  Missing cells: the fit counts the observed cells only (each ADMM\n"
  "step fills the missing ones with the current U, as clustRviz does); weights, axes and the start\n"
  "use the data with column means filled in.  --quiet: nothing on stdout.\n"
  "Bad input (unreadable or malformed CSV, a column with no value): one line naming the file, line\n"
  "and column, exit status 1, nothing written.\n";

/* ---- the run, step by step ---------------------------------------------------------------------- */

static int names_make(carp_run *r)
{
  const size_t n = r->d->n, p = r->d->p;
  r->names = malloc(n * sizeof *r->names);
  r->cols = malloc(p * sizeof *r->cols);
  r->numbers = malloc(24 * (n + p));
  if (!r->names || !r->cols || !r->numbers) return GSL_ENOMEM;
  for (size_t i = 0; i < n; i++) {
    snprintf(r->numbers + 24 * i, 24, "%zu", i + 1);
    r->names[i] = r->d->raw->rowname ? r->d->raw->rowname[i] : r->numbers + 24 * i;
  }
  for (size_t c = 0; c < p; c++) {
    snprintf(r->numbers + 24 * (n + c), 24, "V%zu", c + 1);
    r->cols[c] = r->d->raw->colname ? r->d->raw->colname[c] : r->numbers + 24 * (n + c);
  }
  return 0;
}

/* convex_clustering(): ADMM to convergence at each level, warm-started from the previous one */
static cc_path *exact_solve(cc_admm *a, const cc_graph *g, const opt_list *grid, const cc_data *d)
{
  const size_t n = d->n, p = d->p;
  cc_path *he = cc_path_alloc(n, p, g->ne, 1);
  if (!he) return NULL;
  /* the package's rule (U, V and Z all settled), at root-mean-square changes of 1e-10 times the data's */
  const double tol = 1e-20 * d->xnorm * d->xnorm / (double) (n * p);
  const int rc = cc_exact(a, grid->v, grid->n, CC_RULE_R, tol, EXACT_CAP, 0, he);
  if (rc == GSL_ERUNAWAY) proc_diverged("carp", he->steps + 1, "exact solution");
  else if (rc) fprintf(stderr, "carp: the exact solution failed: %s\n", gsl_strerror(rc));
  if (rc) { cc_path_free(he); return NULL; }
  return he;
}

/* the partition asked for: the dendrogram cut into K clusters, or the path's partition at lambda */
static int partition_make(carp_run *r, long clusters, double lambda)
{
  carp_partition *q = &r->q;
  const size_t n = r->d->n, p = r->d->p;
  q->labels = malloc(n * sizeof *q->labels);
  size_t *par = malloc(n * sizeof *par), *sz = malloc(n * sizeof *sz);
  if (!q->labels || !par || !sz) { free(par); free(sz); return GSL_ENOMEM; }
  if (clusters) {
    q->K = cc_dendrogram_cut(r->v->merge, r->v->nmerge, n, (size_t) clusters, q->labels, par, sz);
    const size_t m = n - q->K;   /* merges applied */
    q->lo = m ? r->v->height[m - 1] : 0;
    q->hi = m < r->v->nmerge ? r->v->height[m] : INFINITY;
  } else {
    const size_t s = cc_path_at(r->h, lambda);
    if (s == SIZE_MAX) { for (size_t i = 0; i < n; i++) q->labels[i] = i; q->K = n; }
    else { memcpy(q->labels, r->v->labels + s * n, n * sizeof *q->labels); q->K = r->v->nclusters[s]; }
    q->lo = s == SIZE_MAX ? 0 : r->h->gamma[s];
    q->hi = s == SIZE_MAX ? r->h->gamma[0] : s + 1 < r->h->nstore ? r->h->gamma[s + 1] : INFINITY;
  }
  free(par); free(sz);
  q->cent = malloc(q->K * p * sizeof *q->cent);
  q->count = malloc(q->K * p * sizeof *q->count);
  q->size = calloc(q->K, sizeof *q->size);
  double *raw = cc_colmajor(r->d->raw->x, n, p);   /* the file's values: centroids in its units */
  if (!q->cent || !q->count || !q->size || !raw) { free(raw); return GSL_ENOMEM; }
  cc_centroids(raw, r->d->observed, n, p, q->labels, q->K, q->cent, q->count);
  for (size_t i = 0; i < n; i++) q->size[q->labels[i]]++;
  free(raw);
  return 0;
}

static void run_free(carp_run *r)
{
  free(r->q.labels); free(r->q.cent); free(r->q.count); free(r->q.size);
  free(r->names); free(r->cols); free(r->numbers);
  cc_view_free(r->v); cc_path_free(r->h); cc_path_free(r->he); cc_admm_free(r->a); cc_graph_free(r->g); cc_data_free(r->d);
}

/* every exit after the data were read: free, then the status */
static int done(carp_run *r, int status)
{
  run_free(r);
  return status;
}

int main(int argc, char **argv)
{
  proc_init();
  const char *csv = NULL;
  double t = 1.05, phi = 0, lambda = 0;
  long k = 0, clusters = 0;
  int scale = 0, viz = 0, nofig = 0;
  opt_list grid = { 0, { 0 } };
  opt_spec specs[] = {
    { "csv", OPT_STR, &csv, 0, 0, OPT_REQUIRED, "the data: a CSV file (header, row labels optional; empty or NA = missing)" },
    { "t", OPT_REAL, &t, 1, 10, OPT_LO_OPEN, "CARP step ratio: the level grows by this factor per step (> 1)" },
    { "phi", OPT_REAL, &phi, 0, 1e10, 0, "weights exp(-phi d^2): phi > 0, or 0 = automatic (clustRviz's rule)" },
    { "k", OPT_INT, &k, 0, 1e9, 0, "nearest neighbours kept in the weight graph, or 0 = the fewest that connect it" },
    { "scale", OPT_FLAG, &scale, 0, 0, 0, "also divide each column by its standard deviation (after centring)" },
    { "clusters", OPT_INT, &clusters, 0, 1e9, 0, "print and write the partition into this many clusters (0: none)" },
    { "lambda", OPT_REAL, &lambda, 0, 1e300, 0, "print and write the partition of the path at this level (0: none)" },
    { "grid", OPT_REALS, &grid, 0, 1e300, OPT_LO_OPEN, "levels (increasing) at which to solve exactly, as convex_clustering()" },
    { "viz", OPT_FLAG, &viz, 0, 0, 0, "CARP-VIZ: back-track so that each stored step fuses one edge (t = 1.1, then 1.01)" },
    { "no-figures", OPT_FLAG, &nofig, 0, 0, 0, "do not run gnuplot" },
  };
  opt_parser p = OPT_PARSER("carp", "CARP convex clustering path of a CSV file: path, dendrogram, partition, figures, page",
                            specs);
  p.out_help = "prefix of the output files (default: the CSV's name without .csv); see below";
  p.epilogue = epilogue;
  int status;
  if (!opt_parse(&p, argc, argv, &status)) return status;
  if (clusters && lambda > 0) return opt_fail(&p, "--lambda", "give --clusters or --lambda, not both");
  for (size_t j = 1; j < grid.n; j++)
    if (!(grid.v[j] > grid.v[j - 1])) return opt_fail(&p, "--grid", "levels must increase (got %g after %g)", grid.v[j], grid.v[j - 1]);
  char defstem[OUT_PATH_MAX];
  cc_data_name(csv, defstem, sizeof defstem);
  carp_run r = { 0 };
  r.csv = csv;
  r.stem = p.out ? p.out : defstem;

  /* the data, then every check against it, before anything is computed or written */
  if (!(r.d = cc_data_load_opt(csv, CC_DATA_MISSING | (scale ? CC_DATA_SCALE : 0)))) return done(&r, PROC_EXIT_NUMERIC);
  const size_t n = r.d->n, pp = r.d->p;
  if (n < 2) { fprintf(stderr, "%s:%zu: a single data row: clustering needs at least two\n", csv, r.d->raw->line0); return done(&r, PROC_EXIT_NUMERIC); }
  if ((size_t) k > n - 1) return done(&r, opt_fail(&p, "--k", "must be <= n - 1 = %zu for this data (got %ld)", n - 1, k));
  if ((size_t) clusters > n) return done(&r, opt_fail(&p, "--clusters", "must be <= n = %zu for this data (got %ld)", n, clusters));
  size_t kmin = 0;
  int rc = names_make(&r);
  if (!rc) rc = cc_weights_opt(r.d->x, n, pp, phi, (size_t) k, &r.g, &kmin);
  if (rc == GSL_EINVAL && k && kmin)
    return done(&r, opt_fail(&p, "--k", "k = %ld leaves the nearest-neighbour graph disconnected; the smallest k that connects it is %zu", k, kmin));
  if (rc == GSL_EINVAL) { fprintf(stderr, "carp: %s: no nearest-neighbour graph connects the rows (try a smaller --phi)\n", csv); return done(&r, PROC_EXIT_NUMERIC); }
  if (rc) return done(&r, PROC_EXIT_NUMERIC);

  /* the path (and the exact solutions), its view, the partition: all computed before writing */
  const double t0 = proc_seconds();
  r.a = cc_admm_alloc(r.d->x, n, pp, r.g, 1.0, CC_SOLVER_CHOLMOD);
  r.h = cc_path_alloc(n, pp, r.g->ne, 1);
  if (!r.a || !r.h) return done(&r, PROC_EXIT_NUMERIC);
  r.a->threads = proc_threads();   /* AR_THREADS (default 1): the same bytes for every count */
  r.a->observed = r.d->observed;
  const cc_carp_config cfg = { t, 1e-6, 50, 10, 100000000 };
  rc = viz ? cc_carp_viz(r.a, &cfg, 1.1, 1.01, 15, r.h) : cc_carp(r.a, &cfg, r.h);
  if (rc == GSL_ERUNAWAY) return done(&r, proc_diverged("carp", r.h->steps + 1, "t = %g", t));
  if (rc) { fprintf(stderr, "carp: CARP failed: %s\n", gsl_strerror(rc)); return done(&r, PROC_EXIT_NUMERIC); }
  r.secs = proc_seconds() - t0;
  if (!(r.v = cc_view_make(r.h, r.g, r.d->x, n, pp))) return done(&r, PROC_EXIT_NUMERIC);
  if (grid.n && !(r.he = exact_solve(r.a, r.g, &grid, r.d))) return done(&r, PROC_EXIT_NUMERIC);
  if ((clusters || lambda > 0) && partition_make(&r, clusters, lambda)) return done(&r, PROC_EXIT_NUMERIC);

  if (carp_write_files(&r, &p)) return done(&r, PROC_EXIT_NUMERIC);
  if (!p.quiet) carp_print_summary(&r, phi, k, viz);
  if (r.he && carp_write_exact(&r, &grid, &p, p.quiet)) return done(&r, PROC_EXIT_NUMERIC);
  /* the figures' dashed line: the asked level, or one inside the range where the K clusters hold */
  const carp_partition *q = &r.q;
  const double cut = lambda > 0 ? lambda : !isfinite(q->hi) ? 1.5 * q->lo : q->lo > 0 ? sqrt(q->lo * q->hi) : 0.5 * q->hi;
  const int fig = nofig ? 0 : carp_figures(r.stem, q->K > 0, cut);
  if (!p.quiet)
    printf("wrote %s: -path.tsv (-leaves, -segments) .nwk -hclust.R -hclust.tsv .html%s%s%s\n", r.stem,
           q->K ? " -clusters.tsv -centroids.tsv -clustered.csv" : "", r.he ? " -exact.tsv" : "",
           nofig ? "" : fig < 0 ? " -figures.gp (not drawn: no gnuplot)" : fig ? " -figures.gp (drawing failed)"
                                : " -path.pdf/.png -dendrogram.pdf/.png -figures.gp");
  run_free(&r);
  return fig > 0 ? PROC_EXIT_NUMERIC : 0;
}
