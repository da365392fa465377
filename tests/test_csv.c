/* test_csv.c -- the CSV reader: what it accepts (header, quoted labels, CRLF) and what it rejects
 * (ragged rows, text in numeric fields, empty input, only a header, non-finite values). */
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

int main(void)
{
  test_accept();
  test_reject();
  return check_done("test_csv");
}
