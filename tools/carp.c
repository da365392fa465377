/* carp -- convex clustering of any CSV file along its CARP path (Weylandt, Nagorski & Allen 2020),
 * the command-line counterpart of the R package clustRviz: CARP(X) and its path, dendrogram and
 * dynamic plots, get_cluster_labels / get_clustered_data at a cluster count or level, and
 * convex_clustering() (the exact solution on a grid of levels).  Missing cells (empty or NA) are
 * fitted as the package does (io/cc_data.h, models/cc.h).  Outputs: `carp --help`, tools/README.md.
 * The pieces are library code (io/cc_data, io/cc_view, models/cc, models/cc_path); this file
 * parses options, runs them in order and writes the user's tables. */
#include <errno.h>
#include <math.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <gsl/gsl_errno.h>
#include "io/cc_data.h"
#include "io/cc_view.h"
#include "io/out.h"
#include "io/proc.h"

extern char **environ;
extern const char carp_figures_script[];   /* figures/carp-figures.gp, compiled in (make/carp.mk) */

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

/* ---- small helpers ------------------------------------------------------------------------------ */

/* PATH = STEM + suffix; 0 or GSL_EINVAL when too long */
static int path_of(char *path, const char *stem, const char *suffix)
{
  return snprintf(path, OUT_PATH_MAX, "%s%s", stem, suffix) < OUT_PATH_MAX ? 0 : GSL_EINVAL;
}

/* Open STEM+suffix with the provenance header (no cost record: these are the user's files). */
static int table_open(out_file *f, const opt_parser *p, const char *stem, const char *suffix, const char *what)
{
  char path[OUT_PATH_MAX];
  int rc = path_of(path, stem, suffix);
  if (!rc) rc = out_open(f, path);
  if (rc) return rc;
  out_provenance(f->fp, p, "#");
  if (what) fprintf(f->fp, "# %s\n", what);
  return 0;
}

/* mkdir -p of the directory part of stem */
static int make_dirs(const char *stem)
{
  char d[OUT_PATH_MAX];
  snprintf(d, sizeof d, "%s", stem);
  char *slash = strrchr(d, '/');
  if (!slash) return 0;
  *slash = '\0';
  for (char *c = d + 1; ; c++) {
    const char keep = *c;
    if (keep == '/' || keep == '\0') {
      *c = '\0';
      if (mkdir(d, 0777) && errno != EEXIST) { fprintf(stderr, "carp: cannot create %s: %s\n", d, strerror(errno)); return GSL_EFAILED; }
      *c = keep;
    }
    if (!keep) return 0;
  }
}

static void print_value(FILE *fp, double x) { if (isnan(x)) fputs("NA", fp); else fprintf(fp, "%.17g", x); }

/* a CSV field: quoted when it holds a comma, a quote or a blank */
static void csv_field(FILE *fp, const char *s)
{
  if (!strpbrk(s, ",\" \t")) { fputs(s, fp); return; }
  fputc('"', fp);
  for (; *s; s++) { if (*s == '"') fputc('"', fp); fputc(*s, fp); }
  fputc('"', fp);
}

/* ---- the partition: clusters, centroids, clustered data ------------------------------------------- */

typedef struct {
  size_t K, *labels;      /* labels[i] in 0..K-1, numbered by first appearance (R's cutree) */
  double lo, hi;          /* the levels between which the path holds this partition */
  double *cent;           /* K x p column-major, original units, NAN when unobserved */
  size_t *count;          /* K x p entries averaged */
  size_t *size;           /* K members */
} partition;

static int write_partition(const partition *q, const cc_data *d, char *const *names, char *const *cols,
                           const opt_parser *p, const char *stem)
{
  const size_t n = d->n, pp = d->p, K = q->K;
  out_file f;
  int rc = table_open(&f, p, stem, "-clusters.tsv", "row: the data row (1-based); cluster: 1..K (as R's cutree)");
  if (rc) return rc;
  fprintf(f.fp, "row\tlabel\tcluster\n");
  for (size_t i = 0; i < n; i++) fprintf(f.fp, "%zu\t%s\t%zu\n", i + 1, names[i], q->labels[i] + 1);
  if ((rc = out_commit(&f))) return rc;
  if ((rc = table_open(&f, p, stem, "-centroids.tsv", "each cluster's size and centroid: the mean of its members' observed entries (NA: none observed)")))
    return rc;
  fprintf(f.fp, "cluster\tsize");
  for (size_t c = 0; c < pp; c++) fprintf(f.fp, "\t%s", cols[c]);
  fputc('\n', f.fp);
  for (size_t k = 0; k < K; k++) {
    fprintf(f.fp, "%zu\t%zu", k + 1, q->size[k]);
    for (size_t c = 0; c < pp; c++) { fputc('\t', f.fp); print_value(f.fp, q->cent[c * K + k]); }
    fputc('\n', f.fp);
  }
  if ((rc = out_commit(&f))) return rc;
  char path[OUT_PATH_MAX];   /* the clustered data: the input's shape, no provenance lines (a plain CSV) */
  if ((rc = path_of(path, stem, "-clustered.csv")) || (rc = out_open(&f, path))) return rc;
  fputs("label", f.fp);
  for (size_t c = 0; c < pp; c++) { fputc(',', f.fp); csv_field(f.fp, cols[c]); }
  fputc('\n', f.fp);
  for (size_t i = 0; i < n; i++) {
    csv_field(f.fp, names[i]);
    for (size_t c = 0; c < pp; c++) { fputc(',', f.fp); print_value(f.fp, q->cent[c * K + q->labels[i]]); }
    fputc('\n', f.fp);
  }
  return out_commit(&f);
}

static void print_partition(const partition *q, const cc_data *d, char *const *names, char *const *cols,
                            const char *stem)
{
  const size_t n = d->n, K = q->K;
  printf("partition: %zu cluster%s (CARP holds it for lambda in [%.4g, %.4g))\n", K, K == 1 ? "" : "s", q->lo, q->hi);
  for (size_t k = 0; k < K; k++) {
    printf("  cluster %zu (%zu):", k + 1, q->size[k]);
    const char *sep = " ";
    for (size_t i = 0; i < n; i++)
      if (q->labels[i] == k) { printf("%s%s", sep, names[i]); sep = ", "; }
    printf("\n    centroid:");
    const size_t show = d->p < 8 ? d->p : 8;
    for (size_t c = 0; c < show; c++) {
      const double v = q->cent[c * K + k];
      if (isnan(v)) printf(" %s=NA", cols[c]);
      else printf(" %s=%.4g", cols[c], v);
    }
    printf(show < d->p ? " ... (%zu columns: %s-centroids.tsv)\n" : "\n", d->p, stem);
  }
}

/* ---- the exact solutions on a grid ---------------------------------------------------------------- */

enum { EXACT_CAP = 100000 };   /* ADMM steps per level at most */

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

static int write_exact(const cc_path *he, const cc_graph *g, const cc_view *v, const opt_list *grid, const cc_data *d,
                       char *const *names, char *const *cols, const opt_parser *p, const char *stem, int quiet)
{
  const size_t n = d->n, pp = d->p;
  size_t *lab = malloc(n * sizeof *lab), *carp = malloc(n * sizeof *carp), *par = malloc(n * sizeof *par),
         *sz = malloc(n * sizeof *sz);
  out_file f;
  int rc = lab && carp && par && sz ? 0 : GSL_ENOMEM;
  if (!rc) rc = table_open(&f, p, stem, "-exact.tsv",
                           "the exact solution U(lambda) at each level (ADMM until the root-mean-square changes of U, V and Z are below 1e-10 times the data's, at most 100000 steps "
                           "per level; converged 0 when the cap was hit), in the data's units; levels above the one where every "
                           "observation fused repeat that solution");
  if (!rc) {
    fprintf(f.fp, "lambda\trow\tlabel\tcluster\tnclusters\tconverged");
    for (size_t c = 0; c < pp; c++) fprintf(f.fp, "\tu_%s", cols[c]);
    fputc('\n', f.fp);
    if (!quiet) printf("exact solutions (convex_clustering) at %zu level%s:\n", grid->n, grid->n == 1 ? "" : "s");
    for (size_t j = 0; j < grid->n; j++) {
      const size_t s = j < he->nstore ? j : he->nstore - 1;
      const size_t steps = he->step[s] - (s ? he->step[s - 1] : 0);
      const int conv = j >= he->nstore || steps < EXACT_CAP;
      const size_t K = cc_path_labels(he, g, s, lab, par, sz);
      /* CARP's partition with as many clusters (its path lags the exact one in lambda, so partitions are
       * compared at a common cluster count) */
      cc_dendrogram_cut(v->merge, v->nmerge, n, K, carp, par, sz);
      if (!quiet)
        printf("  lambda = %-10.4g %zu cluster%s%s; CARP's %zu-cluster partition vs this one: adjusted Rand index %.4f\n",
               grid->v[j], K, K == 1 ? "" : "s", conv ? "" : " (not converged)", K, cc_ari(lab, carp, n));
      const double *u = he->u + s * n * pp;
      for (size_t i = 0; i < n; i++) {
        fprintf(f.fp, "%.17g\t%zu\t%s\t%zu\t%zu\t%d", grid->v[j], i + 1, names[i], lab[i] + 1, K, conv);
        for (size_t c = 0; c < pp; c++) fprintf(f.fp, "\t%.17g", u[c * n + i] * d->scale[c] + d->center[c]);
        fputc('\n', f.fp);
      }
    }
    rc = out_commit(&f);
  }
  free(lab); free(carp); free(par); free(sz);
  return rc;
}

/* ---- figures ------------------------------------------------------------------------------------------ */

/* STEM-figures.gp (the script with stem, part and cut set), run by gnuplot if there is one: 0, 1 when
 * gnuplot failed (message printed), -1 when there is no gnuplot (warning printed). */
static int figures(const char *stem, int part, double cut)
{
  char script[OUT_PATH_MAX], tmp[OUT_PATH_MAX + 32], fin[OUT_PATH_MAX], ext[32];
  out_file f;
  if (path_of(script, stem, "-figures.gp") || out_open(&f, script)) return 1;
  fputs("stem = '", f.fp);
  for (const char *c = stem; *c; c++) { if (*c == '\'') fputc('\'', f.fp); fputc(*c, f.fp); }
  fprintf(f.fp, "'\npart = %d\ncut = %.17g\n", part, part ? cut : NAN);
  fputs(carp_figures_script, f.fp);
  if (out_commit(&f)) return 1;
  snprintf(ext, sizeof ext, ".tmp%ld", (long) getpid());
  char eopt[64];
  snprintf(eopt, sizeof eopt, "ext = '%s'", ext);
  char *argv[] = { "gnuplot", "-e", eopt, script, NULL };
  pid_t pid;
  int st = 0;
  if (posix_spawnp(&pid, "gnuplot", NULL, NULL, argv, environ)) {
    fprintf(stderr, "carp: warning: no gnuplot: figures not drawn (install gnuplot, then run: gnuplot %s)\n", script);
    return -1;
  }
  const int ok = waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0;
  static const char *const fig[] = { "-path.pdf", "-path.png", "-dendrogram.pdf", "-dendrogram.png" };
  int bad = !ok;
  for (size_t k = 0; k < 4; k++) {
    snprintf(fin, sizeof fin, "%s%s", stem, fig[k]);
    snprintf(tmp, sizeof tmp, "%s%s", fin, ext);
    if (ok && rename(tmp, fin)) bad = 1;
    remove(tmp);
  }
  if (bad) fprintf(stderr, "carp: gnuplot failed to draw the figures (script %s)\n", script);
  return bad;
}

/* ---- the run, step by step ---------------------------------------------------------------------- */

typedef struct {
  const char *csv, *stem;
  cc_data *d;
  char **names, **cols, *numbers;   /* row and column names (R's defaults 1..n, V1..Vp when absent) */
  cc_graph *g;
  cc_admm *a;
  cc_path *h, *he;                  /* the CARP path; the exact solutions (--grid) */
  cc_view *v;
  double secs;                      /* CARP's wall time, for the summary only */
  partition q;
} run;

static int names_make(run *r)
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

/* the partition asked for: the dendrogram cut into K clusters, or the path's partition at lambda */
static int partition_make(run *r, long clusters, double lambda)
{
  partition *q = &r->q;
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

static int write_files(run *r, const opt_parser *p)
{
  const char *stem = r->stem;
  char summary[512], path[OUT_PATH_MAX];
  snprintf(summary, sizeof summary, "%zu observations x %zu variables, %zu missing cells; weights: phi = %.17g, k = %zu, "
           "%zu edges; CARP: %zu steps, gamma_end = %.17g", r->d->n, r->d->p, r->d->nmiss, r->g->phi, r->g->k, r->g->ne,
           r->h->steps, r->h->gamma_end);
  out_file f;
  if (make_dirs(stem)
      || table_open(&f, p, stem, "-path.tsv", summary) || cc_view_write_path(f.fp, r->v) || out_commit(&f)
      || table_open(&f, p, stem, "-path-segments.tsv", NULL) || cc_view_write_segments(f.fp, r->v) || out_commit(&f)
      || table_open(&f, p, stem, "-path-leaves.tsv", NULL) || cc_view_write_leaves(f.fp, r->v, r->names) || out_commit(&f)
      || path_of(path, stem, ".nwk") || out_open(&f, path) || cc_view_write_newick(f.fp, r->v, r->names) || out_commit(&f)
      || path_of(path, stem, "-hclust.R") || out_open(&f, path))
    return GSL_EFAILED;
  out_provenance(f.fp, p, "#");
  fprintf(f.fp, "# the CARP dendrogram as an R \"hclust\" object: source(\"%s\"); plot(carp_tree); cutree(carp_tree, k = 3)\n", path);
  if (cc_view_write_hclust_r(f.fp, r->v, r->names, "carp_tree") || out_commit(&f)
      || table_open(&f, p, stem, "-hclust.tsv", "hclust merge matrix (negative -i: row i, 1-based; positive k: merge k) and heights (lambda)")
      || cc_view_write_hclust_tsv(f.fp, r->v) || out_commit(&f)
      || path_of(path, stem, ".html") || cc_view_page_file(path, r->v, r->names, r->csv, p, summary)
      || (r->q.K && write_partition(&r->q, r->d, r->names, r->cols, p, stem)))
    return GSL_EFAILED;
  return 0;
}

static void print_summary(const run *r, double phi, long k, int viz)
{
  const cc_data *d = r->d;
  printf("carp: %s: %zu observations x %zu variables", r->csv, d->n, d->p);
  if (d->nmiss) printf(", %zu missing cells (%.2g%%): fitted on the observed cells", d->nmiss, 100.0 * (double) d->nmiss / (double) (d->n * d->p));
  printf("\nweights: phi = %g%s, k = %zu%s, %zu edges\n", r->g->phi, phi > 0 ? "" : " (automatic)", r->g->k, k ? "" : " (automatic)", r->g->ne);
  printf("CARP%s: %zu ADMM steps in %.2f s, %zu stored levels, every observation fused at lambda = %.4g\n",
         viz ? "-VIZ" : "", r->h->steps, r->secs, r->h->nstore, r->h->gamma_end);
  if (r->q.K) print_partition(&r->q, d, r->names, r->cols, r->stem);
}

static void run_free(run *r)
{
  free(r->q.labels); free(r->q.cent); free(r->q.count); free(r->q.size);
  free(r->names); free(r->cols); free(r->numbers);
  cc_view_free(r->v); cc_path_free(r->h); cc_path_free(r->he); cc_admm_free(r->a); cc_graph_free(r->g); cc_data_free(r->d);
}

/* every exit after the data were read: free, then the status */
static int done(run *r, int status)
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
  run r = { 0 };
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

  if (write_files(&r, &p)) return done(&r, PROC_EXIT_NUMERIC);
  if (!p.quiet) print_summary(&r, phi, k, viz);
  if (r.he && write_exact(r.he, r.g, r.v, &grid, r.d, r.names, r.cols, &p, r.stem, p.quiet)) return done(&r, PROC_EXIT_NUMERIC);
  /* the figures' dashed line: the asked level, or one inside the range where the K clusters hold */
  const partition *q = &r.q;
  const double cut = lambda > 0 ? lambda : !isfinite(q->hi) ? 1.5 * q->lo : q->lo > 0 ? sqrt(q->lo * q->hi) : 0.5 * q->hi;
  const int fig = nofig ? 0 : figures(r.stem, q->K > 0, cut);
  if (!p.quiet)
    printf("wrote %s: -path.tsv (-leaves, -segments) .nwk -hclust.R -hclust.tsv .html%s%s%s\n", r.stem,
           q->K ? " -clusters.tsv -centroids.tsv -clustered.csv" : "", r.he ? " -exact.tsv" : "",
           nofig ? "" : fig < 0 ? " -figures.gp (not drawn: no gnuplot)" : fig ? " -figures.gp (drawing failed)"
                                : " -path.pdf/.png -dendrogram.pdf/.png -figures.gp");
  run_free(&r);
  return fig > 0 ? PROC_EXIT_NUMERIC : 0;
}
