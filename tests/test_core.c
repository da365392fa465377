/* test_core.c -- random streams, option parsing, atomic outputs, table reading, linear algebra. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <gsl/gsl_randist.h>
#include "check.h"
#include "core/la.h"
#include "core/rng.h"
#include "core/stats.h"
#include "io/opt.h"
#include "io/out.h"
#include "io/proc.h"
#include "io/table.h"

static void test_rng(void)
{
  gsl_rng *a = rng_stream(7, RNG_DATA, 1, 2), *b = rng_stream(7, RNG_DATA, 1, 2);
  gsl_rng *c = rng_stream(8, RNG_DATA, 1, 2), *d = rng_stream(7, RNG_INIT, 1, 2);
  int same = 1, differ_seed = 0, differ_tag = 0;
  for (int i = 0; i < 1000; i++) {
    unsigned long x = gsl_rng_get(a), y = gsl_rng_get(b), z = gsl_rng_get(c), w = gsl_rng_get(d);
    same &= x == y;
    differ_seed += x != z;
    differ_tag += x != w;
  }
  CHECK(same, "same seed and stream gives the same bits");
  CHECK(differ_seed > 990, "different seeds differ (%d of 1000 draws)", differ_seed);
  CHECK(differ_tag > 990, "different stream tags differ (%d of 1000 draws)", differ_tag);
  CHECK(rng_derive(1, 0, 0, 0) != 0, "derived seeds are never 0");
  CHECK(rng_derive(1, RNG_DATA, 1, 0) == rng_derive(1, RNG_DATA, 1, 0), "derivation is a function");
  gsl_set_error_handler_off();
  CHECK(rng_stream(0, RNG_DATA, 0, 0) == NULL, "seed 0 is refused");
  proc_init();
  gsl_rng_free(a); gsl_rng_free(b); gsl_rng_free(c); gsl_rng_free(d);
}

/* The stream table: identifiers evaluated from the expressions, the same bits as rng_stream, and
 * the provenance line written from the same table. */
static void test_rng_table(void)
{
  static const rng_table t = { "a e s", "a, e: grid indices; s: seed", {
    { "X", RNG_DATA, "1", NULL }, { "init", RNG_INIT, "100 a + e", "s" }, { "shape", RNG_MISC, "200 + e", "2 s + 1" },
    { "bad", RNG_NOISE, "a +", NULL }, { "unknown", RNG_NOISE, "z", NULL } } };
  unsigned tag = 0;
  unsigned long a = 0, b = 0;
  CHECK(rng_table_ids(&t, "init", (const long[]) { 2, 1, 7 }, &tag, &a, &b) == 0 && tag == RNG_INIT && a == 201 &&
        b == 7, "100 a + e = %lu, s = %lu", a, b);
  CHECK(rng_table_ids(&t, "shape", (const long[]) { 2, 3, 4 }, &tag, &a, &b) == 0 && a == 203 && b == 9,
        "200 + e = %lu, 2 s + 1 = %lu", a, b);
  CHECK(rng_table_ids(&t, "X", NULL, &tag, &a, &b) == 0 && tag == RNG_DATA && a == 1 && b == 0, "constants, b = 0");
  gsl_rng *x = rng_table_stream(&t, "init", 5, (const long[]) { 0, 3, 2 }), *y = rng_stream(5, RNG_INIT, 3, 2);
  int same = x && y;
  for (int i = 0; same && i < 100; i++) same = gsl_rng_get(x) == gsl_rng_get(y);
  CHECK(same, "a table stream draws the bits of rng_stream with its identifiers");
  gsl_rng_free(x); gsl_rng_free(y);
  gsl_set_error_handler_off();
  CHECK(rng_table_ids(&t, "bad", (const long[]) { 1, 1, 1 }, &tag, &a, &b) == GSL_EINVAL, "malformed expression");
  CHECK(rng_table_ids(&t, "unknown", (const long[]) { 1, 1, 1 }, &tag, &a, &b) == GSL_EINVAL, "unknown index");
  CHECK(rng_table_ids(&t, "init", (const long[]) { -1, 0, 1 }, &tag, &a, &b) == GSL_EINVAL, "negative identifier");
  CHECK(rng_table_stream(&t, "absent", 5, NULL) == NULL, "unknown entry");
  proc_init();

  char path[] = "/tmp/ar-streams-XXXXXX", line[256] = "";
  int fd = mkstemp(path);
  out_file f;
  CHECK(fd >= 0 && out_open(&f, path) == 0, "open a file for the provenance line");
  if (fd >= 0) close(fd);
  static const rng_table u = { "d i", NULL, {
    { "truth", RNG_DATA, "d", NULL }, { "operator", RNG_OPERATOR, "d", NULL }, { "init", RNG_INIT, "d", "i" } } };
  out_streams(&f, &u);
  out_streams(&f, &t);
  CHECK(out_commit(&f) == 0, "commit");
  FILE *fp = fopen(path, "r");
  if (fp && fgets(line, sizeof line, fp)) {}
  CHECK(!strcmp(line, "# streams: truth (seed, DATA, d), operator (seed, OPERATOR, d), init (seed, INIT, d, i)\n"),
        "provenance line '%s'", line);
  if (fp && fgets(line, sizeof line, fp)) {}
  CHECK(!strcmp(line, "# streams: X (seed, DATA, 1), init (seed, INIT, 100 a + e, s), shape (seed, MISC, 200 + e, "
                      "2 s + 1), bad (seed, NOISE, a +), unknown (seed, NOISE, z); a, e: grid indices; s: seed\n"),
        "provenance line with a note '%s'", line);
  if (fp) fclose(fp);
  remove(path);
}

/* Parse a space-separated command line against a small spec; return 1 if accepted. */
static int parse(const char *cmdline, int *status, double *alpha, long *k, opt_list *list)
{
  char buf[512], *argv[32];
  int argc = 0;
  snprintf(buf, sizeof buf, "prog %s", cmdline);
  for (char *tok = strtok(buf, " "); tok && argc < 31; tok = strtok(NULL, " ")) argv[argc++] = tok;
  argv[argc] = NULL;
  int quiet_flag = 0;
  opt_spec specs[] = {
    { "alpha", OPT_REAL, alpha, 0, 1, OPT_LO_OPEN, "scale" },
    { "k", OPT_INT, k, 1, 100, 0, "width" },
    { "alphas", OPT_REALS, list, 0, 1e3, OPT_LO_OPEN, "scales" },
    { "flag", OPT_FLAG, &quiet_flag, 0, 0, 0, "a flag" },
  };
  opt_parser p = OPT_PARSER("prog", "test", specs);
  FILE *saved = stderr;
  stderr = fopen("/dev/null", "w");
  int ok = opt_parse(&p, argc, argv, status);
  fclose(stderr);
  stderr = saved;
  return ok;
}

static void test_opt(void)
{
  int st;
  double alpha = 0.5;
  long k = 3;
  opt_list l = { 0 };
  CHECK(parse("--alpha 0.25 --k 7", &st, &alpha, &k, &l) && alpha == 0.25 && k == 7, "valid options");
  CHECK(parse("--alpha=1e-3", &st, &alpha, &k, &l) && alpha == 1e-3, "--name=value form");
  CHECK(parse("--alphas 1e-2,1e-4,1e-6", &st, &alpha, &k, &l) && l.n == 3 && l.v[2] == 1e-6, "lists");
  CHECK(parse("--flag", &st, &alpha, &k, &l), "flags take no value");
  const char *bad[] = {
    "--bogus 1", "--alpha", "--alpha abc", "--alpha 1e-3x", "--alpha nan", "--alpha inf",
    "--alpha 0", "--alpha -1", "--alpha 2", "--k 0", "--k 2.5", "--k 101", "--seed 0",
    "--seed -3", "--alphas 1,,2", "--alphas 1,", "--alphas 1,x", "--alphas 0,1", "--alpha 0.1 --alpha 0.2",
    "positional", "--flag=1", "--out", "--alpha  ", "-x", "--",
  };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    int accepted = parse(bad[i], &st, &alpha, &k, &l);
    CHECK(!accepted && st == OPT_EXIT_USAGE, "rejected with status 2: '%s'", bad[i]);
  }
  CHECK(!parse("--help", &st, &alpha, &k, &l) && st == 0, "--help stops with status 0");
}

static void test_out_and_table(void)
{
  char dir[] = "/tmp/ar-test-XXXXXX";
  CHECK(mkdtemp(dir) != NULL, "temporary folder");
  char stem[256], path[300];
  snprintf(stem, sizeof stem, "%s/t", dir);
  double a = 1.0 / 3.0;
  opt_spec specs[] = { { "a", OPT_REAL, &a, 0, 1, 0, "a number" } };
  opt_parser p = OPT_PARSER("demo", "demo program", specs);
  p.out = stem;
  out_file f;
  CHECK(out_tsv_open(&f, &p, NULL) == 0, "open");
  snprintf(path, sizeof path, "%s.tsv", stem);
  CHECK(access(path, F_OK) != 0, "nothing at the destination before commit");
  out_columns(&f, "x\ty");
  fprintf(f.fp, "%.17g\t%.17g\n1\tnan\n", a, 1e-300);
  CHECK(out_commit(&f) == 0, "commit");
  table *t = table_read(path);
  CHECK(t && t->rows == 2 && t->cols == 2, "read back 2 x 2");
  if (t) {
    CHECK(table_get(t, 0, 0) == a, "%%.17g round-trips exactly");
    CHECK(isnan(table_get(t, 1, 1)), "nan is data");
    CHECK(table_col(t, "y") == 1, "column by name");
    CHECK(table_param_num(t, "a") == a, "provenance parameter read back");
    CHECK(strcmp(table_param(t, "seed"), "1") == 0, "seed in provenance");
  }
  table_free(t);
  /* the timing macros: STEM-timing-macros.tex, bare (no provenance lines), the run's prefix */
  CHECK(out_timing_macros_open(&f, &p) == 0, "timing macros open");
  out_run_macro(&f, &p, "Sec", "%s", "1.5");
  CHECK(out_commit(&f) == 0, "timing macros commit");
  snprintf(path, sizeof path, "%s-timing-macros.tex", stem);
  FILE *tm = fopen(path, "r");
  char line[128] = "";
  CHECK(tm && fgets(line, sizeof line, tm) && !strcmp(line, "\\newcommand{\\TSec}{1.5}\n"), "timing macros: one bare line (%s)", line);
  if (tm) fclose(tm);
  remove(path);
  /* the peak memory: this process holds at least its code, and far less than a terabyte */
  const double mib = proc_peak_mib();
  CHECK(mib > 0.1 && mib < 1e6, "proc_peak_mib in (0.1, 1e6) MiB: %g", mib);
  /* CPU time grows with work (a loop of 2e7 additions takes well over a microsecond); the load
   * average is a non-negative number on Linux */
  const double c0 = proc_cpu_seconds();
  volatile double acc = 0;
  for (long i = 0; i < 20000000; i++) acc += 1e-9;
  const double c1 = proc_cpu_seconds();
  CHECK(c1 > c0 && c1 - c0 < 60 && acc > 0, "proc_cpu_seconds advances: %g -> %g", c0, c1);
  const double load = proc_loadavg();
  CHECK(load >= 0 && load < 1e4, "proc_loadavg in [0, 1e4): %g", load);
  /* abort leaves nothing */
  snprintf(path, sizeof path, "%s/aborted.tsv", dir);
  CHECK(out_open(&f, path) == 0, "open second");
  fputs("partial", f.fp);
  out_abort(&f);
  CHECK(access(path, F_OK) != 0 && access(f.tmp, F_OK) != 0, "abort leaves no file");
  /* malformed tables are refused */
  const char *bad[] = { "", "# only comments\n", "a\tb\n1\n", "a\tb\n1\tx\n", "a\tb\n1\t2\t3\n",
                        "a\tb\n1\t2x\n", "a\tb\n\t2\n" };
  FILE *saved = stderr;
  stderr = fopen("/dev/null", "w");
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    FILE *fp = fopen(path, "w");
    fputs(bad[i], fp);
    fclose(fp);
    table *tb = table_read(path);
    CHECK(tb == NULL, "malformed table %zu refused", i);
    table_free(tb);
  }
  fclose(stderr);
  stderr = saved;
  remove(path);
  snprintf(path, sizeof path, "%s.tsv", stem);
  remove(path);
  rmdir(dir);
  char num[64];
  p.out = "/some/dir/S-oversampling-25";
  out_macro_prefix(&p, num, sizeof num);
  CHECK(strcmp(num, "SOversamplingTwoFive") == 0, "run macro prefix (%s)", num);
  CHECK(strcmp(out_tex_number(num, sizeof num, 1.25e-5, 3), "1.25\\times 10^{-5}") == 0, "tex number");
  CHECK(strcmp(out_tex_number(num, sizeof num, 0.256, 3), "0.256") == 0, "tex number plain");
}

static void test_la(void)
{
  la_work *w = la_work_alloc();
  /* Principal angle on hand-made subspaces: span(e1) vs span(cos t e1 + sin t e2). */
  const double th = 0.3;
  gsl_matrix *A = gsl_matrix_calloc(3, 1), *B = gsl_matrix_calloc(3, 1);
  gsl_matrix *C = gsl_matrix_alloc(1, 1), *R = gsl_matrix_alloc(3, 1);
  gsl_matrix_set(A, 0, 0, 1.0);
  gsl_matrix_set(B, 0, 0, cos(th));
  gsl_matrix_set(B, 1, 0, sin(th));
  CHECK_NEAR(la_sin_angle(A, B, C, R, w), sin(th), 1e-15, "sin of a known angle");
  gsl_matrix_set(B, 0, 0, cos(1e-9));
  gsl_matrix_set(B, 1, 0, sin(1e-9));
  CHECK_NEAR(la_sin_angle(A, B, C, R, w), 1e-9, 1e-20, "tiny angle without cancellation");
  /* Two-dimensional subspaces: span(e1, e2) vs span(e1, cos t e2 + sin t e3): largest angle t. */
  gsl_matrix *A2 = gsl_matrix_calloc(3, 2), *B2 = gsl_matrix_calloc(3, 2);
  gsl_matrix *C2 = gsl_matrix_alloc(2, 2), *R2 = gsl_matrix_alloc(3, 2);
  gsl_matrix_set(A2, 0, 0, 1); gsl_matrix_set(A2, 1, 1, 1);
  gsl_matrix_set(B2, 0, 0, 1); gsl_matrix_set(B2, 1, 1, cos(th)); gsl_matrix_set(B2, 2, 1, sin(th));
  CHECK_NEAR(la_sin_angle(A2, B2, C2, R2, w), sin(th), 1e-15, "largest of two angles");
  /* Eigen: diag(1, 3, 2) -> 3, 2, 1 with matching vectors. */
  gsl_matrix *S = gsl_matrix_calloc(3, 3), *V = gsl_matrix_alloc(3, 3);
  gsl_vector *ev = gsl_vector_alloc(3);
  gsl_matrix_set(S, 0, 0, 1); gsl_matrix_set(S, 1, 1, 3); gsl_matrix_set(S, 2, 2, 2);
  CHECK(la_sym_eig(S, ev, V, w) == 0, "dsyevd");
  CHECK(gsl_vector_get(ev, 0) == 3 && gsl_vector_get(ev, 1) == 2 && gsl_vector_get(ev, 2) == 1,
        "eigenvalues decreasing");
  CHECK_NEAR(fabs(gsl_matrix_get(V, 1, 0)), 1.0, 1e-15, "top eigenvector is e2");
  /* SVD reconstructs a random rectangular matrix; U orthonormal. */
  gsl_rng *rng = rng_stream(3, RNG_MISC, 0, 0);
  gsl_matrix *M = gsl_matrix_alloc(5, 3), *U = gsl_matrix_alloc(5, 3), *W = gsl_matrix_alloc(3, 3);
  gsl_vector *s = gsl_vector_alloc(3);
  for (size_t i = 0; i < 5; i++)
    for (size_t j = 0; j < 3; j++) gsl_matrix_set(M, i, j, gsl_ran_gaussian(rng, 1.0));
  CHECK(la_svd(M, U, s, W, w) == 0, "dgesdd");
  double err = 0, orth = 0;
  for (size_t i = 0; i < 5; i++)
    for (size_t j = 0; j < 3; j++) {
      double x = 0;
      for (size_t q = 0; q < 3; q++) x += gsl_matrix_get(U, i, q) * gsl_vector_get(s, q) * gsl_matrix_get(W, j, q);
      err = fmax(err, fabs(x - gsl_matrix_get(M, i, j)));
    }
  for (size_t a = 0; a < 3; a++)
    for (size_t b = 0; b < 3; b++) {
      double x = 0;
      for (size_t i = 0; i < 5; i++) x += gsl_matrix_get(U, i, a) * gsl_matrix_get(U, i, b);
      orth = fmax(orth, fabs(x - (a == b)));
    }
  CHECK(err < 1e-13, "U S V^T = M (max error %g)", err);
  CHECK(orth < 1e-13, "U^T U = I (max error %g)", orth);
  CHECK_NEAR(la_norm2(M, w), gsl_vector_get(s, 0), 1e-14, "spectral norm = sigma_1");
  CHECK(la_orthonormalize(M) == 0, "QR");
  double qerr = 0;
  for (size_t a = 0; a < 3; a++)
    for (size_t b = 0; b < 3; b++) {
      double x = 0;
      for (size_t i = 0; i < 5; i++) x += gsl_matrix_get(M, i, a) * gsl_matrix_get(M, i, b);
      qerr = fmax(qerr, fabs(x - (a == b)));
    }
  CHECK(qerr < 1e-14, "orthonormalized columns (error %g)", qerr);
  double xs[] = { 3, NAN, 1, 2, 10 };
  stats_summary sm = stats_summarize(xs, 5);
  CHECK(sm.median == 2.5 && sm.min == 1 && sm.max == 10 && sm.count == 4, "summary ignores NaN");
  gsl_rng_free(rng);
  gsl_matrix_free(A); gsl_matrix_free(B); gsl_matrix_free(C); gsl_matrix_free(R);
  gsl_matrix_free(A2); gsl_matrix_free(B2); gsl_matrix_free(C2); gsl_matrix_free(R2);
  gsl_matrix_free(S); gsl_matrix_free(V); gsl_vector_free(ev);
  gsl_matrix_free(M); gsl_matrix_free(U); gsl_matrix_free(W); gsl_vector_free(s);
  la_work_free(w);
}

/* stats_fit_line: the one least-squares line of the artifact, on hand cases. */
static void test_fit_line(void)
{
  const double x[] = { 0, 1, 2, 3 }, y[] = { 2, -1, -4, -7 };
  stats_line L = stats_fit_line(x, y, 4);
  CHECK_NEAR(L.slope, -3, 1e-15, "exact line: slope");
  CHECK_NEAR(L.intercept, 2, 1e-15, "exact line: intercept");
  CHECK(L.r2 == 1 && L.count == 4, "exact line: R^2 = %.17g, count %zu", L.r2, L.count);
  /* (0,0), (1,1), (2,3): slope 3/2, intercept -1/6, residuals 1/6, -1/3, 1/6: R^2 = 1 - (1/6)/(14/3). */
  const double xs[] = { 0, NAN, 1, 2, 4 }, ys[] = { 0, 5, 1, 3, INFINITY };
  L = stats_fit_line(xs, ys, 5);
  CHECK(L.count == 3, "non-finite points skipped (count %zu)", L.count);
  CHECK_NEAR(L.slope, 1.5, 1e-15, "hand case: slope");
  CHECK_NEAR(L.intercept, -1.0 / 6.0, 1e-15, "hand case: intercept");
  CHECK_NEAR(L.r2, 27.0 / 28.0, 1e-15, "hand case: R^2");
  L = stats_fit_line(xs, ys, 2);
  CHECK(L.count == 1 && isnan(L.slope) && isnan(L.intercept) && isnan(L.r2), "one point: no line");
  const double flat[] = { 5, 5, 5 };
  L = stats_fit_line(x, flat, 3);
  CHECK(L.slope == 0 && isnan(L.r2), "constant y: slope 0, R^2 undefined (%g)", L.r2);
}

int main(void)
{
  proc_init();
  test_rng();
  test_rng_table();
  test_fit_line();
  test_opt();
  test_out_and_table();
  test_la();
  return check_done("test_core");
}
