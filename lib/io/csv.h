/* csv.h -- reading real data matrices from comma-separated files (prefix csv_).
 *
 * Format: lines separated by '\n' (a trailing '\r' is dropped), fields by ','.  A field may be
 * enclosed in double quotes ("" inside quotes is one quote); quoted fields are text.
 *   - Header row (optional): the first line is a header when any of its fields is not a number.
 *   - Row labels (optional): the first column holds labels when the first field of the first data
 *     line is not a number; every data line then has a label in its first column.
 *   - Every other field of a data line must be a finite number (strtod, whole field).
 *   - Missing values (csv_read_opt / csv_parse_opt with CSV_MISSING only): an unquoted field that is
 *     empty or exactly NA (R's write.csv) is a missing cell; x holds NAN there and miss[] marks it.
 *     Such a field counts as a number when the reader decides whether the first line is a header
 *     (any field neither a number nor missing) and whether the first column holds labels (its first
 *     data field neither a number nor missing).  Without the flag a missing cell is an error.
 * Rejected, each with ONE line on stderr "PATH:LINE:COLUMN: reason" (COLUMN omitted when the
 * problem is the line as a whole): unreadable file, empty input, a header with no data lines,
 * ragged rows (field count differs from the first line), text in a numeric field, non-finite
 * values (nan, inf, overflow), an unterminated quote.  Columns are counted from 1 as in the file.
 */
#ifndef AR_CSV_H
#define AR_CSV_H

#include <stddef.h>

/* csv_read_opt / csv_parse_opt flags */
enum { CSV_MISSING = 1u };   /* accept empty and NA cells as missing values */

typedef struct {
  size_t n, p;         /* data rows and numeric columns */
  double *x;           /* n x p, row-major; NAN at missing cells */
  unsigned char *miss; /* n x p, row-major, 1 at a missing cell; NULL when no cell is missing */
  size_t nmiss;        /* missing cells */
  size_t line0;        /* line of the file holding the first data row (1-based) */
  char **rowname;      /* n labels, or NULL when the file has no label column */
  char **colname;      /* p names and a NULL, or NULL when the file has no header */
  char *label_header;  /* header of the label column, or NULL */
} csv_data;

/* Read PATH; NULL on any error (message printed).  Free with csv_free.  No missing values. */
csv_data *csv_read(const char *path);

/* The same from a string; `name` replaces PATH in messages (for tests and embedded data). */
csv_data *csv_parse(const char *text, size_t len, const char *name);

/* The same with flags (CSV_MISSING). */
csv_data *csv_read_opt(const char *path, unsigned flags);
csv_data *csv_parse_opt(const char *text, size_t len, const char *name, unsigned flags);

/* The column of the file (1-based, as in messages) holding numeric column j (0-based). */
size_t csv_file_column(const csv_data *d, size_t j);

void csv_free(csv_data *d);

#endif
