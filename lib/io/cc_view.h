/* cc_view.h -- what is shown of a convex clustering path (prefix cc_view_): the observations'
 * paths on the first two principal axes of the data, the cluster labels along the path, and the
 * dendrogram, computed once and written in every form the artifact and the carp tool hand out:
 *   - the path table (W-path.tsv's format: record 0 = a point of the path, record 1 = a merge),
 *     its drawing aids (dendrogram segments, leaf order and labels), read by the static figures
 *     and by tests/browser.sh;
 *   - the dendrogram as Newick text and as R's hclust object (merge/height/order/labels);
 *   - the self-contained interactive page: the template figures/carp-page.html, compiled into the
 *     library at build time, with its line @CARP_DATA@ replaced by the view as JSON and every
 *     @CARP_TITLE@ by the (HTML-escaped) title.
 * Every writer prints to a caller's stream (the caller opens and commits the file, io/out.h) and
 * returns 0, or GSL_EFAILED when the stream reports an error.  Numbers that are data are written
 * with %.17g; the page shortens coordinates to 6 significant digits (they only place pixels).
 */
#ifndef AR_CC_VIEW_H
#define AR_CC_VIEW_H

#include <stddef.h>
#include <stdio.h>
#include "io/opt.h"
#include "models/cc_path.h"

typedef struct {
  size_t n, ns;          /* observations, stored iterates */
  const cc_path *h;      /* the path (levels gamma[s], steps step[s]); not owned */
  double *pc;            /* ns x n x 2: iterate s of observation i on axis a at pc[2 (s n + i) + a] */
  size_t *labels;        /* ns x n: cluster labels (cc_path_labels) */
  size_t *nclusters;     /* ns */
  size_t nmerge, nseg;
  int *merge;            /* nmerge x 2, hclust convention (cc_dendrogram) */
  double *height;        /* nmerge */
  size_t *order;         /* n: leaves left to right */
  double *seg;           /* nseg x 4: dendrogram segments (cc_dendrogram_segments) */
} cc_view;

/* The view of path h (kept iterates: h->keep_u) on graph g.  The axes are the first two right
 * singular vectors of x (n x p, column-major, centred), each signed so that its largest loading
 * is positive; with a single column (or row) the second coordinate is 0.  NULL on failure. */
cc_view *cc_view_make(const cc_path *h, const cc_graph *g, const double *x, size_t n, size_t p);
void cc_view_free(cc_view *v);

/* The path table after the caller's header: two comment lines on the records, the column line
 * "record s step gamma obs pc1 pc2 cluster nclusters merge_a merge_b height", the points
 * observation by observation (each observation's path is one polyline), then the merges. */
int cc_view_write_path(FILE *fp, const cc_view *v);

/* "x0 y0 x1 y1" and the dendrogram's segments (leaf order[r] at x = r + 1, merge heights as y). */
int cc_view_write_segments(FILE *fp, const cc_view *v);

/* A comment, "x obs label" and one row per leaf from left to right; label[i] of observation i
 * (labels NULL: "?"). */
int cc_view_write_leaves(FILE *fp, const cc_view *v, char *const *labels);

/* The dendrogram in Newick form on one line: leaves are the labels (blanks written as
 * underscores; quoted when they hold anything but letters, digits, blanks and . - + /), branch
 * lengths are differences of merge levels
 * (leaves at 0).  An incomplete dendrogram (several roots) hangs its roots from one node at the
 * highest merge level. */
int cc_view_write_newick(FILE *fp, const cc_view *v, char *const *labels);

/* R code that builds the dendrogram as an object of class "hclust" named `name` (merge, height,
 * order, labels: what as.hclust-style tools read; method "CARP"). */
int cc_view_write_hclust_r(FILE *fp, const cc_view *v, char *const *labels, const char *name);

/* "merge_a merge_b height": the hclust merge matrix and heights as a table, one row per merge. */
int cc_view_write_hclust_tsv(FILE *fp, const cc_view *v);

/* The interactive page.  provenance: newline-separated lines shown under "Provenance" (the
 * subtitle quotes those starting with "program:", "version:" and "param t:"). */
int cc_view_write_page(FILE *fp, const cc_view *v, char *const *labels, const char *title,
                       const char *provenance);

/* The page of a program's run written to PATH atomically (io/out.h): titled after the data file
 * (csv's base name without .csv), its provenance the run's header (out_provenance) and the line
 * `extra` (may be NULL).  0 or a GSL error code (message printed). */
int cc_view_page_file(const char *path, const cc_view *v, char *const *labels, const char *csv,
                      const opt_parser *p, const char *extra);

/* The template (generated from figures/carp-page.html at build time). */
extern const char cc_view_page_template[];

#endif
