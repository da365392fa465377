/* test_crng -- the counter-based Gaussian rows: the vectorized Philox against Random123's, the
 * ziggurat's tables against their definition, the law of the draws, and their independence of
 * order.  With --print-tables it prints the tables as crng.c keeps them. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sort.h>
#include <Random123/philox.h>

#include "check.h"
#include "core/crng.h"

/* The ziggurat of Marsaglia and Tsang from its definition, in long double: x_127 = r, and
 * x_i = sqrt(-2 log(v / x_{i+1} + f(x_{i+1}))) below, each layer of area v. */
static void zig_tables(long double w[128], long double f[128], uint32_t k[128])
{
  const long double r = 3.442619855899L, v = 9.91256303526217e-3L, m = 16777216.0L;
  long double x[128];
  x[127] = r;
  for (int i = 126; i >= 1; i--) x[i] = sqrtl(-2.0L * logl(v / x[i + 1] + expl(-0.5L * x[i + 1] * x[i + 1])));
  const long double base = v / expl(-0.5L * r * r);
  for (int i = 0; i < 128; i++) {
    w[i] = (i ? x[i] : base) / m;
    f[i] = i ? expl(-0.5L * x[i] * x[i]) : 1.0L;
    k[i] = i == 0 ? (uint32_t) (r / base * m) : i == 1 ? 0 : (uint32_t) (x[i - 1] / x[i] * m);
  }
}

static int within_ulp(double a, long double exact)
{
  const double e = (double) exact;
  return a == e || a == nextafter(e, INFINITY) || a == nextafter(e, -INFINITY);
}

static void test_tables(void)
{
  long double w[128], f[128];
  uint32_t k[128];
  zig_tables(w, f, k);
  int bad = 0;
  for (int i = 0; i < 128; i++)
    bad += !within_ulp(crng_zig_w[i], w[i]) + !within_ulp(crng_zig_f[i], f[i]) + (crng_zig_k[i] != k[i]);
  CHECK(bad == 0, "ziggurat tables: %d entries differ from their definition by more than an ulp", bad);
  /* r and v are a consistent pair: the base strip (a rectangle r f(r) and the tail beyond r) has
   * area v, and so has the top layer the recursion from r ends with, x_1 (1 - f(x_1)). */
  const long double r = 3.442619855899L, v = 9.91256303526217e-3L, x1 = w[1] * 16777216.0L;
  const long double base = r * expl(-0.5L * r * r) + sqrtl(acosl(-1.0L) / 2) * erfcl(r / sqrtl(2.0L));
  const long double top = x1 * (1 - f[1]);
  CHECK(fabsl(base - v) < 1e-9L * v, "ziggurat: base strip area %Lg vs v = %Lg", base, v);
  CHECK(fabsl(top - v) < 1e-6L * v, "ziggurat: top layer area %Lg vs v = %Lg", top, v);
}

static void test_philox(void)
{
  const uint32_t keys[3][2] = { { 0, 0 }, { 123, 3 }, { 0xFFFFFFFFu, 0x80000000u } };
  const uint32_t ctrs[3][2] = { { 0, 0 }, { 5, 7 }, { 0xFFFFFFF8u, 0xFFFFFFFFu } };
  int same = 1;
  for (int a = 0; a < 3; a++)
    for (int b = 0; b < 3; b++) {
      uint32_t out[4 * CRNG_LANES];
      crng_philox_lanes(keys[a][0], keys[a][1], ctrs[b][0], ctrs[b][1], out);
      for (uint32_t l = 0; l < CRNG_LANES; l++) {
        philox4x32_ctr_t c = { { ctrs[b][0] + l, ctrs[b][1], 0, 0 } };
        philox4x32_key_t kk = { { keys[a][0], keys[a][1] } };
        philox4x32_ctr_t r = philox4x32(c, kk);
        same = same && !memcmp(r.v, out + 4 * l, sizeof r.v);
      }
    }
  CHECK(same, "vectorized Philox4x32-10 = Random123's philox4x32, bit for bit (incl. counter wrap)");
  /* Random123's known-answer vector for philox4x32-10 (its kat_vectors): counter and key 0. */
  philox4x32_ctr_t z = { { 0, 0, 0, 0 } };
  philox4x32_key_t zk = { { 0, 0 } };
  philox4x32_ctr_t r = philox4x32(z, zk);
  CHECK(r.v[0] == 0x6627e8d5u && r.v[1] == 0xe169c58du && r.v[2] == 0xbc57ac4cu && r.v[3] == 0x9b00dbd8u,
        "philox4x32-10 known answer: %08x %08x %08x %08x", r.v[0], r.v[1], r.v[2], r.v[3]);
}

/* The law: over 2^20 draws (rows of 5050, as at n = 100), mean, variance, fourth moment, the tail
 * beyond the ziggurat's r (drawn by the rejection steps only), and the Kolmogorov-Smirnov
 * distance to N(0,1) on a sorted sample.  Bounds are 5 standard errors (KS: its 0.1% point). */
static void test_law(void)
{
  const size_t P = 5050, rows = 208, N = P * rows;
  double *x = malloc(N * sizeof *x);
  for (size_t i = 0; i < rows; i++) crng_gaussian_row(77, 3, (uint32_t) i, P, x + i * P);
  double s1 = 0, s2 = 0, s4 = 0;
  size_t tail = 0, finite = 1;
  for (size_t t = 0; t < N; t++) {
    s1 += x[t];
    s2 += x[t] * x[t];
    s4 += x[t] * x[t] * x[t] * x[t];
    tail += fabs(x[t]) > 3.442619855899;
    finite = finite && isfinite(x[t]);
  }
  const double n = (double) N, mean = s1 / n, var = s2 / n, m4 = s4 / n;
  CHECK(finite, "draws are finite");
  CHECK(fabs(mean) < 5 / sqrt(n), "mean %g", mean);
  CHECK(fabs(var - 1) < 5 * sqrt(2 / n), "variance %g", var);
  CHECK(fabs(m4 - 3) < 5 * sqrt(96 / n), "fourth moment %g", m4);
  const double ptail = 2 * gsl_cdf_ugaussian_Q(3.442619855899);
  CHECK(fabs(tail / n - ptail) < 5 * sqrt(ptail / n), "tail beyond r: %g vs %g", tail / n, ptail);
  gsl_sort(x, 1, N);
  double ks = 0;
  for (size_t t = 0; t < N; t++) {
    const double F = gsl_cdf_ugaussian_P(x[t]);
    ks = fmax(ks, fmax(fabs(F - (double) t / n), fabs(F - (double) (t + 1) / n)));
  }
  CHECK(ks < 1.95 / sqrt(n), "Kolmogorov-Smirnov distance %g (0.1%% point %g)", ks, 1.95 / sqrt(n));
  free(x);
}

/* Entry q depends on (key, row, q) only: a prefix of a row is the row's prefix, rows and keys
 * differ, and the same call gives the same bits. */
static void test_counter(void)
{
  enum { P = 1000 };
  double a[P], b[P], c[P], d[P], e[37];
  crng_gaussian_row(9, 3, 41, P, a);
  crng_gaussian_row(9, 3, 41, P, b);
  crng_gaussian_row(9, 3, 42, P, c);
  crng_gaussian_row(10, 3, 41, P, d);
  crng_gaussian_row(9, 3, 41, 37, e);
  CHECK(!memcmp(a, b, sizeof a), "same key and row, same bits");
  CHECK(!memcmp(a, e, sizeof e), "a prefix of the row is the same whatever the length");
  int differ_row = 0, differ_key = 0;
  for (int t = 0; t < P; t++) differ_row += a[t] != c[t], differ_key += a[t] != d[t];
  CHECK(differ_row == P && differ_key == P, "another row or key changes every entry (%d, %d of %d)",
        differ_row, differ_key, P);
}

static void print_tables(void)
{
  long double w[128], f[128];
  uint32_t k[128];
  zig_tables(w, f, k);
  for (int i = 0; i < 128; i++) printf("%a,%s", (double) w[i], i % 4 == 3 ? "\n" : " ");
  for (int i = 0; i < 128; i++) printf("%a,%s", (double) f[i], i % 4 == 3 ? "\n" : " ");
  for (int i = 0; i < 128; i++) printf("%u,%s", (unsigned) k[i], i % 8 == 7 ? "\n" : " ");
}

int main(int argc, char **argv)
{
  if (argc > 1 && !strcmp(argv[1], "--print-tables")) {
    print_tables();
    return 0;
  }
  test_philox();
  test_tables();
  test_law();
  test_counter();
  return check_done("test_crng");
}
