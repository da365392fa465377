/* table.h -- read back the artifact's own tab-separated data files (prefix table_).
 *
 * Format (as written by out.h): any number of '#' comment lines, one line of tab-separated column
 * names, then rows (blank lines, which separate gnuplot data blocks, are skipped) of the same number of tab-separated numbers ("nan" and "inf" allowed: they are
 * data).  Anything else -- a ragged row, a non-numeric field, an empty file, no header -- is an
 * error reported as one line "PATH:LINE:COLUMN: reason" on stderr, and NULL is returned.
 */
#ifndef AR_TABLE_H
#define AR_TABLE_H

#include <stddef.h>
#include <stdio.h>

typedef struct {
  size_t rows, cols;
  char **names;   /* cols column names */
  double *v;      /* rows x cols, row-major */
  size_t nparams;
  char **param_names, **param_values;   /* from "# param NAME: VALUE" provenance lines */
} table;

table *table_read(const char *path);

/* The same from an open stream; `name` is used in messages.  The stream is not closed. */
table *table_read_stream(FILE *fp, const char *name);
void table_free(table *t);

/* Index of column `name`, or -1 (with a message on stderr naming the file's columns). */
int table_col(const table *t, const char *name);

/* The text of provenance parameter `name`, or NULL. */
const char *table_param(const table *t, const char *name);

/* Provenance parameter `name` as a number; NAN when absent or not a single number. */
double table_param_num(const table *t, const char *name);

static inline double table_get(const table *t, size_t row, int col)
{
  return t->v[row * t->cols + (size_t) col];
}

#endif
