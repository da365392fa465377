/* carp.h -- the parts of the carp tool (tools/carp.c: options and the run; carp_out.c: the user's
 * tables and the summary on stdout; carp_plot.c: the gnuplot figures).  Internal to the tool. */
#ifndef AR_CARP_H
#define AR_CARP_H

#include <stdio.h>
#include "io/cc_data.h"
#include "io/cc_view.h"
#include "io/opt.h"

enum { EXACT_CAP = 100000 };   /* ADMM steps per level at most */

/* ---- the partition: clusters, centroids, clustered data ------------------------------------------- */

typedef struct {
  size_t K, *labels;      /* labels[i] in 0..K-1, numbered by first appearance (R's cutree) */
  double lo, hi;          /* the levels between which the path holds this partition */
  double *cent;           /* K x p column-major, original units, NAN when unobserved */
  size_t *count;          /* K x p entries averaged */
  size_t *size;           /* K members */
} carp_partition;

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
  carp_partition q;
} carp_run;

/* PATH = STEM + suffix; 0 or GSL_EINVAL when too long */
int carp_path_of(char *path, const char *stem, const char *suffix);

/* Every file of the path (-path.tsv, -segments, -leaves, .nwk, -hclust.R, -hclust.tsv, .html) and,
 * when a partition was asked for, -clusters.tsv, -centroids.tsv, -clustered.csv.  0 or GSL_EFAILED. */
int carp_write_files(carp_run *r, const opt_parser *p);

/* -exact.tsv, and (unless quiet) each level's clusters against CARP's partition with as many. */
int carp_write_exact(const carp_run *r, const opt_list *grid, const opt_parser *p, int quiet);

/* The summary on stdout: data, weights, CARP, the partition. */
void carp_print_summary(const carp_run *r, double phi, long k, int viz);

/* STEM-figures.gp (the script with stem, part and cut set), run by gnuplot if there is one: 0, 1 when
 * gnuplot failed (message printed), -1 when there is no gnuplot (warning printed). */
int carp_figures(const char *stem, int part, double cut);

#endif
