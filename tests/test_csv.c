/* test_csv.c -- the CSV reader: what it accepts (header, quoted labels, CRLF, missing cells on
 * request) and what it rejects (ragged rows, text in numeric fields, empty input, only a header,
 * non-finite values). */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "check.h"
#include "io/csv.h"

static csv_data *parse(const char *s) { return csv_parse(s, strlen(s), "t.csv"); }

static void test_accept(void)
{
  csv_data *d = parse("\"name\",\"a\",\"b\"\n\"x, y\",1,2.5\n\"z\"\"q\",-3,4e2\n");
  CHECK(d != NULL, "header + quoted labels accepted");
  if (d) {
    CHECK(d->n == 2 && d->p == 2, "shape %zu x %zu", d->n, d->p);
    CHECK_NEAR(d->x[0], 1, 0, "x[0,0]");
    CHECK_NEAR(d->x[1], 2.5, 0, "x[0,1]");
    CHECK_NEAR(d->x[3], 400, 0, "x[1,1]");
    CHECK(d->rowname && strcmp(d->rowname[0], "x, y") == 0, "comma inside quotes");
    CHECK(d->rowname && strcmp(d->rowname[1], "z\"q") == 0, "doubled quote");
    CHECK(d->colname && strcmp(d->colname[1], "b") == 0 && strcmp(d->label_header, "name") == 0, "names");
  }
  csv_free(d);
  d = parse("1,2\r\n3,4\r\n");
  CHECK(d && d->n == 2 && d->p == 2 && !d->rowname && !d->colname, "no header, no labels, CRLF");
  if (d) CHECK_NEAR(d->x[3], 4, 0, "x[1,1]");
  csv_free(d);
  d = parse("a,b\n1,2");
  CHECK(d && d->n == 1 && d->p == 2 && d->colname, "unquoted header, no final newline");
  csv_free(d);
  /* the real data file reads back with its documented shape */
  d = csv_read("experiments/data/presidential-speech.csv");
  CHECK(d && d->n == 44 && d->p == 75 && d->rowname && strcmp(d->rowname[0], "Abraham Lincoln") == 0,
        "presidential-speech.csv: 44 x 75 with labels");
  csv_free(d);
}

static void test_reject(void)
{
  static const char *bad[] = {
    "",                        /* empty input */
    "a,b\n",                   /* only a header */
    "1,2\n3\n",                /* ragged row */
    "1,2\n3,4,5\n",            /* ragged row */
    "a,b\n1,x\n",              /* text in a numeric field */
    "a,b\n1,\"2\"\n",          /* quoted (text) numeric field */
    "a,b\n1,2x\n",             /* partly numeric */
    "a,b\n1,nan\n",            /* non-finite */
    "a,b\n1,inf\n",            /* non-finite */
    "a,b\n1,1e999\n",          /* overflow */
    "a,b\n1,\n",               /* empty field */
    "\"a,b\n1,2\n",            /* unterminated quote */
    "1,2\n\n3,4\n",            /* blank line inside */
    "\"l\"\n\"x\"\n",          /* labels but no numeric column */
  };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    fprintf(stderr, "    (expected) ");
    csv_data *d = parse(bad[i]);
    CHECK(d == NULL, "case %zu should be rejected", i);
    csv_free(d);
  }
  fprintf(stderr, "    (expected) ");
  CHECK(csv_read("/nonexistent/file.csv") == NULL, "missing file");
}

/* CSV_MISSING: empty and NA cells are missing values (NAN, marked); header and label detection
 * treat them as numbers; without the flag they are refused. */
static void test_missing(void)
{
  csv_data *d = csv_parse_opt("name,a,b\nx,1,\ny,NA,2\nz,3,4\n", 27, "m.csv", CSV_MISSING);
  CHECK(d && d->n == 3 && d->p == 2 && d->rowname && d->colname, "labels, header and missing cells");
  if (d) {
    CHECK(d->nmiss == 2 && d->miss && d->miss[1] && d->miss[2] && !d->miss[0] && !d->miss[3], "two cells marked");
    CHECK(isnan(d->x[1]) && isnan(d->x[2]) && d->x[5] == 4, "NAN at the missing cells, values elsewhere");
    CHECK(d->line0 == 2 && csv_file_column(d, 1) == 3, "first data line 2, numeric column 1 is file column 3");
  }
  csv_free(d);
  /* a first line with a missing cell is data, not a header; a first field NA is a value, not a label */
  d = csv_parse_opt("NA,1\n2,\n", 8, "m.csv", CSV_MISSING);
  CHECK(d && d->n == 2 && d->p == 2 && !d->colname && !d->rowname && d->nmiss == 2 && d->line0 == 1,
        "missing cells in the first line and column: no header, no labels");
  csv_free(d);
  d = csv_parse_opt("a,b\n1,2\n", 8, "m.csv", CSV_MISSING);
  CHECK(d && !d->miss && d->nmiss == 0, "no missing cell: no mask");
  csv_free(d);
  static const char *bad[] = { "a,b\n1,\"NA\"\n", "a,b\n1,nan\n", "a,b\n1,N/A\n" };   /* quoted NA is text */
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    fprintf(stderr, "    (expected) ");
    d = csv_parse_opt(bad[i], strlen(bad[i]), "m.csv", CSV_MISSING);
    CHECK(d == NULL, "missing-value case %zu should be rejected", i);
    csv_free(d);
  }
  fprintf(stderr, "    (expected) ");
  d = csv_parse("a,b\n1,NA\n", 9, "m.csv");
  CHECK(d == NULL, "NA refused without CSV_MISSING");
  csv_free(d);
}

int main(void)
{
  test_accept();
  test_reject();
  test_missing();
  return check_done("test_csv");
}
