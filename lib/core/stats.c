/* stats.c -- see stats.h. */
#include "core/stats.h"

#include <math.h>
#include <stdlib.h>
#include <gsl/gsl_fit.h>

static int cmp_double(const void *a, const void *b)
{
  const double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

stats_summary stats_summarize(const double *x, size_t n)
{
  stats_summary s = { NAN, NAN, NAN, 0 };
  double *c = malloc((n ? n : 1) * sizeof(double));
  if (!c) return s;
  for (size_t i = 0; i < n; i++)
    if (!isnan(x[i])) c[s.count++] = x[i];
  if (s.count) {
    qsort(c, s.count, sizeof(double), cmp_double);
    s.min = c[0];
    s.max = c[s.count - 1];
    s.median = s.count % 2 ? c[s.count / 2] : 0.5 * (c[s.count / 2 - 1] + c[s.count / 2]);
  }
  free(c);
  return s;
}

stats_line stats_fit_line(const double *x, const double *y, size_t n)
{
  stats_line L = { NAN, NAN, NAN, 0 };
  double *xs = malloc((n ? n : 1) * sizeof(double)), *ys = malloc((n ? n : 1) * sizeof(double));
  if (xs && ys) {
    for (size_t i = 0; i < n; i++)
      if (isfinite(x[i]) && isfinite(y[i])) { xs[L.count] = x[i]; ys[L.count] = y[i]; L.count++; }
    double c00, c01, c11, sumsq;
    if (L.count >= 2 &&
        gsl_fit_linear(xs, 1, ys, 1, L.count, &L.intercept, &L.slope, &c00, &c01, &c11, &sumsq) == 0) {
      double mean = 0.0, tss = 0.0;
      for (size_t i = 0; i < L.count; i++) mean += ys[i];
      mean /= (double) L.count;
      for (size_t i = 0; i < L.count; i++) tss += (ys[i] - mean) * (ys[i] - mean);
      L.r2 = tss > 0 ? 1.0 - sumsq / tss : NAN;
    }
  }
  free(xs);
  free(ys);
  return L;
}
