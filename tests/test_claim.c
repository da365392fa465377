/* test_claim.c -- the claim checkers' toolkit (io/claim.h): requiring a run's parameters, columns,
 * finding a row and reading a cell, on a hand-written data file; and the claim_main contract. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check.h"
#include "io/claim.h"
#include "io/proc.h"

/* A data file as the experiments write them: provenance lines, a column line, rows. */
static const char *data =
  "# program: demo\n"
  "# param n: 40\n"
  "# param mu: 0.1\n"
  "# param etas: 0.1,0.5\n"
  "# param csv: experiments/data/presidential-speech.csv\n"
  "t\talpha\ttest\n"
  "1.5\t1e-2\t0.25\n"
  "1.05\t1e-4\t0.125\n"
  "1.050000000001\t1e-6\tnan\n"
  "1.01\t1e-8\t-3\n";

/* Runs F with stderr silenced (the toolkit reports every refusal there). */
#define QUIET(expr)                          \
  do {                                       \
    FILE *saved_ = stderr;                   \
    stderr = fopen("/dev/null", "w");        \
    expr;                                    \
    fclose(stderr);                          \
    stderr = saved_;                         \
  } while (0)

static table *demo_table(void)
{
  char path[] = "/tmp/ar-claim-XXXXXX";
  int fd = mkstemp(path);
  CHECK(fd >= 0, "temporary file");
  if (fd < 0) return NULL;
  FILE *fp = fdopen(fd, "w");
  fputs(data, fp);
  fclose(fp);
  table *t = table_read(path);
  remove(path);
  CHECK(t && t->rows == 4 && t->cols == 3, "demo table read (4 x 3)");
  return t;
}

static void test_require(const table *t)
{
  int r;
  CHECK(claim_require_param(t, "demo", "n", 40) == 1, "parameter equal");
  CHECK(claim_require_param(t, "demo", "mu", 0.1 * (1 + 1e-13)) == 1, "parameter within 1e-12 relative");
  QUIET(r = claim_require_param(t, "demo", "mu", 0.1 * (1 + 1e-9)));
  CHECK(r == 0, "parameter 1e-9 off is refused");
  QUIET(r = claim_require_param(t, "demo", "n", 30));
  CHECK(r == 0, "other value refused");
  QUIET(r = claim_require_param(t, "demo", "absent", 1));
  CHECK(r == 0, "absent parameter refused");
  QUIET(r = claim_require_param(t, "demo", "etas", 0.1));
  CHECK(r == 0, "a list is not a number");

  CHECK(claim_require_text(t, "demo", "etas", "0.1,0.5") == 1, "text equal");
  QUIET(r = claim_require_text(t, "demo", "etas", "0.1"));
  CHECK(r == 0, "exact text: a prefix is not enough");
  QUIET(r = claim_require_text(t, "demo", "csv", "presidential-speech.csv"));
  CHECK(r == 0, "exact text: a substring is not enough");
  CHECK(claim_require_substr(t, "demo", "csv", "presidential-speech.csv") == 1, "substring found");
  QUIET(r = claim_require_substr(t, "demo", "csv", "authors.csv"));
  CHECK(r == 0, "substring absent");
  QUIET(r = claim_require_substr(t, "demo", "absent", "x"));
  CHECK(r == 0, "substring of an absent parameter");
}

static void test_cells(const table *t)
{
  int r;
  long row;
  CHECK(claim_require_cols(t, "t", "test", NULL) == 1, "columns present");
  QUIET(r = claim_require_cols(t, "t", "train", "test", NULL));
  CHECK(r == 0, "a missing column is refused");
  QUIET(r = claim_require_cols(NULL, "t", NULL));
  CHECK(r == 0, "no table, no columns");
  CHECK(claim_require_cols(t, NULL) == 1, "an empty list is satisfied");

  const char *names[] = { "test", "t" };
  int idx[2] = { -1, -1 };
  CHECK(claim_cols(t, names, idx, 2) == 1 && idx[0] == 2 && idx[1] == 0, "column indices (%d, %d)", idx[0], idx[1]);
  CHECK(claim_cols(t, names, NULL, 2) == 1, "columns checked without indices");

  CHECK(claim_row(t, "t", 1.05) == 1, "first row with t = 1.05, not the later near-equal one");
  CHECK(claim_row(t, "alpha", 1e-6 * (1 + 1e-10)) == 2, "row within 1e-9 relative");
  QUIET(row = claim_row(t, "alpha", 1e-6 * (1 + 1e-8)));
  CHECK(row == -1, "row 1e-8 off is not found");
  QUIET(row = claim_row(t, "t", 2.0));
  CHECK(row == -1, "no such row");
  QUIET(row = claim_row(t, "absent", 1.5));
  CHECK(row == -1, "no such column");

  CHECK(claim_cell(t, 1, "test") == 0.125, "cell by name");
  CHECK(claim_cell(t, 3, "test") == -3, "negative cell");
  CHECK(isnan(claim_cell(t, 2, "test")), "nan cell is data");
  double c;
  QUIET(c = claim_cell(t, 0, "absent"));
  CHECK(isnan(c), "missing column reads as nan");
}

static void test_append(void)
{
  char list[16] = "";
  for (int i = 0; i < 3; i++) claim_append(list, sizeof list, "%s%d", i ? ", " : "", i);
  CHECK(!strcmp(list, "0, 1, 2"), "list '%s'", list);
  claim_append(list, sizeof list, ", %s", "a long tail");
  CHECK(strlen(list) == 15 && !strncmp(list, "0, 1, 2, a long", 15), "cut to the capacity: '%s'", list);
  claim_append(list, sizeof list, "more");
  CHECK(strlen(list) == 15, "a full buffer stays as it is");
}

/* A checker's main: a claim that passes, one that fails and one that cannot be evaluated. */
static int pass_claim(claim_result *res) { res->pass = 1; claim_measured(res, "x = %d", 1); claim_measured(res, "y\t2"); return 0; }
static int fail_claim(claim_result *res) { res->pass = 0; claim_criterion(res, "x <= 0"); return 0; }
static int broken_claim(claim_result *res) { (void) res; return 1; }

static int run_main(const char *id, const char *out)
{
  static const claim_entry claims[] = { { "P", pass_claim }, { "F", fail_claim }, { "B", broken_claim } };
  char *argv[] = { "demo-claims", "--claim", (char *) id, "--data", "/tmp", "--out", (char *) out, NULL };
  int rc;
  QUIET(rc = claim_main(7, argv, "demo-claims", claims, 3));
  return rc;
}

static void test_main(void)
{
  char dir[] = "/tmp/ar-claim-main-XXXXXX";
  CHECK(mkdtemp(dir) != NULL, "temporary folder");
  char out[256], line[256] = "";
  snprintf(out, sizeof out, "%s/P.claim", dir);
  CHECK(run_main("P", out) == 0, "a passing claim exits 0");
  FILE *fp = fopen(out, "r");
  if (fp && fgets(line, sizeof line, fp)) {}
  if (fp) fclose(fp);
  CHECK(strcmp(line, "PASS\tP\tx = 1; y 2\t\n") == 0, "one line, tabs inside the texts replaced: '%s'", line);
  remove(out);
  snprintf(out, sizeof out, "%s/F.claim", dir);
  CHECK(run_main("F", out) == 0 && access(out, F_OK) == 0, "a failing claim is a result (exit 0)");
  remove(out);
  snprintf(out, sizeof out, "%s/B.claim", dir);
  CHECK(run_main("B", out) == 1 && access(out, F_OK) != 0, "an unevaluable claim exits 1 and writes nothing");
  CHECK(run_main("X", out) == 2, "an unknown claim is a usage error");
  rmdir(dir);
}

int main(void)
{
  proc_init();
  table *t = demo_table();
  if (t) {
    test_require(t);
    test_cells(t);
  }
  table_free(t);
  test_append();
  test_main();
  return check_done("test_claim");
}
