/* cc_data.h -- a CSV data set loaded for convex clustering (prefix cc_data_).
 *
 * The CSV's matrix (csv.h rules), column-major, centred column by column (as the R package does by
 * default) and optionally scaled.  With CC_DATA_MISSING, empty and NA cells are accepted (the
 * package's missing-data handling):
 *   - the column mean and scale are those of the column's observed entries;
 *   - a missing cell of x holds the column mean (0 after centring): this imputed matrix is what
 *     the weights, the principal axes and the starting point U = X are computed from;
 *   - observed[] marks the observed cells, so that the clustering fits them only (cc.h: the ADMM
 *     step fills the missing cells of X with the current U, a majorization of the masked loss).
 * Rejected with one line "PATH:LINE:COLUMN: reason" (LINE = the first data line): a column with no
 * observed entry, and with CC_DATA_SCALE a column whose observed entries are all equal.  A row with
 * no observed entry is accepted (its position comes from the imputation and its neighbours).
 */
#ifndef AR_CC_DATA_H
#define AR_CC_DATA_H

#include <stddef.h>
#include <gsl/gsl_rng.h>
#include "io/csv.h"

enum {
  CC_DATA_MISSING = 1u,   /* accept empty and NA cells */
  CC_DATA_SCALE = 2u      /* divide each centred column by its standard deviation (divisor m - 1) */
};

typedef struct {
  size_t n, p;
  double *x;                /* n x p, column-major, centred (and scaled); missing cells imputed */
  double xnorm;             /* ||X||_F of that matrix */
  unsigned char *observed;  /* n x p, column-major, 1 = observed; NULL when no cell is missing */
  size_t nmiss;             /* missing cells */
  double *center, *scale;   /* p each: the column means subtracted and the divisors (1 unscaled) */
  csv_data *raw;            /* the file as read (row-major, NAN at missing cells), labels, names */
} cc_data;

/* Load PATH; NULL on error (message printed).  cc_data_load(path) = cc_data_load_opt(path, 0). */
cc_data *cc_data_load(const char *path);
cc_data *cc_data_load_opt(const char *path, unsigned flags);

/* Same from a parsed CSV (taken over: freed with the result, or on failure); name for messages. */
cc_data *cc_data_from_csv(csv_data *raw, const char *name, unsigned flags);

/* A copy of d's file values with m cells deleted (made missing) uniformly at random without
 * replacement (cells already missing stay missing; a draw that would leave a column without any
 * observed entry is skipped), loaded with `flags` | CC_DATA_MISSING.  NULL on failure. */
cc_data *cc_data_with_gaps(const cc_data *d, size_t m, gsl_rng *r, unsigned flags);

/* The data set's name: the base name of PATH without a final ".csv" (into buf, len bytes). */
void cc_data_name(const char *path, char *buf, size_t len);

void cc_data_free(cc_data *d);

#endif
