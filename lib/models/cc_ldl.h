/* cc_ldl.h -- the triangular solves of a simplicial LDL' factor for many right-hand sides at once
 * (prefix cc_ldl_; internal to the convex clustering modules, used by cc.c).
 *
 * Why: CHOLMOD's cholmod_solve2 on a simplicial factor permutes and transposes the right-hand
 * sides into chunks of at most 4 columns and sweeps the factor once per chunk (18 sweeps for the
 * 69 columns of the authors data), which is most of a CARP step.  Here the right-hand sides are
 * stored node after node ("row form": entry (k, c) at y[k * p + c], k the permuted row), so each
 * entry of L updates p contiguous numbers, and one sweep forward and one backward serve every
 * column.  The arithmetic of each column is CHOLMOD's own, operation for operation (its simplicial
 * LDL' solve: a forward pass with unit L taking columns singly or in chains of two or three
 * ("supernodes" detected by the same tests), then D^{-1} and L' backward likewise -- except that
 * CHOLMOD solves the columns in groups of four, the last p % 4 together, and its 4-column backward
 * kernel forms chains of at most two: so columns below p - p % 4 follow that kernel), so the results
 * are bit-identical to cholmod_solve2(CHOLMOD_A, ...) on the same factor -- tests/test_cvxclust.c
 * checks this against CHOLMOD itself.  Columns are independent: a solve of columns [c0, c1) is
 * what the whole solve computes on those columns, whatever the split (threads split by columns).
 *
 * The plan copies the factor's structure (column pointers, counts, rows, values, permutation) and
 * the chain decomposition of both sweeps; it does not keep CHOLMOD objects. */
#ifndef AR_CC_LDL_H
#define AR_CC_LDL_H

#include <stddef.h>
#include <suitesparse/cholmod.h>
#include "models/cc.h"

typedef struct {
  size_t n;
  int *lp, *lnz, *li;    /* column j: rows li[lp[j] .. lp[j] + lnz[j]), the diagonal first */
  double *lx;            /* unit L below the diagonal, D on the diagonal */
  int *perm;             /* row k of the permuted system is row perm[k] of the original */
  int *iperm;            /* iperm[perm[k]] = k */
  int *fwd, *bwd;        /* chains of each sweep: first column, size 1..3; nfwd, nbwd entries */
  int *bwd4;             /* the backward chains of CHOLMOD's 4-column kernel (sizes 1..2) */
  size_t nfwd, nbwd, nbwd4;
} cc_ldl;

/* A plan from a simplicial LDL' factor: n, column pointers lp (n + 1 not needed: lnz gives the
 * counts), lnz, li, lx and the permutation perm (NULL: identity), all copied.  NULL when out of
 * memory. */
cc_ldl *cc_ldl_make(size_t n, const int *lp, const int *lnz, const int *li, const double *lx,
                    const int *perm);
void cc_ldl_free(cc_ldl *s);

/* Solve L D L' Y = B in place for columns [c0, c1) of y (n x p in row form, already permuted:
 * y[k * p + c] = B[perm[k], c]).  Works in place: no scratch.  Bit-identical to cholmod_solve2 when
 * column c0 is a multiple of 4 and the columns [c0, c1) are CHOLMOD's group or groups of 4
 * (p = 4 for a full group; a last group narrower than 4 uses that width). */
void cc_ldl_solve(const cc_ldl *s, double *y, size_t p, size_t c0, size_t c1);

/* The solve of one group of CC_LDL_W columns (CHOLMOD's width) stored as an n x CC_LDL_W block in
 * row form (y[k * CC_LDL_W + c], rows permuted), of which the first w <= CC_LDL_W are live:
 * the same numbers as cc_ldl_solve on a block of width w, written for the fixed width so that the
 * compiler keeps each row in vector registers. */
#define CC_LDL_W 4
void cc_ldl_solve4(const cc_ldl *s, double *y, size_t w);

/* I + rho D'D for the edges of g (D: one row e_i - e_j per edge), as CHOLMOD's lower triangle,
 * column-compressed (column i: the diagonal, then the edges (i, j), j > i, in g's order), ready for
 * cholmod_analyze.  The one assembly of the system CARP factors (cc.c) and the tests check.  NULL
 * when out of memory. */
cholmod_sparse *cc_ldl_system(const cc_graph *g, double rho, cholmod_common *cm);

#endif
