/* cbass_protocol.h -- the CBASS experiments' protocol (W-cbass-*; prefix cbass_): planted biclusters
 * and the exact path on a geometric grid (W-cbass-accuracy); the heatmaps' reading of a path
 * (W-cbass-heatmap): the two dendrograms' leaf orders, the panels (stored levels with at most K row clusters), and the tables
 * and macros a heatmap figure and claims W9-W11 are made of.  The biclustering itself is
 * models/cbass.h; this is protocol. */
#ifndef AR_CBASS_PROTOCOL_H
#define AR_CBASS_PROTOCOL_H

#include "io/csv.h"
#include "io/out.h"
#include "models/cbass.h"

#include <gsl/gsl_rng.h>

/* A planted-bicluster matrix (n x p, column-major): row i in group i mod nrg, column c in group
 * c mod ncg, entry mu_ab + N(0, sd^2) with the nrg x ncg block means mu_ab ~ N(0, sep^2) drawn first
 * (row-major), then the noise column by column, all from rng; centred globally (cbass_center), with
 * *xnorm = ||X||_F after centring.  NULL if out of memory. */
double *cbass_planted(size_t n, size_t p, size_t nrg, size_t ncg, double sep, double sd, gsl_rng *rng, double *xnorm);

/* The exact path (cbass_exact, tolerance 1e-12, at most 100000 steps per level) on the grid
 * 1e-6 t^j, j = 0 .. ceil(ln(1e18)/ln t) + 1: long enough to pass the level where everything fuses
 * (it stops there).  0 or cbass_exact's error. */
int cbass_exact_geometric(cbass_admm *a, double t, cbass_path *h);

typedef struct {
  const csv_data *raw;             /* the data as read (labels, values in the file's units) */
  const cc_graph *g[2];            /* rows, columns */
  const cc_path *h[2];
  size_t *order[2], *pos[2];       /* leaf order of each dendrogram and each point's place in it */
  size_t *lab[2], *par, *sz;       /* scratch */
  int *merge[2];
  size_t nmerge[2];
} cbass_heat;

/* Both dendrograms of the path h (gr, gc: its graphs) of the n x p data raw.  NULL if out of memory. */
cbass_heat *cbass_heat_make(const csv_data *raw, const cbass_path *h, const cc_graph *gr, const cc_graph *gc);
void cbass_heat_free(cbass_heat *R);

/* The cluster counts of rows and columns at stored level s (R's label scratch holds the labels). */
void cbass_heat_counts(cbass_heat *R, size_t s, size_t *kr, size_t *kc);

/* The first stored level with at most krows row clusters (the last level if none). */
size_t cbass_heat_level(cbass_heat *R, size_t krows);

/* The -panels table: panel 0 the data, panel k (1 <= k <= rows->n <= 6) the first stored level with
 * at most rows->v[k-1] row clusters, into level[k-1], with its row and column cluster counts
 * kk[0][k-1], kk[1][k-1].  0 or nonzero on I/O errors. */
int cbass_heat_panels(out_file *f, const opt_parser *p, cbass_heat *R, const opt_list *rows, size_t *level,
                      size_t kk[2][6]);

/* The heatmaps' color range: the 1% and 99% quantiles of the data (NAN if out of memory). */
void cbass_heat_color_range(const csv_data *raw, double *lo, double *hi);

/* Tables: -edges (every edge, its fusion step and level), -image (the data in dendrogram order), the
 * biclusters of panel k at stored level s into an open table (one rectangle each, the mean of x,
 * n x p column-major centred, plus mean; 1 with a message when one is not a block of consecutive
 * leaves).  0 or nonzero on I/O errors. */
int cbass_heat_edges(out_file *f, const opt_parser *p, const cbass_heat *R);
int cbass_heat_image(out_file *f, const opt_parser *p, const cbass_heat *R);
int cbass_heat_blocks(out_file *f, cbass_heat *R, const double *x, double mean, size_t k, size_t s);

/* Macros: where the steps went (the side that connected last, the point of its last merge, the last
 * fusion elsewhere); and, at stored level s, the second-largest row cluster against the row labels
 * (when labels repeat, as TCGA's subtypes; nothing otherwise). */
void cbass_heat_tail_macros(out_file *f, const opt_parser *p, cbass_heat *R);
void cbass_heat_label_macros(out_file *f, const opt_parser *p, cbass_heat *R, size_t s);

#endif
