/* cc_data.h -- a CSV data set loaded for convex clustering (prefix cc_data_). */
#ifndef AR_CC_DATA_H
#define AR_CC_DATA_H

#include <stddef.h>
#include "io/csv.h"

/* A data set ready for clustering: the CSV's matrix, column-major and column-centred (as the
 * package does by default), with the file's labels kept in raw. */
typedef struct {
  size_t n, p;
  double *x;       /* n x p, column-major, centred */
  double xnorm;    /* ||X||_F of the centred data */
  csv_data *raw;
} cc_data;

/* Load PATH (csv.h rules); NULL on error (message printed). */
cc_data *cc_data_load(const char *path);
void cc_data_free(cc_data *d);

#endif
