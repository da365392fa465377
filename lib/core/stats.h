/* stats.h -- small descriptive statistics and straight-line fits (prefix stats_).
 *
 * What the experiments and the claim checkers summarize: the spread of repeated runs (median,
 * minimum, maximum) and least-squares lines (slope, intercept, R^2) through GSL's gsl_fit_linear,
 * the one formula used everywhere a rate, an exponent or a slope is measured. */
#ifndef AR_STATS_H
#define AR_STATS_H

#include <stddef.h>

/* Median, minimum and maximum of x[0..n-1] (NAN entries ignored; all NAN if none remain).
 * x is not modified; allocates a sorted copy (not for hot loops). */
typedef struct {
  double median, min, max;
  size_t count;
} stats_summary;
stats_summary stats_summarize(const double *x, size_t n);

/* The least-squares line y = intercept + slope x through the n points (x[i], y[i]) with both
 * finite (others skipped), and its coefficient of determination R^2 (1 when the points are on the
 * line; NAN when y has no variance).  count = points used; slope etc. NAN when fewer than 2. */
typedef struct {
  double slope, intercept, r2;
  size_t count;
} stats_line;
stats_line stats_fit_line(const double *x, const double *y, size_t n);

#endif
