/* test_lifted.c -- the lifted loss against its definition, finite differences, the factorization
 * identity, symmetry, rank-1 read-out and the delta ~ 0.54 instance's curvatures. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_cblas.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include "check.h"
#include "core/rng.h"
#include "io/proc.h"
#include "models/lt.h"

static size_t ipow(size_t n, size_t l) { size_t p = 1; while (l--) p *= n; return p; }

/* h and grad by the definition: every multi-index k, the dense Kronecker product K_k (N x N). */
static void brute(const lt_base *B, size_t l, const double *w, double *h, double *grad)
{
  const size_t n = B->n, N = ipow(n, l), m = B->m;
  double *K = malloc(N * N * sizeof(double)), *Kw = malloc(N * sizeof(double));
  size_t k[8] = { 0 };
  double *ws = malloc(N * sizeof(double));
  lt_power(B->z, n, l, ws);
  *h = 0;
  memset(grad, 0, N * sizeof(double));
  for (;;) {
    for (size_t i = 0; i < N; i++)
      for (size_t j = 0; j < N; j++) {
        double p = 1;
        for (size_t s = 0, ii = i, jj = j; s < l; s++, ii /= n, jj /= n) {
          const size_t q = l - 1 - s;   /* digit of mode q is (ii % n) after s divisions */
          p *= B->A[k[q] * n * n + (ii % n) * n + (jj % n)];
        }
        K[i * N + j] = p;
      }
    double meas = 0, target = 1;
    for (size_t i = 0; i < N; i++) {
      Kw[i] = 0;
      for (size_t j = 0; j < N; j++) Kw[i] += K[i * N + j] * w[j];
      meas += w[i] * Kw[i];
    }
    for (size_t s = 0; s < l; s++) target *= B->b[k[s]];
    (void) ws;
    *h += 0.25 * (meas - target) * (meas - target);
    for (size_t i = 0; i < N; i++) grad[i] += (meas - target) * Kw[i];
    size_t s = l;
    while (s-- > 0) { if (++k[s] < m) break; k[s] = 0; }
    if (s == (size_t) -1) break;
  }
  free(K); free(Kw); free(ws);
}

static void random_vec(double *x, size_t n, gsl_rng *rng, double sd)
{
  for (size_t i = 0; i < n; i++) x[i] = gsl_ran_gaussian(rng, sd);
}

static double rel_err(const double *a, const double *b, size_t n)
{
  double e = 0, s = 0;
  for (size_t i = 0; i < n; i++) { e += (a[i] - b[i]) * (a[i] - b[i]); s += b[i] * b[i]; }
  return sqrt(e / (s > 0 ? s : 1));
}

/* The structured paths (mask and dense Gram) against the definition, for l = 1, 2, 3, on a
 * non-symmetric w (the formulas hold for any w). */
static void test_definition(void)
{
  gsl_rng *rng = rng_stream(3, RNG_MISC, 1, 0);
  lt_base *mc = lt_base_completion(3, 0.3);
  lt_base *mg = lt_base_from(3, mc->m, mc->A, mc->z, LT_GRAM, NULL);
  lt_base *ga = lt_base_gaussian(3, 5, 1.3, rng);
  for (size_t l = 1; l <= 3; l++) {
    const size_t N = ipow(3, l);
    double w[27], g1[27], g2[27], g3[27], g4[27], h1, h2, h3, h4;
    random_vec(w, N, rng, 0.7);
    lt_work *W1 = lt_work_alloc(mc, l), *W2 = lt_work_alloc(mg, l), *W3 = lt_work_alloc(ga, l);
    lt_loss_grad(mc, W1, w, &h1, g1);
    lt_loss_grad(mg, W2, w, &h2, g2);
    brute(mc, l, w, &h3, g3);
    CHECK(fabs(h1 - h3) <= 1e-12 * fabs(h3), "mask loss l=%zu: %.17g vs definition %.17g", l, h1, h3);
    CHECK(fabs(h2 - h3) <= 1e-12 * fabs(h3), "gram loss l=%zu: %.17g vs definition %.17g", l, h2, h3);
    CHECK(rel_err(g1, g3, N) <= 1e-12, "mask gradient l=%zu vs definition: %g", l, rel_err(g1, g3, N));
    CHECK(rel_err(g2, g3, N) <= 1e-12, "gram gradient l=%zu vs definition: %g", l, rel_err(g2, g3, N));
    lt_loss_grad(ga, W3, w, &h4, g4);
    brute(ga, l, w, &h3, g3);
    CHECK(fabs(h4 - h3) <= 1e-12 * fabs(h3), "gaussian loss l=%zu: %.17g vs %.17g", l, h4, h3);
    CHECK(rel_err(g4, g3, N) <= 1e-12, "gaussian gradient l=%zu: %g", l, rel_err(g4, g3, N));
    lt_work_free(W1); lt_work_free(W2); lt_work_free(W3);
  }
  /* l = 4 (even, |S| = l/2 subsets) on the mask path vs the Gram path, n = 2. */
  lt_base *m2 = lt_base_completion(2, 0.2), *g2b = lt_base_from(2, m2->m, m2->A, m2->z, LT_GRAM, NULL);
  lt_work *Wa = lt_work_alloc(m2, 4), *Wb = lt_work_alloc(g2b, 4);
  double w[16], ga4[16], gb4[16], ha, hb;
  random_vec(w, 16, rng, 0.8);
  lt_loss_grad(m2, Wa, w, &ha, ga4);
  lt_loss_grad(g2b, Wb, w, &hb, gb4);
  CHECK(fabs(ha - hb) <= 1e-12 * fabs(hb), "l=4 mask vs gram loss: %.17g vs %.17g", ha, hb);
  CHECK(rel_err(ga4, gb4, 16) <= 1e-12, "l=4 mask vs gram gradient: %g", rel_err(ga4, gb4, 16));
  lt_work_free(Wa); lt_work_free(Wb); lt_base_free(m2); lt_base_free(g2b);
  lt_base_free(mc); lt_base_free(mg); lt_base_free(ga);
  gsl_rng_free(rng);
}

/* Gradient against central finite differences (mask path, n = 5, l = 3). */
static void test_fd(void)
{
  gsl_rng *rng = rng_stream(3, RNG_MISC, 2, 0);
  lt_base *B = lt_base_completion(5, 0.01);
  lt_work *W = lt_work_alloc(B, 3);
  const size_t N = 125;
  double w[125], g[125], wp[125], h, hp, hm;
  random_vec(w, N, rng, 0.3);
  lt_loss_grad(B, W, w, &h, g);
  double worst = 0;
  for (size_t f = 0; f < N; f += 7) {
    const double e = 1e-5;
    memcpy(wp, w, sizeof w); wp[f] += e; lt_loss_grad(B, W, wp, &hp, NULL);
    memcpy(wp, w, sizeof w); wp[f] -= e; lt_loss_grad(B, W, wp, &hm, NULL);
    const double fd = (hp - hm) / (2 * e);
    worst = fmax(worst, fabs(fd - g[f]) / (fabs(g[f]) + 1e-3));
  }
  CHECK(worst <= 1e-6, "gradient vs central differences: worst relative error %g", worst);
  lt_work_free(W); lt_base_free(B); gsl_rng_free(rng);
}

/* h(x^{(x)l}) = 1/4 sum_k (prod <A_ks, xx^T> - prod b_ks)^2 (claim M1's identity). */
static void test_factorization(void)
{
  gsl_rng *rng = rng_stream(3, RNG_MISC, 3, 0);
  lt_base *B = lt_base_completion(4, 0.01);
  for (size_t l = 1; l <= 3; l++) {
    lt_work *W = lt_work_alloc(B, l);
    double x[4], w[64], h;
    random_vec(x, 4, rng, 1.0);
    lt_power(x, 4, l, w);
    lt_loss_grad(B, W, w, &h, NULL);
    const double hf = lt_loss_factored(B, l, x);
    CHECK(fabs(h - hf) <= 1e-12 * fabs(hf), "factorization l=%zu: %.17g vs %.17g", l, h, hf);
    lt_work_free(W);
  }
  lt_base_free(B);
  gsl_rng_free(rng);
}

/* GD from a symmetric tensor stays symmetric; a non-symmetric tensor is detected. */
static void test_symmetry(void)
{
  lt_base *B = lt_base_completion(4, 0.01);
  lt_work *W = lt_work_alloc(B, 3);
  gsl_rng *rng = rng_stream(3, RNG_MISC, 4, 0);
  double x[4], w[64];
  random_vec(x, 4, rng, 1.0);
  lt_init(w, x, 4, 3, 0.5);
  double wmax = 0;
  for (size_t f = 0; f < 64; f++) wmax = fmax(wmax, fabs(w[f]));
  /* products in different orders differ by rounding only */
  CHECK(lt_sym_defect(w, 4, 3) <= 4e-16 * wmax, "x^{(x)3} is symmetric: %g", lt_sym_defect(w, 4, 3));
  lt_config c = lt_config_default(LT_GD, 0.02, 300, 4, 3);
  lt_outcome o;
  size_t fail;
  CHECK(lt_run(B, W, &c, w, NULL, NULL, &o, &fail) == 0, "GD runs");
  double nw = 0;
  for (size_t f = 0; f < 64; f++) nw += w[f] * w[f];
  CHECK(lt_sym_defect(w, 4, 3) <= 1e-12 * sqrt(nw), "GD keeps symmetry: %g", lt_sym_defect(w, 4, 3));
  w[1] += 1e-6;   /* index (0,0,1) vs (1,0,0) */
  CHECK(fabs(lt_sym_defect(w, 4, 3) - 1e-6) < 1e-9, "asymmetry detected: %g", lt_sym_defect(w, 4, 3));
  lt_work_free(W); lt_base_free(B); gsl_rng_free(rng);
}

/* Planted rank-1 tensors, with noise and a negative weight; kappa-hat of planted mixtures. */
static void test_rank1(void)
{
  const size_t n = 6, l = 3, N = 216;
  lt_base *B = lt_base_completion(n, 0.01);
  lt_work *W = lt_work_alloc(B, l);
  gsl_rng *rng = rng_stream(3, RNG_MISC, 5, 0);
  double u[6], v[6], w[216], pu[216], pv[216], lam, est[6];
  for (int trial = 0; trial < 3; trial++) {
    random_vec(u, n, rng, 1.0);
    double nu = 0;
    for (size_t a = 0; a < n; a++) nu += u[a] * u[a];
    for (size_t a = 0; a < n; a++) u[a] /= sqrt(nu);
    const double lam0 = trial == 1 ? -2.5 : 1.7;
    lt_power(u, n, l, w);
    double noise[216], sym[216];
    random_vec(noise, N, rng, 1e-3);
    memset(sym, 0, sizeof sym);
    /* symmetric noise: average of the 6 mode permutations, built from index digits */
    for (size_t i = 0; i < n; i++) for (size_t j = 0; j < n; j++) for (size_t k = 0; k < n; k++) {
      const size_t p[6] = { (i*n+j)*n+k, (i*n+k)*n+j, (j*n+i)*n+k, (j*n+k)*n+i, (k*n+i)*n+j, (k*n+j)*n+i };
      for (int q = 0; q < 6; q++) sym[p[0]] += noise[p[q]] / 6;
    }
    for (size_t f = 0; f < N; f++) w[f] = lam0 * w[f] + sym[f];
    CHECK(lt_rank1(w, n, l, &lam, est, W) == 0, "rank1 runs");
    double dot = 0;
    for (size_t a = 0; a < n; a++) dot += est[a] * u[a];
    CHECK(fabs(lam * (dot > 0 ? 1 : -1) - lam0) < 1e-2, "planted lambda %g vs %g", lam, lam0);
    CHECK(1 - fabs(dot) < 1e-4, "planted direction |cos| = %.12f", fabs(dot));
  }
  /* kappa-hat of v^{(x)3} + 0.5 u^{(x)3} with u perpendicular to v is 0.5. */
  memset(u, 0, sizeof u); memset(v, 0, sizeof v);
  u[1] = 1; v[0] = 0.6; v[2] = 0.8;
  lt_power(u, n, l, pu);
  lt_power(v, n, l, pv);
  for (size_t f = 0; f < N; f++) w[f] = pv[f] + 0.5 * pu[f];
  double kap;
  CHECK(lt_kappa(w, n, l, v, &kap, W) == 0, "kappa runs");
  CHECK_NEAR(kap, 0.5, 1e-10, "kappa-hat of a planted mixture");
  lt_work_free(W); lt_base_free(B); gsl_rng_free(rng);
}

/* Matrix completion: v1 = z/sqrt(p); the spectral vector is the ground-truth direction. */
static void test_completion(void)
{
  lt_base *B = lt_base_completion(7, 0.01);
  double p = 4, worst = 0;
  for (size_t a = 0; a < 7; a++) worst = fmax(worst, fabs(B->v1[a] - B->z[a] / sqrt(p)));
  CHECK(worst < 1e-12, "v1 = z/sqrt(p): %g", worst);
  CHECK(B->sigma[0] > B->sigma[1], "sigma_1 > sigma_2");
  lt_base_free(B);
}

/* The delta ~ 0.54 instance (unscaled losses = 4 x ours): x^ = (0, 1/sqrt2) is a critical point of
 * f with curvature +0.26667 along e_1 (Hessian diag(0.26667, 2.66667)); x^{(x)3} is critical for
 * h^3 with curvature -0.72048 along e_1^{(x)3}. */
static double curvature(const lt_base *B, lt_work *W, const double *w0, const double *d, size_t N, double e)
{
  double w[8], hp, hm, h0;
  for (size_t f = 0; f < N; f++) w[f] = w0[f] + e * d[f];
  lt_loss_grad(B, W, w, &hp, NULL);
  for (size_t f = 0; f < N; f++) w[f] = w0[f] - e * d[f];
  lt_loss_grad(B, W, w, &hm, NULL);
  lt_loss_grad(B, W, w0, &h0, NULL);
  return 4.0 * (hp - 2 * h0 + hm) / (e * e);
}

static void test_delta(void)
{
  lt_base *B = lt_base_delta();
  lt_work *W1 = lt_work_alloc(B, 1), *W3 = lt_work_alloc(B, 3);
  const double xh[2] = { 0, M_SQRT1_2 }, e1[2] = { 1, 0 }, e2[2] = { 0, 1 };
  double g[8], h, w3[8], d3[8];
  lt_loss_grad(B, W1, xh, &h, g);
  CHECK(hypot(g[0], g[1]) < 1e-14, "x^ critical for f: |grad| = %g", hypot(g[0], g[1]));
  CHECK_NEAR(curvature(B, W1, xh, e1, 2, 1e-4), 0.26667, 1e-4, "f curvature along e1");
  CHECK_NEAR(curvature(B, W1, xh, e2, 2, 1e-4), 2.66667, 1e-4, "f curvature along e2");
  lt_power(xh, 2, 3, w3);
  lt_power(e1, 2, 3, d3);
  lt_loss_grad(B, W3, w3, &h, g);
  double ng = 0;
  for (size_t f = 0; f < 8; f++) ng += g[f] * g[f];
  CHECK(sqrt(ng) < 1e-14, "x^{(x)3} critical for h: |grad| = %g", sqrt(ng));
  CHECK_NEAR(curvature(B, W3, w3, d3, 8, 1e-4), -0.72048, 1e-4, "h^3 curvature along e1^{(x)3}");
  /* the Gram form is the spec's */
  double X[4] = { 0.3, -0.7, -0.7, 1.1 }, s = 0;
  for (size_t i = 0; i < 3; i++) {
    double a = 0;
    for (size_t f = 0; f < 4; f++) a += B->A[i * 4 + f] * X[f];
    s += a * a;
  }
  CHECK_NEAR(s, 0.6 * 0.09 + 2.0 / 3 * 0.3 * 1.1 + 2.0 / 3 * 1.21 + 2 * 0.49, 1e-13, "Gram form");
  lt_work_free(W1); lt_work_free(W3); lt_base_free(B);
}

/* lt_kron_apply equals the explicit Kronecker matrix. */
static void test_kron(void)
{
  gsl_rng *rng = rng_stream(3, RNG_MISC, 6, 0);
  double M[9], x[54], y[54], tmp[54], ref[54];
  random_vec(M, 9, rng, 1.0);
  random_vec(x, 54, rng, 1.0);   /* rows = 2, k = 3, n = 3 */
  memcpy(y, x, sizeof x);
  lt_kron_apply(M, 3, 2, 3, y, tmp);
  for (size_t r = 0; r < 2; r++)
    for (size_t i = 0; i < 27; i++) {
      double s = 0;
      for (size_t j = 0; j < 27; j++)
        s += M[(i / 9) * 3 + j / 9] * M[((i / 3) % 3) * 3 + (j / 3) % 3] * M[(i % 3) * 3 + j % 3] * x[r * 27 + j];
      ref[r * 27 + i] = s;
    }
  CHECK(rel_err(y, ref, 54) < 1e-14, "mode-wise Kronecker product: %g", rel_err(y, ref, 54));
  gsl_rng_free(rng);
}

/* lt_learn_time: the first t at which |w_t|^2 >= frac |z|^(2l), against a plain loop of lt_gd_step;
 * NAN when the cap comes first. */
static void test_learn_time(void)
{
  const size_t n = 3, l = 3, N = 27;
  gsl_rng *rng = rng_stream(12, RNG_MISC, 7, 0);
  lt_base *B = lt_base_gaussian(n, 400, 1.0, rng);
  lt_work *W = lt_work_alloc(B, l);
  double x0[3], w[27], th = NAN, ref = NAN, loss;
  random_vec(x0, n, rng, 1.0);
  size_t fail = 0;
  lt_init(w, x0, n, l, 1e-6);
  CHECK(lt_learn_time(B, W, w, 0.05, 5000, 0.5, &th, &fail) == 0, "lt_learn_time runs");
  lt_init(w, x0, n, l, 1e-6);
  for (size_t t = 0; t <= 5000 && isnan(ref); t++) {
    if (cblas_ddot((int) N, w, 1, w, 1) >= 0.5) ref = (double) t;
    else lt_gd_step(B, W, w, 0.05, &loss);
  }
  CHECK(th == ref && th > 100, "learn time %g vs plain loop %g", th, ref);
  lt_init(w, x0, n, l, 1e-6);
  CHECK(lt_learn_time(B, W, w, 0.05, (size_t) th - 1, 0.5, &th, &fail) == 0 && isnan(th),
        "NAN when not learned by the cap");
  lt_work_free(W); lt_base_free(B); gsl_rng_free(rng);
}

int main(void)
{
  proc_init();
  test_definition();
  test_fd();
  test_factorization();
  test_symmetry();
  test_rank1();
  test_completion();
  test_delta();
  test_kron();
  test_learn_time();
  return check_done("test_lifted");
}
