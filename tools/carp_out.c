/* carp_out.c -- the carp tool's tables (the user's files, with provenance lines but no cost
 * record) and its summary on stdout.  See carp.h. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <gsl/gsl_errno.h>
#include "carp.h"
#include "io/out.h"

/* ---- small helpers ------------------------------------------------------------------------------ */

/* PATH = STEM + suffix; 0 or GSL_EINVAL when too long */
int carp_path_of(char *path, const char *stem, const char *suffix)
{
  return snprintf(path, OUT_PATH_MAX, "%s%s", stem, suffix) < OUT_PATH_MAX ? 0 : GSL_EINVAL;
}

/* Open STEM+suffix with the provenance header (no cost record: these are the user's files). */
static int table_open(out_file *f, const opt_parser *p, const char *stem, const char *suffix, const char *what)
{
  char path[OUT_PATH_MAX];
  int rc = carp_path_of(path, stem, suffix);
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

static int write_partition(const carp_partition *q, const cc_data *d, char *const *names, char *const *cols,
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
  if ((rc = carp_path_of(path, stem, "-clustered.csv")) || (rc = out_open(&f, path))) return rc;
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

static void print_partition(const carp_partition *q, const cc_data *d, char *const *names, char *const *cols,
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

int carp_write_exact(const carp_run *r, const opt_list *grid, const opt_parser *p, int quiet)
{
  const cc_path *he = r->he;
  const cc_graph *g = r->g;
  const cc_data *d = r->d;
  char *const *names = r->names, *const *cols = r->cols;
  const size_t n = d->n, pp = d->p;
  size_t *lab = malloc(n * sizeof *lab), *carp = malloc(n * sizeof *carp), *par = malloc(n * sizeof *par),
         *sz = malloc(n * sizeof *sz);
  out_file f;
  int rc = lab && carp && par && sz ? 0 : GSL_ENOMEM;
  if (!rc) rc = table_open(&f, p, r->stem, "-exact.tsv",
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
      cc_dendrogram_cut(r->v->merge, r->v->nmerge, n, K, carp, par, sz);
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

/* ---- the path's files and the summary -------------------------------------------------------------- */

int carp_write_files(carp_run *r, const opt_parser *p)
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
      || carp_path_of(path, stem, ".nwk") || out_open(&f, path) || cc_view_write_newick(f.fp, r->v, r->names) || out_commit(&f)
      || carp_path_of(path, stem, "-hclust.R") || out_open(&f, path))
    return GSL_EFAILED;
  out_provenance(f.fp, p, "#");
  fprintf(f.fp, "# the CARP dendrogram as an R \"hclust\" object: source(\"%s\"); plot(carp_tree); cutree(carp_tree, k = 3)\n", path);
  if (cc_view_write_hclust_r(f.fp, r->v, r->names, "carp_tree") || out_commit(&f)
      || table_open(&f, p, stem, "-hclust.tsv", "hclust merge matrix (negative -i: row i, 1-based; positive k: merge k) and heights (lambda)")
      || cc_view_write_hclust_tsv(f.fp, r->v) || out_commit(&f)
      || carp_path_of(path, stem, ".html") || cc_view_page_file(path, r->v, r->names, r->csv, p, summary)
      || (r->q.K && write_partition(&r->q, r->d, r->names, r->cols, p, stem)))
    return GSL_EFAILED;
  return 0;
}

void carp_print_summary(const carp_run *r, double phi, long k, int viz)
{
  const cc_data *d = r->d;
  printf("carp: %s: %zu observations x %zu variables", r->csv, d->n, d->p);
  if (d->nmiss) printf(", %zu missing cells (%.2g%%): fitted on the observed cells", d->nmiss, 100.0 * (double) d->nmiss / (double) (d->n * d->p));
  printf("\nweights: phi = %g%s, k = %zu%s, %zu edges\n", r->g->phi, phi > 0 ? "" : " (automatic)", r->g->k, k ? "" : " (automatic)", r->g->ne);
  printf("CARP%s: %zu ADMM steps in %.2f s, %zu stored levels, every observation fused at lambda = %.4g\n",
         viz ? "-VIZ" : "", r->h->steps, r->secs, r->h->nstore, r->h->gamma_end);
  if (r->q.K) print_partition(&r->q, d, r->names, r->cols, r->stem);
}
