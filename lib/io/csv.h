/* csv.h -- reading real data matrices from comma-separated files (prefix csv_).
 *
 * Format: lines separated by '\n' (a trailing '\r' is dropped), fields by ','.  A field may be
 * enclosed in double quotes ("" inside quotes is one quote); quoted fields are text.
 *   - Header row (optional): the first line is a header when any of its fields is not a number.
 *   - Row labels (optional): the first column holds labels when the first field of the first data
 *     line is not a number; every data line then has a label in its first column.
 *   - Every other field of a data line must be a finite number (strtod, whole field).
 * Rejected, each with ONE line on stderr "PATH:LINE:COLUMN: reason" (COLUMN omitted when the
 * problem is the line as a whole): unreadable file, empty input, a header with no data lines,
 * ragged rows (field count differs from the first line), text in a numeric field, non-finite
 * values (nan, inf, overflow), an unterminated quote.  Columns are counted from 1 as in the file.
 */
#ifndef AR_CSV_H
#define AR_CSV_H

#include <stddef.h>

typedef struct {
  size_t n, p;         /* data rows and numeric columns */
  double *x;           /* n x p, row-major */
  char **rowname;      /* n labels, or NULL when the file has no label column */
  char **colname;      /* p names and a NULL, or NULL when the file has no header */
  char *label_header;  /* header of the label column, or NULL */
} csv_data;

/* Read PATH; NULL on any error (message printed).  Free with csv_free. */
csv_data *csv_read(const char *path);

/* The same from a string; `name` replaces PATH in messages (for tests and embedded data). */
csv_data *csv_parse(const char *text, size_t len, const char *name);

void csv_free(csv_data *d);

#endif
