/* lt_internal.h -- the layout of lt_work, shared by lt.c and lt_algo.c only (callers
 * treat lt_work as opaque). */
#ifndef AR_LT_INTERNAL_H
#define AR_LT_INTERNAL_H

#include <stddef.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>
#include "core/la.h"
#include "models/lt.h"

struct lt_work {
  size_t n, l, N;
  lt_kind kind;
  double *wstar;             /* z^{(x)l} */
  double cstar;              /* <w*^2, Omega^{(x)l} w*^2> (LT_MASK) */
  /* LT_MASK: the partial-transpose subsets evaluated, their weight, index maps, Omega^{(x)a} */
  size_t nsub;
  unsigned *sub;
  double subw;
  size_t *idx;               /* nsub x N */
  double **omk;              /* a = 0..l/2: n^a x n^a */
  double *wp, *P, *T1, *gp, *gw, *gt;
  /* LT_GRAM: dense N x N residual and its image */
  double *E, *R, *v, *v2;
  /* rank-1 read-out and kappa */
  double *ws, *c1, *c2, *u, *un, *kb, *kt, *Pm, *x;
  gsl_matrix *Sm, *Ev;
  gsl_vector *ev;
  la_work *la;
  /* algorithms */
  double *g, *m1, *m2, *d, *wt, *S;
};

#endif
