/* cc_ldl.c -- many-column triangular solves of a simplicial LDL' factor; see cc_ldl.h. */
#include "models/cc_ldl.h"

#include <stdlib.h>
#include <string.h>

void cc_ldl_free(cc_ldl *s)
{
  if (!s) return;
  free(s->lp); free(s->lnz); free(s->li); free(s->lx); free(s->perm); free(s->iperm);
  free(s->fwd); free(s->bwd); free(s->bwd4);
  free(s);
}

/* The chain that starts at column j of the forward sweep (j, j+1, j+2 while CHOLMOD's test holds:
 * column j has at least 4 entries and the next columns are its nested tails).  lnz >= 4 puts three
 * rows below j, so j + 2 < n whenever the longer tests run. */
static int fwd_chain(const cc_ldl *s, size_t j)
{
  const int p = s->lp[j], m = s->lnz[j];
  if (m < 4 || m != s->lnz[j + 1] + 1 || s->li[p + 1] != (int) j + 1) return 1;
  if (m != s->lnz[j + 2] + 2 || s->li[p + 2] != (int) j + 2) return 2;
  return 3;
}

/* The chain that ends at column j of the backward sweep (j, j-1, j-2), CHOLMOD's test; CHOLMOD's
 * 4-column kernel stops at chains of two (max_chain 2), its 1- to 3-column kernels go to three. */
static int bwd_chain(const cc_ldl *s, size_t j, int max_chain)
{
  const int m = s->lnz[j];
  if (j < 4 || m != s->lnz[j - 1] - 1 || s->li[s->lp[j - 1] + 1] != (int) j) return 1;
  if (max_chain == 2 || m != s->lnz[j - 2] - 2 || s->li[s->lp[j - 2] + 2] != (int) j) return 2;
  return 3;
}

cc_ldl *cc_ldl_make(size_t n, const int *lp, const int *lnz, const int *li, const double *lx,
                    const int *perm)
{
  cc_ldl *s = calloc(1, sizeof *s);
  if (!s) return NULL;
  s->n = n;
  size_t end = 0;
  for (size_t j = 0; j < n; j++)
    if ((size_t) (lp[j] + lnz[j]) > end) end = (size_t) (lp[j] + lnz[j]);
  s->lp = malloc((n + 1) * sizeof *s->lp); s->lnz = malloc((n + 1) * sizeof *s->lnz);
  s->li = malloc((end + 1) * sizeof *s->li); s->lx = malloc((end + 1) * sizeof *s->lx);
  s->perm = malloc((n + 1) * sizeof *s->perm); s->iperm = malloc((n + 1) * sizeof *s->iperm);
  s->fwd = malloc((2 * n + 1) * sizeof *s->fwd); s->bwd = malloc((2 * n + 1) * sizeof *s->bwd);
  s->bwd4 = malloc((2 * n + 1) * sizeof *s->bwd4);
  if (!s->lp || !s->lnz || !s->li || !s->lx || !s->perm || !s->iperm || !s->fwd || !s->bwd || !s->bwd4) {
    cc_ldl_free(s);
    return NULL;
  }
  memcpy(s->lp, lp, n * sizeof *lp);
  memcpy(s->lnz, lnz, n * sizeof *lnz);
  memcpy(s->li, li, end * sizeof *li);
  memcpy(s->lx, lx, end * sizeof *lx);
  for (size_t k = 0; k < n; k++) s->perm[k] = perm ? perm[k] : (int) k;
  for (size_t k = 0; k < n; k++) s->iperm[s->perm[k]] = (int) k;
  for (size_t j = 0; j < n;) {
    const int m = fwd_chain(s, j);
    s->fwd[2 * s->nfwd] = (int) j; s->fwd[2 * s->nfwd + 1] = m; s->nfwd++;
    j += (size_t) m;
  }
  for (size_t j = n; j-- > 0;) {
    const int m = bwd_chain(s, j, 3);
    s->bwd[2 * s->nbwd] = (int) j; s->bwd[2 * s->nbwd + 1] = m; s->nbwd++;
    j -= (size_t) (m - 1);
  }
  for (size_t j = n; j-- > 0;) {
    const int m = bwd_chain(s, j, 2);
    s->bwd4[2 * s->nbwd4] = (int) j; s->bwd4[2 * s->nbwd4 + 1] = m; s->nbwd4++;
    j -= (size_t) (m - 1);
  }
  return s;
}

/* Each loop below runs over the columns c0..c1-1 of one or more rows; the expression for one
 * entry is CHOLMOD's (t_cholmod_lsolve.c / t_cholmod_ltsolve.c, unit-L forward and DL' backward),
 * written with the same association, so that every column gets the same bits. */
static void forward(const cc_ldl *s, double *y, size_t p, size_t c0, size_t c1)
{
  const int *lp = s->lp, *lnz = s->lnz, *li = s->li;
  const double *lx = s->lx;
  /* L Y = B, unit diagonal */
  for (size_t k = 0; k < s->nfwd; k++) {
    const int j = s->fwd[2 * k], m = s->fwd[2 * k + 1];
    int a = lp[j];
    const int end = a + lnz[j];
    double *restrict y0 = y + (size_t) j * p;
    if (m == 1) {
      for (a++; a < end; a++) {
        double *restrict yi = y + (size_t) li[a] * p;
        const double l0 = lx[a];
        for (size_t c = c0; c < c1; c++) yi[c] -= l0 * y0[c];
      }
    } else if (m == 2) {
      double *restrict y1 = y0 + p;
      int b = lp[j + 1];
      const double t = lx[a + 1];
      for (size_t c = c0; c < c1; c++) y1[c] = y1[c] - t * y0[c];
      for (a += 2, b++; a < end; a++, b++) {
        double *restrict yi = y + (size_t) li[a] * p;
        const double l0 = lx[a], l1 = lx[b];
        for (size_t c = c0; c < c1; c++) yi[c] -= l0 * y0[c] + l1 * y1[c];
      }
    } else {
      double *restrict y1 = y0 + p, *restrict y2 = y0 + 2 * p;
      int b = lp[j + 1], r = lp[j + 2];
      const double t1 = lx[a + 1], t2 = lx[a + 2], t3 = lx[b + 1];
      for (size_t c = c0; c < c1; c++) {
        const double v1 = y1[c] - t1 * y0[c];
        y2[c] = y2[c] - t2 * y0[c] - t3 * v1;
        y1[c] = v1;
      }
      for (a += 3, b += 2, r++; a < end; a++, b++, r++) {
        double *restrict yi = y + (size_t) li[a] * p;
        const double l0 = lx[a], l1 = lx[b], l2 = lx[r];
        for (size_t c = c0; c < c1; c++) yi[c] -= l0 * y0[c] + l1 * y1[c] + l2 * y2[c];
      }
    }
  }
}

/* D L' Y = Z along the chains bwd (nb of them): each row of a chain divided by its pivot, then
 * the rows below it subtracted. */
static void backward(const cc_ldl *s, const int *bwd, size_t nb, double *y, size_t p, size_t c0, size_t c1)
{
  const int *lp = s->lp, *lnz = s->lnz, *li = s->li;
  const double *lx = s->lx;
  for (size_t k = 0; k < nb; k++) {
    const int j = bwd[2 * k], m = bwd[2 * k + 1];
    int a = lp[j];
    const int end = a + lnz[j];
    double *restrict y0 = y + (size_t) j * p;
    const double d0 = lx[a];
    for (size_t c = c0; c < c1; c++) y0[c] = y0[c] / d0;
    if (m == 1) {
      for (a++; a < end; a++) {
        const double *restrict yi = y + (size_t) li[a] * p;
        const double l0 = lx[a];
        for (size_t c = c0; c < c1; c++) y0[c] -= l0 * yi[c];
      }
    } else if (m == 2) {
      double *restrict y1 = y0 - p;
      int b = lp[j - 1];
      const double d1 = lx[b], t = lx[b + 1];
      for (size_t c = c0; c < c1; c++) y1[c] = y1[c] / d1;
      for (a++, b += 2; a < end; a++, b++) {
        const double *restrict yi = y + (size_t) li[a] * p;
        const double l0 = lx[a], l1 = lx[b];
        for (size_t c = c0; c < c1; c++) { y0[c] -= l0 * yi[c]; y1[c] -= l1 * yi[c]; }
      }
      for (size_t c = c0; c < c1; c++) y1[c] -= t * y0[c];
    } else {
      double *restrict y1 = y0 - p, *restrict y2 = y0 - 2 * p;
      int b = lp[j - 1], r = lp[j - 2];
      const double d1 = lx[b], d2 = lx[r], t0 = lx[b + 1], t1 = lx[r + 1], t2 = lx[r + 2];
      for (size_t c = c0; c < c1; c++) { y1[c] = y1[c] / d1; y2[c] = y2[c] / d2; }
      for (a++, b += 2, r += 3; a < end; a++, b++, r++) {
        const double *restrict yi = y + (size_t) li[a] * p;
        const double l0 = lx[a], l1 = lx[b], l2 = lx[r];
        for (size_t c = c0; c < c1; c++) { y0[c] -= l0 * yi[c]; y1[c] -= l1 * yi[c]; y2[c] -= l2 * yi[c]; }
      }
      for (size_t c = c0; c < c1; c++) {
        y1[c] -= t0 * y0[c];
        y2[c] -= t2 * y0[c] + t1 * y1[c];
      }
    }
  }
}

void cc_ldl_solve(const cc_ldl *s, double *y, size_t p, size_t c0, size_t c1)
{
  if (c0 >= c1) return;
  forward(s, y, p, c0, c1);
  /* cholmod_solve2 takes the columns four at a time and the last p % 4 together */
  const size_t c4 = p - p % 4, mid = c1 < c4 ? c1 : c4;
  if (c0 < mid) backward(s, s->bwd4, s->nbwd4, y, p, c0, mid);
  if (mid < c1) backward(s, s->bwd, s->nbwd, y, p, c0 > mid ? c0 : mid, c1);
}

/* The fixed-width kernels: the same expressions as forward() and backward() with p = c1 = 4 and
 * c0 = 0 (a full group), each row of 4 held as two SSE2 pairs (GCC's vector extension: elementwise
 * IEEE operations, so each lane computes exactly what the scalar code computes). */
typedef double v2 __attribute__((vector_size(16)));
typedef struct { v2 lo, hi; } row4;
static inline row4 ld(const double *p) { row4 r; memcpy(&r.lo, p, 16); memcpy(&r.hi, p + 2, 16); return r; }
static inline void st(double *p, row4 r) { memcpy(p, &r.lo, 16); memcpy(p + 2, &r.hi, 16); }

static inline row4 sub1(row4 r, double l0, row4 a)
{
  r.lo = r.lo - l0 * a.lo; r.hi = r.hi - l0 * a.hi;
  return r;
}
static inline row4 sub2(row4 r, double l0, row4 a, double l1, row4 b)
{
  r.lo = r.lo - (l0 * a.lo + l1 * b.lo); r.hi = r.hi - (l0 * a.hi + l1 * b.hi);
  return r;
}
static inline row4 sub3(row4 r, double l0, row4 a, double l1, row4 b, double l2, row4 c)
{
  r.lo = r.lo - (l0 * a.lo + l1 * b.lo + l2 * c.lo); r.hi = r.hi - (l0 * a.hi + l1 * b.hi + l2 * c.hi);
  return r;
}
static inline row4 div1(row4 r, double d) { r.lo = r.lo / d; r.hi = r.hi / d; return r; }

/* The forward sweep on G groups at once (G a constant after inlining; the step uses G = 1: two
 * groups per pass over the factor measured no faster, their blocks overflowing the 32 KiB L1). */
#define GMAX 2
static inline __attribute__((always_inline)) void forward_g(const cc_ldl *s, double *const *y, const int G)
{
  const int *lp = s->lp, *lnz = s->lnz, *li = s->li;
  const double *lx = s->lx;
  for (size_t k = 0; k < s->nfwd; k++) {
    const int j = s->fwd[2 * k], m = s->fwd[2 * k + 1];
    int a = lp[j];
    const int end = a + lnz[j];
    const size_t o = (size_t) j * 4;
    row4 y0[GMAX], y1[GMAX], y2[GMAX];
    for (int g = 0; g < G; g++) y0[g] = ld(y[g] + o);
    if (m == 1) {
      for (a++; a < end; a++) {
        const size_t oi = (size_t) li[a] * 4;
        const double l0 = lx[a];
        for (int g = 0; g < G; g++) st(y[g] + oi, sub1(ld(y[g] + oi), l0, y0[g]));
      }
    } else if (m == 2) {
      int b = lp[j + 1];
      const double t = lx[a + 1];
      for (int g = 0; g < G; g++) { y1[g] = sub1(ld(y[g] + o + 4), t, y0[g]); st(y[g] + o + 4, y1[g]); }
      for (a += 2, b++; a < end; a++, b++) {
        const size_t oi = (size_t) li[a] * 4;
        const double l0 = lx[a], l1 = lx[b];
        for (int g = 0; g < G; g++) st(y[g] + oi, sub2(ld(y[g] + oi), l0, y0[g], l1, y1[g]));
      }
    } else {
      int b = lp[j + 1], r = lp[j + 2];
      const double t1 = lx[a + 1], t2 = lx[a + 2], t3 = lx[b + 1];
      for (int g = 0; g < G; g++) {
        y1[g] = sub1(ld(y[g] + o + 4), t1, y0[g]);
        y2[g] = sub1(sub1(ld(y[g] + o + 8), t2, y0[g]), t3, y1[g]);
        st(y[g] + o + 4, y1[g]); st(y[g] + o + 8, y2[g]);
      }
      for (a += 3, b += 2, r++; a < end; a++, b++, r++) {
        const size_t oi = (size_t) li[a] * 4;
        const double l0 = lx[a], l1 = lx[b], l2 = lx[r];
        for (int g = 0; g < G; g++) st(y[g] + oi, sub3(ld(y[g] + oi), l0, y0[g], l1, y1[g], l2, y2[g]));
      }
    }
  }
}

/* CHOLMOD's 4-column backward kernel (chains of one or two columns only), on G groups at once. */
static inline __attribute__((always_inline)) void backward_g(const cc_ldl *s, double *const *y, const int G)
{
  const int *lp = s->lp, *lnz = s->lnz, *li = s->li;
  const double *lx = s->lx;
  for (size_t k = 0; k < s->nbwd4; k++) {
    const int j = s->bwd4[2 * k], m = s->bwd4[2 * k + 1];
    int a = lp[j];
    const int end = a + lnz[j];
    const size_t o = (size_t) j * 4;
    const double d0 = lx[a];
    row4 y0[GMAX], y1[GMAX];
    for (int g = 0; g < G; g++) y0[g] = div1(ld(y[g] + o), d0);
    if (m == 1) {
      for (a++; a < end; a++) {
        const size_t oi = (size_t) li[a] * 4;
        const double l0 = lx[a];
        for (int g = 0; g < G; g++) y0[g] = sub1(y0[g], l0, ld(y[g] + oi));
      }
      for (int g = 0; g < G; g++) st(y[g] + o, y0[g]);
    } else {
      int b = lp[j - 1];
      const double d1 = lx[b], t = lx[b + 1];
      for (int g = 0; g < G; g++) y1[g] = div1(ld(y[g] + o - 4), d1);
      for (a++, b += 2; a < end; a++, b++) {
        const size_t oi = (size_t) li[a] * 4;
        const double l0 = lx[a], l1 = lx[b];
        for (int g = 0; g < G; g++) {
          const row4 r = ld(y[g] + oi);
          y0[g] = sub1(y0[g], l0, r);
          y1[g] = sub1(y1[g], l1, r);
        }
      }
      for (int g = 0; g < G; g++) { y1[g] = sub1(y1[g], t, y0[g]); st(y[g] + o, y0[g]); st(y[g] + o - 4, y1[g]); }
    }
  }
}

static void forward4(const cc_ldl *s, double *y) { forward_g(s, &y, 1); }
static void backward4(const cc_ldl *s, double *y) { backward_g(s, &y, 1); }

void cc_ldl_solve4(const cc_ldl *s, double *y, size_t w)
{
  if (w == 4) {
    forward4(s, y);
    backward4(s, y);
  } else {   /* a last, narrower group: CHOLMOD's 1- to 3-column kernels */
    forward(s, y, 4, 0, w);
    backward(s, s->bwd, s->nbwd, y, 4, 0, w);
  }
}

cholmod_sparse *cc_ldl_system(const cc_graph *g, double rho, cholmod_common *cm)
{
  const size_t n = g->n, ne = g->ne;
  size_t *deg = calloc(n, sizeof *deg);
  cholmod_sparse *A = deg ? cholmod_allocate_sparse(n, n, n + ne, 1, 1, -1, CHOLMOD_REAL, cm) : NULL;
  if (!A) { free(deg); return NULL; }
  for (size_t l = 0; l < ne; l++) { deg[g->ei[l]]++; deg[g->ej[l]]++; }
  int *Ap = A->p, *Ai = A->i;
  double *Ax = A->x;
  size_t q = 0, l = 0;
  for (size_t i = 0; i < n; i++) {
    Ap[i] = (int) q;
    Ai[q] = (int) i; Ax[q++] = 1 + rho * (double) deg[i];
    for (; l < ne && g->ei[l] == i; l++) { Ai[q] = (int) g->ej[l]; Ax[q++] = -rho; }
  }
  Ap[n] = (int) q;
  free(deg);
  return A;
}
