/* cc_view.c -- see cc_view.h. */
#include "io/cc_view.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_errno.h>
#include "core/la.h"
#include "io/cc_data.h"
#include "io/out.h"

void cc_view_free(cc_view *v)
{
  if (!v) return;
  free(v->pc); free(v->labels); free(v->nclusters);
  free(v->merge); free(v->height); free(v->order); free(v->seg);
  free(v);
}

/* The first two principal axes of x as the columns of ax (p x 2, row-major); the second is zero
 * when x has a single column or row. */
static int axes(const double *x, size_t n, size_t p, double *ax)
{
  const size_t r = n < p ? n : p;
  gsl_matrix *X = gsl_matrix_alloc(n, p), *U = gsl_matrix_alloc(n, r), *V = gsl_matrix_alloc(p, r);
  gsl_vector *sv = gsl_vector_alloc(r);
  la_work *w = la_work_alloc();
  int rc = GSL_ENOMEM;
  if (!X || !U || !V || !sv || !w) goto done;
  for (size_t i = 0; i < n; i++)
    for (size_t c = 0; c < p; c++) gsl_matrix_set(X, i, c, x[c * n + i]);
  if ((rc = la_svd(X, U, sv, V, w))) goto done;
  for (size_t k = 0; k < 2; k++) {
    if (k >= r) {
      for (size_t c = 0; c < p; c++) ax[2 * c + k] = 0;
      continue;
    }
    /* fix the sign of each axis (largest loading positive) so the picture does not flip */
    size_t imax = 0;
    for (size_t c = 1; c < p; c++)
      if (fabs(gsl_matrix_get(V, c, k)) > fabs(gsl_matrix_get(V, imax, k))) imax = c;
    const double sg = gsl_matrix_get(V, imax, k) < 0 ? -1.0 : 1.0;
    for (size_t c = 0; c < p; c++) ax[2 * c + k] = sg * gsl_matrix_get(V, c, k);
  }
done:
  gsl_matrix_free(X); gsl_matrix_free(U); gsl_matrix_free(V); gsl_vector_free(sv);
  la_work_free(w);
  return rc;
}

cc_view *cc_view_make(const cc_path *h, const cc_graph *g, const double *x, size_t n, size_t p)
{
  if (!h->keep_u || g->n != n || h->n != n || h->p != p || n == 0 || p == 0) {
    gsl_error("cc_view_make: needs a path with its iterates, of the data's shape", __FILE__, __LINE__, GSL_EINVAL);
    return NULL;
  }
  cc_view *v = calloc(1, sizeof *v);
  if (!v) return NULL;
  const size_t ns = h->nstore;
  v->n = n; v->ns = ns; v->h = h;
  v->pc = malloc((2 * ns * n + 1) * sizeof *v->pc);
  v->labels = malloc((ns * n + 1) * sizeof *v->labels);
  v->nclusters = malloc((ns + 1) * sizeof *v->nclusters);
  v->merge = malloc(2 * n * sizeof *v->merge);
  v->height = malloc(n * sizeof *v->height);
  v->order = malloc(n * sizeof *v->order);
  v->seg = malloc(12 * n * sizeof *v->seg);
  double *ax = malloc(2 * p * sizeof *ax);
  size_t *par = malloc(n * sizeof *par), *sz = malloc(n * sizeof *sz);
  if (!v->pc || !v->labels || !v->nclusters || !v->merge || !v->height || !v->order || !v->seg || !ax
      || !par || !sz || axes(x, n, p, ax)) {
    free(ax); free(par); free(sz);
    cc_view_free(v);
    return NULL;
  }
  v->nmerge = cc_dendrogram(h, g, v->merge, v->height, v->order);
  v->nseg = cc_dendrogram_segments(v->merge, v->height, v->order, n, v->nmerge, v->seg);
  for (size_t s = 0; s < ns; s++) {
    v->nclusters[s] = cc_path_labels(h, g, s, v->labels + s * n, par, sz);
    const double *u = h->u + s * n * p;
    for (size_t i = 0; i < n; i++) {
      double z1 = 0, z2 = 0;
      for (size_t c = 0; c < p; c++) {
        z1 += u[c * n + i] * ax[2 * c];
        z2 += u[c * n + i] * ax[2 * c + 1];
      }
      v->pc[2 * (s * n + i)] = z1;
      v->pc[2 * (s * n + i) + 1] = z2;
    }
  }
  free(ax); free(par); free(sz);
  return v;
}

static int status(FILE *fp) { return ferror(fp) ? GSL_EFAILED : 0; }

int cc_view_write_path(FILE *fp, const cc_view *v)
{
  const size_t n = v->n;
  fprintf(fp, "# record 0: stored iterate s (ADMM step `step`, level gamma) of observation obs (0-based)"
              " projected on principal axes 1-2, its cluster label and cluster count\n");
  fprintf(fp, "# record 1: hclust merge row s (1-based): merge_a, merge_b (negative -i = observation i, 1-based), height\n");
  fprintf(fp, "record\ts\tstep\tgamma\tobs\tpc1\tpc2\tcluster\tnclusters\tmerge_a\tmerge_b\theight\n");
  for (size_t i = 0; i < n; i++)
    for (size_t s = 0; s < v->ns; s++)
      fprintf(fp, "0\t%zu\t%zu\t%.17g\t%zu\t%.17g\t%.17g\t%zu\t%zu\tnan\tnan\tnan\n", s, v->h->step[s],
              v->h->gamma[s], i, v->pc[2 * (s * n + i)], v->pc[2 * (s * n + i) + 1], v->labels[s * n + i],
              v->nclusters[s]);
  for (size_t k = 0; k < v->nmerge; k++)
    fprintf(fp, "1\t%zu\tnan\tnan\tnan\tnan\tnan\tnan\tnan\t%d\t%d\t%.17g\n", k + 1, v->merge[2 * k],
            v->merge[2 * k + 1], v->height[k]);
  return status(fp);
}

int cc_view_write_segments(FILE *fp, const cc_view *v)
{
  fprintf(fp, "x0\ty0\tx1\ty1\n");
  for (size_t q = 0; q < v->nseg; q++)
    fprintf(fp, "%.17g\t%.17g\t%.17g\t%.17g\n", v->seg[4 * q], v->seg[4 * q + 1], v->seg[4 * q + 2], v->seg[4 * q + 3]);
  return status(fp);
}

int cc_view_write_leaves(FILE *fp, const cc_view *v, char *const *labels)
{
  fprintf(fp, "# x position of each leaf, its observation index and row label (text)\n");
  fprintf(fp, "x\tobs\tlabel\n");
  for (size_t r = 0; r < v->n; r++)
    fprintf(fp, "%zu\t%zu\t%s\n", r + 1, v->order[r], labels ? labels[v->order[r]] : "?");
  return status(fp);
}

/* ---- dendrogram as text --------------------------------------------------------------------- */

/* Newick's conventions: blanks as underscores in an unquoted label (what most readers, ape's
 * read.tree among them, expect), quotes (a quote inside doubled) for anything else unusual */
static void newick_label(FILE *fp, const char *s)
{
  int plain = *s != '\0';
  for (const char *c = s; *c && plain; c++)
    plain = isalnum((unsigned char) *c) || strchr(".-+/ ", *c);
  if (plain) {
    for (const char *c = s; *c; c++) fputc(*c == ' ' ? '_' : *c, fp);
    return;
  }
  fputc('\'', fp);
  for (const char *c = s; *c; c++) {
    if (*c == '\'') fputc('\'', fp);   /* a quote inside quotes is doubled */
    fputc(*c == '\t' || *c == '\n' || *c == '\r' ? ' ' : *c, fp);
  }
  fputc('\'', fp);
}

/* node ids: leaf i < n, merge row m (0-based) = n + m; height of a node */
static double node_height(const cc_view *v, size_t id) { return id < v->n ? 0.0 : v->height[id - v->n]; }
static size_t child_id(const cc_view *v, size_t m, int c)
{
  const int e = v->merge[2 * m + c];
  return e < 0 ? (size_t) (-e - 1) : v->n + (size_t) e - 1;
}

int cc_view_write_newick(FILE *fp, const cc_view *v, char *const *labels)
{
  const size_t n = v->n, nm = v->nmerge;
  unsigned char *used = calloc(n + nm, 1);
  size_t *stack = malloc(2 * (n + nm + 1) * sizeof *stack), nroot = 0;
  if (!used || !stack) { free(used); free(stack); return GSL_ENOMEM; }
  for (size_t m = 0; m < nm; m++) { used[child_id(v, m, 0)] = 1; used[child_id(v, m, 1)] = 1; }
  for (size_t id = 0; id < n + nm; id++) nroot += !used[id];
  const double top = nm ? v->height[nm - 1] : 0.0;
  if (nroot > 1) fputc('(', fp);
  size_t written = 0;
  for (size_t r = n + nm; r-- > 0;) {   /* roots, the last merge first */
    if (used[r]) continue;
    if (written++) fputc(',', fp);
    /* depth first; a stack entry is (node, phase): 0 open, 1 between the children, 2 close */
    size_t sp = 0;
    stack[sp++] = r; stack[sp++] = 0;
    while (sp) {
      const size_t phase = stack[--sp], id = stack[--sp];
      if (id < n) {
        newick_label(fp, labels ? labels[id] : "?");
      } else if (phase == 0) {
        fputc('(', fp);
        stack[sp++] = id; stack[sp++] = 1;
        stack[sp++] = child_id(v, id - n, 0); stack[sp++] = 0;
        continue;
      } else if (phase == 1) {
        fputc(',', fp);
        stack[sp++] = id; stack[sp++] = 2;
        stack[sp++] = child_id(v, id - n, 1); stack[sp++] = 0;
        continue;
      } else {
        fputc(')', fp);
      }
      /* the node is complete: its branch length up to its parent (none for a lone root) */
      if (id == r && nroot == 1) continue;
      const double up = id == r ? top : node_height(v, sp ? stack[sp - 2] : r);
      fprintf(fp, ":%.17g", up - node_height(v, id));
    }
  }
  if (nroot > 1) fputc(')', fp);
  fputs(";\n", fp);
  free(used); free(stack);
  return status(fp);
}

static void r_string(FILE *fp, const char *s)
{
  fputc('"', fp);
  for (const char *c = s; *c; c++) {
    if (*c == '"' || *c == '\\') { fputc('\\', fp); fputc(*c, fp); }
    else if (*c == '\t') fputs("\\t", fp);
    else if ((unsigned char) *c < 0x20) fprintf(fp, "\\%03o", (unsigned) (unsigned char) *c);
    else fputc(*c, fp);
  }
  fputc('"', fp);
}

int cc_view_write_hclust_r(FILE *fp, const cc_view *v, char *const *labels, const char *name)
{
  const size_t n = v->n, nm = v->nmerge;
  fprintf(fp, "%s <- structure(list(\n  merge = matrix(as.integer(c(", name);
  for (int c = 0; c < 2; c++)
    for (size_t m = 0; m < nm; m++) fprintf(fp, "%s%d", m || c ? ", " : "", v->merge[2 * m + c]);
  fprintf(fp, ")), ncol = 2),\n  height = c(");
  for (size_t m = 0; m < nm; m++) fprintf(fp, "%s%.17g", m ? ", " : "", v->height[m]);
  fprintf(fp, "),\n  order = as.integer(c(");
  for (size_t r = 0; r < n; r++) fprintf(fp, "%s%zu", r ? ", " : "", v->order[r] + 1);
  fprintf(fp, ")),\n  labels = c(");
  for (size_t i = 0; i < n; i++) {
    if (i) fputs(", ", fp);
    r_string(fp, labels ? labels[i] : "?");
  }
  fprintf(fp, "),\n  method = \"CARP\", dist.method = \"euclidean\", call = quote(CARP(X))),\n"
              "  class = \"hclust\")\n");
  return status(fp);
}

int cc_view_write_hclust_tsv(FILE *fp, const cc_view *v)
{
  fprintf(fp, "merge_a\tmerge_b\theight\n");
  for (size_t m = 0; m < v->nmerge; m++)
    fprintf(fp, "%d\t%d\t%.17g\n", v->merge[2 * m], v->merge[2 * m + 1], v->height[m]);
  return status(fp);
}

/* ---- the page --------------------------------------------------------------------------------- */

/* a JSON string; "<" escaped so that no label can close the <script> element holding the data */
static void json_string(FILE *fp, const char *s, const char *end)
{
  fputc('"', fp);
  for (const char *c = s; end ? c < end : *c; c++) {
    const unsigned char u = (unsigned char) *c;
    if (u == '"' || u == '\\') { fputc('\\', fp); fputc(u, fp); }
    else if (u == '\t') fputs("\\t", fp);
    else if (u == '<') fputs("\\u003c", fp);
    else if (u < 0x20) fprintf(fp, "\\u%04x", u);
    else fputc(u, fp);
  }
  fputc('"', fp);
}

static void json_data(FILE *fp, const cc_view *v, char *const *labels, const char *title, const char *prov)
{
  const size_t n = v->n, ns = v->ns;
  fputs("{\"title\":", fp);
  json_string(fp, title, NULL);
  fputs(",\n\"provenance\":[", fp);
  for (const char *s = prov, *e; s && *s; s = *e ? e + 1 : e) {
    e = strchr(s, '\n');
    if (!e) e = s + strlen(s);
    if (s != prov) fputc(',', fp);
    json_string(fp, s, e);
  }
  fprintf(fp, "],\n\"n\":%zu,\n\"gamma\":[", n);
  for (size_t s = 0; s < ns; s++) fprintf(fp, "%s%.17g", s ? "," : "", v->h->gamma[s]);
  fputs("],\n\"step\":[", fp);
  for (size_t s = 0; s < ns; s++) fprintf(fp, "%s%zu", s ? "," : "", v->h->step[s]);
  fputs("],\n\"nclusters\":[", fp);
  for (size_t s = 0; s < ns; s++) fprintf(fp, "%s%zu", s ? "," : "", v->nclusters[s]);
  fputs("],\n\"labels\":[", fp);
  for (size_t i = 0; i < n; i++) {
    if (i) fputc(',', fp);
    json_string(fp, labels ? labels[i] : "?", NULL);
  }
  fputs("],\n\"order\":[", fp);
  for (size_t i = 0; i < n; i++) fprintf(fp, "%s%zu", i ? "," : "", v->order[i]);
  fputs("],\n\"height\":[", fp);
  for (size_t m = 0; m < v->nmerge; m++) fprintf(fp, "%s%.17g", m ? "," : "", v->height[m]);
  fputs("],\n\"merge\":[", fp);
  for (size_t m = 0; m < v->nmerge; m++) fprintf(fp, "%s[%d,%d]", m ? "," : "", v->merge[2 * m], v->merge[2 * m + 1]);
  fputs("],\n\"segments\":[", fp);
  for (size_t q = 0; q < v->nseg; q++)
    fprintf(fp, "%s[%.17g,%.17g,%.17g,%.17g]", q ? "," : "", v->seg[4 * q], v->seg[4 * q + 1], v->seg[4 * q + 2],
            v->seg[4 * q + 3]);
  /* per observation, one entry per stored iterate */
  for (int a = 0; a < 2; a++) {
    fprintf(fp, "],\n\"pc%d\":[", a + 1);
    for (size_t i = 0; i < n; i++) {
      fputs(i ? ",\n[" : "[", fp);
      for (size_t s = 0; s < ns; s++) fprintf(fp, "%s%.6g", s ? "," : "", v->pc[2 * (s * n + i) + (size_t) a]);
      fputc(']', fp);
    }
  }
  fputs("],\n\"cluster\":[", fp);
  for (size_t i = 0; i < n; i++) {
    fputs(i ? ",\n[" : "[", fp);
    for (size_t s = 0; s < ns; s++) fprintf(fp, "%s%zu", s ? "," : "", v->labels[s * n + i]);
    fputc(']', fp);
  }
  fputs("]}\n", fp);
}

static void html_text(FILE *fp, const char *s)
{
  for (const char *c = s; *c; c++) {
    if (*c == '&') fputs("&amp;", fp);
    else if (*c == '<') fputs("&lt;", fp);
    else if (*c == '>') fputs("&gt;", fp);
    else if (*c == '"') fputs("&quot;", fp);
    else fputc(*c, fp);
  }
}

int cc_view_write_page(FILE *fp, const cc_view *v, char *const *labels, const char *title,
                       const char *provenance)
{
  static const char data_line[] = "@CARP_DATA@", title_mark[] = "@CARP_TITLE@";
  int placed = 0;
  for (const char *s = cc_view_page_template, *e; *s; s = *e ? e + 1 : e) {
    e = strchr(s, '\n');
    if (!e) e = s + strlen(s);
    if ((size_t) (e - s) == sizeof data_line - 1 && memcmp(s, data_line, sizeof data_line - 1) == 0) {
      json_data(fp, v, labels, title, provenance);
      placed = 1;
      continue;
    }
    for (const char *c = s; c < e;) {
      if ((size_t) (e - c) >= sizeof title_mark - 1 && memcmp(c, title_mark, sizeof title_mark - 1) == 0) {
        html_text(fp, title);
        c += sizeof title_mark - 1;
      } else {
        fputc(*c++, fp);
      }
    }
    if (*e) fputc('\n', fp);
  }
  if (!placed) {
    gsl_error("cc_view_write_page: the template has no line @CARP_DATA@", __FILE__, __LINE__, GSL_EFAILED);
    return GSL_EFAILED;
  }
  return status(fp);
}

int cc_view_page_file(const char *path, const cc_view *v, char *const *labels, const char *csv,
                      const opt_parser *p, const char *extra)
{
  char *prov = NULL, title[256];
  size_t len = 0;
  FILE *ms = open_memstream(&prov, &len);
  if (!ms) return GSL_ENOMEM;
  out_provenance(ms, p, "");
  if (extra) fputs(extra, ms);
  if (fclose(ms)) { free(prov); return GSL_ENOMEM; }
  cc_data_name(csv, title, sizeof title);
  out_file f;
  int rc = out_open(&f, path);
  if (!rc) rc = cc_view_write_page(f.fp, v, labels, title, prov);
  if (!rc) rc = out_commit(&f);
  else out_abort(&f);
  free(prov);
  return rc;
}
